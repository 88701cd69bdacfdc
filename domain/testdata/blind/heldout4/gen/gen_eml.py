"""E-mail quotes: HTML-only, text 'see HTML' + HTML, quoted RFQ threads, XLSX / PDF / CSV
attachments, a forward, Outlook multipart/related with an inline logo."""
import io
from email.message import EmailMessage
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.header import Header
from email.policy import SMTP

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from common import write_doc, write_truth, about, br, msg, out
from pdfkit import H, P, PB, SMALL, build, grid_table, para

# ---------------------------------------------------------------- e01 html only nl
m = msg('"Vlaamse Kunststof Techniek" <verkoop@vkt-plastics.be>', "aankoop@delbeke-elektro.be",
        "Offerte VKT-25-0612 kabelklemmen", "Wed, 10 Dec 2025 11:02:45 +0100", "<vkt250612@vkt-plastics.be>")
m.set_content("""<html><body style="font-family:Calibri">
<p>Beste mevrouw Delbeke,</p>
<p>Hartelijk dank voor uw aanvraag. Hieronder vindt u onze offerte <b>VKT-25-0612</b> van 10 december 2025.</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><th rowspan="2">Artikel</th><th rowspan="2">Omschrijving</th><th rowspan="2">Aantal</th><th colspan="2">Prijzen</th><th rowspan="2">Levertijd</th></tr>
<tr><th>Prijs per 100 st.</th><th>Matrijskosten (eenmalig)</th></tr>
<tr><td>BE-2210</td><td>Kabelklem PA66 &Oslash;8 mm, zwart</td><td>5.000</td><td>&euro; 4,80</td><td>&ndash;</td><td>4 weken</td></tr>
<tr><td>BE-2212</td><td>Kabelklem PA66 &Oslash;12 mm, zwart</td><td>5.000</td><td>&euro; 6,15</td><td>&euro; 2.900,-</td><td>5 weken</td></tr>
<tr><td>BE-2230</td><td>Bevestigingsclip POM</td><td colspan="4"><i>geen offerte &ndash; valt buiten ons productiegamma</i></td></tr>
</table>
<p>Betaling: 60 dagen einde maand.<br>Levering: DAP Gent, franco uw magazijn.<br>Deze offerte blijft 60 dagen geldig.</p>
<p>Met vriendelijke groeten,<br>Sofie Maes<br><b>Vlaamse Kunststof Techniek NV</b><br>Industriepark Noord 14, 9100 Sint-Niklaas<br>T +32 3 776 12 40 &middot; BTW BE 0456.789.123</p>
</body></html>""", subtype="html")
write_doc("e01_html_only_rowspan_prijs_per_100_matrijs_eur_nl.eml", out(m))
write_truth("e01_html_only_rowspan_prijs_per_100_matrijs_eur_nl.eml", {
    "about": about("eml", "nl", [1, 2, 3, 5, 7],
                   "HTML-only mail, table with rowspan/colspan two-row header 'Prijzen' over 'Prijs per "
                   "100 st.' and 'Matrijskosten (eenmalig)', entity-encoded € and Ø, no-bid in a "
                   "colspan cell, 60 dagen einde maand, DAP + franco, VAT number in signature"),
    "header": {
        "supplier": "Vlaamse Kunststof Techniek NV",
        "quote_ref": "VKT-25-0612",
        "quote_date": "2025-12-10",
        "currency": "EUR",
        "validity_days": 60,
        "payment_net_days": 60,
        "payment_basis": "end_of_month",
        "incoterm": "DAP",
        "incoterm_place": "Gent",
        "freight": "included",
    },
    "lines": [
        {"part_number": "BE-2210", "description": "Kabelklem PA66 Ø8 mm, zwart", "price_basis_qty": "100",
         "breaks": br(("5000", "0.048")), "lead_time_days": 28},
        {"part_number": "BE-2212", "description": "Kabelklem PA66 Ø12 mm, zwart", "price_basis_qty": "100",
         "breaks": br(("5000", "0.0615")), "lead_time_days": 35,
         "tooling": [["Matrijskosten", "2900.00"]]},
        {"part_number": "BE-2230", "description": "Bevestigingsclip POM", "no_bid": True,
         "no_bid_reason": "geen offerte"},
    ],
})

# ---------------------------------------------------------------- e02 text 'see html' + html gbp
m = msg("Gareth Pryce <gareth.pryce@severnvalleysm.co.uk>", "Purchasing <purchasing@ashdown-controls.co.uk>",
        "Quotation SVS-Q-4412 - enclosures", "Tue, 09 Dec 2025 14:20:11 +0000", "<svsq4412@severnvalleysm.co.uk>")
m.set_content("This message contains a formatted quotation. Please view it in HTML.\n\n"
              "Severn Valley Sheet Metal Ltd\n")
m.add_alternative("""<html><body>
<p>Dear Sirs,</p><p>Please find our quotation below.</p>
<p><b>Quotation:</b> SVS-Q-4412 &nbsp; <b>Date:</b> 09/12/2025 &nbsp; <b>Prices held until:</b> 28/02/2026</p>
<table border="1" cellpadding="3" cellspacing="0">
<tr><th rowspan="2">Part No.</th><th rowspan="2">Description</th><th colspan="3">Unit price (GBP)</th><th rowspan="2">Tooling &amp; programming</th></tr>
<tr><th>100 off</th><th>500 off</th><th>1,000 off</th></tr>
<tr><td>SV-101</td><td>Control box enclosure, 1.2 mm Zintec,<br>powder coated RAL 7035</td><td>24.60</td><td>19.85</td><td>17.40</td><td>1,850.00</td></tr>
<tr><td>SV-102</td><td>Mounting plate, 2 mm galv</td><td>6.35</td><td>4.90</td><td>4.15</td><td>&mdash;</td></tr>
</table>
<p>Payment: 30 days end of month.<br>Delivery: DAP your Telford works, carriage included.<br>
Lead time: SV-101 5 weeks (new tooling), SV-102 3 weeks from order.</p>
<p>Kind regards,<br>Gareth Pryce<br>Severn Valley Sheet Metal Ltd<br>Unit 12, Hortonwood 40, Telford TF1 7FJ &middot; 01952 670 330</p>
</body></html>""", subtype="html")
write_doc("e02_text_see_html_merged_unit_price_tooling_gbp_en.eml", out(m))
write_truth("e02_text_see_html_merged_unit_price_tooling_gbp_en.eml", {
    "about": about("eml", "en", [1, 3, 4, 7],
                   "multipart/alternative whose text part only says to view the HTML; HTML table with "
                   "merged 'Unit price (GBP)' over '100 off / 500 off / 1,000 off', a tooling & "
                   "programming column, a <br> inside a description, UK dates (28/02 proves "
                   "day-first), 30 days EOM, DAP with carriage included"),
    "header": {
        "supplier": "Severn Valley Sheet Metal Ltd",
        "quote_ref": "SVS-Q-4412",
        "quote_date": "2025-12-09",
        "currency": "GBP",
        "valid_until": "2026-02-28",
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "incoterm": "DAP",
        "incoterm_place": "Telford",
        "freight": "included",
    },
    "lines": [
        {"part_number": "SV-101", "description": "Control box enclosure, 1.2 mm Zintec, powder coated RAL 7035",
         "breaks": br(("100", "24.60"), ("500", "19.85"), ("1000", "17.40")), "lead_time_days": 35,
         "tooling": [["Tooling & programming", "1850.00"]]},
        {"part_number": "SV-102", "description": "Mounting plate, 2 mm galv",
         "breaks": br(("100", "6.35"), ("500", "4.90"), ("1000", "4.15")), "lead_time_days": 21},
    ],
})

# ---------------------------------------------------------------- e03 reply + quoted RFQ + RFQ file
m = msg('"Dana Whitfield" <dwhitfield@lakeshoreplastics.com>', '"Brian Cho" <bcho@vantagemed.com>',
        "RE: RFQ VM-2025-214 - molded components", "Wed, 10 Dec 2025 16:41:07 -0500",
        "<lpi-25-1187@lakeshoreplastics.com>")
m["In-Reply-To"] = "<rfq-vm-2025-214@vantagemed.com>"
m.set_content("""Brian,

Pricing per your RFQ below. Our quote # is LPI-25-1187.

VM-3301 rev B housing: 2,500 pcs @ $1.42, 10,000 pcs @ $1.18
VM-3302 rev A cover: 2,500 pcs @ $0.86, 10,000 pcs @ $0.71
VM-3310 light pipe: no bid, we don't run optical-grade PC.
VM-3320 gasket: we'll pass on this one.

Tooling: 2-cavity family mold for the housing and cover, $38,500.00 (one-time, customer-owned).
Lead time: tooling 10-12 weeks, production 3 weeks after T1 approval.
Terms net 45, FOB Grand Rapids, MI, freight prepay and add.
Quote good for 60 days.

Dana Whitfield
Account Manager | Lakeshore Plastics, Inc.
3550 Roger B Chaffee Blvd SE, Grand Rapids, MI 49548
O: 616.555.0123  M: 616.555.0187

-----Original Message-----
From: Brian Cho <bcho@vantagemed.com>
Sent: Tuesday, November 25, 2025 10:02 AM
To: Dana Whitfield <dwhitfield@lakeshoreplastics.com>
Subject: RFQ VM-2025-214 - molded components

Please quote the following by 12/12/2025:

> Line 1  VM-3301 rev B  Housing, PC/ABS   qty 2,500 / 10,000  target $1.35
> Line 2  VM-3302 rev A  Cover, PC/ABS     qty 2,500 / 10,000  target $0.80
> Line 3  VM-3310 rev A  Light pipe, PC    qty 5,000
> Line 4  VM-3320 rev C  Gasket, TPE       qty 5,000

Terms requested: Net 60, FCA your dock.

Brian Cho | Vantage Medical Devices | 2200 Innovation Dr, Kalamazoo, MI 49008 | 269-555-0166
""")
write_doc("e03_reply_quoted_rfq_targets_family_mold_usd_en.eml", out(m))
write_truth("e03_reply_quoted_rfq_targets_family_mold_usd_en.eml", {
    "about": about("eml", "en", [1, 3, 5, 7],
                   "reply in lines of prose with '@' breaks; the buyer's RFQ quoted back with '>' "
                   "carrying target prices, quantities, other revisions and other terms (Net 60, FCA); "
                   "two no-bids in words ('no bid', 'pass on'), a family mold for two parts as a "
                   "one-time charge, tooling vs production lead time, phone numbers with dots"),
    "header": {
        "supplier": "Lakeshore Plastics, Inc.",
        "quote_ref": "LPI-25-1187",
        "quote_date": "2025-12-10",
        "currency": "USD",
        "validity_days": 60,
        "payment_net_days": 45,
        "incoterm": "FOB",
        "incoterm_place": "Grand Rapids, MI",
        "freight": "extra",
        "tooling": [["2-cavity family mold", "38500.00"]],
    },
    "lines": [
        {"part_number": "VM-3301", "revision": "B", "description": "housing", "uom": "H87",
         "breaks": br(("2500", "1.42"), ("10000", "1.18")), "lead_time_days": 21, "rfq_line": "1"},
        {"part_number": "VM-3302", "revision": "A", "description": "cover", "uom": "H87",
         "breaks": br(("2500", "0.86"), ("10000", "0.71")), "lead_time_days": 21, "rfq_line": "2"},
        {"part_number": "VM-3310", "description": "light pipe", "no_bid": True,
         "no_bid_reason": "no bid, we don't run optical-grade PC", "rfq_line": "3"},
        {"part_number": "VM-3320", "description": "gasket", "no_bid": True,
         "no_bid_reason": "we'll pass on this one", "rfq_line": "4"},
    ],
}, rfq={
    "rfq": "VM-2025-214",
    "currency": "USD",
    "lines": [
        {"line": "1", "part_number": "VM-3301", "revision": "B", "description": "Housing, PC/ABS",
         "quantities": ["2500", "10000"], "last_price": "1.49"},
        {"line": "2", "part_number": "VM-3302", "revision": "A", "description": "Cover, PC/ABS",
         "quantities": ["2500", "10000"]},
        {"line": "3", "part_number": "VM-3310", "revision": "A", "description": "Light pipe, PC",
         "quantities": ["5000"]},
        {"line": "4", "part_number": "VM-3320", "revision": "C", "description": "Gasket, TPE",
         "quantities": ["5000"]},
    ],
})


# ---------------------------------------------------------------- e04 xlsx attachment sv
def e04_xlsx():
    wb = Workbook()
    ws = wb.active
    ws.title = "Offert"
    ws["A1"] = "Smålands Plåtslageri AB"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Offert 2025-0877"
    ws["D2"] = "Datum: 2025-12-05"
    ws["A4"] = "Art.nr"
    ws["B4"] = "Benämning"
    ws["C4"] = "Pris SEK/st"
    ws.merge_cells("C4:E4")
    ws["A4"].font = ws["B4"].font = ws["C4"].font = Font(bold=True)
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    for col, t in zip("CDE", ["100 st", "500 st", "1000 st"]):
        ws[f"{col}5"] = t
        ws[f"{col}5"].font = Font(bold=True)
    rows = [["VS-210", "Plåtlock 1,5 mm förzinkat", 42.50, 36.80, 33.90],
            ["VS-220", "Fästvinkel 3 mm varmförzinkad", 18.20, 15.40, 13.75],
            ["VS-230", "Distansbricka 10 mm", "Ej offererad", None, None]]
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None:
                c = ws.cell(row=6 + i, column=1 + j, value=v)
                if isinstance(v, float):
                    c.number_format = "# ##0,00"
    ws["A10"] = "Verktyg för art. VS-220 (engångskostnad): 12 500 kr"
    ws["A11"] = "Leveranstid 3-4 veckor efter order."
    ws["A12"] = "Offerten gäller 30 dagar."
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


m = msg("Anna Lindqvist <anna.lindqvist@smalandsplat.se>", "inkop@vetlanda-maskin.se",
        "Offert 2025-0877", "Fri, 05 Dec 2025 09:31:00 +0100", "<offert20250877@smalandsplat.se>")
m.set_content("""Hej Johan,

Se bifogad offert 2025-0877 på plåtdetaljerna.

Betalningsvillkor 30 dagar netto. Leverans DAP Vetlanda, frakt ingår.
Priserna är i svenska kronor exkl. moms.

Med vänliga hälsningar
Anna Lindqvist
Smålands Plåtslageri AB | Verkstadsgatan 4, 574 38 Vetlanda | 0383-76 21 00
""")
m.add_attachment(e04_xlsx(), maintype="application",
                 subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 filename="Offert_2025-0877.xlsx")
write_doc("e04_body_terms_xlsx_attachment_merged_pris_verktyg_sek_sv.eml", out(m))
write_truth("e04_body_terms_xlsx_attachment_merged_pris_verktyg_sek_sv.eml", {
    "about": about("eml", "sv", [1, 3, 4, 5, 7],
                   "terms in the mail body, prices in an XLSX attachment with merged 'Pris SEK/st' "
                   "over '100 st / 500 st / 1000 st', 'Ej offererad' no-bid, tooling sentence below "
                   "the table naming the part, lead time 3-4 veckor, validity in the sheet"),
    "header": {
        "supplier": "Smålands Plåtslageri AB",
        "quote_ref": "2025-0877",
        "quote_date": "2025-12-05",
        "currency": "SEK",
        "validity_days": 30,
        "payment_net_days": 30,
        "incoterm": "DAP",
        "incoterm_place": "Vetlanda",
        "freight": "included",
    },
    "lines": [
        {"part_number": "VS-210", "description": "Plåtlock 1,5 mm förzinkat", "uom": "H87",
         "breaks": br(("100", "42.50"), ("500", "36.80"), ("1000", "33.90")), "lead_time_days": 28},
        {"part_number": "VS-220", "description": "Fästvinkel 3 mm varmförzinkad", "uom": "H87",
         "breaks": br(("100", "18.20"), ("500", "15.40"), ("1000", "13.75")), "lead_time_days": 28,
         "tooling": [["Verktyg", "12500"]]},
        {"part_number": "VS-230", "description": "Distansbricka 10 mm", "no_bid": True,
         "no_bid_reason": "Ej offererad"},
    ],
})


# ---------------------------------------------------------------- e05 pdf attachment fr-CA
def e05_pdf():
    s = [para("Usinage Beauce Inc.", H),
         para("1250, 127e Rue, Saint-Georges (Québec) G5Y 2W8 · 418 228-5500 · NEQ 1145678901", SMALL),
         Spacer(1, 8),
         para("SOUMISSION n° UB-25-2290 &nbsp;&nbsp; Date : 2025-12-08", PB),
         para("Client : Équipements Lévis ltée — M. Martin Roy"),
         para("Prix en dollars canadiens ($ CA)"),
         Spacer(1, 6)]
    rows = [["No de pièce client", "Description", "Qté (pces)", "Prix unitaire ($/100 pces)"],
            ["BC-5510", para("Arbre Ø25 acier 4140, trempé et rectifié"), "200", "3 480,00 $"],
            ["", "", "1 000", "2 960,00 $"],
            ["BC-5514", para("Bague d'usure bronze SAE 660"), "500", "1 215,00 $"],
            ["", para("Frais d'outillage (montage d'usinage pour BC-5510), non récurrents"), "1", "1 850,00 $"]]
    s.append(grid_table(rows, [34 * mm, 80 * mm, 22 * mm, 40 * mm], align_right_from=2))
    s += [Spacer(1, 8),
          para("Délai : 4 semaines après réception du bon de commande.<br/>"
               "Modalités : net 30 jours.<br/>FAB Saint-Georges, QC — transport en sus.<br/>"
               "Soumission valide 45 jours. TPS et TVQ en sus.")]
    return build(s)


m = msg("Karine Poulin <kpoulin@usinagebeauce.ca>", "Martin Roy <mroy@equipementslevis.ca>",
        "Soumission UB-25-2290", "Mon, 08 Dec 2025 15:05:44 -0500", "<ub252290@usinagebeauce.ca>")
m.set_content("""Bonjour M. Roy,

Vous trouverez ci-joint notre soumission UB-25-2290 pour les arbres et les bagues.
N'hésitez pas à me contacter pour toute question.

Karine Poulin
Représentante aux ventes, Usinage Beauce Inc.
418 228-5500 poste 224
""")
m.add_attachment(e05_pdf(), maintype="application", subtype="pdf", filename="Soumission_UB-25-2290.pdf")
write_doc("e05_pdf_attachment_prix_per_100_fab_outillage_cad_fr.eml", out(m))
write_truth("e05_pdf_attachment_prix_per_100_fab_outillage_cad_fr.eml", {
    "about": about("eml", "fr", [1, 2, 3, 4, 7],
                   "Quebec quote as a PDF attachment: 'Prix unitaire ($/100 pces)' with space "
                   "thousands and a trailing $, dollars canadiens in words, break on a continuation "
                   "row, tooling row naming its part, FAB (French FOB) City, QC, transport en sus, "
                   "ISO date, NEQ and phone numbers"),
    "header": {
        "supplier": "Usinage Beauce Inc.",
        "quote_ref": "UB-25-2290",
        "quote_date": "2025-12-08",
        "currency": "CAD",
        "validity_days": 45,
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Saint-Georges, QC",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "BC-5510", "description": "Arbre Ø25 acier 4140, trempé et rectifié", "uom": "H87",
         "price_basis_qty": "100", "breaks": br(("200", "34.80"), ("1000", "29.60")),
         "lead_time_days": 28, "tooling": [["Frais d'outillage (montage d'usinage)", "1850.00"]]},
        {"part_number": "BC-5514", "description": "Bague d'usure bronze SAE 660", "uom": "H87",
         "price_basis_qty": "100", "breaks": br(("500", "12.15")), "lead_time_days": 28},
    ],
})

# ---------------------------------------------------------------- e06 cp1250 csv attachment cs
csv_cs = ("Číslo dílu zákazníka;Naše číslo;Popis;Množství ks;Cena Kč/1000 ks;Dodací lhůta (týdny);Nástroj Kč\r\n"
          "ZL-100-21;MP-4401;Podložka 10,5x20x2 pozinkovaná;50 000;385,00;3;\r\n"
          "ZL-100-25;MP-4405;Pojistný kroužek 25;20 000;1 240,00;4;\r\n"
          "ZL-100-40;MP-4420;Výlisek držáku 2 mm;10 000;8 650,00;6;86 000,00\r\n")
m = msg("Ing. Petr Novák <novak@moraviapress.cz>", "nakup@zlinske-stroje.cz",
        "Cenová nabídka NB-2025-318", "Thu, 11 Dec 2025 13:47:02 +0100", "<nb2025318@moraviapress.cz>")
m.set_content("""Dobrý den,

v příloze zasíláme cenovou nabídku č. NB-2025-318 ze dne 11. 12. 2025.
Ceny jsou v Kč bez DPH.
Platební podmínky: 30 dní od vystavení faktury.
Dodací podmínky: FCA Zlín.
Platnost nabídky: 30 dní.

S pozdravem
Ing. Petr Novák
MORAVIA PRESS s.r.o.
Tř. Tomáše Bati 1650, 760 01 Zlín
tel. +420 577 112 233, IČO 26912345
""")
m.add_attachment(csv_cs.encode("cp1250"), maintype="text", subtype="csv", filename="nabidka_NB-2025-318.csv")
write_doc("e06_csv_attachment_cp1250_cena_za_1000_ks_czk_cs.eml", out(m))
write_truth("e06_csv_attachment_cp1250_cena_za_1000_ks_czk_cs.eml", {
    "about": about("eml", "cs", [2, 3, 6, 7],
                   "terms in the body, Windows-1250 semicolon CSV attachment with 'Cena Kč/1000 ks', "
                   "space thousands and decimal commas, tool cost column, lead time in weeks column, "
                   "date '11. 12. 2025', IČO and phone in the signature"),
    "header": {
        "supplier": "MORAVIA PRESS s.r.o.",
        "quote_ref": "NB-2025-318",
        "quote_date": "2025-12-11",
        "currency": "CZK",
        "validity_days": 30,
        "payment_net_days": 30,
        "incoterm": "FCA",
        "incoterm_place": "Zlín",
    },
    "lines": [
        {"part_number": "ZL-100-21", "supplier_part": "MP-4401", "description": "Podložka 10,5x20x2 pozinkovaná",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("50000", "0.385")), "lead_time_days": 21},
        {"part_number": "ZL-100-25", "supplier_part": "MP-4405", "description": "Pojistný kroužek 25",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("20000", "1.24")), "lead_time_days": 28},
        {"part_number": "ZL-100-40", "supplier_part": "MP-4420", "description": "Výlisek držáku 2 mm",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("10000", "8.65")), "lead_time_days": 42,
         "tooling": [["Nástroj", "86000.00"]]},
    ],
})

# ---------------------------------------------------------------- e07 forward, html only, mxn
m = msg("Rafael Ortega <rortega@electrodomesticos-jalisco.mx>", "Lucía Herrera <lherrera@electrodomesticos-jalisco.mx>",
        "RV: Cotización COT-25-3318 carcasas", "Thu, 04 Dec 2025 09:12:30 -0600", "<fwd-cot253318@ejalisco.mx>")
m.set_content("""<html><body>
<p>Lucía, te reenvío la cotización de Inyectados del Bajío para revisión. Saludos, Rafael<br>
Rafael Ortega · Compras · Tel. 33 3615 0101 ext. 220</p>
<hr>
<p><b>De:</b> Ventas IB &lt;ventas@inyectadosbajio.com.mx&gt;<br><b>Enviado:</b> miércoles, 3 de diciembre de 2025 18:40<br>
<b>Para:</b> Rafael Ortega<br><b>Asunto:</b> Cotización COT-25-3318 carcasas</p>
<p>Estimado Ing. Ortega:</p>
<p>Le compartimos nuestra cotización <b>COT-25-3318</b>, fecha 03/12/2025, vigencia al 31/01/2026.</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><th>Número de parte</th><th>Descripción</th><th>Cantidad</th><th>Precio unitario</th><th>Molde</th></tr>
<tr><td>IB-7701</td><td>Carcasa ABS gris, 2 cavidades</td><td>5,000 pzas</td><td>$18.40</td><td>$185,000.00</td></tr>
<tr><td>IB-7701</td><td></td><td>20,000 pzas</td><td>$16.95</td><td></td></tr>
<tr><td>IB-7705</td><td>Tapa ABS gris</td><td>5,000 pzas</td><td>$7.85</td><td>incluido</td></tr>
</table>
<p>Precios en pesos mexicanos (MXN), más IVA.<br>Condiciones de pago: crédito 30 días.<br>
Entrega: FCA León, Gto.<br>Tiempo de entrega: 4 semanas.</p>
<p>Atentamente,<br>Ing. Mónica Salgado<br>Inyectados del Bajío, S.A. de C.V.<br>Blvd. Aeropuerto 3050, León, Gto. C.P. 37545 · Tel. 477 710 2200</p>
</body></html>""", subtype="html")
write_doc("e07_forward_html_only_molde_column_pesos_mxn_es.eml", out(m))
write_truth("e07_forward_html_only_molde_column_pesos_mxn_es.eml", {
    "about": about("eml", "es", [1, 3, 4, 7],
                   "HTML-only forward inside the buyer's company: the forwarder's signature and date "
                   "first, then the supplier's quote; '$' with 'pesos mexicanos (MXN)' in words, "
                   "quantities '5,000 pzas', break on a repeated part row, mould column with an amount "
                   "and 'incluido', Mexican day-first dates (31/01 proves it), FCA City, Gto."),
    "header": {
        "supplier": "Inyectados del Bajío, S.A. de C.V.",
        "quote_ref": "COT-25-3318",
        "quote_date": "2025-12-03",
        "currency": "MXN",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "incoterm": "FCA",
        "incoterm_place": "León, Gto.",
    },
    "lines": [
        {"part_number": "IB-7701", "description": "Carcasa ABS gris, 2 cavidades", "uom": "H87",
         "breaks": br(("5000", "18.40"), ("20000", "16.95")), "lead_time_days": 28,
         "tooling": [["Molde", "185000.00"]]},
        {"part_number": "IB-7705", "description": "Tapa ABS gris", "uom": "H87",
         "breaks": br(("5000", "7.85")), "lead_time_days": 28},
    ],
})

# ---------------------------------------------------------------- e08 plain it, pipes, per 100
m = msg("Giulia Ferri <g.ferri@emiliafissaggi.it>", "acquisti@modenamacchine.it",
        "Offerta n. 2025/0988 rivetti e inserti", "Tue, 09 Dec 2025 10:15:00 +0100", "<off20250988@emiliafissaggi.it>")
m.set_content("""Spett.le Modena Macchine S.p.A.,
alla c.a. del Sig. Baraldi

facendo seguito alla Vs. richiesta, Vi inviamo l'offerta n. 2025/0988 del 09/12/2025:

| Codice     | Descrizione                   | Q.tà   | Prezzo €/100 |
|------------|-------------------------------|--------|--------------|
| 77-441-0   | Rivetto a strappo 4x10 Al/Fe  | 20.000 | 2,95         |
| 77-441-2   | Rivetto a strappo 4x12 Al/Fe  | 20.000 | 3,10         |
| 77-452-0   | Inserto filettato M6 acciaio  | 10.000 | 9,80         |

Per l'inserto M6 (77-452-0) occorre uno stampo di ricalcatura: € 2.400,00 una tantum.
Lotto minimo per i rivetti: 20.000 pz.
Consegna: 3 settimane data ordine.
Pagamento: bonifico 90 gg data fattura fine mese.
Resa: DAP Vs. stabilimento di Modena, porto franco.
Validità offerta: fino al 31/01/2026.

Distinti saluti
Giulia Ferri - Ufficio Vendite
Emilia Fissaggi S.r.l. - Via Emilia Est 1021, 41122 Modena - Tel. 059 284 1190 - P.IVA 02345670369
""")
write_doc("e08_plain_pipe_table_prezzo_per_100_stampo_eur_it.eml", out(m))
write_truth("e08_plain_pipe_table_prezzo_per_100_stampo_eur_it.eml", {
    "about": about("eml", "it", [2, 3, 5, 7],
                   "plain-text mail with a pipe table 'Prezzo €/100', decimal commas, stamp (mould) "
                   "sentence naming the part, MOQ for a family of lines in prose, lead time in prose, "
                   "90 gg d.f. fine mese, DAP + porto franco, P.IVA and phone in the signature"),
    "header": {
        "supplier": "Emilia Fissaggi S.r.l.",
        "quote_ref": "2025/0988",
        "quote_date": "2025-12-09",
        "currency": "EUR",
        "valid_until": "2026-01-31",
        "payment_net_days": 90,
        "payment_basis": "end_of_month",
        "incoterm": "DAP",
        "incoterm_place": "Modena",
        "freight": "included",
    },
    "lines": [
        {"part_number": "77-441-0", "description": "Rivetto a strappo 4x10 Al/Fe", "price_basis_qty": "100",
         "breaks": br(("20000", "0.0295")), "moq": "20000", "lead_time_days": 21},
        {"part_number": "77-441-2", "description": "Rivetto a strappo 4x12 Al/Fe", "price_basis_qty": "100",
         "breaks": br(("20000", "0.031")), "moq": "20000", "lead_time_days": 21},
        {"part_number": "77-452-0", "description": "Inserto filettato M6 acciaio", "price_basis_qty": "100",
         "breaks": br(("10000", "0.098")), "lead_time_days": 21,
         "tooling": [["Stampo di ricalcatura", "2400.00"]]},
    ],
})

# ---------------------------------------------------------------- e09 outlook related de
root = MIMEMultipart("related")
root["From"] = "Thomas Kaiser <t.kaiser@sw-feinwerk.de>"
root["To"] = "einkauf@hahn-messtechnik.de"
root["Subject"] = Header("Angebot 2025-4471 Dreh- und Frästeile", "utf-8")
root["Date"] = "Mon, 08 Dec 2025 16:22:10 +0100"
root["Message-ID"] = "<ang20254471@sw-feinwerk.de>"
root["X-Mailer"] = "Microsoft Outlook 16.0"
html = """<html><body lang=DE style='font-family:Arial'>
<p><img src="cid:logo001" alt="SFT"></p>
<p>Sehr geehrte Frau Hahn,</p>
<p>vielen Dank für Ihre Anfrage. Wir bieten Ihnen an:</p>
<p><b>Angebot Nr. 2025-4471</b><br>Villingen-Schwenningen, 08.12.2025</p>
<table border=1 cellspacing=0 cellpadding=3>
<tr><td><b>Pos</b></td><td><b>Ihre Sachnummer</b></td><td><b>Benennung</b></td><td><b>Menge</b></td><td><b>Preis €</b></td><td><b>PE</b></td></tr>
<tr><td>1</td><td>30.118.22</td><td>Drehteil Welle Ø6 h6, 1.4305</td><td>ab 1.000</td><td>86,50</td><td>100</td></tr>
<tr><td></td><td></td><td></td><td>ab 5.000</td><td>74,20</td><td>100</td></tr>
<tr><td>2</td><td>30.118.40</td><td>Frästeil Halter AlMgSi1, eloxiert</td><td>ab 250</td><td>12,85</td><td>1</td></tr>
<tr><td></td><td></td><td></td><td>ab 1.000</td><td>10,90</td><td>1</td></tr>
<tr><td>3</td><td>30.118.57</td><td>Stift Ø3x12 gehärtet</td><td colspan=3>kein Angebot (Normteil)</td></tr>
</table>
<p>Einmalige Kosten: Prüfvorrichtung für Pos. 2: 1.150,00 €</p>
<p>Lieferzeit: ca. 5 Wochen nach Auftragseingang<br>
Zahlungsbedingungen: 14 Tage 2 % Skonto, 45 Tage netto<br>
Lieferung: FCA Villingen-Schwenningen, Verpackung und Fracht werden gesondert berechnet<br>
Angebot gültig bis 28.02.2026</p>
<p>Mit freundlichen Grüßen<br>Thomas Kaiser<br>Schwarzwald Feinwerktechnik GmbH<br>
Im Hölzle 12 · 78052 Villingen-Schwenningen · Tel. +49 7721 8060-12 · HRB 602233</p>
</body></html>"""
root.attach(MIMEText(html, "html", "utf-8"))
logo = MIMEImage(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d"
                               "49444154789c6360000002000154a24f5d0000000049454e44ae426082"), "png")
logo.add_header("Content-ID", "<logo001>")
logo.add_header("Content-Disposition", "inline", filename="image001.png")
root.attach(logo)
write_doc("e09_outlook_related_html_staffel_pe_pruefvorrichtung_eur_de.eml", root.as_bytes())
write_truth("e09_outlook_related_html_staffel_pe_pruefvorrichtung_eur_de.eml", {
    "about": about("eml", "de", [1, 2, 3, 4, 7],
                   "Outlook multipart/related (HTML + inline logo, no text part): 'ab N' break rows under "
                   "a part row, 'PE' column 100 vs 1, part numbers with dots, 'kein Angebot' in a colspan "
                   "cell, a test fixture (Prüfvorrichtung) as one-time cost naming Pos. 2, Skonto, FCA, "
                   "freight charged separately, HRB and phone numbers"),
    "header": {
        "supplier": "Schwarzwald Feinwerktechnik GmbH",
        "quote_ref": "2025-4471",
        "quote_date": "2025-12-08",
        "currency": "EUR",
        "valid_until": "2026-02-28",
        "payment_net_days": 45,
        "payment_discount_pct": "2",
        "payment_discount_days": 14,
        "incoterm": "FCA",
        "incoterm_place": "Villingen-Schwenningen",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "30.118.22", "description": "Drehteil Welle Ø6 h6, 1.4305", "price_basis_qty": "100",
         "breaks": br(("1000", "0.865"), ("5000", "0.742")), "lead_time_days": 35},
        {"part_number": "30.118.40", "description": "Frästeil Halter AlMgSi1, eloxiert",
         "breaks": br(("250", "12.85"), ("1000", "10.90")), "lead_time_days": 35,
         "tooling": [["Prüfvorrichtung", "1150.00"]]},
        {"part_number": "30.118.57", "description": "Stift Ø3x12 gehärtet", "no_bid": True,
         "no_bid_reason": "kein Angebot (Normteil)"},
    ],
})

# ---------------------------------------------------------------- e10 plain in, lakh, advance
m = msg("Sandeep Kulkarni <sandeep.k@deccanprecision.in>", "sourcing@rotomech-systems.com",
        "Quotation DPE/Q/25-26/0412 - flange and bush", "Wed, 10 Dec 2025 18:05:00 +0530",
        "<dpe-q-0412@deccanprecision.in>")
m.set_content("""Dear Sir,

With reference to your enquiry, please find our best offer below.

Quotation No.: DPE/Q/25-26/0412
Date: 10-Dec-2025

* PN 55-1021 Machined flange, EN8, drawing rev 3
    - 500 nos @ Rs. 342.50/no
    - 2,000 nos @ Rs. 318.00/no
* PN 55-1034 Turned bush, EN1A, zinc plated
    - 1,000 nos @ Rs. 86.75/no

NRE (fixture + CNC programming) for 55-1021: Rs. 1,85,000/- one time.
Prices in Indian Rupees, GST 18% extra as applicable.
Delivery: 4-6 weeks from receipt of PO and advance.
Payment: 50% advance with PO, balance against delivery.
Ex-Works Pune; packing & forwarding included.
Validity: 30 days.

Thanks & Regards,
Sandeep Kulkarni
Deccan Precision Engineering Pvt. Ltd.
Plot No. 112/2, MIDC Bhosari, Pune 411026 | +91 98220 45671 | GSTIN 27AABCD1234E1Z5
""")
write_doc("e10_plain_bullets_lakh_nre_advance_inr_en.eml", out(m))
write_truth("e10_plain_bullets_lakh_nre_advance_inr_en.eml", {
    "about": about("eml", "en", [1, 3, 4, 5, 7],
                   "plain-text bullets with 'N nos @ Rs. x/no' breaks, Indian lakh grouping in the NRE "
                   "amount (1,85,000), revision inside the description ('drawing rev 3'), 4-6 weeks, "
                   "50% advance (deposit), Ex-Works, GSTIN and mobile number in the signature"),
    "header": {
        "supplier": "Deccan Precision Engineering Pvt. Ltd.",
        "quote_ref": "DPE/Q/25-26/0412",
        "quote_date": "2025-12-10",
        "currency": "INR",
        "validity_days": 30,
        "payment_deposit_pct": "50",
        "incoterm": "EXW",
        "incoterm_place": "Pune",
    },
    "lines": [
        {"part_number": "55-1021", "revision": "3", "description": "Machined flange, EN8", "uom": "H87",
         "breaks": br(("500", "342.50"), ("2000", "318.00")), "lead_time_days": 42,
         "tooling": [["NRE (fixture + CNC programming)", "185000"]]},
        {"part_number": "55-1034", "description": "Turned bush, EN1A, zinc plated", "uom": "H87",
         "breaks": br(("1000", "86.75")), "lead_time_days": 42},
    ],
})
print("eml: 10 documents")
