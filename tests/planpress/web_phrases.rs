//! The web edition breaks names, scenes and headings as the PDF does: only
//! between phrases.

use crate::web::{text, web};
use crate::web_shapes::{style, stylesheet};

/// The `<wbr>` cuts of each `class="ph"` span whose text is `label`: character
/// offsets into the label.
fn web_cuts(html: &str, label: &str) -> Vec<Vec<usize>> {
    let open = "<span class=\"ph\">";
    let mut out = Vec::new();
    for (i, _) in html.match_indices(open) {
        // Phrases kept whole are text; a longer one is a nested span.
        let body = &html[i + open.len()..];
        let (mut depth, mut end) = (0, 0);
        for (j, _) in body.match_indices("span") {
            if body[..j].ends_with("</") {
                if depth == 0 {
                    end = j - 2;
                    break;
                }
                depth -= 1;
            } else if body[..j].ends_with('<') {
                depth += 1;
            }
        }
        let body = &body[..end];
        if text(body) != label {
            continue;
        }
        let mut cuts = Vec::new();
        for piece in body.split("<wbr>").map(text) {
            cuts.push(cuts.last().copied().unwrap_or(0) + piece.chars().count());
        }
        cuts.pop();
        out.push(cuts);
    }
    out
}

/// Department names, scenes and owners on the web page break only between the
/// phrases the PDF keeps whole, never inside a katakana word: the stylesheet
/// lets them break nowhere else (`word-break: keep-all`), and `<wbr>` marks the
/// phrase boundaries.
#[test]
fn names_break_only_between_phrases_on_the_web_page() {
    let css = stylesheet();
    assert!(style(&css, "", ".ph").contains("word-break: keep-all"));
    let katakana = |c: char| ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー';
    let mut cut = 0;
    for (name, dir) in crate::fixtures::editions() {
        let html = web(&dir);
        let content = planpress::content::load(&dir).unwrap();
        // The scenes this edition prints (a city's common list may name more).
        let mut labels: Vec<&str> = (content.edition.scenes.iter())
            .map(|s| s.as_str())
            .filter(|s| !on_common_layer(&content) || used(&content, s))
            .collect();
        let holders: Vec<_> = content.departments().collect();
        labels.extend(holders.iter().map(|(_, d)| d.full_name.as_str()));
        labels.extend(content.standards().filter_map(|s| s.owner.as_deref()));
        for label in labels {
            let chars: Vec<char> = label.chars().collect();
            let phrases = planpress::render::phrases::phrases(label);
            let bounds: Vec<usize> = phrases
                .iter()
                .scan(0, |at, p| {
                    *at += p.chars().count();
                    Some(*at)
                })
                .collect();
            let found = web_cuts(&html, label);
            assert!(!found.is_empty(), "{name}: 「{label}」 not set as phrases");
            for cuts in found {
                assert_eq!(cuts, bounds[..bounds.len() - 1], "{name}: 「{label}」");
                for &c in &cuts {
                    assert!(
                        !(katakana(chars[c - 1]) && katakana(chars[c])),
                        "{name}: 「{label}」 breaks inside a katakana word at {c}"
                    );
                }
                cut += cuts.len();
            }
        }
    }
    assert!(cut > 0, "some names have more than one phrase");
}

/// A ward whose scenes come from the city's common folder (issue 25).
fn on_common_layer(content: &planpress::Content) -> bool {
    content.common.is_some()
}

/// Whether a standard or a target of the edition is in this scene.
fn used(content: &planpress::Content, scene: &str) -> bool {
    content.standards().any(|s| s.scene == scene)
        || (content.departments()).any(|(_, d)| d.targets.iter().any(|t| t.scene == scene))
}
