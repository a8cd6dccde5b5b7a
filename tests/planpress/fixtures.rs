//! Editions shaped unlike the shipped one (tests/fixtures/, all fictional): many
//! and few departments, long names and texts, many scenes, every annex filled.
//! Nothing a clerk typed is lost: it is printed, or the build says what does not fit.

use crate::doc::*;
use typst::layout::Abs;

/// Every string of an edition's files that holds Japanese text (as
/// ../shared/tools/content_in_pdf.py walks them), results aside (they print in
/// the next year's edition).
fn japanese_strings(dir: &std::path::Path) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => m
                .iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "$schema" | "id" | "file" | "kind" | "result" | "status"
                    )
                })
                .for_each(|(_, v)| walk(v, out)),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::String(s)
                if s.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c)) =>
            {
                out.push(s.clone())
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            walk(&v, &mut out);
        }
    }
    out
}

/// Every fixture edition and the shipped one.
pub fn editions() -> Vec<(String, std::path::PathBuf)> {
    let mut out = vec![("miyamae-r2".to_string(), root().join("content/miyamae-r2"))];
    for name in [
        "fictional-r3",
        "small-ward",
        "large-ward",
        "long-names",
        "many-scenes",
        "text-blocks",
        "deep-org",
        "deep-org-next",
        "full-model",
        "full-model-next",
        "wide-ward",
        // The fictional city's wards, on its common layer (issue 25).
        "city-kasumi/midori-r7",
        "city-kasumi/shirakawa-r7",
        "city-kasumi/asagiri-r7",
    ] {
        out.push((
            name.replace('/', "-"),
            root().join("tests/fixtures").join(name),
        ));
    }
    out
}

/// Where `label` is printed as a cell of its own: consecutive runs of a page that
/// make up exactly the label. Returns (page, the label's character offsets where
/// the printed line breaks).
fn printed_labels(runs: &[Vec<Run>], label: &str) -> Vec<(usize, Vec<usize>)> {
    let label = normalize(label);
    let mut out = Vec::new();
    for (page, runs) in runs.iter().enumerate() {
        for start in 0..runs.len() {
            let (mut acc, mut cuts) = (String::new(), Vec::new());
            let mut line_x = runs[start].x;
            for k in start..runs.len() {
                let (a, b) = (&runs[k - k.min(1)], &runs[k]);
                if k > start && (b.y - a.y).abs() > Abs::pt(2.0) {
                    // A label's next line starts below its line in its cell; a
                    // run far to the side is another line's or cell's text.
                    if (b.x - line_x).abs() > Abs::pt(40.0) || b.y < a.y {
                        break;
                    }
                    line_x = b.x;
                    cuts.push(acc.chars().count());
                }
                acc.push_str(&normalize(&runs[k].text));
                if acc.len() >= label.len() {
                    break;
                }
            }
            if acc == label {
                out.push((page, cuts));
            }
        }
    }
    out
}

/// Whether `s` is in `text`, in order, where it may be interrupted by what
/// repeats at the top of a page it continues on (the table header, the
/// department's band): each piece at least ten characters, or the rest.
fn printed(text: &str, s: &str) -> bool {
    let s: Vec<char> = s.chars().collect();
    let (mut from, mut at) = (0, 0);
    while from < s.len() {
        let found = |n: usize| {
            let piece: String = s[from..from + n].iter().collect();
            text[at..].find(&piece).map(|i| at + i + piece.len())
        };
        // The longest piece found from here on.
        let (mut lo, mut hi) = (0, s.len() - from);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if found(mid).is_some() {
                lo = mid
            } else {
                hi = mid - 1
            }
        }
        if lo < 10.min(s.len() - from) {
            return false;
        }
        at = found(lo).unwrap();
        from += lo;
    }
    true
}

#[test]
fn editions_of_every_shape_build_and_print_everything() {
    for (name, dir) in editions() {
        let built = built_once(&dir);
        let text = normalize(&page_texts(built).concat());
        let content = built.content();
        let title = &content.edition.title;
        // A results annex filled from the previous edition closes its gap note.
        let closed: Vec<&String> = (content.annex.iter())
            .filter_map(|p| match p {
                planpress::content::Part::Results(r) if content.edition.previous.is_some() => {
                    r.gap.as_ref()
                }
                _ => None,
            })
            .collect();
        let missing: Vec<_> = japanese_strings(&dir)
            .into_iter()
            .filter(|s| s != title && !closed.contains(&s) && !printed(&text, &normalize(s)))
            .collect();
        assert!(missing.is_empty(), "{name}: not printed: {missing:?}");
    }
}

/// Where a department's targets or a scene's standards continue on a new page,
/// the page says whose they are: the department's band (「…（続き）」) and the
/// scene's cell are printed again.
#[test]
fn continuation_pages_repeat_the_department_and_the_scene() {
    let mut continued = 0;
    for (name, dir) in editions() {
        let built = built_once(&dir);
        let runs = page_runs(built);
        let pages: Vec<String> = page_texts(built).iter().map(|t| normalize(t)).collect();
        let content = built.content();
        // The page an item's text starts on, searched from `from` on (items are
        // printed in document order; their openings may repeat elsewhere).
        let page_of = |text: &str, from: usize| {
            let start: String = normalize(text).chars().take(20).collect();
            (from..pages.len()).find(|&p| pages[p].contains(&start))
        };
        let mut at = (headings(built).iter())
            .find(|h| h.1 == normalize(&content.departments().next().unwrap().1.full_name))
            .map_or(0, |h| h.2);
        for (_, d) in content.departments() {
            let first = page_of(&d.targets[0].text, at).unwrap();
            for t in &d.targets {
                let page = page_of(&t.text, at).unwrap_or_else(|| panic!("{name}: {}", t.text));
                at = page;
                let band = if page == first {
                    normalize(&d.full_name)
                } else {
                    continued += 1;
                    normalize(&format!("{}（続き）", d.full_name))
                };
                assert!(
                    pages[page].contains(&band),
                    "{name}: page {} holds {} 目標{} without 「{band}」",
                    page + 1,
                    d.full_name,
                    t.number
                );
            }
        }
        let mut at = 0;
        for st in content.standards() {
            let page = page_of(&st.text, at).unwrap();
            at = page;
            assert!(
                printed_labels(&runs, &st.scene)
                    .iter()
                    .any(|(p, _)| *p == page),
                "{name}: page {} holds 基準{} without its scene 「{}」",
                page + 1,
                st.number,
                st.scene
            );
        }
    }
    // The fixtures do make departments run over a page.
    assert!(continued > 0);
}

/// Names and labels in narrow cells break only between their phrases.
#[test]
fn no_name_or_scene_breaks_inside_a_phrase() {
    let mut broken_lines = 0;
    for (name, dir) in editions() {
        let built = built_once(&dir);
        let runs = page_runs(built);
        let content = built.content();
        let mut labels: Vec<&str> = content.edition.scenes.iter().map(|s| s.as_str()).collect();
        let holders: Vec<_> = content.departments().collect();
        labels.extend(holders.iter().map(|(_, d)| d.short_name.as_str()));
        labels.extend(content.standards().filter_map(|s| s.owner.as_deref()));
        for label in labels {
            let phrases = planpress::render::phrases::phrases(label);
            let mut bounds = vec![0];
            for p in &phrases {
                bounds.push(bounds.last().unwrap() + normalize(p).chars().count());
            }
            for (page, cuts) in printed_labels(&runs, label) {
                broken_lines += cuts.len();
                for cut in cuts {
                    assert!(
                        bounds.contains(&cut),
                        "{name}: page {}: 「{label}」 breaks inside a phrase ({phrases:?}, at {cut})",
                        page + 1
                    );
                }
            }
        }
    }
    // Some labels do take two lines in their narrow columns.
    assert!(broken_lines > 0);
}

/// Every stream's `/Length` is the byte count a PDF/A validator measures: from
/// after `stream` and its end-of-line to the end-of-line before `endstream`, a
/// CR LF there counted as one marker (ISO 19005-3 6.1.7.1). A compressed stream
/// whose last byte is a CR must not lose it to that marker.
#[test]
fn every_stream_length_is_what_a_validator_measures() {
    for (name, dir) in editions() {
        let built = built_once(&dir);
        let doc = pdf(built);
        let bytes = &built.pdf;
        let mut streams = 0;
        for (&(id, _), object) in &doc.objects {
            let Ok(stream) = object.as_stream() else {
                continue;
            };
            let Some(lopdf::xref::XrefEntry::Normal { offset, .. }) = doc.reference_table.get(id)
            else {
                panic!("{name}: object {id} has no offset");
            };
            let at = *offset as usize;
            let from = at + find(&bytes[at..], b"stream\n") + b"stream\n".len();
            let end = from + find(&bytes[from..], b"endstream");
            let eol = if bytes[..end].ends_with(b"\r\n") {
                2
            } else {
                1
            };
            let length = stream.dict.get(b"Length").and_then(|l| l.as_i64()).unwrap();
            assert_eq!(
                (end - eol - from) as i64,
                length,
                "{name}: object {id}: /Length is not the measured stream"
            );
            streams += 1;
        }
        assert!(streams > 10, "{name}: only {streams} streams read");
    }
}

fn find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .expect("the keyword is there")
}
