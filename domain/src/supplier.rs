//! Supplier master data rules: certificate validity, status values, categories.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days before expiry when a certificate starts to need attention.
pub const CERT_WARNING_DAYS: i64 = 60;

/// Where a certificate stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
