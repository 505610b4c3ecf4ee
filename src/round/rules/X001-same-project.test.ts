import { X001 } from "./X001-same-project";
import { runRoundRuleCases } from "./testing";

runRoundRuleCases(X001, {
  valid: [
    { name: "different codes", files: [{ file: "a.xlsx", projects: [{ code: "P1" }] }, { file: "b.xlsx", projects: [{ code: "P2" }] }] },
    {
      name: "same name in two departments, no codes",
      files: [
        { file: "a.xlsx", projects: [{ name: "业务培训", department: "县教育局" }] },
        { file: "b.xlsx", projects: [{ name: "业务培训", department: "县人社局" }] },
      ],
    },
    { name: "a duplicate inside one file is D004's", files: [{ file: "a.xlsx", projects: [{ code: "P1" }, { code: "P1" }] }] },
    { name: "two identical files are X002's", files: [{ file: "a.xlsx", hash: "h", projects: [{ code: "P1" }] }, { file: "a (copy).xlsx", hash: "h", projects: [{ code: "P1" }] }] },
  ],
  invalid: [
    {
      name: "one code submitted by two departments: shown on the later file, naming the first",
      files: [
        { file: "县教育局.xlsx", projects: [{ code: "P001", name: "学生资助", department: "县教育局" }] },
        { file: "县财政局.xlsx", projects: [{ code: "p001 ", name: "学生资助补助", department: "县财政局", row: 7 }] },
      ],
      errors: [{ file: "县财政局.xlsx", otherFile: "县教育局.xlsx", cell: "项目表!A7", messageIncludes: ["P001", "县教育局", "县财政局"] }],
    },
    {
      name: "same name within one department in two files, no codes",
      files: [
        { file: "甲.xlsx", projects: [{ name: "农村道路养护", department: "县交通局" }] },
        { file: "乙.xlsx", projects: [{ name: "农村道路 养护", department: "县交通局" }] },
      ],
      errors: [{ file: "乙.xlsx", otherFile: "甲.xlsx", cell: "B2", messageIncludes: ["农村道路", "县交通局"] }],
    },
    {
      name: "three files: the second and third each name the first",
      files: [
        { file: "1.xlsx", projects: [{ code: "X" }] },
        { file: "2.xlsx", projects: [{ code: "X" }] },
        { file: "3.xlsx", projects: [{ code: "X" }] },
      ],
      errors: [{ file: "2.xlsx", otherFile: "1.xlsx" }, { file: "3.xlsx", otherFile: "1.xlsx" }],
    },
  ],
});
