//! What changed inside an item, character by character: Japanese has no spaces
//! between words, so words cannot be compared. The diff is diff-match-patch's
//! (the `dissimilar` crate) with its semantic cleanup, so a mark covers a
//! meaningful run rather than scattered single characters.

use serde::Serialize;

/// A run of text, marked when it changed (underlined in the 新旧対照表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    pub text: String,
    pub marked: bool,
}

/// Runs of text, consecutive runs of the same mark merged.
fn push(runs: &mut Vec<Run>, text: &str, marked: bool) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.marked == marked => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_string(),
            marked,
        }),
    }
}

/// The old and the new text as runs, the characters removed from the old and
/// those added to the new marked: whole characters as printed (a grapheme
/// cluster: a kana with its combining dakuten, a kanji with its variation
/// selector), never a mark alone, which would print apart from its base.
pub fn marked(old: &str, new: &str) -> (Vec<Run>, Vec<Run>) {
    let (mut o, mut n) = (Vec::new(), Vec::new());
    for chunk in dissimilar::diff(old, new) {
        match chunk {
            dissimilar::Chunk::Equal(s) => {
                push(&mut o, s, false);
                push(&mut n, s, false);
            }
            dissimilar::Chunk::Delete(s) => push(&mut o, s, true),
            dissimilar::Chunk::Insert(s) => push(&mut n, s, true),
        }
    }
    (whole_clusters(&o), whole_clusters(&n))
}

/// Runs whose marks cover whole grapheme clusters: a cluster with any marked
/// character is marked whole.
fn whole_clusters(runs: &[Run]) -> Vec<Run> {
    use unicode_segmentation::UnicodeSegmentation;
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    // The byte ranges of the marked runs.
    let mut marks = Vec::new();
    let mut at = 0;
    for r in runs {
        if r.marked {
            marks.push(at..at + r.text.len());
        }
        at += r.text.len();
    }
    let mut out = Vec::new();
    for (start, cluster) in text.grapheme_indices(true) {
        let end = start + cluster.len();
        let marked = marks.iter().any(|m| m.start < end && start < m.end);
        push(&mut out, cluster, marked);
    }
    out
}

/// A whole text, unmarked or marked.
pub fn whole(text: &str, marked: bool) -> Vec<Run> {
    let mut runs = Vec::new();
    push(&mut runs, text, marked);
    runs
}

/// Passages of an item side by side: the same on both sides, or changed
/// (either side may be missing: a passage added or removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Passage<'a> {
    Same(&'a str),
    Changed(Option<&'a str>, Option<&'a str>),
}

/// Align the passages of an item's old and new text: the longest common run
/// of unchanged passages, and between its members the passages paired in order.
pub fn passages<'a>(old: &'a [String], new: &'a [String]) -> Vec<Passage<'a>> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: the longest common run of old[i..] and new[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut gone, mut came): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |gone: &mut Vec<&'a str>, came: &mut Vec<&'a str>, out: &mut Vec<Passage<'a>>| {
        let k = gone.len().max(came.len());
        for x in 0..k {
            let (o, n) = (gone.get(x).copied(), came.get(x).copied());
            match (o, n) {
                // Two passages too unlike are one removed and one added.
                (Some(a), Some(b)) if super::matching::likeness(a, b) < 0.3 => {
                    out.push(Passage::Changed(Some(a), None));
                    out.push(Passage::Changed(None, Some(b)));
                }
                _ => out.push(Passage::Changed(o, n)),
            }
        }
        gone.clear();
        came.clear();
    };
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            flush(&mut gone, &mut came, &mut out);
            out.push(Passage::Same(&old[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            came.push(&new[j]);
            j += 1;
        } else {
            gone.push(&old[i]);
            i += 1;
        }
    }
    flush(&mut gone, &mut came, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(runs: &[Run]) -> String {
        (runs.iter())
            .map(|r| {
                if r.marked {
                    format!("[{}]", r.text)
                } else {
                    r.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn only_the_changed_characters_are_marked() {
        let (o, n) = marked("窓口で用件を伺います。", "受付で用件を丁寧に伺います。");
        assert_eq!(show(&o), "[窓口]で用件を伺います。");
        assert_eq!(show(&n), "[受付]で用件を[丁寧に]伺います。");
    }

    #[test]
    fn a_dakuten_or_variation_selector_is_marked_with_its_character() {
        let (o, n) = marked("かき", "か\u{3099}き");
        assert_eq!(
            (show(&o), show(&n)),
            ("かき".into(), "[か\u{3099}]き".into())
        );
        let (_, n) = marked("葛飾", "葛\u{e0100}飾");
        assert_eq!(show(&n), "[葛\u{e0100}]飾");
    }

    #[test]
    fn scattered_single_characters_become_one_run() {
        // Two words replaced with one unchanged character between them: one mark.
        let (o, n) = marked("区民課の窓口", "保険年金課と窓口");
        assert_eq!(show(&o), "[区民課の]窓口");
        assert_eq!(show(&n), "[保険年金課と]窓口");
    }

    #[test]
    fn passages_pair_in_order_around_those_unchanged() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let old = s(&["見出し", "第一段落です。", "第二段落です。"]);
        let new = s(&[
            "見出し",
            "第一段落を改めました。",
            "第二段落です。",
            "追加の段落",
        ]);
        assert_eq!(
            passages(&old, &new),
            [
                Passage::Same("見出し"),
                Passage::Changed(Some("第一段落です。"), Some("第一段落を改めました。")),
                Passage::Same("第二段落です。"),
                Passage::Changed(None, Some("追加の段落")),
            ]
        );
    }
}
