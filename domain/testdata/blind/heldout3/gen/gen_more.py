"""heldout3: Outlook HTML mail (e11), mixed-currency distributor CSV (c04), Italian bullets (t06),
API JSON in minor units (j01), three-sheet Spanish workbook (x07)."""
import base64
import json
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.image import MIMEImage

import openpyxl
from openpyxl.styles import Font

from common import path, write_doc, truth, B

# ------------------------------------------------------------------ e11 Outlook HTML (MsoNormal), related logo, Losgröße columns
html = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style></head>
<body lang="DE" link="#0563C1"><div class="WordSection1">
<p class="MsoNormal">Hallo Herr Schubert,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">anbei wie besprochen unser Angebot <b>AG-26-3318</b> vom 14.12.2026 für die Konfektionsteile:<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
<tr><td rowspan="2" style="border:solid windowtext 1.0pt"><p class="MsoNormal"><b>Ihre Sachnr.<o:p></o:p></b></p></td>
<td rowspan="2" style="border:solid windowtext 1.0pt"><p class="MsoNormal"><b>unsere Nr.<o:p></o:p></b></p></td>
<td rowspan="2" style="border:solid windowtext 1.0pt"><p class="MsoNormal"><b>Bezeichnung<o:p></o:p></b></p></td>
<td colspan="4" style="border:solid windowtext 1.0pt"><p class="MsoNormal" align="center"><b>Stückpreis in € bei Losgröße<o:p></o:p></b></p></td>
<td rowspan="2" style="border:solid windowtext 1.0pt"><p class="MsoNormal"><b>Prüfadapter (einmalig)<o:p></o:p></b></p></td></tr>
<tr><td><p class="MsoNormal"><b>50<o:p></o:p></b></p></td><td><p class="MsoNormal"><b>100<o:p></o:p></b></p></td>
<td><p class="MsoNormal"><b>250<o:p></o:p></b></p></td><td><p class="MsoNormal"><b>500<o:p></o:p></b></p></td></tr>
<tr><td><p class="MsoNormal">5512-001<o:p></o:p></p></td><td><p class="MsoNormal">KE-24-0117<o:p></o:p></p></td><td><p class="MsoNormal">Kabelbaum Motor 12-pol., L=850 mm<o:p></o:p></p></td>
<td><p class="MsoNormal" align="right">24,80<o:p></o:p></p></td><td><p class="MsoNormal" align="right">22,10<o:p></o:p></p></td><td><p class="MsoNormal" align="right">19,95<o:p></o:p></p></td><td><p class="MsoNormal" align="right">18,40<o:p></o:p></p></td>
<td><p class="MsoNormal" align="right">680,00 €<o:p></o:p></p></td></tr>
<tr><td><p class="MsoNormal">5512-002<o:p></o:p></p></td><td><p class="MsoNormal">KE-24-0118<o:p></o:p></p></td><td><p class="MsoNormal">Sensorleitung M12 4-pol., 2 m<o:p></o:p></p></td>
<td><p class="MsoNormal" align="right">9,45<o:p></o:p></p></td><td><p class="MsoNormal" align="right">8,70<o:p></o:p></p></td><td><p class="MsoNormal" align="right">7,90<o:p></o:p></p></td><td><p class="MsoNormal" align="right">7,35<o:p></o:p></p></td>
<td><p class="MsoNormal" align="right">&#8211;<o:p></o:p></p></td></tr>
<tr><td><p class="MsoNormal">5512-003<o:p></o:p></p></td><td><p class="MsoNormal">KE-24-0121<o:p></o:p></p></td><td><p class="MsoNormal">Erdungsband 16 mm², 300 mm<o:p></o:p></p></td>
<td><p class="MsoNormal" align="right">3,85<o:p></o:p></p></td><td><p class="MsoNormal" align="right">3,40<o:p></o:p></p></td><td><p class="MsoNormal" align="right">3,05<o:p></o:p></p></td><td><p class="MsoNormal" align="right">2,80<o:p></o:p></p></td>
<td><p class="MsoNormal" align="right">&#8211;<o:p></o:p></p></td></tr>
</table>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Lieferung nur in ganzen VE à 25 Stück. Lieferzeit ca. 15 AT nach Freigabe der Erstmuster.<o:p></o:p></p>
<p class="MsoNormal">Lieferung frei Haus (DAP Zwickau), Zahlung 30 Tage netto. Das Angebot ist 4 Wochen gültig.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Mit freundlichen Grüßen / Best regards<o:p></o:p></p>
<p class="MsoNormal"><b>Uwe Lorenz</b><br>Vertrieb<o:p></o:p></p>
<p class="MsoNormal"><img width="160" height="40" src="cid:image001.png@01DB4E2A.5C1F0A10" alt="Logo"><o:p></o:p></p>
<p class="MsoNormal"><span style="font-size:8.0pt;color:gray">Kabelkonfektion Erzgebirge GmbH · Am Gewerbering 9 · 09456 Annaberg-Buchholz<br>
Geschäftsführer: Dr. Frank Weigel · Amtsgericht Chemnitz HRB 00000<br>
Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender.<o:p></o:p></span></p>
</div></body></html>"""
text = """Hallo Herr Schubert,

anbei wie besprochen unser Angebot AG-26-3318 vom 14.12.2026 für die Konfektionsteile:

Ihre Sachnr.

unsere Nr.

Bezeichnung

Stückpreis in € bei Losgröße

Prüfadapter (einmalig)

50

100

250

500

5512-001

KE-24-0117

Kabelbaum Motor 12-pol., L=850 mm

24,80

22,10

19,95

18,40

680,00 €

5512-002

KE-24-0118

Sensorleitung M12 4-pol., 2 m

9,45

8,70

7,90

7,35

–

5512-003

KE-24-0121

Erdungsband 16 mm², 300 mm

3,85

3,40

3,05

2,80

–

Lieferung nur in ganzen VE à 25 Stück. Lieferzeit ca. 15 AT nach Freigabe der Erstmuster.
Lieferung frei Haus (DAP Zwickau), Zahlung 30 Tage netto. Das Angebot ist 4 Wochen gültig.

Mit freundlichen Grüßen / Best regards
Uwe Lorenz
Vertrieb
[Logo]
Kabelkonfektion Erzgebirge GmbH · Am Gewerbering 9 · 09456 Annaberg-Buchholz
Geschäftsführer: Dr. Frank Weigel · Amtsgericht Chemnitz HRB 00000
"""
# 1x1 PNG as the inline logo
png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
root = MIMEMultipart("related")
alt = MIMEMultipart("alternative")
alt.attach(MIMEText(text, "plain", "utf-8"))
alt.attach(MIMEText(html, "html", "utf-8"))
root.attach(alt)
img = MIMEImage(png, "png")
img.add_header("Content-ID", "<image001.png@01DB4E2A.5C1F0A10>")
img.add_header("Content-Disposition", "inline", filename="image001.png")
root.attach(img)
root["From"] = "Lorenz, Uwe <u.lorenz@ke-kabel.de>"
root["To"] = "Schubert, Tim <t.schubert@vogtland-antriebe.example>"
root["Subject"] = "Angebot AG-26-3318 Konfektionsteile"
root["Date"] = "Mon, 14 Dec 2026 10:05:44 +0100"
root["X-Mailer"] = "Microsoft Outlook 16.0"
n = "e11_outlook_html_related_losgroesse_pruefadapter_eur_de.eml"
write_doc(n, root.as_bytes())
truth(n, "de", [1, 3, 4, 5, 7],
      "Outlook multipart/related mail: Word-filtered HTML with rowspan/colspan headers (Losgröße 50/100/250/500 under a merged price header), one-time test-adapter column, the text part flattened to one cell per line, whole VE of 25, lead time in working days (no fact), 4 weeks validity, DAP frei Haus",
      {"supplier": "Kabelkonfektion Erzgebirge GmbH", "quote_ref": "AG-26-3318", "quote_date": "2026-12-14", "currency": "EUR",
       "validity_days": 28, "payment_net_days": 30, "incoterm": "DAP", "incoterm_place": "Zwickau", "freight": "included"},
      [{"part_number": "5512-001", "supplier_part": "KE-24-0117", "description": "Kabelbaum Motor 12-pol., L=850 mm", "uom": "H87",
        "breaks": B("50", "24.80", "100", "22.10", "250", "19.95", "500", "18.40"), "moq": "25", "order_multiple": "25",
        "tooling": [("Prüfadapter", "680.00")]},
       {"part_number": "5512-002", "supplier_part": "KE-24-0118", "description": "Sensorleitung M12 4-pol., 2 m", "uom": "H87",
        "breaks": B("50", "9.45", "100", "8.70", "250", "7.90", "500", "7.35"), "moq": "25", "order_multiple": "25"},
       {"part_number": "5512-003", "supplier_part": "KE-24-0121", "description": "Erdungsband 16 mm², 300 mm", "uom": "H87",
        "breaks": B("50", "3.85", "100", "3.40", "250", "3.05", "500", "2.80"), "moq": "25", "order_multiple": "25"}])

# ------------------------------------------------------------------ c04 en-CA distributor CSV, currency per line, stock column
csv = """Maple Industrial Supply Ltd. - Quotation Q-778120
Date: 2026-12-10   Valid for 30 days   Terms: Net 30   FOB Shipping Point Mississauga, ON - freight prepaid & charged
All prices in CAD unless noted in the Currency column.

Line,Customer P/N,MFR,MFR P/N,Description,Qty,Unit Price,Currency,Ext. Price,Stock,Lead Time
1,BW-30112,Phoenix Contact,3044102,Terminal block UT 2.5,500,0.94,CAD,470.00,"3,420",Stock
2,BW-30118,Phoenix Contact,3044076,End cover D-UT 2.5/10,100,0.61,CAD,61.00,850,Stock
3,BW-30140,Omron,G2R-1-S DC24,Relay SPDT 24VDC,200,12.85,USD,"2,570.00",0,8 wks
4,BW-30141,Omron,P2RF-05-E,Socket for G2R-1-S,200,4.12,USD,824.00,0,8 wks
5,BW-30155,Hammond,1554JGY,Enclosure polycarbonate 240x160x90,20,64.30,CAD,"1,286.00",41,Stock
"""
n = "c04_distributor_currency_per_line_stock_cad_en.csv"
write_doc(n, csv)
truth(n, "en", [1, 6, 7],
      "Canadian distributor CSV: free-text preamble with all terms on one line, a Currency column where two lines are USD, Ext. Price per line, a Stock column that is not a quantity, Lead Time 'Stock' or weeks, MFR P/N beside the customer P/N",
      {"supplier": "Maple Industrial Supply Ltd.", "quote_ref": "Q-778120", "quote_date": "2026-12-10", "currency": "CAD",
       "validity_days": 30, "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Mississauga, ON", "freight": "extra"},
      [{"part_number": "BW-30112", "supplier_part": "3044102", "description": "Terminal block UT 2.5", "currency": "CAD",
        "quantity": "500", "line_total": "470.00", "breaks": B("500", "0.94"), "lead_time_days": 0},
       {"part_number": "BW-30118", "supplier_part": "3044076", "description": "End cover D-UT 2.5/10", "currency": "CAD",
        "quantity": "100", "line_total": "61.00", "breaks": B("100", "0.61"), "lead_time_days": 0},
       {"part_number": "BW-30140", "supplier_part": "G2R-1-S DC24", "description": "Relay SPDT 24VDC", "currency": "USD",
        "quantity": "200", "line_total": "2570.00", "breaks": B("200", "12.85"), "lead_time_days": 56},
       {"part_number": "BW-30141", "supplier_part": "P2RF-05-E", "description": "Socket for G2R-1-S", "currency": "USD",
        "quantity": "200", "line_total": "824.00", "breaks": B("200", "4.12"), "lead_time_days": 56},
       {"part_number": "BW-30155", "supplier_part": "1554JGY", "description": "Enclosure polycarbonate 240x160x90", "currency": "CAD",
        "quantity": "20", "line_total": "1286.00", "breaks": B("20", "64.30"), "lead_time_days": 0}])

# ------------------------------------------------------------------ t06 it bullets, al cento, min., stampo
txt = """Stampi & Tranciati Veneti S.r.l. - Offerta 0412/26 del 09/12/2026

Gentile Sig. Marchetti, come da Vs. richiesta:

- Cod. VN-880 Staffa a L zincata 40x40x3: € 38,50 al cento (min. 1.000 pz)
- Cod. VN-885 Rondella speciale inox Ø12: € 9,20 al cento (min. 5.000 pz)
- Cod. VN-890 Piastra di rinforzo sp. 12: non quotabile, spessore fuori dalla nostra capacità di tranciatura

Costo stampo (una tantum) per VN-880: € 2.900,00
Consegna: 3 settimane dall'ordine
Pagamento: RB 60 gg fm
Resa: franco partenza (EXW Schio), trasporto a Vs. carico
Validità: fino al 31/01/2027

Cordiali saluti
Giorgia Dal Santo
"""
n = "t06_bullets_al_cento_minimo_stampo_eur_it.txt"
write_doc(n, txt)
truth(n, "it", [2, 3, 5, 7],
      "pasted Italian bullets: price 'al cento' with a minimum in brackets, a not-quotable bullet, mould sentence, RB 60 gg fm, franco partenza EXW with freight at buyer's cost",
      {"supplier": "Stampi & Tranciati Veneti S.r.l.", "quote_ref": "0412/26", "quote_date": "2026-12-09", "currency": "EUR",
       "valid_until": "2027-01-31", "payment_net_days": 60, "payment_basis": "end_of_month", "incoterm": "EXW",
       "incoterm_place": "Schio", "freight": "extra"},
      [{"part_number": "VN-880", "description": "Staffa a L zincata 40x40x3", "uom": "H87", "price_basis_qty": "100", "breaks": B("1000", "0.385"),
        "moq": "1000", "lead_time_days": 21, "tooling": [("Costo stampo", "2900.00")]},
       {"part_number": "VN-885", "description": "Rondella speciale inox Ø12", "uom": "H87", "price_basis_qty": "100", "breaks": B("5000", "0.092"),
        "moq": "5000", "lead_time_days": 21},
       {"part_number": "VN-890", "description": "Piastra di rinforzo sp. 12", "no_bid": True,
        "no_bid_reason": "spessore fuori dalla nostra capacità di tranciatura"}])

# ------------------------------------------------------------------ j01 API JSON, amounts in minor units
doc = {
    "object": "quote", "id": "qt_9Hk2LmQ0", "number": "NQ-2026-11873", "status": "open",
    "created_at": "2026-12-10T08:14:03Z", "expires_at": "2027-01-09T23:59:59Z",
    "seller": {"legal_name": "Nordic Fastener Hub ApS", "vat_id": "DK00000000", "country": "DK"},
    "buyer": {"name": "Holm & Kjær Maskinfabrik A/S", "customer_id": "cus_4411"},
    "currency": "dkk", "amount_exponent": 2,
    "payment_terms": {"type": "net", "days": 30},
    "shipping": {"incoterm": "DAP", "named_place": "Odense", "amount": 35000, "method": "per_shipment"},
    "items": [
        {"line": 1, "sku": "NFH-DIN933-M1040", "customer_sku": "HK-20011", "description": "Hex bolt DIN 933 M10x40 8.8 zinc",
         "unit": "piece", "tiers": [{"min_quantity": 500, "unit_amount": 142}, {"min_quantity": 2500, "unit_amount": 118}],
         "lead_time_days": 5},
        {"line": 2, "sku": "NFH-DIN934-M10", "customer_sku": "HK-20012", "description": "Hex nut DIN 934 M10 8 zinc",
         "unit": "piece", "tiers": [{"min_quantity": 1000, "unit_amount": 36}, {"min_quantity": 5000, "unit_amount": 29}],
         "lead_time_days": 5},
        {"line": 3, "sku": None, "customer_sku": "HK-20019", "description": "Flange bolt M10x25 10.9 Geomet",
         "unit": "piece", "tiers": [], "no_quote_reason": "not stocked, on request only"}],
}
n = "j01_api_json_minor_units_dkk_en.json"
write_doc(n, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
truth(n, "en", [2, 5, 7],
      "e-procurement API JSON: amounts in minor units with amount_exponent 2 (142 = 1.42 DKK), lowercase currency code, ISO timestamps, shipping amount per shipment in minor units, tiers list, a line with an empty tier list and a no-quote reason",
      {"supplier": "Nordic Fastener Hub ApS", "quote_ref": "NQ-2026-11873", "quote_date": "2026-12-10", "currency": "DKK",
       "valid_until": "2027-01-09", "payment_net_days": 30, "incoterm": "DAP", "incoterm_place": "Odense",
       "freight": "per_shipment", "freight_amount": "350.00"},
      [{"part_number": "HK-20011", "supplier_part": "NFH-DIN933-M1040", "description": "Hex bolt DIN 933 M10x40 8.8 zinc", "uom": "H87",
        "breaks": B("500", "1.42", "2500", "1.18"), "lead_time_days": 5},
       {"part_number": "HK-20012", "supplier_part": "NFH-DIN934-M10", "description": "Hex nut DIN 934 M10 8 zinc", "uom": "H87",
        "breaks": B("1000", "0.36", "5000", "0.29"), "lead_time_days": 5},
       {"part_number": "HK-20019", "description": "Flange bolt M10x25 10.9 Geomet", "no_bid": True, "no_bid_reason": "not stocked, on request only"}])

# ------------------------------------------------------------------ x07 es three sheets: Resumen / Precios / Utillaje
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Resumen"
for r in [["Mecanizados Navarra S.L."], ["Oferta nº", "OF-2026/3390"], ["Fecha", "11/12/2026"],
          ["Cliente", "Aerogeneradores del Ebro S.A."], ["Forma de pago", "60 días fecha factura"],
          ["Plazo de entrega", "3 semanas"], ["Portes", "pagados (incluidos en precio)"], ["Entrega", "DAP Pamplona"],
          ["Validez", "hasta 31/03/2027"], [], ["Ver hojas 'Precios' y 'Utillaje'."]]:
    ws.append(r)
ws.column_dimensions["A"].width = 20
ws.column_dimensions["B"].width = 32
ws2 = wb.create_sheet("Precios")
ws2.append(["Referencia", "Descripción", "Precio €/ud", None, None])
ws2.append([None, None, "1.000 uds", "5.000 uds", "10.000 uds"])
ws2.merge_cells("C1:E1")
for r in [["ES-5510", "Casquillo bronce Ø20x25", 1.45, 1.22, 1.10], ["ES-5520", "Pasador templado Ø6x40", 0.38, 0.31, 0.28],
          ["ES-5530", "Tuerca especial M16 autoblocante", 0.92, 0.79, 0.71]]:
    ws2.append(r)
    for c in ws2[ws2.max_row][2:]:
        c.number_format = '#,##0.00 "€"'
ws2.column_dimensions["B"].width = 34
ws3 = wb.create_sheet("Utillaje")
ws3.append(["Referencia", "Concepto", "Importe (€)"])
ws3.append(["ES-5510", "Útil de mecanizado (pago único)", 450.0])
ws3.append(["ES-5530", "Macho de roscar especial (pago único)", 320.0])
ws3.column_dimensions["B"].width = 38
n = "x07_three_sheets_resumen_precios_utillaje_eur_es.xlsx"
wb.save(path(n))
truth(n, "es", [1, 3, 4, 7],
      "workbook in three sheets: terms on 'Resumen', prices on 'Precios' under a merged '€/ud' header with '1.000 uds' sub-headers, one-time tooling per reference on 'Utillaje'",
      {"supplier": "Mecanizados Navarra S.L.", "quote_ref": "OF-2026/3390", "quote_date": "2026-12-11", "currency": "EUR",
       "valid_until": "2027-03-31", "payment_net_days": 60, "incoterm": "DAP", "incoterm_place": "Pamplona", "freight": "included"},
      [{"part_number": "ES-5510", "description": "Casquillo bronce Ø20x25", "uom": "H87", "breaks": B("1000", "1.45", "5000", "1.22", "10000", "1.10"),
        "lead_time_days": 21, "tooling": [("Útil de mecanizado", "450.00")]},
       {"part_number": "ES-5520", "description": "Pasador templado Ø6x40", "uom": "H87", "breaks": B("1000", "0.38", "5000", "0.31", "10000", "0.28"),
        "lead_time_days": 21},
       {"part_number": "ES-5530", "description": "Tuerca especial M16 autoblocante", "uom": "H87", "breaks": B("1000", "0.92", "5000", "0.79", "10000", "0.71"),
        "lead_time_days": 21, "tooling": [("Macho de roscar especial", "320.00")]}])
