"""Shared helpers for the heldout3 generators.

Every truth here is typed by hand from what the document beside it says; nothing is
computed from an extractor's output. Decimals are written as strings.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, ".."))
os.makedirs(OUT, exist_ok=True)

EXT_FORMAT = {"eml": "eml", "txt": "txt", "md": "txt", "csv": "csv", "tsv": "tsv",
              "xlsx": "xlsx", "ods": "ods", "pdf": "pdf", "html": "html", "xml": "xml",
              "json": "json"}


def path(name):
    return os.path.join(OUT, name)


def write_doc(name, data, encoding="utf-8"):
    """Writes a document (str or bytes) to heldout3/."""
    if isinstance(data, str):
        data = data.encode(encoding)
    with open(path(name), "wb") as f:
        f.write(data)


def truth(name, language, classes, notes, header, lines, source="synthetic", rfq=None):
    """Writes NAME.truth.json (and NAME.rfq.json) for the document `name` (with extension)."""
    stem, ext = name.rsplit(".", 1)
    t = {
        "about": {"format": EXT_FORMAT[ext], "language": language,
                  "classes": sorted(classes), "source": source, "notes": notes},
        "header": header,
        "lines": [fix_line(l) for l in lines],
    }
    with open(path(stem + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if rfq is not None:
        with open(path(stem + ".rfq.json"), "w", encoding="utf-8") as f:
            json.dump(rfq, f, ensure_ascii=False, indent=1)
            f.write("\n")


def fix_line(l):
    l = dict(l)
    if "breaks" in l:
        l["breaks"] = [[str(q), str(p)] for q, p in l["breaks"]]
    if "tooling" in l:
        l["tooling"] = [[str(a), str(b)] for a, b in l["tooling"]]
    return l


def B(*pairs):
    """B("100", "0.42", "500", "0.38") -> [("100","0.42"),("500","0.38")]"""
    return [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]
