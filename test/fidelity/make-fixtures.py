#!/usr/bin/env python3
"""
Golden workbooks made by another program (LibreOffice Calc, scripted through UNO), for the
package adapter's fidelity tests. Regenerate (needs LibreOffice and python3-uno):

    /usr/bin/python3 test/fidelity/make-fixtures.py

Writes, next to this script:
- libreoffice-full.xlsx: a project list and an indicator list the checker reads, with two
  charts, a pivot table, a defined name, custom document properties, a print area, sheet
  protection with a password, a list validation, an image, a note and a table (a database
  range, which LibreOffice writes without tableStyleInfo);
- macro.xlsm: a LibreOffice-made workbook turned into an .xlsm package the way Excel stores
  one (a vbaProject.bin part, its relationship and the macro-enabled content type).
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

sys.path.append("/usr/lib/python3/dist-packages")
import uno  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.table import CellAddress, CellRangeAddress  # noqa: E402
from com.sun.star.awt import Point, Size  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

PROJECTS = [
    ["项目编码", "项目名称", "主管部门", "年初预算数", "全年预算数", "全年执行数", "年度总体目标"],
    ["P001", "农村公路养护", "县交通运输局", 100, 100, 95, "完成全县农村公路日常养护，路况优良率保持在90%以上，保障群众安全出行。"],
    ["P002", "乡村教师培训", "县教育局", 150, 150, 100, "组织全县乡村教师开展县级以上培训不少于1800人次，提升乡村教师教育教学能力。"],
    ["P003", "养老服务体系建设", "县民政局", 500, 520, 300, "建设社区养老服务站10个，提升养老服务能力和覆盖面，改善老年人生活质量。"],
]
INDICATORS = [
    ["项目编码", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["P001", "产出指标", "数量指标", "养护里程", "≥300公里", "320公里", 20, 20],
    ["P001", "产出指标", "质量指标", "路况优良率", "≥90%", "92%", 30, 30],
    ["P001", "效益指标", "社会效益指标", "群众出行条件改善", "进一步提高", "达成年度指标", 30, 30],
    ["P001", "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 10, 10],
    ["P002", "产出指标", "数量指标", "培训人次", "≥1800人次", "1200人次", 40, 26.67],
    ["P002", "效益指标", "社会效益指标", "教学能力提升", "达成年度指标", "部分达成年度指标并具有一定效果", 40, 28],
    ["P002", "满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%", "88%", 10, 9.78],
    ["P003", "产出指标", "数量指标", "新建养老服务站", "≥10个", "4个", 50, 20],
    ["P003", "效益指标", "社会效益指标", "服务老年人数", "≥2000人", "900人", 30, 13.5],
    ["P003", "满意度指标", "服务对象满意度指标", "老年人满意度", "≥60%", "95%", 10, 10],
]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def png(path):
    """A 16×16 blue square, written by hand (no imaging library needed)."""
    raw = b"".join(b"\x00" + b"\x1f\x4e\x78" * 16 for _ in range(16))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def fill(sheet, rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cell = sheet.getCellByPosition(c, r)
            if isinstance(v, str):
                cell.setString(v)
            else:
                cell.setValue(v)


def rng(sheet_index, c0, r0, c1, r1):
    a = CellRangeAddress()
    a.Sheet, a.StartColumn, a.StartRow, a.EndColumn, a.EndRow = sheet_index, c0, r0, c1, r1
    return a


def build(desktop, out_xlsx, tmp):
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "项目表"
    sheets.insertNewByName("指标表", 1)
    sheets.insertNewByName("透视表", 2)
    ps = sheets.getByName("项目表")
    ins = sheets.getByName("指标表")
    fill(ps, PROJECTS)
    fill(ins, INDICATORS)

    # Two charts on the project sheet (budget and spending by project).
    charts = ps.getCharts()
    for i, (name, col) in enumerate([("预算图", 4), ("执行图", 5)]):
        rect = uno.createUnoStruct("com.sun.star.awt.Rectangle")
        rect.X, rect.Y, rect.Width, rect.Height = 1000 + i * 9000, 4000, 8000, 6000
        charts.addNewByName(name, rect, (rng(0, 1, 0, 1, 3), rng(0, col, 0, col, 3)), True, True)

    # A pivot table of the indicator weights by project.
    dp = ins.getDataPilotTables()
    desc = dp.createDataPilotDescriptor()
    desc.setSourceRange(rng(1, 0, 0, 7, len(INDICATORS) - 1))
    fields = desc.getDataPilotFields()
    code = fields.getByIndex(0)
    code.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
    weight = fields.getByIndex(6)
    weight.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
    weight.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
    target = CellAddress()
    target.Sheet, target.Column, target.Row = 2, 0, 0
    sheets.getByName("透视表").getDataPilotTables().insertNewByName("分值透视", target, desc)

    # A defined name, custom document properties, a print area.
    origin = CellAddress()
    doc.NamedRanges.addNewByName("预算合计", "$项目表.$E$2:$E$4", origin, 0)
    udp = doc.DocumentProperties.UserDefinedProperties
    udp.addProperty("审核单位", 0, "XX县财政局")
    udp.addProperty("批次", 0, "2024年度")
    ps.setPrintAreas((rng(0, 0, 0, 6, 3),))

    # A list validation on the indicator sheet's 分值 column.
    cells = ins.getCellRangeByName("G2:G11")
    v = cells.Validation
    v.Type = uno.Enum("com.sun.star.sheet.ValidationType", "LIST")
    v.Formula1 = '"10";"20";"30";"40";"50"'
    v.ShowErrorMessage = False
    cells.Validation = v

    # An image on the indicator sheet, a note on a project name.
    image = os.path.join(tmp, "logo.png")
    png(image)
    shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
    ins.DrawPage.add(shape)
    shape.setPosition(Point(20000, 500))
    shape.setSize(Size(1500, 1500))
    shape.Graphic = ctx_service("com.sun.star.graphic.GraphicProvider").queryGraphic((prop("URL", uno.systemPathToFileUrl(image)),))
    note = CellAddress()
    note.Sheet, note.Column, note.Row = 0, 1, 1
    ps.Annotations.insertNew(note, "用户批注：项目名称以预算系统为准")

    # A table: a database range over the indicator list (LibreOffice writes no tableStyleInfo).
    doc.DatabaseRanges.addNewByName("指标清单", rng(1, 0, 0, 7, len(INDICATORS) - 1))
    doc.DatabaseRanges.getByName("指标清单").AutoFilter = True

    # Sheet protection with a password, on the sheet the checker writes its results to.
    ps.protect("jixiao")

    doc.storeToURL(uno.systemPathToFileUrl(out_xlsx), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)


CTX = None


def ctx_service(name):
    return CTX.ServiceManager.createInstanceWithContext(name, CTX)


def make_xlsm(src_xlsx, out_xlsm):
    """The .xlsx as Excel stores a macro workbook: vbaProject.bin, its relationship, the macro content type."""
    with zipfile.ZipFile(src_xlsx) as zin, zipfile.ZipFile(out_xlsm, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                text = data.decode("utf-8")
                text = text.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                text = text.replace("<Override ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override ', 1)
                data = text.encode("utf-8")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                text = data.decode("utf-8")
                text = text.replace("</Relationships>", '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
                data = text.encode("utf-8")
            zout.writestr(item, data)
        # A compound-file header followed by a recognisable body: the tests check it is carried byte for byte.
        body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 16 + "Attribute VB_Name = \"模块1\"".encode("utf-8")
        zout.writestr("xl/vbaProject.bin", body)


def main():
    global CTX
    tmp = tempfile.mkdtemp(prefix="jixiao-lo-")
    profile = uno.systemPathToFileUrl(os.path.join(tmp, "profile"))
    pipe = "jixiao_fixture_%d" % os.getpid()
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo", f"-env:UserInstallation={profile}", f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                CTX = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = CTX.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", CTX)
        full = os.path.join(HERE, "libreoffice-full.xlsx")
        build(desktop, full, tmp)
        make_xlsm(full, os.path.join(HERE, "macro.xlsm"))
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", full, "and macro.xlsm")


if __name__ == "__main__":
    main()
