"""Shared helpers for the heldout4 generators: write a document, its truth and its RFQ.

Every truth value is typed by hand from what the document says (never computed from an
extractor's output). Run `python3 gen/run_all.py` from anywhere; output goes to ../
(domain/testdata/blind/heldout4/).
"""
import json
import os
from email.message import EmailMessage
from email.policy import SMTP

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def path(name):
    return os.path.join(HERE, name)


def write_doc(name, data):
    """Writes the document bytes (str is written as UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path(name), "wb") as f:
        f.write(data)


def write_truth(name, truth, rfq=None):
    """`name` is the document's file name; the truth goes beside it as STEM.truth.json."""
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


def msg(frm, to, subject, date, msgid):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = msgid
    m["MIME-Version"] = "1.0"
    return m


def out(m):
    return m.as_bytes(policy=SMTP)


def br(*pairs):
    """Breaks as [[qty, price], ...] from ("500", "1.25") pairs typed by hand."""
    return [[q, p] for q, p in pairs]
