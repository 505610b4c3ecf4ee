/** What people see in the terminal: a short table, and progress when several files are checked. */
import * as path from "path";
import type { Report } from "../engine/report";

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export function renderTable(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], numeric[i])).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function summaryTable(report: Report): string {
  const grades = Object.keys(report.summary.grades);
  const header = ["文件 file", "项目 projects", "错误 error", "警告 warning", "提示 info", ...grades];
  const rows = report.files.map((f) => {
    // Accepted findings (审核确认) are counted apart, as in the report's summary.
    const count = (s: string) => String(f.findings.filter((x) => x.severity === s && !x.accepted).length);
    const g = (name: string) => String(f.projects.filter((p) => p.grade === name).length);
    return [f.file, String(f.projects.length), count("error"), count("warning"), count("info"), ...grades.map(g)];
  });
  if (report.files.length > 1) {
    const s = report.summary;
    rows.push(["合计 total", String(s.projects), String(s.findings.error), String(s.findings.warning), String(s.findings.info), ...grades.map((g) => String(s.grades[g] ?? 0))]);
  }
  return renderTable(header, rows, header.map((_, i) => i > 0));
}

/** One line per file; on a terminal, a redrawn bar. Only when more than one file is given. */
export class Progress {
  private n = 0;
  constructor(
    private readonly total: number,
    private readonly io: { err: (s: string) => void; isTTY: boolean },
  ) {}

  private bar(): string {
    const width = 24;
    const filled = Math.round((this.n / this.total) * width);
    return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${this.n}/${this.total}`;
  }

  start(file: string): void {
    if (this.total < 2) return;
    if (this.io.isTTY) this.io.err(`\r${this.bar()} ${path.basename(file)}\x1b[K`);
  }

  done(file: string, outPath: string | null): void {
    this.n++;
    if (this.total < 2) return;
    if (this.io.isTTY) this.io.err(`\r${this.bar()} ${path.basename(file)}\x1b[K`);
    else this.io.err(`[${this.n}/${this.total}] ${path.basename(file)}${outPath ? ` → ${outPath}` : ""}\n`);
  }

  fail(file: string): void {
    this.n++;
    if (this.total >= 2 && !this.io.isTTY) this.io.err(`[${this.n}/${this.total}] ${path.basename(file)} ✗\n`);
  }

  stop(): void {
    if (this.total >= 2 && this.io.isTTY) this.io.err("\n");
  }
}
