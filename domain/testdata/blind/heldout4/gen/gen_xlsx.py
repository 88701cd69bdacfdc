"""XLSX quotes: merged headers, matrix price list, break rows, buyer template, two sheets,
wrapped header cells, tier-range headers, price-with-unit text cells."""
import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from common import write_doc, write_truth, about, br

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def save(wb):
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def put(ws, row, values, start=1, fmt=None, bold=False):
    for i, v in enumerate(values):
        if v is None:
            continue
        c = ws.cell(row=row, column=start + i, value=v)
        if bold:
            c.font = BOLD
        if fmt and isinstance(v, (int, float)) and not isinstance(v, bool):
            c.number_format = fmt


# ---------------------------------------------------------------- x01
def x01():
    wb = Workbook()
    ws = wb.active
    ws.title = "Offerta"
    ws["A1"] = "Officine Meccaniche Valtrompia S.p.A."
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:I1")
    ws["A2"] = "Via degli Artigiani 7 – 25063 Gardone V.T. (BS) – P.IVA 01234560987 – Tel. 030 891 2233"
    ws.merge_cells("A2:I2")
    ws["A4"] = "OFFERTA N."
    ws["B4"] = "OMV-25-0412"
    ws["D4"] = "Data"
    ws["E4"] = dt.datetime(2025, 11, 12)
    ws["E4"].number_format = "dd/mm/yyyy"
    ws["A5"] = "Spett.le"
    ws["B5"] = "Rossi Automazione S.r.l. – Vs. richiesta RDO 25/118 del 03/11/2025"
    for rng, text in [("A7:A8", "Pos."), ("B7:B8", "Codice cliente"), ("C7:C8", "Descrizione"),
                      ("D7:D8", "Rev."), ("E7:G7", "Prezzo unitario € / pz"),
                      ("H7:H8", "Attrezzatura €\n(una tantum)"), ("I7:I8", "Consegna")]:
        first = rng.split(":")[0]
        ws[first] = text
        ws[first].font = BOLD
        ws[first].alignment = WRAP
        ws.merge_cells(rng)
    put(ws, 8, ["100 pz", "500 pz", "1.000 pz"], start=5, bold=True)
    put(ws, 9, [1, "31-0770", "Perno filettato M10 acciaio 11SMnPb37 brunito", "B", 2.45, 2.10, 1.86,
                "—", "4 settimane"], fmt="#,##0.00")
    put(ws, 10, [2, "31-0775", "Boccola in ottone CW614N\nØ16x22, foro Ø10", "A", 3.90, 3.35, 2.98,
                 1200, "5 settimane"], fmt="#,##0.00")
    ws["C10"].alignment = WRAP
    put(ws, 11, [3, "31-0790", "Ghiera di bloccaggio M24x1,5", "-"])
    ws["E11"] = "non quotato"
    ws.merge_cells("E11:G11")
    notes = ["Note:",
             "- Resa: EXW Gardone V.T., imballo compreso, trasporto escluso.",
             "- Lotto minimo 100 pz per articolo.",
             "- Pagamento: Ri.Ba. 60 gg d.f. fine mese.",
             "- Validità offerta: 31/12/2025."]
    for i, n in enumerate(notes):
        ws.cell(row=13 + i, column=1, value=n)
    ws.column_dimensions["C"].width = 38
    return save(wb)


write_doc("x01_merged_prezzo_header_attrezzatura_eur_it.xlsx", x01())
write_truth("x01_merged_prezzo_header_attrezzatura_eur_it.xlsx", {
    "about": about("xlsx", "it", [3, 4, 5, 6, 7],
                   "two-row header: merged 'Prezzo unitario € / pz' over 100 / 500 / 1.000 pz "
                   "sub-headers, tooling column 'Attrezzatura € (una tantum)', wrapped description "
                   "cell, 'non quotato' merged across the price cells, rev '-', MOQ / terms in notes, "
                   "buyer's RFQ date in the header, 60 gg d.f. fine mese, EXW + trasporto escluso"),
    "header": {
        "supplier": "Officine Meccaniche Valtrompia S.p.A.",
        "quote_ref": "OMV-25-0412",
        "quote_date": "2025-11-12",
        "currency": "EUR",
        "valid_until": "2025-12-31",
        "payment_net_days": 60,
        "payment_basis": "end_of_month",
        "incoterm": "EXW",
        "incoterm_place": "Gardone V.T.",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "31-0770", "revision": "B",
         "description": "Perno filettato M10 acciaio 11SMnPb37 brunito", "uom": "H87",
         "breaks": br(("100", "2.45"), ("500", "2.10"), ("1000", "1.86")),
         "moq": "100", "lead_time_days": 28},
        {"part_number": "31-0775", "revision": "A",
         "description": "Boccola in ottone CW614N Ø16x22, foro Ø10", "uom": "H87",
         "breaks": br(("100", "3.90"), ("500", "3.35"), ("1000", "2.98")),
         "moq": "100", "lead_time_days": 35, "tooling": [["Attrezzatura", "1200.00"]]},
        {"part_number": "31-0790", "description": "Ghiera di bloccaggio M24x1,5", "no_bid": True,
         "no_bid_reason": "non quotato"},
    ],
})


# ---------------------------------------------------------------- x02 matrix
MATRIX = {  # EUR per 100 m, typed by hand
    "3G": ("168.40", "241.90", "362.50"),
    "4G": ("214.60", "312.80", "468.20"),
    "5G": ("262.10", "389.50", "586.70"),
}
PER_M = {  # the same prices per metre (÷ 100), typed by hand
    "3G": ("1.684", "2.419", "3.625"),
    "4G": ("2.146", "3.128", "4.682"),
    "5G": ("2.621", "3.895", "5.867"),
}
CROSS = ("1,5", "2,5", "4")


def x02():
    wb = Workbook()
    ws = wb.active
    ws.title = "H07RN-F"
    ws["A1"] = "Kabelwerk Rheintal GmbH & Co. KG"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Preisliste 2026/1 – Gummischlauchleitungen H07RN-F"
    ws["A3"] = "Stand: 01.01.2026 · Preise in EUR je 100 m, zzgl. MwSt. · Kupferbasis 850 €/100 kg"
    ws["A5"] = "H07RN-F"
    ws["B5"] = "Querschnitt mm²"
    ws["B5"].font = BOLD
    ws.merge_cells("B5:D5")
    ws["A6"] = "Aderzahl"
    ws["A6"].font = BOLD
    put(ws, 6, [c + " mm²" for c in CROSS], start=2, bold=True)
    for i, (cores, prices) in enumerate(MATRIX.items()):
        ws.cell(row=7 + i, column=1, value=cores)
        for j, p in enumerate(prices):
            c = ws.cell(row=7 + i, column=2 + j, value=float(p))
            c.number_format = "#,##0.00"
    ws["A11"] = "Lieferung nur in ganzen Trommeln à 500 m."
    ws["A12"] = "Zahlung: 30 Tage netto."
    ws["A13"] = "Kabelwerk Rheintal GmbH & Co. KG · Am Hafen 3 · 79576 Weil am Rhein · Tel. 07621 9830-0"
    return save(wb)


write_doc("x02_matrix_cores_by_section_per_100m_drums_eur_de.xlsx", x02())
lines = []
for cores in MATRIX:
    for j, cs in enumerate(CROSS):
        lines.append({"description": f"H07RN-F {cores} {cs} mm²", "uom": "MTR",
                      "price_basis_qty": "100", "breaks": br(("500", PER_M[cores][j])),
                      "moq": "500", "order_multiple": "500"})
write_truth("x02_matrix_cores_by_section_per_100m_drums_eur_de.xlsx", {
    "about": about("xlsx", "de", [1, 2, 5],
                   "matrix price list: rows = number of cores (3G/4G/5G), columns = cross-section "
                   "(merged 'Querschnitt mm²' over 1,5 / 2,5 / 4 mm²), EUR per 100 m stated in the "
                   "title line, sold only in full 500 m drums, list date as quote date"),
    "header": {
        "supplier": "Kabelwerk Rheintal GmbH & Co. KG",
        "quote_ref": "2026/1",
        "quote_date": "2026-01-01",
        "currency": "EUR",
        "payment_net_days": 30,
    },
    "lines": lines,
})


# ---------------------------------------------------------------- x03 break rows
def x03():
    wb = Workbook()
    ws = wb.active
    ws.title = "Quotation"
    ws["A1"] = "Brackley Precision Mouldings Ltd"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Unit 7, Tramway Ind. Est., Brackley NN13 7EZ · Tel 01280 700 455 · VAT GB 284 5512 90"
    ws["A4"] = "QUOTATION"
    ws["A5"] = "Quote ref:"
    ws["B5"] = "BPM/Q/25/1193"
    ws["A6"] = "Date:"
    ws["B6"] = "02/12/2025"
    ws["A7"] = "Valid until:"
    ws["B7"] = "31/01/2026"
    hdr = ["Part No.", "Description", "Quantity", "Price each (£)", "Lead time"]
    put(ws, 9, hdr, bold=True)
    rows = [
        ["BX-220-01", "Battery box lid, ABS V0 black", None, None, "6 weeks"],
        [None, None, "1,000 pcs", 1.84],
        [None, None, "5,000 pcs", 1.52],
        [None, "Injection mould tool (2 cavity), one-off charge", "1 set", 9850.00],
        ["BX-220-02", "Battery box base, ABS V0 black", None, None, "6 weeks"],
        [None, None, "1,000 pcs", 2.36],
        [None, None, "5,000 pcs", 1.98],
    ]
    r = 10
    for row in rows:
        put(ws, r, row, fmt="#,##0.00")
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Page 1 of 2")
    r += 2
    put(ws, r, hdr, bold=True)
    r += 1
    for row in [
        ["BX-220-03", "Screw kit (4x M3 self-tapper + gasket)", None, None, "2 weeks"],
        [None, None, "200 sets", 0.95],
        [None, None, "1,000 sets", 0.78],
    ]:
        put(ws, r, row, fmt="#,##0.00")
        r += 1
    r += 1
    for t in ["All prices in pounds sterling, ex VAT.",
              "Delivery: EXW Brackley. Carriage charged at cost.",
              "Payment: 30 days end of month following invoice.",
              "Page 2 of 2"]:
        ws.cell(row=r, column=1, value=t)
        r += 1
    ws.column_dimensions["B"].width = 44
    return save(wb)


write_doc("x03_break_rows_unit_words_tool_row_gbp_en.xlsx", x03())
write_truth("x03_break_rows_unit_words_tool_row_gbp_en.xlsx", {
    "about": about("xlsx", "en", [1, 3, 4, 7],
                   "breaks written as rows under a part row with unit words ('1,000 pcs', '200 sets'), "
                   "the mould tool as a row under its part, repeated header after a 'Page 1 of 2' row, "
                   "UK dates as text (31/01 proves day-first), EXW + carriage at cost, 30 days EOM"),
    "header": {
        "supplier": "Brackley Precision Mouldings Ltd",
        "quote_ref": "BPM/Q/25/1193",
        "quote_date": "2025-12-02",
        "currency": "GBP",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "incoterm": "EXW",
        "incoterm_place": "Brackley",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "BX-220-01", "description": "Battery box lid, ABS V0 black", "uom": "H87",
         "breaks": br(("1000", "1.84"), ("5000", "1.52")), "lead_time_days": 42,
         "tooling": [["Injection mould tool (2 cavity)", "9850.00"]]},
        {"part_number": "BX-220-02", "description": "Battery box base, ABS V0 black", "uom": "H87",
         "breaks": br(("1000", "2.36"), ("5000", "1.98")), "lead_time_days": 42},
        {"part_number": "BX-220-03", "description": "Screw kit (4x M3 self-tapper + gasket)",
         "uom": "SET", "breaks": br(("200", "0.95"), ("1000", "0.78")), "lead_time_days": 14},
    ],
})


# ---------------------------------------------------------------- x04 buyer template + RFQ
def x04():
    wb = Workbook()
    ws = wb.active
    ws.title = "RFQ Response"
    ws["B1"] = "Halvorsen Marine Systems, Inc. — Request for Quotation"
    ws["B1"].font = Font(bold=True, size=13)
    ws["B2"] = "RFQ No.: RFQ-HMS-2025-0311    Issued: 10/14/2025    Responses due: 10/31/2025"
    ws["B3"] = "Buyer: Erik Halvorsen · erik.halvorsen@halvorsen-marine.com · (251) 555-0140"
    labels = [("Supplier name:", "Gulf Coast Rubber Products, LLC"),
              ("Quote #:", "GCR-7734"),
              ("Quote date:", dt.datetime(2025, 10, 28)),
              ("Currency:", "USD"),
              ("Payment terms:", "Net 45"),
              ("Incoterms / place:", "FCA Houston, TX"),
              ("Quote validity (days):", 90)]
    for i, (k, v) in enumerate(labels):
        ws.cell(row=5 + i, column=2, value=k).font = BOLD
        c = ws.cell(row=5 + i, column=4, value=v)
        if isinstance(v, dt.datetime):
            c.number_format = "mm/dd/yyyy"
    hdr = ["Line", "Customer P/N", "Rev", "Description", "EAU", "Qty 1", "Price 1", "Qty 2",
           "Price 2", "Price unit", "NRE / Tooling", "Lead time (wks)", "Supplier P/N", "Comments"]
    put(ws, 13, hdr, start=2, bold=True)
    rows = [
        [1, "HMS-60110", "B", "Hatch seal, EPDM 60 Shore A", 20000, 5000, 212.50, 20000, 188.00,
         "USD/1000pcs", 3200.00, 5, "GCR-E60-110", None],
        [2, "HMS-60114", "A", "O-ring 2-214 FKM 75", 50000, 10000, 96.00, 50000, 81.40,
         "USD/1000pcs", None, 3, "GCR-V75-214", None],
        [3, "HMS-60120", "-", "Bellows boot, CR", 5000, 1000, "N/Q", None, None, None, None, None,
         None, "No quote - CR bellows not in our process range"],
        [4, "HMS-60125", "C", "Grommet, silicone 50A", 10000, 10000, 0.145, None, None, "USD/pc",
         None, 4, "GCR-S50-125", "price each"],
    ]
    for i, row in enumerate(rows):
        put(ws, 14 + i, row, start=2, fmt="#,##0.00##")
    ws["B19"] = "Supplier signature: ______________________"
    ws["B20"] = "Halvorsen Marine Systems · 8800 Dauphin Island Pkwy, Mobile, AL 36605"
    return save(wb)


write_doc("x04_buyer_template_nq_usd_per_1000pcs_nre_en.xlsx", x04())
write_truth("x04_buyer_template_nq_usd_per_1000pcs_nre_en.xlsx", {
    "about": about("xlsx", "en", [2, 3, 5, 6, 7],
                   "buyer's RFQ template filled by the supplier: table at B13, header block with the "
                   "buyer's name and RFQ dates above the supplier's, 'Price unit' USD/1000pcs vs "
                   "USD/pc, NRE column, N/Q no-bid with rev, EAU decoy column, Excel date cell, FCA "
                   "City, ST; RFQ with a decoy line the template dropped"),
    "header": {
        "supplier": "Gulf Coast Rubber Products, LLC",
        "quote_ref": "GCR-7734",
        "quote_date": "2025-10-28",
        "currency": "USD",
        "validity_days": 90,
        "payment_net_days": 45,
        "incoterm": "FCA",
        "incoterm_place": "Houston, TX",
    },
    "lines": [
        {"part_number": "HMS-60110", "revision": "B", "supplier_part": "GCR-E60-110",
         "description": "Hatch seal, EPDM 60 Shore A", "price_basis_qty": "1000",
         "breaks": br(("5000", "0.2125"), ("20000", "0.188")), "lead_time_days": 35,
         "tooling": [["NRE / Tooling", "3200.00"]], "rfq_line": "1"},
        {"part_number": "HMS-60114", "revision": "A", "supplier_part": "GCR-V75-214",
         "description": "O-ring 2-214 FKM 75", "price_basis_qty": "1000",
         "breaks": br(("10000", "0.096"), ("50000", "0.0814")), "lead_time_days": 21,
         "rfq_line": "2"},
        {"part_number": "HMS-60120", "description": "Bellows boot, CR", "no_bid": True,
         "no_bid_reason": "N/Q - CR bellows not in our process range", "rfq_line": "3"},
        {"part_number": "HMS-60125", "revision": "C", "supplier_part": "GCR-S50-125",
         "description": "Grommet, silicone 50A", "breaks": br(("10000", "0.145")),
         "lead_time_days": 28, "rfq_line": "4"},
    ],
}, rfq={
    "rfq": "RFQ-HMS-2025-0311",
    "currency": "USD",
    "lines": [
        {"line": "1", "part_number": "HMS-60110", "revision": "B",
         "description": "Hatch seal, EPDM 60 Shore A", "quantities": ["5000", "20000"],
         "last_price": "0.225"},
        {"line": "2", "part_number": "HMS-60114", "revision": "A", "description": "O-ring 2-214 FKM 75",
         "quantities": ["10000", "50000"]},
        {"line": "3", "part_number": "HMS-60120", "revision": "D", "description": "Bellows boot, CR",
         "quantities": ["1000"]},
        {"line": "4", "part_number": "HMS-60125", "revision": "C",
         "description": "Grommet, silicone 50A", "quantities": ["10000"]},
        {"line": "5", "part_number": "HMS-60111", "revision": "A",
         "description": "Hatch seal, EPDM 70 Shore A", "quantities": ["5000"]},
    ],
})


# ---------------------------------------------------------------- x05 two sheets zh
def x05():
    wb = Workbook()
    ws = wb.active
    ws.title = "封面"
    rows = [("宁波恒拓塑胶模具有限公司", None),
            ("地址：宁波市北仑区新碶街道明州路 288 号  电话：0574-8688 1234", None),
            ("报价单", None),
            ("报价单号：", "HT-2025-1208"),
            ("报价日期：", "2025年12月8日"),
            ("客户：", "苏州德瑞电子有限公司（采购部 李工）"),
            ("币种：", "人民币 RMB（不含税）"),
            ("付款方式：", "30%定金，余款发货前付清"),
            ("价格条款：", "FOB NINGBO"),
            ("交货期：", "模具45天，产品25天（T1样品确认后）"),
            ("报价有效期：", "60天"),
            ("明细见第二页“报价明细”。", None)]
    for i, (k, v) in enumerate(rows):
        ws.cell(row=1 + i, column=1, value=k)
        if v:
            ws.cell(row=1 + i, column=2, value=v)
    ws2 = wb.create_sheet("报价明细")
    put(ws2, 1, ["序号", "客户料号", "品名", "材料", "单价(元/PCS)", "模具费(元)", "起订量(PCS)", "备注"],
        bold=True)
    data = [
        [1, "DR-P-0412", "上盖", "PC+ABS 黑色", 1.28, 42000, 3000, None],
        [2, "DR-P-0413", "下壳", "PC+ABS 黑色", 1.56, 48500, 3000, None],
        [3, "DR-P-0420", "按键", "硅胶 50°", 0.32, 9800, 10000, None],
        [4, "DR-P-0431", "导光柱", "PMMA", "—", "—", "—", "不报价（需客户提供光学数据）"],
    ]
    for i, row in enumerate(data):
        put(ws2, 2 + i, row, fmt="#,##0.00")
    put(ws2, 7, [None, None, None, None, "模具费合计", 100300], fmt="#,##0")
    return save(wb)


write_doc("x05_cover_sheet_terms_mould_column_cny_zh.xlsx", x05())
write_truth("x05_cover_sheet_terms_mould_column_cny_zh.xlsx", {
    "about": about("xlsx", "zh", [1, 3, 5, 7],
                   "two sheets: cover with terms (30% deposit, FOB port, lead times, validity, buyer "
                   "name) and item sheet with mould-fee and MOQ columns, a mould-fee total row, "
                   "不报价 no-bid in the remarks column, currency in words"),
    "header": {
        "supplier": "宁波恒拓塑胶模具有限公司",
        "quote_ref": "HT-2025-1208",
        "quote_date": "2025-12-08",
        "currency": "CNY",
        "validity_days": 60,
        "payment_deposit_pct": "30",
        "incoterm": "FOB",
        "incoterm_place": "Ningbo",
    },
    "lines": [
        {"part_number": "DR-P-0412", "description": "上盖", "uom": "H87",
         "breaks": br(("3000", "1.28")), "moq": "3000", "lead_time_days": 25,
         "tooling": [["模具费", "42000"]]},
        {"part_number": "DR-P-0413", "description": "下壳", "uom": "H87",
         "breaks": br(("3000", "1.56")), "moq": "3000", "lead_time_days": 25,
         "tooling": [["模具费", "48500"]]},
        {"part_number": "DR-P-0420", "description": "按键", "uom": "H87",
         "breaks": br(("10000", "0.32")), "moq": "10000", "lead_time_days": 25,
         "tooling": [["模具费", "9800"]]},
        {"part_number": "DR-P-0431", "description": "导光柱", "no_bid": True,
         "no_bid_reason": "不报价"},
    ],
})


# ---------------------------------------------------------------- x06 ja wrapped per 1000
def x06():
    wb = Workbook()
    ws = wb.active
    ws.title = "御見積書"
    ws["A1"] = "御見積書"
    ws["A1"].font = Font(bold=True, size=16)
    ws["A3"] = "株式会社ミナト電機 御中"
    ws["F3"] = "見積番号：SW-25-3318"
    ws["F4"] = "見積日：2025年11月25日"
    ws["F5"] = "有効期限：2026年1月31日"
    ws["F7"] = "株式会社三和精工"
    ws["F8"] = "〒333-0811 埼玉県川口市戸塚 2-14-6  TEL 048-296-1150"
    hdr = ["品番", "品名", "数量\n(個)", "単価\n(円/1000個)", "金型代\n(円)", "納期", "備考"]
    put(ws, 10, hdr, bold=True)
    for col in range(1, 8):
        ws.cell(row=10, column=col).alignment = WRAP
    rows = [
        ["MN-2201", "端子 A型 t0.3 錫めっき", 50000, 4850, 350000, "3週間", None],
        [None, None, 200000, 4200, None, None, None],
        ["MN-2205", "スリーブ 真鍮", 20000, 12600, None, "4週間", "既存金型使用"],
        ["MN-2230", "シールド板 SUS304", None, "辞退", None, None, "板厚1.5mmは当社設備で対応不可"],
    ]
    for i, row in enumerate(rows):
        put(ws, 11 + i, row, fmt="#,##0")
    terms = ["支払条件：月末締め翌月末払い", "受渡場所：貴社指定場所", "運賃：込み", "（消費税は別途申し受けます）"]
    for i, t in enumerate(terms):
        ws.cell(row=16 + i, column=1, value=t)
    return save(wb)


write_doc("x06_wrapped_header_yen_per_1000_kanagata_jpy_ja.xlsx", x06())
write_truth("x06_wrapped_header_yen_per_1000_kanagata_jpy_ja.xlsx", {
    "about": about("xlsx", "ja", [2, 3, 4, 5, 7],
                   "wrapped header cells '単価\\n(円/1000個)', '金型代\\n(円)', a break on a continuation "
                   "row, 辞退 no-bid with reason, buyer 御中 above the supplier, dates in 年月日, "
                   "月末締め翌月末払い, 運賃込み"),
    "header": {
        "supplier": "株式会社三和精工",
        "quote_ref": "SW-25-3318",
        "quote_date": "2025-11-25",
        "currency": "JPY",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "freight": "included",
    },
    "lines": [
        {"part_number": "MN-2201", "description": "端子 A型 t0.3 錫めっき", "uom": "H87",
         "price_basis_qty": "1000", "breaks": br(("50000", "4.85"), ("200000", "4.2")),
         "lead_time_days": 21, "tooling": [["金型代", "350000"]]},
        {"part_number": "MN-2205", "description": "スリーブ 真鍮", "uom": "H87",
         "price_basis_qty": "1000", "breaks": br(("20000", "12.6")), "lead_time_days": 28},
        {"part_number": "MN-2230", "description": "シールド板 SUS304", "no_bid": True,
         "no_bid_reason": "辞退"},
    ],
})


# ---------------------------------------------------------------- x07 tier ranges zar
def x07():
    wb = Workbook()
    ws = wb.active
    ws.title = "PL-2026-02"
    ws["A1"] = "Vaal Electrical Wholesale (Pty) Ltd"
    ws["A2"] = "Reg. 2004/018812/07 · 14 Nobel St, Vanderbijlpark 1911 · Tel 016 981 2200"
    ws["A3"] = "Price list PL-2026-02 · Effective 1 February 2026 · All prices in South African Rand, excl. VAT"
    ws["C5"] = "Unit price (R) by quantity"
    ws.merge_cells("C5:F5")
    put(ws, 6, ["Stock code", "Description", "1-49", "50-249", "250-999", "1000+"], bold=True)
    data = [
        ["CB-0610", "Cable gland M20 nylon IP68", 14.50, 12.90, 11.20, 9.75],
        ["CB-0612", "Cable gland M25 nylon IP68", 18.80, 16.70, 14.60, 12.70],
        ["CB-0640", "Locknut M20 nylon", 3.20, 2.80, 2.45, 2.10],
        ["CB-0642", "Locknut M25 nylon", 4.10, 3.60, 3.15, 2.70],
    ]
    for i, row in enumerate(data):
        put(ws, 7 + i, row, fmt='"R" #,##0.00')
    ws["A12"] = "Payment: strictly 30 days nett."
    return save(wb)


write_doc("x07_tier_range_headers_rand_zar_en.xlsx", x07())
write_truth("x07_tier_range_headers_rand_zar_en.xlsx", {
    "about": about("xlsx", "en", [4, 7],
                   "distributor list: break quantities as ranges in the column headers (1-49, 50-249, "
                   "250-999, 1000+) under a merged 'Unit price (R)' header, 'R' number format, Rand "
                   "in words, registration number and phone in the header block"),
    "header": {
        "supplier": "Vaal Electrical Wholesale (Pty) Ltd",
        "quote_ref": "PL-2026-02",
        "quote_date": "2026-02-01",
        "currency": "ZAR",
        "payment_net_days": 30,
    },
    "lines": [
        {"part_number": "CB-0610", "description": "Cable gland M20 nylon IP68",
         "breaks": br(("1", "14.50"), ("50", "12.90"), ("250", "11.20"), ("1000", "9.75"))},
        {"part_number": "CB-0612", "description": "Cable gland M25 nylon IP68",
         "breaks": br(("1", "18.80"), ("50", "16.70"), ("250", "14.60"), ("1000", "12.70"))},
        {"part_number": "CB-0640", "description": "Locknut M20 nylon",
         "breaks": br(("1", "3.20"), ("50", "2.80"), ("250", "2.45"), ("1000", "2.10"))},
        {"part_number": "CB-0642", "description": "Locknut M25 nylon",
         "breaks": br(("1", "4.10"), ("50", "3.60"), ("250", "3.15"), ("1000", "2.70"))},
    ],
})


# ---------------------------------------------------------------- x08 pt text price cells
def x08():
    wb = Workbook()
    ws = wb.active
    ws.title = "Proposta"
    ws["A1"] = "Plastimarinha – Injeção de Plásticos, Lda."
    ws["A2"] = "Zona Industrial, Lote 41 · 2430-028 Marinha Grande · NIF 503 118 277 · Tel. 244 575 310"
    ws["A4"] = "Proposta n.º 2025/PR/0588"
    ws["A5"] = "Data: 27-11-2025"
    ws["A6"] = "Cliente: Metalomecânica do Lis, S.A."
    put(ws, 8, ["Ref. cliente", "Designação", "Quantidade", "Preço", "Molde", "Prazo"], bold=True)
    data = [
        ["PT-7701", "Clip de fixação PA6", "10.000 un.", "38,50 € / cento", "6.400,00 €", "4 semanas"],
        ["PT-7702", "Tampa protetora PP", "5.000 un.", "0,212 €/un.", "incluído", "3 semanas"],
        ["PT-7705", "Anel vedante EPDM", "20.000 un.", "95,00 € / milheiro", "-", "3 semanas"],
    ]
    for i, row in enumerate(data):
        put(ws, 9 + i, row)
    for i, t in enumerate(["Condições de pagamento: 60 dias data fatura",
                           "Incoterm: EXW Marinha Grande",
                           "Validade da proposta: 45 dias",
                           "Preços sem IVA."]):
        ws.cell(row=13 + i, column=1, value=t)
    return save(wb)


write_doc("x08_price_with_unit_text_cells_molde_eur_pt.xlsx", x08())
write_truth("x08_price_with_unit_text_cells_molde_eur_pt.xlsx", {
    "about": about("xlsx", "pt", [2, 3, 4, 7],
                   "all values as text cells: '38,50 € / cento', '0,212 €/un.', '95,00 € / milheiro', "
                   "quantities '10.000 un.', mould column with an amount, 'incluído' and '-', EXW, "
                   "60 dias data fatura, customer name below the supplier"),
    "header": {
        "supplier": "Plastimarinha – Injeção de Plásticos, Lda.",
        "quote_ref": "2025/PR/0588",
        "quote_date": "2025-11-27",
        "currency": "EUR",
        "validity_days": 45,
        "payment_net_days": 60,
        "incoterm": "EXW",
        "incoterm_place": "Marinha Grande",
    },
    "lines": [
        {"part_number": "PT-7701", "description": "Clip de fixação PA6", "uom": "H87",
         "price_basis_qty": "100", "breaks": br(("10000", "0.385")), "lead_time_days": 28,
         "tooling": [["Molde", "6400.00"]]},
        {"part_number": "PT-7702", "description": "Tampa protetora PP", "uom": "H87",
         "breaks": br(("5000", "0.212")), "lead_time_days": 21},
        {"part_number": "PT-7705", "description": "Anel vedante EPDM", "uom": "H87",
         "price_basis_qty": "1000", "breaks": br(("20000", "0.095")), "lead_time_days": 21},
    ],
})
print("xlsx: 8 documents")


# ---------------------------------------------------------------- x09 wrapped 'per / 1000' cells
def x09():
    wb = Workbook()
    ws = wb.active
    ws.title = "Quote"
    ws["A1"] = "Mid-Atlantic Wire & Terminal Corp."
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "7300 Holabird Ave, Baltimore, MD 21222 · (410) 555-0133 · Fax (410) 555-0134"
    ws["A4"] = "Quote MAW-88412"
    ws["A5"] = "December 11, 2025"
    ws["A6"] = "Attn: Purchasing, Keystone Harness Works"
    put(ws, 8, ["Part No.", "Description", "Price", "Packaging", "Lead time"], bold=True)
    rows = [["UL1007-22-BK", "Hook-up wire UL1007 22 AWG, black", "41.50 per\n1000 ft", "1,000 ft spool", "stock"],
            ["UL1007-18-RD", "Hook-up wire UL1007 18 AWG, red", "76.20 per\n1000 ft", "1,000 ft spool", "stock"],
            ["TRM-250-F", "Faston receptacle .250 female, tin plated brass", "18.75 per\n1000 pcs",
             "reel of 5,000", "2 weeks"]]
    for i, r in enumerate(rows):
        put(ws, 9 + i, r)
        ws.cell(row=9 + i, column=3).alignment = WRAP
    for i, t in enumerate(["Wire sold in full spools only, terminals in full reels only.",
                           "Prices valid through 01/31/2026.",
                           "Terms: 2% 10, Net 30. FOB Baltimore, MD. Freight prepaid (included)."]):
        ws.cell(row=13 + i, column=1, value=t)
    return save(wb)


write_doc("x09_wrapped_price_per_1000_ft_pcs_spools_usd_en.xlsx", x09())
write_truth("x09_wrapped_price_per_1000_ft_pcs_spools_usd_en.xlsx", {
    "about": about("xlsx", "en", [2, 4, 5, 7],
                   "price cells wrapped over two lines ('41.50 per' / '1000 ft', '18.75 per' / "
                   "'1000 pcs'), wire priced per 1000 feet sold in full 1,000 ft spools, terminals in "
                   "full reels of 5,000, 'stock' lead time, date in words, 2% 10 Net 30, FOB City, ST, "
                   "freight prepaid (included)"),
    "header": {
        "supplier": "Mid-Atlantic Wire & Terminal Corp.",
        "quote_ref": "MAW-88412",
        "quote_date": "2025-12-11",
        "currency": "USD",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "payment_discount_pct": "2",
        "payment_discount_days": 10,
        "incoterm": "FOB",
        "incoterm_place": "Baltimore, MD",
        "freight": "included",
    },
    "lines": [
        {"part_number": "UL1007-22-BK", "description": "Hook-up wire UL1007 22 AWG, black", "uom": "FOT",
         "price_basis_qty": "1000", "breaks": br(("1000", "0.0415")), "moq": "1000",
         "order_multiple": "1000", "lead_time_days": 0},
        {"part_number": "UL1007-18-RD", "description": "Hook-up wire UL1007 18 AWG, red", "uom": "FOT",
         "price_basis_qty": "1000", "breaks": br(("1000", "0.0762")), "moq": "1000",
         "order_multiple": "1000", "lead_time_days": 0},
        {"part_number": "TRM-250-F", "description": "Faston receptacle .250 female, tin plated brass",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("5000", "0.01875")), "moq": "5000",
         "order_multiple": "5000", "lead_time_days": 14},
    ],
})
print("xlsx: x09")
