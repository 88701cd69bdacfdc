"""PDF quotes: reportlab (platypus tables, two-column frames, table across pages) and fpdf2
(multi-page list with repeated headers, three-line header with wrapped descriptions,
priced offer with totals)."""
import io
from decimal import Decimal

from fpdf import FPDF
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rlcanvas
from reportlab.platypus import Spacer

from common import write_doc, write_truth, about, br
from pdfkit import DEJAVU, DEJAVU_B, H, P, PB, SMALL, build, grid_table, para


# ---------------------------------------------------------------- p01
def p01():
    s = [para("NORTHFIELD WIRE FORMS, INC.", H),
         para("1870 Busse Rd, Elk Grove Village, IL 60007 · (847) 555-0161 · sales@northfieldwire.com", SMALL),
         Spacer(1, 8),
         para("QUOTATION No. NWF-Q-25-1209<br/>Date: 12/09/2025", PB),
         para("To: Ridgeway Appliance Co., Attn: Sandra Ortiz, 4400 W. 16th St, Cicero, IL 60804"),
         Spacer(1, 8)]
    rows = [["Part No.", "Rev", "Description", "Quantity", "Price", "Per"],
            ["RW-1001", "C", para("Wire guard, 0.135 music wire,\nblack E-coat"), "5,000", "186.00", "M"],
            ["", "", "", "20,000", "164.50", "M"],
            ["RW-1007", "A", para("Spring clip, 0.062 SS 302"), "10,000", "38.20", "M"],
            ["RW-1012", "-", para("Handle, formed 0.250 CRS, bright chrome"), "1,000", "2.84", "EA"],
            ["", "", "", "5,000", "2.51", "EA"]]
    s.append(grid_table(rows, [26 * mm, 12 * mm, 70 * mm, 22 * mm, 22 * mm, 14 * mm], align_right_from=3))
    s += [Spacer(1, 8),
          para("Remarks: Four-slide tooling for RW-1007: $1,450.00 one time charge, tooling is buyer owned. "
               "M = per thousand pieces."),
          Spacer(1, 6)]
    terms = [["Terms", "Net 30"], ["F.O.B.", "Elk Grove Village, IL"], ["Freight", "Prepay & Add"],
             ["Lead time", "3-4 weeks ARO"], ["Pricing", "Firm thru 01/31/2026"]]
    s.append(grid_table(terms, [30 * mm, 60 * mm], header_rows=1, repeat=0))
    s += [Spacer(1, 14), para("Mike Sorensen, Sales Manager · Direct (847) 555-0168 · Cell (630) 555-0199")]
    return build(s, pagesize=letter)


write_doc("p01_reportlab_per_m_column_terms_box_usd_en.pdf", p01())
write_truth("p01_reportlab_per_m_column_terms_box_usd_en.pdf", {
    "about": about("pdf", "en", [1, 2, 3, 4, 7],
                   "reportlab: 'Per' column with M and EA, break on a continuation row, wrapped "
                   "description, tooling in a remarks sentence, terms in a boxed key/value table, "
                   "12/09 proved month-first by 01/31, F.O.B. City, ST, prepay & add"),
    "header": {
        "supplier": "Northfield Wire Forms, Inc.",
        "quote_ref": "NWF-Q-25-1209",
        "quote_date": "2025-12-09",
        "currency": "USD",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Elk Grove Village, IL",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "RW-1001", "revision": "C",
         "description": "Wire guard, 0.135 music wire, black E-coat", "price_basis_qty": "1000",
         "breaks": br(("5000", "0.186"), ("20000", "0.1645")), "lead_time_days": 28},
        {"part_number": "RW-1007", "revision": "A", "description": "Spring clip, 0.062 SS 302",
         "price_basis_qty": "1000", "breaks": br(("10000", "0.0382")), "lead_time_days": 28,
         "tooling": [["Four-slide tooling", "1450.00"]]},
        {"part_number": "RW-1012", "description": "Handle, formed 0.250 CRS, bright chrome",
         "uom": "EA", "breaks": br(("1000", "2.84"), ("5000", "2.51")), "lead_time_days": 28},
    ],
})


# ---------------------------------------------------------------- p02 fpdf multipage es
P02 = [  # code, description, EUR per 100 for 1-999 and from 1.000 -- typed by hand
    ("TH933-0612", "Tornillo hexagonal DIN 933 M6x12 8.8 cincado", "3.85", "3.40"),
    ("TH933-0616", "Tornillo hexagonal DIN 933 M6x16 8.8 cincado", "4.10", "3.62"),
    ("TH933-0620", "Tornillo hexagonal DIN 933 M6x20 8.8 cincado", "4.45", "3.95"),
    ("TH933-0625", "Tornillo hexagonal DIN 933 M6x25 8.8 cincado", "4.90", "4.30"),
    ("TH933-0816", "Tornillo hexagonal DIN 933 M8x16 8.8 cincado", "6.70", "5.90"),
    ("TH933-0820", "Tornillo hexagonal DIN 933 M8x20 8.8 cincado", "7.15", "6.35"),
    ("TH933-0825", "Tornillo hexagonal DIN 933 M8x25 8.8 cincado", "7.80", "6.90"),
    ("TH933-0830", "Tornillo hexagonal DIN 933 M8x30 8.8 cincado", "8.55", "7.55"),
    ("TH933-1020", "Tornillo hexagonal DIN 933 M10x20 8.8 cincado", "11.90", "10.45"),
    ("TH933-1025", "Tornillo hexagonal DIN 933 M10x25 8.8 cincado", "12.75", "11.20"),
    ("TH933-1030", "Tornillo hexagonal DIN 933 M10x30 8.8 cincado", "13.60", "11.95"),
    ("TH933-1040", "Tornillo hexagonal DIN 933 M10x40 8.8 cincado", "15.40", "13.55"),
    ("TU934-06", "Tuerca hexagonal DIN 934 M6 clase 8 cincada", "1.25", "1.05"),
    ("TU934-08", "Tuerca hexagonal DIN 934 M8 clase 8 cincada", "2.05", "1.78"),
    ("TU934-10", "Tuerca hexagonal DIN 934 M10 clase 8 cincada", "3.40", "2.95"),
    ("TU934-12", "Tuerca hexagonal DIN 934 M12 clase 8 cincada", "5.15", "4.50"),
    ("AR125-06", "Arandela plana DIN 125 M6 cincada", "0.62", "0.51"),
    ("AR125-08", "Arandela plana DIN 125 M8 cincada", "0.95", "0.80"),
    ("AR125-10", "Arandela plana DIN 125 M10 cincada", "1.48", "1.26"),
    ("AR125-12", "Arandela plana DIN 125 M12 cincada", "2.20", "1.88"),
    ("AG127-06", "Arandela grower DIN 127 M6 cincada", "0.88", "0.74"),
    ("AG127-08", "Arandela grower DIN 127 M8 cincada", "1.35", "1.15"),
    ("AG127-10", "Arandela grower DIN 127 M10 cincada", "2.10", "1.80"),
    ("VR975-08", "Varilla roscada DIN 975 M8x1000 cincada", "118.00", "104.00"),
    ("VR975-10", "Varilla roscada DIN 975 M10x1000 cincada", "176.50", "155.00"),
    ("VR975-12", "Varilla roscada DIN 975 M12x1000 cincada", "248.00", "219.50"),
]
# per-unit prices (the per-100 prices moved two decimal places), typed by hand
P02_UNIT = [("0.0385", "0.034"), ("0.041", "0.0362"), ("0.0445", "0.0395"), ("0.049", "0.043"),
            ("0.067", "0.059"), ("0.0715", "0.0635"), ("0.078", "0.069"), ("0.0855", "0.0755"),
            ("0.119", "0.1045"), ("0.1275", "0.112"), ("0.136", "0.1195"), ("0.154", "0.1355"),
            ("0.0125", "0.0105"), ("0.0205", "0.0178"), ("0.034", "0.0295"), ("0.0515", "0.045"),
            ("0.0062", "0.0051"), ("0.0095", "0.008"), ("0.0148", "0.0126"), ("0.022", "0.0188"),
            ("0.0088", "0.0074"), ("0.0135", "0.0115"), ("0.021", "0.018"),
            ("1.18", "1.04"), ("1.765", "1.55"), ("2.48", "2.195")]


def es_num(s):
    q, d = s.split(".")
    if len(q) > 3:
        q = q[:-3] + "." + q[-3:]
    return f"{q},{d}"


def p02():
    pdf = FPDF(format="A4")
    pdf.add_font("DV", "", DEJAVU)
    pdf.add_font("DV", "B", DEJAVU_B)
    pdf.set_auto_page_break(False)
    per_page = 11
    pages = [P02[i:i + per_page] for i in range(0, len(P02), per_page)]
    widths = [28, 98, 30, 30]
    for n, chunk in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("DV", "B", 13)
        pdf.cell(0, 7, "Suministros Industriales Ebro, S.L.", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DV", "", 8)
        pdf.cell(0, 5, "Pol. Ind. Malpica, calle E nº 22 · 50016 Zaragoza · CIF B-50123456 · Tel. 976 57 12 30",
                 new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DV", "B", 10)
        pdf.cell(0, 7, "TARIFA DE PRECIOS 2026-A · Vigente desde el 15/01/2026", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("DV", "B", 8.5)
        x0, y0 = pdf.get_x(), pdf.get_y()
        pdf.cell(widths[0], 12, "Código", border=1)
        pdf.cell(widths[1], 12, "Descripción", border=1)
        pdf.cell(widths[2] + widths[3], 6, "Precio €/100 uds", border=1, align="C")
        pdf.set_xy(x0 + widths[0] + widths[1], y0 + 6)
        pdf.cell(widths[2], 6, "1 - 999 uds", border=1, align="C")
        pdf.cell(widths[3], 6, "desde 1.000 uds", border=1, align="C")
        pdf.set_xy(x0, y0 + 12)
        pdf.set_font("DV", "", 8.5)
        for code, desc, p1, p2 in chunk:
            pdf.cell(widths[0], 6.5, code, border=1)
            pdf.cell(widths[1], 6.5, desc, border=1)
            pdf.cell(widths[2], 6.5, es_num(p1), border=1, align="R")
            pdf.cell(widths[3], 6.5, es_num(p2), border=1, align="R")
            pdf.ln()
        if n == len(pages):
            pdf.ln(4)
            pdf.set_font("DV", "", 8.5)
            for t in ["Precios en euros por cada 100 unidades, IVA no incluido.",
                      "Forma de pago: recibo domiciliado a 60 días fecha factura."]:
                pdf.cell(0, 5.5, t, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(2)
            pdf.set_font("DV", "", 7.5)
            pdf.cell(0, 5, "(continúa en la página siguiente)", align="R")
        pdf.set_y(-15)
        pdf.set_font("DV", "", 7)
        pdf.cell(0, 5, f"Ebro Suministros · www.ebrosuministros.es · Página {n} de {len(pages)}", align="C")
    return bytes(pdf.output())


assert len(P02) == len(P02_UNIT)
for (_, _, a, b), (ua, ub) in zip(P02, P02_UNIT):
    assert Decimal(a) / 100 == Decimal(ua) and Decimal(b) / 100 == Decimal(ub), (a, b, ua, ub)
write_doc("p02_fpdf_three_page_tarifa_two_tiers_per_100_eur_es.pdf", p02())
write_truth("p02_fpdf_three_page_tarifa_two_tiers_per_100_eur_es.pdf", {
    "about": about("pdf", "es", [1, 2, 4],
                   "fpdf2 list price over three pages: page header and two-row column header repeated "
                   "on every page, merged 'Precio €/100 uds' over tier columns '1 - 999 uds' and "
                   "'desde 1.000 uds', decimal commas with dot thousands, 'continúa' line, 'Página n "
                   "de 3' footer with web address, tarifa date as quote date"),
    "header": {
        "supplier": "Suministros Industriales Ebro, S.L.",
        "quote_ref": "2026-A",
        "quote_date": "2026-01-15",
        "currency": "EUR",
        "payment_net_days": 60,
    },
    "lines": [
        {"part_number": code, "description": desc, "price_basis_qty": "100",
         "breaks": br(("1", ua), ("1000", ub))}
        for (code, desc, _, _), (ua, ub) in zip(P02, P02_UNIT)
    ],
})


# ---------------------------------------------------------------- p03 two-column catalogue
def p03():
    b = io.BytesIO()
    c = rlcanvas.Canvas(b, pagesize=A4)
    W, Hh = A4
    c.setFont("DVB", 15)
    c.drawString(18 * mm, Hh - 20 * mm, "Pennine Fasteners Ltd")
    c.setFont("DV", 8)
    c.drawString(18 * mm, Hh - 25 * mm, "Trade Price List TPL-26 · Issued 5 January 2026 · "
                 "Units 3-5 Calder Works, Huddersfield HD1 6QW · 01484 530 900")
    left = [("WS-4030", "Wood screw 4.0 x 30 pozi, yellow zinc", "1.95"),
            ("WS-4040", "Wood screw 4.0 x 40 pozi, yellow zinc", "2.35"),
            ("WS-5050", "Wood screw 5.0 x 50 pozi, yellow zinc", "3.90"),
            ("WS-5070", "Wood screw 5.0 x 70 pozi, yellow zinc", "5.40"),
            ("WS-6080", "Wood screw 6.0 x 80 pozi, yellow zinc", "8.75")]
    right = [("WP-05B", "Wall plug 5 mm brown", "6.20"),
             ("WP-06R", "Wall plug 6 mm red", "7.10"),
             ("WP-07Y", "Wall plug 7 mm yellow", "8.90"),
             ("WP-08G", "Wall plug 8 mm grey", "11.40")]
    def column(x, title, unit, items):
        y = Hh - 40 * mm
        c.setFont("DVB", 10)
        c.drawString(x, y, title)
        y -= 6 * mm
        c.setFont("DVB", 8)
        c.drawString(x, y, "Code")
        c.drawString(x + 20 * mm, y, "Description")
        c.drawRightString(x + 86 * mm, y, unit)
        c.setFont("DV", 7.5)
        for code, desc, price in items:
            y -= 5.5 * mm
            c.drawString(x, y, code)
            c.drawString(x + 20 * mm, y, desc)
            c.drawRightString(x + 86 * mm, y, "£" + price)
    column(14 * mm, "WOOD SCREWS (boxes of 200)", "£ per 100", left)
    column(108 * mm, "WALL PLUGS (bags of 1000)", "£ per 1000", right)
    c.setFont("DV", 8)
    y = Hh - 90 * mm
    for t in ["Screws sold in full boxes of 200 only; wall plugs in bags of 1000.",
              "Prices exclude VAT. Payment 30 days from date of invoice.",
              "Pennine Fasteners Ltd · Registered in England No. 04417725 · VAT GB 781 2233 05"]:
        c.drawString(18 * mm, y, t)
        y -= 5 * mm
    c.showPage()
    c.save()
    return b.getvalue()


write_doc("p03_reportlab_two_column_catalogue_per100_per1000_gbp_en.pdf", p03())
wl = [("WS-4030", "Wood screw 4.0 x 30 pozi, yellow zinc", "0.0195"),
      ("WS-4040", "Wood screw 4.0 x 40 pozi, yellow zinc", "0.0235"),
      ("WS-5050", "Wood screw 5.0 x 50 pozi, yellow zinc", "0.039"),
      ("WS-5070", "Wood screw 5.0 x 70 pozi, yellow zinc", "0.054"),
      ("WS-6080", "Wood screw 6.0 x 80 pozi, yellow zinc", "0.0875")]
wr = [("WP-05B", "Wall plug 5 mm brown", "0.0062"),
      ("WP-06R", "Wall plug 6 mm red", "0.0071"),
      ("WP-07Y", "Wall plug 7 mm yellow", "0.0089"),
      ("WP-08G", "Wall plug 8 mm grey", "0.0114")]
write_truth("p03_reportlab_two_column_catalogue_per100_per1000_gbp_en.pdf", {
    "about": about("pdf", "en", [1, 2, 5],
                   "one page, two side-by-side tables on a canvas (no grid), left priced '£ per 100', "
                   "right '£ per 1000', pack sizes in the section titles and a note (moq = order "
                   "multiple = pack), registration and VAT numbers in the footer"),
    "header": {
        "supplier": "Pennine Fasteners Ltd",
        "quote_ref": "TPL-26",
        "quote_date": "2026-01-05",
        "currency": "GBP",
        "payment_net_days": 30,
    },
    "lines": [{"part_number": c_, "description": d, "price_basis_qty": "100",
               "breaks": br(("200", u)), "moq": "200", "order_multiple": "200"} for c_, d, u in wl]
    + [{"part_number": c_, "description": d, "price_basis_qty": "1000",
        "breaks": br(("1000", u)), "moq": "1000", "order_multiple": "1000"} for c_, d, u in wr],
})


# ---------------------------------------------------------------- p04 fpdf pl
def p04():
    pdf = FPDF(format="A4")
    pdf.add_font("DV", "", DEJAVU)
    pdf.add_font("DV", "B", DEJAVU_B)
    pdf.add_page()
    pdf.set_font("DV", "B", 12)
    pdf.cell(0, 7, "ODLEWNIA ŚLĄSK-METAL Sp. z o.o.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DV", "", 8)
    pdf.multi_cell(0, 4.5, "ul. Hutnicza 9, 44-100 Gliwice · NIP 631-26-44-810 · tel. +48 32 230 44 10\n"
                   "Oferta nr ŚM/OF/512/2025 z dnia 28.11.2025 · Dla: Hydromax S.A., Radom")
    pdf.ln(3)
    widths = [28, 72, 20, 30, 30]
    heads = ["Nr rysunku\nklienta", "Nazwa wyrobu /\nmateriał", "Ilość\n[szt.]",
             "Cena netto\nza 100 szt.\n[PLN]", "Termin\nrealizacji"]
    pdf.set_font("DV", "B", 8)
    y0 = pdf.get_y()
    x = pdf.l_margin
    for w, h in zip(widths, heads):
        pdf.set_xy(x, y0)
        pdf.multi_cell(w, 4.5, h, border=1)
        x += w
    pdf.set_y(y0 + 13.5)
    pdf.set_font("DV", "", 8)
    rows = [
        ("HX-7720", "Korpus zaworu, odlew z żeliwa sferoidalnego EN-GJS-500-7, obróbka wstępna", "200", "14 850,00", "6 tygodni"),
        ("HX-7720", "", "1 000", "13 620,00", ""),
        ("HX-7731", "Pokrywa korpusu, EN-GJL-250, surowa, śrutowana", "500", "4 275,00", "5 tygodni"),
        ("HX-7740", "Wspornik, staliwo G20Mn5, normalizowany", "-", "nie oferujemy", "-"),
        ("", "Oprzyrządowanie (model + rdzennice) do HX-7731 — jednorazowo", "1 kpl.", "9 600,00 PLN", ""),
    ]
    for r in rows:
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin + widths[0], y)
        pdf.multi_cell(widths[1], 4.5, r[1] or " ", border=0)
        h = max(pdf.get_y() - y, 4.5)
        x = pdf.l_margin
        for i, (w, v) in enumerate(zip(widths, r)):
            pdf.set_xy(x, y)
            if i == 1:
                pdf.rect(x, y, w, h)
            else:
                pdf.cell(w, h, v, border=1, align="R" if i in (2, 3) else "L")
            x += w
        pdf.set_y(y + h)
    pdf.ln(4)
    for t in ["Ceny netto w PLN, do cen doliczamy 23% VAT.",
              "Płatność: przelew 45 dni od daty faktury.",
              "Dostawa: FCA Gliwice. Oferta ważna 30 dni."]:
        pdf.cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


write_doc("p04_fpdf_three_line_header_wrapped_cena_za_100_pln_pl.pdf", p04())
write_truth("p04_fpdf_three_line_header_wrapped_cena_za_100_pln_pl.pdf", {
    "about": about("pdf", "pl", [1, 2, 3, 4, 5, 7],
                   "fpdf2: column headers over three text lines ('Cena netto / za 100 szt. / [PLN]'), "
                   "descriptions wrapping over two lines, space thousands with decimal comma, second "
                   "break on a continuation row, 'nie oferujemy' no-bid, tooling row naming its part, "
                   "FCA, validity in days"),
    "header": {
        "supplier": "ODLEWNIA ŚLĄSK-METAL Sp. z o.o.",
        "quote_ref": "ŚM/OF/512/2025",
        "quote_date": "2025-11-28",
        "currency": "PLN",
        "validity_days": 30,
        "payment_net_days": 45,
        "incoterm": "FCA",
        "incoterm_place": "Gliwice",
    },
    "lines": [
        {"part_number": "HX-7720",
         "description": "Korpus zaworu, odlew z żeliwa sferoidalnego EN-GJS-500-7, obróbka wstępna",
         "uom": "H87", "price_basis_qty": "100",
         "breaks": br(("200", "148.50"), ("1000", "136.20")), "lead_time_days": 42},
        {"part_number": "HX-7731", "description": "Pokrywa korpusu, EN-GJL-250, surowa, śrutowana",
         "uom": "H87", "price_basis_qty": "100", "breaks": br(("500", "42.75")),
         "lead_time_days": 35,
         "tooling": [["Oprzyrządowanie (model + rdzennice)", "9600.00"]]},
        {"part_number": "HX-7740", "description": "Wspornik, staliwo G20Mn5, normalizowany",
         "no_bid": True, "no_bid_reason": "nie oferujemy"},
    ],
})


# ---------------------------------------------------------------- p05 reportlab fr-CH priced
def p05():
    s = [para("Fluidtec SA", H),
         para("Chemin du Closel 5 · 1020 Renens VD · Tél. +41 21 637 22 00 · IDE CHE-105.889.412 TVA", SMALL),
         Spacer(1, 10),
         para("Offre n° OF-2025-4471", PB),
         para("Renens, le 9 décembre 2025<br/>À l'attention de M. Jean Favre, Hydrolux Sàrl, Yverdon-les-Bains"),
         Spacer(1, 8)]
    rows = [["Pos.", "Votre réf.", "Notre réf.", "Désignation", "Quantité", "Prix unit. CHF", "Montant CHF"],
            ["1", "BR-4400-12", "FL-88012", para("Bride de fixation inox 1.4404"), "2'000", "4.35", "8'700.00"],
            ["2", "BR-4400-14", "FL-88014", para("Bride de fixation inox 1.4404, version longue"), "1'000", "5.80", "5'800.00"],
            ["", "", "", para("<i>Outillage de pliage pour pos. 2 : CHF 3'500.– (unique, non compris dans le prix)</i>"), "", "", ""],
            ["3", "BR-4410-02", "FL-88102", para("Axe Ø10 h9, 1.4305"), "500", "12.40", "6'200.00"],
            ["", "", "", para("<b>Total net HT</b>"), "", "", "20'700.00"]]
    s.append(grid_table(rows, [10 * mm, 24 * mm, 22 * mm, 56 * mm, 18 * mm, 22 * mm, 24 * mm], align_right_from=4))
    s += [Spacer(1, 8),
          para("TVA 8,1 % en sus. Frais de port : compris.<br/>"
               "Délai de livraison : 5 semaines après réception de la commande.<br/>"
               "Conditions de paiement : 30 jours net.<br/>"
               "Livraison : DAP Yverdon-les-Bains.<br/>"
               "Validité de l'offre : 31 janvier 2026."),
          Spacer(1, 12), para("Avec nos meilleures salutations<br/>Fluidtec SA – Nadia Berset, service commercial")]
    return build(s, footer=lambda n: f"Fluidtec SA · IBAN CH93 0076 2011 6238 5295 7 · page {n}")


write_doc("p05_reportlab_priced_offer_outillage_remark_chf_fr.pdf", p05())
write_truth("p05_reportlab_priced_offer_outillage_remark_chf_fr.pdf", {
    "about": about("pdf", "fr", [3, 6, 7],
                   "priced offer with Swiss apostrophes, customer and supplier reference columns, "
                   "quantity x price = amount, net total row, bending tool as an italic remark row "
                   "under pos. 2, date and validity in words, DAP, frais de port compris, IBAN footer"),
    "header": {
        "supplier": "Fluidtec SA",
        "quote_ref": "OF-2025-4471",
        "quote_date": "2025-12-09",
        "currency": "CHF",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "incoterm": "DAP",
        "incoterm_place": "Yverdon-les-Bains",
        "freight": "included",
        "total": "20700.00",
    },
    "lines": [
        {"part_number": "BR-4400-12", "supplier_part": "FL-88012",
         "description": "Bride de fixation inox 1.4404", "breaks": br(("2000", "4.35")),
         "quantity": "2000", "line_total": "8700.00", "lead_time_days": 35},
        {"part_number": "BR-4400-14", "supplier_part": "FL-88014",
         "description": "Bride de fixation inox 1.4404, version longue", "breaks": br(("1000", "5.80")),
         "quantity": "1000", "line_total": "5800.00", "lead_time_days": 35,
         "tooling": [["Outillage de pliage", "3500.00"]]},
        {"part_number": "BR-4410-02", "supplier_part": "FL-88102", "description": "Axe Ø10 h9, 1.4305",
         "breaks": br(("500", "12.40")), "quantity": "500", "line_total": "6200.00",
         "lead_time_days": 35},
    ],
})


# ---------------------------------------------------------------- p06 table across pages sv
P06 = [  # code, description, SEK per 100, per-unit typed by hand
    ("SK-0812", "Slangklämma W2 8-12 mm", "118.00", "1.18"),
    ("SK-1016", "Slangklämma W2 10-16 mm", "124.00", "1.24"),
    ("SK-1220", "Slangklämma W2 12-20 mm", "131.00", "1.31"),
    ("SK-1625", "Slangklämma W2 16-25 mm", "139.50", "1.395"),
    ("SK-2032", "Slangklämma W2 20-32 mm", "148.00", "1.48"),
    ("SK-2540", "Slangklämma W2 25-40 mm", "162.00", "1.62"),
    ("SK-3250", "Slangklämma W2 32-50 mm", "176.50", "1.765"),
    ("SK-4060", "Slangklämma W2 40-60 mm", "194.00", "1.94"),
    ("SK-5070", "Slangklämma W2 50-70 mm", "212.00", "2.12"),
    ("SK-6080", "Slangklämma W2 60-80 mm", "231.00", "2.31"),
    ("SK-7090", "Slangklämma W2 70-90 mm", "249.00", "2.49"),
    ("SK-80100", "Slangklämma W2 80-100 mm", "268.00", "2.68"),
    ("SK-90110", "Slangklämma W2 90-110 mm", "287.50", "2.875"),
    ("SK-100120", "Slangklämma W2 100-120 mm", "305.00", "3.05"),
]


def p06():
    s = [para("Nordkläm AB", H),
         para("Industrigatan 18 · 504 62 Borås · Org.nr 556612-3344 · Tfn 033-41 22 80", SMALL),
         Spacer(1, 10),
         para("OFFERT nr 25-1130 &nbsp;&nbsp; Datum 2025-12-03 &nbsp;&nbsp; Giltig t.o.m. 2026-02-28", PB),
         para("Kund: Västkust Hydraulik AB, Göteborg"),
         Spacer(1, 470)]  # pushes the table so it breaks across pages
    rows = [["Art.nr", "Benämning", "Antal", "Pris/100 st (SEK)"]]
    rows += [[c_, d, "1 000", p.replace(".", ",")] for c_, d, p, _ in P06]
    s.append(grid_table(rows, [30 * mm, 80 * mm, 25 * mm, 35 * mm], align_right_from=2))
    s += [Spacer(1, 8),
          para("Leveranstid: 2 veckor. Betalningsvillkor: 30 dagar netto. "
               "Leveransvillkor: FCA Borås, frakt tillkommer. Alla priser exkl. moms.")]
    return build(s, footer=lambda n: f"Nordkläm AB · Bankgiro 5123-4455 · sida {n}")


for _, _, p100, unit in P06:
    assert Decimal(p100) / 100 == Decimal(unit)
write_doc("p06_reportlab_table_across_pages_pris_per_100_sek_sv.pdf", p06())
write_truth("p06_reportlab_table_across_pages_pris_per_100_sek_sv.pdf", {
    "about": about("pdf", "sv", [1, 2, 7],
                   "reportlab table that starts low on page 1 and continues on page 2 with the "
                   "header repeated, 'Pris/100 st (SEK)' with decimal commas, quantity column as the "
                   "break quantity, ISO dates, org.nr and bankgiro numbers, FCA + frakt tillkommer"),
    "header": {
        "supplier": "Nordkläm AB",
        "quote_ref": "25-1130",
        "quote_date": "2025-12-03",
        "currency": "SEK",
        "valid_until": "2026-02-28",
        "payment_net_days": 30,
        "incoterm": "FCA",
        "incoterm_place": "Borås",
        "freight": "extra",
    },
    "lines": [{"part_number": c_, "description": d, "uom": "H87", "price_basis_qty": "100",
               "breaks": br(("1000", u)), "lead_time_days": 14} for c_, d, _, u in P06],
})


# ---------------------------------------------------------------- p07 fpdf nl priced
def p07():
    pdf = FPDF(format="A4")
    pdf.add_font("DV", "", DEJAVU)
    pdf.add_font("DV", "B", DEJAVU_B)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("DV", "B", 14)
    pdf.cell(0, 8, "Kunststoffen Twente B.V.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DV", "", 8)
    pdf.cell(0, 4.5, "Haaksbergerstraat 212 · 7545 GK Enschede · KvK 06081234 · BTW NL8123.45.678.B01",
             new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DV", "", 9.5)
    for k, v in [("Offertenummer", "OFF-25-2231"), ("Offertedatum", "04-12-2025"),
                 ("Geldig tot", "15-01-2026"), ("Uw referentie", "inkoop 2025-0877 / dhr. De Vries")]:
        pdf.cell(40, 5.5, k)
        pdf.cell(0, 5.5, v, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = [25, 80, 20, 30, 30]
    pdf.set_font("DV", "B", 9)
    for w, h in zip(widths, ["Artikel", "Omschrijving", "Aantal", "Prijs p/st", "Bedrag"]):
        pdf.cell(w, 7, h, border="B")
    pdf.ln()
    pdf.set_font("DV", "", 9)
    rows = [("NL-3301", "Behuizing PP grijs 120x80x45", "2.500", "€ 2,18", "€ 5.450,00"),
            ("NL-3302", "Deksel PP grijs met pakking", "2.500", "€ 1,34", "€ 3.350,00"),
            ("MATRIJS", "Matrijskosten deksel (eenmalig)", "1", "€ 7.800,00", "€ 7.800,00"),
            ("VERZ", "Verzendkosten", "1", "€ 85,00", "€ 85,00")]
    for r in rows:
        for i, (w, v) in enumerate(zip(widths, r)):
            pdf.cell(w, 6.5, v, align="R" if i >= 2 else "L")
        pdf.ln()
    pdf.ln(2)
    pdf.set_font("DV", "B", 9.5)
    pdf.cell(155, 7, "Totaal excl. BTW", align="R")
    pdf.cell(30, 7, "€ 16.685,00", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DV", "", 9)
    pdf.ln(4)
    for t in ["BTW wordt apart berekend.",
              "Levertijd: 3 weken na akkoord op de eerste monsters.",
              "Betaling binnen 30 dagen na factuurdatum.",
              "Levering: DAP Apeldoorn."]:
        pdf.cell(0, 5.5, t, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-18)
    pdf.set_font("DV", "", 7)
    pdf.cell(0, 4, "IBAN NL91 ABNA 0417 1643 00 · Op al onze offertes zijn de Metaalunievoorwaarden van toepassing.",
             align="C")
    return bytes(pdf.output())


write_doc("p07_fpdf_priced_offer_matrijs_verzend_rows_eur_nl.pdf", p07())
write_truth("p07_fpdf_priced_offer_matrijs_verzend_rows_eur_nl.pdf", {
    "about": about("pdf", "nl", [1, 3, 7],
                   "fpdf2 priced offer without grid lines: € before the amount with dot thousands, "
                   "mould cost as an item row (qty 1) naming the lid, shipping cost as an item row, "
                   "'Totaal excl. BTW', Dutch day-first dates, customer reference with another number"),
    "header": {
        "supplier": "Kunststoffen Twente B.V.",
        "quote_ref": "OFF-25-2231",
        "quote_date": "2025-12-04",
        "currency": "EUR",
        "valid_until": "2026-01-15",
        "payment_net_days": 30,
        "incoterm": "DAP",
        "incoterm_place": "Apeldoorn",
        "freight": "per_shipment",
        "freight_amount": "85.00",
        "total": "16685.00",
    },
    "lines": [
        {"part_number": "NL-3301", "description": "Behuizing PP grijs 120x80x45",
         "breaks": br(("2500", "2.18")), "quantity": "2500", "line_total": "5450.00",
         "lead_time_days": 21},
        {"part_number": "NL-3302", "description": "Deksel PP grijs met pakking",
         "breaks": br(("2500", "1.34")), "quantity": "2500", "line_total": "3350.00",
         "lead_time_days": 21, "tooling": [["Matrijskosten deksel", "7800.00"]]},
    ],
})
print("pdf: 7 documents")
