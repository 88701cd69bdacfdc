//! Money: a [`Decimal`] amount with an ISO 4217 [`Currency`].
//!
//! Arithmetic between two amounts returns `Result` and fails on a currency mismatch
//! instead of silently adding dollars to euros. Rounding is explicit: [`Money::round`]
//! takes a [`RoundingStrategy`], because `Decimal::round_dp` alone is banker's rounding,
//! which is not what an invoice total expects.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

pub use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The ISO 4217 table A.1 (code, number, minor units, name), published 2024-06-25.
const ISO4217_CSV: &str = include_str!("../data/iso4217.csv");

/// One row of the ISO 4217 table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyInfo {
    /// Three-letter alphabetic code, e.g. `EUR`.
    pub code: &'static str,
    /// Three-digit numeric code, e.g. `978`.
    pub number: &'static str,
    /// Digits after the decimal separator; `None` where ISO says N.A. (gold, SDR…).
    pub minor_units: Option<u32>,
    /// English name, e.g. `Euro`.
    pub name: &'static str,
}

fn table() -> &'static HashMap<&'static str, CurrencyInfo> {
    static TABLE: OnceLock<HashMap<&'static str, CurrencyInfo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        ISO4217_CSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.splitn(4, ',');
                let code = f.next()?;
                let number = f.next()?;
                let minor = f.next()?;
                let name = f.next()?;
                Some((
                    code,
                    CurrencyInfo {
                        code,
                        number,
                        minor_units: minor.parse().ok(),
                        name,
                    },
                ))
            })
            .collect()
    })
}

/// All currencies of the ISO 4217 table, sorted by code.
pub fn all_currencies() -> Vec<&'static CurrencyInfo> {
    let mut v: Vec<_> = table().values().collect();
    v.sort_by_key(|c| c.code);
    v
}

/// An ISO 4217 currency. Only codes in the table can be constructed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(&'static str);

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}
/// In the OpenAPI document: a three-letter ISO 4217 code.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Currency {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .pattern(Some("^[A-Z]{3}$"))
            .description(Some("ISO 4217 currency code, e.g. `EUR`."))
            .into()
    }
}
#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Currency {}
impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Currency::from_code(&code).map_err(serde::de::Error::custom)
    }
}

/// Errors of money arithmetic and parsing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("'{0}' is not an ISO 4217 currency code")]
    UnknownCurrency(String),
    #[error("cannot combine {left} with {right}: convert to one currency first")]
    CurrencyMismatch { left: Currency, right: Currency },
    #[error("amount overflow")]
    Overflow,
    #[error("'{0}' is not a decimal amount")]
    BadAmount(String),
    #[error("exchange rate must be positive, got {0}")]
    BadRate(Decimal),
}

impl Currency {
    /// Looks a code up in the ISO 4217 table (case-insensitive).
    pub fn from_code(code: &str) -> Result<Self, MoneyError> {
        let upper = code.trim().to_ascii_uppercase();
        table()
            .get_key_value(upper.as_str())
            .map(|(k, _)| Currency(k))
            .ok_or_else(|| MoneyError::UnknownCurrency(code.to_string()))
    }
    /// The three-letter code.
    pub fn code(self) -> &'static str {
        self.0
    }
    /// The table row for this currency.
    pub fn info(self) -> &'static CurrencyInfo {
        // Constructed only from table keys, so the lookup cannot miss.
        &table()[self.0]
    }
    /// Minor units used when rounding to a payable amount (2 where ISO says N.A.).
    pub fn minor_units(self) -> u32 {
        self.info().minor_units.unwrap_or(2)
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}
impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}
impl FromStr for Currency {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::from_code(s)
    }
}
impl TryFrom<String> for Currency {
    type Error = MoneyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Currency::from_code(&s)
    }
}
impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0.to_string()
    }
}

/// An amount of money in one currency. JSON: `{"amount":"12.50","currency":"EUR"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// The amount, carried as a decimal string in JSON.
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Money { amount, currency }
    }
    /// Zero in `currency`.
    pub fn zero(currency: Currency) -> Self {
        Money::new(Decimal::ZERO, currency)
    }
    /// Parses `"12.50"` in `currency`; the amount must be a plain decimal.
    pub fn parse(amount: &str, currency: Currency) -> Result<Self, MoneyError> {
        Decimal::from_str(amount.trim())
            .map(|a| Money::new(a, currency))
            .map_err(|_| MoneyError::BadAmount(amount.to_string()))
    }
    fn same(self, other: Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }
    /// `self + other`, same currency only.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same(other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }
    /// `self - other`, same currency only.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same(other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }
    /// `self × factor` (a quantity or a ratio); no rounding.
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, MoneyError> {
        let amount = self
            .amount
            .checked_mul(factor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }
    /// `self ÷ divisor`; no rounding. Division by zero is an overflow error.
    pub fn checked_div(self, divisor: Decimal) -> Result<Money, MoneyError> {
        let amount = self
            .amount
            .checked_div(divisor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }
    /// Sums amounts that must all be in `currency`.
    pub fn sum<I: IntoIterator<Item = Money>>(
        currency: Currency,
        items: I,
    ) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), |acc, m| acc.checked_add(m))
    }
    /// Rounds to `dp` decimal places with an explicit strategy.
    pub fn round(self, dp: u32, strategy: RoundingStrategy) -> Money {
        Money::new(
            self.amount.round_dp_with_strategy(dp, strategy),
            self.currency,
        )
    }
    /// Rounds to the currency's minor units, half away from zero (commercial rounding).
    pub fn round_commercial(self) -> Money {
        self.round(
            self.currency.minor_units(),
            RoundingStrategy::MidpointAwayFromZero,
        )
    }
    /// Converts with `rate` = units of `to` per one unit of `self.currency`.
    pub fn convert(self, to: Currency, rate: Decimal) -> Result<Money, MoneyError> {
        if rate <= Decimal::ZERO {
            return Err(MoneyError::BadRate(rate));
        }
        if to == self.currency {
            return Ok(self);
        }
        let amount = self.amount.checked_mul(rate).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, to))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eur() -> Currency {
        Currency::from_code("EUR").unwrap()
    }
    fn usd() -> Currency {
        Currency::from_code("usd").unwrap()
    }

    #[test]
    fn table_knows_common_and_odd_currencies() {
        assert_eq!(eur().minor_units(), 2);
        assert_eq!(Currency::from_code("JPY").unwrap().minor_units(), 0);
        assert_eq!(Currency::from_code("KWD").unwrap().minor_units(), 3);
        assert_eq!(Currency::from_code("XAU").unwrap().info().minor_units, None);
        assert!(all_currencies().len() > 150);
        assert_eq!(
            Currency::from_code("EURO"),
            Err(MoneyError::UnknownCurrency("EURO".into()))
        );
    }

    #[test]
    fn table_matches_the_published_iso_xml_when_the_corpus_is_beside_the_repo() {
        // The compact CSV is derived from the corpus XML; this proves it was derived right.
        let xml = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/corpus/reference/iso4217/table_a1.xml"
        );
        let Ok(text) = std::fs::read_to_string(xml) else {
            // The corpus is optional for a published crate; CI has it beside the repo.
            assert!(std::env::var("CI").is_err(), "corpus missing in CI: {xml}");
            return;
        };
        let codes: std::collections::BTreeSet<&str> = text
            .split("<Ccy>")
            .skip(1)
            .filter_map(|s| s.split("</Ccy>").next())
            .collect();
        assert_eq!(codes.len(), all_currencies().len());
        for code in codes {
            assert!(Currency::from_code(code).is_ok(), "{code} missing");
        }
    }

    #[test]
    fn arithmetic_refuses_mixed_currencies() {
        let a = Money::new(dec!(10.00), eur());
        let b = Money::new(dec!(2.50), usd());
        assert_eq!(
            a.checked_add(b),
            Err(MoneyError::CurrencyMismatch {
                left: eur(),
                right: usd()
            })
        );
        assert_eq!(
            a.checked_add(Money::new(dec!(0.05), eur())).unwrap().amount,
            dec!(10.05)
        );
        assert_eq!(
            Money::sum(eur(), [a, a, a]).unwrap(),
            Money::new(dec!(30.00), eur())
        );
        assert!(Money::sum(eur(), [a, b]).is_err());
    }

    #[test]
    fn rounding_is_explicit_and_commercial_by_name() {
        let m = Money::new(dec!(2.345), eur());
        assert_eq!(m.round_commercial().amount, dec!(2.35));
        // Banker's rounding would give 2.34: only asked for by name.
        assert_eq!(
            m.round(2, RoundingStrategy::MidpointNearestEven).amount,
            dec!(2.34)
        );
        let yen = Money::new(dec!(1234.5), Currency::from_code("JPY").unwrap());
        assert_eq!(yen.round_commercial().amount, dec!(1235));
    }

    #[test]
    fn conversion_needs_a_positive_rate() {
        let m = Money::new(dec!(100), usd());
        assert_eq!(m.convert(eur(), dec!(0.92)).unwrap().amount, dec!(92.00));
        assert_eq!(m.convert(eur(), dec!(0)), Err(MoneyError::BadRate(dec!(0))));
    }

    #[test]
    fn json_carries_decimals_as_strings() {
        let m = Money::new(dec!(0.6200), eur());
        let j = serde_json::to_string(&m).unwrap();
        assert_eq!(j, r#"{"amount":"0.6200","currency":"EUR"}"#);
        let back: Money = serde_json::from_str(&j).unwrap();
        assert_eq!(back, m);
        assert!(serde_json::from_str::<Money>(r#"{"amount":"1","currency":"ZZZ"}"#).is_err());
    }
}
