/**
 * The real Office.js request serialiser in front of the in-memory Excel (tests and the bench).
 *
 * `@microsoft/office-js`'s debug build is loaded in a Node `vm` sandbox; its `Excel.RequestContext`
 * builds and serialises every batch exactly as in Excel, and a custom request executor takes each
 * request body (the JSON Office.js sends to the host), records its size, refuses it over 5 MB as
 * Excel on the web does (RequestPayloadSizeLimitExceeded), and otherwise plays it — object paths
 * and actions — against a FakeRequestContext, answering each query with what the fake loaded. So
 * the adapter runs unchanged against real proxies, real client-side checks (PropertyNotLoaded,
 * invalid object paths after a request) and real request sizes, on the fake's workbook.
 *
 * The published library predates Worksheet.notes (ExcelApi 1.18); the sandbox adds it with the
 * same shape as Worksheet.comments (a collection with add / getItemOrNullObject / items, whose
 * items have content, getLocation and delete), which is what the 1.18 host serialises.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { FakeOfficeError, PAYLOAD_LIMIT, type FakeRequestContext } from "./excel";

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface RecordedRequest {
  /** UTF-8 bytes of the request body JSON. */
  bytes: number;
  /** UTF-8 bytes of the response body JSON. */
  responseBytes: number;
  actions: number;
  refused: boolean;
}

interface Sandbox {
  Excel: { RequestContext: new () => Excel.RequestContext };
  __jixiaoSupports?: (set: string, version: string) => boolean;
}

let sandbox: Sandbox | null = null;

function officeJsSource(): string {
  const dir = path.dirname(require.resolve("@microsoft/office-js/package.json"));
  const src = fs.readFileSync(path.join(dir, "dist", "excel-web-16.00.debug.js"), "utf8");
  const hook = 'Object.defineProperty(Worksheet.prototype, "comments", {';
  if (!src.includes(hook)) throw new Error("office-js: Worksheet.comments not found; cannot add Worksheet.notes");
  const notes = `Object.defineProperty(Worksheet.prototype, "notes", {
            get: function () {
                if (window.__jixiaoSupports && !window.__jixiaoSupports("ExcelApi", "1.18")) {
                    throw new OfficeExtension.Error({ code: "ApiNotFound", httpStatusCode: 404, message: "Worksheet.notes needs ExcelApi 1.18" });
                }
                if (!this.m_notes) { this.m_notes = _createPropertyObject(Excel.CommentCollection, this, "Notes", true, 4); }
                return this.m_notes;
            },
            enumerable: true,
            configurable: true
        });
        `;
  return src.replace(hook, notes + hook);
}

function loadSandbox(): Sandbox {
  if (sandbox) return sandbox;
  const g: Record<string, unknown> = { console: { log() {}, info() {}, warn() {}, error() {} }, setTimeout, clearTimeout, Promise, JSON, Date, Math };
  g.window = g;
  g.self = g;
  g.navigator = { userAgent: "node" };
  g.document = { createElement: () => ({}), getElementsByTagName: () => [], addEventListener() {}, readyState: "complete" };
  g.location = { href: "https://localhost/", search: "", hash: "", protocol: "https:", host: "localhost", hostname: "localhost", pathname: "/" };
  vm.createContext(g);
  vm.runInContext(officeJsSource(), g, { filename: "excel-web-16.00.debug.js" });
  sandbox = g as unknown as Sandbox;
  return sandbox;
}

const encoder = new TextEncoder();
const utf8 = (s: string): number => encoder.encode(s).length;
const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

type Fake = Record<string, unknown>;

function call(obj: Fake, name: string, args: unknown[]): unknown {
  const f = obj?.[name];
  if (typeof f !== "function") throw new FakeOfficeError("InvalidArgument", `the fake has no method ${name} on ${String(obj?.constructor?.name)}`);
  return (f as (...a: unknown[]) => unknown).apply(obj, args);
}

/** Plays requests against the fake: object paths → fake proxies (kept across requests, as the host keeps them). */
class Player {
  private readonly objects = new Map<number, Fake>();

  constructor(private readonly fake: FakeRequestContext) {}

  private args(info: ObjectPathInfo["ArgumentInfo"], paths: Record<string, ObjectPathInfo>): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (typeof id === "number" && id > 0) args[i] = this.resolve(id, paths);
    });
    return args;
  }

  resolve(id: number, paths: Record<string, ObjectPathInfo>): Fake {
    const known = this.objects.get(id);
    if (known) return known;
    const p = paths[String(id)];
    if (!p) throw new FakeOfficeError("InvalidObjectPath", `object path ${id} is not in the request`);
    let obj: Fake;
    if (p.ObjectPathType === 1) obj = this.fake.workbook as unknown as Fake;
    else {
      const parent = this.resolve(p.ParentObjectPathId as number, paths);
      if (p.ObjectPathType === 4) obj = parent[camel(p.Name)] as Fake;
      else if (p.ObjectPathType === 3) obj = call(parent, camel(p.Name), this.args(p.ArgumentInfo, paths)) as Fake;
      else if (p.ObjectPathType === 5) obj = call(parent, "getItem", this.args(p.ArgumentInfo, paths)) as Fake;
      else throw new FakeOfficeError("InvalidObjectPath", `object path type ${p.ObjectPathType} is not played by the fake`);
    }
    this.objects.set(id, obj);
    return obj;
  }

  async play(body: RequestBody): Promise<unknown[]> {
    const answers: (() => unknown)[] = [];
    const ids: number[] = [];
    for (const a of body.Actions) {
      const obj = this.resolve(a.ObjectPathId, body.ObjectPaths);
      switch (a.ActionType) {
        case 1: // Instantiate
          ids.push(a.Id);
          answers.push(() => (isNull(obj) ? null : {}));
          break;
        case 2: {
          // Query
          const select = a.QueryInfo?.Select ?? [];
          call(obj, "load", [select.join(",")]);
          ids.push(a.Id);
          answers.push(() => answerQuery(obj, select));
          break;
        }
        case 3: {
          // Method ("_ValidateArraySize" and other host-internal checks: nothing to play)
          if (a.Name.startsWith("_")) break;
          const ret = call(obj, camel(a.Name), this.args(a.ArgumentInfo, body.ObjectPaths)) as { value?: unknown } | undefined;
          if (ret && typeof ret === "object" && "value" in Object.getPrototypeOf(ret)) {
            ids.push(a.Id);
            answers.push(() => ret.value);
          }
          break;
        }
        case 4: // SetProperty
          obj[camel(a.Name)] = this.args(a.ArgumentInfo, body.ObjectPaths)[0];
          break;
        default:
          throw new FakeOfficeError("NotImplemented", `action type ${a.ActionType} is not played by the fake`);
      }
    }
    await this.fake.sync();
    return answers.map((f, i) => ({ ActionId: ids[i], Value: f() }));
  }
}

function isNull(obj: Fake): boolean {
  try {
    return Boolean((obj as { isNullObject?: boolean }).isNullObject);
  } catch {
    return false;
  }
}

function answerQuery(obj: Fake, select: string[]): unknown {
  if (isNull(obj)) return null;
  const props = (o: Fake, names: string[], id?: unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (id !== undefined) out.Id = id;
    for (const n of names) out[pascal(n)] = o[n];
    return out;
  };
  const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(obj), "items");
  if (d) {
    const items = obj.items as Fake[];
    return { _Items: items.map((it) => props(it, select, (it as { itemId?: unknown }).itemId)) };
  }
  return props(obj, select);
}

export interface RealOfficeJs {
  context: Excel.RequestContext;
  requests: RecordedRequest[];
}

/**
 * An Excel.RequestContext of the real Office.js over the fake. The fake's own cost model is
 * switched off (its payload limit raised): here the real serialised bytes count.
 */
export function realOfficeJs(fake: FakeRequestContext, limit = PAYLOAD_LIMIT): RealOfficeJs {
  const sb = loadSandbox();
  sb.__jixiaoSupports = (set, version) => fake.supports(set, version);
  (fake as unknown as { payloadLimit: number }).payloadLimit = Number.POSITIVE_INFINITY;
  const player = new Player(fake);
  const requests: RecordedRequest[] = [];
  const ctx = new sb.Excel.RequestContext() as unknown as Record<string, unknown>;
  ctx.m_requestUrlAndHeaderInfo = { url: "https://localhost/jixiao", headers: {} };
  ctx._requestExecutor = {
    async executeAsync(_custom: unknown, _flags: unknown, message: { Body: RequestBody }) {
      const json = JSON.stringify(message.Body);
      const bytes = utf8(json);
      const rec: RecordedRequest = { bytes, responseBytes: 0, actions: message.Body.Actions.length, refused: false };
      requests.push(rec);
      if (bytes > limit) {
        rec.refused = true;
        return { ErrorCode: "RequestPayloadSizeLimitExceeded", ErrorMessage: `The request payload size (${bytes}) has exceeded the limit.`, HttpStatusCode: 413, Headers: {}, Body: null };
      }
      try {
        const results = await player.play(message.Body);
        const body = { Results: results };
        rec.responseBytes = utf8(JSON.stringify(body));
        if (rec.responseBytes > limit) {
          rec.refused = true;
          return { ErrorCode: "ResponsePayloadSizeLimitExceeded", ErrorMessage: "The response payload size has exceeded the limit.", HttpStatusCode: 413, Headers: {}, Body: null };
        }
        return { ErrorCode: "", HttpStatusCode: 200, Headers: {}, Body: body };
      } catch (e) {
        const err = e as { code?: string; message?: string };
        return { ErrorCode: "", HttpStatusCode: 200, Headers: {}, Body: { Error: { Code: err.code ?? "GeneralException", Message: err.message ?? String(e), HttpStatusCode: 400, Location: "", ActionIndex: -1 } } };
      }
    },
  };
  return { context: ctx as unknown as Excel.RequestContext, requests };
}
