"""PDFs from three producers: reportlab (multi-page list, CN export quote), fpdf2 (stacked headers,
wrapped descriptions), weasyprint (two-column catalogue page, Italian formal quote)."""
import io
from decimal import Decimal

from common import truth, write_bytes

# ================================================================ reportlab
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas
from reportlab.lib.units import mm


def rl_doc(pagesize):
    bio = io.BytesIO()
    c = canvas.Canvas(bio, pagesize=pagesize, invariant=1)
    return bio, c


# ---------------------------------------------------------------- h23 multi-page distributor list, Per C / M
items = [
    # part, description, std pkg, price, per
    ("AF-HCS-0516-100", "Hex cap screw 5/16-18 x 1, Gr 5, zinc", 100, "14.62", "C"),
    ("AF-HCS-0516-150", "Hex cap screw 5/16-18 x 1-1/2, Gr 5, zinc", 100, "17.95", "C"),
    ("AF-HCS-0516-200", "Hex cap screw 5/16-18 x 2, Gr 5, zinc", 100, "21.40", "C"),
    ("AF-HCS-0375-100", "Hex cap screw 3/8-16 x 1, Gr 5, zinc", 100, "19.80", "C"),
    ("AF-HCS-0375-150", "Hex cap screw 3/8-16 x 1-1/2, Gr 5, zinc", 100, "23.15", "C"),
    ("AF-HCS-0375-200", "Hex cap screw 3/8-16 x 2, Gr 5, zinc", 50, "28.70", "C"),
    ("AF-HCS-0500-150", "Hex cap screw 1/2-13 x 1-1/2, Gr 5, zinc", 50, "44.90", "C"),
    ("AF-HCS-0500-200", "Hex cap screw 1/2-13 x 2, Gr 5, zinc", 50, "51.25", "C"),
    ("AF-HCS8-0375-150", "Hex cap screw 3/8-16 x 1-1/2, Gr 8, yellow zinc", 100, "38.60", "C"),
    ("AF-HCS8-0500-200", "Hex cap screw 1/2-13 x 2, Gr 8, yellow zinc", 50, "86.10", "C"),
    ("AF-SHCS-0250-075", "Socket head cap screw 1/4-20 x 3/4, alloy, black oxide", 100, "12.95", "C"),
    ("AF-SHCS-0250-100", "Socket head cap screw 1/4-20 x 1, alloy, black oxide", 100, "14.10", "C"),
    ("AF-SHCS-0312-100", "Socket head cap screw 5/16-18 x 1, alloy, black oxide", 100, "19.45", "C"),
    ("AF-SHCS-0375-125", "Socket head cap screw 3/8-16 x 1-1/4, alloy, black oxide", 100, "29.80", "C"),
    ("AF-FW-0250", "Flat washer 1/4 SAE, zinc", 1000, "11.40", "M"),
    ("AF-FW-0312", "Flat washer 5/16 SAE, zinc", 1000, "15.75", "M"),
    ("AF-FW-0375", "Flat washer 3/8 SAE, zinc", 1000, "21.30", "M"),
    ("AF-FW-0500", "Flat washer 1/2 SAE, zinc", 500, "46.80", "M"),
    ("AF-LW-0250", "Split lock washer 1/4, zinc", 1000, "9.85", "M"),
    ("AF-LW-0312", "Split lock washer 5/16, zinc", 1000, "13.20", "M"),
    ("AF-LW-0375", "Split lock washer 3/8, zinc", 1000, "18.95", "M"),
    ("AF-HN-0250", "Finished hex nut 1/4-20, Gr 5, zinc", 1000, "24.60", "M"),
    ("AF-HN-0312", "Finished hex nut 5/16-18, Gr 5, zinc", 1000, "36.40", "M"),
    ("AF-HN-0375", "Finished hex nut 3/8-16, Gr 5, zinc", 1000, "49.90", "M"),
    ("AF-HN-0500", "Finished hex nut 1/2-13, Gr 5, zinc", 500, "118.50", "M"),
    ("AF-NLN-0250", "Nylon insert lock nut 1/4-20, zinc", 1000, "41.20", "M"),
    ("AF-NLN-0312", "Nylon insert lock nut 5/16-18, zinc", 1000, "58.75", "M"),
    ("AF-NLN-0375", "Nylon insert lock nut 3/8-16, zinc", 500, "77.30", "M"),
    ("AF-CP-0125-100", "Cotter pin 1/8 x 1, zinc", 1000, "17.40", "M"),
    ("AF-CP-0156-150", "Cotter pin 5/32 x 1-1/2, zinc", 1000, "24.10", "M"),
    ("AF-TB-0250-050", "Thread-forming screw 1/4-20 x 1/2, hex washer head", 100, "8.65", "C"),
    ("AF-TB-0250-075", "Thread-forming screw 1/4-20 x 3/4, hex washer head", 100, "9.40", "C"),
    ("AF-SMS-08-050", "Sheet metal screw #8 x 1/2, Phillips pan, zinc", 100, "2.95", "C"),
    ("AF-SMS-08-075", "Sheet metal screw #8 x 3/4, Phillips pan, zinc", 100, "3.35", "C"),
    ("AF-SMS-10-075", "Sheet metal screw #10 x 3/4, Phillips pan, zinc", 100, "3.90", "C"),
    ("AF-SMS-10-100", "Sheet metal screw #10 x 1, Phillips pan, zinc", 100, "4.45", "C"),
    ("AF-RIV-0125-S", "Blind rivet 1/8, aluminum/steel, grip .062-.125", 1000, "19.60", "M"),
    ("AF-RIV-0187-S", "Blind rivet 3/16, aluminum/steel, grip .126-.250", 500, "44.80", "M"),
    ("AF-CB-0375-300", "Carriage bolt 3/8-16 x 3, zinc", 50, "41.75", "C"),
    ("AF-EB-0375-400", "Eye bolt 3/8-16 x 4, forged, galvanized", 25, "312.00", "C"),
]
bio, c = rl_doc(letter)
W, H = letter
per_page = 16
pages = [items[i:i + per_page] for i in range(0, len(items), per_page)]
for pno, chunk in enumerate(pages, 1):
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, H - 50, "ATLANTIC FASTENER SUPPLY CO.")
    c.setFont("Helvetica", 9)
    c.drawString(40, H - 63, "2210 Louisville Rd, Savannah, GA 31415  |  (912) 555-0110")
    c.drawRightString(W - 40, H - 50, "DISTRIBUTOR NET PRICE LIST")
    c.drawRightString(W - 40, H - 63, "Issue 24-1, effective 03/01/2024")
    y = H - 90
    if pno == 1:
        for t in ["All prices in U.S. dollars, net. Per: C = price per 100 pieces, M = price per 1,000 pieces.",
                  "Orders must be placed in multiples of the standard package (Std Pkg). All items shipped from stock.",
                  "Terms: 1% 10 days, net 30 days.   F.O.B. Savannah, GA, freight prepaid & added to invoice."]:
            c.drawString(40, y, t)
            y -= 12
        y -= 6
    c.setFont("Helvetica-Bold", 9)
    c.drawString(40, y, "Part No.")
    c.drawString(150, y, "Description")
    c.drawRightString(430, y, "Std Pkg")
    c.drawRightString(500, y, "Price")
    c.drawString(515, y, "Per")
    c.line(40, y - 3, W - 40, y - 3)
    y -= 16
    c.setFont("Helvetica", 9)
    for part, desc, pkg, price, per in chunk:
        c.drawString(40, y, part)
        c.drawString(150, y, desc)
        c.drawRightString(430, y, "{:,}".format(pkg))
        c.drawRightString(500, y, price)
        c.drawString(515, y, per)
        y -= 14
    c.setFont("Helvetica-Oblique", 7.5)
    c.drawString(40, 40, "Prices subject to change without notice. This list supersedes all previous issues.")
    c.drawRightString(W - 40, 40, "Page %d of %d" % (pno, len(pages)))
    c.showPage()
c.save()
write_bytes("h23_list_multipage_rl.pdf", bio.getvalue())
tl = []
for part, desc, pkg, price, per in items:
    basis = 100 if per == "C" else 1000
    unit = (Decimal(price) / basis).normalize()
    # "orders in multiples of the standard package": moq and multiple = Std Pkg, the single price starts there
    tl.append({"part_number": part, "description": desc, "uom": "H87", "price_basis_qty": str(basis),
               "breaks": [[str(pkg), format(unit, "f")]], "moq": str(pkg), "order_multiple": str(pkg),
               "lead_time_days": 0})
truth("h23_list_multipage_rl",
      {"format": "pdf", "language": "en", "classes": [1, 2, 7],
       "notes": "reportlab; 3-page distributor list price PDF, header repeated per page, Per column C/M, Std Pkg = order multiple (stated on page 1), F.O.B. Savannah, GA prepaid & added"},
      {"supplier": "Atlantic Fastener Supply Co.", "quote_ref": "24-1", "quote_date": "2024-03-01",
       "currency": "USD", "payment_net_days": 30,
       "payment_discount_pct": "1", "payment_discount_days": 10,
       "incoterm": "FOB", "incoterm_place": "Savannah, GA", "freight": "extra"},
      tl)

# ---------------------------------------------------------------- h28 export quote from Ningbo, ¥ with RMB, F.O.B. dotted
bio, c = rl_doc(A4)
W, H = A4
c.setFont("Helvetica-Bold", 13)
c.drawString(40, H - 50, "NINGBO YONGXIN HARDWARE CO., LTD.")
c.setFont("Helvetica", 8.5)
c.drawString(40, H - 62, "No. 88 Xingye Road, Yinzhou District, Ningbo, Zhejiang, China   Tel: +86 574 5555 7321")
c.setFont("Helvetica-Bold", 16)
c.drawCentredString(W / 2, H - 95, "QUOTATION")
c.setFont("Helvetica", 9.5)
info = [("To:", "Kinetic Outdoor Gear Pty Ltd (Melbourne)"), ("Attn:", "Ms. Chloe Bennett, Sourcing Manager"),
        ("Quotation No.:", "YX-QT-24-0913"), ("Date:", "Sept. 13, 2024"), ("Your inquiry:", "email dated Sept. 2, 2024"),
        ("Currency:", "RMB (prices marked \u00a5 are Chinese Yuan, not JPY)")]
y = H - 125
for k, v in info:
    c.drawString(40, y, k)
    c.drawString(130, y, v)
    y -= 13
y -= 10
cols = [40, 120, 300, 370, 440, 510]
heads = ["Item No.", "Description", "MOQ (pcs)", "Unit Price", "Carton Qty", "Lead time"]
c.setFont("Helvetica-Bold", 9)
for x, h in zip(cols, heads):
    c.drawString(x, y, h)
c.line(40, y - 3, W - 40, y - 3)
y -= 15
c.setFont("Helvetica", 9)
rows = [
    ("KG-CB-220", "Carabiner 7075 Al, anodized, 22kN", "3,000", "\u00a5 8.60", "200", "30 days"),
    ("KG-CB-240", "Carabiner screw-lock, 24kN", "3,000", "\u00a5 11.40", "200", "30 days"),
    ("KG-BK-050", "Buckle POM 50 mm, black", "10,000", "\u00a5 0.92", "1,000", "25 days"),
    ("KG-DR-038", "D-ring stainless 304, 38 mm", "5,000", "\u00a5 1.85", "500", "25 days"),
]
for r in rows:
    for x, v in zip(cols, r):
        c.drawString(x, y, v)
    y -= 14
y -= 12
for t in ["Remarks:",
          "1) Prices quoted F.O.B. Ningbo, China. Export carton packing included.",
          "2) Laser logo on KG-CB-220 / KG-CB-240: one-time engraving plate cost \u00a5 1,200.00 (each model).",
          "3) Payment: T/T 30% deposit, 70% balance against copy of B/L.",
          "4) Validity: this quotation is valid until Oct. 31, 2024.",
          "5) Order quantity must be full cartons."]:
    c.drawString(40, y, t)
    y -= 13
y -= 25
c.drawString(40, y, "Best regards,")
c.drawString(40, y - 13, "Leo Zhang  |  Export Sales  |  leo.zhang@yongxin-hw.example")
c.setFont("Helvetica", 7)
c.drawCentredString(W / 2, 30, "Page 1/1")
c.showPage()
c.save()
write_bytes("h28_export_quote_cny_rl.pdf", bio.getvalue())
truth("h28_export_quote_cny_rl",
      {"format": "pdf", "language": "en", "classes": [3, 5, 7],
       "notes": "reportlab; ¥ prices stated as RMB; F.O.B. dotted with country; engraving plate one-time per model; full cartons = order multiple; T/T 30% deposit; supplier's inquiry date differs"},
      {"supplier": "Ningbo Yongxin Hardware Co., Ltd.", "quote_ref": "YX-QT-24-0913", "quote_date": "2024-09-13",
       "currency": "CNY", "valid_until": "2024-10-31", "payment_deposit_pct": "30",
       "incoterm": "FOB", "incoterm_place": "Ningbo, China"},
      [
          {"part_number": "KG-CB-220", "description": "Carabiner 7075 Al, anodized, 22kN", "uom": "H87",
           "breaks": [["3000", "8.60"]], "moq": "3000", "order_multiple": "200", "lead_time_days": 30,
           "tooling": [["engraving plate", "1200.00"]]},
          {"part_number": "KG-CB-240", "description": "Carabiner screw-lock, 24kN", "uom": "H87",
           "breaks": [["3000", "11.40"]], "moq": "3000", "order_multiple": "200", "lead_time_days": 30,
           "tooling": [["engraving plate", "1200.00"]]},
          {"part_number": "KG-BK-050", "description": "Buckle POM 50 mm, black", "uom": "H87",
           "breaks": [["10000", "0.92"]], "moq": "10000", "order_multiple": "1000", "lead_time_days": 25},
          {"part_number": "KG-DR-038", "description": "D-ring stainless 304, 38 mm", "uom": "H87",
           "breaks": [["5000", "1.85"]], "moq": "5000", "order_multiple": "500", "lead_time_days": 25},
      ])
print("reportlab ok")

# ================================================================ fpdf2
from fpdf import FPDF
from fpdf.enums import XPos, YPos
import os

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONTB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def fpdf_new():
    pdf = FPDF(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 1, 1, tzinfo=__import__("datetime").timezone.utc))
    pdf.add_font("DV", "", FONT)
    pdf.add_font("DV", "B", FONTB)
    pdf.set_auto_page_break(True, margin=18)
    return pdf


def table_row(pdf, widths, cells, lh=4.2, bold=False, border=1, aligns=None):
    """Draw one row whose cells may wrap onto several lines (multi_cell per cell, same height)."""
    pdf.set_font("DV", "B" if bold else "", 8)
    x0, y0 = pdf.get_x(), pdf.get_y()
    heights = []
    for w, t in zip(widths, cells):
        lines = pdf.multi_cell(w, lh, t, dry_run=True, output="LINES")
        heights.append(len(lines) * lh)
    h = max(heights)
    x = x0
    for i, (w, t) in enumerate(zip(widths, cells)):
        pdf.set_xy(x, y0)
        pdf.rect(x, y0, w, h) if border else None
        pdf.multi_cell(w, lh, t, align=(aligns[i] if aligns else "L"))
        x += w
    pdf.set_xy(x0, y0 + h)


# ---------------------------------------------------------------- h24 Swiss quote: stacked headers, wrapped descriptions
pdf = fpdf_new()
pdf.add_page()
pdf.set_font("DV", "B", 13)
pdf.cell(0, 7, "Jura Präzisionstechnik AG", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
pdf.set_font("DV", "", 8)
pdf.cell(0, 4, "Solothurnstrasse 140 · 2504 Biel/Bienne · Tel. 032 555 71 00 · MWST CHE-123.456.789", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
pdf.ln(8)
pdf.set_font("DV", "", 9)
pdf.multi_cell(80, 4.5, "Tössmatic Antriebe AG\nEinkauf, Herr L. Baumann\nRudolf-Diesel-Strasse 5\n8404 Winterthur")
pdf.set_xy(120, 40)
pdf.multi_cell(75, 4.5, "Angebot Nr.: 24-3107\nDatum: 03.07.2024\nIhre Anfrage: 24.06.2024\nSachbearbeiter: M. Rüfenacht")
pdf.ln(8)
pdf.set_font("DV", "B", 11)
pdf.cell(0, 6, "Angebot Drehteile", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
pdf.set_font("DV", "", 9)
pdf.multi_cell(0, 4.5, "Sehr geehrter Herr Baumann\nBesten Dank für Ihre Anfrage. Gerne unterbreiten wir Ihnen folgendes Angebot:")
pdf.ln(3)
widths = [10, 28, 72, 22, 24, 20]
aligns = ["L", "L", "L", "R", "R", "R"]
table_row(pdf, widths, ["Pos.", "Ihre\nArtikel-Nr.", "Bezeichnung", "Menge\n(Stk.)", "Preis\nCHF/Stk.", "Liefer-\nfrist\n(Wochen)"], bold=True, aligns=aligns)
rows = [
    ["1", "TA-20-1145", "Antriebswelle Ø12 h6 x 86 mm, 1.4305, beidseitig Zentrierung, Passfedernut 4 mm nach DIN 6885", "250", "14.85", "5"],
    ["", "", "", "1'000", "11.90", "5"],
    ["2", "TA-20-1150", "Distanzbolzen M5 / SW8 x 25 mm, Automatenstahl 11SMnPb30, galvanisch verzinkt Fe/Zn 8 transparent", "1'000", "0.865", "4"],
    ["", "", "", "5'000", "0.712", "4"],
    ["3", "TA-20-1162", "Lagerbuchse Ø20/Ø15 x 18 mm, CuSn8, Innendurchmesser H7 gerieben, Fase 0.5 x 45°, entgratet und gewaschen", "500", "3.42", "6"],
    ["", "", "", "2'000", "2.96", "6"],
]
for r in rows:
    table_row(pdf, widths, r, aligns=aligns)
pdf.ln(4)
pdf.set_font("DV", "", 9)
pdf.multi_cell(0, 4.5,
               "Für Pos. 3 verrechnen wir einmalige Einrichtekosten von CHF 380.00.\n"
               "Lieferkonditionen: DAP Winterthur (Incoterms 2020), Verpackung und Transport inbegriffen.\n"
               "Zahlungskonditionen: 30 Tage netto.\n"
               "Gültigkeit des Angebots: bis 15.08.2024.\n"
               "Alle Preise exkl. MWST.\n\n"
               "Freundliche Grüsse\nJura Präzisionstechnik AG\n\nM. Rüfenacht")
pdf.set_y(-15)
pdf.set_font("DV", "", 7)
pdf.cell(0, 4, "Es gelten unsere Allgemeinen Verkaufs- und Lieferbedingungen.   Seite 1/1", align="C")
write_bytes("h24_angebot_chf_fpdf.pdf", bytes(pdf.output()))
truth("h24_angebot_chf_fpdf",
      {"format": "pdf", "language": "de", "classes": [1, 3, 4, 6],
       "notes": "fpdf2; header cells stacked on 2-3 lines, descriptions wrapping over several lines, breaks as rows with blank Pos., Swiss 1'000 numbers, Einrichtekosten sentence, enquiry date differs"},
      {"supplier": "Jura Präzisionstechnik AG", "quote_ref": "24-3107", "quote_date": "2024-07-03",
       "currency": "CHF", "valid_until": "2024-08-15", "payment_net_days": 30,
       "incoterm": "DAP", "incoterm_place": "Winterthur", "freight": "included"},
      [
          {"part_number": "TA-20-1145", "description": "Antriebswelle Ø12 h6 x 86 mm, 1.4305", "uom": "H87",
           "breaks": [["250", "14.85"], ["1000", "11.90"]], "lead_time_days": 35},
          {"part_number": "TA-20-1150", "description": "Distanzbolzen M5 / SW8 x 25 mm", "uom": "H87",
           "breaks": [["1000", "0.865"], ["5000", "0.712"]], "lead_time_days": 28},
          {"part_number": "TA-20-1162", "description": "Lagerbuchse Ø20/Ø15 x 18 mm, CuSn8", "uom": "H87",
           "breaks": [["500", "3.42"], ["2000", "2.96"]], "lead_time_days": 42,
           "tooling": [["Einrichtekosten", "380.00"]]},
      ])

# ---------------------------------------------------------------- h27 French PDF (attached to an e-mail in gen_mail2.py)
pdf = fpdf_new()
pdf.add_page()
pdf.set_font("DV", "B", 14)
pdf.cell(0, 7, "SAVOIE DÉCOLLETAGE SAS", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
pdf.set_font("DV", "", 8)
pdf.cell(0, 4, "ZI des Glaisins – 74940 Annecy-le-Vieux – SAS au capital de 250 000 € – RCS Annecy 512 345 678", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
pdf.ln(6)
pdf.set_font("DV", "B", 12)
pdf.cell(0, 7, "DEVIS N° D-24-0456", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
pdf.set_font("DV", "", 9)
pdf.multi_cell(0, 4.5, "Date : 27/05/2024\nClient : Hydrauliques du Dauphiné – Service Achats (M. Laurent Chabert)\n"
                       "Votre demande de prix du 16/05/2024")
pdf.ln(3)
widths = [30, 30, 70, 22, 30]
aligns = ["L", "L", "L", "R", "R"]
table_row(pdf, widths, ["Réf. client", "Notre réf.", "Désignation", "Qté", "Prix unitaire HT (€)"], bold=True, aligns=aligns)
rows = [
    ["HD-60-118", "SD-118-B", "Raccord droit 1/4\" BSP, laiton CW614N nickelé", "1 000", "1,38"],
    ["", "", "", "5 000", "1,12"],
    ["HD-60-124", "SD-124", "Vis de purge M8x1, inox 303", "1 000", "0,94"],
    ["", "", "", "5 000", "0,77"],
    ["HD-60-131", "SD-131-A", "Axe épaulé Ø10 g6, 42CrMo4 traité, rectifié", "500", "4,65"],
    ["", "", "", "2 000", "3,98"],
]
for r in rows:
    table_row(pdf, widths, r, aligns=aligns)
pdf.ln(4)
pdf.multi_cell(0, 4.5, "Délai de livraison : 4 semaines pour HD-60-118 et HD-60-124, 6 semaines pour HD-60-131.\n"
                       "Conditions de règlement : 30 jours fin de mois.\n"
                       "Livraison : FCA Annecy (Incoterms 2020) – port en sus.\n"
                       "Offre valable jusqu'au 28/06/2024.")
pdf.set_y(-15)
pdf.set_font("DV", "", 7)
pdf.cell(0, 4, "Page 1/1", align="C")
PDF_FR = bytes(pdf.output())
with open(os.path.join(os.path.dirname(__file__), "_h27_devis.pdf"), "wb") as f:
    f.write(PDF_FR)
print("fpdf ok")
