//! Which part revision an RFQ line asks for (issue 11): by default the part's released
//! revision; a draft or an obsolete one only when the buyer confirms it, so a supplier is
//! never asked to quote a drawing nobody meant to buy by accident. The RFQ shows the
//! revision's status on every line (buyer and supplier), so a confirmed draft or obsolete
//! revision stays visible.

use serde::{Deserialize, Serialize};

/// A part revision's release state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Released,
    Obsolete,
}

impl Status {
    /// The stored word (`draft`, `released`, `obsolete`); anything else is `None`.
    pub fn parse(s: &str) -> Option<Status> {
        match s.trim() {
            "draft" => Some(Status::Draft),
            "released" => Some(Status::Released),
            "obsolete" => Some(Status::Obsolete),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Released => "released",
            Status::Obsolete => "obsolete",
        }
    }

    /// Asking suppliers to quote this revision needs the buyer's explicit confirmation.
    pub fn needs_confirmation(self) -> bool {
        self != Status::Released
    }
}

/// One revision of a part, as the choice sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<'a> {
    pub label: &'a str,
    pub status: Status,
}

/// Why a line's revision was refused (said on the line's `revision` field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceError {
    /// The part has no revision with this label.
    NoSuchRevision { label: String },
    /// No revision was named and the part has none released.
    NoReleased,
    /// A draft or obsolete revision was named without `confirm_revision`.
    NeedsConfirmation {
        label: String,
        status: Status,
        released: Option<String>,
    },
}

impl std::fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChoiceError::NoSuchRevision { label } => {
                write!(f, "this part has no revision {label}")
            }
            ChoiceError::NoReleased => f.write_str(
                "this part has no released revision: choose a draft or obsolete one and confirm it (confirm_revision)",
            ),
            ChoiceError::NeedsConfirmation {
                label,
                status,
                released,
            } => {
                write!(f, "revision {label} is {}", status.as_str())?;
                if let Some(r) = released {
                    write!(f, " (the released revision is {r})")?;
                }
                f.write_str("; confirm to ask suppliers to quote it (confirm_revision)")
            }
        }
    }
}

/// The revision an RFQ line asks for. `revisions` are the part's, newest first;
/// `requested` the label the buyer named (case and surrounding spaces ignored, as the
/// schema's unique key does); `confirmed` whether the buyer confirmed a draft or obsolete
/// one. Without a label the line asks for the released revision (the newest, should a
/// part ever have two).
pub fn choose<'a, 'r>(
    revisions: &'r [Choice<'a>],
    requested: Option<&str>,
    confirmed: bool,
) -> Result<&'r Choice<'a>, ChoiceError> {
    let released = revisions.iter().find(|r| r.status == Status::Released);
    let Some(label) = requested.map(str::trim).filter(|l| !l.is_empty()) else {
        return released.ok_or(ChoiceError::NoReleased);
    };
    let chosen = revisions
        .iter()
        .find(|r| r.label.trim().eq_ignore_ascii_case(label))
        .ok_or_else(|| ChoiceError::NoSuchRevision {
            label: label.to_string(),
        })?;
    if chosen.status.needs_confirmation() && !confirmed {
        return Err(ChoiceError::NeedsConfirmation {
            label: chosen.label.to_string(),
            status: chosen.status,
            released: released.map(|r| r.label.to_string()),
        });
    }
    Ok(chosen)
}

/// The label a new line's revision picker starts at: the released revision, else none
/// (the buyer must pick and confirm).
pub fn default_label<'a>(revisions: &[Choice<'a>]) -> Option<&'a str> {
    revisions
        .iter()
        .find(|r| r.status == Status::Released)
        .map(|r| r.label)
}

/// The revision a part is at now, for a line made without the buyer's choice (a re-quote
/// from an old document): the released one; with none released, the newest draft, else
/// the newest obsolete one — which a line may ask for only once the buyer confirms it
/// ([`choose`]). `revisions` are the part's, newest first.
pub fn current<'r, 'a>(revisions: &'r [Choice<'a>]) -> Option<&'r Choice<'a>> {
    [Status::Released, Status::Draft, Status::Obsolete]
        .into_iter()
        .find_map(|want| revisions.iter().find(|r| r.status == want))
}

/// The warning a buyer sees before confirming a revision, or `None` for a released one.
pub fn warning(label: &str, status: Status) -> Option<String> {
    match status {
        Status::Released => None,
        Status::Draft => Some(format!(
            "Revision {label} is a draft: it is not released and may still change."
        )),
        Status::Obsolete => Some(format!(
            "Revision {label} is obsolete: a newer revision replaced it."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn revs() -> Vec<Choice<'static>> {
        // Newest first: C draft, B released, A obsolete.
        vec![
            Choice {
                label: "C",
                status: Status::Draft,
            },
            Choice {
                label: "B",
                status: Status::Released,
            },
            Choice {
                label: "A",
                status: Status::Obsolete,
            },
        ]
    }

    #[test]
    fn no_label_means_the_released_revision_not_the_newest() {
        let r = revs();
        assert_eq!(choose(&r, None, false).unwrap().label, "B");
        assert_eq!(choose(&r, Some("  "), false).unwrap().label, "B");
        assert_eq!(default_label(&r), Some("B"));
    }

    #[test]
    fn released_needs_no_confirmation_and_labels_ignore_case() {
        let r = revs();
        assert_eq!(choose(&r, Some("b"), false).unwrap().label, "B");
        assert_eq!(choose(&r, Some(" B "), true).unwrap().label, "B");
    }

    #[test]
    fn draft_and_obsolete_need_confirmation() {
        let r = revs();
        for (label, status) in [("A", Status::Obsolete), ("C", Status::Draft)] {
            let e = choose(&r, Some(label), false).unwrap_err();
            assert_eq!(
                e,
                ChoiceError::NeedsConfirmation {
                    label: label.into(),
                    status,
                    released: Some("B".into()),
                }
            );
            let text = e.to_string();
            assert!(text.contains(status.as_str()), "{text}");
            assert!(text.contains("released revision is B"), "{text}");
            assert!(text.contains("confirm_revision"), "{text}");
            assert_eq!(choose(&r, Some(label), true).unwrap().label, label);
        }
    }

    /// Issue 11: a re-quote takes the part's current revision by this rule (it was an
    /// ORDER BY in the server's SQL): released first, else the newest draft, else the
    /// newest obsolete one.
    #[test]
    fn the_current_revision_is_the_released_else_the_newest_draft_else_obsolete() {
        let c = |r: &[Choice<'static>]| current(r).map(|c| (c.label, c.status));
        assert_eq!(c(&revs()), Some(("B", Status::Released)));
        let unreleased = [
            Choice {
                label: "D",
                status: Status::Obsolete,
            },
            Choice {
                label: "C",
                status: Status::Draft,
            },
            Choice {
                label: "B",
                status: Status::Draft,
            },
        ];
        assert_eq!(c(&unreleased), Some(("C", Status::Draft)));
        assert_eq!(c(&unreleased[..1]), Some(("D", Status::Obsolete)));
        assert_eq!(c(&[]), None);
    }

    #[test]
    fn a_part_without_a_released_revision_has_no_default() {
        let r = vec![Choice {
            label: "A",
            status: Status::Draft,
        }];
        assert_eq!(choose(&r, None, true), Err(ChoiceError::NoReleased));
        assert_eq!(default_label(&r), None);
        let e = choose(&r, Some("A"), false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "revision A is draft; confirm to ask suppliers to quote it (confirm_revision)"
        );
        assert_eq!(choose(&r, Some("A"), true).unwrap().label, "A");
    }

    #[test]
    fn an_unknown_label_is_named() {
        let e = choose(&revs(), Some("Z"), true).unwrap_err();
        assert_eq!(e.to_string(), "this part has no revision Z");
    }

    #[test]
    fn statuses_round_trip_and_warnings_name_the_reason() {
        for s in [Status::Draft, Status::Released, Status::Obsolete] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("retired"), None);
        assert_eq!(warning("B", Status::Released), None);
        assert!(warning("A", Status::Obsolete).unwrap().contains("obsolete"));
        assert!(warning("C", Status::Draft).unwrap().contains("draft"));
    }
}
