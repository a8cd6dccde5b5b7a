//! Phrases for short measures: labels, names and headings break between phrases
//! («地域みまもり／支援センター»), never inside a word. BudouX (its Japanese model,
//! embedded in the `budoux` crate) finds the phrase boundaries; a few rules on
//! top keep katakana and Latin words whole and never leave one character alone.
//! The Typst templates set each phrase in a box; the web edition puts `<wbr>`
//! between phrases of text that otherwise does not break (`word-break: keep-all`).

/// A phrase longer than this (in characters) is not kept whole: it could not fit
/// a narrow column, so it breaks as ordinary text does.
pub const LONGEST: usize = 16;

/// Whether a phrase is set whole (both outputs): not too long, and holding no
/// space or long Latin token, which break as text does.
pub fn kept_whole(phrase: &str) -> bool {
    phrase.chars().count() <= LONGEST
        && !phrase.trim_end().contains(char::is_whitespace)
        && super::breaks::pieces(phrase).len() == 1
}

/// `s` cut into phrases; concatenated, they are `s` exactly.
pub fn phrases(s: &str) -> Vec<String> {
    if s.is_empty() {
        return vec![String::new()];
    }
    let model = budoux::models::default_japanese_model();
    let mut out: Vec<String> = Vec::new();
    // A line break typed in the value is a phrase boundary of its own.
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            match out.last_mut() {
                Some(last) => last.push('\n'),
                None => out.push("\n".into()),
            }
        }
        if line.is_empty() {
            continue;
        }
        // A space typed between names (区民課 戸籍担当) is a boundary too; it
        // stays at the end of the phrase before it.
        let mut parts: Vec<String> = (line.split_inclusive(char::is_whitespace))
            .flat_map(|w| budoux::parse(model, w))
            .flat_map(|p| compound(&p))
            .collect();
        join_words(&mut parts);
        join_single(&mut parts);
        out.extend(parts);
    }
    out
}

/// A phrase longer than this is a compound of nouns (BudouX keeps noun compounds
/// whole: 「区役所サービス向上アクションプラン」); it is cut where the script changes
/// between kanji and katakana, and after 「・」.
const COMPOUND: usize = 6;

fn compound(p: &str) -> Vec<String> {
    let chars: Vec<char> = p.chars().collect();
    if chars.len() <= COMPOUND {
        return vec![p.to_string()];
    }
    let kanji = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '々';
    let katakana = |c: char| word_class(c) == Some(0);
    let mut out = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            let b = chars[i - 1];
            if b == '・' || (kanji(b) && katakana(c)) || (katakana(b) && kanji(c)) {
                out.push(String::new());
            }
        }
        out.last_mut().unwrap().push(c);
    }
    out
}

/// A katakana word in running text longer than this breaks as text does: the
/// text columns of the narrowest tables hold about ten characters.
pub const LONGEST_WORD: usize = 10;

/// A longer katakana word up to this length (「コミュニケーションロボットサービス」)
/// is held whole by a table that widens its column for it (the annex tables,
/// the 新旧対照表's tables); a longer one breaks as text does.
pub const LONGEST_HELD: usize = 20;

/// `s` cut into pieces where each katakana word (two characters or more) is a
/// piece of its own: text in a table cell keeps ordinary breaking, but never
/// breaks inside a katakana word. Concatenated, the pieces are `s`; the bool
/// says whether the piece is such a word.
pub fn katakana_words(s: &str) -> Vec<(&str, bool)> {
    let mut out: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let k = word_class(c) == Some(0);
        if k != in_word && i > start {
            out.push((&s[start..i], in_word));
            start = i;
        }
        in_word = k;
    }
    out.push((&s[start..], in_word));
    // A lone katakana character (a ヶ in a place name, say) is no word to keep.
    for piece in &mut out {
        piece.1 = piece.1 && piece.0.chars().count() > 1;
    }
    out
}

/// Characters of one word that BudouX may cut: katakana (with ー) and Latin.
fn word_class(c: char) -> Option<u8> {
    match c {
        'ァ'..='ヺ' | 'ー' | 'ｦ'..='ﾟ' => Some(0),
        c if c.is_ascii_alphanumeric() || c.is_alphanumeric() && (c as u32) < 0x250 => Some(1),
        'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => Some(1),
        _ => None,
    }
}

/// Join phrases cut inside a katakana or Latin word, or inside a number.
fn join_words(parts: &mut Vec<String>) {
    let mut i = 1;
    while i < parts.len() {
        let before = parts[i - 1].chars().last().and_then(word_class);
        let after = parts[i].chars().next().and_then(word_class);
        // Inside a number (２万／１千) too.
        let pair = format!("{}{}", parts[i - 1], parts[i]);
        let number = super::breaks::held(&pair, parts[i - 1].len());
        if (before.is_some() && before == after) || number {
            let next = parts.remove(i);
            parts[i - 1].push_str(&next);
        } else {
            i += 1;
        }
    }
}

/// Join a one-character phrase to its neighbour (the one before, or the one
/// after at the start), so no character stands alone on a line.
fn join_single(parts: &mut Vec<String>) {
    let mut i = 0;
    while parts.len() > 1 && i < parts.len() {
        if parts[i].chars().count() == 1 {
            let one = parts.remove(i);
            if i == 0 {
                parts[0].insert_str(0, &one);
            } else {
                parts[i - 1].push_str(&one);
            }
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::phrases;

    #[test]
    fn names_break_between_phrases_only() {
        for name in [
            "地域みまもり支援センター",
            "オンライン・デジタル手続",
            "危機管理担当",
            "シティプロモーション・DX推進室",
            "一部達成",
            "反映",
            "サービス向上の取組",
            "https://www.city.example.lg.jp/",
        ] {
            let p = phrases(name);
            assert_eq!(p.concat(), name, "{p:?}");
            assert!(p.iter().all(|x| x.chars().count() > 1), "{p:?}");
            for w in p.windows(2) {
                let (a, b) = (w[0].chars().last().unwrap(), w[1].chars().next().unwrap());
                assert!(
                    super::word_class(a).is_none() || super::word_class(a) != super::word_class(b),
                    "{p:?} cuts a word"
                );
            }
        }
        assert_eq!(
            phrases("地域みまもり支援センター").last().unwrap(),
            "支援センター"
        );
        assert_eq!(phrases("危機管理担当"), ["危機管理担当"]);
        for p in phrases("約２万１千世帯") {
            assert!(!p.ends_with('万') && !p.ends_with('，'), "{p}");
        }
        assert!(
            phrases("約２，５００人")
                .iter()
                .any(|p| p.contains("２，５００"))
        );
        // Noun compounds are cut where the script changes, and after 「・」.
        let plan = ["区役所", "サービス", "向上", "アクションプラン"];
        assert_eq!(phrases(&plan.concat()), plan);
        assert_eq!(
            phrases("オンライン・デジタル手続"),
            ["オンライン・", "デジタル", "手続"]
        );
    }

    #[test]
    fn katakana_words_are_pieces_of_their_own() {
        let s = "区ホームページとオンライン申請（https://example.jp/）";
        let words = super::katakana_words(s);
        assert_eq!(words.iter().map(|w| w.0).collect::<String>(), s);
        let kept: Vec<_> = words.iter().filter(|w| w.1).map(|w| w.0).collect();
        assert_eq!(kept, ["ホームページ", "オンライン"]);
    }

    #[test]
    fn a_space_between_names_is_a_boundary() {
        let p = phrases("保険年金課 国民健康保険係");
        assert_eq!(p.concat(), "保険年金課 国民健康保険係");
        assert_eq!(p[0], "保険年金課 ");
        assert!(p.iter().all(|x| super::kept_whole(x)), "{p:?}");
    }

    #[test]
    fn typed_line_breaks_and_empty_values_survive() {
        assert_eq!(phrases("").concat(), "");
        let s = "区民課\n窓口サービス係";
        assert_eq!(phrases(s).concat(), s);
        assert!(phrases(s)[0].ends_with('\n'));
    }
}
