"""Spreadsheet quotes (x01–x08)."""
import datetime as dt
import openpyxl
from openpyxl.styles import Font, Alignment
from common import about, per, path, write_truth, L

B = Font(bold=True)


def save(wb, name):
    wb.properties.creator = ""
    wb.properties.created = dt.datetime(2025, 12, 1)
    wb.properties.modified = dt.datetime(2025, 12, 1)
    wb.save(path(name))


# ---------------------------------------------------------------- x01
name = "x01_matrix_sections_x_cores_per_100m_rings_dkk_da.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "NOIKLX 90"
ws["A1"] = "Nordkabel A/S · Prisliste PL 2025-12 · gældende fra 01.12.2025"
ws["A1"].font = Font(bold=True, size=12)
ws["A2"] = "NOIKLX 90 installationskabel · Priser i DKK pr. 100 m ekskl. moms · leveres kun i hele ringe à 100 m"
ws["A3"] = "Betaling netto 30 dage · EXW Kolding"
ws["A5"] = "Tværsnit mm²"
ws["B5"] = "Antal ledere"
ws.merge_cells("B5:E5")
ws["B5"].alignment = Alignment(horizontal="center")
for i, h in enumerate(["2G", "3G", "4G", "5G"]):
    ws.cell(row=6, column=2 + i, value=h).font = B
ws["A5"].font = B
ws["B5"].font = B
matrix = [
    ("1,5", [412, 498, 611, 728]),
    ("2,5", [566, 702, 869, 1034]),
    ("4", [842, 1058, 1312, "på forespørgsel"]),
    ("6", [1148, 1446, None, None]),
]
for r, (sec, vals) in enumerate(matrix, start=7):
    ws.cell(row=r, column=1, value=sec)
    for i, v in enumerate(vals):
        c = ws.cell(row=r, column=2 + i, value=v)
        if isinstance(v, int):
            c.number_format = "#,##0.00"
save(wb, name)
typed = {  # (cores, section): per metre, typed from the printed price per 100 m
    ("2G", "1,5"): per("412", 100, "4.12"), ("3G", "1,5"): per("498", 100, "4.98"), ("4G", "1,5"): per("611", 100, "6.11"), ("5G", "1,5"): per("728", 100, "7.28"),
    ("2G", "2,5"): per("566", 100, "5.66"), ("3G", "2,5"): per("702", 100, "7.02"), ("4G", "2,5"): per("869", 100, "8.69"), ("5G", "2,5"): per("1034", 100, "10.34"),
    ("2G", "4"): per("842", 100, "8.42"), ("3G", "4"): per("1058", 100, "10.58"), ("4G", "4"): per("1312", 100, "13.12"),
    ("2G", "6"): per("1148", 100, "11.48"), ("3G", "6"): per("1446", 100, "14.46"),
}
write_truth(name, {
    "about": about("xlsx", "da", [1, 2], "matrix price list: cross-section rows x core-count columns under a merged 'Antal ledere' header, DKK per 100 m, sold only in 100 m rings; one cell 'på forespørgsel' and two empty cells give no line; no part numbers (lines described 'NOIKLX 90 {cores} {section} mm²')"),
    "header": {"supplier": "Nordkabel A/S", "quote_ref": "PL 2025-12", "quote_date": "2025-12-01", "currency": "DKK",
               "payment_net_days": 30, "incoterm": "EXW", "incoterm_place": "Kolding"},
    "lines": [L(description=f"NOIKLX 90 {cores} {sec} mm²", uom="MTR", price_basis_qty="100", moq="100", order_multiple="100",
                breaks=[["100", price]]) for (cores, sec), price in typed.items()],
})

# ---------------------------------------------------------------- x02
name = "x02_erp_costlist_terms_every_row_price_uom_c_m_gbp_en.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Export"
head = ["Supplier", "Supplier Quote", "Quote Date", "Currency", "Incoterms", "Payment Terms", "Valid To", "Item", "Supplier Item",
        "Description", "UoM", "Price", "Price UoM", "MOQ", "Lead Time (days)"]
ws.append(head)
for c in ws[1]:
    c.font = B
rows = [
    ["ENG-20114", "MF-SC-M6x20-A2", "Socket cap screw M6x20 A2", "EA", 14.60, "C", 500, 10],
    ["ENG-20115", "MF-SC-M8x25-A2", "Socket cap screw M8x25 A2", "EA", 27.90, "C", 500, 10],
    ["ENG-20130", "MF-NYL-M6-A2", "Nyloc nut M6 A2", "EA", 41.25, "M", 1000, 5],
    ["ENG-20188", "MF-HIN-60-SS", "Butt hinge 60 mm stainless", "EA", 2.48, "EA", 50, 14],
    ["ENG-20190", "MF-RIV-4.8x12", "Blind rivet 4.8x12 Al/St", "EA", 18.40, "M", 2000, 7],
]
for r in rows:
    ws.append(["Midland Fixings Ltd", "MF-QT-30918", dt.datetime(2025, 11, 25), "GBP", "CPT Coventry", "60 days net",
               dt.datetime(2026, 2, 28)] + r)
for row in ws.iter_rows(min_row=2):
    row[2].number_format = "dd/mm/yyyy"
    row[6].number_format = "dd/mm/yyyy"
    row[11].number_format = "0.00"
save(wb, name)
write_truth(name, {
    "about": about("xlsx", "en", [1, 2, 7], "ERP cost-list export: supplier, quote, date, currency, Incoterm, terms and validity repeated on every row; 'Price UoM' column C / M / EA beside a UoM column EA; MOQ and lead time columns"),
    "header": {"supplier": "Midland Fixings Ltd", "quote_ref": "MF-QT-30918", "quote_date": "2025-11-25", "currency": "GBP",
               "valid_until": "2026-02-28", "payment_net_days": 60, "incoterm": "CPT", "incoterm_place": "Coventry"},
    "lines": [
        L(part_number="ENG-20114", supplier_part="MF-SC-M6x20-A2", description="Socket cap screw M6x20 A2", uom="EA", price_basis_qty="100",
          breaks=[["500", per("14.60", 100, "0.146")]], moq="500", lead_time_days=10),
        L(part_number="ENG-20115", supplier_part="MF-SC-M8x25-A2", description="Socket cap screw M8x25 A2", uom="EA", price_basis_qty="100",
          breaks=[["500", per("27.90", 100, "0.279")]], moq="500", lead_time_days=10),
        L(part_number="ENG-20130", supplier_part="MF-NYL-M6-A2", description="Nyloc nut M6 A2", uom="EA", price_basis_qty="1000",
          breaks=[["1000", per("41.25", 1000, "0.04125")]], moq="1000", lead_time_days=5),
        L(part_number="ENG-20188", supplier_part="MF-HIN-60-SS", description="Butt hinge 60 mm stainless", uom="EA",
          breaks=[["50", "2.48"]], moq="50", lead_time_days=14),
        L(part_number="ENG-20190", supplier_part="MF-RIV-4.8x12", description="Blind rivet 4.8x12 Al/St", uom="EA", price_basis_qty="1000",
          breaks=[["2000", per("18.40", 1000, "0.0184")]], moq="2000", lead_time_days=7),
    ]})

# ---------------------------------------------------------------- x03
name = "x03_merged_prezzo_header_set_subheaders_attrezzatura_it.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Offerta"
ws["A1"] = "Gommatecnica Bergamasca S.p.A."
ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Offerta n. OF-25/1442 del 02/12/2025 — Validità 60 giorni"
ws["A3"] = "Pagamento: bonifico 90 gg d.f.f.m. — Resa: FCA Dalmine"
hdr = ["Codice cliente", "Codice fornitore", "Descrizione", "Rev."]
for i, h in enumerate(hdr, start=1):
    ws.cell(row=5, column=i, value=h).font = B
    ws.merge_cells(start_row=5, start_column=i, end_row=6, end_column=i)
ws.cell(row=5, column=5, value="Prezzo unitario (€)").font = B
ws.merge_cells("E5:G5")
for i, h in enumerate(["100 set", "500 set", "1.000 set"]):
    ws.cell(row=6, column=5 + i, value=h).font = B
ws.cell(row=5, column=8, value="Attrezzatura (€)").font = B
ws.merge_cells("H5:H6")
ws.cell(row=5, column=9, value="Consegna (settimane)").font = B
ws.merge_cells("I5:I6")
data = [
    ["GK-1001", "KG-5501", "Kit guarnizioni pompa P20", "B", 12.40, 10.95, 9.80, 2400.00, 4],
    ["GK-1002", "KG-5502", "Kit guarnizioni pompa P35", "A", 15.10, 13.30, 11.90, 2900.00, 4],
    ["GK-1010", "KG-5520", "Kit O-ring valvola V8", "–", 4.85, 4.20, 3.75, "–", 3],
]
for r, row in enumerate(data, start=7):
    for i, v in enumerate(row, start=1):
        c = ws.cell(row=r, column=i, value=v)
        if i in (5, 6, 7, 8) and isinstance(v, float):
            c.number_format = "#,##0.00"
save(wb, name)
write_truth(name, {
    "about": about("xlsx", "it", [3, 4, 6, 7], "merged 'Prezzo unitario' header over break sub-headers with a unit word ('1.000 set'), id columns merged over both header rows, tooling column (one '–'), revision '–', d.f.f.m. terms in the title block"),
    "header": {"supplier": "Gommatecnica Bergamasca S.p.A.", "quote_ref": "OF-25/1442", "quote_date": "2025-12-02", "currency": "EUR",
               "validity_days": 60, "payment_net_days": 90, "payment_basis": "end_of_month", "incoterm": "FCA", "incoterm_place": "Dalmine"},
    "lines": [
        L(part_number="GK-1001", supplier_part="KG-5501", revision="B", description="Kit guarnizioni pompa P20", uom="SET",
          breaks=[["100", "12.40"], ["500", "10.95"], ["1000", "9.80"]], tooling=[["Attrezzatura", "2400.00"]], lead_time_days=28),
        L(part_number="GK-1002", supplier_part="KG-5502", revision="A", description="Kit guarnizioni pompa P35", uom="SET",
          breaks=[["100", "15.10"], ["500", "13.30"], ["1000", "11.90"]], tooling=[["Attrezzatura", "2900.00"]], lead_time_days=28),
        L(part_number="GK-1010", supplier_part="KG-5520", description="Kit O-ring valvola V8", uom="SET",
          breaks=[["100", "4.85"], ["500", "4.20"], ["1000", "3.75"]], lead_time_days=21),
    ]})

# ---------------------------------------------------------------- x04
name = "x04_breaks_rows_blank_part_tooling_row_fab_cad_fr.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Soumission"
top = ["Fonderie Laurentienne inc.", "1250, rue des Forges, Trois-Rivières (Québec)  G9A 2H4",
       "Soumission S-25-0877", "Date : 2025-12-05",
       "Tous les prix sont en dollars canadiens ($ CA). Conditions : net 30 jours. FAB Trois-Rivières, QC, transport en sus.",
       "Soumission valide 45 jours."]
for i, t in enumerate(top, start=1):
    ws.cell(row=i, column=1, value=t)
ws["A1"].font = Font(bold=True, size=13)
for i, h in enumerate(["No de pièce", "Description", "Quantité", "Prix unitaire", "Délai"], start=1):
    ws.cell(row=8, column=i, value=h).font = B
data = [
    ["QC-7001", "Boîtier aluminium moulé sous pression A380", 250, 38.75, "6 sem."],
    [None, None, 1000, 33.90, None],
    [None, "Frais d'outillage (moule, unique)", 1, 14500.00, None],
    ["QC-7002", "Couvercle moulé A380", 250, 12.40, "6 sem."],
    [None, None, 1000, 10.85, None],
    ["QC-7010", "Joint d'étanchéité silicone", 500, 2.15, "3 sem."],
]
for r, row in enumerate(data, start=9):
    for i, v in enumerate(row, start=1):
        c = ws.cell(row=r, column=i, value=v)
        if i == 4:
            c.number_format = '#,##0.00 "$"'
        if i == 3:
            c.number_format = "#,##0"
save(wb, name)
write_truth(name, {
    "about": about("xlsx", "fr", [1, 3, 4, 7], "Québec French: breaks as rows with the part left blank on continuation rows, a tooling row under the part without a part number of its own, '$' with dollars canadiens in words, FAB (= FOB) City, QC, transport en sus"),
    "header": {"supplier": "Fonderie Laurentienne inc.", "quote_ref": "S-25-0877", "quote_date": "2025-12-05", "currency": "CAD",
               "validity_days": 45, "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Trois-Rivières, QC", "freight": "extra"},
    "lines": [
        L(part_number="QC-7001", description="Boîtier aluminium moulé sous pression A380", breaks=[["250", "38.75"], ["1000", "33.90"]],
          tooling=[["Frais d'outillage (moule, unique)", "14500.00"]], lead_time_days=42),
        L(part_number="QC-7002", description="Couvercle moulé A380", breaks=[["250", "12.40"], ["1000", "10.85"]], lead_time_days=42),
        L(part_number="QC-7010", description="Joint d'étanchéité silicone", breaks=[["500", "2.15"]], lead_time_days=21),
    ]})

# ---------------------------------------------------------------- x05
name = "x05_form_header_block_pcb_qty_cols_nre_stencil_rows_usd_en.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Quote"
form = [("Supplier", "Apex Circuits LLC"), ("Contact", "Jenna Morales, Inside Sales"), ("Quote #", "AC-25-11902"),
        ("Date", "12/02/2025"), ("Valid Until", "01/31/2026"), ("Currency", "USD"), ("Terms", "Net 30"),
        ("FOB", "Tempe, AZ"), ("Freight", "Prepay & add")]
for i, (k, v) in enumerate(form, start=1):
    ws.cell(row=i, column=1, value=k).font = B
    ws.cell(row=i, column=2, value=v)
r0 = 11
for i, h in enumerate(["Part Number", "Rev", "Description", "Layers", "Qty 50", "Qty 100", "Qty 250", "Lead Time"], start=1):
    ws.cell(row=r0, column=i, value=h).font = B
data = [
    ["PCB-10442", "C", "Main controller board, 6L FR4 1.6 mm ENIG", 6, 48.20, 39.75, 31.40, "15 days"],
    ["PCB-10450", "A", "LED driver board, 2L aluminium core", 2, 9.85, 7.60, 5.95, "10 days"],
    ["PCB-10461", "B", "Sensor flex, 2L polyimide with stiffener", 2, 22.40, 18.10, 14.85, "20 days"],
]
for r, row in enumerate(data, start=r0 + 1):
    for i, v in enumerate(row, start=1):
        c = ws.cell(row=r, column=i, value=v)
        if i in (5, 6, 7):
            c.number_format = '"$"#,##0.00'
ws.cell(row=16, column=1, value="One-time charges").font = B
charges = [("PCB-10442", "NRE - tooling and E-test fixture", 650.00), ("PCB-10461", "NRE - tooling and stiffener die", 480.00),
           ("All boards", "Framed SMT stencil set (3 stencils)", 285.00)]
for r, (p, d, a) in enumerate(charges, start=17):
    ws.cell(row=r, column=1, value=p)
    ws.cell(row=r, column=3, value=d)
    ws.cell(row=r, column=5, value=a).number_format = '"$"#,##0.00'
save(wb, name)
write_truth(name, {
    "about": about("xlsx", "en", [3, 4, 6, 7], "form-style header block (Supplier vs Contact, US dates, FOB City, ST, prepay & add) above a table with 'Qty N' break columns; one-time NRE rows naming parts and a stencil row for all boards (header tooling)"),
    "header": {"supplier": "Apex Circuits LLC", "quote_ref": "AC-25-11902", "quote_date": "2025-12-02", "currency": "USD",
               "valid_until": "2026-01-31", "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Tempe, AZ", "freight": "extra",
               "tooling": [["Framed SMT stencil set", "285.00"]]},
    "lines": [
        L(part_number="PCB-10442", revision="C", description="Main controller board, 6L FR4 1.6 mm ENIG",
          breaks=[["50", "48.20"], ["100", "39.75"], ["250", "31.40"]], lead_time_days=15, tooling=[["NRE", "650.00"]]),
        L(part_number="PCB-10450", revision="A", description="LED driver board, 2L aluminium core",
          breaks=[["50", "9.85"], ["100", "7.60"], ["250", "5.95"]], lead_time_days=10),
        L(part_number="PCB-10461", revision="B", description="Sensor flex, 2L polyimide with stiffener",
          breaks=[["50", "22.40"], ["100", "18.10"], ["250", "14.85"]], lead_time_days=20, tooling=[["NRE", "480.00"]]),
    ]})

# ---------------------------------------------------------------- x06
name = "x06_price_sheet_plus_notes_sheet_moq_nobid_leadtime_nl.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Offerte"
for i, h in enumerate(["Uw artikelnr.", "Ons artikelnr.", "Omschrijving", "Vanaf aantal", "Prijs/st (EUR)"], start=1):
    ws.cell(row=1, column=i, value=h).font = B
data = [
    ["BE-2201", "VL-330", "Drukveer RVS draad 0,8 mm", 1000, 0.142],
    ["BE-2201", "VL-330", "Drukveer RVS draad 0,8 mm", 10000, 0.118],
    ["BE-2208", "VL-344", "Sluitring DIN 125 M10 RVS", 5000, 0.061],
    ["BE-2215", "VL-351", "Borgveer 12 mm verenstaal", 2000, 0.094],
]
for r, row in enumerate(data, start=2):
    for i, v in enumerate(row, start=1):
        c = ws.cell(row=r, column=i, value=v)
        if i == 4:
            c.number_format = "#,##0"
        if i == 5:
            c.number_format = "0.000"
ns = wb.create_sheet("Opmerkingen")
notes = ["Offerte OF-BE-25-0719 – Veerfabriek Limburg NV – 04/12/2025",
         "",
         "Minimale afname BE-2208: 5.000 st, levering per doos van 2.500 st.",
         "Levertijd: BE-2201 en BE-2215 2 weken, BE-2208 uit voorraad.",
         "Artikel BE-2230 (klemveer) kunnen wij helaas niet aanbieden.",
         "Betaling: 30 dagen einde maand.",
         "Levering franco (DAP Antwerpen).",
         "Geldig tot 31/01/2026."]
for i, t in enumerate(notes, start=1):
    ns.cell(row=i, column=1, value=t)
save(wb, name)
write_truth(name, {
    "about": about("xlsx", "nl", [5, 7], "price sheet with 'Vanaf aantal' breaks as rows; header facts, MOQ/pack multiple, lead times per part, a no-bid by part number and description, end-of-month terms and franco delivery only on a second 'Opmerkingen' sheet; day-first dates"),
    "header": {"supplier": "Veerfabriek Limburg NV", "quote_ref": "OF-BE-25-0719", "quote_date": "2025-12-04", "currency": "EUR",
               "valid_until": "2026-01-31", "payment_net_days": 30, "payment_basis": "end_of_month", "incoterm": "DAP",
               "incoterm_place": "Antwerpen", "freight": "included"},
    "lines": [
        L(part_number="BE-2201", supplier_part="VL-330", description="Drukveer RVS draad 0,8 mm", uom="H87",
          breaks=[["1000", "0.142"], ["10000", "0.118"]], lead_time_days=14),
        L(part_number="BE-2208", supplier_part="VL-344", description="Sluitring DIN 125 M10 RVS", uom="H87",
          breaks=[["5000", "0.061"]], moq="5000", order_multiple="2500", lead_time_days=0),
        L(part_number="BE-2215", supplier_part="VL-351", description="Borgveer 12 mm verenstaal", uom="H87",
          breaks=[["2000", "0.094"]], lead_time_days=14),
        L(part_number="BE-2230", description="klemveer", no_bid=True, no_bid_reason="kunnen wij helaas niet aanbieden"),
    ]})

# ---------------------------------------------------------------- x07
name = "x07_cena_za_1000_ks_vase_nase_cislo_czk_cs.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Nabídka"
top = ["Strojírny Vysočina s.r.o.", "Nabídka č. NB-2025-0612 ze dne 1. 12. 2025",
       "Platnost nabídky: 30 dní · Splatnost faktur: 21 dní · Dodací podmínky: FCA Jihlava"]
for i, t in enumerate(top, start=1):
    ws.cell(row=i, column=1, value=t)
ws["A1"].font = Font(bold=True, size=13)
for i, h in enumerate(["Vaše č. dílu", "Naše č.", "Název", "Množství (ks)", "Cena za 1000 ks (Kč)"], start=1):
    ws.cell(row=5, column=i, value=h).font = B
data = [
    ["ŠK-40018", "SV-1102", "Šroub M8x30 8.8 Zn", 10000, 1480.00],
    ["ŠK-40022", "SV-1107", "Matice M8 8 Zn", 10000, 386.00],
    ["ŠK-40035", "SV-1120", "Podložka 8,4 Zn", 20000, 142.50],
    ["ŠK-40041", "SV-1133", "Nýt trhací 4x10 Al", 5000, 612.00],
]
for r, row in enumerate(data, start=6):
    for i, v in enumerate(row, start=1):
        c = ws.cell(row=r, column=i, value=v)
        if i == 4:
            c.number_format = "#,##0"
        if i == 5:
            c.number_format = "#,##0.00"
ws.cell(row=11, column=1, value="Dodací lhůta: 3 týdny od potvrzení objednávky.")
save(wb, name)
ln = dict(uom="H87", price_basis_qty="1000", lead_time_days=21)
write_truth(name, {
    "about": about("xlsx", "cs", [2, 6, 7], "Czech: 'Cena za 1000 ks (Kč)', Vaše č. dílu vs Naše č., quantity column as break quantity, title block with '1. 12. 2025', validity in days, payment days, lead time in a footer"),
    "header": {"supplier": "Strojírny Vysočina s.r.o.", "quote_ref": "NB-2025-0612", "quote_date": "2025-12-01", "currency": "CZK",
               "validity_days": 30, "payment_net_days": 21, "incoterm": "FCA", "incoterm_place": "Jihlava"},
    "lines": [
        L(part_number="ŠK-40018", supplier_part="SV-1102", description="Šroub M8x30 8.8 Zn", breaks=[["10000", per("1480.00", 1000, "1.48")]], **ln),
        L(part_number="ŠK-40022", supplier_part="SV-1107", description="Matice M8 8 Zn", breaks=[["10000", per("386.00", 1000, "0.386")]], **ln),
        L(part_number="ŠK-40035", supplier_part="SV-1120", description="Podložka 8,4 Zn", breaks=[["20000", per("142.50", 1000, "0.1425")]], **ln),
        L(part_number="ŠK-40041", supplier_part="SV-1133", description="Nýt trhací 4x10 Al", breaks=[["5000", per("612.00", 1000, "0.612")]], **ln),
    ]})

# ---------------------------------------------------------------- x08
name = "x08_pret_lei_100_buc_cod_client_matrita_ron_ro.xlsx"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Oferta"
top = ["Plastimex Transilvania S.R.L.", "Ofertă nr. 1187 din 05.12.2025",
       "Valabilitate: 30 de zile · Plata: OP la 45 de zile · Livrare: EXW Cluj-Napoca, transport exclus",
       "Termen de livrare: 5 săptămâni de la aprobarea mostrelor"]
for i, t in enumerate(top, start=1):
    ws.cell(row=i, column=1, value=t)
ws["A1"].font = Font(bold=True, size=13)
for i, h in enumerate(["Cod client", "Cod furnizor", "Denumire", "Cantitate (buc)", "Preț unitar (lei/100 buc)", "Matriță (lei)"], start=1):
    ws.cell(row=6, column=i, value=h).font = B
data = [
    ["RO-8810", "PT-201", "Carcasă ABS gri 120x80", 2000, 1245.00, 18500.00],
    ["RO-8810", "PT-201", "Carcasă ABS gri 120x80", 10000, 1080.00, None],
    ["RO-8825", "PT-214", "Capac transparent PC", 2000, 486.00, None],
    ["RO-8830", "PT-220", "Clemă PA6 neagră", 5000, 128.50, 6200.00],
]
for r, row in enumerate(data, start=7):
    for i, v in enumerate(row, start=1):
        c = ws.cell(row=r, column=i, value=v)
        if i >= 5 and v is not None:
            c.number_format = "#,##0.00"
save(wb, name)
ln = dict(uom="H87", price_basis_qty="100", lead_time_days=35)
write_truth(name, {
    "about": about("xlsx", "ro", [2, 3, 4, 6, 7], "Romanian: 'Preț unitar (lei/100 buc)' (lei = RON), Cod client / Cod furnizor, breaks as rows, mould column filled once per part, EXW with 'transport exclus', lead time in weeks from sample approval"),
    "header": {"supplier": "Plastimex Transilvania S.R.L.", "quote_ref": "1187", "quote_date": "2025-12-05", "currency": "RON",
               "validity_days": 30, "payment_net_days": 45, "incoterm": "EXW", "incoterm_place": "Cluj-Napoca", "freight": "extra"},
    "lines": [
        L(part_number="RO-8810", supplier_part="PT-201", description="Carcasă ABS gri 120x80",
          breaks=[["2000", per("1245.00", 100, "12.45")], ["10000", per("1080.00", 100, "10.8")]], tooling=[["Matriță", "18500.00"]], **ln),
        L(part_number="RO-8825", supplier_part="PT-214", description="Capac transparent PC", breaks=[["2000", per("486.00", 100, "4.86")]], **ln),
        L(part_number="RO-8830", supplier_part="PT-220", description="Clemă PA6 neagră", breaks=[["5000", per("128.50", 100, "1.285")]],
          tooling=[["Matriță", "6200.00"]], **ln),
    ]})
print("xlsx ok")
