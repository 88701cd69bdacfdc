"""A distributor quote as JSON and a supplier-portal quote saved as HTML."""
import json

from common import truth, write_text

# ---------------------------------------------------------------- h29 distributor JSON
doc = {
    "api_version": "3.2",
    "quote": {"id": "BWQ-778120", "created": "2024-11-05", "valid_until": "2024-11-19",
              "seller": {"name": "Brightwell Components UK Ltd", "vat": "GB123456789", "country": "GB"},
              "customer": {"account": "C-004417", "name": "Orkney Marine Electronics Ltd"},
              "currency": "GBP",
              "shipping": {"method": "Courier", "charge": 8.95, "basis": "per order"},
              "payment_terms": "30 days net"},
    "items": [
        {"line": 1, "sku": "BW-1002345", "mpn": "TPS62130RGTR", "manufacturer": "Texas Instruments",
         "description": "Buck converter 3-17V 3A, VQFN-16", "packaging": "Cut Tape",
         "stock": 12450, "lead_time": "12 weeks", "moq": 1, "multiple": 1,
         "prices": [{"qty": 1, "unit_price": 2.14}, {"qty": 10, "unit_price": 1.87}, {"qty": 100, "unit_price": 1.42},
                    {"qty": 1000, "unit_price": 1.19}]},
        {"line": 2, "sku": "BW-2210987", "mpn": "GRM188R71H104KA93D", "manufacturer": "Murata",
         "description": "MLCC 0.1uF 50V X7R 0603", "packaging": "Reel (4000)",
         "stock": 860000, "lead_time": "16 weeks", "moq": 4000, "multiple": 4000,
         "prices": [{"qty": 4000, "unit_price": 0.0041}, {"qty": 20000, "unit_price": 0.0036}]},
        {"line": 3, "sku": "BW-3304561", "mpn": "ATSAMD21G18A-AU", "manufacturer": "Microchip",
         "description": "MCU 32-bit ARM Cortex-M0+ 256KB Flash, TQFP-48", "packaging": "Tray",
         "stock": 0, "lead_time": "24 weeks", "moq": 250, "multiple": 250,
         "prices": [{"qty": 250, "unit_price": 2.86}, {"qty": 1250, "unit_price": 2.71}],
         "currency": "USD", "note": "Non-stock item, priced in USD, non-cancellable non-returnable"},
        {"line": 4, "sku": "BW-4400012", "mpn": "BSS138LT1G", "manufacturer": "onsemi",
         "description": "MOSFET N-CH 50V 200mA SOT-23", "packaging": "Cut Tape",
         "stock": 45210, "lead_time": "8 weeks", "moq": 10, "multiple": 10,
         "prices": [{"qty": 10, "unit_price": 0.098}, {"qty": 100, "unit_price": 0.061}, {"qty": 1000, "unit_price": 0.038}]},
    ],
}
write_text("h29_distributor_quote.json", json.dumps(doc, indent=2) + "\n")
truth("h29_distributor_quote",
      {"format": "json", "language": "en", "classes": [4, 7],
       "notes": "distributor quote JSON: breaks as objects, MOQ/multiple, lead time in weeks, one line in another currency, shipping per order"},
      {"supplier": "Brightwell Components UK Ltd", "quote_ref": "BWQ-778120", "quote_date": "2024-11-05",
       "currency": "GBP", "valid_until": "2024-11-19", "payment_net_days": 30,
       "freight": "per_shipment", "freight_amount": "8.95"},
      [
          {"part_number": "TPS62130RGTR", "supplier_part": "BW-1002345", "description": "Buck converter 3-17V 3A, VQFN-16",
           "breaks": [["1", "2.14"], ["10", "1.87"], ["100", "1.42"], ["1000", "1.19"]], "moq": "1", "order_multiple": "1",
           "lead_time_days": 84},
          {"part_number": "GRM188R71H104KA93D", "supplier_part": "BW-2210987", "description": "MLCC 0.1uF 50V X7R 0603",
           "breaks": [["4000", "0.0041"], ["20000", "0.0036"]], "moq": "4000", "order_multiple": "4000", "lead_time_days": 112},
          {"part_number": "ATSAMD21G18A-AU", "supplier_part": "BW-3304561", "description": "MCU 32-bit ARM Cortex-M0+ 256KB Flash, TQFP-48",
           "breaks": [["250", "2.86"], ["1250", "2.71"]], "currency": "USD", "moq": "250", "order_multiple": "250",
           "lead_time_days": 168},
          {"part_number": "BSS138LT1G", "supplier_part": "BW-4400012", "description": "MOSFET N-CH 50V 200mA SOT-23",
           "breaks": [["10", "0.098"], ["100", "0.061"], ["1000", "0.038"]], "moq": "10", "order_multiple": "10",
           "lead_time_days": 56},
      ])

# ---------------------------------------------------------------- h30 supplier portal page saved as HTML (AUD, per metre, die charge)
write_text("h30_portal_quote_aud.html", """<!DOCTYPE html>
<html lang="en-AU"><head><meta charset="utf-8"><title>Quote SCX-Q-10482 | Southern Cross Extrusions</title>
<style>body{font-family:Arial,sans-serif;font-size:13px} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:4px 8px}
nav a{margin-right:12px} .muted{color:#888}</style></head>
<body>
<nav><a href="/">Home</a><a href="/profiles">Profiles</a><a href="/quotes">My quotes</a><a href="/logout">Log out</a></nav>
<h1>Quotation SCX-Q-10482</h1>
<p class="muted">Southern Cross Extrusions Pty Ltd · ABN 12 345 678 901 · 14 Abbotts Rd, Dandenong South VIC 3175</p>
<dl>
<dt>Quote date</dt><dd>12/11/2024</dd>
<dt>Valid until</dt><dd>28/11/2024</dd>
<dt>Customer</dt><dd>Coastline Shopfitting Pty Ltd (account 30447)</dd>
<dt>Currency</dt><dd>All prices are in Australian dollars (AUD), excluding GST.</dd>
</dl>
<table>
<thead>
<tr><th rowspan="2">Profile</th><th rowspan="2">Your ref.</th><th rowspan="2">Description</th><th colspan="2">Price per metre</th><th rowspan="2">Stock length</th><th rowspan="2">Lead time</th></tr>
<tr><th>1 – 99 m</th><th>100 m +</th></tr>
</thead>
<tbody>
<tr><td>SCX-40-40L</td><td></td><td>T-slot profile 40x40 light, 6063-T5, clear anodised</td><td>$14.85</td><td>$12.90</td><td>6.5 m</td><td>Ex stock</td></tr>
<tr><td>SCX-20-80</td><td></td><td>T-slot profile 20x80, 6063-T5, clear anodised</td><td>$19.40</td><td>$16.95</td><td>6.5 m</td><td>Ex stock</td></tr>
<tr><td>CP-2291</td><td>KA-2291 rev B</td><td>Custom shelf-edge profile to your drawing, 6060-T5, mill finish</td><td>—</td><td>$9.60</td><td>6.5 m</td><td>4–5 weeks after die approval</td></tr>
</tbody>
</table>
<ul>
<li>Profiles are sold in full stock lengths only.</li>
<li>CP-2291: new extrusion die required, one-off die charge $2,850.00. Minimum run 100 m.</li>
<li>Payment terms: 30 days EOM.</li>
<li>Ex works Dandenong South, VIC. Freight extra, quoted at time of order.</li>
</ul>
<p><button>Accept quote</button> <button>Download PDF</button></p>
<footer class="muted">© 2024 Southern Cross Extrusions · Privacy · Terms of trade</footer>
</body></html>
""")
truth("h30_portal_quote_aud",
      {"format": "html", "language": "en", "classes": [1, 2, 3, 5, 7],
       "notes": "saved portal page; merged 'Price per metre' header with range sub-headers; $ stated as AUD; dd/mm dates; sold in full 6.5 m lengths; die charge and minimum run in bullets; EXW City, ST"},
      {"supplier": "Southern Cross Extrusions Pty Ltd", "quote_ref": "SCX-Q-10482", "quote_date": "2024-11-12",
       "currency": "AUD", "valid_until": "2024-11-28", "payment_net_days": 30, "payment_basis": "end_of_month",
       "incoterm": "EXW", "incoterm_place": "Dandenong South, VIC", "freight": "extra"},
      [
          {"part_number": "SCX-40-40L", "description": "T-slot profile 40x40 light, 6063-T5, clear anodised", "uom": "MTR",
           "breaks": [["1", "14.85"], ["100", "12.90"]], "moq": "6.5", "order_multiple": "6.5", "lead_time_days": 0},
          {"part_number": "SCX-20-80", "description": "T-slot profile 20x80, 6063-T5, clear anodised", "uom": "MTR",
           "breaks": [["1", "19.40"], ["100", "16.95"]], "moq": "6.5", "order_multiple": "6.5", "lead_time_days": 0},
          {"part_number": "KA-2291", "supplier_part": "CP-2291", "revision": "B",
           "description": "Custom shelf-edge profile to your drawing, 6060-T5, mill finish", "uom": "MTR",
           "breaks": [["100", "9.60"]], "moq": "100", "order_multiple": "6.5", "lead_time_days": 35,
           "tooling": [["extrusion die", "2850.00"]]},
      ])
print("misc ok")
