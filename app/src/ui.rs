//! Small view pieces shared by the pages: error panels, loading rows, field errors,
//! badges and date formatting in the person's own locale and time zone; and the pieces
//! the master-data pages are built from: [`ListPage`] (the parts and suppliers lists),
//! [`record_page`] and [`RecordHead`] (a part's or supplier's page), [`loaded`] (a
//! resource drawn once it answers), [`card_table`], [`ImportPanel`], [`FileDrop`],
//! [`TextField`], [`FormFooter`], [`toggle_button`], [`check_fields`], [`save_action`],
//! [`change_action`], [`remove_button`] and [`created_notice`].

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::api::AppError;

/// Sets the browser tab's title to "`page` · Bidwell" (history and tabs stay legible).
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&if page.is_empty() {
            "Bidwell".to_string()
        } else {
            format!("{page} · Bidwell")
        });
    }
}

/// The `ErrorBoundary` fallback used everywhere: the friendly message of each error and
/// a way out.
pub fn error_panel(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <div class="panel panel-error" role="alert">
            <p class="panel-title">"This could not be loaded."</p>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
            <p class="muted">
                <button
                    class="btn btn-small"
                    type="button"
                    on:click=|_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    }
                >
                    "Try again"
                </button>
                " or go back to "
                <a href="/">"the start page"</a>
                "."
            </p>
        </div>
    }
}

/// What a supplier user sees on a page meant for the buying organization's staff (the
/// server would refuse the data anyway).
pub fn staff_only() -> AnyView {
    set_title("Not available");
    view! {
        <div class="page-head">
            <h1>"Not available"</h1>
        </div>
        <div class="panel">
            <p>"This page is for the buying team."</p>
            <p class="muted">
                "Your invited RFQs are on " <a href="/">"the start page"</a> "."
            </p>
        </div>
    }
    .into_any()
}

/// The placeholder shown while a page's data loads.
pub fn loading() -> impl IntoView {
    view! {
        <p class="loading" aria-busy="true">
            "Loading…"
        </p>
    }
}

/// Field name → message, from the browser's own checks or the server's `fields`.
pub type FieldMap = BTreeMap<String, String>;

/// Message for `field`, if any.
pub fn field_error(errors: RwSignal<FieldMap>, field: &'static str) -> impl IntoView {
    move || {
        errors.with(|e| e.get(field).cloned()).map(|m| {
            view! {
                <p class="field-error" id=format!("{field}-error")>
                    {m}
                </p>
            }
        })
    }
}

/// Whether `field` currently has an error (for `aria-invalid`).
pub fn invalid(
    errors: RwSignal<FieldMap>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> {
    move || errors.with(|e| e.contains_key(field)).then_some("true")
}

/// The alert under a form: the server's message (or a network message).
pub fn form_alert(error: RwSignal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <p class="alert alert-error" role="alert">
                    {e.message().to_string()}
                </p>
            }
        })
    }
}

/// A status word as a coloured badge.
pub fn status_badge(status: String) -> impl IntoView {
    let class = format!("badge badge-status badge-{}", status.to_ascii_lowercase());
    view! { <span class=class>{status}</span> }
}

thread_local! {
    /// The bound `format` functions of the `Intl` formatters made so far, by kind and
    /// options (issue 12: building an `Intl.NumberFormat` per number shown was half of a
    /// re-level's time). All use the browser's default locale, read once per formatter.
    static FORMATTERS: std::cell::RefCell<std::collections::HashMap<String, js_sys::Function>> =
        Default::default();
}

/// The cached `format` of an `Intl` formatter; `make` builds it on first use. `None` when
/// the options cannot be set (the caller then shows the raw value).
fn cached_format(
    key: &str,
    make: impl FnOnce() -> Option<js_sys::Function>,
) -> Option<js_sys::Function> {
    if let Some(f) = FORMATTERS.with(|m| m.borrow().get(key).cloned()) {
        return Some(f);
    }
    let f = make()?;
    FORMATTERS.with(|m| m.borrow_mut().insert(key.to_string(), f.clone()));
    Some(f)
}

fn options(pairs: &[(&str, JsValue)]) -> Option<js_sys::Object> {
    let opts = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&opts, &JsValue::from_str(k), v).ok()?;
    }
    Some(opts)
}

fn format_with(date: &js_sys::Date, options_: &[(&str, &str)]) -> Option<String> {
    let key = options_
        .iter()
        .fold(String::from("date"), |k, (n, v)| format!("{k};{n}={v}"));
    let format = cached_format(&key, || {
        let pairs: Vec<(&str, JsValue)> = options_
            .iter()
            .map(|(k, v)| (*k, JsValue::from_str(v)))
            .collect();
        let opts = options(&pairs)?;
        Some(js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts).format())
    })?;
    format.call1(&JsValue::UNDEFINED, date).ok()?.as_string()
}

/// A decimal (as the API sends it, a string) grouped in the person's locale, e.g.
/// "12000" → "12,000". The string goes to `Intl.NumberFormat` as is, which formats it
/// exactly; no float is involved. The formatter is made once and reused.
pub fn local_number(decimal: &str) -> String {
    let format = cached_format("number;maximumFractionDigits=6", || {
        let opts = options(&[("maximumFractionDigits", JsValue::from_f64(6.0))])?;
        Some(js_sys::Intl::NumberFormat::new(&js_sys::Array::new(), &opts).format())
    });
    format
        .and_then(|f| {
            f.call1(&JsValue::UNDEFINED, &JsValue::from_str(decimal))
                .ok()
        })
        .and_then(|v| v.as_string())
        .filter(|s| s != "NaN")
        .unwrap_or_else(|| decimal.to_string())
}

/// Runs work once input pauses (issue 12: re-leveling on every keystroke made typing
/// "25000" take seconds). [`Debounce::run`] replaces whatever is pending and runs `f`
/// after the delay; [`Debounce::now`] drops what is pending and runs `f` at once (for the
/// `change` event, so leaving the field never waits).
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
    delay: std::time::Duration,
}

impl Debounce {
    pub fn new(delay_ms: u64) -> Self {
        Debounce {
            pending: StoredValue::new(None),
            delay: std::time::Duration::from_millis(delay_ms),
        }
    }

    fn cancel(&self) {
        if let Some(h) = self.pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }

    pub fn run(&self, f: impl FnOnce() + 'static) {
        self.cancel();
        let handle = set_timeout_with_handle(f, self.delay).ok();
        self.pending.set_value(handle);
    }

    pub fn now(&self, f: impl FnOnce()) {
        self.cancel();
        f();
    }
}

/// Whether the window is at most `px` CSS pixels wide, kept current on resize: for views
/// that draw one of two layouts and should not build the hidden one (issue 12).
pub fn narrow_screen(px: u32) -> Signal<bool> {
    let query = format!("(max-width: {px}px)");
    let matches = move || {
        web_sys::window()
            .and_then(|w| w.match_media(&query).ok().flatten())
            .is_some_and(|m| m.matches())
    };
    let narrow = RwSignal::new(matches());
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let now = matches();
        if narrow.get_untracked() != now {
            narrow.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    narrow.into()
}

fn parse(s: &str) -> Option<js_sys::Date> {
    let d = js_sys::Date::new(&JsValue::from_str(s));
    (!d.get_time().is_nan()).then_some(d)
}

/// An RFC 3339 instant in the person's locale and time zone, e.g. "7 Dec 2026, 17:00".
pub fn local_datetime(rfc3339: &str) -> String {
    parse(rfc3339)
        .and_then(|d| format_with(&d, &[("dateStyle", "medium"), ("timeStyle", "short")]))
        .unwrap_or_else(|| rfc3339.to_string())
}

/// An RFC 3339 instant in the person's locale and time zone, naming the zone, e.g.
/// "Dec 7, 2026, 05:00 PM GMT+1": a deadline someone must meet wherever they are.
pub fn local_datetime_zone(rfc3339: &str) -> String {
    parse(rfc3339)
        .and_then(|d| {
            format_with(
                &d,
                &[
                    ("year", "numeric"),
                    ("month", "short"),
                    ("day", "numeric"),
                    ("hour", "2-digit"),
                    ("minute", "2-digit"),
                    ("timeZoneName", "short"),
                ],
            )
        })
        .unwrap_or_else(|| rfc3339.to_string())
}

/// An ISO calendar date (YYYY-MM-DD) in the person's locale; a date has no time zone.
pub fn local_date(iso: &str) -> String {
    parse(iso)
        .and_then(|d| format_with(&d, &[("dateStyle", "medium"), ("timeZone", "UTC")]))
        .unwrap_or_else(|| iso.to_string())
}

/// "in 3 days", "in 5 hours", "passed" for a deadline.
pub fn time_left(rfc3339: &str) -> String {
    let Some(d) = parse(rfc3339) else {
        return String::new();
    };
    let ms = d.get_time() as i64 - js_sys::Date::now() as i64;
    if ms <= 0 {
        // Integer hours round toward zero: half an hour ago is hour 0, not "within the hour".
        return "passed".to_string();
    }
    let hours = ms / 3_600_000;
    match hours {
        0 => "within the hour".to_string(),
        1 => "in 1 hour".to_string(),
        h if h < 48 => format!("in {h} hours"),
        h => format!("in {} days", h / 24),
    }
}

// ---- Shared pieces of the master-data pages (parts, suppliers). ----

/// One labelled text input with its hint and error: `id` names the input, `field` the
/// key in `errors` (the server's field path), e.g. `name`, `rows[2].number`.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldMap>,
    field: &'static str,
    /// `text` unless given (`date`, `email`, `datetime-local`, …).
    #[prop(optional)]
    input_type: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    /// Extra classes for the input (`mono`).
    #[prop(optional)]
    class: Option<&'static str>,
    /// Extra classes for the field (`span-all`).
    #[prop(optional)]
    wide: bool,
    #[prop(optional)] placeholder: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    view! {
        <div class="field" class:span-all=wide>
            <label for=id>{label}</label>
            <input
                id=id
                type=input_type.unwrap_or("text")
                class=class.unwrap_or("")
                placeholder=placeholder.unwrap_or("")
                autocomplete="off"
                bind:value=value
                aria-invalid=move || errors.with(|e| e.contains_key(field)).then_some("true")
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || {
                errors
                    .with(|e| e.get(field).cloned())
                    .map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
            }}
        </div>
    }
}

/// A drop zone with a file input: `label` is the input's accessible name; each chosen or
/// dropped file goes to `on_file` (the same file may be chosen again).
#[component]
pub fn FileDrop(
    id: &'static str,
    label: &'static str,
    prompt: &'static str,
    accept: &'static str,
    on_file: Callback<web_sys::File>,
    #[prop(optional, into)] busy: Signal<bool>,
) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let hover = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        hover.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            on_file.run(f);
        }
    };
    let on_choose = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                on_file.run(f);
            }
            input.set_value("");
        }
    };
    view! {
        <div
            class="dropzone"
            class:dropzone-hover=move || hover.get()
            aria-busy=move || busy.get().to_string()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                hover.set(true);
            }
            on:dragleave=move |_| hover.set(false)
            on:drop=on_drop
        >
            <p>
                {prompt} " or " <label for=id class="linkish">
                    "choose one"
                </label>
            </p>
            <input id=id type="file" aria-label=label accept=accept on:change=on_choose />
            {move || busy.get().then(|| view! { <p class="progress">"Working…"</p> })}
        </div>
    }
}

/// `rows[3].number` → (3, "number"): an import error's row and column.
fn row_field(key: &str) -> Option<(usize, &str)> {
    let rest = key.strip_prefix("rows[")?;
    let (n, field) = rest.split_once("].")?;
    Some((n.parse().ok()?, field))
}

/// The import panel of a list page: a file goes to `POST /api/{what}/import`; a file
/// with any bad row imports nothing and every row error is listed by row and column.
#[component]
pub fn ImportPanel(
    /// `parts` | `suppliers`.
    what: &'static str,
    /// e.g. "Part number, Name, Description, Unit, Revision".
    columns: &'static str,
    on_done: Callback<()>,
) -> impl IntoView {
    let report = RwSignal::new(None::<(String, api::ImportReport)>);
    let error = RwSignal::new(None::<AppError>);
    let run = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        async move {
            error.set(None);
            report.set(None);
            match crate::api::import(what, &file).await {
                Ok(r) => {
                    report.set(Some((file.name(), r)));
                    on_done.run(());
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let input_id = if what == "parts" {
        "import-parts-file"
    } else {
        "import-suppliers-file"
    };
    view! {
        <section class="panel" aria-labelledby=format!("import-{what}-h")>
            <h2 id=format!("import-{what}-h")>{format!("Import {what}")}</h2>
            <p class="muted small">
                "CSV, TSV, XLSX or ODS with a header row: " {columns}
                ". All or nothing: a file with any bad row imports nothing; existing records are skipped."
            </p>
            <FileDrop
                id=input_id
                label="Import file"
                prompt="Drop a CSV or XLSX file"
                accept=".csv,.tsv,.txt,.xlsx,.xls,.ods"
                on_file=Callback::new(move |f| {
                    run.dispatch(f);
                })
                busy=Signal::derive(move || run.pending().get())
            />
            {move || {
                error
                    .get()
                    .map(|e| {
                        let mut rows: Vec<(usize, String, String)> = e
                            .fields()
                            .iter()
                            .map(|(k, m)| match row_field(k) {
                                Some((n, f)) => (n, f.to_string(), m.clone()),
                                None => (0, k.clone(), m.clone()),
                            })
                            .collect();
                        rows.sort();
                        let items = rows
                            .into_iter()
                            .map(|(n, f, m)| {
                                let at = if n > 0 {
                                    format!("Row {n}, {f}: ")
                                } else {
                                    format!("{f}: ")
                                };
                                view! {
                                    <li>
                                        <strong>{at}</strong>
                                        {m}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <div class="alert alert-error" role="alert" aria-label="Import errors">
                                <p>{e.message().to_string()} " Nothing was imported."</p>
                                <ul class="import-errors">{items}</ul>
                            </div>
                        }
                    })
            }}
            {move || {
                report
                    .get()
                    .map(|(name, r)| {
                        let skipped = r
                            .skipped
                            .iter()
                            .map(|s| view! { <li>{format!("Row {}: {}", s.row, s.reason)}</li> })
                            .collect_view();
                        view! {
                            <div class="alert alert-ok" role="status">
                                <p>
                                    {format!(
                                        "Imported {} {} from {name}; {} skipped.",
                                        r.created,
                                        if r.created == 1 { what.trim_end_matches('s') } else { what },
                                        r.skipped.len(),
                                    )}
                                </p>
                                <ul>{skipped}</ul>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// The shape both master-data list pages share: heading with "New …", "Import" and
/// "Export CSV"; a notice; the creation form and the import panel when opened; the
/// search box with the page's filters; then the results (`children`).
#[component]
pub fn ListPage(
    title: &'static str,
    /// `parts` | `suppliers` (import/export endpoints).
    what: &'static str,
    /// Columns the import reads, for the import panel's hint.
    import_columns: &'static str,
    /// The creation toggle's label, e.g. "New part".
    new_label: &'static str,
    /// Whether this person may create and import.
    can_write: bool,
    open: RwSignal<bool>,
    q: RwSignal<String>,
    search_label: &'static str,
    placeholder: &'static str,
    #[prop(into)] notice: ViewFn,
    #[prop(into)] form: ViewFn,
    #[prop(optional, into)] filters: ViewFn,
    on_imported: Callback<()>,
    children: Children,
) -> impl IntoView {
    set_title(title);
    let importing = RwSignal::new(false);
    view! {
        <div class="page-head">
            <h1>{title}</h1>
            <div class="actions">
                <a class="btn" href=crate::api::export_url(what) download=format!("{what}.csv")>
                    "Export CSV"
                </a>
                {can_write
                    .then(|| {
                        view! {
                            {toggle_button("Import", importing, "btn")}
                            {toggle_button(new_label, open, "btn btn-primary")}
                        }
                    })}
            </div>
        </div>
        {move || notice.run()}
        <Show when=move || open.get()>{
            let form = form.clone();
            move || form.run()
        }</Show>
        <Show when=move || importing.get()>
            <ImportPanel what=what columns=import_columns on_done=on_imported />
        </Show>
        <div class="toolbar filters">
            <label class="search">
                <span class="sr-only">{search_label}</span>
                <input type="search" placeholder=placeholder bind:value=q />
            </label>
            {filters.run()}
        </div>
        {children()}
    }
}

/// A button that opens and closes a panel (`aria-expanded` follows `open`).
pub fn toggle_button(
    label: &'static str,
    open: RwSignal<bool>,
    class: &'static str,
) -> impl IntoView {
    view! {
        <button
            class=class
            type="button"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {label}
        </button>
    }
}

/// A refused save: the server's per-field messages beside their inputs and its sentence
/// under the form.
pub fn show_error(e: AppError, fields: RwSignal<FieldMap>, error: RwSignal<Option<AppError>>) {
    fields.set(e.fields().clone());
    error.set(Some(e));
}

/// The foot of a form in a `form-grid`: the alert, the submit button (disabled while
/// `pending`) and, when given, "Cancel".
#[component]
pub fn FormFooter(
    submit: &'static str,
    error: RwSignal<Option<AppError>>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="span-all">{form_alert(error)}</div>
        <div class="actions span-all">
            <button class="btn btn-primary" type="submit" disabled=move || pending.get()>
                {submit}
            </button>
            {on_cancel
                .map(|c| {
                    view! {
                        <button class="btn" type="button" on:click=move |_| c.run(())>
                            "Cancel"
                        </button>
                    }
                })}
        </div>
    }
}

/// A record the master-data pages edit in place (a part, a supplier): its id names it in
/// the addresses of its changes.
pub trait Record: Send + Sync + 'static {
    fn record_id(&self) -> String;
}

macro_rules! record_by_id {
    ($($t:ty),*) => {$(
        impl Record for $t {
            fn record_id(&self) -> String {
                self.id.clone()
            }
        }
    )*};
}
record_by_id!(api::Part, api::Supplier);

/// The one shape of a master-data save: `call(id, body)` (`id` is the record's) answers
/// the record as the server now has it; on success it replaces `record` and `after` runs
/// (clear inputs, close the form), on refusal the messages go beside the inputs and under
/// the form.
pub fn save_action<R, B, Fut>(
    record: RwSignal<R>,
    call: impl Fn(String, B) -> Fut + 'static,
    fields: RwSignal<FieldMap>,
    error: RwSignal<Option<AppError>>,
    after: impl Fn() + 'static,
) -> Action<B, ()>
where
    R: Record,
    B: Clone + 'static,
    Fut: std::future::Future<Output = crate::api::ApiResult<R>> + 'static,
{
    let after: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(after);
    Action::new_local(move |body: &B| {
        let answer = call(record.with_untracked(R::record_id), body.clone());
        let after = after.clone();
        async move {
            match answer.await {
                Ok(r) => {
                    record.set(r);
                    after();
                }
                Err(e) => show_error(e, fields, error),
            }
        }
    })
}

/// The client-side check before a save: the previous alert and messages clear; when
/// `errors` holds any they show beside their inputs and the answer is `false` (send
/// nothing).
pub fn check_fields(
    errors: domain::validate::FieldErrors,
    fields: RwSignal<FieldMap>,
    error: RwSignal<Option<AppError>>,
) -> bool {
    error.set(None);
    if !errors.is_empty() {
        fields.set(errors.0);
        return false;
    }
    fields.set(FieldMap::new());
    true
}

/// A one-click change of a record (remove a contact, a certificate …): the previous
/// alert clears, `call(id, arg)` (`id` is the record's) answers the record as the server
/// now has it and replaces `record`; a refusal's sentence shows in `error`.
pub fn change_action<R, A, Fut>(
    record: RwSignal<R>,
    call: impl Fn(String, A) -> Fut + 'static,
    error: RwSignal<Option<AppError>>,
) -> Action<A, ()>
where
    R: Record,
    A: Clone + 'static,
    Fut: std::future::Future<Output = crate::api::ApiResult<R>> + 'static,
{
    Action::new_local(move |arg: &A| {
        let answer = call(record.with_untracked(R::record_id), arg.clone());
        async move {
            error.set(None);
            match answer.await {
                Ok(r) => record.set(r),
                Err(e) => error.set(Some(e)),
            }
        }
    })
}

/// One column heading of a [`card_table`]: its text (empty for an actions column) and
/// whether the column holds numbers (`class="num"`).
#[derive(Clone, Copy)]
pub struct Col {
    title: &'static str,
    num: bool,
}

/// A text column of a [`card_table`].
pub const fn col(title: &'static str) -> Col {
    Col { title, num: false }
}

/// A number column of a [`card_table`] (right-aligned).
pub const fn num_col(title: &'static str) -> Col {
    Col { title, num: true }
}

/// The tables of the pages: a `table-cards` table (rows become cards on a phone) named
/// `label` (no name when empty), its `columns` and its `rows`.
pub fn card_table(
    label: &'static str,
    columns: Vec<Col>,
    rows: impl IntoView + 'static,
) -> AnyView {
    let heads = columns
        .into_iter()
        .map(|c| {
            if c.num {
                view! { <th scope="col" class="num">{c.title}</th> }.into_any()
            } else {
                view! { <th scope="col">{c.title}</th> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table table-cards" aria-label=(!label.is_empty()).then_some(label)>
                <thead>
                    <tr>{heads}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A record's page (`/parts/{id}`, `/suppliers/{id}`): the breadcrumb back to its list,
/// then the record as `show` draws it once `record` has loaded (a loading row before,
/// the error panel on failure).
pub fn record_page<T, V>(
    back_href: &'static str,
    back_label: &'static str,
    record: LocalResource<crate::api::ApiResult<T>>,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <a href=back_href>{back_label}</a>
        </nav>
        {loaded(record, show)}
    }
}

/// What `resource` answers, drawn by `show` once it has loaded (a loading row before, the
/// error panel on failure); signals `show` reads draw it again when they change.
pub fn loaded<T, V>(
    resource: LocalResource<crate::api::ApiResult<T>>,
    show: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=loading>
            <ErrorBoundary fallback=error_panel>
                {move || {
                    let show = show.clone();
                    Suspend::new(async move {
                        let r = resource.await?;
                        Ok::<_, AppError>(show(r))
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

/// The head of a record's page: the title block (`children`) and, for those who may
/// write, the toggle that opens the record's edit form.
#[component]
pub fn RecordHead(
    edit_label: &'static str,
    editing: RwSignal<bool>,
    can_write: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="page-head">
            <div>{children()}</div>
            {can_write.then(|| toggle_button(edit_label, editing, "btn"))}
        </div>
    }
}

/// The small quiet button that takes a row out of a table ("Remove", "Delete"); `label`
/// names the row for screen readers.
pub fn remove_button(
    text: &'static str,
    label: String,
    on_click: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button class="btn btn-small btn-quiet" type="button" aria-label=label on:click=move |_| on_click()>
            {text}
        </button>
    }
}

/// The last cell of a row, for those who may write: a [`remove_button`].
pub fn remove_cell(
    can_write: bool,
    text: &'static str,
    label: String,
    on_click: impl Fn() + 'static,
) -> Option<impl IntoView> {
    can_write.then(|| view! { <td data-label="">{remove_button(text, label, on_click)}</td> })
}

/// The note on a list page after a creation: "`kind`" then the new record's `name`
/// linking to `href`, then `tail` (e.g. "Part " … " created.").
pub fn created_notice(
    kind: &'static str,
    href: String,
    name: String,
    tail: &'static str,
) -> impl IntoView {
    view! {
        <p class="alert alert-ok" role="status">
            {kind} <a href=href>{name}</a> {tail}
        </p>
    }
}

/// What a list page's creation form does once the server answers the new record: the
/// form closes, the record is kept for [`created_notice`] and the list reloads.
pub fn on_created<T: Send + Sync + 'static>(
    open: RwSignal<bool>,
    created: RwSignal<Option<T>>,
    reload: impl Fn() + Send + Sync + 'static,
) -> Callback<T> {
    Callback::new(move |t: T| {
        open.set(false);
        created.set(Some(t));
        reload();
    })
}

/// A list page's select filter: the visible `title`, the select's accessible `name`, and
/// its `options` as (value, text) pairs, the first being "any".
pub fn filter_select(
    title: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    options: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <label class="filter">
            <span>{title}</span>
            <select bind:value=value aria-label=name>
                {options
                    .iter()
                    .map(|(v, text)| view! { <option value=*v>{*text}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
