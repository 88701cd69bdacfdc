//! Issue 10: form XObjects that recurse or expand past bounds (written here). pdf-extract
//! draws a form by calling itself, so a form drawing itself aborted the process with a
//! stack overflow and a form drawn 8 times at each of 8 levels kept it busy for hours.
//! Each member of the family is extracted (the test binary would abort or hang without
//! the guard), the page is named in a `pdf.page_forms` diagnostic saying why, the work
//! is bounded (`pdf_guard::inspect` says what a full expansion would cost) and the text
//! is still read where it can be; benign nesting is read by the main reader as before.

use domain::extract::pdf_guard::{
    inspect, PageForms, Refusal, MAX_FORM_DEPTH, MAX_FORM_DRAWS, MAX_FORM_OPS,
};
use domain::extract::{extract, ExtractInput, Extraction};

/// The text every member draws (in a form or on the page).
const TEXT: &str = "BT /F1 10 Tf 72 720 Td (Part BRK-1 Bracket, 500 pcs at EUR 1.25 each) Tj ET";

/// How the forms of a generated file get their resources.
#[derive(Clone, Copy, PartialEq)]
enum Res {
    /// Every form names the page's resource dictionary (object 4).
    Shared,
    /// No form has `/Resources`: each is drawn with its caller's (the page's).
    Inherited,
}

/// A PDF from its objects (numbered from 1), with a correct cross-reference table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &str) -> Vec<u8> {
    format!(
        "<< {dict} /Length {} >>\nstream\n{data}\nendstream",
        data.len()
    )
    .into_bytes()
}

/// One page drawing `page`; `forms` are (name, content), objects 7…, all named in the
/// page's resource dictionary (object 4) with font /F1 (object 6).
fn forms_pdf(page: &str, forms: &[(&str, String)], res: Res) -> Vec<u8> {
    let names: String = forms
        .iter()
        .enumerate()
        .map(|(i, (n, _))| format!("/{n} {} 0 R ", 7 + i))
        .collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources 4 0 R >>"
            .to_vec(),
        format!("<< /Font << /F1 6 0 R >> /XObject << {names}>> >>").into_bytes(),
        stream("", page),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    for (_, content) in forms {
        let resources = match res {
            Res::Shared => "/Resources 4 0 R",
            Res::Inherited => "",
        };
        objects.push(stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] {resources}"),
            content,
        ));
    }
    pdf(&objects)
}

/// A chain of `n` forms, each drawing the next, the last drawing the text.
fn chain(n: usize) -> Vec<u8> {
    let forms: Vec<(String, String)> = (0..n)
        .map(|i| {
            let body = if i + 1 < n {
                format!("/C{} Do", i + 1)
            } else {
                TEXT.to_string()
            };
            (format!("C{i}"), body)
        })
        .collect();
    let forms: Vec<(&str, String)> = forms.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    forms_pdf("/C0 Do", &forms, Res::Shared)
}

fn run(name: &str, bytes: Vec<u8>) -> Extraction {
    extract(&ExtractInput {
        file_name: name.to_string(),
        bytes,
        rfq: None,
        memory: None,
    })
}

fn page_forms(ex: &Extraction) -> Vec<&str> {
    ex.diagnostics
        .iter()
        .filter(|d| d.code == "pdf.page_forms")
        .map(|d| d.message.as_str())
        .collect()
}

fn one_page(bytes: &[u8]) -> Result<PageForms, Refusal> {
    let pages = inspect(bytes).expect("a readable PDF");
    assert_eq!(pages.len(), 1);
    pages.into_iter().next().unwrap().1
}

/// The text was read (the line's part number and price).
fn read_text(ex: &Extraction) -> bool {
    ex.lines.iter().any(|l| {
        l.part_number.as_deref() == Some("BRK-1")
            && l.breaks.iter().any(|b| b.unit_price.to_string() == "1.25")
    })
}

#[test]
fn a_form_that_draws_itself_is_named_and_its_text_still_read() {
    for res in [Res::Shared, Res::Inherited] {
        let bytes = forms_pdf("/A Do", &[("A", format!("/A Do {TEXT}"))], res);
        assert_eq!(
            one_page(&bytes),
            Err(Refusal::Cycle(vec!["/A".into(), "/A".into()]))
        );
        let ex = run("self.pdf", bytes);
        assert_eq!(
            page_forms(&ex),
            vec![
                "page 1: the form XObject /A draws itself; the page was not given to the main \
                 PDF reader but read by the fallback reader, which draws forms at most 12 deep \
                 and 4096 times in all, and a form inside itself not again"
            ],
            "{:#?}",
            ex.diagnostics
        );
        // Drawn once by the fallback reader, not once per level.
        assert!(read_text(&ex), "{:#?}", ex);
        assert_eq!(ex.lines.len(), 1, "{:#?}", ex.lines);
    }
}

#[test]
fn forms_drawing_each_other_in_a_loop_are_named() {
    let two = forms_pdf(
        "/A Do",
        &[("A", format!("/B Do {TEXT}")), ("B", "/A Do".into())],
        Res::Shared,
    );
    let three = forms_pdf(
        "q /A Do Q",
        &[
            ("A", "/B Do".into()),
            ("B", format!("{TEXT} /C Do")),
            ("C", "/A Do".into()),
        ],
        Res::Inherited,
    );
    for (bytes, path) in [(two, "/A → /B → /A"), (three, "/A → /B → /C → /A")] {
        let names: Vec<String> = path.split(" → ").map(String::from).collect();
        assert_eq!(one_page(&bytes), Err(Refusal::Cycle(names)));
        let ex = run("loop.pdf", bytes);
        let diags = page_forms(&ex);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].starts_with(&format!(
                "page 1: its form XObjects draw each other in a loop ({path})"
            )),
            "{diags:?}"
        );
        assert!(read_text(&ex), "{:#?}", ex);
    }
}

/// The attacker's fan-out: 9 forms, each drawing the next 8 times — 8^8 draws with no
/// cycle. The walk sums each form once; the fallback reader stops at the draw bound.
#[test]
fn a_fan_out_past_the_draw_bound_is_refused_and_read_within_it() {
    let forms: Vec<(String, String)> = (0..9)
        .map(|i| {
            let body = if i < 8 {
                format!("/L{} Do ", i + 1).repeat(8)
            } else {
                TEXT.to_string()
            };
            (format!("L{i}"), body)
        })
        .collect();
    let forms: Vec<(&str, String)> = forms.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    let bytes = forms_pdf("/L0 Do", &forms, Res::Shared);
    assert_eq!(one_page(&bytes), Err(Refusal::Draws));
    let ex = run("fanout.pdf", bytes);
    let diags = page_forms(&ex);
    assert_eq!(
        diags,
        vec![
            format!(
                "page 1: drawing its form XObjects in full takes more than {MAX_FORM_DRAWS} \
                 draws; the page was not given to the main PDF reader but read by the fallback \
                 reader, which draws forms at most 12 deep and 4096 times in all, and a form \
                 inside itself not again"
            ),
            format!(
                "page 1: the fallback reader stopped early: its forms were drawn \
                 {MAX_FORM_DRAWS} times"
            ),
        ]
    );
    // Just under the bound: 12 forms, each drawing the next twice.
    let forms: Vec<(String, String)> = (0..12)
        .map(|i| {
            let body = if i < 11 {
                format!("/L{} Do ", i + 1).repeat(2)
            } else {
                TEXT.to_string()
            };
            (format!("L{i}"), body)
        })
        .collect();
    let forms: Vec<(&str, String)> = forms.iter().map(|(n, c)| (n.as_str(), c.clone())).collect();
    let bytes = forms_pdf("/L0 Do", &forms, Res::Shared);
    // 1 + 2 + 4 + … + 2^11 = 4095 draws, 12 deep; L0…L10 (2 operators each) are drawn
    // 2047 times, L11 (the text's 5) 2048 times.
    assert_eq!(
        one_page(&bytes),
        Ok(PageForms {
            draws: 4095,
            depth: 12,
            ops: 2 * 2047 + 5 * 2048,
            // Each form's content once per draw (L{i} is drawn 2^i times).
            bytes: (0..11)
                .map(|i| (1u64 << i) * format!("/L{} Do ", i + 1).repeat(2).len() as u64)
                .sum::<u64>()
                + 2048 * TEXT.len() as u64,
        })
    );
}

#[test]
fn a_chain_just_under_the_depth_bound_is_read_and_one_over_is_refused() {
    let under = chain(MAX_FORM_DEPTH as usize);
    assert_eq!(
        one_page(&under),
        Ok(PageForms {
            draws: u64::from(MAX_FORM_DEPTH),
            depth: MAX_FORM_DEPTH,
            ops: u64::from(MAX_FORM_DEPTH) - 1 + 5,
            bytes: (1..MAX_FORM_DEPTH)
                .map(|i| format!("/C{i} Do").len() as u64)
                .sum::<u64>()
                + TEXT.len() as u64,
        })
    );
    let ex = run("under.pdf", under);
    assert!(page_forms(&ex).is_empty(), "{:#?}", ex.diagnostics);
    assert!(
        !ex.diagnostics.iter().any(|d| d.code == "pdf.text_fallback"),
        "{:#?}",
        ex.diagnostics
    );
    assert!(read_text(&ex), "{:#?}", ex);

    let over = chain(MAX_FORM_DEPTH as usize + 1);
    assert_eq!(
        one_page(&over),
        Err(Refusal::Deep((0..=12).map(|i| format!("/C{i}")).collect()))
    );
    let ex = run("over.pdf", over);
    let diags = page_forms(&ex);
    assert_eq!(diags.len(), 1, "{:#?}", ex.diagnostics);
    assert!(
        diags[0].starts_with(
            "page 1: its form XObjects are nested more than 12 deep (/C0 → /C1 → /C2 → … → /C12)"
        ),
        "{diags:?}"
    );
}

/// Forms nested and shared (a header form drawing a logo form, both drawn twice, the
/// logo also by the page): no diagnostic, read by the main reader.
#[test]
fn benign_nested_and_shared_forms_are_read_as_before() {
    let bytes = forms_pdf(
        "/Head Do q 1 0 0 1 0 -20 cm /Head Do Q /Logo Do",
        &[
            ("Head", "/Logo Do /Logo Do".into()),
            ("Logo", "0 0 10 10 re f".into()),
            ("Body", TEXT.into()),
        ],
        Res::Shared,
    );
    // Head: 2 draws of Logo; page: 2 × (1 + 2) + 1 = 7 draws, 2 deep.
    assert_eq!(
        one_page(&bytes),
        Ok(PageForms {
            draws: 7,
            depth: 2,
            ops: 2 * (2 + 2 * 2) + 2,
            // Head (17 bytes) twice, with Logo (14) twice each, and Logo once more.
            bytes: 2 * (17 + 2 * 14) + 14,
        })
    );
    let page = "/Head Do /Body Do";
    let bytes = forms_pdf(
        page,
        &[
            ("Head", "/Logo Do".into()),
            ("Logo", "0 0 10 10 re f".into()),
            ("Body", format!("q /Logo Do Q {TEXT}")),
        ],
        Res::Inherited,
    );
    let ex = run("benign.pdf", bytes);
    assert!(page_forms(&ex).is_empty(), "{:#?}", ex.diagnostics);
    assert!(
        !ex.diagnostics.iter().any(|d| d.code == "pdf.text_fallback"),
        "{:#?}",
        ex.diagnostics
    );
    assert!(read_text(&ex), "{:#?}", ex);
}

/// pdf-extract runs any XObject's data as content, an image's too: one whose bytes draw
/// itself is a loop like a form's (the guard's walk still says so). Since issue 10's H2,
/// text extraction empties every image before any reader runs (`pdf_bounds::prepare`), so
/// there is nothing left to loop: the page is read by the main reader.
#[test]
fn an_image_whose_data_draws_itself_is_a_loop_too() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources 4 0 R >>"
            .to_vec(),
        b"<< /Font << /F1 6 0 R >> /XObject << /Im 7 0 R >> >>".to_vec(),
        stream("", &format!("{TEXT} /Im Do")),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        stream(
            "/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray",
            "/Im Do",
        ),
    ];
    let bytes = pdf(&objects);
    assert_eq!(
        one_page(&bytes),
        Err(Refusal::Cycle(vec!["/Im".into(), "/Im".into()]))
    );
    let ex = run("image.pdf", bytes);
    assert!(page_forms(&ex).is_empty(), "{:#?}", ex.diagnostics);
    assert!(
        !ex.diagnostics.iter().any(|d| d.code == "pdf.text_fallback"),
        "{:#?}",
        ex.diagnostics
    );
    assert!(read_text(&ex), "{:#?}", ex);
}

/// A page whose `Parent` chain loops with no `/MediaBox` on the way: pdf-extract's
/// inherited-key lookup followed it for ever.
#[test]
fn a_page_tree_that_loops_above_the_page_is_named() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources 4 0 R >>".to_vec(),
        b"<< /Font << /F1 6 0 R >> >>".to_vec(),
        stream("", TEXT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let bytes = pdf(&objects);
    assert_eq!(
        one_page(&bytes),
        Err(Refusal::ParentLoop("MediaBox".into()))
    );
    let ex = run("parents.pdf", bytes);
    let diags = page_forms(&ex);
    assert_eq!(diags.len(), 1, "{:#?}", ex.diagnostics);
    assert!(
        diags[0].starts_with(
            "page 1: its page tree loops back on itself before the page's /MediaBox is found"
        ),
        "{diags:?}"
    );
}

/// A form of 100,001 operators drawn 10 times runs past the operator bound.
#[test]
fn forms_running_past_the_operator_bound_are_refused() {
    let big = "n\n".repeat(100_001);
    let page = "/Big Do ".repeat(10) + TEXT;
    let bytes = forms_pdf(&page, &[("Big", big)], Res::Shared);
    assert_eq!(one_page(&bytes), Err(Refusal::Ops));
    let ex = run("ops.pdf", bytes);
    let diags = page_forms(&ex);
    assert!(
        diags[0].contains(&format!("more than {MAX_FORM_OPS} content operators")),
        "{diags:?}"
    );
    assert_eq!(
        diags.get(1).copied(),
        Some(
            format!(
                "page 1: the fallback reader stopped early: its forms ran more than \
                 {MAX_FORM_OPS} content operators"
            )
            .as_str()
        )
    );
}
