//! Supplier master data rules: certificate validity, status values, categories.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days before expiry when a certificate starts to need attention.
pub const CERT_WARNING_DAYS: i64 = 60;

/// Where a certificate stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CertStatus {
    Valid,
    /// Expires within [`CERT_WARNING_DAYS`].
    Expiring,
    Expired,
    /// No expiry date recorded.
    Unknown,
}

/// The status of a certificate expiring on `expires_on`, as of `today`.
pub fn cert_status(expires_on: Option<NaiveDate>, today: NaiveDate) -> CertStatus {
    match expires_on {
        None => CertStatus::Unknown,
        Some(d) if d < today => CertStatus::Expired,
        Some(d) if (d - today).num_days() <= CERT_WARNING_DAYS => CertStatus::Expiring,
        Some(_) => CertStatus::Valid,
    }
}

/// Supplier approval statuses. A blocked supplier cannot be invited to RFQs.
pub const STATUSES: [&str; 3] = ["approved", "conditional", "blocked"];

/// Whether a supplier of this approval status may be invited to an RFQ: not a blocked one.
pub fn may_invite(status: &str) -> Result<(), &'static str> {
    if status == "blocked" {
        Err("this supplier is blocked and cannot be invited")
    } else {
        Ok(())
    }
}

/// Who can still be invited to an RFQ, from `(id, status)` of every supplier: those not
/// invited yet, each with whether it may be ([`may_invite`]).
pub fn invite_candidates<'a>(
    suppliers: impl IntoIterator<Item = (&'a str, &'a str)>,
    invited: &[String],
) -> Vec<(&'a str, Result<(), &'static str>)> {
    suppliers
        .into_iter()
        .filter(|(id, _)| !invited.iter().any(|i| i == id))
        .map(|(id, status)| (id, may_invite(status)))
        .collect()
}

/// Normalizes a category list: trimmed, lower case, no empties, sorted, unique.
pub fn normalize_categories(cats: &[String]) -> Vec<String> {
    let mut v: Vec<String> = cats
        .iter()
        .map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn certificate_status_by_date() {
        let today = d("2026-11-23");
        assert_eq!(
            cert_status(Some(d("2026-11-22")), today),
            CertStatus::Expired
        );
        assert_eq!(
            cert_status(Some(d("2026-11-23")), today),
            CertStatus::Expiring
        );
        assert_eq!(
            cert_status(Some(d("2027-01-22")), today),
            CertStatus::Expiring
        );
        assert_eq!(cert_status(Some(d("2027-01-23")), today), CertStatus::Valid);
        assert_eq!(cert_status(None, today), CertStatus::Unknown);
    }

    /// Issue 11: the RFQ page offered an empty "Invite supplier" menu; it asks this.
    #[test]
    fn who_can_still_be_invited() {
        let all = [("a", "approved"), ("b", "blocked"), ("c", "conditional")];
        let c = invite_candidates(all, &["a".to_string()]);
        assert_eq!(
            c,
            vec![
                ("b", Err("this supplier is blocked and cannot be invited")),
                ("c", Ok(()))
            ]
        );
        let none = invite_candidates(all, &["a".into(), "c".into()]);
        assert!(
            none.iter().all(|(_, ok)| ok.is_err()),
            "only the blocked one left"
        );
    }

    #[test]
    fn categories_are_normalized() {
        let c = vec![
            " Stamping".to_string(),
            "machining".into(),
            "stamping".into(),
            " ".into(),
        ];
        assert_eq!(normalize_categories(&c), vec!["machining", "stamping"]);
    }
}
