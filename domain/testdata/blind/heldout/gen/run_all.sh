#!/bin/sh
# Regenerates the synthetic held-out documents and their truth files (r0* are real documents, copied, not generated).
# Needs: pip install openpyxl reportlab fpdf2 weasyprint; fonts-dejavu. Order matters: gen_pdf.py makes the PDF that
# gen_mail2.py attaches. MIME boundaries and PDF ids differ between runs; contents do not.
set -e
cd "$(dirname "$0")"
for g in gen_text gen_mail gen_delim gen_xlsx gen_pdf gen_mail2 gen_web gen_misc gen_extra; do python3 $g.py; done
rm -f _h27_devis.pdf
python3 check.py
