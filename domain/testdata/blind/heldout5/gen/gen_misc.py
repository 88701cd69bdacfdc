"""JSON, XML and one forwarded e-mail (j01, m01, e11)."""
import json
from common import about, per, write_doc, write_truth, msg, out, L

# ---------------------------------------------------------------- j01
name = "j01_portal_json_tiers_price_unit_mould_charge_no_quote_thb_en.json"
doc = {
    "portal": "SupplierHub v3",
    "rfqReference": "RFQ-TH-0415",
    "quote": {
        "number": "SPR-Q-68-0921",
        "created": "2025-12-11T09:30:00+07:00",
        "expires": "2026-01-10",
        "currency": "THB",
        "seller": {"name": "Siam Precision Rubber Co., Ltd.", "contact": "Khun Somchai Wongsakul", "city": "Rayong"},
        "buyer": {"name": "Eastern Seaboard Automotive Co., Ltd.", "contact": "Khun Nattaya P."},
        "payment": "Credit 60 days",
        "delivery": {"incoterm": "DAP", "place": "Chonburi", "freight": "included in price"},
    },
    "items": [
        {"line": 1, "customerPart": "ESA-77012", "sku": "SPR-GR-2210", "description": "Grommet EPDM 22 mm, black",
         "uom": "PCE", "priceUnit": 100, "tiers": [{"quantity": 5000, "price": 386.0}, {"quantity": 20000, "price": 342.5}],
         "moq": 5000, "leadTime": "21 days"},
        {"line": 2, "customerPart": "ESA-77019", "sku": "SPR-BS-0840", "description": "Bump stop NR 40 Shore A",
         "uom": "PCE", "priceUnit": 1, "tiers": [{"quantity": 1000, "price": 18.75}], "moq": 1000, "leadTime": "28 days"},
        {"line": 3, "customerPart": "ESA-77031", "description": "Door seal profile TPV", "status": "no_quote",
         "remark": "Extrusion capacity fully booked until Q2 2026"},
    ],
    "charges": [{"type": "mould", "description": "Compression mould 16-cavity for ESA-77012", "amount": 45000.0, "oneTime": True}],
}
write_doc(name, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
write_truth(name, {
    "about": about("json", "en", [2, 3, 5, 7], "supplier-portal JSON: tiers with priceUnit 100 (per 100 pieces) on one item, a no-quote item with a status, a one-time mould charge in a charges list naming the part, credit 60 days, DAP with freight included"),
    "header": {"supplier": "Siam Precision Rubber Co., Ltd.", "quote_ref": "SPR-Q-68-0921", "quote_date": "2025-12-11", "currency": "THB",
               "valid_until": "2026-01-10", "payment_net_days": 60, "incoterm": "DAP", "incoterm_place": "Chonburi", "freight": "included"},
    "lines": [
        L(part_number="ESA-77012", supplier_part="SPR-GR-2210", description="Grommet EPDM 22 mm, black", uom="PCE", price_basis_qty="100",
          breaks=[["5000", per("386.0", 100, "3.86")], ["20000", per("342.5", 100, "3.425")]], moq="5000", lead_time_days=21,
          tooling=[["Compression mould 16-cavity", "45000"]]),
        L(part_number="ESA-77019", supplier_part="SPR-BS-0840", description="Bump stop NR 40 Shore A", uom="PCE",
          breaks=[["1000", "18.75"]], moq="1000", lead_time_days=28),
        L(part_number="ESA-77031", description="Door seal profile TPV", no_bid=True, no_bid_reason="Extrusion capacity fully booked"),
    ]})

# ---------------------------------------------------------------- m01
name = "m01_ubl_quotation_base_quantity_100_1000_tooling_line_eur_nl.xml"
xml = """<?xml version="1.0" encoding="UTF-8"?>
<Quotation xmlns="urn:oasis:names:specification:ubl:schema:xsd:Quotation-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
  <cbc:ID>QT-2025-3391</cbc:ID>
  <cbc:IssueDate>2025-12-08</cbc:IssueDate>
  <cbc:Note>Levertijd 5 weken na ontvangst order. Betaling 30 dagen netto. Prijzen exclusief BTW.</cbc:Note>
  <cbc:PricingCurrencyCode>EUR</cbc:PricingCurrencyCode>
  <cac:ValidityPeriod>
    <cbc:EndDate>2026-01-31</cbc:EndDate>
  </cac:ValidityPeriod>
  <cac:RequestForQuotationDocumentReference>
    <cbc:ID>RFQ-88120</cbc:ID>
    <cbc:IssueDate>2025-11-20</cbc:IssueDate>
  </cac:RequestForQuotationDocumentReference>
  <cac:SellerSupplierParty>
    <cac:Party>
      <cac:PartyName><cbc:Name>Brabant Precisie Techniek</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>De Run 4410</cbc:StreetName>
        <cbc:CityName>Veldhoven</cbc:CityName>
        <cbc:PostalZone>5504 DL</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>NL</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity><cbc:RegistrationName>Brabant Precisie Techniek B.V.</cbc:RegistrationName></cac:PartyLegalEntity>
      <cac:Contact><cbc:Name>Ruud Verhoeven</cbc:Name><cbc:ElectronicMail>r.verhoeven@bpt.nl</cbc:ElectronicMail></cac:Contact>
    </cac:Party>
  </cac:SellerSupplierParty>
  <cac:OriginatorCustomerParty>
    <cac:Party>
      <cac:PartyName><cbc:Name>Kempen Lithography Systems B.V.</cbc:Name></cac:PartyName>
    </cac:Party>
  </cac:OriginatorCustomerParty>
  <cac:Delivery>
    <cac:DeliveryTerms>
      <cbc:ID>FCA</cbc:ID>
      <cac:DeliveryLocation><cac:Address><cbc:CityName>Eindhoven</cbc:CityName></cac:Address></cac:DeliveryLocation>
    </cac:DeliveryTerms>
  </cac:Delivery>
  <cac:QuotationLine>
    <cac:LineItem>
      <cbc:ID>1</cbc:ID>
      <cbc:Quantity unitCode="H87">1000</cbc:Quantity>
      <cac:Price>
        <cbc:PriceAmount currencyID="EUR">245.00</cbc:PriceAmount>
        <cbc:BaseQuantity unitCode="H87">100</cbc:BaseQuantity>
      </cac:Price>
      <cac:Item>
        <cbc:Name>Lagerbus CuSn8 Ø12x16</cbc:Name>
        <cac:BuyersItemIdentification><cbc:ID>KLS-1102</cbc:ID></cac:BuyersItemIdentification>
        <cac:SellersItemIdentification><cbc:ID>BPT-4410</cbc:ID></cac:SellersItemIdentification>
      </cac:Item>
    </cac:LineItem>
  </cac:QuotationLine>
  <cac:QuotationLine>
    <cac:LineItem>
      <cbc:ID>2</cbc:ID>
      <cbc:Quantity unitCode="H87">5000</cbc:Quantity>
      <cac:Price>
        <cbc:PriceAmount currencyID="EUR">212.00</cbc:PriceAmount>
        <cbc:BaseQuantity unitCode="H87">100</cbc:BaseQuantity>
      </cac:Price>
      <cac:Item>
        <cbc:Name>Lagerbus CuSn8 Ø12x16</cbc:Name>
        <cac:BuyersItemIdentification><cbc:ID>KLS-1102</cbc:ID></cac:BuyersItemIdentification>
        <cac:SellersItemIdentification><cbc:ID>BPT-4410</cbc:ID></cac:SellersItemIdentification>
      </cac:Item>
    </cac:LineItem>
  </cac:QuotationLine>
  <cac:QuotationLine>
    <cac:LineItem>
      <cbc:ID>3</cbc:ID>
      <cbc:Quantity unitCode="EA">1</cbc:Quantity>
      <cac:Price>
        <cbc:PriceAmount currencyID="EUR">2750.00</cbc:PriceAmount>
      </cac:Price>
      <cac:Item>
        <cbc:Description>Eenmalige gereedschapskosten (vormstaal) voor BPT-4410 / KLS-1102</cbc:Description>
        <cbc:Name>Gereedschap eenmalig</cbc:Name>
      </cac:Item>
    </cac:LineItem>
  </cac:QuotationLine>
  <cac:QuotationLine>
    <cac:LineItem>
      <cbc:ID>4</cbc:ID>
      <cbc:Quantity unitCode="H87">2000</cbc:Quantity>
      <cac:Price>
        <cbc:PriceAmount currencyID="EUR">1.38</cbc:PriceAmount>
      </cac:Price>
      <cac:Item>
        <cbc:Name>Asbus RVS 303 Ø6x40</cbc:Name>
        <cac:BuyersItemIdentification><cbc:ID>KLS-1107</cbc:ID></cac:BuyersItemIdentification>
        <cac:SellersItemIdentification><cbc:ID>BPT-4422</cbc:ID></cac:SellersItemIdentification>
      </cac:Item>
    </cac:LineItem>
  </cac:QuotationLine>
  <cac:QuotationLine>
    <cac:LineItem>
      <cbc:ID>5</cbc:ID>
      <cbc:Quantity unitCode="H87">10000</cbc:Quantity>
      <cac:Price>
        <cbc:PriceAmount currencyID="EUR">86.00</cbc:PriceAmount>
        <cbc:BaseQuantity unitCode="H87">1000</cbc:BaseQuantity>
      </cac:Price>
      <cac:Item>
        <cbc:Name>Stelschroef M5x8 RVS A2</cbc:Name>
        <cac:BuyersItemIdentification><cbc:ID>KLS-1115</cbc:ID></cac:BuyersItemIdentification>
        <cac:SellersItemIdentification><cbc:ID>BPT-4431</cbc:ID></cac:SellersItemIdentification>
      </cac:Item>
    </cac:LineItem>
  </cac:QuotationLine>
</Quotation>
"""
write_doc(name, xml)
ln = dict(uom="H87", lead_time_days=35)
write_truth(name, {
    "about": about("xml", "nl", [2, 3, 4, 5], "synthetic UBL 2.1 Quotation: BaseQuantity 100 / 1000 as the price basis, the same item on two lines as two breaks, a one-time tooling line naming the part, lead time and payment in a header Note, RFQ date vs issue date, legal vs trading name"),
    "header": {"supplier": "Brabant Precisie Techniek B.V.", "quote_ref": "QT-2025-3391", "quote_date": "2025-12-08", "currency": "EUR",
               "valid_until": "2026-01-31", "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Eindhoven"},
    "lines": [
        L(part_number="KLS-1102", supplier_part="BPT-4410", description="Lagerbus CuSn8 Ø12x16", price_basis_qty="100",
          breaks=[["1000", per("245.00", 100, "2.45")], ["5000", per("212.00", 100, "2.12")]],
          tooling=[["Eenmalige gereedschapskosten", "2750.00"]], **ln),
        L(part_number="KLS-1107", supplier_part="BPT-4422", description="Asbus RVS 303 Ø6x40", breaks=[["2000", "1.38"]], **ln),
        L(part_number="KLS-1115", supplier_part="BPT-4431", description="Stelschroef M5x8 RVS A2", price_basis_qty="1000",
          breaks=[["10000", per("86.00", 1000, "0.086")]], **ln),
    ]})

# ---------------------------------------------------------------- e11
name = "e11_forward_fixed_width_tl_model_bedeli_prose_try_tr.eml"
m = msg("Ayşe Demir <ayse.demir@ankaramakine.com.tr>", "Emre Kaya <emre.kaya@ankaramakine.com.tr>",
        "Fwd: Teklif TK-2025-0845 - döküm parçalar", "Mon, 08 Dec 2025 09:15:00 +0300", "<fwd-tk0845@ankaramakine.com.tr>")
m.set_content("""Emre merhaba,

Bursa'dan gelen teklif aşağıda, karşılaştırma tablosuna ekler misin? Bizim hedef fiyatlarımızın biraz üstünde.

Ayşe Demir
Satın Alma, Ankara Makine A.Ş.

---------- Forwarded message ---------
From: Mehmet Yıldız <mehmet.yildiz@uludagdokum.com.tr>
Date: Fri, 5 Dec 2025 at 11:42
Subject: Teklif TK-2025-0845 - döküm parçalar
To: Ayşe Demir <ayse.demir@ankaramakine.com.tr>

Sayın Ayşe Hanım,

TK-2025-0845 no'lu teklifimiz aşağıdadır (05.12.2025).

Parça No    Tanım                      Malzeme   Adet     Birim Fiyat (TL)
AM-6101     Rulman yatağı gövdesi      GG25      500      1.285,00
AM-6101     Rulman yatağı gövdesi      GG25      2.000    1.140,00
AM-6115     Kaplin göbeği              GGG40     300      2.460,00
AM-6122     Pompa kapağı               GG20      1.000    415,50

Model bedeli (tek seferlik): AM-6101 için 48.000 TL, AM-6115 için 36.500 TL. AM-6122 modeli mevcuttur.
Ödeme: 60 gün vadeli. Teslim: EXW Bursa, nakliye alıcıya aittir.
Termin: 6 hafta (numune onayından sonra).
Teklif geçerlilik süresi: 15 gün.

Saygılarımızla,
Mehmet Yıldız
Uludağ Döküm Sanayi ve Ticaret A.Ş.
Nilüfer OSB, Bursa
""")
write_doc(name, out(m))
ln = dict(uom="H87", lead_time_days=42)
write_truth(name, {
    "about": about("eml", "tr", [1, 3, 5, 7], "forwarded plain mail: the forwarder is the buyer, the quote is the forwarded supplier's; space-aligned table with breaks as rows, 'TL' (TRY), pattern charges in a sentence naming parts (one says the pattern exists), EXW + freight borne by the buyer"),
    "header": {"supplier": "Uludağ Döküm Sanayi ve Ticaret A.Ş.", "quote_ref": "TK-2025-0845", "quote_date": "2025-12-05", "currency": "TRY",
               "validity_days": 15, "payment_net_days": 60, "incoterm": "EXW", "incoterm_place": "Bursa", "freight": "extra"},
    "lines": [
        L(part_number="AM-6101", description="Rulman yatağı gövdesi GG25", breaks=[["500", "1285.00"], ["2000", "1140.00"]],
          tooling=[["Model bedeli", "48000"]], **ln),
        L(part_number="AM-6115", description="Kaplin göbeği GGG40", breaks=[["300", "2460.00"]], tooling=[["Model bedeli", "36500"]], **ln),
        L(part_number="AM-6122", description="Pompa kapağı GG20", breaks=[["1000", "415.50"]], **ln),
    ]})
print("misc ok")
