"""CSV / TSV quotes: ERP preambles, semicolons with decimal commas, quoted comma numbers in
TSV, terms on every row, a price list against an RFQ."""
from common import write_doc, write_truth, about, br

# ---------------------------------------------------------------- c01
c01 = """\ufeffAngebot;;;;;;;;;
Lieferant;Hessler Umformtechnik GmbH;;;;;;;;
Angebotsnummer;4500-AN-77812;;;;;;;;
Angebotsdatum;27.11.2025;;;;;;;;
Bindefrist;31.01.2026;;;;;;;;
Kunde;Weidmann Antriebe AG, Schweinfurt;;;;;;;;
Währung;EUR;;;;;;;;
Zahlungsbedingung;14 Tage 3 % Skonto, 30 Tage netto;;;;;;;;
Lieferbedingung;DAP Schweinfurt, frei Haus;;;;;;;;
;;;;;;;;;
Pos;Materialnr. Kunde;Unsere Materialnr.;Bezeichnung;Menge ab;ME;Preis;PE;Werkzeugkosten;Lieferzeit (Wo.)
10;WA-110-2201;HU-88120;Halteblech DC04 t=1,5 verzinkt;1.000;ST;1.245,00;1.000;;3
10;WA-110-2201;HU-88120;Halteblech DC04 t=1,5 verzinkt;5.000;ST;1.098,00;1.000;;3
20;WA-110-2215;HU-88135;Lasche S355 t=3 roh;500;ST;87,40;100;4.250,00;4
30;WA-110-2290;HU-88190;Tiefziehteil Gehäuse 1.4301;2.000;ST;3,86;1;18.900,00;6
;;;;;;;;;
;;;;;;;Summe Werkzeugkosten;23.150,00;
"""
write_doc("c01_sap_preamble_semicolon_pe_werkzeug_column_eur_de.csv", c01)
write_truth("c01_sap_preamble_semicolon_pe_werkzeug_column_eur_de.csv", {
    "about": about("csv", "de", [1, 2, 3, 4, 6, 7],
                   "UTF-8 BOM, ERP key/value preamble, semicolons with dot thousands and decimal "
                   "commas, 'PE' price unit column (1.000 / 100 / 1) with prices per PE, a price of "
                   "1.245,00 per 1000, break as a repeated row, tooling column and a tooling sum row, "
                   "customer vs own material number, Skonto, DAP frei Haus"),
    "header": {
        "supplier": "Hessler Umformtechnik GmbH",
        "quote_ref": "4500-AN-77812",
        "quote_date": "2025-11-27",
        "currency": "EUR",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "payment_discount_pct": "3",
        "payment_discount_days": 14,
        "incoterm": "DAP",
        "incoterm_place": "Schweinfurt",
        "freight": "included",
    },
    "lines": [
        {"part_number": "WA-110-2201", "supplier_part": "HU-88120",
         "description": "Halteblech DC04 t=1,5 verzinkt", "uom": "H87", "price_basis_qty": "1000",
         "breaks": br(("1000", "1.245"), ("5000", "1.098")), "lead_time_days": 21},
        {"part_number": "WA-110-2215", "supplier_part": "HU-88135", "description": "Lasche S355 t=3 roh",
         "uom": "H87", "price_basis_qty": "100", "breaks": br(("500", "0.874")),
         "lead_time_days": 28, "tooling": [["Werkzeugkosten", "4250.00"]]},
        {"part_number": "WA-110-2290", "supplier_part": "HU-88190",
         "description": "Tiefziehteil Gehäuse 1.4301", "uom": "H87", "breaks": br(("2000", "3.86")),
         "lead_time_days": 42, "tooling": [["Werkzeugkosten", "18900.00"]]},
    ],
})

# ---------------------------------------------------------------- c02
c02 = """Carolina Precision Castings, LLC - Epicor Quote Entry - Print Preview\t\t\t\t\t\t\t
Printed 11/14/2025 10:42 AM by CDEAN\t\t\t\t\t\t\t
Quote\tQ-40718\tEntered\t11/03/2025\tExpires\t12/03/2025\t\t
Customer\tBLUEWATER PUMP CO\tTerms\t2% 15 NET 45\tShip Via\tUPS Freight - Prepaid & Charged\t\t
FOB\tOrigin - Spartanburg, SC\t\t\t\t\t\t
Sales rep\tCarl Dean 864-555-0190\t\t\t\t\t\t
\t\t\t\t\t\t\t
Line\tPart\tRev\tDescription\tQty Break\tUnit Price\tPrice Per\tLead Days
1\tBW-PMP-0441\tD\t"Impeller, 316 SS investment cast, machined"\t50\t"1,284.00"\tC\t35
1\tBW-PMP-0441\tD\t"Impeller, 316 SS investment cast, machined"\t250\t"1,146.50"\tC\t35
2\tBW-PMP-0452\tB\t"Wear ring, bronze C93200"\t100\t18.62\tE\t21
2\tBW-PMP-0452\tB\t"Wear ring, bronze C93200"\t"1,000"\t16.90\tE\t21
3\tBW-PMP-0460\tA\tPattern / tooling for impeller (one-time)\t1\t"6,750.00"\tE\t
"""
write_doc("c02_epicor_tsv_comma_numbers_price_per_c_e_usd_en.tsv", c02)
write_truth("c02_epicor_tsv_comma_numbers_price_per_c_e_usd_en.tsv", {
    "about": about("tsv", "en", [1, 2, 3, 4, 7],
                   "ERP print preview as TSV: preamble with printed / entered / expires dates (11/14 "
                   "proves month-first), quoted numbers with thousands commas inside a tab file, "
                   "'Price Per' C / E, breaks as repeated rows, pattern tooling as its own line with a "
                   "part number, 2% 15 NET 45, FOB Origin - City, ST, prepaid & charged, customer "
                   "name in the preamble"),
    "header": {
        "supplier": "Carolina Precision Castings, LLC",
        "quote_ref": "Q-40718",
        "quote_date": "2025-11-03",
        "currency": "USD",
        "valid_until": "2025-12-03",
        "payment_net_days": 45,
        "payment_discount_pct": "2",
        "payment_discount_days": 15,
        "incoterm": "FOB",
        "incoterm_place": "Spartanburg, SC",
        "freight": "extra",
        "tooling": [["Pattern / tooling for impeller", "6750.00"]],
    },
    "lines": [
        {"part_number": "BW-PMP-0441", "revision": "D",
         "description": "Impeller, 316 SS investment cast, machined", "price_basis_qty": "100",
         "breaks": br(("50", "12.84"), ("250", "11.465")), "lead_time_days": 35},
        {"part_number": "BW-PMP-0452", "revision": "B", "description": "Wear ring, bronze C93200",
         "breaks": br(("100", "18.62"), ("1000", "16.90")), "lead_time_days": 21},
    ],
})

# ---------------------------------------------------------------- c03 ko
c03 = """견적서,,,,,,
공급자,(주)한성정밀,사업자등록번호,124-81-55210,대표전화,031-8041-2270,
견적번호,HS-251201-07,견적일자,2025.12.01,,,
수신,대양전자(주) 구매팀 귀하,,,,,
유효기간,견적일로부터 30일,,,,,
결제조건,월말 마감 후 60일 현금,,,,,
납품조건,귀사 도착도 (운반비 포함),,,,,
통화,원화(KRW) / 부가세 별도,,,,,
,,,,,,
No,품번,품명,수량,단가(원),금형비(원),납기
1,DY-4410,브라켓 SPCC t1.2,"3,000","1,250","2,800,000",4주
2,DY-4415,커버 AL5052 t1.0,"1,000","3,480",-,3주
3,DY-4420,스페이서 SUS303,"5,000",420,,2주
4,DY-4431,방열판 AL6063,-,견적불가,,-
,,,,합계(금형비),"2,800,000",
"""
write_doc("c03_gyeonjeokseo_mold_column_won_krw_ko.csv", c03)
write_truth("c03_gyeonjeokseo_mold_column_won_krw_ko.csv", {
    "about": about("csv", "ko", [3, 5, 6, 7],
                   "Korean 견적서 CSV: key/value preamble with business registration and phone "
                   "numbers, quoted comma thousands, 금형비 (mould) column and a mould total row, "
                   "견적불가 no-bid, lead time in weeks (주), 월말 마감 후 60일, delivered freight "
                   "included, buyer name in the preamble"),
    "header": {
        "supplier": "(주)한성정밀",
        "quote_ref": "HS-251201-07",
        "quote_date": "2025-12-01",
        "currency": "KRW",
        "validity_days": 30,
        "payment_net_days": 60,
        "payment_basis": "end_of_month",
        "freight": "included",
    },
    "lines": [
        {"part_number": "DY-4410", "description": "브라켓 SPCC t1.2", "breaks": br(("3000", "1250")),
         "lead_time_days": 28, "tooling": [["금형비", "2800000"]]},
        {"part_number": "DY-4415", "description": "커버 AL5052 t1.0", "breaks": br(("1000", "3480")),
         "lead_time_days": 21},
        {"part_number": "DY-4420", "description": "스페이서 SUS303", "breaks": br(("5000", "420")),
         "lead_time_days": 14},
        {"part_number": "DY-4431", "description": "방열판 AL6063", "no_bid": True,
         "no_bid_reason": "견적불가"},
    ],
})

# ---------------------------------------------------------------- c04 tr
c04 = """Teklif No,Teklif Tarihi,Tedarikçi,Müşteri Parça No,Tedarikçi Parça No,Tanım,Miktar,Birim,Birim Fiyat,Para Birimi,Fiyat Birimi,Kalıp Bedeli,Teslim Süresi (gün),Ödeme Vadesi,Teslim Şekli,Geçerlilik,Açıklama
TK-2025-0931,08.12.2025,Anadolu Kauçuk San. ve Tic. A.Ş.,MK-5510,AK-O-2210,"O-ring NBR 70 22x2,5","10.000",ADET,"412,50",TRY,1000,,20,60 gün,EXW Bursa,31.01.2026,
TK-2025-0931,08.12.2025,Anadolu Kauçuk San. ve Tic. A.Ş.,MK-5514,AK-K-1480,Körük EPDM Ø48,"2.000",ADET,"38,75",TRY,1,"45.000,00",35,60 gün,EXW Bursa,31.01.2026,Kalıp bedeli bir defaya mahsus
TK-2025-0931,08.12.2025,Anadolu Kauçuk San. ve Tic. A.Ş.,MK-5520,,Conta silikon levha 3 mm,,,,TRY,,,,60 gün,EXW Bursa,31.01.2026,Teklif verilmemiştir - üretim programımızda yok
"""
write_doc("c04_terms_every_row_fiyat_birimi_kalip_try_tr.csv", c04)
write_truth("c04_terms_every_row_fiyat_birimi_kalip_try_tr.csv", {
    "about": about("csv", "tr", [1, 2, 3, 5, 6, 7],
                   "ERP export with the quote header repeated on every row, quoted Turkish numbers "
                   "(dot thousands, decimal comma), 'Fiyat Birimi' 1000 vs 1, mould column (Kalıp "
                   "Bedeli), no-bid stated in the remarks column, EXW, 60 gün"),
    "header": {
        "supplier": "Anadolu Kauçuk San. ve Tic. A.Ş.",
        "quote_ref": "TK-2025-0931",
        "quote_date": "2025-12-08",
        "currency": "TRY",
        "valid_until": "2026-01-31",
        "payment_net_days": 60,
        "incoterm": "EXW",
        "incoterm_place": "Bursa",
    },
    "lines": [
        {"part_number": "MK-5510", "supplier_part": "AK-O-2210", "description": "O-ring NBR 70 22x2,5",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("10000", "0.4125")),
         "lead_time_days": 20},
        {"part_number": "MK-5514", "supplier_part": "AK-K-1480", "description": "Körük EPDM Ø48",
         "uom": "H87", "breaks": br(("2000", "38.75")), "lead_time_days": 35,
         "tooling": [["Kalıp Bedeli", "45000.00"]]},
        {"part_number": "MK-5520", "description": "Conta silikon levha 3 mm", "no_bid": True,
         "no_bid_reason": "Teklif verilmemiştir"},
    ],
})

# ---------------------------------------------------------------- c05 no + RFQ
c05 = """Prisliste eksport;Norsk Hydraulikk Partner AS;Dato: 02.12.2025;Ref: PL-NHP-2025-12;;
Varenr;Beskrivelse;Enhet;Pris NOK;Rabattgruppe;Lagerstatus
NHP-10021;Hydraulikkslange 1/4" 2SN pr meter;m;48,90;A;På lager
NHP-10022;Hydraulikkslange 3/8" 2SN pr meter;m;61,20;A;På lager
NHP-10023;Hydraulikkslange 1/2" 2SN pr meter;m;79,50;A;På lager
NHP-20110;Pressnippel 1/4" JIC hun 90°;stk;38,40;B;På lager
NHP-20112;Pressnippel 3/8" JIC hun 90°;stk;46,80;B;På lager
NHP-20114;Pressnippel 1/2" JIC hun 90°;stk;58,90;B;Bestillingsvare 3 uker
NHP-30501;Kuleventil 2-veis 1/2" BSP;stk;412,00;C;På lager
NHP-30502;Kuleventil 2-veis 3/4" BSP;stk;538,00;C;Bestillingsvare 2 uker
NHP-40010;Manometer 0-250 bar 63 mm glyserin;stk;264,00;C;På lager
NHP-40012;Manometer 0-400 bar 63 mm glyserin;stk;"1 281,00";C;På lager
Alle priser i NOK eks. mva. Betaling 30 dager netto. Frakt tilkommer.;;;;;
"""
NOK = [("NHP-10021", 'Hydraulikkslange 1/4" 2SN pr meter', "MTR", "48.90", 0),
       ("NHP-10022", 'Hydraulikkslange 3/8" 2SN pr meter', "MTR", "61.20", 0),
       ("NHP-10023", 'Hydraulikkslange 1/2" 2SN pr meter', "MTR", "79.50", 0),
       ("NHP-20110", 'Pressnippel 1/4" JIC hun 90°', "H87", "38.40", 0),
       ("NHP-20112", 'Pressnippel 3/8" JIC hun 90°', "H87", "46.80", 0),
       ("NHP-20114", 'Pressnippel 1/2" JIC hun 90°', "H87", "58.90", 21),
       ("NHP-30501", 'Kuleventil 2-veis 1/2" BSP', "H87", "412.00", 0),
       ("NHP-30502", 'Kuleventil 2-veis 3/4" BSP', "H87", "538.00", 14),
       ("NHP-40010", "Manometer 0-250 bar 63 mm glyserin", "H87", "264.00", 0),
       ("NHP-40012", "Manometer 0-400 bar 63 mm glyserin", "H87", "1281.00", 0)]
RFQ_LINE = {"NHP-20112": "1", "NHP-30501": "2"}
write_doc("c05_price_list_vs_rfq_stock_status_nok_no.csv", c05)
c05_lines = []
for code, desc, uom, price, lead in NOK:
    l = {"part_number": code, "description": desc, "uom": uom, "breaks": br(("1", price)),
         "lead_time_days": lead}
    if code in RFQ_LINE:
        l["rfq_line"] = RFQ_LINE[code]
    c05_lines.append(l)
write_truth("c05_price_list_vs_rfq_stock_status_nok_no.csv", {
    "about": about("csv", "no", [5, 6, 7],
                   "distributor list export (semicolons, decimal commas, one price with a space "
                   "thousands inside quotes), price per metre for hoses, stock status as lead time "
                   "('På lager' = 0, 'Bestillingsvare 3 uker'), terms in a footer row; RFQ of three "
                   "lines: two match by part number, the third (a hose roll) is not in the list and "
                   "shares words with hose lines"),
    "header": {
        "supplier": "Norsk Hydraulikk Partner AS",
        "quote_ref": "PL-NHP-2025-12",
        "quote_date": "2025-12-02",
        "currency": "NOK",
        "payment_net_days": 30,
        "freight": "extra",
    },
    "lines": c05_lines,
}, rfq={
    "rfq": "INN-2025-0412",
    "currency": "NOK",
    "lines": [
        {"line": "1", "part_number": "NHP-20112", "description": "Pressnippel 3/8 JIC hun 90 grader",
         "quantities": ["200"], "uom": "H87"},
        {"line": "2", "part_number": "NHP-30501", "description": "Kuleventil 1/2 BSP 2-veis",
         "quantities": ["20"], "uom": "H87"},
        {"line": "3", "part_number": "HYD-9900", "description": "Hydraulikkslange 3/8 2SN, rull 50 meter",
         "quantities": ["4"], "uom": "H87"},
    ],
})

# ---------------------------------------------------------------- c06 fi
c06 = """TARJOUS;TR-25-4471;;;;;
Päivämäärä;1.12.2025;;;;;
Toimittaja;Pirkan Metallityö Oy;;;;;
Asiakas;Konepaja Lahtinen Oy;;;;;
;;;;;;
Nimike;Asiakkaan nro;Kuvaus;Määrä kpl;à-hinta EUR / 1000 kpl;Työkalukustannus EUR;Toimitusaika
PM-661;KL-2201;Aluslevy M12 kuumasinkitty;20 000;142,00;;2 vk
PM-662;KL-2202;Kiinnityskulma 40x40x3 sinkitty;5 000;1 960,00;2 350,00;4 vk
PM-670;KL-2210;Jousisokka 4x32;50 000;18,40;;2 vk
;;;;;;
Hinnat arvonlisäverottomia. Maksuehto 14 pv -2 %, 30 pv netto. Toimitusehto FCA Tampere. Tarjous voimassa 31.1.2026 asti.;;;;;;
Pirkan Metallityö Oy, Hatanpään valtatie 34, 33100 Tampere, puh. 03 345 6700, Y-tunnus 0876543-2;;;;;;
"""
write_doc("c06_semicolon_a_hinta_per_1000_kpl_tyokalu_eur_fi.csv", c06)
write_truth("c06_semicolon_a_hinta_per_1000_kpl_tyokalu_eur_fi.csv", {
    "about": about("csv", "fi", [2, 3, 6, 7],
                   "Finnish semicolon CSV: own item number first and customer number second, "
                   "'à-hinta EUR / 1000 kpl', space thousands with decimal commas, tooling column, "
                   "lead time 'vk', terms in one footer sentence (14 pv -2 %, 30 pv netto, FCA, "
                   "valid-until), business ID and phone in the last row"),
    "header": {
        "supplier": "Pirkan Metallityö Oy",
        "quote_ref": "TR-25-4471",
        "quote_date": "2025-12-01",
        "currency": "EUR",
        "valid_until": "2026-01-31",
        "payment_net_days": 30,
        "payment_discount_pct": "2",
        "payment_discount_days": 14,
        "incoterm": "FCA",
        "incoterm_place": "Tampere",
    },
    "lines": [
        {"part_number": "KL-2201", "supplier_part": "PM-661", "description": "Aluslevy M12 kuumasinkitty",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("20000", "0.142")), "lead_time_days": 14},
        {"part_number": "KL-2202", "supplier_part": "PM-662",
         "description": "Kiinnityskulma 40x40x3 sinkitty", "uom": "H87", "price_basis_qty": "1000",
         "breaks": br(("5000", "1.96")), "lead_time_days": 28,
         "tooling": [["Työkalukustannus", "2350.00"]]},
        {"part_number": "KL-2210", "supplier_part": "PM-670", "description": "Jousisokka 4x32",
         "uom": "H87", "price_basis_qty": "1000", "breaks": br(("50000", "0.0184")),
         "lead_time_days": 14},
    ],
})
print("delimited: 6 documents")
