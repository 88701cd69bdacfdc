"""E-mails as suppliers send them: HTML-only bodies, reply threads quoting the buyer's
RFQ, multipart messages with CSV / XLSX / PDF attachments. Truth written by hand."""
import io
from common import about, msg, out, write_doc, write_truth


# ---------------------------------------------------------------- e01: HTML-only table, GBP, per-1000 column
m = msg('"Priya Shah" <priya.shah@tvch.co.uk>', "Bea Buyer <buyer@acme.example>",
        "Quotation Q-88213 - terminals and sensor harness", "Tue, 11 Mar 2025 10:42:17 +0000",
        "<q88213.1741689737@tvch.co.uk>")
m.set_content("This message contains HTML content. Please view it in an HTML-capable mail client.\n")
m.add_alternative("""<html><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">
<p>Dear Bea,</p>
<p>Thank you for your enquiry. Please find our quotation below.</p>
<p><b>Quotation No:</b> Q-88213<br><b>Date:</b> 11 March 2025<br><b>Validity:</b> 60 days from date of quotation</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<tr style="background:#1f4e79;color:white"><th>Your P/N</th><th>Description</th><th>Qty</th><th>Price &pound;</th><th>Per</th><th>NRE</th><th>Lead time</th></tr>
<tr><td>TRM-2210</td><td>Ring terminal M4, 0.5-1.5mm&sup2;, tin plated</td><td align="right">10,000</td><td align="right">38.20</td><td>1000</td><td>&ndash;</td><td>stock</td></tr>
<tr><td>TRM-2214</td><td>Spade terminal 6.3 x 0.8 mm, insulated</td><td align="right">10,000</td><td align="right">44.75</td><td>1000</td><td>&ndash;</td><td>3 wks</td></tr>
<tr><td>HRN-0907</td><td>Sensor harness 6-way, 450 mm</td><td align="right">500</td><td align="right">12.85</td><td>1</td><td align="right">650.00 (test fixture)</td><td>5-6 wks</td></tr>
<tr><td>HRN-0907</td><td>Sensor harness 6-way, 450 mm</td><td align="right">2,000</td><td align="right">11.40</td><td>1</td><td></td><td>5-6 wks</td></tr>
</table>
<p>All prices in GBP, excluding VAT.<br>
Payment: 30 days end of month.<br>
Delivery: DAP Birmingham, UK &ndash; carriage included.</p>
<p>Kind regards,</p>
<p>Priya Shah<br>Internal Sales<br><b>Thames Valley Cable &amp; Harness Ltd</b><br>Unit 7, Kennet Park, Reading RG2 0QX</p>
<p style="font-size:8pt;color:#888">This e-mail and any attachments are confidential. If you have received it in error please notify the sender and delete it. Registered in England No. 04417720.</p>
</body></html>
""", subtype="html")
write_doc("e01_html_only_gbp_en.eml", out(m))
write_truth("e01_html_only_gbp_en.eml", {
    "about": about("eml", "en", [1, 2, 3, 7],
                   "HTML-only table (text part says view HTML), 'Per' column 1000 vs 1, NRE column with words, break as repeated row, 30 days EOM, DAP City, UK"),
    "header": {
        "supplier": "Thames Valley Cable & Harness Ltd",
        "quote_ref": "Q-88213",
        "quote_date": "2025-03-11",
        "currency": "GBP",
        "validity_days": 60,
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "incoterm": "DAP",
        "incoterm_place": "Birmingham, UK",
        "freight": "included",
    },
    "lines": [
        {"part_number": "TRM-2210", "description": "Ring terminal M4, 0.5-1.5mm², tin plated",
         "price_basis_qty": "1000", "breaks": [["10000", "0.0382"]], "lead_time_days": 0},
        {"part_number": "TRM-2214", "description": "Spade terminal 6.3 x 0.8 mm, insulated",
         "price_basis_qty": "1000", "breaks": [["10000", "0.04475"]], "lead_time_days": 21},
        {"part_number": "HRN-0907", "description": "Sensor harness 6-way, 450 mm",
         "breaks": [["500", "12.85"], ["2000", "11.40"]], "lead_time_days": 42,
         "tooling": [["NRE test fixture", "650.00"]]},
    ],
})

# ---------------------------------------------------------------- e02: reply quoting the RFQ, AUD with $
m = msg('"Tom Nguyen" <tom@scfab.com.au>', '"Sarah Lim" <sarah.lim@harbourpumps.com.au>',
        "RE: RFQ-2025-031 - laser cut brackets", "Tue, 20 May 2025 16:05:11 +1000",
        "<SY4PR01MB7781.20250520@scfab.com.au>")
m["In-Reply-To"] = "<rfq2025031@harbourpumps.com.au>"
m.set_content("""Hi Sarah,

Please see our prices below. All prices are in Australian dollars (AUD), ex GST.
Our quote no. SCF-2291

BRK-4410 Rev C - Mounting bracket, 3mm mild steel, powder coat black
Qty     Price
100     $8.90
500     $7.35
1000    $6.80

BRK-4415 Rev A - Gusset plate 5mm, mild steel, zinc plated
Qty     Price
200     $4.15
1000    $3.60

Lead time 3 weeks from drawing approval.
Freight included, delivered DAP Wetherill Park, NSW.
Payment 30 days from invoice. Quote valid 30 days.

Cheers,
Tom Nguyen
Estimator | Southern Cross Fabrication Pty Ltd
ph 02 9756 1180

-----Original Message-----
From: Sarah Lim <sarah.lim@harbourpumps.com.au>
Sent: Monday, 12 May 2025 9:14 AM
To: tom@scfab.com.au
Subject: RFQ-2025-031 - laser cut brackets

Hi Tom,

Harbour Pumps Pty Ltd requests a quote for the following:

Line 10: BRK-4410 Rev C, qty 100 / 500 / 1000
Line 20: BRK-4415 Rev A, qty 200 / 1000
Line 30: PLT-0092 Rev B, base plate 10mm, qty 50

Please quote by 23 May 2025, prices in AUD, FOB our Sydney warehouse.
Payment terms 60 days EOM.

Regards,
Sarah Lim
Purchasing Officer, Harbour Pumps Pty Ltd
""")
write_doc("e02_reply_thread_aud_en.eml", out(m))
write_truth("e02_reply_thread_aud_en.eml", {
    "about": about("eml", "en", [1, 4, 7],
                   "reply with small Qty/Price tables under part lines, quoting the buyer's RFQ (other date, other terms, buyer company); $ with AUD stated in words"),
    "header": {
        "supplier": "Southern Cross Fabrication Pty Ltd",
        "quote_ref": "SCF-2291",
        "quote_date": "2025-05-20",
        "currency": "AUD",
        "validity_days": 30,
        "payment_net_days": 30,
        "incoterm": "DAP",
        "incoterm_place": "Wetherill Park, NSW",
        "freight": "included",
    },
    "lines": [
        {"part_number": "BRK-4410", "revision": "C", "description": "Mounting bracket, 3mm mild steel, powder coat black",
         "breaks": [["100", "8.90"], ["500", "7.35"], ["1000", "6.80"]], "lead_time_days": 21, "rfq_line": "10"},
        {"part_number": "BRK-4415", "revision": "A", "description": "Gusset plate 5mm, mild steel, zinc plated",
         "breaks": [["200", "4.15"], ["1000", "3.60"]], "lead_time_days": 21, "rfq_line": "20"},
    ],
}, rfq={
    "rfq": "RFQ-2025-031", "currency": "AUD",
    "lines": [
        {"line": "10", "part_number": "BRK-4410", "revision": "C", "description": "Mounting bracket 3mm MS powder coat",
         "quantities": ["100", "500", "1000"]},
        {"line": "20", "part_number": "BRK-4415", "revision": "A", "description": "Gusset plate 5mm",
         "quantities": ["200", "1000"]},
        {"line": "30", "part_number": "PLT-0092", "revision": "B", "description": "Base plate 10mm",
         "quantities": ["50"]},
    ],
})

# ---------------------------------------------------------------- e03: Spanish body + semicolon CSV, MXN with $
m = msg('"Lucía Hernández" <lhernandez@tednorte.com.mx>', '"Ing. Jorge Ramírez" <jramirez@bajiomotores.mx>',
        "Cotización COT-4471 - piezas troqueladas", "Wed, 26 Feb 2025 11:20:45 -0600",
        "<cot4471.20250226@tednorte.com.mx>")
m.set_content("""Estimado Ing. Ramírez:

Adjunto encontrará nuestra cotización COT-4471 correspondiente a su solicitud del 19 de febrero.
Todos los precios están expresados en pesos mexicanos (MXN), más IVA.

Condiciones comerciales:
- Pago: 30 días fin de mes.
- Flete no incluido; entrega F.O.B. Apodaca, N.L.
- Vigencia de la cotización: 15 días.
- Tiempo de entrega: 2 a 3 semanas después de recibir su orden de compra.
- El herramental para la pieza TR-220 tiene un costo de $28,500.00 MXN (pago único).

Quedamos a sus órdenes.

Saludos cordiales,
Lucía Hernández
Ejecutiva de Ventas
Troqueles y Estampados del Norte, S.A. de C.V.
Tel. (81) 8145-2200
""")
csv_text = ("No. Parte;Descripción;Cantidad;Precio Unitario;Unidad\r\n"
            "TR-220;Soporte troquelado acero 1010 cal. 14;5,000;12.45;PZA\r\n"
            "TR-220;Soporte troquelado acero 1010 cal. 14;10,000;11.80;PZA\r\n"
            "TR-231;Abrazadera galvanizada 2\";2,000;8.90;PZA\r\n"
            "TR-240;Placa base 1/4\" con barrenos;500;64.30;PZA\r\n")
m.add_attachment(csv_text.encode("utf-8"), maintype="text", subtype="csv", filename="COT-4471.csv")
write_doc("e03_body_terms_csv_mxn_es.eml", out(m))
write_truth("e03_body_terms_csv_mxn_es.eml", {
    "about": about("eml", "es", [3, 5, 7],
                   "terms and tooling in the Spanish body, lines in a semicolon CSV attachment; $ with pesos mexicanos stated; F.O.B. City, ST; fin de mes"),
    "header": {
        "supplier": "Troqueles y Estampados del Norte, S.A. de C.V.",
        "quote_ref": "COT-4471",
        "quote_date": "2025-02-26",
        "currency": "MXN",
        "validity_days": 15,
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "incoterm": "FOB",
        "incoterm_place": "Apodaca, N.L.",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "TR-220", "description": "Soporte troquelado acero 1010 cal. 14", "uom": "H87",
         "breaks": [["5000", "12.45"], ["10000", "11.80"]], "lead_time_days": 21,
         "tooling": [["Herramental", "28500.00"]]},
        {"part_number": "TR-231", "description": "Abrazadera galvanizada 2\"", "uom": "H87",
         "breaks": [["2000", "8.90"]], "lead_time_days": 21},
        {"part_number": "TR-240", "description": "Placa base 1/4\" con barrenos", "uom": "H87",
         "breaks": [["500", "64.30"]], "lead_time_days": 21},
    ],
})

# ---------------------------------------------------------------- e04: Dutch body + XLSX with merged price header
import openpyxl
from openpyxl.styles import Alignment, Font

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Offerte"
ws["A1"] = "Van Dijk Kunststoftechniek B.V."
ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Offerte OF-25-1093"
ws.append([])
ws.append(["Artikelnr. klant", "Omschrijving", "Materiaal", "Prijs per stuk (EUR)", None, None, "Matrijskosten (EUR)"])
ws.append([None, None, None, "500 st.", "1.000 st.", "5.000 st.", None])
ws.merge_cells("D4:F4")
for r, c in [("A4", "A5"), ("B4", "B5"), ("C4", "C5"), ("G4", "G5")]:
    ws.merge_cells(f"{r}:{c}")
for row in [["KD-7781", "Afdekkap Ø32", "PP zwart", 0.412, 0.356, 0.298, 4250],
            ["KD-7782", "Afdekkap Ø40", "PP zwart", 0.488, 0.421, 0.365, 4600],
            ["KD-7790", "Klemring 20 mm", "PA6-GF30", 0.295, 0.248, 0.205, "bestaande matrijs"]]:
    ws.append(row)
for c in ws[4] + ws[5]:
    c.font = Font(bold=True)
    c.alignment = Alignment(horizontal="center")
for r in range(6, 9):
    for col in "DEF":
        ws[f"{col}{r}"].number_format = "0.000"
    ws[f"G{r}"].number_format = "#,##0.00"
ws.column_dimensions["B"].width = 22
buf = io.BytesIO()
wb.save(buf)

m = msg('"Pieter Jansen" <p.jansen@vandijk-kunststof.nl>', '"Dhr. M. de Vries" <m.devries@hollandpompen.nl>',
        "Offerte OF-25-1093 spuitgietdelen", "Thu, 03 Apr 2025 14:02:33 +0200",
        "<of251093.20250403@vandijk-kunststof.nl>")
m.set_content("""Geachte heer De Vries,

Hierbij ontvangt u onze offerte OF-25-1093 d.d. 3 april 2025 voor de gevraagde spuitgietdelen (zie bijlage).

Levertijd: 4 à 5 weken na orderbevestiging en akkoord op de eerste monsters.
Betaling: 30 dagen netto.
Levering: DAP Eindhoven, vracht inbegrepen.
Deze offerte is geldig tot 30 juni 2025.

Wij vertrouwen erop u hiermee een passende aanbieding te hebben gedaan.

Met vriendelijke groet,

Pieter Jansen
Verkoop binnendienst
Van Dijk Kunststoftechniek B.V.
Tel. +31 (0)40 123 4567
""")
m.add_attachment(buf.getvalue(), maintype="application",
                 subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="OF-25-1093.xlsx")
write_doc("e04_body_xlsx_merged_nl.eml", out(m))
write_truth("e04_body_xlsx_merged_nl.eml", {
    "about": about("eml", "nl", [3, 4],
                   "Dutch body with terms, XLSX attachment: quantity sub-headers under a merged price header, mould cost column (one cell says 'bestaande matrijs')"),
    "header": {
        "supplier": "Van Dijk Kunststoftechniek B.V.",
        "quote_ref": "OF-25-1093",
        "quote_date": "2025-04-03",
        "currency": "EUR",
        "valid_until": "2025-06-30",
        "payment_net_days": 30,
        "incoterm": "DAP",
        "incoterm_place": "Eindhoven",
        "freight": "included",
    },
    "lines": [
        {"part_number": "KD-7781", "description": "Afdekkap Ø32", "uom": "H87",
         "breaks": [["500", "0.412"], ["1000", "0.356"], ["5000", "0.298"]], "lead_time_days": 35,
         "tooling": [["Matrijskosten", "4250"]]},
        {"part_number": "KD-7782", "description": "Afdekkap Ø40", "uom": "H87",
         "breaks": [["500", "0.488"], ["1000", "0.421"], ["5000", "0.365"]], "lead_time_days": 35,
         "tooling": [["Matrijskosten", "4600"]]},
        {"part_number": "KD-7790", "description": "Klemring 20 mm", "uom": "H87",
         "breaks": [["500", "0.295"], ["1000", "0.248"], ["5000", "0.205"]], "lead_time_days": 35},
    ],
})
print("eml part 1: 4 documents")
