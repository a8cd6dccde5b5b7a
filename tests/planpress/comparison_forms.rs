//! The 新旧対照表's form is the edition's setting (`edition.json` `comparison`):
//! 簡易 or 詳細, a 備考 column, 傍線 or 下線, the side of 改正後; `--order`
//! overrides the side. Each variant read from the laid-out pages, in `diff
//! --pdf` and in the draft's closing pages.

use std::path::{Path, PathBuf};

use planpress::content::model::NewSide;
use typst::layout::Abs;
use typst_layout::PagedDocument;

use crate::comparison_layout::{Glyph, page, spread_glyphs};
use crate::doc::*;

const OLD: &str = "tests/fixtures/full-model";

/// A fresh pair of editions: full-model, and a copy of it a year on whose
/// first target reads 「丁寧に」 for 「迅速に」, with `form` as its `comparison`.
fn pair(name: &str, form: Option<serde_json::Value>) -> (PathBuf, PathBuf) {
    let base = tmp(name);
    let (old, new) = (base.join("old"), base.join("new"));
    copy_edition(&root().join(OLD), &old);
    copy_edition(&root().join(OLD), &new);
    edit_json(&new, "edition.json", |v| {
        v["fiscal_year"] = 2026.into();
        v["previous"] = "../old".into();
        if let Some(f) = form {
            v["comparison"] = f;
        }
    });
    edit_json(&new, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][0]["text"] =
            "証明書を正確かつ丁寧に発行します。".into();
    });
    (old, new)
}

fn compare(old: &Path, new: &Path, side: Option<NewSide>) -> PagedDocument {
    let old = planpress::content::load(old).unwrap();
    let new = planpress::content::load(new).unwrap_or_else(|e| panic!("{e}"));
    let templates = planpress::Templates::Embedded;
    (planpress::pipeline::comparison(&old, &new, side, &templates))
        .unwrap_or_else(|e| panic!("{e}"))
        .document
}

/// Every glyph of the pages from `from` on.
fn glyphs(document: &PagedDocument, from: usize) -> Vec<Glyph> {
    (document.pages().iter().skip(from))
        .flat_map(|p| page(&p.frame).0)
        .collect()
}

fn text(glyphs: &[Glyph]) -> String {
    normalize(&glyphs.iter().map(|g| g.text.as_str()).collect::<String>())
}

/// The left edge of the first run spelling `word` (not followed by 「：」, as
/// the heading's 「改正後：令和8年度」 is).
fn x_of(glyphs: &[Glyph], word: &str) -> Abs {
    let n = word.chars().count();
    (0..glyphs.len() + 1 - n)
        .filter(|&i| glyphs.get(i + n).is_none_or(|g| g.text != "："))
        .find(|&i| {
            glyphs[i..i + n]
                .iter()
                .map(|g| g.text.as_str())
                .collect::<String>()
                == word
        })
        .map(|i| glyphs[i].x0)
        .unwrap_or_else(|| panic!("「{word}」 not printed"))
}

/// What a reader checks of a form: which column holds 改正後, and the new
/// words; the mark's name; the 備考 column; the unchanged passage in full.
struct Seen {
    new_left: bool,
    words_left: bool,
    mark: &'static str,
    remarks: bool,
    detailed: bool,
}

fn seen(glyphs: &[Glyph]) -> Seen {
    let all = text(glyphs);
    Seen {
        new_left: x_of(glyphs, "改正後") < x_of(glyphs, "改正前"),
        words_left: x_of(glyphs, "丁寧に") < x_of(glyphs, "迅速に"),
        mark: match (
            all.contains("傍線の部分が改正部分"),
            all.contains("下線の部分が改正部分"),
        ) {
            (true, false) => "傍線",
            (false, true) => "下線",
            _ => panic!("the mark is not named once: {all}"),
        },
        remarks: all.contains("備考") && all.contains("変更"),
        // The target's unchanged 場面 passage, on both sides.
        detailed: all.matches(&normalize("場面: 窓口")).count() == 2,
    }
}

#[test]
fn each_form_prints_as_the_edition_asks() {
    let cases = [
        (None, [true, true, false, false], "傍線"),
        (
            Some(serde_json::json!({"form": "detailed"})),
            [true, true, false, true],
            "傍線",
        ),
        (
            Some(serde_json::json!({"remarks": true})),
            [true, true, true, false],
            "傍線",
        ),
        (
            Some(serde_json::json!({"mark": "underline"})),
            [true, true, false, false],
            "下線",
        ),
        (
            Some(serde_json::json!({"new_side": "right"})),
            [false, false, false, false],
            "傍線",
        ),
        (
            Some(
                serde_json::json!({"form": "simple", "remarks": true, "mark": "sideline", "new_side": "left"}),
            ),
            [true, true, true, false],
            "傍線",
        ),
    ];
    for (i, (form, [new_left, words_left, remarks, detailed], mark)) in
        cases.into_iter().enumerate()
    {
        let what = format!("{form:?}");
        let (old, new) = pair(&format!("forms-{i}"), form);
        let document = compare(&old, &new, None);
        let g = glyphs(&document, 0);
        let s = seen(&g);
        assert_eq!(
            [s.new_left, s.words_left, s.remarks, s.detailed],
            [new_left, words_left, remarks, detailed],
            "{what}"
        );
        assert_eq!(s.mark, mark, "{what}");
        assert!(spread_glyphs(&document, 0).is_empty(), "{what}");
    }
}

#[test]
fn the_order_option_overrides_the_editions_side() {
    let (old, new) = pair(
        "forms-order",
        Some(serde_json::json!({"new_side": "right"})),
    );
    let document = compare(&old, &new, Some(NewSide::Left));
    assert!(seen(&glyphs(&document, 0)).new_left);
    // The command line gives the same document: --order new-old puts 改正後 left.
    let out = tmp("forms-order.pdf");
    let args = [old.to_str().unwrap(), new.to_str().unwrap()];
    for (order, same) in [(Some("new-old"), true), (None, false)] {
        let mut cmd = vec!["diff", args[0], args[1], "--pdf", out.to_str().unwrap()];
        cmd.extend(order.map(|o| ["--order", o]).into_iter().flatten());
        let run = planpress(&cmd);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let old_c = planpress::content::load(&old).unwrap();
        let new_c = planpress::content::load(&new).unwrap();
        let left = planpress::pipeline::comparison(
            &old_c,
            &new_c,
            Some(NewSide::Left),
            &planpress::Templates::Embedded,
        )
        .unwrap();
        assert_eq!(std::fs::read(&out).unwrap() == left.pdf, same, "{order:?}");
    }
}

#[test]
fn the_drafts_closing_table_takes_the_editions_form() {
    let form = serde_json::json!({"remarks": true, "mark": "underline", "new_side": "right", "form": "detailed"});
    let (_, new) = pair("forms-draft", Some(form));
    let config = planpress::Config::new(&new)
        .draft(true, Some("2026-11-26"))
        .unwrap();
    let built = planpress::build(&config).unwrap_or_else(|e| panic!("{e}"));
    let texts = page_texts(&built);
    let from = (texts.iter())
        .rposition(|t| normalize(t).contains("新旧対照表"))
        .unwrap();
    let g = glyphs(&built.document, from);
    let s = seen(&g);
    assert_eq!(
        [s.new_left, s.words_left, s.remarks, s.detailed],
        [false, false, true, true]
    );
    assert_eq!(s.mark, "下線");
    assert!(spread_glyphs(&built.document, from).is_empty());
    crate::pdf::assert_archival(&built.pdf, "the draft");
}
