"""Two more: a Markdown bullet quote whose MOQ/pack facts sit in prose that names lines by
description (/C prices), and a distributor CSV with break columns '1+ | 100+ | 1k+ | 5k+',
MOQ and SPQ columns and a month-first date proved by the expiry. Truth by hand."""
from common import about, write_doc, write_truth

T08 = """Hi Tom,

quick quote as discussed on the phone - **Quote #SQ-11873**, Jun 18, 2025

* **Viton O-ring 2-214** (your P/N OR-214-V): $38.50/C
* **EPDM O-ring 2-214** (your P/N OR-214-E): $19.20/C
* **PTFE back-up ring 2-214** (your P/N BU-214-T): $0.86 ea
* **Hydraulic seal kit, 40 mm rod** (your P/N SK-40): $24.75 each, min. order 20

The O-rings are sold in bags of 500 only. Back-up rings ship from stock, everything else 2 weeks.
Prices are FOB Houston, TX, Net 30, valid until July 31, 2025.

Thanks!
Maria Gonzalez
Gulf Coast Seal & Gasket Co.
"""
write_doc("t08_markdown_bullets_prose_moq_en.txt", T08)
write_truth("t08_markdown_bullets_prose_moq_en.txt", {
    "about": about("txt", "en", [1, 2, 5, 7],
                   "Markdown bullets with bold item names and 'your P/N' in brackets; $/C prices; bag size (MOQ and multiple) and lead times in prose that names lines by description"),
    "header": {
        "supplier": "Gulf Coast Seal & Gasket Co.",
        "quote_ref": "SQ-11873",
        "quote_date": "2025-06-18",
        "currency": "USD",
        "valid_until": "2025-07-31",
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Houston, TX",
    },
    "lines": [
        {"part_number": "OR-214-V", "description": "Viton O-ring 2-214", "price_basis_qty": "100",
         "moq": "500", "order_multiple": "500", "breaks": [["500", "0.385"]], "lead_time_days": 14},
        {"part_number": "OR-214-E", "description": "EPDM O-ring 2-214", "price_basis_qty": "100",
         "moq": "500", "order_multiple": "500", "breaks": [["500", "0.192"]], "lead_time_days": 14},
        {"part_number": "BU-214-T", "description": "PTFE back-up ring 2-214", "uom": "H87",
         "breaks": [["1", "0.86"]], "lead_time_days": 0},
        {"part_number": "SK-40", "description": "Hydraulic seal kit, 40 mm rod", "uom": "H87", "moq": "20",
         "breaks": [["20", "24.75"]], "lead_time_days": 14},
    ],
})

C06 = ("Lakeside Components LLC,,,,,,,,,,\r\n"
       "Quote,QX-20250702-118,,,,,,,,,\r\n"
       "Quote date,07/02/2025,Expires,08/01/2025,,,,,,,\r\n"
       "Terms,Net 30,Currency,USD,,,,,,,\r\n"
       ",,,,,,,,,,\r\n"
       "MPN,Manufacturer,Description,MOQ,SPQ,1+,100+,1k+,5k+,Lead Time (wks),Stock\r\n"
       "RC0603FR-0710KL,YAGEO,RES 10K OHM 1% 1/10W 0603,5000,5000,,,,0.0016,12,0\r\n"
       "GRM188R71H104KA93D,Murata,CAP CER 0.1UF 50V X7R 0603,5000,5000,,,,0.0049,16,0\r\n"
       "LM358DR,Texas Instruments,IC OPAMP GP 2 CIRCUIT 8SOIC,1,1,0.48,0.31,0.214,0.188,6,2300\r\n"
       "BSS138,onsemi,MOSFET N-CH 50V 220MA SOT23-3,1,1,0.29,0.126,0.058,0.045,8,15000\r\n")
write_doc("c06_distributor_k_breaks_en.csv", C06)
write_truth("c06_distributor_k_breaks_en.csv", {
    "about": about("csv", "en", [4, 6, 7],
                   "distributor quote export: break columns 1+/100+/1k+/5k+ with empty cells where no price, MOQ and SPQ (order multiple) columns, lead time in weeks, a stock column; 07/02 proved month-first by the expiry 08/01"),
    "header": {
        "supplier": "Lakeside Components LLC",
        "quote_ref": "QX-20250702-118",
        "quote_date": "2025-07-02",
        "currency": "USD",
        "valid_until": "2025-08-01",
        "payment_net_days": 30,
    },
    "lines": [
        {"part_number": "RC0603FR-0710KL", "description": "RES 10K OHM 1% 1/10W 0603", "moq": "5000",
         "order_multiple": "5000", "breaks": [["5000", "0.0016"]], "lead_time_days": 84},
        {"part_number": "GRM188R71H104KA93D", "description": "CAP CER 0.1UF 50V X7R 0603", "moq": "5000",
         "order_multiple": "5000", "breaks": [["5000", "0.0049"]], "lead_time_days": 112},
        {"part_number": "LM358DR", "description": "IC OPAMP GP 2 CIRCUIT 8SOIC", "moq": "1", "order_multiple": "1",
         "breaks": [["1", "0.48"], ["100", "0.31"], ["1000", "0.214"], ["5000", "0.188"]], "lead_time_days": 42},
        {"part_number": "BSS138", "description": "MOSFET N-CH 50V 220MA SOT23-3", "moq": "1", "order_multiple": "1",
         "breaks": [["1", "0.29"], ["100", "0.126"], ["1000", "0.058"], ["5000", "0.045"]], "lead_time_days": 56},
    ],
})
print("more2: 2 documents")
