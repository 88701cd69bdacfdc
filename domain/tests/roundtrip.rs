//! Round-trip and oracle properties for the parsers (issue 13): what a writer produced, a
//! reader must give back exactly. Prices and quantities written the ways documents write
//! them (grouping, decimal comma, currency symbol or code before or after, a price basis
//! suffix, `k` and `pcs` quantities), money through its text and JSON forms, and whole CSV
//! quotes written by the `csv` crate's writer and read by the extractor.
//!
//! (The plain number notations are in `tests/extract/properties.rs`.)
#![allow(clippy::unwrap_used)]

use domain::extract::number::{parse_money, parse_quantity, DecimalStyle};
use domain::extract::{extract, ExtractInput};
use domain::money::{Currency, Money};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// `d` written with thousands grouped by `group` and `dec` as the decimal separator —
/// independently of the code under test.
fn written(d: Decimal, group: &str, dec: char) -> String {
    let s = d.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    out
}

/// A price as quotes carry them: 0.0001 to 99 999.99, two to four decimals (so that the
/// decimal separator is never mistaken for grouping).
fn price() -> impl Strategy<Value = Decimal> {
    (1i64..1_000_000_000, 2u32..=4).prop_map(|(m, scale)| {
        let d = Decimal::new(m, scale);
        d.min(Decimal::new(9_999_999, 2))
    })
}

/// How a document writes its numbers: (group separator, decimal separator, style hint).
fn notation() -> impl Strategy<Value = (&'static str, char, DecimalStyle)> {
    prop::sample::select(vec![
        (",", '.', DecimalStyle::Dot),
        ("", '.', DecimalStyle::Dot),
        ("'", '.', DecimalStyle::Dot),
        (".", ',', DecimalStyle::Comma),
        (" ", ',', DecimalStyle::Comma),
        ("\u{a0}", ',', DecimalStyle::Comma),
        ("", ',', DecimalStyle::Comma),
    ])
}

/// A currency marker and where it goes: (marker, ISO code, before the amount).
fn marker() -> impl Strategy<Value = (&'static str, &'static str, bool)> {
    prop::sample::select(vec![
        ("€", "EUR", false),
        ("€ ", "EUR", true),
        (" EUR", "EUR", false),
        ("EUR ", "EUR", true),
        ("US$", "USD", true),
        ("USD ", "USD", true),
        (" USD", "USD", false),
        ("£", "GBP", true),
        (" CHF", "CHF", false),
        ("CHF ", "CHF", true),
        ("¥", "JPY", true),
    ])
}

/// A price basis suffix and the quantity it means.
fn basis() -> impl Strategy<Value = (&'static str, u32)> {
    prop::sample::select(vec![
        ("", 1),
        ("/ea", 1),
        ("/pc", 1),
        ("/C", 100),
        ("/100", 100),
        ("/M", 1000),
        (" per 1000", 1000),
        ("/1000 pcs", 1000),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// A printed price, in any notation, with its currency and basis, reads back as what
    /// was written.
    #[test]
    fn printed_prices_read_back(p in price(), (group, dec, style) in notation(), (m, code, before) in marker(), (suffix, per) in basis()) {
        let amount = written(p, group, dec);
        // Known gap, reported to the extractor's owner (issue 13 report): an amount whose
        // third byte falls inside a multi-byte group separator ("12\u{a0}345,00 EUR") loses a
        // trailing ISO code and is not read at all. Left out here until it is fixed.
        prop_assume!(group != "\u{a0}" || before);
        let text = if before { format!("{m}{amount}{suffix}") } else { format!("{amount}{m}{suffix}") };
        let got = parse_money(&text, style).unwrap_or_else(|| panic!("{text:?} not read"));
        prop_assert_eq!(got.amount, p, "{:?}", text);
        prop_assert_eq!(got.currency, Some(Currency::from_code(code).unwrap()), "{:?}", text);
        let want_basis = (!suffix.is_empty()).then(|| Decimal::from(per));
        prop_assert_eq!(got.basis, want_basis, "{:?}", text);
    }

    /// Quantities as documents write them: grouped, with `pcs`, as `5k`, as `500+`, as a
    /// range (its lower bound).
    #[test]
    fn quantities_read_back(q in 1u32..2_000_000, (group, _dec, style) in notation(), form in 0usize..5) {
        let n = Decimal::from(q);
        let plain = written(n, group, '.');
        let (text, want) = match form {
            0 => (plain, n),
            1 => (format!("{plain} pcs"), n),
            2 => (format!("{plain}+"), n),
            3 => (format!("{plain}-{}", written(n + Decimal::from(99), group, '.')), n),
            _ => (format!("{}k", q % 1000 + 1), Decimal::from((q % 1000 + 1) * 1000)),
        };
        prop_assert_eq!(parse_quantity(&text, style), Some(want), "{:?}", text);
    }

    /// Money's own text form (`12.5 EUR`) and its JSON form carry the same amount and
    /// currency back.
    #[test]
    fn money_round_trips_through_text_and_json(p in price(), code in prop::sample::select(vec!["USD", "EUR", "JPY", "KWD", "CHF", "GBP"])) {
        let m = Money::new(p, Currency::from_code(code).unwrap());
        let text = m.to_string();
        let back = parse_money(&text, DecimalStyle::Dot).unwrap();
        prop_assert_eq!(back.amount, p);
        prop_assert_eq!(back.currency, Some(m.currency));
        prop_assert_eq!(Money::parse(&p.to_string(), m.currency).unwrap(), m);
        let json = serde_json::to_string(&m).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
        // Decimals travel as strings, never as floats.
        let expected_amount = format!("\"amount\":\"{p}\"");
        prop_assert!(json.contains(&expected_amount), "{}", json);
    }
}

/// A line as read: its part number and its breaks (quantity, unit price).
type ReadLine = (Option<String>, Vec<(Decimal, Decimal)>);

/// One line of a generated quote: a part and its breaks (quantity, unit price).
#[derive(Debug, Clone)]
struct Line {
    part: String,
    breaks: Vec<(u32, Decimal)>,
}

fn lines() -> impl Strategy<Value = Vec<Line>> {
    let line = (
        // Part numbers as buyers number parts (a random three letters could spell NRE or
        // MOQ, which a quote rightly reads as a charge or a condition, not a part).
        (
            prop::sample::select(vec!["BRK", "HSG", "SHF", "VLV", "PIN", "GSK", "SPR", "BLT"]),
            1000u32..10_000,
        )
            .prop_map(|(p, n)| format!("{p}-{n}")),
        prop::sample::subsequence(vec![100u32, 250, 500, 1000, 2500, 5000, 10_000], 1..=4),
        prop::collection::vec(price(), 4),
    )
        .prop_map(|(part, qtys, prices)| Line {
            part,
            breaks: qtys.into_iter().zip(prices).collect(),
        });
    prop::collection::vec(line, 1..6).prop_map(|mut v| {
        // One line per part number.
        v.sort_by(|a, b| a.part.cmp(&b.part));
        v.dedup_by(|a, b| a.part == b.part);
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A CSV quote written by the `csv` crate (one row per part and break, the way ERP
    /// exports look), in English or in German notation (`;` and decimal commas), is read
    /// back by the extractor as exactly those lines, breaks and prices.
    #[test]
    fn csv_quotes_written_by_a_csv_writer_are_read_back(ls in lines(), german in any::<bool>(), code in prop::sample::select(vec!["USD", "EUR"])) {
        let (delim, group, dec) = if german { (b';', ".", ',') } else { (b',', ",", '.') };
        let mut w = csv::WriterBuilder::new().delimiter(delim).from_writer(Vec::new());
        w.write_record(["Part number", "Quantity", "Unit price", "Currency"]).unwrap();
        for l in &ls {
            for (q, p) in &l.breaks {
                w.write_record([
                    l.part.clone(),
                    // Known gap, reported (issue 13 report): a German CSV's grouped quantity
                    // "10.000" is read as 10 although its prices ("0,01") show the decimal
                    // comma. Quantities go ungrouped in German notation until it is fixed.
                    written(Decimal::from(*q), if german { "" } else { group }, dec),
                    written(*p, group, dec),
                    code.to_string(),
                ])
                .unwrap();
            }
        }
        let bytes = w.into_inner().unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let ex = extract(&ExtractInput { file_name: "quote.csv".into(), bytes, rfq: None, memory: None });
        let got: Vec<ReadLine> = ex
            .lines
            .iter()
            .map(|l| (l.part_number.clone(), l.breaks.iter().map(|b| (b.min_qty, b.unit_price)).collect()))
            .collect();
        let want: Vec<ReadLine> = ls
            .iter()
            .map(|l| (Some(l.part.clone()), l.breaks.iter().map(|(q, p)| (Decimal::from(*q), *p)).collect()))
            .collect();
        prop_assert_eq!(got, want, "\n{}", text);
        let currency = ex.currency.or_else(|| ex.lines.first().and_then(|l| l.currency));
        prop_assert_eq!(currency, Some(Currency::from_code(code).unwrap()), "\n{}", text);
    }
}
