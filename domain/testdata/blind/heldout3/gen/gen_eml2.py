"""heldout3 e-mails with attachments and forwards (e07-e10)."""
import io
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication

import openpyxl
from openpyxl.styles import Font, Alignment, PatternFill, Border, Side
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from common import write_doc, truth, B


def mixed(frm, to, subject, date, body, attachments):
    m = MIMEMultipart("mixed")
    m["From"], m["To"], m["Subject"], m["Date"] = frm, to, subject, date
    m.attach(MIMEText(body, "plain", "utf-8"))
    for fname, data, maintype, subtype in attachments:
        a = MIMEApplication(data, _subtype=subtype)
        if maintype != "application":
            a.replace_header("Content-Type", f"{maintype}/{subtype}")
        a.add_header("Content-Disposition", "attachment", filename=fname)
        m.attach(a)
    return m.as_bytes()


# ------------------------------------------------------------------ e07 it + xlsx (merged €/1000 header)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Offerta"
ws["A1"] = "MOLLE VALTROMPIA S.r.l."
ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Via Matteotti 212 - 25065 Lumezzane (BS) - P.IVA 01234560987"
ws["A4"] = "OFFERTA N. 2026/1442"
ws["A4"].font = Font(bold=True)
ws["E4"] = "Data:"
ws["F4"] = "11/12/2026"
ws["A5"] = "Spett.le Idraulica Ferri S.p.A. - c.a. Sig.ra Ferri"
ws["A7"], ws["B7"], ws["C7"], ws["D7"], ws["E7"] = "Pos.", "Codice cliente", "Descrizione", "Ns. codice", "Prezzo € / 1000 pz"
ws.merge_cells("E7:G7")
for c, q in zip("EFG", ["5.000 pz", "20.000 pz", "50.000 pz"]):
    ws[f"{c}8"] = q
for c in "ABCD":
    ws.merge_cells(f"{c}7:{c}8")
rows = [
    (1, "MC-0450", "Molla a compressione filo 0,8 inox AISI 302", "VT-C0845", 62.4, 48.9, 41.3),
    (2, "MT-0460", "Molla a trazione filo 1,2 C98 zincata", "VT-T1246", 118.0, 96.5, 88.2),
    (3, "MT-0470", "Molla a torsione dx filo 1,5 C98", "VT-S1507", 205.0, 171.0, "n.q."),
]
r = 9
for row in rows:
    for i, v in enumerate(row):
        cell = ws.cell(row=r, column=i + 1, value=v)
        if isinstance(v, float):
            cell.number_format = "#,##0.00"
    r += 1
ws.cell(row=r, column=3, value="Attrezzatura specifica per pos. 3 (una tantum)")
ws.cell(row=r, column=5, value=380.0).number_format = '"€ "#,##0.00'
r += 2
ws.cell(row=r, column=1, value="n.q. = non quotato")
ws.cell(row=r + 1, column=1, value="Prezzi netti IVA esclusa. Condizioni come da mail di accompagnamento.")
for col, w in zip("ABCDEFG", [6, 16, 44, 14, 12, 12, 12]):
    ws.column_dimensions[col].width = w
bio = io.BytesIO()
wb.save(bio)
body = """Buongiorno Sig.ra Ferri,

in allegato la ns. offerta n. 2026/1442 del 11/12/2026 per le molle richieste.

Resa: EXW Lumezzane
Pagamento: RiBa 60 gg d.f. fine mese
Validità offerta: 31/01/2027
Consegna: 25 gg lavorativi dalla conferma d'ordine

Restiamo a disposizione per ogni chiarimento.

Cordiali saluti

Luca Bonetti
Ufficio Commerciale
Molle Valtrompia S.r.l.
Tel. 030 000 1122
"""
n = "e07_xlsx_attachment_merged_per1000_it.eml"
write_doc(n, mixed("Luca Bonetti <commerciale@mollevaltrompia.it>", "acquisti@idraulicaferri.example",
                   "Offerta 2026/1442 - molle", "Fri, 11 Dec 2026 09:47:00 +0100", body,
                   [("Offerta_2026-1442.xlsx", bio.getvalue(), "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")]))
truth(n, "it", [1, 2, 3, 4, 6, 7],
      "mail body carries terms (RiBa 60 gg d.f. fine mese, EXW, validity date, lead time in working days), XLSX attachment with a preamble, merged 'Prezzo € / 1000 pz' over quantity sub-headers, n.q. cell, tooling as its own row under the line",
      {"supplier": "Molle Valtrompia S.r.l.", "quote_ref": "2026/1442", "quote_date": "2026-12-11", "currency": "EUR",
       "valid_until": "2027-01-31", "payment_net_days": 60, "payment_basis": "end_of_month",
       "incoterm": "EXW", "incoterm_place": "Lumezzane"},
      [{"part_number": "MC-0450", "description": "Molla a compressione filo 0,8 inox AISI 302", "supplier_part": "VT-C0845",
        "uom": "H87", "price_basis_qty": "1000", "breaks": B("5000", "0.0624", "20000", "0.0489", "50000", "0.0413")},
       {"part_number": "MT-0460", "description": "Molla a trazione filo 1,2 C98 zincata", "supplier_part": "VT-T1246",
        "uom": "H87", "price_basis_qty": "1000", "breaks": B("5000", "0.118", "20000", "0.0965", "50000", "0.0882")},
       {"part_number": "MT-0470", "description": "Molla a torsione dx filo 1,5 C98", "supplier_part": "VT-S1507",
        "uom": "H87", "price_basis_qty": "1000", "breaks": B("5000", "0.205", "20000", "0.171"),
        "tooling": [("Attrezzatura specifica", "380.00")]}])

# ------------------------------------------------------------------ e08 es + reportlab PDF (precio/millar, importe, molde row)
bio = io.BytesIO()
c = canvas.Canvas(bio, pagesize=A4)
c.setTitle("Presupuesto PV-26/0931")
W, H = A4
c.setFont("Helvetica-Bold", 15)
c.drawString(20 * mm, H - 22 * mm, "INYECTADOS LEVANTE S.L.")
c.setFont("Helvetica", 8.5)
c.drawString(20 * mm, H - 27 * mm, "Pol. Ind. Els Plans, C/ Alcoi 14 - 03440 Ibi (Alicante) - CIF B-03000000")
c.setFont("Helvetica-Bold", 12)
c.drawString(120 * mm, H - 40 * mm, "PRESUPUESTO")
c.setFont("Helvetica", 9.5)
for i, (k, v) in enumerate([("Nº presupuesto:", "PV-26/0931"), ("Fecha:", "14/12/2026"), ("Cliente:", "Cosmética Mediterránea S.A."), ("Su referencia:", "Solicitud 3381 de 01/12/2026")]):
    c.drawString(120 * mm, H - (47 + 5 * i) * mm, k)
    c.drawString(147 * mm, H - (47 + 5 * i) * mm, v)
y = H - 80 * mm
cols = [20, 42, 118, 142, 168]
c.setFont("Helvetica-Bold", 8.5)
heads = [("Ref.", "cliente"), ("Descripción", ""), ("Cantidad", ""), ("Precio", "€/millar"), ("Importe", "€")]
for x, (a, b) in zip(cols, heads):
    c.drawString(x * mm, y, a)
    if b:
        c.drawString(x * mm, y - 3.6 * mm, b)
c.line(20 * mm, y - 5.5 * mm, 190 * mm, y - 5.5 * mm)
y -= 11 * mm
c.setFont("Helvetica", 9)
data = [("TP-118", "Tapón roscado PP Ø28 blanco", "20.000", "145,00", "2.900,00"),
        ("TP-121", "Tapón dosificador PE-BD natural", "10.000", "212,50", "2.125,00"),
        ("", "Molde TP-121, 4 cavidades (pago único)", "1", "", "9.800,00"),
        ("TP-130", "Cápsula flip-top Ø24 (alternativa a TP-129)", "30.000", "98,70", "2.961,00")]
for row in data:
    for x, v in zip(cols, row):
        if x >= 118:
            c.drawRightString((x + 20) * mm, y, v)
        else:
            c.drawString(x * mm, y, v)
    y -= 6.5 * mm
c.line(20 * mm, y + 2 * mm, 190 * mm, y + 2 * mm)
c.setFont("Helvetica-Bold", 9.5)
c.drawString(118 * mm, y - 3 * mm, "Total (IVA no incluido)")
c.drawRightString(188 * mm, y - 3 * mm, "17.786,00 €")
y -= 16 * mm
c.setFont("Helvetica", 9)
for t in ["Plazo de entrega: 5 semanas desde la aprobación de muestras.",
          "Condiciones de entrega: FCA Ibi (Alicante).",
          "Forma de pago: transferencia a 60 días fecha factura.",
          "Validez de la oferta: 90 días.",
          "Pedido mínimo por referencia: 10.000 unidades."]:
    c.drawString(20 * mm, y, t)
    y -= 5 * mm
c.setFont("Helvetica-Oblique", 7.5)
c.drawString(20 * mm, 15 * mm, "Inscrita en el Registro Mercantil de Alicante, Tomo 0000, Folio 00, Hoja A-00000")
c.showPage()
c.save()
body = """Buenos días Sra. Navarro:

Adjunto le remito el presupuesto PV-26/0931 correspondiente a su solicitud 3381.
Para el TP-129 le proponemos la cápsula TP-130, que ya tenemos en producción.

Quedamos a su disposición.

Un saludo,

Jordi Sempere
Dpto. Comercial | Inyectados Levante S.L.
Tel. +34 965 00 00 00
"""
n = "e08_pdf_attachment_millar_molde_row_eur_es.eml"
write_doc(n, mixed("Jordi Sempere <comercial@inyectadoslevante.es>", "Laura Navarro <compras@cosmed.example>",
                   "Presupuesto PV-26/0931", "Mon, 14 Dec 2026 12:10:00 +0100", body,
                   [("PV-26-0931.pdf", bio.getvalue(), "application", "pdf")]))
truth(n, "es", [1, 2, 3, 5, 6, 7],
      "reportlab PDF attachment: price per millar with Importe column (quantity + line total), mould as its own priced row under the part, two-line headers, minimum order per reference in the terms, alternate stated in the description and in the mail",
      {"supplier": "Inyectados Levante S.L.", "quote_ref": "PV-26/0931", "quote_date": "2026-12-14", "currency": "EUR",
       "validity_days": 90, "payment_net_days": 60, "incoterm": "FCA", "incoterm_place": "Ibi (Alicante)", "total": "17786.00"},
      [{"part_number": "TP-118", "description": "Tapón roscado PP Ø28 blanco", "uom": "H87", "price_basis_qty": "1000",
        "quantity": "20000", "line_total": "2900.00", "breaks": B("20000", "0.145"), "moq": "10000", "lead_time_days": 35},
       {"part_number": "TP-121", "description": "Tapón dosificador PE-BD natural", "uom": "H87", "price_basis_qty": "1000",
        "quantity": "10000", "line_total": "2125.00", "breaks": B("10000", "0.2125"), "moq": "10000", "lead_time_days": 35,
        "tooling": [("Molde TP-121, 4 cavidades", "9800.00")]},
       {"part_number": "TP-130", "description": "Cápsula flip-top Ø24", "alternate": "alternativa a TP-129", "uom": "H87",
        "price_basis_qty": "1000", "quantity": "30000", "line_total": "2961.00", "breaks": B("30000", "0.0987"),
        "moq": "10000", "lead_time_days": 35}])

# ------------------------------------------------------------------ e09 sv + semicolon CSV (pris/100 st)
csv = """Offert;26-5521
Datum;2026-12-09
Leverantör;Norrlands Fjäder & Press AB
Kund;Skarabo Maskin AB
Valuta;SEK

Artikelnr kund;Benämning;Vårt artikelnr;Antal;Pris/100 st;Ledtid (veckor)
SK-1001;Tryckfjäder 0,6x5x20 rostfri;NFP-22041;1 000;185,00;3
SK-1001;;;5 000;142,50;3
SK-1002;Dragfjäder 1,0x8x35;NFP-22077;1 000;312,00;4
SK-1002;;;10 000;268,00;4
SK-1003;Bentfjäder specialutförande;;;Ej offererad;
"""
body = """Hej Johan,

bifogar vår offert 26-5521 på fjädrarna.

Priserna är exkl. moms. Leveransvillkor FCA Umeå, frakt tillkommer.
Betalningsvillkor 30 dagar netto. Offerten gäller t.o.m. 2027-01-15.
För SK-1002 tillkommer en engångskostnad för verktyg på 4 200 kr.

Med vänliga hälsningar
Emma Lindqvist
Säljare
Norrlands Fjäder & Press AB
Tel 090-00 00 00
"""
n = "e09_csv_attachment_per100_verktyg_sek_sv.eml"
write_doc(n, mixed("Emma Lindqvist <emma.lindqvist@nfpress.se>", "johan.berg@skarabo.example",
                   "Offert 26-5521", "Wed, 09 Dec 2026 14:02:00 +0100", body,
                   [("offert_26-5521.csv", csv.encode("utf-8"), "text", "csv")]))
truth(n, "sv", [1, 2, 3, 4, 5, 7],
      "semicolon CSV attachment with a key/value preamble, price per 100 st, space thousands in quantities, breaks as repeated part rows, lead time column in weeks, not-quoted row; terms and a tooling sentence in the mail body",
      {"supplier": "Norrlands Fjäder & Press AB", "quote_ref": "26-5521", "quote_date": "2026-12-09", "currency": "SEK",
       "valid_until": "2027-01-15", "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Umeå", "freight": "extra"},
      [{"part_number": "SK-1001", "description": "Tryckfjäder 0,6x5x20 rostfri", "supplier_part": "NFP-22041", "uom": "H87",
        "price_basis_qty": "100", "breaks": B("1000", "1.85", "5000", "1.425"), "lead_time_days": 21},
       {"part_number": "SK-1002", "description": "Dragfjäder 1,0x8x35", "supplier_part": "NFP-22077", "uom": "H87",
        "price_basis_qty": "100", "breaks": B("1000", "3.12", "10000", "2.68"), "lead_time_days": 28,
        "tooling": [("verktyg", "4200")]},
       {"part_number": "SK-1003", "description": "Bentfjäder specialutförande", "no_bid": True, "no_bid_reason": "Ej offererad"}])

# ------------------------------------------------------------------ e10 pt forwarded quote
body = """Olá Pedro,

reencaminho o orçamento da Torneados do Ave para as peças do projeto Vouga.
Parece-me caro no LM-325, vê se consegues negociar.

Cumprimentos,
Rita Carvalho
Compras | Lusomotor, S.A.

---------- Forwarded message ---------
De: Nuno Ferreira <nuno.ferreira@torneadosdoave.pt>
Date: sex., 11/12/2026 às 17:05
Subject: Orçamento n.º 2026/0917 - peças torneadas
To: Rita Carvalho <rita.carvalho@lusomotor.example>


Boa tarde Sra. Rita,

Conforme solicitado, segue o nosso orçamento n.º 2026/0917 de 11/12/2026:

Ref.      Descrição                          Qtd.          Preço unit.
LM-310    Casquilho latão CW614N Ø12         2.000 un.     0,742 €
                                             10.000 un.    0,615 €
LM-325    Veio aço inox 304 Ø8 x 95          500 un.       3,95 €
LM-340    Porca especial M10 zincada         -             sem cotação (não fabricamos)

Ferramenta específica para o LM-325: 2.750,00 € (paga uma única vez).
Prazo de entrega: 3 semanas após adjudicação.
Validade da proposta: 45 dias.
Condições de pagamento: 60 dias data de fatura.
Portes incluídos, entrega nas v/ instalações em Aveiro.
Aos preços acresce IVA à taxa legal em vigor.

Com os melhores cumprimentos,

Nuno Ferreira
Departamento Comercial
Torneados do Ave, Lda.
Rua da Indústria 88, 4760-000 Vila Nova de Famalicão
"""
m = MIMEText(body, "plain", "utf-8")
m["From"] = "Rita Carvalho <rita.carvalho@lusomotor.example>"
m["To"] = "Pedro Sousa <pedro.sousa@lusomotor.example>"
m["Subject"] = "Fwd: Orçamento n.º 2026/0917 - peças torneadas"
m["Date"] = "Mon, 14 Dec 2026 08:31:00 +0000"
n = "e10_forwarded_quote_ferramenta_eur_pt.eml"
write_doc(n, m.as_bytes())
truth(n, "pt", [1, 3, 5, 7],
      "a colleague forwards the supplier's quote (the sender is the buyer's company, not the supplier); space-aligned table with a continuation break row, sem cotação row, tooling sentence, 'Portes incluídos'",
      {"supplier": "Torneados do Ave, Lda.", "quote_ref": "2026/0917", "quote_date": "2026-12-11", "currency": "EUR",
       "validity_days": 45, "payment_net_days": 60, "freight": "included"},
      [{"part_number": "LM-310", "description": "Casquilho latão CW614N Ø12", "uom": "H87",
        "breaks": B("2000", "0.742", "10000", "0.615"), "lead_time_days": 21},
       {"part_number": "LM-325", "description": "Veio aço inox 304 Ø8 x 95", "uom": "H87", "breaks": B("500", "3.95"),
        "lead_time_days": 21, "tooling": [("Ferramenta específica", "2750.00")]},
       {"part_number": "LM-340", "description": "Porca especial M10 zincada", "no_bid": True, "no_bid_reason": "não fabricamos"}])
