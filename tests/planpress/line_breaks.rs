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
    (URL, URL_MARKS),
    (MAIL, URL_MARKS),
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

/// What a URL or an e-mail address breaks after.
const URL_MARKS: &str = "/.-@";

/// Whether a URL may break before its `j`th character: after 「/」「.」「-」「@」;
/// in a piece between those longer than 20 characters (a query string), after
/// 「?」「&」「=」「_」「#」 too; in a stretch still longer, anywhere.
fn url_break(url: &[char], j: usize) -> bool {
    let piece = |marks: &str, from: usize, to: usize| {
        let start = (from..j)
            .rev()
            .find(|&k| marks.contains(url[k]))
            .map_or(from, |k| k + 1);
        let end = (j..to)
            .find(|&k| marks.contains(url[k]))
            .map_or(to, |k| k + 1);
        (start, end)
    };
    if URL_MARKS.contains(url[j - 1]) {
        return !URL_MARKS.contains(url[j]);
    }
    let (from, to) = piece(URL_MARKS, 0, url.len());
    if to - from <= 20 {
        return false;
    }
    let (a, b) = piece("?&=_#", from, to);
    "?&=_#".contains(url[j - 1]) || b - a > 20
}

/// Every place a line ends inside a held run: (run, where), and how many
/// times a line ended next to one. `held` gives each run with the characters
/// after which it may break.
fn breaks_inside(built: &Built, held: &[(String, String)]) -> (Vec<String>, usize) {
    let (chars, lines) = printed_lines(built);
    let (mut inside, mut beside) = (Vec::new(), 0);
    for (run, allowed) in held {
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
                let ok = if allowed == URL_MARKS {
                    url_break(&run, j)
                } else {
                    allowed.contains(run[j - 1])
                };
                if lines[at + j] != lines[at + j - 1] && !ok {
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
    let held: Vec<(String, String)> = (HELD.iter())
        .map(|(r, a)| (r.to_string(), a.to_string()))
        .collect();
    let (inside, beside) = breaks_inside(built, &held);
    assert!(inside.is_empty(), "lines break inside: {inside:?}");
    // The lead-ins did bring line ends next to the runs, in every column.
    assert!(beside > 40, "only {beside} line ends next to a run");
}

/// The runs of `s` that must not break (as the issue states them, written out
/// here apart from planpress's own rules): a URL or e-mail address (breaks
/// after / . - @), a number with a full-width digit or a unit (万 千 億) and its
/// separators, a run of full-width Latin letters. A run wider than the
/// narrowest column (10 em) may break after its separators.
fn runs_of(s: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let ascii = |c: char| c.is_ascii_graphic() && !"（）「」、。".contains(c);
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        let url =
            rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
        let mut j = i;
        while j < chars.len() && ascii(chars[j]) {
            j += 1;
        }
        let token: String = chars[i..j].iter().collect();
        if j > i && (url || (token.contains('@') && token.contains('.'))) {
            let token = token
                .trim_end_matches(['.', ',', ')', ';', ':'])
                .to_string();
            out.push((token, URL_MARKS.to_string()));
            i = j;
            continue;
        }
        i = j.max(i + 1);
    }
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let letter = |c: char| ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c);
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        if digit(chars[i]) {
            while j < chars.len()
                && (digit(chars[j])
                    || ("，,．.：:－-".contains(chars[j])
                        && j + 1 < chars.len()
                        && digit(chars[j + 1])
                        && j > i)
                    || ("万千億".contains(chars[j]) && j > i && digit(chars[j - 1])))
            {
                j += 1;
            }
        } else {
            while j < chars.len() && letter(chars[j]) {
                j += 1;
            }
        }
        let run: String = chars[i..j].iter().collect();
        let wide = !run.is_ascii();
        if j > i + 1 && wide {
            let em: f32 = run
                .chars()
                .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
                .sum();
            let allowed = if em > 10.0 { "，,．.：:－-" } else { "" };
            out.push((run, allowed.to_string()));
        }
        i = j.max(i + 1);
    }
    out
}

/// The same in every edition: each string's runs, where the edition prints it.
#[test]
fn no_edition_breaks_a_line_inside_a_number_a_latin_word_or_a_url() {
    let mut beside = 0;
    for (name, dir) in crate::fixtures::editions() {
        let mut held = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                strings(&v, &mut |s| held.extend(runs_of(s)));
            }
        }
        held.sort();
        held.dedup();
        let (inside, near) = breaks_inside(built_once(&dir), &held);
        assert!(inside.is_empty(), "{name}: lines break inside: {inside:?}");
        beside += near;
    }
    assert!(beside > 10, "only {beside} line ends next to a run");
}

fn strings(v: &serde_json::Value, f: &mut dyn FnMut(&str)) {
    match v {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, f)),
        serde_json::Value::Object(m) => m.values().for_each(|v| strings(v, f)),
        _ => {}
    }
}
