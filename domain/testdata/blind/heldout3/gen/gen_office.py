"""heldout3 documents made with LibreOffice (docx/odt/xlsx -> pdf, xlsx -> ods) and an HTML portal page."""
import os
import shutil
import subprocess
import tempfile

import docx
from docx.shared import Pt
import openpyxl
from openpyxl.styles import Font
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties, TableColumnProperties, ParagraphProperties
from odf.text import P, H
from odf.table import Table, TableColumn, TableRow, TableCell

from common import path, truth, write_doc, B

TMP = tempfile.mkdtemp(prefix="h3office")


def convert(src, fmt, dest_name):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", TMP, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = os.path.join(TMP, os.path.splitext(os.path.basename(src))[0] + "." + fmt.split(":")[0])
    shutil.move(out, path(dest_name))


# ------------------------------------------------------------------ p04 docx -> pdf, es-CO, COP without decimals
d = docx.Document()
st = d.styles["Normal"]
st.font.name = "Liberation Sans"
st.font.size = Pt(10)
d.add_heading("Troqueles y Estampados de Antioquia S.A.S.", level=1)
d.add_paragraph("NIT 900.000.000-1 · Cra. 50 # 10-20, Itagüí, Antioquia · PBX (604) 000 0000")
d.add_paragraph("COTIZACIÓN No. COT-2026-1544").runs[0].bold = True
d.add_paragraph("Medellín, 9 de diciembre de 2026\nSeñores\nElectrodomésticos Andinos S.A.S.\nAtn. Ing. Camila Restrepo – Compras")
d.add_paragraph("Atendiendo su amable solicitud, nos permitimos cotizar lo siguiente. Valores en pesos colombianos (COP):")
t = d.add_table(rows=1, cols=6)
t.style = "Table Grid"
for c, h in zip(t.rows[0].cells, ["Ítem", "Referencia", "Descripción", "Cantidad", "Valor unitario", "Valor total"]):
    c.text = h
for row in [("1", "EA-7720", "Soporte compresor, lámina CR cal. 14", "5.000", "$ 1.850", "$ 9.250.000"),
            ("2", "EA-7725", "Grapa de fijación, acero resorte", "20.000", "$ 215", "$ 4.300.000"),
            ("3", "EA-7730", "Bisagra puerta congelador", "—", "No cotizada", "—")]:
    cells = t.add_row().cells
    for c, v in zip(cells, row):
        c.text = v
for k, v in [("Subtotal", "$ 13.550.000"), ("IVA 19 %", "$ 2.574.500"), ("TOTAL", "$ 16.124.500")]:
    cells = t.add_row().cells
    cells[4].text = k
    cells[5].text = v
d.add_paragraph("")
d.add_paragraph("Troquel progresivo para la referencia EA-7720: $ 18.500.000 (se factura una sola vez; 50 % de anticipo con la orden de compra).")
d.add_paragraph("La referencia EA-7730 no se cotiza porque requiere embutido profundo, proceso que no realizamos.")
d.add_paragraph("Forma de pago: 60 días.\nTiempo de entrega: 4 semanas a partir de la aprobación de muestras.\n"
                "Lugar de entrega: planta del cliente en Rionegro, flete incluido.\nValidez de la oferta: 30 días.")
d.add_paragraph("Cordialmente,\n\nJuan Camilo Ospina\nDirector Comercial")
src = os.path.join(TMP, "cot_2026_1544.docx")
d.save(src)
n = "p04_libreoffice_docx_cop_no_decimals_troquel_es.pdf"
convert(src, "pdf", n)
truth(n, "es", [1, 3, 5, 7],
      "Word document printed to PDF by LibreOffice: grid table with Valor unitario/Valor total in pesos without decimals ('$ 1.850' is 1850, not 1.85), '$' declared as COP, subtotal/IVA/total rows, tooling and the no-bid reason in sentences below the table",
      {"supplier": "Troqueles y Estampados de Antioquia S.A.S.", "quote_ref": "COT-2026-1544", "quote_date": "2026-12-09",
       "currency": "COP", "validity_days": 30, "payment_net_days": 60, "freight": "included", "total": "16124500"},
      [{"part_number": "EA-7720", "description": "Soporte compresor, lámina CR cal. 14", "quantity": "5000", "line_total": "9250000",
        "breaks": B("5000", "1850"), "lead_time_days": 28, "tooling": [("Troquel progresivo", "18500000")]},
       {"part_number": "EA-7725", "description": "Grapa de fijación, acero resorte", "quantity": "20000", "line_total": "4300000",
        "breaks": B("20000", "215"), "lead_time_days": 28},
       {"part_number": "EA-7730", "description": "Bisagra puerta congelador", "no_bid": True,
        "no_bid_reason": "requiere embutido profundo, proceso que no realizamos"}])

# ------------------------------------------------------------------ p05 odt -> pdf, nl-BE, per 100 st., matrijs sentence
doc = OpenDocumentText()
bold = Style(name="B", family="text")
bold.addElement(TextProperties(fontweight="bold"))
doc.automaticstyles.addElement(bold)
doc.text.addElement(H(outlinelevel=1, text="Kempische Kunststoffen NV"))
doc.text.addElement(P(text="Industriepark West 12 · 2440 Geel · BTW BE 0400.000.000"))
doc.text.addElement(P(text=""))
doc.text.addElement(P(text="OFFERTE nr. 26/1123"))
doc.text.addElement(P(text="Geel, 8 december 2026"))
doc.text.addElement(P(text="Aan: Brabantse Elektrotechniek BV, t.a.v. mevr. Peeters"))
doc.text.addElement(P(text="Prijzen in EUR per 100 stuks, excl. btw."))
tbl = Table(name="Prijzen")
for _ in range(5):
    tbl.addElement(TableColumn())
def row(vals):
    tr = TableRow()
    for v in vals:
        tc = TableCell()
        tc.addElement(P(text=v))
        tr.addElement(tc)
    tbl.addElement(tr)
row(["Uw ref.", "Ons art.", "Omschrijving", "1.000 st.", "5.000 st."])
row(["BE-4410", "KK-210", "Bevestigingsclip PA6 GF30 zwart", "€ 9,80", "€ 8,40"])
row(["BE-4420", "KK-220", "Eindstuk kabelgoot PVC grijs", "€ 21,50", "€ 18,90"])
row(["BE-4430", "KK-230", "Afstandhouder 8 mm PP naturel", "€ 4,20", "€ 3,55"])
doc.text.addElement(tbl)
for t in ["", "Matrijskost (eenmalig) voor BE-4420: € 4.750,00.",
          "Levertermijn: 4 weken na goedkeuring van de stalen.",
          "Levering: franco, DAP Mechelen.",
          "Betaling: 60 dagen einde maand.",
          "Deze offerte is geldig tot 31 januari 2027.", "",
          "Met vriendelijke groeten,", "Koen Verhaegen – Sales"]:
    doc.text.addElement(P(text=t))
src = os.path.join(TMP, "offerte_26_1123.odt")
doc.save(src)
n = "p05_libreoffice_odt_per100_matrijs_eur_nl.pdf"
convert(src, "pdf", n)
truth(n, "nl", [1, 2, 3, 6, 7],
      "ODF text document printed to PDF by LibreOffice: price basis per 100 stuks in a sentence above the table, quantity columns '1.000 st.', Uw ref. vs Ons art., a mould sentence, 60 dagen einde maand, franco DAP",
      {"supplier": "Kempische Kunststoffen NV", "quote_ref": "26/1123", "quote_date": "2026-12-08", "currency": "EUR",
       "valid_until": "2027-01-31", "payment_net_days": 60, "payment_basis": "end_of_month", "incoterm": "DAP",
       "incoterm_place": "Mechelen", "freight": "included"},
      [{"part_number": "BE-4410", "supplier_part": "KK-210", "description": "Bevestigingsclip PA6 GF30 zwart", "uom": "H87", "price_basis_qty": "100",
        "breaks": B("1000", "0.098", "5000", "0.084"), "lead_time_days": 28},
       {"part_number": "BE-4420", "supplier_part": "KK-220", "description": "Eindstuk kabelgoot PVC grijs", "uom": "H87", "price_basis_qty": "100",
        "breaks": B("1000", "0.215", "5000", "0.189"), "lead_time_days": 28, "tooling": [("Matrijskost", "4750.00")]},
       {"part_number": "BE-4430", "supplier_part": "KK-230", "description": "Afstandhouder 8 mm PP naturel", "uom": "H87", "price_basis_qty": "100",
        "breaks": B("1000", "0.042", "5000", "0.0355"), "lead_time_days": 28}])

# ------------------------------------------------------------------ p08 xlsx -> pdf, sv O-ring matrix kr/100 st
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Prislista"
ws["A1"] = "Göteborgs Tätningar AB"
ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Prislista 2027:1 – O-ringar NBR 70 Shore A – gäller fr.o.m. 2027-01-01"
ws["A4"] = "Pris i SEK per 100 st, exkl. moms"
ws["A5"] = "Innerdiameter (mm)"
ws["B5"], ws["C5"], ws["D5"], ws["E5"] = "Tjocklek 1,5", "Tjocklek 2,0", "Tjocklek 2,5", "Tjocklek 3,0"
for c in ws[5]:
    c.font = Font(bold=True)
matrix = [(10, 38.0, 44.5, 52.0, "–"), (15, 42.5, 49.0, 57.5, 66.0), (20, "–", 55.5, 63.0, 72.5), (25, "–", 61.0, 69.5, 79.0)]
for r in matrix:
    ws.append(list(r))
    for c in ws[ws.max_row][1:]:
        if isinstance(c.value, float):
            c.number_format = "[$-41D]#,##0.00"
ws.append([])
for t in ["Säljs endast i hela förpackningar om 100 st.", "Leverans från lager.", "Fritt vårt lager Göteborg (FCA Göteborg).",
          "Betalningsvillkor: 30 dagar netto."]:
    ws.append([t])
ws.column_dimensions["A"].width = 22
ws.sheet_properties.pageSetUpPr.fitToPage = True
ws.page_setup.fitToWidth = 1
ws.page_setup.fitToHeight = 0
for col in "BCDE":
    ws.column_dimensions[col].width = 14
src = os.path.join(TMP, "prislista_2027_1.xlsx")
wb.save(src)
n = "p08_libreoffice_calc_matrix_oring_per100_sek_sv.pdf"
convert(src, "pdf", n)
lines = []
for idm, *vals in matrix:
    for cs, v in zip(("1,5", "2,0", "2,5", "3,0"), vals):
        if isinstance(v, float):
            lines.append({"description": f"O-ring NBR 70 {idm} x {cs}", "uom": "H87", "price_basis_qty": "100",
                          "breaks": B("100", str(round(v / 100, 6))), "moq": "100", "order_multiple": "100", "lead_time_days": 0})
truth(n, "sv", [1, 2, 5, 7],
      "spreadsheet printed to PDF by LibreOffice Calc: O-ring matrix inner diameter × cord thickness, SEK per 100 st, whole packs of 100, dash cells, a price list number and effective date as ref and date",
      {"supplier": "Göteborgs Tätningar AB", "quote_ref": "2027:1", "quote_date": "2027-01-01", "currency": "SEK",
       "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Göteborg"},
      lines)

# ------------------------------------------------------------------ o01 ods (LibreOffice from xlsx), pl, 'za ilość' basis column
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Oferta"
for r in [["Zakłady Gumowe Wisła S.A."], ["Oferta nr", "ZG/2026/1207"], ["Data", "2026-12-07"], ["Ważna do", "2027-01-31"],
          ["Warunki płatności", "przelew 21 dni"], ["Dostawa", "DAP Katowice, koszt transportu wliczony w cenę"],
          ["Termin dostawy", "3 tygodnie"], ["Waluta", "PLN"], []]:
    ws.append(r)
ws.append(["Indeks klienta", "Nazwa", "J.m.", "Cena netto (zł)", "za ilość", "Min. zamówienie"])
for c in ws[ws.max_row]:
    c.font = Font(bold=True)
for r in [["PL-1001", "Uszczelka płaska EPDM 20x30x2", "szt.", 38.50, 100, 500],
          ["PL-1002", "Pierścień O-ring FKM 12x2", "szt.", 145.00, 1000, 1000],
          ["PL-1003", "Profil uszczelniający EPDM 8x12", "m", 4.85, 1, 50],
          ["PL-1004", "Tuleja gumowo-metalowa Ø40", "szt.", "brak oferty", None, None]]:
    ws.append(r)
    ws.cell(row=ws.max_row, column=4).number_format = "#,##0.00"
    ws.cell(row=ws.max_row, column=6).number_format = "#,##0"
ws.column_dimensions["B"].width = 34
src = os.path.join(TMP, "oferta_zg_2026_1207.xlsx")
wb.save(src)
n = "o01_ods_price_basis_column_metre_line_pln_pl.ods"
convert(src, "ods", n)
truth(n, "pl", [1, 2, 6, 7],
      "ODS from LibreOffice: key/value preamble, 'za ilość' price-basis column (100 / 1000 / 1), a profile sold per metre, minimum order column, 'brak oferty' row",
      {"supplier": "Zakłady Gumowe Wisła S.A.", "quote_ref": "ZG/2026/1207", "quote_date": "2026-12-07", "currency": "PLN",
       "valid_until": "2027-01-31", "payment_net_days": 21, "incoterm": "DAP", "incoterm_place": "Katowice", "freight": "included"},
      [{"part_number": "PL-1001", "description": "Uszczelka płaska EPDM 20x30x2", "uom": "H87", "price_basis_qty": "100",
        "breaks": B("500", "0.385"), "moq": "500", "lead_time_days": 21},
       {"part_number": "PL-1002", "description": "Pierścień O-ring FKM 12x2", "uom": "H87", "price_basis_qty": "1000",
        "breaks": B("1000", "0.145"), "moq": "1000", "lead_time_days": 21},
       {"part_number": "PL-1003", "description": "Profil uszczelniający EPDM 8x12", "uom": "MTR",
        "breaks": B("50", "4.85"), "moq": "50", "lead_time_days": 21},
       {"part_number": "PL-1004", "description": "Tuleja gumowo-metalowa Ø40", "no_bid": True, "no_bid_reason": "brak oferty"}])

# ------------------------------------------------------------------ h01 div-based B2B portal page, de-AT
html = """<!DOCTYPE html>
<html lang="de-AT"><head><meta charset="utf-8"><title>Angebot ANG-2026-004512 – Alpen Hydraulik B2B</title>
<style>.card{border:1px solid #ccc;border-radius:6px;padding:12px;margin:10px 0;display:grid;grid-template-columns:2fr 1fr}
.tiers li{list-style:none}.badge{background:#e3f1e3;padding:2px 6px;border-radius:4px}.muted{color:#777;font-size:12px}</style></head>
<body>
<header><div class="logo">Alpen Hydraulik GmbH</div><nav><a href="/konto">Mein Konto</a> · <a href="/warenkorb">Warenkorb (0)</a> · <a href="/logout">Abmelden</a></nav></header>
<main>
<h1>Ihr Angebot ANG-2026-004512</h1>
<div class="meta"><span>Erstellt am 11.12.2026</span> · <span>gültig bis 10.01.2027</span> · <span>Kunde: Tiroler Landtechnik KG (Kd.-Nr. 20417)</span></div>
<section class="items">
<div class="card"><div><h3>Hydraulikzylinder doppeltwirkend 40/20-200</h3>
<div class="muted">Art.-Nr. AH-HZ-4020 · Ihre Art.-Nr. TL-778812</div>
<span class="badge">Lieferbar in 3 Wochen</span></div>
<ul class="tiers"><li>ab 1 Stk <b>€ 284,20</b></li><li>ab 5 Stk <b>€ 269,90</b></li><li>ab 20 Stk <b>€ 251,40</b></li></ul></div>
<div class="card"><div><h3>Schlauchleitung 2SN DN12, 1000 mm, DKOL/DKOL</h3>
<div class="muted">Art.-Nr. AH-SK-1208 · Ihre Art.-Nr. TL-778830</div>
<span class="badge">sofort ab Lager</span></div>
<ul class="tiers"><li>ab 1 Stk <b>€ 38,90</b></li><li>ab 10 Stk <b>€ 34,50</b></li><li>ab 50 Stk <b>€ 31,80</b></li></ul></div>
<div class="card"><div><h3>Kugelhahn 3/8" 400 bar, Stahl verzinkt</h3>
<div class="muted">Art.-Nr. AH-KV-0610 · Ihre Art.-Nr. TL-778845</div>
<span class="badge">sofort ab Lager</span></div>
<ul class="tiers"><li>ab 1 Stk <b>€ 46,70</b></li><li>ab 25 Stk <b>€ 41,20</b></li></ul></div>
</section>
<aside class="conditions"><h2>Konditionen</h2>
<p>Alle Preise netto zzgl. 20 % USt. Versandkostenpauschale je Lieferung: € 12,90.</p>
<p>Zahlungsziel: 30 Tage netto.</p></aside>
<button>In den Warenkorb</button> <button>Als PDF herunterladen</button>
</main>
<footer>© 2026 Alpen Hydraulik GmbH · Gewerbepark 3 · 6060 Hall in Tirol · FN 000000a · <a href="/agb">AGB</a> · <a href="/impressum">Impressum</a></footer>
</body></html>"""
n = "h01_portal_div_cards_tiers_eur_de.html"
write_doc(n, html)
truth(n, "de", [1, 4, 6, 7],
      "B2B web-shop quote page without any <table>: one card per article with headings, own and customer article numbers in a muted line, tier prices as 'ab N Stk' list items, availability badges (weeks / ab Lager), navigation and footer noise, flat freight per delivery",
      {"supplier": "Alpen Hydraulik GmbH", "quote_ref": "ANG-2026-004512", "quote_date": "2026-12-11", "currency": "EUR",
       "valid_until": "2027-01-10", "payment_net_days": 30, "freight": "per_shipment", "freight_amount": "12.90"},
      [{"part_number": "TL-778812", "supplier_part": "AH-HZ-4020", "description": "Hydraulikzylinder doppeltwirkend 40/20-200", "uom": "H87",
        "breaks": B("1", "284.20", "5", "269.90", "20", "251.40"), "lead_time_days": 21},
       {"part_number": "TL-778830", "supplier_part": "AH-SK-1208", "description": "Schlauchleitung 2SN DN12, 1000 mm, DKOL/DKOL", "uom": "H87",
        "breaks": B("1", "38.90", "10", "34.50", "50", "31.80"), "lead_time_days": 0},
       {"part_number": "TL-778845", "supplier_part": "AH-KV-0610", "description": "Kugelhahn 3/8\" 400 bar, Stahl verzinkt", "uom": "H87",
        "breaks": B("1", "46.70", "25", "41.20"), "lead_time_days": 0}])
