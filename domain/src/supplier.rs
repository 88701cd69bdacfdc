//! Supplier master data rules: the supplier's own fields (name, country, currency,
//! status), contacts and certificates as both the server and the app's forms check them
//! (issue 11: one check, so a form never accepts what the server refuses), certificate
//! validity, who may be invited, categories.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Currency;
use crate::validate::{self, FieldErrors};

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

/// Most categories one supplier has, and the longest one, in characters (issue 10,
/// outside probe L).
pub const MAX_CATEGORIES: usize = 50;
pub const MAX_CATEGORY: usize = 64;

/// Checks and normalizes a supplier's categories ([`normalize_categories`]) within
/// [`MAX_CATEGORIES`] and [`MAX_CATEGORY`].
pub fn check_categories(cats: &[String]) -> Result<Vec<String>, FieldErrors> {
    let mut e = FieldErrors::new();
    if validate::max_items(
        &mut e,
        "categories",
        cats.len(),
        MAX_CATEGORIES,
        "categories",
    ) {
        for (i, c) in cats.iter().enumerate() {
            validate::max_chars(&mut e, &format!("categories[{i}]"), c.trim(), MAX_CATEGORY);
        }
    }
    e.into_result()?;
    Ok(normalize_categories(cats))
}

/// Longest supplier, contact or certificate name, in characters.
pub const MAX_NAME: usize = 200;

/// ISO 3166-1 alpha-2: every officially assigned country code.
const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN \
BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES \
ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR \
IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO \
MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE \
RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW \
TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// A country: an assigned ISO 3166-1 alpha-2 code, any case. Returns it in upper case.
pub fn country(errors: &mut FieldErrors, field: &str, value: &str) -> String {
    let code = value.trim().to_ascii_uppercase();
    let assigned = code.len() == 2
        && code.chars().all(|c| c.is_ascii_uppercase())
        && ISO_3166_ALPHA2.split_whitespace().any(|c| c == code);
    if !assigned {
        errors.add(
            field,
            "use a two-letter ISO 3166 country code such as DE or US",
        );
    }
    code
}

/// A supplier's own fields as typed (form, request body, import row).
#[derive(Debug, Clone, Copy, Default)]
pub struct SupplierInput<'a> {
    pub name: &'a str,
    pub country: &'a str,
    pub currency: &'a str,
    /// `None` or blank: `approved`.
    pub status: Option<&'a str>,
}

/// A supplier's fields, checked and normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierFields {
    pub name: String,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    pub currency: Currency,
    /// One of [`STATUSES`].
    pub status: String,
}

/// Checks a supplier: a name, an assigned country code, a payable currency, a known
/// status. Errors are keyed `name`, `country`, `currency`, `status`.
pub fn check(s: &SupplierInput<'_>) -> Result<SupplierFields, FieldErrors> {
    let mut e = FieldErrors::new();
    validate::required(&mut e, "name", s.name, MAX_NAME);
    let country = country(&mut e, "country", s.country);
    let currency = validate::currency(&mut e, "currency", s.currency);
    let status = s
        .status
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("approved")
        .to_lowercase();
    if !STATUSES.contains(&status.as_str()) {
        e.add("status", "one of approved, conditional, blocked");
    }
    match (e.into_result(), currency) {
        (Ok(()), Some(currency)) => Ok(SupplierFields {
            name: s.name.trim().to_string(),
            country,
            currency,
            status,
        }),
        (Err(e), _) => Err(e),
        // An unknown currency always added an error above.
        (Ok(()), None) => Err(FieldErrors::new()),
    }
}

/// A contact: a name and an e-mail address. Errors keyed `name`, `email`; returns the
/// trimmed name and the lower-cased address.
pub fn check_contact(name: &str, email: &str) -> Result<(String, String), FieldErrors> {
    let mut e = FieldErrors::new();
    validate::required(&mut e, "name", name, MAX_NAME);
    validate::email(&mut e, "email", email);
    e.into_result()
        .map(|()| (name.trim().to_string(), email.trim().to_lowercase()))
}

/// A certificate: a name and, if given, an expiry date (`YYYY-MM-DD`). Errors keyed
/// `name`, `expires_on`.
pub fn check_certificate(
    name: &str,
    expires_on: Option<&str>,
) -> Result<Option<NaiveDate>, FieldErrors> {
    let mut e = FieldErrors::new();
    validate::required(&mut e, "name", name, MAX_NAME);
    let date = match expires_on.map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match d.parse::<NaiveDate>() {
            Ok(d) => Some(d),
            Err(_) => {
                e.add("expires_on", "a date like 2027-06-30");
                None
            }
        },
    };
    e.into_result().map(|()| date)
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

    /// Issue 11: the form accepted a one-letter country the server refused; both ask this.
    #[test]
    fn supplier_fields_are_checked_once() {
        let ok = check(&SupplierInput {
            name: " Kestrel ",
            country: " de",
            currency: "eur",
            status: None,
        })
        .unwrap();
        assert_eq!(
            ok,
            SupplierFields {
                name: "Kestrel".into(),
                country: "DE".into(),
                currency: Currency::from_code("EUR").unwrap(),
                status: "approved".into(),
            }
        );
        let keys = |s: SupplierInput<'_>| check(&s).unwrap_err().0.into_keys().collect::<Vec<_>>();
        let base = SupplierInput {
            name: "K",
            country: "SE",
            currency: "SEK",
            status: Some("Blocked"),
        };
        assert!(check(&base).is_ok());
        for bad in ["D", "DEU", "Germany", "XX", "ZZ", "D1", ""] {
            assert_eq!(
                keys(SupplierInput {
                    country: bad,
                    ..base
                }),
                ["country"],
                "{bad}"
            );
        }
        assert_eq!(
            keys(SupplierInput {
                currency: "EURO",
                ..base
            }),
            ["currency"]
        );
        assert_eq!(
            keys(SupplierInput {
                currency: "XAU",
                ..base
            }),
            ["currency"]
        );
        assert_eq!(
            keys(SupplierInput {
                status: Some("gold"),
                ..base
            }),
            ["status"]
        );
        assert_eq!(keys(SupplierInput { name: " ", ..base }), ["name"]);
    }

    #[test]
    fn every_assigned_country_code_is_two_upper_letters() {
        let codes: Vec<&str> = ISO_3166_ALPHA2.split_whitespace().collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, unique");
        assert!(codes
            .iter()
            .all(|c| c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase())));
    }

    #[test]
    fn contacts_and_certificates() {
        assert_eq!(
            check_contact(" Ida ", " Ida@Tools.Example "),
            Ok(("Ida".into(), "ida@tools.example".into()))
        );
        assert_eq!(
            check_contact("", "ida")
                .unwrap_err()
                .0
                .into_keys()
                .collect::<Vec<_>>(),
            ["email", "name"]
        );
        assert_eq!(
            check_certificate("ISO 9001", Some("2027-06-30")),
            Ok(Some(d("2027-06-30")))
        );
        assert_eq!(check_certificate("ISO 9001", Some(" ")), Ok(None));
        assert_eq!(
            check_certificate("ISO 9001", Some("30.06.2027"))
                .unwrap_err()
                .0["expires_on"],
            "a date like 2027-06-30"
        );
    }
}
