"""A distributor's fastener price list answered to a 3-line RFQ: two RFQ parts appear by
part number among 30 unrelated lines that share description words with the RFQ
('Hex nut', 'M8', 'zinc'); those must NOT be matched to RFQ lines. Truth by hand."""
from common import about, write_doc, write_truth

ROWS = [  # part, description, pack, price text, basis, unit price per piece (by hand)
    ("HX-M5-ZN", "Hex nut M5 DIN 934 zinc plated", "1000", "6.20/M", "1000", "0.0062"),
    ("HX-M6-ZN", "Hex nut M6 DIN 934 zinc plated", "1000", "7.45/M", "1000", "0.00745"),
    ("HX-M8-ZN", "Hex nut M8 DIN 934 zinc plated", "500", "12.40/M", "1000", "0.0124"),
    ("HX-M10-ZN", "Hex nut M10 DIN 934 zinc plated", "500", "21.90/M", "1000", "0.0219"),
    ("HX-M12-ZN", "Hex nut M12 DIN 934 zinc plated", "250", "3.65/C", "100", "0.0365"),
    ("HX-M8-A2", "Hex nut M8 DIN 934 stainless A2", "500", "4.10/C", "100", "0.041"),
    ("HX-M10-A2", "Hex nut M10 DIN 934 stainless A2", "250", "6.85/C", "100", "0.0685"),
    ("NL-M6-ZN", "Nyloc nut M6 DIN 985 zinc plated", "1000", "14.80/M", "1000", "0.0148"),
    ("NL-M8-ZN", "Nyloc nut M8 DIN 985 zinc plated", "500", "2.35/C", "100", "0.0235"),
    ("NL-M10-ZN", "Nyloc nut M10 DIN 985 zinc plated", "250", "3.90/C", "100", "0.039"),
    ("WS-M5-ZN", "Washer M5 DIN 125 zinc plated", "1000", "2.10/M", "1000", "0.0021"),
    ("WS-M6-ZN", "Washer M6 DIN 125 zinc plated", "1000", "2.60/M", "1000", "0.0026"),
    ("WS-M8-ZN", "Washer M8 DIN 125 zinc plated", "1000", "4.35/M", "1000", "0.00435"),
    ("WS-M8-A2", "Washer M8 DIN 125 stainless A2", "500", "1.62/C", "100", "0.0162"),
    ("WS-M10-A2", "Washer M10 DIN 125 stainless A2", "500", "2.48/C", "100", "0.0248"),
    ("SW-M8-ZN", "Spring washer M8 DIN 127 zinc plated", "1000", "5.90/M", "1000", "0.0059"),
    ("SC-M5X16", "Socket cap screw M5x16 DIN 912 12.9 black", "200", "4.80/C", "100", "0.048"),
    ("SC-M6X16", "Socket cap screw M6x16 DIN 912 12.9 black", "200", "6.15/C", "100", "0.0615"),
    ("SC-M6X25", "Socket cap screw M6x25 DIN 912 12.9 black", "200", "7.40/C", "100", "0.074"),
    ("SC-M8X20", "Socket cap screw M8x20 DIN 912 12.9 black", "100", "12.90/C", "100", "0.129"),
    ("SC-M8X30", "Socket cap screw M8x30 DIN 912 12.9 black", "100", "15.20/C", "100", "0.152"),
    ("HB-M8X40", "Hex bolt M8x40 DIN 931 8.8 zinc plated", "100", "14.75/C", "100", "0.1475"),
    ("HB-M8X60", "Hex bolt M8x60 DIN 931 8.8 zinc plated", "100", "19.30/C", "100", "0.193"),
    ("HB-M10X50", "Hex bolt M10x50 DIN 931 8.8 zinc plated", "50", "0.31/EA", None, "0.31"),
    ("HS-M8X25", "Hex set screw M8x25 DIN 933 8.8 zinc plated", "100", "9.60/C", "100", "0.096"),
    ("TH-M8-1M", "Threaded rod M8 x 1 m DIN 975 zinc plated", "10", "1.18/EA", None, "1.18"),
    ("TH-M10-1M", "Threaded rod M10 x 1 m DIN 975 zinc plated", "10", "1.74/EA", None, "1.74"),
    ("CN-M8-ZN", "Coupling nut M8 DIN 6334 zinc plated", "100", "8.80/C", "100", "0.088"),
    ("WN-M8-ZN", "Wing nut M8 DIN 315 zinc plated", "100", "11.40/C", "100", "0.114"),
    ("CAP-M8-ZN", "Dome cap nut M8 DIN 1587 zinc plated", "200", "7.95/C", "100", "0.0795"),
    ("FW-M8-ZN", "Flange nut M8 DIN 6923 zinc plated", "500", "3.05/C", "100", "0.0305"),
    ("PL-M8", "Plastic cap for M8 nut, black", "1000", "9.20/M", "1000", "0.0092"),
]
lines = ["Brentwood Fastener Supplies Ltd - Trade Price List BF-TPL-2025-04",
         "Prices in GBP excluding VAT; /M = per 1000, /C = per 100, /EA = each. Sold in full packs only.",
         "Issued 01/04/2025 - valid until 30/06/2025",
         "",
         "Part No,Description,Pack Qty,Unit Price"]
for part, desc, pack, price, _, _ in ROWS:
    lines.append(f'{part},"{desc}",{pack},{price}')
lines += ["", "Carriage charged at cost. Payment 30 days end of month."]
write_doc("c05_price_list_vs_rfq_en.csv", "\r\n".join(lines) + "\r\n")

RFQ_OF = {"HX-M8-ZN": "10", "WS-M8-A2": "20"}
truth_lines = []
for part, desc, pack, _, basis, unit in ROWS:
    l = {"part_number": part, "description": desc, "uom": "H87", "moq": pack, "order_multiple": pack,
         "breaks": [[pack, unit]]}
    if basis:
        l["price_basis_qty"] = basis
    if part in RFQ_OF:
        l["rfq_line"] = RFQ_OF[part]
    truth_lines.append(l)
write_truth("c05_price_list_vs_rfq_en.csv", {
    "about": about("csv", "en", [1, 2, 7],
                   "price list with an RFQ of 3 lines: 2 RFQ parts among 30 unrelated lines sharing words (hex nut, M8, zinc) that must not match; /M /C /EA price suffixes; packs = MOQ and multiple; day-first UK dates"),
    "header": {
        "supplier": "Brentwood Fastener Supplies Ltd",
        "quote_ref": "BF-TPL-2025-04",
        "quote_date": "2025-04-01",
        "currency": "GBP",
        "valid_until": "2025-06-30",
        "payment_net_days": 30,
        "freight": "extra",
        "payment_basis": "end_of_month",
    },
    "lines": truth_lines,
}, rfq={
    "rfq": "RFQ-2025-088", "currency": "GBP",
    "lines": [
        {"line": "10", "part_number": "HX-M8-ZN", "description": "Hex nut M8 zinc plated", "quantities": ["5000"], "uom": "H87"},
        {"line": "20", "part_number": "WS-M8-A2", "description": "Washer M8 stainless A2", "quantities": ["2000"], "uom": "H87"},
        {"line": "30", "part_number": "SC-M6X20", "description": "Socket cap screw M6x20 12.9 black", "quantities": ["1000"], "uom": "H87"},
    ],
})
print("rfq: 1 document")
