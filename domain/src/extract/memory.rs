//! Per-supplier column-mapping memory. When a person corrects how a table's columns map
//! to fields, the correction is stored under (supplier, layout fingerprint); the next file
//! with the same layout from the same supplier maps itself. Serializable so the app can
//! keep it in IndexedDB and the server in its database.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::table::ColumnRole;

/// Learned column mappings, keyed by `supplier` + `\u{1f}` + `fingerprint`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MappingMemory {
    pub layouts: BTreeMap<String, Vec<Option<ColumnRole>>>,
}

/// Normalises a supplier name for keying: case, spaces and punctuation do not matter.
pub fn supplier_key(supplier: Option<&str>) -> String {
    supplier
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The fingerprint of a header row: a hash over the normalised cell texts, so the same
/// layout with other data (or other whitespace/case) has the same fingerprint.
pub fn fingerprint(header: &[String]) -> String {
    let mut h = Sha256::new();
    for cell in header {
        let norm: String = cell
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        h.update(norm.as_bytes());
        h.update([0x1f]);
    }
    hex::encode(&h.finalize()[..8])
}

impl MappingMemory {
    fn key(supplier: Option<&str>, fingerprint: &str) -> String {
        format!("{}\u{1f}{}", supplier_key(supplier), fingerprint)
    }
    /// Records a person's correction of a layout's column roles.
    pub fn learn(
        &mut self,
        supplier: Option<&str>,
        fingerprint: &str,
        roles: Vec<Option<ColumnRole>>,
    ) {
        self.layouts.insert(Self::key(supplier, fingerprint), roles);
    }
    /// The remembered roles for this supplier's layout; falls back to a mapping learned
    /// without a supplier name.
    pub fn lookup(
        &self,
        supplier: Option<&str>,
        fingerprint: &str,
    ) -> Option<&Vec<Option<ColumnRole>>> {
        self.layouts
            .get(&Self::key(supplier, fingerprint))
            .or_else(|| self.layouts.get(&Self::key(None, fingerprint)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_case_and_spacing() {
        let a = fingerprint(&["Part No.".into(), "Unit Price".into()]);
        let b = fingerprint(&["part no".into(), "UNITPRICE".into()]);
        assert_eq!(a, b);
        assert_ne!(a, fingerprint(&["Part".into(), "Price".into()]));
    }

    #[test]
    fn learn_and_lookup() {
        let mut m = MappingMemory::default();
        m.learn(
            Some("ACME Corp."),
            "f1",
            vec![Some(ColumnRole::PartNumber), None],
        );
        assert!(m.lookup(Some("acme corp"), "f1").is_some());
        assert!(m.lookup(Some("Other"), "f1").is_none());
        let json = serde_json::to_string(&m).unwrap_or_default();
        let back: MappingMemory = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, m);
    }
}
