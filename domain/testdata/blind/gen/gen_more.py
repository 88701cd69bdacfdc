"""More dev documents: an Excel range pasted into a Chilean mail (CLP, IVA and totals
rows), a Japanese plain-text quote (円, full-width spacing), a reply answering inline inside
the quoted RFQ (with an RFQ file), and a two-page Indian quotation PDF with carried-forward
subtotals and lakh-grouped amounts. Truth by hand."""
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from common import about, msg, out, path, write_doc, write_truth

# ---------------------------------------------------------------- t06: pasted Excel range, Chile
T06 = """Hola Francisca,

Te pego la cotizacion desde la planilla (Cotización N° 2025-0342, 09-06-2025):

Código\tDescripción\tCantidad\tPrecio unitario\tTotal
PRN-1010\tPerno hexagonal 1/2" x 2" galv.\t2.000\t$ 185\t$ 370.000
PRN-1012\tPerno hexagonal 1/2" x 3" galv.\t1.500\t$ 232\t$ 348.000
TRC-0500\tTuerca hexagonal 1/2" galv.\t3.500\t$ 48\t$ 168.000
ARD-0500\tArandela plana 1/2" galv.\t3.500\t$ 21\t$ 73.500
\t\tSubtotal\t\t$ 959.500
\t\tIVA 19%\t\t$ 182.305
\t\tTotal\t\t$ 1.141.805

Valores en pesos chilenos, netos (el IVA va aparte como ves arriba).
Plazo de entrega: 5 días hábiles.
Forma de pago: 30 dias fecha de factura.
Despacho incluido a Santiago.
La cotizacion es valida por 10 dias.

Saludos,
Rodrigo Fuentes
Ferretería Industrial Los Andes SpA
"""
write_doc("t06_pasted_excel_clp_es.txt", T06)
write_truth("t06_pasted_excel_clp_es.txt", {
    "about": about("txt", "es", [1, 4, 7],
                   "Excel range pasted with tabs into a mail: dot thousands, $ with pesos chilenos stated, subtotal/IVA/total rows, day-first date, lead time in working days, typos (cotizacion, dias)"),
    "header": {
        "supplier": "Ferretería Industrial Los Andes SpA",
        "quote_ref": "2025-0342",
        "quote_date": "2025-06-09",
        "currency": "CLP",
        "validity_days": 10,
        "payment_net_days": 30,
        "freight": "included",
        "total": "1141805",
    },
    "lines": [
        {"part_number": "PRN-1010", "description": "Perno hexagonal 1/2\" x 2\" galv.", "quantity": "2000",
         "line_total": "370000", "breaks": [["2000", "185"]], "lead_time_days": 7},
        {"part_number": "PRN-1012", "description": "Perno hexagonal 1/2\" x 3\" galv.", "quantity": "1500",
         "line_total": "348000", "breaks": [["1500", "232"]], "lead_time_days": 7},
        {"part_number": "TRC-0500", "description": "Tuerca hexagonal 1/2\" galv.", "quantity": "3500",
         "line_total": "168000", "breaks": [["3500", "48"]], "lead_time_days": 7},
        {"part_number": "ARD-0500", "description": "Arandela plana 1/2\" galv.", "quantity": "3500",
         "line_total": "73500", "breaks": [["3500", "21"]], "lead_time_days": 7},
    ],
})

# ---------------------------------------------------------------- t07: Japanese plain text, 円
T07 = """株式会社ミナト技研
購買部　山田様

いつもお世話になっております。
ご依頼いただきました件、下記の通りお見積り申し上げます。

見積番号：MQ-250704-02
見積日：2025年7月4日
有効期限：見積日より30日間

品番　　　　品名　　　　　　　　　数量　　単価（円）　　金額（円）
SH-4410　　シャフト　φ10×120　　　500　　　　　860　　　430,000
SH-4412　　シャフト　φ12×150　　　300　　　　1,150　　　345,000
BU-2030　　ブッシュ　φ20×30　　　1,000　　　　　245　　　245,000
　　　　　　　　　　　　　　　　　　　　　　　　合計　　1,020,000
（消費税別）

納期：受注後3週間
支払条件：請求書発行後30日
受渡条件：貴社指定場所渡し（運賃込み）

以上、よろしくご検討のほどお願い申し上げます。

株式会社東邦精機
営業部　佐藤
"""
write_doc("t07_plain_text_jpy_ja.txt", T07)
write_truth("t07_plain_text_jpy_ja.txt", {
    "about": about("txt", "ja", [1, 7],
                   "Japanese plain-text quote aligned with full-width spaces; 円 columns; the buyer's company heads the letter, the supplier signs at the end; total excludes consumption tax"),
    "header": {
        "supplier": "株式会社東邦精機",
        "quote_ref": "MQ-250704-02",
        "quote_date": "2025-07-04",
        "currency": "JPY",
        "validity_days": 30,
        "payment_net_days": 30,
        "freight": "included",
        "total": "1020000",
    },
    "lines": [
        {"part_number": "SH-4410", "description": "シャフト φ10×120", "quantity": "500", "line_total": "430000",
         "breaks": [["500", "860"]], "lead_time_days": 21},
        {"part_number": "SH-4412", "description": "シャフト φ12×150", "quantity": "300", "line_total": "345000",
         "breaks": [["300", "1150"]], "lead_time_days": 21},
        {"part_number": "BU-2030", "description": "ブッシュ φ20×30", "quantity": "1000", "line_total": "245000",
         "breaks": [["1000", "245"]], "lead_time_days": 21},
    ],
})

# ---------------------------------------------------------------- e08: answers inline inside the quoted RFQ
m = msg('"Liam O\'Connor" <liam@emeraldplastics.ie>', '"Procurement" <procurement@northsea-pumps.co.uk>',
        "RE: RFQ NSP-0419 - moulded parts", "Wed, 09 Apr 2025 15:22:10 +0100", "<DB9PR05MB.0409@emeraldplastics.ie>")
m.set_content("""Hi,

Please see our answers in line below (marked >> EPL). Our quote ref is EPL-Q-7781.

Regards,
Liam O'Connor
Sales, Emerald Plastics Ltd, Galway

-----Original Message-----
From: Procurement <procurement@northsea-pumps.co.uk>
Sent: 02 April 2025 09:10
To: liam@emeraldplastics.ie
Subject: RFQ NSP-0419 - moulded parts

Dear supplier,

Please quote the following, prices in EUR, delivery DAP Aberdeen:
>> EPL: OK, EUR, DAP Aberdeen.

1. NSP-7710 Rev B, impeller housing cover, PA66-GF30, 1,000 / 5,000 pcs
>> EPL: EUR 2.85 @ 1,000, EUR 2.41 @ 5,000. Mould EUR 14,500 one-off. 6 weeks after T1 approval.
2. NSP-7715 Rev A, seal carrier, POM, 2,000 pcs
>> EPL: EUR 0.94 ea. Your existing tool needs modifying, modification cost EUR 2,200 one-off.
3. NSP-7720, drain plug, PP, 10,000 pcs
>> EPL: no quote, we don't run PP in that size range.

Please state payment terms and validity of your offer.
>> EPL: 60 days end of month. Offer valid 60 days.

Kind regards,
Procurement
North Sea Pumps Ltd
""")
write_doc("e08_inline_answers_in_rfq_en.eml", out(m))
write_truth("e08_inline_answers_in_rfq_en.eml", {
    "about": about("eml", "en", [1, 3, 5, 7],
                   "supplier answers inline inside the quoted RFQ ('>> EPL:' lines); @ breaks, mould and tool modification as one-off sentences, a no-quote, terms answered inline; RFQ date is not the quote date"),
    "header": {
        "supplier": "Emerald Plastics Ltd",
        "quote_ref": "EPL-Q-7781",
        "quote_date": "2025-04-09",
        "currency": "EUR",
        "validity_days": 60,
        "payment_net_days": 60,
        "payment_basis": "end_of_month",
        "incoterm": "DAP",
        "incoterm_place": "Aberdeen",
    },
    "lines": [
        {"part_number": "NSP-7710", "revision": "B", "description": "impeller housing cover, PA66-GF30", "uom": "H87",
         "breaks": [["1000", "2.85"], ["5000", "2.41"]], "tooling": [["Mould", "14500"]], "lead_time_days": 42,
         "rfq_line": "1"},
        {"part_number": "NSP-7715", "revision": "A", "description": "seal carrier, POM", "uom": "H87",
         "breaks": [["2000", "0.94"]], "tooling": [["tool modification", "2200"]], "rfq_line": "2"},
        {"part_number": "NSP-7720", "description": "drain plug, PP", "no_bid": True,
         "no_bid_reason": "we don't run PP in that size range", "rfq_line": "3"},
    ],
}, rfq={
    "rfq": "NSP-0419", "currency": "EUR",
    "lines": [
        {"line": "1", "part_number": "NSP-7710", "revision": "B", "description": "Impeller housing cover PA66-GF30",
         "quantities": ["1000", "5000"]},
        {"line": "2", "part_number": "NSP-7715", "revision": "A", "description": "Seal carrier POM", "quantities": ["2000"]},
        {"line": "3", "part_number": "NSP-7720", "description": "Drain plug PP", "quantities": ["10000"]},
    ],
})


# ---------------------------------------------------------------- p07: two pages, carried forward, lakh amounts
def inr(d):
    """Indian grouping: 1,85,000.00."""
    s = f"{d:.2f}"
    whole, frac = s.split(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-")
    if len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        whole = ",".join(groups + [tail])
    return ("-" if neg else "") + whole + "." + frac


P07 = [  # part, description, qty, rate (Rs.)
    ("PC-1101", "Bush, EN8, OD 22 x ID 12 x 30 L", 5000, "18.50"),
    ("PC-1102", "Bush, EN8, OD 28 x ID 16 x 35 L", 5000, "24.75"),
    ("PC-1110", "Spacer, MS, 10 x 6.5 x 15", 20000, "3.20"),
    ("PC-1111", "Spacer, MS, 12 x 8.5 x 20", 20000, "4.10"),
    ("PC-1120", "Pin, SS304, dia 6 x 40", 10000, "9.85"),
    ("PC-1121", "Pin, SS304, dia 8 x 50", 10000, "14.60"),
    ("PC-1130", "Stud, EN8, M10 x 60, zinc plated", 8000, "12.30"),
    ("PC-1131", "Stud, EN8, M12 x 80, zinc plated", 6000, "19.90"),
    ("PC-1140", "Shaft, EN19, dia 20 x 180, ground", 1500, "265.00"),
    ("PC-1141", "Shaft, EN19, dia 25 x 220, ground", 1000, "398.50"),
    ("PC-1150", "Collar, MS, dia 30 with grub screw", 4000, "21.40"),
    ("PC-1151", "Collar, MS, dia 40 with grub screw", 3000, "29.80"),
    ("PC-1160", "Nozzle, brass, M8 thread", 12000, "16.25"),
    ("PC-1161", "Nozzle, brass, M10 thread", 12000, "19.75"),
    ("PC-1170", "Adaptor, SS316, 1/4 BSP x M10", 2500, "88.00"),
    ("PC-1171", "Adaptor, SS316, 3/8 BSP x M12", 2500, "112.50"),
    ("PC-1180", "Hinge pin, EN8, dia 10 x 75", 7000, "11.40"),
    ("PC-1181", "Hinge pin, EN8, dia 12 x 90", 7000, "15.20"),
    ("PC-1190", "Threaded bush, brass, M6 insert", 25000, "6.35"),
    ("PC-1191", "Threaded bush, brass, M8 insert", 25000, "8.90"),
    ("PC-1200", "Roller, EN31, dia 16 x 24, hardened", 3000, "46.75"),
    ("PC-1201", "Roller, EN31, dia 20 x 30, hardened", 3000, "61.20"),
    ("PC-1210", "Cam follower pin, EN8, dia 12", 5000, "27.60"),
    ("PC-1211", "Cam follower pin, EN8, dia 16", 5000, "36.40"),
]
W, H = A4
c = canvas.Canvas(path("p07_reportlab_two_pages_inr_en.pdf"), pagesize=A4, invariant=1)
c.setTitle("Quotation SGPC/Q/25-26/0147")
X = [36, 62, 130, 330, 400, 470]


def head(c, first):
    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, H - 45, "SHREE GANESH PRECISION COMPONENTS PVT. LTD.")
    c.setFont("Helvetica", 8.5)
    c.drawString(36, H - 58, "Plot No. 27, MIDC Bhosari, Pune - 411026, Maharashtra  |  GSTIN 27AABCS1234F1Z5")
    y = H - 80
    if first:
        c.setFont("Helvetica-Bold", 11)
        c.drawString(250, H - 80, "QUOTATION")
        c.setFont("Helvetica", 9)
        c.drawString(36, H - 98, "Ref: SGPC/Q/25-26/0147")
        c.drawString(400, H - 98, "Date: 15/05/2025")
        c.drawString(36, H - 111, "To: M/s. Kaveri Pumps & Valves Ltd., Coimbatore   Kind Attn: Mr. R. Subramanian")
        c.drawString(36, H - 124, "Your enquiry: KPV/PUR/ENQ/2025/311 dated 06/05/2025")
        y = H - 150
        c.setFont("Helvetica-Bold", 8.5)
        for x, t in zip(X, ["Sr.", "Part No.", "Description", "Qty (Nos.)", "Rate (Rs.)", "Amount (Rs.)"]):
            c.drawString(x, y, t)
        c.line(34, y - 4, 560, y - 4)
        y -= 18
    return y


y = head(c, True)
running = Decimal(0)
c.setFont("Helvetica", 8.5)
for i, (pn, desc, qty, rate) in enumerate(P07, 1):
    amt = Decimal(rate) * qty
    running += amt
    for x, t in zip(X, [str(i), pn, desc, f"{qty:,}", rate, inr(amt)]):
        c.drawString(x, y, t)
    y -= 15
    if i == 16:
        c.line(34, y + 9, 560, y + 9)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(330, y - 4, "Carried forward")
        c.drawString(470, y - 4, inr(running))
        c.setFont("Helvetica", 8)
        c.drawString(270, 30, "Page 1 of 2")
        c.showPage()
        y = head(c, False)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(330, y, "Brought forward")
        c.drawString(470, y, inr(running))
        y -= 18
        c.setFont("Helvetica", 8.5)
c.line(34, y + 9, 560, y + 9)
c.setFont("Helvetica-Bold", 8.5)
c.drawString(330, y - 4, "Total")
c.drawString(470, y - 4, inr(running))
c.setFont("Helvetica", 8.5)
y -= 30
for t in ["Terms & Conditions:",
          "1. Prices are Ex-works Pune (EXW Pune). GST @ 18% extra as applicable.",
          "2. Packing & forwarding: included. Transportation: to-pay basis, to your account.",
          "3. Delivery: 4-5 weeks from receipt of your purchase order.",
          "4. Payment: 45 days from date of invoice.",
          "5. Validity: this offer is valid till 14/06/2025.",
          "",
          "For SHREE GANESH PRECISION COMPONENTS PVT. LTD.",
          "Authorised Signatory"]:
    c.drawString(36, y, t)
    y -= 13
c.setFont("Helvetica", 8)
c.drawString(270, 30, "Page 2 of 2")
c.save()
TOTAL_P07 = sum(Decimal(r) * q for _, _, q, r in P07)
write_truth("p07_reportlab_two_pages_inr_en.pdf", {
    "about": about("pdf", "en", [1, 7],
                   "two-page quotation whose table continues without a repeated header, 'Carried forward' / 'Brought forward' subtotal rows, Indian lakh grouping (1,85,000.00), day-first dates proved by 15/05, buyer's enquiry date, EXW with transport to-pay"),
    "header": {
        "supplier": "Shree Ganesh Precision Components Pvt. Ltd.",
        "quote_ref": "SGPC/Q/25-26/0147",
        "quote_date": "2025-05-15",
        "currency": "INR",
        "valid_until": "2025-06-14",
        "payment_net_days": 45,
        "incoterm": "EXW",
        "incoterm_place": "Pune",
        "freight": "extra",
        "total": format(TOTAL_P07, "f"),
    },
    "lines": [
        {"part_number": pn, "description": d, "quantity": str(q), "line_total": format(Decimal(r) * q, "f"),
         "breaks": [[str(q), r]], "lead_time_days": 35}
        for pn, d, q, r in P07
    ],
})
print("more: 4 documents; p07 total", TOTAL_P07)
