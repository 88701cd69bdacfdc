//! The messages between the page and the extraction worker (`extract-worker`), typed
//! (issue 11: both sides built and picked apart untyped JSON). Each crosses
//! `postMessage` as a JSON string, except the file's bytes, which travel beside the
//! request as a `Uint8Array` (no copy into JSON).
//!
//! Protocol: once started the worker sends [`WorkerReply::Ready`]; for each request (an
//! `id`, the file name, the bytes and a [`WorkerRequest`]) it sends any number of
//! [`WorkerReply::Progress`] and then exactly one [`WorkerReply::Done`] or
//! [`WorkerReply::Failed`].

use serde::{Deserialize, Serialize};

use super::memory::MappingMemory;
use super::model::Extraction;
use super::rfq::RfqSpec;

/// What accompanies a file's bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerRequest {
    /// The RFQ the quote answers (for line matching and RFQ-relative flags).
    #[serde(default)]
    pub rfq: Option<RfqSpec>,
    /// Column mappings corrected earlier for this supplier.
    #[serde(default)]
    pub memory: Option<MappingMemory>,
}

/// How far the worker is with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading the file (`bytes` long).
    Reading,
}

/// A message from the worker to the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WorkerReply {
    /// The worker has loaded and takes requests.
    Ready,
    Progress {
        id: u32,
        stage: Stage,
        bytes: u64,
    },
    Done {
        id: u32,
        extraction: Box<Extraction>,
    },
    Failed {
        id: u32,
        message: String,
    },
}

impl WorkerRequest {
    /// The request as the JSON string posted to the worker.
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
    /// Reads a request; the message says what was wrong.
    pub fn from_json(s: &str) -> Result<Self, String> {
        serde_json::from_str(s).map_err(|e| format!("bad request: {e}"))
    }
}

impl WorkerReply {
    /// The reply as the JSON string posted to the page.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
    /// Reads a reply; the message says what was wrong.
    pub fn from_json(s: &str) -> Result<Self, String> {
        serde_json::from_str(s)
            .map_err(|e| format!("the quote reader's answer could not be read: {e}"))
    }
    /// The request this reply answers (`None` for [`WorkerReply::Ready`]).
    pub fn id(&self) -> Option<u32> {
        match self {
            WorkerReply::Ready => None,
            WorkerReply::Progress { id, .. }
            | WorkerReply::Done { id, .. }
            | WorkerReply::Failed { id, .. } => Some(*id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_round_trip_with_their_wire_shape() {
        let replies = [
            (WorkerReply::Ready, r#"{"kind":"ready"}"#),
            (
                WorkerReply::Progress {
                    id: 7,
                    stage: Stage::Reading,
                    bytes: 1024,
                },
                r#"{"kind":"progress","id":7,"stage":"reading","bytes":1024}"#,
            ),
            (
                WorkerReply::Failed {
                    id: 8,
                    message: "no file bytes were sent".into(),
                },
                r#"{"kind":"failed","id":8,"message":"no file bytes were sent"}"#,
            ),
        ];
        for (reply, wire) in replies {
            assert_eq!(reply.to_json(), wire);
            assert_eq!(WorkerReply::from_json(wire), Ok(reply));
        }
        let done = WorkerReply::Done {
            id: 9,
            extraction: Box::new(Extraction {
                file: "q.csv".into(),
                quote_ref: Some("Q-1".into()),
                ..Extraction::default()
            }),
        };
        let back = WorkerReply::from_json(&done.to_json()).unwrap();
        assert_eq!(back, done);
        assert_eq!(back.id(), Some(9));
    }

    #[test]
    fn bad_messages_say_what_is_wrong() {
        assert!(WorkerReply::from_json(r#"{"kind":"done","id":1}"#)
            .unwrap_err()
            .contains("extraction"));
        assert!(WorkerReply::from_json(r#"{"kind":"shrug"}"#).is_err());
        assert!(WorkerRequest::from_json(r#"{"rfq":null,"colour":1}"#)
            .unwrap_err()
            .starts_with("bad request"));
        assert_eq!(WorkerRequest::from_json("{}"), Ok(WorkerRequest::default()));
        let r = WorkerRequest::default();
        assert_eq!(WorkerRequest::from_json(&r.to_json()), Ok(r));
    }
}
