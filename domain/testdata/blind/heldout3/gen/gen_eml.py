"""heldout3 e-mails (e01-e10). Run from anywhere: python3 gen_eml.py"""
import hashlib
import io
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.utils import make_msgid, formataddr
from email.header import Header

from common import write_doc, truth, B


def plain(frm, to, subject, date, body, charset="utf-8", cc=None):
    m = MIMEText(body, "plain", charset)
    m["From"], m["To"], m["Subject"], m["Date"] = frm, to, subject, date
    if cc:
        m["Cc"] = cc
    m["Message-ID"] = "<%s@%s>" % (hashlib.sha1(subject.encode()).hexdigest()[:20], frm.split("@")[-1].rstrip(">"))
    return m.as_bytes()


# ------------------------------------------------------------------ e01 de reply, per 100, RFQ
body = """Sehr geehrter Herr Brandt,

vielen Dank für Ihre Anfrage ANF-2026-0388. Gerne bieten wir Ihnen wie folgt an
(unser Angebot Nr. 26-A-1187 vom 08.12.2026):

Pos. 10   Ihre Sach-Nr. 4711-200 Rev. C   Distanzhülse Ø10 x 24, 1.4305
              1.000 Stk        42,80 EUR / 100 Stk
              5.000 Stk        36,50 EUR / 100 Stk

Pos. 20   Ihre Sach-Nr. 4711-210 Rev. A   Gewindebolzen M8 x 40, 11SMnPb30 verzinkt
              2.000 Stk        58,10 EUR / 100 Stk
             10.000 Stk        49,90 EUR / 100 Stk

Pos. 30   Ihre Sach-Nr. 4711-230   Lagerzapfen Ø16 h7
              -> hierzu können wir Ihnen leider kein Angebot abgeben
                 (Härten und Schleifen nicht in unserem Haus).

Für Pos. 20 fallen einmalige Werkzeugkosten (Rollwerkzeug) in Höhe von 1.250,00 EUR an.

Lieferzeit: 5 Wochen nach Auftragseingang
Lieferbedingung: FCA Tuttlingen
Zahlung: 14 Tage 2 % Skonto, 30 Tage netto
Alle Preise zzgl. der gesetzlichen MwSt.
Das Angebot ist gültig bis 29.01.2027.

Mit freundlichen Grüßen

i. A. Katrin Vogel
Vertrieb Innendienst

Hegau Drehteile GmbH & Co. KG
Industriestraße 14 | 78532 Tuttlingen
Tel. +49 7461 9630-22 | Fax -29
www.hegau-drehteile.de
Sitz Tuttlingen, HRA 460123 Amtsgericht Stuttgart
Komplementärin: Hegau Verwaltungs GmbH, GF: Markus Hegau

-----Ursprüngliche Nachricht-----
Von: Jens Brandt <j.brandt@lindner-maschinenbau.example>
Gesendet: Freitag, 4. Dezember 2026 09:02
An: info@hegau-drehteile.de
Betreff: Anfrage ANF-2026-0388 - Drehteile

Hallo zusammen,

bitte um Ihr Angebot für folgende Teile:

1) 4711-200 Rev. C  Distanzhülse        1.000 / 5.000 Stk
2) 4711-210 Rev. A  Gewindebolzen       2.000 / 10.000 Stk
3) 4711-230         Lagerzapfen         500 Stk

Liefertermin gewünscht KW 6/2027, Lieferung DAP Kempten.
Zahlungsbedingung lt. Rahmenvertrag 60 Tage netto.
Angebotsabgabe bitte bis 11.12.2026.

Gruß
Jens Brandt
Strategischer Einkauf
Maschinenbau Lindner GmbH | Kempten (Allgäu)
"""
n = "e01_reply_per100_werkzeug_rfq_eur_de.eml"
write_doc(n, plain('"Vogel, Katrin" <k.vogel@hegau-drehteile.de>', "Jens Brandt <j.brandt@lindner-maschinenbau.example>",
                   "AW: Anfrage ANF-2026-0388 - Drehteile", "Tue, 08 Dec 2026 10:14:00 +0100", body))
truth(n, "de", [1, 2, 3, 5, 7],
      "reply with Outlook-quoted RFQ (buyer's DAP/60 days terms are not the quote's); breaks as rows under a Pos. line, price per 100 Stk, tooling sentence for one position, no-bid in words, Skonto; rfq with two decoy lines sharing words",
      {"supplier": "Hegau Drehteile GmbH & Co. KG", "quote_ref": "26-A-1187", "quote_date": "2026-12-08",
       "currency": "EUR", "valid_until": "2027-01-29", "payment_net_days": 30, "payment_discount_pct": "2",
       "payment_discount_days": 14, "incoterm": "FCA", "incoterm_place": "Tuttlingen"},
      [{"part_number": "4711-200", "revision": "C", "description": "Distanzhülse Ø10 x 24, 1.4305", "uom": "H87",
        "price_basis_qty": "100", "breaks": B("1000", "0.428", "5000", "0.365"), "lead_time_days": 35, "rfq_line": "1"},
       {"part_number": "4711-210", "revision": "A", "description": "Gewindebolzen M8 x 40, 11SMnPb30 verzinkt", "uom": "H87",
        "price_basis_qty": "100", "breaks": B("2000", "0.581", "10000", "0.499"), "lead_time_days": 35,
        "tooling": [("Werkzeugkosten (Rollwerkzeug)", "1250.00")], "rfq_line": "2"},
       {"part_number": "4711-230", "description": "Lagerzapfen Ø16 h7", "no_bid": True,
        "no_bid_reason": "Härten und Schleifen nicht in unserem Haus", "rfq_line": "3"}],
      rfq={"rfq": "ANF-2026-0388", "currency": "EUR", "lines": [
          {"line": "1", "part_number": "4711-200", "revision": "C", "description": "Distanzhülse Ø10 x 24, 1.4305", "quantities": ["1000", "5000"], "last_price": "0.445"},
          {"line": "2", "part_number": "4711-210", "revision": "A", "description": "Gewindebolzen M8 x 40 verzinkt", "quantities": ["2000", "10000"]},
          {"line": "3", "part_number": "4711-230", "description": "Lagerzapfen Ø16 h7", "quantities": ["500"]},
          {"line": "4", "part_number": "4711-201", "revision": "B", "description": "Distanzhülse Ø10 x 30, 1.4305", "quantities": ["1000"]},
          {"line": "5", "part_number": "4711-215", "description": "Gewindebolzen M8 x 50 verzinkt", "quantities": ["2000"]}]})

# ------------------------------------------------------------------ e02 nl multipart/alternative HTML, per 1000
txt = """Beste heer Jansen,

Hierbij onze offerte OF-26-04412 d.d. 7 december 2026. De prijzen en voorwaarden staan in
de HTML-weergave van dit bericht.

Met vriendelijke groet,
Bram de Wit
"""
html = """<html><body style="font-family:Calibri,Arial;font-size:11pt">
<p>Beste heer Jansen,</p>
<p>Hierbij onze offerte <b>OF-26-04412</b> d.d. 7 december 2026 naar aanleiding van uw aanvraag.</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">
<tr style="background:#dde7f3"><th>Uw artikelnr.</th><th>Omschrijving</th><th>Ons artikelnr.</th><th>Aantal</th><th>Prijs per 1000 st.</th></tr>
<tr><td>KL-3301</td><td>Clip 12 mm PA6 zwart</td><td>VDK-88120</td><td align="right">10.000</td><td align="right">&euro; 84,50</td></tr>
<tr><td></td><td></td><td></td><td align="right">50.000</td><td align="right">&euro; 71,20</td></tr>
<tr><td>KL-3305</td><td>Kabelhouder 2-voudig PA66</td><td>VDK-88134</td><td align="right">5.000</td><td align="right">&euro; 132,00</td></tr>
<tr><td></td><td></td><td></td><td align="right">25.000</td><td align="right">&euro; 118,75</td></tr>
<tr><td>KL-3310</td><td>Afdekkap &Oslash;22 PP grijs</td><td>&ndash;</td><td colspan="2"><i>geen offerte &ndash; grondstof niet leverbaar</i></td></tr>
</table>
<p>Voor KL-3305 is een nieuwe matrijs nodig: matrijskosten eenmalig &euro; 6.900,-.</p>
<ul>
<li>Levertijd: 3 weken na orderbevestiging</li>
<li>Levering uitsluitend in hele dozen van 2.500 stuks</li>
<li>Leveringsconditie: FCA Venlo; vracht &euro; 45,00 per zending</li>
<li>Betaling: 30 dagen na factuurdatum</li>
<li>Deze offerte is 30 dagen geldig.</li>
</ul>
<p>Met vriendelijke groet,<br>Bram de Wit<br>Binnendienst Verkoop<br><b>Van Dijk Kunststoffen B.V.</b><br>Celsiusweg 7, 5928 PR Venlo<br>KvK 12045678</p>
</body></html>"""
m = MIMEMultipart("alternative")
m["From"] = "Bram de Wit <b.dewit@vandijk-kunststoffen.nl>"
m["To"] = "p.jansen@technobouw.example"
m["Subject"] = "Offerte OF-26-04412 clips en kabelhouders"
m["Date"] = "Mon, 07 Dec 2026 15:40:11 +0100"
m.attach(MIMEText(txt, "plain", "utf-8"))
m.attach(MIMEText(html, "html", "utf-8"))
n = "e02_html_alternative_per1000_matrijs_eur_nl.eml"
write_doc(n, m.as_bytes())
truth(n, "nl", [1, 2, 3, 4, 5, 7],
      "multipart/alternative whose text part gives only terms; HTML table with breaks as rows under a part row, price per 1000 st., own article number column, no-bid in a colspan cell, mould sentence, whole boxes of 2.500, freight per shipment",
      {"supplier": "Van Dijk Kunststoffen B.V.", "quote_ref": "OF-26-04412", "quote_date": "2026-12-07",
       "currency": "EUR", "validity_days": 30, "payment_net_days": 30, "incoterm": "FCA", "incoterm_place": "Venlo",
       "freight": "per_shipment", "freight_amount": "45.00"},
      [{"part_number": "KL-3301", "description": "Clip 12 mm PA6 zwart", "supplier_part": "VDK-88120", "uom": "H87",
        "price_basis_qty": "1000", "breaks": B("10000", "0.0845", "50000", "0.0712"), "moq": "2500", "order_multiple": "2500", "lead_time_days": 21},
       {"part_number": "KL-3305", "description": "Kabelhouder 2-voudig PA66", "supplier_part": "VDK-88134", "uom": "H87",
        "price_basis_qty": "1000", "breaks": B("5000", "0.132", "25000", "0.11875"), "moq": "2500", "order_multiple": "2500",
        "lead_time_days": 21, "tooling": [("matrijskosten", "6900")]},
       {"part_number": "KL-3310", "description": "Afdekkap Ø22 PP grijs", "no_bid": True, "no_bid_reason": "grondstof niet leverbaar"}])

# ------------------------------------------------------------------ e03 pl plain, space thousands
body = """Dzień dobry Pani Anno,

w odpowiedzi na zapytanie z 02.12.2026 przesyłamy ofertę nr 412/12/2026 z dnia 09.12.2026.

1. Nr części klienta: 120-00-17, rew. D - Wspornik, blacha DC01 2 mm, ocynk galwaniczny
   500 szt.    - 6,85 zł/szt.
   2 000 szt.  - 5,40 zł/szt.
   5 000 szt.  - 4,95 zł/szt.

2. Nr części klienta: 045-01-02, rew. B - Płytka montażowa, stal S235 3 mm
   1 000 szt.  - 2,12 zł/szt.
   5 000 szt.  - 1,78 zł/szt.

3. Nr części klienta: 045-01-09 - Obejma rurowa DN50
   Niestety nie składamy oferty - nie posiadamy giętarki do tej średnicy.

Koszt oprzyrządowania (wykrojnik postępowy do poz. 1): 18 400,00 zł netto, płatne jednorazowo.
Termin realizacji: 6 tygodni od zatwierdzenia próbek.
Ceny netto, należy doliczyć 23% VAT.
Warunki dostawy: EXW Bielsko-Biała. Transport: 350,00 zł netto za każdą dostawę (doliczany do faktury).
Płatność: przelew 45 dni od daty wystawienia faktury.
Oferta ważna 30 dni.

Z poważaniem
Marek Zieliński
Specjalista ds. sprzedaży

METALFORM Sp. z o.o.
ul. Partyzantów 51, 43-300 Bielsko-Biała
NIP 547-000-11-22 | tel. +48 33 812 40 00
"""
n = "e03_plain_space_thousands_oprzyrzadowanie_pln_pl.eml"
write_doc(n, plain("Marek Zieliński <m.zielinski@metalform-bielsko.pl>", "a.nowak@elektromont.example",
                   "Oferta nr 412/12/2026 - elementy tłoczone", "Wed, 09 Dec 2026 08:55:00 +0100", body))
truth(n, "pl", [1, 3, 4, 5, 7],
      "Polish plain mail: breaks as rows with space thousands ('2 000 szt. - 5,40 zł/szt.'), part number and revision in a prefix, tooling sentence for position 1, prose no-bid, EXW place, freight per delivery",
      {"supplier": "METALFORM Sp. z o.o.", "quote_ref": "412/12/2026", "quote_date": "2026-12-09", "currency": "PLN",
       "validity_days": 30, "payment_net_days": 45, "incoterm": "EXW", "incoterm_place": "Bielsko-Biała",
       "freight": "per_shipment", "freight_amount": "350.00"},
      [{"part_number": "120-00-17", "revision": "D", "description": "Wspornik, blacha DC01 2 mm, ocynk galwaniczny", "uom": "H87",
        "breaks": B("500", "6.85", "2000", "5.40", "5000", "4.95"), "lead_time_days": 42,
        "tooling": [("wykrojnik postępowy", "18400.00")]},
       {"part_number": "045-01-02", "revision": "B", "description": "Płytka montażowa, stal S235 3 mm", "uom": "H87",
        "breaks": B("1000", "2.12", "5000", "1.78"), "lead_time_days": 42},
       {"part_number": "045-01-09", "description": "Obejma rurowa DN50", "no_bid": True,
        "no_bid_reason": "nie posiadamy giętarki do tej średnicy"}])

# ------------------------------------------------------------------ e04 fr HTML only, les 100, fin de mois
html = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div style="font-family:Verdana;font-size:10pt">
<p>Bonjour Monsieur Lefèvre,</p>
<p>Suite à votre demande, veuillez trouver ci-dessous notre devis n&deg; <b>DV-2026-1873</b> du 10/12/2026.</p>
<table style="border:1px solid #999" cellpadding="3">
<thead><tr><th>Réf. client</th><th>Désignation</th><th>Notre réf.</th><th>Quantité</th><th>Prix HT<br>(&euro; les 100)</th></tr></thead>
<tbody>
<tr><td>AX-5521</td><td>Axe épaulé &Oslash;6 inox 303</td><td>DMB-6621</td><td>2&nbsp;000</td><td>86,40</td></tr>
<tr><td></td><td></td><td></td><td>10&nbsp;000</td><td>71,90</td></tr>
<tr><td>AX-5530</td><td>Entretoise laiton &Oslash;8 x 12</td><td>DMB-6630</td><td>5&nbsp;000</td><td>23,15</td></tr>
<tr><td>AX-5540</td><td>Goupille cannelée &Oslash;3</td><td>&ndash;</td><td>&ndash;</td><td>non chiffré (hors capacité)</td></tr>
</tbody></table>
<p>Frais d'outillage (outils de forme spécifiques à l'AX-5521) : 640,00 &euro; HT, facturés une seule fois.</p>
<p>Délai : 4 semaines après réception de votre commande.<br>
Conditions de livraison : DAP Annecy, port compris.<br>
Règlement : 45 jours fin de mois.<br>
Validité de l'offre : 60 jours.</p>
<p>Cordialement,</p>
<p>Sophie Perrin<br>Service commercial<br>
<b>Décolletage du Mont-Blanc SAS</b><br>
145 rue des Vieux Moulins &ndash; 74300 Cluses<br>Tél. 04 50 98 00 00</p>
</div></body></html>"""
m = MIMEText(html, "html", "utf-8")
m["From"] = "Sophie Perrin <s.perrin@decolletage-montblanc.fr>"
m["To"] = "Julien Lefèvre <j.lefevre@alpes-hydraulique.example>"
m["Subject"] = "Devis DV-2026-1873"
m["Date"] = "Thu, 10 Dec 2026 11:02:37 +0100"
n = "e04_html_only_les100_fin_de_mois_eur_fr.eml"
write_doc(n, m.as_bytes())
truth(n, "fr", [1, 2, 3, 4, 5, 7],
      "HTML-only mail; price per 100 stated in a two-line header cell, 2 000 quantities with nbsp, breaks as continuation rows, non chiffré row, tooling sentence, 45 jours fin de mois, DAP port compris",
      {"supplier": "Décolletage du Mont-Blanc SAS", "quote_ref": "DV-2026-1873", "quote_date": "2026-12-10",
       "currency": "EUR", "validity_days": 60, "payment_net_days": 45, "payment_basis": "end_of_month",
       "incoterm": "DAP", "incoterm_place": "Annecy", "freight": "included"},
      [{"part_number": "AX-5521", "description": "Axe épaulé Ø6 inox 303", "supplier_part": "DMB-6621",
        "price_basis_qty": "100", "breaks": B("2000", "0.864", "10000", "0.719"), "lead_time_days": 28,
        "tooling": [("Frais d'outillage", "640.00")]},
       {"part_number": "AX-5530", "description": "Entretoise laiton Ø8 x 12", "supplier_part": "DMB-6630",
        "price_basis_qty": "100", "breaks": B("5000", "0.2315"), "lead_time_days": 28},
       {"part_number": "AX-5540", "description": "Goupille cannelée Ø3", "no_bid": True, "no_bid_reason": "hors capacité"}])

# ------------------------------------------------------------------ e05 en US reply, RFQ, NRE, multiples, alternate
body = """Hi Dana,

Thanks for the opportunity. Pricing for RFQ 26-114 is below - our ref is LSE-Q-261207-3,
dated 12/07/2026.

Line 1 - CTL-7710 Rev E, controller PCBA
   250 pcs ...... $38.75 ea
   1,000 pcs .... $33.10 ea
   One-time NRE (stencil + ICT fixture): $1,850.00

Line 2 - CBL-7714 Rev B, harness 6-pos
   Qty 1,000 - $4.26/ea, Qty 5,000 - $3.88/ea
   Std pack is 500 so please order in multiples of 500.

Line 3 - PSU-7720: the part you specified is EOL. We suggest the Mean Well IRM-20-12
   instead (drop-in footprint), $9.95 ea @ 250.

Line 4 - FAN-7725: no bid, not a commodity we carry.

Lead times: PCBA 5 wks ARO, harness 3 wks ARO, the Mean Well is ex-stock.
Terms Net 30, FOB Dallas, TX, freight prepay & add. Quote good for 30 days.

Let me know if you have any questions.

Rick Alvarez
Sr. Account Manager
Lone Star Electronics Mfg., Inc.
2200 Irving Blvd | Dallas, TX 75207
(214) 555-0188 | ralvarez@lonestar-ems.com
ISO 9001:2015 | IPC-A-610 Class 2/3 | ITAR registered

From: Dana Whitfield <dwhitfield@northpeak-instruments.example>
Sent: Tuesday, December 1, 2026 3:12 PM
To: Rick Alvarez <ralvarez@lonestar-ems.com>
Subject: RFQ 26-114 - quotes due 12/11/2026

Hi Rick,

Please quote the following. Payment terms are Net 60 per our PO terms, ship to Boulder, CO.

> 1. CTL-7710 Rev E  controller PCBA      qty 250 / 1,000
> 2. CBL-7714 Rev B  harness              qty 1,000 / 5,000
> 3. PSU-7720        12V 20W PSU module   qty 250
> 4. FAN-7725        40mm fan             qty 250
> 5. ENC-7730 Rev A  enclosure            qty 250 (sourcing separately - ignore if not your scope)

Thanks,
Dana Whitfield | Buyer | NorthPeak Instruments, LLC
"""
n = "e05_reply_nre_multiples_alternate_rfq_usd_en.eml"
write_doc(n, plain("Rick Alvarez <ralvarez@lonestar-ems.com>", "Dana Whitfield <dwhitfield@northpeak-instruments.example>",
                   "RE: RFQ 26-114 - quotes due 12/11/2026", "Mon, 07 Dec 2026 16:21:09 -0600", body))
truth(n, "en", [1, 3, 4, 5, 7],
      "US reply: dot-leader breaks under a 'Line N' heading, inline 'Qty 1,000 - $4.26/ea' breaks, NRE sentence, order multiple in prose, alternate offered in words with its price, no-bid, per-line lead times incl. ex-stock, buyer's quoted terms and an unanswered RFQ line; rfq with decoy",
      {"supplier": "Lone Star Electronics Mfg., Inc.", "quote_ref": "LSE-Q-261207-3", "quote_date": "2026-12-07",
       "currency": "USD", "validity_days": 30, "payment_net_days": 30, "incoterm": "FOB", "incoterm_place": "Dallas, TX",
       "freight": "extra"},
      [{"part_number": "CTL-7710", "revision": "E", "description": "controller PCBA", "uom": "H87",
        "breaks": B("250", "38.75", "1000", "33.10"), "lead_time_days": 35,
        "tooling": [("NRE (stencil + ICT fixture)", "1850.00")], "rfq_line": "1"},
       {"part_number": "CBL-7714", "revision": "B", "description": "harness 6-pos", "uom": "H87",
        "breaks": B("1000", "4.26", "5000", "3.88"), "moq": "500", "order_multiple": "500", "lead_time_days": 21, "rfq_line": "2"},
       {"part_number": "PSU-7720", "alternate": "Mean Well IRM-20-12", "uom": "H87", "breaks": B("250", "9.95"),
        "lead_time_days": 0, "rfq_line": "3"},
       {"part_number": "FAN-7725", "no_bid": True, "no_bid_reason": "not a commodity we carry", "rfq_line": "4"}],
      rfq={"rfq": "26-114", "currency": "USD", "lines": [
          {"line": "1", "part_number": "CTL-7710", "revision": "E", "description": "Controller PCBA", "quantities": ["250", "1000"]},
          {"line": "2", "part_number": "CBL-7714", "revision": "B", "description": "Harness, 6-pos", "quantities": ["1000", "5000"], "last_price": "4.40"},
          {"line": "3", "part_number": "PSU-7720", "description": "PSU module 12V 20W", "quantities": ["250"]},
          {"line": "4", "part_number": "FAN-7725", "description": "Fan 40mm 12V", "quantities": ["250"]},
          {"line": "5", "part_number": "ENC-7730", "revision": "A", "description": "Enclosure", "quantities": ["250"]},
          {"line": "6", "part_number": "CTL-7711", "revision": "A", "description": "Controller PCBA, low-cost variant", "quantities": ["250"]}]})

# ------------------------------------------------------------------ e06 ja iso-2022-jp
body = """株式会社北斗精機
購買部　田中様

いつもお世話になっております。三河樹脂工業の佐藤でございます。
先日ご依頼いただきました件、下記の通りお見積り申し上げます。

見積番号：MT-261208-05
見積日　：2026年12月8日

品番　　　　品名　　　　　　　　数量　　　　単価
HK-2201　　ハウジング（上）　　1,000個　　￥186
　　　　　　　　　　　　　　　　5,000個　　￥152
HK-2202　　ハウジング（下）　　1,000個　　￥174
　　　　　　　　　　　　　　　　5,000個　　￥139
HK-2210　　ボタン（2色成形）　　誠に恐縮ながら今回は辞退させていただきます。

金型費：HK-2201／HK-2202 共用金型（1型2個取り）一式　￥1,480,000（税別）
納期　：量産品は受注後3週間
受渡条件：貴社指定場所渡し（運賃込み）
支払条件：月末締め翌月末払い
有効期限：2027年1月31日
※上記単価に消費税は含まれておりません。

何卒ご検討のほど、よろしくお願い申し上げます。

――――――――――――――――――
三河樹脂工業株式会社
営業部　佐藤 健一
〒444-0000 愛知県岡崎市若松町1-2-3
TEL 0564-00-1234
――――――――――――――――――
"""
n = "e06_iso2022jp_kanagata_jpy_ja.eml"
write_doc(n, plain(formataddr((str(Header("佐藤 健一", "iso-2022-jp")), "k.sato@mikawa-jushi.co.jp")), "tanaka@hokuto-seiki.example",
                   "お見積りの件（MT-261208-05）", "Tue, 08 Dec 2026 13:30:00 +0900", body, charset="iso-2022-jp"))
truth(n, "ja", [1, 3, 4, 5, 7],
      "ISO-2022-JP plain mail, full-width spaces as column gaps, breaks as continuation rows, ￥ with JPY, declined item in prose, shared mould for two parts as a whole-quote charge, 月末締め翌月末払い, freight included without Incoterm",
      {"supplier": "三河樹脂工業株式会社", "quote_ref": "MT-261208-05", "quote_date": "2026-12-08", "currency": "JPY",
       "valid_until": "2027-01-31", "payment_net_days": 30, "payment_basis": "end_of_month", "freight": "included",
       "tooling": [("金型費", "1480000")]},
      [{"part_number": "HK-2201", "description": "ハウジング（上）", "uom": "H87", "breaks": B("1000", "186", "5000", "152"), "lead_time_days": 21},
       {"part_number": "HK-2202", "description": "ハウジング（下）", "uom": "H87", "breaks": B("1000", "174", "5000", "139"), "lead_time_days": 21},
       {"part_number": "HK-2210", "description": "ボタン（2色成形）", "no_bid": True, "no_bid_reason": "辞退"}])
