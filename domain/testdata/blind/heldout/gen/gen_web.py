"""weasyprint PDFs (two-column catalogue page, Italian formal quote over two pages) and a saved HTML quote page."""
from decimal import Decimal
import weasyprint

from common import truth, write_bytes, write_text


def pdf(html, name):
    data = weasyprint.HTML(string=html).write_pdf()
    write_bytes(name, data)


# ---------------------------------------------------------------- h25 Dutch two-column catalogue price page
items = [
    # art.nr, omschrijving, prijs per stuk vanaf 1, vanaf 25
    ("40-1120", "Paumelle RVS 316, 40 x 40 mm", "2,35", "2,05"),
    ("40-1125", "Paumelle RVS 316, 50 x 50 mm", "2,90", "2,52"),
    ("40-1130", "Paumelle RVS 316, 60 x 60 mm", "3,65", "3,18"),
    ("40-2210", "Pianoscharnier RVS 304, 32 x 1000 mm", "11,80", "10,40"),
    ("40-2215", "Pianoscharnier RVS 304, 40 x 1000 mm", "13,45", "11,85"),
    ("40-3300", "Kastslot 25 mm doorn, messing", "8,95", "7,90"),
    ("40-3305", "Kastslot 30 mm doorn, messing", "9,40", "8,30"),
    ("40-4410", "Greep RVS, boorafstand 96 mm", "3,20", "2,75"),
    ("40-4415", "Greep RVS, boorafstand 128 mm", "3,55", "3,05"),
    ("40-4420", "Greep RVS, boorafstand 160 mm", "3,95", "3,40"),
    ("40-5001", "Knop RVS Ø 30 mm", "1,85", "1,58"),
    ("40-5005", "Knop RVS Ø 35 mm", "2,10", "1,79"),
    ("41-1010", "Magneetsnapper wit, 4 kg", "0,95", "0,79"),
    ("41-1015", "Magneetsnapper bruin, 6 kg", "1,15", "0,96"),
    ("41-2200", "Kogelsnapper messing, 16 mm", "1,40", "1,19"),
    ("41-3100", "Stelvoet M10, 50 mm, verstelbaar", "2,60", "2,20"),
    ("41-3105", "Stelvoet M10, 80 mm, verstelbaar", "3,10", "2,65"),
    ("41-4400", "Meubelwiel Ø 50 mm met rem", "4,75", "4,05"),
    ("41-4405", "Meubelwiel Ø 50 mm zonder rem", "3,95", "3,35"),
    ("41-5500", "Plankdrager nikkel, 5 mm pen", "0,12", "0,09"),
]
blocks = []
for art, desc, p1, p25 in items:
    blocks.append("""<div class="item"><div class="art">Art.nr. %s</div><div class="desc">%s</div>
<table><tr><td>per stuk vanaf 1 st.</td><td class="p">&euro; %s</td></tr>
<tr><td>per stuk vanaf 25 st.</td><td class="p">&euro; %s</td></tr></table></div>""" % (art, desc, p1, p25))
html = """<html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 18mm 15mm 20mm 15mm;
  @bottom-center { content: "Van Dijk Bouwbeslag B.V. · Prijslijst 2024-2 · pagina " counter(page) " van " counter(pages); font-size: 7pt; } }
body { font-family: DejaVu Sans, sans-serif; font-size: 8.5pt; }
h1 { font-size: 15pt; margin: 0; } .sub { font-size: 8pt; color: #444; }
.cols { column-count: 2; column-gap: 10mm; margin-top: 5mm; }
.item { break-inside: avoid; border-bottom: 0.5pt solid #aaa; padding: 2mm 0; }
.art { font-weight: bold; } table { width: 100%%; border-collapse: collapse; } td.p { text-align: right; }
.terms { margin-top: 6mm; font-size: 8pt; }
</style></head><body>
<h1>Van Dijk Bouwbeslag B.V.</h1>
<div class="sub">Industrieweg 27 · 3542 AD Utrecht · verkoop@vandijk-beslag.example · KvK 30123456</div>
<p><b>Prijslijst 2024-2 — RVS en messing meubelbeslag</b><br>
Prijzen in EUR excl. btw, per stuk. Geldig tot en met 30-06-2024. Alle artikelen uit voorraad leverbaar.</p>
<div class="cols">%s</div>
<div class="terms">Betaling: 14 dagen netto. Verzendkosten: &euro; 9,95 per zending.
Op al onze leveringen zijn onze algemene voorwaarden van toepassing.</div>
</body></html>""" % "\n".join(blocks)
pdf(html, "h25_prijslijst_twocol_weasy.pdf")
tl = []
for art, desc, p1, p25 in items:
    tl.append({"part_number": art, "description": desc, "uom": "H87",
               "breaks": [["1", p1.replace(",", ".")], ["25", p25.replace(",", ".")]], "lead_time_days": 0})
truth("h25_prijslijst_twocol_weasy",
      {"format": "pdf", "language": "nl", "classes": [1, 4],
       "notes": "weasyprint; two-column catalogue page (entries side by side share baselines), breaks written as rows 'per stuk vanaf N st.' under each article heading; freight per shipment"},
      {"supplier": "Van Dijk Bouwbeslag B.V.", "quote_ref": "2024-2", "currency": "EUR", "valid_until": "2024-06-30",
       "payment_net_days": 14, "freight": "per_shipment", "freight_amount": "9.95"},
      tl)

# ---------------------------------------------------------------- h26 Italian formal quote, €/1000 pz, mould row, two pages
cond = "".join("<p>%d. %s</p>" % (i + 1, t) for i, t in enumerate([
    "Le presenti condizioni generali di vendita si applicano a tutte le offerte e conferme d'ordine di Stampaggi Plastici Brianza S.r.l.",
    "I prezzi si intendono per merce resa EXW Seregno (franco partenza), imballo standard compreso, trasporto escluso.",
    "Eventuali variazioni del prezzo delle materie prime superiori al 5% daranno luogo a revisione dei prezzi.",
    "Le quantità consegnate possono variare del ±5% rispetto alla quantità ordinata.",
    "Lo stampo resta di proprietà del cliente; la manutenzione ordinaria è a nostro carico.",
    "Per quanto non espressamente previsto valgono le norme del Codice Civile. Foro competente: Monza.",
] * 3))
html = """<html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 18mm 22mm 18mm; @bottom-right { content: "Pag. " counter(page) "/" counter(pages); font-size: 7pt; } }
body { font-family: DejaVu Sans, sans-serif; font-size: 9pt; }
table.q { border-collapse: collapse; width: 100%%; margin-top: 4mm; }
table.q th, table.q td { border: 0.6pt solid #555; padding: 1.5mm; vertical-align: top; }
table.q th { background: #e8e8e8; font-size: 8pt; } td.n { text-align: right; white-space: nowrap; }
.hdr { display: flex; justify-content: space-between; } .cg { page-break-before: always; font-size: 7.5pt; }
</style></head><body>
<div><b style="font-size:14pt">STAMPAGGI PLASTICI BRIANZA S.R.L.</b><br>
Via dell'Industria 45 – 20831 Seregno (MB) – P.IVA 09876543210 – info@spbrianza.example</div>
<p style="margin-left:95mm">Spett.le<br>MECCANOTECNICA UMBRA S.p.A.<br>Ufficio Acquisti – c.a. Sig. Paolo Ricci<br>06034 Foligno (PG)</p>
<p><b>OFFERTA N. 2024/0457 del 18/06/2024</b><br>Oggetto: Vs. richiesta d'offerta n. 118 del 10/06/2024 – particolari stampati in PA66</p>
<table class="q">
<tr><th>Cod. cliente</th><th>Descrizione</th><th>Lotto minimo<br>(pz)</th><th>Prezzo<br>€/1000 pz</th><th>Consegna</th></tr>
<tr><td>MU-7702</td><td>Ghiera di bloccaggio PA66 GF30 nero, Ø 42 mm</td><td class="n">5.000</td><td class="n">312,00</td><td>3 settimane</td></tr>
<tr><td>MU-7705</td><td>Rondella isolante PA66 naturale, Ø 18 x 1,5</td><td class="n">20.000</td><td class="n">18,40</td><td>2 settimane</td></tr>
<tr><td>MU-7710</td><td>Distanziale PA66 GF30 nero, L = 25 mm</td><td class="n">10.000</td><td class="n">46,80</td><td>3 settimane</td></tr>
<tr><td>MU-7702</td><td>Stampo a 4 cavità per MU-7702 (addebito una tantum)</td><td class="n">1</td><td class="n">€ 9.800,00</td><td>8 settimane</td></tr>
</table>
<p>Pagamento: bonifico bancario 90 gg d.f.f.m.<br>
Resa: EXW Seregno (franco partenza), trasporto escluso.<br>
Validità dell'offerta: 60 giorni.<br>
Prezzi IVA esclusa.</p>
<p>In attesa di un Vs. gradito riscontro, porgiamo distinti saluti.<br><br>
Stampaggi Plastici Brianza S.r.l.<br>Ufficio Commerciale – Elena Galbiati</p>
<div class="cg"><b>CONDIZIONI GENERALI DI VENDITA</b>%s</div>
</body></html>""" % cond
pdf(html, "h26_offerta_weasy.pdf")
truth("h26_offerta_weasy",
      {"format": "pdf", "language": "it", "classes": [2, 3, 5, 7],
       "notes": "weasyprint; price column €/1000 pz; mould as a table row with quantity 1 (one-time); Lotto minimo = MOQ; 90 gg d.f.f.m.; EXW with trasporto escluso; second page of general conditions"},
      {"supplier": "Stampaggi Plastici Brianza S.r.l.", "quote_ref": "2024/0457", "quote_date": "2024-06-18",
       "currency": "EUR", "validity_days": 60, "payment_net_days": 90, "payment_basis": "end_of_month",
       "incoterm": "EXW", "incoterm_place": "Seregno", "freight": "extra"},
      [
          {"part_number": "MU-7702", "description": "Ghiera di bloccaggio PA66 GF30 nero, Ø 42 mm", "uom": "H87", "price_basis_qty": "1000",
           "breaks": [["5000", "0.312"]], "moq": "5000", "lead_time_days": 21, "tooling": [["Stampo a 4 cavità", "9800.00"]]},
          {"part_number": "MU-7705", "description": "Rondella isolante PA66 naturale, Ø 18 x 1,5", "uom": "H87", "price_basis_qty": "1000",
           "breaks": [["20000", "0.0184"]], "moq": "20000", "lead_time_days": 14},
          {"part_number": "MU-7710", "description": "Distanziale PA66 GF30 nero, L = 25 mm", "uom": "H87", "price_basis_qty": "1000",
           "breaks": [["10000", "0.0468"]], "moq": "10000", "lead_time_days": 21},
      ])
print("web ok")
