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
