"""r03: a real priced BOM (reStructuredText) copied byte for byte; truth typed by hand.

    PROTONEMA = dslik/protonema @ 9e58881 (CERN-OHL-S-2.0, see SOURCES.md)
Set PROTONEMA to that repository's git directory to copy the file again.
"""
import os

from common import L, real, truth

PROTONEMA = os.environ.get("PROTONEMA", "/work/.mirror/dslik+protonema/repo")
COMMIT = "9e58881"


def bl(mpn, desc, qty, cost, unit):
    """A BOM line that prints only its extended cost: one break [qty, cost / qty]."""
    return L(mpn, desc, [(qty, unit)], quantity=qty, line_total=cost)


real("r03_rst_priced_bom_1031_cad_en.txt", PROTONEMA, COMMIT, "stamps/1031A/1031-8010/bom.rst", truth(
    "txt", "en", [1, 4, 7],
    "real priced BOM (reStructuredText list-table, one cell per line) of another Protonema board than the dev half's: parts and packing tables each with a Total row (17.20 and 12.27, both sums of the Cost column), Cost is the extended cost per line in '$x.xx CAD'; MPN is the part number, rows ordered by description have none",
    {"currency": "CAD"},
    [
        bl("Y208-2154951A", "Stamp PCB", 1, "0.65", "0.65"),
        bl("SML-LXT0805GW-TR", "Green LED Indication - Discrete 2V 0805 (2012 Metric)", 1, "0.57", "0.57"),
        bl("0010897041", "Straight 2x4 2.54mm Black Pin Headers", 1, "0.64", "0.64"),
        bl("ZY28", "16 Point solderless breadboard", 4, "3.96", "0.99"),
        bl("0022284060", "Connector Header Through Hole 6 position 0.100\" (2.54mm)", 1, "0.36", "0.36"),
        bl("0022284020", "Connector Header Through Hole 2 position 0.100\" (2.54mm)", 1, "0.17", "0.17"),
        bl("STC02SYAN", "2 (1 x 2) Position Shunt Connector Black Closed Top 0.100\" (2.54mm)", 1, "0.15", "0.15"),
        bl("RMCF0603FT649R", "649 Ohms ±1% 0.1W, 1/10W Chip Resistor 0603 (1608 Metric)", 1, "0.15", "0.15"),
        bl("CRGCQ0603J1K0", "1 kOhms ±5% 0.1W, 1/10W Chip Resistor 0603 (1608 Metric)", 1, "0.15", "0.15"),
        bl("SC0915", "RP2040 Raspberry Pi Pico series ARM® Cortex®-M0+ MCU 32-Bit Embedded Evaluation Board", 1, "5.53", "5.53"),
        bl("LM4040BIM3-3.0/NOPB", "Shunt Voltage Reference IC Fixed 3.0V V ±0.2% 15 mA", 1, "2.99", "2.99"),
        bl("UDT26A05L05-LC1", "16V Clamp 5A (8/20µs) Ipp Tvs Diode Surface Mount SOT-23-6L", 1, "0.97", "0.97"),
        bl(None, "Screw - M3 5mm Black Nylon Phillips Socket Button Head", 4, "0.25", "0.0625"),
        bl(None, "Standoff - M3 11mm+6 Black Nylon", 4, "0.30", "0.075"),
        bl(None, "Nut - M3 Black Nylon", 4, "0.35", "0.0875"),
        bl(None, "QC Sticker", 1, "0.0094", "0.0094"),
        bl("30044", "Static Shielding Bag 4\" X 4\" Ziplock", 1, "0.22", "0.22"),
        bl(None, "Static Shielding Bag 1.5\" X 2.8\" Ziplock", 1, "0.06", "0.06"),
        bl("3631", "CORREC-PAK SHIPPER 4 X 4 X 2\" ID", 1, "7.99", "7.99"),
        bl(None, "1031A ESD Sticker", 2, "4.00", "2.00"),
    ],
    source="real: dslik/protonema@9e58881:stamps/1031A/1031-8010/bom.rst (CERN-OHL-S-2.0)"))
