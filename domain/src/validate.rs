//! Field validation shared by the browser form and the server: both reject the same
//! input with the same message, so the person sees the server's answer before sending.

use std::collections::BTreeMap;

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
    fn first_message_per_field_wins() {
        let mut e = FieldErrors::new();
        e.add("a", "one");
        e.add("a", "two");
        assert_eq!(e.0["a"], "one");
        assert!(e.into_result().is_err());
    }
}
