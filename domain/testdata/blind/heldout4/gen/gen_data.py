"""Structured quotes: a supplier-portal JSON export and a UBL 2.1 invoice with price base
quantities and a document-level tooling charge."""
import json

from common import write_doc, write_truth, about, br

# ---------------------------------------------------------------- j01
doc = {
    "export": {"source": "SupplierPortal v4.2", "generated": "2025-12-11T08:14:22Z", "schema": 3},
    "quotation": {
        "number": "Q-DE-558120",
        "issued": "2025-12-10",
        "validUntil": "2026-02-15",
        "rfqReference": {"number": "KA-RFQ-2025-0912", "date": "2025-11-28"},
        "supplier": {"name": "Federnwerk Lahn GmbH", "vatId": "DE298765432",
                     "contact": {"name": "Jonas Weber", "phone": "+49 6441 90870-33"}},
        "buyer": {"name": "Kessler Antriebstechnik AG", "contact": "Petra Kessler"},
        "currency": "EUR",
        "incoterms": {"code": "FCA", "place": "Wetzlar"},
        "paymentTerms": {"text": "30 Tage netto, 10 Tage 2% Skonto", "netDays": 30,
                         "discountPercent": 2, "discountDays": 10},
        "freight": {"mode": "CHARGED_SEPARATELY"},
        "items": [
            {"lineNo": 10, "customerPartNo": "KA-77120", "supplierPartNo": "FL-DF-2210",
             "description": "Druckfeder 1.4310 d=1,2 Da=12 L0=28", "uom": "PCE", "priceUnit": 100,
             "tiers": [{"fromQty": 1000, "price": 18.40}, {"fromQty": 5000, "price": 15.95}],
             "leadTimeDays": 21, "oneTimeCharges": []},
            {"lineNo": 20, "customerPartNo": "KA-77125", "supplierPartNo": "FL-ZF-0815",
             "description": "Zugfeder 1.4310 d=0,8 mit Öse", "uom": "PCE", "priceUnit": 100,
             "tiers": [{"fromQty": 2000, "price": 24.10}], "leadTimeDays": 28,
             "oneTimeCharges": [{"type": "TOOLING", "label": "Biegewerkzeug Öse", "amount": 780.00}]},
            {"lineNo": 30, "customerPartNo": "KA-77130", "description": "Schenkelfeder 90°",
             "status": "DECLINED", "declineReason": "not in our product range", "tiers": []},
        ],
    },
}
write_doc("j01_portal_json_price_unit_100_tiers_charges_eur_de.json",
          json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
write_truth("j01_portal_json_price_unit_100_tiers_charges_eur_de.json", {
    "about": about("json", "de", [2, 3, 5, 6, 7],
                   "supplier-portal JSON: camelCase keys, priceUnit 100 with tier prices per 100, "
                   "one-time charges array, a DECLINED item with reason, RFQ reference with its own "
                   "date, buyer and contact names, payment terms as text and numbers, freight "
                   "charged separately"),
    "header": {
        "supplier": "Federnwerk Lahn GmbH",
        "quote_ref": "Q-DE-558120",
        "quote_date": "2025-12-10",
        "currency": "EUR",
        "valid_until": "2026-02-15",
        "payment_net_days": 30,
        "payment_discount_pct": "2",
        "payment_discount_days": 10,
        "incoterm": "FCA",
        "incoterm_place": "Wetzlar",
        "freight": "extra",
    },
    "lines": [
        {"part_number": "KA-77120", "supplier_part": "FL-DF-2210",
         "description": "Druckfeder 1.4310 d=1,2 Da=12 L0=28", "uom": "PCE", "price_basis_qty": "100",
         "breaks": br(("1000", "0.184"), ("5000", "0.1595")), "lead_time_days": 21},
        {"part_number": "KA-77125", "supplier_part": "FL-ZF-0815", "description": "Zugfeder 1.4310 d=0,8 mit Öse",
         "uom": "PCE", "price_basis_qty": "100", "breaks": br(("2000", "0.241")), "lead_time_days": 28,
         "tooling": [["Biegewerkzeug Öse", "780.00"]]},
        {"part_number": "KA-77130", "description": "Schenkelfeder 90°", "no_bid": True,
         "no_bid_reason": "not in our product range"},
    ],
})

# ---------------------------------------------------------------- u01 UBL invoice NOK
ubl = """<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>F-2025-11873</cbc:ID>
  <cbc:IssueDate>2025-12-05</cbc:IssueDate>
  <cbc:DueDate>2026-01-04</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>Første levering iht. tilbud T-2025-0611 av 2025-10-14</cbc:Note>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>Innkjøp 4471</cbc:BuyerReference>
  <cac:OrderReference><cbc:ID>PO-88120</cbc:ID></cac:OrderReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0192">987654321</cbc:EndpointID>
      <cac:PartyName><cbc:Name>Bergen Pakning</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>Kokstadvegen 44</cbc:StreetName>
        <cbc:CityName>Kokstad</cbc:CityName>
        <cbc:PostalZone>5257</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>NO987654321MVA</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Bergen Pakning og Tetning AS</cbc:RegistrationName>
        <cbc:CompanyID>987654321</cbc:CompanyID>
      </cac:PartyLegalEntity>
      <cac:Contact><cbc:Name>Ingrid Solberg</cbc:Name><cbc:Telephone>+47 55 22 81 90</cbc:Telephone></cac:Contact>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0192">912345678</cbc:EndpointID>
      <cac:PostalAddress>
        <cbc:CityName>Stavanger</cbc:CityName>
        <cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity><cbc:RegistrationName>Kystpumpe AS</cbc:RegistrationName></cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount><cbc:ID>NO9386011117947</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentTerms><cbc:Note>30 dager netto</cbc:Note></cac:PaymentTerms>
  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReasonCode>ABK</cbc:AllowanceChargeReasonCode>
    <cbc:AllowanceChargeReason>Verktøykostnad stanseverktøy (engangs)</cbc:AllowanceChargeReason>
    <cbc:Amount currencyID="NOK">4500.00</cbc:Amount>
    <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
  </cac:AllowanceCharge>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="NOK">3600.00</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="NOK">14400.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="NOK">3600.00</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="NOK">9900.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="NOK">14400.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="NOK">18000.00</cbc:TaxInclusiveAmount>
    <cbc:ChargeTotalAmount currencyID="NOK">4500.00</cbc:ChargeTotalAmount>
    <cbc:PayableAmount currencyID="NOK">18000.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="H87">20000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="NOK">3700.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>O-ring NBR 70 20x2</cbc:Name>
      <cac:BuyersItemIdentification><cbc:ID>KP-1101</cbc:ID></cac:BuyersItemIdentification>
      <cac:SellersItemIdentification><cbc:ID>BP-O-2020</cbc:ID></cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="NOK">185.00</cbc:PriceAmount>
      <cbc:BaseQuantity unitCode="H87">1000</cbc:BaseQuantity>
    </cac:Price>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>2</cbc:ID>
    <cbc:InvoicedQuantity unitCode="H87">5000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="NOK">6200.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Flatpakning EPDM 44x10x2</cbc:Name>
      <cac:BuyersItemIdentification><cbc:ID>KP-1108</cbc:ID></cac:BuyersItemIdentification>
      <cac:SellersItemIdentification><cbc:ID>BP-P-4410</cbc:ID></cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="NOK">1240.00</cbc:PriceAmount>
      <cbc:BaseQuantity unitCode="H87">1000</cbc:BaseQuantity>
    </cac:Price>
  </cac:InvoiceLine>
</Invoice>
"""
write_doc("u01_ubl_invoice_base_quantity_1000_tooling_charge_nok_no.xml", ubl)
write_truth("u01_ubl_invoice_base_quantity_1000_tooling_charge_nok_no.xml", {
    "about": about("xml", "no", [2, 3, 6, 7],
                   "synthetic PEPPOL BIS 3 UBL invoice: Price/BaseQuantity 1000, buyer's and seller's "
                   "item IDs, a document-level charge for a punching tool (one-time), trading name vs "
                   "legal name, a note citing an older offer and its date, '30 dager netto'"),
    "header": {
        "supplier": "Bergen Pakning og Tetning AS",
        "quote_ref": "F-2025-11873",
        "quote_date": "2025-12-05",
        "currency": "NOK",
        "payment_net_days": 30,
        "total": "18000.00",
        "tooling": [["Verktøykostnad stanseverktøy", "4500.00"]],
    },
    "lines": [
        {"part_number": "KP-1101", "supplier_part": "BP-O-2020", "description": "O-ring NBR 70 20x2",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("20000", "0.185")),
         "quantity": "20000", "line_total": "3700.00"},
        {"part_number": "KP-1108", "supplier_part": "BP-P-4410", "description": "Flatpakning EPDM 44x10x2",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("5000", "1.24")),
         "quantity": "5000", "line_total": "6200.00"},
    ],
})
print("data: 2 documents")
