//! Small view pieces shared by the pages: error panels, loading rows, field errors,
//! badges and date formatting in the person's own locale and time zone.

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

fn format_with(date: &js_sys::Date, options: &[(&str, &str)]) -> Option<String> {
    let opts = js_sys::Object::new();
    for (k, v) in options {
        js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v)).ok()?;
    }
    let fmt = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &opts);
    fmt.format()
        .call1(&JsValue::UNDEFINED, date)
        .ok()?
        .as_string()
}

/// A decimal (as the API sends it, a string) grouped in the person's locale, e.g.
/// "12000" → "12,000". The string goes to `Intl.NumberFormat` as is, which formats it
/// exactly; no float is involved.
pub fn local_number(decimal: &str) -> String {
    let opts = js_sys::Object::new();
    if js_sys::Reflect::set(
        &opts,
        &JsValue::from_str("maximumFractionDigits"),
        &JsValue::from_f64(6.0),
    )
    .is_err()
    {
        return decimal.to_string();
    }
    let fmt = js_sys::Intl::NumberFormat::new(&js_sys::Array::new(), &opts);
    fmt.format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_str(decimal))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| s != "NaN")
        .unwrap_or_else(|| decimal.to_string())
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
    let hours = ms / 3_600_000;
    match hours {
        h if h < 0 => "passed".to_string(),
        0 => "within the hour".to_string(),
        1 => "in 1 hour".to_string(),
        h if h < 48 => format!("in {h} hours"),
        h => format!("in {} days", h / 24),
    }
}
