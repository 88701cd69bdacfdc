"""Spreadsheets: a cable matrix per 100 m, a buyer's template with a header block, merged
price headers (French), several sheets (Spanish), breaks as rows with a tooling row
(Portuguese), a bilingual sheet with a USD/1000pcs unit column. Truth written by hand."""
import io
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

from common import about, path, write_truth


def save(wb, name):
    """Saves with a fixed timestamp so regenerating gives the same bytes."""
    import datetime
    wb.properties.created = datetime.datetime(2025, 1, 1)
    wb.properties.modified = datetime.datetime(2025, 1, 1)
    wb.save(path(name))


B = Font(bold=True)

# ---------------------------------------------------------------- x01: matrix cross-section x cores, EUR per 100 m
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "NYM-J"
ws["A1"] = "Kabelwerk Oberland GmbH"
ws["A1"].font = Font(bold=True, size=14)
ws["A2"] = "Preisliste Nr. PL-2025/1 – Stand 01.02.2025"
ws["A3"] = "Mantelleitung NYM-J 300/500 V, grau – Preise in EUR je 100 m"
ws["A5"] = "Querschnitt"
ws["B4"] = "Aderzahl"
ws.merge_cells("B4:D4")
ws["B5"], ws["C5"], ws["D5"] = "3G", "4G", "5G"
data = [("1,5 mm²", 68.90, 86.50, 104.20),
        ("2,5 mm²", 98.40, 126.80, 152.30),
        ("4 mm²", 151.70, 196.40, 238.90),
        ("6 mm²", 214.60, 279.10, "auf Anfrage")]
for i, row in enumerate(data):
    for j, v in enumerate(row):
        c = ws.cell(row=6 + i, column=1 + j, value=v)
        if isinstance(v, float):
            c.number_format = "#,##0.00"
for c in ws[4] + ws[5]:
    c.font = B
ws["A11"] = "Abgabe nur in ganzen Ringen à 100 m."
ws["A12"] = "Zahlungsbedingungen: 30 Tage netto."
ws["A13"] = "Lieferung EXW Weilheim (Incoterms 2020). Alle Preise zzgl. MwSt. und Metallzuschlag nach DEL-Notiz."
ws.column_dimensions["A"].width = 16
save(wb, "x01_matrix_cable_per100m_de.xlsx")


def cable(desc, price100):
    return {"description": desc, "uom": "MTR", "price_basis_qty": "100", "moq": "100", "order_multiple": "100",
            "breaks": [["100", price100]]}


write_truth("x01_matrix_cable_per100m_de.xlsx", {
    "about": about("xlsx", "de", [1, 2],
                   "matrix price list: cross-section rows x core-count columns under a merged 'Aderzahl' header, EUR per 100 m, sold in 100 m coils; one cell 'auf Anfrage' (no line); no part numbers"),
    "header": {
        "supplier": "Kabelwerk Oberland GmbH",
        "quote_ref": "PL-2025/1",
        "quote_date": "2025-02-01",
        "currency": "EUR",
        "payment_net_days": 30,
        "incoterm": "EXW",
        "incoterm_place": "Weilheim",
    },
    "lines": [
        cable("NYM-J 3x1,5 mm²", "0.689"), cable("NYM-J 4x1,5 mm²", "0.865"), cable("NYM-J 5x1,5 mm²", "1.042"),
        cable("NYM-J 3x2,5 mm²", "0.984"), cable("NYM-J 4x2,5 mm²", "1.268"), cable("NYM-J 5x2,5 mm²", "1.523"),
        cable("NYM-J 3x4 mm²", "1.517"), cable("NYM-J 4x4 mm²", "1.964"), cable("NYM-J 5x4 mm²", "2.389"),
        cable("NYM-J 3x6 mm²", "2.146"), cable("NYM-J 4x6 mm²", "2.791"),
    ],
})

# ---------------------------------------------------------------- x02: buyer's template with a header block, CAD
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "RFQ Response"
ws["A1"] = "REQUEST FOR QUOTATION - SUPPLIER RESPONSE FORM"
ws["A1"].font = Font(bold=True, size=13)
block = [("Buyer:", "Northfield Instruments Inc."), ("RFQ No.:", "NI-RFQ-0553"), ("RFQ Date:", "2025-04-01"),
         ("Buyer Contact:", "Karen Lutz, karen.lutz@northfield-instr.com"), None,
         ("Supplier Name:", "Maple Leaf Precision Ltd."), ("Supplier Contact:", "Raj Patel"),
         ("Quote No.:", "MLP-25-118"), ("Quote Date:", "2025-04-09"), ("Currency:", "CAD"),
         ("Payment Terms:", "2% 15, Net 45"), ("Incoterms:", "FCA Mississauga, ON"),
         ("Quote Valid Until:", "2025-07-31")]
r = 3
for item in block:
    if item:
        ws.cell(row=r, column=1, value=item[0]).font = B
        ws.cell(row=r, column=2, value=item[1])
    r += 1
hdr = ["Line", "Part Number", "Rev", "Description", "Qty 1", "Price 1", "Qty 2", "Price 2", "Qty 3", "Price 3",
       "NRE / Tooling", "Lead Time (wks)", "MOQ", "Comments"]
hr = r + 1
for j, h in enumerate(hdr):
    ws.cell(row=hr, column=1 + j, value=h).font = B
rows = [
    [1, "NI-3301", "B", "Sensor housing, 6061-T6, black anodize", 50, 48.20, 200, 39.75, 500, 35.10, 1250, 6, 50,
     "NRE = inspection fixture"],
    [2, "NI-3302", "A", "Sensor cap, 303 SS", 50, 21.60, 200, 17.90, 500, 15.40, 0, 5, 50, None],
    [3, "NI-3310", "C", "Mounting plate, 5052-H32, 2.0 mm", 100, 12.85, 500, 9.95, None, None, 480, 4, 100,
     "NRE = laser + brake programming"],
    [4, "NI-3315", None, "Cable gland adapter, M20", None, None, None, None, None, None, None, None, None,
     "No quote - outside our capabilities"],
]
for i, row in enumerate(rows):
    for j, v in enumerate(row):
        c = ws.cell(row=hr + 1 + i, column=1 + j, value=v)
        if j in (5, 7, 9, 10) and isinstance(v, (int, float)):
            c.number_format = "#,##0.00"
ws.cell(row=hr + 6, column=1, value="Please return this form with your signature. Prices in the currency stated above.")
ws.column_dimensions["D"].width = 36
save(wb, "x02_template_header_block_cad_en.xlsx")
write_truth("x02_template_header_block_cad_en.xlsx", {
    "about": about("xlsx", "en", [3, 5, 6, 7],
                   "buyer's response template: header block naming buyer and supplier, Qty n/Price n columns, NRE column (0 = none), lead time in weeks, MOQ, a no-quote in the comments"),
    "header": {
        "supplier": "Maple Leaf Precision Ltd.",
        "quote_ref": "MLP-25-118",
        "quote_date": "2025-04-09",
        "currency": "CAD",
        "valid_until": "2025-07-31",
        "payment_net_days": 45,
        "payment_discount_pct": "2",
        "payment_discount_days": 15,
        "incoterm": "FCA",
        "incoterm_place": "Mississauga, ON",
    },
    "lines": [
        {"part_number": "NI-3301", "revision": "B", "description": "Sensor housing, 6061-T6, black anodize",
         "breaks": [["50", "48.20"], ["200", "39.75"], ["500", "35.10"]], "tooling": [["NRE", "1250"]],
         "lead_time_days": 42, "moq": "50"},
        {"part_number": "NI-3302", "revision": "A", "description": "Sensor cap, 303 SS",
         "breaks": [["50", "21.60"], ["200", "17.90"], ["500", "15.40"]], "lead_time_days": 35, "moq": "50"},
        {"part_number": "NI-3310", "revision": "C", "description": "Mounting plate, 5052-H32, 2.0 mm",
         "breaks": [["100", "12.85"], ["500", "9.95"]], "tooling": [["NRE", "480"]], "lead_time_days": 28,
         "moq": "100"},
        {"part_number": "NI-3315", "description": "Cable gland adapter, M20", "no_bid": True,
         "no_bid_reason": "outside our capabilities"},
    ],
})

# ---------------------------------------------------------------- x03: merged price header, French
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Devis"
ws["A1"] = "MÉCANIQUE DE PRÉCISION DU JURA SARL"
ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "12 rue des Horlogers – 39400 Morez"
ws["A4"], ws["B4"] = "Devis n° :", "2025-DV-0377"
ws["A5"], ws["B5"] = "Date :", "28/03/2025"
ws["A6"], ws["B6"] = "Validité :", "90 jours"
ws["A7"], ws["B7"] = "Règlement :", "45 jours fin de mois"
ws["A8"], ws["B8"] = "Incoterm :", "DAP Lyon"
ws["A9"], ws["B9"] = "Transport :", "inclus"
ws["A11"], ws["B11"], ws["C11"], ws["F11"], ws["G11"] = (
    "Référence client", "Désignation", "Prix unitaire HT (€)", "Outillage (€)", "Délai")
ws.merge_cells("C11:E11")
for col in "ABFG":
    ws.merge_cells(f"{col}11:{col}12")
ws["C12"], ws["D12"], ws["E12"] = "100 pcs", "500 pcs", "1 000 pcs"
for c in ws[11] + ws[12]:
    c.font = B
    c.alignment = Alignment(horizontal="center", wrap_text=True)
for i, row in enumerate([("JX-1020", "Axe épaulé Ø12 inox 303", 6.85, 5.40, 4.95, None, "4 semaines"),
                         ("JX-1031", "Entretoise alu Ø10 L20", 2.10, 1.62, 1.38, None, "3 semaines"),
                         ("JX-1044", "Bride de fixation acier S235 zinguée", 14.90, 11.75, 10.60, 950, "6 semaines")]):
    for j, v in enumerate(row):
        c = ws.cell(row=13 + i, column=1 + j, value=v)
        if isinstance(v, (int, float)):
            c.number_format = "#,##0.00"
ws["A17"] = "Prix pour pièces ébavurées, sans traitement thermique."
ws["A18"] = "Nos conditions générales de vente s'appliquent."
save(wb, "x03_merged_price_header_fr.xlsx")
write_truth("x03_merged_price_header_fr.xlsx", {
    "about": about("xlsx", "fr", [3, 4, 7],
                   "quantity sub-headers '100 pcs | 500 pcs | 1 000 pcs' under a merged 'Prix unitaire HT (€)' header, tooling column, header block"),
    "header": {
        "supplier": "Mécanique de Précision du Jura SARL",
        "quote_ref": "2025-DV-0377",
        "quote_date": "2025-03-28",
        "currency": "EUR",
        "validity_days": 90,
        "payment_net_days": 45,
        "payment_basis": "end_of_month",
        "incoterm": "DAP",
        "incoterm_place": "Lyon",
        "freight": "included",
    },
    "lines": [
        {"part_number": "JX-1020", "description": "Axe épaulé Ø12 inox 303", "uom": "H87",
         "breaks": [["100", "6.85"], ["500", "5.40"], ["1000", "4.95"]], "lead_time_days": 28},
        {"part_number": "JX-1031", "description": "Entretoise alu Ø10 L20", "uom": "H87",
         "breaks": [["100", "2.10"], ["500", "1.62"], ["1000", "1.38"]], "lead_time_days": 21},
        {"part_number": "JX-1044", "description": "Bride de fixation acier S235 zinguée", "uom": "H87",
         "breaks": [["100", "14.90"], ["500", "11.75"], ["1000", "10.60"]], "lead_time_days": 42,
         "tooling": [["Outillage", "950"]]},
    ],
})

# ---------------------------------------------------------------- x04: several sheets, Spanish
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Condiciones"
for i, (k, v) in enumerate([("Proveedor", "Mecanizados Ebro, S.L."), ("Oferta nº", "OF-2025-0156"),
                            ("Fecha", "05/05/2025"), ("Moneda", "EUR"), ("Forma de pago", "60 días fecha factura"),
                            ("Portes", "Debidos"), ("Incoterm", "EXW Zaragoza"), ("Validez de la oferta", "30 días")]):
    ws.cell(row=1 + i, column=1, value=k).font = B
    ws.cell(row=1 + i, column=2, value=v)
ws.column_dimensions["A"].width = 22
ws2 = wb.create_sheet("Precios")
for j, h in enumerate(["Ref. cliente", "Ref. proveedor", "Descripción", "Cantidad", "Precio unitario (€)",
                       "Plazo de entrega"]):
    ws2.cell(row=1, column=1 + j, value=h).font = B
prow = [("HZ-5501", "ME-88201", "Eje transmisión Ø25 F-114 templado", 100, 18.40, "4 semanas"),
        (None, None, None, 500, 15.90, None),
        (None, None, None, 1000, 14.75, None),
        ("HZ-5502", "ME-88202", "Casquillo bronce Ø30x40", 200, 6.20, "3 semanas"),
        (None, None, None, 1000, 5.35, None),
        ("HZ-5510", "ME-88210", "Soporte soldado S275 pintado", 50, 96.00, "6 semanas")]
for i, row in enumerate(prow):
    for j, v in enumerate(row):
        c = ws2.cell(row=2 + i, column=1 + j, value=v)
        if j == 4:
            c.number_format = "#,##0.00"
ws3 = wb.create_sheet("Notas")
ws3["A1"] = "El utillaje de soldadura para la ref. HZ-5510 se factura aparte: 1.450,00 € (pago único)."
ws3["A2"] = "No cotizamos la ref. HZ-5520 (tratamiento superficial de cromado duro no disponible)."
ws3["A3"] = "Precios sin IVA."
save(wb, "x04_three_sheets_es.xlsx")
write_truth("x04_three_sheets_es.xlsx", {
    "about": about("xlsx", "es", [3, 4, 5, 6],
                   "terms on a 'Condiciones' sheet, prices on 'Precios' with breaks as rows (part left blank), tooling and a no-bid as sentences on a 'Notas' sheet; Ref. cliente vs Ref. proveedor; portes debidos"),
    "header": {
        "supplier": "Mecanizados Ebro, S.L.",
        "quote_ref": "OF-2025-0156",
        "quote_date": "2025-05-05",
        "currency": "EUR",
        "validity_days": 30,
        "payment_net_days": 60,
        "incoterm": "EXW",
        "incoterm_place": "Zaragoza",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "HZ-5501", "supplier_part": "ME-88201", "description": "Eje transmisión Ø25 F-114 templado",
         "breaks": [["100", "18.40"], ["500", "15.90"], ["1000", "14.75"]], "lead_time_days": 28},
        {"part_number": "HZ-5502", "supplier_part": "ME-88202", "description": "Casquillo bronce Ø30x40",
         "breaks": [["200", "6.20"], ["1000", "5.35"]], "lead_time_days": 21},
        {"part_number": "HZ-5510", "supplier_part": "ME-88210", "description": "Soporte soldado S275 pintado",
         "breaks": [["50", "96.00"]], "lead_time_days": 42, "tooling": [["utillaje de soldadura", "1450.00"]]},
        {"part_number": "HZ-5520", "no_bid": True, "no_bid_reason": "cromado duro no disponible"},
    ],
})

# ---------------------------------------------------------------- x05: breaks as rows, tooling row, Portuguese BRL
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Cotação"
lines = [("Fundição Serra Azul Ltda.",), ("Cotação nº 2025/0871",), ("Data: 14/04/2025",),
         ("Moeda: R$ (BRL)",), ("Condição de pagamento: 28 dias",),
         ("Frete: incluso (CIF São Paulo, SP)",), ("Validade da proposta: 15 dias",), ()]
for i, l in enumerate(lines):
    if l:
        ws.cell(row=1 + i, column=1, value=l[0])
ws["A1"].font = Font(bold=True, size=13)
hr = len(lines) + 1
for j, h in enumerate(["Código", "Descrição", "Qtde", "Preço unit. (R$)", "Prazo"]):
    ws.cell(row=hr, column=1 + j, value=h).font = B
trows = [("FS-101", "Carcaça ferro fundido GG25, usinada", 200, 185.40, "45 dias"),
         (None, None, 500, 172.90, None),
         ("FS-118", "Tampa alumínio injetado", 500, 42.75, "30 dias"),
         (None, None, 2000, 38.10, None),
         ("Ferramental", "Modelo de fundição para FS-101 (pagamento único)", 1, 12500.00, None)]
for i, row in enumerate(trows):
    for j, v in enumerate(row):
        c = ws.cell(row=hr + 1 + i, column=1 + j, value=v)
        if j == 3:
            c.number_format = "#,##0.00"
ws.column_dimensions["B"].width = 44
save(wb, "x05_breaks_rows_tooling_row_pt.xlsx")
write_truth("x05_breaks_rows_tooling_row_pt.xlsx", {
    "about": about("xlsx", "pt", [3, 4, 7],
                   "breaks as rows with the part left blank, a tooling row (pattern) priced as qty 1 in the price column, R$ with BRL, CIF City, ST with freight included"),
    "header": {
        "supplier": "Fundição Serra Azul Ltda.",
        "quote_ref": "2025/0871",
        "quote_date": "2025-04-14",
        "currency": "BRL",
        "validity_days": 15,
        "payment_net_days": 28,
        "incoterm": "CIF",
        "incoterm_place": "São Paulo, SP",
        "freight": "included",
    },
    "lines": [
        {"part_number": "FS-101", "description": "Carcaça ferro fundido GG25, usinada",
         "breaks": [["200", "185.40"], ["500", "172.90"]], "lead_time_days": 45,
         "tooling": [["Modelo de fundição", "12500.00"]]},
        {"part_number": "FS-118", "description": "Tampa alumínio injetado",
         "breaks": [["500", "42.75"], ["2000", "38.10"]], "lead_time_days": 30},
    ],
})

# ---------------------------------------------------------------- x06: bilingual, unit column USD/1000pcs
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "报价 Quotation"
ws["A1"] = "厦门鑫达电子有限公司 Xiamen Xinda Electronics Co., Ltd."
ws["A1"].font = Font(bold=True, size=13)
ws["A2"] = "报价单号 Quote No.: XD-Q-2506-031     日期 Date: 2025-06-05"
ws["A3"] = "客户 Customer: Harlow Audio Ltd."
ws["A4"] = "币种 Currency: USD     价格条款 Terms: FOB Xiamen     付款 Payment: T/T 30 days"
hdr = ["客户料号\nCustomer P/N", "我司料号\nOur P/N", "品名规格\nDescription", "最小起订量\nMOQ",
       "单价\nUnit Price", "单位\nUnit", "交期\nL/T"]
for j, h in enumerate(hdr):
    c = ws.cell(row=6, column=1 + j, value=h)
    c.font = B
    c.alignment = Alignment(wrap_text=True)
for i, row in enumerate([("HA-R-1002", "XD-0603-1002", "贴片电阻 Chip resistor 0603 10K 1%", 50000, 1.85, "USD/1000pcs", "7天 days"),
                         ("HA-C-1041", "XD-0805-104K", "贴片电容 MLCC 0805 100nF 50V X7R", 20000, 4.60, "USD/1000pcs", "10天 days"),
                         ("HA-L-2200", "XD-CD54-220", "功率电感 Power inductor CD54 22uH", 2000, 0.068, "USD/pc", "21天 days"),
                         ("HA-D-0001", "-", "肖特基二极管 Schottky SS34", None, None, None, "停产 EOL, 不报价 no quote")]):
    for j, v in enumerate(row):
        ws.cell(row=7 + i, column=1 + j, value=v)
ws["A12"] = "报价有效期 Validity: 15 days"
save(wb, "x06_unit_column_usd_per_1000_zh.xlsx")
write_truth("x06_unit_column_usd_per_1000_zh.xlsx", {
    "about": about("xlsx", "zh-en", [2, 5, 6, 7],
                   "bilingual two-line headers, unit column 'USD/1000pcs' vs 'USD/pc', MOQ column, our P/N vs customer P/N, EOL no-quote in the lead-time cell"),
    "header": {
        "supplier": "Xiamen Xinda Electronics Co., Ltd.",
        "quote_ref": "XD-Q-2506-031",
        "quote_date": "2025-06-05",
        "currency": "USD",
        "validity_days": 15,
        "payment_net_days": 30,
        "incoterm": "FOB",
        "incoterm_place": "Xiamen",
    },
    "lines": [
        {"part_number": "HA-R-1002", "supplier_part": "XD-0603-1002", "description": "Chip resistor 0603 10K 1%",
         "uom": "H87", "price_basis_qty": "1000", "moq": "50000", "breaks": [["50000", "0.00185"]], "lead_time_days": 7},
        {"part_number": "HA-C-1041", "supplier_part": "XD-0805-104K", "description": "MLCC 0805 100nF 50V X7R",
         "uom": "H87", "price_basis_qty": "1000", "moq": "20000", "breaks": [["20000", "0.0046"]], "lead_time_days": 10},
        {"part_number": "HA-L-2200", "supplier_part": "XD-CD54-220", "description": "Power inductor CD54 22uH",
         "uom": "H87", "moq": "2000", "breaks": [["2000", "0.068"]], "lead_time_days": 21},
        {"part_number": "HA-D-0001", "description": "Schottky SS34", "no_bid": True, "no_bid_reason": "EOL"},
    ],
})
print("xlsx: 6 documents")
