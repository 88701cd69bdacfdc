"""heldout3 delimited and plain-text documents (c01-c03, t01-t06)."""
from common import write_doc, truth, B

# ------------------------------------------------------------------ c01 Oracle-style CSV, breaks as rows, US dates
csv = '''"Supplier Quote Export"
"Negotiation","RFQ 8812 - Machined Manifolds"
"Supplier","Great Lakes Machining Co."
"Quote Number","QT-8812-004"
"Quote Date","12/08/2026"
"Valid Until","01/29/2027"
"Currency","USD"
"Payment Terms","2% 10, Net 45"
"Freight Terms","Prepaid and Add"
"FOB","Origin - Grand Rapids, MI"

LINE,ITEM,REV,ITEM_DESCRIPTION,UOM,PRICE_BREAK_QUANTITY,UNIT_PRICE,PROMISED_LEAD_TIME_DAYS,SUPPLIER_ITEM,NOTE_TO_BUYER
1,MF-4410,D,"Manifold block, 6061-T6, 4-port",Each,50,142.80,25,GLM-4410,
1,MF-4410,D,"Manifold block, 6061-T6, 4-port",Each,250,118.35,25,GLM-4410,
1,MF-4410,D,"Manifold block, 6061-T6, 4-port",Each,"1,000",104.90,25,GLM-4410,
2,MF-4415,B,"Manifold cap, 6061-T6",Each,50,36.20,20,GLM-4415,
2,MF-4415,B,"Manifold cap, 6061-T6",Each,250,29.75,20,GLM-4415,
3,MF-4420,A,"Valve body, 316 SS",Each,,,,,"No quote - 316 capacity full through Q2"
4,FX-4410,,"Fixture, CNC - for MF-4410",Lot,1,"2,450.00",,,"One-time charge, invoiced with first PO"
'''
n = "c01_oracle_export_break_rows_fixture_usd_en.csv"
write_doc(n, csv)
truth(n, "en", [1, 3, 4, 6, 7],
      "supplier-portal CSV export: quoted key/value preamble, one row per price break repeating the item, quantity '1,000' quoted, no-quote row with a note, a fixture as its own line referring to an item, ambiguous 12/08 resolved by 01/29, 2%/10 net 45, prepaid and add, FOB origin place",
      {"supplier": "Great Lakes Machining Co.", "quote_ref": "QT-8812-004", "quote_date": "2026-12-08", "currency": "USD",
       "valid_until": "2027-01-29", "payment_net_days": 45, "payment_discount_pct": "2", "payment_discount_days": 10,
       "incoterm": "FOB", "incoterm_place": "Grand Rapids, MI", "freight": "extra"},
      [{"part_number": "MF-4410", "revision": "D", "description": "Manifold block, 6061-T6, 4-port", "supplier_part": "GLM-4410",
        "uom": "H87", "breaks": B("50", "142.80", "250", "118.35", "1000", "104.90"), "lead_time_days": 25,
        "tooling": [("Fixture, CNC", "2450.00")]},
       {"part_number": "MF-4415", "revision": "B", "description": "Manifold cap, 6061-T6", "supplier_part": "GLM-4415",
        "uom": "H87", "breaks": B("50", "36.20", "250", "29.75"), "lead_time_days": 20},
       {"part_number": "MF-4420", "description": "Valve body, 316 SS", "no_bid": True, "no_bid_reason": "No quote - 316 capacity full through Q2"}])

# ------------------------------------------------------------------ c02 de-CH TSV, apostrophe thousands, PE column, set-up row
tsv = """Offerte Nr.\tO-26-0712
Datum\t03.12.2026
Firma\tZürcher Oberland Präzision AG
Gültigkeit\t60 Tage
Konditionen\t30 Tage netto; DAP Uster, Fracht und Verpackung inbegriffen
Währung\tCHF

Pos\tIhre Art.-Nr.\tBezeichnung\tMenge\tPreis CHF\tPE\tBetrag CHF\tLieferfrist
1\tZP-7710\tPräzisionswelle Ø8 g6 x 120\t1'000\t14.35\t1\t14'350.00\t6 Wochen
2\tZP-7715\tZahnrad m1 z24 POM\t5'000\t182.00\t100\t9'100.00\t4 Wochen
3\tZP-7720\tLagerdeckel Alu eloxiert\t2'500\t3.72\t1\t9'300.00\tab Lager
4\t\tEinmalige Einrichtekosten zu Pos. 2\t1\t1'250.00\t1\t1'250.00\t
\t\t\t\t\tTotal exkl. MWST\t34'000.00\t
"""
n = "c02_tsv_swiss_apostrophe_pe_column_chf_de.tsv"
write_doc(n, tsv)
truth(n, "de", [1, 2, 3, 7],
      "Swiss TSV: key/value preamble, 1'000 apostrophe thousands, PE (Preiseinheit) column 1/100, Betrag per line, lead time in weeks or 'ab Lager' per row, set-up cost as its own row for position 2, terms in one Konditionen cell",
      {"supplier": "Zürcher Oberland Präzision AG", "quote_ref": "O-26-0712", "quote_date": "2026-12-03", "currency": "CHF",
       "validity_days": 60, "payment_net_days": 30, "incoterm": "DAP", "incoterm_place": "Uster", "freight": "included",
       "total": "34000.00"},
      [{"part_number": "ZP-7710", "description": "Präzisionswelle Ø8 g6 x 120", "quantity": "1000", "line_total": "14350.00",
        "breaks": B("1000", "14.35"), "lead_time_days": 42},
       {"part_number": "ZP-7715", "description": "Zahnrad m1 z24 POM", "price_basis_qty": "100", "quantity": "5000",
        "line_total": "9100.00", "breaks": B("5000", "1.82"), "lead_time_days": 28, "tooling": [("Einrichtekosten", "1250.00")]},
       {"part_number": "ZP-7720", "description": "Lagerdeckel Alu eloxiert", "quantity": "2500", "line_total": "9300.00",
        "breaks": B("2500", "3.72"), "lead_time_days": 0}])

# ------------------------------------------------------------------ c03 nl comma CSV with quoted comma decimals, wide staffels
csv = '''Offerte;2026-0457
'''
csv = '''"Offertenummer","2026-0457"
"Offertedatum","04-12-2026"
"Leverancier","Twentse Metaalbewerking B.V."
"Geldig tot","04-02-2027"
"Betalingsconditie","30 dagen netto"
"Levering","DAP Apeldoorn"
"Valuta","EUR"

"Uw artikel","Omschrijving","Ons artikel","Staffel 1","Prijs 1","Staffel 2","Prijs 2","Staffel 3","Prijs 3","Levertijd (werkdagen)"
"TM-220-01","Montageplaat 250x180x4 S235 verzinkt","TMB-5120","100","18,75","500","14,90","1.000","13,60","15"
"TM-220-02","Hoeksteun 90x90x60 RVS 304","TMB-5133","250","6,42","1.000","5,18","","","15"
"TM-220-05","Afdekkap gezet 1,5 mm aluminium","TMB-5140","50","27,30","200","22,85","","","20"
'''
n = "c03_comma_csv_quoted_decimal_commas_staffels_eur_nl.csv"
write_doc(n, csv)
truth(n, "nl", [1, 4, 7],
      "comma-delimited CSV where every value is quoted and decimals use a comma ('18,75'), thousands '1.000'; breaks as Staffel/Prijs column pairs, some empty; lead time in working days (not converted), DD-MM-YYYY dates",
      {"supplier": "Twentse Metaalbewerking B.V.", "quote_ref": "2026-0457", "quote_date": "2026-12-04", "currency": "EUR",
       "valid_until": "2027-02-04", "payment_net_days": 30, "incoterm": "DAP", "incoterm_place": "Apeldoorn"},
      [{"part_number": "TM-220-01", "description": "Montageplaat 250x180x4 S235 verzinkt", "supplier_part": "TMB-5120",
        "breaks": B("100", "18.75", "500", "14.90", "1000", "13.60")},
       {"part_number": "TM-220-02", "description": "Hoeksteun 90x90x60 RVS 304", "supplier_part": "TMB-5133",
        "breaks": B("250", "6.42", "1000", "5.18")},
       {"part_number": "TM-220-05", "description": "Afdekkap gezet 1,5 mm aluminium", "supplier_part": "TMB-5140",
        "breaks": B("50", "27.30", "200", "22.85")}])

# ------------------------------------------------------------------ t01 pasted Markdown (Teams chat), per M, tooling row
md = """**Quote from Atlantic Stampings, Inc. — ref AS-26-3391 (12/04/2026)**

Hi Priya, as discussed on the call, here you go:

| P/N | Description | 25K | 100K | 250K | Unit |
|---|---|---:|---:|---:|---|
| TRM-0815 | Terminal, 0.8mm, tin over nickel | $41.50 | $36.20 | $33.80 | /M |
| TRM-0822 | Terminal, 1.2mm, selective gold | $96.00 | $88.40 | $84.10 | /M |
| TRM-0830 | Bus bar, 3mm Cu, tin | $0.612 | $0.548 | $0.521 | ea |
| Progressive die TRM-0822 | one-time | $14,500 | | | |

- MOQ 25K per P/N, packed on 12" reels of 5K (order in reel multiples)
- LT 6 wks ARO after PPAP approval
- FOB Bridgeport, CT — Net 45
- Pricing firm thru 03/31/2027

Thanks! — Mike Kowalski, Atlantic Stampings
"""
n = "t01_markdown_teams_per_m_die_row_usd_en.txt"
write_doc(n, md)
truth(n, "en", [1, 2, 3, 4, 5, 7],
      "Markdown table pasted from a chat: quantity headers '25K/100K/250K', a unit column '/M' vs 'ea', the progressive die as a table row, MOQ and reel multiples in bullets, 'firm thru' validity, US dates",
      {"supplier": "Atlantic Stampings, Inc.", "quote_ref": "AS-26-3391", "quote_date": "2026-12-04", "currency": "USD",
       "valid_until": "2027-03-31", "payment_net_days": 45, "incoterm": "FOB", "incoterm_place": "Bridgeport, CT"},
      [{"part_number": "TRM-0815", "description": "Terminal, 0.8mm, tin over nickel", "price_basis_qty": "1000",
        "breaks": B("25000", "0.0415", "100000", "0.0362", "250000", "0.0338"), "moq": "25000", "order_multiple": "5000", "lead_time_days": 42},
       {"part_number": "TRM-0822", "description": "Terminal, 1.2mm, selective gold", "price_basis_qty": "1000",
        "breaks": B("25000", "0.096", "100000", "0.0884", "250000", "0.0841"), "moq": "25000", "order_multiple": "5000", "lead_time_days": 42,
        "tooling": [("Progressive die", "14500")]},
       {"part_number": "TRM-0830", "description": "Bus bar, 3mm Cu, tin", "uom": "H87",
        "breaks": B("25000", "0.612", "100000", "0.548", "250000", "0.521"), "moq": "25000", "order_multiple": "5000", "lead_time_days": 42}])

# ------------------------------------------------------------------ t02 es-AR bullets, $ = ARS stated, c/100 u.
txt = """COTIZACIÓN N° 0003-00001287
Fecha: 10/12/2026
Plásticos del Sur S.R.L. - Av. Gral. Paz 11200, Villa Lugano, CABA

Sr. Martín Gómez
Electrodomésticos Pampa S.A.

De nuestra consideración:
Según lo solicitado cotizamos en pesos argentinos (ARS), precios sin IVA:

* Perilla control horno PP negro (su cód. EP-3310)
    - 5.000 u.: $ 18.450,00 c/100 u.
    - 20.000 u.: $ 16.900,00 c/100 u.
* Tapa frontal ABS blanco (su cód. EP-3320)
    - 2.000 u.: $ 2.385,50 c/u
* Soporte resistencia (su cód. EP-3335): no cotizamos, requiere material cerámico.

* Matricería: molde nuevo para EP-3320, $ 4.850.000,00 (pago 50% con la orden y 50% contra aprobación de muestras).

Plazo de entrega: 30 días a partir de la aprobación de muestras.
Condición de pago: 30 días fecha factura.
Entrega: en su planta de Pilar, flete a nuestro cargo.
Mantenimiento de oferta: 15 días.

Atentamente,
Gustavo Ferreyra
Plásticos del Sur S.R.L.
"""
n = "t02_bullets_ars_dollar_sign_c100_es.txt"
write_doc(n, txt)
truth(n, "es", [1, 2, 3, 5, 7],
      "Argentine plain quote: '$' is the peso (stated ARS), bullet breaks with 'c/100 u.' and 'c/u', no-bid in a bullet, mould as a bullet with a payment split, freight at supplier's cost, validity in days",
      {"supplier": "Plásticos del Sur S.R.L.", "quote_ref": "0003-00001287", "quote_date": "2026-12-10", "currency": "ARS",
       "validity_days": 15, "payment_net_days": 30, "freight": "included"},
      [{"part_number": "EP-3310", "description": "Perilla control horno PP negro", "uom": "H87", "price_basis_qty": "100",
        "breaks": B("5000", "184.50", "20000", "169.00"), "lead_time_days": 30},
       {"part_number": "EP-3320", "description": "Tapa frontal ABS blanco", "uom": "H87", "breaks": B("2000", "2385.50"), "lead_time_days": 30,
        "tooling": [("Matricería: molde nuevo", "4850000.00")]},
       {"part_number": "EP-3335", "description": "Soporte resistencia", "no_bid": True, "no_bid_reason": "requiere material cerámico"}])

# ------------------------------------------------------------------ t03 zh WeChat paste, per 千个, mould sentence
txt = """【报价】宁波甬盛塑胶制品有限公司
报价编号：YS-2612-031    日期：2026年12月7日
致：苏州科越电器有限公司 采购部 周经理

周经理您好，按贵司图纸报价如下（人民币，含13%增值税）：

1）KY-5501 电池盖 ABS+PC 黑色：单价 ¥86.50/千个，5万个起订
2）KY-5502 卡扣 POM 本色：单价 ¥32.80/千个，10万个起订
3）KY-5510 透明灯罩 PMMA：此款需要高光模具，我司暂不承接。

模具费：KY-5501 一出四 ¥26,000；KY-5502 一出八 ¥18,500，模具费首单预付。
交期：样品确认后25天。
运费另计，交货地点宁波工厂（EXW宁波）。
付款：月结30天。
报价有效期15天。

联系人：陈海峰 138-0000-0000
"""
n = "t03_wechat_paste_per_qian_ge_mould_cny_zh.txt"
write_doc(n, txt)
truth(n, "zh", [1, 2, 3, 5, 7],
      "Chinese quote pasted from a chat: price per 千个 (1000 pcs), MOQ in 万个 words, mould charges for two parts in one sentence, a declined part in prose, EXW 宁波, 月结30天, freight extra",
      {"supplier": "宁波甬盛塑胶制品有限公司", "quote_ref": "YS-2612-031", "quote_date": "2026-12-07", "currency": "CNY",
       "validity_days": 15, "payment_net_days": 30, "payment_basis": "end_of_month", "incoterm": "EXW", "incoterm_place": "宁波",
       "freight": "extra"},
      [{"part_number": "KY-5501", "description": "电池盖 ABS+PC 黑色", "uom": "H87", "price_basis_qty": "1000", "breaks": B("50000", "0.0865"),
        "moq": "50000", "lead_time_days": 25, "tooling": [("模具费", "26000")]},
       {"part_number": "KY-5502", "description": "卡扣 POM 本色", "uom": "H87", "price_basis_qty": "1000", "breaks": B("100000", "0.0328"),
        "moq": "100000", "lead_time_days": 25, "tooling": [("模具费", "18500")]},
       {"part_number": "KY-5510", "description": "透明灯罩 PMMA", "no_bid": True, "no_bid_reason": "需要高光模具，我司暂不承接"}])

# ------------------------------------------------------------------ t04 AS/400-style fixed-width print, 2 pages, PE
def page(no, body):
    head = f"""\
RHEINTAL ARMATUREN GMBH              A N G E B O T                         SEITE {no:>3}
INDUSTRIESTR. 40  79618 RHEINFELDEN                                   DATUM  07.12.26
                                                      ANGEBOTS-NR.     2026-44871
KUNDE: 33012  STADTWERKE OBERRHEIN GMBH                 SACHBEARB.       HR. KIENZLE
-------------------------------------------------------------------------------------
POS ARTIKEL-NR   IHRE NR       BEZEICHNUNG                    MENGE ME   PREIS   PE
-------------------------------------------------------------------------------------
"""
    return head + body
p1 = """\
001 RA-401220    SW-88014      KUGELHAHN DN20 PN40 MS          100 ST   2.380,00  100
002 RA-401225    SW-88015      KUGELHAHN DN25 PN40 MS          100 ST   3.145,00  100
003 RA-510032    SW-88022      SCHMUTZFAENGER DN32 GG           20 ST      96,40    1
004 RA-620050    SW-88030      RUECKSCHLAGVENTIL DN50 EDELST    10 ST     418,00    1
                                                         UEBERTRAG ......  11.633,00
\f"""
p2 = """\
                                                         UEBERTRAG ......  11.633,00
005 RA-710015    SW-88041      MANOMETER 0-16 BAR D63          50 ST   1.260,00   10
                 SW-88045      DRUCKMINDERER DN15              -- NICHT LIEFERBAR --
-------------------------------------------------------------------------------------
                                                 NETTOWARENWERT EUR       17.933,00
LIEFERZEIT: 2 WOCHEN, POS. 004 AB LAGER
LIEFERUNG FREI HAUS (DAP BAD SAECKINGEN), ZAHLUNG 30 TAGE NETTO
ANGEBOT GUELTIG BIS 31.01.27
PE = PREISEINHEIT (PREIS GILT FUER PE STUECK)
"""
txt = page(1, p1) + page(2, p2)
n = "t04_as400_fixed_width_two_pages_pe_eur_de.txt"
write_doc(n, txt, encoding="cp1252")
truth(n, "de", [1, 2, 5, 6, 7],
      "fixed-width ERP print in capitals, cp1252, two pages with a repeated page header and Übertrag lines, form feed, PE column 100/1/10, no line amounts, a not-deliverable line without own article number, lead time with a per-position exception, two-digit-year dates",
      {"supplier": "Rheintal Armaturen GmbH", "quote_ref": "2026-44871", "quote_date": "2026-12-07", "currency": "EUR",
       "valid_until": "2027-01-31", "payment_net_days": 30, "incoterm": "DAP", "incoterm_place": "Bad Saeckingen",
       "freight": "included", "total": "17933.00"},
      [{"part_number": "SW-88014", "supplier_part": "RA-401220", "description": "KUGELHAHN DN20 PN40 MS", "uom": "H87",
        "price_basis_qty": "100", "breaks": B("100", "23.80"), "lead_time_days": 14},
       {"part_number": "SW-88015", "supplier_part": "RA-401225", "description": "KUGELHAHN DN25 PN40 MS", "uom": "H87",
        "price_basis_qty": "100", "breaks": B("100", "31.45"), "lead_time_days": 14},
       {"part_number": "SW-88022", "supplier_part": "RA-510032", "description": "SCHMUTZFAENGER DN32 GG", "uom": "H87",
        "breaks": B("20", "96.40"), "lead_time_days": 14},
       {"part_number": "SW-88030", "supplier_part": "RA-620050", "description": "RUECKSCHLAGVENTIL DN50 EDELST", "uom": "H87",
        "breaks": B("10", "418.00"), "lead_time_days": 0},
       {"part_number": "SW-88041", "supplier_part": "RA-710015", "description": "MANOMETER 0-16 BAR D63", "uom": "H87",
        "price_basis_qty": "10", "breaks": B("50", "126.00"), "lead_time_days": 14},
       {"part_number": "SW-88045", "description": "DRUCKMINDERER DN15", "no_bid": True, "no_bid_reason": "NICHT LIEFERBAR"}])

# ------------------------------------------------------------------ t05 en-IN lakh grouping, INR
txt = """SRI VENKATESWARA CASTINGS PVT. LTD.
Plot 42, Industrial Estate, Coimbatore - 641 021, Tamil Nadu | GSTIN 33AAAAA0000A1Z5

QUOTATION
Ref: SVC/QTN/2026-27/0388                                   Date: 08-Dec-2026
To: M/s. Deccan Pumps Ltd., Pune
Kind Attn: Mr. R. Kulkarni, Purchase Dept.
Sub: Your enquiry DP/ENQ/1142 dt. 01-Dec-2026

Sl  Part No.      Description                        Qty (Nos)    Rate (Rs.)     Amount (Rs.)
1   DP-IMP-150    Impeller 150 mm, CI FG260          500          1,845.00       9,22,500.00
2   DP-VOL-150    Volute casing 150 mm, CI FG260     500          4,120.00      20,60,000.00
3   DP-BRG-60     Bearing housing, SG iron 500/7     250          2,675.00       6,68,750.00
                                                     Sub-total                  36,51,250.00
Pattern charges (one time, all three parts): Rs. 3,40,000.00

Terms & Conditions:
1. Prices are ex-works Coimbatore. Packing & forwarding extra at actuals.
2. GST @ 18% extra as applicable.
3. Payment: 45 days from date of invoice.
4. Delivery: 6-8 weeks from receipt of PO and pattern approval.
5. Validity: 30 days.

For SRI VENKATESWARA CASTINGS PVT. LTD.
(Authorised Signatory)
"""
n = "t05_indian_lakh_grouping_pattern_inr_en.txt"
write_doc(n, txt)
truth(n, "en", [1, 3, 7],
      "Indian castings quotation: lakh digit grouping (9,22,500.00), Rate/Amount columns with quantity, sub-total, pattern charge for all parts as one whole-quote sentence, ex-works place, delivery as a week range (no lead-time fact)",
      {"supplier": "Sri Venkateswara Castings Pvt. Ltd.", "quote_ref": "SVC/QTN/2026-27/0388", "quote_date": "2026-12-08",
       "currency": "INR", "validity_days": 30, "payment_net_days": 45, "incoterm": "EXW", "incoterm_place": "Coimbatore",
       "freight": "extra", "total": "3651250.00", "tooling": [("Pattern charges", "340000.00")]},
      [{"part_number": "DP-IMP-150", "description": "Impeller 150 mm, CI FG260", "uom": "H87", "quantity": "500",
        "line_total": "922500.00", "breaks": B("500", "1845.00")},
       {"part_number": "DP-VOL-150", "description": "Volute casing 150 mm, CI FG260", "uom": "H87", "quantity": "500",
        "line_total": "2060000.00", "breaks": B("500", "4120.00")},
       {"part_number": "DP-BRG-60", "description": "Bearing housing, SG iron 500/7", "uom": "H87", "quantity": "250",
        "line_total": "668750.00", "breaks": B("250", "2675.00")}])
