"""Plain-text quotes (pasted mail bodies, chat, fixed-width ERP print)."""
from common import write_doc, write_truth, about, br

# ---------------------------------------------------------------- t01
write_doc("t01_markdown_price_per_m_nre_row_usd_en.txt", """Hi Jen,

Pasting our numbers below since the portal keeps timing out on me again.

**Precision Spring & Wire Co. -- Quotation PSW-24117**
Date: 11/06/2025

| Item | Customer P/N | Rev | Description | Qty | Price / M | Lead time |
|------|--------------|-----|-------------|----:|----------:|-----------|
| 1 | CS-20418 | C | Compression spring, 302 SS, .032 wire | 10,000 | $412.00 | 4 wks |
| 1 | CS-20418 | C | | 25,000 | $371.50 | 4 wks |
| 2 | ES-30022 | - | Extension spring, music wire, zinc | 5,000 | $1,085.00 | 5 wks |
| 2 | ES-30022 | - | | 20,000 | $948.00 | 5 wks |
| 3 | TS-11870 | A | Torsion spring, 17-7PH, passivated | 2,000 | $2,240.00 | 6 wks |
| NRE | | | Torsion forming tool for TS-11870 (one time) | 1 | $650.00 | |

Notes:
- MOQ 10M on the compression spring.
- ES-30022 ships in boxes of 2,500, please order in multiples of 2,500.
- Pricing valid thru 12/31/2025.

Terms 1% 10, Net 30. F.O.B. our dock, Bristol, CT -- freight prepay & add.

Thanks!
Tom Kowalski | Inside Sales
Precision Spring & Wire Co.
455 Riverside Ave, Bristol CT 06010
Ph 1-860-555-0192 x214 | Fax 1-860-555-0193
""")
write_truth("t01_markdown_price_per_m_nre_row_usd_en.txt", {
    "about": about("txt", "en", [1, 2, 3, 4, 5, 6, 7],
                   "pasted Markdown table, 'Price / M' (per 1000) with $ and thousands commas, "
                   "break on a repeated part row, rev '-', NRE as its own row naming the part, "
                   "MOQ '10M' and order multiple in notes, US dates (12/31 proves month-first), "
                   "1% 10 Net 30, F.O.B. place with state, prepay & add, signature with phone/fax"),
    "header": {
        "supplier": "Precision Spring & Wire Co.",
        "quote_ref": "PSW-24117",
        "quote_date": "2025-11-06",
        "currency": "USD",
        "valid_until": "2025-12-31",
        "payment_net_days": 30,
        "payment_discount_pct": "1",
        "payment_discount_days": 10,
        "incoterm": "FOB",
        "incoterm_place": "Bristol, CT",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "CS-20418", "revision": "C",
         "description": "Compression spring, 302 SS, .032 wire",
         "price_basis_qty": "1000",
         "breaks": br(("10000", "0.412"), ("25000", "0.3715")),
         "moq": "10000", "lead_time_days": 28},
        {"part_number": "ES-30022",
         "description": "Extension spring, music wire, zinc",
         "price_basis_qty": "1000",
         "breaks": br(("5000", "1.085"), ("20000", "0.948")),
         "order_multiple": "2500", "lead_time_days": 35},
        {"part_number": "TS-11870", "revision": "A",
         "description": "Torsion spring, 17-7PH, passivated",
         "price_basis_qty": "1000",
         "breaks": br(("2000", "2.24")),
         "lead_time_days": 42,
         "tooling": [["Torsion forming tool", "650.00"]]},
    ],
})

# ---------------------------------------------------------------- t02
write_doc("t02_bullets_swiss_apostrophe_werkzeug_chf_de.txt", """Guten Tag Herr Brunner

Besten Dank für Ihre Anfrage vom 14.10.2025. Gerne offerieren wir Ihnen wie folgt:

Offerte Nr. 25-0871 / Datum: 21.10.2025

• Pos. 1 – Ihre Art.-Nr. 4410-221, Lagerbuchse Ø12/18x15, CuSn8
    – ab 500 Stk.: CHF 3.85/Stk.
    – ab 2'000 Stk.: CHF 3.12/Stk.
• Pos. 2 – Ihre Art.-Nr. 4410-305 Rev. B, Distanzhülse Ø8x24, 1.4305
    – ab 1'000 Stk.: CHF 1.46/Stk.
    – ab 5'000 Stk.: CHF 1.18/Stk.
• Pos. 3 – Ihre Art.-Nr. 4410-990, Gewindeeinsatz M6 – bieten wir nicht an (Zukaufteil, führen wir nicht)

Einmalige Werkzeugkosten für Pos. 2 (Rändelwerkzeug): CHF 1'850.–
Mindestbestellmenge Pos. 1: 500 Stk.
Lieferzeit: 6 Wochen nach Auftragseingang (Pos. 1), 4 Wochen (Pos. 2)
Preise netto, exkl. MwSt., Verpackung inbegriffen, Transport exkl.
Lieferbedingung: FCA Winterthur
Zahlung: 30 Tage netto, 2 % Skonto innert 10 Tagen
Gültigkeit der Offerte: 60 Tage

Freundliche Grüsse

Reto Gasser
Verkauf Innendienst
Gasser Präzisionsdrehteile AG
Industriestrasse 44, 8404 Winterthur
Tel. +41 52 234 56 78 / Fax +41 52 234 56 79
""")
write_truth("t02_bullets_swiss_apostrophe_werkzeug_chf_de.txt", {
    "about": about("txt", "de", [1, 3, 4, 5, 7],
                   "bullet quote, Swiss apostrophe thousands, 'ab N Stk.' breaks, tooling sentence "
                   "naming Pos. 2, MOQ and per-line lead times in prose, no-bid by words, RFQ date "
                   "before the offer date, Transport exkl., FCA, Skonto"),
    "header": {
        "supplier": "Gasser Präzisionsdrehteile AG",
        "quote_ref": "25-0871",
        "quote_date": "2025-10-21",
        "currency": "CHF",
        "validity_days": 60,
        "payment_net_days": 30,
        "payment_discount_pct": "2",
        "payment_discount_days": 10,
        "incoterm": "FCA",
        "incoterm_place": "Winterthur",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "4410-221", "description": "Lagerbuchse Ø12/18x15, CuSn8", "uom": "H87",
         "breaks": br(("500", "3.85"), ("2000", "3.12")), "moq": "500", "lead_time_days": 42},
        {"part_number": "4410-305", "revision": "B", "description": "Distanzhülse Ø8x24, 1.4305",
         "uom": "H87", "breaks": br(("1000", "1.46"), ("5000", "1.18")), "lead_time_days": 28,
         "tooling": [["Rändelwerkzeug", "1850.00"]]},
        {"part_number": "4410-990", "description": "Gewindeeinsatz M6", "no_bid": True,
         "no_bid_reason": "bieten wir nicht an (Zukaufteil)"},
    ],
})

# ---------------------------------------------------------------- t03
write_doc("t03_qty_price_one_cell_forma_pln_pl.txt", """Dzień dobry,

w odpowiedzi na zapytanie przesyłamy ofertę cenową nr OF/2025/11/043 z dnia 05.11.2025.

Detal: ZK-1180 rew. 2 – Zaślepka PA6 czarna
  250 szt. 12,30 zł
  1 000 szt. 9,85 zł
  5 000 szt. 7,40 zł

Detal: ZK-1185 – Podkładka dystansowa PA66 GF30
  500 szt. 4,15 zł
  2 500 szt. 3,62 zł

Koszt formy wtryskowej (jednorazowo) dla ZK-1185: 18 500,00 zł netto.
Termin realizacji: 3 tygodnie od akceptacji próbek.
Ceny netto w złotych polskich, do cen należy doliczyć VAT 23%.
Warunki płatności: przelew 30 dni od daty wystawienia faktury.
Warunki dostawy: EXW Poznań.
Oferta ważna do 31.12.2025.

Z poważaniem
Marta Wiśniewska
Dział Handlowy
PLASTMOT Sp. z o.o.
ul. Przemysłowa 12, 61-001 Poznań
tel. 61 856 22 40, NIP 782-25-66-123
""")
write_truth("t03_qty_price_one_cell_forma_pln_pl.txt", {
    "about": about("txt", "pl", [1, 3, 4, 5, 7],
                   "part heading lines with 'N szt. price zł' run together, space thousands, mould "
                   "cost sentence naming the part, lead time in prose for all lines, PLN in words, "
                   "EXW, valid-until date, NIP and phone in the signature"),
    "header": {
        "supplier": "PLASTMOT Sp. z o.o.",
        "quote_ref": "OF/2025/11/043",
        "quote_date": "2025-11-05",
        "currency": "PLN",
        "valid_until": "2025-12-31",
        "payment_net_days": 30,
        "incoterm": "EXW",
        "incoterm_place": "Poznań",
    },
    "lines": [
        {"part_number": "ZK-1180", "revision": "2", "description": "Zaślepka PA6 czarna",
         "uom": "H87", "breaks": br(("250", "12.30"), ("1000", "9.85"), ("5000", "7.40")),
         "lead_time_days": 21},
        {"part_number": "ZK-1185", "description": "Podkładka dystansowa PA66 GF30",
         "uom": "H87", "breaks": br(("500", "4.15"), ("2500", "3.62")),
         "lead_time_days": 21, "tooling": [["Koszt formy wtryskowej", "18500.00"]]},
    ],
})

# ---------------------------------------------------------------- t04
FF = "\f"
write_doc("t04_fixed_width_two_pages_pu100_outillage_eur_fr.txt", """MECANOR SAS                                                    DEVIS N° DV25-01937
12 rue des Forges                                              Date : 03/11/2025
25200 Montbéliard                                              Page : 1/2
Tél. 03 81 91 40 00   SIRET 412 345 678 00021

Client : ATELIERS DUVAL
Votre demande : RFQ-DU-2025-118 du 20/10/2025

Lig  Réf. client    Réf. Mecanor  Désignation                     Qté      Unité   PU HT (€/100)  Délai
---  -------------  ------------  ------------------------------  -------  ------  -------------  -------
010  DU-55120       MC-V-0812     Vis épaulée M8x12 acier 10.9      5 000  pce             48,20  4 sem.
020  DU-55121       MC-V-0816     Vis épaulée M8x16 acier 10.9      5 000  pce             52,75  4 sem.
030  DU-55140       MC-E-2040     Entretoise Ø20x40 alu 6060        1 000  pce            186,00  5 sem.

                                                                      Suite page suivante ...
MECANOR SAS - RCS Belfort 412 345 678 - Capital 150 000 €
""" + FF + """MECANOR SAS                                                    DEVIS N° DV25-01937
                                                               Page : 2/2

Lig  Réf. client    Réf. Mecanor  Désignation                     Qté      Unité   PU HT (€/100)  Délai
---  -------------  ------------  ------------------------------  -------  ------  -------------  -------
040  DU-55140       MC-E-2040     Entretoise Ø20x40 alu 6060        5 000  pce            162,40  5 sem.
050  DU-55199       -             Goupille cannelée Ø4x20               -  -         non chiffré  -
060  OUTIL          MC-OUT-2040   Outillage de reprise entretoise       1  forfait  1 250,00 € (unique)

Conditions de règlement : 45 jours fin de mois
Port : franco
Incoterm : DAP Besançon
Validité de l'offre : 30 jours

MECANOR SAS - RCS Belfort 412 345 678 - Capital 150 000 €
""")
write_truth("t04_fixed_width_two_pages_pu100_outillage_eur_fr.txt", {
    "about": about("txt", "fr", [1, 2, 3, 4, 5, 6, 7],
                   "fixed-width ERP print over two pages (form feed, repeated page header and "
                   "column header, legal footer with capital and SIRET), 'PU HT (€/100)', the same "
                   "part's second break on page 2, 'non chiffré' no-bid, tooling row 'forfait', "
                   "RFQ date vs devis date, 45 jours fin de mois, franco, DAP"),
    "header": {
        "supplier": "MECANOR SAS",
        "quote_ref": "DV25-01937",
        "quote_date": "2025-11-03",
        "currency": "EUR",
        "validity_days": 30,
        "payment_net_days": 45,
        "payment_basis": "end_of_month",
        "incoterm": "DAP",
        "incoterm_place": "Besançon",
        "freight": "included",
        "tooling": [["Outillage de reprise entretoise", "1250.00"]],
    },
    "lines": [
        {"part_number": "DU-55120", "supplier_part": "MC-V-0812",
         "description": "Vis épaulée M8x12 acier 10.9", "uom": "H87", "price_basis_qty": "100",
         "breaks": br(("5000", "0.482")), "lead_time_days": 28},
        {"part_number": "DU-55121", "supplier_part": "MC-V-0816",
         "description": "Vis épaulée M8x16 acier 10.9", "uom": "H87", "price_basis_qty": "100",
         "breaks": br(("5000", "0.5275")), "lead_time_days": 28},
        {"part_number": "DU-55140", "supplier_part": "MC-E-2040",
         "description": "Entretoise Ø20x40 alu 6060", "uom": "H87", "price_basis_qty": "100",
         "breaks": br(("1000", "1.86"), ("5000", "1.624")), "lead_time_days": 35},
        {"part_number": "DU-55199", "description": "Goupille cannelée Ø4x20", "no_bid": True,
         "no_bid_reason": "non chiffré"},
    ],
})

# ---------------------------------------------------------------- t05
write_doc("t05_wechat_paste_mould_rmb_zh.txt", """[2025-11-12 10:21] 王磊（东莞利泰五金）:
陈工您好，贵司询价的三款料报价如下：
1. LT-3302 不锈钢弹片 0.2mm 单价：¥0.185/个 起订量 20000个
2. LT-3310 铜端子 镀锡 1万个以上 ¥0.092/个，5万个以上 ¥0.081/个
3. LT-3325 冲压支架 SPCC 镀锌 单价 ¥0.46/个
以上均为人民币（RMB）含税13%价格，含运费，送到贵司苏州工厂。
模具费：LT-3325 需要开新模，模具费 ¥6,800（一次性收取），LT-3302、LT-3310 用现有模具，不收模具费。
交期：打样7天，批量25天
付款方式：月结30天
报价单号 LT-Q251112-03，报价有效期30天
[2025-11-12 10:23] 陈工: 收到，谢谢王经理，我们内部评估一下
[2025-11-12 10:24] 王磊（东莞利泰五金）: 好的，有问题随时联系 👍
东莞市利泰五金制品有限公司 王磊 电话 0769-8123 4567 手机 138 2690 1234
""")
write_truth("t05_wechat_paste_mould_rmb_zh.txt", {
    "about": about("txt", "zh", [1, 3, 4, 5, 7],
                   "WeChat paste: numbered lines with ¥ and an explicit RMB statement, breaks in "
                   "'1万个以上' form, MOQ inline, mould fee sentence for one part (others free), lead "
                   "time sample vs batch, 月结30天, freight included, phone numbers in the footer"),
    "header": {
        "supplier": "东莞市利泰五金制品有限公司",
        "quote_ref": "LT-Q251112-03",
        "quote_date": "2025-11-12",
        "currency": "CNY",
        "validity_days": 30,
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "freight": "included",
    },
    "lines": [
        {"part_number": "LT-3302", "description": "不锈钢弹片 0.2mm", "uom": "H87",
         "breaks": br(("20000", "0.185")), "moq": "20000", "lead_time_days": 25},
        {"part_number": "LT-3310", "description": "铜端子 镀锡", "uom": "H87",
         "breaks": br(("10000", "0.092"), ("50000", "0.081")), "lead_time_days": 25},
        {"part_number": "LT-3325", "description": "冲压支架 SPCC 镀锌", "uom": "H87",
         "breaks": br(("1", "0.46")), "lead_time_days": 25,
         "tooling": [["模具费", "6800"]]},
    ],
})

# ---------------------------------------------------------------- t06 (with RFQ)
write_doc("t06_outlook_prose_blanket_nobid_die_aud_en.txt", """From: Kylie Nguyen <kylie.nguyen@southerncross-ext.com.au>
Sent: Thursday, 4 December 2025 3:12 PM
To: Daniel Brooks <d.brooks@kestrel-automation.com.au>
Subject: RE: RFQ 5521 - extrusions and brackets

Hi Daniel,

Thanks for thinking of us. Our quote SCX-Q-8841 is below, all prices in Australian dollars, ex GST.

EX-4410 (T-slot 40x40, 6063-T5, clear anodised, cut to 1200 mm): $18.40 each for 200, dropping to $16.95 each at 1,000.

EX-4412 (T-slot 40x80, same spec): we can do $31.20 each for 200 off. Alternatively we can offer our stock profile SCX-4080L at $27.90 each, a light-duty equivalent with no die charge.

EX-4460 end caps: we do not quote the end caps, best sourced from your fastener supplier.

All other items on the RFQ: no quote, sorry - we don't do machining in-house.

If you want the exact EX-4412 section, the die charge is $2,400.00 one-off.
Lead time 4-5 weeks from order.
Pricing valid 30 days. Payment 30 days end of month. Delivered to your Dandenong South site, freight included.

Regards,
Kylie

Kylie Nguyen | Sales
Southern Cross Extrusions Pty Ltd
12-14 Lyn Pde, Prestons NSW 2170 | Ph 02 9607 3344 | ABN 51 087 445 213

-----Original Message-----
From: Daniel Brooks
Sent: Monday, 24 November 2025 9:05 AM
Subject: RFQ 5521 - extrusions and brackets

Please quote by 5/12/2025:
1  EX-4410  T-slot 40x40 x 1200   200 / 1000
2  EX-4412  T-slot 40x80 x 1200   200
3  EX-4460  End cap 40x40         500
4  MC-2201  Motor bracket, machined   100
5  MC-2205  Idler bracket, machined   100
""")
write_truth("t06_outlook_prose_blanket_nobid_die_aud_en.txt", {
    "about": about("txt", "en", [1, 3, 5, 7],
                   "Outlook reply in prose: $ with 'Australian dollars' in words, breaks in a sentence, "
                   "alternate in words, no-bid by description, blanket no-bid for the rest of the "
                   "RFQ (quoted below with an earlier date), die charge sentence, 4-5 weeks, "
                   "30 days EOM, freight included, ABN and phone in signature"),
    "header": {
        "supplier": "Southern Cross Extrusions Pty Ltd",
        "quote_ref": "SCX-Q-8841",
        "quote_date": "2025-12-04",
        "currency": "AUD",
        "validity_days": 30,
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "freight": "included",
    },
    "lines": [
        {"part_number": "EX-4410", "description": "T-slot 40x40, 6063-T5, clear anodised, cut to 1200 mm",
         "uom": "H87", "breaks": br(("200", "18.40"), ("1000", "16.95")), "lead_time_days": 35,
         "rfq_line": "1"},
        {"part_number": "EX-4412", "description": "T-slot 40x80, same spec", "uom": "H87",
         "breaks": br(("200", "31.20")), "lead_time_days": 35,
         "tooling": [["Die charge", "2400.00"]],
         "alternate": "SCX-4080L at $27.90 each", "rfq_line": "2"},
        {"part_number": "EX-4460", "description": "End cap 40x40", "no_bid": True,
         "no_bid_reason": "we do not quote the end caps", "rfq_line": "3"},
        {"part_number": "MC-2201", "no_bid": True, "no_bid_reason": "All other items: no quote",
         "rfq_line": "4"},
        {"part_number": "MC-2205", "no_bid": True, "no_bid_reason": "All other items: no quote",
         "rfq_line": "5"},
    ],
}, rfq={
    "rfq": "5521",
    "currency": "AUD",
    "lines": [
        {"line": "1", "part_number": "EX-4410", "description": "T-slot extrusion 40x40 x 1200 mm",
         "quantities": ["200", "1000"], "last_price": "17.80"},
        {"line": "2", "part_number": "EX-4412", "description": "T-slot extrusion 40x80 x 1200 mm",
         "quantities": ["200"]},
        {"line": "3", "part_number": "EX-4460", "description": "End cap 40x40 black",
         "quantities": ["500"]},
        {"line": "4", "part_number": "MC-2201", "description": "Motor bracket, machined",
         "quantities": ["100"]},
        {"line": "5", "part_number": "MC-2205", "description": "Idler bracket, machined",
         "quantities": ["100"]},
    ],
})

# ---------------------------------------------------------------- t07
write_doc("t07_heading_rows_dotted_ferramental_brl_pt.txt", """ORÇAMENTO Nº 2025/1187 — Metalúrgica Santa Rita Ltda.
São Bernardo do Campo, 18 de novembro de 2025
A/C: Sr. Paulo Mendes — Compras / Irmãos Teixeira Máquinas

Item 01 — Cód. cliente 7712-0045 — Suporte dobrado aço SAE 1020, zincado
      1.000 pçs ........ R$ 4,87 cada
      5.000 pçs ........ R$ 4,12 cada
     10.000 pçs ........ R$ 3,79 cada

Item 02 — Cód. cliente 7712-0051 rev. C — Chapa de fixação inox 304, 2 mm
        500 pçs ........ R$ 12,60 cada
      2.000 pçs ........ R$ 11,15 cada

Ferramental (estampo progressivo) para o item 01: R$ 28.500,00 — valor único, não amortizado no preço.
Prazo de entrega: 30 dias após aprovação do PPAP.
Lote mínimo do item 02: 500 pçs.
Condição de pagamento: 28 ddl.
Frete: CIF São Paulo, SP (incluso no preço).
Impostos: IPI 5% não incluso; ICMS 18% incluso.
Validade da proposta: 15 dias.

Atenciosamente,
Rogério Lima — Vendas Técnicas
Metalúrgica Santa Rita Ltda. — CNPJ 12.345.678/0001-90
Tel.: (11) 4122-5500 | Av. Industrial, 1.250 — CEP 09750-000
""")
write_truth("t07_heading_rows_dotted_ferramental_brl_pt.txt", {
    "about": about("txt", "pt", [1, 3, 4, 5, 7],
                   "part heading lines with dotted '1.000 pçs ..... R$ 4,87 cada' rows, dot thousands, "
                   "ferramental sentence for item 01, MOQ and lead time in prose, 28 ddl, CIF City, "
                   "SP freight included, date in words, CNPJ/CEP numbers in signature"),
    "header": {
        "supplier": "Metalúrgica Santa Rita Ltda.",
        "quote_ref": "2025/1187",
        "quote_date": "2025-11-18",
        "currency": "BRL",
        "validity_days": 15,
        "payment_net_days": 28,
        "incoterm": "CIF",
        "incoterm_place": "São Paulo, SP",
        "freight": "included",
    },
    "lines": [
        {"part_number": "7712-0045", "description": "Suporte dobrado aço SAE 1020, zincado",
         "uom": "H87", "breaks": br(("1000", "4.87"), ("5000", "4.12"), ("10000", "3.79")),
         "lead_time_days": 30, "tooling": [["Ferramental (estampo progressivo)", "28500.00"]]},
        {"part_number": "7712-0051", "revision": "C", "description": "Chapa de fixação inox 304, 2 mm",
         "uom": "H87", "breaks": br(("500", "12.60"), ("2000", "11.15")), "moq": "500",
         "lead_time_days": 30},
    ],
})

# ---------------------------------------------------------------- t08
write_doc("t08_excel_paste_price_uom_c_m_total_usd_en.txt", """Ryan - see below, pasted from our system. PDF to follow.

Quote#\t77120-B\tDate\t11/20/2025\tValid until\t01/15/2026
Customer:\tHarlan Controls\tVendor:\tTri-State Fastener Supply, Inc.

Line\tPart Number\tDescription\tQty\tUnit Price\tPrice UOM\tExt. Price
1\tHC-10032-Z\t#10-32 x 1/2 PPH MS, zinc\t25,000\t8.40\tM\t210.00
2\tHC-10040-S\t#10-32 x 5/8 FHSCS 18-8\t10,000\t4.65\tC\t465.00
3\tHC-1420-LW\t1/4 split lock washer, zinc\t50,000\t11.90\tM\t595.00
4\tHC-3816-HN\t3/8-16 hex nut gr 5, zinc\t5,000\t0.0815\tEA\t407.50
\t\t\t\t\tTotal\t1,677.50

Terms: Net 30 days. FOB Shipping Point Cleveland, OH. Freight: prepay and add.

Gina Moretti
Tri-State Fastener Supply, Inc. | 2200 Lakeside Ave, Cleveland OH 44114 | 216-555-0177
""")
write_truth("t08_excel_paste_price_uom_c_m_total_usd_en.txt", {
    "about": about("txt", "en", [1, 2, 6, 7],
                   "tab-separated paste from an ERP screen: Price UOM column M / C / EA, qty and "
                   "extended price per line, total row, customer name beside the vendor name, US "
                   "dates (11/20 and 01/15), FOB Shipping Point City, ST, prepay and add"),
    "header": {
        "supplier": "Tri-State Fastener Supply, Inc.",
        "quote_ref": "77120-B",
        "quote_date": "2025-11-20",
        "currency": "USD",
        "valid_until": "2026-01-15",
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Cleveland, OH",
        "freight": "extra",
        "total": "1677.50",
    },
    "lines": [
        {"part_number": "HC-10032-Z", "description": "#10-32 x 1/2 PPH MS, zinc",
         "price_basis_qty": "1000", "breaks": br(("25000", "0.0084")),
         "quantity": "25000", "line_total": "210.00"},
        {"part_number": "HC-10040-S", "description": "#10-32 x 5/8 FHSCS 18-8",
         "price_basis_qty": "100", "breaks": br(("10000", "0.0465")),
         "quantity": "10000", "line_total": "465.00"},
        {"part_number": "HC-1420-LW", "description": "1/4 split lock washer, zinc",
         "price_basis_qty": "1000", "breaks": br(("50000", "0.0119")),
         "quantity": "50000", "line_total": "595.00"},
        {"part_number": "HC-3816-HN", "description": "3/8-16 hex nut gr 5, zinc",
         "breaks": br(("5000", "0.0815")),
         "quantity": "5000", "line_total": "407.50"},
    ],
})
print("text: 8 documents")
