"""JSON and HTML quotes: a supplier web-shop quote API reply (SEK) and a quote page saved
from a wholesaler's portal (Polish, PLN, quantities with unit words). Truth by hand."""
import json

from common import about, write_doc, write_truth

# ---------------------------------------------------------------- j01: web-shop quote JSON, SEK
j01 = {
    "quote": {
        "number": "WQ-55120",
        "created": "2025-06-03T09:12:00+02:00",
        "expires": "2025-07-03",
        "status": "open",
        "seller": {"name": "Nordic Motion Components AB", "vat": "SE556677889901", "country": "SE"},
        "customer": {"name": "Fjord Robotics AS", "reference": "PO-req 8812"},
        "currency": "SEK",
        "payment": {"terms": "30 dagar netto", "days": 30},
        "delivery": {"incoterm": "DAP", "place": "Oslo", "freight": "included"},
        "items": [
            {"sku": "NMC-LB-608", "customer_part": "FR-BRG-608", "description": "Deep groove ball bearing 608-2Z",
             "moq": 100, "multiple": 100, "lead_time": "2 weeks",
             "prices": [{"qty": 100, "unit_price": "9.80"}, {"qty": 1000, "unit_price": "7.45"}]},
            {"sku": "NMC-LR-15", "customer_part": "FR-RAIL-15-400", "description": "Linear rail 15 mm, length 400 mm",
             "moq": 1, "multiple": 1, "lead_time": "3-4 weeks",
             "prices": [{"qty": 1, "unit_price": "612.00"}, {"qty": 10, "unit_price": "548.00"}]},
            {"sku": "NMC-CB-15", "customer_part": "FR-CAR-15", "description": "Carriage for 15 mm rail, flanged",
             "moq": 2, "multiple": 2, "lead_time": "in stock",
             "prices": [{"qty": 2, "unit_price": "389.00"}, {"qty": 20, "unit_price": "342.50"}]},
        ],
        "one_time_charges": [{"description": "Cutting rails to length (setup)", "amount": "450.00"}],
    }
}
write_doc("j01_webshop_quote_sek_en.json", json.dumps(j01, ensure_ascii=False, indent=2) + "\n")
write_truth("j01_webshop_quote_sek_en.json", {
    "about": about("json", "en", [3, 6],
                   "web-shop quote API reply: sku (supplier) vs customer_part, moq/multiple, lead time text, price arrays, a one-time setup charge for the whole quote"),
    "header": {
        "supplier": "Nordic Motion Components AB",
        "quote_ref": "WQ-55120",
        "quote_date": "2025-06-03",
        "currency": "SEK",
        "valid_until": "2025-07-03",
        "payment_net_days": 30,
        "incoterm": "DAP",
        "incoterm_place": "Oslo",
        "freight": "included",
        "tooling": [["Cutting rails to length (setup)", "450.00"]],
    },
    "lines": [
        {"part_number": "FR-BRG-608", "supplier_part": "NMC-LB-608", "description": "Deep groove ball bearing 608-2Z",
         "moq": "100", "order_multiple": "100", "lead_time_days": 14,
         "breaks": [["100", "9.80"], ["1000", "7.45"]]},
        {"part_number": "FR-RAIL-15-400", "supplier_part": "NMC-LR-15", "description": "Linear rail 15 mm, length 400 mm",
         "moq": "1", "order_multiple": "1", "lead_time_days": 28,
         "breaks": [["1", "612.00"], ["10", "548.00"]]},
        {"part_number": "FR-CAR-15", "supplier_part": "NMC-CB-15", "description": "Carriage for 15 mm rail, flanged",
         "moq": "2", "order_multiple": "2", "lead_time_days": 0,
         "breaks": [["2", "389.00"], ["20", "342.50"]]},
    ],
})

# ---------------------------------------------------------------- h01: saved portal page, Polish, PLN
h01 = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>Oferta OF/2025/03/118 - Hurtownia Elektryczna Wolt</title>
<style>body{font-family:Arial;font-size:13px} table{border-collapse:collapse} td,th{border:1px solid #bbb;padding:4px 6px} .num{text-align:right}</style>
</head><body>
<div class="top"><a href="/">Strona główna</a> | <a href="/konto">Moje konto</a> | <a href="/koszyk">Koszyk (0)</a></div>
<h1>Hurtownia Elektryczna Wolt Sp. z o.o.</h1>
<p>ul. Przemysłowa 12, 60-480 Poznań &middot; NIP 781-000-11-22</p>
<h2>Oferta nr OF/2025/03/118</h2>
<p>Data wystawienia: 18.03.2025<br>Odbiorca: Instalbud S.A., Gdańsk<br>Ceny netto w PLN.</p>
<table>
<thead><tr><th>Lp.</th><th>Indeks</th><th>Nr katalogowy klienta</th><th>Nazwa towaru</th><th>Ilość</th><th>Cena jedn. netto</th><th>Wartość netto</th><th>Termin dostawy</th></tr></thead>
<tbody>
<tr><td>1</td><td>KL-44120</td><td>EL-0091</td><td>Przewód YDY 3x2,5 450/750V (krążki 100 m)</td><td class="num">500 m</td><td class="num">4,18 zł/m</td><td class="num">2 090,00 zł</td><td>3 dni</td></tr>
<tr><td>2</td><td>KL-44230</td><td>EL-0114</td><td>Wyłącznik nadprądowy B16 1P 6kA</td><td class="num">120 szt.</td><td class="num">14,90 zł</td><td class="num">1 788,00 zł</td><td>7 dni</td></tr>
<tr><td>3</td><td>KL-45002</td><td>EL-0160</td><td>Puszka instalacyjna p/t fi60 głęboka</td><td class="num">1 000 szt.</td><td class="num">0,62 zł</td><td class="num">620,00 zł</td><td>z magazynu</td></tr>
</tbody>
<tfoot><tr><td colspan="6" class="num"><b>Razem netto:</b></td><td class="num"><b>4 498,00 zł</b></td><td></td></tr></tfoot>
</table>
<p>Przewód sprzedajemy wyłącznie w pełnych krążkach po 100 m.<br>
Warunki płatności: przelew 30 dni.<br>
Transport: wliczony w cenę.<br>
Oferta ważna do 17.04.2025.</p>
<footer><small>&copy; 2025 Wolt. Wszelkie prawa zastrzeżone. Regulamin | Polityka prywatności</small></footer>
</body></html>
"""
write_doc("h01_portal_page_pln_pl.html", h01)
write_truth("h01_portal_page_pln_pl.html", {
    "about": about("html", "pl", [4, 6, 7],
                   "HTML page saved from a portal with navigation and footer: quantities with unit words (500 m, 1 000 szt.), zł/m prices, Indeks (supplier) vs Nr katalogowy klienta, line values and a net total, coil multiple in a note"),
    "header": {
        "supplier": "Hurtownia Elektryczna Wolt Sp. z o.o.",
        "quote_ref": "OF/2025/03/118",
        "quote_date": "2025-03-18",
        "currency": "PLN",
        "valid_until": "2025-04-17",
        "payment_net_days": 30,
        "freight": "included",
        "total": "4498.00",
    },
    "lines": [
        {"part_number": "EL-0091", "supplier_part": "KL-44120", "description": "Przewód YDY 3x2,5 450/750V",
         "uom": "MTR", "quantity": "500", "line_total": "2090.00", "breaks": [["500", "4.18"]],
         "moq": "100", "order_multiple": "100", "lead_time_days": 3},
        {"part_number": "EL-0114", "supplier_part": "KL-44230", "description": "Wyłącznik nadprądowy B16 1P 6kA",
         "uom": "H87", "quantity": "120", "line_total": "1788.00", "breaks": [["120", "14.90"]], "lead_time_days": 7},
        {"part_number": "EL-0160", "supplier_part": "KL-45002", "description": "Puszka instalacyjna p/t fi60 głęboka",
         "uom": "H87", "quantity": "1000", "line_total": "620.00", "breaks": [["1000", "0.62"]], "lead_time_days": 0},
    ],
})
print("misc: 2 documents")
