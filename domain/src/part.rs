//! Part master data rules (issue 11): what a part, a revision label and a reference price
//! must look like. The server's handlers (create, edit, CSV import, reference prices) and
//! the app's forms call these same functions, so a form never accepts what the server
//! refuses, with the same message on the same field.

use rust_decimal::Decimal;

use crate::money::Currency;
use crate::validate::{self, FieldErrors};

/// Longest part number, in characters.
pub const MAX_NUMBER: usize = 64;
/// Longest part name.
pub const MAX_NAME: usize = 200;
/// Longest description.
pub const MAX_DESCRIPTION: usize = 4000;
/// Longest revision label.
pub const MAX_REVISION: usize = 16;
/// The unit a part gets when none is given: H87, piece.
pub const DEFAULT_UOM: &str = "H87";
/// The first revision's label when none is given.
pub const DEFAULT_REVISION: &str = "A";

/// A part's fields as typed (a form, a request body or an import row).
#[derive(Debug, Clone, Copy, Default)]
pub struct PartInput<'a> {
    pub number: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    /// Blank or `None`: [`DEFAULT_UOM`].
    pub uom: Option<&'a str>,
    /// Blank or `None`: [`DEFAULT_REVISION`].
    pub revision: Option<&'a str>,
}

/// A part's fields, checked and normalized (trimmed; unit in upper case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartFields {
    pub number: String,
    pub name: String,
    pub description: String,
    pub uom: String,
    pub revision: String,
}

fn or_default<'a>(v: Option<&'a str>, default: &'a str) -> &'a str {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(default)
}

/// Checks a part: number and name required, no spaces inside the number, lengths, a unit
/// shaped like a UN/ECE Rec 20 code, the revision label. Errors are keyed `number`,
/// `name`, `description`, `uom`, `revision`.
pub fn check(p: &PartInput<'_>) -> Result<PartFields, FieldErrors> {
    let mut e = FieldErrors::new();
    validate::required(&mut e, "number", p.number, MAX_NUMBER);
    if p.number.trim().contains(char::is_whitespace) {
        e.add("number", "no spaces inside a part number");
    }
    validate::required(&mut e, "name", p.name, MAX_NAME);
    if p.description.trim().chars().count() > MAX_DESCRIPTION {
        e.add(
            "description",
            format!("at most {MAX_DESCRIPTION} characters"),
        );
    }
    let uom = or_default(p.uom, DEFAULT_UOM).to_ascii_uppercase();
    uom_code(&mut e, "uom", &uom);
    let revision = or_default(p.revision, DEFAULT_REVISION).to_string();
    revision_label(&mut e, "revision", &revision);
    e.into_result().map(|()| PartFields {
        number: p.number.trim().to_string(),
        name: p.name.trim().to_string(),
        description: p.description.trim().to_string(),
        uom,
        revision,
    })
}

/// A unit code: two or three letters or digits (UN/ECE Rec 20: H87, KGM, MTR, C62).
pub fn uom_code(errors: &mut FieldErrors, field: &str, code: &str) {
    let code = code.trim();
    if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        errors.add(
            field,
            "use a UN/ECE Rec 20 unit code such as H87 (piece), KGM or MTR",
        );
    }
}

/// A revision label: present, at most [`MAX_REVISION`] characters.
pub fn revision_label(errors: &mut FieldErrors, field: &str, label: &str) {
    validate::required(errors, field, label, MAX_REVISION);
}

/// A new revision's label for a part that has `existing` labels: checked, and not one of
/// them (compared by [`validate::fold_key`], as the database's unique index does).
/// Returns the trimmed label.
pub fn check_new_revision(
    part_number: &str,
    label: &str,
    existing: &[&str],
) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::new();
    revision_label(&mut e, "label", label);
    let label = label.trim();
    let key = validate::fold_key(label);
    if existing.iter().any(|x| validate::fold_key(x) == key) {
        e.add(
            "label",
            format!("{part_number} already has revision {label}"),
        );
    }
    e.into_result().map(|()| label.to_string())
}

/// A reference price (should-cost, last price paid): a positive amount within
/// [`validate::AMOUNT`] in a payable ISO 4217 currency. Errors are keyed
/// `{field}.amount` / `{field}.currency`; returns the currency when it is a code.
pub fn reference_price(
    errors: &mut FieldErrors,
    field: &str,
    amount: Decimal,
    currency: &str,
) -> Option<Currency> {
    if amount <= Decimal::ZERO {
        errors.add(&format!("{field}.amount"), "must be positive");
    }
    validate::bounded(errors, &format!("{field}.amount"), amount, validate::AMOUNT);
    validate::currency(errors, &format!("{field}.currency"), currency)
}

/// The day a last price was paid: blank means `today`; never in the future.
pub fn paid_on(
    errors: &mut FieldErrors,
    field: &str,
    on: Option<&str>,
    today: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    match on.map(str::trim) {
        None | Some("") => Some(today),
        Some(d) => match d.parse::<chrono::NaiveDate>() {
            Ok(d) if d <= today => Some(d),
            Ok(_) => {
                errors.add(field, "a price paid cannot be in the future");
                None
            }
            Err(_) => {
                errors.add(field, "a date like 2026-11-20");
                None
            }
        },
    }
}

/// A BOM child's quantity per one parent: positive, within [`validate::QUANTITY`].
pub fn bom_quantity(errors: &mut FieldErrors, field: &str, quantity: Decimal) {
    if quantity <= Decimal::ZERO {
        errors.add(field, "the quantity per parent must be positive");
    }
    validate::bounded(errors, field, quantity, validate::QUANTITY);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn input<'a>(number: &'a str, name: &'a str) -> PartInput<'a> {
        PartInput {
            number,
            name,
            ..PartInput::default()
        }
    }

    #[test]
    fn a_part_is_normalized_with_defaults() {
        let p = check(&PartInput {
            number: " BRK-100 ",
            name: " Bracket ",
            description: " steel ",
            uom: Some(" kgm "),
            revision: Some(""),
        })
        .unwrap();
        assert_eq!(
            p,
            PartFields {
                number: "BRK-100".into(),
                name: "Bracket".into(),
                description: "steel".into(),
                uom: "KGM".into(),
                revision: "A".into(),
            }
        );
        assert_eq!(check(&input("X1", "Y")).unwrap().uom, "H87");
    }

    #[test]
    fn bad_parts_are_refused_on_their_field() {
        let keys = |p: PartInput<'_>| -> Vec<String> {
            check(&p).unwrap_err().0.into_keys().collect::<Vec<_>>()
        };
        assert_eq!(keys(input("", "Bracket")), ["number"]);
        assert_eq!(keys(input("BRK 100", "Bracket")), ["number"]);
        assert_eq!(keys(input(&"N".repeat(65), "Bracket")), ["number"]);
        assert_eq!(keys(input("BRK", "  ")), ["name"]);
        let long = "d".repeat(4001);
        assert_eq!(
            keys(PartInput {
                description: &long,
                ..input("BRK", "B")
            }),
            ["description"]
        );
        for bad in ["H", "PIECE", "H-7", "kg m"] {
            assert_eq!(
                keys(PartInput {
                    uom: Some(bad),
                    ..input("BRK", "B")
                }),
                ["uom"],
                "{bad}"
            );
        }
        let rev = "R".repeat(17);
        assert_eq!(
            keys(PartInput {
                revision: Some(&rev),
                ..input("BRK", "B")
            }),
            ["revision"]
        );
    }

    #[test]
    fn a_new_revision_label_is_unique_without_case() {
        assert_eq!(
            check_new_revision("BRK", " C ", &["A", "B"]),
            Ok("C".into())
        );
        let e = check_new_revision("BRK", "b", &["A", "B"]).unwrap_err();
        assert_eq!(e.0["label"], "BRK already has revision b");
        assert!(check_new_revision("BRK", " ", &[]).is_err());
    }

    #[test]
    fn reference_prices_are_positive_bounded_and_payable() {
        let mut e = FieldErrors::new();
        assert_eq!(
            reference_price(&mut e, "should_cost", dec!(1.25), "eur"),
            Currency::from_code("EUR").ok()
        );
        assert!(e.is_empty(), "{e:?}");
        for (amount, currency, bad) in [
            (dec!(0), "EUR", "should_cost.amount"),
            (dec!(-1), "EUR", "should_cost.amount"),
            (dec!(10000000000000), "EUR", "should_cost.amount"),
            (dec!(1), "EURO", "should_cost.currency"),
            (dec!(1), "XAU", "should_cost.currency"),
        ] {
            let mut e = FieldErrors::new();
            reference_price(&mut e, "should_cost", amount, currency);
            assert_eq!(e.0.keys().collect::<Vec<_>>(), [bad], "{amount} {currency}");
        }
    }

    #[test]
    fn a_price_is_paid_today_or_before() {
        let today: chrono::NaiveDate = "2026-11-20".parse().unwrap();
        let mut e = FieldErrors::new();
        assert_eq!(paid_on(&mut e, "on", None, today), Some(today));
        assert_eq!(paid_on(&mut e, "on", Some(" "), today), Some(today));
        assert_eq!(
            paid_on(&mut e, "on", Some("2026-11-19"), today),
            "2026-11-19".parse().ok()
        );
        assert!(e.is_empty());
        assert_eq!(paid_on(&mut e, "on", Some("2026-11-21"), today), None);
        assert_eq!(e.0["on"], "a price paid cannot be in the future");
        let mut e = FieldErrors::new();
        assert_eq!(paid_on(&mut e, "on", Some("20.11.2026"), today), None);
        assert_eq!(e.0["on"], "a date like 2026-11-20");
    }

    #[test]
    fn bom_quantities_are_positive_and_bounded() {
        for (q, ok) in [
            (dec!(2), true),
            (dec!(0.5), true),
            (dec!(0), false),
            (dec!(-1), false),
            (dec!(1000000001), false),
        ] {
            let mut e = FieldErrors::new();
            bom_quantity(&mut e, "q", q);
            assert_eq!(e.is_empty(), ok, "{q}");
        }
    }
}
