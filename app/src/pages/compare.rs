//! `/rfqs/{id}/compare`: the leveled comparison, the buyer's main screen.
//!
//! The server sends the inputs (`rfq`, `bids`, `settings`) once; the grid is derived
//! from them in the browser with [`domain::level::Leveling`], so changing a setting, an
//! FX rate, an annual volume or an estimate re-levels at once, with no request (and from
//! cached data, later, offline), and recomputes only the cells the change touches.
//! The grid is a `role="grid"` with a roving tabindex: arrow keys move, Enter/Space
//! opens a cell's breakdown, Escape closes it. Below 720 px the same data shows as one
//! card per line × break (CSS switches the two views).

use std::str::FromStr;

use api::Comparison;
use chrono::NaiveDate;
use domain::level::{
    describe, describe_estimate, describe_schedule, describe_validity, Bid, Breakdown, Cell,
    CellState, Change, EstimateFreight, Flag, LandedEstimate, Leveled, Leveling, Settings, Touched,
};
use domain::money::Currency;
use domain::quote::RfqSpec;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rust_decimal::{Decimal, RoundingStrategy};
use wasm_bindgen::JsCast;

use crate::api::{self as client, AppError};
use crate::session::use_internal;
use crate::ui::{
    error_panel, field_error, form_alert, invalid, loading, local_date, local_number,
    narrow_screen, set_title, staff_only, Debounce, FieldMap,
};

/// The page: fetches the comparison once; a sealed RFQ before its deadline shows the
/// server's sealed message instead.
#[component]
pub fn ComparePage() -> impl IntoView {
    if !use_internal() {
        return staff_only();
    }
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let data = LocalResource::new(move || {
        let id = id.get();
        async move { client::comparison(&id).await }
    });
    set_title("Compare bids");
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href="/rfqs">"RFQ list"</a>
            " / "
            <a href=move || format!("/rfqs/{}", id.get())>"RFQ"</a>
        </nav>
        <div class="page-head">
            <h1>"Compare bids"</h1>
        </div>
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(c) => Ok(view! { <CompareView id=id.get_untracked() c /> }.into_any()),
                        Err(e) if e.code() == "sealed" => {
                            Ok(
                                view! {
                                    <p class="alert alert-info sealed-message" role="status">
                                        {e.message().to_string()}
                                    </p>
                                }
                                    .into_any(),
                            )
                        }
                        Err(e) => Err::<AnyView, AppError>(e),
                    }
                })}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}

/// Display of a per-unit cost: 4 decimals, half away from zero, in the person's locale.
fn money(d: Decimal) -> String {
    local_number(
        &d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
            .to_string(),
    )
}

fn delta_text(c: &Cell) -> String {
    match c.delta_to_lowest_pct {
        _ if c.lowest => "lowest".to_string(),
        Some(d) => format!("+{d} %"),
        None => String::new(),
    }
}

/// In the cell itself: when the line ships against its need date and how long the quote
/// is valid (`domain::level::describe_schedule` / `describe_validity`), not only as flags.
fn cell_terms(cell: &Cell) -> impl IntoView {
    let schedule = cell.schedule.as_ref().map(|s| {
        view! {
            <span class="schedule" class:term-bad=s.late()>
                {describe_schedule(s)}
            </span>
        }
    });
    let validity = cell.validity.as_ref().map(|v| {
        view! {
            <span class="validity" class:term-bad=v.expired>
                {describe_validity(v)}
            </span>
        }
    });
    (schedule.is_some() || validity.is_some())
        .then(|| view! { <span class="cell-terms small">{schedule} {validity}</span> })
}

/// Short badge text for a flag (its full sentence is [`describe`]).
fn flag_short(f: &Flag) -> &'static str {
    match f {
        Flag::RevisionMismatch { .. } => "rev",
        Flag::MoqAboveBreak { .. } => "MOQ",
        Flag::LeadTimePastNeed { .. } => "late",
        Flag::QuoteExpired { .. } => "expired",
        Flag::NoBid { .. } => "no-bid",
        Flag::MissingLine => "missing",
        Flag::TermsDeviate { .. } => "terms",
        Flag::IncotermMismatch {
            estimated: false, ..
        } => "Incoterm: estimate missing",
        Flag::IncotermMismatch { .. } => "Incoterm",
        Flag::IncotermMissing {
            estimated: false, ..
        } => "no Incoterm: estimate missing",
        Flag::IncotermMissing { .. } => "no Incoterm",
        Flag::PlaceMismatch {
            estimated: false, ..
        } => "place: estimate missing",
        Flag::PlaceMismatch { .. } => "place",
        Flag::FreightNotQuoted => "freight?",
        Flag::OutlierPrice { .. } => "outlier",
        Flag::BreaksDiffer { .. } => "breaks",
        Flag::AlternateOffered { .. } => "alt",
    }
}

fn flag_badges(flags: &[Flag]) -> impl IntoView {
    flags
        .iter()
        // No-bid and missing already say so in the cell.
        .filter(|f| !matches!(f, Flag::NoBid { .. } | Flag::MissingLine))
        .map(|f| {
            let text = describe(f);
            view! {
                <span class="badge badge-flag" title=text.clone() aria-label=text>
                    {flag_short(f)}
                </span>
            }
        })
        .collect_view()
}

fn cell_text(c: &Cell, currency_of: &str) -> String {
    match c.state {
        CellState::Priced => String::new(),
        CellState::NoBid => "No bid".into(),
        CellState::Missing => "Not quoted".into(),
        CellState::NoFxRate => format!(
            "No {} rate: select to add it",
            c.missing_rate.map_or(currency_of, |m| m.code())
        ),
        CellState::OutOfRange => "Price out of range".into(),
    }
}

fn cell_class(cell: &Cell) -> String {
    format!(
        "cell state-{}{}",
        match cell.state {
            CellState::Priced => "priced",
            CellState::NoBid => "nobid",
            CellState::Missing => "missing",
            CellState::NoFxRate => "nofx",
            CellState::OutOfRange => "outofrange",
        },
        if cell.lowest { " cell-lowest" } else { "" }
    )
}

fn cell_content(cell: &Cell, currency_of: &str) -> AnyView {
    let value = match cell.breakdown.as_ref().map(|b| money(b.landed)) {
        Some(p) => view! {
            <span class="landed mono">{p}</span>
            <span class="delta small">{delta_text(cell)}</span>
        }
        .into_any(),
        None => view! { <span class="muted">{cell_text(cell, currency_of)}</span> }.into_any(),
    };
    view! {
        {value}
        {cell_terms(cell)}
        <span class="flags">{flag_badges(&cell.flags)}</span>
    }
    .into_any()
}

/// One cell of the grid, redrawn when its own signal changes.
fn grid_cell(
    row: usize,
    ci: usize,
    sig: ArcRwSignal<Cell>,
    currency_of: String,
    focus: RwSignal<(usize, usize)>,
    open: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let class = {
        let sig = sig.clone();
        move || sig.with(cell_class)
    };
    let content = move || sig.with(|cell| cell_content(cell, &currency_of));
    view! {
        <td
            role="gridcell"
            id=format!("cell-{row}-{ci}")
            class=class
            tabindex=move || if focus.get() == (row, ci) { "0" } else { "-1" }
            aria-selected=move || (open.get() == Some((row, ci))).to_string()
            on:click=move |_| {
                focus.set((row, ci));
                open.set(Some((row, ci)));
            }
            on:focus=move |_| focus.set((row, ci))
        >
            {content}
        </td>
    }
}

/// The leveled grid the page shows, kept by [`Leveling`] (issue 12): read it with
/// [`Grid::with`]; the page's re-level effects update it in place.
#[derive(Clone, Copy)]
pub struct Grid(RwSignal<Leveling>);

impl Grid {
    fn with<R>(self, f: impl FnOnce(&Leveled) -> R) -> R {
        self.0.with(|l| f(l.leveled()))
    }

    fn with_untracked<R>(self, f: impl FnOnce(&Leveled) -> R) -> R {
        self.0.with_untracked(|l| f(l.leveled()))
    }
}

/// What the page's own edits changed, for the re-level to redo only that: the RFQ lines
/// whose annual volume was set, the bids whose estimate was set. An edit of `rfq` or
/// `bids` that names nothing here re-levels everything.
#[derive(Clone, Copy)]
struct Edits {
    lines: StoredValue<Vec<usize>>,
    bids: StoredValue<Vec<usize>>,
}

/// The changes `named`, emptied; when none is named, everything, or nothing on an
/// effect's first run (the grid was just leveled from these inputs).
fn take_named(
    named: StoredValue<Vec<usize>>,
    change: fn(usize) -> Change,
    first_run: bool,
) -> Vec<Change> {
    let named = named.try_update_value(std::mem::take).unwrap_or_default();
    match (named.is_empty(), first_run) {
        (true, true) => Vec::new(),
        (true, false) => vec![Change::All],
        (false, _) => named.into_iter().map(change).collect(),
    }
}

/// The comparison for `c`: settings, volumes, the grid (or cards on a narrow screen),
/// the breakdown, per-supplier totals and the award panel. Public for the re-level
/// benchmark (`app/benches/relevel.rs`).
#[component]
pub fn CompareView(id: String, c: Comparison) -> impl IntoView {
    let Comparison {
        rfq,
        bids,
        settings: s0,
        fx_table,
        ..
    } = c;
    let fx_table = RwSignal::new(table_rows(&fx_table));
    let rfq: RwSignal<RfqSpec> = RwSignal::new(rfq);
    let bids = RwSignal::new(bids);
    let settings = RwSignal::new(s0.clone());
    // Leveled once here; after that each change re-levels what it touches (issue 12).
    let leveling = RwSignal::new(rfq.with_untracked(|r| {
        bids.with_untracked(|b| settings.with_untracked(|s| Leveling::new(r, b, s)))
    }));
    let leveled = Grid(leveling);
    let edits = Edits {
        lines: StoredValue::new(Vec::new()),
        bids: StoredValue::new(Vec::new()),
    };
    // The rows the last re-levels redid, for the cells' update below.
    let touched = StoredValue::new(Touched::Lines(Vec::new()));
    let relevel = move |changes: Vec<Change>| {
        let changed = leveling.try_update_untracked(|lv| {
            let before = lv.leveled().suppliers.clone();
            let t = rfq.with_untracked(|r| {
                bids.with_untracked(|b| settings.with_untracked(|s| lv.update(r, b, s, &changes)))
            });
            // No row redone and the same totals: nothing to redraw.
            let same =
                matches!(&t, Touched::Lines(l) if l.is_empty()) && lv.leveled().suppliers == before;
            touched.update_value(|all| match (all, t) {
                (Touched::Lines(a), Touched::Lines(b)) => a.extend(b),
                (all, _) => *all = Touched::All,
            });
            !same
        });
        if changed == Some(true) {
            leveling.notify();
        }
    };
    // One effect per input, so each knows what changed. An effect's first run (after
    // the page is drawn) re-levels only an edit made before it.
    Effect::new(move |ran: Option<()>| {
        rfq.track();
        let changes = take_named(edits.lines, Change::Line, ran.is_none());
        if !changes.is_empty() {
            relevel(changes);
        }
    });
    Effect::new(move |ran: Option<()>| {
        bids.track();
        let changes = take_named(edits.bids, Change::Bid, ran.is_none());
        if !changes.is_empty() {
            relevel(changes);
        }
    });
    // `Leveling` compares the settings itself: nothing changed, nothing redone; a new
    // rate re-levels the bids in its currency.
    Effect::new(move |_| {
        settings.track();
        relevel(vec![Change::Settings]);
    });
    // Cell (row, column) with tabindex 0, and the one whose breakdown is open.
    let focus = RwSignal::new((0usize, 0usize));
    let open = RwSignal::new(None::<(usize, usize)>);
    let rows = Memo::new(move |_| {
        leveled.with(|l| {
            l.lines
                .iter()
                .enumerate()
                .flat_map(|(li, line)| (0..line.breaks.len()).map(move |bi| (li, bi)))
                .collect::<Vec<_>>()
        })
    });
    let cols = Memo::new(move |_| bids.with(Vec::len));
    let currency_of = move |col: usize| {
        bids.with(|b| {
            b.get(col)
                .map(|x| x.quote.header.currency.code().to_string())
                .unwrap_or_default()
        })
    };

    let focus_cell = move |r: usize, c: usize| {
        focus.set((r, c));
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("cell-{r}-{c}")))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (r, c) = focus.get_untracked();
        let (nr, nc) = (rows.with_untracked(Vec::len), cols.get_untracked());
        if nr == 0 || nc == 0 {
            return;
        }
        let target = match ev.key().as_str() {
            "ArrowRight" => Some((r, (c + 1).min(nc - 1))),
            "ArrowLeft" => Some((r, c.saturating_sub(1))),
            "ArrowDown" => Some(((r + 1).min(nr - 1), c)),
            "ArrowUp" => Some((r.saturating_sub(1), c)),
            "Home" => Some((r, 0)),
            "End" => Some((r, nc - 1)),
            "Enter" | " " => {
                ev.prevent_default();
                open.set(Some((r, c)));
                None
            }
            _ => None,
        };
        if let Some((tr, tc)) = target {
            ev.prevent_default();
            focus_cell(tr, tc);
        }
    };
    // Escape closes the breakdown wherever the focus is (in the grid, in the breakdown,
    // or nowhere after a redraw took it away) and puts it back on the cell: one listener
    // on the window, removed with the page, not handlers on elements that a redraw
    // replaces.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() && open.get_untracked().is_some() {
            ev.prevent_default();
            open.set(None);
            let (r, c) = focus.get_untracked();
            focus_cell(r, c);
        }
    });
    on_cleanup(move || escape.remove());

    let header = move || {
        bids.with(|b| {
            b.iter()
                .map(|x| {
                    view! {
                        <th scope="col" role="columnheader">
                            {x.supplier_name.clone()}
                        </th>
                    }
                })
                .collect_view()
        })
    };
    // One signal per grid cell (issue 12): the rows are drawn when the grid's shape
    // changes, and a re-level (a setting, an FX rate, a volume) sets only the cells whose
    // value changed, looked for in the rows it redid, so only those are redrawn.
    let cell_signals: StoredValue<Vec<Vec<ArcRwSignal<Cell>>>> = StoredValue::new(Vec::new());
    Effect::new(move |_| {
        leveled.with(|l| {
            let redone = touched
                .try_update_value(|t| std::mem::replace(t, Touched::Lines(Vec::new())))
                .unwrap_or(Touched::All);
            cell_signals.with_value(|grid| {
                let set = |row: &[ArcRwSignal<Cell>], br: &domain::level::BreakRow| {
                    for (sig, cell) in row.iter().zip(&br.cells) {
                        if sig.with_untracked(|c| c != cell) {
                            sig.set(cell.clone());
                        }
                    }
                };
                match redone {
                    Touched::All => {
                        let rows = l.lines.iter().flat_map(|line| line.breaks.iter());
                        for (row, br) in grid.iter().zip(rows) {
                            set(row, br);
                        }
                    }
                    Touched::Lines(mut lines) => {
                        lines.sort_unstable();
                        lines.dedup();
                        // The grid's first row of each line.
                        let mut first = 0;
                        let mut next = 0;
                        for li in lines {
                            for line in l.lines.get(next..li).unwrap_or_default() {
                                first += line.breaks.len();
                            }
                            next = li;
                            let Some(line) = l.lines.get(li) else { break };
                            for (bi, br) in line.breaks.iter().enumerate() {
                                if let Some(row) = grid.get(first + bi) {
                                    set(row, br);
                                }
                            }
                        }
                    }
                }
            })
        })
    });
    let body = move || {
        // Read, not only tracked: `track` on a memo never read yet subscribes without
        // computing it, and its first computation later (the breakdown reads `rows`
        // when a cell opens) would count as a change and redraw every row, taking the
        // focus away from the cell (with `erase_components`, issue 12).
        rows.with(|_| ());
        cols.with(|_| ());
        untrack(move || {
            let mut grid = Vec::new();
            let mut r = 0usize;
            let mut out = Vec::new();
            leveled.with_untracked(|l| {
                for line in &l.lines {
                    for (bi, br) in line.breaks.iter().enumerate() {
                        let row = r;
                        r += 1;
                        let label = format!(
                            "Line {} · {} rev {} · {}",
                            line.line_no,
                            line.part_number,
                            line.revision,
                            local_number(&br.qty.normalize().to_string())
                        );
                        let sigs: Vec<ArcRwSignal<Cell>> =
                            br.cells.iter().cloned().map(ArcRwSignal::new).collect();
                        let cells = sigs
                            .iter()
                            .enumerate()
                            .map(|(ci, sig)| {
                                grid_cell(row, ci, sig.clone(), currency_of(ci), focus, open)
                            })
                            .collect_view();
                        grid.push(sigs);
                        let first = bi == 0;
                        out.push(view! {
                            <tr role="row" class:line-start=first>
                                <th scope="row" role="rowheader" class="row-head">
                                    {label}
                                </th>
                                {cells}
                            </tr>
                        });
                    }
                }
            });
            cell_signals.set_value(grid);
            out
        })
    };
    let base_code = move || leveled.with(|l| l.base.code().to_string());

    // The open breakdown, looked up in the current leveled grid.
    let quote_rfq = StoredValue::new(id.clone());
    // What became of the last rate added in place (kept while the breakdown redraws).
    let rate_notice = RwSignal::new(None::<String>);
    // … until another cell's breakdown opens.
    Effect::new(move |prev: Option<Option<(usize, usize)>>| {
        let now = open.get();
        if prev.is_some_and(|p| p != now) {
            rate_notice.set(None);
        }
        now
    });
    let breakdown = move || {
        let (r, c) = open.get()?;
        let (li, bi) = rows.with(|rs| rs.get(r).copied())?;
        leveled.with(|l| {
            let line = l.lines.get(li)?;
            let br = line.breaks.get(bi)?;
            let cell = br.cells.get(c)?;
            let (name, sid, estimate) = bids.with(|b| {
                b.get(c).map(|x| {
                    (
                        x.supplier_name.clone(),
                        x.supplier_id.clone(),
                        x.estimate.clone(),
                    )
                })
            })?;
            let quote_href = format!("/rfqs/{}/quotes/{sid}", quote_rfq.get_value());
            let refs = rfq.with(|r| {
                r.lines
                    .iter()
                    .find(|x| x.id == line.rfq_line_id)
                    .map(|x| (x.last_price, x.should_cost))
                    .unwrap_or_default()
            });
            let rfq_currency = rfq.with(|r| r.currency);
            // In place: the missing rate to add, and the buyer's freight and duty estimate
            // for this supplier's quote (issue 11).
            let add_rate = cell.missing_rate.map(|currency| {
                view! { <AddRate currency settings fx_table notice=rate_notice /> }
            });
            let estimate_editor = matches!(
                cell.state,
                CellState::Priced | CellState::NoFxRate | CellState::OutOfRange
            )
            .then(|| {
                let missing = cell.flags.iter().any(|f| {
                    matches!(
                        f,
                        Flag::IncotermMismatch {
                            estimated: false,
                            ..
                        } | Flag::IncotermMissing {
                            estimated: false,
                            ..
                        } | Flag::PlaceMismatch {
                            estimated: false,
                            ..
                        }
                    )
                });
                view! {
                    <EstimateEditor
                        rfq_id=quote_rfq.get_value()
                        supplier_id=sid.clone()
                        supplier=name.clone()
                        current=estimate.clone()
                        default_currency=rfq_currency
                        missing
                        bids
                        edits
                    />
                }
            });
            Some(breakdown_view(
                &format!(
                    "{name} · line {} {} · {}",
                    line.line_no,
                    line.part_number,
                    local_number(&br.qty.normalize().to_string())
                ),
                cell,
                l.base,
                (refs, rfq_currency),
                (quote_href, name),
                open,
                view! { {add_rate} {move || rate_notice.get().map(|m| view! { <p role="status">{m}</p> })} {estimate_editor} }
                    .into_any(),
            ))
        })
    };

    // Below 720 px the cards, above it the grid: only the one shown is built (issue 12).
    let narrow = narrow_screen(720);

    let id = StoredValue::new(id);
    // The exports level on the server with the same settings and trial volumes.
    let export = move |ext: &'static str| {
        move || {
            let url = settings.with(|s| client::comparison_export_url(&id.get_value(), ext, s));
            let volumes = rfq.with(|r| {
                r.lines
                    .iter()
                    .filter_map(|l| {
                        l.annual_volume
                            .map(|v| format!("{}:{}", l.id, v.normalize()))
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            });
            if volumes.is_empty() {
                url
            } else {
                format!("{url}&volumes={}", js_sys::encode_uri_component(&volumes))
            }
        }
    };

    view! {
        <div class="compare">
            <SettingsPanel settings fx_table />
            <VolumesPanel rfq edits />
            <div class="actions">
                <a class="btn" href=export("csv") download>
                    "Export CSV"
                </a>
                <a class="btn" href=export("xlsx") download>
                    "Export XLSX"
                </a>
            </div>
            <p class="muted small">
                "Landed unit cost in " {base_code}
                ": price + freight share + your freight and duty estimate + tooling amortized + payment-terms financing. Select a cell for its breakdown."
            </p>
            <Show
                when=move || !narrow.get()
                fallback=move || {
                    view! {
                        <div class="compare-stacked">
                            <StackedView leveled bids open focus />
                        </div>
                    }
                }
            >
            <div class="compare-wide table-wrap">
                <table
                    class="table grid"
                    role="grid"
                    aria-label="Leveled comparison"
                    on:keydown=on_key
                >
                    <thead>
                        <tr role="row">
                            <th scope="col" role="columnheader">
                                "Line · quantity"
                            </th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            </Show>
            {breakdown}
            <SupplierSummaries leveled />
            <AwardPanel id=id.get_value() leveled bids settings />
        </div>
    }
}

/// A reference price line of the breakdown: "−12.6 % (0.7 USD)" or "—".
fn reference_text(delta: Option<Decimal>, value: Option<Decimal>, currency: Currency) -> String {
    match (delta, value) {
        (Some(d), Some(v)) => {
            let sign = if d > Decimal::ZERO { "+" } else { "" };
            format!("{sign}{d} % (vs {currency} {})", money(v))
        }
        (None, Some(v)) => format!("— (vs {currency} {})", money(v)),
        _ => "— (none entered)".to_string(),
    }
}

type References = ((Option<Decimal>, Option<Decimal>), Currency);

fn breakdown_view(
    title: &str,
    cell: &Cell,
    base: Currency,
    refs: References,
    (quote_href, supplier): (String, String),
    open: RwSignal<Option<(usize, usize)>>,
    in_place: AnyView,
) -> AnyView {
    let ((last, should), rfq_currency) = refs;
    let deltas = cell.breakdown.is_some().then(|| {
        view! {
            <dl class="facts references">
                <div>
                    <dt>"Delta to last price"</dt>
                    <dd class="mono">{reference_text(cell.delta_to_last_price_pct, last, rfq_currency)}</dd>
                </div>
                <div>
                    <dt>"Delta to should-cost"</dt>
                    <dd class="mono">{reference_text(cell.delta_to_should_cost_pct, should, rfq_currency)}</dd>
                </div>
            </dl>
        }
    });
    let flags = cell
        .flags
        .iter()
        .map(|f| view! { <li>{describe(f)}</li> })
        .collect_view();
    let body = match &cell.breakdown {
        Some(b) => breakdown_facts(b, base).into_any(),
        None => view! { <p>{cell_text(cell, "its currency")}</p> }.into_any(),
    };
    view! {
        <section class="panel breakdown" role="region" aria-label="Cost breakdown">
            <h2>"Breakdown: " {title.to_string()}</h2>
            {body}
            {deltas}
            <ul class="flag-list">{flags}</ul>
            {in_place}
            <p>
                <a href=quote_href>{format!("Open quote from {supplier}")}</a>
            </p>
            <button class="btn btn-small" type="button" on:click=move |_| open.set(None)>
                "Close breakdown"
            </button>
        </section>
    }
    .into_any()
}

fn breakdown_facts(b: &Breakdown, base: Currency) -> impl IntoView {
    let row = |k: &'static str, v: String| {
        view! {
            <div>
                <dt>{k}</dt>
                <dd class="mono">{v}</dd>
            </div>
        }
    };
    let fx = match b.fx_as_of {
        Some(d) => format!(
            "{} (as of {})",
            b.fx_rate.normalize(),
            local_date(&d.to_string())
        ),
        None => "1 (base currency)".to_string(),
    };
    view! {
        <dl class="facts">
            {row("Unit price", format!("{base} {}", money(b.unit_price)))}
            {row("Freight", format!("{base} {}", money(b.freight)))}
            {(!b.estimated_freight.is_zero())
                .then(|| row("Freight (your estimate)", format!("{base} {}", money(b.estimated_freight))))}
            {(!b.duty.is_zero()).then(|| row("Duty (your estimate)", format!("{base} {}", money(b.duty))))}
            {row("Tooling", format!("{base} {}", money(b.tooling)))}
            {row("Payment terms (financing)", financing_text(base, b.financing, b.payment_days))}
            {row("Landed", format!("{base} {}", money(b.landed)))}
            {row("Quoted price", format!("{} {}", b.quoted_currency, money(b.quoted_unit_price)))}
            {row("FX rate", fx)}
            {row("Payment days", b.payment_days.to_string())}
            {row("Discount taken", if b.discount_taken { "yes" } else { "no" }.to_string())}
        </dl>
    }
}

/// The financing share of a landed cost, with what its sign means: paying later is worth
/// money to the buyer (negative), paying early or a deposit costs money (positive).
fn financing_text(base: impl std::fmt::Display, amount: Decimal, days: i64) -> String {
    let value = format!("{base} {}", money(amount));
    if amount < Decimal::ZERO {
        format!("{value} (paying {days} days after delivery is worth this at your cost of capital)")
    } else if amount > Decimal::ZERO {
        format!("{value} (paying early or a deposit costs this at your cost of capital)")
    } else {
        value
    }
}

/// In a missing-rate cell's breakdown (issue 11): a form for the rate of `currency`
/// against the base and the date it holds on (today unless changed), checked as every
/// rate is (`domain::level::fx_rate`, `fx_as_of`); on submit it is applied (the grid
/// re-levels: the cell is priced at it) and saved to the exchange-rate table, so the
/// exports and the next visit use it too.
#[component]
fn AddRate(
    currency: Currency,
    settings: RwSignal<Settings>,
    fx_table: RwSignal<Vec<(Currency, domain::level::FxRate)>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let base = settings.with_untracked(|s| s.base);
    let today = settings.with_untracked(|s| s.today);
    let rate = RwSignal::new(String::new());
    let date = RwSignal::new(today.to_string());
    let error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let input_id = format!("add-rate-{}", currency.code());
    let date_id = format!("add-rate-{}-date", currency.code());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut e = domain::validate::FieldErrors::new();
        let value = parse_dec(&rate.get_untracked());
        match value {
            Some(r) => domain::level::fx_rate(&mut e, "rate", r),
            None => e.add("rate", "enter the rate as a number"),
        }
        let as_of = domain::level::fx_as_of(&mut e, "as_of", &date.get_untracked(), today);
        let (Some(value), Some(as_of), true) = (value, as_of, e.is_empty()) else {
            error.set(e.0.remove("rate"));
            date_error.set(e.0.remove("as_of"));
            return;
        };
        error.set(None);
        date_error.set(None);
        let row = domain::level::FxRate {
            currency,
            rate: value,
            as_of,
        };
        // Applied now: the grid re-levels with it.
        settings.update(|s| {
            s.fx.retain(|r| r.currency != currency);
            s.fx.push(row.clone());
        });
        fx_table.update(|t| {
            t.retain(|(b, r)| !(*b == base && r.currency == currency));
            t.push((base, row));
        });
        let saved = api::FxRate {
            base: base.code().to_string(),
            currency: currency.code().to_string(),
            rate: value,
            as_of: as_of.to_string(),
        };
        notice.set(Some(format!("{currency} rate added; saving it…")));
        leptos::task::spawn_local(async move {
            notice.set(Some(match client::save_fx_rates(&[saved]).await {
                Ok(_) => format!(
                    "{currency} rate {} saved to the exchange-rate table.",
                    value.normalize()
                ),
                Err(e) => format!("{currency} rate used here but not saved: {}", e.message()),
            }));
        });
    };
    let error_id = format!("{input_id}-error");
    let date_error_id = format!("{date_id}-error");
    view! {
        <form class="add-rate" novalidate on:submit=add>
            <p>
                {format!(
                    "This bid is in {currency}, and there is no {currency} rate against {base}. \
                     Add it to price the bid (it is never taken as 1)."
                )}
            </p>
            <div class="field">
                <label for=input_id.clone()>{format!("1 {currency} in {base}")}</label>
                <input
                    id=input_id
                    class="mono"
                    type="number"
                    step="any"
                    min="0"
                    inputmode="decimal"
                    bind:value=rate
                    aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                    aria-describedby=error_id.clone()
                />
                {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            </div>
            <div class="field">
                <label for=date_id.clone()>"Rate date"</label>
                <input
                    id=date_id
                    type="date"
                    max=today.to_string()
                    bind:value=date
                    aria-invalid=move || date_error.with(|e| e.is_some()).then_some("true")
                    aria-describedby=date_error_id.clone()
                />
                {move || date_error.get().map(|m| view! { <p class="field-error" id=date_error_id.clone()>{m}</p> })}
            </div>
            <button class="btn btn-small" type="submit">
                {format!("Add {currency} rate")}
            </button>
        </form>
    }
}

/// The buyer's freight and duty estimate for one supplier's quote (issue 11), in the
/// breakdown: checked with `domain::level::estimate_from` (the server's check), saved
/// with `PUT /api/rfqs/{id}/estimates/{supplier}`, then put on the bid so the grid
/// re-levels with it. `missing`: the quote's terms differ from the RFQ's and there is
/// no estimate yet.
#[component]
fn EstimateEditor(
    rfq_id: String,
    supplier_id: String,
    supplier: String,
    current: Option<LandedEstimate>,
    default_currency: Currency,
    missing: bool,
    bids: RwSignal<Vec<Bid>>,
    edits: Edits,
) -> impl IntoView {
    let (kind0, amount0) = match current.as_ref().and_then(|e| e.freight) {
        Some(EstimateFreight::PerUnit(a)) => ("per_unit", a.normalize().to_string()),
        Some(EstimateFreight::PerShipment(a)) => ("per_shipment", a.normalize().to_string()),
        None => ("none", String::new()),
    };
    let currency = RwSignal::new(
        current
            .as_ref()
            .map_or(default_currency, |e| e.currency)
            .code()
            .to_string(),
    );
    let kind = RwSignal::new(kind0.to_string());
    let amount = RwSignal::new(amount0);
    let duty = RwSignal::new(
        current
            .as_ref()
            .and_then(|e| e.duty_pct)
            .map(|d| d.normalize().to_string())
            .unwrap_or_default(),
    );
    let note = RwSignal::new(current.as_ref().map(|e| e.note.clone()).unwrap_or_default());
    let errors = RwSignal::new(FieldMap::new());
    let error = RwSignal::new(None::<AppError>);
    let ids = StoredValue::new((rfq_id, supplier_id));
    // Puts `est` on the bid: the grid re-levels with it.
    let apply = move |est: Option<LandedEstimate>| {
        let sid = ids.with_value(|(_, s)| s.clone());
        let Some(i) = bids.with_untracked(|b| b.iter().position(|x| x.supplier_id == sid)) else {
            return;
        };
        edits.bids.update_value(|e| e.push(i));
        bids.update(|b| b[i].estimate = est);
    };
    let save = Action::new_local(move |body: &api::EstimateRequest| {
        let body = body.clone();
        let (rfq, sid) = ids.get_value();
        async move {
            match client::save_estimate(&rfq, &sid, &body).await {
                Ok(est) => {
                    error.set(None);
                    apply(Some(est));
                }
                Err(e) => {
                    errors.set(e.fields().clone());
                    error.set(Some(e));
                }
            }
        }
    });
    let remove = Action::new_local(move |_: &()| {
        let (rfq, sid) = ids.get_value();
        async move {
            match client::remove_estimate(&rfq, &sid).await {
                Ok(()) => {
                    error.set(None);
                    apply(None);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut bad = FieldMap::new();
        let number = |field: &str, text: String, bad: &mut FieldMap| {
            let t = text.trim().to_string();
            if t.is_empty() {
                return None;
            }
            let v = parse_dec(&t);
            if v.is_none() {
                bad.insert(field.to_string(), "enter a number".to_string());
            }
            v
        };
        let freight = match kind.get_untracked().as_str() {
            "per_unit" | "per_shipment" => {
                match number("freight.amount", amount.get_untracked(), &mut bad) {
                    Some(a) if kind.get_untracked() == "per_unit" => {
                        Some(EstimateFreight::PerUnit(a))
                    }
                    Some(a) => Some(EstimateFreight::PerShipment(a)),
                    None => {
                        bad.entry("freight.amount".into())
                            .or_insert_with(|| "enter the freight amount".into());
                        None
                    }
                }
            }
            _ => None,
        };
        let duty_pct = number("duty_pct", duty.get_untracked(), &mut bad);
        // The server's own check, before sending.
        let checked = domain::level::estimate_from(
            &currency.get_untracked(),
            freight,
            duty_pct,
            &note.get_untracked(),
        );
        if let Err(e) = &checked {
            for (k, v) in &e.0 {
                bad.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        if !bad.is_empty() {
            errors.set(bad);
            return;
        }
        errors.set(FieldMap::new());
        if let Ok(est) = checked {
            save.dispatch(api::EstimateRequest {
                currency: est.currency.code().to_string(),
                freight: est.freight,
                duty_pct: est.duty_pct,
                note: est.note,
            });
        }
    };
    let state = match &current {
        Some(e) => format!("In the landed cost: {}.", describe_estimate(e)),
        None if missing => {
            "Estimate missing: this quote's Incoterm or named place differs from the RFQ's, \
             so its landed cost lacks the freight and duty to get the goods there."
                .to_string()
        }
        None => "No estimate: nothing is added to the price.".to_string(),
    };
    let has_current = current.is_some();
    view! {
        // The check is domain's, with its messages, not the browser's.
        <form class="estimate" aria-labelledby="estimate-h" novalidate on:submit=submit>
            <h3 id="estimate-h">{format!("Freight and duty estimate for {supplier}")}</h3>
            <p class:alert=missing class:alert-warn=missing role="status">
                {state}
            </p>
            <div class="form-grid">
                <div class="field">
                    <label for="est-currency">"Currency"</label>
                    <input
                        id="est-currency"
                        class="mono"
                        maxlength="3"
                        bind:value=currency
                        aria-invalid=invalid(errors, "currency")
                        aria-describedby="currency-error"
                    />
                    {field_error(errors, "currency")}
                </div>
                <div class="field">
                    <label for="est-kind">"Freight"</label>
                    <select
                        id="est-kind"
                        prop:value=move || kind.get()
                        on:change=move |ev| kind.set(event_target_value(&ev))
                    >
                        <option value="none">"No freight to add"</option>
                        <option value="per_shipment">"Per shipment"</option>
                        <option value="per_unit">"Per unit"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="est-amount">"Freight amount"</label>
                    <input
                        id="est-amount"
                        class="mono"
                        type="number"
                        step="any"
                        min="0"
                        inputmode="decimal"
                        bind:value=amount
                        disabled=move || kind.get() == "none"
                        aria-invalid=invalid(errors, "freight.amount")
                        aria-describedby="freight.amount-error"
                    />
                    {field_error(errors, "freight.amount")}
                </div>
                <div class="field">
                    <label for="est-duty">"Duty % of the price"</label>
                    <input
                        id="est-duty"
                        class="mono"
                        type="number"
                        step="any"
                        min="0"
                        max="100"
                        inputmode="decimal"
                        bind:value=duty
                        aria-invalid=invalid(errors, "duty_pct")
                        aria-describedby="duty_pct-error"
                    />
                    {field_error(errors, "duty_pct")}
                </div>
                <div class="field span-all">
                    <label for="est-note">"Source (forwarder offer, tariff code)"</label>
                    <input
                        id="est-note"
                        bind:value=note
                        aria-invalid=invalid(errors, "note")
                        aria-describedby="note-error"
                    />
                    {field_error(errors, "note")}
                </div>
            </div>
            <div class="actions">
                <button class="btn btn-small" type="submit" disabled=move || save.pending().get()>
                    "Save estimate"
                </button>
                {has_current
                    .then(|| {
                        view! {
                            <button
                                class="btn btn-small"
                                type="button"
                                disabled=move || remove.pending().get()
                                on:click=move |_| {
                                    remove.dispatch(());
                                }
                            >
                                "Remove estimate"
                            </button>
                        }
                    })}
            </div>
            {form_alert(error)}
        </form>
    }
}

/// Narrow screens: one card per line × break, suppliers as rows.
#[component]
fn StackedView(
    leveled: Grid,
    bids: RwSignal<Vec<domain::level::Bid>>,
    open: RwSignal<Option<(usize, usize)>>,
    focus: RwSignal<(usize, usize)>,
) -> impl IntoView {
    move || {
        leveled.with(|l| {
            let names: Vec<(String, String)> = bids.with(|b| {
                b.iter()
                    .map(|x| {
                        (
                            x.supplier_name.clone(),
                            x.quote.header.currency.code().to_string(),
                        )
                    })
                    .collect()
            });
            let mut row = 0usize;
            let mut cards = Vec::new();
            for line in &l.lines {
                for br in &line.breaks {
                    let r = row;
                    row += 1;
                    let items = br
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(ci, cell)| {
                            let (name, cur) = names.get(ci).cloned().unwrap_or_default();
                            let value = cell
                                .breakdown
                                .as_ref()
                                .map(|b| money(b.landed))
                                .unwrap_or_else(|| cell_text(cell, &cur));
                            view! {
                                <li class:cell-lowest=cell.lowest>
                                    <button
                                        class="stacked-row"
                                        type="button"
                                        on:click=move |_| {
                                            focus.set((r, ci));
                                            open.set(Some((r, ci)));
                                        }
                                    >
                                        <span class="strong">{name}</span>
                                        <span class="mono">{value}</span>
                                        <span class="small">{delta_text(cell)}</span>
                                        {cell_terms(cell)}
                                    </button>
                                    <span class="flags">{flag_badges(&cell.flags)}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    cards.push(view! {
                        <article class="panel stacked-card">
                            <h3>
                                {format!(
                                    "Line {} · {} rev {} · {}",
                                    line.line_no,
                                    line.part_number,
                                    line.revision,
                                    local_number(&br.qty.normalize().to_string()),
                                )}
                            </h3>
                            <ul class="stacked-list">{items}</ul>
                        </article>
                    });
                }
            }
            cards
        })
    }
}

/// Per supplier: totals per break position, coverage, longest lead time, quote flags.
#[component]
fn SupplierSummaries(leveled: Grid) -> impl IntoView {
    // Only the summaries, not a copy of the whole grid; redrawn when they change.
    let summaries = Memo::new(move |_| leveled.with(|l| (l.base, l.suppliers.clone())));
    move || {
        let (base, suppliers) = summaries.get();
        let positions = suppliers.iter().map(|s| s.totals.len()).max().unwrap_or(0);
        let heads = (1..=positions)
            .map(|k| view! { <th scope="col" class="num">{format!("Total, break {k}")}</th> })
            .collect_view();
        let rows = suppliers
            .iter()
            .map(|s| {
                let totals = s
                    .totals
                    .iter()
                    .enumerate()
                    .map(|(k, t)| {
                        view! {
                            <td class="num mono" data-label=format!("Total, break {}", k + 1)>
                                {money(*t)}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{s.supplier_name.clone()}</th>
                        {totals}
                        <td data-label="Coverage">
                            {format!("{}/{} lines ({} %)", s.lines_bid, s.lines_total, s.coverage_pct)}
                        </td>
                        <td data-label="Max lead time">
                            {s
                                .max_lead_time_days
                                .map(|d| format!("{d} days"))
                                .unwrap_or_else(|| "—".into())}
                        </td>
                        <td data-label="Quote flags">{flag_badges(&s.quote_flags)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="summary-h">
                <h2 id="summary-h">"Per supplier " <span class="muted small">{format!("({base})")}</span></h2>
                <div class="table-wrap">
                    <table class="table table-cards" aria-label="Per supplier">
                        <thead>
                            <tr>
                                <th scope="col">"Supplier"</th>
                                {heads}
                                <th scope="col">"Coverage"</th>
                                <th scope="col">"Max lead time"</th>
                                <th scope="col">"Quote flags"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    }
}

fn parse_dec(s: &str) -> Option<Decimal> {
    Decimal::from_str(s.trim()).ok()
}

/// Base currency, amortization, cost of capital, outlier ratio and the FX table. Every
/// change writes `settings`, which re-levels the grid at once.
#[component]
fn SettingsPanel(
    settings: RwSignal<Settings>,
    fx_table: RwSignal<Vec<(Currency, domain::level::FxRate)>>,
) -> impl IntoView {
    let s = settings.get_untracked();
    let error = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    // What the comparison and its exports refuse, the panel refuses: a value out of
    // range (`Settings::check`) is shown as an error and does not re-level the grid.
    let knob_errors = RwSignal::new(FieldMap::new());
    let knob = move |label: &'static str,
                     id: &'static str,
                     field: &'static str,
                     initial: Decimal,
                     apply: fn(&mut Settings, Decimal)| {
        // Typing re-levels once the person pauses, and at once on leaving the field.
        let debounce = Debounce::new(250);
        let error_id = format!("{id}-error");
        // The value checked with every setting (`Settings::check`): its message, or none.
        let check = move |v: Decimal| -> bool {
            let mut next = settings.get_untracked();
            apply(&mut next, v);
            let problem = next.check().err().and_then(|mut e| e.0.remove(field));
            let ok = problem.is_none();
            knob_errors.update(|e| match problem {
                Some(m) => {
                    e.insert(field.to_string(), m);
                }
                None => {
                    e.remove(field);
                }
            });
            ok
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    class="mono"
                    type="number"
                    step="any"
                    min="0"
                    value=initial.normalize().to_string()
                    aria-invalid=move || knob_errors.with(|e| e.contains_key(field)).then_some("true")
                    aria-describedby=error_id.clone()
                    on:input=move |ev| {
                        match parse_dec(&event_target_value(&ev)) {
                            None => knob_errors.update(|e| {
                                e.insert(field.to_string(), "enter a number".to_string());
                            }),
                            Some(v) if check(v) => {
                                debounce.run(move || settings.update(|s| apply(s, v)));
                            }
                            Some(_) => {}
                        }
                    }
                    on:change=move |ev| {
                        if let Some(v) = parse_dec(&event_target_value(&ev)).filter(|v| check(*v)) {
                            debounce.now(|| settings.update(|s| apply(s, v)));
                        }
                    }
                />
                {move || {
                    knob_errors
                        .with(|e| e.get(field).cloned())
                        .map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
                }}
            </div>
        }
    };
    // A new base currency: the rates against it from the whole table, converted as the
    // server converts them (`domain::level::rates_against`), without a request.
    let set_base = move |code: String| match Currency::from_code(&code) {
        Ok(cur) => {
            error.set(None);
            let fx = fx_table.with_untracked(|t| domain::level::rates_against(cur, t));
            settings.update(|s| {
                s.base = cur;
                s.fx = fx;
            });
        }
        Err(_) => error.set(Some(AppError::new(
            "invalid",
            "Use an ISO 4217 currency code such as EUR or USD.",
        ))),
    };
    let save = Action::new_local(move |rates: &Vec<api::FxRate>| {
        let rates = rates.clone();
        async move {
            match client::save_fx_rates(&rates).await {
                Ok(_) => {
                    error.set(None);
                    saved.set(true);
                    // The saved rows are part of the table from now on.
                    let rows = table_rows(&rates);
                    fx_table.update(|t| {
                        for (b, r) in rows {
                            t.retain(|(tb, tr)| !(*tb == b && tr.currency == r.currency));
                            t.push((b, r));
                        }
                    });
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let fx_rows = move || {
        settings.with(|s| {
            (0..s.fx.len())
                .map(|i| {
                    let r = s.fx[i].clone();
                    let cur = r.currency.code();
                    view! {
                        <tr>
                            <th scope="row" class="mono">
                                {cur}
                            </th>
                            <td>
                                <input
                                    class="mono"
                                    type="number"
                                    step="any"
                                    aria-label=format!("Rate {cur}")
                                    value=r.rate.normalize().to_string()
                                    on:change=move |ev| {
                                        if let Some(v) = parse_dec(&event_target_value(&ev))
                                            .filter(|v| *v > Decimal::ZERO)
                                        {
                                            saved.set(false);
                                            settings.update(|s| s.fx[i].rate = v);
                                        }
                                    }
                                />
                            </td>
                            <td>
                                <input
                                    type="date"
                                    aria-label=format!("Rate date {cur}")
                                    max=s.today.to_string()
                                    value=r.as_of.to_string()
                                    on:change=move |ev| {
                                        // The rule the server applies (`fx_as_of`): a date,
                                        // not after today.
                                        let mut e = domain::validate::FieldErrors::new();
                                        let today = settings.with_untracked(|s| s.today);
                                        match domain::level::fx_as_of(
                                            &mut e,
                                            "as_of",
                                            &event_target_value(&ev),
                                            today,
                                        ) {
                                            Some(d) => {
                                                saved.set(false);
                                                error.set(None);
                                                settings.update(|s| s.fx[i].as_of = d);
                                            }
                                            None => error.set(Some(AppError::new(
                                                "invalid",
                                                format!(
                                                    "Rate date {cur}: {}",
                                                    e.0.remove("as_of").unwrap_or_default()
                                                ),
                                            ))),
                                        }
                                    }
                                />
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let new_cur = RwSignal::new(String::new());
    let new_rate = RwSignal::new(String::new());
    // A rate is added with its value: never a default of 1 (issue 11).
    let add_rate = move |_| {
        let mut e = domain::validate::FieldErrors::new();
        let cur = domain::validate::currency(&mut e, "currency", new_cur.get_untracked().trim());
        let rate = parse_dec(&new_rate.get_untracked());
        match rate {
            Some(r) => domain::level::fx_rate(&mut e, "rate", r),
            None => e.add("rate", "enter the rate"),
        }
        if let Some(c) = cur.filter(|c| *c == settings.with_untracked(|s| s.base)) {
            e.add("currency", format!("{} is the base currency", c.code()));
        }
        match (cur, rate, e.is_empty()) {
            (Some(c), Some(rate), true) => {
                settings.update(|s| {
                    s.fx.retain(|r| r.currency != c);
                    s.fx.push(domain::level::FxRate {
                        currency: c,
                        rate,
                        as_of: s.today,
                    });
                });
                saved.set(false);
                error.set(None);
                new_cur.set(String::new());
                new_rate.set(String::new());
            }
            _ => {
                let msg =
                    e.0.iter()
                        .map(|(k, v)| format!("{k}: {v}"))
                        .collect::<Vec<_>>()
                        .join("; ");
                error.set(Some(AppError::new("invalid", msg)));
            }
        }
    };
    view! {
        // Folded by default: the grid comes first; the summary names what is inside.
        <details class="panel settings">
            <summary>
                "Settings"
                <span class="muted small">
                    " · currency, amortization, cost of capital, price outliers, exchange rates"
                </span>
            </summary>
            <div class="form-grid">
                <div class="field">
                    <label for="cmp-base">"Base currency"</label>
                    <input
                        id="cmp-base"
                        class="mono"
                        maxlength="3"
                        value=s.base.code()
                        on:change=move |ev| {
                            set_base(event_target_value(&ev).trim().to_ascii_uppercase());
                        }
                    />
                </div>
                {knob(
                    "Amortization (years)",
                    "cmp-years",
                    "amortization_years",
                    s.amortization_years,
                    |s, v| s.amortization_years = v,
                )}
                {knob(
                    "Cost of capital %",
                    "cmp-capital",
                    "cost_of_capital_pct",
                    s.cost_of_capital_pct,
                    |s, v| s.cost_of_capital_pct = v,
                )}
                {knob(
    "Flag a price as an outlier at (× the others)",
                    "cmp-outlier",
                    "outlier_ratio",
                    s.outlier_ratio,
                    |s, v| s.outlier_ratio = v,
                )}
            </div>
            <table class="table fx" aria-label="FX rates">
                <caption>
                    {move || format!("Exchange rates: units of {} per unit of", settings.with(|s| s.base))}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Currency"</th>
                        <th scope="col">"Rate"</th>
                        <th scope="col">"As of"</th>
                    </tr>
                </thead>
                <tbody>{fx_rows}</tbody>
            </table>
            <div class="actions">
                <label for="cmp-newcur" class="sr-only">
                    "Add currency"
                </label>
                <input id="cmp-newcur" class="mono" maxlength="3" placeholder="EUR" bind:value=new_cur />
                <label for="cmp-newrate" class="sr-only">
                    "Its rate"
                </label>
                <input
                    id="cmp-newrate"
                    class="mono"
                    type="number"
                    step="any"
                    min="0"
                    placeholder="rate"
                    bind:value=new_rate
                />
                <button class="btn btn-small" type="button" on:click=add_rate>
                    "Add rate"
                </button>
                <button
                    class="btn btn-small"
                    type="button"
                    disabled=move || save.pending().get()
                    on:click=move |_| {
                        save.dispatch(settings.with_untracked(to_api));
                    }
                >
                    "Save rates"
                </button>
                {move || saved.get().then(|| view! { <span role="status">"Rates saved."</span> })}
            </div>
            {form_alert(error)}
        </details>
    }
}

/// "Annual volumes": the buyer tries other yearly quantities per line (tooling is spread
/// over them); the grid re-levels at once, without a request, and the exports follow.
#[component]
fn VolumesPanel(rfq: RwSignal<RfqSpec>, edits: Edits) -> impl IntoView {
    // Typing re-levels once the person pauses (issue 12), and at once on leaving the field.
    let debounce = Debounce::new(250);
    let apply = move |i: usize, text: String| {
        let Some(v) = parse_dec(&text).filter(|v| *v > Decimal::ZERO) else {
            return;
        };
        let changed =
            rfq.with_untracked(|r| r.lines.get(i).is_some_and(|l| l.annual_volume != Some(v)));
        if changed {
            edits.lines.update_value(|e| e.push(i));
            rfq.update(|r| {
                if let Some(line) = r.lines.get_mut(i) {
                    line.annual_volume = Some(v);
                }
            });
        }
    };
    let rows = rfq.with_untracked(|r| {
        r.lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let id = format!("cmp-volume-{i}");
                let name = format!("Annual volume, line {}", l.line_no);
                view! {
                    <div class="field">
                        <label for=id.clone()>
                            {name.clone()} " · " <span class="mono">{l.part_number.clone()}</span>
                        </label>
                        <input
                            id=id
                            class="mono"
                            type="number"
                            min="0"
                            step="any"
                            aria-label=name
                            value=l.annual_volume.map(|v| v.normalize().to_string()).unwrap_or_default()
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                debounce.run(move || apply(i, text));
                            }
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                debounce.now(|| apply(i, text));
                            }
                        />
                    </div>
                }
            })
            .collect_view()
    });
    view! {
        <details class="panel settings">
            <summary>"Annual volumes"</summary>
            <div class="form-grid">{rows}</div>
        </details>
    }
}

/// The FX table's rows as `domain::level` takes them: `(base, rate)`.
fn table_rows(rates: &[api::FxRate]) -> Vec<(Currency, domain::level::FxRate)> {
    rates
        .iter()
        .filter_map(|r| {
            Some((
                Currency::from_code(&r.base).ok()?,
                domain::level::FxRate {
                    currency: Currency::from_code(&r.currency).ok()?,
                    rate: r.rate,
                    as_of: NaiveDate::from_str(&r.as_of).ok()?,
                },
            ))
        })
        .collect()
}

fn to_api(s: &Settings) -> Vec<api::FxRate> {
    s.fx.iter()
        .map(|r| api::FxRate {
            base: s.base.code().to_string(),
            currency: r.currency.code().to_string(),
            rate: r.rate,
            as_of: r.as_of.to_string(),
        })
        .collect()
}

/// Award: once bidding has closed, one winner per line (default: the lowest landed cell
/// at the chosen break), a note, a confirmation step, then the award summary.
#[component]
fn AwardPanel(
    id: String,
    leveled: Grid,
    bids: RwSignal<Vec<domain::level::Bid>>,
    settings: RwSignal<Settings>,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let detail = LocalResource::new(move || {
        let id = id.get_value();
        async move { client::rfq(&id).await }
    });
    view! {
        <section class="panel award" aria-labelledby="award-panel-h">
            <h2 id="award-panel-h">"Award"</h2>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let d = detail.await?;
                        let reload = Callback::new(move |_: ()| detail.refetch());
                        let may_award = crate::session::rfq_actions(&d)
                            .contains(&domain::rfq::Action::Award);
                        Ok::<_, AppError>(
                            match d.summary.status.as_str() {
                                _ if may_award => {
                                    view! { <AwardForm id=id.get_value() leveled bids settings reload /> }.into_any()
                                }
                                "awarded" => {
                                    view! {
                                        <p role="status" class="alert alert-info">
                                            "This RFQ is awarded."
                                        </p>
                                        {d
                                            .award
                                            .map(|a| {
                                                a.lines
                                                    .into_iter()
                                                    .map(|l| {
                                                        view! {
                                                            <p class="award-line">
                                                                {format!(
                                                                    "Line {} · {}: {} at {} ({} {} per unit)",
                                                                    l.line_no,
                                                                    l.part_number,
                                                                    l.supplier_name,
                                                                    l.qty.normalize(),
                                                                    l.currency,
                                                                    l.unit_price.normalize(),
                                                                )}
                                                            </p>
                                                        }
                                                    })
                                                    .collect_view()
                                            })}
                                    }
                                        .into_any()
                                }
                                "open" => {
                                    view! {
                                        <p class="muted">
                                            "Bidding is still open. Close bidding on the RFQ page to award."
                                        </p>
                                    }
                                        .into_any()
                                }
                                other => {
                                    view! { <p class="muted">{format!("This RFQ is {other}.")}</p> }.into_any()
                                }
                            },
                        )
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn AwardForm(
    id: String,
    leveled: Grid,
    bids: RwSignal<Vec<domain::level::Bid>>,
    settings: RwSignal<Settings>,
    reload: Callback<()>,
) -> impl IntoView {
    let id = StoredValue::new(id);
    // Break position (0-based) the award is made at; per-line choices override the default.
    let position = RwSignal::new(0usize);
    let chosen = RwSignal::new(std::collections::BTreeMap::<String, String>::new());
    let note = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let positions =
        move || leveled.with(|l| l.lines.iter().map(|x| x.breaks.len()).max().unwrap_or(0));
    // (line id, break index used, default winner) per line.
    let default_winner = move |line: &domain::level::LineRow| {
        let bi = position.get().min(line.breaks.len().saturating_sub(1));
        let br = line.breaks.get(bi)?;
        domain::level::default_winner(br).map(|s| (bi, s.to_string()))
    };
    let winner_of = move |line: &domain::level::LineRow| -> (usize, String) {
        let bi = position.get().min(line.breaks.len().saturating_sub(1));
        match chosen.with(|c| c.get(&line.rfq_line_id).cloned()) {
            Some(s) => (bi, s),
            None => default_winner(line).unwrap_or((bi, String::new())),
        }
    };
    let request = move || {
        leveled.with(|l| {
            let lines: Vec<api::AwardLineRequest> = l
                .lines
                .iter()
                .filter_map(|line| {
                    let (bi, sid) = winner_of(line);
                    (!sid.is_empty()).then(|| api::AwardLineRequest {
                        rfq_line_id: line.rfq_line_id.clone(),
                        supplier_id: sid,
                        qty: line.breaks.get(bi).map(|b| b.qty),
                    })
                })
                .collect();
            api::AwardRequest {
                lines,
                note: note.get_untracked().trim().to_string(),
                // Stored with the award: the landed costs are those on the screen.
                settings: Some(settings.get_untracked()),
            }
        })
    };
    let award = Action::new_local(move |body: &api::AwardRequest| {
        let (id, body) = (id.get_value(), body.clone());
        async move {
            match client::award_rfq(&id, &body).await {
                Ok(_) => {
                    error.set(None);
                    reload.run(());
                }
                Err(e) => {
                    confirming.set(false);
                    error.set(Some(e));
                }
            }
        }
    });
    let names = move |sid: &str| {
        bids.with(|b| {
            b.iter()
                .find(|x| x.supplier_id == sid)
                .map(|x| x.supplier_name.clone())
                .unwrap_or_default()
        })
    };
    let rows = move || {
        leveled.with(|l| {
            l.lines
                .iter()
                .map(|line| {
                    let (bi, current) = winner_of(line);
                    let lid = line.rfq_line_id.clone();
                    let label = format!("Winner for line {}", line.line_no);
                    let select_id = format!("award-{}", line.line_no);
                    let br = line.breaks.get(bi);
                    let qty = br.map(|b| local_number(&b.qty.normalize().to_string())).unwrap_or_default();
                    let options = br
                        .map(|br| {
                            // Every bid that priced the line, a missing rate or not
                            // (`domain::level::award_options`).
                            domain::level::award_options(br)
                                .into_iter()
                                .map(|o| {
                                    let cost = match (o.landed, o.missing_rate) {
                                        (Some(l), _) => money(l),
                                        (None, Some(c)) => format!("no {} rate", c.code()),
                                        (None, None) => "landed cost out of range".to_string(),
                                    };
                                    let text = format!(
                                        "{} — {cost}{}",
                                        names(&o.supplier_id),
                                        if o.lowest { " (lowest)" } else { "" }
                                    );
                                    let selected = o.supplier_id == current;
                                    view! {
                                        <option value=o.supplier_id.clone() selected=selected>
                                            {text}
                                        </option>
                                    }
                                })
                                .collect_view()
                        });
                    view! {
                        <div class="field">
                            <label for=select_id.clone()>{label}</label>
                            <select
                                id=select_id
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    let lid = lid.clone();
                                    chosen.update(|c| {
                                        c.insert(lid, v);
                                    });
                                }
                            >
                                {options}
                                <option value="" selected=current.is_empty()>
                                    "Do not award this line"
                                </option>
                            </select>
                            <p class="hint">{format!("{} rev {} at {qty}", line.part_number, line.revision)}</p>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let summary = move || {
        let r = request();
        let parts = r
            .lines
            .iter()
            .map(|l| names(&l.supplier_id))
            .collect::<Vec<_>>();
        format!(
            "Award {} line(s) ({}). Every invited supplier is told its own result; this cannot be undone.",
            r.lines.len(),
            parts.join(", ")
        )
    };
    view! {
        <div class="form-grid">
            <div class="field">
                <label for="award-break">"Award at break"</label>
                <select
                    id="award-break"
                    on:change=move |ev| {
                        if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                            chosen.set(Default::default());
                            position.set(k);
                        }
                    }
                >
                    {move || {
                        (0..positions())
                            .map(|k| view! { <option value=k.to_string()>{format!("Break {}", k + 1)}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            {rows}
            <div class="field span-all">
                <label for="award-note">"Award note"</label>
                <input id="award-note" bind:value=note />
            </div>
        </div>
        {move || {
            if confirming.get() {
                view! {
                    <div class="panel confirm" role="alertdialog" aria-label="Confirm award">
                        <p>{summary}</p>
                        <div class="actions">
                            <button
                                class="btn btn-primary"
                                type="button"
                                disabled=move || award.pending().get()
                                on:click=move |_| {
                                    award.dispatch(request());
                                }
                            >
                                "Confirm award"
                            </button>
                            <button class="btn" type="button" on:click=move |_| confirming.set(false)>
                                "Cancel"
                            </button>
                        </div>
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <div class="actions">
                        <button class="btn btn-primary" type="button" on:click=move |_| confirming.set(true)>
                            "Award"
                        </button>
                    </div>
                }
                    .into_any()
            }
        }}
        {form_alert(error)}
    }
}
