//! Scoring one document of the blind set: the truth file against one object of
//! `bidwell extract --json`, as `BLIND_SPEC.md` ("Scoring") defines it. Pure: no IO, so
//! the matching and the normalisations are unit-tested on tiny hand-made examples.
//!
//! Every fact ends as right (TP), missed (FN), extra (FP) or wrong (FP + FN).

use std::collections::BTreeSet;
use std::str::FromStr;

use anyhow::{bail, Context, Result};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The field families the report breaks F1 down by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    Header,
    LineIdentity,
    Breaks,
    Tooling,
    NoBid,
    OtherLine,
}

impl Family {
    pub const ALL: [Family; 6] = [
        Family::Header,
        Family::LineIdentity,
        Family::Breaks,
        Family::Tooling,
        Family::NoBid,
        Family::OtherLine,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::Header => "header",
            Family::LineIdentity => "line identity",
            Family::Breaks => "breaks",
            Family::Tooling => "tooling",
            Family::NoBid => "no_bid",
            Family::OtherLine => "other line fields",
        }
    }
}

/// How one fact came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Right,
    Missed,
    Extra,
    Wrong,
}

/// One scored fact, with enough words to explain it in the dev detail.
#[derive(Clone, Debug)]
pub struct Fact {
    pub family: Family,
    /// `header.currency`, `line[BRK-2208].breaks[1000]`, …
    pub field: String,
    pub outcome: Outcome,
    pub truth: Option<String>,
    pub output: Option<String>,
}

/// TP / FP / FN counts and the ratios over them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Counts {
    pub fn add_outcome(&mut self, o: Outcome) {
        match o {
            Outcome::Right => self.tp += 1,
            Outcome::Missed => self.fn_ += 1,
            Outcome::Extra => self.fp += 1,
            Outcome::Wrong => {
                self.fp += 1;
                self.fn_ += 1;
            }
        }
    }

    /// Precision; 1 when nothing was emitted (nothing wrong was said).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall; 1 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let d = 2 * self.tp + self.fp + self.fn_;
        ratio(2 * self.tp, d)
    }
}

// The report's ratios are statistics printed with three digits, not money.
#[allow(clippy::float_arithmetic)]
fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A unit price on a matched line whose `min_qty` is in the truth but whose price is not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongPrice {
    pub confidence: u32,
    /// 100 or 1000 when the output is exactly that many times off (either way).
    pub scale: Option<u32>,
    /// The output carries a `price.basis_suspect` diagnostic for the line (or the file).
    pub flagged: bool,
}

/// Everything one document contributes to the report.
#[derive(Clone, Debug, Default)]
pub struct DocScore {
    pub facts: Vec<Fact>,
    pub wrong_prices: Vec<WrongPrice>,
    /// Per confidence bucket (0–49, 50–79, 80–89, 90–100): (output break prices, right).
    pub calibration: [(u64, u64); 4],
    pub output_lines: usize,
    pub truth_lines: usize,
    /// The output carries any warning- or error-severity diagnostic.
    pub has_diagnostic: bool,
}

impl DocScore {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for f in &self.facts {
            c.add_outcome(f.outcome);
        }
        c
    }
}

/// The confidence bucket index for the calibration table.
pub fn bucket(conf: u32) -> usize {
    match conf {
        0..=49 => 0,
        50..=79 => 1,
        80..=89 => 2,
        _ => 3,
    }
}

pub const BUCKETS: [&str; 4] = ["0-49", "50-79", "80-89", "90-100"];

// ---------------------------------------------------------------- truth validation

const ABOUT_KEYS: &[&str] = &["format", "language", "classes", "source", "notes"];
const HEADER_KEYS: &[&str] = &[
    "supplier",
    "quote_ref",
    "quote_date",
    "currency",
    "valid_until",
    "validity_days",
    "payment_net_days",
    "payment_discount_pct",
    "payment_discount_days",
    "payment_basis",
    "payment_deposit_pct",
    "incoterm",
    "incoterm_place",
    "freight",
    "freight_amount",
    "total",
    "tooling",
];
const LINE_KEYS: &[&str] = &[
    "part_number",
    "description",
    "supplier_part",
    "revision",
    "uom",
    "price_basis_qty",
    "breaks",
    "currency",
    "quantity",
    "line_total",
    "moq",
    "order_multiple",
    "lead_time_days",
    "tooling",
    "no_bid",
    "no_bid_reason",
    "alternate",
    "rfq_line",
];
pub const FORMATS: &[&str] = &[
    "csv", "tsv", "txt", "xlsx", "xls", "ods", "pdf", "eml", "html", "json", "xml",
];

/// Checks a truth file's shape: known keys only (a typo would silently drop a fact),
/// canonical decimals, ISO dates, breaks as pairs. Returns the `about` block's facts.
pub fn validate_truth(t: &Value) -> Result<About> {
    let obj = t.as_object().context("the truth is not a JSON object")?;
    for k in obj.keys() {
        if !["about", "header", "lines"].contains(&k.as_str()) {
            bail!("unknown top-level key `{k}`");
        }
    }
    let about = obj
        .get("about")
        .and_then(Value::as_object)
        .context("no `about`")?;
    check_keys("about", about, ABOUT_KEYS)?;
    let format = about
        .get("format")
        .and_then(Value::as_str)
        .context("about.format missing")?;
    if !FORMATS.contains(&format) {
        bail!("about.format `{format}` is not one of {FORMATS:?}");
    }
    let language = about
        .get("language")
        .and_then(Value::as_str)
        .context("about.language missing")?;
    let classes: Vec<u8> = about
        .get("classes")
        .and_then(Value::as_array)
        .context("about.classes missing")?
        .iter()
        .map(|c| {
            c.as_u64()
                .filter(|c| (1..=7).contains(c))
                .map(|c| c as u8)
                .context("about.classes holds 1..7")
        })
        .collect::<Result<_>>()?;
    let source = about
        .get("source")
        .and_then(Value::as_str)
        .context("about.source missing")?;
    let header = obj
        .get("header")
        .and_then(Value::as_object)
        .context("no `header`")?;
    check_keys("header", header, HEADER_KEYS)?;
    for (k, v) in header {
        check_value(&format!("header.{k}"), k, v)?;
    }
    let lines = obj
        .get("lines")
        .and_then(Value::as_array)
        .context("no `lines`")?;
    for (i, l) in lines.iter().enumerate() {
        let l = l
            .as_object()
            .with_context(|| format!("lines[{i}] is not an object"))?;
        check_keys(&format!("lines[{i}]"), l, LINE_KEYS)?;
        for (k, v) in l {
            check_value(&format!("lines[{i}].{k}"), k, v)?;
        }
        if !l.contains_key("part_number")
            && !l.contains_key("supplier_part")
            && !l.contains_key("description")
        {
            bail!("lines[{i}] has neither part number nor description to match on");
        }
        if l.get("no_bid") == Some(&Value::Bool(true)) && l.contains_key("breaks") {
            bail!("lines[{i}] is a no-bid with breaks");
        }
    }
    Ok(About {
        format: format.to_owned(),
        language: language.to_owned(),
        classes,
        real: source.starts_with("real"),
    })
}

/// The `about` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct About {
    pub format: String,
    pub language: String,
    pub classes: Vec<u8>,
    pub real: bool,
}

fn check_keys(what: &str, m: &Map<String, Value>, known: &[&str]) -> Result<()> {
    for k in m.keys() {
        if !known.contains(&k.as_str()) {
            bail!("{what}: unknown key `{k}` (known: {known:?})");
        }
    }
    Ok(())
}

fn check_value(path: &str, key: &str, v: &Value) -> Result<()> {
    let canonical = |s: &Value| -> Result<()> {
        let s = s
            .as_str()
            .with_context(|| format!("{path}: decimals are strings"))?;
        let d = Decimal::from_str(s).with_context(|| format!("{path}: `{s}` is no decimal"))?;
        if s.contains(',') || s.starts_with('+') || d.is_sign_negative() && !s.starts_with('-') {
            bail!("{path}: `{s}` is not canonical");
        }
        Ok(())
    };
    match key {
        "quote_date" | "valid_until" => {
            let s = v
                .as_str()
                .with_context(|| format!("{path}: a date string"))?;
            parse_date(s).with_context(|| format!("{path}: `{s}` is not YYYY-MM-DD"))?;
        }
        "validity_days" | "payment_net_days" | "payment_discount_days" | "lead_time_days" => {
            v.as_u64()
                .with_context(|| format!("{path}: a whole number of days"))?;
        }
        "payment_discount_pct"
        | "payment_deposit_pct"
        | "freight_amount"
        | "total"
        | "price_basis_qty"
        | "quantity"
        | "line_total"
        | "moq"
        | "order_multiple" => canonical(v)?,
        "currency" => {
            let s = v.as_str().unwrap_or_default();
            if s.len() != 3 || !s.chars().all(|c| c.is_ascii_uppercase()) {
                bail!("{path}: `{s}` is not an ISO 4217 code");
            }
        }
        "freight" => {
            let s = v.as_str().unwrap_or_default();
            if !["included", "per_shipment", "per_unit", "extra"].contains(&s) {
                bail!("{path}: `{s}` is not a freight kind");
            }
        }
        "breaks" | "tooling" => {
            let a = v.as_array().with_context(|| format!("{path}: an array"))?;
            for (i, p) in a.iter().enumerate() {
                let p = p.as_array().filter(|p| p.len() == 2);
                let p = p.with_context(|| format!("{path}[{i}]: a pair"))?;
                if key == "breaks" {
                    canonical(&p[0])?;
                } else {
                    p[0].as_str()
                        .with_context(|| format!("{path}[{i}]: a label"))?;
                }
                canonical(&p[1])?;
            }
        }
        "no_bid" => {
            v.as_bool()
                .with_context(|| format!("{path}: true or false"))?;
        }
        _ => {
            v.as_str().with_context(|| format!("{path}: a string"))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- normalisation

/// Part numbers compare ignoring case, spaces and dashes.
pub fn norm_part(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '‑' | '–' | '—'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Legal-form words a supplier's name is compared without.
const LEGAL_FORMS: &[&str] = &[
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "kgaa",
    "ohg",
    "ug",
    "ek",
    "co",
    "cie",
    "company",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "plc",
    "corp",
    "corporation",
    "srl",
    "srls",
    "spa",
    "sas",
    "sarl",
    "sa",
    "snc",
    "sl",
    "slu",
    "sau",
    "ltda",
    "cv",
    "bv",
    "nv",
    "vof",
    "sp",
    "zoo",
    "oy",
    "ab",
    "as",
    "aps",
    "kk",
    "pty",
    "pvt",
    "pte",
    "sro",
    "doo",
    "ooo",
    "zrt",
    "kft",
    "se",
];

/// A supplier name without case, punctuation and legal-form words
/// ("Müller Feinmechanik GmbH & Co. KG" → "müller feinmechanik").
pub fn norm_supplier(s: &str) -> String {
    let mut s = s.to_lowercase();
    for suffix in [
        "股份有限公司",
        "有限责任公司",
        "有限公司",
        "公司",
        "株式会社",
        "有限会社",
    ] {
        s = s.replace(suffix, " ");
    }
    // Dots and apostrophes join ("S.r.l." → "srl"); other punctuation separates.
    let joined: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    // Multi-word legal forms first ("S.A. de C.V.", "S. de R.L.", "Sp. z o.o.").
    let mut words: Vec<&str> = joined.split_whitespace().collect();
    for phrase in [
        &["sa", "de", "cv"][..],
        &["s", "de", "rl", "de", "cv"],
        &["s", "de", "rl"],
        &["sp", "z", "oo"],
        &["s", "a"],
    ] {
        while let Some(i) = words.windows(phrase.len()).position(|w| w == phrase) {
            words.drain(i..i + phrase.len());
        }
    }
    words
        .into_iter()
        .filter(|w| !LEGAL_FORMS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Case- and punctuation-insensitive text ("Dallas, TX" = "dallas tx").
pub fn norm_loose(s: &str) -> String {
    let t: String = s
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '.' | '\''))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tokens(s: &str) -> BTreeSet<String> {
    norm_loose(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Token overlap of two descriptions: Dice coefficient over lower-cased alphanumeric words.
// A ratio of word counts, not money.
#[allow(clippy::float_arithmetic)]
pub fn description_overlap(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let common = ta.intersection(&tb).count();
    2.0 * common as f64 / (ta.len() + tb.len()) as f64
}

/// A decimal from a JSON string or number ("1,5" is not one).
pub fn dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(s) => {
            let s = s.trim();
            Decimal::from_str(s)
                .ok()
                .or_else(|| Decimal::from_scientific(s).ok())
        }
        Value::Number(n) => {
            let s = n.to_string();
            Decimal::from_str(&s)
                .ok()
                .or_else(|| Decimal::from_scientific(&s).ok())
        }
        _ => None,
    }
}

/// Equal within 1e-6 relative (repeating fractions such as 1/3 of a price per 3).
pub fn price_eq(truth: Decimal, out: Decimal) -> bool {
    if truth == out {
        return true;
    }
    let tol = truth.abs() * Decimal::new(1, 6);
    (truth - out).abs() <= tol
}

/// Is `out` exactly 100× or 1000× off `truth` (either direction, within 1e-6)?
pub fn scale_error(truth: Decimal, out: Decimal) -> Option<u32> {
    if truth.is_zero() || out.is_zero() {
        return None;
    }
    for s in [100u32, 1000] {
        let f = Decimal::from(s);
        if price_eq(truth * f, out) || price_eq(out * f, truth) {
            return Some(s);
        }
    }
    None
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`).
pub fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[0..4].parse().ok()?;
    let m: i64 = s[5..7].parse().ok()?;
    let d: i64 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Units that both mean "one piece": a default piece unit is neither right nor wrong
/// against a truth that names the other.
fn uom_eq(a: &str, b: &str) -> bool {
    let piece = |u: &str| matches!(u, "H87" | "C62" | "EA" | "PCE");
    a.eq_ignore_ascii_case(b) || (piece(&a.to_uppercase()) && piece(&b.to_uppercase()))
}

fn is_default_uom(u: &str) -> bool {
    matches!(u.to_uppercase().as_str(), "H87" | "C62")
}

// ---------------------------------------------------------------- output access

fn get<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    if cur.is_null() {
        None
    } else {
        Some(cur)
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().to_owned()),
        other => Some(other.to_string()),
    }
}

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// (description, amount) of the output's tooling objects.
fn tooling_amounts(v: Option<&Value>) -> Vec<Decimal> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.get("amount").and_then(dec).or_else(|| dec(t)))
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------- the scorer

struct Scorer {
    facts: Vec<Fact>,
}

impl Scorer {
    fn push(
        &mut self,
        family: Family,
        field: String,
        outcome: Outcome,
        t: Option<String>,
        o: Option<String>,
    ) {
        self.facts.push(Fact {
            family,
            field,
            outcome,
            truth: t,
            output: o,
        });
    }

    /// One truth fact against one output value.
    fn compare(
        &mut self,
        family: Family,
        field: String,
        truth: Option<String>,
        out: Option<String>,
        eq: impl Fn(&str, &str) -> bool,
    ) {
        let outcome = match (&truth, &out) {
            (Some(t), Some(o)) if eq(t, o) => Outcome::Right,
            (Some(_), Some(_)) => Outcome::Wrong,
            (Some(_), None) => Outcome::Missed,
            (None, Some(_)) => Outcome::Extra,
            (None, None) => return,
        };
        self.push(family, field, outcome, truth, out);
    }
}

fn dec_eq(a: &str, b: &str) -> bool {
    match (Decimal::from_str(a), Decimal::from_str(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    v.and_then(text)
}

fn dec_of(v: Option<&Value>) -> Option<String> {
    v.and_then(|v| {
        dec(v)
            .map(|d| d.normalize().to_string())
            .or_else(|| text(v))
    })
}

fn int_of(v: Option<&Value>) -> Option<String> {
    v.and_then(|v| int(v).map(|i| i.to_string()).or_else(|| text(v)))
}

/// Scores one document. `truth` must have passed [`validate_truth`]; `out` is the file's
/// object from `bidwell extract --json` (or `Value::Null` when the run failed).
pub fn score(truth: &Value, out: &Value) -> DocScore {
    let mut s = Scorer { facts: Vec::new() };
    let empty = Map::new();
    let th = truth
        .get("header")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let header_currency = str_of(get(out, &["currency"]));
    score_header(&mut s, th, out);

    let tlines: Vec<&Map<String, Value>> = truth
        .get("lines")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default();
    let olines: Vec<&Value> = out
        .get("lines")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let pairs = match_lines(&tlines, &olines);

    let diags: Vec<&Value> = out
        .get("diagnostics")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let has_diagnostic = diags.iter().any(|d| {
        matches!(
            d.get("severity").and_then(Value::as_str),
            Some("warning") | Some("error")
        )
    });
    let suspect = |oi: usize| {
        diags.iter().any(|d| {
            d.get("code").and_then(Value::as_str) == Some("price.basis_suspect")
                && match d.get("line_index").and_then(Value::as_u64) {
                    Some(i) => i as usize == oi,
                    None => true,
                }
        })
    };

    let mut doc = DocScore {
        output_lines: olines.len(),
        truth_lines: tlines.len(),
        has_diagnostic,
        ..DocScore::default()
    };
    let mut out_used = vec![false; olines.len()];
    // Line charges no truth line claims: a whole-quote charge may still account for them.
    let mut leftover: Vec<(String, Decimal)> = Vec::new();
    for (ti, t) in tlines.iter().enumerate() {
        let label = line_label(t, ti);
        match pairs.iter().find(|p| p.0 == ti) {
            Some(&(_, oi)) => {
                out_used[oi] = true;
                let o = olines[oi];
                let conf = line_confidence(o);
                score_line(
                    &mut s,
                    &mut doc,
                    &label,
                    t,
                    o,
                    header_currency.as_deref(),
                    conf,
                    suspect(oi),
                    &mut leftover,
                );
            }
            None => missed_line(&mut s, &label, t),
        }
    }
    for (oi, o) in olines.iter().enumerate() {
        if !out_used[oi] {
            let label = format!(
                "extra line {}",
                str_of(o.get("part_number"))
                    .or_else(|| str_of(o.get("description")))
                    .unwrap_or_else(|| format!("#{oi}"))
            );
            extra_line(
                &mut s,
                &mut doc,
                &label,
                o,
                header_currency.as_deref(),
                &mut leftover,
            );
        }
    }
    score_header_tooling(&mut s, th, out, leftover);
    doc.facts = s.facts;
    doc
}

fn line_confidence(o: &Value) -> u32 {
    // A line without a confidence is taken at its word: fully sure.
    o.get("confidence")
        .and_then(Value::as_f64)
        .map(|c| c.clamp(0.0, 100.0) as u32)
        .unwrap_or(100)
}

fn line_label(t: &Map<String, Value>, i: usize) -> String {
    let id = str_of(t.get("part_number"))
        .or_else(|| str_of(t.get("supplier_part")))
        .or_else(|| str_of(t.get("description")))
        .unwrap_or_else(|| format!("#{i}"));
    format!("line[{id}]")
}

fn score_header(s: &mut Scorer, th: &Map<String, Value>, out: &Value) {
    let h = Family::Header;
    let pt = |k: &str| get(out, &["payment_terms", k]);
    s.compare(
        h,
        "header.supplier".into(),
        str_of(th.get("supplier")),
        str_of(get(out, &["supplier"])),
        |a, b| norm_supplier(a) == norm_supplier(b),
    );
    s.compare(
        h,
        "header.quote_ref".into(),
        str_of(th.get("quote_ref")),
        str_of(get(out, &["quote_ref"])),
        |a, b| a.eq_ignore_ascii_case(b),
    );
    s.compare(
        h,
        "header.quote_date".into(),
        str_of(th.get("quote_date")),
        str_of(get(out, &["quote_date"])),
        |a, b| a == b,
    );
    s.compare(
        h,
        "header.currency".into(),
        str_of(th.get("currency")),
        str_of(get(out, &["currency"])),
        |a, b| a.eq_ignore_ascii_case(b),
    );
    score_validity(s, th, out);
    for (key, field, is_int) in [
        ("payment_net_days", "net_days", true),
        ("payment_discount_pct", "discount_pct", false),
        ("payment_discount_days", "discount_days", true),
        ("payment_deposit_pct", "deposit_pct", false),
    ] {
        let (t, o) = if is_int {
            (int_of(th.get(key)), int_of(pt(field)))
        } else {
            (dec_of(th.get(key)), dec_of(pt(field)))
        };
        s.compare(h, format!("header.{key}"), t, o, dec_eq);
    }
    // "invoice_date" is the plain basis a truth leaves out.
    let basis = str_of(pt("basis")).filter(|b| b != "invoice_date");
    s.compare(
        h,
        "header.payment_basis".into(),
        str_of(th.get("payment_basis")),
        basis,
        |a, b| a == b,
    );
    s.compare(
        h,
        "header.incoterm".into(),
        str_of(th.get("incoterm")),
        str_of(get(out, &["incoterm", "code"])),
        |a, b| a.eq_ignore_ascii_case(b),
    );
    s.compare(
        h,
        "header.incoterm_place".into(),
        str_of(th.get("incoterm_place")),
        str_of(get(out, &["incoterm", "place"])),
        |a, b| norm_loose(a) == norm_loose(b),
    );
    s.compare(
        h,
        "header.freight".into(),
        str_of(th.get("freight")),
        str_of(get(out, &["freight", "kind"])),
        |a, b| a == b,
    );
    s.compare(
        h,
        "header.freight_amount".into(),
        dec_of(th.get("freight_amount")),
        dec_of(get(out, &["freight", "amount"])),
        dec_eq,
    );
    s.compare(
        h,
        "header.total".into(),
        dec_of(th.get("total")),
        dec_of(get(out, &["total"])),
        dec_eq,
    );
}

fn score_validity(s: &mut Scorer, th: &Map<String, Value>, out: &Value) {
    let t_until = str_of(th.get("valid_until"));
    let t_days = int_of(th.get("validity_days"));
    let o_until = str_of(get(out, &["valid_until"]));
    let o_days = int_of(get(out, &["validity_days"]));
    let t_desc = t_until
        .clone()
        .or_else(|| t_days.as_ref().map(|d| format!("{d} days")));
    let o_desc = match (&o_until, &o_days) {
        (Some(u), Some(d)) => Some(format!("{u} / {d} days")),
        (Some(u), None) => Some(u.clone()),
        (None, Some(d)) => Some(format!("{d} days")),
        (None, None) => None,
    };
    let quote_date = str_of(th.get("quote_date"))
        .or_else(|| str_of(get(out, &["quote_date"])))
        .and_then(|d| parse_date(&d));
    let right = {
        let until_eq = matches!((&t_until, &o_until), (Some(a), Some(b)) if a == b);
        let days_eq = matches!((&t_days, &o_days), (Some(a), Some(b)) if a == b);
        // valid_until == quote_date + validity_days, whichever side states which.
        let cross = |until: &Option<String>, days: &Option<String>| match (
            until.as_deref().and_then(parse_date),
            days.as_deref().and_then(|d| d.parse::<i64>().ok()),
            quote_date,
        ) {
            (Some(u), Some(d), Some(q)) => u == q + d,
            _ => false,
        };
        until_eq || days_eq || cross(&t_until, &o_days) || cross(&o_until, &t_days)
    };
    let outcome = match (&t_desc, &o_desc) {
        (Some(_), Some(_)) if right => Outcome::Right,
        (Some(_), Some(_)) => Outcome::Wrong,
        (Some(_), None) => Outcome::Missed,
        (None, Some(_)) => Outcome::Extra,
        (None, None) => return,
    };
    s.push(
        Family::Header,
        "header.validity".into(),
        outcome,
        t_desc,
        o_desc,
    );
}

/// Whole-quote one-time charges count wherever the output put them: at the top level or
/// on a line (a line charge no truth line claimed). What is left over is extra.
fn score_header_tooling(
    s: &mut Scorer,
    th: &Map<String, Value>,
    out: &Value,
    mut leftover: Vec<(String, Decimal)>,
) {
    let truth: Vec<Decimal> = th
        .get("tooling")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|p| p.get(1).and_then(dec)).collect())
        .unwrap_or_default();
    let mut top = tooling_amounts(get(out, &["tooling"]));
    for t in truth {
        let on_line = || leftover.iter().position(|(_, d)| price_eq(t, *d));
        let found = take(&mut top, t)
            || match on_line() {
                Some(i) => {
                    leftover.remove(i);
                    true
                }
                None => false,
            };
        let shown = t.normalize().to_string();
        let outcome = if found {
            Outcome::Right
        } else {
            Outcome::Missed
        };
        s.push(
            Family::Tooling,
            "header.tooling".into(),
            outcome,
            Some(shown.clone()),
            found.then_some(shown),
        );
    }
    let extra = top
        .into_iter()
        .map(|d| ("header".to_owned(), d))
        .chain(leftover);
    for (label, d) in extra {
        s.push(
            Family::Tooling,
            format!("{label}.tooling"),
            Outcome::Extra,
            None,
            Some(d.normalize().to_string()),
        );
    }
}

fn take(v: &mut Vec<Decimal>, x: Decimal) -> bool {
    match v.iter().position(|&d| price_eq(x, d)) {
        Some(i) => {
            v.remove(i);
            true
        }
        None => false,
    }
}

/// Pairs (truth index, output index): first by part number (truth `part_number` or
/// `supplier_part` against output `part_number` or `supplier_part`, case, spaces and
/// dashes ignored), then the rest by description (token overlap ≥ 0.6, best first).
pub fn match_lines(tlines: &[&Map<String, Value>], olines: &[&Value]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut o_used = vec![false; olines.len()];
    let mut t_used = vec![false; tlines.len()];
    let keys = |v: Option<&Value>, w: Option<&Value>| -> Vec<String> {
        [v, w]
            .into_iter()
            .filter_map(str_of)
            .map(|s| norm_part(&s))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let desc = |v: Option<&Value>| str_of(v).unwrap_or_default();
    for (ti, t) in tlines.iter().enumerate() {
        let tk = keys(t.get("part_number"), t.get("supplier_part"));
        if tk.is_empty() {
            continue;
        }
        // Among outputs with the same part number, the best description wins (a part
        // quoted twice, say as the part and as its alternate).
        let mut best: Option<(usize, f64)> = None;
        for (oi, o) in olines.iter().enumerate() {
            if o_used[oi] {
                continue;
            }
            let ok = keys(o.get("part_number"), o.get("supplier_part"));
            if ok.iter().any(|k| tk.contains(k)) {
                let d =
                    description_overlap(&desc(t.get("description")), &desc(o.get("description")));
                if best.is_none_or(|(_, bd)| d > bd) {
                    best = Some((oi, d));
                }
            }
        }
        if let Some((oi, _)) = best {
            o_used[oi] = true;
            t_used[ti] = true;
            pairs.push((ti, oi));
        }
    }
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (ti, t) in tlines.iter().enumerate() {
        if t_used[ti] {
            continue;
        }
        let td = desc(t.get("description"));
        for (oi, o) in olines.iter().enumerate() {
            if o_used[oi] {
                continue;
            }
            let d = description_overlap(&td, &desc(o.get("description")));
            if d >= 0.6 {
                cands.push((d, ti, oi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, ti, oi) in cands {
        if !t_used[ti] && !o_used[oi] {
            t_used[ti] = true;
            o_used[oi] = true;
            pairs.push((ti, oi));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The output's breaks as (min_qty, unit_price).
fn out_breaks(o: &Value) -> Vec<(Option<Decimal>, Option<Decimal>, String)> {
    o.get("breaks")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|b| {
                    let q = b.get("min_qty").and_then(dec);
                    let p = b.get("unit_price").and_then(dec);
                    let shown = format!(
                        "{} @ {}",
                        q.map(|q| q.normalize().to_string()).unwrap_or("?".into()),
                        p.map(|p| p.normalize().to_string()).unwrap_or("?".into())
                    );
                    (q, p, shown)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn truth_breaks(t: &Map<String, Value>) -> Vec<(Decimal, Decimal)> {
    t.get("breaks")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((dec(p.get(0)?)?, dec(p.get(1)?)?)))
                .collect()
        })
        .unwrap_or_default()
}

/// The simple per-line fields: (truth key, output key, family, kind).
#[derive(Clone, Copy)]
enum Kind {
    Part,
    Text,
    Dec,
    Int,
    Uom,
}

const LINE_FIELDS: &[(&str, &str, Family, Kind)] = &[
    (
        "part_number",
        "part_number",
        Family::LineIdentity,
        Kind::Part,
    ),
    (
        "supplier_part",
        "supplier_part",
        Family::LineIdentity,
        Kind::Part,
    ),
    ("revision", "revision", Family::LineIdentity, Kind::Text),
    ("uom", "uom", Family::OtherLine, Kind::Uom),
    (
        "price_basis_qty",
        "price_basis_qty",
        Family::OtherLine,
        Kind::Dec,
    ),
    ("quantity", "quantity", Family::OtherLine, Kind::Dec),
    ("line_total", "line_total", Family::OtherLine, Kind::Dec),
    ("moq", "moq", Family::OtherLine, Kind::Dec),
    (
        "order_multiple",
        "order_multiple",
        Family::OtherLine,
        Kind::Dec,
    ),
    (
        "lead_time_days",
        "lead_time_days",
        Family::OtherLine,
        Kind::Int,
    ),
];

/// The output value of a simple field, or `None` when unset or a default nobody stated
/// (a piece unit, a price basis of one).
fn out_field(o: &Value, key: &str, kind: Kind) -> Option<String> {
    let v = o.get(key);
    let s = match kind {
        Kind::Dec => dec_of(v),
        Kind::Int => int_of(v),
        _ => str_of(v),
    }?;
    match (key, kind) {
        ("price_basis_qty", _) if dec_eq(&s, "1") => None,
        (_, Kind::Uom) if is_default_uom(&s) => None,
        ("revision", _) if matches!(s.as_str(), "-" | "n/a" | "N/A" | "–") => None,
        _ => Some(s),
    }
}

#[allow(clippy::too_many_arguments)]
fn score_line(
    s: &mut Scorer,
    doc: &mut DocScore,
    label: &str,
    t: &Map<String, Value>,
    o: &Value,
    header_currency: Option<&str>,
    conf: u32,
    flagged: bool,
    leftover: &mut Vec<(String, Decimal)>,
) {
    s.push(
        Family::LineIdentity,
        format!("{label}.line"),
        Outcome::Right,
        Some("present".into()),
        Some("present".into()),
    );
    for &(tk, ok, fam, kind) in LINE_FIELDS {
        let tv = match kind {
            Kind::Dec => dec_of(t.get(tk)),
            Kind::Int => int_of(t.get(tk)),
            _ => str_of(t.get(tk)),
        };
        let mut ov = out_field(o, ok, kind);
        // A default piece unit or price basis of one is no hallucination when the truth
        // is silent, but is a value when the truth states one.
        if tv.is_some() && matches!(kind, Kind::Uom) {
            ov = str_of(o.get(ok));
        }
        if tv.is_some() && tk == "price_basis_qty" {
            ov = dec_of(o.get(ok));
        }
        // A document whose only identifier is the supplier's own: the output repeating
        // it as `part_number` states nothing new, so it is not a hallucinated field.
        if tv.is_none() && tk == "part_number" {
            let same_as_supplier_part = |v: &String| {
                str_of(t.get("supplier_part")).is_some_and(|sp| norm_part(&sp) == norm_part(v))
            };
            if ov.as_ref().is_some_and(same_as_supplier_part) {
                ov = None;
            }
        }
        let eq: fn(&str, &str) -> bool = match kind {
            Kind::Part => |a, b| norm_part(a) == norm_part(b),
            Kind::Text => |a, b| a.trim().eq_ignore_ascii_case(b.trim()),
            Kind::Dec | Kind::Int => dec_eq,
            Kind::Uom => uom_eq,
        };
        s.compare(fam, format!("{label}.{tk}"), tv, ov, eq);
    }
    // Line currency: only when it differs from the header's.
    let t_cur = str_of(t.get("currency"));
    let o_cur = str_of(o.get("currency"));
    let o_cur_shown = o_cur
        .clone()
        .filter(|c| Some(c.as_str()) != header_currency);
    if t_cur.is_some() {
        let o_eff = o_cur.or_else(|| header_currency.map(str::to_owned));
        s.compare(
            Family::OtherLine,
            format!("{label}.currency"),
            t_cur,
            o_eff,
            |a, b| a.eq_ignore_ascii_case(b),
        );
    } else if o_cur_shown.is_some() {
        s.compare(
            Family::OtherLine,
            format!("{label}.currency"),
            None,
            o_cur_shown,
            |_, _| false,
        );
    }
    // RFQ line.
    s.compare(
        Family::LineIdentity,
        format!("{label}.rfq_line"),
        str_of(t.get("rfq_line")),
        str_of(get(o, &["rfq_line", "line"]))
            .or_else(|| o.get("rfq_line").filter(|v| v.is_string()).and_then(text)),
        |a, b| a == b,
    );
    // Alternate: a presence fact.
    let t_alt = str_of(t.get("alternate"));
    let o_alt = str_of(o.get("alternate"));
    let outcome = match (&t_alt, &o_alt) {
        (Some(_), Some(_)) => Some(Outcome::Right),
        (Some(_), None) => Some(Outcome::Missed),
        (None, Some(_)) => Some(Outcome::Extra),
        (None, None) => None,
    };
    if let Some(oc) = outcome {
        s.push(
            Family::OtherLine,
            format!("{label}.alternate"),
            oc,
            t_alt,
            o_alt,
        );
    }
    // No-bid: a fact only when true.
    let t_nb = t.get("no_bid") == Some(&Value::Bool(true));
    let o_nb = o.get("no_bid") == Some(&Value::Bool(true));
    match (t_nb, o_nb) {
        (true, true) => s.push(
            Family::NoBid,
            format!("{label}.no_bid"),
            Outcome::Right,
            Some("true".into()),
            Some("true".into()),
        ),
        (true, false) => s.push(
            Family::NoBid,
            format!("{label}.no_bid"),
            Outcome::Missed,
            Some("true".into()),
            None,
        ),
        (false, true) => s.push(
            Family::NoBid,
            format!("{label}.no_bid"),
            Outcome::Extra,
            None,
            Some("true".into()),
        ),
        (false, false) => {}
    }
    // Tooling on the line: each amount one fact.
    let mut o_tool = tooling_amounts(o.get("tooling"));
    let t_tool: Vec<Decimal> = t
        .get("tooling")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|p| p.get(1).and_then(dec)).collect())
        .unwrap_or_default();
    for a in t_tool {
        let found = take(&mut o_tool, a);
        let shown = a.normalize().to_string();
        s.push(
            Family::Tooling,
            format!("{label}.tooling"),
            if found {
                Outcome::Right
            } else {
                Outcome::Missed
            },
            Some(shown.clone()),
            found.then_some(shown),
        );
    }
    leftover.extend(o_tool.into_iter().map(|a| (label.to_owned(), a)));
    // Breaks: each (min_qty, price) one fact, paired by min_qty.
    let tb = truth_breaks(t);
    let mut ob = out_breaks(o);
    let b = bucket(conf);
    for (q, p) in tb {
        let field = format!("{label}.breaks[{}]", q.normalize());
        let shown = Some(format!("{} @ {}", q.normalize(), p.normalize()));
        match ob.iter().position(|(oq, _, _)| *oq == Some(q)) {
            Some(i) => {
                let (_, op, oshown) = ob.remove(i);
                doc.calibration[b].0 += 1;
                if op.is_some_and(|op| price_eq(p, op)) {
                    doc.calibration[b].1 += 1;
                    s.push(Family::Breaks, field, Outcome::Right, shown, Some(oshown));
                } else {
                    let scale = op.and_then(|op| scale_error(p, op));
                    doc.wrong_prices.push(WrongPrice {
                        confidence: conf,
                        scale,
                        flagged,
                    });
                    s.push(Family::Breaks, field, Outcome::Wrong, shown, Some(oshown));
                }
            }
            None => s.push(Family::Breaks, field, Outcome::Missed, shown, None),
        }
    }
    for (_, _, oshown) in ob {
        doc.calibration[b].0 += 1;
        s.push(
            Family::Breaks,
            format!("{label}.breaks"),
            Outcome::Extra,
            None,
            Some(oshown),
        );
    }
}

/// A truth line the output lacks: every fact missed.
fn missed_line(s: &mut Scorer, label: &str, t: &Map<String, Value>) {
    s.push(
        Family::LineIdentity,
        format!("{label}.line"),
        Outcome::Missed,
        Some("present".into()),
        None,
    );
    for (k, v) in t {
        let fam = match k.as_str() {
            "description" | "no_bid_reason" => continue,
            "part_number" | "supplier_part" | "revision" | "rfq_line" => Family::LineIdentity,
            "no_bid" if v == &Value::Bool(true) => Family::NoBid,
            "no_bid" => continue,
            "breaks" => {
                for (q, p) in truth_breaks(t) {
                    s.push(
                        Family::Breaks,
                        format!("{label}.breaks[{}]", q.normalize()),
                        Outcome::Missed,
                        Some(format!("{} @ {}", q.normalize(), p.normalize())),
                        None,
                    );
                }
                continue;
            }
            "tooling" => {
                for a in v.as_array().into_iter().flatten() {
                    s.push(
                        Family::Tooling,
                        format!("{label}.tooling"),
                        Outcome::Missed,
                        a.get(1).and_then(text),
                        None,
                    );
                }
                continue;
            }
            _ => Family::OtherLine,
        };
        s.push(fam, format!("{label}.{k}"), Outcome::Missed, text(v), None);
    }
}

/// An output line no truth line matches: every fact it states is extra.
fn extra_line(
    s: &mut Scorer,
    doc: &mut DocScore,
    label: &str,
    o: &Value,
    header_currency: Option<&str>,
    leftover: &mut Vec<(String, Decimal)>,
) {
    s.push(
        Family::LineIdentity,
        format!("{label}.line"),
        Outcome::Extra,
        None,
        Some("present".into()),
    );
    for &(_, ok, fam, kind) in LINE_FIELDS {
        if let Some(v) = out_field(o, ok, kind) {
            s.push(fam, format!("{label}.{ok}"), Outcome::Extra, None, Some(v));
        }
    }
    if let Some(c) = str_of(o.get("currency")).filter(|c| Some(c.as_str()) != header_currency) {
        s.push(
            Family::OtherLine,
            format!("{label}.currency"),
            Outcome::Extra,
            None,
            Some(c),
        );
    }
    if let Some(r) = str_of(get(o, &["rfq_line", "line"])) {
        s.push(
            Family::LineIdentity,
            format!("{label}.rfq_line"),
            Outcome::Extra,
            None,
            Some(r),
        );
    }
    if let Some(a) = str_of(o.get("alternate")) {
        s.push(
            Family::OtherLine,
            format!("{label}.alternate"),
            Outcome::Extra,
            None,
            Some(a),
        );
    }
    if o.get("no_bid") == Some(&Value::Bool(true)) {
        s.push(
            Family::NoBid,
            format!("{label}.no_bid"),
            Outcome::Extra,
            None,
            Some("true".into()),
        );
    }
    leftover.extend(
        tooling_amounts(o.get("tooling"))
            .into_iter()
            .map(|a| (label.to_owned(), a)),
    );
    let b = bucket(line_confidence(o));
    for (_, _, shown) in out_breaks(o) {
        doc.calibration[b].0 += 1;
        s.push(
            Family::Breaks,
            format!("{label}.breaks"),
            Outcome::Extra,
            None,
            Some(shown),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn truth(header: Value, lines: Value) -> Value {
        json!({
            "about": {"format": "csv", "language": "en", "classes": [1], "source": "synthetic"},
            "header": header,
            "lines": lines,
        })
    }

    fn outcome_of(d: &DocScore, field: &str) -> Vec<Outcome> {
        d.facts
            .iter()
            .filter(|f| f.field == field)
            .map(|f| f.outcome)
            .collect()
    }

    #[test]
    fn lines_match_by_part_number_ignoring_case_spaces_and_dashes_or_supplier_part() {
        let t1 = json!({"part_number": "BRK-2208", "description": "Bracket"});
        let t2 = json!({"part_number": "X-1", "supplier_part": "MF 77812"});
        let t3 = json!({"part_number": "NOPE-9"});
        let tl: Vec<&Map<String, Value>> = [&t1, &t2, &t3]
            .iter()
            .map(|v| v.as_object().unwrap())
            .collect();
        let o0 = json!({"part_number": "zz-0"});
        let o1 = json!({"part_number": "mf77812"});
        let o2 = json!({"part_number": "brk 2208"});
        let ol = vec![&o0, &o1, &o2];
        assert_eq!(match_lines(&tl, &ol), vec![(0, 2), (1, 1)]);
        // Dots and slashes are part of a part number.
        let o3 = json!({"part_number": "BRK.2208"});
        assert_eq!(match_lines(&tl[..1], &[&o3]), vec![]);
    }

    #[test]
    fn lines_without_part_number_match_by_description_overlap_of_at_least_0_6() {
        let t = json!({"description": "Bracket, zinc plated"});
        let tl = vec![t.as_object().unwrap()];
        // {bracket, zinc, plated} vs {bracket, zinc, plated, 2mm}: 2*3/7 = 0.857.
        let close = json!({"description": "BRACKET zinc-plated 2mm"});
        assert_eq!(match_lines(&tl, &[&close]), vec![(0, 0)]);
        // {bracket, steel} shares 1 word: 2*1/5 = 0.4.
        let far = json!({"description": "Bracket steel"});
        assert_eq!(match_lines(&tl, &[&far]), vec![]);
        assert!((description_overlap("a b c", "a b d") - 2.0 * 2.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn supplier_names_compare_without_case_punctuation_and_legal_forms() {
        assert_eq!(
            norm_supplier("Müller Feinmechanik GmbH & Co. KG"),
            "müller feinmechanik"
        );
        assert_eq!(norm_supplier("MÜLLER FEINMECHANIK"), "müller feinmechanik");
        assert_eq!(norm_supplier("Ferramenta Rossi S.r.l."), "ferramenta rossi");
        assert_eq!(
            norm_supplier("ACME Stamping, Inc."),
            norm_supplier("Acme Stamping Ltd.")
        );
        assert_eq!(norm_supplier("深圳市华强电子有限公司"), "深圳市华强电子");
        assert_eq!(norm_supplier("株式会社東邦精機"), "東邦精機");
        assert_eq!(
            norm_supplier("Troqueles y Estampados del Norte, S.A. de C.V."),
            "troqueles y estampados del norte"
        );
        assert_eq!(
            norm_supplier("Hurtownia Elektryczna Wolt Sp. z o.o."),
            "hurtownia elektryczna wolt"
        );
        assert_ne!(
            norm_supplier("Acme Stamping Ltd."),
            norm_supplier("Acme Plating Ltd.")
        );
        let t = truth(json!({"supplier": "Tornillería Vasca, S.L."}), json!([]));
        let right = score(&t, &json!({"supplier": "TORNILLERIA VASCA SL"}));
        // Accents are not dropped: "tornillería" ≠ "tornilleria".
        assert_eq!(outcome_of(&right, "header.supplier"), vec![Outcome::Wrong]);
        let right = score(&t, &json!({"supplier": "Tornillería Vasca"}));
        assert_eq!(outcome_of(&right, "header.supplier"), vec![Outcome::Right]);
    }

    #[test]
    fn validity_is_one_fact_in_either_form() {
        let t = truth(
            json!({"quote_date": "2024-03-04", "validity_days": 30}),
            json!([]),
        );
        let by_date = score(
            &t,
            &json!({"quote_date": "2024-03-04", "valid_until": "2024-04-03"}),
        );
        assert_eq!(
            outcome_of(&by_date, "header.validity"),
            vec![Outcome::Right]
        );
        let off_by_one = score(&t, &json!({"valid_until": "2024-04-04"}));
        assert_eq!(
            outcome_of(&off_by_one, "header.validity"),
            vec![Outcome::Wrong]
        );
        let by_days = score(&t, &json!({"validity_days": 30}));
        assert_eq!(
            outcome_of(&by_days, "header.validity"),
            vec![Outcome::Right]
        );
        let none = score(&t, &json!({}));
        assert_eq!(outcome_of(&none, "header.validity"), vec![Outcome::Missed]);
        // Truth as a date, output as days: 2024-02-28 + 2 = 2024-03-01 (leap year: 29th).
        let t = truth(
            json!({"quote_date": "2024-02-28", "valid_until": "2024-03-01"}),
            json!([]),
        );
        assert_eq!(
            outcome_of(&score(&t, &json!({"validity_days": 2})), "header.validity"),
            vec![Outcome::Right]
        );
        assert_eq!(
            outcome_of(&score(&t, &json!({"validity_days": 1})), "header.validity"),
            vec![Outcome::Wrong]
        );
        let silent = truth(json!({}), json!([]));
        assert_eq!(
            outcome_of(
                &score(&silent, &json!({"validity_days": 30})),
                "header.validity"
            ),
            vec![Outcome::Extra]
        );
    }

    #[test]
    fn a_price_1000_times_off_is_a_wrong_price_counted_as_scale_error_and_flag() {
        let t = truth(
            json!({"currency": "USD"}),
            json!([{"part_number": "R-10K", "price_basis_qty": "1000",
                    "breaks": [["1000", "0.0415"], ["5000", "0.039"]]}]),
        );
        let out = json!({"currency": "USD", "lines": [{
            "part_number": "R-10K", "price_basis_qty": "1", "confidence": 85,
            "breaks": [{"min_qty": "1000", "unit_price": "41.50"},
                       {"min_qty": "5000", "unit_price": "0.0390"},
                       {"min_qty": "10000", "unit_price": "0.03"}]}],
            "diagnostics": [{"code": "price.basis_suspect", "severity": "warning", "line_index": 0}]});
        let d = score(&t, &out);
        assert_eq!(
            outcome_of(&d, "line[R-10K].breaks[1000]"),
            vec![Outcome::Wrong]
        );
        assert_eq!(
            outcome_of(&d, "line[R-10K].breaks[5000]"),
            vec![Outcome::Right]
        );
        assert_eq!(outcome_of(&d, "line[R-10K].breaks"), vec![Outcome::Extra]);
        // Basis 1 stated by the output while the truth says 1000: wrong.
        assert_eq!(
            outcome_of(&d, "line[R-10K].price_basis_qty"),
            vec![Outcome::Wrong]
        );
        assert_eq!(
            d.wrong_prices,
            vec![WrongPrice {
                confidence: 85,
                scale: Some(1000),
                flagged: true
            }]
        );
        // Bucket 80–89: three output prices, one right.
        assert_eq!(d.calibration[2], (3, 1));
        assert_eq!(
            scale_error(Decimal::new(315, 2), Decimal::new(315, 4)),
            Some(100)
        );
        assert_eq!(
            scale_error(Decimal::new(315, 2), Decimal::new(316, 0)),
            None
        );
        assert!(price_eq(
            Decimal::new(1, 0) / Decimal::new(3, 0),
            Decimal::new(3_333_333, 7)
        ));
    }

    #[test]
    fn counts_follow_the_spec_wrong_is_fp_and_fn_extra_line_counts_its_fields() {
        let t = truth(
            json!({"currency": "EUR", "incoterm_place": "Dallas, TX", "tooling": [["Mould", "4500.00"]]}),
            json!([{"part_number": "A-1", "uom": "H87", "moq": "500", "breaks": [["500", "1.20"]]},
                   {"part_number": "B-2", "no_bid": true, "no_bid_reason": "n/a"}]),
        );
        let out = json!({
        "currency": "USD", "incoterm": {"code": "FOB", "place": "DALLAS TX"},
        "lines": [
            {"part_number": "a1", "uom": "C62", "moq": "500", "price_basis_qty": "1",
             "breaks": [{"min_qty": "500", "unit_price": "1.2"}], "tooling": [{"amount": "4500"}]},
            {"part_number": "ZZ", "uom": "H87", "lead_time_days": 14,
             "breaks": [{"min_qty": "1", "unit_price": "9"}]}
        ]});
        let d = score(&t, &out);
        let c = d.counts();
        // Right: incoterm_place, tooling (found on a line), A-1 line, part, uom (H87 ≈ C62),
        // moq, break = 7. Wrong currency: fp+fn. Extra incoterm code: fp. Missed B-2 line
        // its part number and its no-bid: 3 fn. Extra line ZZ: line, part, lead time, break = 4 fp
        // (its piece unit is a default, not a fact).
        assert_eq!(
            c,
            Counts {
                tp: 7,
                fp: 1 + 1 + 4,
                fn_: 1 + 3
            }
        );
        assert_eq!(outcome_of(&d, "header.currency"), vec![Outcome::Wrong]);
        assert_eq!(outcome_of(&d, "line[B-2].no_bid"), vec![Outcome::Missed]);
        assert!(d.facts.iter().all(|f| !f.field.contains("no_bid_reason")));
    }

    #[test]
    fn the_supplier_id_repeated_as_part_number_is_not_extra_but_another_id_is() {
        let t = truth(
            json!({}),
            json!([{"supplier_part": "JB007", "breaks": [["10", "1"]]}]),
        );
        let same = json!({"lines": [{"part_number": "jb-007", "supplier_part": "JB007",
                                     "breaks": [{"min_qty": "10", "unit_price": "1"}]}]});
        let d = score(&t, &same);
        assert!(outcome_of(&d, "line[JB007].part_number").is_empty());
        assert_eq!(
            outcome_of(&d, "line[JB007].supplier_part"),
            vec![Outcome::Right]
        );
        let other = json!({"lines": [{"part_number": "BUY-1", "supplier_part": "JB007"}]});
        let d = score(&t, &other);
        assert_eq!(
            outcome_of(&d, "line[JB007].part_number"),
            vec![Outcome::Extra]
        );
        assert_eq!(
            outcome_of(&d, "line[JB007].breaks[10]"),
            vec![Outcome::Missed]
        );
    }

    #[test]
    fn truth_validation_rejects_typos_and_non_canonical_decimals() {
        let ok = truth(
            json!({"currency": "EUR"}),
            json!([{"part_number": "A", "breaks": [["10", "1.5"]]}]),
        );
        assert!(validate_truth(&ok).is_ok());
        let typo = truth(json!({"curency": "EUR"}), json!([]));
        assert!(validate_truth(&typo).is_err());
        let comma = truth(
            json!({}),
            json!([{"part_number": "A", "breaks": [["1,000", "1.5"]]}]),
        );
        assert!(validate_truth(&comma).is_err());
        let nobid = truth(
            json!({}),
            json!([{"part_number": "A", "no_bid": true, "breaks": [["1", "1"]]}]),
        );
        assert!(validate_truth(&nobid).is_err());
        let date = truth(json!({"quote_date": "03/04/2024"}), json!([]));
        assert!(validate_truth(&date).is_err());
    }

    #[test]
    fn dates_count_days_like_a_calendar() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(
            parse_date("2024-03-01").unwrap() - parse_date("2024-02-28").unwrap(),
            2
        );
        assert_eq!(
            parse_date("2023-03-01").unwrap() - parse_date("2023-02-28").unwrap(),
            1
        );
        assert_eq!(parse_date("2024-02-30"), None);
    }
}
