/**
 * The package adapter runs in a browser (the standalone page bundles it): it bundles for the
 * browser platform with no Node built-in, and works there on bytes alone.
 */
import { buildSync } from "esbuild";
import * as path from "path";

test("bundles for the browser without Node built-ins", () => {
  const entry = path.join(__dirname, "port.ts");
  const r = buildSync({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent", metafile: true });
  expect(r.errors).toEqual([]);
  const inputs = Object.keys(r.metafile?.inputs ?? {});
  expect(inputs.some((i) => /node_modules[\\/]fflate/.test(i))).toBe(true);
  expect(inputs.some((i) => /node_modules[\\/]saxes/.test(i))).toBe(true);
  expect(inputs.some((i) => /adapters[\\/]xlsx[\\/]node\.ts$/.test(i))).toBe(false);
  expect(inputs.some((i) => /exceljs/.test(i))).toBe(false);
});
