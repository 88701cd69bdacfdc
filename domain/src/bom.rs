//! Bills of materials: a parent revision lists child parts with quantities per parent.
//! Exploding a BOM into RFQ lines multiplies each child's quantity by the parent build
//! quantities; a BOM must never contain its own parent, however deep.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

/// Child quantities for each parent build quantity: `per_parent × build`, in order.
pub fn child_quantities(per_parent: Decimal, builds: &[Decimal]) -> Vec<Decimal> {
    builds
        .iter()
        // Beyond `Decimal` the product saturates; the RFQ line's quantity check then
        // refuses it with a field error instead of a panic (issue 10).
        .map(|b| {
            per_parent
                .checked_mul(*b)
                .unwrap_or(Decimal::MAX)
                .normalize()
        })
        .collect()
}

/// Whether adding `child` under `parent` closes a loop, given `uses`: part → parts its
/// current BOMs list. True when `child` is `parent` or (transitively) uses `parent`.
pub fn creates_cycle(uses: &BTreeMap<String, BTreeSet<String>>, parent: &str, child: &str) -> bool {
    let mut stack = vec![child.to_string()];
    let mut seen = BTreeSet::new();
    while let Some(p) = stack.pop() {
        if p == parent {
            return true;
        }
        if seen.insert(p.clone()) {
            if let Some(next) = uses.get(&p) {
                stack.extend(next.iter().cloned());
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explode_multiplies_by_each_build() {
        let b = [Decimal::from(100), Decimal::from(500)];
        assert_eq!(
            child_quantities(Decimal::new(25, 1), &b),
            vec![Decimal::from(250), Decimal::from(1250)]
        );
    }

    #[test]
    fn cycles_are_found_at_any_depth() {
        let mut uses = BTreeMap::new();
        uses.insert("A".to_string(), BTreeSet::from(["B".to_string()]));
        uses.insert("B".to_string(), BTreeSet::from(["C".to_string()]));
        assert!(creates_cycle(&uses, "C", "A"), "C → A → B → C");
        assert!(creates_cycle(&uses, "A", "A"));
        assert!(!creates_cycle(&uses, "A", "D"));
        assert!(!creates_cycle(&uses, "D", "A"));
    }
}
