//! The layout check: the stage between compile and export. It walks the laid-out
//! pages (Typst's frames) and refuses a document where text leaves its page's
//! text area (into a margin, over the page number) or prints over other text.
//!
//! The text area is what the layout declares: `style.typ` publishes its page
//! margins as `<planpress-text-area>` metadata, so no measure is written here.
//! The page furniture (footer, page number, draft line numbers, watermark) is
//! tagged as PDF artifacts by Typst and is not body text; it is skipped.

use std::collections::HashMap;

use typst::foundations::{Label, Value};
use typst::introspection::{Introspector, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::pdf::ArtifactElem;
use typst::text::TextItem;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// Layout faults: each names its page and item, and says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError(pub Vec<String>);

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "ページに収まらない箇所があるため、PDF を作りませんでした（前の PDF はそのまま残しています）:"
        )?;
        for m in &self.0 {
            writeln!(f, "- {m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LayoutError {}

/// How far (pt) text may reach past the text area before it counts (glyph
/// outlines can overshoot their line box a little).
const TOLERANCE: f64 = 1.5;

/// The page margins the layout declares (in pt): inside/outside swap on even pages.
struct Margins {
    top: f64,
    bottom: f64,
    inside: f64,
    outside: f64,
}

/// A run of body text on a page, as a box in page coordinates.
struct Run {
    text: String,
    /// How far the run may protrude sideways: Typst hangs punctuation at a line's
    /// ends into the margin on purpose (optical margin alignment), by up to half
    /// an em.
    overhang: Abs,
    x0: Abs,
    y0: Abs,
    x1: Abs,
    y1: Abs,
}

/// Check every page. `name` finds the item a run of text belongs to (「総務課 目標7」).
pub fn check(
    document: &PagedDocument,
    labels: &[String],
    name: &dyn Fn(&str) -> Option<String>,
) -> Result<(), LayoutError> {
    let Some(margins) = margins(document) else {
        return Ok(());
    };
    let mut faults = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        let mut runs = Vec::new();
        body_runs(
            &page.frame,
            Transform::identity(),
            &mut Vec::new(),
            &mut runs,
        );
        let (w, h) = (page.frame.width(), page.frame.height());
        let (left, right) = if i % 2 == 0 {
            (margins.inside, margins.outside)
        } else {
            (margins.outside, margins.inside)
        };
        let slack = Abs::pt(TOLERANCE);
        let area = (
            Abs::pt(left) - slack,
            Abs::pt(margins.top) - slack,
            w - Abs::pt(right) + slack,
            h - Abs::pt(margins.bottom) + slack,
        );
        let mut bad: Vec<(&Run, &str)> = Vec::new();
        for r in &runs {
            let place = if r.y1 > area.3 {
                "下の余白（ページ番号の欄）にはみ出しています"
            } else if r.x1 > area.2 + r.overhang || r.x0 < area.0 - r.overhang {
                "横の余白にはみ出しています"
            } else if r.y0 < area.1 {
                "上の余白にはみ出しています"
            } else {
                continue;
            };
            bad.push((r, place));
        }
        bad.extend(
            overprinted(&runs)
                .into_iter()
                .map(|r| (r, "ほかの文字と重なっています")),
        );
        faults.extend(describe(&page_name(labels, i), &bad, name));
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(LayoutError(faults))
    }
}

/// At most this many faults are told per page (the first ones point the way).
const PER_PAGE: usize = 5;

/// The faults of one page in the clerk's words: one per item, each item found
/// from a whole line of its text (single runs are too short to tell items apart).
fn describe(
    page: &str,
    bad: &[(&Run, &str)],
    name: &dyn Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mut told: Vec<(String, &str)> = Vec::new();
    for (line, place) in lines(bad) {
        let item = if line.chars().count() >= 4 {
            name(&line)
        } else {
            None
        };
        let item =
            item.unwrap_or_else(|| format!("「{}」", line.chars().take(20).collect::<String>()));
        if !told.iter().any(|(i, _)| *i == item) {
            told.push((item, place));
        }
    }
    // Lines too short to name an item are told only when nothing else was.
    let named: Vec<_> = told
        .iter()
        .filter(|(i, _)| !i.starts_with('「'))
        .cloned()
        .collect();
    let told = if named.is_empty() { told } else { named };
    let mut out: Vec<String> = told
        .iter()
        .take(PER_PAGE)
        .map(|(item, place)| format!(
            "{page}: {item} がページに収まりません（{place}）。文章を短くするか、項目を分けてください。直らないときは planpress の担当者に連絡してください"
        ))
        .collect();
    if told.len() > PER_PAGE {
        out.push(format!("{page}: ほかに {} 件", told.len() - PER_PAGE));
    }
    out
}

/// Faulty runs joined into lines (runs on one baseline, left to right).
fn lines<'a>(bad: &[(&Run, &'a str)]) -> Vec<(String, &'a str)> {
    let mut sorted: Vec<_> = bad.to_vec();
    sorted.sort_by(|(a, _), (b, _)| {
        (a.y1.to_pt(), a.x0.to_pt())
            .partial_cmp(&(b.y1.to_pt(), b.x0.to_pt()))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Vec<(String, &str, Abs, Abs)> = Vec::new();
    for (r, place) in sorted {
        match out.last_mut() {
            Some((text, p, y, x1))
                if *p == place && (r.y1 - *y).abs() < Abs::pt(2.0) && r.x0 - *x1 < Abs::pt(6.0) =>
            {
                text.push_str(&r.text);
                *x1 = r.x1;
            }
            _ => out.push((r.text.clone(), place, r.y1, r.x1)),
        }
    }
    out.into_iter().map(|(t, p, _, _)| (t, p)).collect()
}

fn page_name(labels: &[String], i: usize) -> String {
    match labels.get(i).filter(|l| !l.is_empty()) {
        Some(l) => format!("{l}ページ"),
        None if i == 0 => "表紙".into(),
        None => format!("{}枚目（ページ番号のないページ）", i + 1),
    }
}

/// The margins `style.typ` declares as `<planpress-text-area>` metadata.
fn margins(document: &PagedDocument) -> Option<Margins> {
    let label = Label::new(PicoStr::intern("planpress-text-area"))?;
    let content = document.introspector().query_label(label).ok()?;
    let meta = content.to_packed::<typst::introspection::MetadataElem>()?;
    let Value::Dict(d) = &meta.value else {
        return None;
    };
    let get = |k: &str| match d.get(k).ok()? {
        Value::Float(f) => Some(*f),
        Value::Int(n) => Some(*n as f64),
        _ => None,
    };
    Some(Margins {
        top: get("top")?,
        bottom: get("bottom")?,
        inside: get("inside")?,
        outside: get("outside")?,
    })
}

/// The text runs of a frame that are not page furniture (artifacts).
fn body_runs(frame: &Frame, ts: Transform, artifacts: &mut Vec<u128>, out: &mut Vec<Run>) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(g) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                body_runs(&g.frame, ts, artifacts, out);
            }
            FrameItem::Tag(Tag::Start(content, _)) if content.is::<ArtifactElem>() => {
                artifacts.push(content.location().map_or(0, |l| l.hash()));
            }
            FrameItem::Tag(Tag::End(loc, ..)) => {
                if let Some(i) = artifacts.iter().rposition(|a| *a == loc.hash()) {
                    artifacts.remove(i);
                }
            }
            FrameItem::Text(t) if artifacts.is_empty() => out.extend(run(t, *pos, ts)),
            _ => {}
        }
    }
}

/// A text item's box: from its first to its last visible glyph (blank glyphs,
/// such as a trailing ideographic space, may hang past the edge unseen), from its
/// font's ascender to its descender. None for a run of blanks.
fn run(t: &TextItem, pos: Point, ts: Transform) -> Option<Run> {
    let mut x = Abs::zero();
    let (mut from, mut to) = (None, Abs::zero());
    for g in &t.glyphs {
        let advance = g.x_advance.at(t.size);
        let blank = t
            .text
            .get(g.range())
            .is_none_or(|s| s.chars().all(char::is_whitespace));
        if !blank {
            from.get_or_insert(x);
            to = x + advance;
        }
        x += advance;
    }
    let from = from?;
    let metrics = t.font.metrics();
    let top = pos.y - metrics.ascender.at(t.size);
    let bottom = pos.y - metrics.descender.at(t.size);
    let corners = [
        Point::new(pos.x + from, top),
        Point::new(pos.x + to, top),
        Point::new(pos.x + from, bottom),
        Point::new(pos.x + to, bottom),
    ]
    .map(|p| p.transform(ts));
    let xs = corners.map(|p| p.x);
    let ys = corners.map(|p| p.y);
    let min = |v: [Abs; 4]| v.into_iter().fold(Abs::inf(), Abs::min);
    let max = |v: [Abs; 4]| v.into_iter().fold(-Abs::inf(), Abs::max);
    Some(Run {
        text: t.text.to_string(),
        overhang: t.size * 0.5,
        x0: min(xs),
        y0: min(ys),
        x1: max(xs),
        y1: max(ys),
    })
}

/// Runs drawn over another run: their boxes share more than a sliver (a fifth of
/// the smaller line's height), which neighbours on a line or in a column never do.
fn overprinted(runs: &[Run]) -> Vec<&Run> {
    // Bucket runs by 20 pt bands of height, so only nearby runs are compared.
    let band = |y: Abs| (y.to_pt() / 20.0).floor() as i64;
    let mut bands: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, r) in runs.iter().enumerate() {
        for b in band(r.y0)..=band(r.y1) {
            bands.entry(b).or_default().push(i);
        }
    }
    let mut hit = vec![false; runs.len()];
    for ids in bands.values() {
        for (k, &i) in ids.iter().enumerate() {
            for &j in &ids[k + 1..] {
                let (a, b) = (&runs[i], &runs[j]);
                let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
                let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
                let h = (a.y1 - a.y0).min(b.y1 - b.y0);
                if dx > h * 0.2 && dy > h * 0.2 {
                    hit[j] = true;
                }
            }
        }
    }
    runs.iter()
        .zip(hit)
        .filter(|(_, h)| *h)
        .map(|(r, _)| r)
        .collect()
}
