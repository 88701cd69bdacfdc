#!/usr/bin/env python3
"""Writes the PDF table-layout families of issue 9 (read by
`domain/tests/extract/pdf_layouts.rs`): each family is a few variants of one layout as
reportlab sets it, with the truth a person reads from the printed page.

Run from this folder: `python3 make_pdf_layouts.py` (`pip install reportlab`).
Families:
- layout_letterhead_*: a letterhead, then an address block without digits (the buyer's,
  or the seller's department and contact) set right above the table header at the
  table's own line pitch and type size; the header must stop at it;
- layout_break_heads_*: price breaks as column heads (`ab 100 St.`, `500+`) beside only a
  part and a description head;
- layout_wrapped_pages_*: descriptions wrapped over two lines, a table continued over
  three pages (header repeated, or not repeated), page footers;
- layout_basis_line_*: the price basis stated on the header's other line (`je 100 St.`,
  `(EUR/1000)`, `PE 100`) above or below the price head, amounts headed Betrag / Wert;
- layout_matrix_cable / layout_matrix_qty: matrix price lists (cross-section × number of
  cores; type × quantity range);
- layout_unread_table: rows of prices on page 2 with no header and no part: no line,
  a diagnostic naming the page.
Truth prices are per ONE unit.
"""
import json
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent


def truth(name, header, lines):
    (HERE / f"{name}.truth.json").write_text(
        json.dumps({"header": header, "lines": lines}, indent=1, ensure_ascii=False) + "\n")


def L(part, breaks, **kw):
    d = {"part_number": part, "breaks": [[str(q), str(p)] for q, p in breaks]}
    d.update(kw)
    return d


def row(c, xs, y, cells, right=(), font="Helvetica", size=9):
    c.setFont(font, size)
    for i, (x, v) in enumerate(zip(xs, cells)):
        if v is None:
            continue
        if i in right:
            c.drawRightString(x, y, v)
        else:
            c.drawString(x, y, v)


# --- letterhead right above the header -------------------------------------------------
def letterhead(name, pitch, font, bold_name, block):
    c = canvas.Canvas(str(HERE / f"{name}.pdf"), pagesize=A4, invariant=1)
    y = 800
    for i, t in enumerate(["Schmidt Verbindungstechnik GmbH",
                           "Industriestraße 14, 72760 Reutlingen"]):
        c.setFont(bold_name if i == 0 else font, 9)
        c.drawString(50, y, t)
        y -= pitch
    for i, t in enumerate(["Angebot Nr. AN-25-0913", "Datum: 14.03.2025"]):
        c.setFont(font, 9)
        c.drawString(380, 800 - i * pitch, t)
    y -= pitch
    # An address block without digits (the buyer's, or the seller's department and
    # contact), at the table's pitch and size, right above the header.
    for t in block:
        c.setFont(font, 9)
        c.drawString(50, y, t)
        y -= pitch
    xs = [50, 80, 160, 330, 400, 470]
    rx = [50, 80, 160, 370, 440, 540]
    row(c, xs, y, ["Pos.", "Art.-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Betrag"], font=font)
    rows = [["1", "SV-4410", "Sechskantschraube M8x30 verzinkt", "2.000", "0,185", "370,00"],
            ["2", "SV-4415", "Sechskantmutter M8 verzinkt", "2.000", "0,052", "104,00"],
            ["3", "SV-5120", "Scheibe 8,4 A2", "5.000", "0,031", "155,00"]]
    for r in rows:
        y -= pitch
        row(c, rx, y, r, right=(3, 4, 5), font=font)
    y -= 3 * pitch
    row(c, [50], y, ["Zahlungsbedingungen: 30 Tage netto. Preise in EUR zzgl. MwSt."], font=font)
    c.showPage()
    c.save()
    truth(name, {"currency": "EUR", "quote_ref": "AN-25-0913"},
          [L("SV-4410", [(2000, "0.185")], quantity="2000", line_total="370"),
           L("SV-4415", [(2000, "0.052")], quantity="2000", line_total="104"),
           L("SV-5120", [(5000, "0.031")], quantity="5000", line_total="155")])


letterhead("layout_letterhead_a", 12, "Helvetica", "Helvetica-Bold",
           ["Weber Maschinenbau AG", "Abteilung Einkauf", "Herrn Bauer"])
letterhead("layout_letterhead_b", 11, "Times-Roman", "Times-Roman",
           ["Vertrieb Normteile", "Ihr Ansprechpartner Herr Maier"])
letterhead("layout_letterhead_c", 14, "Helvetica", "Helvetica",
           ["Kunde", "Weber Maschinenbau"])


# --- price breaks as column heads --------------------------------------------------------
def break_heads(name, heads, part_head, desc_head):
    c = canvas.Canvas(str(HERE / f"{name}.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 800, "Brightline Fasteners Ltd")
    c.setFont("Helvetica", 9)
    c.drawString(50, 784, "Quotation BQ-7731   Date: 2025-04-02   Currency: GBP")
    xs = [50, 130, 330, 400, 470]
    rx = [50, 130, 380, 450, 520]
    row(c, xs, 750, [part_head, desc_head] + heads)
    rows = [["BF-1001", "Hex bolt M6x20 A2", "0.42", "0.38", "0.35"],
            ["BF-1002", "Hex bolt M8x25 A2", "0.61", "0.55", "0.51"],
            ["BF-1003", "Nyloc nut M8 A2", "0.19", "0.17", "0.15"]]
    y = 750
    for r in rows:
        y -= 15
        row(c, rx, y, r, right=(2, 3, 4))
    c.drawString(50, y - 40, "Payment: 30 days net. Delivery 3 weeks.")
    c.showPage()
    c.save()
    qs = [100, 500, 1000]
    truth(name, {"currency": "GBP", "quote_ref": "BQ-7731"},
          [L(r[0], list(zip(qs, [r[2], r[3], r[4]]))) for r in rows])


break_heads("layout_break_heads_a", ["100+", "500+", "1000+"], "Part No.", "Description")
break_heads("layout_break_heads_b", ["ab 100 St.", "ab 500 St.", "ab 1000 St."], "Art.-Nr.",
            "Bezeichnung")
break_heads("layout_break_heads_c", ["Qty 100", "Qty 500", "Qty 1000"], "Item", "Description")


# --- wrapped descriptions, a table over three pages -----------------------------------------
def wrapped_pages(name, repeat_header):
    c = canvas.Canvas(str(HERE / f"{name}.pdf"), pagesize=A4, invariant=1)
    xs = [50, 120, 330, 410, 490]
    rx = [50, 120, 380, 460, 540]
    head = ["Part No", "Description", "Qty", "Unit Price", "Amount"]
    items = []
    for i in range(18):
        q = 100 * (i + 1)
        p = f"{1 + i * 0.25:.2f}"
        items.append((f"WP-{300 + i}", f"Machined spacer {6 + i} mm stainless steel",
                      f"passivated, per drawing D-{40 + i}", str(q), p, f"{q * (1 + i * 0.25):,.2f}"))
    per_page = 7
    for page in range(3):
        y = 800
        if page == 0:
            c.setFont("Helvetica-Bold", 13)
            c.drawString(50, y, "Crescent Precision Inc.")
            c.setFont("Helvetica", 9)
            c.drawString(50, y - 16, "Quotation CP-5520   Date: 2025-05-20   All prices in USD")
            y -= 50
        if page == 0 or repeat_header:
            row(c, xs, y, head)
            y -= 6
        for it in items[page * per_page:(page + 1) * per_page]:
            y -= 15
            row(c, rx, y, [it[0], it[1], it[3], it[4], it[5]], right=(2, 3, 4))
            y -= 11
            row(c, rx, y, [None, it[2]])
        c.setFont("Helvetica", 8)
        c.drawString(250, 40, f"Page {page + 1} of 3")
        c.showPage()
    c.save()
    truth(name, {"currency": "USD", "quote_ref": "CP-5520"},
          [L(it[0], [(it[3], it[4].rstrip("0").rstrip("."))], quantity=it[3],
             line_total=it[5].replace(",", ""), description=f"{it[1]} {it[2]}") for it in items])


wrapped_pages("layout_wrapped_pages_a", True)
wrapped_pages("layout_wrapped_pages_b", False)


# --- the price basis on the header's other line ------------------------------------------
def basis_line(name, above, price_head, basis_text, amount_head, basis):
    c = canvas.Canvas(str(HERE / f"{name}.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 800, "Kraemer Normteile KG")
    c.setFont("Helvetica", 9)
    c.drawString(50, 784, "Angebot Nr. KN-4471   Datum: 02.06.2025")
    xs = [50, 130, 320, 390, 470]
    rx = [50, 130, 370, 450, 540]
    heads = ["Art.-Nr.", "Bezeichnung", "Menge", price_head, amount_head]
    if above:
        row(c, [None, None, None, 390], 752, [None, None, None, basis_text])
        row(c, xs, 741, heads)
    else:
        row(c, xs, 752, heads)
        row(c, [None, None, None, 390], 741, [None, None, None, basis_text])
    b = basis
    rows = [("KN-100", "Zylinderstift 4x20", 5000, "12,40"),
            ("KN-101", "Zylinderstift 5x24", 3000, "16,80"),
            ("KN-102", "Spannstift 6x30", 2000, "9,75")]
    y = 741
    lines = []
    for part, d, q, p in rows:
        y -= 15
        pv = float(p.replace(",", "."))
        amount = q * pv / b
        row(c, rx, y, [part, d, f"{q:,}".replace(",", "."), p,
                       f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")],
            right=(2, 3, 4))
        unit = f"{pv / b:.6f}".rstrip("0").rstrip(".")
        lines.append(L(part, [(q, unit)], quantity=str(q), line_total=f"{amount:.2f}",
                       price_basis_qty=str(b)))
    c.drawString(50, y - 40, "Zahlung 30 Tage netto. Preise in EUR.")
    c.showPage()
    c.save()
    truth(name, {"currency": "EUR", "quote_ref": "KN-4471"}, lines)


basis_line("layout_basis_line_a", False, "Preis EUR", "je 100 St.", "Betrag EUR", 100)
basis_line("layout_basis_line_b", True, "Einzelpreis", "(EUR/1000)", "Wert", 1000)
basis_line("layout_basis_line_c", False, "Preis", "PE 100", "Summe", 100)


# --- matrix price lists ---------------------------------------------------------------------
def matrix_cable():
    c = canvas.Canvas(str(HERE / "layout_matrix_cable.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 800, "Kabelwerk Isartal GmbH")
    c.setFont("Helvetica", 9)
    c.drawString(50, 784, "Preisliste PL-2025/3, Stand 01.03.2025")
    c.drawString(50, 770, "Mantelleitung NYM-J 300/500 V - Preise in EUR")
    row(c, [200], 740, ["Aderzahl"])
    xs = [50, 200, 280, 360]
    rx = [50, 240, 320, 400]
    row(c, xs, 728, ["Querschnitt", "3G", "4G", "5G"])
    data = [("1,5 mm²", ["0,72", "0,91", "1,09"]),
            ("2,5 mm²", ["1,02", "1,31", "1,58"]),
            ("4 mm²", ["1,57", "2,03", "2,47"])]
    y = 728
    lines = []
    for sec, ps in data:
        y -= 15
        row(c, rx, y, [sec] + ps, right=(1, 2, 3))
        for cores, p in zip(["3", "4", "5"], ps):
            lines.append({"description": f"NYM-J {cores}x{sec}",
                          "breaks": [["1", p.replace(",", ".")]]})
    c.drawString(50, y - 40, "Zahlung 30 Tage netto. Lieferung ab Werk.")
    c.showPage()
    c.save()
    truth("layout_matrix_cable", {"currency": "EUR", "quote_ref": "PL-2025/3"}, lines)


def matrix_qty():
    c = canvas.Canvas(str(HERE / "layout_matrix_qty.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, 800, "Nordic Springs AB")
    c.setFont("Helvetica", 9)
    c.drawString(50, 784, "Price list NS-25   Prices in EUR per piece")
    xs = [50, 200, 280, 360]
    rx = [50, 240, 320, 400]
    row(c, xs, 750, ["Type", "1-99", "100-499", "500+"])
    data = [("NS-C12", ["0.84", "0.71", "0.62"]),
            ("NS-C16", ["1.12", "0.95", "0.83"]),
            ("NS-T20", ["1.48", "1.26", "1.09"])]
    y = 750
    for t, ps in data:
        y -= 15
        row(c, rx, y, [t] + ps, right=(1, 2, 3))
    c.drawString(50, y - 40, "Payment 30 days net.")
    c.showPage()
    c.save()
    truth("layout_matrix_qty", {"currency": "EUR"},
          [L(t, list(zip([1, 100, 500], ps))) for t, ps in data])


matrix_cable()
matrix_qty()


# --- a price table nothing names ----------------------------------------------------------
def unread_table():
    c = canvas.Canvas(str(HERE / "layout_unread_table.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    c.drawString(50, 800, "Oficina Técnica Ruiz S.L.")
    c.drawString(50, 780, "Estimado cliente, a continuación nuestra oferta.")
    c.showPage()
    c.setFont("Helvetica", 9)
    c.drawString(50, 780, "Tarifa 2025 (EUR)")
    rx = [260, 360, 460]
    for i, r in enumerate([["12,50", "13,75", "15,10"],
                           ["22,40", "24,90", "27,30"],
                           ["31,00", "33,80", "36,90"]]):
        row(c, rx, 745 - 15 * i, r, right=(0, 1, 2))
    c.showPage()
    c.save()


unread_table()
