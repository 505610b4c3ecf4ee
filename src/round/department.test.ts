import { departmentKey, sameDepartmentSpelling } from "./department";

describe("department spellings (X003)", () => {
  it.each([
    ["县卫健委", "县卫生健康委员会"],
    ["县人社局", "县人力资源和社会保障局"],
    ["县发改委", "县发展和改革委员会"],
    ["县住建局", "县住房和城乡建设局"],
    ["县文旅局", "县文化和旅游局"],
    ["县政府办", "县政府办公室"],
    ["县交通局", "县交通运输局"],
    ["县 教育局", "县教育体育局"],
  ])("%s ~ %s", (a, b) => {
    expect(sameDepartmentSpelling(a, b)).toBe(true);
    expect(sameDepartmentSpelling(b, a)).toBe(true);
  });

  it.each([
    ["县教育局", "县教育局"],
    ["县教育局", "县教育局 "],
    ["县教育局", "县教育局\u3000"],
    ["县财政局", "县审计局"],
    ["县水利局", "县水务局"],
    ["县教育局", "县教育局机关"],
    ["县委办", "县委组织部"],
    ["县民政局", "县民族宗教事务局"],
    ["县公安局", "县公共资源交易中心"],
    ["县局", "县农业农村和水利综合执法大队局"],
    ["", "县教育局"],
  ])("%s ≁ %s", (a, b) => {
    expect(sameDepartmentSpelling(a, b)).toBe(false);
  });

  it("folds full-width forms and long endings", () => {
    expect(departmentKey("县卫生健康委员会")).toBe("县卫生健康委");
    expect(departmentKey("县 政府办公室（本级）")).toBe("县政府办公室本级");
  });
});
