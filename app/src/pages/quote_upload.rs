//! "Upload a quote file": a drop zone, a file input and a paste box; the file is read in
//! the extraction worker ([`crate::upload`]) and the result shown for review — each value
//! beside where it came from (sheet + cell, page + line), low-confidence lines marked,
//! diagnostics with their locations, RFQ lines the file does not answer. The person
//! chooses which RFQ line each extracted line answers, and may correct how the file's
//! columns map to fields ("Column mapping"): the correction is remembered for this
//! supplier's layout (the extractor's [`MappingMemory`], kept on the device and with the
//! supplier on the server) and the file is read again, showing what changed, so the next
//! file in the same layout maps itself on any device. What the reader left unread (a
//! column's meaning that gave no value, terms not in the file) is listed under Findings and
//! marked on the lines. "Use these values" fills
//! the quote form and keeps the original file with the supplier's quote on this RFQ (the
//! buyer can open it once bids are unsealed). Nothing is submitted from here: the person
//! reviews the form and submits.

use api::{FileRef, RfqDetail};
use domain::extract::{
    ColumnRole, Extraction, Location, MappingMemory, QuoteLine as XLine, Severity,
};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use crate::api as client;
use crate::pages::quote_form::{extract_spec, QuoteForm};
use crate::storage::Storage;
use crate::ui::local_number;
use crate::upload;

/// Draft key under which a supplier's learned column mappings are kept on this device.
pub fn memory_key(supplier_id: &str) -> String {
    format!("mapping:{supplier_id}")
}

/// The supplier's mappings: the server's copy (it follows the supplier's people to every
/// device) merged with what this device learned and has not yet stored there.
async fn load_memory(supplier_id: &str) -> MappingMemory {
    let local = match Storage::open().await {
        Ok(s) => s
            .get_draft::<MappingMemory>(&memory_key(supplier_id))
            .await
            .ok()
            .flatten()
            .map(|d| d.value)
            .unwrap_or_default(),
        Err(_) => MappingMemory::default(),
    };
    let mut memory = client::mapping_memory().await.unwrap_or_default();
    for (k, v) in local.layouts {
        memory.layouts.entry(k).or_insert(v);
    }
    memory
}

/// Keeps `memory` on the device, then with the supplier on the server. Answers whether the
/// server has it (offline it stays on the device and goes up with the next correction).
async fn save_memory(supplier_id: &str, memory: &MappingMemory) -> Result<bool, String> {
    let s = Storage::open().await.map_err(|e| e.to_string())?;
    s.put_draft(&memory_key(supplier_id), memory)
        .await
        .map_err(|e| e.to_string())?;
    match client::save_mapping_memory(memory).await {
        Ok(_) => Ok(true),
        Err(e) if e.is_network() => Ok(false),
        Err(e) => Err(e.message().to_string()),
    }
}

/// Records a person's correction of one layout in `memory`. The memory is the supplier
/// company's own (kept per supplier account), so the mapping is stored without the name the
/// reader found in the file: the next file in this layout maps itself whatever its header
/// says the sender is, or whether the reader found a sender at all. A mapping kept earlier
/// for this layout under a sender's name would shadow the correction; it is replaced.
pub fn remember(memory: &mut MappingMemory, fingerprint: &str, roles: Vec<Option<ColumnRole>>) {
    let suffix = format!("\u{1f}{fingerprint}");
    memory.layouts.retain(|k, _| !k.ends_with(&suffix));
    memory.learn(None, fingerprint, roles);
}

/// The person's word for a column role, as in the mapping menu.
pub fn role_label(role: &ColumnRole) -> String {
    match role {
        ColumnRole::BreakPrice(q) => format!("Unit price at {}", dec(*q)),
        r => role_choices(&[])
            .into_iter()
            .find(|(k, _)| *k == role_key(Some(r)))
            .map(|(_, label)| label)
            .unwrap_or_default(),
    }
}

/// Whether the reader took a value for `role` into `line`; `None` for roles that need not
/// give every line a value (quantity, currency, remarks, alternates).
fn role_read(role: &ColumnRole, line: &XLine) -> Option<bool> {
    Some(match role {
        ColumnRole::PartNumber => line.part_number.is_some(),
        ColumnRole::SupplierPart => line.supplier_part.is_some(),
        ColumnRole::Manufacturer => line.manufacturer.is_some(),
        ColumnRole::Revision => line.revision.is_some(),
        ColumnRole::Description => line.description.is_some(),
        ColumnRole::Uom => line.uom.is_some(),
        ColumnRole::UnitPrice | ColumnRole::BreakPrice(_) => !line.breaks.is_empty(),
        ColumnRole::PriceBasis => line.provenance.contains_key("price_basis_qty"),
        ColumnRole::LineTotal => line.line_total.is_some(),
        ColumnRole::Moq => line.moq.is_some(),
        ColumnRole::OrderMultiple => line.order_multiple.is_some(),
        ColumnRole::LeadTime | ColumnRole::LeadTimeWeeks => line.lead_time_days.is_some(),
        ColumnRole::Tooling => !line.tooling.is_empty(),
        ColumnRole::Quantity
        | ColumnRole::Currency
        | ColumnRole::Remarks
        | ColumnRole::Alternate => return None,
    })
}

/// What the reader left unread, as findings for the review (beside the reader's own
/// diagnostics): a column given a meaning from which no line took a value (a lead-time
/// column of bare numbers the reader could not give a unit, a price column it could not
/// read), and the quote's terms the file did not yield. A review that says nothing is
/// missing must mean nothing is.
pub fn unread_findings(ex: &Extraction) -> Vec<String> {
    let mut out = Vec::new();
    let bidding: Vec<&XLine> = ex.lines.iter().filter(|l| !l.no_bid).collect();
    if !bidding.is_empty() {
        for layout in &ex.layouts {
            for (c, role) in layout.roles.iter().enumerate() {
                let Some(role) = role else { continue };
                if bidding.iter().any(|l| role_read(role, l) != Some(false)) {
                    continue;
                }
                let heading = layout
                    .header
                    .get(c)
                    .map(|h| h.trim())
                    .filter(|h| !h.is_empty())
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("column {}", c + 1));
                let hint = match role {
                    ColumnRole::LeadTime => " If its numbers count weeks, choose “Lead time in weeks” under Column mapping and read again.",
                    _ => " If it holds something else, correct it under Column mapping and read again.",
                };
                out.push(format!(
                    "Column “{heading}” ({}) is read as “{}”, but no line got a value from it.{hint}",
                    layout.table,
                    role_label(role),
                ));
            }
        }
    }
    let mut missing = Vec::new();
    if ex.quote_ref.is_none() {
        missing.push("quote reference");
    }
    if ex.valid_until.is_none() && ex.validity_days.is_none() {
        missing.push("validity");
    }
    if ex.currency.is_none() && ex.lines.iter().all(|l| l.currency.is_none()) {
        missing.push("currency");
    }
    if ex.incoterm.is_none() {
        missing.push("Incoterm");
    }
    if ex.payment_terms.is_none() {
        missing.push("payment terms");
    }
    if !bidding.is_empty() && bidding.iter().all(|l| l.lead_time_days.is_none()) {
        missing.push("lead time");
    }
    if !missing.is_empty() {
        out.push(format!(
            "Not found in the file: {}. Enter them in the quote form if the buyer asked for them.",
            missing.join(", ")
        ));
    }
    out
}

/// What reading the file again changed, line by line, for the person to see the correction
/// take effect: `BRK-2208: lead time — → 28 days`.
pub fn changes(before: &Extraction, after: &Extraction) -> Vec<String> {
    fn name(l: &XLine, k: usize) -> String {
        l.part_number
            .clone()
            .or_else(|| l.supplier_part.clone())
            .unwrap_or_else(|| format!("line {}", k + 1))
    }
    fn facts(l: &XLine) -> Vec<(&'static str, String)> {
        let opt = |v: Option<String>| v.unwrap_or_else(|| "—".into());
        vec![
            ("revision", opt(l.revision.clone())),
            (
                "prices",
                if l.breaks.is_empty() {
                    "—".into()
                } else {
                    l.breaks
                        .iter()
                        .map(|b| format!("{} @ {}", dec(b.unit_price), dec(b.min_qty)))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            ),
            ("MOQ", opt(l.moq.map(dec))),
            ("order multiple", opt(l.order_multiple.map(dec))),
            (
                "lead time",
                opt(l.lead_time_days.map(|d| format!("{d} days"))),
            ),
            (
                "tooling",
                opt((!l.tooling.is_empty()).then(|| {
                    l.tooling
                        .iter()
                        .map(|t| dec(t.amount))
                        .collect::<Vec<_>>()
                        .join(", ")
                })),
            ),
            ("no bid", if l.no_bid { "yes".into() } else { "no".into() }),
        ]
    }
    let mut out = Vec::new();
    let mut used = vec![false; before.lines.len()];
    for (k, new) in after.lines.iter().enumerate() {
        let n = name(new, k);
        let old = before
            .lines
            .iter()
            .enumerate()
            .find(|(j, o)| !used[*j] && name(o, *j) == n)
            .map(|(j, o)| {
                used[j] = true;
                o
            });
        match old {
            None => out.push(format!("{n}: new line")),
            Some(old) => {
                for ((what, a), (_, b)) in facts(old).into_iter().zip(facts(new)) {
                    if a != b {
                        out.push(format!("{n}: {what} {a} → {b}"));
                    }
                }
            }
        }
    }
    for (j, o) in before.lines.iter().enumerate() {
        if !used[j] {
            out.push(format!("{}: no longer read", name(o, j)));
        }
    }
    out
}

/// Every role a column can be given, with the person's word for it. `breaks` are the
/// RFQ's break quantities (a column may hold the price at one of them).
pub fn role_choices(breaks: &[Decimal]) -> Vec<(String, String)> {
    let fixed: [(ColumnRole, &str); 18] = [
        (ColumnRole::PartNumber, "Part number"),
        (ColumnRole::SupplierPart, "Supplier part number"),
        (ColumnRole::Manufacturer, "Manufacturer"),
        (ColumnRole::Revision, "Revision"),
        (ColumnRole::Description, "Description"),
        (ColumnRole::Uom, "Unit of measure"),
        (ColumnRole::Quantity, "Quantity (or break quantity)"),
        (ColumnRole::UnitPrice, "Unit price"),
        (ColumnRole::PriceBasis, "Price basis (per N)"),
        (ColumnRole::LineTotal, "Line total"),
        (ColumnRole::Moq, "MOQ"),
        (ColumnRole::OrderMultiple, "Order multiple"),
        (ColumnRole::LeadTime, "Lead time"),
        (ColumnRole::LeadTimeWeeks, "Lead time in weeks"),
        (ColumnRole::Tooling, "Tooling"),
        (ColumnRole::Currency, "Currency"),
        (ColumnRole::Remarks, "Remarks"),
        (ColumnRole::Alternate, "Alternate offered"),
    ];
    let mut out: Vec<(String, String)> = fixed
        .iter()
        .map(|(r, label)| (role_key(Some(r)), (*label).to_string()))
        .collect();
    for q in breaks {
        out.push((
            role_key(Some(&ColumnRole::BreakPrice(*q))),
            format!("Unit price at {}", dec(*q)),
        ));
    }
    out
}

/// A role as an `<option>` value: its serde name, `break:QTY` for a break price, "" for
/// an ignored column.
pub fn role_key(role: Option<&ColumnRole>) -> String {
    match role {
        None => String::new(),
        Some(ColumnRole::BreakPrice(q)) => format!("break:{}", q.normalize()),
        Some(r) => serde_json::to_value(r)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    }
}

/// The inverse of [`role_key`]; an unknown value is an ignored column.
pub fn role_from_key(key: &str) -> Option<ColumnRole> {
    if key.is_empty() {
        return None;
    }
    if let Some(q) = key.strip_prefix("break:") {
        return q.parse::<Decimal>().ok().map(ColumnRole::BreakPrice);
    }
    serde_json::from_value(serde_json::Value::String(key.to_string())).ok()
}

/// The name pasted text is read under (not a file: never kept as an attachment).
const PASTED: &str = "pasted text";

/// Lines below this confidence are highlighted for a closer look.
const LOW_CONFIDENCE: u8 = 70;

/// Where a value came from, for a person: `Quote!D5`, `page 1, line 12`, `line 8`.
pub fn where_from(l: &Location) -> String {
    match (&l.sheet, &l.cell, l.page, l.line) {
        (Some(s), Some(c), _, _) => format!("{s}!{c}"),
        (None, Some(c), _, _) => c.clone(),
        (_, _, Some(p), Some(n)) => format!("page {p}, line {n}"),
        (_, _, Some(p), None) => format!("page {p}"),
        (_, _, None, Some(n)) => format!("line {n}"),
        _ => l.path.clone().unwrap_or_else(|| l.file.clone()),
    }
}

fn src(line: &XLine, key: &str) -> Option<String> {
    line.provenance.get(key).map(where_from)
}

fn src_view(s: Option<String>) -> impl IntoView {
    s.map(|s| view! { <span class="src mono" title="Where this value is in the file">{s}</span> })
}

fn dec(d: rust_decimal::Decimal) -> String {
    local_number(&d.normalize().to_string())
}

/// The upload section of the supplier's RFQ page.
#[component]
pub fn QuoteUpload(
    rfq: RfqDetail,
    supplier_id: String,
    form: RwSignal<QuoteForm>,
) -> impl IntoView {
    let spec = StoredValue::new(extract_spec(&rfq));
    let rfq_id = StoredValue::new(rfq.summary.id.clone());
    let supplier_id = StoredValue::new(supplier_id);
    let mut break_qtys: Vec<Decimal> = rfq
        .lines
        .iter()
        .flat_map(|l| l.quantities.iter().copied())
        .collect();
    break_qtys.sort();
    break_qtys.dedup();
    let break_qtys = StoredValue::new(break_qtys);
    // The file read last, to read it again with a corrected mapping and to keep it.
    let last_file = StoredValue::new(None::<(String, String, Vec<u8>)>);
    // Column roles per table of the current result, as the person edits them.
    let roles = RwSignal::new(Vec::<Vec<Option<ColumnRole>>>::new());
    let remembered = RwSignal::new(None::<String>);
    let attach = RwSignal::new(true);
    let attached = RwSignal::new(Vec::<FileRef>::new());
    let attach_error = RwSignal::new(None::<String>);
    let refresh_attached = move || {
        leptos::task::spawn_local(async move {
            if let Ok(files) = client::files("quote", &rfq_id.get_value()).await {
                attached.set(files);
            }
        });
    };
    refresh_attached();
    let progress = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let result = RwSignal::new(None::<Extraction>);
    // The result before "Read again with this mapping", to show what the correction changed.
    let previous = StoredValue::new(None::<Extraction>);
    let changed_values = RwSignal::new(None::<Vec<String>>);
    let mapping = RwSignal::new(Vec::<Option<String>>::new());
    let basis_one = RwSignal::new(true);
    let filled = RwSignal::new(None::<String>);
    let hover = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    let rfq_lines: Vec<(String, String)> = rfq
        .lines
        .iter()
        .map(|l| {
            (
                l.id.clone(),
                format!("{} · {} rev {}", l.line_no, l.part_number, l.revision),
            )
        })
        .collect();
    let rfq_lines = StoredValue::new(rfq_lines);

    let run = Action::new_local(move |input: &(String, Vec<u8>)| {
        let (name, bytes) = input.clone();
        async move {
            failure.set(None);
            filled.set(None);
            result.set(None);
            changed_values.set(None);
            let memory = load_memory(&supplier_id.get_value()).await;
            let request = domain::extract::worker::WorkerRequest {
                rfq: Some(spec.get_value()),
                memory: Some(memory),
            };
            progress.set(Some(format!("Reading {name}…")));
            let answer = upload::extract(&name, &bytes, &request, move |p| {
                progress.set(Some(p.to_string()))
            })
            .await;
            progress.set(None);
            match answer {
                Ok(ex) => {
                    if let Some(before) = previous.get_value() {
                        changed_values.set(Some(changes(&before, &ex)));
                    }
                    previous.set_value(None);
                    roles.set(ex.layouts.iter().map(|l| l.roles.clone()).collect());
                    mapping.set(
                        ex.lines
                            .iter()
                            .map(|l| l.rfq_line.as_ref().map(|m| m.line.clone()))
                            .collect(),
                    );
                    result.set(Some(ex));
                }
                Err(e) => failure.set(Some(e)),
            }
        }
    });

    let take_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            match upload::file_bytes(&file).await {
                Ok(bytes) => {
                    remembered.set(None);
                    previous.set_value(None);
                    last_file.set_value(Some((file.name(), file.type_(), bytes.clone())));
                    run.dispatch((file.name(), bytes));
                }
                Err(e) => failure.set(Some(format!("The file could not be read: {e}"))),
            }
        });
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        hover.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            take_file(f);
        }
    };
    let on_choose = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                take_file(f);
            }
            // Choosing the same file again should read it again.
            input.set_value("");
        }
    };

    let use_values = move |_| {
        let Some(ex) = result.get_untracked() else {
            return;
        };
        let map = mapping.get_untracked();
        form.update(|f| {
            f.fill_from(
                &ex,
                &map,
                basis_one.get_untracked(),
                crate::pages::quote_form::today_utc(),
            )
        });
        let n = map.iter().filter(|m| m.is_some()).count();
        filled.set(Some(format!(
            "Filled the quote form from {} ({n} line{}). Check every value below before you submit.",
            ex.file,
            if n == 1 { "" } else { "s" }
        )));
        // Keep the original document with the quote (not pasted text: that is in the form).
        let keep = attach
            .get_untracked()
            .then(|| last_file.get_value())
            .flatten();
        if let Some((name, ctype, bytes)) =
            keep.filter(|(name, _, _)| *name == ex.file && name != PASTED)
        {
            attach_error.set(None);
            leptos::task::spawn_local(async move {
                match client::upload_bytes("quote", &rfq_id.get_value(), &name, &ctype, &bytes)
                    .await
                {
                    Ok(_) => refresh_attached(),
                    Err(e) => attach_error.set(Some(format!(
                        "The original file could not be kept with your quote: {}",
                        e.message()
                    ))),
                }
            });
        }
    };

    // "Read again with this mapping": remember the corrected roles for this supplier's
    // layout, then read the same file again.
    let reread = move |_| {
        let Some(ex) = result.get_untracked() else {
            return;
        };
        let edited = roles.get_untracked();
        let Some((name, _, bytes)) = last_file.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let sid = supplier_id.get_value();
            let mut memory = load_memory(&sid).await;
            let mut changed = 0;
            for (layout, r) in ex.layouts.iter().zip(edited) {
                if r != layout.roles {
                    remember(&mut memory, &layout.fingerprint, r);
                    changed += 1;
                }
            }
            if changed > 0 {
                let where_kept = match save_memory(&sid, &memory).await {
                    Ok(true) => "for your company, on every device",
                    Ok(false) => "on this device for now (offline); it is shared when you next correct a mapping online",
                    Err(e) => {
                        failure.set(Some(format!("The mapping could not be saved: {e}")));
                        return;
                    }
                };
                remembered.set(Some(format!(
                    "Mapping remembered for this layout ({changed} table{}), {where_kept}: the next file like this maps itself.",
                    if changed == 1 { "" } else { "s" }
                )));
            }
            previous.set_value(Some(ex));
            run.dispatch((name, bytes));
        });
    };

    let review = move || {
        let ex = result.get()?;
        let header = header_review(&ex);
        // Lines the reader's findings name, and the columns' meanings a line got no value for.
        let flagged: Vec<usize> = ex.diagnostics.iter().filter_map(|d| d.line_index).collect();
        let roles_read: Vec<ColumnRole> = match ex.layouts.as_slice() {
            [only] => only.roles.iter().flatten().copied().collect(),
            _ => Vec::new(),
        };
        let rows = ex
            .lines
            .iter()
            .enumerate()
            .map(|(k, l)| {
                let mut marks: Vec<String> = Vec::new();
                if !l.no_bid {
                    for r in &roles_read {
                        if role_read(r, l) == Some(false) {
                            let label = role_label(r);
                            if !marks.contains(&label) {
                                marks.push(label);
                            }
                        }
                    }
                }
                line_row(k, l, mapping, rfq_lines, marks, flagged.contains(&k))
            })
            .collect_view();
        let unread = unread_findings(&ex);
        let diags = ex
            .diagnostics
            .iter()
            .map(|d| {
                let sev = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                };
                let at = d.location.as_ref().map(where_from);
                view! {
                    <li class=format!("diag diag-{sev}")>
                        <span class="badge">{sev}</span>
                        " "
                        {d.message.clone()}
                        {at.map(|a| view! { " " <span class="src mono">{a}</span> })}
                    </li>
                }
            })
            .collect_view();
        let n_diags = ex.diagnostics.len() + unread.len();
        let unread = unread
            .into_iter()
            .map(|m| {
                view! {
                    <li class="diag diag-warning">
                        <span class="badge">"not read"</span>
                        " "
                        {m}
                    </li>
                }
            })
            .collect_view();
        let has_diags = n_diags > 0;
        let unanswered = move || {
            let chosen = mapping.get();
            let missing: Vec<String> = rfq_lines.with_value(|ls| {
                ls.iter()
                    .filter(|(id, _)| !chosen.iter().any(|c| c.as_deref() == Some(id)))
                    .map(|(_, name)| name.clone())
                    .collect()
            });
            (!missing.is_empty()).then(|| {
                view! {
                    <p class="alert alert-warn">
                        "Not answered by this file: " {missing.join(", ")}
                        ". Fill these lines in the form, or mark them as no bid."
                    </p>
                }
            })
        };
        let unmatched = ex.lines.iter().filter(|l| l.rfq_line.is_none()).count();
        Some(view! {
            <div class="review" role="region" aria-label="Extracted values">
                <h3>"Review what was read from " <span class="mono">{ex.file.clone()}</span></h3>
                {header}
                {changed_values
                    .get()
                    .map(|list| {
                        let n = list.len();
                        let items = list
                            .into_iter()
                            .map(|c| view! { <li>{c}</li> })
                            .collect_view();
                        view! {
                            <div class="alert alert-ok changes" role="status" aria-label="Changed by reading again">
                                <p>
                                    {if n == 0 {
                                        "Read again with your mapping: no value changed.".to_string()
                                    } else {
                                        format!(
                                            "Read again with your mapping: {n} value{} changed.",
                                            if n == 1 { "" } else { "s" },
                                        )
                                    }}
                                </p>
                                <ul>{items}</ul>
                            </div>
                        }
                    })}
                {(unmatched > 0)
                    .then(|| {
                        view! {
                            <p class="alert alert-warn">
                                {unmatched}
                                " extracted line(s) matched no RFQ line: choose the line they answer, or leave them ignored."
                            </p>
                        }
                    })}
                <div class="table-wrap">
                    <table class="table table-cards review-table">
                        <thead>
                            <tr>
                                <th scope="col">"Extracted line"</th>
                                <th scope="col">"Answers RFQ line"</th>
                                <th scope="col">"Price breaks (per unit)"</th>
                                <th scope="col">"MOQ · lead time · tooling"</th>
                                <th scope="col" class="num">
                                    "Confidence"
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {unanswered}
                {mapping_editor(&ex, roles, break_qtys, reread)}
                <details class="diagnostics" open=has_diags>
                    <summary>"Findings (" {n_diags} ")"</summary>
                    <ul>{unread} {diags}</ul>
                </details>
                <div class="field checkbox">
                    <label>
                        <input
                            type="checkbox"
                            prop:checked=move || basis_one.get()
                            on:change=move |ev| basis_one.set(event_target_checked(&ev))
                        />
                        " Enter prices per one unit (price basis 1); untick to keep the file's basis (per 100, per 1000)"
                    </label>
                </div>
                <div class="field checkbox">
                    <label>
                        <input
                            type="checkbox"
                            prop:checked=move || attach.get()
                            on:change=move |ev| attach.set(event_target_checked(&ev))
                        />
                        " Keep the original file with my quote (the buyer sees it when bids open)"
                    </label>
                </div>
                <div class="actions">
                    <button class="btn btn-primary" type="button" on:click=use_values>
                        "Use these values"
                    </button>
                    <button
                        class="btn"
                        type="button"
                        on:click=move |_| {
                            result.set(None);
                            filled.set(None);
                        }
                    >
                        "Discard"
                    </button>
                </div>
            </div>
        })
    };

    view! {
        <section class="panel upload" aria-labelledby="upload-h">
            <h2 id="upload-h">"Upload a quote file"</h2>
            <div
                class="dropzone"
                class:dropzone-hover=move || hover.get()
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    hover.set(true);
                }
                on:dragleave=move |_| hover.set(false)
                on:drop=on_drop
            >
                <p>
                    "Drop a quote file (CSV, XLSX, PDF, .eml, text) or "
                    <label for="upload-file" class="linkish">
                        "choose one"
                    </label>
                </p>
                <input
                    id="upload-file"
                    type="file"
                    aria-label="Quote file"
                    accept=".csv,.tsv,.txt,.xlsx,.xls,.xlsb,.ods,.pdf,.eml,.xml,.json"
                    on:change=on_choose
                />
                <p class="hint">
                    "The file is read here in your browser; you review every value before anything is sent."
                </p>
            </div>
            <details class="paste">
                <summary>"Paste text"</summary>
                <div class="field">
                    <label for="upload-paste">"Quote text"</label>
                    <textarea
                        id="upload-paste"
                        rows="5"
                        placeholder="BRK-2208 rev B: 0.62 @ 500, 0.55 @ 2000, lead time 4 weeks"
                        bind:value=pasted
                    ></textarea>
                </div>
                <button
                    class="btn btn-small"
                    type="button"
                    on:click=move |_| {
                        let t = pasted.get_untracked();
                        if !t.trim().is_empty() {
                            remembered.set(None);
                            previous.set_value(None);
                            last_file.set_value(Some((PASTED.to_string(), String::new(), t.clone().into_bytes())));
                            run.dispatch((PASTED.to_string(), t.into_bytes()));
                        }
                    }
                >
                    "Read pasted text"
                </button>
            </details>
            <p role="status" class="progress">
                {move || progress.get()}
            </p>
            {move || {
                failure
                    .get()
                    .map(|m| {
                        view! {
                            <p class="alert alert-error" role="alert">
                                {m}
                            </p>
                        }
                    })
            }}
            {move || {
                remembered
                    .get()
                    .map(|m| {
                        view! {
                            <p class="alert alert-ok" role="status">
                                {m}
                            </p>
                        }
                    })
            }}
            {review}
            {move || {
                attach_error
                    .get()
                    .map(|m| {
                        view! {
                            <p class="alert alert-error" role="alert">
                                {m}
                            </p>
                        }
                    })
            }}
            <div class="attached" role="region" aria-label="Files with your quote">
                <h3>"Files with your quote"</h3>
                <p class="hint">
                    "Drawings with your remarks, certificates, the quote as a PDF: the buyer sees them with your quote once bids open."
                </p>
                <ul>
                    {move || {
                        attached
                            .get()
                            .into_iter()
                            .map(|f| attached_item(f, attached))
                            .collect_view()
                    }}
                </ul>
                <label for="quote-attach" class="btn btn-small">
                    "Attach a file"
                </label>
                <input
                    id="quote-attach"
                    type="file"
                    class="sr-only"
                    aria-label="Attach a file to your quote"
                    on:change=move |ev: leptos::ev::Event| {
                        let input: Option<web_sys::HtmlInputElement> = ev
                            .target()
                            .and_then(|t| t.dyn_into().ok());
                        let Some(input) = input else { return };
                        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
                        input.set_value("");
                        attach_error.set(None);
                        leptos::task::spawn_local(async move {
                            match client::upload_file("quote", &rfq_id.get_value(), &file).await {
                                Ok(_) => refresh_attached(),
                                Err(e) => {
                                    attach_error
                                        .set(
                                            Some(
                                                format!(
                                                    "{} could not be attached: {}",
                                                    file.name(),
                                                    e.message(),
                                                ),
                                            ),
                                        )
                                }
                            }
                        });
                    }
                />
            </div>
            {move || {
                filled
                    .get()
                    .map(|m| {
                        view! {
                            <p class="alert alert-ok" role="status">
                                {m}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

fn header_review(ex: &Extraction) -> impl IntoView {
    let from = |k: &str| ex.provenance.get(k).map(where_from);
    let mut items: Vec<(&'static str, String, Option<String>)> = Vec::new();
    if let Some(s) = &ex.supplier {
        items.push(("Supplier", s.clone(), from("supplier")));
    }
    if let Some(r) = &ex.quote_ref {
        items.push(("Reference", r.clone(), from("quote_ref")));
    }
    if let Some(c) = &ex.currency {
        items.push(("Currency", c.code().to_string(), from("currency")));
    }
    if let Some(v) = &ex.valid_until {
        items.push(("Valid until", v.clone(), from("valid_until")));
    } else if let Some(d) = ex.validity_days {
        items.push(("Valid for", format!("{d} days"), from("validity_days")));
    }
    if let Some(i) = &ex.incoterm {
        let text = match &i.place {
            Some(p) => format!("{} {p}", i.code),
            None => i.code.clone(),
        };
        items.push(("Incoterm", text, from("incoterm")));
    }
    if let Some(t) = &ex.payment_terms {
        items.push(("Payment terms", t.text.clone(), from("payment_terms")));
    }
    if let Some(f) = &ex.freight {
        let text = match f.amount {
            Some(a) => format!("{} {}", f.kind.replace('_', " "), dec(a)),
            None => f.kind.replace('_', " "),
        };
        items.push(("Freight", text, from("freight")));
    }
    let items = items
        .into_iter()
        .map(|(k, v, s)| {
            view! {
                <div>
                    <dt>{k}</dt>
                    <dd>{v} " " {src_view(s)}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="facts">{items}</dl> }
}

fn line_row(
    k: usize,
    l: &XLine,
    mapping: RwSignal<Vec<Option<String>>>,
    rfq_lines: StoredValue<Vec<(String, String)>>,
    unread: Vec<String>,
    flagged: bool,
) -> impl IntoView {
    let low = l.confidence < LOW_CONFIDENCE;
    // Unsure: the reader's confidence is low, a finding names this line, or a column's
    // meaning gave it no value.
    let unsure = low || flagged || !unread.is_empty();
    let unread = (!unread.is_empty()).then(|| {
        view! {
            <span class="block badge badge-warn" title="The file has a column for this, but no value was read from it for this line">
                "Not read: " {unread.join(", ")}
            </span>
        }
    });
    let part = l
        .part_number
        .clone()
        .or_else(|| l.supplier_part.clone())
        .unwrap_or_else(|| "(no part number)".into());
    let rev = l.revision.clone().map(|r| format!(" rev {r}"));
    let basis = (l.price_basis_qty != rust_decimal::Decimal::ONE)
        .then(|| format!("printed per {}", dec(l.price_basis_qty)));
    let breaks = if l.no_bid {
        view! {
            <span>
                "No bid" {l.no_bid_reason.clone().map(|r| format!(": {r}"))}
            </span>
        }
        .into_any()
    } else {
        l.breaks
            .iter()
            .enumerate()
            .map(|(j, b)| {
                let s = src(l, &format!("breaks[{j}].unit_price"));
                view! {
                    <span class="block">
                        <span class="mono">{dec(b.min_qty)} "+ : " {dec(b.unit_price)}</span>
                        " "
                        {src_view(s)}
                    </span>
                }
            })
            .collect_view()
            .into_any()
    };
    let mut facts: Vec<(String, Option<String>)> = Vec::new();
    if let Some(m) = l.moq {
        facts.push((format!("MOQ {}", dec(m)), src(l, "moq")));
    }
    if let Some(d) = l.lead_time_days {
        facts.push((format!("{d} days"), src(l, "lead_time_days")));
    }
    for (j, t) in l.tooling.iter().enumerate() {
        facts.push((
            format!("{} {}", t.description, dec(t.amount)),
            src(l, &format!("tooling[{j}].amount")),
        ));
    }
    let facts = facts
        .into_iter()
        .map(|(t, s)| view! { <span class="block">{t} " " {src_view(s)}</span> })
        .collect_view();
    let options = rfq_lines.with_value(|ls| {
        ls.iter()
            .map(|(id, name)| {
                let id2 = id.clone();
                view! {
                    <option
                        value=id.clone()
                        selected=move || mapping.with(|m| m.get(k).cloned().flatten() == Some(id2.clone()))
                    >
                        {name.clone()}
                    </option>
                }
            })
            .collect_view()
    });
    view! {
        <tr class:low-confidence=unsure>
            <td data-label="Extracted line" class="wrap">
                <div>
                    <span class="mono strong">{part}</span>
                    {rev}
                    " "
                    {src_view(src(l, "part_number"))}
                    {l.description.clone().map(|d| view! { <span class="muted small block">{d}</span> })}
                </div>
            </td>
            <td data-label="Answers RFQ line">
                <select
                    aria-label=format!("RFQ line for extracted line {}", k + 1)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        mapping.update(|m| {
                            if let Some(slot) = m.get_mut(k) {
                                *slot = (!v.is_empty()).then_some(v);
                            }
                        });
                    }
                >
                    <option value="" selected=move || mapping.with(|m| m.get(k).cloned().flatten().is_none())>
                        "— ignore —"
                    </option>
                    {options}
                </select>
            </td>
            <td data-label="Price breaks (per unit)">
                <div>{breaks} {basis.map(|b| view! { <span class="muted small block">{b}</span> })}</div>
            </td>
            <td data-label="MOQ · lead time · tooling">
                <div>{facts} {unread}</div>
            </td>
            <td data-label="Confidence" class="num">
                <div>
                    <span class=if low { "badge badge-draft" } else { "" } title="How sure the reader is about this line">
                        {l.confidence} "%"
                    </span>
                    {unsure.then(|| view! { <span class="block small strong">"Unsure: check"</span> })}
                </div>
            </td>
        </tr>
    }
}

fn attached_item(f: FileRef, attached: RwSignal<Vec<FileRef>>) -> impl IntoView {
    let id = f.id.clone();
    let busy = RwSignal::new(false);
    let remove = move |_| {
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            if client::delete_file(&id).await.is_ok() {
                attached.update(|v| v.retain(|x| x.id != id));
            }
            busy.set(false);
        });
    };
    let size = domain::bytes::size_words(f.size);
    view! {
        <li>
            <a href=client::file_url(&f.id) download=f.name.clone()>
                {f.name.clone()}
            </a>
            " "
            <span class="muted small">{size}</span>
            " "
            <button
                class="btn btn-small"
                type="button"
                disabled=move || busy.get()
                aria-label=format!("Remove {}", f.name)
                on:click=remove
            >
                "Remove"
            </button>
        </li>
    }
}

/// "Column mapping": each table's header cells with the role the reader gave them, for
/// the person to correct; "Read again with this mapping" remembers and re-reads.
fn mapping_editor(
    ex: &Extraction,
    roles: RwSignal<Vec<Vec<Option<ColumnRole>>>>,
    break_qtys: StoredValue<Vec<Decimal>>,
    reread: impl Fn(leptos::ev::MouseEvent) + Clone + 'static,
) -> Option<impl IntoView> {
    if ex.layouts.is_empty() {
        return None;
    }
    let tables = ex
        .layouts
        .iter()
        .enumerate()
        .map(|(t, layout)| {
            let mut qtys = break_qtys.get_value();
            for r in layout.roles.iter().flatten() {
                if let ColumnRole::BreakPrice(q) = r {
                    if !qtys.contains(q) {
                        qtys.push(*q);
                    }
                }
            }
            qtys.sort();
            let choices = StoredValue::new(role_choices(&qtys));
            let from = match layout.source.as_str() {
                "memory" => " (remembered mapping)",
                "unmapped" => " (columns not recognised: say what each one holds)",
                _ => "",
            };
            let rows = layout
                .header
                .iter()
                .enumerate()
                .map(|(c, h)| {
                    let heading = if h.trim().is_empty() {
                        format!("(column {})", c + 1)
                    } else {
                        h.clone()
                    };
                    let current = move || {
                        roles.with(|r| role_key(r.get(t).and_then(|x| x.get(c)).and_then(|x| x.as_ref())))
                    };
                    let options = choices.with_value(|cs| {
                        cs.iter()
                            .map(|(k, label)| {
                                let k2 = k.clone();
                                view! {
                                    <option value=k.clone() selected=move || current() == k2>
                                        {label.clone()}
                                    </option>
                                }
                            })
                            .collect_view()
                    });
                    view! {
                        <tr>
                            <td class="mono">{heading.clone()}</td>
                            <td>
                                <select
                                    aria-label=format!("Column {heading}")
                                    on:change=move |ev| {
                                        let v = role_from_key(&event_target_value(&ev));
                                        roles.update(|r| {
                                            if let Some(slot) = r.get_mut(t).and_then(|x| x.get_mut(c)) {
                                                *slot = v;
                                            }
                                        });
                                    }
                                >
                                    <option value="" selected=move || current().is_empty()>
                                        "— not used —"
                                    </option>
                                    {options}
                                </select>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="table mapping-table">
                    <caption>{layout.table.clone()} {from}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Column in the file"</th>
                            <th scope="col">"Means"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    // Open when a table was found but its columns were not recognised.
    let unmapped = ex.layouts.iter().any(|l| l.source == "unmapped") || ex.lines.is_empty();
    Some(view! {
        <details class="mapping" open=unmapped>
            <summary>"Column mapping"</summary>
            <p class="hint">
                "If a column was read as the wrong thing, correct it here and read the file again. The correction is remembered for your company (on every device) for files laid out like this one."
            </p>
            {tables}
            <button class="btn btn-small" type="button" on:click=reread>
                "Read again with this mapping"
            </button>
        </details>
    })
}
