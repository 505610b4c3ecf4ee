import type { Section } from "../types";

/** zh-CN strings of the standalone page (section standalone). UI strings have no hint. */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "standalone.title": m("工作簿"),
  "standalone.intro": m("在浏览器中检查，不需要安装，也不联网：文件不离开这台电脑。原文件不会被修改，检查结果以副本下载。"),
  "standalone.choose": m("选择工作簿…"),
  "standalone.drop": m("或把 .xlsx / .xlsm 文件拖到这里（可一次选多个）"),
  "standalone.files": m("已选 {n} 个文件"),
  "standalone.remove": m("移除"),
  "standalone.removeAll": m("全部移除"),
  "standalone.size": m("{kb} KB"),
  "standalone.status.waiting": m("待检查"),
  "standalone.status.checking": m("正在检查…"),
  "standalone.status.checked": m("项目 {projects} 个 · 错误 {error} · 警告 {warning} · 提示 {info}"),
  "standalone.status.cleared": m("已清除上次检查的标记"),
  "standalone.download.checked": m("下载检查后的副本"),
  "standalone.download.cleared": m("下载清除标记后的副本"),
  "standalone.download.all": m("全部副本打包下载（.zip）"),
  "standalone.download.report": m("下载 JSON 报告"),
  "standalone.round.summaryName": m("本轮审核汇总"),
  "standalone.download.summary": m("下载本轮汇总工作簿"),
  "standalone.download.feedback": m("下载各部门反馈表（{n} 个，.zip）"),
  "standalone.download.everything": m("全部打包下载（.zip）"),
  "standalone.downloads": m("下载"),
  "standalone.rejected": m("未加入（不是 .xlsx / .xlsm 文件）：{names}"),
  "standalone.wps": m("WPS 表格或 Excel 打开下载的副本即可看到结果列、标记、批注和「校验结果」「领导汇总」表；要清除标记，选择该副本后点「清除标记」。"),
  "standalone.error.noFiles": m("请先选择要检查的工作簿（.xlsx）。"),
  "standalone.error.unreadable": m("无法读取 {file}：不是有效的 .xlsx 文件（{reason}）"),
  "standalone.error.noProjects": m("{file} 中找不到项目表（需要含“项目名称”或“项目编码”列的工作表）"),
  "standalone.error.worker": m("检查引擎无法启动：{detail}"),
  "standalone.previous.label": m("上一轮汇总（可选）"),
  "standalone.previous.help": m("第二轮起：选上一轮下载的「本轮审核汇总」工作簿（或 jixiao check --summary 写出的汇总.xlsx），或其 JSON 报告，每个问题将标出新增、仍存在或已整改；上一轮「问题清单」中已确认的问题照此处理。"),
  "standalone.previous.choose": m("选择上一轮汇总…"),
  "standalone.previous.remove": m("不用上一轮汇总"),
  "standalone.previous.chosen": m("上一轮汇总：{file}"),
  "standalone.previous.rejected": m("未采用 {file}：上一轮汇总须为 .xlsx 工作簿或 .json 报告"),
  "standalone.previous.notJson": m("不是有效的 JSON"),
  "standalone.previous.notXlsx": m("不是有效的 .xlsx 文件"),
};

export default section;
