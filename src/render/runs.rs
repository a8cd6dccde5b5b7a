//! The numbers (２，５００, ２万１千, ０４４－８５６－３１３４) and runs of Latin
//! letters (ＮＰＯ) a line must not break inside: full-width digits and letters
//! are ideographic to Unicode line breaking, which breaks between any two.

use std::ops::Range;

fn digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
        || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic())
}

/// Separators inside a number: 2,500 / 0.5 / 10:00 / 044-856-3134 / 4/1.
fn separator(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '.' | '．' | ':' | '：' | '-' | '－' | '‐' | '/' | '／'
    )
}

/// Unit prefixes inside a number: ２万１千.
fn unit(c: char) -> bool {
    matches!(c, '万' | '千' | '億' | '兆')
}

/// The numbers and runs of Latin letters that Unicode line breaking would part:
/// those with a full-width character or a unit (half-width runs hold by
/// Unicode's own rules), no wider than the narrowest column (see `hold`).
pub(super) fn runs(chars: &[(usize, char)]) -> Vec<Range<usize>> {
    let c = |k: usize| chars.get(k).map_or('\0', |x| x.1);
    let held = |k: usize| {
        let (a, b) = (c(k), c(k + 1));
        ((digit(a) || letter(a)) && (digit(b) || letter(b)))
            || (digit(a) && separator(b) && digit(c(k + 2)))
            || (k > 0 && digit(c(k - 1)) && separator(a) && digit(b))
            || (digit(a) && unit(b))
            || (k > 0 && digit(c(k - 1)) && unit(a) && digit(b))
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < chars.len() {
        if !held(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k + 1 < chars.len() && held(k) {
            k += 1;
        }
        let wide = (start..=k).any(|j| !c(j).is_ascii());
        if wide {
            hold(chars, start, k, &mut out);
        }
    }
    out
}

/// The widest a held run may be, in ems (a full-width character is one, a
/// half-width one half): the text columns of the narrowest tables hold about
/// ten characters, and a box wider than its column would run out of it.
const WIDEST: f32 = 10.0;

fn em(c: char) -> f32 {
    if c.is_ascii() { 0.5 } else { 1.0 }
}

/// Hold the run of `chars[start..=end]`: whole if it fits the narrowest
/// column, else in its pieces after each separator (０４４－／８５６－／３１３４;
/// the line may break between two held pieces), a piece still too wide left
/// to break as text does.
fn hold(chars: &[(usize, char)], start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let byte_end = chars[end].0 + chars[end].1.len_utf8();
    let width: f32 = chars[start..=end].iter().map(|x| em(x.1)).sum();
    let mut pieces = vec![start];
    if width > WIDEST {
        pieces.extend(
            (start..end)
                .filter(|&j| separator(chars[j].1))
                .map(|j| j + 1),
        );
    }
    pieces.push(end + 1);
    for w in pieces.windows(2) {
        let (from, to) = (w[0], w[1] - 1);
        let fits = chars[from..=to].iter().map(|x| em(x.1)).sum::<f32>() <= WIDEST;
        if to > from && fits {
            let stop = chars.get(to + 1).map_or(byte_end, |x| x.0);
            out.push(chars[from].0..stop);
        }
    }
}
