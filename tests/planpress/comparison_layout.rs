//! The 新旧対照表 as laid out, read from its pages: no line spread apart, each
//! side's text from the top of its row, a table's rows as a real table whose
//! underlines stand under the changed characters of the changed cell only.

use std::path::Path;

use planpress::pipeline::Compared;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

use crate::doc::*;

const OLD: &str = "tests/fixtures/full-model";
const NEXT: &str = "tests/fixtures/full-model-next";

/// A glyph as printed: its text, left and right edge, baseline, size, and how
/// far (in em) it is set wider than its font draws it (justification, or the
/// quarter em between Japanese and Latin), and the next glyph of its run.
pub struct Glyph {
    pub text: String,
    pub x0: Abs,
    pub x1: Abs,
    pub y: Abs,
    pub size: Abs,
    pub stretch: f64,
    pub next: Option<String>,
}

/// A straight stroke: a rule or an underline.
pub struct Stroke {
    pub a: Point,
    pub b: Point,
}

impl Stroke {
    pub fn vertical(&self) -> bool {
        (self.a.x - self.b.x).abs() < Abs::pt(0.1) && (self.a.y - self.b.y).abs() > Abs::pt(1.0)
    }

    pub fn horizontal(&self) -> bool {
        (self.a.y - self.b.y).abs() < Abs::pt(0.1)
    }
}

/// Every glyph and straight stroke of a page.
pub fn page(frame: &Frame) -> (Vec<Glyph>, Vec<Stroke>) {
    let (mut glyphs, mut strokes) = (Vec::new(), Vec::new());
    each_item(
        frame,
        Transform::identity(),
        &mut |ts, pos, item| match item {
            FrameItem::Text(t) => {
                let mut x = pos.x;
                for (i, g) in t.glyphs.iter().enumerate() {
                    let next = t.glyphs.get(i + 1).map(|n| t.text[n.range()].to_string());
                    let advance = g.x_advance.at(t.size);
                    let natural = t.font.x_advance(g.id).map_or(advance, |a| a.at(t.size));
                    let (a, b) = (
                        Point::new(x, pos.y).transform(ts),
                        Point::new(x + advance, pos.y).transform(ts),
                    );
                    glyphs.push(Glyph {
                        text: t.text[g.range()].to_string(),
                        x0: a.x,
                        x1: b.x,
                        y: a.y,
                        size: t.size,
                        stretch: (advance - natural) / t.size,
                        next,
                    });
                    x += advance;
                }
            }
            FrameItem::Shape(shape, _) => {
                if let Geometry::Line(delta) = shape.geometry {
                    let a = pos.transform(ts);
                    let b = Point::new(pos.x + delta.x, pos.y + delta.y).transform(ts);
                    strokes.push(Stroke { a, b });
                }
            }
            _ => {}
        },
    );
    (glyphs, strokes)
}

/// A kana or kanji (not punctuation, which Typst may squeeze or hang).
pub fn cjk(s: &str) -> bool {
    s.chars().all(|c| {
        matches!(c, '\u{3041}'..='\u{309f}' | '\u{30a1}'..='\u{30fa}' | '\u{4e00}'..='\u{9fff}')
    })
}

/// The 新旧対照表's kana and kanji set wider than the font draws them before
/// another kana or kanji (letter-spaced): the table's text (smaller than the
/// 12 pt body) of every page from `from` on.
pub fn spread_glyphs(document: &PagedDocument, from: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (i, p) in document.pages().iter().enumerate().skip(from) {
        let (glyphs, _) = page(&p.frame);
        for w in glyphs.windows(2) {
            let (prev, g) = (&w[0], &w[1]);
            let between = cjk(&prev.text) && g.next.as_deref().is_some_and(cjk);
            if g.size < Abs::pt(10.0) && cjk(&g.text) && between && g.stretch > 0.05 {
                out.push(format!("p.{} 「{}」 +{:.2} em", i + 1, g.text, g.stretch));
            }
        }
    }
    out
}

/// full-model-next, its first target rewritten (a URL, an e-mail address), a
/// cell of its simple table changed, a roster row of four columns rewritten
/// with katakana words; against full-model.
fn revised(dir: &Path) {
    copy_edition(&root().join(NEXT), dir);
    edit_json(dir, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][0]["text"] =
            "申請の手引きは https://www.city.kaku.example.lg.jp/kohoku/apply/guide-2026/index.html に掲載し、問合せは kohoku-madoguchi@city.kaku.example.lg.jp で受け付けます。".into();
    });
    edit_json(dir, "annex-2-roster.json", |v| {
        v["groups"][0]["rows"][0] = serde_json::json!([
            "地域コミュニティ推進課",
            "担当課長",
            "架空 春子",
            "ボランティア担当兼務"
        ]);
    });
    edit_json(dir, "2-approach.json", |v| {
        v["sections"][1]["paragraphs"][4]["table"]["rows"][2][1] =
            "実施結果の取りまとめと公表".into();
    });
}

pub fn compared() -> &'static Compared {
    static C: std::sync::OnceLock<Compared> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let dir = tmp("comparison-layout");
        revised(&dir);
        let old = planpress::content::load(&root().join(OLD)).unwrap();
        let new = planpress::content::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        planpress::pipeline::comparison(&old, &new, None, &planpress::Templates::Embedded)
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Every glyph of the document, page by page, with its page's strokes.
fn pages(document: &PagedDocument) -> Vec<(Vec<Glyph>, Vec<Stroke>)> {
    document.pages().iter().map(|p| page(&p.frame)).collect()
}

/// Every run of glyphs spelling `word` on a page (a glyph may spell more than
/// one character: か with its combining ゙).
pub fn find_all<'a>(glyphs: &'a [Glyph], word: &'a str) -> impl Iterator<Item = &'a [Glyph]> {
    (0..glyphs.len()).filter_map(move |i| {
        let mut spelled = String::new();
        for (j, g) in glyphs[i..].iter().enumerate() {
            spelled.push_str(&g.text);
            if spelled == word {
                return Some(&glyphs[i..=i + j]);
            }
            if !word.starts_with(&spelled) {
                return None;
            }
        }
        None
    })
}

/// The first run of glyphs spelling `word` on a page.
pub fn find<'a>(glyphs: &'a [Glyph], word: &'a str) -> Option<&'a [Glyph]> {
    find_all(glyphs, word).next()
}

#[test]
fn no_line_of_the_table_is_spread_apart() {
    // A line ending before a URL kept whole was justified: 「載　し　、　問　合　せ　は」.
    let spread = spread_glyphs(&compared().document, 0);
    assert!(spread.is_empty(), "letter-spaced: {spread:?}");
}

#[test]
fn a_rewritten_passage_stands_at_the_top_beside_the_old_one() {
    // The old and the new words of 区民窓口担当 目標1 are too unlike to pair: they
    // stood one row under the other, leaving the new side's first row empty.
    let all = pages(&compared().document);
    let (glyphs, _) = (all.iter())
        .find(|(g, _)| find(g, "申請の手引き").is_some())
        .unwrap();
    let new = find(glyphs, "申請の手引き").unwrap()[0].y;
    let old = find(glyphs, "証明書を正確").unwrap()[0].y;
    assert!(
        (new - old).abs() < Abs::pt(1.0),
        "new at {new:?}, old at {old:?}"
    );
}

/// The cells of a table row on one baseline (the last cell's), each between
/// two vertical rules of its own: a table, not text joined with 「｜」 or 「／」.
fn assert_cells_ruled(glyphs: &[Glyph], strokes: &[Stroke], cells: &[&str]) {
    let last = cells.last().unwrap();
    let y = find(glyphs, last).unwrap_or_else(|| panic!("「{last}」 not printed"))[0].y;
    let spans: Vec<&[Glyph]> = (cells.iter())
        .map(|c| {
            (find_all(glyphs, c).find(|s| (s[0].y - y).abs() < Abs::pt(1.0)))
                .unwrap_or_else(|| panic!("「{c}」 not on the line of 「{last}」"))
        })
        .collect();
    let rules: Vec<Abs> = (strokes.iter())
        .filter(|s| s.vertical() && s.a.y.min(s.b.y) < y && s.a.y.max(s.b.y) > y)
        .map(|s| s.a.x)
        .collect();
    for pair in spans.windows(2) {
        let (end, start) = (pair[0].last().unwrap().x1, pair[1][0].x0);
        assert!(
            rules.iter().any(|&x| end <= x && x <= start),
            "no rule between 「{}」 and 「{}」",
            pair[0].iter().map(|g| g.text.as_str()).collect::<String>(),
            pair[1].iter().map(|g| g.text.as_str()).collect::<String>(),
        );
    }
}

/// Which of `glyphs` are underlined: a horizontal stroke under them where
/// compare.typ's `mark` draws it (2.2 pt under the baseline; a cell's bottom
/// rule stands lower).
fn underlined<'a>(glyphs: impl IntoIterator<Item = &'a Glyph>, strokes: &[Stroke]) -> Vec<&'a str> {
    (glyphs.into_iter())
        .filter(|g| {
            let mid = (g.x0 + g.x1) / 2.0;
            strokes.iter().any(|s| {
                s.horizontal()
                    && s.a.x.min(s.b.x) <= mid
                    && mid <= s.a.x.max(s.b.x)
                    && (s.a.y - g.y - Abs::pt(2.2)).abs() < Abs::pt(0.4)
            })
        })
        .map(|g| g.text.as_str())
        .collect()
}

#[test]
fn tables_are_ruled_grids_and_only_the_changed_characters_of_a_cell_are_underlined() {
    let all = pages(&compared().document);
    let text: String = (all.iter().flat_map(|(g, _)| g))
        .map(|g| g.text.as_str())
        .collect();
    assert!(
        !text.contains('｜') && !text.contains("時期／内容"),
        "{text}"
    );
    let on = |word: &str| {
        (all.iter())
            .filter(|(g, _)| find(g, word).is_some())
            .collect::<Vec<_>>()
    };
    // A roster row: 架空 冬彦 → 架空 冬美, only 美 (and 彦) underlined.
    let (glyphs, strokes) = on("架空 冬美")[0];
    assert_cells_ruled(glyphs, strokes, &["保健福祉担当", "課長", "架空 冬美"]);
    let y = find(glyphs, "冬美").unwrap()[0].y;
    let mut row: Vec<&Glyph> = (glyphs.iter())
        .filter(|g| (g.y - y).abs() < Abs::pt(1.0))
        .collect();
    row.sort_by(|a, b| a.x0.partial_cmp(&b.x0).unwrap());
    assert_eq!(underlined(row, strokes), ["美", "彦"]);
    // The simple table's changed cell, under its header row, on both sides.
    let (glyphs, strokes) = on("実施結果の取りまとめと公表")[0];
    assert_cells_ruled(glyphs, strokes, &["時期", "内容", "担当"]);
    assert_cells_ruled(
        glyphs,
        strokes,
        &["翌年3月", "実施結果の取りまとめと公表", "総務課"],
    );
    let cell = find(glyphs, "実施結果の取りまとめと公表").unwrap();
    assert_eq!(underlined(cell, strokes).concat(), "と公表");
    assert!(underlined(find(glyphs, "翌年3月").unwrap(), strokes).is_empty());
    // The 別表's added row: its cells whole, on the new side only.
    let (glyphs, strokes) = on("こども支援担当課長")[0];
    assert_cells_ruled(glyphs, strokes, &["委員", "こども支援担当課長"]);
}

#[test]
fn a_dakuten_added_alone_is_underlined_with_its_kana() {
    // The mark split か from its combining ゙: only the ゙ was underlined, and
    // in a draft's closing table it printed apart, over the next character (the
    // layout check refused the draft).
    let base = tmp("comparison-dakuten");
    let (old, new) = (base.join("old"), base.join("new"));
    for (dir, text) in [
        (&old, "かんたんに発行します。"),
        (&new, "か\u{3099}んたんに発行します。"),
    ] {
        copy_edition(&root().join(OLD), dir);
        edit_json(dir, "4-targets.json", |v| {
            v["divisions"][0]["departments"][0]["targets"][0]["text"] = text.into();
        });
    }
    let old = planpress::content::load(&old).unwrap();
    let new = planpress::content::load(&new).unwrap_or_else(|e| panic!("{e}"));
    let compared =
        planpress::pipeline::comparison(&old, &new, None, &planpress::Templates::Embedded)
            .unwrap_or_else(|e| panic!("{e}"));
    let (glyphs, strokes) = page(&compared.document.pages()[0].frame);
    let word = find(&glyphs, "か\u{3099}んたん").expect("printed");
    assert_eq!(underlined(word, &strokes).concat(), "か\u{3099}");
}

#[test]
fn a_katakana_word_in_a_narrow_cell_stays_on_one_line() {
    // A roster row of four columns in half the page: 「コミュ／ニティ」
    // 「ボランティ／ア」 broke inside the word, 「架空 春／子」 left one alone.
    let all = pages(&compared().document);
    let (glyphs, _) = (all.iter())
        .find(|(g, _)| find(g, "担当課長").is_some())
        .unwrap();
    for word in ["コミュニティ", "ボランティア", "架空 春子", "担当課長"] {
        let run = find(glyphs, word).unwrap_or_else(|| panic!("「{word}」 broken across lines"));
        assert!(
            run.iter().all(|g| (g.y - run[0].y).abs() < Abs::pt(1.0)),
            "「{word}」"
        );
    }
}
