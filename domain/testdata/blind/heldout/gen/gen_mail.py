"""E-mails: HTML-only, reply threads quoting the buyer's RFQ, attachments (CSV, XLSX, PDF)."""
import io
import re
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone, timedelta
from email import policy

from common import truth, write_bytes


def msg(frm, to, subject, date, **extra):
    m = EmailMessage(policy=policy.SMTP)
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = extra.get("mid", "<%s@mail.example>" % re.sub(r"[^A-Za-z0-9]+", ".", subject).strip("."))
    if "in_reply_to" in extra:
        m["In-Reply-To"] = extra["in_reply_to"]
        m["References"] = extra["in_reply_to"]
    return m


# ---------------------------------------------------------------- h06 HTML-only body
html = """<html><head><style>
td,th{border:1px solid #999;padding:3px 6px;font-family:Arial;font-size:10pt}
th{background:#dde}</style></head><body>
<p>Dear Mr Whitfield,</p>
<p>Thank you for your enquiry. Please find our quotation below.</p>
<table cellspacing="0">
<tr><td colspan="2"><b>Quotation No.</b></td><td colspan="5">PF/Q/88213</td></tr>
<tr><td colspan="2"><b>Date</b></td><td colspan="5">14/03/2024</td></tr>
<tr><th>Your Part No</th><th>Our Ref</th><th>Description</th><th>Qty</th><th>Price &pound;</th><th>Per</th><th>Delivery</th></tr>
<tr><td>HX-M8-30</td><td>PF-10293</td><td>Hex set screw M8 x 30, 8.8, BZP</td><td align="right">1,000</td><td align="right">6.85</td><td>100</td><td>Stock</td></tr>
<tr><td></td><td></td><td></td><td align="right">10,000</td><td align="right">5.90</td><td>100</td><td>Stock</td></tr>
<tr><td>NY-M8</td><td>PF-11820</td><td>Nyloc nut M8, BZP</td><td align="right">5,000</td><td align="right">1.62</td><td>100</td><td>Stock</td></tr>
<tr><td>WS-M8-A</td><td>PF-12007</td><td>Form A washer M8, BZP</td><td align="right">5,000</td><td align="right">0.98</td><td>100</td><td>Stock</td></tr>
<tr><td>SP-4410</td><td>PF-SPEC-3</td><td>Shoulder bolt to your drawing SP-4410 issue 2</td><td align="right">500</td><td align="right">1.45</td><td>each</td><td>3 weeks</td></tr>
<tr><td colspan="7"><i>Remarks:</i> SP-4410 requires a one-off setting / tooling charge of &pound;275.00.
Quotation valid for 90 days. Payment 30 days end of month. Carriage &pound;18.50 per consignment.
All prices exclude VAT.</td></tr>
</table>
<p>Kind regards,<br>Sandra Holt<br>Sales Office<br><b>Pennine Fasteners Ltd</b><br>Unit 4, Calder Park, Brighouse HD6 1QT</p>
<p style="font-size:8pt;color:#777">This e-mail and any attachments are confidential. If you have received it in error please notify the sender and delete it. Pennine Fasteners Ltd, registered in England No. 04411223.</p>
</body></html>"""
m = msg("Sandra Holt <sales@pennine-fasteners.example>", "r.whitfield@moorland-eng.example",
        "RE: Enquiry - fasteners for BX-200 frame", "Thu, 14 Mar 2024 10:12:40 +0000")
m.set_content("This message contains a formatted quotation. Please view it in an HTML-capable e-mail client.\n")
m.add_alternative(html, subtype="html")
write_bytes("h06_html_only_fasteners.eml", m.as_bytes())
truth("h06_html_only_fasteners",
      {"format": "eml", "language": "en", "classes": [1, 2, 3, 6, 7],
       "notes": "table only in the HTML part (text part says view HTML); Per column 100/each; Our Ref column; tooling and terms in a remarks row"},
      {"supplier": "Pennine Fasteners Ltd", "quote_ref": "PF/Q/88213", "quote_date": "2024-03-14",
       "currency": "GBP", "validity_days": 90, "payment_net_days": 30, "payment_basis": "end_of_month",
       "freight": "per_shipment", "freight_amount": "18.50"},
      [
          {"part_number": "HX-M8-30", "supplier_part": "PF-10293", "description": "Hex set screw M8 x 30, 8.8, BZP",
           "price_basis_qty": "100", "breaks": [["1000", "0.0685"], ["10000", "0.059"]], "lead_time_days": 0},
          {"part_number": "NY-M8", "supplier_part": "PF-11820", "description": "Nyloc nut M8, BZP",
           "price_basis_qty": "100", "breaks": [["5000", "0.0162"]], "lead_time_days": 0},
          {"part_number": "WS-M8-A", "supplier_part": "PF-12007", "description": "Form A washer M8, BZP",
           "price_basis_qty": "100", "breaks": [["5000", "0.0098"]], "lead_time_days": 0},
          {"part_number": "SP-4410", "supplier_part": "PF-SPEC-3", "description": "Shoulder bolt to your drawing",
           "revision": "2", "uom": "H87", "breaks": [["500", "1.45"]], "lead_time_days": 21,
           "tooling": [["setting / tooling charge", "275.00"]]},
      ])

# ---------------------------------------------------------------- h07 Italian reply thread with RFQ
rfq_text = """> Da: Ufficio Acquisti - Officine Meccaniche Brambilla S.p.A. <acquisti@om-brambilla.example>
> Inviato: martedì 5 marzo 2024 09:41
> A: commerciale@fonderia-valtrompia.example
> Oggetto: Richiesta di offerta RDO-2024-051
>
> Spett.le fornitore,
> con la presente vi chiediamo la vostra migliore offerta per i seguenti articoli:
>
> Pos.  Codice     Descrizione                          Quantità
> 10    BR-7741    Boccola bronzo CuSn12 Ø30x40          500 / 2.000 pz
> 20    BR-7745    Perno temprato Ø12x60                 1.000 / 5.000 pz
> 30    BR-7760    Anello elastico DIN 471 Ø30           2.000 pz
> 40    BR-7790    Molla a tazza 31,5x16,3x1,75          2.000 pz
>
> Termine per la risposta: 15/03/2024.
> Cordiali saluti
> Giulia Brambilla
> Officine Meccaniche Brambilla S.p.A. - Ufficio Acquisti
"""
body = """Buongiorno sig.ra Brambilla,

in riferimento alla Vs. richiesta RDO-2024-051 Vi inviamo la ns. offerta n. 112/24 del 11/03/2024.

BR-7741 - Boccola bronzo CuSn12 Ø30x40 (rev. disegno B)
  Q.tà        Prezzo
  500 pz      € 4,85 cad.
  2.000 pz    € 4,12 cad.
Per questo articolo è necessaria un'attrezzatura di tornitura dedicata: € 750,00 una tantum.

BR-7745 - Perno temprato Ø12x60
  Q.tà        Prezzo
  1.000 pz    € 0,96 cad.
  5.000 pz    € 0,81 cad.

Per tutti gli altri articoli della richiesta: non quotiamo (non di nostra produzione).

Condizioni:
- Consegna: 4 settimane dalla conferma d'ordine
- Resa: EXW Lumezzane (BS), imballo compreso, trasporto escluso
- Pagamento: Ri.Ba. 60 gg d.f.f.m.
- Validità offerta: 30 giorni

Restiamo a disposizione per eventuali chiarimenti.

Marco Bettinzoli
Ufficio Commerciale
FONDERIA VALTROMPIA S.R.L.
Via Matteotti 210 - 25065 Lumezzane (BS)
P.IVA 01234560987

"""
m = msg("Marco Bettinzoli <commerciale@fonderia-valtrompia.example>",
        "Giulia Brambilla <acquisti@om-brambilla.example>",
        "R: Richiesta di offerta RDO-2024-051", "Mon, 11 Mar 2024 16:05:12 +0100",
        in_reply_to="<rdo-2024-051@om-brambilla.example>")
m.set_content(body + rfq_text)
write_bytes("h07_reply_thread_it.eml", m.as_bytes())
truth("h07_reply_thread_it",
      {"format": "eml", "language": "it", "classes": [1, 3, 5, 7],
       "notes": "reply quoting the buyer's RFQ; small Q.tà/Prezzo tables under part lines; blanket no-bid for the other RFQ items; tooling sentence; RFQ date ≠ quote date; d.f.f.m."},
      {"supplier": "Fonderia Valtrompia S.r.l.", "quote_ref": "112/24", "quote_date": "2024-03-11",
       "currency": "EUR", "validity_days": 30, "payment_net_days": 60, "payment_basis": "end_of_month",
       "incoterm": "EXW", "incoterm_place": "Lumezzane (BS)", "freight": "extra"},
      [
          {"part_number": "BR-7741", "description": "Boccola bronzo CuSn12 Ø30x40", "revision": "B", "uom": "H87",
           "breaks": [["500", "4.85"], ["2000", "4.12"]], "lead_time_days": 28,
           "tooling": [["attrezzatura di tornitura", "750.00"]], "rfq_line": "10"},
          {"part_number": "BR-7745", "description": "Perno temprato Ø12x60", "uom": "H87",
           "breaks": [["1000", "0.96"], ["5000", "0.81"]], "lead_time_days": 28, "rfq_line": "20"},
          {"part_number": "BR-7760", "description": "Anello elastico DIN 471 Ø30", "no_bid": True,
           "no_bid_reason": "non di nostra produzione", "rfq_line": "30"},
          {"part_number": "BR-7790", "description": "Molla a tazza 31,5x16,3x1,75", "no_bid": True,
           "no_bid_reason": "non di nostra produzione", "rfq_line": "40"},
      ],
      rfq={"rfq": "RDO-2024-051", "currency": "EUR", "lines": [
          {"line": "10", "part_number": "BR-7741", "description": "Boccola bronzo CuSn12 30x40", "quantities": ["500", "2000"], "uom": "H87"},
          {"line": "20", "part_number": "BR-7745", "description": "Perno temprato 12x60", "quantities": ["1000", "5000"], "uom": "H87"},
          {"line": "30", "part_number": "BR-7760", "description": "Anello elastico DIN 471 30", "quantities": ["2000"], "uom": "H87"},
          {"line": "40", "part_number": "BR-7790", "description": "Molla a tazza 31,5x16,3x1,75", "quantities": ["2000"], "uom": "H87"},
      ]})

# ---------------------------------------------------------------- h08 Dutch mail + semicolon CSV (cp1252)
csv_text = """Prijsopgave;OFF-2024-3391;;;;;
Datum;22-04-2024;;;;;
Klant;Van der Linden Machinebouw B.V.;;;;;
;;;;;;
Artikelnr. klant;Ons artikelnr.;Omschrijving;Eenheid;Staffel;Prijs per stuk (EUR);Levertijd (werkdagen)
88-4410;BKT-20117;Behuizing ABS, grijs RAL 7035;st;500;3,48;15
;;;;;2000;2,96;15
88-4411;BKT-20118;Deksel behuizing ABS, grijs;st;500;1,21;15
;;;;;2000;0,99;15
88-4502;BKT-19870;Kabeldoorvoer TPE, zwart;st;1000;0,274;10
;;;;;5000;0,219;10
"""
# fix the continuation rows to have the same columns as the header (7 fields)
csv_text = csv_text.replace(";;;;;2000;2,96;15", ";;;;2000;2,96;15") \
    .replace(";;;;;2000;0,99;15", ";;;;2000;0,99;15").replace(";;;;;5000;0,219;10", ";;;;5000;0,219;10")
body = """Geachte heer Verbeek,

Hartelijk dank voor uw aanvraag. In de bijlage vindt u onze prijsopgave OFF-2024-3391 voor de gevraagde spuitgietdelen.

Voor artikel 88-4410 rekenen wij eenmalig matrijskosten van € 2.950,- (exclusief btw); de matrijs blijft uw eigendom.

Voorwaarden:
Levering DAP Eindhoven, vracht inbegrepen.
Betaling binnen 30 dagen na factuurdatum.
Deze aanbieding is geldig tot en met 31-05-2024.

Met vriendelijke groet,

Sanne de Wit
Verkoop binnendienst
Brabant Kunststoftechniek B.V.
Ekkersrijt 4102, 5692 DA Son
"""
m = msg("Sanne de Wit <verkoop@brabant-kunststof.example>", "p.verbeek@vdlinden-machinebouw.example",
        "Prijsopgave OFF-2024-3391", "Mon, 22 Apr 2024 14:31:07 +0200")
m.set_content(body)
m.add_attachment(csv_text.replace("\n", "\r\n").encode("cp1252"), maintype="text", subtype="csv",
                 filename="OFF-2024-3391.csv")
write_bytes("h08_nl_csv_attachment.eml", m.as_bytes())
truth("h08_nl_csv_attachment",
      {"format": "eml", "language": "nl", "classes": [3, 4, 5, 6, 7],
       "notes": "terms and mould charge in the mail body, lines in a semicolon CSV attachment (Windows-1252) with breaks as rows, supplier's own article column, lead time in working days"},
      {"supplier": "Brabant Kunststoftechniek B.V.", "quote_ref": "OFF-2024-3391", "quote_date": "2024-04-22",
       "currency": "EUR", "valid_until": "2024-05-31", "payment_net_days": 30,
       "incoterm": "DAP", "incoterm_place": "Eindhoven", "freight": "included"},
      [
          {"part_number": "88-4410", "supplier_part": "BKT-20117", "description": "Behuizing ABS, grijs RAL 7035",
           "uom": "H87", "breaks": [["500", "3.48"], ["2000", "2.96"]], "lead_time_days": 21,
           "tooling": [["matrijskosten", "2950.00"]]},
          {"part_number": "88-4411", "supplier_part": "BKT-20118", "description": "Deksel behuizing ABS, grijs",
           "uom": "H87", "breaks": [["500", "1.21"], ["2000", "0.99"]], "lead_time_days": 21},
          {"part_number": "88-4502", "supplier_part": "BKT-19870", "description": "Kabeldoorvoer TPE, zwart",
           "uom": "H87", "breaks": [["1000", "0.274"], ["5000", "0.219"]], "lead_time_days": 14},
      ])

# ---------------------------------------------------------------- h09 US reply thread with RFQ
quoted = """
-----Original Message-----
From: Tom Reyes <treyes@harborcontrols.example>
Sent: Tuesday, February 27, 2024 3:18 PM
To: quotes@tricounty-ea.example
Subject: RFQ HCI-0227 - PCBA build

Hello,

Harbor Controls Inc. requests pricing for the following, quote due 03/08/2024:

  Line 1  HCI-PCB-110  rev D  Controller board assembly   100 / 250 / 500
  Line 2  HCI-PCB-115  rev A  Sensor board assembly       250 / 500
  Line 3  HCI-CBL-020  rev B  Harness, 12-pos             500
  Line 4  HCI-PCB-118  rev C  Display board assembly      250

Ship to: Harbor Controls Inc., 77 Marine Dr, Portland, ME 04101
Thanks,
Tom Reyes, Buyer
Harbor Controls Inc.
"""
body = """Tom,

Please see our quote TCE-24-0211 dated 03/04/2024 below. Pricing is firm thru 03/28/2024.

HCI-PCB-110 rev D - Controller board assy
    Qty 100   $48.20
    Qty 250   $44.75
    Qty 500   $41.10
    One-time NRE (stencil + programming fixture): $1,350.00

HCI-PCB-115 rev A - Sensor board assy
    Qty 250   $12.85
    Qty 500   $11.40

HCI-CBL-020 - we do not build cable assemblies, so no quote on this one.

HCI-PCB-118 rev C - the ATSAMD21G18A-AU on your BOM is on allocation. We can offer the
board built with the ATSAMD21G18A-MU (QFN) instead, subject to your engineering approval:
    Qty 250   $21.30

Lead time 6-8 weeks ARO for all boards, after receipt of complete Gerbers and BOM.
Terms: Net 45. F.O.B. Fremont, CA, shipping charges not included.

Regards,
Brenda Marsh
Account Manager
Tri-County Electronics Assembly, LLC
41200 Christy St, Fremont, CA 94538 | (510) 555-0108
"""
m = msg("Brenda Marsh <bmarsh@tricounty-ea.example>", "Tom Reyes <treyes@harborcontrols.example>",
        "RE: RFQ HCI-0227 - PCBA build", "Mon, 4 Mar 2024 11:47:03 -0800",
        in_reply_to="<hci-0227@harborcontrols.example>")
m.set_content(body + quoted)
write_bytes("h09_reply_us_pcba.eml", m.as_bytes())
truth("h09_reply_us_pcba",
      {"format": "eml", "language": "en", "classes": [1, 3, 5, 7],
       "notes": "reply with the RFQ quoted below (buyer company, RFQ date); qty/price rows under part lines; NRE line; no-bid and alternate in words; US month-first dates; F.O.B. City, ST + trailing prose"},
      {"supplier": "Tri-County Electronics Assembly, LLC", "quote_ref": "TCE-24-0211", "quote_date": "2024-03-04",
       "currency": "USD", "valid_until": "2024-03-28", "payment_net_days": 45,
       "incoterm": "FOB", "incoterm_place": "Fremont, CA", "freight": "extra"},
      [
          {"part_number": "HCI-PCB-110", "description": "Controller board assy", "revision": "D",
           "breaks": [["100", "48.20"], ["250", "44.75"], ["500", "41.10"]], "lead_time_days": 56,
           "tooling": [["NRE stencil + programming fixture", "1350.00"]], "rfq_line": "1"},
          {"part_number": "HCI-PCB-115", "description": "Sensor board assy", "revision": "A",
           "breaks": [["250", "12.85"], ["500", "11.40"]], "lead_time_days": 56, "rfq_line": "2"},
          {"part_number": "HCI-CBL-020", "description": "Harness, 12-pos", "no_bid": True,
           "no_bid_reason": "we do not build cable assemblies", "rfq_line": "3"},
          {"part_number": "HCI-PCB-118", "description": "Display board assembly", "revision": "C",
           "breaks": [["250", "21.30"]], "lead_time_days": 56,
           "alternate": "built with ATSAMD21G18A-MU instead of ATSAMD21G18A-AU", "rfq_line": "4"},
      ],
      rfq={"rfq": "HCI-0227", "currency": "USD", "lines": [
          {"line": "1", "part_number": "HCI-PCB-110", "revision": "D", "description": "Controller board assembly", "quantities": ["100", "250", "500"]},
          {"line": "2", "part_number": "HCI-PCB-115", "revision": "A", "description": "Sensor board assembly", "quantities": ["250", "500"]},
          {"line": "3", "part_number": "HCI-CBL-020", "revision": "B", "description": "Harness, 12-pos", "quantities": ["500"]},
          {"line": "4", "part_number": "HCI-PCB-118", "revision": "C", "description": "Display board assembly", "quantities": ["250"], "last_price": "22.10"},
      ]})
print("mail ok")
