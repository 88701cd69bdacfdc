"""heldout3 real documents: copied byte for byte from public repositories (mirrors fetched
with the search tool), truth typed by hand from the printed file."""
import subprocess

from common import write_doc, truth, B

PROTONEMA = "/work/.mirror/dslik+protonema/repo"
EN16931 = "/work/.mirror/ConnectingEurope+eInvoicing-EN16931/repo"


def show(repo, commit, p):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{p}"], check=True, capture_output=True).stdout


# ------------------------------------------------------------------ r01 protonema 1060A priced BOM (rst)
n = "r01_rst_priced_bom_1060_cad_en.txt"
write_doc(n, show(PROTONEMA, "9e588810a28d5dfba5ea056166167e58111f0a54", "stamps/1060A/1060-8010/bom.rst"))


def bl(pn, desc, q, tot, unit):
    l = {"description": desc, "quantity": q, "line_total": tot, "breaks": B(q, unit)}
    if pn:
        l = {"part_number": pn, **l}
    return l


truth(n, "en", [1, 4, 7],
      "real priced BOM (reStructuredText list-table, one cell per line) of a third Protonema board: parts and packing tables each with a Total row (6.92 and 12.27), Cost is the extended cost per line in '$x.xx CAD'; a row whose Qty (8) disagrees with its two designators is taken as printed; MPN is the part number",
      {"currency": "CAD"},
      [bl("Y393-2154951A", "Stamp PCB", "1", "1.09", "1.09"),
       bl("Y394-2154951A", "Stamp Front Panel PCB", "1", "1.36", "1.36"),
       bl("0022284020", "Connector Header Through Hole 2 position 0.100\" (2.54mm)", "1", "0.17", "0.17"),
       bl("ZY28", "16 Point solderless breadboard", "1", "1.27", "1.27"),
       bl("RV09AF-40-20K-B10K", "10K Linear Potentiometer 6mm Shaft Diameter, 11mm Shaft Length", "8", "1.82", "0.2275"),
       bl(None, "Screw - M3 5mm Black Nylon Phillips Socket Button Head", "4", "0.25", "0.0625"),
       bl(None, "Standoff - M3 11mm+6 Black Nylon", "4", "0.30", "0.075"),
       bl(None, "Standoff - M3 9mm+6 Black Nylon", "4", "0.30", "0.075"),
       bl(None, "Nut - M3 Black Nylon", "4", "0.35", "0.0875"),
       bl(None, "QC Sticker", "1", "0.0094", "0.0094"),
       bl("30044", "Static Shielding Bag 4\" X 4\" Ziplock", "1", "0.22", "0.22"),
       bl(None, "Static Shielding Bag 1.5\" X 2.8\" Ziplock", "1", "0.06", "0.06"),
       bl("3631", "CORREC-PAK SHIPPER 4 X 4 X 2\" ID", "1", "7.99", "7.99"),
       bl(None, "ESD Sticker", "2", "4.00", "2.00")],
      source="real: dslik/protonema@9e588810:stamps/1060A/1060-8010/bom.rst (CERN-OHL-S-2.0)")

# ------------------------------------------------------------------ r02 EN 16931 UBL example 9 (Bluem, NL, licence months)
n = "r02_ubl_example9_licence_months_eur_nl.xml"
write_doc(n, show(EN16931, "b6c9e06a59812fb1a83585da40923b3678a649ad", "ubl/examples/ubl-tc434-example9.xml"))
truth(n, "nl", [7],
      "real EN 16931 UBL invoice (test example 9): one licence line billed in months (MON) with BaseQuantity 1, Dutch payment note without days, due date only (no net-days fact), contract reference, invoice period",
      {"supplier": "Bluem BV", "quote_ref": "20150483", "quote_date": "2015-04-01", "currency": "EUR", "total": "177.87"},
      [{"description": "IExpress licentiekosten", "uom": "MON", "quantity": "3", "line_total": "147.00", "breaks": B("3", "49.00")}],
      source="real: ConnectingEurope/eInvoicing-EN16931@b6c9e06a:ubl/examples/ubl-tc434-example9.xml (EUPL-1.2)")

# ------------------------------------------------------------------ r03 Factur-X PDF (FeRD sample via ZUGFeRD/corpus), German service invoice
ZUGFERD = "/work/.mirror/ZUGFeRD+corpus/repo"
n = "r03_facturx_elektron_hours_pdf_eur_de.pdf"
write_doc(n, show(ZUGFERD, "47b61beb29b7de98c3c91cdb3657415c0ede783b", "XML-Rechnung/FX/EN16931_Elektron.pdf"))
truth(n, "de", [1, 7],
      "real Factur-X/ZUGFeRD 2.2 PDF (3 pages, embedded factur-x.xml plus a PNG and a PDF attachment): a 'Baurechnung' (type 204) with an hours line (Std/HUR) and a piece line, line notes, long remark, 'Zahlbar sofort rein netto' read as net 0",
      {"supplier": "ELEKTRON Industrieservice GmbH", "quote_ref": "181301674", "quote_date": "2018-04-25", "currency": "EUR",
       "payment_net_days": 0, "total": "300.00"},
      [{"description": "TGA Obermonteur/Monteur", "uom": "HUR", "quantity": "3", "line_total": "129.60", "breaks": B("3", "43.20")},
       {"description": "Beamer-Deckenhalterung", "uom": "H87", "quantity": "1", "line_total": "122.50", "breaks": B("1", "122.50")}],
      source="real: ZUGFeRD/corpus@47b61beb:XML-Rechnung/FX/EN16931_Elektron.pdf (Apache-2.0, XML-Rechnung/LICENSE)")
