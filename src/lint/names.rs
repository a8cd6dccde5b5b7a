//! Names written in kana (さくらの会, 「ひまわりの家」, 白川ひまわり): spelled as
//! their owners spell them, so never a variant of the ordinary word of their
//! reading (桜, 向日葵). Told from the ordinary word by the analysis, not by a
//! list of names: a kana noun is part of a name when
//! - it and の head a name: the noun after の is one the dictionary knows as a
//!   suffix of the same reading (会 of さくら会, 園, 館), so 〜の会 names a
//!   body as 〜会 does (さくらの花, まちの人 stay ordinary words);
//! - it stands in 「」 or 『』 holding only a noun phrase (「ひまわりの家」);
//! - it directly follows a proper noun, the longer name it ends (白川ひまわり).
//!
//! A kana noun directly followed by another noun (さくら会) is a compound,
//! left out by variants::compound.

use super::dictionary::{self, Word};
use super::spelling::is_kanji;

/// For each word of a text, whether it is a kana noun that is part of a name.
pub fn in_names(words: &[Word]) -> Vec<bool> {
    let quoted = quoted_nouns(words);
    (0..words.len())
        .map(|i| {
            let w = &words[i];
            let kana_noun = w.pos == "名詞" && !w.surface.chars().any(is_kanji);
            kana_noun && (quoted[i] || heads_a_name(words, i) || ends_a_proper_noun(words, i))
        })
        .collect()
}

/// さくら in さくらの会: の, then a noun the dictionary also lists as a
/// suffix of the same reading, written right after the kana noun.
fn heads_a_name(words: &[Word], i: usize) -> bool {
    let (w, Some(no), Some(head)) = (&words[i], words.get(i + 1), words.get(i + 2)) else {
        return false;
    };
    let adjacent = w.end == no.start && no.end == head.start;
    if !adjacent || no.surface != "の" || no.pos != "助詞" || head.pos != "名詞" {
        return false;
    }
    // The name without の, as the analyser reads a compound: さくら + 会(接尾).
    let joined = dictionary::words(&format!("{}{}", w.surface, head.surface));
    joined.last().is_some_and(|s| {
        s.surface == head.surface
            && s.pos == "名詞"
            && s.pos2 == "接尾"
            && s.reading == head.reading
    })
}

/// Whether each word stands in 「」 or 『』 holding only a noun phrase: nouns,
/// prefixes, の and marks such as ・ (a name or a term quoted as written).
fn quoted_nouns(words: &[Word]) -> Vec<bool> {
    let mut out = vec![false; words.len()];
    let mut open: Option<usize> = None;
    for (i, w) in words.iter().enumerate() {
        match (w.pos.as_str(), w.pos2.as_str(), w.surface.as_str()) {
            ("記号", "括弧開", "「" | "『") => open = Some(i),
            ("記号", "括弧閉", "」" | "』") => {
                if let Some(o) = open.take()
                    && i > o + 1
                    && words[o + 1..i].iter().all(noun_phrase)
                {
                    out[o + 1..i].fill(true);
                }
            }
            _ => {}
        }
    }
    out
}

fn noun_phrase(w: &Word) -> bool {
    match w.pos.as_str() {
        "名詞" | "接頭詞" => true,
        "助詞" => w.pos2 == "連体化",
        "記号" => !matches!(w.pos2.as_str(), "括弧開" | "括弧閉" | "句点" | "読点"),
        _ => false,
    }
}

/// ひまわり in 白川ひまわり: right after a proper noun, the end of its name.
fn ends_a_proper_noun(words: &[Word], i: usize) -> bool {
    i.checked_sub(1)
        .map(|p| &words[p])
        .is_some_and(|p| p.pos == "名詞" && p.pos2 == "固有名詞" && p.end == words[i].start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kana nouns of `text` read as part of a name.
    fn names(text: &str) -> Vec<String> {
        let words = dictionary::words(text);
        let named = in_names(&words);
        (words.iter().zip(named))
            .filter(|(_, n)| *n)
            .map(|(w, _)| w.surface.clone())
            .collect()
    }

    #[test]
    fn names_are_told_by_their_structure() {
        assert_eq!(
            names("さくらの会やひまわりの会と協力します。"),
            ["さくら", "ひまわり"]
        );
        assert_eq!(names("「ひまわりの家」の活動"), ["ひまわり"]);
        assert_eq!(names("白川ひまわりと連携します。"), ["ひまわり"]);
        // Ordinary words: の + a noun that heads no name, a quoted sentence.
        for text in [
            "さくらの花が咲きます。",
            "まちの人に伝えます。",
            "まちの魅力を伝えます。",
            "「さくらが咲く」と書きます。",
            "さくらが咲く季節です。",
        ] {
            assert_eq!(names(text), Vec::<String>::new(), "{text}");
        }
    }
}
