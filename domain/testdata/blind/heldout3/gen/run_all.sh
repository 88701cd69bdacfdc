#!/bin/sh
# Regenerates every synthetic heldout3 document and its truth (and copies the real ones).
set -e
cd "$(dirname "$0")"
for g in gen_eml.py gen_eml2.py gen_xlsx.py gen_text.py gen_pdf.py gen_office.py gen_more.py real_truth.py; do
  python3 "$g"
done
