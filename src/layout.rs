//! The layout check: the stage between compile and export. It walks the laid-out
//! pages (Typst's frames) and refuses a document where text leaves its page's
//! text area (into a margin, over the page number) or prints over other text.
//!
//! The text area is what the layout declares: `style.typ` publishes its page
//! margins as `<planpress-text-area>` metadata, so no measure is written here.
//! The page furniture (footer, page number, draft line numbers, watermark) is
//! tagged as PDF artifacts by Typst and is not body text; it is skipped.
//! A line is measured as Typst sets it: from its cap height to its baseline.
//! Text must also stay inside a box drawn around it (boxes.rs), and a page that
//! only continues the previous one holds a few lines at least (sparse.rs).

use typst::foundations::{Label, Value};
use typst::introspection::{Introspector, Location, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::pdf::ArtifactElem;
use typst::text::TextItem;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

mod boxes;
mod overprint;
mod spacing;
mod sparse;

/// Layout faults: each names its page and item, and says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError(pub Vec<String>);

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "ページに収まらない箇所か、文字の重なる箇所があるため、PDF を作りませんでした（前に作った PDF があれば、そのまま残っています）:"
        )?;
        for m in &self.0 {
            writeln!(f, "- {m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LayoutError {}

/// How far (pt) text may reach past the text area before it counts.
const SLACK: f64 = 1.0;
/// At most this many faults are told per page, and in all.
const PER_PAGE: usize = 5;
const IN_ALL: usize = 30;

/// The page margins the layout declares (in pt): inside/outside swap on even pages.
struct Margins {
    top: f64,
    bottom: f64,
    inside: f64,
    outside: f64,
}

/// A run of body text on a page, in page coordinates.
struct Run {
    text: String,
    /// From the first to the last visible glyph.
    x0: Abs,
    x1: Abs,
    /// The glyphs' full height (ascender to descender), for overprint.
    y0: Abs,
    y1: Abs,
    /// The line as Typst sets it: cap height and baseline.
    cap: Abs,
    baseline: Abs,
    /// How far its first/last glyph may hang into the margin on purpose (Typst's
    /// optical margin alignment for - – — . , : ;).
    hang_left: Abs,
    hang_right: Abs,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fault {
    Bottom,
    Side,
    Top,
    Overprint,
    Boxed,
}

impl Fault {
    fn told(self, page: &str, item: &str) -> String {
        let runs = match self {
            Fault::Boxed => {
                return format!(
                    "{page}: {item} の文字が枠からはみ出しています。文章を短くしてください。直らないときは planpress の担当者に連絡してください"
                );
            }
            Fault::Bottom => "下の余白にはみ出しています",
            Fault::Side => "横の余白にはみ出しています",
            Fault::Top => "上の余白にはみ出しています",
            Fault::Overprint => {
                return format!(
                    "{page}: {item} がほかの文字と重なっています。内容ファイルの誤りではないかもしれません。ページの画像（planpress preview）を確かめ、planpress の担当者に連絡してください"
                );
            }
        };
        format!(
            "{page}: {item} がページに収まりません（{runs}）。文章を短くするか、項目を分けてください。直らないときは planpress の担当者に連絡してください"
        )
    }
}

/// Check every page. `label` gives a page's printed label and `name` the item a
/// line of text belongs to (「総務課 目標7」); both are asked only about faults.
/// A continuing page with one line is a fault; one with two is only told
/// (the warnings returned).
pub fn check(
    document: &PagedDocument,
    label: &dyn Fn(usize) -> String,
    name: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<String>, LayoutError> {
    let margins = margins(document).ok_or_else(|| {
        LayoutError(vec![
            "テンプレートの不具合です（内容ファイルの誤りではありません）: style.typ が本文の範囲（<planpress-text-area>）を一つだけ示していないため、ページに収まっているかを確かめられません。planpress の担当者に連絡してください".into(),
        ])
    })?;
    let (mut faults, mut thin) = (Vec::new(), Vec::new());
    let starting = sparse::starting(document);
    for (i, page) in document.pages().iter().enumerate() {
        let mut runs = Vec::new();
        body_runs(&page.frame, Transform::identity(), &mut runs);
        let (left, right) = if i % 2 == 0 {
            (margins.inside, margins.outside)
        } else {
            (margins.outside, margins.inside)
        };
        let slack = Abs::pt(SLACK);
        let top = Abs::pt(margins.top) - slack;
        let bottom = page.frame.height() - Abs::pt(margins.bottom) + slack;
        let (west, east) = (
            Abs::pt(left) - slack,
            page.frame.width() - Abs::pt(right) + slack,
        );
        let mut bad: Vec<(&Run, Fault)> = Vec::new();
        for r in &runs {
            let fault = if r.baseline > bottom {
                Fault::Bottom
            } else if r.x1 > east + r.hang_right || r.x0 < west - r.hang_left {
                Fault::Side
            } else if r.cap < top {
                Fault::Top
            } else {
                continue;
            };
            bad.push((r, fault));
        }
        bad.extend(
            overprint::overprinted(&runs)
                .into_iter()
                .map(|r| (r, Fault::Overprint)),
        );
        let boxed = boxes::outside_their_box(&page.frame);
        bad.extend(boxed.iter().map(|r| (r, Fault::Boxed)));
        let lines = sparse::lines(&runs);
        let sparse = lines < sparse::LEAST && !starting.contains(&i);
        if bad.is_empty() && !sparse {
            continue;
        }
        let page_name = page_name(&label(i), i);
        if sparse && lines <= 1 {
            faults.push(sparse::told(&page_name, lines));
        } else if sparse {
            thin.push(sparse::told(&page_name, lines));
        }
        faults.extend(describe(&page_name, &bad, name));
        if faults.len() >= IN_ALL {
            faults.truncate(IN_ALL);
            faults.push("ほかにもあります。上のものを直してから、もう一度作ってください".into());
            break;
        }
    }
    // A letter-spaced line or a word broken in a narrow column is told (注意),
    // not refused: every character is there and legible, and a clerk's unusual
    // text (an 80-letter word) must still print.
    thin.extend(spacing::faults(document, &|i| page_name(&label(i), i)));
    if faults.is_empty() {
        Ok(thin)
    } else {
        Err(LayoutError(faults))
    }
}

/// The faults of one page in the clerk's words: one per item, each item found
/// from a whole line of its text (single runs are too short to tell items apart).
fn describe(
    page: &str,
    bad: &[(&Run, Fault)],
    name: &dyn Fn(&str) -> Option<String>,
) -> Vec<String> {
    // (what is told, fault, whether it names an item)
    let mut told: Vec<(String, Fault, bool)> = Vec::new();
    for (line, fault) in lines(bad).into_iter().take(PER_PAGE * 10) {
        let named = (line.chars().count() >= 4).then(|| name(&line)).flatten();
        let (item, is_named) = match named {
            Some(item) => (item, true),
            None => (
                format!("「{}」", line.chars().take(20).collect::<String>()),
                false,
            ),
        };
        if !told.iter().any(|(i, f, _)| *i == item && *f == fault) {
            told.push((item, fault, is_named));
        }
    }
    // A fragment too short to name (a number, a lone word) is told only when no
    // item with the same fault was named on the page: it belongs to that item.
    let kept: Vec<_> = told
        .iter()
        .filter(|(item, fault, named)| {
            *named || item.chars().count() > 6 || !told.iter().any(|(_, f, n)| *n && f == fault)
        })
        .collect();
    let mut out: Vec<String> = kept
        .iter()
        .take(PER_PAGE)
        .map(|(item, fault, _)| fault.told(page, item))
        .collect();
    if kept.len() > PER_PAGE {
        out.push(format!(
            "{page}: このページにはほかに {} 件あります",
            kept.len() - PER_PAGE
        ));
    }
    out
}

/// Faulty runs joined into lines: runs of one fault on one baseline, left to right.
fn lines(bad: &[(&Run, Fault)]) -> Vec<(String, Fault)> {
    let mut sorted: Vec<_> = bad.to_vec();
    sorted.sort_by(|(a, _), (b, _)| {
        let key = |r: &Run| ((r.baseline.to_pt() / 2.0).round(), r.x0.to_pt());
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Vec<(String, Fault, Abs, Abs)> = Vec::new();
    for (r, fault) in sorted {
        match out.last_mut() {
            Some((text, f, y, x1))
                if *f == fault
                    && (r.baseline - *y).abs() < Abs::pt(2.0)
                    && r.x0 - *x1 < Abs::pt(6.0) =>
            {
                text.push_str(&r.text);
                *x1 = r.x1;
            }
            _ => out.push((r.text.clone(), fault, r.baseline, r.x1)),
        }
    }
    out.into_iter().map(|(t, f, _, _)| (t, f)).collect()
}

/// A page as a clerk finds it: by its printed label (`label`, empty when the page
/// carries none), else as the cover or by its place.
fn page_name(label: &str, i: usize) -> String {
    match Some(label).filter(|l| !l.is_empty()) {
        Some(l) => format!("{l}ページ"),
        None if i == 0 => "表紙".into(),
        None => format!("{}枚目（ページ番号のないページ）", i + 1),
    }
}

/// The margins `style.typ` declares as `<planpress-text-area>` metadata (once).
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
fn body_runs(frame: &Frame, ts: Transform, out: &mut Vec<Run>) {
    each_item(frame, ts, &mut |item, pos, ts, furniture| {
        if let FrameItem::Text(t) = item
            && !furniture
        {
            out.extend(run(t, pos, ts));
        }
    });
}

/// Every item of a frame, groups entered, with its position, the transform to
/// the page, and whether it is page furniture (inside an artifact: running
/// heads, page numbers).
pub(crate) fn each_item(
    frame: &Frame,
    ts: Transform,
    f: &mut dyn FnMut(&FrameItem, Point, Transform, bool),
) {
    fn go(
        frame: &Frame,
        ts: Transform,
        artifacts: &mut Vec<Option<Location>>,
        f: &mut dyn FnMut(&FrameItem, Point, Transform, bool),
    ) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(g) => {
                    let ts = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(g.transform);
                    go(&g.frame, ts, artifacts, f);
                }
                FrameItem::Tag(Tag::Start(content, _)) if content.is::<ArtifactElem>() => {
                    artifacts.push(content.location());
                }
                FrameItem::Tag(Tag::End(loc, ..)) => {
                    if let Some(i) = artifacts.iter().rposition(|a| *a == Some(*loc)) {
                        artifacts.remove(i);
                    }
                }
                _ => f(item, *pos, ts, !artifacts.is_empty()),
            }
        }
    }
    go(frame, ts, &mut Vec::new(), f);
}

/// How far Typst lets a character hang into the margin (typst-layout's
/// `overhang`), as a share of its advance.
fn hang(c: char) -> f64 {
    match c {
        '–' | '—' => 0.2,
        '-' | '\u{ad}' => 0.55,
        '.' | ',' => 0.8,
        ':' | ';' => 0.3,
        _ => 0.0,
    }
}

/// A glyph's ink box in font units. The font parses the glyph's outline for it,
/// and a page sets the same few glyphs first and last in its runs: each is
/// parsed once per thread.
fn glyph_box(font: &typst::text::FontInstance, id: u16) -> Option<ttf_parser::Rect> {
    use std::collections::HashMap;
    thread_local! {
        static BOXES: std::cell::RefCell<HashMap<(u128, u16), Option<ttf_parser::Rect>>> =
            std::cell::RefCell::new(HashMap::new());
    }
    // A font's hash is computed once and kept with it.
    let key = (typst::utils::hash128(font), id);
    BOXES.with_borrow_mut(|boxes| {
        *(boxes.entry(key))
            .or_insert_with(|| font.ttf().glyph_bounding_box(ttf_parser::GlyphId(id)))
    })
}

/// A text item's box: from its first to its last visible glyph (blank glyphs,
/// such as a trailing ideographic space, may hang past the edge unseen). None for
/// a run of blanks.
fn run(t: &TextItem, pos: Point, ts: Transform) -> Option<Run> {
    // The glyph's ink, where the font gives it: a justified line widens advances
    // with blank space, and trimmed punctuation (「 at a line's start) is drawn
    // shifted by its offset. Only the first and last visible glyphs matter.
    let ink = |g: &typst::text::Glyph, x: Abs| {
        let advance = g.x_advance.at(t.size);
        let at = x + g.x_offset.at(t.size);
        glyph_box(&t.font, g.id).map_or((x, x + advance), |b| {
            (
                at + t.font.to_em(b.x_min).at(t.size),
                at + t.font.to_em(b.x_max).at(t.size),
            )
        })
    };
    let mut x = Abs::zero();
    let mut first: Option<(Abs, Abs)> = None;
    let mut last: Option<(&typst::text::Glyph, Abs)> = None;
    let mut hang_right = Abs::zero();
    for g in &t.glyphs {
        let advance = g.x_advance.at(t.size);
        let text = t.text.get(g.range()).unwrap_or("");
        if !text.chars().all(char::is_whitespace) {
            let c = text.chars().next().unwrap_or(' ');
            if first.is_none() {
                first = Some((ink(g, x).0, advance * hang(c)));
            }
            last = Some((g, x));
            hang_right = advance * hang(text.chars().last().unwrap_or(' '));
        }
        x += advance;
    }
    let to = last.map_or(Abs::zero(), |(g, x)| ink(g, x).1);
    let (from, hang_left) = first?;
    let metrics = t.font.metrics();
    let at = |dx: Abs, dy: Abs| Point::new(pos.x + dx, pos.y + dy).transform(ts);
    let asc = -metrics.ascender.at(t.size);
    let desc = -metrics.descender.at(t.size);
    let corners = [at(from, asc), at(to, asc), at(from, desc), at(to, desc)];
    let min = |v: [Abs; 4]| v.into_iter().fold(Abs::inf(), Abs::min);
    let max = |v: [Abs; 4]| v.into_iter().fold(-Abs::inf(), Abs::max);
    Some(Run {
        text: t.text.to_string(),
        x0: min(corners.map(|p| p.x)),
        x1: max(corners.map(|p| p.x)),
        y0: min(corners.map(|p| p.y)),
        y1: max(corners.map(|p| p.y)),
        cap: at(from, -metrics.cap_height.at(t.size)).y,
        baseline: at(from, Abs::zero()).y,
        hang_left,
        hang_right,
    })
}
