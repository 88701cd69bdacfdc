"""Regenerates every synthetic document and truth of heldout5 (and the real documents' truths)."""
import runpy, os
here = os.path.dirname(os.path.abspath(__file__))
for s in ["gen_text.py", "gen_eml.py", "gen_delim.py", "gen_xlsx.py", "gen_pdf.py", "gen_misc.py", "real_truth.py"]:
    runpy.run_path(os.path.join(here, s), run_name="__main__")
