//! `cargo xtask bench extract-blind [HALF|all] [--detail] [--no-build]`: scores
//! `bidwell extract --json` on the blind quote set in `domain/testdata/blind/` as
//! `domain/testdata/blind/README.md` (and issue 9) define it.
//!
//! A half is any folder of `domain/testdata/blind/` other than `gen` (`dev`, `heldout`,
//! `heldout2`, …); `all` is every half. Builds the release server, runs the extractor on
//! every document of the chosen half (with `--rfq NAME.rfq.json` when that file exists),
//! scores each against `NAME.truth.json` ([`score`]), prints the aggregates and writes them
//! to `target/blind/<half>.json`. Every half but `dev` is private to its writers: for it
//! (and for `all`) nothing names a document or shows a value, only counts.
//!
//! [`check_floors`] (the `blind-floors` step of `cargo xtask test`) scores the halves named
//! in `domain/testdata/blind/floors.json` with an already built binary and fails when an
//! aggregate is below its floor.

pub mod score;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::util::sh;
use crate::Ctx;
use score::{About, Counts, DocScore, Family, Outcome, BUCKETS};

const USAGE: &str = "usage: cargo xtask bench extract-blind [HALF|all] [--detail] \
     [--no-build | --bin PATH] [--validate] | --floors [--bin PATH]   (HALF: a folder of \
     domain/testdata/blind, e.g. dev, heldout)";

/// Folders of the blind set that hold no documents.
const NOT_HALVES: &[&str] = &["gen"];

/// The halves of the blind set: every folder of `root` but `gen` and hidden ones, sorted.
fn halves(root: &Path) -> Result<Vec<String>> {
    let mut v: Vec<String> = std::fs::read_dir(root)
        .with_context(|| format!("reading {}", root.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| !n.starts_with('.') && !NOT_HALVES.contains(&n.as_str()))
        .collect();
    v.sort();
    Ok(v)
}

/// Options of one run.
#[derive(Debug)]
struct Options {
    half: String,
    detail: bool,
    build: bool,
    /// Only check the truth files' shape (names files: for the set's writers).
    validate: bool,
    /// A `bidwell` binary (absolute, or relative to the workspace root) to use instead
    /// of building `target/release/bidwell`.
    bin: Option<PathBuf>,
}

/// Parses the bench's arguments; `known` are the halves that exist ([`halves`]).
fn parse(args: &[String], known: &[String]) -> Result<Options> {
    let mut o = Options {
        half: "dev".into(),
        detail: false,
        build: true,
        validate: false,
        bin: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bin" => {
                o.bin = Some(PathBuf::from(it.next().context("--bin needs a path")?));
                o.build = false;
            }
            "--detail" => o.detail = true,
            "--no-build" => o.build = false,
            "--validate" => o.validate = true,
            h if h == "all" || known.iter().any(|k| k == h) => o.half = a.clone(),
            other => bail!(
                "unknown argument `{other}` (halves: {}, all)\n{USAGE}",
                known.join(", ")
            ),
        }
    }
    if o.detail && o.half != "dev" {
        bail!("--detail is for the dev half only: the held-out half is never shown");
    }
    Ok(o)
}

/// One document of the set.
struct Doc {
    name: String,
    path: PathBuf,
    truth: Value,
    about: About,
    rfq: Option<PathBuf>,
}

/// Entry point from `cargo xtask bench extract-blind …`.
pub fn run(ctx: &Ctx, args: &[String]) -> Result<()> {
    let root = ctx.root.join("domain/testdata/blind");
    let known = halves(&root)?;
    // `--floors [--bin PATH]`: what the `blind-floors` step of `cargo xtask test` checks,
    // with the debug binary unless told otherwise.
    if args.iter().any(|a| a == "--floors") {
        let rest: Vec<String> = args.iter().filter(|a| *a != "--floors").cloned().collect();
        let opts = parse(&rest, &known)?;
        let bin = match &opts.bin {
            Some(b) => ctx.root.join(b),
            None => crate::test::target_dir(ctx).join("debug").join("bidwell"),
        };
        if !bin.exists() {
            bail!(
                "{} does not exist: build it (cargo build -p server --bin bidwell)",
                bin.display()
            );
        }
        return check_floors(ctx, &bin);
    }
    let opts = parse(args, &known)?;
    run_half(ctx, &opts, &known).map(|_| ())
}

/// Scores one half (or `all`) as `opts` say; `None` when only validating.
fn run_half(ctx: &Ctx, opts: &Options, known: &[String]) -> Result<Option<Report>> {
    let root = ctx.root.join("domain/testdata/blind");
    let chosen: Vec<&str> = match opts.half.as_str() {
        "all" => known.iter().map(String::as_str).collect(),
        h => vec![h],
    };
    let private = opts.half != "dev";
    let mut docs = Vec::new();
    let mut bad = Vec::new();
    for h in &chosen {
        let dir = root.join(h);
        if !dir.is_dir() {
            bail!("blind set: {} does not exist", dir.display());
        }
        let (d, b) = collect(&dir)?;
        docs.extend(d);
        bad.extend(b);
    }
    if opts.validate {
        for (name, e) in &bad {
            println!("invalid truth: {name}: {e:#}");
        }
        println!(
            "{} documents with valid truth, {} invalid",
            docs.len(),
            bad.len()
        );
        if !bad.is_empty() {
            bail!("{} truth files are invalid", bad.len());
        }
        return Ok(None);
    }
    if !bad.is_empty() {
        if !private {
            for (name, e) in &bad {
                eprintln!("invalid truth: {name}: {e:#}");
            }
            bail!("{} truth files are invalid", bad.len());
        }
        // The held-out half is not ours to read: score the rest, say how many were left
        // out, and point its writers at the check that names them.
        println!(
            "WARNING: {} held-out documents skipped (missing or invalid truth file); their \
             writers can see which with `cargo xtask bench extract-blind {} --validate`",
            bad.len(),
            opts.half
        );
    }
    if docs.is_empty() {
        bail!("no documents in {}", root.display());
    }
    let target = crate::test::target_dir(ctx);
    let bin = match &opts.bin {
        Some(b) => ctx.root.join(b),
        None => target.join("release").join("bidwell"),
    };
    if opts.build {
        sh(ctx
            .cargo()
            .args(["build", "--release", "-p", "server", "--bin", "bidwell"]))?;
    } else if !bin.exists() {
        bail!(
            "{} does not exist: build it or drop --no-build",
            bin.display()
        );
    }
    let start = Instant::now();
    let mut scored = Vec::new();
    let mut failures = 0usize;
    for d in &docs {
        let out = match extract(&bin, &d.path, d.rfq.as_deref()) {
            Ok(v) => v,
            Err(e) => {
                failures += 1;
                if !private {
                    println!("  {}: extractor failed: {e:#}", d.name);
                }
                Value::Null
            }
        };
        scored.push(score::score(&d.truth, &out));
    }
    println!(
        "extracted {} documents in {}",
        docs.len(),
        crate::util::fmt_duration(start.elapsed())
    );
    let mut report = Report::new(&docs, &scored, failures);
    report.skipped = bad.len();
    report.print(&opts.half, private);
    if !private {
        print_documents(&docs, &scored, opts.detail);
    }
    let out_dir = target.join("blind");
    std::fs::create_dir_all(&out_dir)?;
    let path = out_dir.join(format!("{}.json", opts.half));
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&report.json(&opts.half))?,
    )
    .with_context(|| format!("writing {}", path.display()))?;
    println!("summary written to {}", path.display());
    Ok(Some(report))
}

/// A document whose truth is missing or invalid, and why.
type Invalid = (String, anyhow::Error);

/// The documents of one half and the names whose truth is missing or invalid.
fn collect(dir: &Path) -> Result<(Vec<Doc>, Vec<Invalid>)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    let mut docs = Vec::new();
    let mut bad = Vec::new();
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if name.starts_with('.')
            || name.ends_with(".truth.json")
            || name.ends_with(".rfq.json")
            // README.md / SOURCES.md describe the set; no document is Markdown
            || name.to_ascii_lowercase().ends_with(".md")
        {
            continue;
        }
        let stem = match name.rsplit_once('.') {
            Some((s, _)) => s.to_owned(),
            None => name.clone(),
        };
        let truth_path = dir.join(format!("{stem}.truth.json"));
        let truth = std::fs::read_to_string(&truth_path)
            .with_context(|| format!("no {stem}.truth.json"))
            .and_then(|t| serde_json::from_str::<Value>(&t).context("not JSON"));
        let truth = match truth {
            Ok(t) => t,
            Err(e) => {
                bad.push((name, e));
                continue;
            }
        };
        match score::validate_truth(&truth) {
            Ok(about) => {
                let rfq = dir.join(format!("{stem}.rfq.json"));
                docs.push(Doc {
                    name,
                    path,
                    truth,
                    about,
                    rfq: rfq.exists().then_some(rfq),
                })
            }
            Err(e) => bad.push((name, e)),
        }
    }
    Ok((docs, bad))
}

/// `bidwell extract --json FILE [--rfq RFQ]`, its first object. A run that takes more
/// than a minute is killed and counts as a failure.
fn extract(bin: &Path, file: &Path, rfq: Option<&Path>) -> Result<Value> {
    let mut cmd = Command::new(bin);
    cmd.arg("extract").arg("--json").arg(file);
    if let Some(r) = rfq {
        cmd.arg("--rfq").arg(r);
    }
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let mut stdout = child.stdout.take().context("no stdout")?;
    let mut stderr = child.stderr.take().context("no stderr")?;
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break st;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            bail!("timed out after 60 s");
        }
        // Polling a child process; nothing to block on but its exit.
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    // Exit 1 (no lines, or an error diagnostic) still prints the JSON.
    if !matches!(status.code(), Some(0) | Some(1)) {
        bail!(
            "exit {status}: {}",
            String::from_utf8_lossy(&err).lines().last().unwrap_or("")
        );
    }
    let v: Value = serde_json::from_slice(&out).context("stdout is not JSON")?;
    match v {
        Value::Array(mut a) if !a.is_empty() => Ok(a.swap_remove(0)),
        Value::Object(_) => Ok(v),
        _ => bail!("stdout is not a non-empty JSON array"),
    }
}

/// Counts per family for one group of documents.
#[derive(Clone, Copy, Default)]
struct Agg {
    docs: usize,
    all: Counts,
    fam: [Counts; 6],
    missed: u64,
    wrong: u64,
    extra: u64,
    wrong_prices: u64,
    no_lines: usize,
}

impl Agg {
    fn add(&mut self, d: &DocScore) {
        self.docs += 1;
        for f in &d.facts {
            self.all.add_outcome(f.outcome);
            let i = Family::ALL.iter().position(|x| *x == f.family).unwrap_or(0);
            self.fam[i].add_outcome(f.outcome);
            match f.outcome {
                Outcome::Missed => self.missed += 1,
                Outcome::Wrong => self.wrong += 1,
                Outcome::Extra => self.extra += 1,
                Outcome::Right => {}
            }
        }
        self.wrong_prices += d.wrong_prices.len() as u64;
        if d.output_lines == 0 && d.truth_lines > 0 {
            self.no_lines += 1;
        }
    }

    fn json(&self) -> Value {
        let mut fams = serde_json::Map::new();
        for (i, f) in Family::ALL.iter().enumerate() {
            fams.insert(f.name().into(), counts_json(&self.fam[i]));
        }
        json!({
            "documents": self.docs,
            "facts": counts_json(&self.all),
            "families": fams,
            "missed": self.missed, "wrong": self.wrong, "extra": self.extra,
            "wrong_prices": self.wrong_prices,
            "documents_without_lines": self.no_lines,
        })
    }
}

fn counts_json(c: &Counts) -> Value {
    json!({
        "tp": c.tp, "fp": c.fp, "fn": c.fn_,
        "precision": round3(c.precision()), "recall": round3(c.recall()), "f1": round3(c.f1()),
    })
}

// Printed statistics, not money.
#[allow(clippy::float_arithmetic)]
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The aggregates the bench prints and writes.
struct Report {
    total: Agg,
    formats: BTreeMap<String, Agg>,
    languages: BTreeMap<String, Agg>,
    classes: BTreeMap<u8, Agg>,
    real: Agg,
    synthetic: Agg,
    wrong_total: u64,
    wrong_confident: u64,
    scale_errors: u64,
    scale_flagged: u64,
    calibration: [(u64, u64); 4],
    /// Documents whose output had no lines: (all, with a diagnostic, truth has lines).
    no_lines: (usize, usize, usize),
    run_failures: usize,
    /// Held-out documents left out for a missing or invalid truth file.
    skipped: usize,
}

impl Report {
    fn new(docs: &[Doc], scored: &[DocScore], run_failures: usize) -> Report {
        let mut r = Report {
            total: Agg::default(),
            formats: BTreeMap::new(),
            languages: BTreeMap::new(),
            classes: BTreeMap::new(),
            real: Agg::default(),
            synthetic: Agg::default(),
            wrong_total: 0,
            wrong_confident: 0,
            scale_errors: 0,
            scale_flagged: 0,
            calibration: [(0, 0); 4],
            no_lines: (0, 0, 0),
            run_failures,
            skipped: 0,
        };
        for (d, s) in docs.iter().zip(scored) {
            r.total.add(s);
            r.formats.entry(d.about.format.clone()).or_default().add(s);
            r.languages
                .entry(d.about.language.clone())
                .or_default()
                .add(s);
            for c in &d.about.classes {
                r.classes.entry(*c).or_default().add(s);
            }
            if d.about.real {
                r.real.add(s)
            } else {
                r.synthetic.add(s)
            }
            for w in &s.wrong_prices {
                r.wrong_total += 1;
                if w.confidence >= 80 {
                    r.wrong_confident += 1;
                }
                if w.scale.is_some() {
                    r.scale_errors += 1;
                    if w.flagged {
                        r.scale_flagged += 1;
                    }
                }
            }
            for (i, (n, ok)) in s.calibration.iter().enumerate() {
                r.calibration[i].0 += n;
                r.calibration[i].1 += ok;
            }
            if s.output_lines == 0 {
                r.no_lines.0 += 1;
                if s.has_diagnostic {
                    r.no_lines.1 += 1;
                }
                if s.truth_lines > 0 {
                    r.no_lines.2 += 1;
                }
            }
        }
        r
    }

    fn fam(&self, f: Family) -> Counts {
        let i = Family::ALL.iter().position(|x| *x == f).unwrap_or(0);
        self.total.fam[i]
    }

    fn print(&self, half: &str, private: bool) {
        let t = &self.total;
        println!();
        println!("== blind extraction set: {half} ({} documents) ==", t.docs);
        if private {
            println!("(held-out: aggregates only)");
        }
        println!(
            "field facts       P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {}; missed {}, wrong {}, extra {})",
            t.all.precision(),
            t.all.recall(),
            t.all.f1(),
            t.all.tp,
            t.all.fp,
            t.all.fn_,
            t.missed,
            t.wrong,
            t.extra
        );
        println!();
        println!(
            "{:<20} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "family", "P", "R", "F1", "tp", "fp", "fn"
        );
        for (i, f) in Family::ALL.iter().enumerate() {
            row(f.name(), &t.fam[i]);
        }
        let group = |title: &str, m: &mut dyn Iterator<Item = (String, Agg)>| {
            println!();
            println!(
                "{:<20} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>5} {:>6} {:>6} {:>6} {:>6} {:>7}",
                title,
                "docs",
                "P",
                "R",
                "F1",
                "tp",
                "fp",
                "fn",
                "missed",
                "wrong",
                "extra",
                "wrong$",
                "nolines"
            );
            for (k, a) in m {
                println!(
                    "{:<20} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>5} {:>6} {:>6} {:>6} {:>6} {:>7}",
                    k,
                    a.docs,
                    a.all.precision(),
                    a.all.recall(),
                    a.all.f1(),
                    a.all.tp,
                    a.all.fp,
                    a.all.fn_,
                    a.missed,
                    a.wrong,
                    a.extra,
                    a.wrong_prices,
                    a.no_lines
                );
            }
        };
        group(
            "format",
            &mut self.formats.iter().map(|(k, a)| (k.clone(), *a)),
        );
        group(
            "language",
            &mut self.languages.iter().map(|(k, a)| (k.clone(), *a)),
        );
        group(
            "class (issue 9)",
            &mut self
                .classes
                .iter()
                .map(|(k, a)| (format!("{k} {}", class_name(*k)), *a)),
        );
        group(
            "source",
            &mut [
                ("real".to_owned(), self.real),
                ("synthetic".to_owned(), self.synthetic),
            ]
            .into_iter()
            .filter(|(_, a)| a.docs > 0),
        );
        println!();
        let b = self.fam(Family::Breaks);
        let tl = self.fam(Family::Tooling);
        let nb = self.fam(Family::NoBid);
        println!(
            "price-break F1    {:.3}   (P {:.3}, R {:.3})",
            b.f1(),
            b.precision(),
            b.recall()
        );
        println!(
            "tooling recall    {:.3}   ({} of {})",
            tl.recall(),
            tl.tp,
            tl.tp + tl.fn_
        );
        println!(
            "no-bid recall     {:.3}   ({} of {})",
            nb.recall(),
            nb.tp,
            nb.tp + nb.fn_
        );
        println!(
            "wrong unit prices {} in all, {} at confidence >= 80",
            self.wrong_total, self.wrong_confident
        );
        println!(
            "100x/1000x errors {} ({} flagged with price.basis_suspect)",
            self.scale_errors, self.scale_flagged
        );
        println!();
        println!("calibration (output break prices by line confidence)");
        println!(
            "{:<10} {:>7} {:>7} {:>7}",
            "bucket", "prices", "right", "share"
        );
        for (i, (n, ok)) in self.calibration.iter().enumerate() {
            let share = if *n == 0 {
                "-".to_owned()
            } else {
                format!(
                    "{:.3}",
                    Counts {
                        tp: *ok,
                        fp: n - ok,
                        fn_: 0
                    }
                    .precision()
                )
            };
            println!("{:<10} {:>7} {:>7} {:>7}", BUCKETS[i], n, ok, share);
        }
        println!();
        println!(
            "documents with no lines: {} ({} with a warning/error diagnostic; {} whose truth has lines)",
            self.no_lines.0, self.no_lines.1, self.no_lines.2
        );
        if self.run_failures > 0 {
            println!(
                "extractor runs that failed (crash, timeout, no JSON): {}",
                self.run_failures
            );
        }
    }

    fn json(&self, half: &str) -> Value {
        let map = |m: &BTreeMap<String, Agg>| -> Value {
            Value::Object(m.iter().map(|(k, a)| (k.clone(), a.json())).collect())
        };
        let b = self.fam(Family::Breaks);
        let tl = self.fam(Family::Tooling);
        let nb = self.fam(Family::NoBid);
        json!({
            "half": half,
            "overall": self.total.json(),
            "formats": map(&self.formats),
            "languages": map(&self.languages),
            "classes": Value::Object(self.classes.iter().map(|(k, a)| (k.to_string(), a.json())).collect()),
            "real": self.real.json(),
            "synthetic": self.synthetic.json(),
            "price_break_f1": round3(b.f1()),
            "tooling_recall": round3(tl.recall()),
            "no_bid_recall": round3(nb.recall()),
            "wrong_prices": {
                "total": self.wrong_total,
                "confidence_ge_80": self.wrong_confident,
                "scale_100_1000": self.scale_errors,
                "scale_flagged": self.scale_flagged,
            },
            "calibration": self.calibration.iter().enumerate().map(|(i, (n, ok))| json!({
                "bucket": BUCKETS[i], "prices": n, "right": ok,
            })).collect::<Vec<_>>(),
            "documents_without_lines": {
                "all": self.no_lines.0,
                "with_diagnostic": self.no_lines.1,
                "truth_has_lines": self.no_lines.2,
            },
            "run_failures": self.run_failures,
        })
    }
}

fn row(name: &str, c: &Counts) {
    println!(
        "{:<20} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}",
        name,
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    );
}

/// Issue 9's failure classes, short.
fn class_name(c: u8) -> &'static str {
    match c {
        1 => "layouts",
        2 => "price basis",
        3 => "tooling",
        4 => "break qtys",
        5 => "prose facts",
        6 => "columns",
        7 => "header terms",
        _ => "?",
    }
}

/// Dev only: one row per document, and with `detail` every fact that was not right.
fn print_documents(docs: &[Doc], scored: &[DocScore], detail: bool) {
    println!();
    println!(
        "{:<44} {:<5} {:<5} {:>5} {:>5} {:>4} {:>4} {:>4} {:>6}",
        "document", "fmt", "lang", "lines", "out", "tp", "fp", "fn", "F1"
    );
    for (d, s) in docs.iter().zip(scored) {
        let c = s.counts();
        println!(
            "{:<44} {:<5} {:<5} {:>5} {:>5} {:>4} {:>4} {:>4} {:>6.3}",
            d.name,
            d.about.format,
            d.about.language,
            s.truth_lines,
            s.output_lines,
            c.tp,
            c.fp,
            c.fn_,
            c.f1()
        );
    }
    if !detail {
        return;
    }
    for (d, s) in docs.iter().zip(scored) {
        let bad: Vec<_> = s
            .facts
            .iter()
            .filter(|f| f.outcome != Outcome::Right)
            .collect();
        println!();
        println!("--- {} ({} facts not right)", d.name, bad.len());
        for f in bad {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
            match f.outcome {
                Outcome::Missed => println!("  missed {:<44} truth {}", f.field, show(&f.truth)),
                Outcome::Extra => println!("  extra  {:<44} got   {}", f.field, show(&f.output)),
                Outcome::Wrong => println!(
                    "  wrong  {:<44} truth {}  got {}",
                    f.field,
                    show(&f.truth),
                    show(&f.output)
                ),
                Outcome::Right => {}
            }
        }
    }
}

// ---------------------------------------------------------------- floors (issue 13)

/// Where the floors live, relative to the workspace root.
pub const FLOORS: &str = "domain/testdata/blind/floors.json";

/// One half's floors from [`FLOORS`].
#[derive(Clone, Debug, PartialEq)]
struct Floor {
    min_documents: usize,
    field_f1: f64,
    price_break_f1: f64,
    tooling_recall: f64,
    no_bid_recall: f64,
    max_wrong_prices_conf_ge_80: u64,
}

/// What one scored half measured, for comparing with its [`Floor`].
#[derive(Clone, Debug, Default, PartialEq)]
struct Measured {
    documents: usize,
    skipped: usize,
    run_failures: usize,
    field: Counts,
    breaks: Counts,
    tooling: Counts,
    no_bid: Counts,
    wrong_confident: u64,
}

impl Measured {
    fn of(r: &Report) -> Measured {
        Measured {
            documents: r.total.docs,
            skipped: r.skipped,
            run_failures: r.run_failures,
            field: r.total.all,
            breaks: r.fam(Family::Breaks),
            tooling: r.fam(Family::Tooling),
            no_bid: r.fam(Family::NoBid),
            wrong_confident: r.wrong_confident,
        }
    }
}

/// Reads [`FLOORS`]: `{"halves": {HALF: {min_documents, field_f1, price_break_f1,
/// tooling_recall, no_bid_recall, max_wrong_prices_conf_ge_80}}}`. Every key is required.
fn parse_floors(text: &str) -> Result<Vec<(String, Floor)>> {
    let v: Value = serde_json::from_str(text).context("floors: not JSON")?;
    let halves = v
        .get("halves")
        .and_then(Value::as_object)
        .context("floors: no `halves` object")?;
    let mut out = Vec::new();
    for (half, f) in halves {
        let num = |k: &str| -> Result<f64> {
            let x = f
                .get(k)
                .and_then(Value::as_f64)
                .with_context(|| format!("floors: halves.{half}.{k} missing or not a number"))?;
            if !(0.0..=1.0).contains(&x) {
                bail!("floors: halves.{half}.{k} = {x} is not a ratio in 0..=1");
            }
            Ok(x)
        };
        let whole = |k: &str| -> Result<u64> {
            f.get(k)
                .and_then(Value::as_u64)
                .with_context(|| format!("floors: halves.{half}.{k} missing or not a whole number"))
        };
        let floor = Floor {
            min_documents: whole("min_documents")? as usize,
            field_f1: num("field_f1")?,
            price_break_f1: num("price_break_f1")?,
            tooling_recall: num("tooling_recall")?,
            no_bid_recall: num("no_bid_recall")?,
            max_wrong_prices_conf_ge_80: whole("max_wrong_prices_conf_ge_80")?,
        };
        if floor.min_documents == 0 {
            bail!("floors: halves.{half}.min_documents must be at least 1");
        }
        out.push((half.clone(), floor));
    }
    if out.is_empty() {
        bail!("floors: no half has floors");
    }
    Ok(out)
}

/// Every way `m` falls short of `f`, as sentences; empty when it holds. A ratio whose
/// denominator is zero (no document scored, no tooling or no-bid fact in the truth) is a
/// failure, not a vacuous 1.0.
// Comparing printed ratios, not money.
#[allow(clippy::float_arithmetic)]
fn floor_failures(half: &str, f: &Floor, m: &Measured) -> Vec<String> {
    let mut bad = Vec::new();
    if m.documents < f.min_documents {
        bad.push(format!(
            "{half}: {} documents scored, the floor is {}",
            m.documents, f.min_documents
        ));
    }
    if m.skipped > 0 {
        bad.push(format!(
            "{half}: {} documents left out for a missing or invalid truth file",
            m.skipped
        ));
    }
    if m.run_failures > 0 {
        bad.push(format!(
            "{half}: the extractor failed (crash, timeout, no JSON) on {} documents",
            m.run_failures
        ));
    }
    // Compared at the three digits the report prints, so a floor equal to a printed
    // figure holds.
    let r3 = |x: f64| (x * 1000.0).round() / 1000.0;
    let mut ratio = |name: &str, value: f64, denominator: u64, floor: f64| {
        if denominator == 0 {
            bad.push(format!("{half}: no {name} facts to measure (vacuous)"));
        } else if r3(value) < floor {
            bad.push(format!(
                "{half}: {name} {:.3} is below its floor {floor:.3}",
                value
            ));
        }
    };
    ratio(
        "field F1",
        m.field.f1(),
        m.field.tp + m.field.fp + m.field.fn_,
        f.field_f1,
    );
    ratio(
        "price-break F1",
        m.breaks.f1(),
        m.breaks.tp + m.breaks.fp + m.breaks.fn_,
        f.price_break_f1,
    );
    ratio(
        "tooling recall",
        m.tooling.recall(),
        m.tooling.tp + m.tooling.fn_,
        f.tooling_recall,
    );
    ratio(
        "no-bid recall",
        m.no_bid.recall(),
        m.no_bid.tp + m.no_bid.fn_,
        f.no_bid_recall,
    );
    if m.wrong_confident > f.max_wrong_prices_conf_ge_80 {
        bad.push(format!(
            "{half}: {} wrong unit prices at confidence >= 80, at most {} allowed",
            m.wrong_confident, f.max_wrong_prices_conf_ge_80
        ));
    }
    bad
}

/// Scores every half named in [`FLOORS`] with `bin` (never builds) and fails when an
/// aggregate is below its floor. Prints only aggregates.
pub fn check_floors(ctx: &Ctx, bin: &Path) -> Result<()> {
    let path = ctx.root.join(FLOORS);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let floors = parse_floors(&text).with_context(|| format!("in {}", path.display()))?;
    let root = ctx.root.join("domain/testdata/blind");
    let known = halves(&root)?;
    let mut bad = Vec::new();
    for (half, floor) in &floors {
        if !known.contains(half) {
            bad.push(format!("{half}: no such half in {}", root.display()));
            continue;
        }
        let opts = Options {
            half: half.clone(),
            detail: false,
            build: false,
            validate: false,
            bin: Some(bin.to_path_buf()),
        };
        let report = run_half(ctx, &opts, &known)?.context("scoring produced no report")?;
        let m = Measured::of(&report);
        let fails = floor_failures(half, floor, &m);
        if fails.is_empty() {
            println!(
                "floors hold for {half}: {} documents, field F1 {:.3} >= {:.3}, break F1 {:.3} >= {:.3}, \
                 tooling recall {:.3} >= {:.3}, no-bid recall {:.3} >= {:.3}, wrong prices at >= 80 {} <= {}",
                m.documents,
                m.field.f1(),
                floor.field_f1,
                m.breaks.f1(),
                floor.price_break_f1,
                m.tooling.recall(),
                floor.tooling_recall,
                m.no_bid.recall(),
                floor.no_bid_recall,
                m.wrong_confident,
                floor.max_wrong_prices_conf_ge_80
            );
        }
        bad.extend(fails);
    }
    if !bad.is_empty() {
        for b in &bad {
            println!("BELOW FLOOR: {b}");
        }
        bail!(
            "{} blind-set floors broken ({}): a change made extraction worse on documents it \
             was never tuned on, or the set changed; lower a floor only with a reason in the commit",
            bad.len(),
            FLOORS
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    fn known() -> Vec<String> {
        ["dev", "heldout", "heldout2"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    }

    #[test]
    fn per_document_detail_is_refused_for_the_held_out_half() {
        let k = known();
        assert!(parse(&args(&["heldout", "--detail"]), &k).is_err());
        assert!(parse(&args(&["heldout2", "--detail"]), &k).is_err());
        assert!(parse(&args(&["all", "--detail"]), &k).is_err());
        let dev = parse(&args(&["dev", "--detail"]), &k).unwrap();
        assert!(dev.detail && dev.build);
        let bin = parse(&args(&["--bin", "x/bidwell"]), &k).unwrap();
        assert_eq!(bin.half, "dev");
        assert!(!bin.build);
        assert_eq!(bin.bin, Some(PathBuf::from("x/bidwell")));
        assert!(parse(&args(&["--bin"]), &k).is_err());
        assert!(parse(&args(&["devv"]), &k).is_err());
    }

    #[test]
    fn any_folder_of_the_set_is_a_half_and_all_is_every_half() {
        let k = known();
        assert_eq!(parse(&args(&["heldout2"]), &k).unwrap().half, "heldout2");
        assert_eq!(
            parse(&args(&["heldout2", "--validate"]), &k).unwrap().half,
            "heldout2"
        );
        // A name that is not a folder of the set is refused, and the message lists the halves.
        let e = parse(&args(&["heldout3"]), &k).unwrap_err().to_string();
        assert!(e.contains("dev, heldout, heldout2, all"), "{e}");

        let dir = std::env::temp_dir().join(format!("blind-halves-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for d in ["dev", "heldout", "heldout2", "gen", ".hidden"] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
        }
        std::fs::write(dir.join("README.md"), "not a half").unwrap();
        let found = halves(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(found, vec!["dev", "heldout", "heldout2"]);
    }

    fn counts(tp: u64, fp: u64, fn_: u64) -> Counts {
        Counts { tp, fp, fn_ }
    }

    fn floor() -> Floor {
        Floor {
            min_documents: 40,
            field_f1: 0.5,
            price_break_f1: 0.4,
            tooling_recall: 0.3,
            no_bid_recall: 0.2,
            max_wrong_prices_conf_ge_80: 1,
        }
    }

    /// 40 documents; field F1 = 2*60/(120+20+20) = 0.75; breaks 2*8/(16+4+4) = 0.667;
    /// tooling recall 1/3 = 0.333; no-bid recall 1/4 = 0.25; one wrong confident price.
    fn measured() -> Measured {
        Measured {
            documents: 40,
            skipped: 0,
            run_failures: 0,
            field: counts(60, 20, 20),
            breaks: counts(8, 4, 4),
            tooling: counts(1, 0, 2),
            no_bid: counts(1, 0, 3),
            wrong_confident: 1,
        }
    }

    #[test]
    fn floors_hold_at_or_above_and_break_below() {
        assert!(floor_failures("h", &floor(), &measured()).is_empty());
        // A floor equal to the printed figure holds (0.333 printed for 1/3).
        let mut f = floor();
        f.tooling_recall = 0.333;
        assert!(floor_failures("h", &f, &measured()).is_empty());
        f.tooling_recall = 0.334;
        let bad = floor_failures("h", &f, &measured());
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(bad[0].contains("tooling recall 0.333"), "{bad:?}");

        let mut m = measured();
        m.wrong_confident = 2;
        m.field = counts(30, 45, 45); // F1 = 60/(60+45+45) = 0.4 < 0.5
        let bad = floor_failures("h", &floor(), &m);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(bad.iter().any(|b| b.contains("field F1 0.400")));
        assert!(bad.iter().any(|b| b.contains("2 wrong unit prices")));
    }

    #[test]
    fn floors_never_pass_vacuously() {
        // Nothing scored: every count is zero, every ratio 1.0 — and yet it fails.
        let empty = Measured::default();
        let bad = floor_failures("h", &floor(), &empty);
        assert!(
            bad.iter().any(|b| b.contains("0 documents scored")),
            "{bad:?}"
        );
        assert!(
            bad.iter().any(|b| b.contains("no field F1 facts")),
            "{bad:?}"
        );
        assert!(
            bad.iter().any(|b| b.contains("no tooling recall facts")),
            "{bad:?}"
        );
        // Fewer documents than recorded, documents skipped or failed runs fail too.
        let mut m = measured();
        m.documents = 39;
        m.skipped = 1;
        m.run_failures = 2;
        let bad = floor_failures("h", &floor(), &m);
        assert_eq!(bad.len(), 3, "{bad:?}");
        // The floors file must name every key and at least one half.
        assert!(parse_floors(r#"{"halves": {}}"#).is_err());
        assert!(parse_floors(r#"{"halves": {"h": {"min_documents": 3}}}"#).is_err());
        let ok = parse_floors(
            r#"{"halves": {"h": {"min_documents": 40, "field_f1": 0.5, "price_break_f1": 0.4,
                "tooling_recall": 0.3, "no_bid_recall": 0.2, "max_wrong_prices_conf_ge_80": 1}}}"#,
        )
        .unwrap();
        assert_eq!(ok, vec![("h".to_owned(), floor())]);
        assert!(parse_floors(
            r#"{"halves": {"h": {"min_documents": 0, "field_f1": 0.5, "price_break_f1": 0.4,
                "tooling_recall": 0.3, "no_bid_recall": 0.2, "max_wrong_prices_conf_ge_80": 1}}}"#,
        )
        .is_err());
        assert!(parse_floors(
            r#"{"halves": {"h": {"min_documents": 4, "field_f1": 95, "price_break_f1": 0.4,
                "tooling_recall": 0.3, "no_bid_recall": 0.2, "max_wrong_prices_conf_ge_80": 1}}}"#,
        )
        .is_err());
    }
}
