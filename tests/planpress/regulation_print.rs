//! A regulation as printed: a caption typed with its parentheses prints one
//! pair (PDF, web, 新旧対照表); the flat form's paragraphs are numbered ２, ３… and
//! hang as 項 do; the gap between 項 is no smaller than the leading of a line.

use std::path::PathBuf;

use planpress::Built;
use typst::layout::Abs;

use crate::doc::*;

/// A flat-form article whose 項 are typed without their numbers.
const TERM: [&str; 3] = [
    "委員の任期は、２年とする。ただし、補欠の委員の任期は、前任者の残任期間とし、委員の任期が満了した後も後任の委員が決まるまでの間はその職務を行うものとする。",
    "委員は、再任されることができる。ただし、連続して３期を超えて在任することはできないものとし、その期間の計算は委員長が別に定めるところによる。",
    "委員長は、委員が心身の故障により職務の遂行に堪えないと認めるときその他委員として必要な適格性を欠くと認めるときは、委員会に諮ってこれを解任することができる。",
];

/// small-ward with its captions typed in both forms, and an article in the
/// flat form whose 項 are typed without numbers.
fn edition(name: &str) -> PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join("tests/fixtures/small-ward"), &dir);
    edit_json(&dir, "annex-1-regulation.json", |v| {
        let articles = v["articles"].as_array_mut().unwrap();
        articles[0]["caption"] = "（目的）".into();
        articles[1]["caption"] = "(所掌事項)".into();
        let number = articles.len() + 1;
        articles.push(serde_json::json!({
            "number": number,
            "caption": "委員の任期",
            "paragraphs": TERM,
        }));
    });
    dir
}

/// The lines of every page: (page, baseline, left edge, text).
fn lines(built: &Built) -> Vec<(usize, Abs, Abs, String)> {
    let mut out: Vec<(usize, Abs, Abs, String)> = Vec::new();
    for (p, mut runs) in page_runs(built).into_iter().enumerate() {
        runs.sort_by(|a, b| {
            a.y.partial_cmp(&b.y)
                .unwrap()
                .then(a.x.partial_cmp(&b.x).unwrap())
        });
        for r in runs {
            match out.last_mut() {
                Some((lp, y, _, text)) if *lp == p && (r.y - *y).abs() < Abs::pt(2.0) => {
                    text.push_str(&r.text)
                }
                _ => out.push((p, r.y, r.x, r.text)),
            }
        }
    }
    out
}

fn pdf_text(built: &Built) -> String {
    page_texts(built).concat()
}

#[test]
fn a_caption_typed_in_parentheses_prints_one_pair() {
    let dir = edition("caption-parens");
    let built = built_once(&dir);
    let text = pdf_text(built);
    for caption in ["（目的）", "（所掌事項）", "（委員の任期）"] {
        assert!(text.contains(caption), "PDF: {caption} not printed");
    }
    assert!(
        !text.contains("（（") && !text.contains("（("),
        "PDF: a caption in two pairs"
    );
    let html = crate::web::text(&crate::web::web(&dir));
    assert!(
        html.contains("第１条（目的）"),
        "web: 第１条（目的） not shown"
    );
    assert!(
        !html.contains("（（") && !html.contains("（("),
        "web: a caption in two pairs"
    );
    // The 新旧対照表 of a change to that article shows its caption once too.
    let next = tmp("caption-parens-next");
    copy_edition(&dir, &next);
    edit_json(&next, "annex-1-regulation.json", |v| {
        v["articles"][0]["paragraphs"][0] =
            "この要綱は、架空の委員会の設置に関し必要な事項を定める。".into();
    });
    let out = planpress(&["diff", dir.to_str().unwrap(), next.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("（目的）"), "diff:\n{report}");
    assert!(
        !report.contains("（（"),
        "diff: a caption in two pairs:\n{report}"
    );
}

/// The lines from the one holding `first` to the one where `last` ends.
fn lines_between(
    all: &[(usize, Abs, Abs, String)],
    first: &str,
    last: &str,
) -> Vec<(usize, Abs, Abs, String)> {
    let start = (all.iter())
        .position(|l| normalize(&l.3).contains(&normalize(first)))
        .unwrap_or_else(|| panic!("{first} not printed"));
    let mut text = String::new();
    let mut out = Vec::new();
    for l in &all[start..] {
        out.push(l.clone());
        text.push_str(&normalize(&l.3));
        if text.contains(&normalize(last)) {
            return out;
        }
    }
    panic!("{last} not printed after {first}")
}

#[test]
fn flat_paragraphs_print_as_numbered_clauses_at_the_pitch_of_a_line() {
    let built = built_once(&edition("flat-clauses"));
    let all = lines(built);
    let art = lines_between(&all, &TERM[0].chars().take(10).collect::<String>(), TERM[2]);
    let lead = |s: &str| normalize(s).chars().take(8).collect::<String>();
    // 項 2 and 3: their number, a full-width space, the text.
    for (n, text) in [("２", TERM[1]), ("３", TERM[2])] {
        let at = (art.iter())
            .position(|l| normalize(&l.3).contains(&lead(text)))
            .unwrap_or_else(|| panic!("{text} not printed: {art:?}"));
        let line = &art[at];
        assert!(
            line.3.starts_with(&format!("{n}　")),
            "項{n} starts 「{}」, not with its number",
            line.3
        );
        // Its next line hangs one character in, under the text, as 項 do.
        let next = &art[at + 1];
        let em = Abs::pt(10.5);
        assert!(
            next.2 - line.2 > em * 0.5 && next.2 - line.2 < em * 1.5,
            "項{n}: its wrapped line starts {:?} from its number",
            next.2 - line.2
        );
    }
    // Typed numbers (「2 委員長は…」) are the 項's own marks, set the same way.
    let typed = (all.iter())
        .find(|l| l.3.contains("委員長は区長をもって充て"))
        .expect("article 3's second paragraph");
    assert!(typed.3.starts_with("２　委員長は"), "「{}」", typed.3);
    // The gap between two 項 is no smaller than that between a 項's lines.
    let pitch: Vec<Abs> = art
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[1].1 - w[0].1)
        .collect();
    let within = pitch.iter().copied().fold(Abs::inf(), Abs::min);
    let between = pitch.iter().copied().fold(Abs::zero(), Abs::max);
    assert!(pitch.len() >= 5, "{art:?}");
    assert!(
        within >= between - Abs::pt(0.5),
        "lines at {within:?} apart within a 項, {between:?} between 項: {pitch:?}"
    );
}

/// TERM's second 項, revised after its first words.
const TERM_REVISED: &str = "委員は、再任されることができる。ただし、連続して２期を超えて在任することはできないものとし、その期間の計算は委員長が別に定めるところによる。";

/// A flat-form article with items and a 項 typed with their marks.
const SECTIONS: [&str; 4] = [
    "委員会に、次に掲げる部会を置く。",
    "(1) 窓口部会",
    "(2) 電話応対部会",
    "2 部会の運営に関し必要な事項は、委員長が定める。",
];

/// full-model (whose regulation is in the typed form) with two articles in
/// the flat form: TERM, and SECTIONS.
fn flat_edition(name: &str) -> PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join("tests/fixtures/full-model"), &dir);
    edit_json(&dir, "annex-1-regulation.json", |v| {
        let articles = v["articles"].as_array_mut().unwrap();
        let n = articles.len();
        articles.push(
            serde_json::json!({"number": n + 1, "caption": "委員の任期", "paragraphs": TERM}),
        );
        articles
            .push(serde_json::json!({"number": n + 2, "caption": "部会", "paragraphs": SECTIONS}));
    });
    dir
}

/// The line of the PDF holding `lead` (in the article captioned `caption`),
/// from its start to the end of `lead`: the paragraph's first words with what
/// the edition prints before them.
fn printed_with_mark(all: &[(usize, Abs, Abs, String)], caption: &str, lead: &str) -> String {
    let article = lines_between(all, caption, lead);
    let line = &article.last().unwrap().3;
    let at = line
        .find(lead)
        .unwrap_or_else(|| panic!("{lead} not on one line: {line}"));
    line[..at + lead.len()].to_string()
}

#[test]
fn the_comparison_shows_flat_paragraphs_numbered_as_the_edition_prints_them() {
    let old = flat_edition("flat-compare-old");
    let new = tmp("flat-compare-new");
    copy_edition(&old, &new);
    edit_json(&new, "edition.json", |v| {
        v["fiscal_year"] = 2026.into();
        v["previous"] = "../flat-compare-old".into();
    });
    edit_json(&new, "annex-1-regulation.json", |v| {
        let articles = v["articles"].as_array_mut().unwrap();
        let n = articles.len();
        articles[n - 2]["paragraphs"][1] = TERM_REVISED.into();
        let sections = &mut articles[n - 1]["paragraphs"];
        sections[2] = "(2) 電話・メール応対部会".into();
        sections[3] = "2 部会の運営に関し必要な事項は、委員長が別に定める。".into();
    });
    // What the edition prints before each changed paragraph's first words.
    let all = lines(built_once(&old));
    let leads = [
        ("（委員の任期）", "委員は、再任され"),
        ("（部会）", "電話"),
        ("（部会）", "部会の運営に関し"),
    ];
    let printed: Vec<String> = (leads.iter())
        .map(|(caption, lead)| printed_with_mark(&all, caption, lead))
        .collect();
    assert!(printed[0].starts_with("２　"), "{printed:?}");

    // The 新旧対照表 shows them so on both sides, the mark unchanged (not underlined).
    let load = |d: &PathBuf| planpress::content::load(d).unwrap_or_else(|e| panic!("{e}"));
    let templates = planpress::Templates::Embedded;
    let compared = planpress::pipeline::comparison(&load(&old), &load(&new), None, &templates)
        .unwrap_or_else(|e| panic!("{e}"));
    let (left, right) = crate::comparison::columns(&compared.document);
    for p in &printed {
        for (side, column) in [("改正後", &left), ("改正前", &right)] {
            assert!(
                column.contains(&normalize(p)),
                "{side}: 「{p}」 not shown as printed:\n{column}"
            );
        }
    }

    // `planpress diff` writes them as printed too, with the full-width space.
    let out = planpress(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&out.stdout);
    for p in &printed {
        assert_eq!(report.matches(p.as_str()).count(), 2, "「{p}」:\n{report}");
    }

    // So does the draft's own 新旧対照表.
    let config = planpress::Config::new(&new)
        .draft(true, Some("2026-11-26"))
        .unwrap();
    let built = planpress::build(&config).unwrap_or_else(|e| panic!("{e}"));
    let texts = page_texts(&built);
    let table = (texts.iter())
        .position(|t| t.contains("改正前"))
        .expect("the draft's 新旧対照表");
    let table = normalize(&texts[table..].concat());
    for p in &printed {
        let shown = table.matches(&normalize(p)).count();
        assert_eq!(shown, 2, "「{p}」 shown {shown} times:\n{table}");
    }
}
