import type { Section } from "../types";

/**
 * zh-CN messages about the input itself: the state sheet checked against the workbook, the
 * rulebook used, converted files, command-line errors, and the reader's D010–D012.
 */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "sheets.log.notice": m("请注意"),

  "notice.state.row": m("绩效助手的记录表（隐藏工作表 _jixiao）中「{key}」一行已损坏，已忽略。"),
  "notice.state.run": m("绩效助手记录表中上次检查的记录格式不对，已忽略：上次写入的结果不会被自动清除。"),
  "notice.state.mapping": m("绩效助手记录表中保存的列更正格式不对，已忽略；如需要请在「识别结果」中重新更正。"),
  "notice.state.records": m("绩效助手记录表中有 {count} 条上次检查的记录格式不对，已忽略。"),
  "notice.left.blocks": m("上次写入的结果列 {ranges} 已被改动或找不到原样，为免误删您的数据，未清除；请核对后手动删除。"),
  "notice.left.sheets": m("工作表 {sheets} 记录为绩效助手所建，但内容已不是当时写入的（可能已改名、改动或来自别的工作簿），未删除。"),
  "notice.left.highlights": m("{count} 个上次标记的单元格内容已改变或无法核实（{cells}），未恢复其原来的填充和批注。"),
  "notice.more": m("{list} 等 {count} 处"),
  "notice.rulebook.option": m("规则库：本次指定的规则库「{preset}」，版本 {version}。"),
  "notice.rulebook.workbook": m("规则库：工作簿中保存的规则库「{preset}」，版本 {version}。"),
  "notice.rulebook.preset": m("规则库：默认预设「{preset}」，版本 {version}。"),
  "notice.rulebook.invalid": m("工作簿中保存的规则库无效，未使用，改用默认预设「{preset}」：{reason}"),
  "notice.converted": m("{file} 为 {format} 格式，已转换为 .xlsx 后检查；已标注的副本保存为 .xlsx。"),
  "format.xls": m("Excel 97–2003（.xls）"),
  "format.et": m("WPS 表格（.et）"),
  "format.ods": m("OpenDocument 电子表格（.ods）"),

  "cli.out.notDir": m("--out 指向的是一个文件，不是文件夹：{path}"),
  "cli.out.cannot": m("无法创建输出文件夹 {path}：{reason}"),
  "cli.json.noDir": m("无法写入 JSON 报告 {path}：所在文件夹 {dir} 不存在"),
  "cli.json.isDir": m("无法写入 JSON 报告：{path} 是一个文件夹"),
  "cli.json.cannot": m("无法写入 JSON 报告 {path}：{reason}"),
  "cli.rules.notObject": m("规则库必须是一个 JSON 对象（{path}）"),
  "cli.input.encrypted": m("{file} 设有打开密码（已加密），无法读取；请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密）后再检查"),
  "cli.input.legacy": m("无法读取 {file}：{format} 文件已损坏或不受支持，请在 Excel 或 WPS 中另存为 .xlsx 后再检查"),
  "cli.input.notXlsx": m("无法读取 {file}：不是有效的 .xlsx 文件"),
  "cli.input.oversize": m("无法读取 {file}：文件中的某一部分解压后超过其声明的大小（文件已损坏，或是“压缩炸弹”），未检查"),
  "cli.input.unknown": m("无法读取 {file}：不是 Excel 工作簿（支持 .xlsx、.xls、.et、.ods）"),

};

export default section;
