//! The clarification questions on a supplier's `/rfqs/{id}`: every answered question
//! (without who asked) and the supplier's own open ones; asking while the RFQ is open.
//! A section of `supplier_rfq` (issue 11: the file was split along its sections).

use api::Clarification;
use leptos::prelude::*;

use crate::api::{self as client, AppError};
use crate::ui::{error_panel, loading, local_datetime};

/// Questions and answers: every answered question (without who asked) and this
/// supplier's own open ones; "Ask a question" while the RFQ is open.
#[component]
pub(super) fn Clarifications(rfq_id: String, can_change: Signal<bool>) -> impl IntoView {
    let list_id = rfq_id.clone();
    let list = LocalResource::new(move || {
        let id = list_id.clone();
        async move { client::clarifications(&id).await }
    });
    let asked = RwSignal::new(Vec::<Clarification>::new());
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let ask = Action::new_local(move |t: &String| {
        let t = t.clone();
        let id = rfq_id.clone();
        async move {
            match client::ask_clarification(&id, &t).await {
                Ok(c) => {
                    asked.update(|v| v.push(c));
                    text.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let item = |c: Clarification| {
        let answered = c.answer.is_some();
        view! {
            <li class="qa">
                <p class="strong">{c.question.clone()}</p>
                {match c.answer {
                    Some(a) => view! { <p>{a}</p> }.into_any(),
                    None => view! { <p class="muted small">"Your question · not answered yet"</p> }.into_any(),
                }}
                <p class="muted small">
                    {if answered { "Answered " } else { "Asked " }}
                    {local_datetime(c.answered_at.as_deref().unwrap_or(&c.asked_at))}
                </p>
            </li>
        }
    };
    view! {
        <section aria-labelledby="qa-h">
            <h2 id="qa-h">"Questions and answers"</h2>
            <p class="hint">
                "Answers go to every invited supplier, without saying who asked."
            </p>
            <Transition fallback=loading>
                <ErrorBoundary fallback=error_panel>
                    {move || Suspend::new(async move {
                        let mut all = list.await?;
                        let extra = asked.get();
                        let extra: Vec<Clarification> = extra
                            .into_iter()
                            .filter(|c| !all.iter().any(|x| x.id == c.id))
                            .collect();
                        all.extend(extra);
                        Ok::<_, AppError>(
                            if all.is_empty() {
                                view! { <p class="empty">"No questions yet."</p> }.into_any()
                            } else {
                                view! { <ul class="qa-list">{all.into_iter().map(item).collect_view()}</ul> }
                                    .into_any()
                            },
                        )
                    })}
                </ErrorBoundary>
            </Transition>
            {move || {
                can_change
                    .get()
                    .then(|| {
                        view! {
                            <form
                                class="panel"
                                aria-label="Ask a question"
                                novalidate
                                on:submit=move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    let t = text.get_untracked();
                                    if t.trim().is_empty() {
                                        error.set(Some(AppError::new("validation", "Write your question first.")));
                                        return;
                                    }
                                    ask.dispatch(t);
                                }
                            >
                                <div class="field">
                                    <label for="qa-text">"Your question"</label>
                                    <textarea id="qa-text" rows="3" bind:value=text></textarea>
                                </div>
                                {move || {
                                    error
                                        .get()
                                        .map(|e| {
                                            view! {
                                                <p class="alert alert-error" role="alert">
                                                    {e.message().to_string()}
                                                </p>
                                            }
                                        })
                                }}
                                <button
                                    class="btn"
                                    type="submit"
                                    disabled=move || ask.pending().get()
                                >
                                    "Ask a question"
                                </button>
                            </form>
                        }
                    })
            }}
        </section>
    }
}
