"""Shared helpers for the held-out generators: write a document's bytes and its
hand-written truth file side by side in the heldout/ folder."""
import json
import os

OUT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))


def write_bytes(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def write_text(name, text, encoding="utf-8", newline="\n"):
    write_bytes(name, text.replace("\n", newline).encode(encoding))


def truth(stem, about, header, lines, rfq=None):
    """Write <stem>.truth.json (and <stem>.rfq.json when given)."""
    about = dict(about)
    about.setdefault("source", "synthetic")
    doc = {"about": about, "header": header, "lines": lines}
    with open(os.path.join(OUT, stem + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    if rfq is not None:
        with open(os.path.join(OUT, stem + ".rfq.json"), "w", encoding="utf-8") as f:
            json.dump(rfq, f, ensure_ascii=False, indent=2)
            f.write("\n")
