"""Delimited files (c*), spreadsheets (x*) and ODS (o*) for heldout2. Truth typed by hand."""
from openpyxl import Workbook
from openpyxl.styles import Font

from common import L, per, save, truth

# ---------------------------------------------------------------- c01 cp1252 semicolon, French columns
c01 = """Fournisseur;Usinage Précis du Rhône SARL;;;;
Devis;UPR-26-5520;;;;
Date;07/12/2026;;;;
Devise;EUR;;;;
Conditions;30 jours fin de mois;;;;
Incoterm;FCA Villeurbanne;;;;
;;;;;
Réf. client;Réf. fournisseur;Désignation;Qté;Prix unitaire HT;Délai (sem.)
RH-1001;UPR-A1001;Bague d'étanchéité PTFE;1 000;0,92;3
RH-1001;UPR-A1001;Bague d'étanchéité PTFE;5 000;0,81;3
RH-1007;UPR-A1007;Axe inox 316L Ø6;500;4,35;4
RH-1012;UPR-A1012;Plaque alu 5083 usinée;200;27,80;6
"""
save("c01_cp1252_semicolon_refs_eur_fr.csv", c01.replace("\n", "\r\n"), truth(
    "csv", "fr", [1, 4, 6, 7],
    "Windows-1252 semicolon CSV with a key;value preamble, French customer/supplier reference columns, space thousands, decimal commas, breaks as repeated rows, lead time in weeks",
    {"supplier": "Usinage Précis du Rhône SARL", "quote_ref": "UPR-26-5520", "quote_date": "2026-12-07",
     "currency": "EUR", "payment_net_days": 30, "payment_basis": "end_of_month", "incoterm": "FCA",
     "incoterm_place": "Villeurbanne"},
    [
        L("RH-1001", "Bague d'étanchéité PTFE", [(1000, "0.92"), (5000, "0.81")], supplier_part="UPR-A1001",
          lead_time_days=21),
        L("RH-1007", "Axe inox 316L Ø6", [(500, "4.35")], supplier_part="UPR-A1007", lead_time_days=28),
        L("RH-1012", "Plaque alu 5083 usinée", [(200, "27.80")], supplier_part="UPR-A1012", lead_time_days=42),
    ]), encoding="cp1252")

# ---------------------------------------------------------------- c02 pipe, "Precio por" basis column, numeric break headers
c02 = """PROVEEDOR|Tornillería Industrial del Norte S.A. de C.V.||||||
COTIZACION|TIN-2026-0655||||||
FECHA|08/12/2026||||||
VIGENCIA|31/12/2026||||||
MONEDA|USD (dólares americanos)||||||
|||||||
No. Parte Cliente|Descripción|Precio por|500|2000|5000|Entrega
MX-4410|Tornillo hexagonal 3/8-16 x 1 gr.5|100|18.40|16.90|15.25|2 semanas
MX-4415|Tuerca hexagonal 3/8-16 gr.5|100|6.10|5.45|4.95|2 semanas
MX-4420|Rondana plana 3/8 zinc|1000|21.00|18.60|16.80|1 semana
"""
save("c02_pipe_precio_por_numeric_breaks_usd_es.csv", c02, truth(
    "csv", "es", [2, 4, 7],
    "pipe-delimited with a preamble; 'Precio por' column holding 100/1000; bare numeric break headers 500|2000|5000; USD stated in words in Mexico; day-first dates",
    {"supplier": "Tornillería Industrial del Norte S.A. de C.V.", "quote_ref": "TIN-2026-0655",
     "quote_date": "2026-12-08", "valid_until": "2026-12-31", "currency": "USD"},
    [
        L("MX-4410", "Tornillo hexagonal 3/8-16 x 1 gr.5",
          [(500, per("18.40", 100)), (2000, per("16.90", 100)), (5000, per("15.25", 100))],
          price_basis_qty=100, lead_time_days=14),
        L("MX-4415", "Tuerca hexagonal 3/8-16 gr.5",
          [(500, per("6.10", 100)), (2000, per("5.45", 100)), (5000, per("4.95", 100))],
          price_basis_qty=100, lead_time_days=14),
        L("MX-4420", "Rondana plana 3/8 zinc",
          [(500, per("21.00", 1000)), (2000, per("18.60", 1000)), (5000, per("16.80", 1000))],
          price_basis_qty=1000, lead_time_days=7),
    ]))

# ---------------------------------------------------------------- c03 UTF-16 TSV, Italian ERP export
c03 = "\n".join([
    "Esportazione offerte - SAP\t\t\t\t\t\t",
    "Fornitore\tMinuterie Lombarde S.p.A.\t\t\t\t\t",
    "Offerta\tOFF-2026-00981\t\t\t\t\t",
    "Data offerta\t09.12.2026\t\t\t\t\t",
    "Valuta\tEUR\t\t\t\t\t",
    "\t\t\t\t\t\t",
    "Cod. articolo cliente\tCod. articolo fornitore\tDescrizione\tQ.tà min.\tPrezzo unitario\tUnità\tConsegna gg",
    "LM-700\tML-70-0012\tRivetto a strappo 4x10 alluminio\t10.000\t0,0325\tpz\t15",
    "LM-700\tML-70-0012\tRivetto a strappo 4x10 alluminio\t50.000\t0,0289\tpz\t15",
    "LM-705\tML-70-0540\tInserto filettato M5 acciaio\t5.000\t0,118\tpz\t20",
    "LM-712\tML-71-0120\tDado autobloccante M8 inox A2\t2.000\t0,264\tpz\t20",
    "\t\t\t\t\t\t",
    "Pagamento\tRB 90 gg fm\t\t\t\t\t",
    "Resa\tFranco destino\t\t\t\t\t",
]) + "\n"
save("c03_utf16_tsv_erp_it.tsv", "\ufeff" + c03.replace("\n", "\r\n"), truth(
    "tsv", "it", [1, 4, 6, 7],
    "UTF-16LE TSV (BOM) ERP export with preamble and trailing terms rows; dotted thousands in quantities, decimal commas in prices; customer and supplier article columns; 90 gg fine mese; franco destino",
    {"supplier": "Minuterie Lombarde S.p.A.", "quote_ref": "OFF-2026-00981", "quote_date": "2026-12-09",
     "currency": "EUR", "payment_net_days": 90, "payment_basis": "end_of_month", "freight": "included"},
    [
        L("LM-700", "Rivetto a strappo 4x10 alluminio", [(10000, "0.0325"), (50000, "0.0289")],
          supplier_part="ML-70-0012", uom="H87", lead_time_days=15),
        L("LM-705", "Inserto filettato M5 acciaio", [(5000, "0.118")], supplier_part="ML-70-0540",
          uom="H87", lead_time_days=20),
        L("LM-712", "Dado autobloccante M8 inox A2", [(2000, "0.264")], supplier_part="ML-71-0120",
          uom="H87", lead_time_days=20),
    ]), encoding="utf-16-le")

# ---------------------------------------------------------------- c04 ERP export, terms on every row, Preiseinheit
hdr = "Lieferant,Angebotsnr,Angebotsdatum,Waehrung,Zahlungsbedingung,Lieferbedingung,Pos,Materialnr,Lief.-Art.-Nr.,Kurztext,Menge,ME,Preis,Preiseinheit,Lieferzeit (Tage)"
pre = '"Schwarzwald Präzision GmbH",AG-77120,10.12.2026,EUR,"30 Tage netto","FCA Villingen-Schwenningen"'
c04 = "\n".join([hdr,
                 pre + ',10,100-4471,SP-4471-02,"Welle 12x80 1.0718",1000,ST,"385,00",100,21',
                 pre + ',20,100-4472,SP-4472-01,"Buchse 20x15 1.4305",2500,ST,"142,50",100,21',
                 pre + ',30,100-4480,SP-4480-03,"Stift 4x20 gehaertet",10000,ST,"18,90",1000,14']) + "\n"
save("c04_erp_terms_every_row_preiseinheit_de.csv", c04, truth(
    "csv", "de", [1, 2, 6, 7],
    "SAP-like export: supplier, terms and Incoterm repeated on every row; Lief.-Art.-Nr. column; Preiseinheit 100/1000; quoted decimal commas",
    {"supplier": "Schwarzwald Präzision GmbH", "quote_ref": "AG-77120", "quote_date": "2026-12-10",
     "currency": "EUR", "payment_net_days": 30, "incoterm": "FCA",
     "incoterm_place": "Villingen-Schwenningen"},
    [
        L("100-4471", "Welle 12x80 1.0718", [(1000, per("385.00", 100))], supplier_part="SP-4471-02",
          uom="H87", price_basis_qty=100, lead_time_days=21),
        L("100-4472", "Buchse 20x15 1.4305", [(2500, per("142.50", 100))], supplier_part="SP-4472-01",
          uom="H87", price_basis_qty=100, lead_time_days=21),
        L("100-4480", "Stift 4x20 gehaertet", [(10000, per("18.90", 1000))], supplier_part="SP-4480-03",
          uom="H87", price_basis_qty=1000, lead_time_days=14),
    ]))

# ---------------------------------------------------------------- c05 numeric break headers + NRE column, GBP
c05 = """Midland Pressings Ltd - Quotation MP-26-3391 - 11 December 2026,,,,,,,
"All prices in GBP, ex works (EXW) Walsall. Payment 30 days end of month. Valid 45 days.",,,,,,,
,,,,,,,
Part No,Rev,Description,500,2000,5000,NRE,Lead time
MPL-101,B,Bracket LH 2mm Zintec,1.84,1.52,1.39,2650.00,5 weeks
MPL-102,B,Bracket RH 2mm Zintec,1.84,1.52,1.39,2650.00,5 weeks
MPL-115,A,Cable clip 0.8mm spring steel,0.41,0.33,0.29,,3 weeks
"""
save("c05_numeric_breaks_nre_column_gbp_en.csv", c05, truth(
    "csv", "en", [3, 4, 7],
    "comma CSV with a title row and a terms sentence; numeric break headers 500|2000|5000; NRE column (one-time, two parts each with its own tool); EOM terms",
    {"supplier": "Midland Pressings Ltd", "quote_ref": "MP-26-3391", "quote_date": "2026-12-11",
     "currency": "GBP", "validity_days": 45, "payment_net_days": 30, "payment_basis": "end_of_month",
     "incoterm": "EXW", "incoterm_place": "Walsall"},
    [
        L("MPL-101", "Bracket LH 2mm Zintec", [(500, "1.84"), (2000, "1.52"), (5000, "1.39")], revision="B",
          lead_time_days=35, tooling=[("NRE", "2650.00")]),
        L("MPL-102", "Bracket RH 2mm Zintec", [(500, "1.84"), (2000, "1.52"), (5000, "1.39")], revision="B",
          lead_time_days=35, tooling=[("NRE", "2650.00")]),
        L("MPL-115", "Cable clip 0.8mm spring steel", [(500, "0.41"), (2000, "0.33"), (5000, "0.29")],
          revision="A", lead_time_days=21),
    ]))

# ---------------------------------------------------------------- c06 TSV whose numbers hold commas, die charge row, AUD
c06 = "\n".join([
    "Supplier\tSouthern Cross Extrusions Pty Ltd\t\t\t",
    "Quote\tSCE-9912\t\t\t",
    "Date\t14/12/2026\t\t\t",
    "Valid until\t28/02/2027\t\t\t",
    "Currency\tAUD\t\t\t",
    "Terms\t30 days EOM, DAP Melbourne\t\t\t",
    "\t\t\t\t",
    "Part\tDescription\tQty\tUnit price\tLead time",
    "AU-301\t6063-T5 channel 25x25x3, 6.5 m length\t1,000\t12.85\t6 weeks",
    "AU-301\t6063-T5 channel 25x25x3, 6.5 m length\t2,500\t11.90\t6 weeks",
    "AU-318\tCustom heatsink profile 120 mm, anodised\t200\t1,245.00\t8 weeks",
    "AU-318\tExtrusion die charge (one-off)\t1\t4,600.00\t",
]) + "\n"
save("c06_tsv_comma_numbers_die_row_aud_en.tsv", c06, truth(
    "tsv", "en", [3, 4, 7],
    "TSV whose quantities and prices contain commas (split on tabs only); a die charge as a row under the part; terms in one cell; day-first dates",
    {"supplier": "Southern Cross Extrusions Pty Ltd", "quote_ref": "SCE-9912", "quote_date": "2026-12-14",
     "valid_until": "2027-02-28", "currency": "AUD", "payment_net_days": 30,
     "payment_basis": "end_of_month", "incoterm": "DAP", "incoterm_place": "Melbourne"},
    [
        L("AU-301", "6063-T5 channel 25x25x3, 6.5 m length", [(1000, "12.85"), (2500, "11.90")],
          lead_time_days=42),
        L("AU-318", "Custom heatsink profile 120 mm, anodised", [(200, "1245.00")], lead_time_days=56,
          tooling=[("Extrusion die charge (one-off)", "4600.00")]),
    ]))

# ---------------------------------------------------------------- c07 no-quote cells, tooling remark column, semicolon, EN/AUD -> NZD
c07 = """Kiwi Cast & Machine Ltd;;;;;
Quotation KCM-3320;;;;;
Date: 15 December 2026;;;;;
Prices in New Zealand dollars (NZ$), excl. GST. FOB Auckland. Payment: 20th of the month following invoice.;;;;;
;;;;;
Item;Customer part;Description;Qty;Unit price NZ$;Remarks
1;NZ-410;Pump impeller, LM25 sand cast, machined;100;148.00;Pattern NZ$ 3,900 one-off
2;NZ-411;Impeller housing, LM25;100;212.50;Pattern NZ$ 5,200 one-off
3;NZ-415;Stainless shaft 316, 25 dia;100;No quote;outside our capacity
4;NZ-420;Bronze wear ring;250;36.80;
"""
save("c07_semicolon_remarks_nobid_nzd_en.csv", c07, truth(
    "csv", "en", [3, 5, 7],
    "semicolon CSV: title lines, terms sentence (NZ$ in words, 20th of month following: no net days), pattern charges in a Remarks column, 'No quote' in the price cell with the reason in remarks",
    {"supplier": "Kiwi Cast & Machine Ltd", "quote_ref": "KCM-3320", "quote_date": "2026-12-15",
     "currency": "NZD", "incoterm": "FOB", "incoterm_place": "Auckland"},
    [
        L("NZ-410", "Pump impeller, LM25 sand cast, machined", [(100, "148.00")],
          tooling=[("Pattern", "3900")]),
        L("NZ-411", "Impeller housing, LM25", [(100, "212.50")], tooling=[("Pattern", "5200")]),
        L("NZ-415", "Stainless shaft 316, 25 dia", no_bid=True, no_bid_reason="outside our capacity"),
        L("NZ-420", "Bronze wear ring", [(250, "36.80")]),
    ]))


# ---------------------------------------------------------------- x01 numeric break headers (numbers), tooling column, header block
wb = Workbook()
ws = wb.active
ws.title = "Quote"
ws["A1"] = "QUOTATION"
ws["A1"].font = Font(bold=True, size=14)
for i, (k, v) in enumerate([("Supplier:", "Cascade Precision Molding LLC"), ("Quote #:", "CPM-26-0402"),
                            ("Date:", "12/15/2026"), ("Valid until:", "03/15/2027"),
                            ("Terms:", "Net 45"), ("Shipping:", "FOB Beaverton, OR - freight prepaid and added")], start=2):
    ws.cell(i, 1, k)
    ws.cell(i, 2, v)
ws.append([])
ws.append(["Customer Part #", "Our Part #", "Description", 500, 2000, 5000, "Tooling (one-time)", "Lead time"])
ws.append(["CX-100", "CPM-88100", "PP living-hinge clip", 0.58, 0.47, 0.42, 14500, "4 weeks"])
ws.append(["CX-110", "CPM-88110", "PA66 GF30 bracket", 1.36, 1.18, 1.09, 22800, "5 weeks"])
ws.append(["CX-120", "CPM-88120", "TPE grommet 12 mm", 0.29, 0.24, "-", None, "4 weeks"])
ws.append([])
ws.append(["Prices in USD per piece at the quantities in the column headers."])
buf = __import__("io").BytesIO()
wb.save(buf)
save("x01_numeric_break_headers_tooling_usd_en.xlsx", buf.getvalue(), truth(
    "xlsx", "en", [3, 4, 6, 7],
    "header block above the table; break headers are numeric cells 500|2000|5000 (2000 is not a year); 'Our Part #' supplier column; tooling column; '-' where no price; US dates as text",
    {"supplier": "Cascade Precision Molding LLC", "quote_ref": "CPM-26-0402", "quote_date": "2026-12-15",
     "valid_until": "2027-03-15", "currency": "USD", "payment_net_days": 45, "incoterm": "FOB",
     "incoterm_place": "Beaverton, OR", "freight": "extra"},
    [
        L("CX-100", "PP living-hinge clip", [(500, "0.58"), (2000, "0.47"), (5000, "0.42")],
          supplier_part="CPM-88100", lead_time_days=28, tooling=[("Tooling (one-time)", "14500")]),
        L("CX-110", "PA66 GF30 bracket", [(500, "1.36"), (2000, "1.18"), (5000, "1.09")],
          supplier_part="CPM-88110", lead_time_days=35, tooling=[("Tooling (one-time)", "22800")]),
        L("CX-120", "TPE grommet 12 mm", [(500, "0.29"), (2000, "0.24")], supplier_part="CPM-88120",
          lead_time_days=28),
    ]))

# ---------------------------------------------------------------- x02 merged price header with "pz" sub-headers, tooling in notes, Italian
wb = Workbook()
ws = wb.active
ws.title = "Offerta"
ws["A1"] = "Stampaggi Brianza S.r.l."
ws["A2"] = "Offerta n. SB-26-218 del 15/12/2026"
ws["A3"] = "Validità: 60 giorni - Pagamento: 30 gg d.f.f.m. - Resa: DAP Monza, trasporto incluso"
ws["A5"] = "Codice cliente"
ws["B5"] = "Codice fornitore"
ws["C5"] = "Descrizione"
ws["D5"] = "Prezzo unitario (€)"
ws.merge_cells("D5:F5")
ws["G5"] = "Note"
ws["D6"], ws["E6"], ws["F6"] = "100 pz", "500 pz", "1.000 pz"
for r in [("IT-900", "SB-900-12", "Staffa zincata 30x30", 0.98, 0.81, 0.74, ""),
          ("IT-905", "SB-905-02", "Piastra forata 60x40", 1.65, 1.38, 1.27, "consegna 3 settimane"),
          ("IT-910", "SB-910-01", "Clip di fissaggio inox", 0.46, 0.37, 0.33, "stampo € 6.500 una tantum")]:
    ws.append(list(r))
buf = __import__("io").BytesIO()
wb.save(buf)
save("x02_merged_price_header_notes_tooling_it.xlsx", buf.getvalue(), truth(
    "xlsx", "it", [3, 4, 5, 6, 7],
    "merged 'Prezzo unitario (€)' header over '100 pz | 500 pz | 1.000 pz' sub-headers; Codice cliente / Codice fornitore; a lead time and a mould charge written in a Note column; terms in one line",
    {"supplier": "Stampaggi Brianza S.r.l.", "quote_ref": "SB-26-218", "quote_date": "2026-12-15",
     "currency": "EUR", "validity_days": 60, "payment_net_days": 30, "payment_basis": "end_of_month",
     "incoterm": "DAP", "incoterm_place": "Monza", "freight": "included"},
    [
        L("IT-900", "Staffa zincata 30x30", [(100, "0.98"), (500, "0.81"), (1000, "0.74")],
          supplier_part="SB-900-12", uom="H87"),
        L("IT-905", "Piastra forata 60x40", [(100, "1.65"), (500, "1.38"), (1000, "1.27")],
          supplier_part="SB-905-02", uom="H87", lead_time_days=21),
        L("IT-910", "Clip di fissaggio inox", [(100, "0.46"), (500, "0.37"), (1000, "0.33")],
          supplier_part="SB-910-01", uom="H87", tooling=[("stampo", "6500")]),
    ]))

# ---------------------------------------------------------------- x03 matrix cable price list, PLN per metre, drums
wb = Workbook()
ws = wb.active
ws.title = "Cennik"
ws["A1"] = "Kabel-Pol Sp. z o.o. - Cennik nr CP-2026/12"
ws["A2"] = "Obowiązuje od 01.12.2026. Ceny netto w PLN za 1 m. Sprzedaż wyłącznie w pełnych bębnach po 500 m."
ws["A3"] = "Warunki dostawy: EXW Bydgoszcz. Płatność: 21 dni."
ws["A5"] = "Przewód YDY 450/750 V"
ws["B5"] = "Liczba żył"
ws.merge_cells("B5:E5")
ws.append(["Przekrój", 2, 3, 4, 5])
mat = {"1,5 mm²": [2.18, 3.05, 3.94, 4.86], "2,5 mm²": [3.42, 4.88, 6.31, 7.79], "4 mm²": [5.36, 7.72, 10.05, "—"]}
for k, v in mat.items():
    ws.append([k] + v)
buf = __import__("io").BytesIO()
wb.save(buf)
lines = []
for sec, sec_s in [("1,5 mm²", "1,5"), ("2,5 mm²", "2,5"), ("4 mm²", "4")]:
    for cores, price in zip([2, 3, 4, 5], mat[sec]):
        if price == "—":
            continue
        lines.append(L(None, "Przewód YDY %dx%s mm²" % (cores, sec_s), [(500, str(price))], uom="MTR",
                       moq=500, order_multiple=500))
save("x03_matrix_cable_per_metre_drums_pln_pl.xlsx", buf.getvalue(), truth(
    "xlsx", "pl", [1, 2],
    "matrix price list: cross-section rows x core-count columns under a merged 'Liczba żył' header, PLN per metre, sold only in 500 m drums (moq = multiple = 500), one '—' cell (no line); no part numbers, lines named 'Przewód YDY {cores}x{section} mm²'",
    {"supplier": "Kabel-Pol Sp. z o.o.", "quote_ref": "CP-2026/12", "quote_date": "2026-12-01",
     "currency": "PLN", "payment_net_days": 21, "incoterm": "EXW", "incoterm_place": "Bydgoszcz"},
    lines))

# ---------------------------------------------------------------- x04 buyer's template, table at C12, revision '-' placeholders
wb = Workbook()
ws = wb.active
ws.title = "Vendor Quote Form"
ws["C2"] = "ACME INDUSTRIAL - VENDOR QUOTE FORM"
for r, (k, v) in enumerate([("Vendor name", "Aceros y Maquinados Regiomontanos, S. de R.L. de C.V."),
                            ("Quote number", "AMR-Q-2612"), ("Quote date", "2026-12-16"),
                            ("Currency", "US Dollars"), ("Incoterm / place", "FCA Monterrey, NL, Mexico"),
                            ("Payment terms", "Net 60"), ("Quote validity", "45 days")], start=4):
    ws.cell(r, 3, k)
    ws.cell(r, 5, v)
ws.cell(12, 3, "Line")
for c, h in enumerate(["Acme P/N", "Rev", "Description", "Vendor P/N", "Qty", "Unit price", "Lead time (weeks)"], start=4):
    ws.cell(12, c, h)
rows = [(1, "AC-55010", "-", "Hub, 4140 QT, machined", "AMR-1188", 300, 27.40, 7),
        (2, "AC-55012", "D", "Flange, A36 plasma cut + machined", "AMR-1190", 500, 14.95, 6),
        (3, "AC-55020", "n/a", "Weld nut plate", "AMR-1202", 1000, 3.12, 4)]
for i, r in enumerate(rows, start=13):
    for c, v in enumerate(r, start=3):
        ws.cell(i, c, v)
buf = __import__("io").BytesIO()
wb.save(buf)
save("x04_buyer_template_table_at_c12_usd_en.xlsx", buf.getvalue(), truth(
    "xlsx", "en", [1, 6, 7],
    "buyer's vendor quote form filled by a Mexican supplier: header fields at C4:E10, table starting at C12; currency as 'US Dollars'; revision placeholders '-' and 'n/a'; Vendor P/N column; Incoterm place with state and country",
    {"supplier": "Aceros y Maquinados Regiomontanos, S. de R.L. de C.V.", "quote_ref": "AMR-Q-2612",
     "quote_date": "2026-12-16", "currency": "USD", "validity_days": 45, "payment_net_days": 60,
     "incoterm": "FCA", "incoterm_place": "Monterrey, NL, Mexico"},
    [
        L("AC-55010", "Hub, 4140 QT, machined", [(300, "27.40")], supplier_part="AMR-1188", lead_time_days=49),
        L("AC-55012", "Flange, A36 plasma cut + machined", [(500, "14.95")], supplier_part="AMR-1190",
          revision="D", lead_time_days=42),
        L("AC-55020", "Weld nut plate", [(1000, "3.12")], supplier_part="AMR-1202", lead_time_days=28),
    ]))

# ---------------------------------------------------------------- x05 three sheets: cover, prices, tooling
wb = Workbook()
ws = wb.active
ws.title = "Deckblatt"
for r in [("Angebot", "ANG-26-3310"), ("Datum", "17.12.2026"), ("Lieferant", "Erzgebirge Federn und Drahtbiegeteile GmbH"),
          ("Währung", "EUR"), ("Zahlungsbedingungen", "30 Tage netto, 10 Tage 3 % Skonto"),
          ("Lieferbedingungen", "EXW Annaberg-Buchholz"), ("Bindefrist", "31.03.2027")]:
    ws.append(list(r))
ws2 = wb.create_sheet("Preise")
ws2.append(["Sachnummer", "Benennung", "ab 250 Stk", "ab 1.000 Stk", "ab 5.000 Stk", "Lieferzeit"])
ws2.append(["DE-7700", "Druckfeder 1,2x10x30 Federstahl", 0.62, 0.44, 0.31, "3 Wochen"])
ws2.append(["DE-7705", "Zugfeder 0,8x6x25 Edelstahl", 0.78, 0.55, 0.41, "3 Wochen"])
ws2.append(["DE-7712", "Drahtbiegeteil Bügel 2,0", 1.24, 0.96, 0.82, "5 Wochen"])
ws3 = wb.create_sheet("Werkzeugkosten")
ws3.append(["Sachnummer", "Werkzeug", "Betrag EUR"])
ws3.append(["DE-7712", "Biegewerkzeug (einmalig)", 1850.00])
buf = __import__("io").BytesIO()
wb.save(buf)
save("x05_three_sheets_tooling_sheet_de.xlsx", buf.getvalue(), truth(
    "xlsx", "de", [1, 3, 4, 7],
    "three sheets: cover with terms (Bindefrist = valid until), price table with 'ab N Stk' break headers, a separate tooling sheet keyed by Sachnummer",
    {"supplier": "Erzgebirge Federn und Drahtbiegeteile GmbH", "quote_ref": "ANG-26-3310",
     "quote_date": "2026-12-17", "currency": "EUR", "valid_until": "2027-03-31", "payment_net_days": 30,
     "payment_discount_pct": "3", "payment_discount_days": 10, "incoterm": "EXW",
     "incoterm_place": "Annaberg-Buchholz"},
    [
        L("DE-7700", "Druckfeder 1,2x10x30 Federstahl", [(250, "0.62"), (1000, "0.44"), (5000, "0.31")],
          uom="H87", lead_time_days=21),
        L("DE-7705", "Zugfeder 0,8x6x25 Edelstahl", [(250, "0.78"), (1000, "0.55"), (5000, "0.41")],
          uom="H87", lead_time_days=21),
        L("DE-7712", "Drahtbiegeteil Bügel 2,0", [(250, "1.24"), (1000, "0.96"), (5000, "0.82")],
          uom="H87", lead_time_days=35, tooling=[("Biegewerkzeug (einmalig)", "1850.00")]),
    ]))

# ---------------------------------------------------------------- x06 breaks as rows, '$' with pesos, Spanish
wb = Workbook()
ws = wb.active
ws.title = "Cotización"
ws.append(["Plásticos Inyectados de Jalisco, S.A. de C.V."])
ws.append(["Cotización: PIJ-1762", "Fecha: 18/12/2026"])
ws.append(["Precios en pesos mexicanos, no incluyen IVA. Vigencia 30 días. Pago de contado contra entrega."])
ws.append([])
ws.append(["Número de parte", "Descripción", "Cantidad", "Precio unitario", "Tiempo de entrega"])
for r in [("MXP-300", "Tapa de polipropileno 80 mm", "2,000 pzas", "$4.85", "15 días"),
          ("MXP-300", "Tapa de polipropileno 80 mm", "10,000 pzas", "$4.10", "15 días"),
          ("MXP-300", "Tapa de polipropileno 80 mm", "25,000 pzas", "$3.72", "15 días"),
          ("MXP-310", "Contenedor HDPE 1 L", "1,000 pzas", "$18.40", "20 días"),
          ("MXP-310", "Contenedor HDPE 1 L", "5,000 pzas", "$16.95", "20 días")]:
    ws.append(list(r))
ws.append([])
ws.append(["Molde para MXP-310: $145,000.00 (pago único)"])
buf = __import__("io").BytesIO()
wb.save(buf)
save("x06_breaks_as_rows_unit_words_mxn_es.xlsx", buf.getvalue(), truth(
    "xlsx", "es", [3, 4, 7],
    "breaks written as rows with unit words in the quantity cells ('2,000 pzas'), '$' prices with pesos mexicanos stated in words, mould as a sentence under the table",
    {"supplier": "Plásticos Inyectados de Jalisco, S.A. de C.V.", "quote_ref": "PIJ-1762",
     "quote_date": "2026-12-18", "currency": "MXN", "validity_days": 30},
    [
        L("MXP-300", "Tapa de polipropileno 80 mm", [(2000, "4.85"), (10000, "4.10"), (25000, "3.72")],
          uom="H87", lead_time_days=15),
        L("MXP-310", "Contenedor HDPE 1 L", [(1000, "18.40"), (5000, "16.95")], uom="H87",
          lead_time_days=20, tooling=[("Molde", "145000.00")]),
    ]))

# ---------------------------------------------------------------- x07 unit column 'USD/1000pcs' vs 'USD/pc'
wb = Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["Formosa Passive Components Co., Ltd.", None, None, None, None])
ws.append(["Quotation No.: FPC-Q261218-7", None, None, None, None])
ws.append(["Date: 2026/12/18", None, None, None, "Validity: 2027/01/31"])
ws.append(["Payment: T/T 60 days", None, None, None, "Delivery term: FOB Keelung"])
ws.append([])
ws.append(["Customer P/N", "FPC P/N", "Description", "MOQ (pcs)", "Price", "Unit", "L/T"])
ws.append(["TW-R0402-10K", "FR04-103F", "Chip resistor 0402 10k 1%", 10000, 1.85, "USD/1000pcs", "4 wks"])
ws.append(["TW-C0603-104", "FC06-104K", "MLCC 0603 100nF X7R 50V", 4000, 4.20, "USD/1000pcs", "6 wks"])
ws.append(["TW-L1210-22U", "FL12-220M", "Power inductor 1210 22uH", 2000, 0.086, "USD/pc", "8 wks"])
buf = __import__("io").BytesIO()
wb.save(buf)
save("x07_unit_column_usd_per_1000pcs_en.xlsx", buf.getvalue(), truth(
    "xlsx", "en", [2, 6, 7],
    "Taiwanese distributor sheet: 'Unit' column holding USD/1000pcs or USD/pc; MOQ column; customer and own P/N; ISO-like slash dates; T/T 60 days",
    {"supplier": "Formosa Passive Components Co., Ltd.", "quote_ref": "FPC-Q261218-7",
     "quote_date": "2026-12-18", "valid_until": "2027-01-31", "currency": "USD", "payment_net_days": 60,
     "incoterm": "FOB", "incoterm_place": "Keelung"},
    [
        L("TW-R0402-10K", "Chip resistor 0402 10k 1%", [(10000, per("1.85", 1000))], supplier_part="FR04-103F",
          price_basis_qty=1000, moq=10000, uom="H87", lead_time_days=28),
        L("TW-C0603-104", "MLCC 0603 100nF X7R 50V", [(4000, per("4.20", 1000))], supplier_part="FC06-104K",
          price_basis_qty=1000, moq=4000, uom="H87", lead_time_days=42),
        L("TW-L1210-22U", "Power inductor 1210 22uH", [(2000, "0.086")], supplier_part="FL12-220M",
          moq=2000, uom="H87", lead_time_days=56),
    ]))
