//! What a printed plan can hold. A build's time and memory grow with the text and
//! the items it lays out; these limits keep both bounded for any edition `check`
//! passes (60 targets of 100,000 characters took a build past 2.8 GB, 10,000
//! departments past a minute). Each is far beyond a real plan: the fixtures'
//! largest values are given beside each, and the shipped plan (20 pages) holds
//! 11,560 characters in 752 values.

use serde_json::Value;

use super::ContentError;

/// Characters in one text (a target, a paragraph, a cell, a heading). The longest
/// in the fixtures is long-names' 1,986-character target, written to cross a page;
/// a real target is under 300.
pub const TEXT_CHARS: usize = 2_000;
/// Targets of one 課 or 担当. Fixtures: at most 14.
pub const TARGETS: usize = 30;
/// 課 and 担当 in the whole edition. Fixtures: at most 25 (wide-ward); a ward
/// office has about 40.
pub const DEPARTMENTS: usize = 200;
/// Items of any other list: table rows, roster members, articles, paragraphs,
/// list items, cells, scenes. Fixtures: at most 66 (a results annex's rows).
pub const ITEMS: usize = 300;
/// Characters of all texts of the edition together: about 13 times the shipped
/// plan; fixtures at most 24,887 (large-ward). An edition at every limit (98
/// pages) builds in about 30 s with the debug binary and 330 MB (BENCHMARKS.md).
pub const EDITION_CHARS: usize = 150_000;
/// Values (texts, numbers, list items) of all files together. Fixtures: at most
/// 1,756 (wide-ward).
pub const EDITION_VALUES: usize = 30_000;

/// Every limit the files (name, parsed value) pass, as problems of `check`.
pub fn check<'a>(files: impl Iterator<Item = (&'a str, &'a Value)>) -> Vec<ContentError> {
    let mut tally = Tally::default();
    let mut out = Vec::new();
    for (name, value) in files {
        walk(name, value, String::new(), "", &mut tally, &mut out);
    }
    totals(&tally, &mut out);
    out
}

/// Totals over the files checked so far.
#[derive(Default)]
struct Tally {
    chars: usize,
    values: usize,
    departments: usize,
    /// Where the department count passed the limit, once.
    departments_over: bool,
}

/// The edition-wide limits, once every file is scanned.
fn totals(tally: &Tally, out: &mut Vec<ContentError>) {
    let mut whole = |message: String| out.push(ContentError::new("edition.json", message));
    if tally.chars > EDITION_CHARS {
        whole(format!(
            "版全体の文章が {} 字あります。一つの版は {} 字までにしてください（内容を別の版や資料に分けてください）",
            grouped(tally.chars),
            grouped(EDITION_CHARS)
        ));
    }
    if tally.values > EDITION_VALUES {
        whole(format!(
            "版全体の項目（文章・数値・一覧の要素）が {} 個あります。一つの版は {} 個までにしてください",
            grouped(tally.values),
            grouped(EDITION_VALUES)
        ));
    }
}

fn walk(
    file: &str,
    v: &Value,
    pointer: String,
    key: &str,
    tally: &mut Tally,
    out: &mut Vec<ContentError>,
) {
    tally.values += 1;
    let mut over = |message: String, at: String| out.push(ContentError::new(file, message).at(at));
    match v {
        Value::String(s) => {
            let n = s.chars().count();
            tally.chars += n;
            if n > TEXT_CHARS {
                over(
                    format!(
                        "{} 字あります。{} 字までにしてください（長い文章は分けてください）",
                        grouped(n),
                        grouped(TEXT_CHARS)
                    ),
                    pointer.clone(),
                );
            }
        }
        Value::Array(a) => {
            if key == "departments" || key == "units" {
                tally.departments += a.len();
                if tally.departments > DEPARTMENTS && !tally.departments_over {
                    tally.departments_over = true;
                    over(
                        format!(
                            "課・担当がここまでで {} を超えました。一つの版の課・担当は {} までにしてください",
                            grouped(DEPARTMENTS),
                            grouped(DEPARTMENTS)
                        ),
                        pointer.clone(),
                    );
                }
            } else {
                let (limit, what) = if key == "targets" {
                    (TARGETS, "目標")
                } else {
                    (ITEMS, "項目")
                };
                if a.len() > limit {
                    over(
                        format!(
                            "{what}が {} 個あります。{} 個までにしてください",
                            grouped(a.len()),
                            grouped(limit)
                        ),
                        pointer.clone(),
                    );
                }
            }
            for (i, x) in a.iter().enumerate() {
                walk(file, x, format!("{pointer}/{i}"), key, tally, out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let at = format!("{pointer}/{}", super::spans::pointer_token(k));
                walk(file, x, at, k, tally, out);
            }
        }
        _ => {}
    }
}

/// 1234 → 1,234.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1_234), "1,234");
        assert_eq!(grouped(300_000), "300,000");
    }
}
