"""Plain-text bodies pasted by a buyer (Markdown tables, bullets, dot leaders)."""
from common import truth, write_text

# ---------------------------------------------------------------- h01
write_text("h01_markdown_stamping.txt", """Hi Dana,

Thanks for the RFQ. Pricing below, let me know if you have questions.

| Part #     | Rev | Description                        | 500 pcs | 1,000 pcs | 5,000 pcs | Lead time |
|------------|-----|------------------------------------|--------:|----------:|----------:|-----------|
| HC-1187    | B   | Mounting bracket, 14ga CRS, zinc   | $1.42   | $1.18     | $0.96     | 4-5 wks   |
| HC-1190    | -   | Spacer plate, 304 SS               | $2.75   | $2.31     | $1.98     | 5-6 wks   |
| HC-2204-01 | C   | Hinge leaf RH                      | $0.88   | $0.74     | $0.61     | 4-5 wks   |
| HC-2204-02 | C   | Hinge leaf LH                      | $0.88   | $0.74     | $0.61     | 4-5 wks   |

* HC-1190 needs a new forming fixture: **$850.00 one-time NRE**, billed with the first PO.
* Pricing is firm thru 05/31/2024.
* Terms Net 30. F.O.B. Dayton, OH - freight prepay & add.
* Quote # RPS-24-0412, dated April 3, 2024.

Best regards,

Mike Kowalski
Sales Engineer | Ridgeline Precision Stamping, Inc.
3140 Valley Pike, Dayton, OH 45404
937-555-0142
""")
truth("h01_markdown_stamping",
      {"format": "txt", "language": "en", "classes": [1, 3, 6, 7],
       "notes": "pasted Markdown table, qty-with-unit break headers, NRE in a bullet, rev '-' placeholder, F.O.B. City, ST, prepay & add"},
      {"supplier": "Ridgeline Precision Stamping, Inc.", "quote_ref": "RPS-24-0412",
       "quote_date": "2024-04-03", "currency": "USD", "valid_until": "2024-05-31",
       "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Dayton, OH",
       "freight": "extra"},
      [
          {"part_number": "HC-1187", "description": "Mounting bracket, 14ga CRS, zinc", "revision": "B",
           "uom": "H87", "breaks": [["500", "1.42"], ["1000", "1.18"], ["5000", "0.96"]], "lead_time_days": 35},
          {"part_number": "HC-1190", "description": "Spacer plate, 304 SS",
           "uom": "H87", "breaks": [["500", "2.75"], ["1000", "2.31"], ["5000", "1.98"]], "lead_time_days": 42,
           "tooling": [["forming fixture NRE", "850.00"]]},
          {"part_number": "HC-2204-01", "description": "Hinge leaf RH", "revision": "C",
           "uom": "H87", "breaks": [["500", "0.88"], ["1000", "0.74"], ["5000", "0.61"]], "lead_time_days": 35},
          {"part_number": "HC-2204-02", "description": "Hinge leaf LH", "revision": "C",
           "uom": "H87", "breaks": [["500", "0.88"], ["1000", "0.74"], ["5000", "0.61"]], "lead_time_days": 35},
      ])

# ---------------------------------------------------------------- h02
write_text("h02_bullets_drehteile.txt", """Sehr geehrter Herr Albers,

vielen Dank für Ihre Anfrage vom 12.02.2024. Gerne bieten wir Ihnen wie folgt an:

Angebot Nr. 24-0193 vom 19.02.2024

Pos. 1 – Welle Ø20 x 185, 42CrMo4 vergütet, Zeichnungs-Nr. 4711-020-01, Index C
  • ab 50 Stk.:   18,90 €/Stk.
  • ab 200 Stk.:  15,40 €/Stk.
  • ab 500 Stk.:  13,85 €/Stk.

Pos. 2 – Flansch DN40, S355, Zeichnungs-Nr. 4711-031-00, Index A
  • ab 50 Stk.:   27,60 €/Stk.
  • ab 200 Stk.:  24,10 €/Stk.

Pos. 3 – Distanzhülse 12x8x30, Zeichnungs-Nr. 4711-044-02
  • ab 100 Stk.:   2,35 €/Stk.
  • ab 1.000 Stk.: 1,72 €/Stk.
  Für diese Position ist eine Mindestabnahme von 100 Stück erforderlich, Lieferung nur in VPE zu 50 Stück.

Die Flachdichtung (Pos. 4, Zeichnungs-Nr. 4711-090-00) bieten wir nicht an, da wir keine Elastomerteile fertigen.

Für Pos. 2 berechnen wir einmalig Vorrichtungskosten in Höhe von 640,00 €.
Lieferzeit: 6–8 Wochen nach Auftragseingang.
Preise netto ab Werk Pforzheim (EXW Incoterms 2020), zzgl. Verpackung und Fracht, zzgl. gesetzl. MwSt.
Zahlungsbedingungen: 14 Tage 2 % Skonto, 30 Tage netto.
Angebot gültig bis 30.04.2024.

Mit freundlichen Grüßen
i. A. Jana Vogt
Vertrieb Innendienst

Kessler Drehteile GmbH & Co. KG
Industriestraße 14 · 75179 Pforzheim
Tel. +49 7231 55 80-0 · www.kessler-drehteile.example
Sitz Pforzheim · AG Mannheim HRA 70 1234
""")
truth("h02_bullets_drehteile",
      {"format": "txt", "language": "de", "classes": [1, 3, 5, 7],
       "notes": "bullet-list breaks under position heading lines, MOQ/VPE and no-bid in prose, Vorrichtungskosten sentence, quote date vs enquiry date"},
      {"supplier": "Kessler Drehteile GmbH & Co. KG", "quote_ref": "24-0193", "quote_date": "2024-02-19",
       "currency": "EUR", "valid_until": "2024-04-30", "payment_net_days": 30,
       "payment_discount_pct": "2", "payment_discount_days": 14,
       "incoterm": "EXW", "incoterm_place": "Pforzheim", "freight": "extra"},
      [
          {"part_number": "4711-020-01", "description": "Welle Ø20 x 185, 42CrMo4 vergütet", "revision": "C",
           "uom": "H87", "breaks": [["50", "18.90"], ["200", "15.40"], ["500", "13.85"]], "lead_time_days": 56},
          {"part_number": "4711-031-00", "description": "Flansch DN40, S355", "revision": "A",
           "uom": "H87", "breaks": [["50", "27.60"], ["200", "24.10"]], "lead_time_days": 56,
           "tooling": [["Vorrichtungskosten", "640.00"]]},
          {"part_number": "4711-044-02", "description": "Distanzhülse 12x8x30",
           "uom": "H87", "breaks": [["100", "2.35"], ["1000", "1.72"]], "moq": "100", "order_multiple": "50",
           "lead_time_days": 56},
          {"part_number": "4711-090-00", "description": "Flachdichtung", "no_bid": True,
           "no_bid_reason": "keine Elastomerteile"},
      ])

# ---------------------------------------------------------------- h03
write_text("h03_dotleader_springs.txt", """NORTHWIND SPRING & WIRE LTD.
2250 Argentia Road, Unit 7, Mississauga, ON  L5N 6A5
Tel (905) 555-0177

QUOTATION   NSW-5521                               Date: 2024-06-12
To: Lakeshore Instruments Corp., Attn. Purchasing
Your ref.: email of June 5

All prices are in Canadian dollars (CAD). Prices per piece unless noted.

Item 1:  P/N LS-3307   Compression spring, music wire, .045 x .375 OD x 1.25 FL
       250 pcs ........... $1.84 ea
     1,000 pcs ........... $0.92 ea
     5,000 pcs ........... $0.61 ea

Item 2:  P/N LS-3312   Extension spring w/ hooks, SS302
       250 pcs ........... $2.36 ea
     1,000 pcs ........... $1.27 ea
     Tooling charge (one time) ...... $1,150.00

Item 3:  P/N LS-4020   Wire form clip, 1.2 mm spring steel
     2,500 pcs ........... $395.00/M
    10,000 pcs ........... $288.00/M

Delivery: 3 weeks ARO for items 1 and 3; 5 weeks ARO for item 2 (after tooling approval).
Terms: 1% 10 days, net 45 days.
FCA our dock, Mississauga, ON.
This quotation is valid for 60 days.

Thank you for the opportunity,
R. Desjardins, Inside Sales
""")
truth("h03_dotleader_springs",
      {"format": "txt", "language": "en", "classes": [1, 3, 4, 5, 7],
       "notes": "'1,000 pcs ..... $0.92 ea' rows under part heading lines, one item priced '/M'; $ stated as CAD; tooling row under a part; lead time per item in prose"},
      {"supplier": "Northwind Spring & Wire Ltd.", "quote_ref": "NSW-5521", "quote_date": "2024-06-12",
       "currency": "CAD", "validity_days": 60, "payment_net_days": 45, "payment_discount_pct": "1",
       "payment_discount_days": 10, "incoterm": "FCA", "incoterm_place": "Mississauga, ON"},
      [
          {"part_number": "LS-3307", "description": "Compression spring, music wire", "uom": "H87",
           "breaks": [["250", "1.84"], ["1000", "0.92"], ["5000", "0.61"]], "lead_time_days": 21},
          {"part_number": "LS-3312", "description": "Extension spring w/ hooks, SS302", "uom": "H87",
           "breaks": [["250", "2.36"], ["1000", "1.27"]], "lead_time_days": 35,
           "tooling": [["Tooling charge", "1150.00"]]},
          {"part_number": "LS-4020", "description": "Wire form clip, 1.2 mm spring steel", "uom": "H87",
           "price_basis_qty": "1000", "breaks": [["2500", "0.395"], ["10000", "0.288"]], "lead_time_days": 21},
      ])

# ---------------------------------------------------------------- h04
write_text("h04_oferta_inyeccion.txt", """Estimado Sr. Ortega:

Le adjuntamos nuestra oferta según su solicitud RFQ-0778 de fecha 02/09/2024.

OFERTA Nº: OF-24/1187          FECHA: 09/09/2024
Validez de la oferta: 45 días

Ref. cliente  | Descripción                        | Cantidad   | Precio unitario
--------------+------------------------------------+------------+----------------
MX-201-A      | Carcasa inyectada PA6 GF30, negra  | 1.000 uds  | 2,84 €
              |                                    | 5.000 uds  | 2,31 €
MX-202        | Tapa de carcasa PA6 GF30, negra    | 1.000 uds  | 1,12 €
              |                                    | 5.000 uds  | 0,94 €
MX-215        | Junta tórica 40x3 NBR              | —          | no ofertamos

Molde familia para MX-201-A y MX-202 (2+2 cavidades): 14.800,00 € (importe único, no incluido en el precio unitario).
La junta tórica MX-215 no la fabricamos; le recomendamos consultar a un proveedor de elastómeros.

Plazo de entrega: 5 semanas tras aprobación de muestras.
Forma de pago: transferencia a 60 días fecha factura, fin de mes.
Portes: debidos. Condiciones de entrega EXW Paterna (Valencia).
Precios sin IVA.

Atentamente,

Lucía Ferrer
Departamento Comercial
PLÁSTICOS TURIA, S.L. · Polígono Fuente del Jarro, C/ Ciudad de Sevilla 31 · 46988 Paterna
""")
truth("h04_oferta_inyeccion",
      {"format": "txt", "language": "es", "classes": [1, 3, 4, 5, 6, 7],
       "notes": "pipe table with breaks as rows (part left blank), family mould for two parts as header tooling, no-bid in a cell, Spanish end-of-month term, portes debidos"},
      {"supplier": "Plásticos Turia, S.L.", "quote_ref": "OF-24/1187", "quote_date": "2024-09-09",
       "currency": "EUR", "validity_days": 45, "payment_net_days": 60, "payment_basis": "end_of_month",
       "incoterm": "EXW", "incoterm_place": "Paterna (Valencia)", "freight": "extra",
       "tooling": [["Molde familia MX-201-A / MX-202", "14800.00"]]},
      [
          {"part_number": "MX-201-A", "description": "Carcasa inyectada PA6 GF30, negra", "uom": "H87",
           "breaks": [["1000", "2.84"], ["5000", "2.31"]], "lead_time_days": 35},
          {"part_number": "MX-202", "description": "Tapa de carcasa PA6 GF30, negra", "uom": "H87",
           "breaks": [["1000", "1.12"], ["5000", "0.94"]], "lead_time_days": 35},
          {"part_number": "MX-215", "description": "Junta tórica 40x3 NBR", "no_bid": True,
           "no_bid_reason": "no ofertamos"},
      ])

# ---------------------------------------------------------------- h05
write_text("h05_mitsumori_ja.txt", """株式会社ミドリ精機
購買部　田中様

いつも大変お世話になっております。
2024年3月1日付のお見積り依頼（RFQ-J-0316）につきまして、下記の通りお見積り申し上げます。

見積番号：MQ-240308-02
見積日：2024年3月8日
見積有効期限：見積日より30日間

品番　　　　品名　　　　　　　　　　数量　　　　単価（円）
SK-1021　　アルミ削り出しカバー　　　100個　　　　¥4,850
　　　　　　　　　　　　　　　　　　　500個　　　　¥3,920
SK-1022　　ブラケット（SPCC t1.6）　1,000個　　　¥265
　　　　　　　　　　　　　　　　　　　5,000個　　　¥212
SK-1030　　樹脂スペーサー　　　　　　－　　　　　　辞退

※SK-1022につきましては、金型費として別途 ¥380,000（一式）を申し受けます。
※SK-1030は当社設備では対応できないため、今回は辞退させていただきます。

納期：SK-1021 受注後4週間、SK-1022 受注後6週間（金型完成後）
支払条件：月末締め翌月末払い
受渡条件：貴社指定場所持込（運賃込み）
単価は消費税抜きです。

以上、よろしくご検討のほどお願い申し上げます。

山本製作所株式会社
営業部　佐藤　健
TEL 048-555-0123
""")
truth("h05_mitsumori_ja",
      {"format": "txt", "language": "ja", "classes": [1, 3, 5, 7],
       "notes": "full-width spacing table with breaks as rows; mould charge and no-bid in ※ notes; 月末締め翌月末払い taken as 30 days end of month"},
      {"supplier": "山本製作所株式会社", "quote_ref": "MQ-240308-02", "quote_date": "2024-03-08",
       "currency": "JPY", "validity_days": 30, "payment_net_days": 30, "payment_basis": "end_of_month",
       "freight": "included"},
      [
          {"part_number": "SK-1021", "description": "アルミ削り出しカバー", "uom": "H87",
           "breaks": [["100", "4850"], ["500", "3920"]], "lead_time_days": 28},
          {"part_number": "SK-1022", "description": "ブラケット（SPCC t1.6）", "uom": "H87",
           "breaks": [["1000", "265"], ["5000", "212"]], "lead_time_days": 42,
           "tooling": [["金型費", "380000"]]},
          {"part_number": "SK-1030", "description": "樹脂スペーサー", "no_bid": True, "no_bid_reason": "辞退"},
      ])
print("text ok")
