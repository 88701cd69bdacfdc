//! Per-field precision and recall over every labelled fixture in `testdata/fixtures`.

use std::collections::BTreeMap;
use std::str::FromStr;

use domain::extract::{Extraction, QuoteLine};
use rust_decimal::Decimal;
use serde_json::Value;

use super::{data, run};

#[derive(Default, Clone, Copy)]
struct Score {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fp)
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fn_)
        }
    }
}

/// Canonical comparable text: decimals normalised, strings trimmed, null/"" = absent.
fn canon(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::Bool(false) => None,
        Value::Bool(true) => Some("true".into()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(match Decimal::from_str(s.trim()) {
            Ok(d) => d.normalize().to_string(),
            Err(_) => s.trim().to_string(),
        }),
        Value::Array(a) => Some(
            a.iter()
                .map(|x| canon(x).unwrap_or_default())
                .collect::<Vec<_>>()
                .join("|"),
        ),
        Value::Object(_) => Some(v.to_string()),
    }
}

fn tally(
    scores: &mut BTreeMap<String, Score>,
    field: &str,
    truth: Option<String>,
    got: Option<String>,
) {
    let s = scores.entry(field.to_string()).or_default();
    match (truth, got) {
        (Some(t), Some(g)) if t == g => s.tp += 1,
        (Some(_), Some(_)) => {
            s.fp += 1;
            s.fn_ += 1
        }
        (Some(_), None) => s.fn_ += 1,
        (None, Some(_)) => s.fp += 1,
        (None, None) => {}
    }
}

fn header_value(ex: &Extraction, key: &str) -> Value {
    let p = ex.payment_terms.as_ref();
    match key {
        "supplier" => serde_json::json!(ex.supplier),
        "quote_ref" => serde_json::json!(ex.quote_ref),
        "currency" => serde_json::json!(ex.currency.map(|c| c.code())),
        "validity_days" => serde_json::json!(ex.validity_days),
        "valid_until" => serde_json::json!(ex.valid_until),
        "payment_net_days" => serde_json::json!(p.and_then(|p| p.net_days)),
        "payment_discount_pct" => {
            serde_json::json!(p.and_then(|p| p.discount_pct).map(|d| d.to_string()))
        }
        "payment_discount_days" => serde_json::json!(p.and_then(|p| p.discount_days)),
        "payment_deposit_pct" => {
            serde_json::json!(p.and_then(|p| p.deposit_pct).map(|d| d.to_string()))
        }
        "incoterm" => serde_json::json!(ex.incoterm.as_ref().map(|i| i.code.clone())),
        "incoterm_place" => serde_json::json!(ex.incoterm.as_ref().and_then(|i| i.place.clone())),
        "freight" => serde_json::json!(ex.freight.as_ref().map(|f| f.kind.clone())),
        "total" => serde_json::json!(ex.total.map(|d| d.to_string())),
        other => panic!("truth names an unknown header field {other}"),
    }
}

const LINE_FIELDS: &[&str] = &[
    "supplier_part",
    "revision",
    "uom",
    "price_basis_qty",
    "breaks",
    "moq",
    "order_multiple",
    "lead_time_days",
    "tooling",
    "no_bid",
    "alternate",
];

fn line_value(l: &QuoteLine, key: &str) -> Value {
    match key {
        "supplier_part" => serde_json::json!(l.supplier_part),
        "revision" => serde_json::json!(l.revision.as_deref().filter(|r| *r != "-")),
        "uom" => serde_json::json!(l.uom),
        // Per 1 is the default: only a non-trivial basis counts as a value.
        "price_basis_qty" => {
            serde_json::json!(Some(l.price_basis_qty.normalize().to_string()).filter(|b| b != "1"))
        }
        "breaks" => Value::Array(
            l.breaks
                .iter()
                .map(|b| {
                    Value::String(format!(
                        "{}@{}",
                        b.min_qty.normalize(),
                        b.unit_price.normalize()
                    ))
                })
                .collect(),
        ),
        "moq" => serde_json::json!(l.moq.map(|d| d.to_string())),
        "order_multiple" => serde_json::json!(l.order_multiple.map(|d| d.to_string())),
        "lead_time_days" => serde_json::json!(l.lead_time_days),
        "tooling" => Value::Array(
            l.tooling
                .iter()
                .map(|t| Value::String(t.amount.normalize().to_string()))
                .collect(),
        ),
        "no_bid" => serde_json::json!(l.no_bid),
        "alternate" => serde_json::json!(l.alternate.is_some()),
        _ => Value::Null,
    }
}

fn truth_line_value(t: &Value, key: &str) -> Value {
    match key {
        "breaks" => Value::Array(
            t["breaks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| {
                    let q = Decimal::from_str(b[0].as_str().unwrap())
                        .unwrap()
                        .normalize();
                    let p = Decimal::from_str(b[1].as_str().unwrap())
                        .unwrap()
                        .normalize();
                    Value::String(format!("{q}@{p}"))
                })
                .collect(),
        ),
        "tooling" => Value::Array(
            t.get("tooling")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .map(|x| {
                            Value::String(
                                Decimal::from_str(x.as_str().unwrap())
                                    .unwrap()
                                    .normalize()
                                    .to_string(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
        ),
        "price_basis_qty" => t
            .get(key)
            .cloned()
            .filter(|v| v.as_str() != Some("1"))
            .unwrap_or(Value::Null),
        _ => t.get(key).cloned().unwrap_or(Value::Null),
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

fn empty_list_is_none(v: Option<String>) -> Option<String> {
    v.filter(|s| !s.is_empty())
}

fn tally_family(
    fam: &mut BTreeMap<(String, &'static str), Score>,
    format: &str,
    family: &'static str,
    truth: Option<String>,
    got: Option<String>,
) {
    let mut one = BTreeMap::new();
    tally(&mut one, "x", truth, got);
    let s = fam.entry((format.to_string(), family)).or_default();
    let o = one["x"];
    s.tp += o.tp;
    s.fp += o.fp;
    s.fn_ += o.fn_;
}

/// One fact per item of a truth list against the extracted list (a multiset match).
fn tally_items(
    fam: &mut BTreeMap<(String, &'static str), Score>,
    format: &str,
    family: &'static str,
    truth: &[String],
    got: &[String],
) {
    let s = fam.entry((format.to_string(), family)).or_default();
    let mut left: Vec<&String> = got.iter().collect();
    for t in truth {
        match left.iter().position(|g| *g == t) {
            Some(i) => {
                left.remove(i);
                s.tp += 1;
            }
            None => s.fn_ += 1,
        }
    }
    s.fp += u32::try_from(left.len()).unwrap_or(u32::MAX);
}

/// (format, family, minimum precision, minimum recall): the figures measured on the
/// fixtures when the floors were set (every format and family at 1.000 except e-mail:
/// lines P 0.857 R 0.667, breaks and prices R 0.867), minus a margin of about 0.05. With
/// a handful of facts per cell, one lost break column or charge is below its floor. (The
/// PDF fixture states no tooling.)
const FLOORS: &[(&str, &str, f64, f64)] = &[
    ("Delimited", "lines", 0.95, 0.95),
    ("Delimited", "breaks", 0.95, 0.95),
    ("Delimited", "prices", 0.95, 0.95),
    ("Delimited", "tooling", 0.9, 0.9),
    ("Delimited", "header terms", 0.95, 0.95),
    ("Spreadsheet", "lines", 0.95, 0.95),
    ("Spreadsheet", "breaks", 0.95, 0.95),
    ("Spreadsheet", "prices", 0.95, 0.95),
    ("Spreadsheet", "tooling", 0.9, 0.9),
    ("Spreadsheet", "header terms", 0.95, 0.95),
    ("Text", "lines", 0.95, 0.95),
    ("Text", "breaks", 0.95, 0.95),
    ("Text", "prices", 0.95, 0.95),
    ("Text", "tooling", 0.9, 0.9),
    ("Text", "header terms", 0.95, 0.95),
    ("Pdf", "lines", 0.95, 0.95),
    ("Pdf", "breaks", 0.95, 0.95),
    ("Pdf", "prices", 0.95, 0.95),
    ("Pdf", "header terms", 0.95, 0.95),
    ("Email", "lines", 0.8, 0.62),
    ("Email", "breaks", 0.95, 0.82),
    ("Email", "prices", 0.95, 0.82),
    ("Email", "tooling", 0.9, 0.9),
    ("Email", "header terms", 0.95, 0.95),
];

#[test]
fn fixtures_precision_recall() {
    let dir = data("fixtures");
    let mut truths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        .collect();
    truths.sort();
    assert!(
        truths.len() >= 8,
        "expected the fixture set, found {}",
        truths.len()
    );
    let mut all_scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut dev_scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut holdout_scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut formats = std::collections::BTreeSet::new();
    // (format, family) → score: the floors below hold per format and per family, so one
    // format or one family that stops extracting fails the test even when the pool holds.
    let mut fam: BTreeMap<(String, &'static str), Score> = BTreeMap::new();
    for tp in &truths {
        let stem = tp
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".truth.json")
            .to_string();
        let input = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                let n = p.file_name().unwrap().to_string_lossy().into_owned();
                n.starts_with(&format!("{stem}.")) && !n.ends_with(".truth.json")
            })
            .unwrap_or_else(|| panic!("no input file for {stem}"));
        let rel = format!("fixtures/{}", input.file_name().unwrap().to_string_lossy());
        let ex = run(&rel);
        let mut local: BTreeMap<String, Score> = BTreeMap::new();
        let scores = &mut local;
        formats.insert(format!("{:?}", ex.format));
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(tp).unwrap()).unwrap();
        for (k, v) in truth["header"].as_object().unwrap() {
            tally(
                scores,
                &format!("header.{k}"),
                canon(v),
                canon(&header_value(&ex, k)),
            );
        }
        let tlines = truth["lines"].as_array().unwrap();
        let format = format!("{:?}", ex.format);
        for (k, v) in truth["header"].as_object().unwrap() {
            tally_family(
                &mut fam,
                &format,
                "header terms",
                canon(v),
                canon(&header_value(&ex, k)),
            );
        }
        let mut used = vec![false; ex.lines.len()];
        for t in tlines {
            let pn = norm(t["part_number"].as_str().unwrap());
            let found = ex.lines.iter().enumerate().position(|(i, l)| {
                !used[i] && l.part_number.as_deref().map(norm) == Some(pn.clone())
            });
            tally_family(
                &mut fam,
                &format,
                "lines",
                Some("1".into()),
                found.map(|_| "1".into()),
            );
            // Breaks (quantity and price together), prices alone, tooling amounts: one
            // fact per item, so a lost break column or a lost charge shows.
            let items = |v: Value| -> Vec<String> {
                match v {
                    Value::Array(a) => a
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect(),
                    _ => Vec::new(),
                }
            };
            let tb = items(truth_line_value(t, "breaks"));
            let gb = found
                .map(|i| items(line_value(&ex.lines[i], "breaks")))
                .unwrap_or_default();
            let price_of = |b: &String| b.split('@').nth(1).unwrap_or_default().to_string();
            tally_items(&mut fam, &format, "breaks", &tb, &gb);
            tally_items(
                &mut fam,
                &format,
                "prices",
                &tb.iter().map(price_of).collect::<Vec<_>>(),
                &gb.iter().map(price_of).collect::<Vec<_>>(),
            );
            tally_items(
                &mut fam,
                &format,
                "tooling",
                &items(truth_line_value(t, "tooling")),
                &found
                    .map(|i| items(line_value(&ex.lines[i], "tooling")))
                    .unwrap_or_default(),
            );
            tally(scores, "line", Some("1".into()), found.map(|_| "1".into()));
            for f in LINE_FIELDS {
                let tv = empty_list_is_none(canon(&truth_line_value(t, f)));
                let gv = found
                    .map(|i| empty_list_is_none(canon(&line_value(&ex.lines[i], f))))
                    .unwrap_or(None);
                tally(scores, f, tv, gv);
            }
            if let Some(i) = found {
                used[i] = true;
            }
        }
        for (i, u) in used.iter().enumerate() {
            if !u {
                eprintln!("{stem}: extra line {:?}", ex.lines[i].part_number);
                tally(scores, "line", None, Some("1".into()));
                tally_family(&mut fam, &format, "lines", None, Some("1".into()));
            }
        }
        let set = if stem.starts_with("holdout_") {
            &mut holdout_scores
        } else {
            &mut dev_scores
        };
        for (k, v) in local {
            for target in [&mut *set, &mut all_scores] {
                let e = target.entry(k.clone()).or_default();
                e.tp += v.tp;
                e.fp += v.fp;
                e.fn_ += v.fn_;
            }
        }
    }
    let scores = all_scores;
    for (name, set) in [("development fixtures", &dev_scores), ("held-out fixtures (holdout_*: written after the code; first blind run P 0.884 R 0.731)", &holdout_scores)] {
        let mut t = Score::default();
        for s in set.values() {
            t.tp += s.tp;
            t.fp += s.fp;
            t.fn_ += s.fn_;
        }
        println!("{name}: precision {:.3} recall {:.3} (tp {} fp {} fn {})", t.precision(), t.recall(), t.tp, t.fp, t.fn_);
    }
    let mut all = Score::default();
    println!(
        "\nper-field precision / recall over {} fixtures ({formats:?}):",
        truths.len()
    );
    println!(
        "{:<28} {:>5} {:>5} {:>5} {:>9} {:>7}",
        "field", "tp", "fp", "fn", "precision", "recall"
    );
    for (k, s) in &scores {
        println!(
            "{:<28} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
            k,
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
        all.tp += s.tp;
        all.fp += s.fp;
        all.fn_ += s.fn_;
    }
    println!(
        "{:<28} {:>5} {:>5} {:>5} {:>9.3} {:>7.3}",
        "ALL (micro)",
        all.tp,
        all.fp,
        all.fn_,
        all.precision(),
        all.recall()
    );
    // Floors per format and per family (issue 13), each set from the figure measured
    // when it was written minus a small margin: a format or a family that stops
    // extracting fails here even when the pooled score would still pass.
    println!("\nper format and family:");
    println!(
        "{:<12} {:<13} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "format", "family", "tp", "fp", "fn", "precision", "recall"
    );
    for ((f, family), s) in &fam {
        println!(
            "{:<12} {:<13} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
            f,
            family,
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
    }
    let mut low = Vec::new();
    for (format, family, min_p, min_r) in FLOORS {
        let s = fam
            .get(&(format.to_string(), *family))
            .copied()
            .unwrap_or_default();
        if s.tp + s.fn_ == 0 {
            low.push(format!(
                "{format} {family}: no facts in the fixtures any more"
            ));
        } else if s.precision() < *min_p || s.recall() < *min_r {
            low.push(format!(
                "{format} {family}: precision {:.3} recall {:.3}, floor {min_p} / {min_r}",
                s.precision(),
                s.recall()
            ));
        }
    }
    assert!(low.is_empty(), "below the floors:\n{}", low.join("\n"));
    assert!(
        all.precision() >= 0.93,
        "overall precision {:.3} below floor",
        all.precision()
    );
    assert!(
        all.recall() >= 0.90,
        "overall recall {:.3} below floor",
        all.recall()
    );
    for key in [
        "line",
        "breaks",
        "header.currency",
        "header.incoterm",
        "header.payment_net_days",
    ] {
        let s = scores.get(key).copied().unwrap_or_default();
        assert!(
            s.recall() >= 0.85 && s.precision() >= 0.85,
            "{key}: precision {:.3} recall {:.3} below 0.85",
            s.precision(),
            s.recall()
        );
    }
}
