import { X002 } from "./X002-same-file";
import { runRoundRuleCases } from "./testing";

runRoundRuleCases(X002, {
  valid: [
    { name: "different content", files: [{ file: "a.xlsx", hash: "1", projects: [{ code: "P1" }] }, { file: "b.xlsx", hash: "2", projects: [{ code: "P1" }] }] },
    { name: "content unknown", files: [{ file: "a.xlsx", hash: null, projects: [] }, { file: "b.xlsx", hash: null, projects: [] }] },
  ],
  invalid: [
    {
      name: "the same bytes under two names",
      files: [
        { file: "报送/县教育局.xlsx", hash: "abc", projects: [{ code: "P1" }, { code: "P2" }] },
        { file: "报送/县教育局(1).xlsx", hash: "abc", projects: [{ code: "P1" }, { code: "P2" }] },
      ],
      errors: [{ file: "报送/县教育局(1).xlsx", otherFile: "报送/县教育局.xlsx", messageIncludes: ["2 个项目"] }],
    },
    {
      name: "three copies: each later one names the first",
      files: [
        { file: "a.xlsx", hash: "h", projects: [] },
        { file: "b.xlsx", hash: "x", projects: [] },
        { file: "c.xlsx", hash: "h", projects: [] },
        { file: "d.xlsx", hash: "h", projects: [] },
      ],
      errors: [{ file: "c.xlsx", otherFile: "a.xlsx" }, { file: "d.xlsx", otherFile: "a.xlsx" }],
    },
  ],
});
