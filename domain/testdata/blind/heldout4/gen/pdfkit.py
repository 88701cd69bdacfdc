"""Small PDF helpers over reportlab (platypus) and fpdf2, with DejaVu Sans embedded so
accented and Polish letters survive text extraction."""
import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
pdfmetrics.registerFont(TTFont("DV", DEJAVU))
pdfmetrics.registerFont(TTFont("DVB", DEJAVU_B))

P = ParagraphStyle("p", fontName="DV", fontSize=9, leading=11)
PB = ParagraphStyle("pb", fontName="DVB", fontSize=9, leading=11)
H = ParagraphStyle("h", fontName="DVB", fontSize=14, leading=17)
SMALL = ParagraphStyle("s", fontName="DV", fontSize=7.5, leading=9)


def para(text, style=P):
    return Paragraph(text.replace("\n", "<br/>"), style)


def grid_table(rows, widths, header_rows=1, repeat=1, align_right_from=None):
    t = Table(rows, colWidths=widths, repeatRows=repeat)
    st = [("FONTNAME", (0, 0), (-1, -1), "DV"), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
          ("FONTNAME", (0, 0), (-1, header_rows - 1), "DVB"),
          ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
          ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8e8e8"))]
    if align_right_from is not None:
        st.append(("ALIGN", (align_right_from, header_rows), (-1, -1), "RIGHT"))
    t.setStyle(TableStyle(st))
    return t


def build(story, pagesize=A4, footer=None, margins=18 * mm):
    b = io.BytesIO()
    doc = SimpleDocTemplate(b, pagesize=pagesize, leftMargin=margins, rightMargin=margins,
                            topMargin=margins, bottomMargin=margins)

    def on_page(canvas, d):
        if footer:
            canvas.saveState()
            canvas.setFont("DV", 7)
            canvas.drawString(margins, 10 * mm, footer(d.page))
            canvas.restoreState()

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return b.getvalue()
