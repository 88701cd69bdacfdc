"""Plain-text quotes pasted into a message or a ticket: bullets, Markdown, prose, aligned
columns. Each document's truth is written by hand beside it."""
from common import about, write_doc, write_truth

# ---------------------------------------------------------------- t01: dotted rows under part headings
T01 = """Hi Maria,

Thanks for the RFQ, appreciate the opportunity. Pricing below per your prints.

Lone Star Machining, Inc. - Quote LSM-Q-25-0412
Date: 04/14/2025

HSG-1140 Rev D  Pump housing, 6061-T6, clear anodize
     500 pcs ..... $14.80 ea
   1,000 pcs ..... $13.95 ea
   2,500 pcs ..... $12.60 ea

SHFT-0087 Rev B  Drive shaft, 416 SS, centerless ground
     250 pcs ..... $22.40 ea
   1,000 pcs ..... $19.75 ea

CVR-2203 Rev A  End cover, 6061-T6, clear anodize
   1,000 pcs ..... $3.15 ea
   5,000 pcs ..... $2.88 ea

There is a one time fixture charge of $1,850.00 for the housing.
Lead time on the housing and the cover is 6-8 weeks ARO, shafts 4 weeks.
MOQ on the cover is 1,000 pcs.

Terms Net 30. F.O.B. Dallas, TX - freight prepay & add.
Prices firm thru 06/30/2025.

Let me know if you have any questions!

Best regards,
Dale Whitaker
Sales Engineer
Lone Star Machining, Inc.
1200 Industrial Blvd, Dallas, TX 75207
(214) 555-0148
"""
write_doc("t01_dotted_rows_en.txt", T01)
write_truth("t01_dotted_rows_en.txt", {
    "about": about("txt", "en", [1, 3, 4, 5, 7],
                   "pasted mail body: part heading lines, then '1,000 pcs ..... $3.15 ea' rows; fixture, lead time, MOQ in prose; F.O.B. City, ST; firm thru US date"),
    "header": {
        "supplier": "Lone Star Machining, Inc.",
        "quote_ref": "LSM-Q-25-0412",
        "quote_date": "2025-04-14",
        "currency": "USD",
        "valid_until": "2025-06-30",
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Dallas, TX",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "HSG-1140", "revision": "D", "description": "Pump housing, 6061-T6, clear anodize",
         "uom": "H87", "breaks": [["500", "14.80"], ["1000", "13.95"], ["2500", "12.60"]],
         "lead_time_days": 56, "tooling": [["Fixture charge", "1850.00"]]},
        {"part_number": "SHFT-0087", "revision": "B", "description": "Drive shaft, 416 SS, centerless ground",
         "uom": "H87", "breaks": [["250", "22.40"], ["1000", "19.75"]], "lead_time_days": 28},
        {"part_number": "CVR-2203", "revision": "A", "description": "End cover, 6061-T6, clear anodize",
         "uom": "H87", "breaks": [["1000", "3.15"], ["5000", "2.88"]], "moq": "1000", "lead_time_days": 56},
    ],
})

# ---------------------------------------------------------------- t02: Markdown table, German, per 100
T02 = """Hallo Herr Brandt,

vielen Dank für Ihre Anfrage vom 02.04.2025. Gerne bieten wir Ihnen wie folgt an:

**Angebot Nr. 25-0318** vom 07.04.2025
Gültig bis: 31.05.2025

| Pos | Artikel-Nr. | Bezeichnung | Menge | Preis je 100 Stk | Lieferzeit |
|----:|-------------|-------------|------:|-----------------:|------------|
| 1 | 7200-114 | Distanzbolzen M4x12, Messing vernickelt | 5.000 Stk | 18,40 € | 3 Wochen |
|   |          |                                         | 20.000 Stk | 15,90 € |            |
| 2 | 7200-131 | Distanzbolzen M5x20, Edelstahl A2 | 2.000 Stk | 41,20 € | 4 Wochen |
| 3 | 7310-002 | Passscheibe 10x16x0,5 DIN 988 | 10.000 Stk | 3,75 € | ab Lager |

Für Pos. 2 (Sonderlänge) fallen einmalige Werkzeugkosten von 680,00 € an.

Zahlung: 14 Tage 2 % Skonto, 30 Tage netto.
Lieferung: FCA Stuttgart, zzgl. Fracht und Verpackung.

Mit freundlichen Grüßen

Sabine Keller
Vertrieb Innendienst
Keller Drehteile GmbH | Heilbronner Str. 44 | 70191 Stuttgart
"""
write_doc("t02_markdown_per100_de.txt", T02)
write_truth("t02_markdown_per100_de.txt", {
    "about": about("txt", "de", [1, 2, 3, 4, 7],
                   "Markdown table pasted in a mail, price per 100 pcs, break as a continuation row, tooling in a sentence, Skonto, buyer's inquiry date before the quote date"),
    "header": {
        "supplier": "Keller Drehteile GmbH",
        "quote_ref": "25-0318",
        "quote_date": "2025-04-07",
        "currency": "EUR",
        "valid_until": "2025-05-31",
        "payment_net_days": 30,
        "payment_discount_pct": "2",
        "payment_discount_days": 14,
        "incoterm": "FCA",
        "incoterm_place": "Stuttgart",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "7200-114", "description": "Distanzbolzen M4x12, Messing vernickelt", "uom": "H87",
         "price_basis_qty": "100", "breaks": [["5000", "0.184"], ["20000", "0.159"]], "lead_time_days": 21},
        {"part_number": "7200-131", "description": "Distanzbolzen M5x20, Edelstahl A2", "uom": "H87",
         "price_basis_qty": "100", "breaks": [["2000", "0.412"]], "lead_time_days": 28,
         "tooling": [["Werkzeugkosten", "680.00"]]},
        {"part_number": "7310-002", "description": "Passscheibe 10x16x0,5 DIN 988", "uom": "H87",
         "price_basis_qty": "100", "breaks": [["10000", "0.0375"]], "lead_time_days": 0},
    ],
})

# ---------------------------------------------------------------- t03: Italian prose, bullets
T03 = """Buongiorno Sig. Ferrari,

facendo seguito alla Vs. richiesta d'offerta RDO-2025-044 del 10/03/2025, Vi trasmettiamo la nostra migliore offerta n. 112/25 del 13/03/2025:

- Cod. 40-1187 Rev. C, staffa in lamiera zincata sp. 2 mm: 1.000 pz a € 1,42 cad.; 5.000 pz a € 1,18 cad.
- Cod. 40-1190 Rev. -, coperchio in ABS nero: 2.000 pz a € 0,86 cad. Per questo articolo è necessario uno stampo ad iniezione, costo € 3.800,00 una tantum.
- Cod. 40-1202, guarnizione in EPDM: non quotiamo la guarnizione, non rientra nella nostra produzione.
- Cod. 40-1215 Rev. B, perno in acciaio C40: in alternativa al materiale richiesto Vi proponiamo il perno in acciaio 11SMnPb37, ns. cod. P-1215-AU, a € 0,64 cad. per 3.000 pz.

Lotto minimo per la staffa 1.000 pz, multipli di 500 pz.
Consegna: 5 settimane dalla conferma d'ordine.
Resa: EXW Lumezzane (franco ns. stabilimento), trasporto escluso.
Pagamento: 60 gg d.f.f.m.
Validità offerta: 30 giorni.

Restiamo a disposizione per qualsiasi chiarimento.

Cordiali saluti
Marco Bianchi
Ufficio Commerciale
Bianchi Minuterie Metalliche S.r.l.
Via Industriale 18 - 25065 Lumezzane (BS)
"""
write_doc("t03_prose_bullets_it.txt", T03)
write_truth("t03_prose_bullets_it.txt", {
    "about": about("txt", "it", [1, 3, 5, 6, 7],
                   "bullet list in prose: mould in a sentence, no-bid by description, alternate in words with our code, MOQ/multiple/lead time in notes, revision '-', d.f.f.m. end-of-month terms, trasporto escluso"),
    "header": {
        "supplier": "Bianchi Minuterie Metalliche S.r.l.",
        "quote_ref": "112/25",
        "quote_date": "2025-03-13",
        "currency": "EUR",
        "validity_days": 30,
        "payment_net_days": 60,
        "payment_basis": "end_of_month",
        "incoterm": "EXW",
        "incoterm_place": "Lumezzane",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "40-1187", "revision": "C", "description": "staffa in lamiera zincata sp. 2 mm", "uom": "H87",
         "breaks": [["1000", "1.42"], ["5000", "1.18"]], "moq": "1000", "order_multiple": "500", "lead_time_days": 35},
        {"part_number": "40-1190", "description": "coperchio in ABS nero", "uom": "H87",
         "breaks": [["2000", "0.86"]], "lead_time_days": 35, "tooling": [["stampo ad iniezione", "3800.00"]]},
        {"part_number": "40-1202", "description": "guarnizione in EPDM", "no_bid": True,
         "no_bid_reason": "non rientra nella nostra produzione"},
        {"part_number": "40-1215", "revision": "B", "description": "perno in acciaio C40", "supplier_part": "P-1215-AU",
         "uom": "H87", "breaks": [["3000", "0.64"]], "lead_time_days": 35,
         "alternate": "perno in acciaio 11SMnPb37 instead of C40"},
    ],
})

# ---------------------------------------------------------------- t04: French, qty and price in one column
T04 = """Bonjour Madame Petit,

Suite à votre demande de prix, veuillez trouver ci-dessous notre offre.

Devis n° D2025-0219 du 19/02/2025
Offre valable jusqu'au 30/04/2025

Réf. client    Désignation                              Qté / Prix unitaire HT
PL-330-01      Plaque d'usure PEHD 300x300x10           250   12,30 €
                                                        1000  10,85 €
PL-330-02      Plaque d'usure PEHD 500x300x10           250   19,90 €
                                                        1000  17,60 €
BG-118         Bague de guidage Ø40 POM-C               500   3,42 €

Frais d'outillage (gabarit de découpe) : 450,00 € HT, facturés une seule fois.
Délai : 3 à 4 semaines.
Conditions de paiement : 45 jours fin de mois.
Départ usine (EXW) Oyonnax, port en sus.

Cordialement,

Julien Marchand
Technico-commercial
Plastiques Techniques du Bugey SAS
ZI Nord - 01100 Oyonnax
"""
write_doc("t04_qty_price_one_column_fr.txt", T04)
write_truth("t04_qty_price_one_column_fr.txt", {
    "about": about("txt", "fr", [1, 3, 4, 7],
                   "aligned text columns where quantity and price share one column ('250   12,30 €'), breaks on continuation rows, tooling for the whole quote in a sentence, 45 jours fin de mois, port en sus"),
    "header": {
        "supplier": "Plastiques Techniques du Bugey SAS",
        "quote_ref": "D2025-0219",
        "quote_date": "2025-02-19",
        "currency": "EUR",
        "valid_until": "2025-04-30",
        "payment_net_days": 45,
        "payment_basis": "end_of_month",
        "incoterm": "EXW",
        "incoterm_place": "Oyonnax",
        "freight": "extra",
        "tooling": [["Frais d'outillage (gabarit de découpe)", "450.00"]],
    },
    "lines": [
        {"part_number": "PL-330-01", "description": "Plaque d'usure PEHD 300x300x10",
         "breaks": [["250", "12.30"], ["1000", "10.85"]], "lead_time_days": 28},
        {"part_number": "PL-330-02", "description": "Plaque d'usure PEHD 500x300x10",
         "breaks": [["250", "19.90"], ["1000", "17.60"]], "lead_time_days": 28},
        {"part_number": "BG-118", "description": "Bague de guidage Ø40 POM-C",
         "breaks": [["500", "3.42"]], "lead_time_days": 28},
    ],
})

# ---------------------------------------------------------------- t05: chat-style zh-en, ¥ with RMB
T05 = """王经理您好 / Hi Mr. Wang,

以下是我们的报价 (quotation no. DY-250611)，日期 2025年6月11日：
所有价格为人民币含税 (RMB, incl. 13% VAT)。

1) 料号 P/N: 30-0456-01  硅胶按键 silicone keypad 12 keys
   单价 ¥3.20/pc, MOQ 5000 pcs, 交期 15天
2) 料号 P/N: 30-0457-02  导电胶条 conductive strip 50mm
   单价 ¥0.85/pc @ 10k pcs, ¥0.78/pc @ 50k pcs, 交期 10天
3) 料号 P/N: 30-0460-00  防水圈 waterproof ring
   此料暂不报价 (we cannot quote this item, material not available)

开模费 Tooling: 按键模具 ¥6,500 (keypad mould, one time), 导电胶条无需开模。
付款方式: 月结30天 (30 days end of month)
交货: 送货到贵司东莞工厂，运费我司承担 (delivered to your Dongguan factory, freight included)
报价有效期: 30天

东莞市鼎裕硅胶制品有限公司
Dongguan Dingyu Silicone Products Co., Ltd.
销售 李娜 Lina Li
"""
write_doc("t05_chat_zh_en.txt", T05)
write_truth("t05_chat_zh_en.txt", {
    "about": about("txt", "zh-en", [1, 3, 5, 7],
                   "chat-style bilingual quote: ¥ with RMB stated, MOQ and lead time inline, @ breaks with 10k/50k, tooling sentence, no-bid in words, 月结30天"),
    "header": {
        "supplier": "Dongguan Dingyu Silicone Products Co., Ltd.",
        "quote_ref": "DY-250611",
        "quote_date": "2025-06-11",
        "currency": "CNY",
        "validity_days": 30,
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "freight": "included",
    },
    "lines": [
        {"part_number": "30-0456-01", "description": "silicone keypad 12 keys", "uom": "H87",
         "breaks": [["5000", "3.20"]], "moq": "5000", "lead_time_days": 15,
         "tooling": [["keypad mould", "6500"]]},
        {"part_number": "30-0457-02", "description": "conductive strip 50mm", "uom": "H87",
         "breaks": [["10000", "0.85"], ["50000", "0.78"]], "lead_time_days": 10},
        {"part_number": "30-0460-00", "description": "waterproof ring", "no_bid": True,
         "no_bid_reason": "material not available"},
    ],
})
print("text: 5 documents")
