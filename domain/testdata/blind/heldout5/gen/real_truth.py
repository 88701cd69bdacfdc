"""Truths of the four real documents (copied byte for byte; sources in ../README.md).
Typed by hand from the files; e-invoice rules as in ../../README.md."""
from common import about, write_truth, L

ZF = "ZUGFeRD/corpus@47b61beb29b7de98c3c91cdb3657415c0ede783b"
CE = "ConnectingEurope/eInvoicing-EN16931@69c0b4dc9694911607f9f3ce422df6ee21d6df08"

write_truth("r01_ubl_intra_eu_supply_seller_buyer_ids_eur_de.xml", {
    "about": about("xml", "de", [6], "UBL (PEPPOL BIS 3) intra-community supply: buyer's and seller's item ids, due date only (no net days), 0 % VAT",
                   source=f"real: {ZF}:XML-Rechnung/UBL/EN16931_Innergemeinschaftliche_Lieferungen.ubl.xml (Apache-2.0)"),
    "header": {"supplier": "Global Supplies Ltd.", "quote_ref": "47110818", "quote_date": "2018-10-31",
               "currency": "EUR", "total": "2000"},
    "lines": [
        L(part_number="Toolbox 0815", supplier_part="CO-123/V2A", description="Stahlcoil", uom="H87",
          breaks=[["10", "100"]], quantity="10", line_total="1000"),
        L(part_number="BR-4529-ZF", supplier_part="IM-712/A2A", description="Stoßfänger", uom="H87",
          breaks=[["10", "100"]], quantity="10", line_total="1000"),
    ]})

write_truth("r02_zugferd1_extended_warenrechnung_free_goods_eur_de.pdf", {
    "about": about("pdf", "de", [1, 6, 7], "ZUGFeRD 1.0 EXTENDED PDF (goods invoice) with embedded XML: supplier article no. and (for two lines) customer article no. stacked in one column pair, a free-of-charge repeat line of the same article at 0.00, item and invoice discounts, a component list under a mixed pallet (not lines), freight charge 3,00, 2 % Skonto 14 Tage, gross total",
                   source=f"real: {ZF}:ZUGFeRDv1/correct/Intarsys/ZUGFeRD_1p0_EXTENDED_Warenrechnung.pdf (Apache-2.0)"),
    "header": {"supplier": "MUSTERLIEFERANT GMBH", "quote_ref": "R87654321012345", "quote_date": "2013-08-06", "currency": "EUR",
               "payment_discount_pct": "2", "payment_discount_days": 14, "freight": "per_shipment", "freight_amount": "3.00",
               "total": "518.99"},
    "lines": [
        L(supplier_part="ZS997", description="Zitronensäure 100ml", uom="C62", breaks=[["100", "1.0000"]],
          quantity="100", line_total="100.00"),
        L(supplier_part="GZ250", description="Gelierzucker Extra 250g", uom="C62", breaks=[["50", "1.4500"]],
          quantity="50", line_total="72.50"),
        L(supplier_part="GZ250", description="Gelierzucker Extra 250g", uom="C62", breaks=[["10", "0"]],
          quantity="10", line_total="0.00"),
        L(part_number="K4321", supplier_part="2031", description="Bierbrau Pils 20/0500", uom="C62", breaks=[["15", "12.0000"]],
          quantity="15", line_total="180.00"),
        L(part_number="K4322", supplier_part="1805", description="Leergutpfand 20 x 0,5l", uom="C62", breaks=[["15", "3.1000"]],
          quantity="15", line_total="46.50"),
        L(supplier_part="MP107", description="Mischpalette Joghurt Karton 3 x 20", uom="C62", breaks=[["2", "29.1000"]],
          quantity="2", line_total="58.20"),
    ]})

write_truth("r03_cii_car_rental_days_description_only_eur_de.xml", {
    "about": about("xml", "de", [7], "CII (XRechnung sample) car-rental invoice: no item ids (description only), unit DAY and C62, two lines at the same price, card payment (no payment days)",
                   source=f"real: {ZF}:XML-Rechnung/CII/EN16931_Miete.cii.xml (Apache-2.0)"),
    "header": {"supplier": "MUSTER-Autovermietung", "quote_ref": "9314110911/00/M/00/N", "quote_date": "2018-10-01", "currency": "EUR",
               "total": "340.96"},
    "lines": [
        L(description="Miettage", uom="DAY", breaks=[["2", "86.55"]], quantity="2", line_total="173.10"),
        L(description="Navigationssystem - Garantie", uom="C62", breaks=[["2", "5.04"]], quantity="2", line_total="10.08"),
        L(description="Vollkasko", uom="C62", breaks=[["2", "23.10"]], quantity="2", line_total="46.20"),
        L(description="minimale Selbstbeteiligung", uom="C62", breaks=[["2", "15.55"]], quantity="2", line_total="31.10"),
        L(description="Personen-Unfallversicherung", uom="C62", breaks=[["2", "7.98"]], quantity="2", line_total="15.96"),
        L(description="Choice Upgrade", uom="C62", breaks=[["2", "5.04"]], quantity="2", line_total="10.08"),
    ]})

write_truth("r04_ubl_issue116_sek_dagar_netto_sv.xml", {
    "about": about("xml", "sv", [7], "PEPPOL BIS 3 UBL, SEK, no item ids (description only, two lines share a name), '30 dagar netto'",
                   source=f"real: {CE}:ubl/examples/issue116.xml (EUPL-1.2)"),
    "header": {"supplier": "SÄLJARNAMNET", "quote_ref": "2018210", "quote_date": "2018-02-08", "currency": "SEK",
               "payment_net_days": 30, "total": "830"},
    "lines": [
        L(description="Newspaper (VAT 6%)", uom="EA", breaks=[["1", "100"]], quantity="1", line_total="100"),
        L(description="Food (VAT 12%)", uom="EA", breaks=[["1", "50"]], quantity="1", line_total="50"),
        L(description="Food (VAT 12%)", uom="EA", breaks=[["1", "150"]], quantity="1", line_total="150"),
        L(description="Petrol (VAT 25%)", uom="EA", breaks=[["1", "400"]], quantity="1", line_total="400"),
    ]})
