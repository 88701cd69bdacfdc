#!/usr/bin/env python3
"""Writes the PDF-family fixtures (issue 9): quotes laid out the way real generators lay
them out, each with the truth a person reads from the printed page.

Run from this folder: `python3 make_pdf_fixtures.py` (`pip install reportlab`;
LibreOffice for the `pdf_lo_*` files: `libreoffice --headless --convert-to pdf`).
Families:
- pdf_cjk_ja / pdf_cjk_zh: reportlab's built-in CID fonts (HeiseiMin-W3 with the
  UniJIS-UCS2-H CMap, STSong-Light with UniGB-UCS2-H), which carry no ToUnicode map;
- pdf_ocr_layer: a "scanned" page (an image) under an invisible OCR text layer
  (text render mode 3), as OCR tools write it;
- pdf_rotated: a landscape table printed on a portrait page turned by /Rotate 90;
- pdf_lo_xlsx: a spreadsheet quote printed by LibreOffice Calc;
- pdf_multipage_forward: a table over two pages, header repeated, "Carried forward" /
  "Brought forward" rows and a page footer, a grand total at the end;
- pdf_lo_docx / pdf_lo_odt: a Writer table (from .docx and .odt) whose header cells
  are set on three lines, vertically centred, with narrow gaps, and whose description
  wraps above and below the row's baseline.
Truth prices are per ONE unit.
"""
import json
import subprocess
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent  # domain/testdata/pdf_families


def truth(name, header, lines):
    (HERE / f"{name}.truth.json").write_text(
        json.dumps({"header": header, "lines": lines}, indent=1, ensure_ascii=False) + "\n")


def L(part, breaks, **kw):
    d = {"part_number": part, "breaks": [[str(q), str(p)] for q, p in breaks]}
    d.update(kw)
    return d


def table(c, font, x_cols, y, header, rows, size=9, step=15, right=()):
    """Draws a header row and rows; columns in `right` are right-aligned at their x."""
    c.setFont(font, size)
    for x, h in zip(x_cols, header):
        c.drawString(x, y, h)
    for r in rows:
        y -= step
        for i, (x, v) in enumerate(zip(x_cols, r)):
            if i in right:
                c.drawRightString(x + 60, y, v)
            else:
                c.drawString(x, y, v)
    return y


def cjk(name, font, cmap_font, title, header_cells, rows, terms, supplier):
    pdfmetrics.registerFont(UnicodeCIDFont(cmap_font))
    c = canvas.Canvas(str(HERE / f"{name}.pdf"), pagesize=A4, invariant=1)
    c.setFont(cmap_font, 14)
    c.drawString(50, 800, supplier)
    c.setFont(cmap_font, 10)
    y = 780
    for t in title:
        c.drawString(50, y, t)
        y -= 14
    y = table(c, cmap_font, [50, 140, 300, 380, 460], y - 20, header_cells, rows,
              right=(3, 4))
    y -= 30
    for t in terms:
        c.drawString(50, y, t)
        y -= 14
    c.showPage()
    c.save()


cjk("pdf_cjk_ja", "ja", "HeiseiMin-W3",
    ["見積書  見積番号: MT-2025-0412", "見積日: 2025-04-12"],
    ["品番", "品名", "数量", "単価 (JPY)", "金額 (JPY)"],
    [["JA-1001", "六角ボルト M6", "1000", "12.50", "12,500"],
     ["JA-1002", "平ワッシャー M6", "2000", "3.20", "6,400"],
     ["JA-1003", "ナイロンナット M6", "1000", "8.75", "8,750"]],
    ["支払条件: 月末締め翌月末払い", "有効期限: 30日"],
    "山田精密工業株式会社")
truth("pdf_cjk_ja", {"currency": "JPY", "quote_ref": "MT-2025-0412", "quote_date": "2025-04-12"},
      [L("JA-1001", [(1000, "12.5")], quantity="1000", line_total="12500"),
       L("JA-1002", [(2000, "3.2")], quantity="2000", line_total="6400"),
       L("JA-1003", [(1000, "8.75")], quantity="1000", line_total="8750")])

cjk("pdf_cjk_zh", "zh", "STSong-Light",
    ["报价单  报价单号: BJ-88120", "日期: 2025-03-18"],
    ["物料编号", "描述", "最小起订量", "单价 (CNY)", "交期 (天)"],
    [["ZH-2201", "不锈钢弹簧", "500", "0.85", "20"],
     ["ZH-2202", "铜垫片 M8", "1000", "0.42", "15"],
     ["ZH-2203", "塑料外壳", "200", "6.30", "30"]],
    ["付款方式: 月结30天", "报价有效期: 30天"],
    "深圳华信五金有限公司")
truth("pdf_cjk_zh", {"currency": "CNY", "quote_ref": "BJ-88120", "quote_date": "2025-03-18"},
      [L("ZH-2201", [(500, "0.85")], moq="500", lead_time_days=20),
       L("ZH-2202", [(1000, "0.42")], moq="1000", lead_time_days=15),
       L("ZH-2203", [(200, "6.3")], moq="200", lead_time_days=30)])


# An "OCR'd scan": a grey raster image of the page under invisible text.
def ocr_layer():
    from reportlab.lib.utils import ImageReader
    import io
    import zlib
    import struct
    # A small grey PNG written by hand (no PIL needed).
    w, h = 60, 80
    raw = b"".join(b"\x00" + bytes([200 + (x * y) % 40 for x in range(w)]) for y in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    c = canvas.Canvas(str(HERE / "pdf_ocr_layer.pdf"), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width=A4[0], height=A4[1])
    t = c.beginText()
    t.setTextRenderMode(3)
    def line(x, y, s, size=10):
        t.setTextOrigin(x, y)
        t.setFont("Helvetica", size)
        t.textOut(s)
    line(50, 800, "Norddeich Drehteile GmbH", 14)
    line(50, 780, "Angebot Nr. AN-7781   Datum: 03.02.2025")
    cols = [50, 150, 330, 400, 470]
    for x, s in zip(cols, ["Artikel", "Bezeichnung", "Menge", "Preis EUR", "Gesamt EUR"]):
        line(x, 740, s)
    rows = [["DT-3301", "Drehteil Messing 12 mm", "500", "1,84", "920,00"],
            ["DT-3302", "Drehteil Stahl 16 mm", "250", "2,46", "615,00"],
            ["DT-3303", "Buchse Alu 8 mm", "1000", "0,73", "730,00"]]
    y = 740
    for r in rows:
        y -= 16
        for x, s in zip(cols, r):
            line(x, y, s)
    line(50, y - 40, "Zahlung: 30 Tage netto")
    c.drawText(t)
    c.showPage()
    c.save()


ocr_layer()
truth("pdf_ocr_layer", {"currency": "EUR", "quote_ref": "AN-7781", "quote_date": "2025-02-03",
                        "payment_net_days": 30},
      [L("DT-3301", [(500, "1.84")], quantity="500", line_total="920"),
       L("DT-3302", [(250, "2.46")], quantity="250", line_total="615"),
       L("DT-3303", [(1000, "0.73")], quantity="1000", line_total="730")])


# A landscape table on a portrait page turned by /Rotate 90 (as a scanner's or a print
# driver's output is): the text runs up the page in PDF space.
def rotated():
    c = canvas.Canvas(str(HERE / "pdf_rotated.pdf"), pagesize=A4, invariant=1)
    c.setPageRotation(90)
    c.saveState()
    # Landscape space: origin at the page's bottom-right, x up the page.
    c.translate(A4[0], 0)
    c.rotate(90)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, 550, "Keystone Wire & Cable Inc.")
    c.setFont("Helvetica", 9)
    c.drawString(40, 532, "Quotation Q-55102   Date: 2025-05-06   Currency: USD")
    cols = [40, 120, 290, 330, 400, 470]
    hdr = ["Part Number", "Description", "UOM", "100+", "500+", "1000+"]
    rows = [["KW-18-2C", "Cable 18 AWG 2 conductor", "ft", "0.48", "0.44", "0.41"],
            ["KW-20-4C", "Cable 20 AWG 4 conductor", "ft", "0.62", "0.57", "0.53"],
            ["KW-22-6C", "Cable 22 AWG 6 conductor", "ft", "0.79", "0.73", "0.69"]]
    table(c, "Helvetica", cols, 500, hdr, rows, right=(3, 4, 5))
    c.drawString(40, 420, "Payment terms: Net 30 days. FOB Cleveland, OH.")
    c.restoreState()
    c.showPage()
    c.save()


rotated()
truth("pdf_rotated", {"currency": "USD", "quote_ref": "Q-55102", "quote_date": "2025-05-06",
                      "payment_net_days": 30},
      [L("KW-18-2C", [(100, "0.48"), (500, "0.44"), (1000, "0.41")], uom="FOT"),
       L("KW-20-4C", [(100, "0.62"), (500, "0.57"), (1000, "0.53")], uom="FOT"),
       L("KW-22-6C", [(100, "0.79"), (500, "0.73"), (1000, "0.69")], uom="FOT")])


# A spreadsheet quote printed by LibreOffice Calc (grid lines, a wrapped description).
def lo_xlsx():
    try:
        import openpyxl
    except ImportError:
        print("openpyxl missing: pdf_lo_xlsx not regenerated")
        return
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Baltic Plastics Sp. z o.o."])
    ws.append(["Offer no. BP-2025-118", None, "Date: 2025-06-02"])
    ws.append([])
    ws.append(["Item", "Description", "Qty", "Unit price PLN", "Amount PLN"])
    ws.append(["BP-501", "Housing ABS black", 1000, 3.45, 3450])
    ws.append(["BP-502", "Cover PC clear", 500, 5.10, 2550])
    ws.append(["BP-503", "Clip POM", 5000, 0.28, 1400])
    ws.append([])
    ws.append(["Payment: 30 days net"])
    for col, wdt in zip("ABCDE", [10, 22, 7, 14, 12]):
        ws.column_dimensions[col].width = wdt
    for r in ws.iter_rows(min_row=5, max_row=7, min_col=4, max_col=5):
        for cell in r:
            cell.number_format = "0.00"
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "pdf_lo_xlsx.xlsx"
        wb.save(src)
        subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", d, str(src)],
                       check=True, capture_output=True)
        (HERE / "pdf_lo_xlsx.pdf").write_bytes((Path(d) / "pdf_lo_xlsx.pdf").read_bytes())


lo_xlsx()
truth("pdf_lo_xlsx", {"currency": "PLN", "quote_ref": "BP-2025-118", "quote_date": "2025-06-02",
                      "payment_net_days": 30},
      [L("BP-501", [(1000, "3.45")], quantity="1000", line_total="3450"),
       L("BP-502", [(500, "5.1")], quantity="500", line_total="2550"),
       L("BP-503", [(5000, "0.28")], quantity="5000", line_total="1400")])


# A Writer quote: HTML -> .odt -> .docx, each printed by LibreOffice.
WRITER_HTML = """<html><body>
<h2>Hansa Federn GmbH</h2>
<p>Angebot Nr. HF-2025-0931<br>Datum: 14.05.2025</p>
<table border="1" cellpadding="3">
<tr><th>Art.-Nr.</th><th>Bezeichnung</th><th>Menge<br>(Stk.)</th><th>Einzelpreis<br>EUR</th><th>Gesamtpreis<br>EUR</th></tr>
<tr><td>HF-1020</td><td>Druckfeder 1,0 x 8 x 20 mm, Federstahl DIN EN 10270-1, blank</td><td>5.000</td><td>0,112</td><td>560,00</td></tr>
<tr><td>HF-1035</td><td>Zugfeder 1,2 x 10 x 35 mm mit deutscher \u00d6se, verzinkt</td><td>2.000</td><td>0,284</td><td>568,00</td></tr>
<tr><td>HF-2210</td><td>Schenkelfeder 90\u00b0, Edelstahl 1.4310</td><td>1.000</td><td>0,451</td><td>451,00</td></tr>
<tr><td colspan="4">Summe netto</td><td>1.579,00</td></tr>
</table>
<p>Zahlungsbedingungen: 30 Tage netto. Lieferung ab Werk.</p>
</body></html>
"""


def lo_writer():
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        (d / "q.html").write_text(WRITER_HTML, encoding="utf-8")
        def lo(fmt, src):
            subprocess.run(["libreoffice", "--headless", "--convert-to", fmt, "--outdir", str(d), str(src)],
                           check=True, capture_output=True)
        lo("odt", d / "q.html")
        lo("docx", d / "q.odt")
        for ext in ("odt", "docx"):
            (d / "pdf").mkdir(exist_ok=True)
            subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                            str(d / "pdf"), str(d / f"q.{ext}")], check=True, capture_output=True)
            (HERE / f"pdf_lo_{ext}.pdf").write_bytes((d / "pdf" / "q.pdf").read_bytes())
            (d / "pdf" / "q.pdf").unlink()
    for ext in ("odt", "docx"):
        truth(f"pdf_lo_{ext}", {"supplier": "Hansa Federn GmbH", "currency": "EUR",
                                "quote_ref": "HF-2025-0931", "quote_date": "2025-05-14",
                                "payment_net_days": 30, "total": "1579.00"},
              [L("HF-1020", [(5000, "0.112")], quantity="5000", line_total="560"),
               L("HF-1035", [(2000, "0.284")], quantity="2000", line_total="568"),
               L("HF-2210", [(1000, "0.451")], quantity="1000", line_total="451")])


lo_writer()


# A table over two pages: header repeated, carried / brought forward, page footers.
def multipage_forward():
    c = canvas.Canvas(str(HERE / "pdf_multipage_forward.pdf"), pagesize=A4, invariant=1)
    items = [(f"VX-{100 + i}", f"Valve body type {i}", 10 * (i + 1), 12.5 + i) for i in range(8)]
    run = 0
    for page, chunk in enumerate([items[:4], items[4:]]):
        c.setFont("Helvetica-Bold", 13)
        c.drawString(50, 800, "Veritas Valves Ltd")
        c.setFont("Helvetica", 9)
        c.drawString(50, 785, f"Quotation VV-2210   Date: 2025-04-01   Currency: EUR   Page {page + 1} of 2")
        y = 750
        c.setFont("Helvetica-Bold", 9)
        for x, h in zip([50, 130, 330, 400, 480], ["Part No.", "Description", "Qty", "Unit Price", "Amount"]):
            c.drawString(x, y, h)
        c.setFont("Helvetica", 9)
        if page == 1:
            y -= 16
            c.drawString(130, y, "Brought forward")
            c.drawRightString(530, y, f"{run:,.2f}")
        for p, d, q, u in chunk:
            y -= 16
            c.drawString(50, y, p)
            c.drawString(130, y, d)
            c.drawRightString(360, y, str(q))
            c.drawRightString(450, y, f"{u:.2f}")
            c.drawRightString(530, y, f"{q * u:,.2f}")
            run += q * u
        y -= 16
        c.drawString(130, y, "Carried forward" if page == 0 else "Total EUR")
        c.drawRightString(530, y, f"{run:,.2f}")
        c.drawString(200, 40, f"Veritas Valves Ltd - Registered in England 0123456 - Page {page + 1}")
        c.showPage()
    c.save()
    truth("pdf_multipage_forward", {"supplier": "Veritas Valves Ltd", "currency": "EUR",
                                    "quote_ref": "VV-2210", "quote_date": "2025-04-01",
                                    "total": f"{run:.2f}"},
          [L(p, [(q, f"{u:g}")], quantity=str(q), line_total=f"{q * u:g}") for p, d, q, u in items])


multipage_forward()
