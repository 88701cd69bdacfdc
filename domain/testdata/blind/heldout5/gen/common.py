"""Shared helpers for the heldout5 generators (writers only; see ../README.md).

Every truth value is typed by hand beside its document from what the document says.
Where a price is printed per 100 / 1000 the per-unit value is typed too, and `per` asserts
that it equals the printed price divided by the basis (a typing check, nothing more).
"""
import json
import os
from decimal import Decimal
from email.message import EmailMessage
from email.policy import SMTP

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def path(name):
    return os.path.join(OUT, name)


def write_doc(name, data, encoding="utf-8"):
    if isinstance(data, str):
        data = data.encode(encoding)
    with open(path(name), "wb") as f:
        f.write(data)


def write_truth(name, truth, rfq=None):
    stem = name.rsplit(".", 1)[0]
    with open(path(stem + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if rfq is not None:
        with open(path(stem + ".rfq.json"), "w", encoding="utf-8") as f:
            json.dump(rfq, f, ensure_ascii=False, indent=1)
            f.write("\n")


def about(fmt, lang, classes, notes, source="synthetic"):
    return {"format": fmt, "language": lang, "classes": classes, "source": source, "notes": notes}


def per(printed, basis, unit):
    """Checks a hand-typed per-unit price against the printed price and its basis."""
    assert Decimal(printed) / Decimal(basis) == Decimal(unit), (printed, basis, unit)
    return unit


def msg(frm, to, subject, date, msgid, **extra):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = msgid
    for k, v in extra.items():
        m[k.replace("_", "-")] = v
    return m


def out(m):
    return m.as_bytes(policy=SMTP)


def L(**kw):
    """One truth line; keys as the truth format names them."""
    return dict(kw)


# ---------------------------------------------------------------- PDF / XLSX helpers

def rl_canvas(buf_or_path, pagesize=None):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    try:
        pdfmetrics.getFont("DV")
    except KeyError:
        pdfmetrics.registerFont(TTFont("DV", FONT))
        pdfmetrics.registerFont(TTFont("DVB", FONT_B))
    c = canvas.Canvas(buf_or_path, pagesize=pagesize or A4)
    c.setAuthor("")
    c.setCreator("")
    return c


def rl_lines(c, x, y, lines, size=9, font="DV", lead=None):
    lead = lead or size * 1.35
    for ln in lines:
        c.setFont(font, size)
        c.drawString(x, y, ln)
        y -= lead
    return y


def rl_row(c, y, cols, cells, size=8.5, font="DV", right=()):
    """cells at x positions `cols`; indexes in `right` are right-aligned at the next col - 4."""
    c.setFont(font, size)
    for i, (x, t) in enumerate(zip(cols, cells)):
        if t is None:
            continue
        if i in right:
            xr = (cols[i + 1] - 6) if i + 1 < len(cols) else 560
            c.drawRightString(xr, y, t)
        else:
            c.drawString(x, y, t)


def xlsx_bytes(wb):
    import io
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()
