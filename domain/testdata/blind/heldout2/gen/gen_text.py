"""Pasted text quotes (t*) for heldout2. Truth typed by hand beside each document."""
from common import L, per, save, truth

# ---------------------------------------------------------------- t01 bullets, /C /M, US dates
t01 = """From the desk of Great Lakes Fastener Co.
Quote GLF-26-1187      Date: 11/04/2026
Prices firm thru 12/31/2026

* 10-32 x 1/2 pan head screw, 18-8 SS - our P/N GLF-PH1032-08 (your 61-2210): $4.85/C, 5,000 min
* 1/4-20 hex nut, zinc - our P/N GLF-HN1420-Z (your 61-3105): $38.50/M, sold in 10M lots only
* #10 flat washer, 18-8 SS (your 61-4010): 1,000 pcs $21.40/M; 10,000 pcs $17.90/M
* 3/8 split lock washer (your 61-4038): no quote, not our line

Terms: Net 30. FOB Toledo, OH, freight prepay & add.
Lead time 2 weeks ARO on all items quoted.

Mike Brennan
Great Lakes Fastener Co.
"""
save("t01_bullets_per_c_m_usd_en.txt", t01, truth(
    "txt", "en", [1, 2, 5, 6, 7],
    "bullet-list quote: $/C and $/M prices, 'sold in 10M lots', our P/N vs your P/N in prose, no-quote bullet, US dates (12/31 proves month-first), FOB City, ST, prepay & add",
    {"supplier": "Great Lakes Fastener Co.", "quote_ref": "GLF-26-1187", "quote_date": "2026-11-04",
     "currency": "USD", "valid_until": "2026-12-31", "payment_net_days": 30, "incoterm": "FOB",
     "incoterm_place": "Toledo, OH", "freight": "extra"},
    [
        L("61-2210", "10-32 x 1/2 pan head screw, 18-8 SS", [(5000, per("4.85", 100))],
          supplier_part="GLF-PH1032-08", price_basis_qty=100, moq=5000, lead_time_days=14),
        L("61-3105", "1/4-20 hex nut, zinc", [(10000, per("38.50", 1000))],
          supplier_part="GLF-HN1420-Z", price_basis_qty=1000, moq=10000, order_multiple=10000,
          lead_time_days=14),
        L("61-4010", "#10 flat washer, 18-8 SS", [(1000, per("21.40", 1000)), (10000, per("17.90", 1000))],
          uom="H87", price_basis_qty=1000, lead_time_days=14),
        L("61-4038", "3/8 split lock washer", no_bid=True, no_bid_reason="no quote, not our line"),
    ]))

# ---------------------------------------------------------------- t02 Markdown, tooling row, Skonto
t02 = """Sehr geehrte Frau Brandt,

anbei unser Angebot Nr. AN-2026-4471 vom 18.11.2026 zu Ihrer Anfrage vom 09.11.2026.

| Pos | Ihre Sachnr. | Bezeichnung | Menge | Einzelpreis EUR |
|-----|--------------|-------------|-------|-----------------|
| 1 | 4711-220 | Lagerbuchse CuSn8 20x25 | 500 Stk | 3,42 |
|   |          |                         | 2.000 Stk | 2,96 |
| 2 | 4711-305 | Gewindestift M6x10 A4 | 5.000 Stk | 0,118 |
| 3 | 4711-220 | Werkzeugkosten Lagerbuchse (einmalig) | 1 | 1.250,00 |

Lieferzeit: 4 Wochen nach Auftragseingang
Zahlung: 14 Tage 2 % Skonto, 30 Tage netto
Lieferung: frei Haus, DAP Bremen
Angebot gültig bis 31.01.2027

Mit freundlichen Grüßen
Jana Wolff
Hanse Gleitlager GmbH
"""
save("t02_markdown_tooling_row_de.txt", t02, truth(
    "txt", "de", [1, 3, 4, 7],
    "Markdown table, second break as a continuation row, one-time tooling as its own table row naming the part, Skonto, frei Haus; buyer's inquiry date before the quote date",
    {"supplier": "Hanse Gleitlager GmbH", "quote_ref": "AN-2026-4471", "quote_date": "2026-11-18",
     "currency": "EUR", "valid_until": "2027-01-31", "payment_net_days": 30,
     "payment_discount_pct": "2", "payment_discount_days": 14, "incoterm": "DAP",
     "incoterm_place": "Bremen", "freight": "included"},
    [
        L("4711-220", "Lagerbuchse CuSn8 20x25", [(500, "3.42"), (2000, "2.96")], uom="H87",
          lead_time_days=28, tooling=[("Werkzeugkosten Lagerbuchse (einmalig)", "1250.00")]),
        L("4711-305", "Gewindestift M6x10 A4", [(5000, "0.118")], uom="H87", lead_time_days=28),
    ]))

# ---------------------------------------------------------------- t03 Spanish prose, MXN, no-bid
t03 = """Buenas tardes Ing. Ramírez:

Por medio de la presente le hacemos llegar nuestra cotización COT-8812 de fecha 25 de noviembre de 2026.
Todos los precios están en pesos mexicanos (MXN), más IVA.

- Soporte de lámina calibre 14 (su número de parte SP-1400): $86.50 por pieza en lotes de 1,000 piezas y $79.20 a partir de 5,000 piezas.
- Escuadra reforzada galvanizada (SP-1420): $112.00 por pieza, pedido mínimo 500 piezas.
- El empaque de neopreno SP-1490 no lo cotizamos porque no manejamos hule.

Tiempo de entrega: 3 semanas.
Condiciones de pago: crédito a 30 días.
Entrega: EXW Querétaro.
Vigencia de la cotización: 30 días.

Atentamente,
Ing. Luis Ortega
Troqueles y Estampados del Bajío, S.A. de C.V.
"""
save("t03_prose_nobid_mxn_es.txt", t03, truth(
    "txt", "es", [5, 7],
    "prices, MOQ and a no-bid by description written in sentences; '$' with pesos mexicanos stated",
    {"supplier": "Troqueles y Estampados del Bajío, S.A. de C.V.", "quote_ref": "COT-8812",
     "quote_date": "2026-11-25", "currency": "MXN", "validity_days": 30, "payment_net_days": 30,
     "incoterm": "EXW", "incoterm_place": "Querétaro"},
    [
        L("SP-1400", "Soporte de lámina calibre 14", [(1000, "86.50"), (5000, "79.20")], uom="H87",
          lead_time_days=21),
        L("SP-1420", "Escuadra reforzada galvanizada", [(500, "112.00")], uom="H87", moq=500,
          lead_time_days=21),
        L("SP-1490", "empaque de neopreno", no_bid=True, no_bid_reason="no manejamos hule"),
    ]))

# ---------------------------------------------------------------- t04 Polish, qty and price in one cell
t04 = """Oferta nr OF/2026/1203
Data: 03.12.2026
Dostawca: Zakład Obróbki Metali "Precyzja" Sp. z o.o.

Indeks klienta: PL-8801  Tuleja dystansowa, stal ocynkowana
   100 szt. 4,80 zł
   500 szt. 4,15 zł
   1 000 szt. 3,70 zł
Indeks klienta: PL-8802  Kołek ustalający 6x30 h6
   1 000 szt. 0,92 zł
   5 000 szt. 0,78 zł

Koszt oprzyrządowania dla PL-8802: 2 400,00 zł (jednorazowo).
Ceny netto w PLN. Termin realizacji: 3 tygodnie.
Płatność: przelew 30 dni. Warunki dostawy: EXW Bielsko-Biała.
Oferta ważna 60 dni.
"""
save("t04_qty_price_one_cell_pln_pl.txt", t04, truth(
    "txt", "pl", [1, 3, 4, 7],
    "part heading line then rows where quantity and price share one cell ('500 szt. 4,15 zł'), space thousands, tooling in a sentence naming the part",
    {"supplier": "Zakład Obróbki Metali \"Precyzja\" Sp. z o.o.", "quote_ref": "OF/2026/1203",
     "quote_date": "2026-12-03", "currency": "PLN", "validity_days": 60, "payment_net_days": 30,
     "incoterm": "EXW", "incoterm_place": "Bielsko-Biała"},
    [
        L("PL-8801", "Tuleja dystansowa, stal ocynkowana", [(100, "4.80"), (500, "4.15"), (1000, "3.70")],
          uom="H87", lead_time_days=21),
        L("PL-8802", "Kołek ustalający 6x30 h6", [(1000, "0.92"), (5000, "0.78")], uom="H87",
          lead_time_days=21, tooling=[("Koszt oprzyrządowania", "2400.00")]),
    ]))

# ---------------------------------------------------------------- t05 Japanese, mould as remark
t05 = """御見積書

見積番号: MT-26-0419
発行日: 2026年11月20日
株式会社 三河精機 営業部 佐藤

品番      品名                        数量       単価(円)
MK-501    アルミダイカスト ハウジング    1,000個    ¥1,240
MK-501    アルミダイカスト ハウジング    3,000個    ¥1,120
MK-502    カバー (ABS)                 2,000個    ¥385

備考:
・金型費 (MK-502用): ¥850,000 一式 (別途お支払い)
・納期: 6週間
・支払条件: 月末締め翌月末払い
・有効期限: 2026年12月31日
"""
save("t05_plain_mould_remark_jpy_ja.txt", t05, truth(
    "txt", "ja", [3, 5, 7],
    "Japanese plain-text quote: breaks as repeated rows, mould charge as a remark naming the part, lead time and end-of-month terms in remarks (月末締め翌月末払い read as net 30 end of month)",
    {"supplier": "株式会社 三河精機", "quote_ref": "MT-26-0419", "quote_date": "2026-11-20",
     "currency": "JPY", "valid_until": "2026-12-31", "payment_net_days": 30,
     "payment_basis": "end_of_month"},
    [
        L("MK-501", "アルミダイカスト ハウジング", [(1000, "1240"), (3000, "1120")], uom="H87",
          lead_time_days=42),
        L("MK-502", "カバー (ABS)", [(2000, "385")], uom="H87", lead_time_days=42,
          tooling=[("金型費", "850000")]),
    ]))

# ---------------------------------------------------------------- t06 Portuguese chat, BRL
t06 = """[10:42] Marcos - Usinagem Paulista Ltda: Bom dia! Segue a cotação 2026-311, de 26/11/2026
[10:43] Marcos - Usinagem Paulista Ltda: Eixo 1045 retificado (cód. BR-7710): R$ 18,90/pç para 1.000 pçs, R$ 16,40/pç para 5.000 pçs
[10:43] Marcos - Usinagem Paulista Ltda: Bucha de bronze (cód. BR-7725): R$ 9,75/pç para 2.000 pçs
[10:44] Marcos - Usinagem Paulista Ltda: Ferramental da bucha: R$ 4.800,00, pago uma vez só
[10:45] Marcos - Usinagem Paulista Ltda: Prazo de entrega 30 dias, pagamento 28 dias, frete não incluso
[10:45] Marcos - Usinagem Paulista Ltda: Validade da proposta: 15 dias
[10:46] Compras Acme: Obrigado Marcos!
"""
save("t06_chat_tooling_prose_brl_pt.txt", t06, truth(
    "txt", "pt", [3, 5, 7],
    "pasted chat: prices per piece at quantities in sentences, tooling in its own message, 'frete não incluso', day-first date",
    {"supplier": "Usinagem Paulista Ltda", "quote_ref": "2026-311", "quote_date": "2026-11-26",
     "currency": "BRL", "validity_days": 15, "payment_net_days": 28, "freight": "extra"},
    [
        L("BR-7710", "Eixo 1045 retificado", [(1000, "18.90"), (5000, "16.40")], uom="H87",
          lead_time_days=30),
        L("BR-7725", "Bucha de bronze", [(2000, "9.75")], uom="H87", lead_time_days=30,
          tooling=[("Ferramental da bucha", "4800.00")]),
    ]))

# ---------------------------------------------------------------- t07 English Markdown, per 1,000 in header
t07 = """## Quotation QT-5530 — Harbor Electronics Assembly Ltd
Date: 16 December 2026 · Currency: GBP · Valid for 30 days

| Your part | Description | Qty | Price per 1,000 (GBP) | Lead time |
|:--|:--|--:|--:|:--|
| HB-220 | Cable assembly, 4-way JST to flying leads, 150 mm | 2,000 | 1,180.00 | 3 weeks |
| HB-220 | Cable assembly, 4-way JST to flying leads, 150 mm | 10,000 | 1,045.00 | 3 weeks |
| HB-231 | Wire harness, 12-way, sleeved, 400 mm | 1,000 | 6,420.00 | 5 weeks |

**Test fixture** for HB-231: £1,350 one-off.
Payment: 30 days from invoice. Delivery: DAP Portsmouth, carriage paid.
"""
save("t07_markdown_per_1000_gbp_en.txt", t07, truth(
    "txt", "en", [1, 2, 3, 4],
    "Markdown table whose price column header says 'Price per 1,000', thousands commas in prices, fixture in bold prose below",
    {"supplier": "Harbor Electronics Assembly Ltd", "quote_ref": "QT-5530", "quote_date": "2026-12-16",
     "currency": "GBP", "validity_days": 30, "payment_net_days": 30, "incoterm": "DAP",
     "incoterm_place": "Portsmouth", "freight": "included"},
    [
        L("HB-220", "Cable assembly, 4-way JST to flying leads, 150 mm",
          [(2000, per("1180.00", 1000)), (10000, per("1045.00", 1000))], price_basis_qty=1000,
          lead_time_days=21),
        L("HB-231", "Wire harness, 12-way, sleeved, 400 mm", [(1000, per("6420.00", 1000))],
          price_basis_qty=1000, lead_time_days=35, tooling=[("Test fixture", "1350")]),
    ]))
