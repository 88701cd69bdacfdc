"""heldout3 spreadsheets (x01-x06)."""
import openpyxl
from openpyxl.styles import Font, Alignment, PatternFill

from common import path, truth, B

BOLD = Font(bold=True)


def widths(ws, ws_w):
    for col, w in ws_w.items():
        ws.column_dimensions[col].width = w


# ------------------------------------------------------------------ x01 SAP VA23-style export, per 1,000 PC, tool row
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Quotation 20071144"
pre = [["Quotation", "20071144", "", "Precision Fastening Systems Ltd."],
       ["Created on", "08.12.2026", "", "Unit 4, Tame Valley Ind. Est., Birmingham B30 3AA"],
       ["Sold-to party", "104477 Harrow Fluid Controls plc"],
       ["Valid from", "08.12.2026"],
       ["Valid to", "31.03.2027"],
       ["Incoterms", "FCA Birmingham"],
       ["Payment terms", "ZB30 30 days net"],
       ["Document currency", "GBP"],
       []]
for r in pre:
    ws.append(r)
ws.append(["Item", "Material", "Customer Material Number", "Description", "Order Quantity", "SU",
           "Net price", "Pricing unit", "UoM", "Net value", "Curr.", "Deliv. date"])
for c in ws[ws.max_row]:
    c.font = BOLD
rows = [
    [10, "4000123", "BW-88-010", "Hex bolt M8x30 8.8 zinc flake", 20000, "PC", 27.50, 1000, "PC", 550.00, "GBP", "26.01.2027"],
    [20, "4000157", "BW-88-022", "Flange nut M8 A2-70", 10000, "PC", 64.20, 1000, "PC", 642.00, "GBP", "26.01.2027"],
    [30, "4000311", "BW-88-035", "Shoulder screw M6 special, drg BW-88-035 rev 2", 5000, "PC", 182.00, 1000, "PC", 910.00, "GBP", "09.02.2027"],
    [40, "9000001", "", "Heading tool for item 30 (one-off)", 1, "AU", 1450.00, 1, "AU", 1450.00, "GBP", ""],
]
for r in rows:
    ws.append(r)
    for c in ws[ws.max_row]:
        if isinstance(c.value, float):
            c.number_format = "#,##0.00"
        elif isinstance(c.value, int) and c.column in (5, 8):
            c.number_format = "#,##0"
ws.append([])
ws.append(["", "", "", "Net value", "", "", "", "", "", 3552.00, "GBP"])
ws.cell(row=ws.max_row, column=10).number_format = "#,##0.00"
widths(ws, {"A": 6, "B": 10, "C": 24, "D": 44, "E": 14, "G": 11, "H": 11, "J": 11, "L": 11})
n = "x01_sap_export_pricing_unit_tool_row_gbp_en.xlsx"
wb.save(path(n))
truth(n, "en", [1, 2, 3, 6, 7],
      "SAP quotation export: key/value preamble, Material (supplier) vs Customer Material Number, Net price per 'Pricing unit' 1,000 PC, Net value per line, a one-off heading tool as its own item referring to item 30, delivery dates instead of lead times, ZB30 payment key",
      {"supplier": "Precision Fastening Systems Ltd.", "quote_ref": "20071144", "quote_date": "2026-12-08", "currency": "GBP",
       "valid_until": "2027-03-31", "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Birmingham", "total": "3552.00"},
      [{"part_number": "BW-88-010", "supplier_part": "4000123", "description": "Hex bolt M8x30 8.8 zinc flake", "uom": "H87",
        "price_basis_qty": "1000", "quantity": "20000", "line_total": "550.00", "breaks": B("20000", "0.0275")},
       {"part_number": "BW-88-022", "supplier_part": "4000157", "description": "Flange nut M8 A2-70", "uom": "H87",
        "price_basis_qty": "1000", "quantity": "10000", "line_total": "642.00", "breaks": B("10000", "0.0642")},
       {"part_number": "BW-88-035", "supplier_part": "4000311", "revision": "2", "description": "Shoulder screw M6 special, drg BW-88-035 rev 2",
        "uom": "H87", "price_basis_qty": "1000", "quantity": "5000", "line_total": "910.00", "breaks": B("5000", "0.182"),
        "tooling": [("Heading tool", "1450.00")]}])

# ------------------------------------------------------------------ x02 Navision Verkaufsangebot, metre line, freight G/L line
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Verkaufsangebot"
for r in [["Bergische Steckverbinder GmbH"],
          ["Verkaufsangebot", "AN-104233"],
          ["Angebotsdatum", "10.12.26"],
          ["Gültig bis", "09.01.27"],
          ["Verk. an Deb.-Nr.", "D10552", "Wetterau Elektronik GmbH"],
          ["Zahlungsbedingung", "10 Tage 2 % Skonto, 30 Tage netto"],
          ["Lieferbedingung", "EXW Wuppertal (ab Werk)"],
          ["Lieferzeit", "3 Wochen"],
          ["Beträge in", "EUR"],
          []]:
    ws.append(r)
ws.append(["Art", "Nr.", "Referenznr.", "Beschreibung", "Menge", "Einheitencode", "VK-Preis ohne MwSt.",
           "Zeilenrabatt %", "Zeilenbetrag ohne MwSt."])
for c in ws[ws.max_row]:
    c.font = BOLD
for r in [["Artikel", "70-1120", "K-33017", "Steckergehäuse 4-pol. RM 5,08", 2000, "STÜCK", 0.874, None, 1748.00],
          ["Artikel", "70-1125", "K-33018", "Kontaktbuchse 0,5 mm² verzinnt", 8000, "STÜCK", 0.0615, None, 492.00],
          ["Artikel", "30-4450", "K-33040", "Leitung LiYCY 4x0,25 grau", 500, "METER", 1.38, None, 690.00],
          ["Sachkonto", "8400", "", "Frachtkosten pauschal", 1, "", 85.00, None, 85.00]]:
    ws.append(r)
    ws.cell(row=ws.max_row, column=5).number_format = "#,##0"
    ws.cell(row=ws.max_row, column=7).number_format = "#,##0.00##"
    ws.cell(row=ws.max_row, column=9).number_format = "#,##0.00"
ws.append([])
ws.append(["", "", "", "Summe EUR ohne MwSt.", "", "", "", "", 3015.00])
ws.cell(row=ws.max_row, column=9).number_format = "#,##0.00"
ws.append(["", "", "", "zzgl. 19 % MwSt."])
widths(ws, {"A": 12, "B": 10, "C": 12, "D": 34, "F": 14, "G": 18, "H": 14, "I": 22})
n = "x02_navision_metre_line_freight_row_eur_de.xlsx"
wb.save(path(n))
truth(n, "de", [1, 6, 7],
      "Dynamics NAV sales quote copied to Excel: two-digit-year dates, Nr. = supplier item, Referenznr. = customer part, an empty discount column, a cable line in METER, freight as a G/L-account line (not a part), net total including freight",
      {"supplier": "Bergische Steckverbinder GmbH", "quote_ref": "AN-104233", "quote_date": "2026-12-10", "currency": "EUR",
       "valid_until": "2027-01-09", "payment_net_days": 30, "payment_discount_pct": "2", "payment_discount_days": 10,
       "incoterm": "EXW", "incoterm_place": "Wuppertal", "freight": "per_shipment", "freight_amount": "85.00", "total": "3015.00"},
      [{"part_number": "K-33017", "supplier_part": "70-1120", "description": "Steckergehäuse 4-pol. RM 5,08", "uom": "H87",
        "quantity": "2000", "line_total": "1748.00", "breaks": B("2000", "0.874"), "lead_time_days": 21},
       {"part_number": "K-33018", "supplier_part": "70-1125", "description": "Kontaktbuchse 0,5 mm² verzinnt", "uom": "H87",
        "quantity": "8000", "line_total": "492.00", "breaks": B("8000", "0.0615"), "lead_time_days": 21},
       {"part_number": "K-33040", "supplier_part": "30-4450", "description": "Leitung LiYCY 4x0,25 grau", "uom": "MTR",
        "quantity": "500", "line_total": "690.00", "breaks": B("500", "1.38"), "lead_time_days": 21}])

# ------------------------------------------------------------------ x03 cs matrix cable per metre, whole drums
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Nabídka"
ws["A1"] = "KABELTECH Moravia s.r.o."
ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Průmyslová 1120/8, 709 00 Ostrava | IČO 00000000"
ws["A4"] = "Cenová nabídka č. CN-2026-318"
ws["A4"].font = BOLD
ws["A5"] = "Datum: 7. 12. 2026"
ws["A6"] = "Odběratel: ElektroStav Brno a.s."
ws["A8"] = "Kabel CYKY-J 450/750 V - cena Kč za 1 m bez DPH"
ws["A8"].font = BOLD
ws["A9"] = "Průřez (mm²)"
ws["B9"], ws["C9"], ws["D9"] = "3 žíly", "4 žíly", "5 žil"
for c in ws[9]:
    c.font = BOLD
matrix = [("1,5", 24.90, 31.40, 38.20), ("2,5", 37.60, 47.80, 58.90), ("4", 56.30, 72.10, "—"), ("6", 81.50, 104.60, "—")]
for sec, *vals in matrix:
    ws.append([sec] + vals)
    for c in ws[ws.max_row][1:]:
        if isinstance(c.value, float):
            c.number_format = '#,##0.00 "Kč"'
ws.append([])
for t in ["Prodej pouze po celých bubnech à 500 m.",
          "Ceny platí při ceně mědi 9 500 EUR/t (DEL notace); při změně o více než 5 % si vyhrazujeme úpravu cen.",
          "Dodací lhůta: 2 týdny od objednávky.",
          "Dodací podmínky: FCA Ostrava.",
          "Splatnost faktur: 30 dní.",
          "Platnost nabídky: 14 dní."]:
    ws.append([t])
widths(ws, {"A": 16, "B": 13, "C": 13, "D": 13})
n = "x03_matrix_cable_per_metre_drums_czk_cs.xlsx"
wb.save(path(n))
lines = []
for sec, *vals in matrix:
    for cores, v in zip((3, 4, 5), vals):
        if isinstance(v, float):
            lines.append({"description": f"CYKY-J {cores}x{sec}", "uom": "MTR", "breaks": B("500", f"{v:.2f}"),
                          "moq": "500", "order_multiple": "500", "lead_time_days": 14})
truth(n, "cs", [1, 2, 5, 7],
      "Czech matrix price list: cross-section rows × core-count columns, Kč per metre in a number format, cable sold only in whole 500 m drums, copper-price clause, dash cells not offered (no lines); lines are named by type + cores x section",
      {"supplier": "KABELTECH Moravia s.r.o.", "quote_ref": "CN-2026-318", "quote_date": "2026-12-07", "currency": "CZK",
       "validity_days": 14, "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Ostrava"},
      lines)

# ------------------------------------------------------------------ x04 zh 报价单 mould column, MOQ column, 月结
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "报价单"
ws["A1"] = "东莞市鑫达精密五金有限公司"
ws["A1"].font = Font(bold=True, size=14)
ws.merge_cells("A1:I1")
ws["A2"] = "报 价 单"
ws.merge_cells("A2:I2")
ws["A2"].alignment = Alignment(horizontal="center")
ws["A3"], ws["B3"], ws["F3"], ws["G3"] = "客户：", "深圳市海川电子科技有限公司", "报价单号：", "XD-Q20261208-02"
ws["A4"], ws["B4"], ws["F4"], ws["G4"] = "联系人：", "王小姐", "日期：", "2026/12/08"
ws["A5"], ws["B5"] = "币种：", "人民币（RMB）"
hdr = ["序号", "客户料号", "品名规格", "材质", "单价（含税13%）", "起订量（MOQ）", "模具费", "交期（天）", "备注"]
for i, h in enumerate(hdr):
    ws.cell(row=7, column=i + 1, value=h).font = BOLD
data = [[1, "6201-0034", "屏蔽罩 20x15x3", "洋白铜 0.2", 0.386, 5000, 8500, 15, ""],
        [2, "6201-0035", "接地弹片", "SUS301 0.15", 0.125, 10000, 4200, 15, ""],
        [3, "6201-0041", "铝外壳 CNC加工", "AL6061-T6", 23.50, 200, "—", 20, "阳极氧化 黑色"],
        [4, "6201-0050", "硅胶按键", "—", "不报价", "", "", "", "非本司业务范围"]]
for r, row in enumerate(data, start=8):
    for i, v in enumerate(row):
        c = ws.cell(row=r, column=i + 1, value=v)
        if i == 5 and isinstance(v, int):
            c.number_format = "#,##0"
        if i == 6 and isinstance(v, int):
            c.number_format = "¥#,##0"
for r, t in enumerate(["备注：", "1. 以上单价含13%增值税，送货到贵司，运费由我司承担。", "2. 付款方式：月结60天。",
                       "3. 报价有效期：30天。", "4. 模具费一次性收取，模具归客户所有。"], start=13):
    ws.cell(row=r, column=1, value=t)
ws.cell(row=19, column=1, value="制表：李工")
ws.cell(row=19, column=5, value="审核：陈经理")
widths(ws, {"A": 8, "B": 14, "C": 18, "D": 14, "E": 16, "F": 14, "G": 10, "H": 11, "I": 18})
n = "x04_baojiadan_mould_moq_columns_cny_zh.xlsx"
wb.save(path(n))
truth(n, "zh", [1, 3, 6, 7],
      "Chinese quotation form: merged title rows, header cells with units in full-width brackets, MOQ column (also the single break's quantity), 模具费 column as one-time tooling, 不报价 row, notes with tax-included delivered prices and 月结60天",
      {"supplier": "东莞市鑫达精密五金有限公司", "quote_ref": "XD-Q20261208-02", "quote_date": "2026-12-08", "currency": "CNY",
       "validity_days": 30, "payment_net_days": 60, "payment_basis": "end_of_month", "freight": "included"},
      [{"part_number": "6201-0034", "description": "屏蔽罩 20x15x3", "uom": "H87", "breaks": B("5000", "0.386"), "moq": "5000",
        "lead_time_days": 15, "tooling": [("模具费", "8500")]},
       {"part_number": "6201-0035", "description": "接地弹片", "uom": "H87", "breaks": B("10000", "0.125"), "moq": "10000",
        "lead_time_days": 15, "tooling": [("模具费", "4200")]},
       {"part_number": "6201-0041", "description": "铝外壳 CNC加工", "uom": "H87", "breaks": B("200", "23.50"), "moq": "200",
        "lead_time_days": 20},
       {"part_number": "6201-0050", "description": "硅胶按键", "no_bid": True, "no_bid_reason": "非本司业务范围"}])

# ------------------------------------------------------------------ x05 buyer's RFQ form filled in, EAU trap, N/Q, alternate
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "RFQ Response"
ws["A1"] = "NORTHWIND MEDICAL DEVICES - REQUEST FOR QUOTATION RFQ-NMD-2026-077"
ws["A1"].font = Font(bold=True, size=12)
ws["A2"] = "Buyer: Claire Hughes | Issued 11/20/2026 | Responses due 12/10/2026 | Required terms: Net 60, FCA origin"
info = [("Supplier name:", "Shenzhen Hongtai Precision Co., Ltd."), ("Supplier quote ref:", "HT-2612-0418"),
        ("Quote date:", "2026-12-09"), ("Currency:", "USD"), ("Incoterms:", "FOB Shenzhen"),
        ("Payment terms:", "T/T 30% deposit, 70% balance before shipment"), ("Quote validity:", "60 days")]
for i, (k, v) in enumerate(info, start=4):
    ws.cell(row=i, column=1, value=k).font = BOLD
    ws.cell(row=i, column=3, value=v).fill = PatternFill("solid", fgColor="FFF2CC")
h = 12
hdr = ["RFQ Line", "Part Number", "Rev", "Description", "EAU", "Qty 1", "Unit Price @ Qty 1", "Qty 2",
       "Unit Price @ Qty 2", "Tooling (one-time, USD)", "Lead Time (wks)", "MOQ", "Supplier comments / alternates"]
for i, t in enumerate(hdr):
    c = ws.cell(row=h, column=i + 1, value=t)
    c.font = BOLD
    c.alignment = Alignment(wrap_text=True)
data = [[1, "MB-2201", "C", "Bracket, SPCC 1.2 zinc plated", 20000, 5000, 0.412, 20000, 0.358, 3800, 4, 5000, ""],
        [2, "MB-2202", "A", "Cover, AL5052 1.0 anodized", 8000, 2000, 1.26, 8000, 1.09, 5600, 5, 2000, ""],
        [3, "MB-2210", "B", "Hinge pin, SUS303", 20000, 5000, "N/Q", 20000, "N/Q", "", "", "", "Turned part - not our scope, no quote"],
        [4, "MB-2215", "A", "Spring clip, SK5", 20000, 5000, 0.095, 20000, 0.081, 1200, 4, 5000, "Alternate: SUS301 in lieu of SK5, same price"]]
for r, row in enumerate(data, start=h + 1):
    for i, v in enumerate(row):
        c = ws.cell(row=r, column=i + 1, value=v)
        if i in (4, 5, 7, 11) and isinstance(v, int):
            c.number_format = "#,##0"
        if i in (6, 8) and isinstance(v, float):
            c.number_format = "$#,##0.000"
        if i == 9 and isinstance(v, int):
            c.number_format = "$#,##0"
        if i >= 5 and v != "" and i not in (7,):
            c.fill = PatternFill("solid", fgColor="FFF2CC")
widths(ws, {"A": 8, "B": 12, "C": 5, "D": 30, "E": 8, "F": 8, "G": 12, "H": 8, "I": 12, "J": 12, "K": 9, "L": 8, "M": 40})
n = "x05_buyer_form_filled_eau_nq_deposit_usd_en.xlsx"
wb.save(path(n))
truth(n, "en", [1, 3, 4, 5, 6, 7],
      "buyer's RFQ form filled in by the supplier: the buyer's required terms in the title block are not the quote's; EAU column is not a break; Qty 1/Qty 2 with price columns; tooling column; lead time in weeks; MOQ; N/Q line and an alternate in the comments; T/T deposit",
      {"supplier": "Shenzhen Hongtai Precision Co., Ltd.", "quote_ref": "HT-2612-0418", "quote_date": "2026-12-09",
       "currency": "USD", "validity_days": 60, "payment_deposit_pct": "30", "incoterm": "FOB", "incoterm_place": "Shenzhen"},
      [{"part_number": "MB-2201", "revision": "C", "description": "Bracket, SPCC 1.2 zinc plated", "breaks": B("5000", "0.412", "20000", "0.358"),
        "tooling": [("Tooling", "3800")], "lead_time_days": 28, "moq": "5000", "rfq_line": "1"},
       {"part_number": "MB-2202", "revision": "A", "description": "Cover, AL5052 1.0 anodized", "breaks": B("2000", "1.26", "8000", "1.09"),
        "tooling": [("Tooling", "5600")], "lead_time_days": 35, "moq": "2000", "rfq_line": "2"},
       {"part_number": "MB-2210", "description": "Hinge pin, SUS303", "no_bid": True, "no_bid_reason": "Turned part - not our scope, no quote", "rfq_line": "3"},
       {"part_number": "MB-2215", "revision": "A", "description": "Spring clip, SK5", "breaks": B("5000", "0.095", "20000", "0.081"),
        "tooling": [("Tooling", "1200")], "lead_time_days": 28, "moq": "5000", "alternate": "SUS301 in lieu of SK5, same price", "rfq_line": "4"}],
      rfq={"rfq": "RFQ-NMD-2026-077", "currency": "USD", "lines": [
          {"line": "1", "part_number": "MB-2201", "revision": "C", "description": "Bracket, SPCC 1.2 zinc plated", "quantities": ["5000", "20000"], "target_price": "0.39"},
          {"line": "2", "part_number": "MB-2202", "revision": "A", "description": "Cover, AL5052 1.0 anodized", "quantities": ["2000", "8000"]},
          {"line": "3", "part_number": "MB-2210", "revision": "B", "description": "Hinge pin, SUS303", "quantities": ["5000", "20000"]},
          {"line": "4", "part_number": "MB-2215", "revision": "A", "description": "Spring clip, SK5", "quantities": ["5000", "20000"]},
          {"line": "5", "part_number": "MB-2203", "revision": "A", "description": "Cover, AL5052 1.5 anodized", "quantities": ["2000"]}]})

# ------------------------------------------------------------------ x06 en-GB Per column M / C / ea mixed, tooling column
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Quote"
ws["A1"] = "Midlands Wire Forms Ltd"
ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "Quotation MWF/Q/26/0457     Date: 09/12/2026     Your enquiry: PO-ENQ-5512 (02/12/2026)"
ws["A3"] = "Prices in GBP (£). Per: M = per thousand, C = per hundred, ea = each."
hdr = ["Part No.", "Description", "Material", "10,000", "50,000", "100,000", "Per", "Tooling £", "Lead Time"]
for i, t in enumerate(hdr):
    ws.cell(row=5, column=i + 1, value=t).font = BOLD
ws.cell(row=4, column=4, value="Price at quantity").font = BOLD
ws.merge_cells("D4:F4")
data = [["WF-1102", "Circlip 12mm external", "C75S spring steel", 18.40, 15.90, 14.75, "M", 650, "4 wks"],
        ["WF-1108", "Wire clip, 3-bend, zinc", "BS 5216 HS3 wire", 62.50, 55.00, 51.20, "C", 1150, "5 wks"],
        ["WF-1120", "Torsion arm assembly", "316 stainless", 1.85, 1.62, 1.55, "ea", None, "6 wks"]]
for r, row in enumerate(data, start=6):
    for i, v in enumerate(row):
        c = ws.cell(row=r, column=i + 1, value=v)
        if isinstance(v, float):
            c.number_format = "£#,##0.00"
ws["A10"] = "All prices ex works Walsall; carriage extra at cost."
ws["A11"] = "Payment: 30 days end of month."
ws["A12"] = "Prices valid until 28/02/2027."
ws["A14"] = "Gareth Price - Sales Office - Midlands Wire Forms Ltd, Bloxwich Road, Walsall WS2 8XX"
widths(ws, {"A": 10, "B": 28, "C": 18, "D": 10, "E": 10, "F": 10, "G": 5, "H": 10, "I": 10})
n = "x06_per_column_m_c_ea_tooling_gbp_en.xlsx"
wb.save(path(n))
truth(n, "en", [2, 3, 4, 7],
      "UK spring maker: merged 'Price at quantity' over numeric quantity headers, a Per column mixing M, C and ea explained in a legend, tooling column, lead time per row in weeks, ex works place in prose, UK day-first dates, 30 days EOM",
      {"supplier": "Midlands Wire Forms Ltd", "quote_ref": "MWF/Q/26/0457", "quote_date": "2026-12-09", "currency": "GBP",
       "valid_until": "2027-02-28", "payment_net_days": 30, "payment_basis": "end_of_month",
       "incoterm": "EXW", "incoterm_place": "Walsall", "freight": "extra"},
      [{"part_number": "WF-1102", "description": "Circlip 12mm external", "price_basis_qty": "1000",
        "breaks": B("10000", "0.0184", "50000", "0.0159", "100000", "0.01475"), "tooling": [("Tooling", "650")], "lead_time_days": 28},
       {"part_number": "WF-1108", "description": "Wire clip, 3-bend, zinc", "price_basis_qty": "100",
        "breaks": B("10000", "0.625", "50000", "0.55", "100000", "0.512"), "tooling": [("Tooling", "1150")], "lead_time_days": 35},
       {"part_number": "WF-1120", "description": "Torsion arm assembly", "uom": "H87",
        "breaks": B("10000", "1.85", "50000", "1.62", "100000", "1.55"), "lead_time_days": 42}])
