/**
 * Offline check of manifest.xml (office-addin-manifest validate needs the internet):
 * well-formed XML, the elements an Excel task pane add-in needs, a GUID id, ExcelApi 1.9,
 * zh-CN default with en-US overrides, every resid defined, every https://localhost:3000/ URL a
 * file the webpack build emits (taken from webpack.config.js itself), icons of the declared
 * size, and every ribbon FunctionName associated in src/commands/commands.ts.
 *
 * Run: `npm run manifest:check` (exit status 1 with one line per problem).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { SaxesParser } from "saxes";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const DEV_URL = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parse XML strictly (throws on anything not well-formed); element names without prefixes. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.local && a.prefix !== "xmlns" ? (a.prefix ? `${a.prefix}:${a.local}` : a.local) : a.name] = a.value;
    const node: XmlNode = { name: tag.local, attrs, children: [], text: "" };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

function* walk(n: XmlNode): Generator<XmlNode> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name === name);
}

/** The files a production/development build writes, read from webpack.config.js. */
export async function emittedFiles(repo: string): Promise<Map<string, string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(repo, "webpack.config.js")) as (env: object, argv: object) => Promise<{ plugins: unknown[] } | { plugins: unknown[] }[]>;
  // One configuration, or several (the add-in and the standalone page).
  const configs = [await makeConfig({}, { mode: "development" })].flat();
  const out = new Map<string, string>(); // emitted path → source file
  for (const p of configs.flatMap((c) => c.plugins)) {
    const plugin = p as { constructor: { name: string }; userOptions?: { filename?: string; template?: string }; patterns?: { from: string; to?: string }[] };
    if (plugin.constructor.name === "HtmlWebpackPlugin" && plugin.userOptions?.filename) {
      out.set(plugin.userOptions.filename, resolve(repo, plugin.userOptions.template ?? ""));
    }
    if (Array.isArray(plugin.patterns)) {
      for (const pat of plugin.patterns ?? []) {
        const from = pat.from;
        const sources = from.includes("*") ? globFiles(repo, from) : [from];
        for (const src of sources) {
          const name = basename(src, extname(src));
          const to = (pat.to ?? "[name][ext]").replace("[name]", name).replace("[ext]", extname(src)).replace("[query]", "");
          out.set(to, resolve(repo, src));
        }
      }
    }
  }
  return out;
}

/** Enough of a glob for "dir/*.ext". */
function globFiles(repo: string, pattern: string): string[] {
  const dir = dirname(pattern);
  const re = new RegExp(`^${basename(pattern).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  const abs = join(repo, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => re.test(f))
    .map((f) => join(dir, f));
}

/** Width and height of a PNG file (null when it is not one). */
export function pngSize(file: string): { width: number; height: number } | null {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export interface CheckOptions {
  /** Emitted path → source file (default: from webpack.config.js). */
  emitted: Map<string, string>;
  /** Source of the ribbon commands (Office.actions.associate names). */
  commandsSource: string;
}

export function checkManifestXml(xml: string, opts: CheckOptions): string[] {
  const errors: string[] = [];
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`manifest.xml is not well-formed XML: ${(e as Error).message}`];
  }
  if (root.name !== "OfficeApp") errors.push(`root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") errors.push(`OfficeApp xsi:type is "${root.attrs["xsi:type"] ?? ""}", expected "TaskPaneApp"`);
  for (const name of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"]) {
    if (!child(root, name)) errors.push(`missing <${name}>`);
  }
  const id = child(root, "Id")?.text.trim() ?? "";
  if (!GUID.test(id)) errors.push(`<Id> "${id}" is not a GUID`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(child(root, "Version")?.text.trim() ?? "")) errors.push("<Version> must be n.n.n.n");
  if (child(root, "DefaultLocale")?.text.trim() !== "zh-CN") errors.push("<DefaultLocale> must be zh-CN");
  for (const name of ["DisplayName", "Description"]) {
    const n = child(root, name);
    if (n && !n.children.some((c) => c.name === "Override" && c.attrs.Locale === "en-US")) errors.push(`<${name}> has no en-US override`);
  }
  if (!child(root, "Hosts")?.children.some((h) => h.attrs.Name === "Workbook")) errors.push('no <Host Name="Workbook"> (Excel)');
  const excelSets = [...walk(root)].filter((n) => n.name === "Set" && n.attrs.Name === "ExcelApi");
  if (excelSets.length === 0) errors.push("no ExcelApi requirement set");
  for (const s of excelSets) if (s.attrs.MinVersion !== "1.9") errors.push(`ExcelApi MinVersion is ${s.attrs.MinVersion ?? "missing"}, expected 1.9`);
  if (!child(child(root, "Requirements"), "Sets")?.children.some((s) => s.attrs.Name === "ExcelApi")) errors.push("<Requirements> does not require ExcelApi");
  const perm = child(root, "Permissions")?.text.trim();
  if (perm !== "ReadWriteDocument") errors.push(`<Permissions> is ${perm ?? "missing"}, expected ReadWriteDocument (the add-in writes results)`);
  if (!child(child(root, "DefaultSettings"), "SourceLocation")) errors.push("missing <DefaultSettings><SourceLocation>");

  // Resources: ids, resid references, string lengths.
  const defined = new Map<string, XmlNode>();
  for (const n of walk(root)) {
    if ((n.name === "Image" || n.name === "Url" || n.name === "String") && n.attrs.id) {
      if (defined.has(n.attrs.id)) errors.push(`resource id "${n.attrs.id}" is defined twice`);
      defined.set(n.attrs.id, n);
    }
  }
  for (const n of walk(root)) {
    const resid = n.attrs.resid;
    if (resid !== undefined && !defined.has(resid)) errors.push(`<${n.name} resid="${resid}"> refers to no resource`);
    if (n.name === "String" && n.attrs.DefaultValue !== undefined) {
      const long = [...walk(root)].some((p) => p.name === "LongStrings" && p.children.includes(n));
      const max = long ? 250 : 125;
      for (const v of [n.attrs.DefaultValue, ...n.children.map((c) => c.attrs.Value ?? "")]) if (v.length > max) errors.push(`string "${n.attrs.id}" is longer than ${max} characters`);
      if (!n.children.some((c) => c.name === "Override" && c.attrs.Locale === "en-US")) errors.push(`string "${n.attrs.id}" has no en-US override`);
    }
  }

  // Every URL: https; localhost ones must be files the build emits; icons of the right size.
  for (const n of walk(root)) {
    for (const [attr, v] of Object.entries(n.attrs)) {
      if (!/^(DefaultValue|Value)$/.test(attr) || !/^https?:\/\//.test(v)) continue;
      if (!v.startsWith("https://")) errors.push(`${v}: add-in URLs must be https`);
      if (!v.startsWith(DEV_URL)) continue;
      const path = v.slice(DEV_URL.length).split(/[?#]/)[0];
      if (!path) continue;
      const src = opts.emitted.get(path);
      if (!src) errors.push(`${v}: the build emits no "${path}"`);
      else if (!existsSync(src)) errors.push(`${v}: its source ${src} does not exist`);
      else if (path.endsWith(".png")) {
        const size = pngSize(src);
        // Declared size: the resource id ("Icon.16x16"), else the file name ("icon-32.png").
        const want = Number(/(\d+)x\1$/.exec(n.attrs.id ?? "")?.[1] ?? /-(\d+)\.png$/.exec(path)?.[1] ?? NaN);
        if (!size) errors.push(`${v}: ${src} is not a PNG`);
        else if (Number.isFinite(want) && (size.width !== want || size.height !== want)) errors.push(`${v}: ${size.width}×${size.height}, expected ${want}×${want}`);
      }
    }
  }
  const sizes = [...walk(root)].filter((n) => n.name === "Image" && n.attrs.size).map((n) => n.attrs.size);
  for (const s of ["16", "32", "80"]) if (!sizes.includes(s)) errors.push(`ribbon icons lack size ${s}`);

  // Ribbon functions must be associated in the commands page.
  for (const n of walk(root)) {
    if (n.name !== "FunctionName") continue;
    const fn = n.text.trim();
    if (!new RegExp(`Office\\.actions\\.associate\\(\\s*["']${fn}["']`).test(opts.commandsSource)) errors.push(`<FunctionName>${fn}</FunctionName> is not associated in src/commands/commands.ts`);
  }
  return errors;
}

export async function checkManifest(repo = resolve(__dirname, "../..")): Promise<string[]> {
  const xml = readFileSync(join(repo, "manifest.xml"), "utf8");
  return checkManifestXml(xml, {
    emitted: await emittedFiles(repo),
    commandsSource: readFileSync(join(repo, "src/commands/commands.ts"), "utf8"),
  });
}

if (require.main === module || resolve(process.argv[1] ?? "") === __filename) {
  checkManifest().then(
    (errors) => {
      if (errors.length === 0) {
        console.log("manifest.xml: OK");
        return;
      }
      for (const e of errors) console.error(`manifest.xml: ${e}`);
      process.exitCode = 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
