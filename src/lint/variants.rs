//! Variant spellings of one word within the edition (皆様／皆さま,
//! 分かりやすい／わかりやすい): words of one part of speech and one reading
//! (of their base form) whose spellings differ only by kanji written in kana.
//! Words of different parts of speech are different words (取組 the noun,
//! 取り組みます the verb), and homophones (以上／異常) differ in their kanji.

use std::collections::BTreeMap;

use serde::Serialize;

use super::dictionary::{self, Word};
use super::{Analysed, Place, Style, kana};

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
        for (i, w) in t.words.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| &t.words[p]);
            let next = t.words.get(i + 1);
            if !candidate(w)
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
/// script, not a number or a proper noun (names are spelled as their owners do),
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

/// Spellings of one word: those with kanji joined when the kanji of one are
/// the other's (皆さま／皆様, 問合せ／問い合わせ); those in kana only (まち,
/// わかる) joined to them only when they can be one word. IPADIC lists a kana
/// spelling as an entry of its own, not as a form of a kanji word, so a kana
/// spelling that merely shares a reading is not enough: it is not joined when
/// the edition writes two words of different kanji with its reading (かえる:
/// 変える or 帰る), nor to a verb's noun (待ち, of 待つ) when it is a noun
/// itself (まち, as in まちづくり).
fn clusters(spellings: &[String], reading: &str, noun: bool) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut kana: Vec<String> = Vec::new();
    for s in spellings {
        if !fits(s, reading) {
            groups.push(vec![s.clone()]);
            continue;
        }
        if !s.chars().any(is_kanji) {
            kana.push(s.clone());
            continue;
        }
        let (joined, rest): (Vec<Vec<String>>, Vec<Vec<String>>) = groups
            .into_iter()
            .partition(|g| g.iter().any(|m| fits(m, reading) && same_kanji(m, s)));
        groups = rest;
        let mut group: Vec<String> = joined.into_iter().flatten().collect();
        group.push(s.clone());
        groups.push(group);
    }
    if !kana.is_empty() {
        let words: Vec<usize> = (0..groups.len())
            .filter(|&i| groups[i].iter().any(|m| fits(m, reading)))
            .collect();
        match words[..] {
            [i] if !(noun && groups[i].iter().any(|m| verb_noun(m))) => groups[i].extend(kana),
            _ => groups.push(kana),
        }
    }
    for g in &mut groups {
        g.sort();
    }
    groups
}

/// Whether a noun written in kanji and kana is a verb's 連用形 used as a noun
/// (待ち of 待つ, 問い合わせ of 問い合わせる): the verb's base form (its last
/// kana moved to the う-row, or る added) is one word of IPADIC, that verb.
fn verb_noun(spelling: &str) -> bool {
    let chars: Vec<char> = spelling.chars().collect();
    let Some(&last) = chars.last() else {
        return false;
    };
    if !chars.iter().any(|&c| is_kanji(c)) || !is_kana(last) {
        return false;
    }
    let stem: String = chars[..chars.len() - 1].iter().collect();
    let u_row = match last {
        'い' => Some('う'),
        'き' => Some('く'),
        'ぎ' => Some('ぐ'),
        'し' => Some('す'),
        'ち' => Some('つ'),
        'に' => Some('ぬ'),
        'び' => Some('ぶ'),
        'み' => Some('む'),
        'り' => Some('る'),
        _ => None,
    };
    let mut forms = vec![format!("{spelling}る")];
    forms.extend(u_row.map(|u| format!("{stem}{u}")));
    forms.iter().any(|f| {
        let w = dictionary::words(f);
        w.len() == 1 && w[0].pos == "動詞" && w[0].base == *f
    })
}

/// Whether the kanji of one spelling are the other's, some written in kana
/// (皆さま／皆様, 問合せ／問い合わせ; not 以上／異常).
fn same_kanji(a: &str, b: &str) -> bool {
    let ka: Vec<char> = a.chars().filter(|&c| is_kanji(c)).collect();
    let kb: Vec<char> = b.chars().filter(|&c| is_kanji(c)).collect();
    subsequence(&ka, &kb) || subsequence(&kb, &ka)
}

fn subsequence(short: &[char], long: &[char]) -> bool {
    let mut it = long.iter();
    short.iter().all(|c| it.any(|d| d == c))
}

/// Whether a spelling can be read `reading`: its kana are there in order, each
/// run of kanji standing for at least one sound.
fn fits(spelling: &str, reading: &str) -> bool {
    let s: Vec<char> = spelling.chars().collect();
    let r: Vec<char> = reading.chars().collect();
    fn go(s: &[char], r: &[char]) -> bool {
        match s.first() {
            None => r.is_empty(),
            Some(&c) if is_kanji(c) => {
                let run = s.iter().take_while(|&&c| is_kanji(c)).count();
                (1..=r.len()).any(|n| go(&s[run..], &r[n..]))
            }
            Some(&c) => r.first() == Some(&katakana(c)) && go(&s[1..], &r[1..]),
        }
    }
    go(&s, &r)
}

pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '〆' | 'ヶ')
}

pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | 'ー')
}

/// Hiragana as katakana; anything else as it is.
pub fn katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Katakana as hiragana.
pub fn hiragana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_for_kanji_is_a_variant_other_kanji_are_another_word() {
        assert!(fits("皆さま", "ミナサマ") && fits("皆様", "ミナサマ"));
        assert!(same_kanji("皆さま", "皆様"));
        assert!(same_kanji("問合せ", "問い合わせ") && fits("問合せ", "トイアワセ"));
        assert!(same_kanji("わかる", "分かる"));
        assert!(!same_kanji("以上", "異常"));
        assert!(!fits("分かる", "ワカリ"));
    }

    fn groups(spellings: &[&str], reading: &str, noun: bool) -> Vec<Vec<String>> {
        let spellings: Vec<String> = spellings.iter().map(|s| s.to_string()).collect();
        let mut g: Vec<Vec<String>> = clusters(&spellings, reading, noun)
            .into_iter()
            .filter(|g| g.len() > 1)
            .collect();
        g.sort();
        g
    }

    #[test]
    fn a_kana_spelling_joins_only_the_one_word_it_can_be() {
        // かえる could be 変える or 帰る: it joins neither, and does not join them.
        assert!(groups(&["かえる", "変える", "帰る"], "カエル", false).is_empty());
        assert_eq!(
            groups(&["かえる", "変える"], "カエル", false),
            [["かえる", "変える"]]
        );
        // まち (a noun of its own in IPADIC) is not 待ち, the noun of the verb 待つ.
        assert!(verb_noun("待ち") && verb_noun("問い合わせ"));
        assert!(!verb_noun("全て") && !verb_noun("子ども") && !verb_noun("皆さま"));
        assert!(groups(&["まち", "待ち"], "マチ", true).is_empty());
        assert_eq!(
            groups(&["すべて", "全て"], "スベテ", true),
            [["すべて", "全て"]]
        );
        assert_eq!(groups(&["まち", "町"], "マチ", true), [["まち", "町"]]);
        assert_eq!(
            groups(&["問い合わせ", "問合せ"], "トイアワセ", true),
            [["問い合わせ", "問合せ"]]
        );
    }

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
