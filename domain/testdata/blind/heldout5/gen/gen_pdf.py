"""PDF quotes and lists (p01–p07): reportlab canvas and fpdf2."""
from fpdf import FPDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from common import about, per, path, write_truth, L, rl_canvas, rl_lines, rl_row, FONT, FONT_B


def fpdf_doc():
    pdf = FPDF(format="A4")
    pdf.set_creator("")
    pdf.set_producer("")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 12, 1, tzinfo=__import__("datetime").timezone.utc))
    pdf.add_font("DV", "", FONT)
    pdf.add_font("DV", "B", FONT_B)
    pdf.set_auto_page_break(False)
    return pdf


# ---------------------------------------------------------------- p01
name = "p01_reportlab_three_pages_price_per_m_rings_drums_wrapped_eur_de.pdf"
items = [  # art.-nr, line 1, line 2 (wrapped), pack, price per m as printed, typed
    ("KW-10015", "H07V-K 1x1,5 mm² schwarz", "Aderleitung feindrähtig, PVC", "Ring 100 m", "0,318", "0.318"),
    ("KW-10025", "H07V-K 1x2,5 mm² schwarz", "Aderleitung feindrähtig, PVC", "Ring 100 m", "0,472", "0.472"),
    ("KW-10040", "H07V-K 1x4 mm² schwarz", "Aderleitung feindrähtig, PVC", "Ring 100 m", "0,738", "0.738"),
    ("KW-10060", "H07V-K 1x6 mm² grün-gelb", "Aderleitung feindrähtig, PVC", "Ring 100 m", "1,092", "1.092"),
    ("KW-10100", "H07V-K 1x10 mm² grün-gelb", "Aderleitung feindrähtig, PVC", "Trommel 500 m", "1,786", "1.786"),
    ("KW-10160", "H07V-K 1x16 mm² blau", "Aderleitung feindrähtig, PVC", "Trommel 500 m", "2,814", "2.814"),
    ("KW-20315", "NYM-J 3x1,5 mm²", "Mantelleitung, grau, für feste Verlegung", "Ring 100 m", "0,742", "0.742"),
    ("KW-20325", "NYM-J 3x2,5 mm²", "Mantelleitung, grau, für feste Verlegung", "Ring 100 m", "1,068", "1.068"),
    ("KW-20515", "NYM-J 5x1,5 mm²", "Mantelleitung, grau, für feste Verlegung", "Ring 100 m", "1,124", "1.124"),
    ("KW-20525", "NYM-J 5x2,5 mm²", "Mantelleitung, grau, für feste Verlegung", "Ring 50 m", "1,646", "1.646"),
    ("KW-20540", "NYM-J 5x4 mm²", "Mantelleitung, grau, für feste Verlegung", "Trommel 500 m", "2,558", "2.558"),
    ("KW-20560", "NYM-J 5x6 mm²", "Mantelleitung, grau, für feste Verlegung", "Trommel 500 m", "3,712", "3.712"),
    ("KW-30310", "H05VV-F 3G1,0 mm² weiß", "Schlauchleitung leicht, PVC", "Ring 100 m", "0,694", "0.694"),
    ("KW-30315", "H05VV-F 3G1,5 mm² weiß", "Schlauchleitung leicht, PVC", "Ring 100 m", "0,912", "0.912"),
    ("KW-30510", "H05VV-F 5G1,0 mm² schwarz", "Schlauchleitung leicht, PVC", "Ring 100 m", "1,084", "1.084"),
    ("KW-40315", "H07RN-F 3G1,5 mm²", "Gummischlauchleitung, ölbeständig, für", "Trommel 500 m", "1,826", "1.826"),
    ("KW-40325", "H07RN-F 3G2,5 mm²", "Gummischlauchleitung, ölbeständig, für", "Trommel 500 m", "2,474", "2.474"),
    ("KW-40525", "H07RN-F 5G2,5 mm²", "Gummischlauchleitung, ölbeständig, für", "Trommel 500 m", "3,636", "3.636"),
    ("KW-40560", "H07RN-F 5G6 mm²", "Gummischlauchleitung, ölbeständig, für", "Trommel 250 m", "7,948", "7.948"),
    ("KW-50207", "LiYCY 2x0,75 mm²", "Steuerleitung geschirmt, Cu-Geflecht", "Ring 100 m", "0,884", "0.884"),
    ("KW-50407", "LiYCY 4x0,75 mm²", "Steuerleitung geschirmt, Cu-Geflecht", "Ring 100 m", "1,352", "1.352"),
    ("KW-50707", "LiYCY 7x0,75 mm²", "Steuerleitung geschirmt, Cu-Geflecht", "Trommel 500 m", "2,168", "2.168"),
    ("KW-51207", "LiYCY 12x0,75 mm²", "Steuerleitung geschirmt, Cu-Geflecht", "Trommel 500 m", "3,296", "3.296"),
    ("KW-60204", "J-Y(St)Y 2x2x0,8 mm", "Fernmelde-Installationskabel, statisch", "Ring 100 m", "0,538", "0.538"),
    ("KW-60404", "J-Y(St)Y 4x2x0,8 mm", "Fernmelde-Installationskabel, statisch", "Trommel 500 m", "0,872", "0.872"),
]
c = rl_canvas(path(name))
cols = [40, 110, 330, 430, 500]
per_page = 10
pages = [items[i:i + per_page] for i in range(0, len(items), per_page)]
for pn, page in enumerate(pages, start=1):
    y = 805
    c.setFont("DVB", 14)
    c.drawString(40, y, "Kabelwerk Ostwestfalen GmbH")
    c.setFont("DV", 8)
    c.drawRightString(555, y, f"Seite {pn} von {len(pages)}")
    y = rl_lines(c, 40, y - 16, ["Brackweder Str. 88 · 33647 Bielefeld · www.kabelwerk-owl.de"], size=8)
    if pn == 1:
        y = rl_lines(c, 40, y - 6, ["PREISLISTE PL 2026/01 – Installations- und Steuerleitungen", "Stand: 15.12.2025",
                                    "Alle Preise in EUR je Meter, netto zzgl. MwSt. Abgabe nur in ganzen Ringen bzw. Trommeln (Aufmachung).",
                                    "Lieferung ab Werk Bielefeld (EXW), Versandkosten werden gesondert berechnet.",
                                    "Zahlung: 10 Tage 2 % Skonto, 30 Tage netto."], size=9)
    y -= 12
    rl_row(c, y, cols, ["Art.-Nr.", "Bezeichnung", "Aufmachung", "Preis", ""], font="DVB", size=9)
    rl_row(c, y - 11, cols, [None, None, None, "€/m", None], font="DVB", size=9)
    y -= 15
    c.line(40, y, 555, y)
    y -= 13
    for art, d1, d2, pack, printed, _ in page:
        rl_row(c, y, cols, [art, d1, pack, printed, None], right=(3,))
        c.setFont("DV", 7.5)
        c.drawString(110, y - 10, d2)
        y -= 26
    c.setFont("DV", 7)
    c.drawString(40, 40, "Kupferbasis DEL 850 €/100 kg enthalten. Es gelten unsere Allgemeinen Verkaufsbedingungen.")
    c.showPage()
c.save()
tl = []
for art, d1, d2, pack, _, price in items:
    n = pack.split()[1]
    tl.append(L(part_number=art, description=f"{d1} {d2}", uom="MTR", moq=n, order_multiple=n, breaks=[[n, price]]))
write_truth(name, {
    "about": about("pdf", "de", [1, 2], "three-page list-price PDF (reportlab): header with the price unit on a second line (€/m), table repeated on each page, descriptions wrapped to a second smaller line, per-metre prices sold in rings/drums of 50/100/250/500 m (MOQ and multiple)"),
    "header": {"supplier": "Kabelwerk Ostwestfalen GmbH", "quote_ref": "PL 2026/01", "quote_date": "2025-12-15", "currency": "EUR",
               "payment_net_days": 30, "payment_discount_pct": "2", "payment_discount_days": 10, "incoterm": "EXW",
               "incoterm_place": "Bielefeld", "freight": "extra"},
    "lines": tl})

# ---------------------------------------------------------------- p02
name = "p02_fpdf_three_line_header_slash_c_m_ea_fasteners_usd_en.pdf"
pdf = fpdf_doc()
pdf.add_page()
pdf.set_font("DV", "B", 14)
pdf.cell(0, 7, "CAROLINA FASTENER SUPPLY, INC.", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("DV", "", 8.5)
for t in ["3100 Westinghouse Blvd, Charlotte, NC 28273  ·  (704) 555-0117", "",
          "QUOTATION  CFS-251203-07                                            Date: 12/03/2025",
          "Bill to: Blue Ridge Trailer Co., 77 Industrial Pkwy, Roanoke, VA 24019   Your inquiry of 11/24/2025", ""]:
    pdf.cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")
w = [30, 78, 22, 24, 18]
heads = [("Customer", "Description", "", "Unit", ""), ("Part No.", "Size / Grade / Finish", "Qty", "Price", "U/M"),
         ("", "", "", "USD", "")]
pdf.set_font("DV", "B", 8.5)
for h in heads:
    for wi, t in zip(w, h):
        pdf.cell(wi, 4.2, t, align="R" if t in ("Qty", "Price", "Unit", "USD") else "L")
    pdf.ln(4.2)
pdf.line(10, pdf.get_y() + 1, 182, pdf.get_y() + 1)
pdf.ln(2.5)
pdf.set_font("DV", "", 8.5)
rows = [("CP-1001", "Hex cap screw 1/2-13 x 2, Gr 5, ZP", "2,500", "186.40", "/C"),
        ("CP-1001", "Hex cap screw 1/2-13 x 2, Gr 5, ZP", "10,000", "171.20", "/C"),
        ("CP-1014", "Nylon insert lock nut 1/2-13, ZP", "5,000", "58.75", "/C"),
        ("CP-1022", "Flat washer 1/2 USS, ZP", "10,000", "46.90", "/M"),
        ("CP-1035", "Socket set screw 1/4-20 x 1/4, cup point", "5,000", "38.20", "/C"),
        ("CP-1040", "Threaded rod 1/2-13 x 6 ft, ZP", "200", "7.85", "/EA")]
for r in rows:
    for i, (wi, t) in enumerate(zip(w, r)):
        pdf.cell(wi, 5.5, t, align="R" if i in (2, 3) else "L")
    pdf.ln(5.5)
pdf.ln(4)
for t in ["/C = per hundred pieces, /M = per thousand pieces.", "Terms: Net 45.   FOB Origin: Charlotte, NC.   Freight: prepaid and added to invoice.",
          "Quote valid 30 days. Lead time: from stock, except CP-1035 3 weeks.",
          "", "Quoted by: Dwayne Pruitt, Inside Sales"]:
    pdf.cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")
pdf.output(path(name))
write_truth(name, {
    "about": about("pdf", "en", [1, 2, 4, 7], "fpdf2: table header stacked on three lines (Unit/Price/USD), U/M column /C /M /EA, breaks as rows, US dates with an inquiry date, FOB Origin City, ST, freight prepaid and added, stock vs weeks lead times"),
    "header": {"supplier": "Carolina Fastener Supply, Inc.", "quote_ref": "CFS-251203-07", "quote_date": "2025-12-03", "currency": "USD",
               "validity_days": 30, "payment_net_days": 45, "incoterm": "FOB", "incoterm_place": "Charlotte, NC", "freight": "extra"},
    "lines": [
        L(part_number="CP-1001", description="Hex cap screw 1/2-13 x 2, Gr 5, ZP", price_basis_qty="100",
          breaks=[["2500", per("186.40", 100, "1.864")], ["10000", per("171.20", 100, "1.712")]], lead_time_days=0),
        L(part_number="CP-1014", description="Nylon insert lock nut 1/2-13, ZP", price_basis_qty="100",
          breaks=[["5000", per("58.75", 100, "0.5875")]], lead_time_days=0),
        L(part_number="CP-1022", description="Flat washer 1/2 USS, ZP", price_basis_qty="1000",
          breaks=[["10000", per("46.90", 1000, "0.0469")]], lead_time_days=0),
        L(part_number="CP-1035", description="Socket set screw 1/4-20 x 1/4, cup point", price_basis_qty="100",
          breaks=[["5000", per("38.20", 100, "0.382")]], lead_time_days=21),
        L(part_number="CP-1040", description="Threaded rod 1/2-13 x 6 ft, ZP", uom="EA", breaks=[["200", "7.85"]], lead_time_days=0),
    ]})

# ---------------------------------------------------------------- p03
name = "p03_reportlab_priced_offer_importo_totale_stampo_note_eur_it.pdf"
c = rl_canvas(path(name))
y = rl_lines(c, 40, 805, ["Fonderie Pressofusioni Bresciane S.r.l."], size=14, font="DVB")
y = rl_lines(c, 40, y, ["Via Industriale 44 · 25030 Castel Mella (BS) · P.IVA 03318870981", "",
                       "OFFERTA N. OFF-25-0931 del 10/12/2025", "Spett.le Termoidraulica Veneta S.p.A. – Vs. richiesta del 28/11/2025", ""], size=9)
cols = [40, 105, 330, 395, 465]
rl_row(c, y, cols, ["Codice", "Descrizione", "Quantità", "Prezzo €/pz", "Importo €"], font="DVB", right=(2, 3, 4))
y -= 5
c.line(40, y, 555, y)
y -= 14
offer = [
    ("AL-3301", "Coperchio motore pressofuso AlSi9Cu3", "1.500", "7,85", "11.775,00",
     "Nota: stampo a 2 impronte € 24.000,00 a carico del cliente (una tantum)."),
    ("AL-3305", "Supporto pompa pressofuso AlSi9Cu3", "3.000", "4,12", "12.360,00", "Nota: stampo esistente di Vs. proprietà."),
    ("AL-3312", "Flangia adattatore, lavorata CNC", "800", "16,40", "13.120,00",
     "Nota: attrezzatura di fissaggio per lavorazione € 1.850,00 una tantum."),
]
for code, desc, q, p, imp, note in offer:
    rl_row(c, y, cols, [code, desc, q, p, imp], right=(2, 3, 4))
    c.setFont("DV", 7.5)
    c.drawString(105, y - 11, note)
    y -= 28
c.line(330, y + 8, 555, y + 8)
rl_row(c, y - 4, cols, [None, "Totale offerta (IVA esclusa, attrezzature escluse)", None, None, "37.255,00"], font="DVB", right=(4,))
y -= 30
rl_lines(c, 40, y, ["Pagamento: bonifico bancario 60 gg d.f.f.m.", "Resa: EXW Castel Mella – trasporto escluso.",
                    "Consegna: 6 settimane dall'approvazione campionatura.", "Validità offerta: 90 giorni.", "",
                    "Ufficio Commerciale – Ing. Paolo Ferraresi"], size=9)
c.showPage()
c.save()
ln = dict(lead_time_days=42)
write_truth(name, {
    "about": about("pdf", "it", [3, 7], "priced offer (reportlab): quantity x price = importo and a grand total, tooling given as note lines under two parts (one note says the mould exists: no charge), d.f.f.m. terms, EXW + trasporto escluso"),
    "header": {"supplier": "Fonderie Pressofusioni Bresciane S.r.l.", "quote_ref": "OFF-25-0931", "quote_date": "2025-12-10", "currency": "EUR",
               "validity_days": 90, "payment_net_days": 60, "payment_basis": "end_of_month", "incoterm": "EXW",
               "incoterm_place": "Castel Mella", "freight": "extra", "total": "37255.00"},
    "lines": [
        L(part_number="AL-3301", description="Coperchio motore pressofuso AlSi9Cu3", breaks=[["1500", "7.85"]], quantity="1500",
          line_total="11775.00", tooling=[["stampo a 2 impronte", "24000.00"]], **ln),
        L(part_number="AL-3305", description="Supporto pompa pressofuso AlSi9Cu3", breaks=[["3000", "4.12"]], quantity="3000",
          line_total="12360.00", **ln),
        L(part_number="AL-3312", description="Flangia adattatore, lavorata CNC", breaks=[["800", "16.40"]], quantity="800",
          line_total="13120.00", tooling=[["attrezzatura di fissaggio", "1850.00"]], **ln),
    ]})

# ---------------------------------------------------------------- p04
name = "p04_fpdf_chemicals_eur_per_kg_full_drums_only_es.pdf"
pdf = fpdf_doc()
pdf.add_page()
pdf.set_font("DV", "B", 14)
pdf.cell(0, 7, "Química del Vallès, S.L.", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("DV", "", 8.5)
for t in ["Pol. Ind. Can Roqueta, C/ Indústria 12 · 08202 Sabadell (Barcelona) · CIF B-65114720", "",
          "OFERTA N.º OV-2025-1522                         Fecha: 11/12/2025",
          "Cliente: Recubrimientos Aragoneses, S.A. — A/A Dpto. de Compras", ""]:
    pdf.cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")
w = [24, 70, 32, 30, 26]
pdf.set_font("DV", "B", 8.5)
for wi, t in zip(w, ["Código", "Producto", "Envase", "Cantidad", "Precio €/kg"]):
    pdf.cell(wi, 6, t, border="B", align="R" if t in ("Cantidad", "Precio €/kg") else "L")
pdf.ln(7)
pdf.set_font("DV", "", 8.5)
rows = [("QS-1101", "Isopropanol 99,9 % (IPA)", "bidón 160 kg", "1–4 bidones", "1,42"),
        ("", "", "", "desde 5 bidones", "1,31"),
        ("QS-1140", "Acetona técnica 99,5 %", "bidón 160 kg", "", "1,19"),
        ("QS-1172", "Desengrasante alcalino DG-40", "garrafa 25 kg", "", "3,85"),
        ("QS-1190", "Ácido cítrico anhidro E330", "saco 25 kg", "", "2,64")]
for r in rows:
    for i, (wi, t) in enumerate(zip(w, r)):
        pdf.cell(wi, 5.5, t, align="R" if i in (3, 4) else "L")
    pdf.ln(5.5)
pdf.ln(4)
for t in ["Suministro únicamente en envases completos.", "Forma de pago: 60 días fecha factura.",
          "Incoterm: DAP Zaragoza, portes incluidos.", "Plazo de entrega: 5 días laborables.", "Validez de la oferta: hasta 31/01/2026.",
          "", "Departamento Comercial — Montserrat Puig"]:
    pdf.cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")
pdf.output(path(name))
ln = dict(uom="KGM", lead_time_days=7)
write_truth(name, {
    "about": about("pdf", "es", [2, 4, 5, 7], "fpdf2: price per kg, packs (bidón 160 kg, garrafa/saco 25 kg) sold only in full packs (MOQ and multiple = pack), a break stated in packs ('desde 5 bidones' = 800 kg) on a continuation row, DAP with portes incluidos, 5 días laborables"),
    "header": {"supplier": "Química del Vallès, S.L.", "quote_ref": "OV-2025-1522", "quote_date": "2025-12-11", "currency": "EUR",
               "valid_until": "2026-01-31", "payment_net_days": 60, "incoterm": "DAP", "incoterm_place": "Zaragoza", "freight": "included"},
    "lines": [
        L(part_number="QS-1101", description="Isopropanol 99,9 % (IPA)", breaks=[["160", "1.42"], ["800", "1.31"]], moq="160",
          order_multiple="160", **ln),
        L(part_number="QS-1140", description="Acetona técnica 99,5 %", breaks=[["160", "1.19"]], moq="160", order_multiple="160", **ln),
        L(part_number="QS-1172", description="Desengrasante alcalino DG-40", breaks=[["25", "3.85"]], moq="25", order_multiple="25", **ln),
        L(part_number="QS-1190", description="Ácido cítrico anhidro E330", breaks=[["25", "2.64"]], moq="25", order_multiple="25", **ln),
    ]})

# ---------------------------------------------------------------- p05
name = "p05_reportlab_pcba_qty_rows_under_assembly_nre_stencil_carriage_gbp_en.pdf"
c = rl_canvas(path(name))
y = rl_lines(c, 40, 805, ["Thames Valley Electronics Manufacturing Ltd"], size=14, font="DVB")
y = rl_lines(c, 40, y, ["Unit 7, Suttons Business Park, Reading RG6 1AZ · Registered in England 08812245", "",
                       "QUOTATION TVEM-Q-4471          02 December 2025", "For: Orion Marine Systems Ltd, Poole — Attn. Mr G. Hartley", ""], size=9)
cols = [60, 160, 260, 360]
blocks = [
    ("ASSY-7720 Rev D — Motor control PCBA (PCB + SMT/THT assembly + test)", [("25", "£86.40"), ("100", "£71.25"), ("500", "£63.80")],
     ("Programming & ICT fixture (one-off)", "£1,250.00")),
    ("ASSY-7731 Rev A — Sensor interface PCBA", [("100", "£24.15"), ("500", "£19.90")],
     ("Laser-cut stencil (one-off)", "£165.00")),
]
for title, brk, nre in blocks:
    c.setFont("DVB", 9.5)
    c.drawString(40, y, title)
    y -= 15
    rl_row(c, y, cols, ["Quantity", "Unit price", "Lead time", None], font="DVB", right=(0, 1))
    y -= 13
    for q, p in brk:
        rl_row(c, y, cols, [q, p, "4 weeks", None], right=(0, 1))
        y -= 13
    rl_row(c, y, [60, 260, 360], [nre[0], nre[1], None], right=(1,))
    y -= 24
rl_lines(c, 40, y, ["Prices in pounds sterling, excluding VAT.", "Carriage: £45.00 per delivery. FCA Reading.",
                    "Payment: 30 days end of month following invoice.", "Quotation valid for 30 days.", "",
                    "Kind regards, Priya Nair — Account Manager"], size=9)
c.showPage()
c.save()
ln = dict(lead_time_days=28)
write_truth(name, {
    "about": about("pdf", "en", [1, 3, 4, 7], "reportlab: per assembly a heading line (part, rev, description) then a Quantity/Unit price/Lead time table of breaks as rows, a one-off NRE/stencil row under each, carriage per delivery, 30 days EOM"),
    "header": {"supplier": "Thames Valley Electronics Manufacturing Ltd", "quote_ref": "TVEM-Q-4471", "quote_date": "2025-12-02", "currency": "GBP",
               "validity_days": 30, "payment_net_days": 30, "payment_basis": "end_of_month", "incoterm": "FCA", "incoterm_place": "Reading",
               "freight": "per_shipment", "freight_amount": "45.00"},
    "lines": [
        L(part_number="ASSY-7720", revision="D", description="Motor control PCBA", breaks=[["25", "86.40"], ["100", "71.25"], ["500", "63.80"]],
          tooling=[["Programming & ICT fixture", "1250.00"]], **ln),
        L(part_number="ASSY-7731", revision="A", description="Sensor interface PCBA", breaks=[["100", "24.15"], ["500", "19.90"]],
          tooling=[["Laser-cut stencil", "165.00"]], **ln),
    ]})

# ---------------------------------------------------------------- p06
name = "p06_fpdf_two_page_table_repeated_header_pln_per_1000_pl.pdf"
boxes = [  # index, description, dimensions, flute, moq, price per 1000 printed, typed per piece
    ("KX-0101", "Karton klapowy F0201 szary", "200x150x100", "B", "500", "1 240,00", "1.24"),
    ("KX-0102", "Karton klapowy F0201 szary", "250x200x150", "B", "500", "1 685,00", "1.685"),
    ("KX-0103", "Karton klapowy F0201 szary", "300x200x200", "C", "500", "2 190,00", "2.19"),
    ("KX-0104", "Karton klapowy F0201 szary", "400x300x200", "C", "300", "3 045,00", "3.045"),
    ("KX-0105", "Karton klapowy F0201 szary", "400x300x300", "BC", "300", "4 410,00", "4.41"),
    ("KX-0106", "Karton klapowy F0201 szary", "600x400x300", "BC", "200", "6 980,00", "6.98"),
    ("KX-0201", "Karton klapowy F0201 biały", "200x150x100", "B", "500", "1 520,00", "1.52"),
    ("KX-0202", "Karton klapowy F0201 biały", "300x200x200", "C", "500", "2 640,00", "2.64"),
    ("KX-0301", "Pudełko fasonowe F0427", "220x160x60", "E", "1000", "980,00", "0.98"),
    ("KX-0302", "Pudełko fasonowe F0427", "300x220x80", "E", "1000", "1 395,00", "1.395"),
    ("KX-0303", "Pudełko fasonowe F0427 z nadrukiem 1-kol.", "300x220x80", "E", "2000", "1 610,00", "1.61"),
    ("KX-0401", "Przekładka tekturowa", "380x280", "B", "1000", "312,50", "0.3125"),
    ("KX-0402", "Przekładka tekturowa", "580x380", "B", "1000", "586,00", "0.586"),
    ("KX-0501", "Narożnik ochronny L 35x35", "dł. 1000", "–", "2000", "718,00", "0.718"),
    ("KX-0502", "Narożnik ochronny L 50x50", "dł. 1200", "–", "2000", "1 064,00", "1.064"),
    ("KX-0601", "Karton wysyłkowy na butelki 6x1 l", "250x170x320", "BC", "500", "3 870,00", "3.87"),
    ("KX-0602", "Wkład przegrodowy 6-komorowy", "245x165", "B", "500", "1 148,00", "1.148"),
    ("KX-0701", "Tacka z wywiniętym brzegiem", "400x300x80", "B", "500", "1 936,00", "1.936"),
    ("KX-0702", "Tacka z wywiniętym brzegiem", "600x400x100", "C", "300", "3 412,00", "3.412"),
    ("KX-0801", "Karton archiwizacyjny z pokrywą", "350x260x280", "C", "250", "4 860,00", "4.86"),
    ("KX-0802", "Karton na dokumenty A4 z uchwytami", "330x240x100", "B", "250", "2 745,00", "2.745"),
    ("KX-0901", "Koperta kartonowa B4", "353x250", "–", "1000", "842,00", "0.842"),
]
pdf = fpdf_doc()
w = [22, 66, 30, 12, 26, 30]
heads = ["Indeks", "Opis", "Wymiary (mm)", "Fala", "Min. zam. (szt.)", "Cena PLN / 1000 szt."]


def p06_header(pdf, first):
    pdf.set_font("DV", "B", 13)
    pdf.cell(0, 7, "KARTONEX Sp. z o.o.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DV", "", 8)
    pdf.cell(0, 4.5, "ul. Tekturowa 9, 62-080 Tarnowo Podgórne · NIP 781-190-44-12", new_x="LMARGIN", new_y="NEXT")
    if first:
        pdf.ln(2)
        for t in ["CENNIK nr C/2026/01 — opakowania z tektury falistej", "Data wydania: 15.12.2025",
                  "Ceny netto w PLN za 1000 szt., do cen należy doliczyć VAT 23 %. Termin płatności: 14 dni. Dostawa: FCA Tarnowo Podgórne."]:
            pdf.cell(0, 4.8, t, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DV", "B", 8)
    for wi, t in zip(w, heads):
        pdf.cell(wi, 6, t, border="B", align="R" if t.startswith(("Min", "Cena")) else "L")
    pdf.ln(7)
    pdf.set_font("DV", "", 8)


for pg, chunk in enumerate([boxes[:13], boxes[13:]]):
    pdf.add_page()
    p06_header(pdf, pg == 0)
    for r in chunk:
        for i, (wi, t) in enumerate(zip(w, r[:6])):
            pdf.cell(wi, 5.6, t, align="R" if i in (4, 5) else "L")
        pdf.ln(5.6)
    pdf.set_y(282)
    pdf.cell(0, 4, f"Strona {pg + 1}/2", align="R")
pdf.output(path(name))
write_truth(name, {
    "about": about("pdf", "pl", [1, 2], "fpdf2 two-page price list: table continues on page 2 under a repeated header, 'Cena PLN / 1000 szt.' with space thousands, minimum order column (the price's quantity), issue date as quote date"),
    "header": {"supplier": "KARTONEX Sp. z o.o.", "quote_ref": "C/2026/01", "quote_date": "2025-12-15", "currency": "PLN",
               "payment_net_days": 14, "incoterm": "FCA", "incoterm_place": "Tarnowo Podgórne"},
    "lines": [L(part_number=i, description=f"{d} {dim}", uom="H87", price_basis_qty="1000", moq=moq,
                breaks=[[moq, per(pr.replace(" ", "").replace(",", "."), 1000, typed)]]) for i, d, dim, _, moq, pr, typed in boxes],
})

# ---------------------------------------------------------------- p07
name = "p07_reportlab_bilingual_zh_en_usd_per_1000pcs_two_line_header_zh.pdf"
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
c = rl_canvas(path(name))
S = "STSong-Light"
y = rl_lines(c, 40, 805, ["深圳市华达电子有限公司", "Shenzhen Huada Electronics Co., Ltd."], size=13, font=S, lead=17)
y = rl_lines(c, 40, y, ["深圳市宝安区福永街道凤凰第三工业区 8 栋", "", "报价单 QUOTATION",
                       "报价单号 Quotation No.: HD-Q2512-031        日期 Date: 2025-12-09",
                       "客户 Customer: Vantage Controls GmbH, Stuttgart", ""], size=9, font=S)
cols = [40, 120, 205, 405, 470]
rl_row(c, y, cols, ["客户料号", "我司料号", "品名", "数量", "单价"], font=S, size=9, right=(3, 4))
rl_row(c, y - 11, cols, ["Customer P/N", "Our P/N", "Description", "Qty (pcs)", "USD/1000pcs"], font=S, size=8, right=(3, 4))
y -= 16
c.line(40, y, 555, y)
y -= 13
rows = [("CN-501204", "HD-TB-2P508", "接线端子 2P 5.08mm Terminal block", "10,000", "48.60"),
        ("CN-501204", "HD-TB-2P508", "接线端子 2P 5.08mm Terminal block", "50,000", "42.30"),
        ("CN-501209", "HD-HDR-2x10", "排针 2x10P 2.54mm Pin header", "20,000", "31.50"),
        ("CN-501215", "HD-USBC-16", "USB-C 母座 16P USB-C receptacle", "5,000", "96.80")]
for r in rows:
    rl_row(c, y, cols, list(r), font=S, size=8.5, right=(3, 4))
    y -= 15
y -= 10
rl_lines(c, 40, y, ["付款方式 Payment: T/T 30 days", "交货条件 Delivery: FOB Shenzhen, China", "交期 Lead time: 15 days",
                    "报价有效期 Validity: 15 days", "", "业务 Sales: 陈小姐 Ms. Chen Li"], size=9, font=S)
c.showPage()
c.save()
ln = dict(uom="H87", price_basis_qty="1000", lead_time_days=15)
write_truth(name, {
    "about": about("pdf", "zh", [1, 2, 6, 7], "bilingual Chinese/English PDF (CID font): two-line header (Chinese over English), customer vs our part number, unit price column 'USD/1000pcs', breaks as rows, FOB Shenzhen, China, T/T 30 days"),
    "header": {"supplier": "Shenzhen Huada Electronics Co., Ltd.", "quote_ref": "HD-Q2512-031", "quote_date": "2025-12-09", "currency": "USD",
               "validity_days": 15, "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Shenzhen, China"},
    "lines": [
        L(part_number="CN-501204", supplier_part="HD-TB-2P508", description="接线端子 2P 5.08mm Terminal block",
          breaks=[["10000", per("48.60", 1000, "0.0486")], ["50000", per("42.30", 1000, "0.0423")]], **ln),
        L(part_number="CN-501209", supplier_part="HD-HDR-2x10", description="排针 2x10P 2.54mm Pin header",
          breaks=[["20000", per("31.50", 1000, "0.0315")]], **ln),
        L(part_number="CN-501215", supplier_part="HD-USBC-16", description="USB-C 母座 16P USB-C receptacle",
          breaks=[["5000", per("96.80", 1000, "0.0968")]], **ln),
    ]})
print("pdf ok")
