//! Numbers and money in every common notation: `1,234.56`, `1.234,56`, `1 234,56`,
//! `1'234.56`, `0.6250`, `(12.00)`, with currency symbols or codes before or after.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::money::Currency;

/// Which character a document uses as its decimal separator, when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalStyle {
    /// Not known: ambiguous numbers are read the English way (`1,234` = 1234, `1.234` = 1.234).
    #[default]
    Unknown,
    /// `1,234.56`
    Dot,
    /// `1.234,56`
    Comma,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// Parses one number. Returns `None` for anything that is not entirely a number
/// (after trimming a sign, parentheses and surrounding whitespace).
pub fn parse_number(s: &str, style: DecimalStyle) -> Option<Decimal> {
    let t = s.trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    let (neg_paren, t) = match t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, t),
    };
    let (neg, t) = if let Some(r) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        (true, r.trim_start())
    } else if let Some(r) = t.strip_prefix('+') {
        (false, r.trim_start())
    } else if let Some(r) = t.strip_suffix('-') {
        // SAP-style trailing minus.
        (true, r.trim_end())
    } else {
        (false, t)
    };
    // Remove group spaces / apostrophes between digits only.
    let chars: Vec<char> = t.chars().collect();
    let mut cleaned = String::with_capacity(chars.len());
    let mut space_grouped = false;
    for (i, &c) in chars.iter().enumerate() {
        if is_group_space(c) {
            let before = i > 0 && chars[i - 1].is_ascii_digit();
            let after: usize = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let next_is_sep = chars.get(i + 1 + after).is_none_or(|c| !c.is_ascii_digit());
            if before && after == 3 && next_is_sep {
                space_grouped = true;
                continue;
            }
            return None;
        }
        if !(c.is_ascii_digit() || c == '.' || c == ',') {
            return None;
        }
        cleaned.push(c);
    }
    if !cleaned.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let dots = cleaned.matches('.').count();
    let commas = cleaned.matches(',').count();
    let decimal_sep: Option<char> = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None, // 1.234.567
        (0, _) if commas > 1 => None,
        (1, 0) => {
            if style == DecimalStyle::Comma && groups_ok(&cleaned, '.') && !space_grouped {
                None
            } else {
                Some('.')
            }
        }
        (0, 1) => {
            // `1,234` is a thousands group in English; `0,62`, `12,5`, `1,2345` are decimals.
            let after = cleaned.len() - cleaned.find(',').unwrap_or(0) - 1;
            let lead_zero = cleaned.starts_with("0,") || cleaned.starts_with(',');
            if style == DecimalStyle::Comma || space_grouped || after != 3 || lead_zero {
                Some(',')
            } else {
                None
            }
        }
        _ => {
            // Both present: the last one is the decimal separator.
            let ld = cleaned.rfind('.').unwrap_or(0);
            let lc = cleaned.rfind(',').unwrap_or(0);
            if ld > lc {
                if dots > 1 {
                    return None;
                }
                Some('.')
            } else {
                if commas > 1 {
                    return None;
                }
                Some(',')
            }
        }
    };
    let group_sep = match decimal_sep {
        Some('.') => ',',
        Some(_) => '.',
        None => {
            if dots > 0 {
                '.'
            } else {
                ','
            }
        }
    };
    let (int_part, frac_part) = match decimal_sep {
        Some(d) => {
            let idx = cleaned.rfind(d)?;
            (&cleaned[..idx], Some(&cleaned[idx + 1..]))
        }
        None => (cleaned.as_str(), None),
    };
    if int_part.contains(group_sep) && !groups_ok(int_part, group_sep) {
        return None;
    }
    if let Some(f) = frac_part {
        if f.contains(['.', ',']) || f.is_empty() && int_part.is_empty() {
            return None;
        }
    }
    let mut plain: String = int_part.chars().filter(|&c| c != group_sep).collect();
    if plain.is_empty() {
        plain.push('0');
    }
    if let Some(f) = frac_part {
        if !f.is_empty() {
            plain.push('.');
            plain.push_str(f);
        }
    }
    let mut d = Decimal::from_str(&plain).ok()?;
    if neg || neg_paren {
        d.set_sign_negative(true);
    }
    Some(d)
}

/// Thousands groups after the first are 3 digits (or 2, Indian lakh style `1,23,456`).
fn groups_ok(int_part: &str, sep: char) -> bool {
    let mut parts = int_part.split(sep);
    let first = parts.next().unwrap_or("");
    if first.is_empty() || first.len() > 3 {
        return false;
    }
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        return true;
    }
    let last_ok = rest.last().is_some_and(|l| l.len() == 3);
    last_ok
        && rest
            .iter()
            .all(|g| (g.len() == 3 || g.len() == 2) && g.bytes().all(|b| b.is_ascii_digit()))
}

/// How a printed number shows its decimal mark, for checking that a document's numbers
/// agree on one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberMark {
    /// The mark is certainly a decimal mark: `0,045`, `3,20`, `1.234,56` (`,`) or
    /// `3.20`, `0.045`, `1,234.56` (`.`).
    Decimal(char),
    /// One mark followed by exactly three digits after a non-zero integer part (`1,250`,
    /// `1.250`): a thousands group or a three-decimal price, 1000× apart.
    Ambiguous(char),
}

/// The decimal mark a number printed in `s` shows (its first run of digits and marks).
pub fn number_mark(s: &str) -> Option<NumberMark> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let tok: String = s[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let tok = tok.trim_end_matches(['.', ',']);
    let marks: Vec<(usize, char)> = tok
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    match marks.as_slice() {
        [] => None,
        [(i, m)] => {
            let (int, frac) = (&tok[..*i], &tok[i + 1..]);
            if frac.len() == 3 && int != "0" && !int.is_empty() && int.len() <= 3 {
                Some(NumberMark::Ambiguous(*m))
            } else if frac.len() <= 4 || int == "0" {
                Some(NumberMark::Decimal(*m))
            } else {
                None
            }
        }
        more => {
            let (_, last) = more[more.len() - 1];
            let first = more[0].1;
            (first != last && more[..more.len() - 1].iter().all(|(_, c)| *c == first))
                .then_some(NumberMark::Decimal(last))
        }
    }
}

/// Guesses the decimal style of a whole document from its unambiguous numbers.
pub fn detect_style(text: &str) -> DecimalStyle {
    let (mut dot, mut comma) = (0u32, 0u32);
    let b = text.as_bytes();
    for i in 1..b.len().saturating_sub(2) {
        let (p, c) = (b[i - 1], b[i]);
        if !p.is_ascii_digit() || !(c == b'.' || c == b',') {
            continue;
        }
        let digits = b[i + 1..].iter().take_while(|x| x.is_ascii_digit()).count();
        let ends = b.get(i + 1 + digits).is_none_or(|x| !x.is_ascii_digit());
        if (digits == 2) && ends && b.get(i + 1 + digits) != Some(&b'.') {
            // `12,50` / `12.50`: a two-decimal amount (a date `12.05.2024` has a dot after).
            if c == b',' {
                comma += 1;
            } else {
                dot += 1;
            }
        }
    }
    // Grouped numbers decide too: `1.141.805` or `1.234,56` groups with dots (comma
    // style), `1,234,567` or `1,234.56` with commas (dot style).
    for tok in text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')) {
        let t = tok.trim_matches(['.', ',']);
        let (dots, commas) = (t.matches('.').count(), t.matches(',').count());
        if dots > 0 && commas > 0 {
            // Only a number shaped `1.234.567,89` / `1,234.56` counts: one decimal mark
            // last, groups of three before it (CSV text runs fields together with commas).
            let (dec, grp) = if t.rfind(',') > t.rfind('.') {
                (',', '.')
            } else {
                ('.', ',')
            };
            let Some((int, frac)) = t.rsplit_once(dec) else {
                continue;
            };
            let groups: Vec<&str> = int.split(grp).collect();
            let shaped = t.matches(dec).count() == 1
                && !frac.is_empty()
                && groups.len() >= 2
                && (1..=3).contains(&groups[0].len())
                && groups[1..].iter().all(|g| g.len() == 3);
            if shaped {
                if dec == ',' {
                    comma += 2;
                } else {
                    dot += 2;
                }
            }
            continue;
        }
        let (sep, n) = if dots >= 2 {
            ('.', dots)
        } else if commas >= 2 {
            (',', commas)
        } else {
            continue;
        };
        let groups: Vec<&str> = t.split(sep).collect();
        if n >= 2
            && groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3)
        {
            if sep == '.' {
                comma += 2;
            } else {
                dot += 2;
            }
        }
    }
    if comma > dot.saturating_mul(2) && comma >= 2 {
        DecimalStyle::Comma
    } else if dot > comma.saturating_mul(2) && dot >= 2 {
        DecimalStyle::Dot
    } else {
        DecimalStyle::Unknown
    }
}

/// Currency markers, longest first so `US$` wins over `$`.
const MARKERS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("USD$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("CN¥", "CNY"),
    ("RMB", "CNY"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("₹", "INR"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("￥", "JPY"),
    ("円", "JPY"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("zł", "PLN"),
    ("Kč", "CZK"),
    ("Fr.", "CHF"),
    ("SFr", "CHF"),
    ("₺", "TRY"),
    ("$", "USD"),
];

/// A price or amount as printed: number, currency and basis suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyToken {
    pub amount: Decimal,
    pub currency: Option<Currency>,
    /// A basis suffix such as `/C`, `/M`, `/100`, `per 1000`; 1 for `/ea`.
    pub basis: Option<Decimal>,
    /// True when the currency came from a bare `$` (could be another dollar).
    pub ambiguous_currency: bool,
}

/// `$` (many dollars and pesos) and `¥` (yen or yuan) alone do not say which currency.
fn ambiguous_symbol(m: &str) -> bool {
    matches!(m, "$" | "¥" | "￥")
}

/// Finds a currency marker or ISO code at the start or end of `s`; returns the
/// currency and the rest.
pub fn strip_currency(s: &str) -> (Option<Currency>, bool, &str) {
    let t = s.trim();
    for (m, code) in MARKERS {
        let first_alpha = m.starts_with(|c: char| c.is_ascii_alphabetic());
        let last_alpha = m
            .trim_end_matches('.')
            .ends_with(|c: char| c.is_ascii_alphabetic());
        if let Some(r) = t.strip_prefix(m) {
            if !(last_alpha && r.starts_with(|c: char| c.is_alphabetic())) {
                return (
                    Currency::from_code(code).ok(),
                    ambiguous_symbol(m),
                    r.trim(),
                );
            }
        }
        if let Some(r) = t.strip_suffix(m) {
            if !(first_alpha && r.ends_with(|c: char| c.is_alphabetic())) {
                return (
                    Currency::from_code(code).ok(),
                    ambiguous_symbol(m),
                    r.trim(),
                );
            }
        }
    }
    // ISO code: three uppercase letters, separated by a space or directly before a digit.
    if t.len() >= 3 && t.is_char_boundary(3) {
        let (head, rest) = t.split_at(3);
        if head.bytes().all(|b| b.is_ascii_uppercase())
            && !rest.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            if let Ok(c) = Currency::from_code(head) {
                return (Some(c), false, rest.trim());
            }
        }
        let cut = t.len() - 3;
        let (rest2, tail) = if t.is_char_boundary(cut) {
            t.split_at(cut)
        } else {
            ("", "")
        };
        if !tail.is_empty()
            && tail.bytes().all(|b| b.is_ascii_uppercase())
            && !rest2.ends_with(|c: char| c.is_ascii_alphabetic())
        {
            if let Ok(c) = Currency::from_code(tail) {
                return (Some(c), false, rest2.trim());
            }
        }
    }
    (None, false, t)
}

/// Parses a printed price like `$0.62/ea`, `12,50 €`, `USD 1,234.56`, `0.85/C`,
/// `EUR 62.00 per 1000`, `Rs. 1,23,456.00`.
pub fn parse_money(s: &str, style: DecimalStyle) -> Option<MoneyToken> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let without = without_discount(s.trim());
    let mut t = without.as_deref().unwrap_or(s).trim();
    if t.is_empty() || t.len() > 80 {
        return None;
    }
    // Basis suffix: `/C`, `/M`, ` per 1000`, ` je 100 Stk`, ` (per 1000)`, `EUR/%`.
    let mut basis = None;
    let lower = t.to_ascii_lowercase();
    let keys = [
        "/", " per ", " je ", " pro ", " por ", " par ", " za ", "(per ", " (",
    ];
    for key in keys {
        let Some(idx) = lower.rfind(key) else {
            continue;
        };
        let suffix = &t[idx..];
        let suffix = suffix
            .trim_start_matches(['/', ' ', '('])
            .trim_end_matches(')')
            .trim();
        let sl = suffix.to_ascii_lowercase();
        let suffix = ["per ", "je ", "pro ", "por ", "par ", "za "]
            .iter()
            .find_map(|p| sl.starts_with(p).then(|| suffix[p.len()..].trim()))
            .unwrap_or(suffix);
        // `/m` in lower case is per metre (a unit), `/M` per thousand.
        let per_metre = matches!(
            suffix,
            "m" | "lfm" | "mtr" | "Mtr" | "meter" | "metre" | "lfd. m"
        );
        if let Some(b) = per_metre
            .then_some(Decimal::ONE)
            .or_else(|| super::units::parse_price_basis(suffix))
            .or_else(|| {
                super::units::basis_phrase(&format!("per {suffix}"), key == "/").map(|b| b.0)
            })
        {
            basis = Some(b);
            t = t[..idx].trim();
            // `41.50 per / 1000 pcs` (a basis wrapped in its cell): the dangling "per".
            for w in [" per", " pro", " je", " por", " par", " each per"] {
                if t.len() > w.len() && t.to_ascii_lowercase().ends_with(w) {
                    t = t[..t.len() - w.len()].trim();
                }
            }
            break;
        }
    }
    // `41,50 €/Ring`, `12.00 per reel`: per a container no count states. The amount is
    // read; the basis stays unknown (the readers flag such a price).
    if basis.is_none() && super::units::per_container(t) {
        let lower = t.to_ascii_lowercase();
        if let Some(idx) = ["/", " per ", " pro ", " je ", " par ", " por "]
            .iter()
            .filter_map(|k| lower.rfind(k))
            .max()
        {
            t = t[..idx].trim();
        }
    }
    // `$0.412 each`, `12,30 € Stk.`, `0.85 ea`: a trailing per-one word.
    if basis.is_none() {
        if let Some((head, last)) = t.rsplit_once(' ') {
            let w = last.trim_end_matches('.').to_ascii_lowercase();
            // Only a price (a currency or decimals), never a count such as `1000 pcs`.
            let fraction = head
                .trim()
                .rsplit_once(['.', ','])
                .is_some_and(|(_, f)| (1..=4).contains(&f.len()) && f.len() != 3);
            let priced = strip_currency(head).0.is_some() || fraction;
            // `€ 0,62 per stuk`, `1,23 € je Stk`: the "per" before the piece word.
            let head = ["per", "je", "pro", "par", "por", "à", "/"]
                .iter()
                .find_map(|p| {
                    head.trim_end()
                        .strip_suffix(p)
                        .filter(|h| h.ends_with(' ') || *p == "/")
                })
                .unwrap_or(head);
            if priced
                && head.bytes().any(|b| b.is_ascii_digit())
                && matches!(
                    w.as_str(),
                    "each"
                        | "ea"
                        | "pc"
                        | "pcs"
                        | "stk"
                        | "st"
                        | "stück"
                        | "pz"
                        | "szt"
                        | "unit"
                        | "piece"
                        | "uds"
                        | "ud"
                        | "stuk"
                )
            {
                basis = Some(Decimal::ONE);
                t = head.trim();
            }
        }
    }
    // `41,5 ct`, `62 Cent`, `41.5¢`: a price in cents of the currency.
    let mut cents = false;
    {
        let l = t.to_lowercase();
        for suf in [
            "¢",
            " ct.",
            " ct",
            "ct",
            " cents",
            " cent",
            " centavos",
            " céntimos",
            " centesimi",
        ] {
            if l.ends_with(suf) && t.len() > suf.len() {
                let head = t[..t.len() - suf.len()].trim();
                if head.ends_with(|c: char| c.is_ascii_digit()) {
                    t = head;
                    cents = true;
                    break;
                }
            }
        }
    }
    let (cur, amb, rest) = strip_currency(t);
    let amount = parse_number(rest, style)?;
    let amount = if cents {
        amount.checked_div(Decimal::ONE_HUNDRED)?.normalize()
    } else {
        amount
    };
    Some(MoneyToken {
        amount,
        currency: cur,
        basis,
        ambiguous_currency: amb,
    })
}

/// Words that name a discount beside a price.
const DISCOUNT_WORDS: &[&str] = &[
    "korting",
    "rabatt",
    "discount",
    "sconto",
    "descuento",
    "remise",
    "rabat",
    "nachlass",
    "skonto",
];

/// The price written before a discount said beside it: `€ 0,62 per stuk (korting
/// 12,40 %)` → `€ 0,62 per stuk`, `1,84 € abzgl. 12,40 % Rabatt` → `1,84 €`. `None` when
/// no discount is named after a number (a discount is never the price).
fn without_discount(t: &str) -> Option<String> {
    let lower = t.to_lowercase();
    if lower.len() != t.len() {
        return None;
    }
    let at = DISCOUNT_WORDS.iter().filter_map(|w| lower.find(w)).min()?;
    let head = t.get(..at)?;
    if !head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut toks: Vec<&str> = head.split_whitespace().collect();
    let mut percent = false;
    while let Some(last) = toks.last() {
        let l = last.to_lowercase();
        let l = l.trim_matches(|c: char| matches!(c, '(' | '[' | ')' | ']' | ','));
        let connector = matches!(
            l,
            "" | "-"
                | "–"
                | "abzgl."
                | "abzgl"
                | "abzüglich"
                | "less"
                | "minus"
                | "incl."
                | "inkl."
                | "incl"
                | "inkl"
                | "with"
                | "met"
                | "mit"
                | "avec"
                | "con"
                | "after"
                | "nach"
                | "na"
                | "excl."
                | "zzgl."
        );
        let pct = l.ends_with('%');
        let number_of_pct = percent
            && l.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'));
        if connector || pct || number_of_pct {
            percent |= pct;
            toks.pop();
        } else {
            break;
        }
    }
    let out = toks.join(" ");
    out.bytes().any(|b| b.is_ascii_digit()).then_some(out)
}

/// Parses a quantity such as `2k`, `5K`, `1,000`, `500 pcs`, `1+`, `≥100`, `100-499` (lower
/// bound), `@ 5k`. Returns the (lower) quantity.
pub fn parse_quantity(s: &str, style: DecimalStyle) -> Option<Decimal> {
    let mut t = s.trim();
    for p in ["@", "≥", ">=", "qty", "Qty", "QTY", "Menge", "x"] {
        if let Some(r) = t.strip_prefix(p) {
            t = r.trim_start_matches([':', '.']).trim();
        }
    }
    // Ranges: keep the lower bound.
    if let Some(idx) = t.find(['-', '–']).filter(|&i| i > 0) {
        let (a, b) = t.split_at(idx);
        if parse_quantity(
            &b[b.char_indices().nth(1).map_or(b.len(), |x| x.0)..],
            style,
        )
        .is_some()
            || b.trim_start_matches(['-', '–']).trim().is_empty()
        {
            t = a.trim();
        }
    }
    let t = t.trim_end_matches('+').trim();
    let lower = t.to_ascii_lowercase();
    let mut core = lower.as_str();
    for unit in [
        "pieces", "piece", "pcs.", "pcs", "pc.", "pc", "ea.", "ea", "units", "unit", "stk.", "stk",
        "stück", "st.", "nos", "off", "szt.", "szt", "stuks", "pz.", "pzs", "pz", "pezzi",
        "pièces", "unidades", "uds.", "uds",
    ] {
        if let Some(r) = core.strip_suffix(unit) {
            core = r.trim();
            break;
        }
    }
    // Pieces are whole counts: `5.000` / `1,000` with one mark and exactly three digits
    // after it is a thousand in every decimal style (`0,500` and `2,5` stay decimals).
    if let Some(n) = thousands_count(core) {
        return Some(n);
    }
    let (mult, core) = if let Some(r) = core.strip_suffix('k') {
        (Decimal::from(1000), r)
    } else if let Some(r) = core.strip_suffix("mm") {
        (Decimal::from(1_000_000), r)
    } else {
        (Decimal::ONE, core)
    };
    let n = parse_number(core, style)?;
    if n.is_sign_negative() {
        return None;
    }
    n.checked_mul(mult)
}

/// `5.000` / `12,500` / `1'000` / `1.000.000` / `10 000`: groups of exactly three digits
/// after a non-zero lead of 1–3 digits, all split by one and the same mark (`.`, `,`, `'`,
/// a space), read as a whole count whatever the document's decimal style. The one place
/// that decides the thousands rule for quantities (table headers and prose use it too).
fn thousands_count(core: &str) -> Option<Decimal> {
    let mut marks = core.chars().filter(|c| !c.is_ascii_digit());
    let mark = marks.next()?;
    if !matches!(mark, '.' | ',' | '\'' | ' ' | '\u{a0}' | '\u{202f}') || marks.any(|c| c != mark) {
        return None;
    }
    let mut groups = core.split(mark);
    let lead = groups.next()?;
    let mut digits = lead.to_string();
    if !(1..=3).contains(&lead.len()) || lead.starts_with('0') {
        return None;
    }
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    Decimal::from_str(&digits).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn n(s: &str) -> Option<Decimal> {
        parse_number(s, DecimalStyle::Unknown)
    }

    #[test]
    fn notations() {
        assert_eq!(n("1,234.56"), Some(dec!(1234.56)));
        assert_eq!(n("1.234,56"), Some(dec!(1234.56)));
        assert_eq!(n("1 234,56"), Some(dec!(1234.56)));
        assert_eq!(n("1\u{a0}234,56"), Some(dec!(1234.56)));
        assert_eq!(n("1'234.56"), Some(dec!(1234.56)));
        assert_eq!(n("0.6250"), Some(dec!(0.6250)));
        assert_eq!(n("0,62"), Some(dec!(0.62)));
        assert_eq!(n("1,234"), Some(dec!(1234)));
        assert_eq!(n("1,2345"), Some(dec!(1.2345)));
        assert_eq!(n("1,23,456.00"), Some(dec!(123456.00)));
        assert_eq!(n("1.234.567"), Some(dec!(1234567)));
        assert_eq!(n("(12.00)"), Some(dec!(-12.00)));
        assert_eq!(n("-3"), Some(dec!(-3)));
        assert_eq!(n("12.5-"), Some(dec!(-12.5)));
        assert_eq!(parse_number("1.234", DecimalStyle::Comma), Some(dec!(1234)));
        assert_eq!(
            parse_number("1,234", DecimalStyle::Comma),
            Some(dec!(1.234))
        );
        for bad in ["", "abc", "1.2.3,4,5", "12a", "1,2,3", ".", "1 23", "--1"] {
            assert_eq!(n(bad), None, "{bad}");
        }
    }

    #[test]
    fn money() {
        let m = parse_money("$0.62/ea", DecimalStyle::Unknown).unwrap();
        assert_eq!((m.amount, m.currency.unwrap().code()), (dec!(0.62), "USD"));
        assert_eq!(m.basis, Some(dec!(1)));
        let m = parse_money("12,50 €", DecimalStyle::Unknown).unwrap();
        assert_eq!((m.amount, m.currency.unwrap().code()), (dec!(12.50), "EUR"));
        let m = parse_money("USD 1,234.56", DecimalStyle::Unknown).unwrap();
        assert_eq!(m.amount, dec!(1234.56));
        let m = parse_money("Rs. 1,23,456.00", DecimalStyle::Unknown).unwrap();
        assert_eq!(m.currency.unwrap().code(), "INR");
        let m = parse_money("RMB 3.20", DecimalStyle::Unknown).unwrap();
        assert_eq!(m.currency.unwrap().code(), "CNY");
        let m = parse_money("85.00/C", DecimalStyle::Unknown).unwrap();
        assert_eq!(m.basis, Some(dec!(100)));
        let m = parse_money("EUR 62.00 per 1000", DecimalStyle::Unknown).unwrap();
        assert_eq!((m.amount, m.basis), (dec!(62.00), Some(dec!(1000))));
        let m = parse_money("1.234,56EUR", DecimalStyle::Unknown).unwrap();
        assert_eq!(m.amount, dec!(1234.56));
        assert!(parse_money("Net 30", DecimalStyle::Unknown).is_none());
    }

    #[test]
    fn quantities() {
        let q = |s| parse_quantity(s, DecimalStyle::Unknown);
        assert_eq!(q("2k"), Some(dec!(2000)));
        assert_eq!(q("@ 5k"), Some(dec!(5000)));
        assert_eq!(q("1,000"), Some(dec!(1000)));
        assert_eq!(q("500 pcs"), Some(dec!(500)));
        assert_eq!(q("1+"), Some(dec!(1)));
        assert_eq!(q("100-499"), Some(dec!(100)));
        assert_eq!(q("≥100"), Some(dec!(100)));
        assert_eq!(q("Qty 250"), Some(dec!(250)));
        assert_eq!(q("-5"), None);
        for style in [
            DecimalStyle::Unknown,
            DecimalStyle::Dot,
            DecimalStyle::Comma,
        ] {
            let q = |s| parse_quantity(s, style);
            assert_eq!(q("5.000 Stk"), Some(dec!(5000)), "{style:?}");
            assert_eq!(q("1,000"), Some(dec!(1000)), "{style:?}");
            assert_eq!(q("12.500 szt."), Some(dec!(12500)), "{style:?}");
            assert_eq!(q("0,500"), Some(dec!(0.500)), "{style:?}");
        }
        assert_eq!(parse_quantity("2,5", DecimalStyle::Comma), Some(dec!(2.5)));
        assert_eq!(parse_quantity("1.5", DecimalStyle::Dot), Some(dec!(1.5)));
    }

    #[test]
    fn style_detection_ignores_csv_runs() {
        // Issue 9: CSV fields run together with commas are no grouped number.
        assert_eq!(
            detect_style("LM358DR,1,1,0.48,0.31,0.214,0.188,6,2300\nBSS138,1,1,0.29,0.126,0.058"),
            DecimalStyle::Dot
        );
        assert_eq!(
            detect_style("Total $ 1.141.805 y $ 959.500"),
            DecimalStyle::Comma
        );
        assert_eq!(
            detect_style("Summe 1.234,56 und 99,00"),
            DecimalStyle::Comma
        );
    }

    #[test]
    fn style_detection() {
        assert_eq!(
            detect_style("Preis 12,50 EUR, Summe 1.234,56"),
            DecimalStyle::Comma
        );
        assert_eq!(
            detect_style("Price 12.50 USD, total 1,234.56"),
            DecimalStyle::Dot
        );
    }
}
