//! Property tests: number notations, price-basis arithmetic, and "never panics" over
//! arbitrary bytes and over damaged copies of every fixture format.

use domain::extract::number::{parse_number, DecimalStyle};
use domain::extract::units::{printed_price, unit_price};
use domain::extract::{extract, ExtractInput};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::data;

/// Formats `d` with grouping `group` and decimal separator `dec`.
fn format(d: Decimal, group: &str, dec: char) -> String {
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
    if d.is_sign_negative() && !d.is_zero() {
        out.insert(0, '-');
    }
    out
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (0i64..1_000_000_000_000, 0u32..=4, any::<bool>()).prop_map(|(m, scale, neg)| {
        let mut d = Decimal::new(m, scale);
        d.set_sign_negative(neg);
        d
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_notation_round_trips(d in decimal()) {
        prop_assert_eq!(parse_number(&format(d, ",", '.'), DecimalStyle::Dot), Some(d));
        prop_assert_eq!(parse_number(&format(d, ".", ','), DecimalStyle::Comma), Some(d));
        prop_assert_eq!(parse_number(&format(d, " ", ','), DecimalStyle::Comma), Some(d));
        prop_assert_eq!(parse_number(&format(d, "\u{a0}", ','), DecimalStyle::Comma), Some(d));
        prop_assert_eq!(parse_number(&format(d, "'", '.'), DecimalStyle::Dot), Some(d));
        prop_assert_eq!(parse_number(&format(d, "", '.'), DecimalStyle::Dot), Some(d));
    }

    #[test]
    fn unambiguous_notations_need_no_hint(d in decimal()) {
        // With two decimals, or both separators present, the style is evident.
        let mut two = d.round_dp(2);
        two.rescale(2);
        prop_assert_eq!(parse_number(&format(two, ",", '.'), DecimalStyle::Unknown), Some(two));
        prop_assert_eq!(parse_number(&format(two, ".", ','), DecimalStyle::Unknown), Some(two));
    }

    #[test]
    fn parse_number_never_panics(s in ".{0,40}") {
        let _ = parse_number(&s, DecimalStyle::Unknown);
        let _ = parse_number(&s, DecimalStyle::Comma);
    }

    #[test]
    fn price_basis_arithmetic(unit in 1i64..100_000_000, scale in 0u32..=6, basis in prop::sample::select(vec![1u32, 10, 12, 50, 100, 144, 250, 1000, 5000])) {
        let unit = Decimal::new(unit, scale);
        let b = Decimal::from(basis);
        // Printed per basis → per one → printed again is exact.
        let printed = printed_price(unit, b).unwrap();
        prop_assert_eq!(unit_price(printed, b).unwrap(), unit.normalize());
        // Per one is never more than printed, and per-1 is identity.
        prop_assert!(unit_price(printed, b).unwrap() <= printed);
        prop_assert_eq!(unit_price(unit, Decimal::ONE).unwrap(), unit.normalize());
        // A zero or negative basis is refused, not a division by zero.
        prop_assert_eq!(unit_price(unit, Decimal::ZERO), None);
    }

    #[test]
    fn extract_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), name in "[a-z]{1,8}\\.(csv|txt|pdf|xlsx|eml|json)") {
        let ex = extract(&ExtractInput { file_name: name, bytes, rfq: None, memory: None });
        let _ = serde_json::to_string(&ex).unwrap();
    }

    #[test]
    fn extract_never_panics_on_arbitrary_text(text in "(\\PC{0,60}\n){0,30}") {
        let ex = extract(&ExtractInput { file_name: "x.txt".into(), bytes: text.into_bytes(), rfq: None, memory: None });
        let _ = serde_json::to_string(&ex).unwrap();
    }
}

fn fixture_bytes() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(data("fixtures")).unwrap() {
        let p = e.unwrap().path();
        let n = p.file_name().unwrap().to_string_lossy().into_owned();
        if n.ends_with(".json") || n.ends_with(".py") {
            continue;
        }
        out.push((n, std::fs::read(&p).unwrap()));
    }
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Damaged copies of every fixture format (CSV, TSV, text, .eml, XLSX, PDF): bytes
    /// overwritten, the tail cut off. Whatever is left is read without a panic.
    #[test]
    fn extract_never_panics_on_damaged_fixtures(which in 0usize..100, edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16), cut in any::<prop::sample::Index>()) {
        let files = fixture_bytes();
        let (name, mut bytes) = files[which % files.len()].clone();
        for (i, b) in edits {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        let keep = bytes.len() / 2 + cut.index(bytes.len() / 2 + 1);
        bytes.truncate(keep);
        let ex = extract(&ExtractInput { file_name: name, bytes, rfq: None, memory: None });
        let _ = serde_json::to_string(&ex).unwrap();
    }
}
