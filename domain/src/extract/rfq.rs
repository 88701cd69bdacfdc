//! Matching quote lines to the RFQ they answer, and the RFQ-relative suspicion flags.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::{Extraction, RfqMatch, Severity};

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
}

/// Part numbers compare without case, spaces, dashes, dots or slashes.
pub fn norm_part(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// Share of the RFQ description's words found in the quote's description (0–100).
fn description_overlap(rfq: &str, quote: &str) -> u32 {
    let a = words(rfq);
    let b = words(quote);
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let hit = a.iter().filter(|w| b.contains(w)).count();
    u32::try_from(hit * 100 / a.len()).unwrap_or(0)
}

/// Matches every line of `ex` to `rfq`, and adds the RFQ-relative diagnostics:
/// `rfq.revision_mismatch`, `rfq.breaks_differ`, `rfq.unmatched_line`, `rfq.line_not_quoted`.
pub fn match_rfq(ex: &mut Extraction, rfq: &RfqSpec) {
    let mut quoted = vec![false; rfq.lines.len()];
    let mut diags = Vec::new();
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
            for (ri, r) in rfq.lines.iter().enumerate() {
                let rp = norm_part(&r.part_number);
                if !rp.is_empty()
                    && rp.len() >= 4
                    && (alt.contains(&rp) || (!pn.is_empty() && pn.contains(&rp)))
                {
                    found = Some((ri, "alternate_of"));
                    break;
                }
            }
        }
        if found.is_none() {
            if let Some(desc) = line.description.as_deref() {
                let best = rfq
                    .lines
                    .iter()
                    .enumerate()
                    .filter_map(|(ri, r)| {
                        r.description
                            .as_deref()
                            .map(|d| (ri, description_overlap(d, desc)))
                    })
                    .max_by_key(|x| x.1);
                if let Some((ri, score)) = best.filter(|b| b.1 >= 60) {
                    found = Some((ri, "description"));
                    let _ = score;
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
        let r = &rfq.lines[ri];
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
