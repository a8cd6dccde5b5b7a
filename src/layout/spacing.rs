//! The layout check's spacing rules, measured as a reader (and the shared PDF
//! checker) sees the printed characters: each glyph as wide as the font draws
//! it, so what justification or typed spaces add shows as a gap between glyphs.
//! - letter-spaced: a line whose Japanese characters stand apart (gaps of more
//!   than 0.35 em on average: 「一　部　達　成」);
//! - a narrow line (under 160 pt) broken inside a katakana word or a run of
//!   full-width letters (支援セ／ンター, ＮＰ／Ｏ), or leaving one character alone
//!   on the line under it (反／映).

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::text::TextItem;
use typst_layout::PagedDocument;

/// Mean gap (em) between Japanese characters above which a line is letter-spaced.
const SPACED: f64 = 0.35;
/// A line narrower than this (pt) is in a narrow column.
const NARROW: f64 = 160.0;
/// A gap wider than this (em) between two glyphs on a baseline starts another
/// line, as PDF text extraction (MuPDF) splits it: another column or cell.
const BREAK: f64 = 0.8;
/// Text this large (a watermark, cover art) is not checked.
const LARGE: f64 = 30.0;

/// One printed character.
struct Glyph {
    c: char,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    baseline: f64,
    size: f64,
}

/// A horizontal rule (a table's row line): from x0 to x1 at y.
struct Rule {
    x0: f64,
    x1: f64,
    y: f64,
}

/// What a page prints: its characters and its horizontal rules.
#[derive(Default)]
struct Page {
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
}

/// The spacing faults of every page, told with the page's printed label.
pub fn faults(document: &PagedDocument, page_name: &dyn Fn(usize) -> String) -> Vec<String> {
    let mut out = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        let mut printed = Page::default();
        walk(&page.frame, &mut printed);
        let found = page_faults(&lines(printed.glyphs), &printed.rules);
        if !found.is_empty() {
            let name = page_name(i);
            out.extend(found.into_iter().map(|f| format!("{name}: {f}")));
        }
    }
    out
}

fn cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Characters of one word that a line must not part: katakana, full-width Latin.
fn word(c: char) -> bool {
    (matches!(c, '\u{30a0}'..='\u{30ff}' | '\u{ff66}'..='\u{ff9f}') && c != '・')
        || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

fn text(line: &[Glyph]) -> String {
    line.iter().map(|g| g.c).collect()
}

fn left(l: &[Glyph]) -> f64 {
    l.iter().map(|g| g.x0).fold(f64::INFINITY, f64::min)
}
fn right(l: &[Glyph]) -> f64 {
    l.iter().map(|g| g.x1).fold(f64::NEG_INFINITY, f64::max)
}
fn top(l: &[Glyph]) -> f64 {
    l.iter().map(|g| g.y0).fold(f64::INFINITY, f64::min)
}
fn bottom(l: &[Glyph]) -> f64 {
    l.iter().map(|g| g.y1).fold(f64::NEG_INFINITY, f64::max)
}
fn size(l: &[Glyph]) -> f64 {
    l.iter().map(|g| g.size).fold(0.0, f64::max)
}

/// A line's extent, computed once (the checks below compare every pair of lines).
struct Extent {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    size: f64,
    baseline: f64,
}

impl Extent {
    fn of(l: &[Glyph]) -> Self {
        Extent {
            left: left(l),
            right: right(l),
            top: top(l),
            bottom: bottom(l),
            size: size(l),
            baseline: l[0].baseline,
        }
    }
}

/// The faults of one page's lines.
fn page_faults(lines: &[Vec<Glyph>], rules: &[Rule]) -> Vec<String> {
    let mut out = Vec::new();
    let extents: Vec<Extent> = lines.iter().map(|l| Extent::of(l)).collect();
    // Lines of one column, `a` directly above `b`, with no rule between (a line
    // in the next row of a table, or a table under a caption, is not the same
    // text's next line). `a`'s own underline (a change mark) is no rule. The
    // rules are looked at only for lines that stand so (a page has many).
    let follows = |a: &Extent, b: &Extent| {
        let gap = b.top - a.bottom;
        let stands = (b.left - a.left).abs() < a.size * 2.5 && gap > -0.5 && gap < a.size * 1.2;
        stands
            && !rules.iter().any(|r| {
                let underline =
                    r.x0 > a.left - 1.5 && r.x1 < a.right + 1.5 && r.y - a.baseline < 4.0;
                r.y > a.baseline
                    && r.y < b.top + 1.0
                    && r.x0 < a.right.max(b.right)
                    && r.x1 > a.left.min(b.left)
                    && !underline
            })
    };
    let under = |i: usize| (0..lines.len()).find(|&m| follows(&extents[i], &extents[m]));
    let over = |i: usize| (0..lines.len()).find(|&p| follows(&extents[p], &extents[i]));
    for (i, line) in lines.iter().enumerate() {
        let narrow = extents[i].right - extents[i].left < NARROW;
        if let (true, Some(next)) = (narrow, under(i).map(|m| &lines[m])) {
            let (a, b) = (line[line.len() - 1].c, next[0].c);
            if word(a) && word(b) {
                out.push(format!(
                    "狭い欄で「{}／{}」と、語の途中で改行されています。語が欄に収まらないためです。planpress の担当者に連絡してください（欄の幅か語の扱いを直します）",
                    text(line),
                    text(next)
                ));
            }
        }
        if narrow
            && line.len() == 1
            && cjk(line[0].c)
            && under(i).is_none()
            && let Some(prev) = over(i).map(|p| &lines[p])
        {
            out.push(format!(
                "狭い欄で「{}／{}」と、1 文字だけが次の行に送られています。文章を少し変えるか、planpress の担当者に連絡してください",
                text(prev),
                text(line)
            ));
        }
        if let Some(gap) = spaced(line) {
            out.push(format!(
                "「{}」の文字の間が空きすぎています（平均 {gap:.2} 字分）。行の文字が両端にそろえて広げられたか、全角スペースが多いためです。全角スペースを減らすか文章を少し変えてください。直らないときは planpress の担当者に連絡してください",
                text(line).chars().take(30).collect::<String>()
            ));
        }
    }
    out
}

/// The mean gap (em) between neighbouring Japanese characters of a line, when it
/// is letter-spaced. Blanks are not characters: a typed space counts as a gap.
fn spaced(line: &[Glyph]) -> Option<f64> {
    if line.iter().filter(|g| cjk(g.c)).count() < 3 || size(line) >= 14.0 {
        return None;
    }
    let gaps: Vec<f64> = line
        .windows(2)
        .filter(|w| cjk(w[0].c) && cjk(w[1].c))
        .map(|w| (w[1].x0 - w[0].x1) / w[0].size)
        .collect();
    let mean = gaps.iter().sum::<f64>() / gaps.len().max(1) as f64;
    (!gaps.is_empty() && mean > SPACED).then_some(mean)
}

/// The page's characters in lines: on one baseline, left to right, a line ending
/// where the next character stands more than `BREAK` away (a typed space is a
/// character: it fills its gap).
fn lines(mut glyphs: Vec<Glyph>) -> Vec<Vec<Glyph>> {
    glyphs.sort_by(|a, b| {
        ((a.baseline * 2.0).round(), a.x0)
            .partial_cmp(&((b.baseline * 2.0).round(), b.x0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match out.last_mut() {
            Some(l)
                if (l[0].baseline - g.baseline).abs() < 1.0
                    && g.x0 - l[l.len() - 1].x1 <= BREAK * g.size =>
            {
                l.push(g)
            }
            _ => out.push(vec![g]),
        }
    }
    out.retain(|l| l.iter().any(|g| !g.c.is_whitespace()));
    for l in &mut out {
        l.retain(|g| !g.c.is_whitespace());
    }
    out
}

/// The printed characters of a frame that are not page furniture (artifacts),
/// and its horizontal rules (a table's, wherever drawn).
fn walk(frame: &Frame, out: &mut Page) {
    super::each_item(
        frame,
        Transform::identity(),
        &mut |item, pos, ts, furniture| match item {
            FrameItem::Text(t) if !furniture => glyphs(t, pos, ts, &mut out.glyphs),
            FrameItem::Shape(shape, _) => {
                if let typst::visualize::Geometry::Line(to) = shape.geometry {
                    let (a, b) = (pos.transform(ts), (pos + to).transform(ts));
                    if (a.y - b.y).to_pt().abs() < 0.5 {
                        out.rules.push(Rule {
                            x0: a.x.to_pt().min(b.x.to_pt()),
                            x1: a.x.to_pt().max(b.x.to_pt()),
                            y: a.y.to_pt(),
                        });
                    }
                }
            }
            _ => {}
        },
    );
}

/// A text item's characters, each as wide as its glyph's own advance (the
/// width a PDF gives it), placed where the line sets it. Rotated text is skipped.
fn glyphs(t: &TextItem, pos: Point, ts: Transform, out: &mut Vec<Glyph>) {
    let size = t.size.to_pt() * ts.sy.get().abs();
    if ts.ky.get().abs() > 0.01 || ts.kx.get().abs() > 0.01 || size > LARGE {
        return;
    }
    let m = t.font.metrics();
    let mut x = Abs::zero();
    for g in &t.glyphs {
        let text = t.text.get(g.range()).unwrap_or("");
        let natural = (t.font.ttf().glyph_hor_advance(ttf_parser::GlyphId(g.id)))
            .map_or(g.x_advance.at(t.size), |a| t.font.to_em(a).at(t.size));
        let at = |dx: Abs, dy: Abs| Point::new(pos.x + dx, pos.y + dy).transform(ts);
        let start = x + g.x_offset.at(t.size);
        let (a, b) = (at(start, Abs::zero()), at(start + natural, Abs::zero()));
        let asc = at(start, -m.ascender.at(t.size)).y.to_pt();
        let desc = at(start, -m.descender.at(t.size)).y.to_pt();
        for c in text.chars().take(1) {
            out.push(Glyph {
                c,
                x0: a.x.to_pt().min(b.x.to_pt()),
                x1: a.x.to_pt().max(b.x.to_pt()),
                y0: asc.min(desc),
                y1: asc.max(desc),
                baseline: a.y.to_pt(),
                size,
            });
        }
        x += g.x_advance.at(t.size);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str, gap: f64) -> Vec<Glyph> {
        let mut x = 0.0;
        s.chars()
            .map(|c| {
                let g = Glyph {
                    c,
                    x0: x,
                    x1: x + 9.0,
                    y0: 0.0,
                    y1: 9.0,
                    baseline: 8.0,
                    size: 9.0,
                };
                x += 9.0 + gap;
                g
            })
            .collect()
    }

    #[test]
    fn justified_stretch_is_not_letter_spacing() {
        assert!(spaced(&line("区民の声を聞きます", 0.5)).is_none());
        assert!(spaced(&line("一部達成", 4.0)).is_some());
    }
}
