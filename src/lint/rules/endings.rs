//! です・ます体 and である体 mixed within one part (file): the sentences of the
//! less used style are reported.

use super::super::sentences::{bracketed, sentences};
use super::finding;
use crate::lint::dictionary::Word;
use crate::lint::{Analysed, Finding, Rule};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// です・ます
    Polite,
    /// である・だ, or a plain verb (する。)
    Plain,
}

pub fn check(texts: &[Analysed], out: &mut Vec<Finding>) {
    let mut files: Vec<&str> = texts.iter().map(|t| t.text.file.as_str()).collect();
    files.dedup();
    for file in files {
        // (text, sentence range, its ending)
        let mut found = Vec::new();
        for t in texts.iter().filter(|t| t.text.file == file) {
            let chars = t.prose();
            let inside = bracketed(&chars);
            for (s, e) in sentences(&chars) {
                if chars[e - 1] != '。' {
                    continue;
                }
                let words: Vec<&Word> = (t.words.iter())
                    .filter(|w| w.start >= s && w.end < e && !inside[w.start])
                    .collect();
                if let Some(ending) = ending(&words) {
                    found.push((t, (s, e), ending));
                }
            }
        }
        let polite = found.iter().filter(|f| f.2 == Ending::Polite).count();
        let plain = found.len() - polite;
        if polite == 0 || plain == 0 {
            continue;
        }
        let odd = if plain <= polite {
            Ending::Plain
        } else {
            Ending::Polite
        };
        let (odd_name, usual) = match odd {
            Ending::Plain => ("である体", "です・ます体"),
            Ending::Polite => ("です・ます体", "である体"),
        };
        for (t, (s, e), _) in found.into_iter().filter(|f| f.2 == odd) {
            let message = format!(
                "この文は{odd_name}です。{file} では{usual}の文が多い（です・ます体 {polite}文、である体 {plain}文）ので、{usual}にそろえてください"
            );
            let mut f = finding(t, Rule::Style, (s, e), message);
            let chars: Vec<char> = t.text.text.chars().collect();
            let from = s.max(e.saturating_sub(15));
            f.found = if from > s { "…" } else { "" }.to_string()
                + &chars[from..e].iter().collect::<String>();
            out.push(f);
        }
    }
}

/// The style of a sentence from its last predicate (its words before 「。」,
/// outside brackets); none for a sentence ending with a noun.
fn ending(words: &[&Word]) -> Option<Ending> {
    let mut rest = words
        .iter()
        .rev()
        .skip_while(|w| w.pos == "記号" || (w.pos == "助詞" && w.pos2 == "終助詞"));
    let last = rest.next()?;
    let mut chain = vec![*last];
    if last.pos == "助動詞" {
        chain.extend(rest.take_while(|w| w.pos == "助動詞").copied());
    }
    let polite = |w: &&Word| {
        (w.pos == "助動詞" && matches!(w.base.as_str(), "です" | "ます"))
            || matches!(w.base.as_str(), "くださる" | "下さる")
    };
    if chain.iter().any(polite) {
        return Some(Ending::Polite);
    }
    if chain
        .iter()
        .any(|w| w.pos == "助動詞" && matches!(w.base.as_str(), "だ" | "である" | "た"))
    {
        return Some(Ending::Plain);
    }
    matches!(last.pos.as_str(), "動詞" | "形容詞")
        .then_some(Ending::Plain)
        .filter(|_| last.form == "基本形")
}
