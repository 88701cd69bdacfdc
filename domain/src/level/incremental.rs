//! Re-leveling only what a change touches (issue 12).
//!
//! [`Leveling`] keeps a [`Leveled`] grid and what it was built from, and re-levels after
//! one input changed: an RFQ line (an annual volume the buyer tries) recomputes that
//! line's cells; a bid (its quote, the buyer's freight and duty estimate) or an exchange
//! rate recomputes the cells of the bids it prices, and finishes again (lowest, deltas,
//! outliers) only the rows whose landed costs moved. The supplier totals are kept as
//! exact fixed-point sums that a change adjusts by the cells it replaced. The result is
//! always what [`level`](super::level) gives for the same inputs: the tests check it on random edits.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::{
    cell, coverage, extended, finish_row, first_lines, line_row, positions, quote_flags, rate_for,
    reference_rate, refinish_from, round_cost, summary_of, Bid, Flag, Leveled, Settings,
};
use crate::quote::{QuoteLine, RfqLineSpec, RfqSpec};

/// What changed in the inputs since the last leveling ([`Leveling::update`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// RFQ line `i`: its annual volume, quantities, reference prices or need date (the
    /// same id and number of breaks; anything else re-levels everything).
    Line(usize),
    /// Bid `i`: its quote or the buyer's estimate for it.
    Bid(usize),
    /// The settings. [`Leveling::update`] compares the settings with the ones it last used
    /// whatever the change, so this only says "nothing else changed": a changed rate
    /// re-levels the bids priced in that currency, any other setting everything.
    Settings,
    /// Anything else (lines or bids added or removed, the RFQ's header): everything.
    All,
}

/// What a re-level redid: everything, or only these RFQ lines' rows (indices into
/// [`Leveled::lines`]); every other row is as it was. The supplier summaries may have
/// changed either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touched {
    All,
    Lines(Vec<usize>),
}

/// A leveled comparison kept between changes: see the module's documentation.
#[derive(Debug, Clone)]
pub struct Leveling {
    leveled: Leveled,
    /// The settings the grid was leveled with.
    settings: Settings,
    /// Per bid: its first quote line (index) per RFQ line id.
    quoted: Vec<HashMap<String, usize>>,
    qflags: Vec<Vec<Flag>>,
    /// Per bid, per break position: the sum of landed × quantity.
    totals: Vec<Vec<Total>>,
    /// Per bid, per RFQ line: priced at some break.
    priced: Vec<Vec<bool>>,
    lines_bid: Vec<usize>,
}

impl Leveling {
    /// Levels everything ([`level`](super::level)'s grid).
    pub fn new(rfq: &RfqSpec, bids: &[Bid], settings: &Settings) -> Leveling {
        let quoted: Vec<HashMap<String, usize>> = bids.iter().map(first_line_indices).collect();
        let qflags: Vec<Vec<Flag>> = bids
            .iter()
            .map(|b| quote_flags(rfq, b, settings.today))
            .collect();
        let ref_rate = reference_rate(rfq, settings);
        let lines = rfq
            .lines
            .iter()
            .map(|rl| {
                line_row(
                    rl,
                    settings,
                    ref_rate,
                    |i| (&bids[i], bid_line(&quoted, bids, i, rl), &qflags[i][..]),
                    bids.len(),
                )
            })
            .collect();
        let mut me = Leveling {
            leveled: Leveled {
                base: settings.base,
                lines,
                suppliers: Vec::new(),
            },
            settings: settings.clone(),
            quoted,
            qflags,
            totals: vec![vec![Total::default(); positions(rfq)]; bids.len()],
            priced: vec![vec![false; rfq.lines.len()]; bids.len()],
            lines_bid: vec![0; bids.len()],
        };
        let all: Vec<usize> = (0..bids.len()).collect();
        for j in 0..rfq.lines.len() {
            me.count(j, &all, true);
        }
        let rfq_ids: HashSet<&str> = rfq.lines.iter().map(|l| l.id.as_str()).collect();
        me.leveled.suppliers = (0..bids.len())
            .map(|i| {
                summary_of(
                    &bids[i],
                    rfq,
                    &rfq_ids,
                    me.lines_bid[i],
                    me.totals_of(i),
                    me.qflags[i].clone(),
                )
            })
            .collect();
        me
    }

    /// The grid.
    pub fn leveled(&self) -> &Leveled {
        &self.leveled
    }

    pub fn into_leveled(self) -> Leveled {
        self.leveled
    }

    /// Re-levels after `changes` to the inputs (the settings are compared whatever they
    /// say); what cannot be re-leveled in part is leveled from scratch.
    pub fn update(
        &mut self,
        rfq: &RfqSpec,
        bids: &[Bid],
        settings: &Settings,
        changes: &[Change],
    ) -> Touched {
        let mut touched = Vec::new();
        let mut part = || -> Option<()> {
            if *settings != self.settings {
                touched.extend(self.settings_changed(rfq, bids, settings)?);
            }
            for c in changes {
                match *c {
                    Change::Line(j) => touched.extend(self.line_changed(rfq, bids, j)?),
                    Change::Bid(i) if i < bids.len() => {
                        touched.extend(self.columns_changed(rfq, bids, &[i])?)
                    }
                    Change::Settings => {}
                    Change::Bid(_) | Change::All => return None,
                }
            }
            Some(())
        };
        if part().is_none() {
            *self = Leveling::new(rfq, bids, settings);
            return Touched::All;
        }
        touched.sort_unstable();
        touched.dedup();
        Touched::Lines(touched)
    }

    /// Adds (or takes away) line `j`'s cells of the bids `cols` to their totals and counts.
    fn count(&mut self, j: usize, cols: &[usize], add: bool) {
        let row = &self.leveled.lines[j];
        for &i in cols {
            let mut priced = false;
            for (k, br) in row.breaks.iter().enumerate() {
                if let Some(b) = br.cells[i].breakdown.as_ref() {
                    self.totals[i][k].step(extended(b, br.qty), add);
                    priced = true;
                }
            }
            if add {
                self.priced[i][j] = priced;
                self.lines_bid[i] += usize::from(priced);
            } else {
                self.lines_bid[i] -= usize::from(self.priced[i][j]);
                self.priced[i][j] = false;
            }
        }
    }

    /// Bid `i`'s totals per break position, rounded as [`level`](super::level) rounds them.
    fn totals_of(&self, i: usize) -> Vec<Decimal> {
        self.totals[i]
            .iter()
            .enumerate()
            .map(|(k, t)| round_cost(t.exact().unwrap_or_else(|| self.fold(i, k))))
            .collect()
    }

    /// Bid `i`'s total at break position `k`, added up line by line as [`level`](super::level) does
    /// (when the kept sum cannot say it is exact).
    fn fold(&self, i: usize, k: usize) -> Decimal {
        self.leveled
            .lines
            .iter()
            .filter_map(|row| row.breaks.get(k))
            .filter_map(|br| Some(extended(br.cells[i].breakdown.as_ref()?, br.qty)))
            .fold(Decimal::ZERO, |t, x| {
                t.checked_add(x).unwrap_or(Decimal::MAX)
            })
    }

    /// Same lines, same bids, same breaks per line as the grid.
    fn same_shape(&self, rfq: &RfqSpec, bids: &[Bid]) -> bool {
        rfq.lines.len() == self.leveled.lines.len()
            && bids.len() == self.quoted.len()
            && rfq.lines.iter().zip(&self.leveled.lines).all(|(rl, row)| {
                rl.id == row.rfq_line_id && rl.quantities.len() == row.breaks.len()
            })
    }

    fn line_changed(&mut self, rfq: &RfqSpec, bids: &[Bid], j: usize) -> Option<Vec<usize>> {
        let rl = rfq.lines.get(j)?;
        let row = self.leveled.lines.get(j)?;
        if rfq.lines.len() != self.leveled.lines.len()
            || bids.len() != self.quoted.len()
            || rl.id != row.rfq_line_id
            || rl.quantities.len() != row.breaks.len()
        {
            return None;
        }
        let all: Vec<usize> = (0..bids.len()).collect();
        self.count(j, &all, false);
        let ref_rate = reference_rate(rfq, &self.settings);
        let (quoted, qflags) = (&self.quoted, &self.qflags);
        self.leveled.lines[j] = line_row(
            rl,
            &self.settings,
            ref_rate,
            |i| (&bids[i], bid_line(quoted, bids, i, rl), &qflags[i][..]),
            bids.len(),
        );
        self.count(j, &all, true);
        for i in all {
            let totals = self.totals_of(i);
            let s = &mut self.leveled.suppliers[i];
            s.lines_bid = self.lines_bid[i];
            s.coverage_pct = coverage(s.lines_bid, s.lines_total);
            s.totals = totals;
        }
        Some(vec![j])
    }

    /// The bids `cols` changed (their quote, estimate or rate): their cells in every row,
    /// and the rows whose landed costs moved finished again.
    fn columns_changed(
        &mut self,
        rfq: &RfqSpec,
        bids: &[Bid],
        cols: &[usize],
    ) -> Option<Vec<usize>> {
        if !self.same_shape(rfq, bids) {
            return None;
        }
        for &i in cols {
            self.quoted[i] = first_line_indices(&bids[i]);
            self.qflags[i] = quote_flags(rfq, &bids[i], self.settings.today);
        }
        let ref_rate = reference_rate(rfq, &self.settings);
        let landed = |c: &super::Cell| c.breakdown.as_ref().map(|b| b.landed);
        let mut touched = Vec::new();
        for (j, rl) in rfq.lines.iter().enumerate() {
            self.count(j, cols, false);
            let mut line_touched = false;
            for (k, &qty) in rl.quantities.iter().enumerate() {
                let new: Vec<(usize, super::Cell)> = cols
                    .iter()
                    .map(|&i| {
                        let q = bid_line(&self.quoted, bids, i, rl);
                        (
                            i,
                            cell(rl, qty, &bids[i], q, &self.settings, &self.qflags[i]),
                        )
                    })
                    .collect();
                let row = &mut self.leveled.lines[j].breaks[k];
                if new.iter().all(|(i, c)| landed(c) == landed(&row.cells[*i])) {
                    // The row's landed costs are as they were: so are its lowest, its
                    // median and what each cell got from them.
                    for (i, mut c) in new {
                        refinish_from(&mut c, &row.cells[i]);
                        if c != row.cells[i] {
                            row.cells[i] = c;
                            line_touched = true;
                        }
                    }
                } else {
                    for (i, c) in new {
                        row.cells[i] = c;
                    }
                    row.lowest_landed = finish_row(&mut row.cells, rl, &self.settings, ref_rate);
                    line_touched = true;
                }
            }
            self.count(j, cols, true);
            if line_touched {
                touched.push(j);
            }
        }
        let rfq_ids: HashSet<&str> = rfq.lines.iter().map(|l| l.id.as_str()).collect();
        for &i in cols {
            self.leveled.suppliers[i] = summary_of(
                &bids[i],
                rfq,
                &rfq_ids,
                self.lines_bid[i],
                self.totals_of(i),
                self.qflags[i].clone(),
            );
        }
        Some(touched)
    }

    /// New settings: only rates changed → the bids priced in (or estimating freight in) a
    /// currency whose rate changed; anything else → `None` (everything).
    fn settings_changed(
        &mut self,
        rfq: &RfqSpec,
        bids: &[Bid],
        settings: &Settings,
    ) -> Option<Vec<usize>> {
        let old = &self.settings;
        if old.base != settings.base
            || old.amortization_years != settings.amortization_years
            || old.cost_of_capital_pct != settings.cost_of_capital_pct
            || old.outlier_ratio != settings.outlier_ratio
            || old.today != settings.today
        {
            return None;
        }
        let moved = |c| rate_for(old, c) != rate_for(settings, c);
        if moved(rfq.currency) {
            // Every line's reference prices.
            return None;
        }
        let cols: Vec<usize> = bids
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                moved(b.quote.header.currency)
                    || b.estimate.as_ref().is_some_and(|e| moved(e.currency))
            })
            .map(|(i, _)| i)
            .collect();
        self.settings = settings.clone();
        if cols.is_empty() {
            return Some(Vec::new());
        }
        self.columns_changed(rfq, bids, &cols)
    }
}

/// [`first_lines`] as indices into the bid's quote lines.
fn first_line_indices(bid: &Bid) -> HashMap<String, usize> {
    let by_id = first_lines(bid);
    bid.quote
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            by_id
                .get(l.rfq_line_id.as_str())
                .is_some_and(|f| std::ptr::eq(*f, *l))
        })
        .map(|(k, l)| (l.rfq_line_id.clone(), k))
        .collect()
}

fn bid_line<'a>(
    quoted: &[HashMap<String, usize>],
    bids: &'a [Bid],
    i: usize,
    rl: &RfqLineSpec,
) -> Option<&'a QuoteLine> {
    quoted[i]
        .get(&rl.id)
        .and_then(|&k| bids[i].quote.lines.get(k))
}

/// Scale of the fixed-point sums: the cells' landed costs have 6 decimals at most
/// ([`round_cost`]), quantities a few.
const TOTAL_SCALE: u32 = 12;

/// One supplier's sum of landed × quantity at one break position, kept as an exact
/// integer of 10⁻¹² so a change can take a cell's term out and put the new one in.
/// [`level`](super::level) adds the terms up one by one in `Decimal`, which is exact too as long as
/// every partial sum fits its 96-bit mantissa at the largest scale seen; that is known
/// from the sum of absolute values, and when it is not (or a term has more than 12
/// decimals, or an integer overflowed) [`Leveling`] adds the column up as [`level`](super::level) does.
#[derive(Debug, Clone, Default)]
struct Total {
    sum: i128,
    abs: i128,
    /// How many terms have each scale (0..=12).
    scales: [u32; TOTAL_SCALE as usize + 1],
    /// Terms that do not fit: more decimals, or too large.
    odd: u32,
    /// An integer overflowed: never exact again (until leveled anew).
    broken: bool,
}

impl Total {
    fn fixed(d: Decimal) -> Option<(i128, usize)> {
        let s = d.scale();
        if s > TOTAL_SCALE {
            return None;
        }
        let v = d
            .mantissa()
            .checked_mul(10i128.checked_pow(TOTAL_SCALE - s)?)?;
        Some((v, s as usize))
    }

    fn step(&mut self, d: Decimal, add: bool) {
        let Some((v, s)) = Self::fixed(d) else {
            if add {
                self.odd += 1;
            } else {
                self.odd -= 1;
            }
            return;
        };
        let next = if add {
            self.sum.checked_add(v).zip(self.abs.checked_add(v.abs()))
        } else {
            self.sum.checked_sub(v).zip(self.abs.checked_sub(v.abs()))
        };
        match next {
            Some((sum, abs)) => (self.sum, self.abs) = (sum, abs),
            None => self.broken = true,
        }
        if add {
            self.scales[s] += 1;
        } else {
            self.scales[s] -= 1;
        }
    }

    /// The sum, when adding the terms one by one in `Decimal` cannot have rounded.
    fn exact(&self) -> Option<Decimal> {
        if self.odd > 0 || self.broken {
            return None;
        }
        let top = (0..self.scales.len())
            .rev()
            .find(|&s| self.scales[s] > 0)
            .unwrap_or(0);
        let div = 10i128.pow(TOTAL_SCALE - top as u32);
        // Every term has at most `top` decimals, so these divisions are exact.
        if self.abs / div >= 1i128 << 96 {
            return None;
        }
        Decimal::try_from_i128_with_scale(self.sum / div, top as u32).ok()
    }
}

#[cfg(test)]
mod tests;
