import type { Section } from "../types";

/** zh-CN messages, section x: cross-submission rules of the review round. Placeholders {file} and {otherFile} are always given. */
const section: Section = {
  "X001.code": {
    message: "项目「{project}」（编码 {code}）同时出现在「{file}」（{department}）和「{otherFile}」（{otherDepartment}）中，汇总时会重复计算。",
    hint: "与两个报送单位核实该项目归属，只保留一处报送，另一份文件删除该项目后重新报送。",
  },
  "X001.name": {
    message: "部门「{department}」的项目「{project}」同时出现在「{file}」和「{otherFile}」中，汇总时会重复计算。",
    hint: "核实是否为同一项目：是则只保留一处报送；不是则在名称中注明区别，最好补充项目编码。",
  },
  X002: {
    message: "「{file}」与「{otherFile}」内容完全相同（{projects} 个项目），同一文件报送了两次。",
    hint: "确认哪一份是正式报送，删除或退回重复的文件，以免项目和金额重复计算。",
  },
  X003: {
    message: "部门名称「{department}」（「{file}」）与「{otherFile}」中的「{otherDepartment}」可能是同一部门的不同写法，汇总时会被算作两个部门。",
    hint: "统一使用部门全称（如「县卫生健康委员会」），请报送单位按统一名称修改主管部门一栏。",
  },
};

export default section;
