import { unzipSync, strFromU8 } from "fflate";
import { checkedName, clearedName, jsonDownload, uniqueNames, workbookType, XLSM_TYPE, XLSX_TYPE, zipDownloads } from "./downloads";

describe("standalone downloads", () => {
  it("never names a copy like its original", () => {
    expect(checkedName("县级绩效自评2024.xlsx")).toBe("县级绩效自评2024（已检查）.xlsx");
    expect(checkedName("宏.XLSM")).toBe("宏（已检查）.XLSM");
    // An adapter that drops the macros writes an .xlsx: the name says so (Excel refuses a mislabelled .xlsm).
    expect(checkedName("宏.xlsm", false)).toBe("宏（已检查）.xlsx");
    expect(clearedName("宏.xlsm", false)).toBe("宏（已清除标记）.xlsx");
    expect(checkedName("无扩展名")).toBe("无扩展名（已检查）.xlsx");
    expect(clearedName("a.b.xlsx")).toBe("a.b（已清除标记）.xlsx");
    expect(workbookType("宏.xlsm")).toBe(XLSM_TYPE);
    expect(workbookType("a.xlsx")).toBe(XLSX_TYPE);
  });

  it("makes names unique the way jixiao check names its copies", () => {
    expect(uniqueNames(["a.xlsx", "a.xlsx", "b.xlsx", "a.xlsx"])).toEqual(["a.xlsx", "a (2).xlsx", "b.xlsx", "a (3).xlsx"]);
    expect(uniqueNames(["a.xlsx"], ["a.xlsx", "a (2).xlsx"])).toEqual(["a (3).xlsx"]);
  });

  it("zips several downloads with their (Chinese) names, each one once", () => {
    const z = zipDownloads("all.zip", [
      { name: "甲（已检查）.xlsx", bytes: new Uint8Array([1, 2, 3]), type: XLSX_TYPE },
      { name: "甲（已检查）.xlsx", bytes: new Uint8Array([4]), type: XLSX_TYPE },
      jsonDownload("report.json", { ok: true }),
    ]);
    expect(z.type).toBe("application/zip");
    const entries = unzipSync(z.bytes);
    expect(Object.keys(entries)).toEqual(["甲（已检查）.xlsx", "甲（已检查） (2).xlsx", "report.json"]);
    expect([...entries["甲（已检查） (2).xlsx"]]).toEqual([4]);
    expect(JSON.parse(strFromU8(entries["report.json"]))).toEqual({ ok: true });
  });
});
