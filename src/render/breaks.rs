//! Where a line may break inside text, and where it must not.
//!
//! Long Latin tokens (file names, codes) have no spaces, so a line breaker finds
//! no place to break them and they run out of their cell: they get break
//! opportunities after their natural marks. URLs and e-mail addresses break only
//! after 「/」「.」「-」「@」. Numbers (２，５００, ２万１千, ０４４－８５６－３１３４) and
//! runs of Latin letters (ＮＰＯ) never break inside: full-width digits and
//! letters are ideographic to Unicode line breaking, which breaks between any
//! two of them. The Typst formatter puts an empty inline box at a break
//! opportunity, and sets what must hold in a box (a box holds no break, so it
//! splits no PDF tag, and adds no character to the text, as a word joiner would
//! in the PDF's text). (The web edition lets the browser break tokens too long
//! for the screen: `overflow-wrap: anywhere`.)

use std::ops::Range;

/// A token shorter than this is left whole.
const LONG: usize = 16;
/// A stretch longer than this without a natural break point or a space may break
/// between any two characters (the last resort; words are shorter).
const STRETCH: usize = 20;

/// Where a line may break, and what must hold together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// A line may break at this byte offset.
    Break(usize),
    /// These bytes stay on one line, though Unicode line breaking would part them.
    Hold(Range<usize>),
}

/// Marks after which a token breaks naturally (not before a digit: 2024/04/01,
/// 044-856-3134 and 0.1.0 stay whole).
fn natural(c: char) -> bool {
    matches!(
        c,
        '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | ':' | ',' | ';' | '@'
    )
}

/// The marks after which a URL or an e-mail address breaks.
fn url_mark(c: char) -> bool {
    matches!(c, '/' | '.' | '-' | '@')
}

/// Characters that make up a token (Latin letters, digits, ASCII marks, spaces).
fn in_token(c: char) -> bool {
    c.is_ascii_graphic() || c == ' ' || ('\u{C0}'..='\u{24F}').contains(&c)
}

/// The marks of `s`, in order; no break falls inside a hold.
pub fn marks(s: &str) -> Vec<Mark> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let urls = urls(s);
    let in_url = |at: usize| urls.iter().any(|u| u.start <= at && at < u.end);
    let mut out: Vec<Mark> = (token_breaks(&chars).into_iter())
        .filter(|&at| !urls.iter().any(|u| u.start < at && at < u.end))
        .map(Mark::Break)
        .collect();
    for u in &urls {
        url(&chars, u, &mut out);
    }
    for run in super::runs::runs(&chars) {
        if !(run.start..run.end).any(in_url) {
            out.retain(|m| !matches!(m, Mark::Break(at) if run.start < *at && *at < run.end));
            out.push(Mark::Hold(run));
        }
    }
    out.sort_by_key(|m| match m {
        Mark::Break(at) => (*at, 1),
        Mark::Hold(r) => (r.start, 2),
    });
    out
}

/// `s` in pieces between its break points.
pub fn pieces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    for m in marks(s) {
        if let Mark::Break(b) = m {
            out.push(&s[last..b]);
            last = b;
        }
    }
    out.push(&s[last..]);
    out
}

/// Whether a line may not break at byte offset `at` of `s`.
pub fn held(s: &str, at: usize) -> bool {
    (marks(s).iter()).any(|m| matches!(m, Mark::Hold(r) if r.start < at && at < r.end))
}

/// The byte ranges of the URLs (from `http://`, `https://` or `www.`) and
/// e-mail addresses in `s`, without the marks that end a sentence after them.
pub fn urls(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for token in s.split(|c: char| !c.is_ascii_graphic()) {
        let start = at;
        at += token.len()
            + s[at + token.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let from = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| token.find(p))
            .min()
            .or_else(|| email(token));
        let Some(from) = from else { continue };
        let body =
            token[from..].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '"']);
        if body.len() > 4 {
            out.push(start + from..start + from + body.len());
        }
    }
    out
}

/// Where an e-mail address starts in a token (name@host.domain).
fn email(token: &str) -> Option<usize> {
    let at = token.find('@')?;
    let (name, host) = (&token[..at], &token[at + 1..]);
    let start = name
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')))
        .map_or(0, |i| i + 1);
    let dot = host.find('.')?;
    (start < at && dot > 0 && host.len() > dot + 1).then_some(start)
}

/// A URL's marks: a break after 「/」「.」「-」「@」 (not between two such marks:
/// 「https://」 stays whole), each piece between held (Unicode line breaking,
/// and Typst's own rules for links, would part it after 「_」「?」「=」 or between
/// a letter and a digit). A piece too long for a narrow column (a query
/// string) breaks after 「?」「&」「=」「_」「#」 too, and a stretch still too long
/// (a hash) anywhere: the last resort.
fn url(chars: &[(usize, char)], range: &Range<usize>, out: &mut Vec<Mark>) {
    let inner: Vec<(usize, char)> = (chars.iter())
        .filter(|(at, _)| range.contains(at))
        .copied()
        .collect();
    split(&inner, range.end, true, out);
}

/// The marks after which a piece of a URL too long to hold breaks.
fn query_mark(c: char) -> bool {
    matches!(c, '?' | '&' | '=' | '_' | '#')
}

/// Hold the pieces of `inner` (its text ends at byte `end`) between breaks
/// after its URL marks (`first`) or its query marks; see `url`.
fn split(inner: &[(usize, char)], end: usize, first: bool, out: &mut Vec<Mark>) {
    let mark = if first { url_mark } else { query_mark };
    let mut from = 0;
    for k in 0..inner.len() {
        let last = k + 1 == inner.len();
        let at_mark = !last && mark(inner[k].1) && !mark(inner[k + 1].1);
        if !last && !at_mark {
            continue;
        }
        let stop = if last { end } else { inner[k + 1].0 };
        let piece = &inner[from..=k];
        if piece.len() > STRETCH && first {
            split(piece, stop, false, out);
        } else if piece.len() > STRETCH {
            out.extend(piece[1..].iter().map(|&(at, _)| Mark::Break(at)));
        } else if piece.len() > 1 {
            out.push(Mark::Hold(piece[0].0..stop));
        }
        if !last {
            out.push(Mark::Break(stop));
        }
        from = k + 1;
    }
}

/// The byte offsets of the break opportunities in long tokens: after a natural
/// mark, after a space Unicode line breaking would hold to a bracket, and
/// between characters of a stretch too long to be a word.
fn token_breaks(chars: &[(usize, char)]) -> Vec<usize> {
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

#[cfg(test)]
mod tests {
    use super::{Mark, marks, pieces};

    /// `s` with 「／」 where a line may break and 〈〉 around what is held.
    fn shown(s: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for m in marks(s) {
            match m {
                Mark::Break(at) => {
                    out.push_str(&s[last..at]);
                    out.push('／');
                    last = at;
                }
                Mark::Hold(r) => {
                    out.push_str(&s[last..r.start]);
                    out.push_str(&format!("〈{}〉", &s[r.clone()]));
                    last = r.end;
                }
            }
        }
        out + &s[last..]
    }

    #[test]
    fn numbers_and_latin_runs_hold_together() {
        assert_eq!(shown("約２，５００人"), "約〈２，５００〉人");
        assert_eq!(shown("約２万１千世帯"), "約〈２万１千〉世帯");
        assert_eq!(
            shown("全１８６か所（４０１窓口）"),
            "全〈１８６〉か所（〈４０１〉窓口）"
        );
        assert_eq!(shown("ＮＰＯ法人とＤＸ"), "〈ＮＰＯ〉法人と〈ＤＸ〉");
        assert_eq!(
            shown("2万1千件、０４４－８５６－３１３４"),
            "〈2万1千〉件、〈０４４－〉〈８５６－〉〈３１３４〉"
        );
        assert_eq!(
            shown("044-856-3134、０１２３４５６７８９"),
            "044-856-3134、〈０１２３４５６７８９〉"
        );
        // Too wide for a narrow column: it breaks as text does.
        assert_eq!(shown("ＡＢＣＤＥＦＧＨＩＪＫ"), "ＡＢＣＤＥＦＧＨＩＪＫ");
        // Half-width runs hold by Unicode's own rules: nothing added.
        assert_eq!(shown("NPO 2,500 10:00"), "NPO 2,500 10:00");
        // A separator or a unit outside a number is ordinary text.
        assert_eq!(shown("Ａ，Ｂ"), "Ａ，Ｂ");
        assert_eq!(shown("千葉"), "千葉");
        assert_eq!(shown("５件、６件"), "５件、６件");
        assert_eq!(shown("令和２年４月１日"), "令和２年４月１日");
    }

    #[test]
    fn urls_and_addresses_break_after_their_marks_only() {
        let url = "申請はhttps://www.city.example.lg.jp/apply/Kohoku_2024?id=3から";
        assert_eq!(
            shown(url),
            "申請は〈https://〉／〈www.〉／〈city.〉／〈example.〉／〈lg.〉／〈jp/〉／〈apply/〉／〈Kohoku_2024?id=3〉から"
        );
        let mail = "kohoku-kusei@city.example.jp";
        assert_eq!(
            pieces(&format!("（{mail}）")),
            ["（kohoku-", "kusei@", "city.", "example.", "jp）"]
        );
        // The stop after a URL is the sentence's.
        assert_eq!(super::urls("www.example.jp."), vec![0..14]);
        assert!(super::urls("a@b").is_empty());
        // A piece too long for a narrow column breaks after its query marks,
        // a stretch still too long anywhere.
        assert_eq!(
            shown("https://example.jp/index.html?cat=juminhyo&lang=ja&from=qr"),
            "〈https://〉／〈example.〉／〈jp/〉／〈index.〉／〈html?〉／〈cat=〉／〈juminhyo&〉／〈lang=〉／〈ja&〉／〈from=〉／〈qr〉"
        );
        let hash = "https://example.jp/0123456789abcdef0123456789";
        assert_eq!(pieces(hash).len(), 2 + 27);
    }

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
