"""Helpers for the heldout2 generators: write a document and its hand-typed truth.

The truth beside each document is typed by hand from what the document says (the same
literals the document prints); nothing here runs an extractor.
"""
import json
import os
import subprocess
from decimal import Decimal

OUT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))


def d(x):
    """Canonical decimal string ("1.50" stays "1.50"; no exponent)."""
    s = format(Decimal(str(x)), "f")
    return s


def per(price, basis):
    """A price stated per `basis` units, as a price per one unit (exact decimal)."""
    q = Decimal(str(price)) / Decimal(str(basis))
    s = format(q.normalize(), "f")
    return s


def L(part=None, desc=None, breaks=None, **kw):
    """A truth line. breaks: [(qty, unit price per ONE unit)]; tooling: [(label, amount)]."""
    line = {}
    if part:
        line["part_number"] = part
    if desc:
        line["description"] = desc
    for k, v in kw.items():
        if v is None:
            continue
        if k in ("moq", "order_multiple", "price_basis_qty", "quantity", "line_total"):
            v = d(v)
        if k == "tooling":
            v = [[lab, d(a)] for lab, a in v]
        line[k] = v
    if breaks:
        line["breaks"] = [[d(q), d(p)] for q, p in breaks]
    return line


def truth(fmt, lang, classes, notes, header, lines, source="synthetic"):
    h = dict(header)
    for k in ("total", "freight_amount", "payment_discount_pct", "payment_deposit_pct"):
        if k in h:
            h[k] = d(h[k])
    if "tooling" in h:
        h["tooling"] = [[lab, d(a)] for lab, a in h["tooling"]]
    return {
        "about": {
            "format": fmt,
            "language": lang,
            "classes": classes,
            "source": source,
            "notes": notes,
        },
        "header": h,
        "lines": lines,
    }


def save(name, data, t, rfq=None, encoding="utf-8"):
    """Writes NAME (bytes, or text in `encoding`) and NAME's stem .truth.json (+ .rfq.json)."""
    path = os.path.join(OUT, name)
    if isinstance(data, str):
        data = data.encode(encoding)
    with open(path, "wb") as f:
        f.write(data)
    stem = name.rsplit(".", 1)[0]
    with open(os.path.join(OUT, stem + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=1)
        f.write("\n")
    if rfq is not None:
        with open(os.path.join(OUT, stem + ".rfq.json"), "w", encoding="utf-8") as f:
            json.dump(rfq, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print("wrote", name)


def git_show(repo, commit, path):
    return subprocess.run(["git", "--git-dir", repo if repo.endswith(".git") or os.path.isdir(os.path.join(repo, "objects")) else os.path.join(repo, ".git"),
                           "show", "%s:%s" % (commit, path)], check=True, capture_output=True).stdout


def real(name, repo, commit, path, t):
    try:
        data = git_show(repo, commit, path)
    except Exception as e:  # the mirror is not here: keep the checked-in copy, rewrite the truth
        print("skip copy of %s (%s); truth only" % (name, e))
        with open(os.path.join(OUT, name), "rb") as f:
            data = f.read()
    save(name, data, t)
