import type { Section } from "../types";

/** zh-CN messages of the add-in inside Excel: protection, request size, host versions, ribbon outcome (section excel). */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "excel.protected.sheet": m("工作表「{sheet}」受保护，没有写入任何内容。请先撤销该表的保护（审阅 → 撤销工作表保护），再重试。"),
  "excel.protected.workbook": m("工作簿结构受保护（不能添加或删除工作表），没有写入任何内容。请先撤销工作簿保护（审阅 → 保护工作簿），再重试。"),
  "excel.payload": m("一次要传给 Excel 的数据太多，Excel 拒绝了请求（分成更小的批次后仍然过大）。工作簿没有被改动一半：请重试；如仍失败，请分表检查。"),
  "excel.notesKept": m("本版 Excel 不支持批注接口（需要 ExcelApi 1.18，Microsoft 365 或网页版 Excel）：绩效助手此前写入的 {n} 条批注未能删除，已记在工作簿中，在支持批注的 Excel 中再次「清除标记」即可删除。"),
  "excel.notesSkipped": m("本版 Excel 不支持批注接口（需要 ExcelApi 1.18）：检查意见只写入「校验结果」，单元格批注未写入，也未改动您原有的批注。"),
  "excel.command.checked": m("检查完成：错误 {error} 条，警告 {warning} 条，提示 {info} 条，标记了 {cells} 个单元格。详见「校验结果」。"),
  "excel.command.cleared": m("已清除标记：恢复了单元格原来的底色和批注，删除了结果列和结果表。"),
  "excel.command.nothing": m("没有需要清除的标记。"),
  "excel.command.failed": m("绩效助手没有完成：{detail}"),
  "excel.command.title": m("绩效助手"),
  "excel.command.close": m("关闭"),
};

export default section;
