//! Issue 9, classes 1, 3, 4 and 5 in German, Dutch and Polish: table headers (part,
//! description, quantity, price, breaks written `ab 1.000` / `vanaf 1000` / `od 1000
//! szt.`), tooling said in a sentence, and no-bid wording. Each case is a small document
//! with hand-written expectations; failures are collected so one run shows the family.

use super::classes::run_as;
use serde_json::Value;

fn get(v: &Value, path: &str) -> String {
    let mut cur = v.clone();
    for part in path.split('.') {
        if part == "len" {
            return cur.as_array().map_or(0, Vec::len).to_string();
        }
        let (key, idx) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        cur = cur.get(key).cloned().unwrap_or(Value::Null);
        if let Some(i) = idx {
            cur = cur.get(i).cloned().unwrap_or(Value::Null);
        }
    }
    match cur {
        Value::String(s) => s
            .parse::<rust_decimal::Decimal>()
            .map(|d| d.normalize().to_string())
            .unwrap_or(s),
        Value::Null => "null".into(),
        o => o.to_string(),
    }
}

/// (name, file name, document, expected (path, value) pairs)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

fn cases() -> Vec<Case> {
    vec![
        (
            "de tsv Staffelpreis ab",
            "q.tsv",
            "Artikelnummer\tBezeichnung\tab 1.000 Stk\tab 5.000 Stk\tLieferzeit\n7200-114\tDistanzbolzen M4\t0,184\t0,159\t3 Wochen\n7200-131\tDistanzbolzen M5\t0,412\t0,377\t4 Wochen\n",
            vec![("lines.len", "2"), ("lines[0].breaks[0].min_qty", "1000"), ("lines[0].breaks[1].unit_price", "0.159"), ("lines[0].lead_time_days", "21")],
        ),
        (
            "de tsv Menge Stückpreis",
            "q.tsv",
            "Pos.\tArt.-Nr.\tBezeichnung\tMenge\tStückpreis netto\tGesamt\n1\t7200-114\tDistanzbolzen M4\t1.000\t0,184\t184,00\n2\t7200-131\tDistanzbolzen M5\t500\t0,412\t206,00\n",
            vec![("lines.len", "2"), ("lines[0].part_number", "7200-114"), ("lines[0].breaks[0].unit_price", "0.184"), ("lines[1].line_total", "206")],
        ),
        (
            "de txt Staffel rows",
            "q.txt",
            "Artikel 7200-114 Distanzbolzen M4\n  ab 1.000 Stk   0,184 EUR\n  ab 5.000 Stk   0,159 EUR\n",
            vec![("lines.len", "1"), ("lines[0].breaks.len", "2"), ("lines[0].breaks[1].unit_price", "0.159")],
        ),
        (
            "nl tsv aantal prijs",
            "q.tsv",
            "Artikelnr.\tOmschrijving\tAantal\tPrijs per stuk\tLevertijd\nNL-100\tRing M6\t1000\t0,184\t3 weken\nNL-200\tRing M8\t500\t0,412\t4 weken\n",
            vec![("lines.len", "2"), ("lines[0].breaks[0].unit_price", "0.184"), ("lines[0].breaks[0].min_qty", "1000"), ("lines[0].lead_time_days", "21")],
        ),
        (
            "nl tsv vanaf staffels",
            "q.tsv",
            "Artikelnummer\tOmschrijving\tvanaf 1000\tvanaf 5000\nNL-100\tRing M6\t0,184\t0,159\n",
            vec![("lines.len", "1"), ("lines[0].breaks[1].min_qty", "5000"), ("lines[0].breaks[1].unit_price", "0.159")],
        ),
        (
            "pl tsv ilość cena",
            "q.tsv",
            "Indeks\tNazwa\tIlość\tCena netto\tTermin dostawy\nPL-100\tPodkładka M6\t1000\t0,18\t3 tygodnie\nPL-200\tPodkładka M8\t500\t0,41\t4 tygodnie\n",
            vec![("lines.len", "2"), ("lines[0].part_number", "PL-100"), ("lines[0].breaks[0].unit_price", "0.18"), ("lines[0].lead_time_days", "21")],
        ),
        (
            "pl tsv od szt",
            "q.tsv",
            "Nr katalogowy\tOpis\tod 1000 szt.\tod 5000 szt.\nPL-100\tPodkładka M6\t0,18\t0,15\n",
            vec![("lines.len", "1"), ("lines[0].breaks[0].min_qty", "1000"), ("lines[0].breaks[1].unit_price", "0.15")],
        ),
        (
            "pl txt cena jednostkowa",
            "q.txt",
            "Oferta nr 12/2025\n\nLp. | Nr części | Nazwa | Ilość | Cena jedn. netto | Wartość netto\n1 | PL-100 | Podkładka M6 | 1000 szt. | 0,18 zł | 180,00 zł\n2 | PL-200 | Podkładka M8 | 500 szt. | 0,41 zł | 205,00 zł\n",
            vec![("lines.len", "2"), ("lines[0].breaks[0].unit_price", "0.18"), ("currency", "PLN")],
        ),
        (
            "de tooling sentence",
            "q.txt",
            "Artikel   Bezeichnung     Menge   Preis\nA-100     Gehäuse         1000    2,50\n\nFür Artikel A-100 fallen einmalige Werkzeugkosten von 1.250,00 EUR an.\n",
            vec![("lines[0].tooling[0].amount", "1250")],
        ),
        (
            "nl tooling sentence",
            "q.txt",
            "Artikel   Omschrijving    Aantal  Prijs\nA-100     Behuizing       1000    2,50\n\nEenmalige matrijskosten: € 1.250,00\n",
            vec![("tooling[0].amount", "1250")],
        ),
        (
            "pl tooling sentence",
            "q.txt",
            "Indeks    Nazwa           Ilość   Cena\nA-100     Obudowa         1000    2,50\n\nJednorazowy koszt narzędzia (formy): 1 250,00 zł\n",
            vec![("tooling[0].amount", "1250")],
        ),
        (
            "de packs only",
            "q.tsv",
            "Artikel\tBezeichnung\tVPE\tPreis\nA-100\tScheibe M6\t200\t0,041\n\nAbgabe nur in ganzen Verpackungseinheiten.\n",
            vec![("lines[0].moq", "200"), ("lines[0].order_multiple", "200"), ("lines[0].breaks[0].min_qty", "200")],
        ),
        (
            "de moq = vpe",
            "q.tsv",
            "Artikel\tBezeichnung\tVPE\tPreis\nA-100\tScheibe M6\t200\t0,041\n\nMindestbestellmenge = VPE\n",
            vec![("lines[0].moq", "200")],
        ),
        (
            "pl packs only",
            "q.tsv",
            "Indeks\tNazwa\tOpakowanie\tCena\nA-100\tPodkładka M6\t200\t0,041\n\nSprzedaż tylko pełne opakowania.\n",
            vec![("lines[0].moq", "200")],
        ),
        (
            "en compound words and everything else",
            "q.csv",
            "Part,Description,Price\nOR-214-V,Viton O-ring 2-214,0.385\nOR-214-E,EPDM O-ring 2-214,0.192\nBU-214-T,PTFE back-up ring 2-214,0.86\nSK-40,Hydraulic seal kit 40 mm rod,24.75\n\nThe O-rings are sold in bags of 500 only.\n\"Back-up rings ship from stock, everything else 2 weeks.\"\n",
            vec![
                ("lines[0].order_multiple", "500"),
                ("lines[1].order_multiple", "500"),
                ("lines[2].order_multiple", "null"),
                ("lines[2].lead_time_days", "0"),
                ("lines[0].lead_time_days", "14"),
                ("lines[3].lead_time_days", "14"),
            ],
        ),
        (
            "de labelled block: Gesamtpreis is no unit price",
            "q.txt",
            "Angebot 2025-044\n\nArtikel: 4711-20 Zylinderstift 6x20\nMenge: 1.000 Stück\nEinzelpreis: 0,42 EUR\nGesamtpreis: 420,00 EUR\n",
            vec![("lines.len", "1"), ("lines[0].breaks.len", "1"), ("lines[0].breaks[0].unit_price", "0.42")],
        ),
        (
            "nl prose: tooling with a linking s, no-bid in words",
            "q.txt",
            "Hierbij onze offerte 2025-311:\n\nArtikel 4711-20 Cilinderpen 6x20: vanaf 500 st. € 0,42 per stuk\nArtikel 4711-30 Cilinderpen 6x30: vanaf 500 st. € 0,48 per stuk\n\nEenmalige gereedschapskosten voor 4711-30: € 850,00.\nArtikel 4711-40 kunnen wij helaas niet aanbieden.\n",
            vec![
                ("lines.len", "3"),
                ("lines[1].tooling[0].amount", "850"),
                ("lines[1].breaks.len", "1"),
                ("lines[2].no_bid", "true"),
            ],
        ),
        (
            "de no-bid",
            "q.tsv",
            "Artikel\tBezeichnung\tMenge\tPreis\nA-100\tGehäuse\t1000\t2,50\nA-200\tDeckel\t1000\tkein Angebot\n",
            vec![("lines[1].no_bid", "true")],
        ),
        (
            "nl no-bid",
            "q.tsv",
            "Artikel\tOmschrijving\tAantal\tPrijs\nA-100\tBehuizing\t1000\t2,50\nA-200\tDeksel\t1000\tgeen offerte\n",
            vec![("lines[1].no_bid", "true")],
        ),
        (
            "pl no-bid",
            "q.tsv",
            "Indeks\tNazwa\tIlość\tCena\nA-100\tObudowa\t1000\t2,50\nA-200\tPokrywa\t1000\tnie oferujemy\n",
            vec![("lines[1].no_bid", "true")],
        ),
    ]
}

#[test]
fn issue9_german_dutch_polish_vocabulary() {
    let mut bad = Vec::new();
    let n = cases().len();
    for (name, file, doc, expect) in cases() {
        let ex = run_as(file, doc, None);
        let json = serde_json::to_value(&ex).unwrap();
        for (path, want) in expect {
            let got = get(&json, path);
            let want_n = want
                .parse::<rust_decimal::Decimal>()
                .map(|d| d.normalize().to_string())
                .unwrap_or(want.to_string());
            if got != want_n {
                bad.push(format!("{name}: {path} want {want} got {got}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} failures in {n} cases:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
