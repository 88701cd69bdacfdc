"""Truths of the real documents (copied byte for byte, see ../README.md). Typed by hand from
the files; the BOM rows are then checked against the file so a typo fails loudly."""
import csv
import io
import os

from common import HERE, write_truth, about, br

SRC_EI = "real: ConnectingEurope/eInvoicing-EN16931@b6c9e06a59812fb1a83585da40923b3678a649ad:"
SRC_PN = "real: dslik/protonema@9e588810a28d5dfba5ea056166167e58111f0a54:"

# ---------------------------------------------------------------- r01 HUF fuel invoice
write_truth("r01_cii_huf_price_per_100_litres_line_fees_hu.xml", {
    "about": about("xml", "hu", [2, 6, 7],
                   "real CII invoice (fuel card statement): net price per BasisQuantity 100 litres, "
                   "quantities with a trailing dot ('64.') and decimals, a line-level fee charge "
                   "included in each line total, the same seller item ID 0009 on every line, many "
                   "product characteristics, a large embedded PDF attachment, due date only",
                   source=SRC_EI + "cii/examples/huf_example_cii.xml (EUPL-1.2)"),
    "header": {
        "supplier": "DKV Euro Service GmbH + Co. KG",
        "quote_ref": "21/001003559/996",
        "quote_date": "2021-10-05",
        "currency": "HUF",
        "total": "87859.00",
    },
    "lines": [
        {"supplier_part": "0009", "description": "DIZEL", "uom": "LTR", "price_basis_qty": "100",
         "breaks": br(("64", "361.09")), "quantity": "64", "line_total": "23440.00"},
        {"supplier_part": "0009", "description": "DIZEL", "uom": "LTR", "price_basis_qty": "100",
         "breaks": br(("56.81", "371.34")), "quantity": "56.81", "line_total": "21389.00"},
        {"supplier_part": "0009", "description": "DIZEL", "uom": "LTR", "price_basis_qty": "100",
         "breaks": br(("63.97", "375.50")), "quantity": "63.97", "line_total": "24351.00"},
    ],
})

# ---------------------------------------------------------------- r02 minimal CII DKK
write_truth("r02_cii_example6_minimum_content_dkk_en.xml", {
    "about": about("xml", "en", [6, 7],
                   "real CII 'minimum content' example: no item identifiers at all (names only), "
                   "C62 units, integer prices, two VAT rates, due date only",
                   source=SRC_EI + "cii/examples/CII_example6.xml (EUPL-1.2)"),
    "header": {
        "supplier": "SellerCompany",
        "quote_ref": "TOSL110",
        "quote_date": "2013-04-10",
        "currency": "DKK",
        "total": "4675",
    },
    "lines": [
        {"description": "Printing paper", "uom": "C62", "breaks": br(("1000", "1")),
         "quantity": "1000", "line_total": "1000"},
        {"description": "Parker Pen", "uom": "C62", "breaks": br(("100", "5")),
         "quantity": "100", "line_total": "500"},
        {"description": "American Cookies", "uom": "C62", "breaks": br(("500", "5")),
         "quantity": "500", "line_total": "2500"},
    ],
})

# ---------------------------------------------------------------- r03 / r04 EasyEDA BOMs
# (Name, Quantity, Manufacturer Part, Supplier Part, Price) typed from the files
R03 = [("R0603", "4", "0603WAF1001T5E", "C21190", "0.001"),
       ("R0603", "4", "0603WAF1002T5E", "C25804", "0.001"),
       ("R0603", "6", "0603WAF5101T5E", "C23186", "0.001"),
       ("R0603", "4", "0603WAF510JT5E", "C23197", "0.001"),
       ("SOIC-8_L4.9-W3.9-P1.27-LS6.0-BL", "2", "NE5532DR", "C7426", "0.232"),
       ("C0603", "5", "CL10C101JB8NNNC", "C14858", "0.004"),
       ("LED0603-R-RD", "2", "19-217/GHC-YR1S2/3T", "C72043", "0.027"),
       ("R0603", "1", "0603WAF1003T5E", "C25803", "0.001"),
       ("R0603", "1", "0603WAF2001T5E", "C22975", "0.001"),
       ("MSOP-10_L3.0-W3.0-P0.50-LS5.0-TL", "1", "MCP4728-E/UN", "C108207", "2.549"),
       ("R0603", "1", "0603WAF2701T5E", "C13167", "0.001")]
R04 = [("R0603", "3", "0603WAF5101T5E", "C23186", "0.001"),
       ("R0603", "2", "0603WAF2002T5E", "C4184", "0.001"),
       ("C0805", "5", "CL21A226MAQNNNE", "C45783", "0.026"),
       ("SOD-123_L2.7-W1.6-LS3.7-RD-1", "3", "1N4148W-7-F", "C83528", "0.012"),
       ("R0603", "3", "0603WAF1002T5E", "C25804", "0.001"),
       ("SOT-23-3_L3.0-W1.7-P0.95-LS2.9-BR", "3", "MMBT3906LT1", "C402273", "0.01"),
       ("R0603", "3", "0603WAF2701T5E", "C13167", "0.001"),
       ("LED0603-RD", "3", "KT-0603R", "C2286", "0.006"),
       ("SOT-23-5_L3.0-W1.7-P0.95-LS2.8-BL", "2", "LPW5209AB5F", "C387727", "0.066"),
       ("CAP-SMD_L7.3-W4.3-R-RD", "1", "T491D226K035AT", "C110910", "0.944"),
       ("R0603_NEW", "1", "0603WAF3301T5E", "C22978", "0.001"),
       ("LED0603-R-RD", "2", "19-217/GHC-YR1S2/3T", "C72043", "0.027"),
       ("F1812", "1", "MINISMDC050F-2", "C2649901", "0.083"),
       ("SOT-223_L6.5-W3.5-P2.30-LS7.0-BR", "1", "LD1117S33TR", "C86781", "0.157"),
       ("USB-C-SMD_TYPE-603-T3", "1", "TYPE-603-T3", "C2689837", "0.084")]


def check(name, rows):
    raw = open(os.path.join(HERE, name), "rb").read().decode("utf-16")
    got = [(r["Name"], r["Quantity"], r["Manufacturer Part"], r["Supplier Part"], r["Price"])
           for r in csv.DictReader(io.StringIO(raw), delimiter="\t")]
    assert got == rows, (name, got)


for name, rows, path in [("r03_easyeda_bom_1157_utf16_tabs_lcsc_en.csv", R03,
                          "stamps/1157A/1157-0101/latest/bom.csv"),
                         ("r04_easyeda_bom_1058_utf16_tabs_lcsc_en.csv", R04,
                          "stamps/1058A/1058-0101/latest/bom.csv")]:
    check(name, rows)
    write_truth(name, {
        "about": about("csv", "en", [1, 6],
                       "real EasyEDA BOM export: UTF-16 LE with BOM, tab-separated in a .csv file, every "
                       "field quoted, Manufacturer Part (part number) and LCSC Supplier Part columns, "
                       "unit price per line without a currency, manufacturer names with Chinese in "
                       "parentheses, designator lists; the BOM quantity is the break quantity",
                       source=SRC_PN + path + " (CERN-OHL-S-2.0)"),
        "header": {},
        "lines": [{"part_number": mpn, "supplier_part": sp, "description": nm,
                   "breaks": br((q, p))} for nm, q, mpn, sp, p in rows],
    })
print("real: 4 truths")
