"""Delimited exports: ERP CSV with terms on every row, Windows-1252 semicolon CSV,
UTF-16 TSV with comma numbers, pipe-delimited Italian export. Truth written by hand."""
from common import about, write_doc, write_truth

# ---------------------------------------------------------------- c01: ERP export, terms repeated, Price UOM C/M/EA
hdr = ('"Quote No","Quote Date","Vendor","Vendor Item","Customer Item","Rev","Description","Qty Break",'
       '"Unit Price","Price UOM","UOM","Currency","Lead Time (days)","Payment Terms","Ship Terms","Valid To"')
common = '"SQ-100482","03/18/2025","Great Lakes Fastener Corp."'
tail = '"EA","USD","21","NET 45","FCA Toledo, OH","06/16/2025"'
rows = [
    '"GLF-8817","100-2231","A","HEX BOLT 3/8-16 X 1-1/4 GR8 ZINC YELLOW","5000","142.50","M"',
    '"GLF-8817","100-2231","A","HEX BOLT 3/8-16 X 1-1/4 GR8 ZINC YELLOW","25000","128.00","M"',
    '"GLF-2290","100-2240","-","FLAT WASHER 3/8 SAE ZINC","10000","18.75","M"',
    '"GLF-5512","100-2255","C","NYLON INSERT LOCK NUT 3/8-16 ZINC","5000","9.60","C"',
    '"GLF-7001","100-2290","B","SOCKET HEAD CAP SCREW M8X30 12.9 BLACK OXIDE","1000","0.315","EA"',
]
body = "\r\n".join([hdr] + [f"{common},{r},{tail}" for r in rows]) + "\r\n"
write_doc("c01_erp_terms_every_row_en.csv", body)
write_truth("c01_erp_terms_every_row_en.csv", {
    "about": about("csv", "en", [1, 2, 6, 7],
                   "ERP export: quote number, vendor, terms and validity repeated on every row; Price UOM column M/C/EA; vendor item column; rev '-'; US month-first dates"),
    "header": {
        "supplier": "Great Lakes Fastener Corp.",
        "quote_ref": "SQ-100482",
        "quote_date": "2025-03-18",
        "currency": "USD",
        "valid_until": "2025-06-16",
        "payment_net_days": 45,
        "incoterm": "FCA",
        "incoterm_place": "Toledo, OH",
    },
    "lines": [
        {"part_number": "100-2231", "supplier_part": "GLF-8817", "revision": "A",
         "description": "HEX BOLT 3/8-16 X 1-1/4 GR8 ZINC YELLOW", "uom": "H87", "price_basis_qty": "1000",
         "breaks": [["5000", "0.1425"], ["25000", "0.128"]], "lead_time_days": 21},
        {"part_number": "100-2240", "supplier_part": "GLF-2290", "description": "FLAT WASHER 3/8 SAE ZINC",
         "uom": "H87", "price_basis_qty": "1000", "breaks": [["10000", "0.01875"]], "lead_time_days": 21},
        {"part_number": "100-2255", "supplier_part": "GLF-5512", "revision": "C",
         "description": "NYLON INSERT LOCK NUT 3/8-16 ZINC", "uom": "H87", "price_basis_qty": "100",
         "breaks": [["5000", "0.096"]], "lead_time_days": 21},
        {"part_number": "100-2290", "supplier_part": "GLF-7001", "revision": "B",
         "description": "SOCKET HEAD CAP SCREW M8X30 12.9 BLACK OXIDE", "uom": "H87",
         "breaks": [["1000", "0.315"]], "lead_time_days": 21},
    ],
})

# ---------------------------------------------------------------- c02: Windows-1252, semicolon, German, breaks as rows
c02 = """Angebot;A-2025-00731;;;;;;;
Lieferant;Schwarzwälder Federnfabrik GmbH;;;;;;;
Datum;12.03.2025;;;;;;;
Währung;EUR;;;;;;;
;;;;;;;;
Ihre Sachnummer;Unsere Art.-Nr.;Index;Benennung;Staffel ab;ME;Preis;Preiseinheit;Lieferzeit
4711-0815;SFF-DF-2010;-;Druckfeder 1,0x8,5x20 DIN 2098;1.000;Stk;86,20;1000;3 Wochen
4711-0815;SFF-DF-2010;-;Druckfeder 1,0x8,5x20 DIN 2098;5.000;Stk;71,40;1000;3 Wochen
4711-0822;SFF-ZF-0412;B;Zugfeder 0,8x6x32 mit Öse;2.000;Stk;14,35;100;4 Wochen
4711-0822;SFF-ZF-0412;B;Zugfeder 0,8x6x32 mit Öse;10.000;Stk;11,90;100;4 Wochen
4711-0830;SFF-SF-3300;n/a;Schenkelfeder 1,5 mm 90° links;500;Stk;0,64;1;5 Wochen
;;;;;;;;
Zahlungsbedingungen;30 Tage netto;;;;;;;
Lieferbedingungen;FCA Schramberg;;;;;;;
Fracht;zzgl. Fracht;;;;;;;
Gültigkeit;60 Tage;;;;;;;
"""
write_doc("c02_cp1252_semicolon_de.csv", c02.replace("\n", "\r\n").encode("cp1252"))
write_truth("c02_cp1252_semicolon_de.csv", {
    "about": about("csv", "de", [1, 2, 4, 6, 7],
                   "Windows-1252 semicolon CSV with key/value preamble and terms after the table; breaks as repeated rows; Preiseinheit column 1000/100/1; 'Ihre Sachnummer' vs 'Unsere Art.-Nr.'; Index '-' and 'n/a'"),
    "header": {
        "supplier": "Schwarzwälder Federnfabrik GmbH",
        "quote_ref": "A-2025-00731",
        "quote_date": "2025-03-12",
        "currency": "EUR",
        "validity_days": 60,
        "payment_net_days": 30,
        "incoterm": "FCA",
        "incoterm_place": "Schramberg",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "4711-0815", "supplier_part": "SFF-DF-2010", "description": "Druckfeder 1,0x8,5x20 DIN 2098",
         "uom": "H87", "price_basis_qty": "1000", "breaks": [["1000", "0.0862"], ["5000", "0.0714"]], "lead_time_days": 21},
        {"part_number": "4711-0822", "supplier_part": "SFF-ZF-0412", "revision": "B",
         "description": "Zugfeder 0,8x6x32 mit Öse", "uom": "H87", "price_basis_qty": "100",
         "breaks": [["2000", "0.1435"], ["10000", "0.119"]], "lead_time_days": 28},
        {"part_number": "4711-0830", "supplier_part": "SFF-SF-3300", "description": "Schenkelfeder 1,5 mm 90° links",
         "uom": "H87", "breaks": [["500", "0.64"]], "lead_time_days": 35},
    ],
})

# ---------------------------------------------------------------- c03: UTF-16 TSV, comma thousands, tooling column, totals row
c03 = ("Supplier Quote Export\n"
       "Supplier:\tCascade Polymer Molding, Inc.\n"
       "Quote #:\tCPM-7720\n"
       "Quote Date:\t2025-01-09\n"
       "Terms:\tNet 30\n"
       "Currency:\tUSD\n"
       "\n"
       "Line\tCustomer P/N\tDescription\tQty\tUnit Price\tExt. Price\tTooling\tLead Time\n"
       "1\t77-1020-01\tKnob, 30 mm, PC/ABS, black\t2,500\t1.245\t3,112.50\t12,400.00\t6 weeks\n"
       "2\t77-1020-02\tKnob, 40 mm, PC/ABS, black\t2,500\t1.390\t3,475.00\t13,150.00\t6 weeks\n"
       "3\t77-1044-00\tBezel, display window, PC clear\t1,000\t3.870\t3,870.00\t21,800.00\t8 weeks\n"
       "\n"
       "\tTotal\t\t\t\t10,457.50\t47,350.00\t\n"
       "\n"
       "Tooling is a one-time charge, payable 50% with PO and 50% on T1 sample approval.\n")
write_doc("c03_utf16_tsv_en.tsv", c03.replace("\n", "\r\n").encode("utf-16"))
write_truth("c03_utf16_tsv_en.tsv", {
    "about": about("tsv", "en", [1, 3, 4],
                   "UTF-16 (BOM) TSV with a key/value preamble, comma thousands inside tab-separated numbers, tooling as a column, extended prices and a totals row"),
    "header": {
        "supplier": "Cascade Polymer Molding, Inc.",
        "quote_ref": "CPM-7720",
        "quote_date": "2025-01-09",
        "currency": "USD",
        "payment_net_days": 30,
        "total": "10457.50",
    },
    "lines": [
        {"part_number": "77-1020-01", "description": "Knob, 30 mm, PC/ABS, black", "quantity": "2500",
         "line_total": "3112.50", "breaks": [["2500", "1.245"]], "lead_time_days": 42,
         "tooling": [["Tooling", "12400.00"]]},
        {"part_number": "77-1020-02", "description": "Knob, 40 mm, PC/ABS, black", "quantity": "2500",
         "line_total": "3475.00", "breaks": [["2500", "1.39"]], "lead_time_days": 42,
         "tooling": [["Tooling", "13150.00"]]},
        {"part_number": "77-1044-00", "description": "Bezel, display window, PC clear", "quantity": "1000",
         "line_total": "3870.00", "breaks": [["1000", "3.87"]], "lead_time_days": 56,
         "tooling": [["Tooling", "21800.00"]]},
    ],
})

# ---------------------------------------------------------------- c04: pipe-delimited Italian, EUR/1000 pz unit column
c04 = """FORNITORE|Guarnital S.p.A.|||||||
OFFERTA N.|OF/25/0412|||||||
DATA|22/01/2025|||||||
PAGAMENTO|RI.BA. 90 GG F.M.|||||||
RESA|FRANCO DESTINO|||||||
|||||||
CODICE CLIENTE|CODICE FORNITORE|DESCRIZIONE|REV.|Q.TA MIN.|PREZZO|UM PREZZO|CONSEGNA
A-30117|OR-2010-N|O-RING NBR 70 SH 20X2|n/a|10000|38,50|EUR/1000 PZ|PRONTA
A-30118|OR-2512-V|O-RING FKM 75 SH 25X2,5|n/a|5000|112,00|EUR/1000 PZ|4 SETTIMANE
A-30140|PT-660|PARAOLIO 35X52X7 NBR|C|1000|0,94|EUR/PZ|6 SETTIMANE
"""
write_doc("c04_pipe_eur_per_1000_it.csv", c04.replace("\n", "\r\n"))
write_truth("c04_pipe_eur_per_1000_it.csv", {
    "about": about("csv", "it", [2, 6, 7],
                   "pipe-delimited export: unit column 'EUR/1000 PZ' vs 'EUR/PZ', minimum quantity column, CODICE CLIENTE vs CODICE FORNITORE, REV n/a, RI.BA. 90 gg f.m., franco destino"),
    "header": {
        "supplier": "Guarnital S.p.A.",
        "quote_ref": "OF/25/0412",
        "quote_date": "2025-01-22",
        "currency": "EUR",
        "payment_net_days": 90,
        "payment_basis": "end_of_month",
        "freight": "included",
    },
    "lines": [
        {"part_number": "A-30117", "supplier_part": "OR-2010-N", "description": "O-RING NBR 70 SH 20X2", "uom": "H87",
         "price_basis_qty": "1000", "breaks": [["10000", "0.0385"]], "moq": "10000", "lead_time_days": 0},
        {"part_number": "A-30118", "supplier_part": "OR-2512-V", "description": "O-RING FKM 75 SH 25X2,5", "uom": "H87",
         "price_basis_qty": "1000", "breaks": [["5000", "0.112"]], "moq": "5000", "lead_time_days": 28},
        {"part_number": "A-30140", "supplier_part": "PT-660", "revision": "C", "description": "PARAOLIO 35X52X7 NBR",
         "uom": "H87", "breaks": [["1000", "0.94"]], "moq": "1000", "lead_time_days": 42},
    ],
})
print("delimited: 4 documents")
