"""CSV / TSV quotes (c01–c07)."""
from common import about, per, write_doc, write_truth, L

# ---------------------------------------------------------------- c01
name = "c01_utf16_tsv_erp_preamble_per_c_m_comma_numbers_usd_en.tsv"
rows = [
    ["Quote Report", ""],
    ["Company:", "Great Lakes Wire & Cable Inc."],
    ["Quote Num:", "GLW-Q-77120"],
    ["Quote Date:", "11/12/2025"],
    ["Customer:", "Sterling HVAC Systems, Attn: Brian Kowalski"],
    ["Expires:", "12/12/2025"],
    ["Currency:", "USD"],
    ["Terms:", "1% 15 Net 45"],
    ["FOB:", "Erie, PA"],
    [],
    ["Line", "Part", "Rev", "Description", "Qty", "UOM", "Unit Price", "Per", "Lead Time"],
    ["1", "SH-55201", "A", "Harness, thermostat 18AWG 5C, 36in", "1,000", "EA", "4,215.00", "M", "4 wks"],
    ["2", "SH-55201", "A", "Harness, thermostat 18AWG 5C, 36in", "5,000", "EA", "3,880.00", "M", "4 wks"],
    ["3", "SH-55230", "-", "Cordset 14/3 SJOOW 6 ft, molded plug", "500", "EA", "1,962.50", "C", "6 wks"],
    ["4", "SH-55245", "B", "Jumper 22AWG 6in, tin both ends", "10,000", "EA", "96.40", "M", "3 wks"],
    ["5", "SH-55245", "B", "Jumper 22AWG 6in, tin both ends", "50,000", "EA", "88.15", "M", "3 wks"],
]
text = "\r\n".join("\t".join(r) for r in rows) + "\r\n"
write_doc(name, b"\xff\xfe" + text.encode("utf-16-le"))
write_truth(name, {
    "about": about("tsv", "en", [1, 2, 4, 7], "UTF-16LE TSV ERP report: label/value preamble, numbers with thousands commas (tab-delimited), Per column M/C, breaks as rows, revision '-', US dates, 1% 15 Net 45, FOB City, ST"),
    "header": {"supplier": "Great Lakes Wire & Cable Inc.", "quote_ref": "GLW-Q-77120", "quote_date": "2025-11-12", "currency": "USD",
               "valid_until": "2025-12-12", "payment_net_days": 45, "payment_discount_pct": "1", "payment_discount_days": 15,
               "incoterm": "FOB", "incoterm_place": "Erie, PA"},
    "lines": [
        L(part_number="SH-55201", revision="A", description="Harness, thermostat 18AWG 5C, 36in", uom="EA", price_basis_qty="1000",
          breaks=[["1000", per("4215.00", 1000, "4.215")], ["5000", per("3880.00", 1000, "3.88")]], lead_time_days=28),
        L(part_number="SH-55230", description="Cordset 14/3 SJOOW 6 ft, molded plug", uom="EA", price_basis_qty="100",
          breaks=[["500", per("1962.50", 100, "19.625")]], lead_time_days=42),
        L(part_number="SH-55245", revision="B", description="Jumper 22AWG 6in, tin both ends", uom="EA", price_basis_qty="1000",
          breaks=[["10000", per("96.40", 1000, "0.0964")], ["50000", per("88.15", 1000, "0.08815")]], lead_time_days=21),
    ]})

# ---------------------------------------------------------------- c02
name = "c02_cp1252_semicolon_swiss_preis_pro_1000_ihre_art_nr_chf_de.csv"
text = """Offerte;OF-25-2291;;;;;
Datum;03.12.2025;;;;;
Lieferant;Präzisionsteile Emmental AG;;;;;
Währung;CHF;;;;;
Gültig bis;28.02.2026;;;;;
Zahlungskonditionen;30 Tage netto;;;;;
Lieferbedingung;DAP Thun;;;;;
;;;;;;
Ihre Art.-Nr.;Unsere Art.-Nr.;Bezeichnung;Werkstoff;Menge ab;Preis pro 1000 Stk.;Lieferfrist
TH-88-201;PE-4412;Distanzbolzen M4x12;1.4305;5'000;1'250.00;3 Wochen
TH-88-201;PE-4412;Distanzbolzen M4x12;1.4305;20'000;1'090.00;3 Wochen
TH-88-214;PE-4420;Gewindehülse M6;CuZn39Pb3;2'000;2'480.00;4 Wochen
TH-88-230;PE-4431;Achse Ø3x28 h6;1.4034;10'000;612.50;5 Wochen
"""
write_doc(name, text.replace("\n", "\r\n"), encoding="cp1252")
write_truth(name, {
    "about": about("csv", "de", [2, 4, 6, 7], "Windows-1252 semicolon CSV with a label/value preamble, Swiss apostrophe thousands, 'Preis pro 1000 Stk.', Ihre/Unsere Art.-Nr., 'Menge ab' breaks as rows, lead time in weeks"),
    "header": {"supplier": "Präzisionsteile Emmental AG", "quote_ref": "OF-25-2291", "quote_date": "2025-12-03", "currency": "CHF",
               "valid_until": "2026-02-28", "payment_net_days": 30, "incoterm": "DAP", "incoterm_place": "Thun"},
    "lines": [
        L(part_number="TH-88-201", supplier_part="PE-4412", description="Distanzbolzen M4x12", uom="H87", price_basis_qty="1000",
          breaks=[["5000", per("1250.00", 1000, "1.25")], ["20000", per("1090.00", 1000, "1.09")]], lead_time_days=21),
        L(part_number="TH-88-214", supplier_part="PE-4420", description="Gewindehülse M6", uom="H87", price_basis_qty="1000",
          breaks=[["2000", per("2480.00", 1000, "2.48")]], lead_time_days=28),
        L(part_number="TH-88-230", supplier_part="PE-4431", description="Achse Ø3x28 h6", uom="H87", price_basis_qty="1000",
          breaks=[["10000", per("612.50", 1000, "0.6125")]], lead_time_days=35),
    ]})

# ---------------------------------------------------------------- c03
name = "c03_pipe_hinta_per_100_kpl_muotti_ei_tarjota_eur_fi.csv"
text = """Tarjous 2025-1187 | Pohjolan Muovi Oy | 05.12.2025
Voimassa 31.01.2026 asti. Maksuehto 14 pv netto. Toimitusehto FCA Tampere.
Asiakkaan nimike|Toimittajan nimike|Kuvaus|Määrä (kpl)|Hinta / 100 kpl EUR|Muottikustannus EUR|Toimitusaika
PM-4410|PO-10021|Suojakansi PP harmaa|2 000|86,40|9 800,00|4 viikkoa
PM-4410|PO-10021|Suojakansi PP harmaa|10 000|71,20||4 viikkoa
PM-4432|PO-10045|Kaapeliläpivienti TPE|5 000|23,90||3 viikkoa
PM-4450||Kiinnityskorvake PA6 GF30|1 000|ei tarjota||
"""
write_doc(name, text)
write_truth(name, {
    "about": about("csv", "fi", [2, 3, 4, 6, 7], "pipe-delimited with a free-text preamble (ref, supplier, date, validity, terms), 'Hinta / 100 kpl', mould column filled on the part's first break row only, breaks as rows, 'ei tarjota' no-bid, lead time in weeks"),
    "header": {"supplier": "Pohjolan Muovi Oy", "quote_ref": "2025-1187", "quote_date": "2025-12-05", "currency": "EUR",
               "valid_until": "2026-01-31", "payment_net_days": 14, "incoterm": "FCA", "incoterm_place": "Tampere"},
    "lines": [
        L(part_number="PM-4410", supplier_part="PO-10021", description="Suojakansi PP harmaa", uom="H87", price_basis_qty="100",
          breaks=[["2000", per("86.40", 100, "0.864")], ["10000", per("71.20", 100, "0.712")]], lead_time_days=28,
          tooling=[["Muottikustannus", "9800.00"]]),
        L(part_number="PM-4432", supplier_part="PO-10045", description="Kaapeliläpivienti TPE", uom="H87", price_basis_qty="100",
          breaks=[["5000", per("23.90", 100, "0.239")]], lead_time_days=21),
        L(part_number="PM-4450", description="Kiinnityskorvake PA6 GF30", no_bid=True, no_bid_reason="ei tarjota"),
    ]})

# ---------------------------------------------------------------- c04
name = "c04_breaks_from_qty_rows_tooling_die_rows_eom_aud_en.csv"
text = """Supplier,Southern Cross Extrusions Pty Ltd,,,,
Quote,SCE-25-0419,,,,
Date,09-Dec-2025,,,,
Currency,AUD,,,,
Valid,30 days,,,,
Terms,30 days EOM,,,,
Delivery,"FCA Dandenong South, VIC",,,,
,,,,,
Item,Description,From Qty,Unit Price,Per,Notes
EX-6063-201,"Channel 40x20x2, 6063-T5 mill finish, 6.5 m lengths",50,48.90,length,
EX-6063-201,,200,44.75,length,
EX-6063-201,,500,42.10,length,
Tooling - die EX-6063-201,,1,"1,850.00",lot,one-off die charge
EX-6060-330,"Heatsink profile 120 wide, 6060-T5 clear anodised, 3 m",100,61.20,length,
EX-6060-330,,400,57.80,length,
Tooling - die EX-6060-330,,1,"2,600.00",lot,one-off die charge
EX-6063-412,"Angle 25x25x3, 6063-T5 mill, 6.5 m lengths",100,19.85,length,stock die - no tooling
,,,,,
All lengths cut +/- 2 mm. Lead time 4 weeks from die approval; stock die items 2 weeks.,,,,,
"""
write_doc(name, text)
write_truth(name, {
    "about": about("csv", "en", [1, 3, 4, 7], "comma CSV with a label/value preamble, 'From Qty' breaks as rows with blank repeats, die charges as their own rows naming the part, 30 days EOM, Incoterm place with state, lead time by kind in a trailing remark"),
    "header": {"supplier": "Southern Cross Extrusions Pty Ltd", "quote_ref": "SCE-25-0419", "quote_date": "2025-12-09", "currency": "AUD",
               "validity_days": 30, "payment_net_days": 30, "payment_basis": "end_of_month", "incoterm": "FCA",
               "incoterm_place": "Dandenong South, VIC"},
    "lines": [
        L(part_number="EX-6063-201", description="Channel 40x20x2, 6063-T5 mill finish, 6.5 m lengths",
          breaks=[["50", "48.90"], ["200", "44.75"], ["500", "42.10"]], lead_time_days=28, tooling=[["die", "1850.00"]]),
        L(part_number="EX-6060-330", description="Heatsink profile 120 wide, 6060-T5 clear anodised, 3 m",
          breaks=[["100", "61.20"], ["400", "57.80"]], lead_time_days=28, tooling=[["die", "2600.00"]]),
        L(part_number="EX-6063-412", description="Angle 25x25x3, 6063-T5 mill, 6.5 m lengths",
          breaks=[["100", "19.85"]], lead_time_days=14),
    ]})

# ---------------------------------------------------------------- c05
name = "c05_price_list_vs_rfq_decoys_lakh_inr_en.csv"
items = [  # code, description, unit, moq, price as printed, price typed
    ("SGE-MCB-C06-1P", "MCB C-curve 6A 1 pole 10kA", "Nos", "12", "184.00", "184.00"),
    ("SGE-MCB-C16-1P", "MCB C-curve 16A 1 pole 10kA", "Nos", "12", "184.00", "184.00"),
    ("SGE-MCB-C32-2P", "MCB C-curve 32A 2 pole 10kA", "Nos", "6", "512.50", "512.50"),
    ("SGE-MCB-C63-3P", "MCB C-curve 63A 3 pole 10kA", "Nos", "4", "1,486.00", "1486.00"),
    ("SGE-RCCB-40-4P", "RCCB 40A 4 pole 30mA", "Nos", "2", "3,215.00", "3215.00"),
    ("SGE-MCCB-250-3P", "MCCB 250A 3 pole 36kA thermal-magnetic", "Nos", "1", "18,940.00", "18940.00"),
    ("SGE-ACB-1600-4P", "ACB 1600A 4 pole draw-out 50kA", "Nos", "1", "1,86,400.00", "186400.00"),
    ("SGE-DB-8W-TPN", "Distribution board 8 way TPN double door", "Nos", "1", "4,870.00", "4870.00"),
    ("SGE-CBL-4C16", "Armoured cable 4C x 16 sq mm Al XLPE", "Mtr", "100", "262.40", "262.40"),
    ("SGE-CBL-4C25", "Armoured cable 4C x 25 sq mm Al XLPE", "Mtr", "100", "348.75", "348.75"),
    ("SGE-CBL-3C2.5", "Flexible cable 3C x 2.5 sq mm Cu FR", "Mtr", "90", "118.20", "118.20"),
    ("SGE-LUG-16", "Crimping lug Al 16 sq mm", "Nos", "100", "6.85", "6.85"),
    ("SGE-LUG-25", "Crimping lug Al 25 sq mm", "Nos", "100", "8.40", "8.40"),
    ("SGE-GLD-25", "Cable gland brass double compression 25 mm", "Nos", "25", "142.00", "142.00"),
    ("SGE-TRY-100", "Cable tray perforated 100 mm GI 2.5 m", "Nos", "10", "1,095.00", "1095.00"),
    ("SGE-CON-32A", "Power contactor 32A 3 pole 230V AC coil", "Nos", "2", "2,348.00", "2348.00"),
]
lines = ["Shree Ganesh Electricals Pvt. Ltd.,,,,,",
         "\"Price List PL/2025-26/07, effective 01.12.2025\",,,,,",
         "\"All prices in Indian Rupees (INR) per unit, GST 18% extra, ex-godown Pune\",,,,,",
         ",,,,,",
         "Sr.,Item Code,Description,Unit,Min. Qty,Rate (Rs.)"]
for i, (code, desc, unit, moq, printed, _) in enumerate(items, 1):
    lines.append(f'{i},{code},"{desc}",{unit},{moq},"{printed}"')
lines += [",,,,,", "\"Rates subject to change without notice. Payment: 30 days from date of invoice.\",,,,,"]
write_doc(name, "\r\n".join(lines) + "\r\n")
rfq = {"rfq": "PUR/RFQ/2025/311", "currency": "INR", "lines": [
    {"line": "1", "part_number": "SGE-MCB-C32-2P", "description": "MCB 32A 2 pole C curve", "quantities": ["24"]},
    {"line": "2", "part_number": "SGE-CBL-4C16", "description": "Armoured cable 4C 16 sq mm aluminium", "quantities": ["500"]},
    {"line": "3", "part_number": "PUR-7781", "description": "MCB C-curve 32A 4 pole 10kA", "quantities": ["12"]},
    {"line": "4", "part_number": "PUR-7790", "description": "Armoured cable 4C x 35 sq mm Al XLPE", "quantities": ["300"]},
]}
tl = []
for code, desc, unit, moq, _, price in items:
    ln = L(part_number=code, description=desc, uom="MTR" if unit == "Mtr" else "H87", breaks=[[moq, price]], moq=moq)
    if code == "SGE-MCB-C32-2P":
        ln["rfq_line"] = "1"
    if code == "SGE-CBL-4C16":
        ln["rfq_line"] = "2"
    tl.append(ln)
write_truth(name, {
    "about": about("csv", "en", [6, 7], "distributor price list (16 lines, Indian lakh grouping '1,86,400.00', Rs.) against an RFQ: two lines match by part number, two decoy RFQ lines share description words with list lines and must match nothing; min. qty column is MOQ and the price's quantity"),
    "header": {"supplier": "Shree Ganesh Electricals Pvt. Ltd.", "quote_ref": "PL/2025-26/07", "quote_date": "2025-12-01", "currency": "INR",
               "payment_net_days": 30},
    "lines": tl}, rfq)

# ---------------------------------------------------------------- c06
name = "c06_cp1250_semicolon_egysegar_100_db_szerszam_huf_hu.csv"
text = """Árajánlat száma:;AJ-2025/1342;;;;;
Kelt:;2025.12.02.;;;;;
Szállító:;Dunántúli Fémfeldolgozó Kft.;;;;;
Pénznem:;HUF;;;;;
Fizetési feltétel:;átutalás 30 nap;;;;;
Paritás:;FCA Győr;;;;;
Érvényes:;2026.01.15.;;;;;
;;;;;;
Vevői cikkszám;Szállítói cikkszám;Megnevezés;Mennyiség (db);Egységár (Ft/100 db);Szerszámköltség (Ft);Szállítási idő
VG-7710;DF-3301;Rögzítőfül horganyzott;5 000;4 850;380 000;4 hét
VG-7710;DF-3301;Rögzítőfül horganyzott;20 000;4 210;;4 hét
VG-7725;DF-3318;Zárólemez 2 mm;2 000;12 600;;5 hét
VG-7731;DF-3325;Távtartó persely;10 000;1 940;;3 hét
"""
write_doc(name, text.replace("\n", "\r\n"), encoding="cp1250")
write_truth(name, {
    "about": about("csv", "hu", [2, 3, 4, 6, 7], "Windows-1250 semicolon CSV, Hungarian label/value preamble with dotted dates, 'Egységár (Ft/100 db)', Vevői/Szállítói cikkszám, die-cost column on the first break row, breaks as rows, lead time in weeks"),
    "header": {"supplier": "Dunántúli Fémfeldolgozó Kft.", "quote_ref": "AJ-2025/1342", "quote_date": "2025-12-02", "currency": "HUF",
               "valid_until": "2026-01-15", "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Győr"},
    "lines": [
        L(part_number="VG-7710", supplier_part="DF-3301", description="Rögzítőfül horganyzott", uom="H87", price_basis_qty="100",
          breaks=[["5000", per("4850", 100, "48.5")], ["20000", per("4210", 100, "42.1")]], lead_time_days=28,
          tooling=[["Szerszámköltség", "380000"]]),
        L(part_number="VG-7725", supplier_part="DF-3318", description="Zárólemez 2 mm", uom="H87", price_basis_qty="100",
          breaks=[["2000", per("12600", 100, "126")]], lead_time_days=35),
        L(part_number="VG-7731", supplier_part="DF-3325", description="Távtartó persely", uom="H87", price_basis_qty="100",
          breaks=[["10000", per("1940", 100, "19.4")]], lead_time_days=21),
    ]})

# ---------------------------------------------------------------- c07
name = "c07_tsv_terms_every_row_per_100m_coils_drums_nok_no.tsv"
head = ["Leverandør", "Tilbudsnr", "Dato", "Valuta", "Betingelser", "Levering", "Varenr", "Deres varenr", "Beskrivelse",
        "Salgsenhet", "Pris", "Pris pr", "Enhet", "Leveringstid"]
common = ["Vestlandet Kabel AS", "T-25-8830", "01.12.2025", "NOK", "30 dager netto", "FCA Bergen"]
body = [
    ["VK-1201", "NK-44010", "PFSP 2x1,5 mm² halogenfri", "kveil 100 m", "1 845,00", "100 m", "m", "1 uke"],
    ["VK-1203", "NK-44012", "PFSP 3x2,5 mm² halogenfri", "kveil 100 m", "2 960,00", "100 m", "m", "1 uke"],
    ["VK-1410", "NK-44030", "BFOU(i) 4x1,5 mm² 250V", "trommel 500 m", "3 120,00", "100 m", "m", "3 uker"],
    ["VK-1420", "NK-44034", "BFOU(c) 7x1,0 mm² skjermet", "trommel 500 m", "4 480,00", "100 m", "m", "3 uker"],
]
text = "\t".join(head) + "\n" + "".join("\t".join(common + r) + "\n" for r in body)
write_doc(name, text)
coil = dict(uom="MTR", price_basis_qty="100", moq="100", order_multiple="100", lead_time_days=7)
drum = dict(uom="MTR", price_basis_qty="100", moq="500", order_multiple="500", lead_time_days=21)
write_truth(name, {
    "about": about("tsv", "no", [1, 2, 7], "TSV ERP export with supplier/quote/date/currency/terms/Incoterm repeated on every row; cable priced per 100 m ('Pris pr' column), sold in 100 m coils or 500 m drums (MOQ and multiple), our vs your article numbers"),
    "header": {"supplier": "Vestlandet Kabel AS", "quote_ref": "T-25-8830", "quote_date": "2025-12-01", "currency": "NOK",
               "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Bergen"},
    "lines": [
        L(part_number="NK-44010", supplier_part="VK-1201", description="PFSP 2x1,5 mm² halogenfri",
          breaks=[["100", per("1845.00", 100, "18.45")]], **coil),
        L(part_number="NK-44012", supplier_part="VK-1203", description="PFSP 3x2,5 mm² halogenfri",
          breaks=[["100", per("2960.00", 100, "29.6")]], **coil),
        L(part_number="NK-44030", supplier_part="VK-1410", description="BFOU(i) 4x1,5 mm² 250V",
          breaks=[["500", per("3120.00", 100, "31.2")]], **drum),
        L(part_number="NK-44034", supplier_part="VK-1420", description="BFOU(c) 7x1,0 mm² skjermet",
          breaks=[["500", per("4480.00", 100, "44.8")]], **drum),
    ]})
print("delim ok")
