//! Form XObjects checked before a page is drawn (issue 10).
//!
//! pdf-extract draws a form XObject (`/X1 Do`) by calling itself on the form's content
//! stream, with no bound on depth and no memory of what it is drawing: a form that draws
//! itself, two forms that draw each other, or a page tree whose `Parent` loops overflow
//! the stack (which aborts the process: `catch_unwind` cannot catch that), and a form
//! drawn 8 times at each of 8 levels (8^8 draws) keeps a thread busy for hours. So each
//! page's graph of forms is walked here first, the way pdf-extract would walk it (a form
//! is drawn with its own `/Resources`, or else with those of whoever drew it), with each
//! (form, resources) pair summed once and remembered: a pair met again below itself is a
//! cycle, and otherwise the page's full expansion is counted — how deep forms nest
//! ([`MAX_FORM_DEPTH`]), how many form draws it makes ([`MAX_FORM_DRAWS`]) and how many
//! content operators those draws run ([`MAX_FORM_OPS`]). A page past any of them is not
//! given to pdf-extract; the fallback reader (`pdf_text.rs`) reads it within the same
//! bounds and the extraction says which page and why.
//!
//! Only `Do` is followed: pdf-extract does not run Type 3 glyph procedures, pattern
//! cells, shadings or annotation appearance streams, so they cannot recurse. It runs any
//! XObject's data as content (an image too), so every XObject is walked; an image's data
//! is parsed only when it holds the bytes `Do`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Forms nest at most this deep on a page (the page's content is depth 0, a form it
/// draws depth 1).
pub const MAX_FORM_DEPTH: u32 = 12;
/// A page's content, with every form expanded, draws forms at most this many times.
pub const MAX_FORM_DRAWS: u64 = 4_096;
/// The forms a page draws run at most this many content operators together.
pub const MAX_FORM_OPS: u64 = 1_000_000;
/// Distinct (form, resources) pairs walked over one document: a bound on the walk itself.
const MAX_NODES: usize = 20_000;
/// Page-tree levels above a page searched for an inherited `/Resources` or `/MediaBox`.
const MAX_PARENTS: usize = 64;

/// What one page's forms cost when drawn in full.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageForms {
    /// Form draws (`Do`) with every form expanded.
    pub draws: u64,
    /// The deepest form nesting (0: the page draws no form).
    pub depth: u32,
    /// Content operators the drawn forms run.
    pub ops: u64,
    /// Bytes of content the drawn forms run, per draw (issue 10, outside probe H2).
    pub bytes: u64,
}

/// Why a page is not given to pdf-extract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A form reaches itself again; the names along the way, the first repeated last.
    Cycle(Vec<String>),
    /// Forms nest deeper than [`MAX_FORM_DEPTH`]; the chain's names (at most one more
    /// than the bound).
    Deep(Vec<String>),
    /// More than [`MAX_FORM_DRAWS`] draws.
    Draws,
    /// More than [`MAX_FORM_OPS`] operators.
    Ops,
    /// More than `pdf_bounds::MAX_PAGE_RUN` bytes of content, per draw; no reader may
    /// read the page.
    Bytes,
    /// The page tree loops above the page before an inherited key is found.
    ParentLoop(String),
    /// More than `MAX_NODES` distinct forms in the document.
    TooManyForms,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Cycle(path) if path.len() == 2 && path[0] == path[1] => {
                write!(f, "the form XObject {} draws itself", path[0])
            }
            Refusal::Cycle(path) => write!(
                f,
                "its form XObjects draw each other in a loop ({})",
                path.join(" → ")
            ),
            Refusal::Deep(path) => {
                let shown = if path.len() > 5 {
                    let mut p = path[..3].to_vec();
                    p.push("…".into());
                    p.extend(path.last().cloned());
                    p
                } else {
                    path.clone()
                };
                write!(
                    f,
                    "its form XObjects are nested more than {MAX_FORM_DEPTH} deep ({})",
                    shown.join(" → ")
                )
            }
            Refusal::Draws => write!(
                f,
                "drawing its form XObjects in full takes more than {MAX_FORM_DRAWS} draws"
            ),
            Refusal::Ops => write!(
                f,
                "its form XObjects run more than {MAX_FORM_OPS} content operators when drawn in full"
            ),
            Refusal::Bytes => write!(
                f,
                "its form XObjects run more than {} of content when drawn in full",
                crate::bytes::size_words(super::pdf_bounds::MAX_PAGE_RUN)
            ),
            Refusal::ParentLoop(key) => write!(
                f,
                "its page tree loops back on itself before the page's /{key} is found"
            ),
            Refusal::TooManyForms => write!(
                f,
                "the document draws more than {MAX_NODES} distinct form XObjects"
            ),
        }
    }
}

/// The diagnostic for page `num`, refused for `why`.
pub fn page_message(num: u32, why: &str) -> String {
    format!(
        "page {num}: {why}; the page was not given to the main PDF reader but read by the \
         fallback reader, which draws forms at most {MAX_FORM_DEPTH} deep and {MAX_FORM_DRAWS} \
         times in all, and a form inside itself not again"
    )
}

/// Every page's forms (by page number) as the extractor sees them; `None` when the file
/// is not a readable PDF.
pub fn inspect(pdf: &[u8]) -> Option<Vec<(u32, Result<PageForms, Refusal>)>> {
    let doc = Document::load_mem(pdf).ok()?;
    let mut guard = Guard::new(&doc);
    Some(
        doc.get_pages()
            .into_iter()
            .map(|(num, id)| (num, guard.page(id)))
            .collect(),
    )
}

/// A form's content as far as the walk needs it.
struct Parsed {
    /// The names drawn (`/Name Do`), in order.
    draws: Vec<Vec<u8>>,
    /// Its content operators.
    ops: u64,
}

/// What drawing a (form, resources) pair costs, below and including itself.
#[derive(Clone, Copy, Default)]
struct Cost {
    draws: u64,
    /// How many forms deep it goes (1: a form that draws none).
    height: u32,
    ops: u64,
    bytes: u64,
}

/// Walks the pages of one document, remembering every form it has summed.
pub struct Guard<'a> {
    doc: &'a Document,
    parsed: HashMap<usize, Rc<Parsed>>,
    memo: HashMap<(usize, usize), Cost>,
}

impl<'a> Guard<'a> {
    pub fn new(doc: &'a Document) -> Self {
        Guard {
            doc,
            parsed: HashMap::new(),
            memo: HashMap::new(),
        }
    }

    /// What page `page_id`'s forms cost, or why pdf-extract must not draw it.
    pub fn page(&mut self, page_id: ObjectId) -> Result<PageForms, Refusal> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(page_id) else {
            return Ok(PageForms::default());
        };
        // pdf-extract looks both up the `Parent` chain, following it for ever.
        let resources = inherited(doc, page, "Resources", |o| o.as_dict().is_ok())?;
        inherited(doc, page, "MediaBox", |o| o.as_array().is_ok())?;
        let Some(resources) = resources.and_then(|o| o.as_dict().ok()) else {
            return Ok(PageForms::default());
        };
        let Ok(content) = doc.get_page_content(page_id) else {
            return Ok(PageForms::default());
        };
        if !has_do(&content) {
            return Ok(PageForms::default());
        }
        let root = Rc::new(parse(&content));
        let mut stack = Vec::new();
        let cost = self.expand(&root, resources, 0, &mut stack)?;
        Ok(PageForms {
            draws: cost.draws,
            depth: cost.height,
            ops: cost.ops,
            bytes: cost.bytes,
        })
    }

    /// The cost of what `content` (drawn at `depth`, with `resources`) draws.
    fn expand(
        &mut self,
        content: &Parsed,
        resources: &'a Dictionary,
        depth: u32,
        stack: &mut Vec<((usize, usize), String)>,
    ) -> Result<Cost, Refusal> {
        let doc = self.doc;
        let mut cost = Cost::default();
        if content.draws.is_empty() {
            return Ok(cost);
        }
        let xobjects = resources
            .get(b"XObject")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let Some(xobjects) = xobjects else {
            return Ok(cost);
        };
        for name in &content.draws {
            let Some(Object::Stream(form)) = xobjects.get(name).ok().map(|o| deref(doc, o)) else {
                continue;
            };
            let form_resources = form
                .dict
                .get(b"Resources")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
                .unwrap_or(resources);
            let label = format!("/{}", String::from_utf8_lossy(name));
            let below = self.form(form, form_resources, depth + 1, label, stack)?;
            cost.draws = cost.draws.saturating_add(1).saturating_add(below.draws);
            cost.ops = cost.ops.saturating_add(below.ops);
            cost.bytes = cost.bytes.saturating_add(below.bytes);
            cost.height = cost.height.max(below.height);
            if cost.draws > MAX_FORM_DRAWS {
                return Err(Refusal::Draws);
            }
            if cost.ops > MAX_FORM_OPS {
                return Err(Refusal::Ops);
            }
            if cost.bytes > super::pdf_bounds::MAX_PAGE_RUN {
                return Err(Refusal::Bytes);
            }
        }
        Ok(cost)
    }

    /// The cost of drawing `form` with `resources` at `depth` (itself included).
    fn form(
        &mut self,
        form: &'a Stream,
        resources: &'a Dictionary,
        depth: u32,
        label: String,
        stack: &mut Vec<((usize, usize), String)>,
    ) -> Result<Cost, Refusal> {
        let key = (
            std::ptr::from_ref(form) as usize,
            std::ptr::from_ref(resources) as usize,
        );
        if let Some(at) = stack.iter().position(|(k, _)| *k == key) {
            let mut path: Vec<String> = stack[at..].iter().map(|(_, l)| l.clone()).collect();
            path.push(label);
            return Err(Refusal::Cycle(path));
        }
        if depth > MAX_FORM_DEPTH {
            let mut path: Vec<String> = stack.iter().map(|(_, l)| l.clone()).collect();
            path.push(label);
            return Err(Refusal::Deep(path));
        }
        if let Some(c) = self.memo.get(&key) {
            if depth + c.height - 1 > MAX_FORM_DEPTH {
                let mut path: Vec<String> = stack.iter().map(|(_, l)| l.clone()).collect();
                path.push(label);
                return Err(Refusal::Deep(path));
            }
            return Ok(*c);
        }
        if self.memo.len() >= MAX_NODES {
            return Err(Refusal::TooManyForms);
        }
        let parsed = self.parsed(form);
        stack.push((key, label));
        let below = self.expand(&parsed, resources, depth, stack);
        stack.pop();
        let below = below?;
        let cost = Cost {
            draws: below.draws,
            height: below.height + 1,
            ops: below.ops.saturating_add(parsed.ops),
            bytes: below.bytes.saturating_add(form.content.len() as u64),
        };
        if cost.ops > MAX_FORM_OPS {
            return Err(Refusal::Ops);
        }
        self.memo.insert(key, cost);
        Ok(cost)
    }

    fn parsed(&mut self, form: &Stream) -> Rc<Parsed> {
        let key = std::ptr::from_ref(form) as usize;
        if let Some(p) = self.parsed.get(&key) {
            return Rc::clone(p);
        }
        // The bytes pdf-extract runs (`get_contents`).
        let data = if form.filters().is_ok() {
            form.decompressed_content()
                .unwrap_or_else(|_| form.content.clone())
        } else {
            form.content.clone()
        };
        let is_form = form
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
            == Some(b"Form");
        let p = Rc::new(if is_form || has_do(&data) {
            parse(&data)
        } else {
            Parsed {
                draws: Vec::new(),
                ops: 0,
            }
        });
        self.parsed.insert(key, Rc::clone(&p));
        p
    }
}

/// One level of indirection, as pdf-extract follows it.
fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

/// `key` on `dict` or the nearest ancestor that has it (pdf-extract's `get_inherited`,
/// which recurses without end on a looping `Parent` chain).
fn inherited<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &str,
    wanted: impl Fn(&Object) -> bool,
) -> Result<Option<&'a Object>, Refusal> {
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut at = dict;
    for _ in 0..MAX_PARENTS {
        if let Some(o) = at.get(key.as_bytes()).ok().map(|o| deref(doc, o)) {
            if wanted(o) {
                return Ok(Some(o));
            }
        }
        let Ok(parent) = at.get(b"Parent").and_then(Object::as_reference) else {
            return Ok(None);
        };
        if !seen.insert(parent) {
            return Err(Refusal::ParentLoop(key.to_string()));
        }
        let Ok(p) = doc.get_dictionary(parent) else {
            return Ok(None);
        };
        at = p;
    }
    Err(Refusal::ParentLoop(key.to_string()))
}

fn has_do(data: &[u8]) -> bool {
    data.windows(2).any(|w| w == b"Do")
}

/// The names a content stream draws and its operator count. A stream pdf-extract cannot
/// decode stops it (it panics there), so it draws nothing.
fn parse(data: &[u8]) -> Parsed {
    let Ok(content) = Content::decode(data) else {
        return Parsed {
            draws: Vec::new(),
            ops: 0,
        };
    };
    let draws = content
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first())
        .filter_map(|o| o.as_name().ok())
        .map(<[u8]>::to_vec)
        .collect();
    Parsed {
        draws,
        ops: content.operations.len() as u64,
    }
}
