//! The trade vocabulary, written once: Incoterms 2020, payment terms, one-time charges
//! and units of measure. The quote model ([`crate::quote`]), the extractor
//! ([`crate::extract`]), leveling ([`crate::level`]) and the app's forms all take these
//! from here, so a rule such as "which Incoterms exist" or "what H87 is called" has one
//! answer.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One Incoterms 2020 rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncotermRule {
    /// `EXW`, `FCA`, …
    pub code: &'static str,
    /// The rule's name, as the ICC writes it.
    pub name: &'static str,
    /// The seller pays the main carriage to the named place (the C and D rules): a quote
    /// under such a rule to the RFQ's place carries its freight in the price.
    pub seller_pays_carriage: bool,
    /// The seller pays import duty (only DDP).
    pub seller_pays_duty: bool,
}

const fn rule(code: &'static str, name: &'static str, carriage: bool, duty: bool) -> IncotermRule {
    IncotermRule {
        code,
        name,
        seller_pays_carriage: carriage,
        seller_pays_duty: duty,
    }
}

/// The eleven Incoterms 2020 rules, in the ICC's order.
pub const INCOTERMS_2020: [IncotermRule; 11] = [
    rule("EXW", "Ex Works", false, false),
    rule("FCA", "Free Carrier", false, false),
    rule("CPT", "Carriage Paid To", true, false),
    rule("CIP", "Carriage and Insurance Paid To", true, false),
    rule("DAP", "Delivered at Place", true, false),
    rule("DPU", "Delivered at Place Unloaded", true, false),
    rule("DDP", "Delivered Duty Paid", true, true),
    rule("FAS", "Free Alongside Ship", false, false),
    rule("FOB", "Free on Board", false, false),
    rule("CFR", "Cost and Freight", true, false),
    rule("CIF", "Cost, Insurance and Freight", true, false),
];

/// Codes withdrawn in 2010 or 2020; documents still print them.
pub const INCOTERMS_RETIRED: [&str; 5] = ["DAT", "DAF", "DES", "DEQ", "DDU"];

/// The Incoterms 2020 rule with this code (any case, surrounding space ignored).
pub fn incoterm(code: &str) -> Option<&'static IncotermRule> {
    let code = code.trim();
    INCOTERMS_2020
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// An Incoterm as a person writes it, "FCA Chicago" or "DAP Stuttgart, DE": the rule (when
/// the first word is one) and the named place (the rest, trimmed; `None` when empty).
pub fn split_incoterm(s: &str) -> (Option<&'static IncotermRule>, Option<&str>) {
    let s = s.trim();
    let (first, rest) = s.split_once(char::is_whitespace).unwrap_or((s, ""));
    match incoterm(first) {
        Some(r) => (Some(r), Some(rest.trim()).filter(|p| !p.is_empty())),
        None => (None, Some(s).filter(|p| !p.is_empty())),
    }
}

/// The message for a code that is not an Incoterms 2020 rule (form and server alike).
pub fn incoterm_error(code: &str) -> String {
    let list: Vec<&str> = INCOTERMS_2020.iter().map(|r| r.code).collect();
    format!("{code} is not an Incoterms 2020 rule ({})", list.join(", "))
}

/// Places compare without case, punctuation or extra spaces ("Chicago, IL" = "chicago il").
pub fn same_place(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
}

/// Payment terms, normalised (from a file by the extractor, or from the quote form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PaymentTerms {
    /// The text as printed.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub text: String,
    /// Days until the full amount is due, counted from `basis`.
    pub net_days: Option<u32>,
    /// Early-payment discount in percent (Skonto).
    pub discount_pct: Option<Decimal>,
    pub discount_days: Option<u32>,
    /// `invoice_date`, `end_of_month`, `end_of_next_month`, `next_month_day`, `delivery`,
    /// `order`, `documents`.
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub basis: String,
    /// Percent paid in advance (deposit / prepayment), if any.
    pub deposit_pct: Option<Decimal>,
    /// Day of the following month for "10th prox".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_of_month: Option<u32>,
    /// `T/T`, `L/C`, `D/P`, `D/A`, `COD`, `CIA` when named.
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub method: Option<String>,
}

/// A one-time charge: tooling, NRE, setup, fixtures, first-article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Tooling {
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub description: String,
    pub amount: Decimal,
}

/// A unit of measure: its UN/ECE Recommendation 20 code and its name for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub code: &'static str,
    /// Singular ("piece").
    pub name: &'static str,
}

const fn unit(code: &'static str, name: &'static str) -> Unit {
    Unit { code, name }
}

/// The units Bidwell names (the Rec 20 codes the extractor maps printed units to).
pub const UNITS: [Unit; 28] = [
    unit("H87", "piece"),
    unit("C62", "unit"),
    unit("KGM", "kilogram"),
    unit("GRM", "gram"),
    unit("TNE", "tonne"),
    unit("LBR", "pound"),
    unit("MTR", "metre"),
    unit("MMT", "millimetre"),
    unit("CMT", "centimetre"),
    unit("KMT", "kilometre"),
    unit("FOT", "foot"),
    unit("INH", "inch"),
    unit("MTK", "square metre"),
    unit("MTQ", "cubic metre"),
    unit("LTR", "litre"),
    unit("MLT", "millilitre"),
    unit("HUR", "hour"),
    unit("DAY", "day"),
    unit("SET", "set"),
    unit("PR", "pair"),
    unit("DZN", "dozen"),
    unit("GRO", "gross"),
    unit("CEN", "hundred"),
    unit("MIL", "thousand"),
    unit("KWH", "kilowatt hour"),
    unit("MON", "month"),
    unit("LO", "lot"),
    unit("LS", "lump sum"),
];

/// The name of a unit code ("H87" → "piece"), any case.
pub fn unit_name(code: &str) -> Option<&'static str> {
    let code = code.trim();
    UNITS
        .iter()
        .find(|u| u.code.eq_ignore_ascii_case(code))
        .map(|u| u.name)
}

/// A unit for people: "piece (H87)", or the code alone when Bidwell has no name for it.
pub fn unit_label(code: &str) -> String {
    match unit_name(code) {
        Some(n) => format!("{n} ({})", code.trim().to_ascii_uppercase()),
        None => code.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incoterms_2020_are_eleven_and_found_in_any_case() {
        assert_eq!(INCOTERMS_2020.len(), 11);
        assert_eq!(incoterm(" fca ").map(|r| r.name), Some("Free Carrier"));
        assert_eq!(incoterm("DDU"), None, "retired");
        assert!(incoterm("DDP").unwrap().seller_pays_duty);
        assert!(incoterm("DAP").unwrap().seller_pays_carriage);
        assert!(!incoterm("EXW").unwrap().seller_pays_carriage);
        assert!(!incoterm("FOB").unwrap().seller_pays_carriage);
    }

    #[test]
    fn an_incoterm_splits_into_rule_and_place() {
        let (r, p) = split_incoterm("FCA  Chicago, IL ");
        assert_eq!((r.map(|r| r.code), p), (Some("FCA"), Some("Chicago, IL")));
        assert_eq!(split_incoterm("DAP"), (incoterm("DAP"), None));
        assert_eq!(split_incoterm(" "), (None, None));
        assert_eq!(split_incoterm("Chicago"), (None, Some("Chicago")));
        assert!(incoterm_error("XYZ").starts_with("XYZ is not an Incoterms 2020 rule (EXW, FCA,"));
    }

    #[test]
    fn places_compare_loosely() {
        assert!(same_place("Chicago, IL", "chicago  il"));
        assert!(!same_place("Chicago", "Shenzhen"));
    }

    #[test]
    fn units_have_names() {
        assert_eq!(unit_name("h87"), Some("piece"));
        assert_eq!(unit_label("KGM"), "kilogram (KGM)");
        assert_eq!(unit_label("XYZ"), "XYZ");
    }

    /// Every unit the extractor reads a printed unit as has a name here.
    #[test]
    fn the_extractors_units_are_named() {
        for printed in [
            "pcs", "unit", "kg", "g", "t", "lb", "m", "mm", "cm", "km", "ft", "in", "m2", "m3",
            "l", "ml", "h", "day", "set", "pair", "dozen", "gross", "hundred", "thousand", "kwh",
            "month", "lot", "ls",
        ] {
            let code = crate::extract::units::uom_code(printed).unwrap();
            assert!(unit_name(code).is_some(), "{printed} → {code} has no name");
        }
    }
}
