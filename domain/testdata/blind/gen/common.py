"""Shared helpers for the dev-half generators: write a document, its truth and its RFQ.

Truth values are written by hand beside each document's content (never computed from
what an extractor says). Run any gen_*.py from anywhere; output goes to ../dev/.
"""
import json
import os
from email.message import EmailMessage
from email.policy import SMTP

DEV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dev")


def path(name):
    return os.path.join(DEV, name)


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
