import { X003 } from "./X003-department-spelling";
import { runRoundRuleCases } from "./testing";

runRoundRuleCases(X003, {
  valid: [
    { name: "one spelling everywhere", files: [{ file: "a.xlsx", projects: [{ department: "县卫生健康委员会" }] }, { file: "b.xlsx", projects: [{ department: "县卫生健康委员会 " }] }] },
    { name: "different departments", files: [{ file: "a.xlsx", projects: [{ department: "县教育局" }] }, { file: "b.xlsx", projects: [{ department: "县教育局机关" }, { department: "县水利局" }] }] },
  ],
  invalid: [
    {
      name: "县卫健委 and 县卫生健康委员会: a hint naming both files, at the department cell",
      files: [
        { file: "卫健委.xlsx", projects: [{ department: "县卫健委" }] },
        { file: "卫生健康委员会.xlsx", projects: [{ department: "县卫生健康委员会", row: 4 }] },
      ],
      errors: [{ file: "卫生健康委员会.xlsx", otherFile: "卫健委.xlsx", cell: "C4", messageIncludes: ["县卫健委", "县卫生健康委员会"] }],
    },
    {
      name: "reported once per pair of spellings, not per project",
      files: [
        { file: "a.xlsx", projects: [{ department: "县人力资源和社会保障局" }, { department: "县人力资源和社会保障局" }] },
        { file: "b.xlsx", projects: [{ department: "县人社局" }, { department: "县人社局" }] },
        { file: "c.xlsx", projects: [{ department: "县人社局" }] },
      ],
      errors: [{ file: "b.xlsx", otherFile: "a.xlsx" }],
    },
    {
      name: "a file without 主管部门 column counts under its file name",
      files: [
        { file: "县发展和改革委员会.xlsx", projects: [{ name: "x" }] },
        { file: "other.xlsx", projects: [{ department: "县发改委" }] },
      ],
      errors: [{ file: "other.xlsx", otherFile: "县发展和改革委员会.xlsx" }],
    },
  ],
});
