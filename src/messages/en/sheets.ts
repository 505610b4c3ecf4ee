import type { Section } from "../types";

/** en texts written into the workbook (result headers, 校验结果 / 领导汇总 / 运行记录). */
const section: Section = {};

export default section;
