//! Where a long Latin token may break: URLs, file names and codes have no spaces,
//! so a line breaker finds no place to break them and they run out of their cell.
//! The Typst formatter puts an empty inline box at these places, which adds no
//! character to the text (`h(0pt)` would not do: Typst drops zero spacing). (The web edition lets the browser break such tokens:
//! `overflow-wrap: anywhere` in its stylesheet.)

/// A token shorter than this is left whole.
const LONG: usize = 16;
/// Inside a token, a stretch longer than this without a natural break point may
/// break between any two characters (the last resort; words are shorter).
const STRETCH: usize = 12;

/// Marks after which a token breaks naturally. A space is one too: Unicode line
/// breaking forbids a break at a space after an opening bracket or before a
/// closing one (「{{ title }}」 is one unbreakable unit), a break point there does not.
fn natural(c: char) -> bool {
    matches!(
        c,
        ' ' | '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | ':' | ',' | ';' | '@'
    )
}

/// Characters that make up a token (Latin letters, digits, ASCII marks, spaces).
fn in_token(c: char) -> bool {
    c.is_ascii_graphic() || c == ' ' || ('\u{C0}'..='\u{24F}').contains(&c)
}

/// The byte offsets in `s` where a line may break: after a natural mark in a
/// long token, and between characters of a long stretch without one.
pub fn token_breaks(s: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !in_token(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && in_token(chars[i].1) {
            i += 1;
        }
        if i - start >= LONG {
            token(&chars[start..i], &mut out);
        }
    }
    out
}

fn token(chars: &[(usize, char)], out: &mut Vec<usize>) {
    // The length of the stretch (between natural marks) each character is in.
    let mut stretch = vec![0; chars.len()];
    let mut from = 0;
    for k in 0..=chars.len() {
        if k == chars.len() || natural(chars[k].1) {
            for s in &mut stretch[from..k] {
                *s = k - from;
            }
            from = k + 1;
        }
    }
    for k in 0..chars.len() - 1 {
        let (at, c) = chars[k];
        let next = chars[k + 1];
        let long_stretch = stretch[k] > STRETCH && !natural(next.1);
        if natural(c) || long_stretch {
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
        assert_eq!(
            pieces(url),
            [
                "https:", "/", "/", "www.", "city.", "example.", "lg.", "jp/", "midori/", "index.",
                "html"
            ]
        );
        assert_eq!(pieces(url).concat(), url);
    }

    #[test]
    fn a_long_stretch_breaks_anywhere_short_tokens_nowhere() {
        assert_eq!(pieces("abcdefghijklmnopq").len(), 17);
        assert_eq!(
            pieces("{{ edition.title }}"),
            ["{{ ", "edition.", "title ", "}}"]
        );
        // Words of a sentence break only at its spaces.
        assert_eq!(pieces("Service Improvement Action Plan").len(), 4);
        assert_eq!(pieces("R06_plan.xlsx"), ["R06_plan.xlsx"]);
        assert_eq!(
            pieces("区役所サービス向上アクションプラン"),
            ["区役所サービス向上アクションプラン"]
        );
        let mixed = "資料はR06_kuyakusho_service_koujou.xlsxです";
        assert_eq!(pieces(mixed).concat(), mixed);
        assert_eq!(pieces(mixed)[0], "資料はR06_");
    }
}
