//! `planpress lint`: notation checks of an edition's text. It reports, never
//! rewrites: variant spellings of one word (表記ゆれ), and the rules of
//! 公用文作成の考え方 (文化審議会 建議, 2022), shrunk by the edition's house style
//! and weighed by its document type (style::DocumentType). URLs, e-mail
//! addresses and paths are read by no rule (spans.rs).

pub mod dictionary;
mod kana;
mod names;
pub mod report;
mod rules;
mod sentences;
mod spans;
mod spelling;
pub mod style;
mod variants;

use serde::Serialize;

use crate::content::Content;
use crate::content::texts::{Text, texts};
use dictionary::Word;
pub use style::{DocumentType, Style};
pub use variants::{Form, Occurrence, VariantGroup};

/// What lint found in an edition.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Words written more than one way, in order of first appearance.
    pub variants: Vec<VariantGroup>,
    /// Findings of the rules, in document order.
    pub findings: Vec<Finding>,
    /// The document type the rules were weighed for.
    pub document_type: DocumentType,
}

/// A place in the edition: file, line, item and character.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub file: String,
    pub line: usize,
    /// The item in plain words: 「区民課 目標2 の本文」.
    pub item: String,
    /// The JSON pointer of the text.
    pub pointer: String,
    /// The character within the text (from 1).
    pub offset: usize,
    /// The words around it.
    pub excerpt: String,
}

/// One finding of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub place: Place,
    /// The characters found.
    pub found: String,
    /// What is wrong and what to do, in a clerk's words.
    pub message: String,
    /// A note to consider (a long sentence), not a fault.
    pub note: bool,
}

/// The rules, each of which the house style can turn off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Variants,
    Width,
    Comma,
    Brackets,
    Style,
    LongSentences,
    Numbering,
    Kana,
    Kanji,
    HalfWidthKana,
}

impl Rule {
    pub const ALL: [Rule; 10] = [
        Rule::Variants,
        Rule::Width,
        Rule::Comma,
        Rule::Brackets,
        Rule::Style,
        Rule::LongSentences,
        Rule::Numbering,
        Rule::Kana,
        Rule::Kanji,
        Rule::HalfWidthKana,
    ];

    /// The name the settings file uses.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Variants => "variants",
            Rule::Width => "width",
            Rule::Comma => "comma",
            Rule::Brackets => "brackets",
            Rule::Style => "style",
            Rule::LongSentences => "long-sentences",
            Rule::Numbering => "numbering",
            Rule::Kana => "kana",
            Rule::Kanji => "kanji",
            Rule::HalfWidthKana => "half-width-kana",
        }
    }

    /// The rule in a clerk's words.
    pub fn label(self) -> &'static str {
        match self {
            Rule::Variants => "表記ゆれ",
            Rule::Width => "全角・半角の混在",
            Rule::Comma => "読点の混在",
            Rule::Brackets => "括弧の対応",
            Rule::Style => "文体の混在",
            Rule::LongSentences => "長い文",
            Rule::Numbering => "項目の番号",
            Rule::Kana => "仮名で書く語",
            Rule::Kanji => "漢字で書く接続詞",
            Rule::HalfWidthKana => "半角カタカナ",
        }
    }
}

/// A text with its words.
pub(crate) struct Analysed<'a> {
    pub text: &'a Text,
    /// Its words, but those of a URL, an address or a path.
    pub words: Vec<Word>,
    /// For each character, whether it is in a URL, an address or a path.
    pub literal: Vec<bool>,
}

impl Analysed<'_> {
    /// The text's characters.
    pub fn chars(&self) -> Vec<char> {
        self.text.text.chars().collect()
    }

    /// The characters as sentences are read: those of a URL, an address or a
    /// path as plain letters (their brackets neither open nor close).
    pub fn prose(&self) -> Vec<char> {
        (self.text.text.chars().zip(&self.literal))
            .map(|(c, &l)| if l { 'x' } else { c })
            .collect()
    }

    /// The place of the characters `start..end` of the text.
    pub fn place(&self, start: usize, end: usize) -> Place {
        Place {
            file: self.text.file.clone(),
            line: self.text.line,
            item: self.text.item.clone(),
            pointer: self.text.pointer.clone(),
            offset: start + 1,
            excerpt: excerpt(&self.text.text, start, end),
        }
    }
}

/// Up to 12 characters either side of `start..end`, with … where cut.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    const SIDE: usize = 12;
    let chars: Vec<char> = text.chars().collect();
    let from = start.saturating_sub(SIDE);
    let to = (end + SIDE).min(chars.len());
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.extend(&chars[from..to]);
    if to < chars.len() {
        s.push('…');
    }
    s
}

/// Lint the edition with the house style.
pub fn lint(content: &Content, style: &Style) -> Report {
    let texts = texts(content);
    let analysed: Vec<Analysed> = texts
        .iter()
        .map(|text| {
            let chars: Vec<char> = text.text.chars().collect();
            let literal = spans::literal(&chars);
            let words = (dictionary::words(&text.text).into_iter())
                .filter(|w| !literal[w.start..w.end].iter().any(|&l| l))
                .collect();
            Analysed {
                text,
                words,
                literal,
            }
        })
        .collect();
    let variants = if style.is_on(Rule::Variants) {
        variants::find(&analysed, style)
    } else {
        Vec::new()
    };
    let mut findings = rules::find(&analysed, style);
    findings.retain(|f| style.is_on(f.rule));
    findings.sort_by_key(|f| (order(&texts, &f.place), f.place.offset, f.rule));
    Report {
        variants,
        findings,
        document_type: style.document_type(),
    }
}

/// The text's position in reading order.
fn order(texts: &[Text], place: &Place) -> usize {
    texts
        .iter()
        .position(|t| t.file == place.file && t.pointer == place.pointer)
        .unwrap_or(usize::MAX)
}
