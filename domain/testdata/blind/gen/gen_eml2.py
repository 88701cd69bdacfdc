"""More e-mails: bilingual body + PDF attachment, a reply full of no-bids and
alternates (with an RFQ), an HTML table whose cells hold quantity and price together."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from common import about, msg, out, write_doc, write_truth

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

# ---------------------------------------------------------------- e05: zh-en body + reportlab PDF, RMB
buf = io.BytesIO()
c = canvas.Canvas(buf, pagesize=A4, invariant=1)
c.setTitle("QT20250318-07")
W, H = A4
c.setFont("STSong-Light", 15)
c.drawString(40, H - 50, "深圳市恒泰精密塑胶有限公司")
c.setFont("Helvetica-Bold", 12)
c.drawString(40, H - 68, "Shenzhen Hengtai Precision Plastic Co., Ltd.")
c.setFont("STSong-Light", 9)
c.drawString(40, H - 82, "地址: 深圳市宝安区福永街道凤凰第三工业区 8 栋   Tel: +86 755 2733 0000")
c.setFont("STSong-Light", 16)
c.drawString(230, H - 115, "报价单  QUOTATION")
c.setFont("STSong-Light", 10)
c.drawString(40, H - 145, "客户 To: Becker Geraetebau GmbH")
c.drawString(330, H - 145, "报价单号 No.: QT20250318-07")
c.drawString(40, H - 160, "联系人 Attn: Mr. Becker")
c.drawString(330, H - 160, "日期 Date: 2025-03-18")
cols = [40, 80, 160, 330, 400, 480]
y = H - 195
c.setFont("STSong-Light", 9)
heads = [("序号", "No."), ("客户料号", "Customer P/N"), ("品名", "Description"), ("数量", "Qty (pcs)"),
         ("单价", "Unit Price (RMB)"), ("备注", "Remark")]
for x, (zh, en) in zip(cols, heads):
    c.drawString(x, y, zh)
    c.drawString(x, y - 12, en)
c.line(38, y - 17, 560, y - 17)
rows = [("1", "HB-2201", "前壳 Front housing, ABS", "3,000", "4.85", "黑色 black"),
        ("2", "HB-2202", "后壳 Rear housing, ABS", "3,000", "4.20", "黑色 black"),
        ("3", "HB-2210", "按键 Button, silicone", "10,000", "0.38", "")]
y -= 32
for r in rows:
    for x, v in zip(cols, r):
        c.drawString(x, y, v)
    y -= 16
c.line(38, y + 6, 560, y + 6)
y -= 14
for t in ["备注 Remarks:",
          "1. 以上价格为人民币含13%增值税 / Prices in RMB incl. 13% VAT.",
          "2. 模具费 Mould cost (family mould HB-2201/HB-2202): ¥18,000, 一次性收取 one time.",
          "3. 交期 Lead time: 25 days after deposit; 模具 35 days.",
          "4. 付款 Payment: 30% T/T deposit, balance before shipment.",
          "5. 价格条款 Price term: FOB Shenzhen."]:
    c.drawString(40, y, t)
    y -= 15
c.drawString(40, y - 20, "报价人 Quoted by: 张凯 Kevin Zhang")
c.drawString(400, y - 20, "第 1 页 共 1 页")
c.save()

m = msg('"Kevin Zhang" <kevin@hengtai-plastic.cn>', '"Mr. Becker" <einkauf@becker-geraetebau.de>',
        "Quotation QT20250318-07 / 报价单", "Tue, 18 Mar 2025 17:31:02 +0800", "<qt2025031807@hengtai-plastic.cn>")
m.set_content("""Dear Mr. Becker,

感谢您的询价。附件是我司报价单 QT20250318-07，请查收。
Thanks for your inquiry, please find attached our quotation QT20250318-07.

All prices are in RMB (人民币), incl. 13% VAT.
Mould cost for the family mould (HB-2201 + HB-2202): ¥18,000, one time.
Payment: 30% T/T deposit, balance before shipment. FOB Shenzhen.

Any question please feel free to contact me.

Best regards / 此致
Kevin Zhang 张凯
Sales Manager
Shenzhen Hengtai Precision Plastic Co., Ltd.
深圳市恒泰精密塑胶有限公司
""")
m.add_attachment(buf.getvalue(), maintype="application", subtype="pdf", filename="QT20250318-07.pdf")
write_doc("e05_body_pdf_rmb_zh.eml", out(m))
write_truth("e05_body_pdf_rmb_zh.eml", {
    "about": about("eml", "zh-en", [1, 3, 6, 7],
                   "bilingual body + PDF attachment (reportlab, CID font) with two-line bilingual headers; ¥ and RMB; family mould for the whole quote; deposit terms; buyer named in the PDF"),
    "header": {
        "supplier": "Shenzhen Hengtai Precision Plastic Co., Ltd.",
        "quote_ref": "QT20250318-07",
        "quote_date": "2025-03-18",
        "currency": "CNY",
        "payment_deposit_pct": "30",
        "incoterm": "FOB",
        "incoterm_place": "Shenzhen",
        "tooling": [["Mould cost (family mould HB-2201/HB-2202)", "18000"]],
    },
    "lines": [
        {"part_number": "HB-2201", "description": "前壳 Front housing, ABS", "uom": "H87",
         "breaks": [["3000", "4.85"]], "lead_time_days": 25},
        {"part_number": "HB-2202", "description": "后壳 Rear housing, ABS", "uom": "H87",
         "breaks": [["3000", "4.20"]], "lead_time_days": 25},
        {"part_number": "HB-2210", "description": "按键 Button, silicone", "uom": "H87",
         "breaks": [["10000", "0.38"]], "lead_time_days": 25},
    ],
})

# ---------------------------------------------------------------- e06: no-bids, blanket no-quote, alternate (RFQ)
m = msg('"Greg Olsen" <golsen@midwestgasket.com>', '"Jennifer Cole" <jcole@prairiepumps.com>',
        "RE: RFQ 7731", "Thu, 06 Feb 2025 10:15:40 -0600", "<BN7PR11MB2290.0206@midwestgasket.com>")
m.set_content("""Jennifer,

Thanks for including us. Our response to RFQ 7731 is below, quote ref MGS-25-0206.

Item 1 - GSK-1001 Rev B, flange gasket 4" 150#, non-asbestos: $2.46 ea @ 500, $2.18 ea @ 2,000. Lead time 2 weeks.
Item 2 - GSK-1002 Rev A, flange gasket 6" 150#: $3.95 ea @ 500. We can also offer our standard part MG-6150-NA in place of your drawing at $3.40 ea, same qty.
Item 3 - O-RING-225-V: we do not quote O-rings, please source from a distributor.
Item 4 - GSK-1010, spiral wound gasket 2": we don't have the capability for spiral wound. No bid.
All other items on your RFQ: no quote.

Pricing is valid 45 days. Terms 1% 10 Net 30, FOB Milwaukee, WI, freight prepaid & added.

Greg Olsen
Inside Sales | Midwest Gasket Supply, LLC
414-555-0193

> -----Original Message-----
> From: Jennifer Cole [mailto:jcole@prairiepumps.com]
> Sent: Tuesday, January 28, 2025 3:22 PM
> To: Greg Olsen <golsen@midwestgasket.com>
> Subject: RFQ 7731
>
> Greg,
>
> Prairie Pump Company requests pricing for the items below, quote due 02/07/2025:
> 1. GSK-1001 Rev B  qty 500 / 2000
> 2. GSK-1002 Rev A  qty 500
> 3. O-RING-225-V    qty 1000
> 4. GSK-1010 Rev C  qty 200
> 5. SEAL-3300 Rev A qty 100
> 6. SEAL-3301 Rev A qty 100
>
> Terms Net 60, FOB destination.
>
> Thanks,
> Jennifer Cole, Buyer
> Prairie Pump Company
""")
write_doc("e06_reply_nobids_alternate_en.eml", out(m))
write_truth("e06_reply_nobids_alternate_en.eml", {
    "about": about("eml", "en", [5, 7],
                   "reply answering an RFQ in prose: @ breaks, alternate in words, no-bids by description, blanket 'all other items: no quote', 1% 10 Net 30, FOB City, ST, prepaid & added; quoted RFQ with other terms"),
    "header": {
        "supplier": "Midwest Gasket Supply, LLC",
        "quote_ref": "MGS-25-0206",
        "quote_date": "2025-02-06",
        "currency": "USD",
        "validity_days": 45,
        "payment_net_days": 30,
        "payment_discount_pct": "1",
        "payment_discount_days": 10,
        "incoterm": "FOB",
        "incoterm_place": "Milwaukee, WI",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "GSK-1001", "revision": "B", "description": "flange gasket 4\" 150#, non-asbestos",
         "uom": "H87", "breaks": [["500", "2.46"], ["2000", "2.18"]], "lead_time_days": 14, "rfq_line": "1"},
        {"part_number": "GSK-1002", "revision": "A", "description": "flange gasket 6\" 150#",
         "uom": "H87", "breaks": [["500", "3.95"]], "alternate": "MG-6150-NA at $3.40 ea", "rfq_line": "2"},
        {"part_number": "O-RING-225-V", "no_bid": True, "no_bid_reason": "we do not quote O-rings", "rfq_line": "3"},
        {"part_number": "GSK-1010", "description": "spiral wound gasket 2\"", "no_bid": True,
         "no_bid_reason": "no capability for spiral wound", "rfq_line": "4"},
        {"part_number": "SEAL-3300", "no_bid": True, "no_bid_reason": "all other items: no quote", "rfq_line": "5"},
        {"part_number": "SEAL-3301", "no_bid": True, "no_bid_reason": "all other items: no quote", "rfq_line": "6"},
    ],
}, rfq={
    "rfq": "7731", "currency": "USD",
    "lines": [
        {"line": "1", "part_number": "GSK-1001", "revision": "B", "description": "Flange gasket 4in 150# NA", "quantities": ["500", "2000"], "last_price": "2.55"},
        {"line": "2", "part_number": "GSK-1002", "revision": "A", "description": "Flange gasket 6in 150#", "quantities": ["500"]},
        {"line": "3", "part_number": "O-RING-225-V", "description": "O-ring 225 Viton", "quantities": ["1000"]},
        {"line": "4", "part_number": "GSK-1010", "revision": "C", "description": "Spiral wound gasket 2in", "quantities": ["200"]},
        {"line": "5", "part_number": "SEAL-3300", "revision": "A", "description": "Shaft seal 1.25in", "quantities": ["100"]},
        {"line": "6", "part_number": "SEAL-3301", "revision": "A", "description": "Shaft seal 1.50in", "quantities": ["100"]},
    ],
})

# ---------------------------------------------------------------- e07: HTML reply, cells hold "qty price" pairs
m = msg('"Andreas Huber" <a.huber@huber-cnc.at>', '"Einkauf" <einkauf@alpentech.de>',
        "AW: Anfrage 2025-118 Drehteile", "Mon, 24 Mar 2025 08:47:12 +0100", "<ang25-0342@huber-cnc.at>")
m.set_content("Ihr E-Mail-Programm kann diese Nachricht nicht darstellen. Bitte HTML-Ansicht verwenden.\n")
m.add_alternative("""<html><body style="font-family:Arial;font-size:10pt">
<p>Sehr geehrte Damen und Herren,</p>
<p>anbei unser Angebot Nr. <b>ANG-25-0342</b> vom 24.03.2025 zu Ihrer Anfrage 2025-118:</p>
<table border="1" cellspacing="0" cellpadding="3">
<tr><th>Ihre Teilenummer</th><th>Bezeichnung</th><th>Zeichnungsindex</th><th>Staffelpreise</th><th>Lieferzeit</th></tr>
<tr><td>AT-20051</td><td>Achse &Oslash;16 x 120, 1.4305</td><td>C</td><td>250 12,30 &euro;<br>1000 10,95 &euro;</td><td>4-5 Wochen</td></tr>
<tr><td>AT-20052</td><td>Buchse &Oslash;22 x 30, CuSn8</td><td>A</td><td>250 6,80 &euro;<br>1000 5,95 &euro;</td><td>4-5 Wochen</td></tr>
<tr><td>AT-20060</td><td>Gewindestift M8 Sonder</td><td>-</td><td>1000 0,92 &euro;</td><td>3 Wochen</td></tr>
</table>
<p>Einmalige Programmier- und R&uuml;stkosten: 240,00 &euro; pro Auftrag.<br>
Zahlungsbedingungen: 30 Tage netto.<br>
Lieferung: FCA Kufstein, Verpackung inklusive, Fracht zu Ihren Lasten.<br>
Angebot g&uuml;ltig bis 30.04.2025.</p>
<p>Mit freundlichen Gr&uuml;&szlig;en<br>Andreas Huber<br>Huber CNC-Technik GmbH<br>A-6330 Kufstein</p>
<hr>
<p><b>Von:</b> Einkauf AlpenTech GmbH &lt;einkauf@alpentech.de&gt;<br><b>Gesendet:</b> Dienstag, 18. M&auml;rz 2025 10:03<br><b>Betreff:</b> Anfrage 2025-118 Drehteile</p>
<p>Sehr geehrter Herr Huber,<br>bitte bieten Sie uns folgende Teile an: AT-20051, AT-20052, AT-20060 je 250 / 1000 St&uuml;ck.<br>Lieferbedingung DAP Rosenheim, Zahlung 60 Tage.</p>
<p>AlpenTech GmbH, Einkauf</p>
</body></html>
""", subtype="html")
write_doc("e07_html_qty_price_cells_de.eml", out(m))
write_truth("e07_html_qty_price_cells_de.eml", {
    "about": about("eml", "de", [1, 3, 4, 6, 7],
                   "HTML-only reply: each price cell holds '250 12,30 €' pairs on <br> lines; German part-number header; index '-'; programming/setup per order as one-time charge; quoted inquiry with other terms"),
    "header": {
        "supplier": "Huber CNC-Technik GmbH",
        "quote_ref": "ANG-25-0342",
        "quote_date": "2025-03-24",
        "currency": "EUR",
        "valid_until": "2025-04-30",
        "payment_net_days": 30,
        "incoterm": "FCA",
        "incoterm_place": "Kufstein",
        "freight": "extra",
        "tooling": [["Programmier- und Rüstkosten", "240.00"]],
    },
    "lines": [
        {"part_number": "AT-20051", "revision": "C", "description": "Achse Ø16 x 120, 1.4305",
         "breaks": [["250", "12.30"], ["1000", "10.95"]], "lead_time_days": 35},
        {"part_number": "AT-20052", "revision": "A", "description": "Buchse Ø22 x 30, CuSn8",
         "breaks": [["250", "6.80"], ["1000", "5.95"]], "lead_time_days": 35},
        {"part_number": "AT-20060", "description": "Gewindestift M8 Sonder",
         "breaks": [["1000", "0.92"]], "lead_time_days": 21},
    ],
})
print("eml part 2: 3 documents")
