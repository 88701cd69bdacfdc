//! Field validation shared by the browser form and the server: both reject the same
//! input with the same message, so the person sees the server's answer before sending.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// Field name → message, in field order. Empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `Ok(())` when no field failed.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

/// Minimum password length (NIST SP 800-63B asks for at least 8; we ask for 10).
pub const MIN_PASSWORD_LEN: usize = 10;

/// Checks an e-mail address loosely: one `@`, something on each side, a dot in the domain.
pub fn email(errors: &mut FieldErrors, field: &str, value: &str) {
    let v = value.trim();
    let ok = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !v.contains(char::is_whitespace)
        }
        None => false,
    };
    if !ok {
        errors.add(field, "enter an e-mail address like name@company.com");
    }
}

/// Checks a new password's length (in characters, not bytes).
pub fn password(errors: &mut FieldErrors, field: &str, value: &str) {
    let n = value.chars().count();
    if n < MIN_PASSWORD_LEN {
        errors.add(
            field,
            format!("use at least {MIN_PASSWORD_LEN} characters (this one has {n})"),
        );
    } else if n > 1024 {
        errors.add(field, "use at most 1024 characters");
    }
}

/// Checks that a required text field is present and not too long.
pub fn required(errors: &mut FieldErrors, field: &str, value: &str, max_chars: usize) {
    let n = value.trim().chars().count();
    if n == 0 {
        errors.add(field, "required");
    } else if n > max_chars {
        errors.add(field, format!("at most {max_chars} characters (got {n})"));
    }
}

/// The range and precision a number may have (issue 10). One table of these, below,
/// bounds every money amount, quantity, rate and percentage a person or a file can
/// enter, in the browser form and on the server alike: far beyond any real quote, yet
/// small enough that leveling arithmetic (price × rate × quantity, ratios, percentages)
/// stays inside `Decimal`'s range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// Largest magnitude allowed (the value must lie in `-max..=max`).
    pub max: i64,
    /// Most digits after the decimal point (trailing zeros do not count).
    pub max_decimals: u32,
}

impl Bound {
    /// `Err(message)` when `value` is out of range or too precise.
    pub fn check(&self, value: Decimal) -> Result<(), String> {
        let max = Decimal::from(self.max);
        if value > max || value < -max {
            return Err(format!("at most {}", group_thousands(self.max)));
        }
        if value.normalize().scale() > self.max_decimals {
            return Err(format!(
                "at most {} digits after the decimal point",
                self.max_decimals
            ));
        }
        Ok(())
    }
}

/// Every money amount: prices, tooling, freight, last price, should-cost (a trillion).
pub const AMOUNT: Bound = Bound {
    max: 1_000_000_000_000,
    max_decimals: 8,
};
/// Every quantity: breaks, MOQ, order multiple, price basis, annual volume, BOM
/// quantity per parent (a billion).
pub const QUANTITY: Bound = Bound {
    max: 1_000_000_000,
    max_decimals: 6,
};
/// An exchange rate (units of one currency per unit of another).
pub const FX_RATE: Bound = Bound {
    max: 1_000_000_000,
    max_decimals: 12,
};
/// A percentage (payment discount, deposit, cost of capital).
pub const PERCENT: Bound = Bound {
    max: 100,
    max_decimals: 4,
};
/// Amortization years and the outlier ratio of the comparison settings.
pub const FACTOR: Bound = Bound {
    max: 1_000,
    max_decimals: 4,
};

/// Adds `field`'s message when `value` is outside `bound`.
pub fn bounded(errors: &mut FieldErrors, field: &str, value: Decimal, bound: Bound) {
    if let Err(m) = bound.check(value) {
        errors.add(field, m);
    }
}

/// Like [`bounded`] for an optional value.
pub fn bounded_opt(errors: &mut FieldErrors, field: &str, value: Option<Decimal>, bound: Bound) {
    if let Some(v) = value {
        bounded(errors, field, v, bound);
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Refuses ISO 4217 codes that are not money one can be paid in: "no currency" (XXX),
/// the testing code (XTS), precious metals, SDR and bond-market units — the codes whose
/// minor units ISO gives as N.A. (issue 10).
pub fn payable_currency(errors: &mut FieldErrors, field: &str, currency: crate::money::Currency) {
    if currency.info().minor_units.is_none() {
        errors.add(
            field,
            format!(
                "{} ({}) is not a currency to quote or pay in",
                currency.code(),
                currency.info().name
            ),
        );
    }
}

/// An ISO 4217 code one can quote or pay in ([`payable_currency`]); the currency when
/// it is a code at all. One message for an unknown code, everywhere.
pub fn currency(
    errors: &mut FieldErrors,
    field: &str,
    code: &str,
) -> Option<crate::money::Currency> {
    match crate::money::Currency::from_code(code) {
        Ok(c) => {
            payable_currency(errors, field, c);
            Some(c)
        }
        Err(_) => {
            errors.add(field, "use an ISO 4217 currency code such as EUR or USD");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_fields() {
        let cases: &[(&str, &str, bool)] = &[
            ("email", "anna@acme.example", true),
            ("email", "anna@acme", false),
            ("email", "@acme.com", false),
            ("email", "an na@acme.com", false),
            ("password", "correct horse", true),
            ("password", "short", false),
            ("password", "ääääääääää", true),
            ("required", "  ", false),
            ("required", "Bracket", true),
        ];
        for (kind, value, valid) in cases {
            let mut e = FieldErrors::new();
            match *kind {
                "email" => email(&mut e, "f", value),
                "password" => password(&mut e, "f", value),
                _ => required(&mut e, "f", value, 20),
            }
            assert_eq!(e.is_empty(), *valid, "{kind} {value:?}: {e:?}");
        }
    }

    #[test]
    fn bounds_refuse_absurd_and_overprecise_numbers_issue_10() {
        use std::str::FromStr;
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(AMOUNT.check(d("999999999999.99999999")), Ok(()));
        assert_eq!(AMOUNT.check(d("1000000000000")), Ok(()));
        assert_eq!(
            AMOUNT.check(d("1000000000000000000000000000")),
            Err("at most 1 000 000 000 000".to_string())
        );
        assert_eq!(
            AMOUNT.check(Decimal::MAX),
            Err("at most 1 000 000 000 000".to_string())
        );
        assert_eq!(
            AMOUNT.check(Decimal::MIN),
            Err("at most 1 000 000 000 000".to_string())
        );
        assert_eq!(
            AMOUNT.check(d("0.000000001")),
            Err("at most 8 digits after the decimal point".to_string())
        );
        // Trailing zeros are not precision.
        assert_eq!(AMOUNT.check(d("1.5000000000000")), Ok(()));
        assert_eq!(
            QUANTITY.check(d("1000000001")),
            Err("at most 1 000 000 000".into())
        );
        assert_eq!(PERCENT.check(d("100")), Ok(()));
        assert_eq!(PERCENT.check(d("100.01")), Err("at most 100".into()));
        let mut e = FieldErrors::new();
        bounded_opt(&mut e, "a", None, AMOUNT);
        bounded_opt(&mut e, "b", Some(d("10000000000000")), AMOUNT);
        assert_eq!(e.0.keys().collect::<Vec<_>>(), ["b"]);
    }

    #[test]
    fn only_payable_currencies_issue_10() {
        use crate::money::Currency;
        for (code, ok) in [
            ("EUR", true),
            ("JPY", true),
            ("XOF", true),
            ("XCD", true),
            ("XXX", false),
            ("XTS", false),
            ("XAU", false),
            ("XDR", false),
        ] {
            let mut e = FieldErrors::new();
            payable_currency(&mut e, "currency", Currency::from_code(code).unwrap());
            assert_eq!(e.is_empty(), ok, "{code}: {e:?}");
        }
    }

    #[test]
    fn first_message_per_field_wins() {
        let mut e = FieldErrors::new();
        e.add("a", "one");
        e.add("a", "two");
        assert_eq!(e.0["a"], "one");
        assert!(e.into_result().is_err());
    }
}
