//! Helpers: build editions, read the compiled document's text and pages, read the PDF.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use planpress::{Built, Config};
use typst::foundations::{NativeElement, Selector};
use typst::introspection::Introspector;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::model::HeadingElem;
use unicode_normalization::UnicodeNormalization;

pub const EDITION: &str = "content/miyamae-r2";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped edition, built once per test run.
pub fn shipped() -> &'static Built {
    built_once(&root().join(EDITION))
}

/// An edition that tests only read, built once per test run (the first test to
/// ask builds it; the others wait for it).
pub fn built_once(dir: &Path) -> &'static Built {
    type Cache = std::sync::Mutex<std::collections::HashMap<PathBuf, &'static OnceLock<Built>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cell = *CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap()
        .entry(dir.to_path_buf())
        .or_insert_with(|| Box::leak(Box::new(OnceLock::new())));
    cell.get_or_init(|| build(dir))
}

pub fn build(dir: &Path) -> Built {
    match planpress::build(&Config::new(dir)) {
        Ok(b) => b,
        Err(e) => panic!("build of {} failed:\n{e}", dir.display()),
    }
}

/// A fresh path in the tests' scratch folder: whatever stood there is removed.
pub fn tmp(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&p);
    let _ = std::fs::remove_file(&p);
    p
}

/// A fresh copy of the shipped edition in a scratch folder, to break or change.
pub fn scratch_edition(name: &str) -> PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join(EDITION), &dir);
    dir
}

/// Copy an edition folder's files.
pub fn copy_edition(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Edit one JSON file of an edition in place.
pub fn edit_json(dir: &Path, file: &str, f: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join(file);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

/// One run of text on a page, with its baseline position.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: Abs,
    pub y: Abs,
    pub text: String,
}

/// Every item of a frame and of the groups inside it, with the transform that
/// places its position on the page.
pub fn each_item(frame: &Frame, ts: Transform, f: &mut dyn FnMut(Transform, Point, &FrameItem)) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(g) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                each_item(&g.frame, ts, f);
            }
            _ => f(ts, *pos, item),
        }
    }
}

fn walk(
    frame: &Frame,
    ts: Transform,
    out: &mut Vec<Run>,
    glyph_check: &mut dyn FnMut(&typst::text::TextItem),
) {
    each_item(frame, ts, &mut |ts, pos, item| {
        if let FrameItem::Text(t) = item {
            glyph_check(t);
            let p = pos.transform(ts);
            out.push(Run {
                x: p.x,
                y: p.y,
                text: t.text.to_string(),
            });
        }
    });
}

/// The text runs of each page, in layout order, without the page footer.
pub fn page_runs(built: &Built) -> Vec<Vec<Run>> {
    built
        .document
        .pages()
        .iter()
        .map(|page| {
            let mut runs = Vec::new();
            walk(&page.frame, Transform::identity(), &mut runs, &mut |_| {});
            let footer_top = page.frame.height() - Abs::mm(20.0);
            runs.retain(|r| r.y < footer_top);
            runs
        })
        .collect()
}

/// Every text item of the document, footers included, for glyph checks.
pub fn for_each_text_item(built: &Built, mut f: impl FnMut(usize, &typst::text::TextItem)) {
    for (i, page) in built.document.pages().iter().enumerate() {
        let mut runs = Vec::new();
        walk(&page.frame, Transform::identity(), &mut runs, &mut |t| {
            f(i, t)
        });
    }
}

/// The text of each page, joined in layout order.
pub fn page_texts(built: &Built) -> Vec<String> {
    page_runs(built)
        .iter()
        .map(|runs| runs.iter().map(|r| r.text.as_str()).collect())
        .collect()
}

/// The lines of a page: runs grouped by baseline, each line's runs in x order.
pub fn page_lines(built: &Built, page: usize) -> Vec<String> {
    let mut runs = page_runs(built).swap_remove(page);
    runs.sort_by(|a, b| {
        a.y.partial_cmp(&b.y)
            .unwrap()
            .then(a.x.partial_cmp(&b.x).unwrap())
    });
    let mut lines: Vec<(Abs, String)> = Vec::new();
    for r in runs {
        match lines.last_mut() {
            Some((y, text)) if (r.y - *y).abs() < Abs::pt(2.0) => text.push_str(&r.text),
            _ => lines.push((r.y, r.text)),
        }
    }
    lines.into_iter().map(|(_, t)| t).collect()
}

/// The printed page label of each page ("" where the page has no number).
pub fn page_labels(built: &Built) -> Vec<String> {
    planpress::preview::page_labels(&built.document)
}

/// Every heading: (level, plain text, 0-based page index).
pub fn headings(built: &Built) -> Vec<(usize, String, usize)> {
    let intro = built.document.introspector();
    intro
        .query(&Selector::Elem(HeadingElem::ELEM, None))
        .iter()
        .map(|c| {
            let h = c.to_packed::<HeadingElem>().unwrap();
            let level = h.resolve_level(Default::default()).get();
            let page = intro.page(c.location().unwrap()).unwrap().get() - 1;
            (level, normalize(&h.body.plain_text()), page)
        })
        .collect()
}

/// As the shared fidelity check compares: NFKC, no white space, no bullets or dashes.
pub fn normalize(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !matches!(c, '・' | '-' | '‐' | '−' | '–' | '—'))
        .collect()
}

pub fn pdf(built: &Built) -> lopdf::Document {
    lopdf::Document::load_mem(&built.pdf).expect("the PDF parses")
}

/// A PDF text string (UTF-16BE with BOM, or PDFDocEncoding/ASCII).
pub fn pdf_string(obj: &lopdf::Object) -> String {
    let bytes = obj.as_str().expect("a string");
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// The PDF outline (bookmarks): (depth, title).
pub fn bookmarks(doc: &lopdf::Document) -> Vec<(usize, String)> {
    fn walk(
        doc: &lopdf::Document,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        out: &mut Vec<(usize, String)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            out.push((depth, pdf_string(item.get(b"Title").unwrap())));
            let child = item.get(b"First").ok().and_then(|o| o.as_reference().ok());
            walk(doc, child, depth + 1, out);
            next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        }
    }
    let catalog = doc.catalog().unwrap();
    let outlines = catalog.get(b"Outlines").unwrap().as_reference().unwrap();
    let first = doc
        .get_dictionary(outlines)
        .unwrap()
        .get(b"First")
        .ok()
        .and_then(|o| o.as_reference().ok());
    let mut out = Vec::new();
    walk(doc, first, 0, &mut out);
    out
}

/// Run the planpress binary.
pub fn planpress(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the planpress binary runs")
}

/// Compare `actual` with the committed snapshot at `path` (relative to the
/// repository), or write it when `SNAPSHOTS=overwrite`. A difference is described
/// by its first differing line.
pub fn snapshot(path: &str, actual: &str) -> Option<String> {
    let file = root().join(path);
    if std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite") {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, actual).unwrap();
        return None;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let (exp, act): (Vec<_>, Vec<_>) = (expected.lines().collect(), actual.lines().collect());
    let n = (0..exp.len().max(act.len()))
        .find(|&i| exp.get(i) != act.get(i))
        .unwrap_or(0);
    Some(format!(
        "{path} differs from what is generated now, first at line {}:\n- {}\n+ {}\n(if the change is intended, refresh with SNAPSHOTS=overwrite cargo test and read the diff)",
        n + 1,
        exp.get(n).unwrap_or(&"(end of file)"),
        act.get(n).unwrap_or(&"(end of file)"),
    ))
}

/// Scratch copies of the shipped edition (`r2`) and of the fictional next year
/// (`r3`) beside it, `r3` naming `r2` as its previous edition.
pub fn edition_pair(name: &str) -> (PathBuf, PathBuf) {
    let base = tmp(name);
    let r2 = base.join("r2");
    let r3 = base.join("r3");
    copy_edition(&root().join(EDITION), &r2);
    copy_edition(&root().join("tests/fixtures/fictional-r3"), &r3);
    edit_json(&r3, "edition.json", |v| v["previous"] = "r2".into());
    (r2, r3)
}

/// A workbook as a clerk might return it: the department id on 説明!B4, the
/// 目標 sheet's header, then what `fill` writes (row 1 is the first target).
pub fn returned_workbook(
    path: &Path,
    id: &str,
    fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet),
) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let info = wb.add_worksheet();
    info.set_name("説明").unwrap();
    info.write(3, 1, id).unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("目標").unwrap();
    for (c, h) in planpress::sheets::HEADER.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    fill(ws);
    wb.save(path).unwrap();
}

/// A target row: number, scene, text (result and status left empty).
pub fn target_row(ws: &mut rust_xlsxwriter::Worksheet, row: u32, scene: &str, text: &str) {
    ws.write(row, 0, row).unwrap();
    ws.write(row, 1, scene).unwrap();
    ws.write(row, 2, text).unwrap();
}

/// Run planpress, failing the test when it has not finished within `secs` (a
/// hang): both pipes are read meanwhile, so a full pipe never stops the child.
pub fn planpress_within(secs: u64, args: &[&str]) -> std::process::Output {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the planpress binary runs");
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = r.read_to_end(&mut s);
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("planpress {args:?} did not finish within {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// A named pipe at `path` (whatever stood there is removed).
#[cfg(unix)]
pub fn fifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success(), "mkfifo {}", path.display());
}

/// A fresh copy of the PDF's template files, to change for one test.
pub fn pdf_templates_copy(name: &str) -> std::path::PathBuf {
    let dir = tmp(name);
    std::fs::create_dir_all(&dir).unwrap();
    let files = std::fs::read_dir(root().join("templates")).unwrap();
    let names = files.map(|e| e.unwrap().file_name().into_string().unwrap());
    for file in names.filter(|n| n.ends_with(".typ") || n.ends_with(".typ.j2")) {
        std::fs::copy(root().join("templates").join(&file), dir.join(&file)).unwrap();
    }
    dir
}
