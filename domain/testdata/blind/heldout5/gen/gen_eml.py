"""E-mail quotes (e01–e10)."""
import io
import openpyxl
from openpyxl.styles import Font
from common import about, per, write_doc, write_truth, msg, out, L, rl_canvas, rl_lines, rl_row, xlsx_bytes

# ---------------------------------------------------------------- e01
name = "e01_plain_dotted_rows_under_part_heading_nzd_en.eml"
m = msg('"Kiwi Coil Springs Ltd" <sales@kiwicoil.co.nz>', "Rebecca Moore <procurement@tasmanmarine.com.au>",
        "RE: Quote request - compression springs", "Tue, 02 Dec 2025 09:14:00 +1300", "<kcs-5521@kiwicoil.co.nz>")
m.set_content("""Kia ora Rebecca,

Quote KCS-Q-5521 for the springs you asked about. All pricing is in New Zealand
dollars (NZD), GST exclusive.

CS-7781  Compression spring 316SS, 2.0 wire x 18 OD x 45 FL
     250 pcs .......... $3.15 ea
   1,000 pcs .......... $2.64 ea
   5,000 pcs .......... $2.21 ea

CS-7790  Compression spring music wire, 1.2 x 10 x 32
     500 pcs .......... $0.96 ea
   2,500 pcs .......... $0.78 ea

ES-1204  Extension spring with hooks, 302SS
   1,000 pcs .......... $1.42 ea

Lead time 3 weeks from order. Freight to Hobart is not included.
Terms: net 30 days. Pricing valid 45 days. FCA Auckland.

Cheers,
Aroha Ngata
Kiwi Coil Springs Ltd | 41 Wiri Station Rd, Manukau, Auckland
""")
write_doc(name, out(m))
ln = dict(uom="H87", lead_time_days=21)
write_truth(name, {
    "about": about("eml", "en", [1, 4, 7], "plain text: part heading lines with dotted 'qty pcs ..... $x ea' rows, '$' with NZD in words, quote date from the Date header, freight not included"),
    "header": {"supplier": "Kiwi Coil Springs Ltd", "quote_ref": "KCS-Q-5521", "quote_date": "2025-12-02", "currency": "NZD",
               "validity_days": 45, "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Auckland", "freight": "extra"},
    "lines": [
        L(part_number="CS-7781", description="Compression spring 316SS, 2.0 wire x 18 OD x 45 FL",
          breaks=[["250", "3.15"], ["1000", "2.64"], ["5000", "2.21"]], **ln),
        L(part_number="CS-7790", description="Compression spring music wire, 1.2 x 10 x 32",
          breaks=[["500", "0.96"], ["2500", "0.78"]], **ln),
        L(part_number="ES-1204", description="Extension spring with hooks, 302SS", breaks=[["1000", "1.42"]], **ln),
    ]})

# ---------------------------------------------------------------- e02
name = "e02_html_only_preis_je_100_staffel_modellkosten_col_eur_de.eml"
m = msg('"Eisengießerei Nordhessen GmbH" <vertrieb@eg-nordhessen.de>', "einkauf@kasseler-pumpen.de",
        "Angebot A-25-3318 Gussteile", "Tue, 18 Nov 2025 15:02:11 +0100", "<a253318@eg-nordhessen.de>")
m.set_content("""<html><body style="font-family:Arial">
<p>Sehr geehrte Damen und Herren,</p>
<p>wir danken für Ihre Anfrage vom 10.11.2025 und bieten Ihnen an:</p>
<p><b>Angebot A-25-3318 vom 18.11.2025</b></p>
<table border="1" cellspacing="0" cellpadding="3">
<tr><th rowspan="2">Pos.</th><th rowspan="2">Ihre Sach-Nr.</th><th rowspan="2">Unsere Art.-Nr.</th><th rowspan="2">Bezeichnung</th>
<th rowspan="2">Werkstoff</th><th rowspan="2">Stückgewicht</th><th colspan="2">Preis je 100 Stk. in EUR</th><th rowspan="2">Modellkosten EUR (einmalig)</th></tr>
<tr><th>ab 200 Stk.</th><th>ab 1.000 Stk.</th></tr>
<tr><td>1</td><td>5520-114-01</td><td>GG-7741</td><td>Lagerdeckel</td><td>EN-GJL-250</td><td>2,4 kg</td><td align="right">1.860,00</td><td align="right">1.720,00</td><td align="right">4.900,00</td></tr>
<tr><td>2</td><td>5520-118-02</td><td>GG-7745</td><td>Pumpengehäuse</td><td>EN-GJS-400-15</td><td>11,8 kg</td><td align="right">8.940,00</td><td align="right">8.310,00</td><td align="right">12.600,00</td></tr>
<tr><td>3</td><td>5520-131-00</td><td>GG-7760</td><td>Flanschring</td><td>EN-GJL-250</td><td>0,9 kg</td><td align="right">742,00</td><td align="right">688,00</td><td align="right">vorhanden</td></tr>
</table>
<p>Lieferzeit: Erstmuster 8 Wochen nach Modellfreigabe, Serie 5 Wochen.<br>
Lieferung frei Haus (DAP Kassel).<br>
Zahlungsbedingungen: 30 Tage netto.<br>
Angebotsbindung: 8 Wochen.</p>
<p>Mit freundlichen Grüßen<br>i.A. Katrin Wiegand<br>Eisengießerei Nordhessen GmbH<br>Industriestraße 21, 34560 Fritzlar</p>
</body></html>""", subtype="html")
write_doc(name, out(m))
ln = dict(uom="H87", price_basis_qty="100", lead_time_days=35)
write_truth(name, {
    "about": about("eml", "de", [1, 2, 3, 4, 6, 7], "HTML-only: merged 'Preis je 100 Stk.' header over 'ab N Stk.' sub-headers, pattern (Modell) cost column with 'vorhanden', customer vs supplier part columns, frei Haus, validity in weeks, sample vs series lead time"),
    "header": {"supplier": "Eisengießerei Nordhessen GmbH", "quote_ref": "A-25-3318", "quote_date": "2025-11-18", "currency": "EUR",
               "validity_days": 56, "payment_net_days": 30, "incoterm": "DAP", "incoterm_place": "Kassel", "freight": "included"},
    "lines": [
        L(part_number="5520-114-01", supplier_part="GG-7741", description="Lagerdeckel EN-GJL-250",
          breaks=[["200", per("1860.00", 100, "18.6")], ["1000", per("1720.00", 100, "17.2")]],
          tooling=[["Modellkosten", "4900.00"]], **ln),
        L(part_number="5520-118-02", supplier_part="GG-7745", description="Pumpengehäuse EN-GJS-400-15",
          breaks=[["200", per("8940.00", 100, "89.4")], ["1000", per("8310.00", 100, "83.1")]],
          tooling=[["Modellkosten", "12600.00"]], **ln),
        L(part_number="5520-131-00", supplier_part="GG-7760", description="Flanschring EN-GJL-250",
          breaks=[["200", per("742.00", 100, "7.42")], ["1000", per("688.00", 100, "6.88")]], **ln),
    ]})

# ---------------------------------------------------------------- e03
name = "e03_text_see_html_chf_apostrophe_outillage_remark_fdm_fr.eml"
m = msg('"Tôlerie de Bienne SA" <offres@tolerie-bienne.ch>', "achats@horlogerie-jura.ch",
        "Offre n° 2025-417", "Wed, 26 Nov 2025 10:30:00 +0100", "<2025-417@tolerie-bienne.ch>")
m.set_content("""Bonjour,

Votre messagerie n'affiche pas le format HTML. Veuillez consulter la version HTML de ce message pour notre offre.

Tôlerie de Bienne SA
""")
m.add_alternative("""<html><body>
<p>Bonjour Monsieur Perret,</p>
<p>Nous vous remercions de votre demande et vous soumettons notre offre n° 2025-417.<br>Bienne, le 26 novembre 2025</p>
<table border="1" cellpadding="4" cellspacing="0">
<tr><th>Réf. client</th><th>Désignation</th><th>Quantité</th><th>Prix unitaire Fr.</th></tr>
<tr><td>SB-3310</td><td>Support tôle inox 1.5 mm</td><td align="right">1'000</td><td align="right">2.85</td></tr>
<tr><td>SB-3310</td><td>Support tôle inox 1.5 mm</td><td align="right">5'000</td><td align="right">2.41</td></tr>
<tr><td colspan="4"><i>Remarque : outillage de découpe progressif pour SB-3310, Fr. 3'200.– (facturé une seule fois)</i></td></tr>
<tr><td>SB-3322</td><td>Équerre acier zingué</td><td align="right">2'000</td><td align="right">1.12</td></tr>
<tr><td>SB-3340</td><td>Couvercle alu anodisé naturel</td><td align="right">500</td><td align="right">6.90</td></tr>
</table>
<p>Tous les prix en francs suisses (CHF), hors TVA.<br>
Conditions de paiement : 30 jours fin de mois.<br>
Livraison : FCA Bienne, port non compris.<br>
Offre valable jusqu'au 31.01.2026. Délai de livraison : 4 semaines.</p>
<p>Meilleures salutations<br>Claude Perrin<br>Tôlerie de Bienne SA, Route de Soleure 140, 2504 Bienne</p>
</body></html>""", subtype="html")
write_doc(name, out(m))
ln = dict(lead_time_days=28)
write_truth(name, {
    "about": about("eml", "fr", [1, 3, 4, 7], "multipart/alternative whose text part says 'see the HTML version'; HTML table with breaks as rows, a tooling remark row under the part, Swiss apostrophe thousands, 'Fr.' with CHF in words, 30 jours fin de mois, port non compris"),
    "header": {"supplier": "Tôlerie de Bienne SA", "quote_ref": "2025-417", "quote_date": "2025-11-26", "currency": "CHF",
               "valid_until": "2026-01-31", "payment_net_days": 30, "payment_basis": "end_of_month",
               "incoterm": "FCA", "incoterm_place": "Bienne", "freight": "extra"},
    "lines": [
        L(part_number="SB-3310", description="Support tôle inox 1.5 mm", breaks=[["1000", "2.85"], ["5000", "2.41"]],
          tooling=[["outillage de découpe progressif", "3200"]], **ln),
        L(part_number="SB-3322", description="Équerre acier zingué", breaks=[["2000", "1.12"]], **ln),
        L(part_number="SB-3340", description="Couvercle alu anodisé naturel", breaks=[["500", "6.90"]], **ln),
    ]})

# ---------------------------------------------------------------- e04
name = "e04_reply_quoted_rfq_qty_price_tables_blanket_nobid_usd_en.eml"
m = msg("Mike Sorensen <msorensen@precisionmachineworks.com>", "Karen Liu <karen.liu@northfieldpumps.com>",
        "RE: RFQ 4471 - machined parts", "Wed, 03 Dec 2025 16:41:09 -0600", "<pmw-0873@precisionmachineworks.com>",
        In_Reply_To="<rfq4471@northfieldpumps.com>")
m.set_content("""Hi Karen,

Thanks for the RFQ. Our pricing is below, quote no. PMW-Q25-0873, dated 12/03/2025.

MX-2210 Rev C - Drive shaft, 4140 HT
Qty      Unit Price
100      $18.40
250      $16.95
500      $15.70

MX-2214 Rev A - Bronze bushing
Qty      Unit Price
500      $2.38
1,000    $2.12

MX-2230 Rev B - Spacer, 6061-T6
Qty      Unit Price
1,000    $0.84

The gear MX-2240: we don't cut gears in house, so no quote on that one.
All other items: no quote.

Lead time 3-4 weeks ARO. Terms 2% 10 Net 30. F.O.B. Rockford, IL.
Prices firm thru 01/30/2026.

Thanks,
Mike Sorensen
Precision Machine Works, Inc.
2210 Harrison Ave, Rockford, IL 61104
(815) 555-0190

-----Original Message-----
From: Karen Liu <karen.liu@northfieldpumps.com>
Sent: Tuesday, November 18, 2025 2:05 PM
To: quotes@precisionmachineworks.com
Subject: RFQ 4471 - machined parts

Hello,

Please quote the following by 11/28/2025, FOB destination, Net 45:

Line 10  MX-2210 Rev C  Drive shaft          100 / 250 / 500
Line 20  MX-2214 Rev A  Bronze bushing       500 / 1,000
Line 30  MX-2230 Rev B  Spacer               1,000
Line 40  MX-2240 Rev A  Spur gear 24T        250
Line 50  MX-2251 Rev D  Dowel pin            2,000

Regards,
Karen Liu
Buyer, Northfield Pumps Inc.
""")
write_doc(name, out(m))
rfq = {"rfq": "4471", "currency": "USD", "lines": [
    {"line": "10", "part_number": "MX-2210", "revision": "C", "description": "Drive shaft", "quantities": ["100", "250", "500"], "last_price": "17.90"},
    {"line": "20", "part_number": "MX-2214", "revision": "A", "description": "Bronze bushing", "quantities": ["500", "1000"]},
    {"line": "30", "part_number": "MX-2230", "revision": "B", "description": "Spacer", "quantities": ["1000"]},
    {"line": "40", "part_number": "MX-2240", "revision": "A", "description": "Spur gear 24T", "quantities": ["250"]},
    {"line": "50", "part_number": "MX-2251", "revision": "D", "description": "Dowel pin", "quantities": ["2000"]},
]}
ln = dict(lead_time_days=28)
write_truth(name, {
    "about": about("eml", "en", [1, 4, 5, 7], "reply with small Qty/Unit Price tables under part lines, no-bid by description, blanket 'all other items: no quote', US dates, 2% 10 Net 30, F.O.B. City, ST; the quoted RFQ has other terms and the buyer's company"),
    "header": {"supplier": "Precision Machine Works, Inc.", "quote_ref": "PMW-Q25-0873", "quote_date": "2025-12-03", "currency": "USD",
               "valid_until": "2026-01-30", "payment_net_days": 30, "payment_discount_pct": "2", "payment_discount_days": 10,
               "incoterm": "FOB", "incoterm_place": "Rockford, IL"},
    "lines": [
        L(part_number="MX-2210", revision="C", description="Drive shaft, 4140 HT",
          breaks=[["100", "18.40"], ["250", "16.95"], ["500", "15.70"]], rfq_line="10", **ln),
        L(part_number="MX-2214", revision="A", description="Bronze bushing",
          breaks=[["500", "2.38"], ["1000", "2.12"]], rfq_line="20", **ln),
        L(part_number="MX-2230", revision="B", description="Spacer, 6061-T6", breaks=[["1000", "0.84"]], rfq_line="30", **ln),
        L(part_number="MX-2240", description="Spur gear 24T", no_bid=True, no_bid_reason="we don't cut gears in house", rfq_line="40"),
        L(part_number="MX-2251", description="Dowel pin", no_bid=True, no_bid_reason="All other items: no quote", rfq_line="50"),
    ]}, rfq)

# ---------------------------------------------------------------- e05
name = "e05_xlsx_attachment_codigo_cliente_ferramental_col_brl_pt.eml"
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Proposta"
ws["A1"] = "BORRACHAS VALE DO ITAJAÍ LTDA."
ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Proposta comercial nº PC-2025-1147 — 28/11/2025"
ws.append([])
ws.append(["Item", "Código cliente", "Nosso código", "Descrição", "Qtde mínima (pç)", "Preço unit. (R$)", "Ferramental (R$)", "Prazo (dias)"])
for c in ws[4]:
    c.font = Font(bold=True)
rows = [
    [1, "7002-331", "BR-1108", "Anel O-ring NBR 70 32x3", 5000, 0.186, None, 20],
    [2, "7002-342", "BR-1115", "Gaxeta EPDM perfil U 12x8", 2000, 1.47, 6800.00, 35],
    [3, "7002-355", "BR-1130", "Batente borracha natural 60 Sh A", 1000, 3.92, 4250.00, 35],
]
for r in rows:
    ws.append(r)
for row in ws.iter_rows(min_row=5, max_row=7):
    row[4].number_format = "#,##0"
    row[5].number_format = '"R$" #,##0.000'
    row[6].number_format = '"R$" #,##0.00'
ws["A9"] = "Ferramental cobrado uma única vez; prazo do ferramental 30 dias."
m = msg('"Borrachas Vale do Itajaí" <comercial@borrachasvale.com.br>', "compras@motorsulbrasil.com.br",
        "Proposta PC-2025-1147 - peças de borracha", "Fri, 28 Nov 2025 11:20:00 -0300", "<pc20251147@borrachasvale.com.br>")
m.set_content("""Prezado Sr. Ricardo,

Segue em anexo nossa proposta comercial nº PC-2025-1147 de 28/11/2025 para os itens solicitados.

Condições gerais:
- Pagamento: 28 ddl (dias da data de faturamento)
- Frete: FOB Joinville (frete por conta do cliente)
- Validade da proposta: 15 dias
- Impostos: ICMS e IPI inclusos nos preços

Ficamos à disposição.

Atenciosamente,
Juliana Reis
Borrachas Vale do Itajaí Ltda.
""")
m.add_attachment(xlsx_bytes(wb), maintype="application",
                 subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="PC-2025-1147.xlsx")
write_doc(name, out(m))
write_truth(name, {
    "about": about("eml", "pt", [3, 6, 7], "terms in the mail body, XLSX attachment with Código cliente / Nosso código, minimum quantity column (the single price starts there), tooling column with one empty cell, lead time in days, 28 ddl, FOB + frete por conta do cliente"),
    "header": {"supplier": "Borrachas Vale do Itajaí Ltda.", "quote_ref": "PC-2025-1147", "quote_date": "2025-11-28", "currency": "BRL",
               "validity_days": 15, "payment_net_days": 28, "incoterm": "FOB", "incoterm_place": "Joinville", "freight": "extra"},
    "lines": [
        L(part_number="7002-331", supplier_part="BR-1108", description="Anel O-ring NBR 70 32x3", uom="H87",
          breaks=[["5000", "0.186"]], moq="5000", lead_time_days=20),
        L(part_number="7002-342", supplier_part="BR-1115", description="Gaxeta EPDM perfil U 12x8", uom="H87",
          breaks=[["2000", "1.47"]], moq="2000", lead_time_days=35, tooling=[["Ferramental", "6800.00"]]),
        L(part_number="7002-355", supplier_part="BR-1130", description="Batente borracha natural 60 Sh A", uom="H87",
          breaks=[["1000", "3.92"]], moq="1000", lead_time_days=35, tooling=[["Ferramental", "4250.00"]]),
    ]})

# ---------------------------------------------------------------- e06
name = "e06_pdf_attachment_precio_por_millar_pesos_lab_mxn_es.eml"
buf = io.BytesIO()
c = rl_canvas(buf)
y = rl_lines(c, 40, 800, ["EMPAQUES Y ETIQUETAS DEL NORTE, S.A. DE C.V."], size=13, font="DVB")
y = rl_lines(c, 40, y, ["Av. Ruiz Cortines 2250, Col. Industrial, Monterrey, N.L., C.P. 64440 · RFC EEN-080315-KT2",
                       "", "COTIZACIÓN COT-MX-2025-0932", "Monterrey, N.L., a 1 de diciembre de 2025",
                       "Cliente: Electrodomésticos del Bajío, S.A. de C.V. — At'n: Lic. Fernanda Ruiz", ""], size=9)
cols = [40, 110, 330, 410, 500]
rl_row(c, y, cols, ["Clave", "Descripción", "Cantidad", "Precio por millar", ""], font="DVB")
y -= 4
c.line(40, y, 560, y)
y -= 13
data = [
    ("ET-4410", "Etiqueta autoadherible 100x50 mm, 4 tintas", "10,000", "$1,240.00"),
    ("ET-4410", "Etiqueta autoadherible 100x50 mm, 4 tintas", "50,000", "$985.00"),
    (None, "Placas de impresión ET-4410 (cargo único): $7,800.00", None, None),
    ("CJ-2201", "Caja corrugada doble pared 40x30x30 cm", "2,000", "$18,600.00"),
    ("CJ-2201", "Caja corrugada doble pared 40x30x30 cm", "5,000", "$17,150.00"),
    ("BL-0310", "Bolsa de polietileno 30x40 cm cal. 200", "20,000", "$640.00"),
]
for r in data:
    rl_row(c, y, cols, list(r) + [None], right=(2, 3))
    y -= 15
y -= 10
y = rl_lines(c, 40, y, ["Condiciones de pago: 30 días fecha factura.", "L.A.B. Monterrey, N.L. — flete no incluido.",
                       "Tiempo de entrega: 2 semanas a partir de la orden de compra.", "Vigencia de la cotización: 30 días.",
                       "", "Atentamente,", "Ing. Raúl Garza Treviño — Ventas"], size=9)
c.showPage()
c.save()
m = msg('"Raúl Garza" <rgarza@empaquesnorte.com.mx>', "compras@electrobajio.mx",
        "Cotización COT-MX-2025-0932", "Mon, 01 Dec 2025 13:05:00 -0600", "<cot0932@empaquesnorte.com.mx>")
m.set_content("""Lic. Fernanda Ruiz:

Adjunto la cotización COT-MX-2025-0932 solicitada. Los precios están en pesos mexicanos (MXN) más IVA.

Saludos cordiales,
Raúl Garza Treviño
Empaques y Etiquetas del Norte, S.A. de C.V.
""")
m.add_attachment(buf.getvalue(), maintype="application", subtype="pdf", filename="COT-MX-2025-0932.pdf")
write_doc(name, out(m))
ln = dict(lead_time_days=14, price_basis_qty="1000")
write_truth(name, {
    "about": about("eml", "es", [1, 2, 3, 7], "PDF attachment: 'Precio por millar' (per 1000) with '$', MXN in words in the mail body, breaks as rows, a one-time plate charge row naming the part, L.A.B. (= FOB) Monterrey, N.L., flete no incluido"),
    "header": {"supplier": "Empaques y Etiquetas del Norte, S.A. de C.V.", "quote_ref": "COT-MX-2025-0932", "quote_date": "2025-12-01",
               "currency": "MXN", "validity_days": 30, "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Monterrey, N.L.",
               "freight": "extra"},
    "lines": [
        L(part_number="ET-4410", description="Etiqueta autoadherible 100x50 mm, 4 tintas",
          breaks=[["10000", per("1240.00", 1000, "1.24")], ["50000", per("985.00", 1000, "0.985")]],
          tooling=[["Placas de impresión", "7800.00"]], **ln),
        L(part_number="CJ-2201", description="Caja corrugada doble pared 40x30x30 cm",
          breaks=[["2000", per("18600.00", 1000, "18.6")], ["5000", per("17150.00", 1000, "17.15")]], **ln),
        L(part_number="BL-0310", description="Bolsa de polietileno 30x40 cm cal. 200",
          breaks=[["20000", per("640.00", 1000, "0.64")]], **ln),
    ]})

# ---------------------------------------------------------------- e07
name = "e07_csv_cp1250_cena_za_100_szt_oprzyrzadowanie_prose_pln_pl.eml"
csv = """Oferta;OF/2025/11/0457
Data oferty;2025-11-27
Dostawca;Zakład Tłoczenia Metali KUJAWY Sp. z o.o.
Waluta;PLN
;
Lp.;Indeks klienta;Indeks dostawcy;Nazwa;Jm;Ilość od;Cena netto za 100 szt.;Termin (tyg.)
1;34-118;ZT-5510;Podkładka sprężysta M8 ocynk;szt.;5 000;18,40;3
2;34-118;ZT-5510;Podkładka sprężysta M8 ocynk;szt.;20 000;15,90;3
3;34-125;ZT-5522;Wspornik kątowy 40x40x2;szt.;1 000;212,00;4
4;34-131;ZT-5530;Obejma rurowa DN25 z gumą;szt.;2 000;96,50;4
""".replace("\n", "\r\n").encode("cp1250")
m = msg('"ZTM Kujawy - Dział Sprzedaży" <sprzedaz@ztm-kujawy.pl>', "zakupy@agromasz-bydgoszcz.pl",
        "Oferta OF/2025/11/0457", "Thu, 27 Nov 2025 08:47:00 +0100", "<of20251457@ztm-kujawy.pl>")
m.set_content("""Dzień dobry,

w załączeniu przesyłamy ofertę OF/2025/11/0457 (plik CSV z systemu ERP).

Koszt oprzyrządowania (wykrojnik) dla detalu 34-118: 2 500,00 PLN netto, płatne jednorazowo.
Warunki płatności: przelew 30 dni.
Dostawa: DAP Bydgoszcz, transport wliczony w cenę.
Oferta ważna do 31.12.2025.

Z poważaniem
Tomasz Wiśniewski
Zakład Tłoczenia Metali KUJAWY Sp. z o.o.
""")
m.add_attachment(csv, maintype="text", subtype="csv", filename="OF_2025_11_0457.csv")
write_doc(name, out(m))
write_truth(name, {
    "about": about("eml", "pl", [2, 3, 4, 5, 7], "Windows-1250 semicolon CSV attachment with an ERP preamble, 'Cena netto za 100 szt.', breaks as rows with space thousands, lead time column in weeks; tooling sentence in the mail body naming the part; DAP with transport included"),
    "header": {"supplier": "Zakład Tłoczenia Metali KUJAWY Sp. z o.o.", "quote_ref": "OF/2025/11/0457", "quote_date": "2025-11-27",
               "currency": "PLN", "valid_until": "2025-12-31", "payment_net_days": 30, "incoterm": "DAP",
               "incoterm_place": "Bydgoszcz", "freight": "included"},
    "lines": [
        L(part_number="34-118", supplier_part="ZT-5510", description="Podkładka sprężysta M8 ocynk", uom="H87", price_basis_qty="100",
          breaks=[["5000", per("18.40", 100, "0.184")], ["20000", per("15.90", 100, "0.159")]], lead_time_days=21,
          tooling=[["wykrojnik", "2500.00"]]),
        L(part_number="34-125", supplier_part="ZT-5522", description="Wspornik kątowy 40x40x2", uom="H87", price_basis_qty="100",
          breaks=[["1000", per("212.00", 100, "2.12")]], lead_time_days=28),
        L(part_number="34-131", supplier_part="ZT-5530", description="Obejma rurowa DN25 z gumą", uom="H87", price_basis_qty="100",
          breaks=[["2000", per("96.50", 100, "0.965")]], lead_time_days=28),
    ]})

# ---------------------------------------------------------------- e08
name = "e08_plain_md_table_prose_moq_nobid_rfq_decoys_sek_sv.eml"
m = msg("Lena Holm <lena.holm@norrlandsplat.se>", "Johan Ek <johan.ek@skogsteknik.se>",
        "SV: Förfrågan RFQ-2025-118", "Wed, 19 Nov 2025 14:10:00 +0100", "<no-25-6012@norrlandsplat.se>")
m.set_content("""Hej Johan,

Tack för er förfrågan RFQ-2025-118. Här kommer vår offert nr 25-6012, daterad 2025-11-19.

| Art.nr (ert) | Benämning                          | Antal | À-pris SEK |
|--------------|------------------------------------|-------|------------|
| VX-1001      | Kapsling 300x200x120, pulverlackad | 100   | 486,00     |
| VX-1001      | Kapsling 300x200x120, pulverlackad | 500   | 421,50     |
| VX-1004      | Montageplåt 280x180                | 100   | 74,20      |
| VX-1010      | Dörr med gångjärn                  | 250   | 158,00     |

Minsta order för kapslingen är 100 st, därefter i multiplar om 50 st.
Leveranstid 3–4 veckor efter order, montageplåten 2 veckor.
Vi offererar inte packningen VX-1020 (den köper ni bäst direkt från gummileverantören).
Frakt tillkommer. Betalningsvillkor 30 dagar netto. Priserna gäller 60 dagar.

Med vänliga hälsningar
Lena Holm
Norrlands Plåtindustri AB
Sågvägen 4, 891 33 Örnsköldsvik
""")
write_doc(name, out(m))
rfq = {"rfq": "RFQ-2025-118", "currency": "SEK", "lines": [
    {"line": "1", "part_number": "VX-1001", "description": "Kapsling 300x200x120 pulverlackad", "quantities": ["100", "500"]},
    {"line": "2", "part_number": "VX-1004", "description": "Montageplåt 280x180", "quantities": ["100"]},
    {"line": "3", "part_number": "VX-1010", "description": "Dörr med gångjärn", "quantities": ["250"]},
    {"line": "4", "part_number": "VX-1020", "description": "Packning till dörr", "quantities": ["250"]},
    {"line": "5", "part_number": "VX-2001", "description": "Kapsling 400x300x150 pulverlackad", "quantities": ["50"]},
    {"line": "6", "part_number": "VX-1044", "description": "Montageplåt 380x280", "quantities": ["100"]},
]}
write_truth(name, {
    "about": about("eml", "sv", [1, 4, 5, 7], "plain mail with a Markdown table (breaks as rows), MOQ/multiple and lead time per description word in prose, no-bid by description with part number, frakt tillkommer; RFQ with two decoy lines (similar descriptions) that the quote does not answer"),
    "header": {"supplier": "Norrlands Plåtindustri AB", "quote_ref": "25-6012", "quote_date": "2025-11-19", "currency": "SEK",
               "validity_days": 60, "payment_net_days": 30, "freight": "extra"},
    "lines": [
        L(part_number="VX-1001", description="Kapsling 300x200x120, pulverlackad", breaks=[["100", "486.00"], ["500", "421.50"]],
          moq="100", order_multiple="50", lead_time_days=28, rfq_line="1"),
        L(part_number="VX-1004", description="Montageplåt 280x180", breaks=[["100", "74.20"]], lead_time_days=14, rfq_line="2"),
        L(part_number="VX-1010", description="Dörr med gångjärn", breaks=[["250", "158.00"]], lead_time_days=28, rfq_line="3"),
        L(part_number="VX-1020", description="packningen", no_bid=True, no_bid_reason="Vi offererar inte packningen", rfq_line="4"),
    ]}, rfq)

# ---------------------------------------------------------------- e09
name = "e09_multipart_rmb_yen_sign_mould_prose_yuejie_zh.eml"
text = """王经理，您好！

感谢贵司询价。现报价如下（报价单号：NBX-BJ-251208，日期：2025年12月8日）。
币种：人民币（RMB），含13%增值税。

贵司料号	我司料号	品名规格	起订量	单价（¥/个）
HX-30115	NB-8810	注塑外壳 PC+ABS 黑色	3,000	4.85
HX-30116	NB-8811	电池盖 PC+ABS 黑色	3,000	1.26
HX-30120	NB-8830	硅胶按键 红色	5,000	0.78

模具费：外壳 HX-30115 模具 ¥68,000，电池盖 HX-30116 模具 ¥22,000（一次性收取，模具归贵司所有）。硅胶按键 HX-30120 模具费 ¥9,500。
交期：样品确认后25天。
付款方式：月结60天。
交货条件：FOB Ningbo, China
报价有效期：30天。

此致
敬礼！

李娜  销售部
宁波华信塑胶制品有限公司 / Ningbo Huaxin Plastic Products Co., Ltd.
"""
html = """<html><body>
<p>王经理，您好！</p>
<p>感谢贵司询价。现报价如下（报价单号：NBX-BJ-251208，日期：2025年12月8日）。<br>币种：人民币（RMB），含13%增值税。</p>
<table border="1" cellspacing="0" cellpadding="3">
<tr><th>贵司料号</th><th>我司料号</th><th>品名规格</th><th>起订量</th><th>单价（¥/个）</th></tr>
<tr><td>HX-30115</td><td>NB-8810</td><td>注塑外壳 PC+ABS 黑色</td><td>3,000</td><td>4.85</td></tr>
<tr><td>HX-30116</td><td>NB-8811</td><td>电池盖 PC+ABS 黑色</td><td>3,000</td><td>1.26</td></tr>
<tr><td>HX-30120</td><td>NB-8830</td><td>硅胶按键 红色</td><td>5,000</td><td>0.78</td></tr>
</table>
<p>模具费：外壳 HX-30115 模具 ¥68,000，电池盖 HX-30116 模具 ¥22,000（一次性收取，模具归贵司所有）。硅胶按键 HX-30120 模具费 ¥9,500。<br>
交期：样品确认后25天。<br>付款方式：月结60天。<br>交货条件：FOB Ningbo, China<br>报价有效期：30天。</p>
<p>此致 敬礼！<br>李娜 销售部<br>宁波华信塑胶制品有限公司 / Ningbo Huaxin Plastic Products Co., Ltd.</p>
</body></html>"""
m = msg('"Ningbo Huaxin Plastic Products Co., Ltd." <sales@nbhuaxin.cn>', "wang.jun@shenghe-elec.com",
        "报价 NBX-BJ-251208", "Mon, 08 Dec 2025 10:02:00 +0800", "<nbx251208@nbhuaxin.cn>")
m.set_content(text)
m.add_alternative(html, subtype="html")
write_doc(name, out(m))
write_truth(name, {
    "about": about("eml", "zh", [3, 5, 6, 7], "multipart text (tab table) + HTML, customer vs supplier part columns in Chinese, MOQ column, ¥ with RMB stated, mould charges in a sentence naming parts, 月结60天 (end-of-month), FOB Ningbo, China"),
    "header": {"supplier": "Ningbo Huaxin Plastic Products Co., Ltd.", "quote_ref": "NBX-BJ-251208", "quote_date": "2025-12-08",
               "currency": "CNY", "validity_days": 30, "payment_net_days": 60, "payment_basis": "end_of_month",
               "incoterm": "FOB", "incoterm_place": "Ningbo, China"},
    "lines": [
        L(part_number="HX-30115", supplier_part="NB-8810", description="注塑外壳 PC+ABS 黑色", uom="H87", breaks=[["3000", "4.85"]],
          moq="3000", lead_time_days=25, tooling=[["模具", "68000"]]),
        L(part_number="HX-30116", supplier_part="NB-8811", description="电池盖 PC+ABS 黑色", uom="H87", breaks=[["3000", "1.26"]],
          moq="3000", lead_time_days=25, tooling=[["模具", "22000"]]),
        L(part_number="HX-30120", supplier_part="NB-8830", description="硅胶按键 红色", uom="H87", breaks=[["5000", "0.78"]],
          moq="5000", lead_time_days=25, tooling=[["模具费", "9500"]]),
    ]})

# ---------------------------------------------------------------- e10
name = "e10_html_only_tanka_100_ko_atari_katadai_col_jpy_ja.eml"
m = msg('"株式会社三友精工" <eigyo@sanyu-seiko.co.jp>', "koubai@hokuriku-denki.co.jp",
        "御見積書 MQ-25-1204 送付の件", "Thu, 04 Dec 2025 17:30:00 +0900", "<mq251204@sanyu-seiko.co.jp>")
m.set_content("""<html><body>
<p>北陸電機株式会社<br>購買部 御中</p>
<p>いつもお世話になっております。ご依頼の件、下記の通りお見積り申し上げます。</p>
<p>見積番号：MQ-25-1204<br>見積日：2025年12月4日</p>
<table border="1" cellspacing="0" cellpadding="3">
<tr><th>品番（貴社）</th><th>品名</th><th>材質</th><th>数量</th><th>単価（100個当り）</th><th>型代</th></tr>
<tr><td>K-20418</td><td>精密プレス端子</td><td>りん青銅</td><td>10,000</td><td>1,850円</td><td>420,000円</td></tr>
<tr><td>K-20419</td><td>シールドケース</td><td>洋白</td><td>5,000</td><td>6,200円</td><td>680,000円</td></tr>
<tr><td>K-20425</td><td>アースばね</td><td>SUS304-CSP</td><td>20,000</td><td>940円</td><td>－</td></tr>
</table>
<p>納期：型完成後 約3週間（型製作期間 45日）<br>
支払条件：月末締め 60日払い<br>
受渡条件：貴社指定場所持込（運賃込み）<br>
有効期限：2026年1月31日</p>
<p>株式会社三友精工<br>営業部 佐藤 健一<br>〒921-8801 石川県野々市市御経塚3-120</p>
</body></html>""", subtype="html")
write_doc(name, out(m))
ln = dict(price_basis_qty="100", lead_time_days=21)
write_truth(name, {
    "about": about("eml", "ja", [2, 3, 6, 7], "HTML-only Japanese: '単価（100個当り）' price per 100, 型代 (die cost) column with one '－', quantity column as break min qty, 月末締め 60日払い, delivered with freight included, die vs production lead time"),
    "header": {"supplier": "株式会社三友精工", "quote_ref": "MQ-25-1204", "quote_date": "2025-12-04", "currency": "JPY",
               "valid_until": "2026-01-31", "payment_net_days": 60, "payment_basis": "end_of_month", "freight": "included"},
    "lines": [
        L(part_number="K-20418", description="精密プレス端子 りん青銅", breaks=[["10000", per("1850", 100, "18.5")]],
          tooling=[["型代", "420000"]], **ln),
        L(part_number="K-20419", description="シールドケース 洋白", breaks=[["5000", per("6200", 100, "62")]],
          tooling=[["型代", "680000"]], **ln),
        L(part_number="K-20425", description="アースばね SUS304-CSP", breaks=[["20000", per("940", 100, "9.4")]], **ln),
    ]})
print("eml ok")
