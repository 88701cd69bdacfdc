"""Truth for the real documents in dev/r0*.xml (copied unchanged from public repositories;
sources and licences in ../README.md). Written by hand from the documents; e-invoice
mapping: quote_ref = invoice number, quote_date = issue date, total = grand total incl.
tax, SellersItemIdentification = supplier_part, BuyersItemIdentification = part_number,
each line one break [invoiced quantity, net unit price]."""
from common import about, write_truth

SRC = "real: ConnectingEurope/eInvoicing-EN16931@{c}:{p} ({l})"

write_truth("r01_ubl_discount_price_hr.xml", {
    "about": about("xml", "hr", [7], "UBL test invoice from Croatia: 4-decimal net price after a price discount, no part number",
                   SRC.format(c="7ce3772aff315588f37e38b509173f253d340e45", p="ubl/examples/sample-discount-price.xml", l="EUPL-1.2")),
    "header": {"supplier": "HEP SPLIT", "quote_ref": "test decimal 1", "quote_date": "2018-02-05",
               "currency": "EUR", "total": "15.15"},
    "lines": [{"description": "stavka 1", "uom": "EA", "quantity": "100", "line_total": "12.12",
               "breaks": [["100", "0.1212"]]}],
})

write_truth("r02_cii_example4_dkk.xml", {
    "about": about("xml", "en", [6, 7], "CII example 4 (domestic payment): seller item ids, DKK, buyer and contact person named",
                   SRC.format(c="0995d598f4ee7ed3c20b37ecec7719ea1ceaeef7", p="cii/examples/CII_example4.xml", l="Apache-2.0")),
    "header": {"supplier": "SellerCompany", "quote_ref": "TOSL110", "quote_date": "2013-04-10",
               "currency": "DKK", "total": "4675"},
    "lines": [
        {"supplier_part": "JB007", "description": "Printing paper, 2mm", "uom": "C62", "quantity": "1000",
         "line_total": "1000", "breaks": [["1000", "1"]]},
        {"supplier_part": "JB008", "description": "Parker Pen, Black, model Sansa", "uom": "C62", "quantity": "100",
         "line_total": "500", "breaks": [["100", "5"]]},
        {"supplier_part": "JB009", "description": "American Cookies", "uom": "C62", "quantity": "500",
         "line_total": "2500", "breaks": [["500", "5"]]},
    ],
})

write_truth("r03_ubl_example5_dkk.xml", {
    "about": about("xml", "en", [6, 7], "UBL example 5: trading name vs legal name (BT-27 legal name is the supplier), buyer and seller item ids, line and document allowances/charges, 50% prepaid",
                   SRC.format(c="0995d598f4ee7ed3c20b37ecec7719ea1ceaeef7", p="ubl/examples/ubl-tc434-example5.xml", l="Apache-2.0")),
    "header": {"supplier": "SellerCompany", "quote_ref": "TOSL110", "quote_date": "2013-04-10",
               "currency": "DKK", "payment_deposit_pct": "50", "total": "4675.00"},
    "lines": [
        {"part_number": "BUY123", "supplier_part": "JB007", "description": "Printing paper, 2mm", "uom": "EA",
         "quantity": "1000", "line_total": "1000.00", "breaks": [["1000", "1.00"]]},
        {"supplier_part": "JB008", "description": "Parker Pen, Black, model Sansa", "uom": "EA", "quantity": "100",
         "line_total": "500.00", "breaks": [["100", "5.00"]]},
        {"supplier_part": "JB009", "description": "American Cookies", "uom": "EA", "quantity": "500",
         "line_total": "2500.00", "breaks": [["500", "5.00"]]},
    ],
})

KOKS = [("166022", "PATAT FRITES 10MM 10KG", "2", "9.95", "19.90"),
        ("661813", "KAAS 50PL. JONG BEL. 1KG", "1", "9.85", "9.85"),
        ("438146", "POT KETCHUP 3 LT", "1", "8.29", "8.29"),
        ("438103", "FRITESSAUS 3 LRR", "2", "7.23", "14.46"),
        ("666955", "KOFFIE BLIK 3,5KG SNELF", "1", "35", "35"),
        ("664871", "KOFFIE 3.5 KG BLIK STAND", "1", "35", "35"),
        ("350257", "SUIKERKLONT", "1", "10.65", "10.65"),
        ("350258", "1 KG UL BLOKJES", "1", "1.55", "1.55"),
        ("999998", "BLOCKNOTE A5", "3", "4.79", "14.37"),
        ("740810", "CHIPS NAT KLEIN ZAKJES", "1", "8.29", "8.29"),
        ("740829", "CHIPS PAP KLEINE ZAKJES", "2", "8.29", "16.58"),
        ("740828", "TR KL PAKJES APPELSAP", "1", "9.95", "9.95"),
        ("740827", "PK CHOCOLADEMELK", "2", "1.65", "3.30"),
        ("999996", "KRAT BIER", "1", "10.80", "10.80"),
        ("999995", "STATIEGELD", "1", "3.90", "3.90"),
        ("102172", "BLEEK 3 X 750 ML", "2", "3.80", "7.60"),
        ("999994", "WC PAPIER", "2", "4.67", "9.34"),
        ("999993", "BALPENNEN 50 ST BLAUW", "1", "18.63", "18.63"),
        ("999992", "EM FRITUURVET", "6", "17.02", "102.12"),
        ("175137", "FRITUUR VET 10 KG RETOUR", "6", "18.33", "-109.98")]
KOKS_HEADER = {"supplier": "De Koksmaat", "quote_ref": "12115118", "quote_date": "2015-01-09", "currency": "EUR",
               "payment_net_days": 14, "freight": "included", "total": "250.33"}
for name, path, uom, fmt_note, commit, lic in [
        ("r04_ubl_koksmaat_nl.xml", "ubl/examples/guide-example1.xml", "EA",
         "UBL guide example 1 (a real Dutch wholesale invoice): 20 lines, seller ids only, terms in a Dutch note (14 dagen netto, franco), a returned line with a negative amount",
         "7ce3772aff315588f37e38b509173f253d340e45", "EUPL-1.2"),
        ("r05_cii_koksmaat_nl.xml", "cii/examples/CII_example1.xml", "H87",
         "the same real invoice as CII (example 1): 20 lines, terms in a Dutch note, a returned line",
         "0995d598f4ee7ed3c20b37ecec7719ea1ceaeef7", "Apache-2.0")]:
    write_truth(name, {
        "about": about("xml", "nl", [6, 7], fmt_note, SRC.format(c=commit, p=path, l=lic)),
        "header": KOKS_HEADER,
        "lines": [{"supplier_part": sid, "description": d, "uom": uom, "quantity": q, "line_total": t,
                   "breaks": [[q, p]]} for sid, d, q, p, t in KOKS],
    })
print("real: 5 truths")

# A real priced BOM in reStructuredText list-table form (each cell on its own line).
# The Cost column is the extended cost: both Total rows equal the sum of the Cost cells,
# not of quantity x cost. The unit price is cost / quantity.
write_truth("r06_rst_priced_bom_cad_en.txt", {
    "about": about("txt", "en", [1, 4, 7],
                   "real priced BOM (reStructuredText list-table, one cell per line), two tables with Total rows, extended cost per line in '$x.xx CAD', reference designators and a project part number beside the MPN",
                   "real: dslik/protonema@48cf82435a62e0958c3132261aaba088261adedc:baseboards/1522A/1522-8010/bom.rst (CERN-OHL-S-2.0)"),
    "header": {"currency": "CAD"},
    "lines": [
        {"part_number": "Y327-2154951A", "description": "Baseboard PCB", "quantity": "1", "line_total": "2.88",
         "breaks": [["1", "2.88"]]},
        {"part_number": "DS1023-2*2SF11", "description": "2.54mm by 2.54mm Straight 2x2P Female Header",
         "quantity": "20", "line_total": "2.33", "breaks": [["20", "0.1165"]]},
        {"part_number": "TP-104-13-02", "description": "Red Test Point", "quantity": "2", "line_total": "0.32",
         "breaks": [["2", "0.16"]]},
        {"part_number": "TP-105-01-00", "description": "Black Test Point", "quantity": "1", "line_total": "0.21",
         "breaks": [["1", "0.21"]]},
        {"part_number": "VSQBC35", "description": "Clear Rubber Feet", "quantity": "4", "line_total": "1.61",
         "breaks": [["4", "0.4025"]]},
        {"description": "QC Sticker", "quantity": "1", "line_total": "0.0094", "breaks": [["1", "0.0094"]]},
        {"part_number": "B131014", "description": "Static Shielding Bag 10\" x 14\"", "quantity": "1",
         "line_total": "0.48", "breaks": [["1", "0.48"]]},
        {"part_number": "3180-3", "description": "CORREC-PAK SHIPPER 4 X 4 X 2\" ID", "quantity": "1",
         "line_total": "11.83", "breaks": [["1", "11.83"]]},
        {"description": "ESD Sticker", "quantity": "2", "line_total": "4.00", "breaks": [["2", "2.00"]]},
    ],
})
print("real: r06 truth")
