//! Matching quote lines to the RFQ they answer, and the RFQ-relative suspicion flags.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::{Extraction, QuoteLine, RfqMatch, Severity};

/// The RFQ as `bidwell extract --rfq` reads it (see docs/extract.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RfqSpec {
    /// The RFQ reference.
    #[serde(default)]
    pub rfq: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    pub lines: Vec<RfqLine>,
}

/// One RFQ line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RfqLine {
    /// The line id (`"10"`, `"1"`…).
    pub line: String,
    pub part_number: String,
    #[serde(default)]
    pub revision: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// The quantity breaks asked for.
    #[serde(default)]
    pub quantities: Vec<Decimal>,
    /// The supplier's part number, when known from earlier business.
    #[serde(default)]
    pub supplier_part: Option<String>,
    #[serde(default)]
    pub uom: Option<String>,
    /// The last price paid per ONE unit, for the "~100× off" check.
    #[serde(default)]
    pub last_price: Option<Decimal>,
    /// The buyer's target price per ONE unit, when the RFQ carries one.
    #[serde(default, alias = "target")]
    pub target_price: Option<Decimal>,
    /// The buyer's should-cost estimate per ONE unit, when known.
    #[serde(default)]
    pub should_cost: Option<Decimal>,
}

impl RfqLine {
    /// The buyer's reference prices for this line (last paid, target, should-cost).
    pub fn reference_prices(&self) -> Vec<Decimal> {
        [self.last_price, self.target_price, self.should_cost]
            .into_iter()
            .flatten()
            .filter(|p| *p > Decimal::ZERO)
            .collect()
    }
}

/// Part numbers compare without case, spaces, dashes, dots or slashes.
pub fn norm_part(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

fn words(s: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "with", "of", "to", "in", "per", "pcs", "pc", "ea", "each", "und",
        "mit", "für", "de", "la", "le", "et", "el", "y", "con", "per", "di", "da", "en", "x",
    ];
    let mut out: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How well a quote description matches an RFQ description, 0–100: the smaller of the
/// shares of each side's words found in the other, so a long catalogue text that merely
/// contains "bracket" does not match "Bracket zinc plated", nor does a short one.
fn description_overlap(rfq: &str, quote: &str) -> u32 {
    let a = words(rfq);
    let b = words(quote);
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let hit = a.iter().filter(|w| b.contains(w)).count();
    // One shared word is never enough evidence, however short both texts are.
    if hit < 2 && !(a.len() == 1 && b.len() == 1 && hit == 1) {
        return 0;
    }
    let ra = hit * 100 / a.len();
    let rb = hit * 100 / b.len();
    u32::try_from(ra.min(rb)).unwrap_or(0)
}

/// A description match strong enough to stand without a part number.
const STRONG_DESCRIPTION: u32 = 70;

/// `BRK-2208-A` is a variant of `BRK2208` (a short suffix), `XBRK2208` is not.
fn variant_of(pn: &str, rp: &str) -> bool {
    rp.len() >= 4 && pn.starts_with(rp) && pn.len() - rp.len() <= 3
}

/// Matches every line of `ex` to `rfq`, and adds the RFQ-relative diagnostics:
/// `rfq.revision_mismatch`, `rfq.breaks_differ`, `rfq.unmatched_line`, `rfq.line_not_quoted`.
pub fn match_rfq(ex: &mut Extraction, rfq: &RfqSpec) {
    let mut quoted = vec![false; rfq.lines.len()];
    let mut diags: Vec<LineDiag> = Vec::new();
    // Description-only candidates (line, rfq line, score), decided after every line is seen.
    let mut desc_candidates: Vec<(usize, usize, u32)> = Vec::new();
    for (li, line) in ex.lines.iter_mut().enumerate() {
        let pn = line
            .part_number
            .as_deref()
            .map(norm_part)
            .unwrap_or_default();
        let sp = line
            .supplier_part
            .as_deref()
            .map(norm_part)
            .unwrap_or_default();
        let alt = line.alternate.as_deref().map(norm_part).unwrap_or_default();
        let mut found: Option<(usize, &str)> = None;
        for (ri, r) in rfq.lines.iter().enumerate() {
            let rp = norm_part(&r.part_number);
            let rsp = r
                .supplier_part
                .as_deref()
                .map(norm_part)
                .unwrap_or_default();
            if !rp.is_empty() && (pn == rp || sp == rp) {
                found = Some((ri, "part_number"));
                break;
            }
            if !rsp.is_empty() && (sp == rsp || pn == rsp) {
                found = Some((ri, "supplier_part"));
                break;
            }
        }
        if found.is_none() {
            // An alternate names the RFQ part it replaces as a word of its note, or is a
            // variant of it (`BRK-2208-A` for `BRK-2208`).
            let alt_tokens: Vec<String> = line
                .alternate
                .as_deref()
                .unwrap_or("")
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
                .map(norm_part)
                .filter(|t| !t.is_empty())
                .collect();
            let _ = &alt;
            for (ri, r) in rfq.lines.iter().enumerate() {
                let rp = norm_part(&r.part_number);
                if rp.len() >= 4 && (alt_tokens.contains(&rp) || variant_of(&pn, &rp)) {
                    found = Some((ri, "alternate_of"));
                    break;
                }
            }
        }
        if found.is_none() {
            if let Some(desc) = line.description.as_deref() {
                let mut scored: Vec<(usize, u32)> = rfq
                    .lines
                    .iter()
                    .enumerate()
                    .filter_map(|(ri, r)| {
                        r.description
                            .as_deref()
                            .map(|d| (ri, description_overlap(d, desc)))
                    })
                    .filter(|x| x.1 >= STRONG_DESCRIPTION)
                    .collect();
                scored.sort_by_key(|x| std::cmp::Reverse(x.1));
                // Two RFQ lines fit as well: the words do not say which.
                let clear = match scored.as_slice() {
                    [one] => Some(*one),
                    [a, b, ..] if a.1 > b.1 => Some(*a),
                    _ => None,
                };
                if let Some((ri, score)) = clear {
                    desc_candidates.push((li, ri, score));
                    continue;
                }
            }
        }
        let Some((ri, reason)) = found else {
            diags.push((
                li,
                "rfq.unmatched_line",
                Severity::Warning,
                "quote line matches no RFQ line".to_string(),
            ));
            continue;
        };
        quoted[ri] = true;
        apply_match(line, li, &rfq.lines[ri], reason, &mut diags);
    }
    // Description-only matches: an RFQ line already answered by part number takes none,
    // and of several lines describing one RFQ line only the single best one matches (a
    // price list sharing the words "hex bolt" with the RFQ is not ten thousand answers).
    #[allow(clippy::needless_range_loop)] // `quoted` is read and written per RFQ line
    for ri in 0..rfq.lines.len() {
        let mut cands: Vec<(usize, u32)> = desc_candidates
            .iter()
            .filter(|c| c.1 == ri)
            .map(|c| (c.0, c.2))
            .collect();
        cands.sort_by_key(|c| std::cmp::Reverse(c.1));
        let winner = match cands.as_slice() {
            _ if quoted[ri] => None,
            [one] => Some(one.0),
            [a, b, ..] if a.1 > b.1 => Some(a.0),
            _ => None,
        };
        for (li, _) in &cands {
            if Some(*li) == winner {
                quoted[ri] = true;
                apply_match(
                    &mut ex.lines[*li],
                    *li,
                    &rfq.lines[ri],
                    "description",
                    &mut diags,
                );
            } else {
                diags.push((
                    *li,
                    "rfq.unmatched_line",
                    Severity::Warning,
                    "quote line matches no RFQ line (its description fits one, but not uniquely)"
                        .to_string(),
                ));
            }
        }
    }
    // "All other items: no quote": every RFQ line not answered is a no-bid line.
    if let Some(loc) = ex.blanket_no_bid.clone() {
        for (ri, q) in quoted.iter_mut().enumerate() {
            if *q {
                continue;
            }
            *q = true;
            let r = &rfq.lines[ri];
            let mut line = QuoteLine {
                part_number: Some(r.part_number.clone()),
                description: r.description.clone(),
                price_basis_qty: Decimal::ONE,
                no_bid: true,
                no_bid_reason: Some("all other items: no quote".into()),
                rfq_line: Some(RfqMatch {
                    line: r.line.clone(),
                    reason: "blanket_no_bid".into(),
                }),
                confidence: 70,
                ..Default::default()
            };
            line.provenance.insert("no_bid".into(), loc.clone());
            ex.lines.push(line);
        }
    }
    for (ri, q) in quoted.iter().enumerate() {
        if !q {
            ex.diag(
                "rfq.line_not_quoted",
                Severity::Warning,
                format!(
                    "RFQ line {} ({}) has no quote line",
                    rfq.lines[ri].line, rfq.lines[ri].part_number
                ),
                None,
            );
        }
    }
    for (li, code, sev, msg) in diags {
        let loc = ex.lines[li].provenance.values().next().cloned();
        ex.diag(code, sev, msg, loc);
        if let Some(d) = ex.diagnostics.last_mut() {
            d.line_index = Some(li);
        }
    }
}

type LineDiag = (usize, &'static str, Severity, String);

/// Records that quote line `li` answers RFQ line `r`, and the RFQ-relative findings.
fn apply_match(
    line: &mut QuoteLine,
    li: usize,
    r: &RfqLine,
    reason: &str,
    diags: &mut Vec<LineDiag>,
) {
    line.rfq_line = Some(RfqMatch {
        line: r.line.clone(),
        reason: reason.to_string(),
    });
    if reason == "description" {
        line.confidence = line.confidence.saturating_sub(15);
    }
    if let (Some(want), Some(got)) = (r.revision.as_deref(), line.revision.as_deref()) {
        if norm_part(want) != norm_part(got) {
            diags.push((
                li,
                "rfq.revision_mismatch",
                Severity::Warning,
                format!("quoted revision {got}, RFQ asks for {want}"),
            ));
        }
    }
    if !r.quantities.is_empty() && !line.breaks.is_empty() && !line.no_bid {
        let mut got: Vec<Decimal> = line.breaks.iter().map(|b| b.min_qty.normalize()).collect();
        let mut want: Vec<Decimal> = r.quantities.iter().map(|q| q.normalize()).collect();
        got.sort();
        want.sort();
        if got != want && !(got.len() == 1 && line.quantity.is_some()) {
            diags.push((
                li,
                "rfq.breaks_differ",
                Severity::Info,
                format!("quoted breaks {got:?}, RFQ asks for {want:?}"),
            ));
        }
    }
}
