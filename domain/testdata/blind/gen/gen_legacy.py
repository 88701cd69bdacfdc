"""Other spreadsheet formats: an ODS from a Danish supplier (merged price header over
quantity sub-headers, tooling column, a 'cannot be offered' row) and a legacy XLS from a
US screw-machine shop (Per column C/M/E, extended prices, a total). Truth by hand.
Needs `pip install odfpy xlwt`."""
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P

from common import about, path, write_truth

# ---------------------------------------------------------------- o01: ODS, Danish
doc = OpenDocumentSpreadsheet()
t = Table(name="Tilbud")


def cell(v=None, span=1, rows=1):
    if isinstance(v, (int, float)):
        c = TableCell(valuetype="float", value=v)
        c.addElement(P(text=f"{v}".replace(".", ",")))
    else:
        c = TableCell()
        if v is not None:
            c.addElement(P(text=v))
    if span > 1:
        c.setAttribute("numbercolumnsspanned", str(span))
    if rows > 1:
        c.setAttribute("numberrowsspanned", str(rows))
    return c


def row(*cells):
    r = TableRow()
    for c in cells:
        r.addElement(c)
    t.addElement(r)


for text in ["Nordjysk Metalvarefabrik ApS", "Tilbud nr. T-25-0611", "Dato: 11.06.2025", "Valuta: DKK",
             "Betaling: Løbende måned + 30 dage", "Levering: FCA Aalborg. Fragt tillægges.",
             "Tilbuddet gælder i 30 dage.", ""]:
    row(cell(text or None))
row(cell("Varenr. (kunde)", rows=2), cell("Vores varenr.", rows=2), cell("Beskrivelse", rows=2),
    cell("Pris pr. stk. (DKK)", span=3), CoveredTableCell(), CoveredTableCell(),
    cell("Værktøj (DKK)", rows=2), cell("Leveringstid", rows=2))
row(CoveredTableCell(), CoveredTableCell(), CoveredTableCell(), cell("100 stk"), cell("500 stk"),
    cell("1.000 stk"), CoveredTableCell(), CoveredTableCell())
row(cell("NM-2201"), cell("NJ-88-2201"), cell("Beslag, galvaniseret, 3 mm"), cell(24.5), cell(19.8), cell(17.2),
    cell(8500), cell("4 uger"))
row(cell("NM-2202"), cell("NJ-88-2202"), cell("Vinkel 90°, rustfri A4"), cell(31.0), cell(26.4), cell(23.9),
    cell("—"), cell("3 uger"))
row(cell("NM-2210"), cell("—"), cell("Hængsel, tung udførelse"), cell("Kan ikke tilbydes (materiale udgået)", span=3),
    CoveredTableCell(), CoveredTableCell(), cell(None), cell(None))
doc.spreadsheet.addElement(t)
doc.save(path("o01_ods_merged_header_dkk_da.ods"))
write_truth("o01_ods_merged_header_dkk_da.ods", {
    "about": about("ods", "da", [3, 4, 5, 6, 7],
                   "ODS: quantity sub-headers under a merged price header, customer vs our item number, tooling column, a row saying it cannot be offered, 'løbende måned + 30 dage' (end of month)"),
    "header": {
        "supplier": "Nordjysk Metalvarefabrik ApS",
        "quote_ref": "T-25-0611",
        "quote_date": "2025-06-11",
        "currency": "DKK",
        "validity_days": 30,
        "payment_net_days": 30,
        "payment_basis": "end_of_month",
        "incoterm": "FCA",
        "incoterm_place": "Aalborg",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "NM-2201", "supplier_part": "NJ-88-2201", "description": "Beslag, galvaniseret, 3 mm",
         "uom": "H87", "breaks": [["100", "24.50"], ["500", "19.80"], ["1000", "17.20"]],
         "tooling": [["Værktøj", "8500"]], "lead_time_days": 28},
        {"part_number": "NM-2202", "supplier_part": "NJ-88-2202", "description": "Vinkel 90°, rustfri A4",
         "uom": "H87", "breaks": [["100", "31.00"], ["500", "26.40"], ["1000", "23.90"]], "lead_time_days": 21},
        {"part_number": "NM-2210", "description": "Hængsel, tung udførelse", "no_bid": True,
         "no_bid_reason": "materiale udgået"},
    ],
})

# ---------------------------------------------------------------- x07: legacy XLS, Per column C/M/E
wb = xlwt.Workbook()
ws = wb.add_sheet("Quote")
bold = xlwt.easyxf("font: bold on")
money = xlwt.easyxf(num_format_str="#,##0.00")
price = xlwt.easyxf(num_format_str="0.000")
lines = ["BUCKEYE SCREW PRODUCTS, INC.", "4410 Brookpark Rd, Cleveland, OH 44134",
         "QUOTATION  Q-25-0507-3", "Date: 5/7/2025    Valid through: 6/30/2025",
         "To: Great Plains Hydraulics, Attn: Purchasing", "All prices in US dollars."]
for i, l in enumerate(lines):
    ws.write(i, 0, l, bold if i in (0, 2) else xlwt.easyxf())
hdr = ["Item", "Cust P/N", "Rev", "Description", "Qty", "Price", "Per", "Ext", "Lead (days)"]
for j, h in enumerate(hdr):
    ws.write(7, j, h, bold)
data = [(1, "55-1018", "C", "Shoulder screw 1/4 x 1/2, 303 SS", 2500, 48.60, "C", 1215.00, 21),
        (2, "55-1022", "-", "Spacer .250 OD x .500 L, 6061 AL", 5000, 96.00, "M", 480.00, 14),
        (3, "55-1030", "A", "Pivot pin .187 x 1.00, 4140 hardened", 1000, 0.845, "E", 845.00, 28)]
for i, r in enumerate(data):
    for j, v in enumerate(r):
        ws.write(8 + i, j, v, money if j == 7 else price if j == 5 else xlwt.easyxf())
ws.write(12, 6, "Total", bold)
ws.write(12, 7, 2540.00, money)
ws.write(14, 0, "Per: C = per 100, M = per 1000, E = each.")
ws.write(15, 0, "Terms: 2% 10, Net 30.  F.O.B. Cleveland, OH.  Freight collect.")
wb.save(path("x07_legacy_xls_per_c_m_en.xls"))
write_truth("x07_legacy_xls_per_c_m_en.xls", {
    "about": about("xls", "en", [2, 6, 7],
                   "legacy BIFF8 XLS: Per column C/M/E with a legend below, extended prices and a total, rev '-', US month-first dates proved by 6/30, F.O.B. City, ST, freight collect"),
    "header": {
        "supplier": "Buckeye Screw Products, Inc.",
        "quote_ref": "Q-25-0507-3",
        "quote_date": "2025-05-07",
        "currency": "USD",
        "valid_until": "2025-06-30",
        "payment_net_days": 30,
        "payment_discount_pct": "2",
        "payment_discount_days": 10,
        "incoterm": "FOB",
        "incoterm_place": "Cleveland, OH",
        "freight": "extra",
        "total": "2540.00",
    },
    "lines": [
        {"part_number": "55-1018", "revision": "C", "description": "Shoulder screw 1/4 x 1/2, 303 SS",
         "price_basis_qty": "100", "quantity": "2500", "line_total": "1215.00", "breaks": [["2500", "0.486"]],
         "lead_time_days": 21},
        {"part_number": "55-1022", "description": "Spacer .250 OD x .500 L, 6061 AL", "price_basis_qty": "1000",
         "quantity": "5000", "line_total": "480.00", "breaks": [["5000", "0.096"]], "lead_time_days": 14},
        {"part_number": "55-1030", "revision": "A", "description": "Pivot pin .187 x 1.00, 4140 hardened",
         "quantity": "1000", "line_total": "845.00", "breaks": [["1000", "0.845"]], "lead_time_days": 28},
    ],
})
print("legacy: 2 documents")
