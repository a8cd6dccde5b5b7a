//! Sentences and brackets of a text.

/// Opening brackets and their closing ones.
pub const PAIRS: &[(char, char)] = &[
    ('「', '」'),
    ('『', '』'),
    ('（', '）'),
    ('(', ')'),
    ('【', '】'),
    ('〔', '〕'),
    ('［', '］'),
    ('[', ']'),
    ('｛', '｝'),
    ('〈', '〉'),
    ('《', '》'),
];

pub fn opening(c: char) -> Option<char> {
    PAIRS.iter().find(|(o, _)| *o == c).map(|(_, c)| *c)
}

pub fn closing(c: char) -> bool {
    PAIRS.iter().any(|(_, x)| *x == c)
}

/// The sentences of a text as character ranges: each ends after a 「。」 outside
/// brackets, or at the end of the text. Leading spaces are not part of one.
pub fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if opening(c).is_some() {
            depth += 1;
        } else if closing(c) {
            depth = depth.saturating_sub(1);
        } else if c == '。' && depth == 0 {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let lead = chars[s..e].iter().take_while(|c| c.is_whitespace()).count();
            (s + lead, e)
        })
        .filter(|(s, e)| s < e)
        .collect()
}

/// For each character, whether it is inside brackets.
pub fn bracketed(chars: &[char]) -> Vec<bool> {
    let mut depth = 0usize;
    chars
        .iter()
        .map(|&c| {
            if opening(c).is_some() {
                depth += 1;
                true
            } else if closing(c) {
                depth = depth.saturating_sub(1);
                true
            } else {
                depth > 0
            }
        })
        .collect()
}
