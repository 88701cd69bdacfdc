"""E-mail quotes (e*) for heldout2. Truth typed by hand beside each document."""
import csv
import hashlib
import io
from email.message import EmailMessage

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from common import L, per, save, truth


def msg(frm, to, subject, date, text=None, html=None):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = "<%s@heldout2.example>" % hashlib.sha1((subject + date).encode()).hexdigest()[:16]
    if text is not None:
        m.set_content(text)
        if html is not None:
            m.add_alternative(html, subtype="html")
    elif html is not None:
        m.set_content(html, subtype="html")
    return m


def eml_bytes(m):
    return bytes(m)


# ---------------------------------------------------------------- e01 plain text, part heading rows, CAD
e01_text = """Hi Pat,

Please find our pricing below (Quote NSM-4410). All prices in Canadian dollars.

BRK-7781 Rev C   Mounting bracket, 11ga CRS, powder coat black
    250 pcs ............ $7.85 ea
    1,000 pcs .......... $6.40 ea
    2,500 pcs .......... $5.95 ea

BRK-7790 Rev A   Gusset plate 3/16 HRPO
    500 pcs ............ $2.10 ea
    2,000 pcs .......... $1.72 ea

One-time tooling for the BRK-7790 form die: $3,200.00.
Lead time is 5 weeks ARO. Terms 1% 15 net 45. FCA our dock, Hamilton, ON.
Quote valid 60 days.

Regards,
Dave Kowalski
Northshore Manufacturing Ltd.
905-555-0144

-----Original Message-----
From: Pat Nguyen <pat.nguyen@acme.example>
Sent: Friday, November 20, 2026 9:12 AM
To: Dave Kowalski
Subject: RFQ 5521 - brackets

Dave, please quote BRK-7781 rev C (250/1000/2500) and BRK-7790 rev A (500/2000).
Acme Industrial, Inc. - our standard terms are Net 60, DDP Columbus, OH.
"""
m = msg('"Dave Kowalski" <dave@northshoremfg.example>', "pat.nguyen@acme.example",
        "RE: RFQ 5521 - brackets", "Tue, 01 Dec 2026 14:05:33 -0500", text=e01_text)
save("e01_plain_heading_rows_cad_en.eml", eml_bytes(m), truth(
    "eml", "en", [1, 3, 5, 7],
    "plain-text reply: part heading lines then '250 pcs ..... $7.85 ea' rows; tooling sentence; Canadian dollars stated with '$'; quoted RFQ below with the buyer's other terms",
    {"supplier": "Northshore Manufacturing Ltd.", "quote_ref": "NSM-4410", "quote_date": "2026-12-01",
     "currency": "CAD", "validity_days": 60, "payment_net_days": 45, "payment_discount_pct": "1",
     "payment_discount_days": 15, "incoterm": "FCA", "incoterm_place": "Hamilton, ON"},
    [
        L("BRK-7781", "Mounting bracket, 11ga CRS, powder coat black",
          [(250, "7.85"), (1000, "6.40"), (2500, "5.95")], revision="C", uom="H87", lead_time_days=35),
        L("BRK-7790", "Gusset plate 3/16 HRPO", [(500, "2.10"), (2000, "1.72")], revision="A",
          uom="H87", lead_time_days=35, tooling=[("form die tooling", "3200.00")]),
    ]))

# ---------------------------------------------------------------- e02 HTML only, French, EOM
rows = [("FR-2201", "Vis épaulée inox M5", "1 000", "0,385", "4 sem."),
        ("", "", "5 000", "0,342", ""),
        ("FR-2210", "Entretoise laiton 8x12", "2 000", "0,214", "4 sem."),
        ("FR-2215", "Axe rectifié Ø8 h6 L45", "500", "1,96", "6 sem.")]
trs = "\n".join("<tr>" + "".join("<td>%s</td>" % c for c in r) + "</tr>" for r in rows)
e02_html = """<html><body>
<p>Bonjour Madame Girard,</p>
<p>Suite à votre demande, veuillez trouver notre devis n° <b>DV-26-0932</b> du 02/12/2026.</p>
<table border="1" cellpadding="3">
<tr><th>Référence client</th><th>Désignation</th><th>Qté</th><th>Prix unitaire HT (€)</th><th>Délai</th></tr>
%s
</table>
<p>Conditions de paiement : 45 jours fin de mois<br>
Port : franco, Incoterm DAP Grenoble<br>
Validité de l'offre : jusqu'au 28/02/2027</p>
<p>Cordialement,<br>Hélène Roux<br>Décolletage Savoyard SAS<br>Cluses</p>
</body></html>""" % trs
m = msg("Hélène Roux <h.roux@decolletage-savoyard.example>", "achats@acme.example",
        "Devis DV-26-0932", "Wed, 02 Dec 2026 10:20:00 +0100", html=e02_html)
save("e02_html_only_eom_eur_fr.eml", eml_bytes(m), truth(
    "eml", "fr", [1, 7],
    "HTML-only e-mail (no text part): table with a continuation row for a second break, weeks in 'Délai', 45 jours fin de mois, franco + DAP place, day-first dates",
    {"supplier": "Décolletage Savoyard SAS", "quote_ref": "DV-26-0932", "quote_date": "2026-12-02",
     "currency": "EUR", "valid_until": "2027-02-28", "payment_net_days": 45,
     "payment_basis": "end_of_month", "incoterm": "DAP", "incoterm_place": "Grenoble",
     "freight": "included"},
    [
        L("FR-2201", "Vis épaulée inox M5", [(1000, "0.385"), (5000, "0.342")], lead_time_days=28),
        L("FR-2210", "Entretoise laiton 8x12", [(2000, "0.214")], lead_time_days=28),
        L("FR-2215", "Axe rectifié Ø8 h6 L45", [(500, "1.96")], lead_time_days=42),
    ]))

# ---------------------------------------------------------------- e03 text says "see HTML", Italian
e03_text = """Gentile cliente,

la nostra offerta è nella versione HTML di questo messaggio (tabella prezzi).
Se non la vede, ce lo segnali.

Raccorderia Valtrompia S.r.l.
"""
e03_html = """<html><body>
<p>Gentile cliente,</p>
<p>Le inviamo la nostra offerta n. 26/1487 del 03/12/2026.</p>
<table border="1">
<tr><th rowspan="2">Codice cliente</th><th rowspan="2">Descrizione</th><th colspan="3">Prezzo unitario (€/pz)</th></tr>
<tr><th>500 pz</th><th>1.000 pz</th><th>2.500 pz</th></tr>
<tr><td>IT-3301</td><td>Raccordo a gomito 1/2" ottone</td><td>2,45</td><td>2,18</td><td>1,97</td></tr>
<tr><td>IT-3302</td><td>Nipplo 3/4" ottone</td><td>1,62</td><td>1,44</td><td>1,31</td></tr>
<tr><td>IT-3310</td><td>Valvola a sfera 1" PN25</td><td colspan="3">non disponibile</td></tr>
</table>
<p>Consegna: 20 giorni lavorativi dall'ordine.<br>
Pagamento: RiBa 60 gg d.f.f.m.<br>
Resa: EXW Lumezzane, BS - trasporto escluso<br>
Validità offerta: 30 giorni</p>
<p>Distinti saluti<br>Ufficio commerciale<br>Raccorderia Valtrompia S.r.l.</p>
</body></html>"""
m = msg("Ufficio commerciale <vendite@raccorderia-valtrompia.example>", "acquisti@acme.example",
        "Offerta 26/1487", "Thu, 03 Dec 2026 16:45:10 +0100", text=e03_text, html=e03_html)
save("e03_text_see_html_breaks_it.eml", eml_bytes(m), truth(
    "eml", "it", [1, 4, 5, 7],
    "multipart/alternative whose text part only says the offer is in the HTML part; merged price header with '500 pz | 1.000 pz | 2.500 pz' sub-headers; a 'non disponibile' row (no-bid); d.f.f.m. terms; trasporto escluso; working days are not calendar days (no lead time in truth)",
    {"supplier": "Raccorderia Valtrompia S.r.l.", "quote_ref": "26/1487", "quote_date": "2026-12-03",
     "currency": "EUR", "validity_days": 30, "payment_net_days": 60,
     "payment_basis": "end_of_month", "incoterm": "EXW", "incoterm_place": "Lumezzane, BS",
     "freight": "extra"},
    [
        L("IT-3301", "Raccordo a gomito 1/2\" ottone", [(500, "2.45"), (1000, "2.18"), (2500, "1.97")],
          uom="H87"),
        L("IT-3302", "Nipplo 3/4\" ottone", [(500, "1.62"), (1000, "1.44"), (2500, "1.31")], uom="H87"),
        L("IT-3310", "Valvola a sfera 1\" PN25", no_bid=True, no_bid_reason="non disponibile"),
    ]))

# ---------------------------------------------------------------- e04 body terms + XLSX with Price UOM M/C/EA
wb = Workbook()
ws = wb.active
ws.title = "Quote Q-88213"
ws.append(["Item", "Customer P/N", "Description", "Qty", "Unit Price", "Price UOM", "Lead Time (wks)"])
for r in [(1, "SPR-100", "Compression spring .030 wire, music wire", 10000, 42.50, "M", 3),
          (2, "SPR-100", "Compression spring .030 wire, music wire", 50000, 36.75, "M", 3),
          (3, "SPR-115", "Extension spring, 302 SS, hook ends", 5000, 9.80, "C", 3),
          (4, "SPR-140", "Torsion spring, 90 deg legs", 2000, 0.315, "EA", 4)]:
    ws.append(list(r))
buf = io.BytesIO()
wb.save(buf)
e04_text = """Good afternoon Ms. Alvarez,

Attached is our quotation Q-88213 dated 12/02/2026 for the springs on your RFQ.
Please note the Price UOM column: M = per thousand, C = per hundred, EA = each.

Terms: 2% 10 Net 30. F.O.B. Elk Grove Village, IL. Freight collect.
Valid through 01/31/2027.

Best regards,
Tom Reilly
Prairie Spring & Wire Form, Inc.
"""
m = msg("Tom Reilly <treilly@prairiespring.example>", "m.alvarez@acme.example",
        "Quotation Q-88213", "Wed, 02 Dec 2026 15:30:00 -0600", text=e04_text)
m.add_attachment(buf.getvalue(), maintype="application",
                 subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 filename="Q-88213.xlsx")
save("e04_xlsx_attachment_price_uom_usd_en.eml", eml_bytes(m), truth(
    "eml", "en", [2, 4, 7],
    "terms in the body, prices in an XLSX attachment with a Price UOM column (M, C, EA) explained in the body; breaks as repeated rows; F.O.B. dotted; freight collect; US dates",
    {"supplier": "Prairie Spring & Wire Form, Inc.", "quote_ref": "Q-88213", "quote_date": "2026-12-02",
     "currency": "USD", "valid_until": "2027-01-31", "payment_net_days": 30,
     "payment_discount_pct": "2", "payment_discount_days": 10, "incoterm": "FOB",
     "incoterm_place": "Elk Grove Village, IL", "freight": "extra"},
    [
        L("SPR-100", "Compression spring .030 wire, music wire",
          [(10000, per("42.50", 1000)), (50000, per("36.75", 1000))], price_basis_qty=1000,
          lead_time_days=21),
        L("SPR-115", "Extension spring, 302 SS, hook ends", [(5000, per("9.80", 100))],
          price_basis_qty=100, lead_time_days=21),
        L("SPR-140", "Torsion spring, 90 deg legs", [(2000, "0.315")], uom="EA", lead_time_days=28),
    ]))

# ---------------------------------------------------------------- e05 prose reply to an RFQ: no-bids, alternate, tooling
e05_text = """Hello Mr. Patel,

Thanks for the opportunity. Keystone Plastics Corp. quotes as follows (our ref. KP-Q-26-771):

Line 1, HSG-2040 rev B housing: 1,000 @ $4.12, 5,000 @ $3.64. Mold: $18,500 one time, 6 weeks to T1 samples.
Line 2, LID-2041 rev B lid: 1,000 @ $1.38, 5,000 @ $1.19. Mold is $9,750.
Line 3, the TPE gasket GSK-2042: we do not mold TPE, so no bid.
Line 4, KNB-2043 knob: $0.88 at 5,000 in PC as drawn. As an alternate we can offer it in ABS at $0.62 at 5,000.
All other items: no quote.

Production lead time 4 weeks after sample approval. Prices in USD, FOB Erie, PA. Net 30. Valid 90 days.

Sandra Okafor
Inside Sales, Keystone Plastics Corp.

On Mon, Nov 23, 2026 at 8:02 AM Raj Patel <raj.patel@acme.example> wrote:
> Please quote RFQ-2026-0419 by 12/10/2026. Acme Industrial, Inc. terms: Net 60, DDP Columbus, OH.
> 1  HSG-2040 rev B  Housing, PC/ABS          1000 / 5000
> 2  LID-2041 rev B  Lid, PC/ABS              1000 / 5000
> 3  GSK-2042 rev A  Gasket, TPE 60A          5000
> 4  KNB-2043 rev A  Knob, PC                 5000
> 5  SCR-2050        Screw, thread forming    20000
> 6  INS-2051        Insert, brass M3         20000
"""
m = msg("Sandra Okafor <sandra.okafor@keystoneplastics.example>", "raj.patel@acme.example",
        "Re: RFQ-2026-0419 molded parts", "Thu, 03 Dec 2026 11:17:42 -0500", text=e05_text)
rfq = {"rfq": "RFQ-2026-0419", "currency": "USD", "lines": [
    {"line": "1", "part_number": "HSG-2040", "revision": "B", "description": "Housing, PC/ABS", "quantities": ["1000", "5000"]},
    {"line": "2", "part_number": "LID-2041", "revision": "B", "description": "Lid, PC/ABS", "quantities": ["1000", "5000"]},
    {"line": "3", "part_number": "GSK-2042", "revision": "A", "description": "Gasket, TPE 60A", "quantities": ["5000"]},
    {"line": "4", "part_number": "KNB-2043", "revision": "A", "description": "Knob, PC", "quantities": ["5000"], "last_price": "0.91"},
    {"line": "5", "part_number": "SCR-2050", "description": "Screw, thread forming", "quantities": ["20000"]},
    {"line": "6", "part_number": "INS-2051", "description": "Insert, brass M3", "quantities": ["20000"]},
]}
save("e05_reply_prose_nobids_alternate_usd_en.eml", eml_bytes(m), truth(
    "eml", "en", [3, 5, 7],
    "reply in prose: '1,000 @ $4.12' breaks, molds as sentences, no-bid by description, alternate in words, blanket 'All other items: no quote'; quoted RFQ with the buyer's terms and a due date; supplier is the company, not the contact",
    {"supplier": "Keystone Plastics Corp.", "quote_ref": "KP-Q-26-771", "quote_date": "2026-12-03",
     "currency": "USD", "validity_days": 90, "payment_net_days": 30, "incoterm": "FOB",
     "incoterm_place": "Erie, PA"},
    [
        L("HSG-2040", "housing", [(1000, "4.12"), (5000, "3.64")], revision="B", lead_time_days=28,
          tooling=[("Mold", "18500")], rfq_line="1"),
        L("LID-2041", "lid", [(1000, "1.38"), (5000, "1.19")], revision="B", lead_time_days=28,
          tooling=[("Mold", "9750")], rfq_line="2"),
        L("GSK-2042", "TPE gasket", no_bid=True, no_bid_reason="we do not mold TPE", rfq_line="3"),
        L("KNB-2043", "knob", [(5000, "0.88")], lead_time_days=28,
          alternate="in ABS at $0.62 at 5,000", rfq_line="4"),
        L("SCR-2050", no_bid=True, no_bid_reason="All other items: no quote", rfq_line="5"),
        L("INS-2051", no_bid=True, no_bid_reason="All other items: no quote", rfq_line="6"),
    ]), rfq=rfq)

# ---------------------------------------------------------------- e06 Chinese-English body, CSV attachment, mould column, RMB
e06_text = """您好 Mr. Schmidt,

附件为我司报价单 SZQ-20261204-02，报价日期 2026-12-04。
All prices are in RMB (人民币), incl. 13% VAT.

付款方式 Payment: T/T 30% deposit, balance before shipment.
交货期 Lead time: 25 days after deposit.
贸易条款 Trade term: FOB Shenzhen.
报价有效期 Validity: 30 days.

Best regards,
Lily Chen
Sales Dept.
Shenzhen Hualian Precision Hardware Co., Ltd.
"""
csvbuf = io.StringIO()
w = csv.writer(csvbuf, lineterminator="\r\n")
w.writerow(["序号 No.", "客户料号 Customer P/N", "我司料号 Our P/N", "品名 Description", "数量 Qty",
            "单价 Unit Price (¥)", "模具费 Mould (¥)"])
w.writerow([1, "CN-5501", "HL-5501-A", "不锈钢弹片 SS spring clip", "10,000", "0.86", "12,000"])
w.writerow([2, "CN-5502", "HL-5502-B", "铜端子 brass terminal", "20,000", "0.235", "0"])
w.writerow([3, "CN-5503", "HL-5503-A", "铝散热片 aluminium heatsink", "3,000", "6.40", "28,500"])
m = msg("Lily Chen <lily@hualian-hw.example>", "k.schmidt@acme.example",
        "报价 Quotation SZQ-20261204-02", "Fri, 04 Dec 2026 09:03:00 +0800", text=e06_text)
m.add_attachment(csvbuf.getvalue().encode("utf-8-sig"), maintype="text", subtype="csv",
                 filename="SZQ-20261204-02.csv")
save("e06_csv_attachment_mould_cny_zh.eml", eml_bytes(m), truth(
    "eml", "zh", [3, 6, 7],
    "Chinese-English body with terms (RMB stated, ¥ in the CSV), CSV attachment with customer and own part-number columns and a mould-cost column (0 = none), T/T 30% deposit",
    {"supplier": "Shenzhen Hualian Precision Hardware Co., Ltd.", "quote_ref": "SZQ-20261204-02",
     "quote_date": "2026-12-04", "currency": "CNY", "validity_days": 30, "payment_deposit_pct": "30",
     "incoterm": "FOB", "incoterm_place": "Shenzhen"},
    [
        L("CN-5501", "不锈钢弹片 SS spring clip", [(10000, "0.86")], supplier_part="HL-5501-A",
          lead_time_days=25, tooling=[("模具费 Mould", "12000")]),
        L("CN-5502", "铜端子 brass terminal", [(20000, "0.235")], supplier_part="HL-5502-B",
          lead_time_days=25),
        L("CN-5503", "铝散热片 aluminium heatsink", [(3000, "6.40")], supplier_part="HL-5503-A",
          lead_time_days=25, tooling=[("模具费 Mould", "28500")]),
    ]))

# ---------------------------------------------------------------- e07 German body + PDF attachment
pbuf = io.BytesIO()
doc = SimpleDocTemplate(pbuf, pagesize=A4, title="Angebot 2026-A-0877")
st = getSampleStyleSheet()
story = [Paragraph("Pforzheimer Stanztechnik GmbH &amp; Co. KG", st["Title"]),
         Paragraph("Angebot Nr. 2026-A-0877 &nbsp;&nbsp; Datum: 04.12.2026 &nbsp;&nbsp; Gültig bis: 15.01.2027", st["Normal"]),
         Spacer(1, 12)]
data = [["Pos", "Ihre Art.-Nr.", "Unsere Art.-Nr.", "Bezeichnung", "Menge", "Preis/Stk EUR", "Lieferzeit"],
        ["10", "3300-1120", "ST-88120", "Kontaktfeder CuSn6", "5.000", "0,214", "3 Wo."],
        ["20", "3300-1125", "ST-88125", "Haltewinkel 1.4310", "2.000", "1,185", "5 Wo."],
        ["30", "3300-1130", "ST-88130", "Schirmblech DC01 verzinnt", "1.000", "2,760", "5 Wo."]]
tb = Table(data)
tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("FONTSIZE", (0, 0), (-1, -1), 8)]))
story += [tb, Spacer(1, 12),
          Paragraph("Folgeverbundwerkzeug für Pos. 20: 7.900,00 EUR einmalig, geht in Ihr Eigentum über.", st["Normal"]),
          Paragraph("Zahlungsbedingungen: 30 Tage netto. Lieferbedingungen: FCA Pforzheim. "
                    "Verpackung und Fracht werden gesondert berechnet.", st["Normal"])]
doc.build(story)
e07_text = """Sehr geehrter Herr Keller,

vielen Dank für Ihre Anfrage. Anbei erhalten Sie unser Angebot 2026-A-0877 als PDF.

Mit freundlichen Grüßen
Martin Vogt
Vertrieb
Pforzheimer Stanztechnik GmbH & Co. KG
"""
m = msg("Martin Vogt <m.vogt@pf-stanztechnik.example>", "t.keller@acme.example",
        "Angebot 2026-A-0877", "Fri, 04 Dec 2026 13:11:00 +0100", text=e07_text)
m.add_attachment(pbuf.getvalue(), maintype="application", subtype="pdf", filename="Angebot_2026-A-0877.pdf")
save("e07_pdf_attachment_tooling_remark_de.eml", eml_bytes(m), truth(
    "eml", "de", [1, 3, 6, 7],
    "short German body, the quote in a reportlab PDF attachment: customer and own article numbers, 'Wo.' lead times, progressive die as a remark naming the position, freight charged separately",
    {"supplier": "Pforzheimer Stanztechnik GmbH & Co. KG", "quote_ref": "2026-A-0877",
     "quote_date": "2026-12-04", "currency": "EUR", "valid_until": "2027-01-15",
     "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Pforzheim", "freight": "extra"},
    [
        L("3300-1120", "Kontaktfeder CuSn6", [(5000, "0.214")], supplier_part="ST-88120", lead_time_days=21),
        L("3300-1125", "Haltewinkel 1.4310", [(2000, "1.185")], supplier_part="ST-88125", lead_time_days=35,
          tooling=[("Folgeverbundwerkzeug", "7900.00")]),
        L("3300-1130", "Schirmblech DC01 verzinnt", [(1000, "2.760")], supplier_part="ST-88130",
          lead_time_days=35),
    ]))

# ---------------------------------------------------------------- e08 HTML + text, tooling column, numeric break headers, EUR/NL-style in English
e08_html = """<html><body><p>Dear buyer,</p>
<p>Our quotation VQ-2026-118 (9 December 2026) for the machined parts:</p>
<table border="1">
<tr><th>Drawing no.</th><th>Rev.</th><th>Description</th><th>250</th><th>1000</th><th>4000</th><th>Fixture (one-off)</th></tr>
<tr><td>NL-6010</td><td>C</td><td>Manifold block, AlMgSi1</td><td>38.20</td><td>33.75</td><td>31.10</td><td>1,450.00</td></tr>
<tr><td>NL-6022</td><td>-</td><td>Spacer ring, POM-C</td><td>1.84</td><td>1.32</td><td>1.15</td><td></td></tr>
<tr><td>NL-6031</td><td>A</td><td>Cover plate, S235 galvanised</td><td>no quote</td><td>no quote</td><td>no quote</td><td></td></tr>
</table>
<p>Prices in euro per piece at the quantities shown in the column headers. Lead time 6 weeks.
Payment 30 days net. Delivery FCA Eindhoven. Valid until 31 January 2027.</p>
<p>Kind regards,<br>Van Dijk Precisietechniek B.V.</p></body></html>"""
e08_text = """Dear buyer,

Our quotation VQ-2026-118 is in the HTML version of this e-mail.

Kind regards,
Van Dijk Precisietechniek B.V.
"""
m = msg("Sales <sales@vandijk-precisie.example>", "buyer@acme.example",
        "Quotation VQ-2026-118", "Wed, 09 Dec 2026 08:44:00 +0100", text=e08_text, html=e08_html)
save("e08_html_numeric_breaks_fixture_eur_en.eml", eml_bytes(m), truth(
    "eml", "en", [1, 3, 4, 6, 7],
    "text part points to the HTML; HTML table with bare numeric break headers 250|1000|4000, a fixture column, '-' revision placeholder, 'no quote' row",
    {"supplier": "Van Dijk Precisietechniek B.V.", "quote_ref": "VQ-2026-118", "quote_date": "2026-12-09",
     "currency": "EUR", "valid_until": "2027-01-31", "payment_net_days": 30, "incoterm": "FCA",
     "incoterm_place": "Eindhoven"},
    [
        L("NL-6010", "Manifold block, AlMgSi1", [(250, "38.20"), (1000, "33.75"), (4000, "31.10")],
          revision="C", lead_time_days=42, tooling=[("Fixture (one-off)", "1450.00")]),
        L("NL-6022", "Spacer ring, POM-C", [(250, "1.84"), (1000, "1.32"), (4000, "1.15")],
          lead_time_days=42),
        L("NL-6031", "Cover plate, S235 galvanised", no_bid=True, no_bid_reason="no quote"),
    ]))
