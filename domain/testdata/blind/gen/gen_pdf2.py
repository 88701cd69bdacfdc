"""More PDFs: a bilingual stacked-header table (reportlab, CID font), a priced quote in
yen (wkhtmltopdf), a wrapped '$41.50 per 1000 pcs' cell (weasyprint)."""
import subprocess
import tempfile

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from common import about, path, write_truth

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

# ---------------------------------------------------------------- p04: reportlab, bilingual stacked headers, US$
ss = getSampleStyleSheet()
zh = ss["Normal"].clone("zh", fontName="STSong-Light", fontSize=9, leading=11)
zt = ss["Title"].clone("zt", fontName="STSong-Light")
doc = SimpleDocTemplate(path("p04_reportlab_bilingual_usd_zh.pdf"), pagesize=A4, invariant=1,
                        title="JD-Q250226", leftMargin=36, rightMargin=36)
Z = lambda t: Paragraph(t, zh)
story = [Paragraph("宁波嘉达五金制品有限公司", zt),
         Paragraph("Ningbo Jiada Hardware Products Co., Ltd.", ss["Heading3"]),
         Z("地址 Add: 浙江省宁波市鄞州区工业园区 18 号 &nbsp; 电话 Tel: +86 574 8888 1234"),
         Spacer(1, 8), Paragraph("报价单 QUOTATION", zt),
         Table([[Z("客户 Customer: Nordwind Moebelbeschlaege GmbH"), Z("编号 No.: JD-Q250226")],
                [Z("联系人 Attn: Ms. Hoffmann"), Z("日期 Date: 2025-02-26")]], colWidths=[300, 220]),
         Spacer(1, 10)]
data = [[Z("客户料号<br/>Customer P/N"), Z("品名规格<br/>Description"), Z("数量(个)<br/>Qty (pcs)"),
         Z("单价<br/>Unit Price<br/>(US$)"), Z("模具费<br/>Tooling<br/>(US$)"), Z("交期<br/>Lead time")],
        ["HW-3301", Z("铰链 Hinge 40x40mm, SUS304, 2.0mm 厚"), "5,000", "0.86", "2,200", Z("30天")],
        ["HW-3305", Z("拉手 Handle 128mm, 锌合金 zinc alloy, 拉丝镍 brushed nickel"), "3,000", "1.45", "3,600", Z("35天")],
        ["HW-3310", Z("弹簧扣 Spring latch, 碳钢镀锌 zinc plated steel"), "10,000", "0.32", "—", Z("25天")]]
t = Table(data, colWidths=[70, 190, 60, 60, 60, 60])
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, 1), (4, -1), "RIGHT")]))
story += [t, Spacer(1, 10)]
for l in ["付款方式 Payment: 30% T/T deposit, 70% against B/L copy.",
          "价格条款 Price term: FOB Ningbo.",
          "报价有效期 Validity: 30 days.",
          "模具费一次性收取，模具归客户所有。Tooling cost is one-time, mould owned by customer.",
          "业务员 Sales: 陈丽 Lily Chen &nbsp;&nbsp; 第1页/共1页"]:
    story.append(Z(l))
doc.build(story)
write_truth("p04_reportlab_bilingual_usd_zh.pdf", {
    "about": about("pdf", "zh-en", [1, 3, 6, 7],
                   "reportlab CID font: three-line bilingual stacked headers, wrapped bilingual descriptions, tooling column, lead time in 天, US$ from a Chinese exporter, deposit terms"),
    "header": {
        "supplier": "Ningbo Jiada Hardware Products Co., Ltd.",
        "quote_ref": "JD-Q250226",
        "quote_date": "2025-02-26",
        "currency": "USD",
        "validity_days": 30,
        "payment_deposit_pct": "30",
        "incoterm": "FOB",
        "incoterm_place": "Ningbo",
    },
    "lines": [
        {"part_number": "HW-3301", "description": "铰链 Hinge 40x40mm, SUS304, 2.0mm 厚", "uom": "H87",
         "breaks": [["5000", "0.86"]], "lead_time_days": 30, "tooling": [["模具费 Tooling", "2200"]]},
        {"part_number": "HW-3305", "description": "拉手 Handle 128mm, 锌合金 zinc alloy, 拉丝镍 brushed nickel",
         "uom": "H87", "breaks": [["3000", "1.45"]], "lead_time_days": 35, "tooling": [["模具费 Tooling", "3600"]]},
        {"part_number": "HW-3310", "description": "弹簧扣 Spring latch, 碳钢镀锌 zinc plated steel", "uom": "H87",
         "breaks": [["10000", "0.32"]], "lead_time_days": 25},
    ],
})

# ---------------------------------------------------------------- p05: wkhtmltopdf, priced quote in yen
html = """<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 20px }
table.l { border-collapse: collapse; width: 100% } table.l td, table.l th { border: 1px solid #444; padding: 4px }
.r { text-align: right } h2 { letter-spacing: 4px }
</style></head><body>
<table width="100%"><tr><td><b style="font-size:14pt">Kansai Seimitsu Co., Ltd.</b><br>
2-14-8 Minamihonmachi, Higashiosaka, Osaka 577-0000, Japan</td>
<td class="r">Quotation No. KS-2503-114<br>Date: March 14, 2025</td></tr></table>
<h2>QUOTATION</h2>
<p>Messrs. Lindqvist Automation AB<br>Attn: Mr. Erik Sandberg</p>
<p>We are pleased to quote as follows. Currency: Japanese Yen (JPY).</p>
<table class="l"><tr><th>No.</th><th>Your Part No.</th><th>Our Part No.</th><th>Description</th><th>Q'ty</th><th>Unit Price</th><th>Amount</th></tr>
<tr><td>1</td><td>LA-0041</td><td>KS-J-1001</td><td>Precision pin &Oslash;3 h6 x 12, SUJ2</td><td class="r">2,000</td><td class="r">&yen;48</td><td class="r">&yen;96,000</td></tr>
<tr><td>2</td><td>LA-0042</td><td>KS-J-1002</td><td>Bushing &Oslash;8 x &Oslash;12 x 10, oil-impregnated bronze</td><td class="r">1,000</td><td class="r">&yen;215</td><td class="r">&yen;215,000</td></tr>
<tr><td>3</td><td>LA-0057</td><td>KS-J-1010</td><td>Spur gear m0.5 40T, POM</td><td class="r">5,000</td><td class="r">&yen;132</td><td class="r">&yen;660,000</td></tr>
<tr><td colspan="6" class="r"><b>Total</b></td><td class="r"><b>&yen;971,000</b></td></tr></table>
<p>Delivery: 45 days after receipt of order<br>
Delivery terms: FCA Osaka (Incoterms 2020)<br>
Payment terms: 60 days after end of month of delivery<br>
Validity: until April 30, 2025<br>
Consumption tax not included.</p>
<p>Kansai Seimitsu Co., Ltd.<br>Overseas Sales Dept. &nbsp; Yuki Tanaka</p>
</body></html>"""
with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as f:
    f.write(html)
subprocess.run(["wkhtmltopdf", "-q", "--disable-local-file-access", f.name, path("p05_wkhtmltopdf_priced_jpy_en.pdf")],
               check=False)
write_truth("p05_wkhtmltopdf_priced_jpy_en.pdf", {
    "about": about("pdf", "en", [6, 7],
                   "wkhtmltopdf: priced quote with quantity, unit price and amount in ¥ with Japanese Yen stated, Your/Our part no. columns, total row, payment 60 days after end of month"),
    "header": {
        "supplier": "Kansai Seimitsu Co., Ltd.",
        "quote_ref": "KS-2503-114",
        "quote_date": "2025-03-14",
        "currency": "JPY",
        "valid_until": "2025-04-30",
        "payment_net_days": 60,
        "payment_basis": "end_of_month",
        "incoterm": "FCA",
        "incoterm_place": "Osaka",
        "total": "971000",
    },
    "lines": [
        {"part_number": "LA-0041", "supplier_part": "KS-J-1001", "description": "Precision pin Ø3 h6 x 12, SUJ2",
         "quantity": "2000", "line_total": "96000", "breaks": [["2000", "48"]], "lead_time_days": 45},
        {"part_number": "LA-0042", "supplier_part": "KS-J-1002", "description": "Bushing Ø8 x Ø12 x 10, oil-impregnated bronze",
         "quantity": "1000", "line_total": "215000", "breaks": [["1000", "215"]], "lead_time_days": 45},
        {"part_number": "LA-0057", "supplier_part": "KS-J-1010", "description": "Spur gear m0.5 40T, POM",
         "quantity": "5000", "line_total": "660000", "breaks": [["5000", "132"]], "lead_time_days": 45},
    ],
})

# ---------------------------------------------------------------- p06: weasyprint, price cell wraps 'per 1000 pcs'
html = """<!doctype html><html><head><meta charset="utf-8"><style>
@page { size: letter; margin: 18mm }
body { font-family: serif; font-size: 10pt }
table { border-collapse: collapse } td, th { border: 0.6pt solid #333; padding: 3pt 5pt; vertical-align: top }
th { background: #eee }
</style></head><body>
<p style="font-size:15pt"><b>Pacific Coast Spring Corp.</b></p>
<p>2710 S. Golden State Blvd, Fresno, CA 93725</p>
<p><b>Quotation PCS-44817</b> &nbsp;&nbsp; May 2, 2025<br>Prepared for: Sierra Valve Inc., Attn. Mike Torres</p>
<table>
<tr><th style="width:70pt">Part<br>Number</th><th style="width:190pt">Description</th><th style="width:55pt">Quantity</th><th style="width:60pt">Price</th><th style="width:50pt">Lead<br>Time</th></tr>
<tr><td>SPR-0100</td><td>Compression spring .035 wire x .250 OD x .750 free length, music wire, passivated</td><td>10,000</td><td>$41.50 per 1000 pcs</td><td>3 wks</td></tr>
<tr><td>SPR-0100</td><td></td><td>50,000</td><td>$36.80 per 1000 pcs</td><td>3 wks</td></tr>
<tr><td>SPR-0220</td><td>Extension spring .047 x .375 OD x 1.25 long, SS302, machine hooks</td><td>5,000</td><td>$128.00 per 1000 pcs</td><td>4 wks</td></tr>
<tr><td>SPR-0315</td><td>Torsion spring 90&deg;, .062 wire, right hand</td><td>2,000</td><td>$0.412 each</td><td>5 wks</td></tr>
</table>
<p>Terms: Net 30 days. FOB Fresno, CA. Freight not included.<br>
Quotation valid for 30 days.</p>
<p>Thank you for the opportunity to quote.<br>Linda Park, Customer Service</p>
</body></html>"""
from weasyprint import HTML

HTML(string=html).write_pdf(path("p06_weasyprint_wrapped_per1000_en.pdf"))
write_truth("p06_weasyprint_wrapped_per1000_en.pdf", {
    "about": about("pdf", "en", [1, 2],
                   "weasyprint: narrow price cells where '$41.50 per 1000 pcs' wraps over two or three lines, stacked 'Part / Number' header, wrapped descriptions, per-each price on another line"),
    "header": {
        "supplier": "Pacific Coast Spring Corp.",
        "quote_ref": "PCS-44817",
        "quote_date": "2025-05-02",
        "currency": "USD",
        "validity_days": 30,
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Fresno, CA",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "SPR-0100", "description": "Compression spring .035 wire x .250 OD x .750 free length, music wire",
         "uom": "H87", "price_basis_qty": "1000", "breaks": [["10000", "0.0415"], ["50000", "0.0368"]],
         "lead_time_days": 21},
        {"part_number": "SPR-0220", "description": "Extension spring .047 x .375 OD x 1.25 long, SS302, machine hooks",
         "uom": "H87", "price_basis_qty": "1000", "breaks": [["5000", "0.128"]], "lead_time_days": 28},
        {"part_number": "SPR-0315", "description": "Torsion spring 90°, .062 wire, right hand", "uom": "H87",
         "breaks": [["2000", "0.412"]], "lead_time_days": 35},
    ],
})
print("pdf part 2: 3 documents")
