//! The rules of 公用文作成の考え方 (2022) that lint checks.

mod brackets;
mod endings;
mod numbering;

use super::sentences::sentences;
use super::{Analysed, DocumentType, Finding, Rule, Style, kana};

/// Sentences longer than this are noted (公用文作成の考え方: 一文を短く).
const LONG_SENTENCE: usize = 100;

pub fn find(texts: &[Analysed], style: &Style) -> Vec<Finding> {
    let mut out = Vec::new();
    width(texts, &mut out);
    commas(texts, &mut out);
    for t in texts {
        half_width_kana(t, &mut out);
        brackets::check(t, &mut out);
        long_sentences(t, &mut out);
        words(t, style, &mut out);
    }
    endings::check(texts, &mut out);
    numbering::check(texts, &mut out);
    out
}

fn finding(t: &Analysed, rule: Rule, (start, end): (usize, usize), message: String) -> Finding {
    let found: String = t.text.text.chars().skip(start).take(end - start).collect();
    Finding {
        rule,
        place: t.place(start, end),
        found,
        message,
        note: rule == Rule::LongSentences,
    }
}

/// Runs of characters of `kind` in a text, outside URLs, addresses and paths:
/// (start, end).
fn runs(t: &Analysed, kind: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, c) in t.text.text.chars().enumerate() {
        if kind(c) && !t.literal[i] {
            match out.last_mut() {
                Some((_, e)) if *e == i => *e = i + 1,
                _ => out.push((i, i + 1)),
            }
        }
    }
    out
}

/// Full-width and half-width digits (or Latin letters) mixed in the edition: the
/// less used width is reported, with the other to use.
fn width(texts: &[Analysed], out: &mut Vec<Finding>) {
    type Class = (&'static str, fn(char) -> bool, fn(char) -> bool);
    let classes: [Class; 2] = [
        ("数字", |c| c.is_ascii_digit(), |c| matches!(c, '０'..='９')),
        (
            "英字",
            |c| c.is_ascii_alphabetic(),
            |c| matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ'),
        ),
    ];
    for (what, half, full) in classes {
        let count = |kind: fn(char) -> bool| -> usize {
            (texts.iter())
                .map(|t| runs(t, kind).iter().map(|(s, e)| e - s).sum::<usize>())
                .sum()
        };
        let (halves, fulls) = (count(half), count(full));
        if halves == 0 || fulls == 0 {
            continue;
        }
        // Half-width when even: 公用文作成の考え方 uses half-width figures.
        let report_full = fulls <= halves;
        let (odd, kind, other) = if report_full {
            ("全角", full, "半角")
        } else {
            ("半角", half, "全角")
        };
        for t in texts {
            let chars = t.chars();
            for run in runs(t, kind) {
                let found: String = chars[run.0..run.1].iter().collect();
                let fixed: String = found.chars().map(|c| convert(c, report_full)).collect();
                let message = format!(
                    "{odd}の{what}「{found}」があります。この版の{what}は{other}が多い（半角 {halves}字、全角 {fulls}字）ので、{other}の「{fixed}」にそろえてください"
                );
                out.push(finding(t, Rule::Width, run, message));
            }
        }
    }
}

/// A character in the other width.
fn convert(c: char, to_half: bool) -> char {
    let shift = 0xFEE0;
    let code = if to_half {
        c as u32 - shift
    } else {
        c as u32 + shift
    };
    char::from_u32(code).unwrap_or(c)
}

/// 「，」 and 「、」 mixed in the edition: the less used is reported.
fn commas(texts: &[Analysed], out: &mut Vec<Finding>) {
    // The places of a mark used as a 読点: not in a URL, nor a figure's
    // thousands separator (２，５００人).
    let marks = |t: &Analysed, mark: char| -> Vec<usize> {
        let chars = t.chars();
        let digit = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '０'..='９'))
        };
        (runs(t, |c| c == mark).into_iter())
            .flat_map(|(s, e)| s..e)
            .filter(|&i| !(digit(i.checked_sub(1)) && digit(Some(i + 1))))
            .collect()
    };
    let count = |mark: char| -> usize { texts.iter().map(|t| marks(t, mark).len()).sum() };
    let (ten, comma) = (count('、'), count('，'));
    if ten == 0 || comma == 0 {
        return;
    }
    let (odd, other) = if comma <= ten {
        ('，', '、')
    } else {
        ('、', '，')
    };
    for t in texts {
        for i in marks(t, odd) {
            let message = format!(
                "読点に「{odd}」を使っています。この版では「{other}」が多い（「、」{ten}個、「，」{comma}個）ので、「{other}」にそろえてください"
            );
            out.push(finding(t, Rule::Comma, (i, i + 1), message));
        }
    }
}

/// Sentences over 100 characters, as a note. A URL, an address or a path is
/// not read as words: its characters are not counted.
fn long_sentences(t: &Analysed, out: &mut Vec<Finding>) {
    let chars = t.chars();
    for (s, e) in sentences(&t.prose()) {
        let n = (s..e).filter(|&i| !t.literal[i]).count();
        if n > LONG_SENTENCE {
            let message = format!(
                "一文が {n} 字あります（参考: 公用文作成の考え方は一文を短くするよう勧めています。{LONG_SENTENCE} 字を超えたら、二つ以上の文に分けられないか見てください）"
            );
            let mut f = finding(t, Rule::LongSentences, (s, e), message);
            f.found = chars[s..(s + 20).min(e)].iter().collect::<String>() + "…";
            out.push(f);
        }
    }
}

/// Words written in kanji where 公用文 uses kana, and the reverse. In
/// 解説・広報等 a conjunction in kana (および) is a note: 公用文作成の考え方
/// 本文 Ⅰ-1 lets such documents write in kana words the principles write in
/// kanji.
fn words(t: &Analysed, style: &Style, out: &mut Vec<Finding>) {
    for (i, w) in t.words.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| &t.words[p]);
        let Some((rule, mut message)) = kana::rule(w, prev, t.words.get(i + 1)) else {
            continue;
        };
        if style.accepts(&w.surface) || style.accepts(&w.base) {
            continue;
        }
        let relaxed = rule == Rule::Kanji && style.document_type() == DocumentType::Explanation;
        if relaxed {
            message = format!(
                "{message}（参考: 解説・広報等では仮名で書いてもかまいません。版の中ではどちらかにそろえてください）"
            );
        }
        let mut f = finding(t, rule, (w.start, w.end), message);
        f.note |= relaxed;
        out.push(f);
    }
}

/// Half-width katakana (ｺﾝﾋﾞﾆ), with the full-width form to write. Not a rule of
/// 公用文作成の考え方, which writes katakana in the forms of 「外来語の表記」;
/// half-width katakana have no place in a printed document (they print narrow,
/// and ﾋﾞ is two characters a search for ビ does not find).
fn half_width_kana(t: &Analysed, out: &mut Vec<Finding>) {
    use unicode_normalization::UnicodeNormalization;
    for run in runs(t, |c| matches!(c, '\u{FF61}'..='\u{FF9F}')) {
        let found: String = t.chars()[run.0..run.1].iter().collect();
        let full: String = found.nfkc().collect();
        let message = format!("半角カタカナ「{found}」があります。全角の「{full}」にしてください");
        out.push(finding(t, Rule::HalfWidthKana, run, message));
    }
}
