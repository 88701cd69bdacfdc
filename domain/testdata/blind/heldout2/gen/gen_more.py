"""Two more documents for heldout2 (t08, x08). Truth typed by hand."""
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment

from common import L, per, save, truth

# ---------------------------------------------------------------- t08 Dutch plain text, per 1000 st., freight included
t08 = """Geachte heer De Boer,

Hierbij onze offerte OFF-26-0917 d.d. 30-12-2026.

Artikel TW-5501 (uw nr. 88-5501), veerring DIN 127 M10 verzinkt
  prijs: EUR 24,60 per 1000 st. bij afname van 10.000 st.
  prijs: EUR 21,90 per 1000 st. bij afname van 50.000 st.
Artikel TW-5530 (uw nr. 88-5530), slotmoer M10 klasse 8 verzinkt
  prijs: EUR 96,00 per 1000 st. bij afname van 10.000 st.
Uw nr. 88-5540 (borgpen 4x28): kunnen wij helaas niet leveren.

Levertijd: 2 weken. Betaling: 30 dagen netto. Levering franco huis (DAP Zwolle).
Deze offerte is geldig tot 31-03-2027.

Met vriendelijke groet,
Twentse Bevestigingstechniek B.V.
"""
save("t08_plain_per_1000_st_nobid_nl.txt", t08, truth(
    "txt", "nl", [2, 5, 6, 7],
    "Dutch plain text: 'EUR 24,60 per 1000 st. bij afname van 10.000 st.' sentences under article lines, supplier article vs 'uw nr.', a no-bid sentence, franco huis",
    {"supplier": "Twentse Bevestigingstechniek B.V.", "quote_ref": "OFF-26-0917", "quote_date": "2026-12-30",
     "currency": "EUR", "valid_until": "2027-03-31", "payment_net_days": 30, "incoterm": "DAP",
     "incoterm_place": "Zwolle", "freight": "included"},
    [
        L("88-5501", "veerring DIN 127 M10 verzinkt", [(10000, per("24.60", 1000)), (50000, per("21.90", 1000))],
          supplier_part="TW-5501", uom="H87", price_basis_qty=1000, lead_time_days=14),
        L("88-5530", "slotmoer M10 klasse 8 verzinkt", [(10000, per("96.00", 1000))], supplier_part="TW-5530",
          uom="H87", price_basis_qty=1000, lead_time_days=14),
        L("88-5540", "borgpen 4x28", no_bid=True, no_bid_reason="kunnen wij helaas niet leveren"),
    ]))

# ---------------------------------------------------------------- x08 price and basis wrapped in one cell
wb = Workbook()
ws = wb.active
ws.title = "Quotation"
ws.append(["Dixie Wire & Cable Co."])
ws.append(["Quote No. DWC-40981", None, "Date: 12/29/2026"])
ws.append(["Terms: Net 30 days. F.O.B. Chattanooga, TN, freight allowed. Pricing firm thru 02/26/2027."])
ws.append([])
ws.append(["Customer Item", "Description", "Put-up", "Price"])
rows = [("CW-1410", "Hook-up wire UL1007 22 AWG, black", "1,000 ft spool", "41.50 per\n1000 ft"),
        ("CW-1422", "Hook-up wire UL1007 18 AWG, red", "500 ft spool", "78.20 per\n1000 ft"),
        ("CW-1605", "Multi-conductor cable 4C 22 AWG shielded", "250 ft reel", "0.96 per\nft")]
for r in rows:
    ws.append(list(r))
for row in ws.iter_rows(min_row=6, max_row=8, min_col=4, max_col=4):
    for c in row:
        c.alignment = Alignment(wrap_text=True)
buf = io.BytesIO()
wb.save(buf)
save("x08_price_per_1000ft_wrapped_cell_usd_en.xlsx", buf.getvalue(), truth(
    "xlsx", "en", [2, 7],
    "price and basis in one wrapped cell ('41.50 per / 1000 ft'), sold by the foot in fixed put-ups (spool length = moq and multiple, min_qty of the single price), F.O.B. City, ST with freight allowed, US dates",
    {"supplier": "Dixie Wire & Cable Co.", "quote_ref": "DWC-40981", "quote_date": "2026-12-29",
     "currency": "USD", "valid_until": "2027-02-26", "payment_net_days": 30, "incoterm": "FOB",
     "incoterm_place": "Chattanooga, TN", "freight": "included"},
    [
        L("CW-1410", "Hook-up wire UL1007 22 AWG, black", [(1000, per("41.50", 1000))], uom="FOT",
          price_basis_qty=1000, moq=1000, order_multiple=1000),
        L("CW-1422", "Hook-up wire UL1007 18 AWG, red", [(500, per("78.20", 1000))], uom="FOT",
          price_basis_qty=1000, moq=500, order_multiple=500),
        L("CW-1605", "Multi-conductor cable 4C 22 AWG shielded", [(250, "0.96")], uom="FOT",
          moq=250, order_multiple=250),
    ]))
