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
    } else if v.chars().count() > MAX_EMAIL {
        errors.add(field, format!("at most {MAX_EMAIL} characters"));
    }
}

/// The longest e-mail address (RFC 5321's path limit).
pub const MAX_EMAIL: usize = 254;

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

/// Checks that a required text field is present, not too long and shows what it holds
/// ([`text`]).
pub fn required(errors: &mut FieldErrors, field: &str, value: &str, max_chars: usize) {
    let n = value.trim().chars().count();
    if n == 0 {
        errors.add(field, "required");
    } else if n > max_chars {
        errors.add(field, format!("at most {max_chars} characters (got {n})"));
    } else {
        text(errors, field, value);
    }
}

/// Checks that an optional text is at most `max_chars` characters (issue 10, outside
/// probe L: notes of 1.9 MB were stored). Counted in characters, not bytes; the message
/// says the bound and the length.
pub fn max_chars(errors: &mut FieldErrors, field: &str, value: &str, max_chars: usize) {
    // A cheap bound first: no text of this many bytes can be short enough.
    if value.len() <= max_chars {
        return;
    }
    let n = value.chars().count();
    if n > max_chars {
        errors.add(field, format!("at most {max_chars} characters (got {n})"));
    }
}

/// Checks that a list holds at most `max` items (issue 10, outside probe L: a quote line
/// of 40,000 price breaks was stored); `what` names them ("price breaks").
/// Answers whether the list is within the bound, so a caller can skip checking each
/// item of a list it refuses anyway.
pub fn max_items(errors: &mut FieldErrors, field: &str, n: usize, max: usize, what: &str) -> bool {
    if n > max {
        errors.add(field, format!("at most {max} {what} (got {n})"));
        return false;
    }
    true
}

/// Checks that a text shows what it holds (issue 10, L5): [`text_problem`] as `field`'s
/// message.
pub fn text(errors: &mut FieldErrors, field: &str, value: &str) {
    if let Some(m) = text_problem(value) {
        errors.add(field, m);
    }
}

/// Why a text a person will read is refused, if it is: it holds a character that is not
/// shown but changes what is shown or how it compares (issue 10, L5). The one rule for
/// every text field (names, numbers, notes, messages); the server applies it to every
/// string of every request body, the forms to their fields.
///
/// Refused: NUL and the other C0/C1 control characters except tab, line feed and
/// carriage return; the bidirectional controls (U+202A–U+202E embeddings and overrides,
/// U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks), which can make "exe.txt" read as
/// "txt.exe" or reorder a price; and invisible characters that make two texts look alike
/// while comparing unequal (zero-width space U+200B, word joiner and invisible operators
/// U+2060–U+2064, deprecated format characters U+206A–U+206F, byte order mark U+FEFF,
/// soft hyphen U+00AD, Mongolian vowel separator U+180E, Hangul fillers, interlinear
/// annotation U+FFF9–U+FFFB, object replacement U+FFFC, line/paragraph separators
/// U+2028/U+2029, tag characters U+E0000–U+E007F, musical format characters). The
/// zero-width (non-)joiners U+200C/U+200D are kept where scripts and emoji need them,
/// between two non-ASCII characters, and refused elsewhere.
pub fn text_problem(value: &str) -> Option<String> {
    let chars: Vec<char> = value.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\0' {
            return Some(NUL_MESSAGE.to_string());
        }
        let joiner = matches!(c, '\u{200C}' | '\u{200D}');
        if joiner {
            let around =
                |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| !c.is_ascii());
            if around(i.checked_sub(1)) && around(i.checked_add(1)) {
                continue;
            }
        }
        if joiner || refused_char(c) {
            return Some(format!(
                "must not contain the invisible control character U+{:04X} ({}); retype the text without it",
                u32::from(c),
                char_name(c)
            ));
        }
    }
    None
}

/// What a field holding NUL is told (NUL is refused in every text a client sends: SQLite
/// would store it and cut strings at it in C APIs, PostgreSQL refuses it).
pub const NUL_MESSAGE: &str = "must not contain the NUL character (U+0000)";

fn refused_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
        | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{3164}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFC}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}')
}

fn char_name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{61C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{AD}' => "SOFT HYPHEN",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{E0000}'..='\u{E007F}' => "TAG",
        c if c.is_control() => "a control character",
        _ => "an invisible formatting character",
    }
}

/// `value` in Unicode Normalization Form C: what every text is stored as, so "Café" typed
/// with a combining accent and "Café" typed with "é" are one text (issue 10, L5).
pub fn nfc(value: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(value.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(value)
    } else {
        std::borrow::Cow::Owned(value.nfc().collect())
    }
}

/// The key a natural key (part number, revision label, supplier name) is unique by and
/// looked up by, on every engine (issue 10, L4): compatibility-normalized (NFKC: a
/// full-width "ＡＣＭＥ" or a ligature "ﬁ" is its plain letters), lower-cased by Unicode's
/// rules (not only ASCII: "ÄRGER-x" and "ärger-X" are one key) and trimmed. Computed
/// here, in Rust, and stored beside the value, so SQLite's ASCII-only `LOWER()` and
/// PostgreSQL's locale-dependent one never decide.
pub fn fold_key(value: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let lower: String = value.trim().nfkc().flat_map(char::to_lowercase).collect();
    // Lower-casing can leave a text that is no longer normalized ("İ" → "i̇").
    lower.nfkc().collect()
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
    fn invisible_and_bidi_controls_are_refused_as_a_family_issue_10_l5() {
        let refused = [
            '\0',
            '\u{7}',
            '\u{1B}',
            '\u{7F}',
            '\u{85}',
            '\u{9F}',
            '\u{AD}',
            '\u{61C}',
            '\u{115F}',
            '\u{180E}',
            '\u{200B}',
            '\u{200E}',
            '\u{200F}',
            '\u{2028}',
            '\u{2029}',
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{206A}',
            '\u{206F}',
            '\u{3164}',
            '\u{FEFF}',
            '\u{FFA0}',
            '\u{FFF9}',
            '\u{FFFC}',
            '\u{1D173}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
        ];
        for c in refused {
            for text in [format!("Acme{c}"), format!("{c}Acme"), format!("Ac{c}me")] {
                let mut e = FieldErrors::new();
                text_field(&mut e, &text);
                let m =
                    e.0.get("name")
                        .unwrap_or_else(|| panic!("{text:?} accepted"));
                if c != '\0' {
                    assert!(m.contains(&format!("U+{:04X}", u32::from(c))), "{m}");
                }
            }
        }
        // A required field says so too (the forms and the server share `required`).
        let mut e = FieldErrors::new();
        required(&mut e, "name", "\u{202E}gnp.exe", 200);
        assert!(e.0["name"].contains("RIGHT-TO-LEFT OVERRIDE"), "{e:?}");
        // What people type stays: accents, other scripts, emoji sequences, tabs and
        // line breaks in notes, the joiners inside scripts that need them.
        for ok in [
            "Müller GmbH",
            "Ärger-x",
            "Ελληνικά",
            "東京精密",
            "שלום",
            "مرحبا",
            "Line one\nline two\ttab\r\n",
            "👨\u{200D}👩\u{200D}👧",
            "می\u{200C}خواهم",
            "Café",
            "Cafe\u{301}",
        ] {
            assert_eq!(text_problem(ok), None, "{ok:?}");
        }
        // A joiner between ASCII letters hides in a name: refused.
        assert!(text_problem("Ac\u{200D}me").is_some());
        assert!(text_problem("\u{200C}Acme").is_some());
    }

    fn text_field(e: &mut FieldErrors, v: &str) {
        text(e, "name", v);
    }

    #[test]
    fn texts_are_stored_composed() {
        assert_eq!(nfc("Cafe\u{301}"), "Caf\u{E9}");
        assert!(matches!(nfc("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn natural_keys_fold_by_unicode_rules_issue_10_l4() {
        let same = [
            ("ÄRGER-x", "ärger-X"),
            ("RACE-1", "race-1"),
            ("ÉTAU-1", "e\u{301}tau-1"),
            ("ＡＣＭＥ", "acme"),
            ("ﬁlter", "FILTER"),
            ("ΣΟΦΙΑ", "σοφια"),
            (" Brk-1 ", "brk-1"),
            ("İstanbul", "i\u{307}stanbul"),
        ];
        for (a, b) in same {
            assert_eq!(fold_key(a), fold_key(b), "{a:?} / {b:?}");
        }
        for (a, b) in [("ÄRGER-x", "ARGER-x"), ("BRK-1", "BRK-2"), ("ß", "s")] {
            assert_ne!(fold_key(a), fold_key(b), "{a:?} / {b:?}");
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
