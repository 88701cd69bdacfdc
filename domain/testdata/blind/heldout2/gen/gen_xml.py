"""E-invoices (r* real, u* synthetic) for heldout2. Truth typed by hand from each file.

Real files are copied byte for byte from local git mirrors of their public repositories:
    XRK = itplr-kosit/xrechnung-testsuite @ 5528afa (Apache-2.0)
Set XRK to that repository's git directory to regenerate the r* files.
"""
import os

from common import L, per, real, truth, save

XRK = os.environ.get("XRK", "/work/.mirror/itplr-kosit+xrechnung-testsuite/repo")
XRK_COMMIT = "5528afa"


# ---------------------------------------------------------------- r01 XRechnung CII 01.12a (seller item ids, XPP units)
real("r01_xrechnung_cii_0112_de.xml", XRK, XRK_COMMIT,
     "src/test/business-cases/standard/01.12a-INVOICE_uncefact.xml", truth(
         "xml", "de", [6, 7],
         "XRechnung 3.0 CII test case 01.12a: five lines with SellerAssignedID only (supplier_part), unit XPP, a due date without payment days, placeholder seller name and invoice number",
         {"supplier": "[Seller name]", "quote_ref": "Rechnungsnummer", "quote_date": "2016-03-02",
          "currency": "EUR", "total": "305.37"},
         [
             L(None, "Keyboard/Maus - weiß", [(1, "12.52")], supplier_part="CUF-90541432", uom="XPP",
               quantity=1, line_total="12.52"),
             L(None, "MX Master", [(2, "63.45")], supplier_part="CUF-90597289", uom="XPP", quantity=2,
               line_total="126.9"),
             L(None, "Tastatur Deutsch", [(2, "47.82")], supplier_part="CUF-90271291", uom="XPP", quantity=2,
               line_total="95.64"),
             L(None, "Beschaffungspauschale", [(1, "11.75")], supplier_part="51001", uom="XPP", quantity=1,
               line_total="11.75"),
             L(None, "Lieferkosten", [(1, "9.8")], supplier_part="51010", uom="XPP", quantity=1,
               line_total="9.8"),
         ],
         source="real: itplr-kosit/xrechnung-testsuite@5528afa:src/test/business-cases/standard/01.12a-INVOICE_uncefact.xml (Apache-2.0)"))

# ---------------------------------------------------------------- r02 XRechnung UBL 01.05a (no item ids, DAY/XPP units)
real("r02_xrechnung_ubl_0105_de.xml", XRK, XRK_COMMIT,
     "src/test/business-cases/standard/01.05a-INVOICE_ubl.xml", truth(
         "xml", "de", [6, 7],
         "XRechnung 3.0 UBL test case 01.05a (training services): four lines without item identifiers (line IDs are words), units DAY and XPP, payment terms '14 Tage'",
         {"supplier": "[Seller name]", "quote_ref": "PRG1502112", "quote_date": "2015-04-24",
          "currency": "EUR", "payment_net_days": 14, "total": "10555.3"},
         [
             L(None, "Seminar", [(5, "1340")], uom="DAY", quantity=5, line_total="6700"),
             L(None, "Raumkosten", [(5, "300")], uom="DAY", quantity=5, line_total="1500"),
             L(None, "Reisekostenpauschale", [(5, "90")], uom="XPP", quantity=5, line_total="450"),
             L(None, "Seminarunterlagen", [(11, "20")], uom="XPP", quantity=11, line_total="220"),
         ],
         source="real: itplr-kosit/xrechnung-testsuite@5528afa:src/test/business-cases/standard/01.05a-INVOICE_ubl.xml (Apache-2.0)"))

# ---------------------------------------------------------------- u01 synthetic UBL invoice, BaseQuantity 1000 and 100, SEK
u01 = """<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>F-2026-10442</cbc:ID>
  <cbc:IssueDate>2026-12-30</cbc:IssueDate>
  <cbc:DueDate>2027-01-29</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>ACME-PO-77120</cbc:BuyerReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0007">5567321707</cbc:EndpointID>
      <cac:PartyName><cbc:Name>Norrlands Skruv</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>Industrigatan 14</cbc:StreetName>
        <cbc:CityName>Umeå</cbc:CityName>
        <cbc:PostalZone>903 27</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>SE556732170701</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Norrlands Skruvfabrik AB</cbc:RegistrationName>
        <cbc:CompanyID>5567321707</cbc:CompanyID>
      </cac:PartyLegalEntity>
      <cac:Contact><cbc:Name>Karin Lindqvist</cbc:Name></cac:Contact>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
      <cac:PostalAddress>
        <cbc:CityName>Göteborg</cbc:CityName>
        <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity><cbc:RegistrationName>Acme Industrial Sverige AB</cbc:RegistrationName></cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:PaymentTerms><cbc:Note>30 dagar netto</cbc:Note></cac:PaymentTerms>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="SEK">2743.75</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="SEK">10975.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="SEK">2743.75</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="SEK">10975.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="SEK">10975.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="SEK">13718.75</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="SEK">13718.75</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="H87">20000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="SEK">5900.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Sexkantskruv M8x25 8.8 FZB</cbc:Name>
      <cac:BuyersItemIdentification><cbc:ID>SE-933-0825</cbc:ID></cac:BuyersItemIdentification>
      <cac:SellersItemIdentification><cbc:ID>NS-93308025</cbc:ID></cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="SEK">295.00</cbc:PriceAmount>
      <cbc:BaseQuantity unitCode="H87">1000</cbc:BaseQuantity>
    </cac:Price>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>2</cbc:ID>
    <cbc:InvoicedQuantity unitCode="H87">5000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="SEK">3975.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Låsmutter M8 8 FZB</cbc:Name>
      <cac:BuyersItemIdentification><cbc:ID>SE-985-08</cbc:ID></cac:BuyersItemIdentification>
      <cac:SellersItemIdentification><cbc:ID>NS-98508</cbc:ID></cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="SEK">79.50</cbc:PriceAmount>
      <cbc:BaseQuantity unitCode="H87">100</cbc:BaseQuantity>
    </cac:Price>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>3</cbc:ID>
    <cbc:InvoicedQuantity unitCode="H87">10000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="SEK">1100.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Planbricka M8 FZB</cbc:Name>
      <cac:BuyersItemIdentification><cbc:ID>SE-125-08</cbc:ID></cac:BuyersItemIdentification>
      <cac:SellersItemIdentification><cbc:ID>NS-12508</cbc:ID></cac:SellersItemIdentification>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="SEK">11.00</cbc:PriceAmount>
      <cbc:BaseQuantity unitCode="H87">100</cbc:BaseQuantity>
    </cac:Price>
  </cac:InvoiceLine>
</Invoice>
"""
save("u01_ubl_base_quantity_sek_sv.xml", u01, truth(
    "xml", "sv", [2, 6, 7],
    "synthetic Peppol BIS 3 UBL invoice: prices with BaseQuantity 1000 and 100 (price basis), buyer and seller item ids, trading name differs from the legal name",
    {"supplier": "Norrlands Skruvfabrik AB", "quote_ref": "F-2026-10442", "quote_date": "2026-12-30",
     "currency": "SEK", "payment_net_days": 30, "total": "13718.75"},
    [
        L("SE-933-0825", "Sexkantskruv M8x25 8.8 FZB", [(20000, per("295.00", 1000))], supplier_part="NS-93308025",
          uom="H87", price_basis_qty=1000, quantity=20000, line_total="5900.00"),
        L("SE-985-08", "Låsmutter M8 8 FZB", [(5000, per("79.50", 100))], supplier_part="NS-98508", uom="H87",
          price_basis_qty=100, quantity=5000, line_total="3975.00"),
        L("SE-125-08", "Planbricka M8 FZB", [(10000, per("11.00", 100))], supplier_part="NS-12508", uom="H87",
          price_basis_qty=100, quantity=10000, line_total="1100.00"),
    ]))
