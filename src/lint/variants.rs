//! Variant spellings of one word within the edition (皆様／皆さま,
//! 分かりやすい／わかりやすい): words of one part of speech and one reading
//! (of their base form) whose spellings differ only by kanji written in kana.
//! Words of different parts of speech are different words (取組 the noun,
//! 取り組みます the verb), and homophones (以上／異常) differ in their kanji.

use std::collections::BTreeMap;

use serde::Serialize;

use super::dictionary::Word;
use super::spelling::{clusters, is_kana, is_kanji, katakana};
use super::{Analysed, Place, Style, kana, names};

/// A word written more than one way.
#[derive(Debug, Clone, Serialize)]
pub struct VariantGroup {
    /// The reading of its base form, in katakana.
    pub reading: String,
    /// 名詞, 動詞…
    pub pos: String,
    /// Its spellings, the most used first.
    pub forms: Vec<Form>,
    /// The word as the house style accepts it (皆様, 分かりやすい), when it names one.
    pub accepted: Option<String>,
}

/// One spelling of the word and where it is written so.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    /// The base form as written (分かる for 分かりやすい).
    pub spelling: String,
    pub count: usize,
    pub places: Vec<Occurrence>,
    /// The house style accepts it: only the other forms are deviations.
    pub accepted: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    /// The word as written there (分かりやすい).
    pub written: String,
    #[serde(flatten)]
    pub place: Place,
}

/// Parts of speech whose spelling varies; particles and auxiliaries are always kana.
const CONTENT_WORDS: &[&str] = &[
    "名詞",
    "動詞",
    "形容詞",
    "副詞",
    "連体詞",
    "接続詞",
    "接頭詞",
    "感動詞",
];

pub fn find(texts: &[Analysed], style: &Style) -> Vec<VariantGroup> {
    // (part of speech, its subdivision, reading) → (spelling, occurrence), in
    // document order. The subdivision parts 行く (自立) from the auxiliary いく
    // (非自立), 者 from the formal noun もの, 用 from よう.
    type Key = (String, String, String);
    let mut words: BTreeMap<Key, Vec<(String, Occurrence)>> = BTreeMap::new();
    let mut first: BTreeMap<Key, usize> = BTreeMap::new();
    let mut n = 0;
    for t in texts {
        let named = names::in_names(&t.words);
        for (i, w) in t.words.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| &t.words[p]);
            let next = t.words.get(i + 1);
            if !candidate(w)
                || named[i]
                || nominal(w, next)
                || misread(w, next)
                || compound(w, next)
                || kana::rule(w, prev, next).is_some()
            {
                continue;
            }
            let key = (w.pos.clone(), w.pos2.clone(), lemma_reading(w));
            let spelling = if w.base == "*" { &w.surface } else { &w.base };
            let end = written_end(&t.words, i);
            let written: String = t.words[i..end].iter().map(|w| w.surface.as_str()).collect();
            let place = t.place(w.start, t.words[end - 1].end);
            first.entry(key.clone()).or_insert(n);
            n += 1;
            words
                .entry(key)
                .or_default()
                .push((spelling.clone(), Occurrence { written, place }));
        }
    }
    let mut groups: Vec<(usize, VariantGroup)> = Vec::new();
    for ((pos, pos2, reading), occurrences) in words {
        let mut spellings: Vec<String> = occurrences.iter().map(|(s, _)| s.clone()).collect();
        spellings.sort();
        spellings.dedup();
        for cluster in clusters(&spellings, &reading, pos == "名詞") {
            if cluster.len() < 2 {
                continue;
            }
            let mut forms: Vec<Form> = cluster
                .iter()
                .map(|s| {
                    let places: Vec<Occurrence> = (occurrences.iter())
                        .filter(|(sp, _)| sp == s)
                        .map(|(_, o)| o.clone())
                        .collect();
                    Form {
                        spelling: s.clone(),
                        count: places.len(),
                        places,
                        accepted: false,
                    }
                })
                .collect();
            forms.sort_by_key(|f| std::cmp::Reverse(f.count));
            // The house style names the base form or a word as written.
            let mut accepted = None;
            for f in &mut forms {
                let named = std::iter::once(&f.spelling)
                    .chain(f.places.iter().map(|o| &o.written))
                    .find(|w| style.accepts(w));
                if let Some(w) = named {
                    accepted.get_or_insert_with(|| w.clone());
                    f.accepted = true;
                }
            }
            if accepted.is_some() && forms.iter().all(|f| f.accepted) {
                continue;
            }
            let at = first[&(pos.clone(), pos2.clone(), reading.clone())];
            groups.push((
                at,
                VariantGroup {
                    reading: reading.clone(),
                    pos: pos.clone(),
                    forms,
                    accepted,
                },
            ));
        }
    }
    groups.sort_by_key(|(at, _)| *at);
    groups.into_iter().map(|(_, g)| g).collect()
}

/// A word whose spelling can vary: a content word with a reading, in Japanese
/// script, not a number or a proper noun (names are spelled as their owners do;
/// so are names in kana the analyser takes for ordinary nouns, see names.rs),
/// nor a formal noun (the kana rules cover those; 者 and もの are two words).
fn candidate(w: &Word) -> bool {
    CONTENT_WORDS.contains(&w.pos.as_str())
        && !(w.pos == "名詞" && matches!(w.pos2.as_str(), "数" | "固有名詞" | "非自立"))
        && !w.reading.is_empty()
        && w.surface.chars().any(|c| is_kana(c) || is_kanji(c))
}

/// A verb's 連用形 used as a noun (声掛けします, 声掛けを, 見守り活動, a
/// heading's 「ふれあい」): another part of speech than the verb (かける), as
/// 取組 is than 取り組みます. So are names in hiragana the analyser reads as a
/// verb (「ひびき会館」 is not 響く, 「はぐくみの会」 not 育む).
fn nominal(w: &Word, next: Option<&Word>) -> bool {
    w.pos == "動詞"
        && w.form.starts_with("連用")
        && next.is_none_or(|n| {
            (n.pos == "動詞" && n.base == "する")
                || (n.pos == "助詞" && matches!(n.pos2.as_str(), "格助詞" | "係助詞" | "連体化"))
                || n.pos == "名詞"
                || (n.pos == "記号" && n.pos2 != "読点")
        })
}

/// A conjugated form the next word cannot follow: the analyser has split a
/// word it does not know, a name in hiragana (わかたけ as わか|た|け, the
/// 未然形 of わく before た; かえで as かえ|で).
fn misread(w: &Word, next: Option<&Word>) -> bool {
    if !matches!(w.pos.as_str(), "動詞" | "形容詞") {
        return false;
    }
    if w.form.starts_with("未然") {
        return !next.is_some_and(|n| {
            (n.pos == "助動詞"
                && matches!(
                    n.base.as_str(),
                    "ない"
                        | "ぬ"
                        | "ん"
                        | "う"
                        | "よう"
                        | "まい"
                        | "れる"
                        | "られる"
                        | "せる"
                        | "させる"
                        | "ず"
                ))
                || (n.pos == "動詞" && n.pos2 == "接尾")
        });
    }
    if w.form.starts_with("仮定") {
        return !next.is_some_and(|n| matches!(n.surface.as_str(), "ば" | "ど" | "ども"));
    }
    false
}

/// A noun in kana only that begins a compound (まちづくり, さくら会,
/// こども家庭センター): part of a name or a set term, spelled as it is.
fn compound(w: &Word, next: Option<&Word>) -> bool {
    w.pos == "名詞"
        && !w.surface.chars().any(is_kanji)
        && next.is_some_and(|n| n.pos == "名詞" && n.start == w.end)
}

/// The end (exclusive) of the word as a clerk sees it: a verb or adjective with
/// the endings that attach to it (分かり + やすい), a prefix with its noun (ご + 案内).
fn written_end(words: &[Word], i: usize) -> usize {
    let mut end = i + 1;
    if words[i].pos == "接頭詞" {
        return (end + 1).min(words.len());
    }
    if matches!(words[i].pos.as_str(), "動詞" | "形容詞") {
        while let Some(w) = words.get(end)
            && matches!(w.pos.as_str(), "動詞" | "形容詞")
            && matches!(w.pos2.as_str(), "接尾" | "非自立")
        {
            end += 1;
        }
    }
    end
}

/// The reading of the word's base form: the reading of 分かり (ワカリ) with its
/// conjugated ending replaced by the base form's (ワカル).
fn lemma_reading(w: &Word) -> String {
    if w.base == "*" || w.base == w.surface {
        return w.reading.clone();
    }
    let surface: Vec<char> = w.surface.chars().collect();
    let base: Vec<char> = w.base.chars().collect();
    let common = surface
        .iter()
        .zip(&base)
        .take_while(|(a, b)| a == b)
        .count();
    let tail = &surface[common..];
    let reading: Vec<char> = w.reading.chars().collect();
    if !tail.iter().all(|&c| is_kana(c)) || tail.len() > reading.len() {
        return w.reading.clone();
    }
    let stem = &reading[..reading.len() - tail.len()];
    stem.iter()
        .copied()
        .chain(base[common..].iter().map(|&c| katakana(c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_reading_of_a_conjugated_word() {
        let w = |surface: &str, base: &str, reading: &str| Word {
            surface: surface.into(),
            start: 0,
            end: 0,
            pos: "動詞".into(),
            pos2: "自立".into(),
            form: "連用形".into(),
            base: base.into(),
            reading: reading.into(),
        };
        assert_eq!(lemma_reading(&w("分かり", "分かる", "ワカリ")), "ワカル");
        assert_eq!(lemma_reading(&w("出来", "出来る", "デキ")), "デキル");
        assert_eq!(lemma_reading(&w("でき", "できる", "デキ")), "デキル");
    }
}
