import type { Section } from "../types";

/** zh-CN task pane strings of the review round: 审核确认 and 汇总多个报送文件 (section ui.review / ui.batch). */
const m = (message: string) => ({ message, hint: "" });

const section: Section = {
  "ui.review.accept": m("确认"),
  "ui.review.acceptTitle": m("确认此问题无需修改（须填写理由）"),
  "ui.review.revoke": m("撤销确认"),
  "ui.review.reason": m("确认理由"),
  "ui.review.reasonPlaceholder": m("例如：基线已按上年实际调整，经科室核实无需修改"),
  "ui.review.save": m("保存确认"),
  "ui.review.cancel": m("取消"),
  "ui.review.reasonRequired": m("请填写确认理由：审核确认必须说明为什么这条问题无需修改。"),
  "ui.review.accepted": m("已确认：{reason}"),
  "ui.review.acceptedMeta": m("确认于 {at}"),
  "ui.review.changed": m("仍存在：确认后相关数值已修改，请重新核实（原确认理由：{reason}）"),
  "ui.review.saved": m("已确认，记录保存在本工作簿中；重新检查后「校验结果」表中标为已确认。"),
  "ui.review.revoked": m("已撤销确认，这条问题重新计入问题数。"),
  "ui.review.saveFailed": m("确认未能保存到工作簿：{reason}"),
  "ui.review.chip": m("已确认 {n}"),
  "ui.review.summary": m("已确认 {n} 条（不计入问题数）"),
  "ui.review.changedSummary": m("确认后数值有变化 {n} 条"),
  "ui.status.accepted": m("已确认"),
  "ui.batch.title": m("汇总多个报送文件"),
  "ui.batch.help": m("选择各部门报送的绩效工作簿（.xlsx / .xlsm，可多选）。每个文件在本机逐一检查，不修改原文件；汇总结果写入当前工作簿的「汇总」「项目清单」「问题清单」表（重名时自动改名）。"),
  "ui.batch.choose": m("选择报送文件"),
  "ui.batch.chosen": m("已选 {n} 个文件"),
  "ui.batch.start": m("开始汇总"),
  "ui.batch.loading": m("正在载入读取组件…"),
  "ui.batch.loadFailed": m("读取组件未能载入：{reason}"),
  "ui.batch.waiting": m("等待"),
  "ui.batch.reading": m("读取中"),
  "ui.batch.checking": m("检查中"),
  "ui.batch.done": m("完成：项目 {projects} 个，问题 {findings} 条"),
  "ui.batch.failed": m("未汇总：{reason}"),
  "ui.batch.notXlsx": m("不是 .xlsx / .xlsm 文件"),
  "ui.batch.unreadable": m("文件无法读取（{reason}）"),
  "ui.batch.noProjects": m("未找到项目表"),
  "ui.batch.checkFailed": m("检查出错（{reason}）"),
  "ui.batch.nothing": m("没有可以汇总的文件：所选文件都无法读取或不含项目表。"),
  "ui.batch.writing": m("正在写入汇总表…"),
  "ui.batch.written": m("已汇总 {files} 个文件（{departments} 个部门、{projects} 个项目，全年预算 {budget} 万元），写入「{summary}」「{projects_sheet}」「{findings_sheet}」表。"),
  "ui.batch.someFailed": m("{n} 个文件未汇总，原因见上方列表。"),
  "ui.batch.writeFailed": m("汇总表未能写入工作簿：{reason}"),
  "ui.batch.line": m("{file}：{state}"),
};

export default section;
