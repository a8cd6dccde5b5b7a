//! Brackets: each opened one closed by its pair, in order; a quotation within
//! 「」 in 『』 (公用文作成の考え方). Brackets in a URL or a path are its own.

use super::super::sentences::{closing, opening};
use super::finding;
use crate::lint::{Analysed, Finding, Rule};

pub fn check(t: &Analysed, out: &mut Vec<Finding>) {
    let chars: Vec<char> = t.text.text.chars().collect();
    // Open brackets: (character, index).
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut push =
        |at: usize, message: String| out.push(finding(t, Rule::Brackets, (at, at + 1), message));
    for (i, &c) in chars.iter().enumerate() {
        if t.literal[i] {
            continue;
        }
        if opening(c).is_some() {
            if c == '「' && open.last().is_some_and(|(o, _)| *o == '「') {
                push(
                    i,
                    "「」の中に「」があります。かぎ括弧の中のかぎ括弧は『』にしてください".into(),
                );
            }
            open.push((c, i));
            continue;
        }
        if !closing(c) {
            continue;
        }
        let matches = |o: char| opening(o) == Some(c);
        match open.iter().rposition(|(o, _)| matches(*o)) {
            Some(k) if k + 1 == open.len() => {
                open.pop();
            }
            Some(k) => {
                // Brackets opened inside and never closed: each is reported.
                for (o, at) in open.drain(k + 1..).collect::<Vec<_>>() {
                    push(at, unclosed(o, c));
                }
                open.pop();
            }
            None => {
                let message = match open.last() {
                    Some((o, _)) => format!(
                        "「{o}」を「{c}」で閉じています。「{o}」の対は「{}」です。括弧の組合せを直してください",
                        opening(*o).unwrap_or(c)
                    ),
                    None => format!(
                        "閉じ括弧「{c}」に対応する開き括弧がありません。開き括弧を補うか、閉じ括弧を削除してください"
                    ),
                };
                if !open.is_empty() {
                    open.pop();
                }
                push(i, message);
            }
        }
    }
    for (o, at) in open {
        push(
            at,
            format!(
                "開き括弧「{o}」が閉じられていません。「{}」で閉じてください",
                opening(o).unwrap_or(o)
            ),
        );
    }
}

fn unclosed(o: char, outer: char) -> String {
    format!(
        "開き括弧「{o}」が閉じられないまま、外側の「{outer}」が来ています。「{}」で閉じてください",
        opening(o).unwrap_or(o)
    )
}
