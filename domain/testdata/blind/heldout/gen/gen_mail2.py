"""E-mails with attachments: Swedish mail + XLSX, French mail + PDF (made by gen_pdf.py with fpdf2)."""
import io
import os
import datetime as dt
from email.message import EmailMessage
from email import policy

from openpyxl import Workbook
from openpyxl.styles import Font

from common import truth, write_bytes

HERE = os.path.dirname(__file__)


def msg(frm, to, subject, date, mid):
    m = EmailMessage(policy=policy.SMTP)
    m["From"], m["To"], m["Subject"], m["Date"], m["Message-ID"] = frm, to, subject, date, mid
    return m


# ---------------------------------------------------------------- h22 Swedish mail + XLSX attachment
wb = Workbook()
ws = wb.active
ws.title = "Offert"
ws["A1"] = "Småland Gjuteri & Bearbetning AB"; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Offert nr"; ws["B2"] = "24-1107"
ws["A3"] = "Datum"; ws["B3"] = dt.date(2024, 9, 16); ws["B3"].number_format = "yyyy-mm-dd"
ws["A4"] = "Kund"; ws["B4"] = "Norrlands Pumpteknik AB"
hdr = ["Artikelnr kund", "Benämning", "Ritn. rev", "À-pris 100 st (SEK)", "À-pris 500 st (SEK)", "Leveranstid"]
for i, h in enumerate(hdr):
    ws.cell(row=6, column=1 + i, value=h).font = Font(bold=True)
rows = [
    ("55-2031", "Pumphus, segjärn EN-GJS-400, bearbetat", "C", 1245.00, 1068.00, "6 veckor"),
    ("55-2035", "Lagerlock, gråjärn EN-GJL-250", "B", 386.50, 331.00, "5 veckor"),
    ("55-2040", "Packboxbricka, mässing", "-", 74.20, 61.80, "3 veckor"),
]
for r, row in enumerate(rows):
    for i, v in enumerate(row):
        c = ws.cell(row=7 + r, column=1 + i, value=v)
        if i in (3, 4):
            c.number_format = "# ##0.00"
ws["A11"] = "Priser exkl. moms."
wb.properties.created = dt.datetime(2024, 1, 1)
wb.properties.modified = dt.datetime(2024, 1, 1)
bio = io.BytesIO()
wb.save(bio)
body = """Hej Erik,

Tack för förfrågan! Bifogat finner du vår offert 24-1107 på de efterfrågade gjutdetaljerna.

Verktygskostnad (modell och kärnlåda) för 55-2031: 18 500 SEK, engångskostnad som faktureras vid första order.

Betalningsvillkor: 30 dagar netto.
Leveransvillkor: FCA Värnamo. Frakt tillkommer.
Offerten gäller till och med 2024-10-31.

Med vänliga hälsningar

Anna Lindqvist
Försäljning
Småland Gjuteri & Bearbetning AB
Industrigatan 8, 331 40 Värnamo
"""
m = msg("Anna Lindqvist <anna.lindqvist@smalandgjuteri.example>", "erik.holm@norrlandspump.example",
        "Offert 24-1107 gjutdetaljer", "Mon, 16 Sep 2024 13:02:44 +0200", "<offert-24-1107@smalandgjuteri.example>")
m.set_content(body)
m.add_attachment(bio.getvalue(), maintype="application",
                 subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="Offert_24-1107.xlsx")
write_bytes("h22_sv_xlsx_attachment.eml", m.as_bytes())
truth("h22_sv_xlsx_attachment",
      {"format": "eml", "language": "sv", "classes": [3, 4, 6, 7],
       "notes": "Swedish headers (Artikelnr kund, À-pris 100 st) in an XLSX attachment; tooling sentence and terms in the mail body; rev '-'"},
      {"supplier": "Småland Gjuteri & Bearbetning AB", "quote_ref": "24-1107", "quote_date": "2024-09-16",
       "currency": "SEK", "valid_until": "2024-10-31", "payment_net_days": 30,
       "incoterm": "FCA", "incoterm_place": "Värnamo", "freight": "extra"},
      [
          {"part_number": "55-2031", "description": "Pumphus, segjärn EN-GJS-400, bearbetat", "revision": "C", "uom": "H87",
           "breaks": [["100", "1245.00"], ["500", "1068.00"]], "lead_time_days": 42,
           "tooling": [["Verktygskostnad (modell och kärnlåda)", "18500"]]},
          {"part_number": "55-2035", "description": "Lagerlock, gråjärn EN-GJL-250", "revision": "B", "uom": "H87",
           "breaks": [["100", "386.50"], ["500", "331.00"]], "lead_time_days": 35},
          {"part_number": "55-2040", "description": "Packboxbricka, mässing", "uom": "H87",
           "breaks": [["100", "74.20"], ["500", "61.80"]], "lead_time_days": 21},
      ])

# ---------------------------------------------------------------- h27 French mail + PDF attachment
with open(os.path.join(HERE, "_h27_devis.pdf"), "rb") as f:
    pdf_fr = f.read()
body = """Bonjour Monsieur Chabert,

Suite à votre demande de prix du 16 mai, veuillez trouver ci-joint notre devis D-24-0456.

Pour la référence HD-60-131, un outillage spécifique (gabarit de contrôle) est nécessaire : 1 200,00 € HT, facturé une seule fois à la première commande.

Nous restons à votre disposition pour tout complément d'information.

Cordialement,

Claire Mugnier
Assistante commerciale
Savoie Décolletage SAS
Tél. 04 50 55 12 34
"""
m = msg("Claire Mugnier <c.mugnier@savoie-decolletage.example>", "l.chabert@hydrauliques-dauphine.example",
        "Devis D-24-0456", "Mon, 27 May 2024 09:15:30 +0200", "<devis-d-24-0456@savoie-decolletage.example>")
m.set_content(body)
m.add_attachment(pdf_fr, maintype="application", subtype="pdf", filename="Devis_D-24-0456.pdf")
write_bytes("h27_fr_pdf_attachment.eml", m.as_bytes())
truth("h27_fr_pdf_attachment",
      {"format": "eml", "language": "fr", "classes": [3, 4, 5, 6, 7],
       "notes": "fpdf2 PDF attachment with breaks as rows; tooling only in the mail body; lead time per reference in prose; 30 jours fin de mois; port en sus; RFQ date differs"},
      {"supplier": "Savoie Décolletage SAS", "quote_ref": "D-24-0456", "quote_date": "2024-05-27",
       "currency": "EUR", "valid_until": "2024-06-28", "payment_net_days": 30, "payment_basis": "end_of_month",
       "incoterm": "FCA", "incoterm_place": "Annecy", "freight": "extra"},
      [
          {"part_number": "HD-60-118", "supplier_part": "SD-118-B", "description": "Raccord droit 1/4\" BSP, laiton CW614N nickelé",
           "breaks": [["1000", "1.38"], ["5000", "1.12"]], "lead_time_days": 28},
          {"part_number": "HD-60-124", "supplier_part": "SD-124", "description": "Vis de purge M8x1, inox 303",
           "breaks": [["1000", "0.94"], ["5000", "0.77"]], "lead_time_days": 28},
          {"part_number": "HD-60-131", "supplier_part": "SD-131-A", "description": "Axe épaulé Ø10 g6, 42CrMo4 traité, rectifié",
           "breaks": [["500", "4.65"], ["2000", "3.98"]], "lead_time_days": 42,
           "tooling": [["outillage spécifique (gabarit de contrôle)", "1200.00"]]},
      ])
print("mail2 ok")
