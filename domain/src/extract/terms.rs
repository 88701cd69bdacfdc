//! Commercial terms: payment terms, Incoterms, lead time, validity and dates.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::model::{Incoterm, PaymentTerms};
use super::number::{parse_number, DecimalStyle};
use crate::terms::INCOTERMS_RETIRED;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Pct(Decimal),
    Word(String),
    Slash,
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == '.' || chars[i] == ',')
                        && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())))
            {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            let n = parse_number(&text, DecimalStyle::Unknown)
                .or_else(|| parse_number(&text, DecimalStyle::Comma));
            // Skip ordinal suffixes: 10th, 1st.
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if let Some(n) = n {
                if chars.get(j) == Some(&'%') {
                    out.push(Tok::Pct(n));
                    i = j + 1;
                    continue;
                }
                out.push(Tok::Num(n));
            }
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            out.push(Tok::Word(
                chars[start..i].iter().collect::<String>().to_lowercase(),
            ));
        } else {
            if c == '/' {
                out.push(Tok::Slash);
            }
            i += 1;
        }
    }
    out
}

fn to_u32(d: Decimal) -> Option<u32> {
    if d.fract().is_zero() && d >= Decimal::ZERO {
        u32::try_from(d.mantissa() / 10i128.pow(d.scale())).ok()
    } else {
        None
    }
}

const DAY_WORDS: &[&str] = &[
    "days",
    "day",
    "d",
    "tage",
    "tagen",
    "tag",
    "jours",
    "jour",
    "dias",
    "días",
    "dia",
    "día",
    "giorni",
    "gg",
    "dagen",
    "dgn",
    "dni",
    "dní",
    "dage",
    "dagar",
    "päivää",
    "天",
];
const NET_WORDS: &[&str] = &["net", "netto", "n", "nett", "due", "payable"];

/// Parses payment terms. Returns `None` when the text names no terms at all.
pub fn parse_payment_terms(s: &str) -> Option<PaymentTerms> {
    let lower = s.to_lowercase();
    let toks = tokens(s);
    let mut t = PaymentTerms {
        text: s.trim().to_string(),
        basis: "invoice_date".to_string(),
        ..Default::default()
    };
    let mut found = false;
    let w = |i: usize| match toks.get(i) {
        Some(Tok::Word(x)) => Some(x.as_str()),
        _ => None,
    };
    let num = |i: usize| match toks.get(i) {
        Some(Tok::Num(n)) => Some(*n),
        _ => None,
    };
    // XRechnung `#SKONTO#TAGE=14#PROZENT=2.00#`.
    if lower.contains("#skonto#") {
        for (i, tk) in toks.iter().enumerate() {
            if let Tok::Word(x) = tk {
                if x == "tage" {
                    t.discount_days = num(i + 1).and_then(to_u32);
                }
                if x == "prozent" {
                    t.discount_pct = num(i + 1);
                }
            }
        }
        return Some(t);
    }
    // `2/10 net 30`, `2/10, n/30`, `2% 10 net 30`, `1/10 EOM net 30`.
    for i in 0..toks.len() {
        let first = match toks.get(i) {
            Some(Tok::Num(n)) | Some(Tok::Pct(n)) => *n,
            _ => continue,
        };
        let (days_idx, ok) = match (toks.get(i + 1), toks.get(i + 2)) {
            (Some(Tok::Slash), Some(Tok::Num(_))) => (i + 2, true),
            (Some(Tok::Num(_)), _) if matches!(toks.get(i), Some(Tok::Pct(_))) => (i + 1, true),
            _ => (0, false),
        };
        if !ok || first > Decimal::from(10) || w(i.wrapping_sub(1)) == Some("n") {
            continue;
        }
        // The number after the slash must be followed by net terms to be a discount.
        let rest_has_net = toks[days_idx + 1..]
            .iter()
            .take(4)
            .any(|t| matches!(t, Tok::Word(x) if NET_WORDS.contains(&x.as_str()) || x == "eom"));
        if rest_has_net {
            t.discount_pct = Some(first);
            t.discount_days = num(days_idx).and_then(to_u32);
            found = true;
            break;
        }
    }
    // Skonto / discount with percent and days nearby.
    if t.discount_pct.is_none() {
        if let Some(pi) = toks.iter().position(|t| matches!(t, Tok::Pct(_))) {
            let near_discount = toks.iter().any(|t| {
                matches!(t, Tok::Word(x) if x == "skonto" || x == "discount" || x == "escompte" || x == "sconto")
            });
            if near_discount {
                if let Some(Tok::Pct(p)) = toks.get(pi) {
                    t.discount_pct = Some(*p);
                }
                // Days: the nearest `N days` to the percent.
                let mut best: Option<(usize, u32)> = None;
                for (i, tk) in toks.iter().enumerate() {
                    if let (Tok::Num(n), Some(Tok::Word(x))) = (tk, toks.get(i + 1)) {
                        let net_follows = matches!(toks.get(i + 2), Some(Tok::Word(n)) if NET_WORDS.contains(&n.as_str()));
                        if DAY_WORDS.contains(&x.as_str()) && !net_follows {
                            let dist = i.abs_diff(pi);
                            if best.is_none_or(|b| dist < b.0) {
                                best = to_u32(*n).map(|d| (dist, d));
                            }
                        }
                    }
                }
                t.discount_days = best.map(|b| b.1);
                found = true;
            }
        }
    }
    // Deposit: `30% deposit`, `30% advance`, `30% now`, `T/T 30% deposit`.
    for (i, tk) in toks.iter().enumerate() {
        if let Tok::Pct(p) = tk {
            if matches!(
                w(i + 1),
                Some(
                    "deposit"
                        | "advance"
                        | "now"
                        | "down"
                        | "upfront"
                        | "prepayment"
                        | "anzahlung"
                        | "with"
                )
            ) || matches!(w(i.wrapping_sub(1)), Some("deposit" | "advance"))
            {
                t.deposit_pct = Some(*p);
                found = true;
                break;
            }
        }
    }
    // Net days.
    let discount_days = t.discount_days;
    let mut net: Option<u32> = None;
    for i in 0..toks.len() {
        let n = match num(i) {
            Some(n) => n,
            None => continue,
        };
        let Some(d) = to_u32(n) else { continue };
        if d > 365 {
            continue;
        }
        let before = w(i.wrapping_sub(1));
        let after = w(i + 1);
        let after2 = w(i + 2);
        let is_discount_days = Some(d) == discount_days
            && toks[..i].iter().rev().take(4).any(|t| {
                matches!(t, Tok::Pct(_) | Tok::Slash)
                    || matches!(t, Tok::Word(x) if x == "skonto" || x == "discount")
            })
            && !matches!(before, Some("net" | "n" | "netto"));
        let discount_talk = toks
            .iter()
            .any(|t| matches!(t, Tok::Word(x) if x == "skonto" || x == "discount"));
        if is_discount_days
            || (Some(d) == discount_days
                && discount_talk
                && !matches!(before, Some("net" | "n" | "netto"))
                && !matches!(after2, Some("net" | "netto" | "nett")))
        {
            continue;
        }
        let prev_slash_n = matches!(toks.get(i.wrapping_sub(1)), Some(Tok::Slash))
            && matches!(w(i.wrapping_sub(2)), Some("n" | "net"));
        if matches!(before, Some("net" | "n" | "netto" | "nett")) || prev_slash_n {
            net = Some(d);
            break;
        }
        if after.is_some_and(|a| DAY_WORDS.contains(&a)) {
            // `30 days net`, `60 days EOM`, `innerhalb 30 Tagen netto`, `balance 60 days`.
            let skonto_context = matches!(after2, Some("skonto"))
                || (t.discount_pct.is_some()
                    && toks[i.saturating_sub(6)..i]
                        .iter()
                        .any(|t| matches!(t, Tok::Pct(_))));
            if !skonto_context || matches!(after2, Some("net" | "netto" | "nett")) {
                net = Some(d);
                if matches!(
                    after2,
                    Some("net" | "netto" | "nett" | "eom" | "end" | "fin" | "after" | "from")
                ) {
                    break;
                }
            }
        }
        if matches!(after, Some("tage" | "days")) && before == Some("d") {
            net = Some(d);
        }
    }
    // `N30`, `N60` written together.
    if net.is_none() {
        for tk in &toks {
            if let Tok::Word(_) = tk {
                continue;
            }
        }
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            if let Some(r) = word.strip_prefix('n') {
                if let Ok(d) = r.parse::<u32>() {
                    if (1..=365).contains(&d) {
                        net = Some(d);
                    }
                }
            }
        }
    }
    if net.is_some() {
        found = true;
    }
    t.net_days = net;
    // Basis.
    let has = |x: &str| toks.iter().any(|t| matches!(t, Tok::Word(y) if y == x));
    if lower.contains("following month")
        || lower.contains("end of next month")
        || lower.contains("folgemonat")
        || lower.contains("mois suivant")
        || lower.contains("mes siguiente")
        || lower.contains("mese successivo")
    {
        t.basis = "end_of_next_month".into();
        found = true;
    } else if has("eom")
        || has("fm")
        || has("dffm")
        || has("ffm")
        || lower.contains("end of month")
        || lower.contains("end of the month")
        || lower.contains("month end")
        || lower.contains("fin de mois")
        || lower.contains("fin de mes")
        || lower.contains("fine mese")
        || lower.contains("d.f.f.m")
        || lower.contains("f.m.")
        || lower.contains("monatsende")
        || lower.contains("monatsletzte")
        || lower.contains("ende des monats")
        || lower.contains("einde maand")
        || lower.contains("løbende måned")
        || lower.contains("löpande månad")
        || lower.contains("løpende måned")
        || lower.contains("fim do mês")
        || lower.contains("fim do mes")
        || lower.contains("月结")
    {
        t.basis = "end_of_month".into();
        found = true;
    } else if has("prox") || has("proximo") || has("mfi") {
        t.basis = "next_month_day".into();
        t.day_of_month = toks.iter().find_map(|t| match t {
            Tok::Num(n) => to_u32(*n).filter(|d| (1..=31).contains(d)),
            _ => None,
        });
        if has("mfi") {
            t.day_of_month = t.net_days.take();
        }
        found = true;
    }
    // Methods and immediate terms.
    if lower.contains("t/t")
        || has("tt")
        || lower.contains("telegraphic")
        || lower.contains("wire transfer")
    {
        t.method = Some("T/T".into());
        found = true;
        if lower.contains("shipment") || lower.contains("b/l") {
            t.basis = "documents".into();
        }
        if t.deposit_pct.is_none() {
            if let Some(Tok::Pct(p)) = toks.iter().find(|t| matches!(t, Tok::Pct(_))) {
                t.deposit_pct = Some(*p);
            }
        }
    }
    if lower.contains("l/c") || lower.contains("letter of credit") {
        t.method = Some("L/C".into());
        t.basis = "documents".into();
        if lower.contains("sight") {
            t.net_days.get_or_insert(0);
        }
        found = true;
    }
    if lower.contains("d/p") || lower.contains("documents against payment") {
        t.method = Some("D/P".into());
        t.basis = "documents".into();
        found = true;
    }
    if lower.contains("d/a") || lower.contains("documents against acceptance") {
        t.method = Some("D/A".into());
        t.basis = "documents".into();
        found = true;
    }
    if has("cod") || lower.contains("cash on delivery") {
        t.method = Some("COD".into());
        t.basis = "delivery".into();
        t.net_days = Some(0);
        found = true;
    }
    // "Freight prepay & add" is about freight, not about paying the goods in advance.
    let prepay_freight = [
        "prepay & add",
        "prepay and add",
        "prepaid & add",
        "prepaid and add",
        "ppd & add",
        "ppa",
    ]
    .iter()
    .any(|k| lower.contains(k))
        || lower.contains("freight") && lower.contains("prepa");
    if has("cia")
        || has("cwo")
        || has("pia")
        || lower.contains("in advance")
        || lower.contains("with order")
        || (lower.contains("prepay") || lower.contains("prepayment")) && !prepay_freight
        || lower.contains("vorkasse")
        || lower.contains("anticipado")
        || lower.contains("anticipato")
        || lower.contains("anticipé")
    {
        // Net days already read ("30 gg d.f.f.m., anticipato lo sconto"): those are the
        // terms; the advance wording qualifies them.
        let net_terms = t.net_days.is_some_and(|d| d > 0) && t.deposit_pct.is_none();
        if (t.deposit_pct.is_none() || t.method.is_none()) && !net_terms {
            t.method.get_or_insert_with(|| "CIA".into());
            t.basis = "order".into();
            if t.deposit_pct.is_none() && !lower.contains("balance") {
                t.deposit_pct = Some(Decimal::from(100));
                t.net_days = Some(0);
            }
        }
        found = true;
    }
    if lower.contains("due on receipt")
        || has("immediate")
        || lower.contains("sofort")
        || lower.contains("upon receipt")
    {
        t.net_days = Some(0);
        found = true;
    }
    found.then_some(t)
}

/// `F.O.B.` → `FOB`: dotted capital initials written together (only runs of exactly three
/// letters, so `U.S.A.` or an abbreviation like `e.g.` stays as it is).
fn undot_codes(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < c.len() {
        let run = i + 6 <= c.len()
            && (0..3).all(|k| {
                c.get(i + 2 * k).is_some_and(char::is_ascii_uppercase)
                    && c.get(i + 2 * k + 1) == Some(&'.')
            })
            && (i == 0 || !c[i - 1].is_alphanumeric() && c[i - 1] != '.')
            && !c
                .get(i + 6)
                .is_some_and(|x| x.is_ascii_alphabetic() && c.get(i + 7) == Some(&'.'));
        if run {
            out.extend([c[i], c[i + 2], c[i + 4]]);
            i += 6;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Words that start prose after a named place ("FOB Dallas, TX, prices firm …",
/// "FCA Stuttgart per Incoterms", "EXW Ningbo excluding packing").
const PLACE_STOP: &[&str] = &[
    "per",
    "as",
    "according",
    "acc",
    "incl",
    "including",
    "included",
    "excl",
    "excluding",
    "excluded",
    "via",
    "by",
    "with",
    "and",
    "or",
    "for",
    "prices",
    "price",
    "freight",
    "plus",
    "subject",
    "terms",
    "insurance",
    "packing",
    "delivery",
    "shipping",
    "lead",
    "payment",
    "valid",
    "all",
    "is",
    "are",
    "will",
    "be",
    "to",
    "not",
    "inkl",
    "zzgl",
    "gemäß",
    "gem",
    "ab",
    "lt",
    "laut",
    "frei",
    "escluso",
    "incluso",
    "según",
    "selon",
    "hors",
    "y",
    "e",
    "et",
    "und",
    "o",
    "oder",
    "ou",
    "pallet",
    "pallets",
];

/// A country or US/CA state that keeps its place with the city (`Dallas, TX`,
/// `Shenzhen, China`).
fn is_region(w: &str) -> bool {
    const COUNTRIES: &[&str] = &[
        "usa",
        "us",
        "uk",
        "china",
        "prc",
        "germany",
        "deutschland",
        "italy",
        "italia",
        "spain",
        "españa",
        "france",
        "mexico",
        "méxico",
        "canada",
        "taiwan",
        "japan",
        "korea",
        "india",
        "vietnam",
        "thailand",
        "malaysia",
        "netherlands",
        "poland",
        "austria",
        "switzerland",
        "schweiz",
        "belgium",
        "portugal",
        "brazil",
        "brasil",
        "turkey",
        "czechia",
        "hungary",
        "sweden",
        "denmark",
        "finland",
        "norway",
        "ireland",
        "singapore",
        "indonesia",
        "philippines",
        "israel",
        "romania",
        "slovakia",
        "slovenia",
        "croatia",
    ];
    let t = w.trim_matches(|c: char| !c.is_alphanumeric());
    (t.len() == 2 && t.chars().all(|c| c.is_ascii_uppercase()))
        || COUNTRIES.contains(&t.to_lowercase().as_str())
}

/// Finds an Incoterm and its named place: `FCA Shenzhen`, `DAP Stuttgart (Incoterms 2020)`,
/// `Incoterms: fob ningbo`, `F.O.B. Dallas, TX`. Codes must be upper case unless the text
/// says "Incoterm". The place keeps a state or country after a comma (`Dallas, TX`) and
/// stops at prose.
pub fn parse_incoterm(s: &str) -> Option<Incoterm> {
    let undotted = undot_codes(s);
    let s = undotted.as_str();
    let says_incoterm = s.to_lowercase().contains("incoterm");
    let words: Vec<(usize, &str)> = s
        .split_inclusive(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':' | '/')
        })
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len();
            Some((start, w))
        })
        .collect();
    for (idx, (_, raw)) in words.iter().enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if w.len() != 3 {
            continue;
        }
        let up = w.to_ascii_uppercase();
        let known =
            crate::terms::incoterm(&up).is_some() || INCOTERMS_RETIRED.contains(&up.as_str());
        if !known || (w != up && !says_incoterm) {
            continue;
        }
        // The named place: following words up to a clause break, prose or "Incoterms".
        let mut place = String::new();
        let mut rest = words.iter().skip(idx + 1).peekable();
        while let Some((_, nw)) = rest.next() {
            let clean = nw.trim();
            let word = clean.trim_end_matches([',', ';', ')', '(', ':', '.']);
            let lw = word.to_lowercase();
            if lw.starts_with("incoterm") || lw.is_empty() && !place.is_empty() {
                break;
            }
            if lw.is_empty() || matches!(word, "-" | "–" | "—") {
                if place.is_empty() {
                    continue;
                }
                break;
            }
            if word.chars().all(|c| c.is_ascii_digit()) && word.len() == 4 && place.is_empty() {
                continue;
            }
            if PLACE_STOP.contains(&lw.as_str()) && !place.is_empty() {
                break;
            }
            if !place.is_empty() {
                place.push(' ');
            }
            place.push_str(word);
            if raw.contains('\n') || nw.contains('\n') {
                break;
            }
            if clean.ends_with(',') {
                // `Dallas, TX` / `Shenzhen, China`: the region belongs to the place.
                if let Some((_, next)) = rest.clone().find(|(_, w)| !w.trim().is_empty()) {
                    let nt = next.trim();
                    let nword = nt.trim_end_matches([',', ';', ')', '(', ':', '.']);
                    if is_region(nword) {
                        place.push_str(", ");
                        place.push_str(nword);
                    }
                }
                break;
            }
            if clean.ends_with([';', ')', '(', '.']) {
                break;
            }
            if place.split(' ').count() >= 4 {
                break;
            }
        }
        let place = place
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        let version = s
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse::<u16>().ok())
            .find(|y| matches!(y, 1990 | 2000 | 2010 | 2020));
        return Some(Incoterm {
            retired: INCOTERMS_RETIRED.contains(&up.as_str()),
            code: up,
            place: (!place.is_empty()).then_some(place),
            version,
        });
    }
    None
}

/// A lead time as a range of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadTime {
    pub min_days: u32,
    pub max_days: u32,
}

/// Parses `6 wks ARO`, `4-6 weeks`, `stock`, `178 Days`, `22 Weeks`, `2 months`,
/// `10 working days`, `3 Wochen`. `default_unit_days` applies to a bare number (e.g. a
/// column headed "Lead time (weeks)" passes 7); without it a bare number is not read.
pub fn parse_lead_time(s: &str, default_unit_days: Option<u32>) -> Option<LeadTime> {
    let lower = s.trim().to_lowercase();
    if lower.is_empty() || lower.len() > 80 {
        return None;
    }
    if lower.contains("stock")
        || lower == "ex works stock"
        || lower.contains("lager")
        || lower == "immediate"
        || lower.contains("on hand")
    {
        let nums: Vec<u32> = numbers(&lower);
        if nums.is_empty() {
            return Some(LeadTime {
                min_days: 0,
                max_days: 0,
            });
        }
    }
    let nums = numbers(&lower);
    if nums.is_empty() || nums.len() > 2 {
        return None;
    }
    let unit = if lower.contains("wk")
        || lower.contains("week")
        || lower.contains("woche")
        || lower.contains("semaine")
        || lower.contains("settiman")
        || lower.contains("semana")
        || lower.contains("weken")
        || lower.contains("uge")
        || lower.contains("veck")
        || lower.contains("uke")
        || lower.contains("tyg")
        || lower.contains("viik")
        || lower.contains('周')
        || lower.contains('週')
        || lower.contains(" kw")
    {
        7
    } else if lower.contains("month")
        || lower.contains("monat")
        || lower.contains("mois")
        || lower.contains("mth")
    {
        30
    } else if lower.contains("working")
        || lower.contains("business")
        || lower.contains("werktag")
        || lower.contains("arbeitstag")
        || lower.contains("hábiles")
        || lower.contains("habiles")
        || lower.contains("lavorativ")
        || lower.contains("ouvrés")
        || lower.contains("ouvrables")
        || lower.contains("werkdag")
        || lower.contains("工作日")
    {
        // Five working days make a calendar week.
        return Some(LeadTime {
            min_days: nums[0].saturating_mul(7).div_ceil(5),
            max_days: nums
                .last()
                .copied()
                .unwrap_or(0)
                .saturating_mul(7)
                .div_ceil(5),
        });
    } else if lower.contains("day")
        || lower.contains("tag")
        || lower.contains("jour")
        || lower.contains("giorn")
        || lower.contains("día")
        || lower.contains("dias")
        || lower.contains("dage")
        || lower.contains("dagar")
        || lower.contains("dni")
        || lower.contains("päiv")
        || lower.contains('天')
        || lower.contains('日')
        || lower.ends_with('d')
    {
        1
    } else if let Some(d) = default_unit_days {
        // Only a bare number (no other words) takes the column's unit.
        if lower.chars().any(|c| c.is_alphabetic()) {
            return None;
        }
        d
    } else {
        return None;
    };
    let a = nums[0].saturating_mul(unit);
    let b = nums.last().copied().unwrap_or(0).saturating_mul(unit);
    Some(LeadTime {
        min_days: a.min(b),
        max_days: a.max(b),
    })
}

fn numbers(s: &str) -> Vec<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|x| !x.is_empty() && x.len() <= 5)
        .filter_map(|x| x.parse().ok())
        .collect()
}

const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("mär", 3),
    ("mai", 5),
    ("okt", 10),
    ("dez", 12),
    ("janv", 1),
    ("févr", 2),
    ("mars", 3),
    ("avr", 4),
    ("juin", 6),
    ("juil", 7),
    ("août", 8),
    ("déc", 12),
];

fn month_of(w: &str) -> Option<u32> {
    let l = w.to_lowercase();
    let l = l.trim_end_matches('.');
    if l.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .filter(|(m, _)| l.starts_with(m))
        .max_by_key(|(m, _)| m.len())
        .map(|(_, n)| *n)
}

/// Whether the document writes numeric dates month first (`03/31/2024`), decided from
/// every numeric date in it: a first number above 12 proves day-first, a second number
/// above 12 proves month-first. `None` when no date decides (or they disagree).
pub fn month_first_evidence<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<bool> {
    let (mut mf, mut df) = (false, false);
    for t in texts {
        for w in t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';')) {
            for sep in ['/', '-'] {
                let f: Vec<&str> = w
                    .trim_matches(|c: char| !c.is_ascii_digit())
                    .split(sep)
                    .collect();
                if f.len() != 3
                    || f[0].len() > 2
                    || !(f[2].len() == 4 || f[2].len() == 2)
                    || !f
                        .iter()
                        .all(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()))
                {
                    continue;
                }
                let a: u32 = f[0].parse().unwrap_or(0);
                let b: u32 = f[1].parse().unwrap_or(0);
                if a > 12 && b <= 12 {
                    df = true;
                } else if b > 12 && a <= 12 {
                    mf = true;
                }
            }
        }
    }
    match (mf, df) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// `2025年7月4日` (Japanese and Chinese): the numbers before 年, 月 and 日 (ASCII or
/// full-width digits).
fn cjk_date(s: &str) -> Option<NaiveDate> {
    let digits_before = |t: &str| -> Option<u32> {
        let rev: Vec<u32> = t
            .chars()
            .rev()
            .map_while(|c| {
                c.to_digit(10)
                    .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
            })
            .collect();
        if rev.is_empty() || rev.len() > 4 {
            return None;
        }
        Some(rev.iter().rev().fold(0, |n, d| n * 10 + d))
    };
    let y_at = s.find('年')?;
    let y = digits_before(&s[..y_at])?;
    let rest = &s[y_at + '年'.len_utf8()..];
    let m_at = rest.find('月')?;
    let m = digits_before(&rest[..m_at])?;
    let rest = &rest[m_at + '月'.len_utf8()..];
    let d_at = rest.find('日')?;
    let d = digits_before(&rest[..d_at])?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Finds the first date in `s`: `2024-03-31`, `31.03.2024`, `31/03/2024` (or `03/31/2024`
/// when `month_first`), `March 31, 2024`, `31 Mar 2024`, `31-Mar-24`, `20240331`.
pub fn find_date(s: &str, month_first: bool) -> Option<NaiveDate> {
    if let Some(d) = cjk_date(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let year = |y: i32| if y < 100 { 2000 + y } else { y };
    for (i, p) in parts.iter().enumerate() {
        let p = p.trim_matches(|c: char| !c.is_alphanumeric());
        // Numeric with separators.
        for sep in ['-', '.', '/'] {
            let f: Vec<&str> = p.split(sep).collect();
            if f.len() == 3
                && f.iter()
                    .all(|x| !x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit()))
            {
                let n: Vec<i32> = f.iter().filter_map(|x| x.parse().ok()).collect();
                if n.len() != 3 {
                    continue;
                }
                let d = if f[0].len() == 4 {
                    NaiveDate::from_ymd_opt(n[0], n[1] as u32, n[2] as u32)
                } else if sep != '.' && (month_first && n[0] <= 12 || n[1] > 12) {
                    NaiveDate::from_ymd_opt(year(n[2]), n[0] as u32, n[1] as u32)
                } else {
                    NaiveDate::from_ymd_opt(year(n[2]), n[1] as u32, n[0] as u32)
                };
                if d.is_some() {
                    return d;
                }
            }
            if f.len() == 3 && f[1].len() >= 3 {
                // 31-Mar-2024
                if let (Ok(d), Some(m), Ok(y)) =
                    (f[0].parse::<u32>(), month_of(f[1]), f[2].parse::<i32>())
                {
                    if let Some(x) = NaiveDate::from_ymd_opt(year(y), m, d) {
                        return Some(x);
                    }
                }
            }
        }
        if p.len() == 8
            && p.bytes().all(|b| b.is_ascii_digit())
            && (p.starts_with("19") || p.starts_with("20"))
        {
            let (y, m, d) = (&p[0..4], &p[4..6], &p[6..8]);
            if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
                if let Some(x) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Some(x);
                }
            }
        }
        if let Some(m) = month_of(p) {
            let num = |w: Option<&&str>| {
                w.and_then(|w| {
                    w.trim_matches(|c: char| !c.is_ascii_digit())
                        .parse::<i32>()
                        .ok()
                })
            };
            // March 31, 2024
            if let (Some(d), Some(y)) = (num(parts.get(i + 1)), num(parts.get(i + 2))) {
                if (1..=31).contains(&d) && y > 1900 {
                    if let Some(x) = NaiveDate::from_ymd_opt(y, m, d as u32) {
                        return Some(x);
                    }
                }
            }
            // 31 March 2024
            if let (Some(d), Some(y)) = (
                num(i.checked_sub(1).and_then(|j| parts.get(j))),
                num(parts.get(i + 1)),
            ) {
                if (1..=31).contains(&d) && y > 1900 {
                    if let Some(x) = NaiveDate::from_ymd_opt(y, m, d as u32) {
                        return Some(x);
                    }
                }
            }
        }
    }
    None
}

/// Validity: `valid for 30 days`, `validity: 60 days`, `valid until 31.03.2024`.
pub fn parse_validity(s: &str, month_first: bool) -> Option<(Option<NaiveDate>, Option<u32>)> {
    let lower = s.to_lowercase();
    let key = [
        "valid",
        "válid",
        "validez",
        "validità",
        "validade",
        "valable",
        "gültig",
        "geldig",
        "good for",
        "good through",
        "good thru",
        "good until",
        "firm thru",
        "firm through",
        "firm until",
        "firm for",
        "firm till",
        "expires",
        "expiry",
        "expiration",
        "offer open",
        "bindefrist",
        "gælder",
        "gäller",
        "gyldig",
        "ważna",
        "voimassa",
        "platnost nabídky",
        "angebotsbindung",
        "有效期",
    ];
    let k = key.iter().filter_map(|k| lower.find(k)).min()?;
    let rest = &s[k..];
    if let Some(d) = find_date(rest, month_first) {
        return Some((Some(d), None));
    }
    let toks = tokens(rest);
    for (i, t) in toks.iter().enumerate() {
        if let (Tok::Num(n), Some(Tok::Word(w))) = (t, toks.get(i + 1)) {
            if let Some(n) = to_u32(*n) {
                if DAY_WORDS.contains(&w.as_str()) {
                    return Some((None, Some(n)));
                }
                if w.starts_with("week") || w.starts_with("woche") {
                    return Some((None, Some(n.saturating_mul(7))));
                }
                if w.starts_with("month") || w.starts_with("monat") {
                    return Some((None, Some(n.saturating_mul(30))));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn pt(s: &str) -> PaymentTerms {
        parse_payment_terms(s).unwrap_or_else(|| panic!("no terms in {s}"))
    }

    #[test]
    fn payment_terms() {
        assert_eq!(pt("Net 30").net_days, Some(30));
        assert_eq!(pt("N60").net_days, Some(60));
        assert_eq!(pt("30 days net").net_days, Some(30));
        let t = pt("2/10 net 30");
        assert_eq!(
            (t.discount_pct, t.discount_days, t.net_days),
            (Some(dec!(2)), Some(10), Some(30))
        );
        let t = pt("2/10, n/30");
        assert_eq!(
            (t.discount_pct, t.discount_days, t.net_days),
            (Some(dec!(2)), Some(10), Some(30))
        );
        let t = pt("60 days EOM");
        assert_eq!((t.net_days, t.basis.as_str()), (Some(60), "end_of_month"));
        let t = pt("T/T 30% deposit, 70% before shipment");
        assert_eq!(
            (t.deposit_pct, t.method.as_deref()),
            (Some(dec!(30)), Some("T/T"))
        );
        let t = pt("Zahlbar innerhalb 30 Tagen netto bis 04.04.2018, 3% Skonto innerhalb 10 Tagen bis 15.03.2018");
        assert_eq!(
            (t.net_days, t.discount_pct, t.discount_days),
            (Some(30), Some(dec!(3)), Some(10))
        );
        let t = pt("Bei Zahlung innerhalb 14 Tagen gewähren wir 2,0% Skonto.");
        assert_eq!(
            (t.net_days, t.discount_pct, t.discount_days),
            (None, Some(dec!(2.0)), Some(14))
        );
        let t = pt("10th prox");
        assert_eq!(
            (t.basis.as_str(), t.day_of_month),
            ("next_month_day", Some(10))
        );
        assert!(parse_payment_terms("Thank you for your business").is_none());
    }

    #[test]
    fn incoterms() {
        let i = parse_incoterm("Delivery: FCA Shenzhen, Incoterms 2020").unwrap();
        assert_eq!(
            (i.code.as_str(), i.place.as_deref(), i.version),
            ("FCA", Some("Shenzhen"), Some(2020))
        );
        let i = parse_incoterm("DAP Stuttgart (Incoterms® 2020)").unwrap();
        assert_eq!(i.place.as_deref(), Some("Stuttgart"));
        assert!(parse_incoterm("conditions des ventes").is_none());
        assert!(parse_incoterm("DDU Hamburg").unwrap().retired);
        assert_eq!(parse_incoterm("Incoterms: fob Ningbo").unwrap().code, "FOB");
    }

    #[test]
    fn lead_times() {
        let d = |s| parse_lead_time(s, None).map(|l| l.max_days);
        assert_eq!(d("6 wks ARO"), Some(42));
        assert_eq!(d("4-6 weeks"), Some(42));
        assert_eq!(d("stock"), Some(0));
        assert_eq!(d("178 Days"), Some(178));
        assert_eq!(d("22 Weeks"), Some(154));
        assert_eq!(d("2 months"), Some(60));
        assert_eq!(d("10 working days"), Some(14));
        assert_eq!(d("3 Wochen"), Some(21));
        assert_eq!(d("12"), None);
        assert_eq!(parse_lead_time("12", Some(7)).map(|l| l.max_days), Some(84));
    }

    #[test]
    fn dates_and_validity() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(find_date("31.03.2024", false), d(2024, 3, 31));
        assert_eq!(find_date("on 2024-03-31.", false), d(2024, 3, 31));
        assert_eq!(find_date("March 31, 2024", false), d(2024, 3, 31));
        assert_eq!(find_date("31 Mar 2024", false), d(2024, 3, 31));
        assert_eq!(find_date("03/04/2024", true), d(2024, 3, 4));
        assert_eq!(find_date("03/04/2024", false), d(2024, 4, 3));
        assert_eq!(
            parse_validity("Quote valid for 30 days", false),
            Some((None, Some(30)))
        );
        assert_eq!(
            parse_validity("Valid until 31.03.2024", false),
            Some((d(2024, 3, 31), None))
        );
    }
}
