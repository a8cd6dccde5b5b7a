//! Spellings of one word: which written forms can be one word, read from
//! their kanji and kana (皆さま／皆様, 分かる／わかる; not 以上／異常, まち／待ち).

use super::dictionary;

/// Spellings of one word: those with kanji joined when the kanji of one are
/// the other's (皆さま／皆様, 問合せ／問い合わせ); those in kana only (まち,
/// わかる) joined to them only when they can be one word. IPADIC lists a kana
/// spelling as an entry of its own, not as a form of a kanji word, so a kana
/// spelling that merely shares a reading is not enough: it is not joined when
/// the edition writes two words of different kanji with its reading (かえる:
/// 変える or 帰る), nor to a verb's noun (待ち, of 待つ) when it is a noun
/// itself (まち, as in まちづくり).
pub fn clusters(spellings: &[String], reading: &str, noun: bool) -> Vec<Vec<String>> {
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
}
