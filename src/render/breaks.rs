//! Where a long Latin token may break: URLs, file names and codes have no spaces,
//! so a line breaker finds no place to break them and they run out of their cell.
//! The Typst formatter puts an empty inline box at these places, which adds no
//! character to the text (`h(0pt)` would not do: Typst drops zero spacing). (The web edition lets the browser break such tokens:
//! `overflow-wrap: anywhere` in its stylesheet.)

/// A token shorter than this is left whole.
const LONG: usize = 16;
/// A stretch longer than this without a natural break point or a space may break
/// between any two characters (the last resort; words are shorter).
const STRETCH: usize = 20;

/// Marks after which a token breaks naturally (not before a digit: 2024/04/01,
/// 044-856-3134 and 0.1.0 stay whole).
fn natural(c: char) -> bool {
    matches!(
        c,
        '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | ':' | ',' | ';' | '@'
    )
}

/// Characters that make up a token (Latin letters, digits, ASCII marks, spaces).
fn in_token(c: char) -> bool {
    c.is_ascii_graphic() || c == ' ' || ('\u{C0}'..='\u{24F}').contains(&c)
}

/// The byte offsets in `s` where a line may break: after a natural mark in a
/// long token, after a space Unicode line breaking would hold to a bracket, and
/// between characters of a stretch too long to be a word.
pub fn token_breaks(s: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !in_token(chars[i].1) || chars[i].1 == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && in_token(chars[i].1) {
            i += 1;
        }
        let mut end = i;
        while end > start && chars[end - 1].1 == ' ' {
            end -= 1;
        }
        if end - start >= LONG {
            token(&chars[start..end], &mut out);
        }
    }
    out
}

fn token(chars: &[(usize, char)], out: &mut Vec<usize>) {
    // The length of the stretch (between natural marks and spaces) each character is in.
    let mut stretch = vec![0; chars.len()];
    let mut from = 0;
    for k in 0..=chars.len() {
        if k == chars.len() || natural(chars[k].1) || chars[k].1 == ' ' {
            for s in &mut stretch[from..k] {
                *s = k - from;
            }
            from = k + 1;
        }
    }
    let opener = |c: char| matches!(c, '(' | '[' | '{' | '<');
    let closer = |c: char| matches!(c, ')' | ']' | '}' | '>');
    for k in 0..chars.len() - 1 {
        let (at, c) = chars[k];
        let next = chars[k + 1].1;
        let after_mark = natural(c) && !next.is_ascii_digit() && !natural(next) && next != ' ';
        // UAX #14 gives no break after an opening bracket's space or before a
        // closing bracket (「{{ title }}」); elsewhere a space already breaks.
        let held = closer(next)
            || (chars[..k].iter().rev())
                .find(|(_, p)| *p != ' ')
                .is_some_and(|(_, p)| opener(*p));
        let after_space = c == ' ' && next != ' ' && held;
        let last_resort = stretch[k] > STRETCH && !natural(next);
        if after_mark || after_space || last_resort {
            out.push(at + c.len_utf8());
        }
    }
}

/// `s` in pieces between its break points.
pub fn pieces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    for b in token_breaks(s) {
        out.push(&s[last..b]);
        last = b;
    }
    out.push(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn urls_break_after_their_marks_only() {
        let url = "https://www.city.example.lg.jp/midori/index.html";
        let expected = [
            "https://", "www.", "city.", "example.", "lg.", "jp/", "midori/", "index.", "html",
        ];
        assert_eq!(pieces(url), expected);
    }

    #[test]
    fn a_long_stretch_breaks_anywhere_short_tokens_and_words_nowhere() {
        assert_eq!(pieces("abcdefghijklmnopqrstuvwxyz").len(), 26);
        let held = ["{{ ", "edition.", "title ", "}}"];
        assert_eq!(pieces("{{ edition.title }}"), held);
        // Words of a sentence, numbers and dates keep the breaks they have.
        assert_eq!(
            pieces("Service Improvement and Transformation Plan").len(),
            1
        );
        assert_eq!(pieces("Tel 044-856-3134 / 2024/04/01").len(), 1);
        assert_eq!(pieces("R06_plan.xlsx"), ["R06_plan.xlsx"]);
        let japanese = "区役所サービス向上アクションプラン";
        assert_eq!(pieces(japanese), [japanese]);
        let mixed = "資料はR06_kuyakusho_service_koujou.xlsxです";
        assert_eq!(pieces(mixed).concat(), mixed);
        assert_eq!(pieces(mixed)[0], "資料はR06_");
        // Never a break point that would double a space; accents are whole characters.
        let spaces = "a  b {{  c }}ddddddddddddd";
        assert_eq!(pieces(spaces).concat(), spaces);
        assert!(pieces(spaces).iter().skip(1).all(|p| !p.starts_with(' ')));
        let accents = "Résumé_of_the_procédure_final";
        assert_eq!(pieces(accents).concat(), accents);
        assert_eq!(pieces(accents)[0], "Résumé_");
    }
}
