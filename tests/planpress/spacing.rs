//! The layout check's spacing rules: a letter-spaced line, or a word broken inside
//! in a narrow column, is told (注意) with its page and text, the PDF still made;
//! the editions' tables hold their names so that none is.

use crate::doc::*;

/// A line pulled apart and a katakana word broken in a narrow block, added to
/// the edition by its templates, are told: page, text, what to do.
#[test]
fn letter_spaced_lines_and_broken_words_are_told() {
    let dir = pdf_templates_copy("spacing-templates");
    let main = std::fs::read_to_string(dir.join("main.typ.j2")).unwrap();
    let crafted = "#block(text(tracking: 0.6em)[一部達成の取組])\n\
                   #block(width: 36mm)[区役所のコミュニケーションボードを使います]\n";
    std::fs::write(dir.join("main.typ.j2"), format!("{main}\n{crafted}")).unwrap();
    let out = tmp("spacing-crafted.pdf");
    let run = planpress(&[
        "build",
        EDITION,
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(out.exists());
    let spaced = (err.lines())
        .find(|l| l.contains("「一部達成の取組」の文字の間が空きすぎています"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        spaced.starts_with("注意: ") && spaced.contains("ページ: ") && spaced.contains("字分"),
        "{spaced}"
    );
    let broken = (err.lines())
        .find(|l| l.contains("語の途中で改行されています"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        broken.contains("コミュ") && broken.contains("／") && broken.contains("担当者"),
        "{broken}"
    );
    // The edition's own pages are not told: only the two crafted lines are.
    let told = (err.lines())
        .filter(|l| l.contains("空きすぎています") || l.contains("語の途中で改行"))
        .count();
    assert_eq!(told, 2, "{err}");
}

/// wide-ward's roster names (高萩　航) print as typed, their space kept.
#[test]
fn roster_names_print_as_typed() {
    let built = built_once(&root().join("tests/fixtures/wide-ward"));
    let texts = page_texts(built);
    assert!(texts.iter().any(|t| t.contains("高萩　航")));
}

/// wide-ward's results annex holds 「コミュニケーションボード」 (12 characters)
/// whole on a 資料 page, and the build tells nothing about spacing.
#[test]
fn results_annex_holds_long_katakana_words_whole() {
    let wide = root().join("tests/fixtures/wide-ward");
    let built = built_once(&wide);
    // Held whole: one run of text holds the whole word (a break would part it).
    // (The targets chapter prints the word too, in a wide column: the annex's count.)
    let annex: Vec<bool> = (page_labels(built).iter())
        .map(|l| l.starts_with("資料"))
        .collect();
    let mut whole = false;
    for_each_text_item(built, |p, t| {
        whole |= annex[p] && t.text.contains("コミュニケーションボード")
    });
    assert!(whole, "「コミュニケーションボード」 is broken across lines");
    let out = tmp("spacing-wide-ward.pdf");
    let run = planpress(&["build", wide.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(
        !err.contains("語の途中で改行") && !err.contains("空きすぎ") && !err.contains("1 文字だけ"),
        "{err}"
    );
}
