//! Leveling: quotes in different currencies, price bases, breaks and terms become one
//! grid of landed unit costs per (RFQ line × quantity break × supplier), in the buyer's
//! base currency, with deltas and flags.
//!
//! Landed unit cost = unit price at the break
//!   + freight share (per unit; per shipment ÷ break quantity)
//!   + tooling amortized (one-time charges ÷ (annual volume × amortization years), or ÷
//!     the break quantity when there is no volume or no amortization)
//!   + financing (present value of the payment terms at the buyer's cost of capital,
//!     simple interest: paying later is worth money, deposits cost money, and an
//!     early-payment discount is taken when it beats the cost of capital).
//!
//! All arithmetic is `Decimal` and checked: a value too large to compute, or a landed
//! cost beyond [`MAX_LANDED`] (prices entered before the input bounds of
//! `crate::validate`, issue 10), makes its cell [`CellState::OutOfRange`] instead of
//! panicking. The only rounding is [`round_cost`] and [`pct`], named.

use std::collections::{HashMap, HashSet};

mod incremental;
pub use incremental::{Change, Leveling, Touched};

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::money::Currency;
use crate::quote::{Freight, PaymentTerms, Quote, QuoteLine, RfqLineSpec, RfqSpec};
use crate::validate::{self, FieldErrors};

/// One exchange rate: one unit of `currency` is worth `rate` units of the base currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = LevelFxRate))]
#[serde(deny_unknown_fields)]
pub struct FxRate {
    pub currency: Currency,
    pub rate: Decimal,
    /// The day the rate was taken.
    pub as_of: NaiveDate,
}

/// Default years over which tooling is spread.
pub const DEFAULT_AMORTIZATION_YEARS: Decimal = Decimal::TWO;
/// Default annual cost of capital, percent.
pub const DEFAULT_COST_OF_CAPITAL_PCT: Decimal = Decimal::from_parts(8, 0, 0, false, 0);
/// Default outlier ratio.
pub const DEFAULT_OUTLIER_RATIO: Decimal = Decimal::from_parts(20, 0, 0, false, 0);
/// Longest amortization the comparison takes, years.
pub const MAX_AMORTIZATION_YEARS: i64 = 30;

/// The buyer's knobs; changing any of them re-levels instantly (client-side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub base: Currency,
    pub fx: Vec<FxRate>,
    /// Years over which one-time tooling is spread (0: charge it to the order).
    pub amortization_years: Decimal,
    /// Annual cost of capital in percent (e.g. 8 for 8 %).
    pub cost_of_capital_pct: Decimal,
    /// A price this many times off the others (or the last price paid) is an outlier.
    pub outlier_ratio: Decimal,
    pub today: NaiveDate,
}

impl Settings {
    /// The comparison's default settings in `base` with the rates `fx` against it:
    /// tooling over [`DEFAULT_AMORTIZATION_YEARS`], capital at
    /// [`DEFAULT_COST_OF_CAPITAL_PCT`], outliers at [`DEFAULT_OUTLIER_RATIO`]×. The one
    /// place these defaults are written (server, app and award use it).
    pub fn with_defaults(base: Currency, fx: Vec<FxRate>, today: NaiveDate) -> Settings {
        Settings {
            base,
            fx,
            amortization_years: DEFAULT_AMORTIZATION_YEARS,
            cost_of_capital_pct: DEFAULT_COST_OF_CAPITAL_PCT,
            outlier_ratio: DEFAULT_OUTLIER_RATIO,
            today,
        }
    }

    /// Checks the knobs and the rates: what the comparison, its exports and the award
    /// refuse, the settings panel refuses too. Errors keyed `amortization_years`,
    /// `cost_of_capital_pct`, `outlier_ratio`, `fx[i].rate`.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        check_knobs(
            &mut e,
            self.amortization_years,
            self.cost_of_capital_pct,
            self.outlier_ratio,
        );
        for (i, r) in self.fx.iter().enumerate() {
            fx_rate(&mut e, &format!("fx[{i}].rate"), r.rate);
        }
        e.into_result()
    }
}

/// The ranges of the comparison's knobs: amortization 0–30 years, cost of capital
/// 0–100 %, outlier ratio above 1, each within its `crate::validate` bound.
pub fn check_knobs(e: &mut FieldErrors, years: Decimal, capital: Decimal, outlier: Decimal) {
    if years < Decimal::ZERO || years > Decimal::from(MAX_AMORTIZATION_YEARS) {
        e.add("amortization_years", "between 0 and 30 years");
    }
    if capital < Decimal::ZERO || capital > Decimal::ONE_HUNDRED {
        e.add("cost_of_capital_pct", "between 0 and 100 percent");
    }
    if outlier <= Decimal::ONE {
        e.add("outlier_ratio", "greater than 1");
    }
    validate::bounded(e, "amortization_years", years, validate::FACTOR);
    validate::bounded(e, "cost_of_capital_pct", capital, validate::PERCENT);
    validate::bounded(e, "outlier_ratio", outlier, validate::FACTOR);
}

/// An exchange rate: positive, within [`validate::FX_RATE`]. There is no default rate:
/// a currency without one is a missing rate ([`CellState::NoFxRate`]), never 1.
pub fn fx_rate(e: &mut FieldErrors, field: &str, rate: Decimal) {
    if rate <= Decimal::ZERO {
        e.add(field, "the rate must be positive");
    }
    validate::bounded(e, field, rate, validate::FX_RATE);
}

/// The date a rate holds on, as typed (`2026-11-20`): a date, and not after `today` (a
/// rate is one that was published, never a forecast). The rate form in the app and
/// `PUT /api/fx` on the server take it from here.
pub fn fx_as_of(
    e: &mut FieldErrors,
    field: &str,
    text: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match text.trim().parse::<NaiveDate>() {
        Ok(d) if d > today => {
            e.add(field, format!("the rate's date is after today, {today}"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            e.add(field, "a date like 2026-11-20");
            None
        }
    }
}

/// The rates against `base` for every currency an FX table (rows `(base, rate)`) links
/// to it, directly, inversely or across a common base ([`conversion`]), each with the
/// date of the older rate used. The server and the app level with this one conversion.
pub fn rates_against(base: Currency, table: &[(Currency, FxRate)]) -> Vec<FxRate> {
    let mut currencies: Vec<Currency> = table
        .iter()
        .flat_map(|(b, r)| [*b, r.currency])
        .filter(|c| *c != base)
        .collect();
    currencies.sort_by_key(|c| c.code());
    currencies.dedup();
    currencies
        .into_iter()
        .filter_map(|c| {
            let (rate, as_of) = conversion(c, base, table)?;
            Some(FxRate {
                currency: c,
                rate,
                as_of: as_of?,
            })
        })
        .collect()
}

/// One supplier's current quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bid {
    pub supplier_id: String,
    pub supplier_name: String,
    pub quote: Quote,
    /// The buyer's freight and duty estimate for this bid ([`LandedEstimate`]), added to
    /// its landed cost; `None` until the buyer enters one.
    #[serde(default)]
    pub estimate: Option<LandedEstimate>,
}

/// How the buyer's freight estimate is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "amount", rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum EstimateFreight {
    /// An amount per unit.
    PerUnit(Decimal),
    /// An amount per shipment, one shipment per ordered break quantity (as a quote's
    /// [`Freight::PerShipment`]).
    PerShipment(Decimal),
}

/// What the buyer estimates a bid costs beyond its price to arrive on the RFQ's terms
/// (issue 11): freight to the RFQ's named place when the bid's Incoterm or place
/// differs, and import duty. Entered per supplier quote, stored by the server, added to
/// the landed cost of every cell of the bid ([`Breakdown::estimated_freight`],
/// [`Breakdown::duty`]), in the exports, and kept with an award.
///
/// Duty is a percentage of the unit price (the goods' value as quoted, converted to the
/// base currency); it is paid to customs, not the supplier, so payment-terms financing
/// does not apply to it or to the estimated freight. An estimate with neither freight
/// nor duty says "nothing to add" and clears the "estimate missing" flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LandedEstimate {
    /// The currency of the freight amount (converted with the comparison's rates; a
    /// currency without a rate is a missing rate, never 1).
    pub currency: Currency,
    #[serde(default)]
    pub freight: Option<EstimateFreight>,
    /// Import duty in percent of the unit price.
    #[serde(default)]
    pub duty_pct: Option<Decimal>,
    /// Where the numbers come from (a forwarder's offer, a tariff code).
    #[serde(default)]
    pub note: String,
}

/// Longest note of a [`LandedEstimate`], characters.
pub const MAX_ESTIMATE_NOTE: usize = 500;

impl LandedEstimate {
    /// Checks an estimate as the server stores it and the comparison's form accepts it:
    /// a payable currency, freight not negative and within `validate::AMOUNT`, duty from 0
    /// to 100 %, a note of at most [`MAX_ESTIMATE_NOTE`] characters. Errors keyed
    /// `currency`, `freight.amount`, `duty_pct`, `note`.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        validate::payable_currency(&mut e, "currency", self.currency);
        if let Some(EstimateFreight::PerUnit(a) | EstimateFreight::PerShipment(a)) = self.freight {
            if a < Decimal::ZERO {
                e.add("freight.amount", "freight cannot be negative");
            }
            validate::bounded(&mut e, "freight.amount", a, validate::AMOUNT);
        }
        if let Some(d) = self.duty_pct {
            if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
                e.add("duty_pct", "a percentage from 0 to 100");
            }
            validate::bounded(&mut e, "duty_pct", d, validate::PERCENT);
        }
        if self.note.chars().count() > MAX_ESTIMATE_NOTE {
            e.add("note", format!("at most {MAX_ESTIMATE_NOTE} characters"));
        }
        e.into_result()
    }
}

/// An estimate from what a person entered (the currency as typed, the note trimmed),
/// checked ([`LandedEstimate::check`]): the one constructor the server's route and the
/// comparison's form use, so both refuse the same input with the same message on the
/// same field.
pub fn estimate_from(
    currency: &str,
    freight: Option<EstimateFreight>,
    duty_pct: Option<Decimal>,
    note: &str,
) -> Result<LandedEstimate, FieldErrors> {
    let mut e = FieldErrors::new();
    let cur = validate::currency(&mut e, "currency", currency);
    // USD stands in only to check the other fields when the code is bad.
    let Some(currency) = cur.or_else(|| Currency::from_code("USD").ok()) else {
        return Err(e);
    };
    let est = LandedEstimate {
        currency,
        freight,
        duty_pct,
        note: note.trim().to_string(),
    };
    if let Err(more) = est.check() {
        for (k, v) in more.0 {
            e.0.entry(k).or_insert(v);
        }
    }
    e.into_result().map(|()| est)
}

/// An estimate in a few words: `freight EUR 110 per shipment, duty 3.5 %`, or
/// `nothing to add` when it has neither.
pub fn describe_estimate(e: &LandedEstimate) -> String {
    let mut parts = Vec::new();
    match e.freight {
        Some(EstimateFreight::PerUnit(a)) => {
            parts.push(format!("freight {} {} per unit", e.currency, a.normalize()))
        }
        Some(EstimateFreight::PerShipment(a)) => parts.push(format!(
            "freight {} {} per shipment",
            e.currency,
            a.normalize()
        )),
        None => {}
    }
    if let Some(d) = e.duty_pct {
        parts.push(format!("duty {} %", d.normalize()));
    }
    if parts.is_empty() {
        "nothing to add".to_string()
    } else {
        parts.join(", ")
    }
}

/// How a quote's delivery terms differ from the RFQ's: the flag for it, if any
/// ([`Flag::IncotermMissing`] when the quote states none, [`Flag::IncotermMismatch`]
/// when the rule differs, [`Flag::PlaceMismatch`] when the
/// rule is the same and the named place is another or not given), with `estimated`
/// saying whether the buyer entered an estimate for the difference. The RFQ's terms are
/// written as a person writes them (`FCA Chicago`, [`crate::terms::split_incoterm`]);
/// places compare loosely ([`crate::terms::same_place`]). An RFQ without an Incoterm
/// is no flag.
pub fn terms_mismatch(
    rfq_incoterm: Option<&str>,
    quote_incoterm: Option<&str>,
    quote_place: Option<&str>,
    estimated: bool,
) -> Option<Flag> {
    let want = rfq_incoterm.map(str::trim).filter(|s| !s.is_empty())?;
    let (want_rule, want_place) = crate::terms::split_incoterm(want);
    let want_code = want_rule.map_or_else(
        || want.split_whitespace().next().unwrap_or("").to_string(),
        |r| r.code.to_string(),
    );
    let requested = match want_place {
        Some(p) => format!("{want_code} {p}"),
        None => want_code.clone(),
    };
    let Some(got) = quote_incoterm.map(str::trim).filter(|s| !s.is_empty()) else {
        return Some(Flag::IncotermMissing {
            requested,
            estimated,
        });
    };
    let got_place = quote_place.map(str::trim).filter(|p| !p.is_empty());
    let quoted = match got_place {
        Some(p) => format!("{} {p}", got.to_ascii_uppercase()),
        None => got.to_ascii_uppercase(),
    };
    if !want_code.eq_ignore_ascii_case(got) {
        return Some(Flag::IncotermMismatch {
            quoted,
            requested,
            estimated,
        });
    }
    let want_place = want_place?;
    if got_place.is_some_and(|p| crate::terms::same_place(p, want_place)) {
        return None;
    }
    Some(Flag::PlaceMismatch {
        quoted,
        requested,
        estimated,
    })
}

/// Why a cell deserves a second look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Flag {
    RevisionMismatch {
        quoted: String,
        requested: String,
    },
    /// The supplier's minimum (MOQ or first break) is above this break's quantity.
    MoqAboveBreak {
        minimum: Decimal,
    },
    LeadTimePastNeed {
        lead_time_days: u32,
        need_by: NaiveDate,
    },
    QuoteExpired {
        valid_until: NaiveDate,
    },
    NoBid {
        reason: String,
    },
    MissingLine,
    TermsDeviate {
        what: String,
    },
    /// The quote's Incoterm is another rule than the RFQ's (`quoted`/`requested` are the
    /// rule with its place, `EXW Shenzhen`); `estimated`: the buyer entered a freight and
    /// duty estimate for it, else the landed cost lacks it ("estimate missing").
    #[serde(rename = "terms.incoterm_mismatch")]
    IncotermMismatch {
        quoted: String,
        requested: String,
        estimated: bool,
    },
    /// The quote states no Incoterm while the RFQ names one (`requested`, with its place):
    /// who pays the carriage and where the goods are handed over is unknown, so the landed
    /// cost lacks it until the buyer estimates it (`estimated`).
    #[serde(rename = "terms.incoterm_missing")]
    IncotermMissing {
        requested: String,
        estimated: bool,
    },
    /// The same Incoterm to another named place than the RFQ's (or none named).
    #[serde(rename = "terms.place_mismatch")]
    PlaceMismatch {
        quoted: String,
        requested: String,
        estimated: bool,
    },
    FreightNotQuoted,
    /// Far off the other bids or the last price paid: often a per-100 price typed as per-unit.
    OutlierPrice {
        ratio: Decimal,
        against: String,
    },
    BreaksDiffer {
        quoted: Vec<Decimal>,
    },
    AlternateOffered {
        alternate: String,
    },
}

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    Priced,
    NoBid,
    Missing,
    /// Priced, but in a currency the FX table lacks.
    NoFxRate,
    /// Priced, but the landed cost cannot be computed or is beyond [`MAX_LANDED`]
    /// (absurd price, rate or quantity); left out of lowest, deltas and totals.
    OutOfRange,
}

/// Largest landed unit cost a cell may show (in the base currency): a thousand times
/// the largest price `crate::validate::AMOUNT` allows.
pub const MAX_LANDED: i64 = 1_000_000_000_000_000;
/// Largest landed cost × break quantity of one cell, so that a supplier's totals over
/// any number of lines a request can carry stay far inside `Decimal`'s range.
pub const MAX_EXTENDED: i64 = 1_000_000_000_000_000_000;

/// The parts of a landed unit cost, in the base currency per unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Breakdown {
    pub unit_price: Decimal,
    pub freight: Decimal,
    /// Freight from the buyer's estimate ([`LandedEstimate`]), per unit; 0 without one.
    #[serde(default)]
    pub estimated_freight: Decimal,
    /// Import duty from the buyer's estimate, per unit; 0 without one.
    #[serde(default)]
    pub duty: Decimal,
    pub tooling: Decimal,
    pub financing: Decimal,
    pub landed: Decimal,
    /// The price as quoted, per unit, in the quote's currency.
    pub quoted_unit_price: Decimal,
    pub quoted_currency: Currency,
    /// Rate used (1 for the base currency) and its date.
    pub fx_rate: Decimal,
    pub fx_as_of: Option<NaiveDate>,
    /// Payment days used for financing, and whether the early-payment discount was taken.
    pub payment_days: i64,
    pub discount_taken: bool,
}

/// One supplier at one (line, break).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = LevelCell))]
pub struct Cell {
    pub supplier_id: String,
    pub state: CellState,
    pub breakdown: Option<Breakdown>,
    /// Percent above the lowest landed cost at this break (0 for the lowest).
    pub delta_to_lowest_pct: Option<Decimal>,
    pub lowest: bool,
    pub delta_to_last_price_pct: Option<Decimal>,
    pub delta_to_should_cost_pct: Option<Decimal>,
    pub flags: Vec<Flag>,
    /// For [`CellState::NoFxRate`]: the currency whose rate against the base is missing
    /// (the grid offers to add it there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_rate: Option<Currency>,
    /// When the bid's line ships against the line's need date (shown in the cell, issue 11).
    #[serde(default)]
    pub schedule: Option<Schedule>,
    /// The quote's validity against today (shown in the cell).
    #[serde(default)]
    pub validity: Option<Validity>,
}

/// A bid line's lead time against the RFQ line's need date: it ships `lead_time_days`
/// after the leveling's `today`, as [`Flag::LeadTimePastNeed`] reckons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Schedule {
    pub lead_time_days: u32,
    /// `None` when today + lead time is past the calendar's end (an absurd lead time).
    pub ships: Option<NaiveDate>,
    pub need_by: Option<NaiveDate>,
}

impl Schedule {
    /// Ships after the need date.
    pub fn late(&self) -> bool {
        match (self.ships, self.need_by) {
            (Some(s), Some(n)) => s > n,
            (None, Some(_)) => true,
            _ => false,
        }
    }
}

/// A quote's `valid_until` against the leveling's `today`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Validity {
    pub valid_until: NaiveDate,
    pub expired: bool,
}

/// ISO week of `d`, with its ISO year when `show_year`.
fn week_label(d: NaiveDate, show_year: bool) -> String {
    use chrono::Datelike;
    let w = d.iso_week();
    if show_year {
        format!("wk {} {}", w.week(), w.year())
    } else {
        format!("wk {}", w.week())
    }
}

/// Whole calendar weeks from the ISO week of `from` to that of `to` (Monday to Monday).
fn weeks_between(from: NaiveDate, to: NaiveDate) -> i64 {
    use chrono::Datelike;
    let monday =
        |d: NaiveDate| d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()));
    (monday(to) - monday(from)).num_days() / 7
}

/// A cell's schedule in a few words: `ships wk 53, need wk 50 — 3 wk late`,
/// `ships wk 49, need wk 49 — 2 days late`, `ships wk 48, need wk 50 — 2 wk spare`,
/// `ships wk 50, need wk 50 — on time`, or without a need date `ships wk 53`. ISO weeks;
/// the year is added when the two dates fall in different ISO years.
pub fn describe_schedule(s: &Schedule) -> String {
    use chrono::Datelike;
    let Some(ships) = s.ships else {
        return format!(
            "{} days lead time: ships past any need date",
            s.lead_time_days
        );
    };
    let Some(need) = s.need_by else {
        return format!("ships {}", week_label(ships, false));
    };
    let years = ships.iso_week().year() != need.iso_week().year();
    let head = format!(
        "ships {}, need {}",
        week_label(ships, years),
        week_label(need, years)
    );
    let days = (ships - need).num_days();
    let weeks = weeks_between(need, ships);
    let tail = if days > 0 && weeks > 0 {
        format!("{weeks} wk late")
    } else if days > 0 {
        format!("{days} day{} late", if days == 1 { "" } else { "s" })
    } else if weeks < 0 {
        format!("{} wk spare", -weeks)
    } else {
        "on time".to_string()
    };
    format!("{head} — {tail}")
}

/// A quote's validity in a few words: `valid until 2027-06-30` or `expired 2026-10-01`.
pub fn describe_validity(v: &Validity) -> String {
    if v.expired {
        format!("expired {}", v.valid_until)
    } else {
        format!("valid until {}", v.valid_until)
    }
}

/// One quantity break of one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BreakRow {
    pub qty: Decimal,
    pub lowest_landed: Option<Decimal>,
    pub cells: Vec<Cell>,
}

/// One RFQ line with its breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineRow {
    pub rfq_line_id: String,
    pub line_no: u32,
    pub part_number: String,
    pub revision: String,
    pub breaks: Vec<BreakRow>,
}

/// Per supplier, across lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupplierSummary {
    pub supplier_id: String,
    pub supplier_name: String,
    pub lines_bid: usize,
    pub lines_total: usize,
    pub coverage_pct: Decimal,
    /// Longest lead time over the lines it bid.
    pub max_lead_time_days: Option<u32>,
    /// Σ landed × quantity over the lines priced at each break position (1st, 2nd, …).
    pub totals: Vec<Decimal>,
    pub quote_flags: Vec<Flag>,
}

/// The leveled comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Leveled {
    pub base: Currency,
    pub lines: Vec<LineRow>,
    pub suppliers: Vec<SupplierSummary>,
}

/// Rounds a per-unit cost for display and comparison: 6 decimals, half away from zero.
pub fn round_cost(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// `(value − reference) / reference` in percent, 1 decimal, half away from zero.
pub fn pct(value: Decimal, reference: Decimal) -> Option<Decimal> {
    if reference <= Decimal::ZERO {
        return None;
    }
    let d = value
        .checked_sub(reference)?
        .checked_div(reference)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    let mut d = d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(1);
    Some(d)
}

fn rate_for(settings: &Settings, currency: Currency) -> Option<(Decimal, Option<NaiveDate>)> {
    if currency == settings.base {
        return Some((Decimal::ONE, None));
    }
    settings
        .fx
        .iter()
        .filter(|r| r.currency == currency && r.rate > Decimal::ZERO)
        .max_by_key(|r| r.as_of)
        .map(|r| (r.rate, Some(r.as_of)))
}

/// The rate that turns one unit of `from` into `to`, from an FX table whose rows are
/// `(base, rate)` (one `rate.currency` = `rate.rate` units of `base`): a direct row, the
/// inverse row, or two such steps through a third currency of the table (a common base,
/// or a common quoted currency such as the euro of the ECB's reference rates; the first
/// by code when several link them). The date is the older rate's. The one conversion
/// the comparison (server and app, [`rates_against`]) and reference prices use.
pub fn conversion(
    from: Currency,
    to: Currency,
    table: &[(Currency, FxRate)],
) -> Option<(Decimal, Option<NaiveDate>)> {
    if from == to {
        return Some((Decimal::ONE, None));
    }
    let find = |base: Currency, cur: Currency| {
        table
            .iter()
            .filter(|(b, r)| *b == base && r.currency == cur && r.rate > Decimal::ZERO)
            .max_by_key(|(_, r)| r.as_of)
            .map(|(_, r)| (r.rate, r.as_of))
    };
    // One row: `amount` of `a` in `b`, and the row's date.
    let step = |amount: Decimal, a: Currency, b: Currency| -> Option<(Decimal, NaiveDate)> {
        if let Some((r, d)) = find(b, a) {
            return Some((amount.checked_mul(r)?, d));
        }
        let (r, d) = find(a, b)?;
        Some((amount.checked_div(r)?, d))
    };
    if let Some((r, d)) = step(Decimal::ONE, from, to) {
        return Some((r, Some(d)));
    }
    let mut via: Vec<Currency> = table
        .iter()
        .flat_map(|(b, r)| [*b, r.currency])
        .filter(|c| *c != from && *c != to)
        .collect();
    via.sort_by_key(|c| c.code());
    via.dedup();
    via.into_iter().find_map(|m| {
        let (x, d1) = step(Decimal::ONE, from, m)?;
        let (y, d2) = step(x, m, to)?;
        Some((y, Some(d1.min(d2))))
    })
}

/// Days from invoice to payment implied by the terms (end-of-month bases add the
/// average half month).
pub fn payment_days(t: &PaymentTerms) -> i64 {
    let net = i64::from(t.net_days.unwrap_or(0));
    match t.basis.as_str() {
        "end_of_month" => net + 15,
        "end_of_next_month" => net + 45,
        _ => net,
    }
}

/// Present-value adjustment per unit for paying `amount` under `terms`, at an annual
/// cost of capital `r` (a fraction). Negative when the terms are worth money to the buyer.
/// `None` when the arithmetic overflows.
fn financing(
    amount: Decimal,
    terms: &PaymentTerms,
    r: Decimal,
    lead_time_days: Option<u32>,
) -> Option<(Decimal, i64, bool)> {
    let year = Decimal::from(365);
    let days = payment_days(terms);
    let pv_at = |amt: Decimal, d: i64| {
        let factor =
            Decimal::ONE.checked_sub(r.checked_mul(Decimal::from(d))?.checked_div(year)?)?;
        amt.checked_mul(factor)
    };
    let mut pv = pv_at(amount, days)?;
    let mut taken = false;
    if let (Some(disc), Some(dd)) = (terms.discount_pct, terms.discount_days) {
        let kept = Decimal::ONE.checked_sub(disc.checked_div(Decimal::ONE_HUNDRED)?)?;
        let discounted = pv_at(amount.checked_mul(kept)?, i64::from(dd))?;
        if discounted < pv {
            pv = discounted;
            taken = true;
        }
    }
    if let Some(dep) = terms.deposit_pct.filter(|d| *d > Decimal::ZERO) {
        // A deposit is paid at order, about one lead time before delivery and invoice.
        let share = dep.checked_div(Decimal::ONE_HUNDRED)?;
        let lead = i64::from(lead_time_days.unwrap_or(0));
        let deposit_pv = pv_at(amount.checked_mul(share)?, -lead)?;
        pv = pv
            .checked_mul(Decimal::ONE.checked_sub(share)?)?
            .checked_add(deposit_pv)?;
    }
    Some((pv.checked_sub(amount)?, days, taken))
}

/// The parts of a landed cost, in the base currency per unit.
struct Parts {
    unit: Decimal,
    freight: Decimal,
    estimated_freight: Decimal,
    duty: Decimal,
    tooling: Decimal,
    financing: Decimal,
    landed: Decimal,
    payment_days: i64,
    discount_taken: bool,
}

/// Why a cell has no landed cost although it is priced.
enum Unpriced {
    /// No rate for this currency against the base.
    NoRate(Currency),
    /// The arithmetic overflows or the result is beyond [`MAX_LANDED`] / [`MAX_EXTENDED`].
    OutOfRange,
}

/// The parts of a landed cost at `qty` for the price `quoted` (per unit, in the quote's
/// currency, converted with `rate`), with the buyer's estimate when the bid has one.
fn landed_parts(
    rfq_line: &RfqLineSpec,
    qty: Decimal,
    ql: &QuoteLine,
    quoted: Decimal,
    rate: Decimal,
    bid: &Bid,
    settings: &Settings,
) -> Result<Parts, Unpriced> {
    let h = &bid.quote.header;
    // Division by zero means "nothing to spread over" (as before); overflow is out of range.
    let per = |total: Decimal, over: Decimal| {
        if over.is_zero() {
            Some(Decimal::ZERO)
        } else {
            total.checked_div(over)
        }
    };
    let range = |d: Option<Decimal>| d.ok_or(Unpriced::OutOfRange);
    let unit = range(quoted.checked_mul(rate))?;
    let freight = match h.freight {
        Freight::PerUnit(a) => range(a.checked_mul(rate))?,
        Freight::PerShipment(a) => range(a.checked_mul(rate).and_then(|a| per(a, qty)))?,
        Freight::Included | Freight::NotQuoted => Decimal::ZERO,
    };
    let (estimated_freight, duty) = match &bid.estimate {
        None => (Decimal::ZERO, Decimal::ZERO),
        Some(e) => {
            let freight = match e.freight {
                None => Decimal::ZERO,
                Some(f) => {
                    let (erate, _) =
                        rate_for(settings, e.currency).ok_or(Unpriced::NoRate(e.currency))?;
                    match f {
                        EstimateFreight::PerUnit(a) => range(a.checked_mul(erate))?,
                        EstimateFreight::PerShipment(a) => {
                            range(a.checked_mul(erate).and_then(|a| per(a, qty)))?
                        }
                    }
                }
            };
            let duty = match e.duty_pct {
                None => Decimal::ZERO,
                Some(d) => range(
                    d.checked_div(Decimal::ONE_HUNDRED)
                        .and_then(|d| unit.checked_mul(d)),
                )?,
            };
            (freight, duty)
        }
    };
    let tooling_total = range(ql.tooling_total().and_then(|t| t.checked_mul(rate)))?;
    let spread = match rfq_line.annual_volume {
        Some(v) if v > Decimal::ZERO && settings.amortization_years > Decimal::ZERO => {
            range(v.checked_mul(settings.amortization_years))?
        }
        _ => qty,
    };
    let tooling = range(per(tooling_total, spread))?;
    let r = range(
        settings
            .cost_of_capital_pct
            .checked_div(Decimal::ONE_HUNDRED),
    )?;
    // Financing applies to what the supplier is paid (price and its own freight), not to
    // the buyer's estimate (paid to a forwarder and to customs).
    let (fin, payment_days, discount_taken) = unit
        .checked_add(freight)
        .and_then(|paid| financing(paid, &h.payment_terms, r, ql.lead_time_days))
        .ok_or(Unpriced::OutOfRange)?;
    let landed = range(
        unit.checked_add(freight)
            .and_then(|x| x.checked_add(estimated_freight))
            .and_then(|x| x.checked_add(duty))
            .and_then(|x| x.checked_add(tooling))
            .and_then(|x| x.checked_add(fin)),
    )?;
    let extended = range(landed.checked_mul(qty))?;
    if landed.abs() > Decimal::from(MAX_LANDED) || extended.abs() > Decimal::from(MAX_EXTENDED) {
        return Err(Unpriced::OutOfRange);
    }
    Ok(Parts {
        unit,
        freight,
        estimated_freight,
        duty,
        tooling,
        financing: fin,
        landed,
        payment_days,
        discount_taken,
    })
}

fn quote_flags(rfq: &RfqSpec, bid: &Bid, today: NaiveDate) -> Vec<Flag> {
    let q = &bid.quote;
    let mut flags = Vec::new();
    if let Some(v) = q.header.valid_until.filter(|v| *v < today) {
        flags.push(Flag::QuoteExpired { valid_until: v });
    }
    flags.extend(terms_mismatch(
        rfq.incoterm.as_deref(),
        q.header.incoterm.as_deref(),
        q.header.incoterm_place.as_deref(),
        bid.estimate.is_some(),
    ));
    if let Some(want) = rfq.payment_terms.as_ref() {
        let (w, g) = (payment_days(want), payment_days(&q.header.payment_terms));
        if g < w {
            flags.push(Flag::TermsDeviate {
                what: format!("payment in {g} days instead of {w}"),
            });
        }
        if q.header
            .payment_terms
            .deposit_pct
            .is_some_and(|d| d > Decimal::ZERO)
            && want.deposit_pct.is_none()
        {
            flags.push(Flag::TermsDeviate {
                what: "asks for a deposit".into(),
            });
        }
    }
    if q.header.freight == Freight::NotQuoted {
        flags.push(Flag::FreightNotQuoted);
    }
    flags
}

/// `quoted` is the bid's line for `rfq_line` (its first one, if it has several), found
/// once per bid by [`first_lines`].
fn cell(
    rfq_line: &RfqLineSpec,
    qty: Decimal,
    bid: &Bid,
    quoted: Option<&QuoteLine>,
    settings: &Settings,
    qflags: &[Flag],
) -> Cell {
    let mut c = Cell {
        supplier_id: bid.supplier_id.clone(),
        state: CellState::Missing,
        breakdown: None,
        delta_to_lowest_pct: None,
        lowest: false,
        delta_to_last_price_pct: None,
        delta_to_should_cost_pct: None,
        flags: Vec::new(),
        missing_rate: None,
        schedule: None,
        validity: None,
    };
    let Some(ql) = quoted else {
        c.flags.push(Flag::MissingLine);
        return c;
    };
    if ql.no_bid {
        c.state = CellState::NoBid;
        c.flags.push(Flag::NoBid {
            reason: ql.no_bid_reason.clone().unwrap_or_default(),
        });
        return c;
    }
    line_flags(rfq_line, qty, ql, settings, &mut c.flags);
    c.flags.extend(qflags.iter().cloned());
    c.schedule = ql.lead_time_days.map(|days| Schedule {
        lead_time_days: days,
        ships: ships_on(settings.today, days),
        need_by: rfq_line.need_by,
    });
    c.validity = bid.quote.header.valid_until.map(|v| Validity {
        valid_until: v,
        expired: v < settings.today,
    });
    let Some((quoted, _)) = ql.unit_price_at(qty) else {
        // Breaks and a basis, but the unit price does not fit: out of range.
        if !ql.breaks.is_empty() && ql.price_basis_qty > Decimal::ZERO {
            c.state = CellState::OutOfRange;
        }
        return c;
    };
    let h = &bid.quote.header;
    let Some((rate, as_of)) = rate_for(settings, h.currency) else {
        c.state = CellState::NoFxRate;
        c.missing_rate = Some(h.currency);
        return c;
    };
    let p = match landed_parts(rfq_line, qty, ql, quoted, rate, bid, settings) {
        Ok(p) => p,
        Err(Unpriced::NoRate(cur)) => {
            c.state = CellState::NoFxRate;
            c.missing_rate = Some(cur);
            return c;
        }
        Err(Unpriced::OutOfRange) => {
            c.state = CellState::OutOfRange;
            return c;
        }
    };
    c.state = CellState::Priced;
    c.breakdown = Some(Breakdown {
        unit_price: round_cost(p.unit),
        freight: round_cost(p.freight),
        estimated_freight: round_cost(p.estimated_freight),
        duty: round_cost(p.duty),
        tooling: round_cost(p.tooling),
        financing: round_cost(p.financing),
        landed: round_cost(p.landed),
        quoted_unit_price: round_cost(quoted),
        quoted_currency: h.currency,
        fx_rate: rate,
        fx_as_of: as_of,
        payment_days: p.payment_days,
        discount_taken: p.discount_taken,
    });
    c
}

fn line_flags(
    rfq_line: &RfqLineSpec,
    qty: Decimal,
    ql: &QuoteLine,
    settings: &Settings,
    flags: &mut Vec<Flag>,
) {
    if let Some(rev) = ql
        .revision
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        if !rev.eq_ignore_ascii_case(rfq_line.revision.trim()) {
            flags.push(Flag::RevisionMismatch {
                quoted: rev.to_string(),
                requested: rfq_line.revision.clone(),
            });
        }
    }
    let first_break = ql.breaks.iter().map(|b| b.min_qty).min();
    let minimum = [ql.moq, first_break].into_iter().flatten().max();
    if let Some(m) = minimum.filter(|m| *m > qty) {
        flags.push(Flag::MoqAboveBreak { minimum: m });
    }
    if let (Some(days), Some(need)) = (ql.lead_time_days, rfq_line.need_by) {
        // A date past the calendar's end (an absurd stored lead time) is past any need.
        let ready = ships_on(settings.today, days);
        if ready.is_none_or(|r| r > need) {
            flags.push(Flag::LeadTimePastNeed {
                lead_time_days: days,
                need_by: need,
            });
        }
    }
    let mut quoted: Vec<Decimal> = ql.breaks.iter().map(|b| b.min_qty.normalize()).collect();
    quoted.sort();
    let mut asked: Vec<Decimal> = rfq_line.quantities.iter().map(|q| q.normalize()).collect();
    asked.sort();
    if !quoted.is_empty() && quoted != asked {
        flags.push(Flag::BreaksDiffer { quoted });
    }
    if let Some(alt) = ql.alternate.as_deref().filter(|a| !a.trim().is_empty()) {
        flags.push(Flag::AlternateOffered {
            alternate: alt.to_string(),
        });
    }
}

/// The day a line ships: `today` + lead time; `None` past the calendar's end.
fn ships_on(today: NaiveDate, lead_time_days: u32) -> Option<NaiveDate> {
    today.checked_add_signed(chrono::Duration::days(i64::from(lead_time_days)))
}

fn median(mut v: Vec<Decimal>) -> Option<Decimal> {
    v.sort();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => v[n / 2 - 1]
            .checked_add(v[n / 2])?
            .checked_div(Decimal::TWO),
    }
}

fn ratio_off(value: Decimal, reference: Decimal) -> Option<Decimal> {
    if value <= Decimal::ZERO || reference <= Decimal::ZERO {
        return None;
    }
    let r = if value > reference {
        value.checked_div(reference)?
    } else {
        reference.checked_div(value)?
    };
    Some(r.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
}

/// A supplier the buyer may award a line to at one break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardOption {
    pub supplier_id: String,
    /// Landed unit cost in the base currency; `None` when it cannot be computed.
    pub landed: Option<Decimal>,
    /// The currency whose rate is missing, when that is why there is no landed cost.
    pub missing_rate: Option<Currency>,
    pub lowest: bool,
}

/// Who may win one line at one break: every supplier that priced it — whether or not
/// its price could be brought into the base currency (a missing rate or an absurd value
/// never takes a bid out of the choice; the server's `check_award` accepts it too).
/// No-bids and missing lines are not choices.
pub fn award_options(row: &BreakRow) -> Vec<AwardOption> {
    row.cells
        .iter()
        .filter(|c| {
            matches!(
                c.state,
                CellState::Priced | CellState::NoFxRate | CellState::OutOfRange
            )
        })
        .map(|c| AwardOption {
            supplier_id: c.supplier_id.clone(),
            landed: c.breakdown.as_ref().map(|b| b.landed),
            missing_rate: c.missing_rate,
            lowest: c.lowest,
        })
        .collect()
}

/// The default winner of one line at one break: the lowest landed cost (first such
/// supplier in the grid's order); `None` when no cell has a landed cost.
pub fn default_winner(row: &BreakRow) -> Option<&str> {
    row.cells
        .iter()
        .filter_map(|c| Some((c.breakdown.as_ref()?.landed, c)))
        .min_by_key(|(landed, _)| *landed)
        .map(|(_, c)| c.supplier_id.as_str())
}

/// Each bid's quote lines by RFQ line id, the first one where a bid quotes a line twice
/// (issue 12: looking a line up per cell made leveling quadratic in the line count).
fn first_lines(bid: &Bid) -> HashMap<&str, &QuoteLine> {
    let mut by_id = HashMap::with_capacity(bid.quote.lines.len());
    for l in &bid.quote.lines {
        by_id.entry(l.rfq_line_id.as_str()).or_insert(l);
    }
    by_id
}

/// Builds the leveled comparison (from scratch; [`Leveling`] keeps one and re-levels only
/// what a change touches).
pub fn level(rfq: &RfqSpec, bids: &[Bid], settings: &Settings) -> Leveled {
    let quoted: Vec<HashMap<&str, &QuoteLine>> = bids.iter().map(first_lines).collect();
    let qflags: Vec<Vec<Flag>> = bids
        .iter()
        .map(|b| quote_flags(rfq, b, settings.today))
        .collect();
    let ref_rate = reference_rate(rfq, settings);
    let lines: Vec<LineRow> = rfq
        .lines
        .iter()
        .map(|rl| {
            line_row(
                rl,
                settings,
                ref_rate,
                |i| {
                    (
                        &bids[i],
                        quoted[i].get(rl.id.as_str()).copied(),
                        qflags[i].as_slice(),
                    )
                },
                bids.len(),
            )
        })
        .collect();
    let rfq_ids: HashSet<&str> = rfq.lines.iter().map(|l| l.id.as_str()).collect();
    let suppliers = bids
        .iter()
        .enumerate()
        .zip(qflags)
        .map(|((i, b), quote_flags)| summary(i, b, rfq, &rfq_ids, &lines, quote_flags))
        .collect();
    Leveled {
        base: settings.base,
        lines,
        suppliers,
    }
}

/// Reference prices (last price, should-cost) are in the RFQ's currency: its rate.
fn reference_rate(rfq: &RfqSpec, settings: &Settings) -> Option<Decimal> {
    rate_for(settings, rfq.currency).map(|(r, _)| r)
}

/// One RFQ line's rows: for each break, the cell of each of the `n` bids (`bid(i)`: the
/// bid, its quote line for `rl`, its quote flags), then [`finish_row`].
fn line_row<'a>(
    rl: &RfqLineSpec,
    settings: &Settings,
    ref_rate: Option<Decimal>,
    bid: impl Fn(usize) -> (&'a Bid, Option<&'a QuoteLine>, &'a [Flag]),
    n: usize,
) -> LineRow {
    let breaks = rl
        .quantities
        .iter()
        .map(|&qty| {
            let mut cells: Vec<Cell> = (0..n)
                .map(|i| {
                    let (b, q, f) = bid(i);
                    cell(rl, qty, b, q, settings, f)
                })
                .collect();
            let lowest_landed = finish_row(&mut cells, rl, settings, ref_rate);
            BreakRow {
                qty,
                lowest_landed,
                cells,
            }
        })
        .collect();
    LineRow {
        rfq_line_id: rl.id.clone(),
        line_no: rl.line_no,
        part_number: rl.part_number.clone(),
        revision: rl.revision.clone(),
        breaks,
    }
}

/// What a row's cells get from each other and from the line's reference prices: the
/// delta to the row's lowest landed cost, whether a cell is the lowest, the deltas to the
/// last price and the should-cost, and the outlier flag. Clears what an earlier call set
/// first, so a row can be finished again after some of its cells changed
/// ([`Leveling`]). Returns the row's lowest landed cost.
fn finish_row(
    cells: &mut [Cell],
    rl: &RfqLineSpec,
    settings: &Settings,
    ref_rate: Option<Decimal>,
) -> Option<Decimal> {
    for c in cells.iter_mut() {
        unfinish(c);
    }
    let landed: Vec<Option<Decimal>> = cells
        .iter()
        .map(|c| c.breakdown.as_ref().map(|b| b.landed))
        .collect();
    let lowest = landed.iter().flatten().min().copied();
    let last = rl
        .last_price
        .zip(ref_rate)
        .and_then(|(p, r)| p.checked_mul(r));
    let should = rl
        .should_cost
        .zip(ref_rate)
        .and_then(|(p, r)| p.checked_mul(r));
    // With three or more bids the median is a fair middle; with fewer, one
    // wild bid would drag it, so compare with the last price paid instead.
    let priced: Vec<Decimal> = landed.iter().flatten().copied().collect();
    let middle = if priced.len() >= 3 {
        Some(median(priced))
    } else {
        None
    };
    for (i, c) in cells.iter_mut().enumerate() {
        let Some(mine) = landed[i] else { continue };
        c.delta_to_lowest_pct = lowest.and_then(|l| pct(mine, l));
        c.lowest = Some(mine) == lowest;
        c.delta_to_last_price_pct = last.and_then(|l| pct(mine, l));
        c.delta_to_should_cost_pct = should.and_then(|s| pct(mine, s));
        let outlier = if let Some(middle) = middle {
            middle
                .and_then(|m| ratio_off(mine, m))
                .map(|r| (r, "the other bids".to_string()))
        } else {
            last.and_then(|l| ratio_off(mine, l))
                .map(|r| (r, "the last price paid".to_string()))
        };
        if let Some((ratio, against)) = outlier.filter(|(r, _)| *r >= settings.outlier_ratio) {
            c.flags.push(Flag::OutlierPrice { ratio, against });
        }
    }
    lowest
}

/// Takes back what [`finish_row`] set on a cell ([`cell`] never sets it: the outlier
/// flag, when there, is the last one).
fn unfinish(c: &mut Cell) {
    c.delta_to_lowest_pct = None;
    c.lowest = false;
    c.delta_to_last_price_pct = None;
    c.delta_to_should_cost_pct = None;
    if matches!(c.flags.last(), Some(Flag::OutlierPrice { .. })) {
        c.flags.pop();
    }
}

/// What [`finish_row`] set on `from`, onto `to` (a cell recomputed with the same landed
/// cost in a row whose other landed costs did not change either).
fn refinish_from(to: &mut Cell, from: &Cell) {
    to.delta_to_lowest_pct = from.delta_to_lowest_pct;
    to.lowest = from.lowest;
    to.delta_to_last_price_pct = from.delta_to_last_price_pct;
    to.delta_to_should_cost_pct = from.delta_to_should_cost_pct;
    if let Some(f @ Flag::OutlierPrice { .. }) = from.flags.last() {
        to.flags.push(f.clone());
    }
}

/// A cell's landed cost × its break quantity, as the supplier's totals add it.
fn extended(b: &Breakdown, qty: Decimal) -> Decimal {
    // Each cell's landed × quantity is at most MAX_EXTENDED, so the sum over the lines a
    // request can carry stays in range; saturate all the same.
    b.landed.checked_mul(qty).unwrap_or(Decimal::MAX)
}

fn summary(
    i: usize,
    bid: &Bid,
    rfq: &RfqSpec,
    rfq_ids: &HashSet<&str>,
    lines: &[LineRow],
    quote_flags: Vec<Flag>,
) -> SupplierSummary {
    let mut totals = vec![Decimal::ZERO; positions(rfq)];
    let mut lines_bid = 0;
    for row in lines {
        let mut priced = false;
        for (k, br) in row.breaks.iter().enumerate() {
            if let Some(b) = br.cells[i].breakdown.as_ref() {
                totals[k] = totals[k]
                    .checked_add(extended(b, br.qty))
                    .unwrap_or(Decimal::MAX);
                priced = true;
            }
        }
        lines_bid += usize::from(priced);
    }
    summary_of(
        bid,
        rfq,
        rfq_ids,
        lines_bid,
        totals.into_iter().map(round_cost).collect(),
        quote_flags,
    )
}

/// Break positions of the supplier totals: the most breaks any line asks for.
fn positions(rfq: &RfqSpec) -> usize {
    rfq.lines
        .iter()
        .map(|l| l.quantities.len())
        .max()
        .unwrap_or(0)
}

/// A supplier's summary from its counted lines and its (rounded) totals.
fn summary_of(
    bid: &Bid,
    rfq: &RfqSpec,
    rfq_ids: &HashSet<&str>,
    lines_bid: usize,
    totals: Vec<Decimal>,
    quote_flags: Vec<Flag>,
) -> SupplierSummary {
    let max_lead_time_days = bid
        .quote
        .lines
        .iter()
        .filter(|l| !l.no_bid && rfq_ids.contains(l.rfq_line_id.as_str()))
        .filter_map(|l| l.lead_time_days)
        .max();
    let lines_total = rfq.lines.len();
    SupplierSummary {
        supplier_id: bid.supplier_id.clone(),
        supplier_name: bid.supplier_name.clone(),
        lines_bid,
        lines_total,
        coverage_pct: coverage(lines_bid, lines_total),
        max_lead_time_days,
        totals,
        quote_flags,
    }
}

/// Percent of the RFQ's lines a supplier priced.
fn coverage(lines_bid: usize, lines_total: usize) -> Decimal {
    pct(Decimal::from(lines_bid), Decimal::from(lines_total.max(1)))
        .map(|p| p + Decimal::ONE_HUNDRED)
        .unwrap_or_default()
}

/// One flag as a short phrase for a person (and for exports).
pub fn describe(flag: &Flag) -> String {
    match flag {
        Flag::RevisionMismatch { quoted, requested } => {
            format!("quoted rev {quoted}, RFQ asks rev {requested}")
        }
        Flag::MoqAboveBreak { minimum } => format!("minimum order {minimum} above this quantity"),
        Flag::LeadTimePastNeed {
            lead_time_days,
            need_by,
        } => format!("{lead_time_days} days lead time misses need date {need_by}"),
        Flag::QuoteExpired { valid_until } => format!("quote expired {valid_until}"),
        Flag::NoBid { reason } if reason.is_empty() => "no-bid".to_string(),
        Flag::NoBid { reason } => format!("no-bid: {reason}"),
        Flag::MissingLine => "line not quoted".to_string(),
        Flag::TermsDeviate { what } => format!("terms differ: {what}"),
        Flag::IncotermMismatch {
            quoted,
            requested,
            estimated,
        } => format!(
            "Incoterm {quoted} instead of {requested}{}",
            estimate_note(*estimated)
        ),
        Flag::IncotermMissing {
            requested,
            estimated,
        } => format!(
            "no Incoterm stated; the RFQ asks {requested}{}",
            estimate_note(*estimated)
        ),
        Flag::PlaceMismatch {
            quoted,
            requested,
            estimated,
        } => format!(
            "named place {quoted} instead of {requested}{}",
            estimate_note(*estimated)
        ),
        Flag::FreightNotQuoted => "freight not quoted".to_string(),
        Flag::OutlierPrice { ratio, against } => {
            format!("price {ratio}x off {against} (per-100 typed as per-unit?)")
        }
        Flag::BreaksDiffer { quoted } => format!(
            "quoted breaks {}",
            quoted
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("/")
        ),
        Flag::AlternateOffered { alternate } => format!("alternate offered: {alternate}"),
    }
}

/// What a terms-mismatch flag adds about the buyer's estimate.
fn estimate_note(estimated: bool) -> &'static str {
    if estimated {
        " — freight and duty estimated"
    } else {
        " — estimate missing"
    }
}

/// One exported value: text or a number (kept a number so spreadsheets can sum it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Text(String),
    Num(Decimal),
    Empty,
}

impl Field {
    fn text(&self) -> String {
        match self {
            Field::Text(s) => s.clone(),
            Field::Num(d) => d.to_string(),
            Field::Empty => String::new(),
        }
    }
}

/// Column names of [`export_rows`].
pub const EXPORT_COLUMNS: [&str; 19] = [
    "line",
    "part",
    "revision",
    "quantity",
    "supplier",
    "state",
    "currency",
    "unit_price",
    "freight",
    "estimated_freight",
    "duty",
    "tooling",
    "financing",
    "landed",
    "delta_to_lowest_pct",
    "lowest",
    "delta_to_last_price_pct",
    "delta_to_should_cost_pct",
    "flags",
];

/// The leveled grid as rows, one per line × break × supplier, for CSV and XLSX export.
pub fn export_rows(l: &Leveled) -> Vec<Vec<Field>> {
    let name = |id: &str| {
        l.suppliers
            .iter()
            .find(|s| s.supplier_id == id)
            .map_or_else(|| id.to_string(), |s| s.supplier_name.clone())
    };
    let num = |d: Option<Decimal>| d.map_or(Field::Empty, Field::Num);
    let mut rows = Vec::new();
    for line in &l.lines {
        for br in &line.breaks {
            for c in &br.cells {
                let b = c.breakdown.as_ref();
                let state = match c.state {
                    CellState::Priced => "priced",
                    CellState::NoBid => "no_bid",
                    CellState::Missing => "missing",
                    CellState::NoFxRate => "no_fx_rate",
                    CellState::OutOfRange => "out_of_range",
                };
                rows.push(vec![
                    Field::Num(Decimal::from(line.line_no)),
                    Field::Text(line.part_number.clone()),
                    Field::Text(line.revision.clone()),
                    Field::Num(br.qty),
                    Field::Text(name(&c.supplier_id)),
                    Field::Text(state.to_string()),
                    Field::Text(l.base.code().to_string()),
                    num(b.map(|b| b.unit_price)),
                    num(b.map(|b| b.freight)),
                    num(b.map(|b| b.estimated_freight)),
                    num(b.map(|b| b.duty)),
                    num(b.map(|b| b.tooling)),
                    num(b.map(|b| b.financing)),
                    num(b.map(|b| b.landed)),
                    num(c.delta_to_lowest_pct),
                    if c.lowest {
                        Field::Text("yes".into())
                    } else {
                        Field::Empty
                    },
                    num(c.delta_to_last_price_pct),
                    num(c.delta_to_should_cost_pct),
                    Field::Text(c.flags.iter().map(describe).collect::<Vec<_>>().join("; ")),
                ]);
            }
        }
    }
    rows
}

/// First characters that make a spreadsheet read a cell as a formula (or, for tab and
/// CR, let one hide after them): `= + - @`, their full-width forms, tab, CR, LF.
const FORMULA_LEADS: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Whether a spreadsheet opening this text would run it as a formula (CSV/formula
/// injection, issue 10). The one test every export uses for text cells: CSV exports
/// prefix such text with `'` ([`export_text`]), XLSX exports write it with Excel's
/// quote-prefix (text) format.
pub fn formula_like(s: &str) -> bool {
    s.starts_with(FORMULA_LEADS)
}

/// A text cell for a CSV export: formula-like text gets a leading `'`, which every
/// spreadsheet shows as text instead of evaluating (OWASP's advice); other text is
/// unchanged. Numbers are exported as numbers, never through this.
pub fn export_text(s: &str) -> String {
    if formula_like(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Undoes [`export_text`] for a cell read back from a file: `'=…` is `=…`.
pub fn import_text(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => s,
    }
}

/// Quotes one CSV field (RFC 4180) when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The leveled grid as CSV (RFC 4180), one row per line × break × supplier.
pub fn to_csv(l: &Leveled) -> String {
    let mut out = EXPORT_COLUMNS.join(",");
    out.push_str("\r\n");
    for row in export_rows(l) {
        out.push_str(
            &row.iter()
                .map(|f| match f {
                    Field::Text(t) => csv_field(&export_text(t)),
                    other => csv_field(&other.text()),
                })
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::tests::{day, line, quote, rfq, usd};
    use crate::quote::Tooling;
    use rust_decimal_macros::dec;

    fn eur() -> Currency {
        Currency::from_code("EUR").unwrap()
    }

    fn settings() -> Settings {
        Settings {
            base: usd(),
            fx: vec![FxRate {
                currency: eur(),
                rate: dec!(1.10),
                as_of: day("2026-11-20"),
            }],
            amortization_years: dec!(2),
            cost_of_capital_pct: dec!(0),
            outlier_ratio: dec!(20),
            today: day("2026-11-23"),
        }
    }

    fn bid(id: &str, q: Quote) -> Bid {
        Bid {
            supplier_id: id.into(),
            supplier_name: id.to_uppercase(),
            quote: q,
            estimate: None,
        }
    }

    fn cell_of<'a>(l: &'a Leveled, line: usize, brk: usize, supplier: &str) -> &'a Cell {
        l.lines[line].breaks[brk]
            .cells
            .iter()
            .find(|c| c.supplier_id == supplier)
            .unwrap()
    }

    fn landed(l: &Leveled, line: usize, brk: usize, supplier: &str) -> Decimal {
        cell_of(l, line, brk, supplier)
            .breakdown
            .as_ref()
            .unwrap()
            .landed
    }

    fn three_breaks(p: [Decimal; 3]) -> Vec<(Decimal, Decimal)> {
        vec![(dec!(500), p[0]), (dec!(2000), p[1]), (dec!(5000), p[2])]
    }

    #[test]
    fn a_line_quoted_twice_levels_its_first_quote() {
        // The per-bid index (issue 12) keeps the rule of the linear search it replaced.
        let a = bid(
            "a",
            quote(vec![
                line("L1", &three_breaks([dec!(0.60), dec!(0.55), dec!(0.50)])),
                line("L1", &three_breaks([dec!(0.10), dec!(0.10), dec!(0.10)])),
            ]),
        );
        let l = level(&rfq(), &[a], &settings());
        assert_eq!(landed(&l, 0, 0, "a"), dec!(0.60));
        assert_eq!(landed(&l, 0, 2, "a"), dec!(0.50));
        assert_eq!(cell_of(&l, 1, 0, "a").flags, vec![Flag::MissingLine]);
        assert_eq!(l.suppliers[0].lines_bid, 1);
    }

    #[test]
    fn lowest_and_deltas_per_break() {
        let a = bid(
            "a",
            quote(vec![line(
                "L1",
                &three_breaks([dec!(0.60), dec!(0.55), dec!(0.50)]),
            )]),
        );
        let b = bid(
            "b",
            quote(vec![line(
                "L1",
                &three_breaks([dec!(0.66), dec!(0.50), dec!(0.45)]),
            )]),
        );
        let l = level(&rfq(), &[a, b], &settings());
        assert!(cell_of(&l, 0, 0, "a").lowest);
        assert_eq!(cell_of(&l, 0, 0, "b").delta_to_lowest_pct, Some(dec!(10.0)));
        assert!(cell_of(&l, 0, 1, "b").lowest);
        assert_eq!(cell_of(&l, 0, 1, "a").delta_to_lowest_pct, Some(dec!(10.0)));
        assert_eq!(cell_of(&l, 0, 1, "b").delta_to_lowest_pct, Some(dec!(0.0)));
        // Against the last price paid (0.70) and should-cost (0.55).
        assert_eq!(
            cell_of(&l, 0, 0, "a").delta_to_last_price_pct,
            Some(dec!(-14.3))
        );
        assert_eq!(
            cell_of(&l, 0, 0, "a").delta_to_should_cost_pct,
            Some(dec!(9.1))
        );
        // Line 2 was not answered by anyone.
        assert_eq!(cell_of(&l, 1, 0, "a").state, CellState::Missing);
        assert_eq!(cell_of(&l, 1, 0, "a").flags, vec![Flag::MissingLine]);
        assert_eq!(l.suppliers[0].lines_bid, 1);
        assert_eq!(l.suppliers[0].coverage_pct, dec!(50.0));
        // Totals per break position: 500×0.60, 2000×0.55, 5000×0.50.
        assert_eq!(
            l.suppliers[0].totals,
            vec![dec!(300), dec!(1100), dec!(2500)]
        );
    }

    #[test]
    fn fx_converts_to_base_with_the_newest_rate() {
        let mut q = quote(vec![line(
            "L1",
            &three_breaks([dec!(0.50), dec!(0.50), dec!(0.50)]),
        )]);
        q.header.currency = eur();
        let mut s = settings();
        s.fx.push(FxRate {
            currency: eur(),
            rate: dec!(1.20),
            as_of: day("2026-10-01"),
        });
        let l = level(&rfq(), &[bid("e", q.clone())], &s);
        let b = cell_of(&l, 0, 0, "e").breakdown.clone().unwrap();
        assert_eq!(b.landed, dec!(0.55));
        assert_eq!(b.fx_as_of, Some(day("2026-11-20")));
        assert_eq!(b.quoted_currency, eur());
        s.fx.clear();
        let l = level(&rfq(), &[bid("e", q)], &s);
        assert_eq!(cell_of(&l, 0, 0, "e").state, CellState::NoFxRate);
        assert_eq!(cell_of(&l, 0, 0, "e").missing_rate, Some(eur()));
    }

    /// Issue 11: a bid in a currency without a rate is never priced at 1 and never
    /// drops out of the award choices; the cell names the missing currency.
    #[test]
    fn a_missing_rate_is_named_and_stays_a_choice() {
        let prices = three_breaks([dec!(0.50), dec!(0.50), dec!(0.50)]);
        let mut chf = quote(vec![line("L1", &prices)]);
        chf.header.currency = Currency::from_code("CHF").unwrap();
        let usd_bid = quote(vec![line(
            "L1",
            &three_breaks([dec!(0.70), dec!(0.70), dec!(0.70)]),
        )]);
        let mut declined = line("L1", &[]);
        declined.no_bid = true;
        declined.no_bid_reason = Some("capacity".into());
        let bids = [
            bid("c", chf),
            bid("u", usd_bid),
            bid("n", quote(vec![declined])),
        ];
        let l = level(&rfq(), &bids, &settings());
        let c = cell_of(&l, 0, 0, "c");
        assert_eq!(c.state, CellState::NoFxRate);
        assert_eq!(c.missing_rate.map(|c| c.code()), Some("CHF"));
        assert_eq!(c.breakdown, None, "never priced at a rate of 1");
        let row = &l.lines[0].breaks[0];
        // The lowest is the one that could be priced, not the cheaper-looking CHF bid.
        assert_eq!(row.lowest_landed, Some(dec!(0.7)));
        let options = award_options(row);
        assert_eq!(
            options
                .iter()
                .map(|o| (
                    o.supplier_id.as_str(),
                    o.landed,
                    o.missing_rate.map(|c| c.code())
                ))
                .collect::<Vec<_>>(),
            vec![("c", None, Some("CHF")), ("u", Some(dec!(0.7)), None)]
        );
        assert_eq!(default_winner(row), Some("u"));
        // The exports say which rate is missing rather than show a price.
        assert!(to_csv(&l).contains("no_fx_rate"));
    }

    #[test]
    fn rates_against_any_base_from_one_table() {
        let chf = Currency::from_code("CHF").unwrap();
        let gbp = Currency::from_code("GBP").unwrap();
        // The table holds EUR-based rows only (as a reference-rate file does).
        let table = vec![
            (
                eur(),
                FxRate {
                    currency: usd(),
                    rate: dec!(0.8),
                    as_of: day("2026-11-20"),
                },
            ),
            (
                eur(),
                FxRate {
                    currency: chf,
                    rate: dec!(1.04),
                    as_of: day("2026-11-19"),
                },
            ),
        ];
        let against_usd = rates_against(usd(), &table);
        // 1 EUR = 1/0.8 = 1.25 USD; 1 CHF = 1.04 / 0.8 = 1.3 USD, dated by the older row.
        assert_eq!(
            against_usd,
            vec![
                FxRate {
                    currency: chf,
                    rate: dec!(1.3),
                    as_of: day("2026-11-19"),
                },
                FxRate {
                    currency: eur(),
                    rate: dec!(1.25),
                    as_of: day("2026-11-20"),
                },
            ]
        );
        assert_eq!(rates_against(gbp, &table), vec![], "nothing links GBP");
    }

    #[test]
    fn settings_defaults_and_ranges_are_one_rule() {
        let s = Settings::with_defaults(usd(), vec![], day("2026-11-23"));
        assert_eq!(
            (s.amortization_years, s.cost_of_capital_pct, s.outlier_ratio),
            (dec!(2), dec!(8), dec!(20))
        );
        assert_eq!(s.check(), Ok(()));
        let keys = |f: &dyn Fn(&mut Settings)| {
            let mut s = Settings::with_defaults(usd(), vec![], day("2026-11-23"));
            f(&mut s);
            s.check()
                .err()
                .map(|e| e.0.into_keys().collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(
            keys(&|s| s.amortization_years = dec!(31)),
            ["amortization_years"]
        );
        assert_eq!(
            keys(&|s| s.amortization_years = dec!(-1)),
            ["amortization_years"]
        );
        assert_eq!(
            keys(&|s| s.amortization_years = dec!(30)),
            Vec::<String>::new()
        );
        assert_eq!(
            keys(&|s| s.amortization_years = dec!(0)),
            Vec::<String>::new()
        );
        assert_eq!(
            keys(&|s| s.cost_of_capital_pct = dec!(100.5)),
            ["cost_of_capital_pct"]
        );
        assert_eq!(keys(&|s| s.outlier_ratio = dec!(1)), ["outlier_ratio"]);
        assert_eq!(keys(&|s| s.outlier_ratio = dec!(1001)), ["outlier_ratio"]);
        assert_eq!(
            keys(&|s| {
                s.fx.push(FxRate {
                    currency: eur(),
                    rate: dec!(0),
                    as_of: day("2026-11-20"),
                })
            }),
            ["fx[0].rate"]
        );
    }

    #[test]
    fn freight_and_tooling_are_spread_per_unit() {
        let mut ql = line("L1", &three_breaks([dec!(1), dec!(1), dec!(1)]));
        ql.tooling.push(Tooling {
            description: "Die".into(),
            amount: dec!(4800),
        });
        let mut q = quote(vec![ql]);
        q.header.freight = Freight::PerShipment(dec!(250));
        let l = level(&rfq(), &[bid("t", q)], &settings());
        let b = cell_of(&l, 0, 0, "t").breakdown.clone().unwrap();
        // 250 / 500 units; 4800 / (24000 × 2 years).
        assert_eq!(
            (b.freight, b.tooling, b.landed),
            (dec!(0.5), dec!(0.1), dec!(1.6))
        );
        let b2 = cell_of(&l, 0, 2, "t").breakdown.clone().unwrap();
        assert_eq!(b2.freight, dec!(0.05));
        // Without amortization the tooling is charged to the order.
        let mut s = settings();
        s.amortization_years = dec!(0);
        let mut ql = line("L1", &three_breaks([dec!(1), dec!(1), dec!(1)]));
        ql.tooling.push(Tooling {
            description: "Die".into(),
            amount: dec!(4800),
        });
        let l = level(&rfq(), &[bid("t", quote(vec![ql]))], &s);
        assert_eq!(
            cell_of(&l, 0, 0, "t").breakdown.as_ref().unwrap().tooling,
            dec!(9.6)
        );
    }

    #[test]
    fn longer_terms_are_cheaper_and_a_good_discount_is_taken() {
        let mut s = settings();
        s.cost_of_capital_pct = dec!(10);
        let mk = |net: u32, disc: Option<(Decimal, u32)>| {
            let mut q = quote(vec![line(
                "L1",
                &three_breaks([dec!(100), dec!(100), dec!(100)]),
            )]);
            q.header.payment_terms = PaymentTerms {
                net_days: Some(net),
                discount_pct: disc.map(|d| d.0),
                discount_days: disc.map(|d| d.1),
                ..PaymentTerms::default()
            };
            q
        };
        let l = level(
            &rfq(),
            &[
                bid("n0", mk(0, None)),
                bid("n73", mk(73, None)),
                bid("d", mk(30, Some((dec!(2), 10)))),
            ],
            &s,
        );
        assert_eq!(landed(&l, 0, 0, "n0"), dec!(100));
        // 100 × (1 − 0.10 × 73/365) = 98.
        assert_eq!(landed(&l, 0, 0, "n73"), dec!(98));
        // 2/10 net 30 at 10 %: 98 × (1 − 0.1 × 10/365) ≈ 97.7315 beats 100 × (1 − 0.1 × 30/365).
        let d = cell_of(&l, 0, 0, "d").breakdown.clone().unwrap();
        assert!(d.discount_taken);
        assert_eq!(d.landed, dec!(97.731507));
        // The RFQ asked for net 60: net 0 deviates.
        assert!(l.suppliers[0]
            .quote_flags
            .iter()
            .any(|f| matches!(f, Flag::TermsDeviate { .. })));
        assert!(!l.suppliers[1]
            .quote_flags
            .iter()
            .any(|f| matches!(f, Flag::TermsDeviate { .. })));
    }

    #[test]
    fn flags_catch_what_a_buyer_would_miss() {
        let mut ql = line("L1", &[(dec!(1000), dec!(0.5)), (dec!(5000), dec!(0.45))]);
        ql.revision = Some("A".into());
        ql.lead_time_days = Some(200);
        ql.alternate = Some("DC04 instead of DC01".into());
        let mut q = quote(vec![ql]);
        q.header.valid_until = Some(day("2026-11-01"));
        q.header.incoterm = Some("EXW".into());
        q.header.freight = Freight::NotQuoted;
        let mut nb = line("L2", &[]);
        nb.no_bid = true;
        nb.no_bid_reason = Some("no capacity".into());
        q.lines.push(nb);
        let l = level(&rfq(), &[bid("f", q)], &settings());
        let flags = &cell_of(&l, 0, 0, "f").flags;
        let has = |want: &Flag| flags.contains(want);
        assert!(has(&Flag::RevisionMismatch {
            quoted: "A".into(),
            requested: "B".into()
        }));
        assert!(has(&Flag::MoqAboveBreak {
            minimum: dec!(1000)
        }));
        assert!(has(&Flag::LeadTimePastNeed {
            lead_time_days: 200,
            need_by: day("2027-03-01")
        }));
        assert!(has(&Flag::QuoteExpired {
            valid_until: day("2026-11-01")
        }));
        assert!(has(&Flag::IncotermMismatch {
            quoted: "EXW Chicago".into(),
            requested: "FCA".into(),
            estimated: false,
        }));
        assert!(has(&Flag::FreightNotQuoted));
        assert!(has(&Flag::BreaksDiffer {
            quoted: vec![dec!(1000), dec!(5000)]
        }));
        assert!(has(&Flag::AlternateOffered {
            alternate: "DC04 instead of DC01".into()
        }));
        // At 2000 the 1000 break applies and the MOQ is met.
        assert!(!cell_of(&l, 0, 1, "f")
            .flags
            .iter()
            .any(|f| matches!(f, Flag::MoqAboveBreak { .. })));
        let nb = cell_of(&l, 1, 0, "f");
        assert_eq!(nb.state, CellState::NoBid);
        assert_eq!(
            nb.flags,
            vec![Flag::NoBid {
                reason: "no capacity".into()
            }]
        );
    }

    #[test]
    fn a_per_hundred_price_typed_per_unit_is_an_outlier() {
        let p = |x: Decimal| three_breaks([x, x, x]);
        let bids = [
            bid("a", quote(vec![line("L1", &p(dec!(0.62)))])),
            bid("b", quote(vec![line("L1", &p(dec!(0.58)))])),
            bid("c", quote(vec![line("L1", &p(dec!(60)))])),
        ];
        let l = level(&rfq(), &bids, &settings());
        let c = cell_of(&l, 0, 0, "c");
        assert!(
            c.flags.contains(&Flag::OutlierPrice {
                ratio: dec!(96.8),
                against: "the other bids".into()
            }),
            "{:?}",
            c.flags
        );
        assert!(!cell_of(&l, 0, 0, "a")
            .flags
            .iter()
            .any(|f| matches!(f, Flag::OutlierPrice { .. })));
        // Alone, a bid is compared with the last price paid (0.70).
        let l = level(
            &rfq(),
            &[bid("c", quote(vec![line("L1", &p(dec!(70)))]))],
            &settings(),
        );
        assert!(cell_of(&l, 0, 0, "c").flags.contains(&Flag::OutlierPrice {
            ratio: dec!(100.0),
            against: "the last price paid".into()
        }));
        // The same price per 100 is normal.
        let mut per100 = line("L1", &p(dec!(62)));
        per100.price_basis_qty = dec!(100);
        let l = level(&rfq(), &[bid("c", quote(vec![per100]))], &settings());
        assert_eq!(landed(&l, 0, 0, "c"), dec!(0.62));
        assert!(cell_of(&l, 0, 0, "c").flags.is_empty());
    }

    #[test]
    fn csv_export_has_a_row_per_cell_and_escapes() {
        let mut q = quote(vec![line(
            "L1",
            &three_breaks([dec!(0.6), dec!(0.55), dec!(0.5)]),
        )]);
        q.lines[0].alternate = Some("DC04, \"zinc\" plated".into());
        let l = level(&rfq(), &[bid("a", q)], &settings());
        let csv = to_csv(&l);
        let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
        // header + (3 breaks of line 1 + 3 of line 2) × 1 supplier
        assert_eq!(rows.len(), 7);
        assert!(
            rows[1]
                .starts_with("1,BRK-2208,B,500,A,priced,USD,0.6,0,0,0,0,0,0.6,0.0,yes,-14.3,9.1,"),
            "{}",
            rows[1]
        );
        assert!(
            rows[1].ends_with("\"alternate offered: DC04, \"\"zinc\"\" plated\""),
            "{}",
            rows[1]
        );
        assert!(rows[4].contains(",missing,") && rows[4].ends_with("line not quoted"));
    }

    /// Issue 11: lead time against the need date and the quote's validity are in the
    /// cell itself, in words. Today is Monday 2026-11-23 (ISO week 48; 2026 has 53 weeks).
    #[test]
    fn cells_carry_schedule_and_validity_in_words() {
        let mut ql = line("L1", &three_breaks([dec!(1), dec!(1), dec!(1)]));
        // 2026-11-23 + 200 days = Friday 2027-06-11, ISO week 23; need Monday 2027-03-01,
        // week 9: Monday to Monday 98 days = 14 weeks late.
        ql.lead_time_days = Some(200);
        let mut q = quote(vec![ql]);
        q.header.valid_until = Some(day("2026-11-01"));
        let mut ok = quote(vec![line("L1", &three_breaks([dec!(1), dec!(1), dec!(1)]))]);
        ok.header.valid_until = Some(day("2026-11-23"));
        ok.lines[0].lead_time_days = Some(98); // 2027-03-01 itself: on time.
        let l = level(&rfq(), &[bid("late", q), bid("ok", ok)], &settings());
        let late = cell_of(&l, 0, 0, "late");
        let sched = late.schedule.clone().unwrap();
        assert_eq!(sched.ships, Some(day("2027-06-11")));
        assert_eq!(sched.need_by, Some(day("2027-03-01")));
        assert!(sched.late());
        assert_eq!(
            describe_schedule(&sched),
            "ships wk 23, need wk 9 — 14 wk late"
        );
        let v = late.validity.clone().unwrap();
        assert_eq!(describe_validity(&v), "expired 2026-11-01");
        let ok = cell_of(&l, 0, 0, "ok");
        let sched = ok.schedule.clone().unwrap();
        assert!(!sched.late());
        assert_eq!(describe_schedule(&sched), "ships wk 9, need wk 9 — on time");
        // Valid through today is not expired.
        assert_eq!(
            describe_validity(ok.validity.as_ref().unwrap()),
            "valid until 2026-11-23"
        );
        // A cell of a line the bid did not quote has neither.
        let mut r = rfq();
        r.lines[0].id = "other".into();
        let l = level(&r, &[bid("ok", quote(vec![line("L1", &[])]))], &settings());
        let c = &l.lines[0].breaks[0].cells[0];
        assert_eq!((c.schedule.clone(), c.validity.clone()), (None, None));
    }

    #[test]
    fn schedules_in_weeks_days_and_across_years() {
        let today = day("2026-11-23");
        let at = |lead: u32, need: Option<&str>| Schedule {
            lead_time_days: lead,
            ships: ships_on(today, lead),
            need_by: need.map(day),
        };
        // 35 days: Monday 2026-12-28, week 53; need Monday 2026-12-07, week 50.
        assert_eq!(
            describe_schedule(&at(35, Some("2026-12-07"))),
            "ships wk 53, need wk 50 — 3 wk late"
        );
        // Need Friday 2027-01-15, week 2 of 2027 (which starts Monday 2027-01-04).
        assert_eq!(
            describe_schedule(&at(35, Some("2027-01-15"))),
            "ships wk 53 2026, need wk 2 2027 — 2 wk spare"
        );
        // 10 days: Thursday 2026-12-03, week 49, the need's week: late by days.
        assert_eq!(
            describe_schedule(&at(10, Some("2026-12-01"))),
            "ships wk 49, need wk 49 — 2 days late"
        );
        assert_eq!(
            describe_schedule(&at(10, Some("2026-12-02"))),
            "ships wk 49, need wk 49 — 1 day late"
        );
        assert_eq!(
            describe_schedule(&at(10, Some("2026-12-06"))),
            "ships wk 49, need wk 49 — on time"
        );
        assert_eq!(describe_schedule(&at(10, None)), "ships wk 49");
        assert!(!at(10, None).late());
        let never = at(u32::MAX, Some("2027-01-01"));
        assert_eq!(never.ships, None);
        assert!(never.late());
        assert_eq!(
            describe_schedule(&never),
            "4294967295 days lead time: ships past any need date"
        );
    }

    #[test]
    fn a_deposit_costs_money() {
        let mut s = settings();
        s.cost_of_capital_pct = dec!(10);
        let mut ql = line("L1", &three_breaks([dec!(100), dec!(100), dec!(100)]));
        ql.lead_time_days = Some(73);
        let mut q = quote(vec![ql]);
        q.header.payment_terms = PaymentTerms {
            net_days: Some(0),
            deposit_pct: Some(dec!(50)),
            ..PaymentTerms::default()
        };
        let l = level(&rfq(), &[bid("dep", q)], &s);
        // Half paid 73 days early: 50 × (1 + 0.1 × 73/365) + 50 = 101.
        assert_eq!(landed(&l, 0, 0, "dep"), dec!(101));
    }

    /// Issue 10: absurd stored values (from before the input bounds) used to panic in
    /// leveling arithmetic; now their cells are out of range and the others still level.
    #[test]
    fn overflowing_values_make_out_of_range_cells_not_panics_issue_10() {
        let big = Decimal::from_str_exact("1000000000000000000000000000").unwrap();
        let p = |x: Decimal| three_breaks([x, x, x]);
        // 10^27 per unit: landed × 500 overflows Decimal.
        let mut huge_tooling = line("L1", &p(dec!(1)));
        huge_tooling.tooling = vec![
            Tooling {
                description: "a".into(),
                amount: Decimal::MAX,
            },
            Tooling {
                description: "b".into(),
                amount: Decimal::MAX,
            },
        ];
        let mut late = line("L1", &p(dec!(0.70)));
        late.lead_time_days = Some(u32::MAX);
        let bids = [
            bid("big", quote(vec![line("L1", &p(big))])),
            bid("tool", quote(vec![huge_tooling])),
            bid("ok", quote(vec![line("L1", &p(dec!(0.60)))])),
            bid("late", quote(vec![late])),
        ];
        let mut r = rfq();
        r.lines[0].last_price = Some(Decimal::MAX);
        let mut s = settings();
        s.base = eur();
        s.fx = vec![FxRate {
            currency: usd(),
            rate: dec!(2),
            as_of: day("2026-11-20"),
        }];
        let l = level(&r, &bids, &s);
        assert_eq!(cell_of(&l, 0, 0, "big").state, CellState::OutOfRange);
        assert_eq!(cell_of(&l, 0, 0, "big").breakdown, None);
        assert_eq!(cell_of(&l, 0, 0, "tool").state, CellState::OutOfRange);
        // 0.60 USD × 2 = 1.20 EUR, the lowest; the last price × 2 overflows: no delta.
        let ok = cell_of(&l, 0, 0, "ok");
        assert_eq!(ok.state, CellState::Priced);
        assert_eq!(ok.breakdown.as_ref().unwrap().landed, dec!(1.2));
        assert!(ok.lowest);
        assert_eq!(ok.delta_to_last_price_pct, None);
        // A lead time past the calendar's end misses any need date.
        assert!(cell_of(&l, 0, 0, "late")
            .flags
            .iter()
            .any(|f| matches!(f, Flag::LeadTimePastNeed { .. })));
        assert_eq!(l.suppliers[0].totals, vec![dec!(0), dec!(0), dec!(0)]);
        // 1.2 × 500, 1.2 × 2000, 1.2 × 5000.
        assert_eq!(
            l.suppliers[2].totals,
            vec![dec!(600), dec!(2400), dec!(6000)]
        );
        let csv = to_csv(&l);
        assert!(csv.contains(",BIG,out_of_range,EUR,,,,,,"), "{csv}");
        // Percentages that do not fit are absent, not a panic.
        assert_eq!(pct(Decimal::MAX, dec!(0.0000001)), None);
    }

    #[test]
    fn formula_like_text_is_neutralized_for_exports_issue_10() {
        for (text, exported) in [
            ("=1+1", "'=1+1"),
            ("+49 30 1234", "'+49 30 1234"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\r=1", "'\r=1"),
            ("\u{FF1D}1+1", "'\u{FF1D}1+1"),
            ("Bracket = 2 pcs", "Bracket = 2 pcs"),
            ("", ""),
        ] {
            assert_eq!(export_text(text), exported, "{text:?}");
            assert_eq!(import_text(exported), text, "{exported:?}");
        }
        assert_eq!(import_text("'quoted"), "'quoted");
    }

    #[test]
    fn a_rate_date_is_a_date_not_after_today() {
        let today = day("2026-12-07");
        let check = |text: &str| {
            let mut e = FieldErrors::new();
            let d = fx_as_of(&mut e, "as_of", text, today);
            (d, e.0.get("as_of").cloned())
        };
        assert_eq!(check("2026-12-07"), (Some(today), None));
        assert_eq!(check(" 2026-11-20 "), (Some(day("2026-11-20")), None));
        let (d, m) = check("2026-12-08");
        assert_eq!(d, None);
        assert!(m.unwrap().contains("after today, 2026-12-07"));
        for bad in ["", "someday", "2026-02-30", "20.11.2026"] {
            let (d, m) = check(bad);
            assert_eq!(d, None, "{bad}");
            assert_eq!(m.as_deref(), Some("a date like 2026-11-20"), "{bad}");
        }
    }

    fn exw_shenzhen(price: Decimal) -> Quote {
        let mut q = quote(vec![line("L1", &three_breaks([price, price, price]))]);
        q.header.incoterm = Some("EXW".into());
        q.header.incoterm_place = Some("Shenzhen".into());
        q
    }

    /// Issue 11: a quote on other delivery terms than the RFQ's is flagged, with
    /// "estimate missing" until the buyer enters freight and duty for it.
    #[test]
    fn other_incoterms_or_places_are_flagged_until_estimated() {
        let m = |rfq: Option<&str>, code: Option<&str>, place: Option<&str>| {
            terms_mismatch(rfq, code, place, false)
        };
        assert_eq!(
            m(Some("FCA Chicago"), Some("exw"), Some("Shenzhen")),
            Some(Flag::IncotermMismatch {
                quoted: "EXW Shenzhen".into(),
                requested: "FCA Chicago".into(),
                estimated: false,
            })
        );
        assert_eq!(
            m(Some("FCA Chicago"), Some("FCA"), Some("Shenzhen")),
            Some(Flag::PlaceMismatch {
                quoted: "FCA Shenzhen".into(),
                requested: "FCA Chicago".into(),
                estimated: false,
            })
        );
        // The same rule with no place named: where the goods are handed over is unknown.
        assert_eq!(
            m(Some("FCA Chicago"), Some("FCA"), Some(" ")),
            Some(Flag::PlaceMismatch {
                quoted: "FCA".into(),
                requested: "FCA Chicago".into(),
                estimated: false,
            })
        );
        // A quote that states no Incoterm against an RFQ that names one is flagged: its
        // landed cost lacks the carriage until estimated.
        for (code, place) in [(None, Some("Shenzhen")), (Some(" "), None), (None, None)] {
            assert_eq!(
                m(Some("FCA Chicago"), code, place),
                Some(Flag::IncotermMissing {
                    requested: "FCA Chicago".into(),
                    estimated: false,
                }),
                "{code:?} {place:?}"
            );
        }
        assert_eq!(
            describe(&terms_mismatch(Some("FCA Chicago"), None, None, true).unwrap()),
            "no Incoterm stated; the RFQ asks FCA Chicago — freight and duty estimated"
        );
        // Places compare loosely; an RFQ without a place, or without an Incoterm at all,
        // leaves nothing to compare.
        assert_eq!(m(Some("FCA Chicago"), Some("fca"), Some("CHICAGO")), None);
        assert_eq!(m(Some("FCA"), Some("FCA"), Some("Shenzhen")), None);
        assert_eq!(m(None, Some("EXW"), None), None);
        assert_eq!(m(None, None, None), None);
        assert_eq!(m(Some("  "), Some("EXW"), None), None);
        assert_eq!(
            describe(&terms_mismatch(Some("FCA Chicago"), Some("EXW"), None, false).unwrap()),
            "Incoterm EXW instead of FCA Chicago — estimate missing"
        );
        assert_eq!(
            describe(
                &terms_mismatch(Some("DAP Stuttgart"), Some("DAP"), Some("Munich"), true).unwrap()
            ),
            "named place DAP Munich instead of DAP Stuttgart — freight and duty estimated"
        );

        // In the grid: on every cell of the bid and in the supplier's quote flags.
        let mut r = rfq();
        r.incoterm = Some("FCA Chicago".into());
        let l = level(&r, &[bid("x", exw_shenzhen(dec!(1)))], &settings());
        let want = Flag::IncotermMismatch {
            quoted: "EXW Shenzhen".into(),
            requested: "FCA Chicago".into(),
            estimated: false,
        };
        assert!(cell_of(&l, 0, 0, "x").flags.contains(&want));
        assert!(l.suppliers[0].quote_flags.contains(&want));
        // The old "terms differ" phrase for the Incoterm is gone (one flag, not two).
        assert!(!l.suppliers[0]
            .quote_flags
            .iter()
            .any(|f| matches!(f, Flag::TermsDeviate { .. })));
    }

    /// Issue 11: the landed cost includes the freight and duty the buyer estimated, per
    /// shipment (spread over the break quantity) or per unit, converted at the
    /// comparison's rate; financing stays on what the supplier is paid.
    #[test]
    fn the_buyers_estimate_is_in_the_landed_cost() {
        let mut r = rfq();
        r.incoterm = Some("FCA Chicago".into());
        let mut exw = bid("x", exw_shenzhen(dec!(0.95)));
        let fca = {
            let mut q = quote(vec![line(
                "L1",
                &three_breaks([dec!(1.10), dec!(1.10), dec!(1.10)]),
            )]);
            q.header.incoterm_place = Some("Chicago".into());
            bid("f", q)
        };
        // Without an estimate the EXW bid looks cheapest.
        let l = level(&r, &[exw.clone(), fca.clone()], &settings());
        assert!(cell_of(&l, 0, 0, "x").lowest);
        assert_eq!(landed(&l, 0, 0, "x"), dec!(0.95));

        exw.estimate = Some(LandedEstimate {
            currency: eur(),
            freight: Some(EstimateFreight::PerShipment(dec!(110))),
            duty_pct: Some(dec!(3.5)),
            note: "forwarder offer".into(),
        });
        let l = level(&r, &[exw.clone(), fca.clone()], &settings());
        let b = cell_of(&l, 0, 0, "x").breakdown.clone().unwrap();
        // 110 EUR × 1.10 = 121 USD per shipment ÷ 500 = 0.242; duty 3.5 % of 0.95 =
        // 0.03325; 0.95 + 0.242 + 0.03325 = 1.22525.
        assert_eq!(
            (
                b.unit_price,
                b.freight,
                b.estimated_freight,
                b.duty,
                b.landed
            ),
            (
                dec!(0.95),
                dec!(0),
                dec!(0.242),
                dec!(0.03325),
                dec!(1.22525)
            )
        );
        // Now the FCA bid at 1.10 is the lowest at 500 …
        assert!(cell_of(&l, 0, 0, "f").lowest);
        assert!(!cell_of(&l, 0, 0, "x").lowest);
        // … and at 5000 the shipment is spread thinner: 121 / 5000 = 0.0242;
        // 0.95 + 0.0242 + 0.03325 = 1.00745, below 1.10.
        assert_eq!(landed(&l, 0, 2, "x"), dec!(1.00745));
        assert!(cell_of(&l, 0, 2, "x").lowest);
        // The flag says the estimate is in.
        assert!(cell_of(&l, 0, 0, "x")
            .flags
            .contains(&Flag::IncotermMismatch {
                quoted: "EXW Shenzhen".into(),
                requested: "FCA Chicago".into(),
                estimated: true,
            }));
        // Totals follow: 1.22525 × 500, 1.00745 × 2000 (the 2000 break: 121 / 2000 =
        // 0.0605; 0.95 + 0.0605 + 0.03325 = 1.04375 × 2000), 1.00745 × 5000.
        assert_eq!(
            l.suppliers[0].totals,
            vec![dec!(612.625), dec!(2087.5), dec!(5037.25)]
        );
        // The exports carry both parts: unit, freight, estimated freight, duty, tooling,
        // financing, landed.
        let csv = to_csv(&l);
        assert!(
            csv.contains(",X,priced,USD,0.95,0,0.242,0.03325,0,0,1.22525,"),
            "{csv}"
        );
        assert!(csv.contains("estimated_freight,duty"), "{csv}");

        // Per unit, in the base currency, with financing at 10 % and net 73 days on the
        // price only: 0.95 × (1 − 0.1 × 73/365) = 0.931 (financing −0.019), + 0.05.
        let mut s = settings();
        s.cost_of_capital_pct = dec!(10);
        let mut per_unit = bid("x", exw_shenzhen(dec!(0.95)));
        per_unit.quote.header.payment_terms.net_days = Some(73);
        per_unit.estimate = Some(LandedEstimate {
            currency: usd(),
            freight: Some(EstimateFreight::PerUnit(dec!(0.05))),
            duty_pct: None,
            note: String::new(),
        });
        let l = level(&r, &[per_unit], &s);
        let b = cell_of(&l, 0, 0, "x").breakdown.clone().unwrap();
        assert_eq!(
            (b.financing, b.estimated_freight, b.duty, b.landed),
            (dec!(-0.019), dec!(0.05), dec!(0), dec!(0.981))
        );
    }

    /// An estimate's freight in a currency without a rate is a missing rate, never 1;
    /// duty alone needs no rate.
    #[test]
    fn an_estimate_in_a_currency_without_a_rate_is_a_missing_rate() {
        let chf = Currency::from_code("CHF").unwrap();
        let mut b = bid("x", exw_shenzhen(dec!(1)));
        b.estimate = Some(LandedEstimate {
            currency: chf,
            freight: Some(EstimateFreight::PerUnit(dec!(0.1))),
            duty_pct: Some(dec!(2)),
            note: String::new(),
        });
        let l = level(&rfq(), std::slice::from_ref(&b), &settings());
        let c = cell_of(&l, 0, 0, "x");
        assert_eq!((c.state, c.missing_rate), (CellState::NoFxRate, Some(chf)));
        assert_eq!(c.breakdown, None);
        assert_eq!(
            award_options(&l.lines[0].breaks[0]).len(),
            1,
            "still a choice"
        );
        if let Some(e) = b.estimate.as_mut() {
            e.freight = None;
        }
        let l = level(&rfq(), &[b], &settings());
        // 1 + 2 % of 1.
        assert_eq!(landed(&l, 0, 0, "x"), dec!(1.02));
    }

    #[test]
    fn estimates_are_checked_on_their_fields() {
        let ok = LandedEstimate {
            currency: eur(),
            freight: Some(EstimateFreight::PerShipment(dec!(110))),
            duty_pct: Some(dec!(3.5)),
            note: String::new(),
        };
        assert_eq!(ok.check(), Ok(()));
        assert_eq!(
            describe_estimate(&ok),
            "freight EUR 110 per shipment, duty 3.5 %"
        );
        let keys = |e: LandedEstimate| {
            e.check()
                .err()
                .map(|e| e.0.into_keys().collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(
            keys(LandedEstimate {
                freight: Some(EstimateFreight::PerUnit(dec!(-1))),
                ..ok.clone()
            }),
            ["freight.amount"]
        );
        assert_eq!(
            keys(LandedEstimate {
                freight: Some(EstimateFreight::PerUnit(dec!(10000000000000))),
                ..ok.clone()
            }),
            ["freight.amount"]
        );
        assert_eq!(
            keys(LandedEstimate {
                duty_pct: Some(dec!(100.5)),
                ..ok.clone()
            }),
            ["duty_pct"]
        );
        assert_eq!(
            keys(LandedEstimate {
                currency: Currency::from_code("XAU").unwrap(),
                note: "x".repeat(501),
                ..ok.clone()
            }),
            ["currency", "note"]
        );
        // From what a person typed: every bad field at once, the currency's message
        // being `validate::currency`'s.
        let e = estimate_from(
            "euro",
            Some(EstimateFreight::PerShipment(dec!(-5))),
            Some(dec!(101)),
            " x ",
        )
        .unwrap_err();
        assert_eq!(
            e.0.keys().map(String::as_str).collect::<Vec<_>>(),
            ["currency", "duty_pct", "freight.amount"]
        );
        assert_eq!(
            e.0["currency"],
            "use an ISO 4217 currency code such as EUR or USD"
        );
        let typed = estimate_from(" eur ", ok.freight, ok.duty_pct, "  DHL offer 4711 ").unwrap();
        assert_eq!(
            (typed.currency, typed.note.as_str()),
            (eur(), "DHL offer 4711")
        );
        let nothing = LandedEstimate {
            freight: None,
            duty_pct: None,
            ..ok
        };
        assert_eq!(nothing.check(), Ok(()));
        assert_eq!(describe_estimate(&nothing), "nothing to add");
    }

    #[test]
    fn conversion_direct_inverse_and_cross() {
        use rust_decimal_macros::dec;
        let c = |x: &str| Currency::from_code(x).unwrap();
        let d = |x: &str| x.parse::<NaiveDate>().unwrap();
        let row = |b: &str, cur: &str, r: Decimal, on: &str| {
            (
                c(b),
                FxRate {
                    currency: c(cur),
                    rate: r,
                    as_of: d(on),
                },
            )
        };
        let table = vec![
            row("USD", "EUR", dec!(1.10), "2026-11-01"),
            row("USD", "EUR", dec!(1.08), "2026-10-01"),
            row("USD", "JPY", dec!(0.0067), "2026-11-02"),
            row("GBP", "CHF", dec!(0.90), "2026-11-03"),
        ];
        assert_eq!(
            conversion(c("USD"), c("USD"), &table),
            Some((dec!(1), None))
        );
        assert_eq!(
            conversion(c("EUR"), c("USD"), &table),
            Some((dec!(1.10), Some(d("2026-11-01")))),
            "the newest direct rate"
        );
        let (inv, on) = conversion(c("USD"), c("EUR"), &table).unwrap();
        assert_eq!(inv.round_dp(6), dec!(0.909091));
        assert_eq!(on, Some(d("2026-11-01")));
        let (cross, on) = conversion(c("EUR"), c("JPY"), &table).unwrap();
        assert_eq!(cross.round_dp(4), dec!(164.1791), "1.10 / 0.0067");
        assert_eq!(on, Some(d("2026-11-01")), "the older of the two rates");
        assert_eq!(conversion(c("EUR"), c("CHF"), &table), None);
    }
}
