/**
 * Office.js requests of a county-sized check and 「清除标记」, through the real Office.js request
 * serialiser (src/adapters/officejs/fake/office-js.ts) over the in-memory Excel: the number of
 * requests and the largest request body per stage. Excel on the web refuses a request over 5 MB.
 *
 *   node src/cli/run-ts.cjs test/bench/officejs-requests.ts [projects…]   (default 200 2000)
 */
import { OfficeJsPort } from "../../src/adapters/officejs/port";
import { FakeRequestContext } from "../../src/adapters/officejs/fake/excel";
import { realOfficeJs, type RecordedRequest } from "../../src/adapters/officejs/fake/office-js";
import { countyBook } from "../../src/adapters/officejs/fake/county";
import { checkWorkbook, clearWorkbook } from "../../src/engine/pipeline";

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

function line(label: string, rs: RecordedRequest[]): string {
  const largest = Math.max(0, ...rs.map((r) => r.bytes));
  const response = Math.max(0, ...rs.map((r) => r.responseBytes));
  return `${label.padEnd(22)} requests ${String(rs.length).padStart(3)}  largest request ${mb(largest).padStart(9)}  largest response ${mb(response).padStart(9)}  refused ${rs.filter((r) => r.refused).length}`;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const projects of sizes.length ? sizes : [200, 2000]) {
    const fake = new FakeRequestContext(countyBook(projects));
    const real = realOfficeJs(fake);
    const port = new OfficeJsPort(real.context, { supports: (s, v) => fake.supports(s, v) });
    const out = await checkWorkbook(port, { now: new Date("2025-01-15T08:00:00Z") });
    const checked = real.requests.slice();
    await clearWorkbook(port);
    const cleared = real.requests.slice(checked.length);
    console.log(`Office.js requests, ${projects} projects × 10 indicators, ${out.findings.length} findings`);
    console.log("  " + line("check + write-back", checked));
    console.log("  " + line("清除标记", cleared));
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
