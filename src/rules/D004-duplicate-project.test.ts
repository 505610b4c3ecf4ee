import { D004 } from "./D004-duplicate-project";
import { runRuleCases } from "./testing/tester";
import { PROJECT_SHEET } from "./testing/book";
import type { ModelBook } from "../model/model";

const noCodes = (b: ModelBook) => {
  for (const p of b.projects) p.code = null;
};

runRuleCases(D004, {
  valid: [
    { name: "distinct codes", projects: [{ code: "P001" }, { code: "P002" }] },
    { name: "same name, different codes", projects: [{ code: "P001", name: "培训" }, { code: "P002", name: "培训" }] },
    { name: "no codes: same name in different departments", projects: [{ name: "培训", department: "人社局" }, { name: "培训", department: "教育局" }], tweak: noCodes },
  ],
  invalid: [
    {
      name: "same code twice: reported at the second",
      projects: [{ code: "P001", name: "甲" }, { code: "P001", name: "乙" }],
      errors: [{ cell: "A3", sheet: PROJECT_SHEET, severity: "error", messageIncludes: ["P001", "第 2 行", "甲"] }],
    },
    {
      name: "full-width and spaced code is the same code",
      projects: [{ code: "P001" }, { code: "P002" }, { code: " Ｐ００１ " }],
      errors: [{ cell: "A4" }],
    },
    {
      name: "three times: second and third",
      projects: [{ code: "X1" }, { code: "X1" }, { code: "X1" }],
      errors: [{ cell: "A3" }, { cell: "A4" }],
    },
    {
      name: "no codes: same name within one department",
      projects: [{ name: "农村道路养护", department: "交通局" }, { name: "农村道路养护", department: "交通局" }],
      tweak: noCodes,
      errors: [{ cell: "B3", messageIncludes: ["交通局", "农村道路养护"] }],
    },
    {
      name: "no codes and no departments: same name",
      projects: [{ name: "农村道路养护" }, { name: "农村道路养护" }],
      tweak: (b) => {
        noCodes(b);
        for (const p of b.projects) p.department = null;
      },
      errors: [{ cell: "B3", messageIncludes: ["农村道路养护", "第 2 行"] }],
    },
  ],
});
