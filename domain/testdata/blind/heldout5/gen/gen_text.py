"""Plain-text / Markdown / bullet quotes (t01–t07)."""
from common import about, per, write_doc, write_truth, L

# ---------------------------------------------------------------- t01
name = "t01_markdown_breaks_cols_per100_rand_zar_en.txt"
write_doc(name, """# Quotation Q-ZA-24117

**Highveld Fasteners (Pty) Ltd** · 17 Refinery Road, Germiston, Gauteng · Reg. 2009/114772/07

Date: 14 October 2025
Customer: Tshwane Rail Components, Attn. Mr S. Dlamini

All prices in South African Rand (ZAR), excl. VAT, **per 100 pieces**.

| Your part no. | Description | Finish | 1 000 pcs | 5 000 pcs | 20 000 pcs |
|---|---|---|---:|---:|---:|
| TRC-10422 | Hex bolt M12x60 grade 8.8 | HDG | R 486.00 | R 441.50 | R 409.00 |
| TRC-10423 | Hex nut M12 grade 8 | HDG | R 98.40 | R 89.00 | R 82.75 |
| TRC-10431 | Flat washer M12 | HDG | R 41.20 | R 37.60 | R 34.90 |
| TRC-10450 | Coach screw 10x100 | Zinc yellow | R 612.00 | R 560.00 | — |

- Minimum order per item 1 000 pcs, packed in boxes of 500 (order in multiples of 500).
- Lead time: 3 weeks ARO.
- Delivery: FCA Germiston. Delivery to your Pretoria site is charged at R 850.00 per consignment.
- Payment: nett 30 days.
- This quotation is valid for 30 days.

Regards,
Nomvula Khumalo — Internal Sales
""")
common = dict(moq="1000", order_multiple="500", lead_time_days=21, price_basis_qty="100", uom="H87")
write_truth(name, {
    "about": about("txt", "en", [1, 2, 4, 5, 7], "Markdown table, break columns with a unit word ('1 000 pcs'), prices per 100 stated above the table, 'R' with ZAR in words, MOQ/multiple/lead time in bullets, delivery charge per consignment"),
    "header": {"supplier": "Highveld Fasteners (Pty) Ltd", "quote_ref": "Q-ZA-24117", "quote_date": "2025-10-14",
               "currency": "ZAR", "validity_days": 30, "payment_net_days": 30, "incoterm": "FCA",
               "incoterm_place": "Germiston", "freight": "per_shipment", "freight_amount": "850.00"},
    "lines": [
        L(part_number="TRC-10422", description="Hex bolt M12x60 grade 8.8 HDG",
          breaks=[["1000", per("486.00", 100, "4.86")], ["5000", per("441.50", 100, "4.415")], ["20000", per("409.00", 100, "4.09")]], **common),
        L(part_number="TRC-10423", description="Hex nut M12 grade 8 HDG",
          breaks=[["1000", per("98.40", 100, "0.984")], ["5000", per("89.00", 100, "0.89")], ["20000", per("82.75", 100, "0.8275")]], **common),
        L(part_number="TRC-10431", description="Flat washer M12 HDG",
          breaks=[["1000", per("41.20", 100, "0.412")], ["5000", per("37.60", 100, "0.376")], ["20000", per("34.90", 100, "0.349")]], **common),
        L(part_number="TRC-10450", description="Coach screw 10x100 zinc yellow",
          breaks=[["1000", per("612.00", 100, "6.12")], ["5000", per("560.00", 100, "5.6")]], **common),
    ]})

# ---------------------------------------------------------------- t02
name = "t02_bullets_prose_moq_multiple_alternate_werkzeug_de.txt"
write_doc(name, """Guten Tag Frau Albers,

vielen Dank für Ihre Anfrage AN-2025-311 vom 02.09.2025. Gerne bieten wir Ihnen wie folgt an:

Angebot Nr. 25-0917 vom 09.09.2025

• Druckfeder DF-2201 (Ihre Zeichnung 4471-018, Index C)
  – ab 2.500 Stk: 0,212 €/Stk
  – ab 10.000 Stk: 0,184 €/Stk
• Zugfeder ZF-0840 (Ihre Zeichnung 4471-022, Index -)
  – ab 1.000 Stk: 0,563 €/Stk
  – ab 5.000 Stk: 0,498 €/Stk
• Schenkelfeder SF-115 (Ihre Zeichnung 4471-031)
  – 0,87 €/Stk bei 2.000 Stk
• Tellerfeder 4471-040: können wir leider nicht anbieten (nicht in unserem Fertigungsprogramm).

Mindestabnahme je Position 1.000 Stk, Losgrößen in Vielfachen von 500 Stk (Schüttgut im Karton).
Für die Zugfeder empfehlen wir alternativ unsere Katalogfeder Z-08-40-120 zu 0,41 €/Stk (ab 1.000 Stk), bitte prüfen.
Lieferzeit: 4–5 Wochen nach Auftragseingang; Schenkelfeder 6 Wochen (Sonderdraht).
Für die Schenkelfeder fallen einmalige Werkzeugkosten von 650,00 € an.
Preise verstehen sich netto zzgl. MwSt., FCA Iserlohn, Verpackung inklusive, Fracht zu Ihren Lasten.
Zahlung: 14 Tage 2 % Skonto, 30 Tage netto.
Angebot gültig bis 31.10.2025.

Mit freundlichen Grüßen
Jens Kowalke
Vertrieb Innendienst
Sauerland Federntechnik GmbH & Co. KG
Am Hemberg 7 · 58636 Iserlohn
""")
write_truth(name, {
    "about": about("txt", "de", [1, 3, 5, 6, 7], "pasted bullet quote: customer drawing numbers with Index (one '-'), 'ab N Stk' breaks, MOQ and multiple in prose for all lines, alternate in words, lead time per description word, tooling sentence, no-bid by sentence, Skonto terms; RFQ date differs from the quote date"),
    "header": {"supplier": "Sauerland Federntechnik GmbH & Co. KG", "quote_ref": "25-0917", "quote_date": "2025-09-09",
               "currency": "EUR", "valid_until": "2025-10-31", "payment_net_days": 30, "payment_discount_pct": "2",
               "payment_discount_days": 14, "incoterm": "FCA", "incoterm_place": "Iserlohn", "freight": "extra"},
    "lines": [
        L(part_number="4471-018", supplier_part="DF-2201", revision="C", description="Druckfeder", uom="H87",
          breaks=[["2500", "0.212"], ["10000", "0.184"]], moq="1000", order_multiple="500", lead_time_days=35),
        L(part_number="4471-022", supplier_part="ZF-0840", description="Zugfeder", uom="H87",
          breaks=[["1000", "0.563"], ["5000", "0.498"]], moq="1000", order_multiple="500", lead_time_days=35,
          alternate="Katalogfeder Z-08-40-120 zu 0,41 €/Stk ab 1.000 Stk"),
        L(part_number="4471-031", supplier_part="SF-115", description="Schenkelfeder", uom="H87",
          breaks=[["2000", "0.87"]], moq="1000", order_multiple="500", lead_time_days=42,
          tooling=[["Werkzeugkosten", "650.00"]]),
        L(part_number="4471-040", description="Tellerfeder", no_bid=True,
          no_bid_reason="nicht in unserem Fertigungsprogramm"),
    ]})

# ---------------------------------------------------------------- t03
name = "t03_chat_qty_price_under_part_family_mould_nl.txt"
write_doc(name, """[10:42] Pieter van Dijk (Kunststoffen Twente B.V.):
Hoi Marloes, hierbij de prijzen voor de behuizingen zoals besproken, offerte KT-2025-0412 d.d. 3 november 2025.

Art. KT-4410 deksel ABS zwart (jullie nr. 88-2301)
  500 st   1,84
  2.000 st   1,52
  5.000 st   1,37

Art. KT-4415 bodem ABS zwart (jullie nr. 88-2302)
  500 st   2,16
  2.000 st   1,79

Art. KT-4420 klemstrip PA6 (jullie nr. 88-2307)
  1.000 st   0,46

[10:44] Pieter van Dijk (Kunststoffen Twente B.V.):
Matrijskosten: deksel + bodem samen in één familiematrijs € 14.500,-, klemstrip € 3.200,-
Levertijd 4 à 5 weken na akkoord monsters.
Prijzen in euro per stuk, af fabriek (EXW) Hengelo, excl. BTW. Betaling 30 dagen na factuurdatum.

[10:51] Marloes Bakker:
Top, dank je! Ik zet het door naar inkoop.
""")
ln = dict(uom="H87", lead_time_days=35)
write_truth(name, {
    "about": about("txt", "nl", [1, 3, 4, 6], "chat paste: part heading line with our/your number, then 'qty st price' rows (no header), family mould for two parts (header tooling) and a single-part mould, lead time range"),
    "header": {"supplier": "Kunststoffen Twente B.V.", "quote_ref": "KT-2025-0412", "quote_date": "2025-11-03",
               "currency": "EUR", "payment_net_days": 30, "incoterm": "EXW", "incoterm_place": "Hengelo",
               "tooling": [["familiematrijs deksel + bodem", "14500.00"]]},
    "lines": [
        L(part_number="88-2301", supplier_part="KT-4410", description="deksel ABS zwart",
          breaks=[["500", "1.84"], ["2000", "1.52"], ["5000", "1.37"]], **ln),
        L(part_number="88-2302", supplier_part="KT-4415", description="bodem ABS zwart",
          breaks=[["500", "2.16"], ["2000", "1.79"]], **ln),
        L(part_number="88-2307", supplier_part="KT-4420", description="klemstrip PA6",
          breaks=[["1000", "0.46"]], tooling=[["matrijs klemstrip", "3200.00"]], **ln),
    ]})

# ---------------------------------------------------------------- t04
name = "t04_fixed_width_per_c_m_column_tooling_line_us_dates_en.txt"
write_doc(name, """BUCKEYE DIE CASTING CO.                                   QUOTATION
4410 Webster St, Dayton, OH 45414                          Quote #: BDC-11872
Phone (937) 555-0142                                        Date:    11/04/2025

To:  Lakeshore Instruments Inc., Attn: Purchasing          Your RFQ: LI-0925-14 dated 10/22/2025

Line  Part Number   Rev  Description                       Qty        Price     Per
----  ------------  ---  --------------------------------  ---------  --------  ---
1     LI-40017      D    Housing, A380 die cast               1,000    412.50   C
2     LI-40017      D    Housing, A380 die cast               5,000    376.00   C
3     LI-40022      B    Cover plate, Zamak 3                10,000  1,185.00   M
4     LI-40022      B    Cover plate, Zamak 3                25,000  1,090.00   M
5     LI-40031      -    Bracket, A380, machined                500      9.84   EA

TOOLING (one time): LI-40017 die cast tool $38,500.00; LI-40022 die cast tool $21,750.00.
Trim die for LI-40031 included in piece price.

Prices firm thru 01/31/2026.  Terms: Net 30 EOM.
F.O.B. Dayton, OH, freight prepay & add.
Lead time: tooling 10-12 weeks; production 4 weeks ARO after PPAP approval.

Dale Hendricks, Estimating
""")
write_truth(name, {
    "about": about("txt", "en", [1, 2, 3, 4, 7], "fixed-width text quote: breaks as rows (part repeated), Per column C/M/EA, tooling sentence naming parts, US month-first dates with a quoted RFQ date, firm thru, Net 30 EOM, F.O.B. City, ST prepay & add, tooling vs production lead time"),
    "header": {"supplier": "Buckeye Die Casting Co.", "quote_ref": "BDC-11872", "quote_date": "2025-11-04",
               "currency": "USD", "valid_until": "2026-01-31", "payment_net_days": 30, "payment_basis": "end_of_month",
               "incoterm": "FOB", "incoterm_place": "Dayton, OH", "freight": "extra"},
    "lines": [
        L(part_number="LI-40017", revision="D", description="Housing, A380 die cast", price_basis_qty="100",
          breaks=[["1000", per("412.50", 100, "4.125")], ["5000", per("376.00", 100, "3.76")]],
          lead_time_days=28, tooling=[["die cast tool", "38500.00"]]),
        L(part_number="LI-40022", revision="B", description="Cover plate, Zamak 3", price_basis_qty="1000",
          breaks=[["10000", per("1185.00", 1000, "1.185")], ["25000", per("1090.00", 1000, "1.09")]],
          lead_time_days=28, tooling=[["die cast tool", "21750.00"]]),
        L(part_number="LI-40031", description="Bracket, A380, machined", uom="EA",
          breaks=[["500", "9.84"]], lead_time_days=28),
    ]})

# ---------------------------------------------------------------- t05
name = "t05_qte_prix_tables_under_refs_outillage_fdm_fr.txt"
write_doc(name, """Objet : Offre de prix n° DV-25-1183 – pièces plastiques injectées
Oyonnax, le 17/11/2025

Madame, Monsieur,

Suite à votre consultation du 05/11/2025, veuillez trouver ci-dessous notre meilleure offre.

Réf. client : 7710-224 ind. B — Clip de fixation PA66 GF30
Notre réf. : PLX-2240
   Qté        Prix unitaire
   5 000      0,118 €
   20 000     0,097 €
   50 000     0,089 €

Réf. client : 7710-231 ind. A — Bouchon PP naturel
Notre réf. : PLX-2315
   Qté        Prix unitaire
   10 000     0,041 €
   50 000     0,034 €

Réf. client : 7710-245 — Joint surmoulé TPE
   Nous ne sommes pas en mesure de chiffrer cette pièce (bi-matière, hors de notre parc machines).

Outillages (moules ; règlement 50 % à la commande de l'outillage, solde à l'acceptation des échantillons) :
   - moule 4 empreintes pour le clip 7710-224 : 18 400,00 €
   - moule 8 empreintes pour le bouchon 7710-231 : 12 900,00 €

Délai pièces : 3 semaines après réception de commande (outillage : 8 semaines).
Conditions : paiement à 45 jours fin de mois, port en sus, départ usine Oyonnax (EXW).
Validité de l'offre : 60 jours.

Cordialement,

Sophie Marchand
Service commercial
PLASTIFORM INJECTION SAS
ZI Nord – 01100 Oyonnax
""")
write_truth(name, {
    "about": about("txt", "fr", [1, 3, 4, 5, 6, 7], "letter with small Qté/Prix tables under 'Réf. client' lines (indice = revision), moulds as list naming the parts, no-bid in a sentence, 45 jours fin de mois, port en sus, 50 % deposit on tooling only (not the quote's payment), part vs tooling lead time"),
    "header": {"supplier": "Plastiform Injection SAS", "quote_ref": "DV-25-1183", "quote_date": "2025-11-17",
               "currency": "EUR", "validity_days": 60, "payment_net_days": 45, "payment_basis": "end_of_month",
               "incoterm": "EXW", "incoterm_place": "Oyonnax", "freight": "extra"},
    "lines": [
        L(part_number="7710-224", supplier_part="PLX-2240", revision="B", description="Clip de fixation PA66 GF30",
          breaks=[["5000", "0.118"], ["20000", "0.097"], ["50000", "0.089"]], lead_time_days=21,
          tooling=[["moule 4 empreintes", "18400.00"]]),
        L(part_number="7710-231", supplier_part="PLX-2315", revision="A", description="Bouchon PP naturel",
          breaks=[["10000", "0.041"], ["50000", "0.034"]], lead_time_days=21,
          tooling=[["moule 8 empreintes", "12900.00"]]),
        L(part_number="7710-245", description="Joint surmoulé TPE", no_bid=True,
          no_bid_reason="bi-matière, hors de notre parc machines"),
    ]})

# ---------------------------------------------------------------- t06
name = "t06_bullets_sets_dollar_stated_sgd_deposit_fixture_en.txt"
write_doc(name, """Hi Daniel,

Please find our quote below (Ref: SQ-88213, 21 Nov 2025).

All prices quoted in Singapore Dollars (SGD), ex-works (EXW) our Jurong factory, GST excluded.

Wire harness WH-2201 (your P/N 310-00871 Rev 3):
 * 200 sets @ $14.80/set
 * 500 sets @ $13.25/set
 * 1,000 sets @ $12.60/set
Wire harness WH-2207 (your P/N 310-00874 Rev 1):
 * 200 sets @ $22.40/set
 * 500 sets @ $20.95/set
Test fixture for both harnesses: one-time $2,400.00
Cable assy CA-115 (your P/N 310-00902): not quoted, the connector is single-source; please advise an alternative.

MOQ 200 sets per P/N. Lead time 5 weeks after PO.
Payment: 30% deposit with PO, balance before shipment.
Quote valid until 31 Dec 2025.

Best regards,
Tan Wei Ming | Sales Engineer
Lion City Interconnect Pte Ltd
12 Jurong Port Road, Singapore 619092
""")
ln = dict(uom="SET", moq="200", lead_time_days=35)
write_truth(name, {
    "about": about("txt", "en", [1, 3, 4, 5, 7], "bullet breaks with unit word 'sets' and '@ $x/set', '$' with SGD in words, shared test fixture (header tooling), not quoted by sentence, deposit terms, MOQ and lead time for all lines"),
    "header": {"supplier": "Lion City Interconnect Pte Ltd", "quote_ref": "SQ-88213", "quote_date": "2025-11-21",
               "currency": "SGD", "valid_until": "2025-12-31", "payment_deposit_pct": "30", "incoterm": "EXW",
               "tooling": [["Test fixture for both harnesses", "2400.00"]]},
    "lines": [
        L(part_number="310-00871", supplier_part="WH-2201", revision="3", description="Wire harness",
          breaks=[["200", "14.80"], ["500", "13.25"], ["1000", "12.60"]], **ln),
        L(part_number="310-00874", supplier_part="WH-2207", revision="1", description="Wire harness",
          breaks=[["200", "22.40"], ["500", "20.95"]], **ln),
        L(part_number="310-00902", supplier_part="CA-115", description="Cable assy", no_bid=True,
          no_bid_reason="connector is single-source"),
    ]})

# ---------------------------------------------------------------- t07
name = "t07_markdown_rev_placeholders_nonquotato_attrezzatura_it.txt"
write_doc(name, """**OFFERTA N. 2025/0788 del 24/11/2025**

Officina Meccanica Valtrompia S.r.l. – Via dell'Artigianato 12, 25063 Gardone V.T. (BS) – P.IVA 01987650172

Spett.le Idrotec S.p.A. – alla c.a. Ufficio Acquisti – Vs. richiesta RDO-552 del 12/11/2025

| Pos. | Cod. cliente | Rev. | Descrizione | Materiale | Q.tà | Prezzo cad. € | Attrezzatura € | Consegna |
|---|---|---|---|---|---|---|---|---|
| 1 | IT-55120 | C | Raccordo filettato 1/2" | OT58 | 1.000 | 3,42 | – | 4 sett. |
| 2 | IT-55120 | C | Raccordo filettato 1/2" | OT58 | 5.000 | 2,96 | – | 4 sett. |
| 3 | IT-55134 | - | Perno di guida Ø12 | 11SMnPb37 | 2.000 | 1,18 | 450,00 | 3 sett. |
| 4 | IT-55141 | n/d | Flangia cieca DN50 | S355 | 300 | 14,70 | – | 6 sett. |
| 5 | IT-55160 | B | Corpo valvola microfuso | AISI 316 | – | non quotato | – | – |

Prezzi netti in euro, resa franco nostro stabilimento (EXW Gardone V.T.), imballo compreso, trasporto escluso.
Pagamento: RiBa 60 gg d.f.f.m.
Validità offerta: 30 giorni.

Distinti saluti
Ufficio Commerciale – Marco Zanardelli
""")
write_truth(name, {
    "about": about("txt", "it", [1, 3, 4, 6, 7], "Markdown table: breaks as rows (part repeated), revision placeholders '-' and 'n/d', tooling column with one value, lead time column in weeks, 'non quotato' row, d.f.f.m. terms, trasporto escluso"),
    "header": {"supplier": "Officina Meccanica Valtrompia S.r.l.", "quote_ref": "2025/0788", "quote_date": "2025-11-24",
               "currency": "EUR", "validity_days": 30, "payment_net_days": 60, "payment_basis": "end_of_month",
               "incoterm": "EXW", "incoterm_place": "Gardone V.T.", "freight": "extra"},
    "lines": [
        L(part_number="IT-55120", revision="C", description="Raccordo filettato 1/2\"",
          breaks=[["1000", "3.42"], ["5000", "2.96"]], lead_time_days=28),
        L(part_number="IT-55134", description="Perno di guida Ø12", breaks=[["2000", "1.18"]],
          tooling=[["Attrezzatura", "450.00"]], lead_time_days=21),
        L(part_number="IT-55141", description="Flangia cieca DN50", breaks=[["300", "14.70"]], lead_time_days=42),
        L(part_number="IT-55160", description="Corpo valvola microfuso", no_bid=True, no_bid_reason="non quotato"),
    ]})
print("text ok")
