"""Delimited exports: UTF-16 TSV, pipe, semicolon/Windows-1252, TSV with commas, quoted CSV, cable list, RFQ-matching list."""
from common import truth, write_text

# ---------------------------------------------------------------- h10 ERP export, UTF-16 TSV, terms on every row
hdr = ["Angebot", "Pos", "Angebotsdatum", "Lieferant", "Kunden-Mat.-Nr.", "Unsere Mat.-Nr.", "Bezeichnung",
       "Menge ab", "Preis", "PE", "ME", "Währung", "Lieferzeit (AT)", "Zahlungsbedingung", "Lieferbedingung", "Gültig bis"]
common = ["AG-778812", None, "06.05.2024", "Sauerland Umformtechnik GmbH"]
terms = ["EUR", None, "30 Tage netto", "FCA Iserlohn", "30.06.2024"]
rows = [
    ("10", "300-1120-00", "SU-88120", "Halter links, DC04 verzinkt", "1.000", "412,50", "1.000", "ST", "20"),
    ("10", "300-1120-00", "SU-88120", "Halter links, DC04 verzinkt", "5.000", "389,00", "1.000", "ST", "20"),
    ("20", "300-1121-00", "SU-88121", "Halter rechts, DC04 verzinkt", "1.000", "412,50", "1.000", "ST", "20"),
    ("20", "300-1121-00", "SU-88121", "Halter rechts, DC04 verzinkt", "5.000", "389,00", "1.000", "ST", "20"),
    ("30", "300-2040-00", "SU-40412", "Zugfeder 1,2x8x40 EN 10270-1", "500", "27,80", "100", "ST", "15"),
    ("30", "300-2040-00", "SU-40412", "Zugfeder 1,2x8x40 EN 10270-1", "2.500", "24,90", "100", "ST", "15"),
    ("40", "300-3300-01", "SU-70033", "Schutzschlauch PVC 8x1 schwarz", "100", "86,00", "100", "M", "10"),
    ("50", "300-5100-00", "SU-51000", "Abdeckblech 1,5 mm, gekantet", "250", "3,95", "1", "ST", "20"),
]
lines = ["Angebotsliste\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t", "Export vom 06.05.2024 14:22\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
         "\t".join(hdr)]
for pos, kmat, umat, bez, menge, preis, pe, me, lz in rows:
    vals = [common[0], pos, common[2], common[3], kmat, umat, bez, menge, preis, pe, me, terms[0], lz,
            terms[2], terms[3], terms[4]]
    lines.append("\t".join(vals))
write_text("h10_erp_export_utf16.tsv", "\n".join(lines) + "\n", encoding="utf-16", newline="\r\n")
truth("h10_erp_export_utf16",
      {"format": "tsv", "language": "de", "classes": [1, 2, 4, 7],
       "notes": "UTF-16 (BOM) tab export, terms repeated on every row, Preiseinheit (PE) 1/100/1000, breaks as repeated rows, Lieferzeit in Arbeitstagen"},
      {"supplier": "Sauerland Umformtechnik GmbH", "quote_ref": "AG-778812", "quote_date": "2024-05-06",
       "currency": "EUR", "valid_until": "2024-06-30", "payment_net_days": 30,
       "incoterm": "FCA", "incoterm_place": "Iserlohn"},
      [
          {"part_number": "300-1120-00", "supplier_part": "SU-88120", "description": "Halter links, DC04 verzinkt",
           "uom": "H87", "price_basis_qty": "1000", "breaks": [["1000", "0.4125"], ["5000", "0.389"]], "lead_time_days": 28},
          {"part_number": "300-1121-00", "supplier_part": "SU-88121", "description": "Halter rechts, DC04 verzinkt",
           "uom": "H87", "price_basis_qty": "1000", "breaks": [["1000", "0.4125"], ["5000", "0.389"]], "lead_time_days": 28},
          {"part_number": "300-2040-00", "supplier_part": "SU-40412", "description": "Zugfeder 1,2x8x40 EN 10270-1",
           "uom": "H87", "price_basis_qty": "100", "breaks": [["500", "0.278"], ["2500", "0.249"]], "lead_time_days": 21},
          {"part_number": "300-3300-01", "supplier_part": "SU-70033", "description": "Schutzschlauch PVC 8x1 schwarz",
           "uom": "MTR", "price_basis_qty": "100", "breaks": [["100", "0.86"]], "lead_time_days": 14},
          {"part_number": "300-5100-00", "supplier_part": "SU-51000", "description": "Abdeckblech 1,5 mm, gekantet",
           "uom": "H87", "breaks": [["250", "3.95"]], "lead_time_days": 28},
      ])

# ---------------------------------------------------------------- h11 pipe export, Price UOM C/M/EA
write_text("h11_pipe_price_uom.txt", """QUOTE EXPORT|Q-77120|||||||||
SUPPLIER|Great Lakes Screw Machine Products Inc.|||||||||
QUOTE DATE|03/11/2024|||||||||
VALID THRU|05/31/2024|||||||||
CUSTOMER|Ardent Medical Devices|||||||||
LINE|CUST PART|REV|OUR P/N|DESCRIPTION|QTY|UNIT PRICE|PRICE UOM|LEAD TIME|MOQ
1|AMD-50012|A|GL-50012-A|PIN, 303 SS, .125 DIA X .750|5000|38.40|M|4 WKS|5000
2|AMD-50012|A|GL-50012-A|PIN, 303 SS, .125 DIA X .750|25000|31.15|M|4 WKS|5000
3|AMD-50230|N/A|GL-50230|STANDOFF, BRASS, 6-32 X .500|1000|27.50|C|3 WKS|1000
4|AMD-50230|N/A|GL-50230|STANDOFF, BRASS, 6-32 X .500|10000|22.90|C|3 WKS|1000
5|AMD-50871|B|GL-50871-B|VALVE STEM, 316L, PASSIVATED|500|4.86|EA|6 WKS|500
6|AMD-50871|B|GL-50871-B|VALVE STEM, 316L, PASSIVATED|2000|4.21|EA|6 WKS|500
7|AMD-50990|-|GL-50990|BUSHING, ACETAL, .250 ID|2000|0.55|EA|3 WKS|
TERMS|NET 30|||||||||
FOB|ERIE, PA|||||||||
FREIGHT|PREPAY AND ADD|||||||||
""", newline="\r\n")
truth("h11_pipe_price_uom",
      {"format": "csv", "language": "en", "classes": [2, 4, 6, 7],
       "notes": "pipe-delimited, PRICE UOM column with M/C/EA, OUR P/N column, rev N/A and '-', US date month-first (valid-thru date disambiguates), FOB Erie, PA, prepay and add"},
      {"supplier": "Great Lakes Screw Machine Products Inc.", "quote_ref": "Q-77120", "quote_date": "2024-03-11",
       "currency": "USD", "valid_until": "2024-05-31", "payment_net_days": 30,
       "incoterm": "FOB", "incoterm_place": "Erie, PA", "freight": "extra"},
      [
          {"part_number": "AMD-50012", "revision": "A", "supplier_part": "GL-50012-A", "description": "PIN, 303 SS, .125 DIA X .750",
           "price_basis_qty": "1000", "breaks": [["5000", "0.0384"], ["25000", "0.03115"]], "lead_time_days": 28, "moq": "5000"},
          {"part_number": "AMD-50230", "supplier_part": "GL-50230", "description": "STANDOFF, BRASS, 6-32 X .500",
           "price_basis_qty": "100", "breaks": [["1000", "0.275"], ["10000", "0.229"]], "lead_time_days": 21, "moq": "1000"},
          {"part_number": "AMD-50871", "revision": "B", "supplier_part": "GL-50871-B", "description": "VALVE STEM, 316L, PASSIVATED",
           "uom": "H87", "breaks": [["500", "4.86"], ["2000", "4.21"]], "lead_time_days": 42, "moq": "500"},
          {"part_number": "AMD-50990", "supplier_part": "GL-50990", "description": "BUSHING, ACETAL, .250 ID",
           "uom": "H87", "breaks": [["2000", "0.55"]], "lead_time_days": 21},
      ])

# ---------------------------------------------------------------- h12 semicolon, Windows-1252, qty+price in one cell
write_text("h12_devis_cp1252.csv", """Chaudronnerie Lyonnaise SAS - Devis;;;;;
Devis n°;DV24-0871;;;;
Date;15/05/2024;;;;
Client;Ateliers Mécaniques du Rhône;;;;
;;;;;
Réf. client;Réf. fournisseur;Désignation;Qté / Prix unitaire HT;Qté / Prix unitaire HT;Délai
AMR-3310;CL-7710;Équerre de fixation acier galvanisé;250 12,30 €;1000 10,85 €;3 semaines
AMR-3312;CL-7712;Patte de renfort inox 304;250 18,40 €;1000 16,10 €;4 semaines
AMR-3320;CL-7720;Support moteur mécano-soudé;50 96,00 €;200 88,50 €;6 semaines
AMR-3320;CL-7720;Outillage de pliage spécifique (facturé une seule fois);;;480,00 €
;;;;;
Conditions de paiement : 45 jours fin de mois;;;;;
Port : en sus;;;;;
Validité de l'offre : 60 jours;;;;;
""", encoding="cp1252", newline="\r\n")
truth("h12_devis_cp1252",
      {"format": "csv", "language": "fr", "classes": [1, 3, 6, 7],
       "notes": "semicolon, Windows-1252; quantity and price run into one cell ('250 12,30 €'); Réf. client / Réf. fournisseur; tooling as a row; 45 jours fin de mois; port en sus"},
      {"supplier": "Chaudronnerie Lyonnaise SAS", "quote_ref": "DV24-0871", "quote_date": "2024-05-15",
       "currency": "EUR", "validity_days": 60, "payment_net_days": 45, "payment_basis": "end_of_month",
       "freight": "extra"},
      [
          {"part_number": "AMR-3310", "supplier_part": "CL-7710", "description": "Équerre de fixation acier galvanisé",
           "breaks": [["250", "12.30"], ["1000", "10.85"]], "lead_time_days": 21},
          {"part_number": "AMR-3312", "supplier_part": "CL-7712", "description": "Patte de renfort inox 304",
           "breaks": [["250", "18.40"], ["1000", "16.10"]], "lead_time_days": 28},
          {"part_number": "AMR-3320", "supplier_part": "CL-7720", "description": "Support moteur mécano-soudé",
           "breaks": [["50", "96.00"], ["200", "88.50"]], "lead_time_days": 42,
           "tooling": [["Outillage de pliage spécifique", "480.00"]]},
      ])

# ---------------------------------------------------------------- h13 TSV with commas in numbers, Indian grouping
write_text("h13_castings_inr.tsv", """SHREE GANESH CASTINGS PVT. LTD.
GIDC Metoda, Rajkot - 360021, Gujarat
QUOTATION
Quotation No\tSQ/24-25/0192
Date\t18-Jul-2024
Kind Attn.\tMr. Anand Kulkarni, Purchase Dept., Deccan Pumps Ltd.

Item Code\tDescription\tQty (Nos)\tRate (Rs.)\tPattern Cost (Rs.)
GC-1001\tPump housing, CI FG260, machined\t500\t1,245.00\t85,000.00
GC-1001\tPump housing, CI FG260, machined\t1,000\t1,180.50\t
GC-1002\tImpeller, SS CF8M, balanced\t500\t2,310.00\t1,20,000.00
GC-1002\tImpeller, SS CF8M, balanced\t2,000\t2,050.00\t
GC-1010\tGland bush, LTB2\t10,000\t86.40\t
GC-1010\tGland bush, LTB2\t1,00,000\t79.25\t

Terms & Conditions:
1. Prices Ex-works Rajkot. GST 18% extra.
2. Freight: extra at actuals.
3. Payment: 30% advance with PO, balance against delivery.
4. Delivery: 6 weeks from PO and pattern approval.
5. Pattern cost is one-time and payable with PO.
6. Validity: 30 days.

For SHREE GANESH CASTINGS PVT. LTD.
Authorised Signatory
""", newline="\r\n")
truth("h13_castings_inr",
      {"format": "tsv", "language": "en", "classes": [3, 4, 7],
       "notes": "TSV whose numbers contain commas incl. Indian grouping (1,00,000), breaks as repeated rows, pattern cost column one-time, 30% advance"},
      {"supplier": "Shree Ganesh Castings Pvt. Ltd.", "quote_ref": "SQ/24-25/0192", "quote_date": "2024-07-18",
       "currency": "INR", "validity_days": 30, "payment_deposit_pct": "30",
       "incoterm": "EXW", "incoterm_place": "Rajkot", "freight": "extra"},
      [
          {"part_number": "GC-1001", "description": "Pump housing, CI FG260, machined", "uom": "H87",
           "breaks": [["500", "1245.00"], ["1000", "1180.50"]], "lead_time_days": 42,
           "tooling": [["Pattern cost", "85000.00"]]},
          {"part_number": "GC-1002", "description": "Impeller, SS CF8M, balanced", "uom": "H87",
           "breaks": [["500", "2310.00"], ["2000", "2050.00"]], "lead_time_days": 42,
           "tooling": [["Pattern cost", "120000.00"]]},
          {"part_number": "GC-1010", "description": "Gland bush, LTB2", "uom": "H87",
           "breaks": [["10000", "86.40"], ["100000", "79.25"]], "lead_time_days": 42},
      ])

# ---------------------------------------------------------------- h14 Brazilian CSV, quoted fields, R$ 1.234,56
write_text("h14_orcamento_brl.csv", """"METALÚRGICA SERRA GAÚCHA LTDA.","","","",""
"Orçamento nº","ORC-2024/0561","","",""
"Data","03/10/2024","","",""
"Cliente","Agroforte Implementos S.A.","","",""
"Validade","15 dias","","",""
"","","","",""
"Cód. Cliente","Descrição","Qtde","Preço Unit. (R$)","Prazo de entrega"
"BRF-110","Suporte dobrado aço SAE 1020, pintado","1.000","R$ 7,45","30 dias úteis"
"","","5.000","R$ 6,20",""
"BRF-118","Chapa de fixação 3 mm, zincada","2.000","R$ 3,10","20 dias úteis"
"BRF-125","Eixo retificado Ø25 x 310, SAE 1045","200","R$ 158,90","45 dias"
"","","1.000","R$ 142,30",""
"","","","",""
"Observações:","","","",""
"Pedido mínimo de 1.000 peças para o BRF-110, em múltiplos de 500 peças.","","","",""
"Condição de pagamento: 28 dias após faturamento.","","","",""
"Frete por conta do cliente (FOB Caxias do Sul).","","","",""
""", newline="\r\n")
truth("h14_orcamento_brl",
      {"format": "csv", "language": "pt", "classes": [4, 5, 7],
       "notes": "quoted CSV with R$ and 1.234,56 numbers; breaks as rows with blank part cells; MOQ/multiple in a note; dias úteis"},
      {"supplier": "Metalúrgica Serra Gaúcha Ltda.", "quote_ref": "ORC-2024/0561", "quote_date": "2024-10-03",
       "currency": "BRL", "validity_days": 15, "payment_net_days": 28,
       "incoterm": "FOB", "incoterm_place": "Caxias do Sul", "freight": "extra"},
      [
          {"part_number": "BRF-110", "description": "Suporte dobrado aço SAE 1020, pintado",
           "breaks": [["1000", "7.45"], ["5000", "6.20"]], "moq": "1000", "order_multiple": "500", "lead_time_days": 42},
          {"part_number": "BRF-118", "description": "Chapa de fixação 3 mm, zincada",
           "breaks": [["2000", "3.10"]], "lead_time_days": 28},
          {"part_number": "BRF-125", "description": "Eixo retificado Ø25 x 310, SAE 1045",
           "breaks": [["200", "158.90"], ["1000", "142.30"]], "lead_time_days": 45},
      ])

# ---------------------------------------------------------------- h15 Polish cable offer, PLN/km, drums and coils
write_text("h15_kable_pln_km.csv", """Kable Mazowsze Sp. z o.o.;;;;;
ul. Przemysłowa 12, 05-800 Pruszków;;;;;
OFERTA CENOWA nr 2024/K/118;;;;;
Data oferty: 2024-04-08;;;;;
Dla: Elektromontaż Północ S.A.;;;;;
;;;;;
Symbol;Opis;Cena netto [PLN/km];Opakowanie;Min. zamówienie;Termin dostawy
YDYp-3x1,5;Przewód YDYp 3x1,5 mm² 450/750V;2 840,00;krążek 100 m;100 m;10 dni roboczych
YDYp-3x2,5;Przewód YDYp 3x2,5 mm² 450/750V;4 520,00;krążek 100 m;100 m;10 dni roboczych
YKY-4x10;Kabel YKY 0,6/1kV 4x10 mm²;21 300,00;bęben 500 m;500 m;15 dni roboczych
YKY-4x16;Kabel YKY 0,6/1kV 4x16 mm²;32 850,00;bęben 500 m;500 m;15 dni roboczych
;;;;;
Sprzedaż wyłącznie pełnymi opakowaniami (krążki 100 m, bębny 500 m).;;;;;
Ceny oparte na notowaniu miedzi z dnia 2024-04-05; zmiana ceny miedzi powyżej 5% upoważnia do korekty cen.;;;;;
Płatność: przelew 30 dni od daty faktury.;;;;;
Dostawa: DAP Gdańsk, transport wliczony w cenę.;;;;;
Ważność oferty: do 2024-05-31.;;;;;
""", newline="\r\n")
truth("h15_kable_pln_km",
      {"format": "csv", "language": "pl", "classes": [2, 5, 7],
       "notes": "cable prices per km (basis 1000 m) sold only in full coils/drums (order multiple = pack length); space thousands separator; working days"},
      {"supplier": "Kable Mazowsze Sp. z o.o.", "quote_ref": "2024/K/118", "quote_date": "2024-04-08",
       "currency": "PLN", "valid_until": "2024-05-31", "payment_net_days": 30,
       "incoterm": "DAP", "incoterm_place": "Gdańsk", "freight": "included"},
      [
          {"part_number": "YDYp-3x1,5", "description": "Przewód YDYp 3x1,5 mm² 450/750V", "uom": "MTR",
           "price_basis_qty": "1000", "breaks": [["100", "2.84"]], "moq": "100", "order_multiple": "100", "lead_time_days": 14},
          {"part_number": "YDYp-3x2,5", "description": "Przewód YDYp 3x2,5 mm² 450/750V", "uom": "MTR",
           "price_basis_qty": "1000", "breaks": [["100", "4.52"]], "moq": "100", "order_multiple": "100", "lead_time_days": 14},
          {"part_number": "YKY-4x10", "description": "Kabel YKY 0,6/1kV 4x10 mm²", "uom": "MTR",
           "price_basis_qty": "1000", "breaks": [["500", "21.30"]], "moq": "500", "order_multiple": "500", "lead_time_days": 21},
          {"part_number": "YKY-4x16", "description": "Kabel YKY 0,6/1kV 4x16 mm²", "uom": "MTR",
           "price_basis_qty": "1000", "breaks": [["500", "32.85"]], "moq": "500", "order_multiple": "500", "lead_time_days": 21},
      ])

# ---------------------------------------------------------------- h16 seal price list + 3-line RFQ: unrelated lines must not match
# (part, description, price 100+, price 1000+) -- written by hand; the CSV and the truth both come from this table
seals = [
    ("OR-NBR70-0200-020", "O-ring NBR 70 Shore A 20 x 2", "0.118", "0.071"),
    ("OR-NBR70-0250-020", "O-ring NBR 70 Shore A 25 x 2", "0.124", "0.076"),
    ("OR-NBR70-0300-025", "O-ring NBR 70 Shore A 30 x 2.5", "0.151", "0.094"),
    ("OR-NBR70-0500-030", "O-ring NBR 70 Shore A 50 x 3", "0.236", "0.149"),
    ("OR-NBR90-0200-020", "O-ring NBR 90 Shore A 20 x 2", "0.162", "0.104"),
    ("OR-FKM75-0200-020", "O-ring FKM 75 Shore A 20 x 2, brown", "0.412", "0.287"),
    ("OR-FKM75-0350-025", "O-ring FKM 75 Shore A 35 x 2.5, brown", "0.538", "0.371"),
    ("OR-FKM75-0500-030", "O-ring FKM 75 Shore A 50 x 3, brown", "0.694", "0.482"),
    ("OR-EPDM70-0200-020", "O-ring EPDM 70 Shore A 20 x 2, peroxide cured", "0.139", "0.088"),
    ("OR-EPDM70-0350-025", "O-ring EPDM 70 Shore A 35 x 2.5, peroxide cured", "0.177", "0.113"),
    ("OR-EPDM70-0800-030", "O-ring EPDM 70 Shore A 80 x 3, peroxide cured", "0.352", "0.229"),
    ("OR-EPDM70-1150-030", "O-ring EPDM 70 Shore A 115 x 3, peroxide cured", "0.498", "0.331"),
    ("OR-EPDM70-1200-030", "O-ring EPDM 70 Shore A 120 x 3, peroxide cured", "0.521", "0.347"),
    ("OR-VMQ70-0200-020", "O-ring silicone VMQ 70 Shore A 20 x 2, red", "0.284", "0.19"),
    ("OR-VMQ70-0500-030", "O-ring silicone VMQ 70 Shore A 50 x 3, red", "0.47", "0.318"),
    ("BR-NBR-020", "Back-up ring PTFE for O-ring 20 x 2", "0.205", "0.141"),
    ("BR-NBR-035", "Back-up ring PTFE for O-ring 35 x 2.5", "0.247", "0.168"),
    ("QR-NBR70-0300-053", "X-ring (quad ring) NBR 70 30 x 5.33", "0.644", "0.452"),
    ("RS-NBR-25-40-7", "Radial shaft seal NBR 25 x 40 x 7", "0.86", "0.61"),
    ("RS-FKM-25-40-7", "Radial shaft seal FKM 25 x 40 x 7", "2.14", "1.58"),
    ("FL-EPDM-DN50", "Flat gasket EPDM DN50 PN16", "0.39", "0.27"),
    ("FL-EPDM-DN80", "Flat gasket EPDM DN80 PN16", "0.58", "0.41"),
    ("GR-SIL-500", "Silicone grease for O-ring assembly, 500 g tin", "14.90", "12.60"),
]
out = ["Rhein-Dicht Handels GmbH - Price list export",
       "Valid from 2024-07-01 to 2024-09-30; prices in EUR per piece, net; delivery ex stock (EXW Duisburg)",
       "Article,Description,Price 100+,Price 1000+,Stock"]
for art, desc, p1, p2 in seals:
    out.append('%s,"%s",%s,%s,yes' % (art, desc, p1, p2))
out.append("")
out.append("Minimum order value EUR 50.00. Payment 30 days net. Freight excl.")
write_text("h16_seal_list_rfq.csv", "\n".join(out) + "\n")
rfq_map = {"OR-NBR70-0200-020": "10", "OR-FKM75-0350-025": "20"}
tl = []
for art, desc, p1, p2 in seals:
    line = {"part_number": art, "description": desc, "uom": "H87",
            "breaks": [["100", p1], ["1000", p2]], "lead_time_days": 0}
    if art in rfq_map:
        line["rfq_line"] = rfq_map[art]
    tl.append(line)
truth("h16_seal_list_rfq",
      {"format": "csv", "language": "en", "classes": [1],
       "notes": "23-line distributor price list with a 3-line RFQ: two lines match by part number, the RFQ's third part (an EPDM O-ring size not in the list) must match nothing although many lines share its words"},
      {"supplier": "Rhein-Dicht Handels GmbH", "quote_date": "2024-07-01", "currency": "EUR", "valid_until": "2024-09-30",
       "payment_net_days": 30, "incoterm": "EXW", "incoterm_place": "Duisburg", "freight": "extra"},
      tl,
      rfq={"rfq": "RFQ-SEAL-0815", "currency": "EUR", "lines": [
          {"line": "10", "part_number": "OR-NBR70-0200-020", "description": "O-ring NBR 70 20 x 2", "quantities": ["1000"], "uom": "H87"},
          {"line": "20", "part_number": "OR-FKM75-0350-025", "description": "O-ring FKM 75 35 x 2.5", "quantities": ["500"], "uom": "H87"},
          {"line": "30", "part_number": "OR-EPDM70-1180-030", "description": "O-ring EPDM 70 Shore A 118 x 3 peroxide cured", "quantities": ["2000"], "uom": "H87", "last_price": "0.36"},
      ]})
print("delim ok")
