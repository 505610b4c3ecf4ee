/** Argument parsing only (Office-Addin-Scripts style): cli.ts → commands.ts → library. */
import { Command, Option } from "commander";
import { VERSION } from "../engine/version";
import { PRESETS } from "../rulebook/presets";
import { runCheckCommand, runRulesCommand } from "./commands";

export function makeProgram(): Command {
  const program = new Command();
  program
    .name("jixiao")
    .description("绩效助手：预算绩效目标审核、自评复核、运行监控与预算建议 / Jixiao: budget performance checks")
    .version(VERSION);
  program
    .command("check")
    .description("检查一个或多个 .xlsx 工作簿，写出已标注的副本（不修改原文件） / check workbooks and write checked copies")
    .argument("<files...>", ".xlsx 文件或文件夹（文件夹内的 .xlsx / .xlsm 全部检查） / workbook files or folders")
    .option("-o, --out <dir>", "已标注副本的输出目录 / folder for the checked copies", "jixiao-out")
    .option("--no-write", "只检查，不写副本 / check only, write no copy")
    .option("-j, --json <file>", "JSON 报告 / write the JSON report here")
    .option("-r, --rules <file>", "规则库 JSON / rulebook JSON file")
    .addOption(new Option("-p, --preset <name>", "预设 / preset").choices(Object.keys(PRESETS)))
    .option("--as-of <date>", "监控截止日期 YYYY-MM-DD（启用运行监控） / monitoring date")
    .option("--strict", "发现错误级问题时以 1 退出 / exit 1 when error findings exist")
    .option("-q, --quiet", "不打印汇总表 / no summary table")
    .option("--summary <file>", "写出本轮汇总工作簿（汇总、项目清单、问题清单） / write the round's consolidated workbook")
    .option("--feedback <dir>", "为每个部门写出审核意见反馈表 / write one feedback workbook per department")
    .option("--previous <file>", "上一轮的汇总工作簿或 JSON 报告：标出新增 / 仍存在 / 已整改 / last round's 汇总.xlsx or report.json")
    .option("--timings", "在标准错误输出每个文件各阶段耗时（毫秒） / print each file's time per stage (ms) on stderr")
    .action(async (files: string[], opts: CheckCliOptions) => {
      process.exitCode = await runCheckCommand(files, opts);
    });
  program
    .command("rules")
    .description("列出规则目录（编号、级别、依据） / list the rule catalogue")
    .option("-r, --rules <file>", "规则库 JSON / rulebook JSON file")
    .addOption(new Option("-p, --preset <name>", "预设 / preset").choices(Object.keys(PRESETS)))
    .option("--json", "以 JSON 输出 / print JSON")
    .action((opts: { rules?: string; preset?: string; json?: boolean }) => {
      process.exitCode = runRulesCommand(opts);
    });
  return program;
}

export interface CheckCliOptions {
  out: string;
  write: boolean;
  json?: string;
  rules?: string;
  preset?: string;
  asOf?: string;
  strict?: boolean;
  quiet?: boolean;
  summary?: string;
  feedback?: string;
  previous?: string;
  timings?: boolean;
}
