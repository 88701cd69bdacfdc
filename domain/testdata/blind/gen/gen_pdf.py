"""PDFs from three producers (reportlab, fpdf2, weasyprint; wkhtmltopdf for one): a
single table with stacked headers and wrapped descriptions, a multi-page list price,
a two-column list, a bilingual stacked header, a priced quote in yen, a wrapped
'per 1000 pcs' cell. Truth written by hand and checked against pdftotext."""
import subprocess

from fpdf import FPDF
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from common import about, path, write_truth

# ---------------------------------------------------------------- p01: reportlab, stacked header, wrapped descriptions, tooling row
ss = getSampleStyleSheet()
small = ss["BodyText"].clone("small", fontSize=8.5, leading=10)
doc = SimpleDocTemplate(path("p01_reportlab_stamping_usd_en.pdf"), pagesize=letter, invariant=1,
                        title="Quotation KMS-25-3391", leftMargin=40, rightMargin=40)
story = [
    Paragraph("<b>KEYSTONE METAL STAMPING CO.</b>", ss["Title"]),
    Paragraph("455 Lancaster Ave, Reading, PA 19611 &nbsp;|&nbsp; (610) 555-0172", ss["Normal"]),
    Spacer(1, 10),
    Paragraph("<b>QUOTATION</b>", ss["Heading2"]),
    Table([["Quote #: KMS-25-3391", "Date: 02/11/2025"],
           ["To: Delta Controls Corp., Attn: Purchasing", "Prices valid until 04/30/2025"]],
          colWidths=[300, 200]),
    Spacer(1, 12),
]
P = lambda t: Paragraph(t, small)
data = [["Item", "Customer\nPart No.", "Description", "Quantity", "Unit Price\n(USD)"],
        ["1", "DC-4410-A", P("Terminal clip, phosphor bronze C51000, 0.4 mm, tin plated 100-150 µin, "
                             "reel packed 5,000/reel"), "10,000", "0.1840"],
        ["", "", "", "50,000", "0.1520"],
        ["2", "DC-4412", P("Ground strap, brass C26000, 0.8 mm, bright tin, per print rev B"), "5,000", "0.4460"],
        ["3", "DC-4410-A", P("Progressive die for item 1 (tooling, one-time charge, customer owned)"), "1", "14,500.00"]]
t = Table(data, colWidths=[30, 80, 250, 70, 80], repeatRows=1)
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
                       ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                       ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                       ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
story += [t, Spacer(1, 14)]
for line in ["Terms: Net 30. F.O.B. Reading, PA. Freight: prepay and add.",
             "Lead time: 3 weeks ARO after first article approval; die build 8-10 weeks.",
             "This quotation is subject to our standard terms and conditions of sale.",
             "Sincerely, Frank DeLuca, Sales Manager"]:
    story.append(Paragraph(line, ss["Normal"]))
story.append(Spacer(1, 30))
story.append(Paragraph("Page 1 of 1", ss["Normal"]))
doc.build(story)
write_truth("p01_reportlab_stamping_usd_en.pdf", {
    "about": about("pdf", "en", [1, 3, 7],
                   "reportlab: two-line stacked headers, wrapped descriptions, break on a continuation row, the progressive die as a priced row (qty 1), US date proved by 04/30, F.O.B. City, ST, prepay and add"),
    "header": {
        "supplier": "Keystone Metal Stamping Co.",
        "quote_ref": "KMS-25-3391",
        "quote_date": "2025-02-11",
        "currency": "USD",
        "valid_until": "2025-04-30",
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Reading, PA",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "DC-4410-A", "description": "Terminal clip, phosphor bronze C51000, 0.4 mm, tin plated",
         "breaks": [["10000", "0.184"], ["50000", "0.152"]], "lead_time_days": 21,
         "tooling": [["Progressive die", "14500.00"]]},
        {"part_number": "DC-4412", "revision": "B", "description": "Ground strap, brass C26000, 0.8 mm, bright tin",
         "breaks": [["5000", "0.446"]], "lead_time_days": 21},
    ],
})

# ---------------------------------------------------------------- p02: fpdf2, multi-page list price per 100, CHF
# DIN 933 hex screws, A2 stainless: the list the truth is written from (price CHF per 100 pcs, VPE).
P02 = []
prices = {3: [4.10, 4.35, 4.60, 5.05, 5.60], 4: [5.20, 5.45, 5.90, 6.40, 7.10],
          5: [6.90, 7.30, 7.95, 8.60, 9.70], 6: [9.80, 10.40, 11.20, 12.30, 13.90],
          8: [19.60, 20.80, 22.40, 24.50, 27.90], 10: [34.50, 36.20, 38.90, 42.70, 48.60],
          12: [58.40, 61.30, 65.80, 71.90, 81.50]}
lengths = {3: [6, 8, 10, 12, 16], 4: [8, 10, 12, 16, 20], 5: [10, 12, 16, 20, 25], 6: [12, 16, 20, 25, 30],
           8: [16, 20, 25, 30, 40], 10: [20, 25, 30, 40, 50], 12: [25, 30, 40, 50, 60]}
vpe = {3: 200, 4: 200, 5: 200, 6: 100, 8: 100, 10: 50, 12: 50}
for d in [3, 4, 5, 6, 8, 10, 12]:
    for ln, pr in zip(lengths[d], prices[d]):
        P02.append((f"933-A2-{d:02d}{ln:03d}", f"Sechskantschraube DIN 933 M{d}x{ln}", "A2-70", vpe[d], pr))


class ListPdf(FPDF):
    def header(self):
        self.set_font("Helvetica", "B", 12)
        self.cell(0, 7, "Rheintal Normteile AG", new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 8)
        self.cell(0, 4, "Industriestrasse 21, CH-9470 Buchs SG  |  Preisliste 2025  |  Stand 01.01.2025",
                  new_x="LMARGIN", new_y="NEXT")
        self.ln(3)
        self.set_font("Helvetica", "B", 8.5)
        for w, h in zip(COLS, ["Artikel-Nr.", "Bezeichnung", "Werkstoff", "VPE (Stk.)", "CHF / 100 Stk."]):
            self.cell(w, 6, h, border="B")
        self.ln()

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "", 7.5)
        self.cell(0, 5, f"Seite {self.page_no()} von {{nb}}  -  Preise exkl. MWST, Änderungen vorbehalten",
                  align="C")


COLS = [38, 70, 22, 24, 30]
pdf = ListPdf(format="A4")
pdf.set_creation_date(__import__("datetime").datetime(2025, 1, 1))
pdf.alias_nb_pages()
pdf.set_auto_page_break(True, margin=18)
pdf.add_page()
pdf.set_font("Helvetica", "", 9)
pdf.multi_cell(0, 4.5, "Alle Preise in CHF je 100 Stück. Mindestbestellmenge = VPE; Abgabe nur in ganzen "
               "Verpackungseinheiten.", new_x="LMARGIN", new_y="NEXT")
pdf.ln(2)
for i, (art, bez, ws_, v, pr) in enumerate(P02):
    pdf.set_font("Helvetica", "", 8.5)
    for w, val, al in zip(COLS, [art, bez, ws_, f"{v}", f"{pr:.2f}"], "LLLRR"):
        pdf.cell(w, 5.2, val, align=al)
    pdf.ln()
    if i in (11, 27):
        pdf.add_page()
pdf.ln(4)
pdf.set_font("Helvetica", "", 9)
pdf.multi_cell(0, 4.5, "Zahlungsbedingungen: 30 Tage netto. Lieferbedingungen: FCA Buchs SG (Incoterms 2020).",
               new_x="LMARGIN", new_y="NEXT")
pdf.output(path("p02_fpdf_multipage_list_chf_de.pdf"))
write_truth("p02_fpdf_multipage_list_chf_de.pdf", {
    "about": about("pdf", "de", [1, 2],
                   "fpdf2 list-price PDF over 3 pages, header repeated per page, 'Seite n von 3' footers, price per 100 pcs in the column header, VPE = minimum and multiple (stated once above the table)"),
    "header": {
        "supplier": "Rheintal Normteile AG",
        "quote_date": "2025-01-01",
        "currency": "CHF",
        "payment_net_days": 30,
        "incoterm": "FCA",
        "incoterm_place": "Buchs SG",
    },
    "lines": [
        {"part_number": art, "description": bez, "uom": "H87", "price_basis_qty": "100",
         "moq": str(v), "order_multiple": str(v),
         "breaks": [[str(v), format(__import__("decimal").Decimal(f"{pr:.2f}") / 100, "f")]]}
        for art, bez, _, v, pr in P02
    ],
})

# ---------------------------------------------------------------- p03: weasyprint, two-column list, Italian, per 100
P03_LEFT = [("VL-A2-0408", "Vite TCEI M4x8 inox A2", "4,20"), ("VL-A2-0412", "Vite TCEI M4x12 inox A2", "4,60"),
            ("VL-A2-0416", "Vite TCEI M4x16 inox A2", "4,95"), ("VL-A2-0420", "Vite TCEI M4x20 inox A2", "5,40"),
            ("VL-A2-0510", "Vite TCEI M5x10 inox A2", "5,80"), ("VL-A2-0516", "Vite TCEI M5x16 inox A2", "6,45"),
            ("VL-A2-0520", "Vite TCEI M5x20 inox A2", "6,90"), ("VL-A2-0525", "Vite TCEI M5x25 inox A2", "7,60"),
            ("VL-A2-0612", "Vite TCEI M6x12 inox A2", "8,10"), ("VL-A2-0620", "Vite TCEI M6x20 inox A2", "9,20")]
P03_RIGHT = [("DA-A2-04", "Dado esagonale M4 inox A2", "1,35"), ("DA-A2-05", "Dado esagonale M5 inox A2", "1,70"),
             ("DA-A2-06", "Dado esagonale M6 inox A2", "2,25"), ("DA-A2-08", "Dado esagonale M8 inox A2", "3,90"),
             ("RO-A2-04", "Rondella piana M4 inox A2", "0,55"), ("RO-A2-05", "Rondella piana M5 inox A2", "0,68"),
             ("RO-A2-06", "Rondella piana M6 inox A2", "0,85"), ("RO-A2-08", "Rondella piana M8 inox A2", "1,40"),
             ("RG-A2-06", "Rondella grower M6 inox A2", "1,15"), ("RG-A2-08", "Rondella grower M8 inox A2", "1,80")]


def tbl(rows):
    tr = "".join(f"<tr><td>{a}</td><td>{b}</td><td class=r>{c}</td></tr>" for a, b, c in rows)
    return f"<table><tr><th>Codice</th><th>Descrizione</th><th class=r>€/100 pz</th></tr>{tr}</table>"


html = f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 16mm; @bottom-center {{ content: "Pag. " counter(page); font-size: 8pt }} }}
body {{ font-family: sans-serif; font-size: 8.5pt }}
.cols {{ display: flex; gap: 8mm }} .cols > div {{ flex: 1 }}
table {{ border-collapse: collapse; width: 100% }} td, th {{ border-bottom: 0.4pt solid #999; padding: 2pt 3pt }}
th {{ text-align: left; background: #e8eef4 }} .r {{ text-align: right }}
h1 {{ font-size: 14pt; margin: 0 }}
</style></head><body>
<h1>Viteria Lombarda S.r.l.</h1>
<p>Via dei Bulloni 7, 20861 Brugherio (MB) &middot; P.IVA 01234560963</p>
<p><b>Listino prezzi n. 7/2025</b> del 07/01/2025 &ndash; valido fino al 31/12/2025<br>
Prezzi in euro per 100 pezzi, IVA esclusa.</p>
<div class="cols"><div>{tbl(P03_LEFT)}</div><div>{tbl(P03_RIGHT)}</div></div>
<p>Pagamento: RiBa 60 gg f.m. &middot; Trasporto escluso.</p>
</body></html>"""
from weasyprint import HTML

HTML(string=html).write_pdf(path("p03_weasyprint_two_column_it.pdf"))


def it_dec(s):
    from decimal import Decimal
    return format(Decimal(s.replace(",", ".")) / 100, "f")


write_truth("p03_weasyprint_two_column_it.pdf", {
    "about": about("pdf", "it", [1, 2, 7],
                   "weasyprint: two tables side by side on one page (two-column list), price per 100 pz in the column header, RiBa 60 gg f.m., trasporto escluso"),
    "header": {
        "supplier": "Viteria Lombarda S.r.l.",
        "quote_ref": "7/2025",
        "quote_date": "2025-01-07",
        "currency": "EUR",
        "valid_until": "2025-12-31",
        "payment_net_days": 60,
        "payment_basis": "end_of_month",
        "freight": "extra",
    },
    "lines": [
        {"part_number": a, "description": b, "uom": "H87", "price_basis_qty": "100", "breaks": [["1", it_dec(c)]]}
        for a, b, c in P03_LEFT + P03_RIGHT
    ],
})
print("pdf part 1: 3 documents")
