"""heldout3 PDFs made with reportlab, fpdf2 and weasyprint (p01-p03, p06, p07)."""
import io
import random

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import ImageReader

from common import path, truth, B

pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))


def de(x, nd=2):
    s = f"{x:,.{nd}f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


# ------------------------------------------------------------------ p01 reportlab 2-page Angebot, PE 100, staffel columns
sizes = [(4, [10, 16, 20, 25]), (5, [12, 16, 20, 30]), (6, [16, 20, 25, 30, 40]), (8, [20, 25, 30, 40, 50]), (10, [25, 30, 40, 50]), (12, [30, 40, 50, 60, 80])]
items = []
pos = 10
for d, ls in sizes:
    for l in ls:
        base = round(0.9 * d * d * 0.11 + l * 0.045 * d, 2)  # EUR per 100 at 500
        p1 = base
        p2 = round(base * 0.86, 2)
        p3 = round(base * 0.74, 2)
        items.append((pos, f"NT-912-{d:02d}{l:03d}", f"Zyl.-Schraube DIN 912 M{d}x{l} 8.8 galv. verzinkt", p1, p2, p3))
        pos += 10
styles = getSampleStyleSheet()
st = styles["Normal"]
st.fontName = "DejaVu"
st.fontSize = 8.5
story = []


def onpage(c, doc):
    c.saveState()
    c.setFont("DejaVu-Bold", 13)
    c.drawString(18 * mm, 282 * mm, "Schwarzwälder Normteile GmbH")
    c.setFont("DejaVu", 7.5)
    c.drawString(18 * mm, 277.5 * mm, "Bregstraße 21 · 78120 Furtwangen · Tel. 07723 0000-0 · USt-IdNr. DE000000000")
    c.setFont("DejaVu", 8)
    c.drawRightString(192 * mm, 282 * mm, f"Angebot SN-26-08817 · Seite {doc.page} von 2")
    c.drawString(18 * mm, 10 * mm, "Sparkasse Schwarzwald-Baar · IBAN DE00 0000 0000 0000 0000 00 · Amtsgericht Freiburg HRB 000000")
    c.restoreState()


story.append(Spacer(1, 8 * mm))
story.append(Paragraph("<b>ANGEBOT</b> Nr. SN-26-08817", st))
story.append(Paragraph("Datum: 02.12.2026 &nbsp;&nbsp; Kunde: Anlagenbau Hessen GmbH, Fulda &nbsp;&nbsp; Ihre Anfrage vom 26.11.2026", st))
story.append(Spacer(1, 4 * mm))
story.append(Paragraph("Wir danken für Ihre Anfrage und bieten Ihnen freibleibend an. Preise in EUR je Preiseinheit (PE = 100 Stück), zzgl. MwSt.", st))
story.append(Spacer(1, 4 * mm))
data = [["Pos.", "Artikel-Nr.", "Bezeichnung", "PE", "ab 500 St.", "ab 2.000 St.", "ab 10.000 St."]]
for p, a, b, x, y, z in items:
    data.append([str(p), a, b, "100", de(x), de(y), de(z)])
t = Table(data, colWidths=[11 * mm, 24 * mm, 76 * mm, 10 * mm, 17 * mm, 18 * mm, 18 * mm], repeatRows=1)
t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DejaVu", 7.5), ("FONT", (0, 0), (-1, 0), "DejaVu-Bold", 7),
                       ("ALIGN", (3, 0), (-1, -1), "RIGHT"), ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                       ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")])]))
story.append(t)
story.append(Spacer(1, 5 * mm))
for line in ["Lieferzeit: ab Lager, Zwischenverkauf vorbehalten.",
             "Abgabe nur in ganzen Verpackungseinheiten à 500 Stück.",
             "Versand: unfrei ab Werk Furtwangen (EXW Furtwangen).",
             "Zahlung: 30 Tage netto.",
             "Dieses Angebot gilt bis 31.03.2027."]:
    story.append(Paragraph(line, st))
n = "p01_reportlab_two_pages_pe100_staffel_eur_de.pdf"
SimpleDocTemplate(path(n), pagesize=A4, topMargin=30 * mm, bottomMargin=20 * mm, leftMargin=18 * mm, rightMargin=18 * mm,
                  title="Angebot SN-26-08817").build(story, onFirstPage=onpage, onLaterPages=onpage)
truth(n, "de", [1, 2, 4, 5, 7],
      "reportlab list quote running over two pages with the header row repeated, 27 DIN 912 lines, Preiseinheit 100 column and 'ab N St.' break headers, stock lead time and whole packing units in the notes, EXW in a 'unfrei' sentence",
      {"supplier": "Schwarzwälder Normteile GmbH", "quote_ref": "SN-26-08817", "quote_date": "2026-12-02", "currency": "EUR",
       "valid_until": "2027-03-31", "payment_net_days": 30, "incoterm": "EXW", "incoterm_place": "Furtwangen", "freight": "extra"},
      [{"part_number": a, "description": b, "uom": "H87", "price_basis_qty": "100",
        "breaks": B("500", str(round(x / 100, 6)), "2000", str(round(y / 100, 6)), "10000", str(round(z / 100, 6))),
        "moq": "500", "order_multiple": "500", "lead_time_days": 0} for p, a, b, x, y, z in items])

# ------------------------------------------------------------------ p02 fpdf2 Italian, wrapped descriptions, tooling column
from fpdf import FPDF
pdf = FPDF(format="A4")
pdf.set_auto_page_break(True, 15)
pdf.add_page()
pdf.set_font("Helvetica", "B", 14)
pdf.cell(0, 8, "OFFICINE MECCANICHE BRESCIANE S.p.A.", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 8)
pdf.cell(0, 4, "Via dell'Industria 5 - 25030 Castel Mella (BS) - Cap. soc. EUR 1.000.000 i.v.", new_x="LMARGIN", new_y="NEXT")
pdf.ln(6)
pdf.set_font("Helvetica", "B", 11)
pdf.cell(0, 6, "OFFERTA N. 26/0788 del 15/12/2026", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", "", 9)
pdf.cell(0, 5, "Spett.le Valvole Garda S.r.l. - Desenzano del Garda (BS) - Vs. richiesta RDO-5521 del 02/12/2026", new_x="LMARGIN", new_y="NEXT")
pdf.ln(4)
w = [10, 28, 70, 16, 20, 24, 20]
heads = ["Pos.", "Vs. codice", "Descrizione", "Q.ta", "Prezzo\ncad. EUR", "Costo\nattrezzatura\nEUR", "Consegna"]
pdf.set_font("Helvetica", "B", 8)
x0, y0 = pdf.get_x(), pdf.get_y()
x = x0
for wi, h in zip(w, heads):
    pdf.set_xy(x, y0)
    pdf.multi_cell(wi, 4, h, border=0, align="C")
    x += wi
pdf.set_y(y0 + 13)
pdf.line(x0, pdf.get_y(), x0 + sum(w), pdf.get_y())
pdf.set_font("Helvetica", "", 8.5)
rows = [("1", "VG-KV-210", "Corpo valvola in ottone CW617N, lavorato CNC completo di filettature G1/2 e sbavatura, secondo Vs. disegno rev. F", "1.000", "7,85", "1.200,00", "6 sett."),
        ("2", "VG-KV-215", "Ghiera di serraggio M30x1,5 ottone nichelato", "2.000", "2,14", "-", "4 sett."),
        ("3", "VG-KV-220", "Perno di guida acciaio 39NiCrMo3 bonificato e rettificato, tolleranza h6", "500", "11,60", "850,00", "8 sett.")]
for r in rows:
    y = pdf.get_y() + 1.5
    x = x0
    heights = []
    for wi, v, al in zip(w, r, "LLLRRRC"):
        pdf.set_xy(x, y)
        pdf.multi_cell(wi, 4.2, v, align=al)
        heights.append(pdf.get_y() - y)
        x += wi
    pdf.set_y(y + max(heights))
pdf.ln(2)
pdf.line(x0, pdf.get_y(), x0 + sum(w), pdf.get_y())
pdf.ln(5)
for t in ["Prezzi netti IVA esclusa. I costi di attrezzatura si intendono una tantum.",
          "Resa: franco destino, DAP Desenzano del Garda.",
          "Pagamento: bonifico bancario 90 gg d.f.f.m.",
          "Validita' offerta: 30 giorni.",
          "Consegna: settimane dalla conferma d'ordine, come indicato per ogni posizione."]:
    pdf.cell(0, 5, t, new_x="LMARGIN", new_y="NEXT")
pdf.ln(8)
pdf.cell(0, 5, "Ufficio Commerciale - Ing. Paola Zanardelli", new_x="LMARGIN", new_y="NEXT")
n = "p02_fpdf_wrapped_desc_tooling_column_eur_it.pdf"
pdf.output(path(n))
truth(n, "it", [1, 3, 6, 7],
      "fpdf2 offer: header cells on up to three lines, descriptions wrapping over two or three lines, Q.ta without amounts, one-time tooling column with a dash, delivery in weeks per row, 90 gg d.f.f.m., a revision inside a description",
      {"supplier": "Officine Meccaniche Bresciane S.p.A.", "quote_ref": "26/0788", "quote_date": "2026-12-15", "currency": "EUR",
       "validity_days": 30, "payment_net_days": 90, "payment_basis": "end_of_month", "incoterm": "DAP",
       "incoterm_place": "Desenzano del Garda", "freight": "included"},
      [{"part_number": "VG-KV-210", "revision": "F", "description": "Corpo valvola in ottone CW617N, lavorato CNC completo di filettature G1/2 e sbavatura",
        "breaks": B("1000", "7.85"), "tooling": [("Costo attrezzatura", "1200.00")], "lead_time_days": 42},
       {"part_number": "VG-KV-215", "description": "Ghiera di serraggio M30x1,5 ottone nichelato", "breaks": B("2000", "2.14"), "lead_time_days": 28},
       {"part_number": "VG-KV-220", "description": "Perno di guida acciaio 39NiCrMo3 bonificato e rettificato, tolleranza h6",
        "breaks": B("500", "11.60"), "tooling": [("Costo attrezzatura", "850.00")], "lead_time_days": 56}])

# ------------------------------------------------------------------ p03 weasyprint pt-BR, BRL, ferramental row, 2 pages
import weasyprint
html = """<html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 18mm 15mm; @bottom-right { content: "Página " counter(page) " de " counter(pages); font-size: 8pt } }
body { font-family: 'DejaVu Sans'; font-size: 9pt }
table { border-collapse: collapse; width: 100% } th, td { border: 0.5pt solid #666; padding: 3pt } th { background: #e8eef5 }
td.n { text-align: right } h1 { font-size: 14pt; margin: 0 } .cg p { text-align: justify; font-size: 8pt }
</style></head><body>
<h1>Metalúrgica Vale do Itajaí Ltda.</h1>
<div>Rua Dona Francisca, 8300 – Distrito Industrial – Joinville/SC – CNPJ 00.000.000/0001-00</div>
<h2 style="font-size:12pt">PROPOSTA COMERCIAL Nº 1487/2026</h2>
<p>Joinville, 03 de dezembro de 2026<br>À WEG Automação Industrial S.A. – A/C Sr. Fernando Lima – Ref.: sua cotação CT-99812</p>
<table>
<tr><th>Item</th><th>Código cliente</th><th>Descrição</th><th>NCM</th><th>Qtde</th><th>Preço unit. (R$)</th><th>IPI</th><th>Total (R$)</th></tr>
<tr><td>1</td><td>WEG-44120</td><td>Suporte do motor, aço SAE 1020 zincado</td><td>7326.90.90</td><td class="n">3.000 pç</td><td class="n">12,48</td><td class="n">5%</td><td class="n">37.440,00</td></tr>
<tr><td>2</td><td>WEG-44135</td><td>Arruela especial 3 mm, aço mola</td><td>7318.22.00</td><td class="n">10.000 pç</td><td class="n">0,865</td><td class="n">5%</td><td class="n">8.650,00</td></tr>
<tr><td>3</td><td>–</td><td>Ferramental: estampo progressivo para o item 1 (pagamento único)</td><td></td><td class="n">1 cj</td><td class="n">38.500,00</td><td class="n">–</td><td class="n">38.500,00</td></tr>
<tr><td colspan="7" style="text-align:right"><b>Total da proposta (sem IPI)</b></td><td class="n"><b>84.590,00</b></td></tr>
</table>
<p>ICMS 17% incluso nos preços. IPI conforme alíquota indicada, destacado na nota fiscal.</p>
<p><b>Condição de pagamento:</b> 28/42/56 dias DDL.<br>
<b>Frete:</b> FOB Joinville/SC.<br>
<b>Prazo de entrega:</b> 35 dias corridos após aprovação do PPAP.<br>
<b>Validade da proposta:</b> 10 dias.</p>
<p>Atenciosamente,<br>Carla Medeiros – Engenharia de Vendas</p>
<div class="cg" style="page-break-before: always"><h3>Condições gerais de fornecimento</h3>
""" + "".join(f"<p>{i}. Texto padrão das condições gerais de fornecimento da Metalúrgica Vale do Itajaí, aplicável a todas as propostas, pedidos e entregas, salvo acordo escrito em contrário entre as partes.</p>" for i in range(1, 15)) + """
</div></body></html>"""
n = "p03_weasyprint_two_pages_ferramental_row_brl_pt.pdf"
weasyprint.HTML(string=html).write_pdf(path(n))
truth(n, "pt", [1, 3, 6, 7],
      "weasyprint Brazilian proposal: NCM and IPI columns beside the price, quantities with 'pç', tooling as its own priced row naming item 1, total without IPI, installment payment (no net-days fact), FOB in Brazilian usage with City/UF, a second page of general terms",
      {"supplier": "Metalúrgica Vale do Itajaí Ltda.", "quote_ref": "1487/2026", "quote_date": "2026-12-03", "currency": "BRL",
       "validity_days": 10, "incoterm": "FOB", "incoterm_place": "Joinville/SC", "total": "84590.00"},
      [{"part_number": "WEG-44120", "description": "Suporte do motor, aço SAE 1020 zincado", "uom": "H87", "quantity": "3000",
        "line_total": "37440.00", "breaks": B("3000", "12.48"), "lead_time_days": 35,
        "tooling": [("Ferramental: estampo progressivo", "38500.00")]},
       {"part_number": "WEG-44135", "description": "Arruela especial 3 mm, aço mola", "uom": "H87", "quantity": "10000",
        "line_total": "8650.00", "breaks": B("10000", "0.865"), "lead_time_days": 35}])

# ------------------------------------------------------------------ p06 scanned-looking fax with an OCR text layer, per C
from PIL import Image, ImageDraw, ImageFont, ImageFilter
W, H = LETTER
lines_txt = [
    (60, 60, "KEYSTONE GASKET & SEAL CO.", 20),
    (60, 84, "1450 W. 12th Street, Erie, PA 16501  *  Ph (814) 555-0142  *  Fax (814) 555-0143", 9),
    (60, 120, "QUOTATION", 15),
    (380, 120, "Quote #: 26-1187", 10),
    (380, 136, "Date: 12/03/2026", 10),
    (60, 150, "To: Allegheny Compressor Works - Attn: Bill Novak", 10),
    (60, 182, "Item   Part No.    Description                          Qty     Price", 10),
    (60, 198, "----------------------------------------------------------------------", 10),
    (60, 216, "1      GK-1010     Flat gasket 2\" 150# NBR 1/16\"          100     $48.50/C", 10),
    (60, 232, "                                                       500     $41.20/C", 10),
    (60, 252, "2      GK-1022     Spiral wound 3\" 300# 304/graphite       50     $6.85 ea", 10),
    (60, 272, "3      GK-1030     O-ring kit, Viton, 40 pc             NO QUOTE - not our product line", 10),
    (60, 306, "Cutting die for GK-1010: $275.00 one time charge.", 10),
    (60, 322, "Delivery: 2 weeks ARO.", 10),
    (60, 338, "Terms: Net 30.  F.O.B. Erie, PA.  Frt: ppd & add.", 10),
    (60, 354, "Quote valid 45 days.", 10),
    (60, 400, "Thank you,  Dave Horvath / Inside Sales", 10),
]
scale = 2.5
img = Image.new("L", (int(W * scale), int(H * scale)), 244)
rnd = random.Random(7)
px = img.load()
for _ in range(60000):
    x, y = rnd.randrange(img.width), rnd.randrange(img.height)
    px[x, y] = rnd.randrange(120, 230)
dr = ImageDraw.Draw(img)
for x, y, s, size in lines_txt:
    f = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf", int(size * scale))
    dr.text((x * scale, y * scale), s, fill=30, font=f)
img = img.rotate(-0.8, resample=Image.BICUBIC, fillcolor=250).filter(ImageFilter.GaussianBlur(0.7))
bio = io.BytesIO()
img.convert("RGB").save(bio, "JPEG", quality=55)
n = "p06_scan_ocr_layer_per_c_die_usd_en.pdf"
c = canvas.Canvas(path(n), pagesize=LETTER)
c.drawImage(ImageReader(io.BytesIO(bio.getvalue())), 0, 0, W, H)
c.saveState()
c.translate(W / 2, H / 2)
c.rotate(0.8)
c.translate(-W / 2, -H / 2)
for x, y, s, size in lines_txt:
    t = c.beginText()
    t.setTextRenderMode(3)
    t.setFont("Courier", size)
    t.setTextOrigin(x, H - y - size * 0.85)
    t.textLine(s)
    c.drawText(t)
c.restoreState()
c.showPage()
c.save()
truth(n, "en", [1, 2, 3, 5, 7],
      "scanned fax (JPEG page, 0.8° skew) with an invisible OCR text layer in Courier: break row without part number, '$48.50/C' per hundred, 'ea', NO QUOTE row, die sentence, F.O.B. dotted with City, ST, ppd & add",
      {"supplier": "Keystone Gasket & Seal Co.", "quote_ref": "26-1187", "quote_date": "2026-12-03", "currency": "USD",
       "validity_days": 45, "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Erie, PA", "freight": "extra"},
      [{"part_number": "GK-1010", "description": "Flat gasket 2\" 150# NBR 1/16\"", "price_basis_qty": "100",
        "breaks": B("100", "0.485", "500", "0.412"), "lead_time_days": 14, "tooling": [("Cutting die", "275.00")]},
       {"part_number": "GK-1022", "description": "Spiral wound 3\" 300# 304/graphite", "uom": "H87", "breaks": B("50", "6.85"), "lead_time_days": 14},
       {"part_number": "GK-1030", "description": "O-ring kit, Viton, 40 pc", "no_bid": True, "no_bid_reason": "not our product line"}])

# ------------------------------------------------------------------ p07 reportlab Japanese CID font, 御見積書 with 金額
pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
n = "p07_reportlab_cid_mitsumorisho_kata_jpy_ja.pdf"
c = canvas.Canvas(path(n), pagesize=A4)
W, H = A4
F = "HeiseiKakuGo-W5"
c.setFont(F, 18)
c.drawCentredString(W / 2, H - 25 * mm, "御 見 積 書")
c.setFont(F, 10)
c.drawString(20 * mm, H - 40 * mm, "株式会社ミドリ電機　御中")
c.drawRightString(190 * mm, H - 40 * mm, "見積No. Q-2026-1209")
c.drawRightString(190 * mm, H - 46 * mm, "2026年12月9日")
c.drawString(120 * mm, H - 56 * mm, "株式会社東邦プレス工業")
c.setFont(F, 8)
c.drawString(120 * mm, H - 61 * mm, "〒359-0000 埼玉県所沢市東町5-1")
c.drawString(120 * mm, H - 65 * mm, "営業課　山本")
c.setFont(F, 12)
c.drawString(20 * mm, H - 62 * mm, "御見積金額　￥1,106,600－（税込）")
c.setFont(F, 9)
y = H - 80 * mm
cols = [20, 45, 100, 130, 155, 190]
for x, h in zip(cols, ["品番", "品名・仕様", "数量", "単価", "金額"]):
    c.drawString(x * mm, y, h)
c.line(20 * mm, y - 2 * mm, 190 * mm, y - 2 * mm)
rows = [("TP-3301", "ブラケットA　SPCC t1.6", "2,000 個", "48.50", "97,000"),
        ("TP-3302", "ブラケットB　SPCC t2.0", "2,000 個", "62.00", "124,000"),
        ("TP-3310", "補強板　SUS304 t1.0", "1,000 個", "135.00", "135,000"),
        ("", "プレス型（TP-3310用）", "1 式", "650,000", "650,000")]
y -= 8 * mm
for r in rows:
    c.drawString(20 * mm, y, r[0])
    c.drawString(45 * mm, y, r[1])
    c.drawRightString(120 * mm, y, r[2])
    c.drawRightString(148 * mm, y, r[3])
    c.drawRightString(178 * mm, y, r[4])
    y -= 7 * mm
c.line(20 * mm, y + 4 * mm, 190 * mm, y + 4 * mm)
for k, v in [("小計", "1,006,000"), ("消費税（10%）", "100,600"), ("合計", "1,106,600")]:
    c.drawString(130 * mm, y, k)
    c.drawRightString(178 * mm, y, v)
    y -= 6 * mm
y -= 6 * mm
for t in ["納期：受注後20日", "受渡場所：貴社工場（運賃込み）", "支払条件：月末締め翌月末払い", "有効期限：見積日より30日",
          "備考：型費は初回のみ。単価の単位は円／個。"]:
    c.drawString(20 * mm, y, t)
    y -= 6 * mm
c.showPage()
c.save()
truth(n, "ja", [1, 3, 7],
      "reportlab page with a CID Japanese font: headline amount incl. tax, 数量 with 個 and 金額 per line, the press die as a '1 式' row naming its part, subtotal/tax/total, terms as label lines",
      {"supplier": "株式会社東邦プレス工業", "quote_ref": "Q-2026-1209", "quote_date": "2026-12-09", "currency": "JPY",
       "validity_days": 30, "payment_net_days": 30, "payment_basis": "end_of_month", "freight": "included", "total": "1106600"},
      [{"part_number": "TP-3301", "description": "ブラケットA　SPCC t1.6", "uom": "H87", "quantity": "2000", "line_total": "97000",
        "breaks": B("2000", "48.50"), "lead_time_days": 20},
       {"part_number": "TP-3302", "description": "ブラケットB　SPCC t2.0", "uom": "H87", "quantity": "2000", "line_total": "124000",
        "breaks": B("2000", "62.00"), "lead_time_days": 20},
       {"part_number": "TP-3310", "description": "補強板　SUS304 t1.0", "uom": "H87", "quantity": "1000", "line_total": "135000",
        "breaks": B("1000", "135.00"), "lead_time_days": 20, "tooling": [("プレス型", "650000")]}])
