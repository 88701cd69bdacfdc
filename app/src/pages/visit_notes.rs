//! Visit notes on a supplier page (buyer, admin): text, an optional RFQ and photos from
//! the camera, resized in the browser (longest side ≤ 1600 px, JPEG 0.8) and queued in
//! the outbox as `visit_note.create`, so a note taken at a plant with no network is kept
//! on the device and synced later, exactly once.

use api::{PhotoOp, VisitNote, VisitNoteOp};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::api as client;
use crate::offline::state;
use crate::storage::{new_id, now_rfc3339};
use crate::sync::{self, VISIT_NOTE};
use crate::ui::local_datetime;

/// Longest side of a stored photo, in pixels.
pub const PHOTO_MAX_SIDE: f64 = 1600.0;

/// "Visit notes" section of `/suppliers/{id}`.
#[component]
pub fn VisitNotes(supplier_id: String, supplier_name: String) -> impl IntoView {
    let st = state();
    let text = RwSignal::new(String::new());
    let rfq = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let sid = supplier_id.clone();

    // "Note saved on this device" holds only while something waits: once the outbox has
    // nothing pending the note is synced (or shown under Conflicts), and the list says so.
    Effect::new(move |_| {
        if st.pending.get() == 0 && saved.with_untracked(Option::is_some) {
            saved.set(None);
        }
    });

    // Server notes (cached for offline) and this device's unsent ones; both reload when
    // the outbox changes (a sync applied something, a note was queued).
    let notes = LocalResource::new(move || {
        let sid = sid.clone();
        st.pending.track();
        async move {
            let server = client::visit_notes(&sid).await.unwrap_or_default();
            let mine: Vec<(String, VisitNoteOp)> = sync::outbox()
                .await
                .into_iter()
                .filter(|e| e.payload.kind == VISIT_NOTE)
                .filter_map(|e| {
                    let op: VisitNoteOp = serde_json::from_value(e.payload.payload).ok()?;
                    (op.supplier_id == sid).then_some((e.payload.state, op))
                })
                .collect();
            (server, mine)
        }
    });

    let sid = supplier_id.clone();
    let name = supplier_name.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked().trim().to_string();
        if body.is_empty() {
            error.set(Some("Write what you saw before saving the note.".into()));
            return;
        }
        let files = input_ref.get_untracked().and_then(|i| i.files());
        let sid = sid.clone();
        let name = name.clone();
        let rfq_id = Some(rfq.get_untracked().trim().to_string()).filter(|s| !s.is_empty());
        error.set(None);
        saved.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = async {
                let mut photos = Vec::new();
                if let Some(files) = files {
                    for i in 0..files.length() {
                        if let Some(file) = files.get(i) {
                            let data = resize_photo(&file).await.map_err(|_| {
                                format!("The photo {} could not be read.", file.name())
                            })?;
                            let photo_id = new_id().map_err(|e| e.to_string())?;
                            // Kept on the device too, so the note shows it offline.
                            client::keep_photo(&photo_id, &data_url("image/jpeg", &data)).await;
                            photos.push(PhotoOp {
                                photo_id,
                                content_type: "image/jpeg".into(),
                                data_base64: data,
                            });
                        }
                    }
                }
                let op = VisitNoteOp {
                    note_id: new_id().map_err(|e| e.to_string())?,
                    supplier_id: sid,
                    rfq_id,
                    text: body,
                    taken_at: now_rfc3339(),
                    photos,
                };
                let payload = serde_json::to_value(&op).map_err(|e| e.to_string())?;
                sync::queue(VISIT_NOTE, format!("Visit note for {name}"), payload).await
            }
            .await;
            busy.set(false);
            match result {
                Ok(_) => {
                    text.set(String::new());
                    rfq.set(String::new());
                    if let Some(i) = input_ref.get_untracked() {
                        i.set_value("");
                    }
                    saved.set(Some(
                        "Note saved on this device; it syncs when online.".into(),
                    ));
                    notes.refetch();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="panel" aria-labelledby="visit-h">
            <h2 id="visit-h">"Visit notes"</h2>
            <form class="form-grid" on:submit=on_submit novalidate aria-label="Add visit note">
                <div class="field span-all">
                    <label for="visit-text">"Visit note"</label>
                    <textarea id="visit-text" rows="4" bind:value=text></textarea>
                </div>
                <div class="field">
                    <label for="visit-rfq">"RFQ (optional)"</label>
                    <input id="visit-rfq" bind:value=rfq autocomplete="off" placeholder="RFQ id" />
                </div>
                <div class="field">
                    <label for="visit-photos">"Photos"</label>
                    <input
                        id="visit-photos"
                        type="file"
                        accept="image/*"
                        capture="environment"
                        multiple
                        node_ref=input_ref
                    />
                </div>
                <div class="span-all">
                    {move || error.get().map(|e| view! { <p class="form-alert" role="alert">{e}</p> })}
                    {move || saved.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
                    <button class="btn btn-primary" type="submit" disabled=move || busy.get()>
                        "Add visit note"
                    </button>
                </div>
            </form>
            <Suspense fallback=|| view! { <p class="muted">"Loading notes…"</p> }>
                {move || Suspend::new(async move {
                    let (server, mine) = notes.await;
                    notes_list(server, mine)
                })}
            </Suspense>
        </section>
    }
}

fn notes_list(server: Vec<VisitNote>, mine: Vec<(String, VisitNoteOp)>) -> AnyView {
    if server.is_empty() && mine.is_empty() {
        return view! { <p class="empty">"No visit notes yet."</p> }.into_any();
    }
    let known: Vec<String> = server.iter().map(|n| n.id.clone()).collect();
    let pending = mine
        .into_iter()
        .filter(|(_, op)| !known.contains(&op.note_id))
        .map(|(state, op)| {
            let mark = if state == "pending" {
                "not yet synced"
            } else {
                "needs your decision"
            };
            let photos = op
                .photos
                .iter()
                .map(|p| {
                    let src = data_url(&p.content_type, &p.data_base64);
                    view! { <img class="visit-photo" src=src alt="Visit photo" /> }
                })
                .collect_view();
            view! {
                <li class="visit-note visit-pending">
                    <p class="visit-meta">
                        {local_datetime(&op.taken_at)} " · "
                        <span class="badge badge-draft">{mark}</span>
                        {(!op.photos.is_empty()).then(|| format!(" · {} photo(s)", op.photos.len()))}
                    </p>
                    <p class="visit-text">{op.text}</p>
                    <div class="visit-photos">{photos}</div>
                </li>
            }
        })
        .collect_view();
    let synced = server
        .into_iter()
        .map(|n| {
            let photos = n
                .photos
                .iter()
                .map(|p| view! { <VisitPhoto note_id=n.id.clone() photo_id=p.id.clone() /> })
                .collect_view();
            view! {
                <li class="visit-note">
                    <p class="visit-meta">{local_datetime(&n.taken_at)}</p>
                    <p class="visit-text">{n.text}</p>
                    <div class="visit-photos">{photos}</div>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain visit-notes" aria-label="Visit notes">{pending}{synced}</ul> }
        .into_any()
}

fn data_url(content_type: &str, base64: &str) -> String {
    format!("data:{content_type};base64,{base64}")
}

/// A synced note's photo, shown from the device's copy (kept when taken or first shown)
/// so it is there offline; fetched and kept the first time otherwise.
#[component]
fn VisitPhoto(note_id: String, photo_id: String) -> impl IntoView {
    let fallback = client::visit_photo_url(&note_id, &photo_id);
    let data = LocalResource::new(move || {
        let (n, p) = (note_id.clone(), photo_id.clone());
        async move { client::visit_photo_data(&n, &p).await.ok() }
    });
    move || {
        let src = match data.get() {
            Some(Some(url)) => url,
            Some(None) => fallback.clone(),
            None => return None,
        };
        Some(view! { <img class="visit-photo" src=src alt="Visit photo" /> })
    }
}

/// Reads an image file, scales it so its longest side is at most [`PHOTO_MAX_SIDE`], and
/// answers JPEG (quality 0.8) as base64 without the `data:` prefix.
#[allow(clippy::float_arithmetic)] // pixel geometry, not money
async fn resize_photo(file: &web_sys::File) -> Result<String, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(window.create_image_bitmap_with_blob(file)?)
        .await?
        .dyn_into()?;
    let (w, h) = (bitmap.width() as f64, bitmap.height() as f64);
    let scale = (PHOTO_MAX_SIDE / w.max(h)).min(1.0);
    let (tw, th) = ((w * scale).round().max(1.0), (h * scale).round().max(1.0));
    let document = window.document().ok_or(JsValue::NULL)?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(tw as u32);
    canvas.set_height(th as u32);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or(JsValue::NULL)?.dyn_into()?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, tw, th)?;
    bitmap.close();
    let url =
        canvas.to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(0.8))?;
    Ok(url
        .split_once(',')
        .map(|(_, b)| b.to_string())
        .unwrap_or_default())
}
