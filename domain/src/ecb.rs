//! The European Central Bank's euro foreign exchange reference rates, as published: the
//! daily and historical CSV files (`eurofxref.csv`, `eurofxref-hist.csv`) and XML files
//! (`eurofxref-daily.xml`, `eurofxref-hist.xml`). Issue 11: rates are imported with
//! their dates instead of typed.
//!
//! The ECB quotes one euro in each currency ("1 EUR = 1.0523 USD"). An FX table row
//! `(base, rate)` says one `rate.currency` is worth `rate.rate` units of `base`, so each
//! ECB figure becomes the exact row `(base: USD, currency: EUR, rate: 1.0523)`;
//! `crate::level::rates_against` converts across EUR for any other base.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::level::FxRate;
use crate::money::Currency;

/// What a reference-rate file held: the newest rate per currency, and what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EcbRates {
    /// FX table rows `(currency, 1 EUR in it, dated)`, newest per currency, by code.
    pub rows: Vec<(Currency, FxRate)>,
    /// Columns or entries not taken, each with why (a withdrawn currency code, say).
    pub skipped: Vec<String>,
}

/// Reads an ECB reference-rate file, CSV or XML (told apart by its first character).
/// Errors say what and where.
pub fn parse(bytes: &[u8]) -> Result<EcbRates, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "the file is not UTF-8 text; is it the ECB's CSV or XML file?".to_string())?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let mut found: Vec<(NaiveDate, String, Decimal)> = Vec::new();
    if text.starts_with('<') {
        parse_xml(text, &mut found)?;
    } else {
        parse_csv(text, &mut found)?;
    }
    newest(found)
}

fn number(s: &str, at: &str) -> Result<Option<Decimal>, String> {
    let s = s.trim();
    if s.is_empty() || s.eq_ignore_ascii_case("N/A") {
        return Ok(None);
    }
    match Decimal::from_str(s) {
        Ok(d) if d > Decimal::ZERO => Ok(Some(d)),
        _ => Err(format!("{at}: {s:?} is not a positive rate")),
    }
}

fn date(s: &str, at: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d %B %Y"))
        .map_err(|_| format!("{at}: {s:?} is not a date like 2026-12-04 or 04 December 2026"))
}

fn parse_csv(text: &str, found: &mut Vec<(NaiveDate, String, Decimal)>) -> Result<(), String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err("the file is empty".into());
    };
    let cols: Vec<&str> = header.split(',').map(str::trim).collect();
    if !cols.first().is_some_and(|c| c.eq_ignore_ascii_case("date")) {
        return Err(
            "line 1: an ECB reference-rate CSV starts with Date, then currency codes".into(),
        );
    }
    for (i, line) in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let at = format!("line {}", i + 1);
        let day = date(cells.first().copied().unwrap_or(""), &at)?;
        for (k, code) in cols.iter().enumerate().skip(1) {
            if code.is_empty() {
                continue;
            }
            let cell = cells.get(k).copied().unwrap_or("");
            if let Some(rate) = number(cell, &format!("{at}, {code}"))? {
                found.push((day, code.to_string(), rate));
            }
        }
    }
    if found.is_empty() {
        return Err("the file has no rates".into());
    }
    Ok(())
}

fn parse_xml(text: &str, found: &mut Vec<(NaiveDate, String, Decimal)>) -> Result<(), String> {
    use quick_xml::events::Event;
    let mut xml = quick_xml::Reader::from_str(text);
    let mut day: Option<NaiveDate> = None;
    loop {
        let pos = xml.buffer_position();
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Cube" => {
                let mut attrs = BTreeMap::new();
                for a in e.attributes().with_checks(false).flatten() {
                    attrs.insert(a.key.local_name().as_ref().to_string(), a.value.to_string());
                }
                let at = format!("byte {pos}");
                if let Some(t) = attrs.get("time") {
                    day = Some(date(t, &at)?);
                }
                if let (Some(code), Some(rate)) = (attrs.get("currency"), attrs.get("rate")) {
                    let Some(d) = day else {
                        return Err(format!("{at}: a rate for {code} outside a dated Cube"));
                    };
                    if let Some(r) = number(rate, &format!("{at}, {code}"))? {
                        found.push((d, code.clone(), r));
                    }
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(format!("byte {pos}: not well-formed XML ({e})")),
            Ok(_) => {}
        }
    }
    if found.is_empty() {
        return Err("the file has no rates (no <Cube currency=… rate=…/>)".into());
    }
    Ok(())
}

fn newest(found: Vec<(NaiveDate, String, Decimal)>) -> Result<EcbRates, String> {
    let mut skipped = Vec::new();
    let mut by_code: BTreeMap<String, (NaiveDate, Decimal)> = BTreeMap::new();
    for (d, code, rate) in found {
        let e = by_code.entry(code).or_insert((d, rate));
        if d > e.0 {
            *e = (d, rate);
        }
    }
    let eur = Currency::from_code("EUR").map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    for (code, (as_of, rate)) in by_code {
        match Currency::from_code(&code) {
            Ok(c) if c != eur && c.info().minor_units.is_some() => rows.push((
                c,
                FxRate {
                    currency: eur,
                    rate,
                    as_of,
                },
            )),
            _ => skipped.push(format!("{code}: not a current ISO 4217 currency")),
        }
    }
    if rows.is_empty() {
        return Err("the file has no rate for a current currency".into());
    }
    Ok(EcbRates { rows, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn c(code: &str) -> Currency {
        Currency::from_code(code).unwrap()
    }

    fn rate_of(r: &EcbRates, code: &str) -> (Decimal, NaiveDate) {
        let (_, f) = r.rows.iter().find(|(b, _)| b.code() == code).unwrap();
        assert_eq!(f.currency, c("EUR"));
        (f.rate, f.as_of)
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn daily_csv_as_published() {
        let csv = "Date, USD, JPY, CHF, \n04 December 2026, 1.0523, 158.12, 0.9312, \n";
        let r = parse(csv.as_bytes()).unwrap();
        assert_eq!(rate_of(&r, "USD"), (dec!(1.0523), day("2026-12-04")));
        assert_eq!(rate_of(&r, "JPY"), (dec!(158.12), day("2026-12-04")));
        assert_eq!(r.rows.len(), 3);
        assert!(r.skipped.is_empty());
    }

    #[test]
    fn historical_csv_keeps_the_newest_rate_and_skips_withdrawn_codes() {
        let csv = "Date,USD,CYP,ISK,\n2026-12-04,1.0523,N/A,N/A,\n2026-12-03,1.0498,N/A,144.9,\n2007-12-31,1.4721,0.585274,91.9,\n";
        let r = parse(csv.as_bytes()).unwrap();
        assert_eq!(rate_of(&r, "USD"), (dec!(1.0523), day("2026-12-04")));
        // ISK has no rate on the newest day: the newest one it has, with its date.
        assert_eq!(rate_of(&r, "ISK"), (dec!(144.9), day("2026-12-03")));
        assert_eq!(r.skipped, ["CYP: not a current ISO 4217 currency"]);
    }

    #[test]
    fn xml_daily_and_historical() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>
    <Cube time="2026-12-04">
      <Cube currency="USD" rate="1.0523"/>
      <Cube currency="GBP" rate="0.8311"/>
    </Cube>
    <Cube time="2026-12-03">
      <Cube currency="USD" rate="1.0498"/>
    </Cube>
  </Cube>
</gesmes:Envelope>"#;
        let r = parse(xml.as_bytes()).unwrap();
        assert_eq!(rate_of(&r, "USD"), (dec!(1.0523), day("2026-12-04")));
        assert_eq!(rate_of(&r, "GBP"), (dec!(0.8311), day("2026-12-04")));
    }

    #[test]
    fn bad_files_say_what_and_where() {
        for (file, says) in [
            ("", "empty"),
            ("Currency,Rate\nUSD,1.05\n", "line 1"),
            ("Date,USD\n2026-13-01,1.05\n", "line 2"),
            ("Date,USD\n2026-12-04,one\n", "line 2, USD"),
            ("Date,USD\n2026-12-04,-1\n", "not a positive rate"),
            (
                "<Cube><Cube currency=\"USD\" rate=\"1\"/></Cube>",
                "outside a dated Cube",
            ),
            ("<Cube><Cube time=\"2026-12-04\"></Cube", "not well-formed"),
            ("<Cube/>", "no rates"),
        ] {
            let e = parse(file.as_bytes()).unwrap_err();
            assert!(e.contains(says), "{file:?}: {e}");
        }
        assert!(parse(&[0xff, 0xfe]).unwrap_err().contains("UTF-8"));
    }

    /// The rows convert across EUR to any base with the comparison's own conversion.
    #[test]
    fn imported_rows_level_in_any_base() {
        let r = parse(b"Date,USD,CHF\n2026-12-04,1.25,1.0\n").unwrap();
        let usd = crate::level::rates_against(c("USD"), &r.rows);
        let chf = usd.iter().find(|x| x.currency == c("CHF")).unwrap();
        // 1 CHF = 1 EUR = 1.25 USD.
        assert_eq!(chf.rate, dec!(1.25));
        let eur = usd.iter().find(|x| x.currency == c("EUR")).unwrap();
        assert_eq!((eur.rate, eur.as_of), (dec!(1.25), day("2026-12-04")));
    }
}
