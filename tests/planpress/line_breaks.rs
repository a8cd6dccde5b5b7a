//! Where printed lines break: never inside a number (２，５００, ２万１千), a run of
//! Latin letters (ＮＰＯ), or a URL or e-mail address except after 「/」「.」「-」「@」;
//! a regulation's flat paragraphs numbered and spaced as 項.

use std::path::PathBuf;
use std::sync::OnceLock;

use planpress::Built;
use typst::layout::{Abs, FrameItem, Transform};

use crate::doc::*;

const URL: &str = "https://www.city.example.lg.jp/kohoku/apply/Kohoku_Madoguchi/index.html";
const MAIL: &str = "kohoku-kusei@city.example.lg.jp";

/// What must not break: (text, the characters after which it may).
const HELD: &[(&str, &str)] = &[
    ("２，５００", ""),
    ("１，８００", ""),
    ("２万１千", ""),
    ("１８６", ""),
    ("４０１", ""),
    ("ＮＰＯ", ""),
    ("ＤＸ", ""),
    ("2万1千", ""),
    // Wider than the narrowest column: it may break after its separators.
    ("０４４－８５６－３１３４", "－"),
    (URL, "/.-@"),
    (MAIL, "/.-@"),
];

/// A sentence holding every run, after `k` characters of lead-in, so that over
/// the lead-ins a line ends at every place inside every run.
fn sentence(k: usize) -> String {
    format!(
        "{}架空区では約２，５００人が約１，８００件を申請し、約２万１千世帯、全１８６か所（４０１窓口）、ＮＰＯ法人、ＤＸ推進、2万1千件。申請は{URL}、問合せは{MAIL}又は０４４－８５６－３１３４へ。",
        "の".repeat(k)
    )
}

/// small-ward with the runs in every column width: paragraphs (the full
/// measure), targets (the grid's text column), the results annex (its narrow
/// text columns).
fn numbers_edition() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tmp("numbers-edition");
        copy_edition(&root().join("tests/fixtures/small-ward"), &dir);
        edit_json(&dir, "2-approach.json", |v| {
            let ps = v["sections"][0]["paragraphs"].as_array_mut().unwrap();
            ps.extend((0..46).map(|k| sentence(k).into()));
        });
        edit_json(&dir, "4-targets.json", |v| {
            let deps = v["divisions"][0]["departments"].as_array_mut().unwrap();
            for (d, dep) in deps.iter_mut().enumerate() {
                let targets = dep["targets"].as_array_mut().unwrap();
                let first = targets.len() + 1;
                for n in 0..8 {
                    targets.push(serde_json::json!({
                        "number": first + n,
                        "scene": "窓口",
                        "text": sentence(d * 8 + n),
                    }));
                }
            }
        });
        edit_json(&dir, "annex-4-results.json", |v| {
            let rows = v["rows"].as_array_mut().unwrap();
            for k in 0..14 {
                rows.push(serde_json::json!({
                    "department": "区民窓口担当",
                    "number": 10 + k,
                    "target": sentence(k),
                    "result": sentence(13 - k),
                    "status": "達成",
                }));
            }
        });
        dir
    })
    .clone()
}

/// The printed characters in layout order, each with the line it is on (a new
/// line where the baseline or the page changes).
fn printed_lines(built: &Built) -> (Vec<char>, Vec<usize>) {
    let (mut chars, mut lines) = (Vec::new(), Vec::new());
    let mut line = 0;
    let mut last: Option<(usize, Abs)> = None;
    for (p, page) in built.document.pages().iter().enumerate() {
        each_item(&page.frame, Transform::identity(), &mut |ts, pos, item| {
            if let FrameItem::Text(t) = item {
                let y = pos.transform(ts).y;
                if last.is_none_or(|(lp, ly)| lp != p || (y - ly).abs() > Abs::pt(2.0)) {
                    line += 1;
                }
                last = Some((p, y));
                for c in t.text.chars() {
                    chars.push(c);
                    lines.push(line);
                }
            }
        });
    }
    (chars, lines)
}

/// Every place a line ends inside a held run: (run, where), and how many
/// times a line ended next to one.
fn breaks_inside(built: &Built) -> (Vec<String>, usize) {
    let (chars, lines) = printed_lines(built);
    let (mut inside, mut beside) = (Vec::new(), 0);
    for (run, allowed) in HELD {
        let run: Vec<char> = run.chars().collect();
        for at in 0..chars.len().saturating_sub(run.len()) {
            if chars[at..at + run.len()] != run[..] {
                continue;
            }
            let end = at + run.len();
            if (at > 0 && lines[at - 1] != lines[at]) || lines.get(end) != Some(&lines[end - 1]) {
                beside += 1;
            }
            for j in 1..run.len() {
                if lines[at + j] != lines[at + j - 1] && !allowed.contains(run[j - 1]) {
                    let (a, b): (String, String) =
                        (run[..j].iter().collect(), run[j..].iter().collect());
                    inside.push(format!("{a}／{b}"));
                }
            }
        }
    }
    (inside, beside)
}

#[test]
fn no_line_ends_inside_a_number_a_latin_word_or_a_url() {
    let built = built_once(&numbers_edition());
    let (inside, beside) = breaks_inside(built);
    assert!(inside.is_empty(), "lines break inside: {inside:?}");
    // The lead-ins did bring line ends next to the runs, in every column.
    assert!(beside > 40, "only {beside} line ends next to a run");
}
