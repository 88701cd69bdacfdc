//! A re-level after random edits gives exactly what leveling from scratch gives
//! (property-style, with a fixed seed so a failure replays).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::level::{level, EstimateFreight, FxRate, LandedEstimate};
use crate::money::Currency;
use crate::quote::tests::{day, line, quote, rfq, usd};
use crate::quote::{Freight, Tooling};

/// xorshift64*: small, deterministic, good enough to pick edits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    /// A price-like amount: mostly cents, sometimes many decimals, rarely absurd.
    fn amount(&mut self) -> Decimal {
        match self.below(20) {
            0 => Decimal::new(self.below(1_000_000_000) as i64 + 1, 9),
            1 => Decimal::from(10u64.pow(14) + self.below(1000) as u64),
            2 => Decimal::ZERO,
            _ => Decimal::new(self.below(5000) as i64 + 1, 2),
        }
    }
    fn pick<T: Clone>(&mut self, v: &[T]) -> T {
        v[self.below(v.len())].clone()
    }
}

fn cur(code: &str) -> Currency {
    Currency::from_code(code).unwrap()
}

const CURRENCIES: [&str; 4] = ["USD", "EUR", "GBP", "JPY"];

fn quantities(rng: &mut Rng, n: usize) -> Vec<Decimal> {
    (0..n)
        .map(|k| match rng.below(10) {
            // Quantities with decimals (metres, kilograms) and many of them.
            0 => Decimal::new(rng.below(100_000) as i64 + 1, 3),
            1 => Decimal::new(rng.below(10) as i64 + 1, 14),
            _ => Decimal::from(100 * (k + 1) * (rng.below(50) + 1)),
        })
        .collect()
}

fn inputs(rng: &mut Rng) -> (RfqSpec, Vec<Bid>, Settings) {
    let mut r = rfq();
    let template = r.lines[0].clone();
    r.lines = (0..rng.below(7) + 1)
        .map(|j| {
            let mut l = template.clone();
            l.id = format!("L{j}");
            l.line_no = j as u32 + 1;
            let n = rng.below(3) + 1;
            l.quantities = quantities(rng, n);
            l.annual_volume = rng.chance(70).then(|| Decimal::from(rng.below(50_000)));
            l.last_price = rng.chance(60).then(|| rng.amount());
            l.should_cost = rng.chance(40).then(|| rng.amount());
            l
        })
        .collect();
    let bids = (0..rng.below(6) + 1).map(|i| bid(rng, &r, i)).collect();
    let settings = Settings {
        base: usd(),
        fx: rates(rng),
        amortization_years: dec!(2),
        cost_of_capital_pct: dec!(8),
        outlier_ratio: dec!(3),
        today: day("2026-11-23"),
    };
    (r, bids, settings)
}

fn rates(rng: &mut Rng) -> Vec<FxRate> {
    let mut fx = Vec::new();
    for c in &CURRENCIES[1..] {
        if rng.chance(70) {
            fx.push(FxRate {
                currency: cur(c),
                rate: Decimal::new(rng.below(20_000) as i64 + 1, 4),
                as_of: day("2026-11-20"),
            });
        }
    }
    fx
}

fn bid_line(rng: &mut Rng, rl: &RfqLineSpec) -> QuoteLine {
    let breaks: Vec<(Decimal, Decimal)> =
        rl.quantities.iter().map(|q| (*q, rng.amount())).collect();
    let mut l = line(&rl.id, &breaks);
    l.no_bid = rng.chance(8);
    l.lead_time_days = rng.chance(80).then(|| rng.below(200) as u32);
    if rng.chance(50) {
        l.tooling = vec![Tooling {
            description: "Die".into(),
            amount: rng.amount(),
        }];
    }
    l.moq = rng.chance(20).then(|| Decimal::from(rng.below(5000)));
    l
}

fn bid(rng: &mut Rng, r: &RfqSpec, i: usize) -> Bid {
    let mut lines = Vec::new();
    for rl in &r.lines {
        if rng.chance(85) {
            lines.push(bid_line(rng, rl));
        }
    }
    let mut q = quote(lines);
    q.header.currency = cur(rng.pick(&CURRENCIES));
    q.header.freight = match rng.below(4) {
        0 => Freight::PerShipment(rng.amount()),
        1 => Freight::PerUnit(rng.amount()),
        2 => Freight::NotQuoted,
        _ => Freight::Included,
    };
    q.header.payment_terms.deposit_pct = rng.chance(20).then(|| dec!(30));
    q.header.payment_terms.discount_pct = rng.chance(20).then(|| dec!(2));
    q.header.payment_terms.discount_days = Some(10);
    q.header.incoterm = Some(rng.pick(&["FCA", "EXW", "DAP"]).to_string());
    Bid {
        supplier_id: format!("s{i}"),
        supplier_name: format!("S{i}"),
        quote: q,
        estimate: estimate(rng),
    }
}

fn estimate(rng: &mut Rng) -> Option<LandedEstimate> {
    rng.chance(40).then(|| LandedEstimate {
        currency: cur(rng.pick(&CURRENCIES)),
        freight: match rng.below(3) {
            0 => None,
            1 => Some(EstimateFreight::PerUnit(rng.amount())),
            _ => Some(EstimateFreight::PerShipment(rng.amount())),
        },
        duty_pct: rng.chance(50).then(|| Decimal::from(rng.below(30))),
        note: String::new(),
    })
}

/// One edit of the kind the comparison page makes (or a rarer one), applied to the
/// inputs, with the change it declares.
fn edit(rng: &mut Rng, r: &mut RfqSpec, bids: &mut Vec<Bid>, s: &mut Settings) -> Change {
    let j = rng.below(r.lines.len());
    let i = rng.below(bids.len());
    match rng.below(14) {
        0..=3 => {
            r.lines[j].annual_volume = match rng.below(5) {
                0 => None,
                1 => Some(Decimal::ZERO),
                _ => Some(Decimal::from(rng.below(100_000) + 1)),
            };
            Change::Line(j)
        }
        4 => {
            r.lines[j].last_price = rng.chance(80).then(|| rng.amount());
            r.lines[j].should_cost = rng.chance(50).then(|| rng.amount());
            Change::Line(j)
        }
        5 => {
            let n = r.lines[j].quantities.len();
            r.lines[j].quantities = quantities(rng, n);
            Change::Line(j)
        }
        6..=7 => {
            bids[i].estimate = estimate(rng);
            Change::Bid(i)
        }
        8 => {
            // One quote line re-quoted (or a line quoted twice, or one dropped).
            let rl = r.lines[j].clone();
            let lines = &mut bids[i].quote.lines;
            match rng.below(3) {
                0 => lines.push(bid_line(rng, &rl)),
                1 if !lines.is_empty() => {
                    let k = rng.below(lines.len());
                    lines.remove(k);
                }
                _ => {
                    lines.retain(|l| l.rfq_line_id != rl.id);
                    lines.insert(0, bid_line(rng, &rl));
                }
            }
            Change::Bid(i)
        }
        9 => {
            bids[i].quote.header.currency = cur(rng.pick(&CURRENCIES));
            Change::Bid(i)
        }
        10..=11 => {
            // A rate changed, added (as of a later day) or dropped.
            let c = cur(rng.pick(&CURRENCIES[1..]));
            match rng.below(3) {
                0 => s.fx.retain(|x| x.currency != c),
                1 => s.fx.push(FxRate {
                    currency: c,
                    rate: Decimal::new(rng.below(20_000) as i64 + 1, 4),
                    as_of: day("2026-11-22"),
                }),
                _ => s.fx = rates(rng),
            }
            Change::Settings
        }
        12 => {
            s.amortization_years = Decimal::from(rng.below(4));
            s.outlier_ratio = rng.pick(&[dec!(1.5), dec!(3), dec!(20)]);
            Change::Settings
        }
        _ => {
            if rng.chance(50) && bids.len() > 1 {
                bids.remove(i);
            } else {
                bids.push(bid(rng, r, bids.len() + 7));
            }
            Change::All
        }
    }
}

/// Serialized, so a number kept at another scale (1.0 vs 1.00) counts as a difference.
fn json(l: &Leveled) -> String {
    serde_json::to_string(l).unwrap()
}

#[test]
fn a_re_level_after_random_edits_is_a_full_re_level() {
    let mut rng = Rng(0x05ee_d001_2b1d_be11);
    let (mut partial, mut full) = (0, 0);
    for _ in 0..300 {
        let (mut r, mut bids, mut s) = inputs(&mut rng);
        let mut kept = Leveling::new(&r, &bids, &s);
        assert_eq!(json(kept.leveled()), json(&level(&r, &bids, &s)));
        for _ in 0..12 {
            let before = kept.leveled().clone();
            let change = edit(&mut rng, &mut r, &mut bids, &mut s);
            let touched = kept.update(&r, &bids, &s, std::slice::from_ref(&change));
            let want = level(&r, &bids, &s);
            assert_eq!(
                json(kept.leveled()),
                json(&want),
                "after {change:?} ({touched:?})"
            );
            // What it says it left alone is as it was.
            match touched {
                Touched::All => full += 1,
                Touched::Lines(lines) => {
                    partial += 1;
                    for (j, row) in want.lines.iter().enumerate() {
                        if !lines.contains(&j) {
                            assert_eq!(row, &before.lines[j], "line {j} after {change:?}");
                        }
                    }
                }
            }
        }
    }
    // The family exercises the partial paths, not only leveling from scratch.
    assert!(partial > 2000, "{partial} partial, {full} full");
}

#[test]
fn several_changes_at_once_and_an_unchanged_input() {
    let mut rng = Rng(12);
    for _ in 0..50 {
        let (mut r, mut bids, mut s) = inputs(&mut rng);
        let mut kept = Leveling::new(&r, &bids, &s);
        let a = edit(&mut rng, &mut r, &mut bids, &mut s);
        let b = edit(&mut rng, &mut r, &mut bids, &mut s);
        kept.update(&r, &bids, &s, &[a, b]);
        assert_eq!(json(kept.leveled()), json(&level(&r, &bids, &s)));
        // Nothing changed: nothing redone.
        assert_eq!(
            kept.update(&r, &bids, &s, &[Change::Settings]),
            Touched::Lines(vec![])
        );
    }
}

#[test]
fn totals_a_kept_sum_cannot_vouch_for_are_added_up_as_level_does() {
    // Line 1: a term with 14 decimals. Lines 2–11: terms near MAX_EXTENDED with 10
    // decimals, whose sum no longer fits Decimal's mantissa at that scale, so `level`'s
    // line-by-line sum rounds: the kept sums cannot vouch for either column.
    let mut r = rfq();
    let template = r.lines[0].clone();
    r.lines = (0..11)
        .map(|j| {
            let mut l = template.clone();
            l.id = format!("L{j}");
            l.annual_volume = None;
            l.quantities = if j == 0 {
                vec![dec!(0.00000000000003)]
            } else {
                vec![dec!(9999999.0001)]
            };
            l
        })
        .collect();
    let lines = r
        .lines
        .iter()
        .map(|rl| {
            let price = if rl.id == "L0" {
                dec!(123.45)
            } else {
                dec!(99999999999.123456)
            };
            line(&rl.id, &[(rl.quantities[0], price)])
        })
        .collect();
    let bids = vec![Bid {
        supplier_id: "a".into(),
        supplier_name: "A".into(),
        quote: quote(lines),
        estimate: None,
    }];
    let s = Settings::with_defaults(usd(), vec![], day("2026-11-23"));
    let mut kept = Leveling::new(&r, &bids, &s);
    assert_eq!(json(kept.leveled()), json(&level(&r, &bids, &s)));
    assert!(kept.totals[0][0].exact().is_none());
    for j in [0, 3] {
        r.lines[j].last_price = Some(dec!(1));
        assert_eq!(
            kept.update(&r, &bids, &s, &[Change::Line(j)]),
            Touched::Lines(vec![j])
        );
        assert_eq!(json(kept.leveled()), json(&level(&r, &bids, &s)));
    }
    // Line 1 priced like the others: the column is exact again except for its size.
    r.lines[0].quantities = vec![dec!(9999999.0001)];
    kept.update(&r, &bids, &s, &[Change::Line(0)]);
    assert_eq!(kept.totals[0][0].odd, 0);
    assert!(kept.totals[0][0].exact().is_none());
    assert_eq!(json(kept.leveled()), json(&level(&r, &bids, &s)));
}

#[test]
fn a_kept_sum_is_the_exact_sum() {
    let mut t = Total::default();
    for d in [dec!(1.5), dec!(2.25), dec!(-0.000001), dec!(1000000)] {
        t.step(d, true);
    }
    t.step(dec!(2.25), false);
    assert_eq!(t.exact(), Some(dec!(1000001.499999)));
    t.step(dec!(0.00000000000001), true);
    assert_eq!(t.exact(), None);
    t.step(dec!(0.00000000000001), false);
    assert_eq!(t.exact(), Some(dec!(1000001.499999)));
}
