"""Sanity check of the held-out truth files against BLIND_SPEC (keys, types, canonical decimals, documents present)."""
import glob
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
DEC = re.compile(r"^-?\d+(\.\d+)?$")
ABOUT = {"format", "language", "classes", "source", "notes"}
HEADER = {"supplier", "quote_ref", "quote_date", "currency", "valid_until", "validity_days", "payment_net_days",
          "payment_discount_pct", "payment_discount_days", "payment_basis", "payment_deposit_pct", "incoterm",
          "incoterm_place", "freight", "freight_amount", "total", "tooling"}
LINE = {"part_number", "description", "supplier_part", "revision", "uom", "price_basis_qty", "breaks", "currency",
        "quantity", "line_total", "moq", "order_multiple", "lead_time_days", "tooling", "no_bid", "no_bid_reason",
        "alternate", "rfq_line"}
DEC_KEYS = {"payment_discount_pct", "payment_deposit_pct", "freight_amount", "total", "price_basis_qty", "quantity",
            "line_total", "moq", "order_multiple"}
INT_KEYS = {"validity_days", "payment_net_days", "payment_discount_days", "lead_time_days"}
FORMATS = {"csv", "tsv", "txt", "xlsx", "ods", "pdf", "eml", "html", "json", "xml"}
errors = []


def err(f, m):
    errors.append("%s: %s" % (os.path.basename(f), m))


def dec(f, where, v):
    if not isinstance(v, str) or not DEC.match(v):
        err(f, "%s not a canonical decimal string: %r" % (where, v))


truths = sorted(glob.glob(os.path.join(HERE, "*.truth.json")))
for f in truths:
    stem = f[:-len(".truth.json")]
    docs = [p for p in glob.glob(stem + ".*") if not p.endswith((".truth.json", ".rfq.json"))]
    if len(docs) != 1:
        err(f, "expected exactly one document, found %r" % docs)
    elif os.path.getsize(docs[0]) > 300 * 1024:
        err(f, "document over 300 KB")
    t = json.load(open(f, encoding="utf-8"))
    if set(t) != {"about", "header", "lines"}:
        err(f, "top-level keys %r" % sorted(t))
    a = t["about"]
    if set(a) - ABOUT or {"format", "language", "classes", "source"} - set(a):
        err(f, "about keys %r" % sorted(a))
    if a.get("format") not in FORMATS:
        err(f, "format %r" % a.get("format"))
    if not a.get("classes") or any(c not in range(1, 8) for c in a["classes"]):
        err(f, "classes %r" % a.get("classes"))
    h = t["header"]
    for k, v in h.items():
        if k not in HEADER:
            err(f, "unknown header key %s" % k)
        elif k in DEC_KEYS:
            dec(f, "header." + k, v)
        elif k in INT_KEYS and not isinstance(v, int):
            err(f, "header.%s not int" % k)
    if "valid_until" in h and "validity_days" in h:
        err(f, "both valid_until and validity_days")
    for k in ("quote_date", "valid_until"):
        if k in h and not re.match(r"^\d{4}-\d\d-\d\d$", h[k]):
            err(f, "%s not ISO" % k)
    if "currency" in h and not re.match(r"^[A-Z]{3}$", h["currency"]):
        err(f, "currency %r" % h["currency"])
    if h.get("freight") not in (None, "included", "per_shipment", "per_unit", "extra"):
        err(f, "freight %r" % h.get("freight"))
    for name, amt in h.get("tooling", []):
        dec(f, "header.tooling", amt)
    has_rfq = os.path.exists(stem + ".rfq.json")
    rfq_lines = set()
    if has_rfq:
        rfq_lines = {l["line"] for l in json.load(open(stem + ".rfq.json"))["lines"]}
    if not t["lines"]:
        err(f, "no lines")
    for i, l in enumerate(t["lines"]):
        w = "lines[%d]" % i
        for k, v in l.items():
            if k not in LINE:
                err(f, "%s unknown key %s" % (w, k))
            elif k in DEC_KEYS:
                dec(f, w + "." + k, v)
            elif k in INT_KEYS and not isinstance(v, int):
                err(f, "%s.%s not int" % (w, k))
        if not (l.get("part_number") or l.get("supplier_part") or l.get("description")):
            err(f, w + " has no identity")
        if l.get("no_bid"):
            if l.get("breaks") or "revision" in l:
                err(f, w + " no-bid with breaks/revision")
        elif not l.get("breaks"):
            err(f, w + " priced line without breaks")
        prev = None
        for q, p in l.get("breaks", []):
            dec(f, w + ".breaks qty", q)
            dec(f, w + ".breaks price", p)
            if prev is not None and Decimal(q) <= prev:
                err(f, w + " break quantities not ascending")
            prev = Decimal(q)
        for name, amt in l.get("tooling", []):
            dec(f, w + ".tooling", amt)
        if "rfq_line" in l and l["rfq_line"] not in rfq_lines:
            err(f, w + " rfq_line without RFQ line")
        if l.get("revision") in ("-", "n/a", "N/A", ""):
            err(f, w + " placeholder revision")

docs = [p for p in glob.glob(os.path.join(HERE, "*.*")) if not p.endswith((".truth.json", ".rfq.json", ".md"))]
for d in docs:
    stem = os.path.splitext(d)[0]
    if not os.path.exists(stem + ".truth.json"):
        err(d, "document without truth")
total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(HERE, "**", "*"), recursive=True) if os.path.isfile(p))
print("%d truth files, %d documents, %.0f KB total" % (len(truths), len(docs), total / 1024))
if total > 5 * 1024 * 1024:
    errors.append("set over 5 MB")
for e in errors:
    print("ERROR", e)
sys.exit(1 if errors else 0)
