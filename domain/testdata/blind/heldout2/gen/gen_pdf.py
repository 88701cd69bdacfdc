"""PDF quotes (p*), an ODS (o01) and an HTML page (h01) for heldout2. Truth typed by hand."""
import io

from fpdf import FPDF
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table as OTable, TableCell, TableRow
from odf.text import P
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (BaseDocTemplate, Frame, PageTemplate, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

from common import L, per, save, truth

st = getSampleStyleSheet()
GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("FONTSIZE", (0, 0), (-1, -1), 8),
                   ("VALIGN", (0, 0), (-1, -1), "TOP")])


def rl_pdf(story, title, pagesize=A4):
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=pagesize, title=title, invariant=1).build(story)
    return buf.getvalue()


# ---------------------------------------------------------------- p01 single table, MOQ column, T/T deposit
data = [["Item", "Part No.", "Description", "MOQ", "Unit Price (USD)", "Lead Time"],
        ["1", "EV-3301", "Die-cast zinc knob, satin chrome", "3,000 pcs", "0.92", "30 days"],
        ["2", "EV-3302", "Die-cast zinc escutcheon", "3,000 pcs", "1.48", "30 days"],
        ["3", "EV-3310", "Stamped steel backplate, e-coat", "5,000 pcs", "0.37", "25 days"],
        ["4", "EV-3315", "Spring, torsion, SUS304", "10,000 pcs", "0.064", "20 days"]]
story = [Paragraph("NINGBO EVERBRIGHT HARDWARE CO., LTD.", st["Title"]),
         Paragraph("QUOTATION &nbsp; No.: NEH-2612-045 &nbsp; Date: Dec. 21, 2026", st["Normal"]),
         Paragraph("To: Acme Industrial, Inc. (Attn. Purchasing)", st["Normal"]), Spacer(1, 10),
         Table(data, style=GRID), Spacer(1, 10),
         Paragraph("Terms of payment: 30% T/T deposit with order, 70% against copy of B/L.", st["Normal"]),
         Paragraph("Price term: FOB Ningbo. Validity: 60 days.", st["Normal"])]
save("p01_reportlab_single_table_moq_usd_en.pdf", rl_pdf(story, "NEH-2612-045"), truth(
    "pdf", "en", [1, 6, 7],
    "reportlab single-table quote from a Chinese exporter: MOQ column with 'pcs', USD in the price header, T/T deposit split, FOB port",
    {"supplier": "Ningbo Everbright Hardware Co., Ltd.", "quote_ref": "NEH-2612-045",
     "quote_date": "2026-12-21", "currency": "USD", "validity_days": 60, "payment_deposit_pct": "30",
     "incoterm": "FOB", "incoterm_place": "Ningbo"},
    [
        L("EV-3301", "Die-cast zinc knob, satin chrome", [(3000, "0.92")], moq=3000, uom="H87", lead_time_days=30),
        L("EV-3302", "Die-cast zinc escutcheon", [(3000, "1.48")], moq=3000, uom="H87", lead_time_days=30),
        L("EV-3310", "Stamped steel backplate, e-coat", [(5000, "0.37")], moq=5000, uom="H87", lead_time_days=25),
        L("EV-3315", "Spring, torsion, SUS304", [(10000, "0.064")], moq=10000, uom="H87", lead_time_days=20),
    ]))

# ---------------------------------------------------------------- p02 fpdf2, header over three text lines, per 100
pdf = FPDF()
pdf.set_creation_date(__import__("datetime").datetime(2026, 12, 21))
pdf.add_page()
pdf.set_font("Helvetica", "B", 14)
pdf.cell(0, 8, "Allgäuer Kunststofftechnik GmbH", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 10)
for s in ["Angebot Nr. 26-1195 vom 21.12.2026", "Ihre Anfrage vom 14.12.2026",
          "Zahlung: 30 Tage netto, 8 Tage 2 % Skonto", "Lieferung: FCA Kempten, Verpackung inklusive",
          "Gültig bis 28.02.2027", ""]:
    pdf.cell(0, 6, s, new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "B", 9)
x0, y0 = pdf.get_x(), pdf.get_y()
widths = [28, 62, 30, 30, 30]
heads = ["Sach-\nnummer", "Bezeichnung", "Menge\nab\nStück", "Preis je\n100 Stk\nEUR", "Liefer-\nzeit\nWochen"]
x = x0
for w, h in zip(widths, heads):
    pdf.set_xy(x, y0)
    pdf.multi_cell(w, 5, h, border=1)
    x += w
pdf.set_xy(x0, y0 + 15)
pdf.set_font("Helvetica", "", 9)
for r in [("AK-4100", "Abdeckkappe PA6 schwarz", "5.000", "12,40", "4"),
          ("AK-4100", "Abdeckkappe PA6 schwarz", "20.000", "10,85", "4"),
          ("AK-4120", "Kabeldurchführung TPE", "2.000", "38,90", "5"),
          ("AK-4135", "Distanzhülse POM weiß", "10.000", "7,15", "3")]:
    for w, c in zip(widths, r):
        pdf.cell(w, 6, c, border=1)
    pdf.ln()
save("p02_fpdf_three_line_header_per_100_de.pdf", bytes(pdf.output()), truth(
    "pdf", "de", [1, 2, 4, 7],
    "fpdf2: column headers written over three text lines ('Preis je / 100 Stk / EUR', 'Menge / ab / Stück'); breaks as repeated rows; Skonto; inquiry date before quote date",
    {"supplier": "Allgäuer Kunststofftechnik GmbH", "quote_ref": "26-1195", "quote_date": "2026-12-21",
     "currency": "EUR", "valid_until": "2027-02-28", "payment_net_days": 30, "payment_discount_pct": "2",
     "payment_discount_days": 8, "incoterm": "FCA", "incoterm_place": "Kempten"},
    [
        L("AK-4100", "Abdeckkappe PA6 schwarz", [(5000, per("12.40", 100)), (20000, per("10.85", 100))],
          uom="H87", price_basis_qty=100, lead_time_days=28),
        L("AK-4120", "Kabeldurchführung TPE", [(2000, per("38.90", 100))], uom="H87", price_basis_qty=100,
          lead_time_days=35),
        L("AK-4135", "Distanzhülse POM weiß", [(10000, per("7.15", 100))], uom="H87", price_basis_qty=100,
          lead_time_days=21),
    ]))

# ---------------------------------------------------------------- p03 wrapped descriptions, tooling remark, French
cell = st["BodyText"].clone("cell", fontSize=8, leading=10)
data = [["Réf.", "Désignation", "Quantité", "P.U. HT €", "Délai"],
        ["BZ-510", Paragraph("Carter de protection en tôle d'acier DC01 ép. 1,5 mm, pliée, soudée, "
                             "peinture époxy RAL 7035, avec inserts M6 sertis", cell), "200", "46,80", "5 semaines"],
        ["BZ-515", Paragraph("Capot supérieur aluminium 5754 ép. 2 mm, découpe laser, pliage, "
                             "anodisation naturelle 15 µm", cell), "200", "58,20", "5 semaines"],
        ["BZ-530", Paragraph("Support moteur acier S235, mécano-soudé, galvanisé à chaud selon NF EN ISO 1461", cell),
         "100", "132,50", "7 semaines"]]
story = [Paragraph("Chaudronnerie Bourguignonne SAS", st["Title"]),
         Paragraph("Offre de prix n° CB-26-0488 — Dijon, le 22/12/2026", st["Normal"]), Spacer(1, 10),
         Table(data, colWidths=[50, 250, 50, 60, 70], style=GRID), Spacer(1, 10),
         Paragraph("Remarque : outillage de pliage spécifique pour BZ-530 : 2 300,00 € HT, facturé une seule fois.", st["Normal"]),
         Paragraph("Règlement : 60 jours date de facture. Transport : franco de port. Validité : 3 mois.", st["Normal"])]
save("p03_reportlab_wrapped_desc_tooling_remark_fr.pdf", rl_pdf(story, "CB-26-0488"), truth(
    "pdf", "fr", [1, 3, 5, 7],
    "reportlab: descriptions wrap over two or three lines inside cells; tooling as a remark under the table naming the part; franco de port; validity in months (not days: no validity fact)",
    {"supplier": "Chaudronnerie Bourguignonne SAS", "quote_ref": "CB-26-0488", "quote_date": "2026-12-22",
     "currency": "EUR", "payment_net_days": 60, "freight": "included"},
    [
        L("BZ-510", "Carter de protection en tôle d'acier DC01 ép. 1,5 mm, pliée, soudée, peinture époxy RAL 7035, avec inserts M6 sertis",
          [(200, "46.80")], lead_time_days=35),
        L("BZ-515", "Capot supérieur aluminium 5754 ép. 2 mm, découpe laser, pliage, anodisation naturelle 15 µm",
          [(200, "58.20")], lead_time_days=35),
        L("BZ-530", "Support moteur acier S235, mécano-soudé, galvanisé à chaud selon NF EN ISO 1461",
          [(100, "132.50")], lead_time_days=49, tooling=[("outillage de pliage spécifique", "2300.00")]),
    ]))

# ---------------------------------------------------------------- p04 fpdf2 multi-page list price, header repeated
items = []
for i in range(1, 73):
    size = [3, 4, 5, 6, 8, 10][i % 6]
    length = [6, 8, 10, 12, 16, 20, 25, 30, 40, 50, 60, 80][i % 12]
    price = (size * size * length) / 200 + 2.5 + (i % 5) * 0.13
    items.append(("SHCS-%03d" % i, "Socket head cap screw ISO 4762 M%dx%d A2-70" % (size, length),
                  "%.2f" % price))
pdf = FPDF()
pdf.set_auto_page_break(False)
per_page = 30
pages = (len(items) + per_page - 1) // per_page
for pg in range(pages):
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, "Pacific Fastener Supply Inc. - List Price Sheet LP-2027-A", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 5, "Effective January 4, 2027. Prices in USD per 100 pieces. Box quantity 100 (sold by the box only).",
             new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, "Terms Net 30, FOB Portland, OR.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 9)
    for w, h in zip([30, 110, 40], ["Item #", "Description", "Price / 100"]):
        pdf.cell(w, 6, h, border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for it in items[pg * per_page:(pg + 1) * per_page]:
        for w, c in zip([30, 110, 40], it):
            pdf.cell(w, 6, c, border=1, align="R" if w == 40 else "L")
        pdf.ln()
    pdf.set_y(-15)
    pdf.cell(0, 5, "Page %d of %d" % (pg + 1, pages), align="C")
save("p04_fpdf_multipage_list_per_100_usd_en.pdf", bytes(pdf.output()), truth(
    "pdf", "en", [1, 2],
    "fpdf2 list-price sheet over 3 pages (30+30+12 rows), title and header repeated per page, 'Page n of 3' footers; USD per 100, box of 100 = moq and multiple (so each price's min_qty is 100); item numbers are the supplier's own",
    {"supplier": "Pacific Fastener Supply Inc.", "quote_ref": "LP-2027-A", "quote_date": "2027-01-04",
     "currency": "USD", "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Portland, OR"},
    [L(None, desc, [(100, per(p, 100))], supplier_part=pn, price_basis_qty=100, moq=100, order_multiple=100)
     for pn, desc, p in items]))

# ---------------------------------------------------------------- p05 two-column catalogue page, Italian
buf = io.BytesIO()
doc = BaseDocTemplate(buf, pagesize=landscape(A4), title="Listino 2027", invariant=1)
w, h = landscape(A4)
fr = [Frame(30, 30, (w - 80) / 2, h - 60, id="left"), Frame(50 + (w - 80) / 2, 30, (w - 80) / 2, h - 60, id="right")]
doc.addPageTemplates([PageTemplate(id="two", frames=fr)])
left = [["Codice", "Descrizione", "€/pz"]]
right = [["Codice", "Descrizione", "€/pz"]]
cat = [("GV-101", "Guarnizione OR 10x2 NBR", "0,085"), ("GV-102", "Guarnizione OR 12x2 NBR", "0,092"),
       ("GV-103", "Guarnizione OR 16x2,5 NBR", "0,118"), ("GV-104", "Guarnizione OR 20x3 NBR", "0,146"),
       ("GV-105", "Guarnizione OR 25x3 NBR", "0,171"), ("GV-106", "Guarnizione OR 30x3 NBR", "0,198"),
       ("GV-201", "Anello di tenuta 20x35x7 NBR", "0,74"), ("GV-202", "Anello di tenuta 25x40x7 NBR", "0,81"),
       ("GV-203", "Anello di tenuta 30x47x7 NBR", "0,93"), ("GV-204", "Anello di tenuta 35x52x7 FKM", "2,46"),
       ("GV-205", "Anello di tenuta 40x55x8 FKM", "2,78"), ("GV-206", "Anello di tenuta 45x62x8 FKM", "3,15")]
for i, r in enumerate(cat):
    (left if i < 6 else right).append(list(r))
story = [Paragraph("Gommatecnica Veneta S.r.l. — Listino prezzi n. LV-2027 valido dal 02/01/2027", st["Heading2"]),
         Paragraph("Prezzi netti in euro al pezzo. Confezione minima 100 pz. Pagamento: bonifico 30 gg data fattura. "
                   "Resa franco nostro magazzino (EXW Vicenza).", st["Normal"]),
         Spacer(1, 8), Paragraph("O-ring", st["Heading3"]), Table(left, style=GRID),
         Spacer(1, 8), Paragraph("Anelli di tenuta rotanti", st["Heading3"]), Table(right, style=GRID)]
from reportlab.platypus import FrameBreak  # noqa: E402
story.insert(6, FrameBreak())
doc.build(story)
save("p05_reportlab_two_column_list_it.pdf", buf.getvalue(), truth(
    "pdf", "it", [1, 7],
    "landscape catalogue page in two text columns, one table per column; prices per piece; minimum pack 100 (moq 100, not stated as a multiple); intro paragraph holds terms",
    {"supplier": "Gommatecnica Veneta S.r.l.", "quote_ref": "LV-2027", "quote_date": "2027-01-02",
     "currency": "EUR", "payment_net_days": 30, "incoterm": "EXW", "incoterm_place": "Vicenza"},
    [L(None, desc, [(100, p.replace(",", "."))], supplier_part=pn, uom="H87", moq=100) for pn, desc, p in cat]))

# ---------------------------------------------------------------- p06 Chinese PDF, mould row, RMB
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
zh = st["Normal"].clone("zh", fontName="STSong-Light", fontSize=9, leading=12)
zht = st["Title"].clone("zht", fontName="STSong-Light")
data = [["序号", "客户料号", "品名规格", "数量(个)", "单价(元)", "交期"],
        ["1", "ZH-8801", "PA66 卡扣 黑色", "5,000", "0.38", "20天"],
        ["2", "ZH-8801", "PA66 卡扣 黑色", "20,000", "0.33", "20天"],
        ["3", "ZH-8805", "ABS 外壳 上盖", "2,000", "4.60", "25天"],
        ["4", "ZH-8805", "模具费 (一次性)", "1", "36,000.00", ""]]
tzh = Table(data, style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                    ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 9)]))
story = [Paragraph("东莞市宏达塑胶制品有限公司", zht),
         Paragraph("报价单号: HD-Q-261223  日期: 2026年12月23日", zh),
         Paragraph("币别: 人民币 (含税)", zh), Spacer(1, 8), tzh, Spacer(1, 8),
         Paragraph("付款方式: 月结30天", zh), Paragraph("交货方式: 送货到厂 (运费我司承担)", zh),
         Paragraph("报价有效期: 30天", zh)]
save("p06_reportlab_mould_row_cny_zh.pdf", rl_pdf(story, "HD-Q-261223"), truth(
    "pdf", "zh", [3, 4, 7],
    "Chinese reportlab PDF (CID font): breaks as repeated rows, the mould charge as a table row under its part with quantity 1, 月结30天 (monthly statement, 30 days: net 30 end of month), delivered free",
    {"supplier": "东莞市宏达塑胶制品有限公司", "quote_ref": "HD-Q-261223", "quote_date": "2026-12-23",
     "currency": "CNY", "validity_days": 30, "payment_net_days": 30, "payment_basis": "end_of_month",
     "freight": "included"},
    [
        L("ZH-8801", "PA66 卡扣 黑色", [(5000, "0.38"), (20000, "0.33")], uom="H87", lead_time_days=20),
        L("ZH-8805", "ABS 外壳 上盖", [(2000, "4.60")], uom="H87", lead_time_days=25,
          tooling=[("模具费 (一次性)", "36000.00")]),
    ]))

# ---------------------------------------------------------------- o01 ODS, Portuguese, breaks columns + mould column
doc = OpenDocumentSpreadsheet()
tbl = OTable(name="Cotação")


def orow(vals):
    tr = TableRow()
    for v in vals:
        if isinstance(v, (int, float)):
            c = TableCell(valuetype="float", value=v)
            c.addElement(P(text=str(v)))
        else:
            c = TableCell(valuetype="string")
            c.addElement(P(text=v or ""))
        tr.addElement(c)
    tbl.addElement(tr)


orow(["Metalúrgica do Ave, Lda."])
orow(["Cotação n.º", "MA-2026/447"])
orow(["Data", "28/12/2026"])
orow(["Moeda", "EUR"])
orow(["Condições de pagamento", "60 dias fim do mês"])
orow(["Entrega", "DAP Porto - portes incluídos"])
orow(["Validade", "90 dias"])
orow([])
orow(["Ref. cliente", "Designação", "Preço unit. 1 000 un", "Preço unit. 5 000 un", "Molde (pago uma vez)", "Prazo"])
orow(["PT-120", "Dobradiça inox 40x40", 0.86, 0.71, 3200, "4 semanas"])
orow(["PT-125", "Fecho de mola zincado", 0.54, 0.46, None, "3 semanas"])
orow(["PT-131", "Suporte em L 60x60 galvanizado", 1.12, 0.97, 2750, "5 semanas"])
doc.spreadsheet.addElement(tbl)
buf = io.BytesIO()
doc.save(buf)
save("o01_ods_break_columns_mould_pt.ods", buf.getvalue(), truth(
    "ods", "pt", [3, 4, 7],
    "ODS: key/value header rows, break columns 'Preço unit. 1 000 un | 5 000 un', mould column, 60 dias fim do mês, DAP with portes incluídos",
    {"supplier": "Metalúrgica do Ave, Lda.", "quote_ref": "MA-2026/447", "quote_date": "2026-12-28",
     "currency": "EUR", "validity_days": 90, "payment_net_days": 60, "payment_basis": "end_of_month",
     "incoterm": "DAP", "incoterm_place": "Porto", "freight": "included"},
    [
        L("PT-120", "Dobradiça inox 40x40", [(1000, "0.86"), (5000, "0.71")], uom="H87", lead_time_days=28,
          tooling=[("Molde", "3200")]),
        L("PT-125", "Fecho de mola zincado", [(1000, "0.54"), (5000, "0.46")], uom="H87", lead_time_days=21),
        L("PT-131", "Suporte em L 60x60 galvanizado", [(1000, "1.12"), (5000, "0.97")], uom="H87",
          lead_time_days=35, tooling=[("Molde", "2750")]),
    ]))

# ---------------------------------------------------------------- h01 HTML supplier-portal page, SGD
h01 = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Quote SQ-77120 | Lion City Components</title></head>
<body>
<header><nav>Home | Catalogue | My quotes | Logout</nav></header>
<main>
<h1>Quote SQ-77120</h1>
<dl>
<dt>Supplier</dt><dd>Lion City Components Pte. Ltd.</dd>
<dt>Issued</dt><dd>29 Dec 2026</dd>
<dt>Valid until</dt><dd>29 Jan 2027</dd>
<dt>Currency</dt><dd>SGD</dd>
<dt>Payment</dt><dd>Net 30 days</dd>
<dt>Delivery</dt><dd>DAP Singapore (delivery charge S$85.00 per shipment)</dd>
</dl>
<table>
<thead><tr><th>Your part no.</th><th>Manufacturer part</th><th>Description</th><th>Qty 1+</th><th>Qty 100+</th><th>Qty 1,000+</th><th>Stock</th></tr></thead>
<tbody>
<tr><td>SG-1001</td><td>LM2596S-5.0</td><td>Buck regulator 5 V 3 A, TO-263</td><td>2.85</td><td>2.12</td><td>1.74</td><td>12,400</td></tr>
<tr><td>SG-1002</td><td>AMS1117-3.3</td><td>LDO 3.3 V 1 A, SOT-223</td><td>0.42</td><td>0.26</td><td>0.19</td><td>88,000</td></tr>
<tr><td>SG-1005</td><td>SS34</td><td>Schottky diode 3 A 40 V, SMA</td><td>0.18</td><td>0.09</td><td>0.065</td><td>150,000</td></tr>
</tbody></table>
<p>Prices per piece.</p>
</main>
<footer>&copy; 2026 Lion City Components Pte. Ltd. · Privacy · Terms</footer>
</body></html>
"""
save("h01_portal_page_qty_plus_sgd_en.html", h01, truth(
    "html", "en", [1, 4, 6, 7],
    "web portal page: terms in a definition list, break headers 'Qty 1+ | Qty 100+ | Qty 1,000+', a Stock column that is not a quantity, a per-shipment delivery charge",
    {"supplier": "Lion City Components Pte. Ltd.", "quote_ref": "SQ-77120", "quote_date": "2026-12-29",
     "valid_until": "2027-01-29", "currency": "SGD", "payment_net_days": 30, "incoterm": "DAP",
     "incoterm_place": "Singapore", "freight": "per_shipment", "freight_amount": "85.00"},
    [
        L("SG-1001", "Buck regulator 5 V 3 A, TO-263", [(1, "2.85"), (100, "2.12"), (1000, "1.74")],
          supplier_part="LM2596S-5.0"),
        L("SG-1002", "LDO 3.3 V 1 A, SOT-223", [(1, "0.42"), (100, "0.26"), (1000, "0.19")],
          supplier_part="AMS1117-3.3"),
        L("SG-1005", "Schottky diode 3 A 40 V, SMA", [(1, "0.18"), (100, "0.09"), (1000, "0.065")],
          supplier_part="SS34"),
    ]))
