"""Regenerates every synthetic heldout4 document and every truth (the real documents are
copied files; real_truth.py only writes their truths and checks the BOM rows)."""
import os
import runpy

HERE = os.path.dirname(os.path.abspath(__file__))
os.chdir(HERE)
for g in ["gen_text.py", "gen_xlsx.py", "gen_pdf.py", "gen_delim.py", "gen_eml.py", "gen_data.py",
          "real_truth.py"]:
    runpy.run_path(os.path.join(HERE, g), run_name="__main__")
