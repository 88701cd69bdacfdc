//! `cargo xtask bench extract-blind [dev|heldout|all] [--detail] [--no-build]`: scores
//! `bidwell extract --json` on the blind quote set in `domain/testdata/blind/` as
//! `domain/testdata/blind/README.md` (and issue 9) define it.
//!
//! Builds the release server, runs the extractor on every document of the chosen half
//! (with `--rfq NAME.rfq.json` when that file exists), scores each against
//! `NAME.truth.json` ([`score`]), prints the aggregates and writes them to
//! `target/blind/<half>.json` for CI floors. The held-out half is private to its writers:
//! for it (and for `all`) nothing names a document or shows a value, only counts.

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

const USAGE: &str = "usage: cargo xtask bench extract-blind [dev|heldout|all] [--detail] \
     [--no-build | --bin PATH] [--validate]";

/// Options of one run.
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

fn parse(args: &[String]) -> Result<Options> {
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
            "dev" | "heldout" | "all" => o.half = a.clone(),
            "--detail" => o.detail = true,
            "--no-build" => o.build = false,
            "--validate" => o.validate = true,
            other => bail!("unknown argument `{other}`\n{USAGE}"),
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
    let opts = parse(args)?;
    let root = ctx.root.join("domain/testdata/blind");
    let halves: Vec<&str> = match opts.half.as_str() {
        "all" => vec!["dev", "heldout"],
        h => vec![h],
    };
    let private = opts.half != "dev";
    let mut docs = Vec::new();
    let mut bad = Vec::new();
    for h in &halves {
        let dir = root.join(h);
        if !dir.is_dir() {
            println!(
                "blind set: {} does not exist (no {h} documents yet)",
                dir.display()
            );
            continue;
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
        return Ok(());
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
    let report = Report::new(&docs, &scored, failures);
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
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn per_document_detail_is_refused_for_the_held_out_half() {
        assert!(parse(&args(&["heldout", "--detail"])).is_err());
        assert!(parse(&args(&["all", "--detail"])).is_err());
        let dev = parse(&args(&["dev", "--detail"])).unwrap();
        assert!(dev.detail && dev.build);
        let bin = parse(&args(&["--bin", "x/bidwell"])).unwrap();
        assert_eq!(bin.half, "dev");
        assert!(!bin.build);
        assert_eq!(bin.bin, Some(PathBuf::from("x/bidwell")));
        assert!(parse(&args(&["--bin"])).is_err());
        assert!(parse(&args(&["devv"])).is_err());
    }
}
