//! No page only continues the previous one with a line or two: a part whose
//! last paragraph (article, notice's paragraph) runs onto a new page carries
//! at least three lines there (the layout check's least), on every fixture
//! edition and wherever a long closing paragraph falls.

use std::path::{Path, PathBuf};

use crate::doc::*;
use crate::fixtures::editions;
use crate::pages::copy_of;

/// The continuing pages (0-based) of a build holding fewer than three lines of
/// body text, read from the pages: a page with no heading that is not the last
/// (the colophon's), numbered (not the cover or 目次).
fn thin_pages(built: &planpress::Built) -> Vec<(usize, Vec<String>)> {
    let starting: Vec<usize> = headings(built).iter().map(|(_, _, p)| *p).collect();
    let labels = page_labels(built);
    let last = labels.len() - 1;
    (0..labels.len())
        .filter(|&p| p != last && !labels[p].is_empty() && !starting.contains(&p))
        .map(|p| (p, page_lines(built, p)))
        .filter(|(_, lines)| lines.len() < 3)
        .collect()
}

fn assert_no_thin_page(name: &str, built: &planpress::Built) {
    let thin = thin_pages(built);
    assert!(thin.is_empty(), "{name}: {thin:?}");
    let told: Vec<&String> = (built.warnings().iter())
        .filter(|w| w.contains("行しかありません"))
        .collect();
    assert!(told.is_empty(), "{name}: {told:#?}");
}

/// Free chapters of every length (30 of them) ending with a closing paragraph
/// of `repeats` sentences: at 10, some 14 lines (too long to move whole), so
/// that at some offsets its last two lines would spill onto a page of their own.
pub fn closings(name: &str, repeats: usize) -> PathBuf {
    let dir = copy_of("tests/fixtures/text-blocks", name);
    let mut chapters = Vec::new();
    for k in 0..30 {
        let file = format!("6-extra-{k:02}.json");
        let line =
            format!("架空の章{k}の説明です。この章は頁の配置を確かめるための架空の文章です。");
        let mut paragraphs: Vec<serde_json::Value> =
            std::iter::repeat_n(line.into(), 18 + k % 15).collect();
        let closing = "区役所の窓口で区民の皆様をお迎えする際には、丁寧で分かりやすい説明を心がけ、手続が一度で済むよう努めます。";
        paragraphs.push(format!("章{k}の結びです。{}", closing.repeat(repeats)).into());
        let chapter = serde_json::json!({
            "$schema": "../../../content/schema/free.schema.json",
            "title": format!("架空の章{k}"),
            "paragraphs": paragraphs,
        });
        std::fs::write(dir.join(&file), chapter.to_string()).unwrap();
        chapters.push(serde_json::json!({ "kind": "free", "file": file }));
    }
    edit_json(&dir, "edition.json", |v| {
        v["chapters"].as_array_mut().unwrap().extend(chapters);
    });
    dir
}

#[test]
fn a_long_closing_paragraph_never_leaves_two_lines_on_a_page() {
    let dir = closings("thin-closings", 10);
    let built = build(&dir);
    assert_no_thin_page("long closings", &built);
    // Every closing printed whole, in order.
    let text = normalize(&page_texts(&built).concat());
    for k in 0..30 {
        assert!(
            text.contains(&normalize(&format!("章{k}の結びです。区役所の窓口"))),
            "{k}"
        );
    }
}

/// Regulations (annex items, each starting a page) of 3 to 14 short articles
/// and a last article of 9 to 14 lines: wherever its end falls.
fn long_last_articles(name: &str) -> PathBuf {
    let dir = copy_of("tests/fixtures/full-model", name);
    let mut annex = Vec::new();
    for k in 0..60 {
        let (short, lines) = (3 + k / 5, 8 + k % 5);
        let mut articles: Vec<serde_json::Value> = (1..=short)
            .map(|i| {
                serde_json::json!({ "number": i, "caption": format!("架空{i}"), "clauses": [
                    { "number": 1, "text": "この要綱は、架空の委員会の設置に関し必要な事項を定める。" }
                ]})
            })
            .collect();
        let long = "委員会は、区役所のサービス向上に関する事項を調査し、審議し、その結果を区長に報告するものとする。";
        articles.push(
            serde_json::json!({ "number": short + 1, "caption": "結び", "clauses": [
                { "number": 1, "text": format!("要綱{k}の結び。{}", long.repeat(lines)) }
            ]}),
        );
        let file = format!("annex-9-regulation-{k:02}.json");
        let regulation = serde_json::json!({
            "$schema": "../../../content/schema/regulation.schema.json",
            "title": format!("架空の要綱{k}号"),
            "articles": articles,
        });
        std::fs::write(dir.join(&file), regulation.to_string()).unwrap();
        annex.push(serde_json::json!({ "kind": "regulation", "file": file }));
    }
    edit_json(&dir, "edition.json", |v| {
        v["annex"].as_array_mut().unwrap().extend(annex);
    });
    dir
}

#[test]
fn a_regulations_long_last_article_never_leaves_two_lines_on_a_page() {
    let built = build(&long_last_articles("thin-articles"));
    assert_no_thin_page("long last articles", &built);
}

/// Notices (annex items) without 記, of 3 to 12 paragraphs and a closing one
/// of 5 to 8 sentences: wherever its end falls.
fn long_closing_notices(name: &str) -> PathBuf {
    let dir = copy_of("tests/fixtures/full-model", name);
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("annex-3-memo.json")).unwrap())
            .unwrap();
    let sentence = "区役所全体のサービス向上策を検討するため、各課から推薦された職員によるワーキングチームを設置し、検討の結果を委員会に報告します。";
    let mut annex = Vec::new();
    for k in 0..40 {
        let mut memo = base.clone();
        memo.as_object_mut().unwrap().remove("record");
        memo["title"] = format!("架空の通知{k}号").into();
        let mut paragraphs: Vec<serde_json::Value> =
            std::iter::repeat_n(sentence.into(), 3 + k / 4).collect();
        paragraphs.push(format!("通知{k}の結び。{}", sentence.repeat(5 + k % 4)).into());
        memo["paragraphs"] = paragraphs.into();
        let file = format!("annex-9-memo-{k:02}.json");
        std::fs::write(dir.join(&file), memo.to_string()).unwrap();
        annex.push(serde_json::json!({ "kind": "memo", "file": file }));
    }
    edit_json(&dir, "edition.json", |v| {
        v["annex"].as_array_mut().unwrap().extend(annex);
    });
    dir
}

#[test]
fn a_notices_long_closing_paragraph_never_leaves_two_lines_on_a_page() {
    let built = build(&long_closing_notices("thin-notices"));
    assert_no_thin_page("long closing notices", &built);
}

#[test]
fn no_fixture_edition_has_a_page_of_two_lines() {
    let all = editions();
    type Found = (String, Vec<(usize, Vec<String>)>, Vec<String>);
    let results: Vec<Found> = std::thread::scope(|s| {
        let jobs: Vec<_> = (all.iter())
            .map(|(name, dir)| {
                s.spawn(move || {
                    let built = built_once(Path::new(dir));
                    let told = (built.warnings().iter())
                        .filter(|w| w.contains("行しかありません"))
                        .cloned()
                        .collect();
                    (name.clone(), thin_pages(built), told)
                })
            })
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap()).collect()
    });
    for (name, thin, told) in results {
        assert!(
            thin.is_empty() && told.is_empty(),
            "{name}: {thin:?} {told:#?}"
        );
    }
}
