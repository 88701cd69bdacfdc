"""Workbooks: matrix price list, header-block template, merged headers, several sheets, price-unit cells."""
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from common import truth, write_bytes, OUT
import os


def save(wb, name):
    # fixed creation time so regenerating gives the same workbook metadata
    wb.properties.created = dt.datetime(2024, 1, 1)
    wb.properties.modified = dt.datetime(2024, 1, 1)
    bio = io.BytesIO()
    wb.save(bio)
    write_bytes(name, bio.getvalue())
    return bio.getvalue()


B = Font(bold=True)

# ---------------------------------------------------------------- h17 matrix: cross-section x cores, EUR per 100 m
wb = Workbook()
ws = wb.active
ws.title = "Preisliste 2024"
ws["A1"] = "Westfalen Kabelwerk GmbH"; ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Preisliste Steuerleitungen FLEXOCOM 110 – gültig vom 01.03.2024 bis 31.12.2024"
ws["A3"] = "Alle Preise in EUR je 100 m, netto, zzgl. MwSt. Lieferung ab Lager."
ws["A5"] = "Querschnitt mm²"; ws["A5"].font = B
ws["B4"] = "Aderzahl"; ws["B4"].font = B
ws.merge_cells("B4:E4")
for i, c in enumerate([2, 3, 4, 5]):
    ws.cell(row=5, column=2 + i, value="%d-adrig" % c).font = B
matrix = [
    ("0,75", [58.40, 71.20, 88.90, 104.60]),
    ("1,0", [66.10, 82.50, 101.30, 121.80]),
    ("1,5", [79.80, 101.90, 127.40, 154.20]),
    ("2,5", [112.60, 148.30, 186.70, 228.90]),
]
for r, (cs, prices) in enumerate(matrix):
    ws.cell(row=6 + r, column=1, value=cs)
    for i, p in enumerate(prices):
        cell = ws.cell(row=6 + r, column=2 + i, value=p)
        cell.number_format = "#,##0.00"
ws["A11"] = "Bestellbezeichnung: FLEXOCOM 110 <Aderzahl>x<Querschnitt>, z. B. FLEXOCOM 110 3x1,5"
ws["A12"] = "Mindestabnahme 100 m; Lieferung nur in Ringen zu 100 m."
ws["A13"] = "Zahlung: 30 Tage netto. Versand zzgl. Frachtkosten."
ws["A15"] = "Seite 1 von 1"
ws.column_dimensions["A"].width = 18
save(wb, "h17_matrix_kabel.xlsx")
# truth written per cell by hand: price per 100 m / 100
per_m = {
    ("0,75", 2): "0.584", ("0,75", 3): "0.712", ("0,75", 4): "0.889", ("0,75", 5): "1.046",
    ("1,0", 2): "0.661", ("1,0", 3): "0.825", ("1,0", 4): "1.013", ("1,0", 5): "1.218",
    ("1,5", 2): "0.798", ("1,5", 3): "1.019", ("1,5", 4): "1.274", ("1,5", 5): "1.542",
    ("2,5", 2): "1.126", ("2,5", 3): "1.483", ("2,5", 4): "1.867", ("2,5", 5): "2.289",
}
tl = []
for cs in ["0,75", "1,0", "1,5", "2,5"]:
    for c in [2, 3, 4, 5]:
        tl.append({"description": "FLEXOCOM 110 %dx%s" % (c, cs), "uom": "MTR", "price_basis_qty": "100",
                   "breaks": [["100", per_m[(cs, c)]]], "moq": "100", "order_multiple": "100", "lead_time_days": 0})
truth("h17_matrix_kabel",
      {"format": "xlsx", "language": "de", "classes": [1, 2, 5],
       "notes": "matrix price list (rows cross-section x columns cores), EUR per 100 m, MOQ and ring length in notes, no part numbers (lines by description)"},
      {"supplier": "Westfalen Kabelwerk GmbH", "quote_date": "2024-03-01", "currency": "EUR", "valid_until": "2024-12-31",
       "payment_net_days": 30, "freight": "extra"},
      tl)

# ---------------------------------------------------------------- h18 Japanese header-block template
wb = Workbook()
ws = wb.active
ws.title = "御見積書"
ws["A1"] = "御　見　積　書"; ws["A1"].font = Font(bold=True, size=16)
ws.merge_cells("A1:I1")
ws["A3"] = "株式会社ミドリ精機　御中"
ws["G3"] = "見積番号"; ws["H3"] = "HQ-2406-117"
ws["G4"] = "見積日"; ws["H4"] = dt.date(2024, 6, 17); ws["H4"].number_format = "yyyy/mm/dd"
ws["G5"] = "有効期限"; ws["H5"] = dt.date(2024, 7, 31); ws["H5"].number_format = "yyyy/mm/dd"
ws["A5"] = "件名：精密プレス部品　量産見積"
ws["G7"] = "北斗精密工業株式会社"
ws["G8"] = "〒399-0701 長野県塩尻市広丘野村1234"
ws["G9"] = "担当：営業課　小林"
ws["A11"] = "下記の通り御見積申し上げます。"
hdr = ["No.", "図番", "版", "品名", "数量", "単位", "単価（円）", "金額（円）", "納期"]
for i, h in enumerate(hdr):
    ws.cell(row=13, column=1 + i, value=h).font = B
rows = [
    (1, "HD-30112", "B", "プレートA（SUS304 t1.0）", 1000, "個", 86, 86000, "3週間"),
    (2, "HD-30115", "－", "ブラケットB（SPCC t2.3）", 500, "個", 412, 206000, "4週間"),
    (3, "HD-30120", "A", "カラー（C3604）", 2000, "個", 23.5, 47000, "3週間"),
    (4, "HD-30112", "B", "順送金型（HD-30112用）", 1, "式", 1250000, 1250000, "6週間"),
]
for r, row in enumerate(rows):
    for i, v in enumerate(row):
        ws.cell(row=14 + r, column=1 + i, value=v)
ws["G19"] = "小計"; ws["H19"] = 1589000
ws["G20"] = "消費税（10%）"; ws["H20"] = 158900
ws["G21"] = "合計"; ws["H21"] = 1747900
for r in (19, 20, 21):
    ws.cell(row=r, column=8).number_format = "#,##0"
ws["A23"] = "備考"
ws["A24"] = "１．支払条件：請求書発行後30日以内に銀行振込"
ws["A25"] = "２．運賃：当社負担（貴社工場渡し）"
ws["A26"] = "３．金型費は初回のみ申し受けます。"
save(wb, "h18_template_ja.xlsx")
truth("h18_template_ja",
      {"format": "xlsx", "language": "ja", "classes": [3, 6, 7],
       "notes": "header-block template (number/date/validity in a block at the right), quantity x unit price = amount, die charge as a table row (式), rev placeholder －, grand total incl. tax"},
      {"supplier": "北斗精密工業株式会社", "quote_ref": "HQ-2406-117", "quote_date": "2024-06-17",
       "currency": "JPY", "valid_until": "2024-07-31", "payment_net_days": 30, "freight": "included",
       "total": "1747900"},
      [
          {"part_number": "HD-30112", "description": "プレートA（SUS304 t1.0）", "revision": "B", "uom": "H87",
           "breaks": [["1000", "86"]], "quantity": "1000", "line_total": "86000", "lead_time_days": 21,
           "tooling": [["順送金型", "1250000"]]},
          {"part_number": "HD-30115", "description": "ブラケットB（SPCC t2.3）", "uom": "H87",
           "breaks": [["500", "412"]], "quantity": "500", "line_total": "206000", "lead_time_days": 28},
          {"part_number": "HD-30120", "description": "カラー（C3604）", "revision": "A", "uom": "H87",
           "breaks": [["2000", "23.5"]], "quantity": "2000", "line_total": "47000", "lead_time_days": 21},
      ])

# ---------------------------------------------------------------- h19 Chinese-English, merged price header with quantity sub-headers
wb = Workbook()
ws = wb.active
ws.title = "报价单 Quotation"
ws["A1"] = "深圳市恒泰精密模具有限公司  Shenzhen Hengtai Precision Mould Co., Ltd."; ws["A1"].font = Font(bold=True, size=13)
ws.merge_cells("A1:J1")
ws["A2"] = "报价单 QUOTATION"; ws.merge_cells("A2:J2"); ws["A2"].alignment = Alignment(horizontal="center")
ws["A3"] = "客户 Customer: Nordlicht Haushaltsgeräte GmbH"
ws["G3"] = "报价单号 Quote No.: HT-Q240520-03"
ws["A4"] = "联系人 Attn: Mr. Jonas Richter"
ws["G4"] = "日期 Date: 2024/05/20"
ws["G5"] = "币种 Currency: RMB 人民币 (含13%增值税 incl. 13% VAT)"
heads = ["序号\nNo.", "客户料号\nCustomer P/N", "我司料号\nOur P/N", "品名\nDescription", "材质\nMaterial",
         "单价 Unit Price (¥)", None, None, "模具费\nMould cost (¥)", "交期\nLead time"]
for i, h in enumerate(heads):
    if h:
        c = ws.cell(row=7, column=1 + i, value=h)
        c.font = B
        c.alignment = Alignment(wrap_text=True, horizontal="center")
ws.merge_cells("F7:H7")
for col in ("A", "B", "C", "D", "E", "I", "J"):
    ws.merge_cells("%s7:%s8" % (col, col))
for i, q in enumerate(["1,000 pcs", "5,000 pcs", "10,000 pcs"]):
    ws.cell(row=8, column=6 + i, value=q).font = B
data = [
    (1, "NL-40021", "HT-2405-011", "前壳 Front housing", "ABS+PC", 6.85, 5.92, 5.48, 38000, "25天 days"),
    (2, "NL-40022", "HT-2405-012", "后壳 Rear housing", "ABS+PC", 5.40, 4.66, 4.31, 34500, "25天 days"),
    (3, "NL-40030", "HT-2405-015", "按键 Button", "TPU 85A", 0.62, 0.48, 0.43, 12800, "20天 days"),
    (4, "NL-40035", "-", "导光柱 Light pipe", "PC clear", "不报价 No quote", None, None, None, "-"),
]
for r, row in enumerate(data):
    for i, v in enumerate(row):
        if v is not None:
            ws.cell(row=9 + r, column=1 + i, value=v)
ws["A14"] = "备注 Remarks:"
ws["A15"] = "1. 模具费一次性收取 Mould cost is charged once, not included in unit price."
ws["A16"] = "2. NL-40035 导光柱需高光模具，我司暂不报价 (no quote: high-gloss mould not available)."
ws["A17"] = "3. 付款方式 Payment: T/T 30% deposit with PO, 70% balance before shipment."
ws["A18"] = "4. 交货条件 Delivery term: FOB Shenzhen."
ws["A19"] = "5. 报价有效期 Validity: 30天 days."
ws["A21"] = "Prepared by 业务 Kevin Liu  |  Tel +86 755 5555 0188"
save(wb, "h19_merged_zh.xlsx")
truth("h19_merged_zh",
      {"format": "xlsx", "language": "zh-en", "classes": [3, 4, 6, 7],
       "notes": "merged price header with quantity sub-headers (pcs), mould cost column, Customer P/N vs Our P/N, ¥ with RMB stated, no-bid cell with '-' Our P/N, T/T deposit"},
      {"supplier": "Shenzhen Hengtai Precision Mould Co., Ltd.", "quote_ref": "HT-Q240520-03", "quote_date": "2024-05-20",
       "currency": "CNY", "validity_days": 30, "payment_deposit_pct": "30",
       "incoterm": "FOB", "incoterm_place": "Shenzhen"},
      [
          {"part_number": "NL-40021", "supplier_part": "HT-2405-011", "description": "前壳 Front housing", "uom": "H87",
           "breaks": [["1000", "6.85"], ["5000", "5.92"], ["10000", "5.48"]], "tooling": [["模具费 Mould cost", "38000"]],
           "lead_time_days": 25},
          {"part_number": "NL-40022", "supplier_part": "HT-2405-012", "description": "后壳 Rear housing", "uom": "H87",
           "breaks": [["1000", "5.40"], ["5000", "4.66"], ["10000", "4.31"]], "tooling": [["模具费 Mould cost", "34500"]],
           "lead_time_days": 25},
          {"part_number": "NL-40030", "supplier_part": "HT-2405-015", "description": "按键 Button", "uom": "H87",
           "breaks": [["1000", "0.62"], ["5000", "0.48"], ["10000", "0.43"]], "tooling": [["模具费 Mould cost", "12800"]],
           "lead_time_days": 20},
          {"part_number": "NL-40035", "description": "导光柱 Light pipe", "no_bid": True,
           "no_bid_reason": "high-gloss mould not available"},
      ])

# ---------------------------------------------------------------- h20 Mexican quote across three sheets
wb = Workbook()
ws = wb.active
ws.title = "Portada"
for r, v in enumerate([
    "COTIZACIÓN",
    "",
    "Proveedor: Troqueles y Estampados del Bajío, S.A. de C.V.",
    "Av. Tecnológico 1450, Parque Industrial, Celaya, Gto., México",
    "",
    "Cotización No.: TEB-COT-2024-0388",
    "Fecha: 22/08/2024",
    "Cliente: Autopartes Norteñas, S.A. de C.V. — Atn. Ing. Rodrigo Salinas (Compras)",
    "Vigencia: 30 días naturales",
    "Moneda: pesos mexicanos (MXN). Todos los importes con signo $ están expresados en MXN.",
    "",
    "Ver hojas 'Cotización' y 'Condiciones'.",
]):
    ws.cell(row=1 + r, column=1, value=v)
ws["A1"].font = Font(bold=True, size=14)
ws2 = wb.create_sheet("Cotización")
hdr = ["No. de parte cliente", "Rev.", "Descripción", "Cant. mínima", "Precio unitario", "Herramental (pago único)", "Tiempo de entrega"]
for i, h in enumerate(hdr):
    ws2.cell(row=1, column=1 + i, value=h).font = B
rows = [
    ("AN-5510", "C", "Soporte de escape, acero SAE 1010 2.5 mm", 2000, 18.40, 145000.00, "8 semanas"),
    ("AN-5512", "B", "Refuerzo de piso, acero HSLA 340", 2000, 26.75, 198500.00, "8 semanas"),
    ("AN-5520", "N/A", "Clip de arnés, acero de resorte", 10000, 1.92, None, "4 semanas"),
]
for r, row in enumerate(rows):
    for i, v in enumerate(row):
        c = ws2.cell(row=2 + r, column=1 + i, value=v if v is not None else "—")
        if i in (4, 5) and v is not None:
            c.number_format = '"$"#,##0.00'
        if i == 3:
            c.number_format = "#,##0"
ws3 = wb.create_sheet("Condiciones")
for r, v in enumerate([
    "Condiciones comerciales",
    "1. Condiciones de pago: 30 días fecha factura.",
    "2. Entrega FCA planta Celaya, Gto. (Incoterms 2020). Flete no incluido.",
    "3. El herramental se factura una sola vez, 100% a la aprobación de muestras (PPAP).",
    "4. Precios más IVA.",
    "",
    "Atentamente,",
    "Ing. Verónica Arriaga — Ventas",
]):
    ws3.cell(row=1 + r, column=1, value=v)
save(wb, "h20_multisheet_mx.xlsx")
truth("h20_multisheet_mx",
      {"format": "xlsx", "language": "es", "classes": [3, 5, 6, 7],
       "notes": "three sheets (cover with header fields, table, terms); $ stated as Mexican pesos; tooling column; Cant. mínima = MOQ; rev N/A"},
      {"supplier": "Troqueles y Estampados del Bajío, S.A. de C.V.", "quote_ref": "TEB-COT-2024-0388",
       "quote_date": "2024-08-22", "currency": "MXN", "validity_days": 30, "payment_net_days": 30,
       "incoterm": "FCA", "incoterm_place": "Celaya, Gto.", "freight": "extra"},
      [
          {"part_number": "AN-5510", "revision": "C", "description": "Soporte de escape, acero SAE 1010 2.5 mm",
           "breaks": [["2000", "18.40"]], "moq": "2000", "tooling": [["Herramental", "145000.00"]], "lead_time_days": 56},
          {"part_number": "AN-5512", "revision": "B", "description": "Refuerzo de piso, acero HSLA 340",
           "breaks": [["2000", "26.75"]], "moq": "2000", "tooling": [["Herramental", "198500.00"]], "lead_time_days": 56},
          {"part_number": "AN-5520", "description": "Clip de arnés, acero de resorte",
           "breaks": [["10000", "1.92"]], "moq": "10000", "lead_time_days": 28},
      ])

# ---------------------------------------------------------------- h21 price-unit cells (USD/1000pcs, wrapped 'per / 1000 pcs'), tooling rows, sets
wb = Workbook()
ws = wb.active
ws.title = "Quote KW-24-3318"
ws["A1"] = "Keystone Wire & Cable Assemblies Corp."; ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "1800 Hamilton Blvd, Allentown, PA 18104"
ws["A4"] = "Quote #"; ws["B4"] = "KW-24-3318"
ws["A5"] = "Date"; ws["B5"] = "05/07/2024"
ws["A6"] = "Valid until"; ws["B6"] = "06/30/2024"
ws["A7"] = "Customer"; ws["B7"] = "Blue Ridge Appliance Co."
hdr = ["Customer P/N", "Description", "Qty", "Unit Price", "Price Unit", "Lead Time"]
for i, h in enumerate(hdr):
    ws.cell(row=9, column=1 + i, value=h).font = B
rows = [
    ("BR-H-1001", "Harness kit, 6 circuits, 18 AWG", "200 sets", 14.20, "USD/set", "5 wks"),
    ("", "", "1,000 sets", 12.85, "USD/set", "5 wks"),
    ("BR-T-2040", "Ring terminal #10 stud, 16-14 AWG, tin plated", "5,000 pcs", "41.50 per\n1000 pcs", "", "3 wks"),
    ("", "", "25,000 pcs", 36.80, "USD/1000pcs", "3 wks"),
    ("BR-W-3100", "Hook-up wire UL1015 16 AWG black", "1,000 ft", 128.00, "USD/1000 ft", "2 wks"),
    ("BR-H-1001", "Electrical test fixture for BR-H-1001 (one-time)", "1 lot", 2400.00, "USD/lot", ""),
    ("BR-H-1001", "Crimp applicator tooling for BR-H-1001 (one-time)", "1 lot", 1850.00, "USD/lot", ""),
]
for r, row in enumerate(rows):
    for i, v in enumerate(row):
        c = ws.cell(row=10 + r, column=1 + i, value=v)
        if i == 3:
            c.alignment = Alignment(wrap_text=True)
            if isinstance(v, float):
                c.number_format = "#,##0.00"
ws["A18"] = "Terms: Net 30. FOB Allentown, PA. Freight not included."
ws["A19"] = "Tooling and fixtures are one-time charges, invoiced with first production order."
ws["A21"] = "Quoted by: Dave Kline, Inside Sales"
ws.column_dimensions["B"].width = 44
save(wb, "h21_price_unit_cells.xlsx")
truth("h21_price_unit_cells",
      {"format": "xlsx", "language": "en", "classes": [2, 3, 4],
       "notes": "Price Unit column USD/set, USD/1000pcs, USD/1000 ft; one price cell wrapped '41.50 per / 1000 pcs'; quantities with unit words (sets, pcs, ft); fixture and applicator as one-time rows; US dates"},
      {"supplier": "Keystone Wire & Cable Assemblies Corp.", "quote_ref": "KW-24-3318", "quote_date": "2024-05-07",
       "currency": "USD", "valid_until": "2024-06-30", "payment_net_days": 30,
       "incoterm": "FOB", "incoterm_place": "Allentown, PA", "freight": "extra"},
      [
          {"part_number": "BR-H-1001", "description": "Harness kit, 6 circuits, 18 AWG", "uom": "SET",
           "breaks": [["200", "14.20"], ["1000", "12.85"]], "lead_time_days": 35,
           "tooling": [["Electrical test fixture", "2400.00"], ["Crimp applicator tooling", "1850.00"]]},
          {"part_number": "BR-T-2040", "description": "Ring terminal #10 stud, 16-14 AWG, tin plated", "uom": "H87",
           "price_basis_qty": "1000", "breaks": [["5000", "0.0415"], ["25000", "0.0368"]], "lead_time_days": 21},
          {"part_number": "BR-W-3100", "description": "Hook-up wire UL1015 16 AWG black", "uom": "FOT",
           "price_basis_qty": "1000", "breaks": [["1000", "0.128"]], "lead_time_days": 14},
      ])
print("xlsx ok")
