//! "Re-quote an old PDF in minutes": the lines extracted from last year's quote, PO or
//! invoice become draft RFQ lines against the parts catalogue's current revisions;
//! what cannot be matched is listed for a person to resolve, never guessed.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::extract::{Extraction, Location};

/// A part as the catalogue knows it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub part_id: String,
    pub number: String,
    pub name: String,
    /// The revision to quote now (newest released, else newest).
    pub current_revision: String,
}

/// An extracted line that became an RFQ line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Planned {
    pub part_id: String,
    pub part_number: String,
    pub revision: String,
    pub quantities: Vec<Decimal>,
    /// How it was matched, for the person reviewing the draft.
    pub reason: String,
    /// Notes such as a revision change since the old document.
    pub notes: Vec<String>,
    pub source: Option<Location>,
}

/// An extracted line left for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unmatched {
    pub part_number: Option<String>,
    pub description: Option<String>,
    pub reason: String,
    pub source: Option<Location>,
}

/// The outcome of matching a document against the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Plan {
    pub lines: Vec<Planned>,
    pub unmatched: Vec<Unmatched>,
}

/// Part numbers compare without case, spaces, dashes, dots or slashes: `brk 2208` = `BRK-2208`.
pub fn normalize_number(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Matches every extracted line to the catalogue.
pub fn plan(x: &Extraction, catalogue: &[CatalogueEntry]) -> Plan {
    let mut out = Plan::default();
    for l in &x.lines {
        let source = l
            .provenance
            .get("part_number")
            .or_else(|| l.provenance.values().next())
            .cloned();
        let by_number = |n: &Option<String>| {
            n.as_deref()
                .map(normalize_number)
                .filter(|n| !n.is_empty())
                .and_then(|n| catalogue.iter().find(|c| normalize_number(&c.number) == n))
        };
        let by_name = || {
            l.description
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .and_then(|d| {
                    let hits: Vec<&CatalogueEntry> = catalogue
                        .iter()
                        .filter(|c| c.name.eq_ignore_ascii_case(d))
                        .collect();
                    (hits.len() == 1).then(|| hits[0])
                })
        };
        let found = by_number(&l.part_number)
            .map(|c| (c, "our part number"))
            .or_else(|| {
                by_number(&l.supplier_part).map(|c| (c, "the supplier's part number equals ours"))
            })
            .or_else(|| by_name().map(|c| (c, "the description equals the part name")));
        let Some((entry, reason)) = found else {
            out.unmatched.push(Unmatched {
                part_number: l.part_number.clone().or_else(|| l.supplier_part.clone()),
                description: l.description.clone(),
                reason: "no part in the catalogue has this number or name".into(),
                source,
            });
            continue;
        };
        let mut quantities: Vec<Decimal> = l
            .breaks
            .iter()
            .map(|b| b.min_qty.normalize())
            .filter(|q| *q > Decimal::ZERO)
            .collect();
        if quantities.is_empty() {
            quantities.extend(
                l.quantity
                    .filter(|q| *q > Decimal::ZERO)
                    .map(|q| q.normalize()),
            );
        }
        quantities.sort();
        quantities.dedup();
        let mut notes = Vec::new();
        if quantities.is_empty() {
            quantities.push(Decimal::ONE);
            notes.push(
                "the document gives no quantity: 1 assumed, please set the breaks".to_string(),
            );
        }
        if let Some(old) = l
            .revision
            .as_deref()
            .filter(|r| !r.eq_ignore_ascii_case(&entry.current_revision))
        {
            notes.push(format!(
                "the document quoted rev {old}; the current revision is {}",
                entry.current_revision
            ));
        }
        if let Some(d) = out.lines.iter_mut().find(|p| p.part_id == entry.part_id) {
            // The same part twice (e.g. one row per break): merge the quantities.
            d.quantities.extend(quantities);
            d.quantities.sort();
            d.quantities.dedup();
            continue;
        }
        out.lines.push(Planned {
            part_id: entry.part_id.clone(),
            part_number: entry.number.clone(),
            revision: entry.current_revision.clone(),
            quantities,
            reason: format!("matched by {reason}"),
            notes,
            source,
        });
    }
    out
}

#[cfg(all(test, feature = "extract"))]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractInput};

    fn catalogue() -> Vec<CatalogueEntry> {
        vec![
            CatalogueEntry {
                part_id: "p1".into(),
                number: "BRK-2208".into(),
                name: "Mounting bracket".into(),
                current_revision: "B".into(),
            },
            CatalogueEntry {
                part_id: "p2".into(),
                number: "HSG-1040".into(),
                name: "Sensor housing".into(),
                current_revision: "C".into(),
            },
        ]
    }

    fn run(text: &str) -> Plan {
        let x = extract(&ExtractInput {
            file_name: "old.csv".into(),
            bytes: text.as_bytes().to_vec(),
            rfq: None,
            memory: None,
        });
        plan(&x, &catalogue())
    }

    #[test]
    fn lines_match_by_number_and_the_rest_is_listed() {
        let p = run("Part number,Description,Rev,Qty,Unit price\nbrk 2208,Bracket,A,1000,0.61\nXYZ-9,Unknown widget,,50,3.20\nHSG-1040,Housing,C,250,12.50\n");
        assert_eq!(p.lines.len(), 2, "{p:?}");
        assert_eq!(p.lines[0].part_number, "BRK-2208");
        assert_eq!(p.lines[0].revision, "B");
        assert_eq!(p.lines[0].quantities, vec![Decimal::from(1000)]);
        assert!(
            p.lines[0].notes[0].contains("quoted rev A; the current revision is B"),
            "{:?}",
            p.lines[0].notes
        );
        assert!(p.lines[0].source.is_some());
        assert_eq!(p.unmatched.len(), 1);
        assert_eq!(p.unmatched[0].part_number.as_deref(), Some("XYZ-9"));
    }

    #[test]
    fn normalization_ignores_punctuation_and_case() {
        assert_eq!(normalize_number(" brk-2208/a "), "BRK2208A");
        assert_eq!(normalize_number("BRK.2208"), normalize_number("brk 2208"));
    }
}
