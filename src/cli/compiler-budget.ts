/**
 * The command is a short-lived process: most of a check runs before V8's optimising compiler
 * has caught up. On a machine with few cores its compiler thread is the bottleneck — on the
 * 2-core reference machine, `perf` shows TurboFan compiling for about as long as the check
 * itself runs (see docs/performance.md, "Where time goes") — and hot functions wait in the
 * queue, running unoptimised meanwhile. TurboFan inlines callees into each function it
 * optimises up to a budget of bytecode (920 by default): with a smaller budget each
 * optimisation is a fraction of the work, so code is optimised sooner. Measured: a check of
 * 20,000 indicators ~9 % faster; 200,000 indicators and batches unchanged within noise.
 *
 * Imported first by main.ts (before any engine code has run hot). Compiler flags only: the
 * results are the same either way. JIXIAO_V8_DEFAULTS=1 keeps V8's own settings (to compare).
 * The other half is the first line of src/cli/bin.cjs: --v8-pool-size=0, as many background
 * threads as the machine has cores to spare (Node's default is four, whatever the machine).
 */
import { setFlagsFromString } from "v8";

export const INLINE_BUDGET = 150;

if (!process.env.JIXIAO_V8_DEFAULTS) setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
