//! The numbering of items typed in the text: 第1 → 1 → (1) → ア → (ア), a level
//! below another never skipping one (公用文作成の考え方).

use super::finding;
use crate::lint::{Analysed, Finding, Rule};

/// The marks of each level, for messages.
const LEVELS: [&str; 5] = ["第1", "1", "(1)", "ア", "(ア)"];

pub fn check(texts: &[Analysed], out: &mut Vec<Finding>) {
    // The last mark of each sequence: the paragraphs of one array, or one list
    // with its nested lists.
    let mut last: Option<(String, String, usize, String)> = None;
    for t in texts {
        let Some((level, len)) =
            mark(&t.text.text).filter(|_| !t.literal.first().is_some_and(|&l| l))
        else {
            continue;
        };
        let chars: Vec<char> = t.text.text.chars().collect();
        let shown: String = chars[..len].iter().collect::<String>().trim().to_string();
        let sequence = sequence(&t.text.pointer);
        if let Some((file, seq, prev, prev_shown)) = &last
            && *file == t.text.file
            && *seq == sequence
            && level > prev + 1
        {
            let message = format!(
                "項目の番号「{shown}」が「{prev_shown}」のすぐ下に来ています。番号は 第1 → 1 → (1) → ア → (ア) の順に一段ずつ下げます。ここは「{}」の形にしてください",
                LEVELS[prev + 1]
            );
            out.push(finding(t, Rule::Numbering, (0, len), message));
        }
        last = Some((t.text.file.clone(), sequence, level, shown));
    }
}

/// The texts one numbering runs through: a list's items (nested ones too), or
/// the paragraphs of one array.
fn sequence(pointer: &str) -> String {
    match pointer.find("/list/") {
        Some(i) => pointer[..i].to_string(),
        None => pointer.rsplit_once('/').map_or("", |(p, _)| p).to_string(),
    }
}

/// The level of the mark a text starts with, and its length in characters
/// (with the space after it).
fn mark(text: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: &char| c.is_ascii_digit() || matches!(c, '０'..='９');
    let katakana = |c: &char| {
        matches!(c, 'ア'..='ン')
            && !matches!(
                c,
                'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' | 'ッ' | 'ャ' | 'ュ' | 'ョ' | 'ヮ'
            )
    };
    let space = |i: usize| chars.get(i).is_some_and(|c| matches!(c, ' ' | '　'));
    let digits = |from: usize| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|c| digit(c))
            .count()
    };
    let open = |c: Option<&char>| matches!(c, Some('(' | '（'));
    let close = |c: Option<&char>| matches!(c, Some(')' | '）'));
    // 第1
    if chars.first() == Some(&'第') {
        let n = digits(1);
        if n > 0 && space(1 + n) {
            return Some((0, 2 + n));
        }
    }
    // 1, 1．
    let n = digits(0);
    if n > 0 {
        let dot = usize::from(matches!(chars.get(n), Some('.' | '．')));
        return space(n + dot).then_some((1, n + dot + 1));
    }
    if open(chars.first()) {
        // (1)
        let n = digits(1);
        if n > 0 && close(chars.get(1 + n)) {
            return Some((2, 2 + n));
        }
        // (ア)
        if chars.get(1).is_some_and(katakana) && close(chars.get(2)) {
            return Some((4, 3));
        }
    }
    // ア
    if chars.first().is_some_and(katakana) && space(1) {
        return Some((3, 2));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::mark;

    #[test]
    fn marks_of_each_level() {
        assert_eq!(mark("第1　総則").map(|m| m.0), Some(0));
        assert_eq!(mark("1　目的").map(|m| m.0), Some(1));
        assert_eq!(mark("（1）対象").map(|m| m.0), Some(2));
        assert_eq!(mark("ア　窓口").map(|m| m.0), Some(3));
        assert_eq!(mark("（ア）電話").map(|m| m.0), Some(4));
        assert_eq!(mark("2020年度"), None);
        assert_eq!(mark("アクションプラン"), None);
    }
}
