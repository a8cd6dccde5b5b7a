//! The house style: `lint.json` in the edition folder, or a file shared by a
//! city's editions (`--style FILE`), or both. It accepts spellings (皆様), so
//! their variants are reported as deviations, and turns rules off.
//!
//! ```json
//! { "accept": ["皆様", "分かりやすい"], "off": ["long-sentences"],
//!   "document_type": "解説・広報等" }
//! ```

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use super::Rule;
use crate::content::source::read_regular;
use crate::content::texts::line_of;

/// The settings file's name in an edition folder (not a content file:
/// `edition.json` does not list it, and loading leaves it alone).
pub const FILE: &str = "lint.json";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    accept: BTreeSet<String>,
    off: BTreeSet<Rule>,
    /// Unset: 解説・広報等 (the default).
    document_type: Option<DocumentType>,
}

/// The kinds of 公用文 that 公用文作成の考え方 (2022) names (基本的な考え方
/// 1(2), 表「公用文の分類例」), which set how strictly its principles apply.
/// lint changes one thing with it, the only one of its rules the text itself
/// relaxes by document type: 本文 Ⅰ-1 lets 解説・広報等 write in kana words the
/// principles write in kanji, so there 「および」 for 及び (and 並びに, 又は,
/// 若しくは) is a note, not a fault. 法令・告示・通知等 follow the principles
/// strictly, and 記録・公開資料等 follow them with care for the reader: every
/// rule is a fault in both. (The text also lets 解説・広報等 keep okurigana
/// that 公用文 omits, and use 「？」「！」; lint checks neither.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub enum DocumentType {
    #[serde(rename = "法令・告示・通知等")]
    Notice,
    #[serde(rename = "記録・公開資料等")]
    Record,
    /// The action plan: a ward's explanation of its service to residents.
    #[default]
    #[serde(rename = "解説・広報等")]
    Explanation,
}

impl DocumentType {
    pub const ALL: [DocumentType; 3] = [
        DocumentType::Notice,
        DocumentType::Record,
        DocumentType::Explanation,
    ];

    /// The name the settings file and the report use.
    pub fn name(self) -> &'static str {
        match self {
            DocumentType::Notice => "法令・告示・通知等",
            DocumentType::Record => "記録・公開資料等",
            DocumentType::Explanation => "解説・広報等",
        }
    }
}

impl Style {
    /// The house style of a loaded edition: the shared file when given, else
    /// its common folder's `lint.json` (the city's house style), then its own.
    pub fn for_content(content: &crate::Content, shared: Option<&Path>) -> Result<Style, String> {
        let common = (content.common.as_ref()).map(|c| c.dir.join(FILE));
        let shared = shared.or(common.as_deref().filter(|p| p.is_file()));
        Style::load(&content.dir, shared)
    }

    /// The shared file (when given), then the edition's own `lint.json` (when
    /// there is one), together.
    pub fn load(edition: &Path, shared: Option<&Path>) -> Result<Style, String> {
        let mut style = Style::default();
        if let Some(path) = shared {
            style.add(path, &path.display().to_string())?;
        }
        let own = edition.join(FILE);
        if own.is_file() {
            style.add(&own, FILE)?;
        }
        Ok(style)
    }

    /// Whether the rule is checked.
    pub fn is_on(&self, rule: Rule) -> bool {
        !self.off.contains(&rule)
    }

    /// The document type (解説・広報等 unless the settings name another).
    pub fn document_type(&self) -> DocumentType {
        self.document_type.unwrap_or_default()
    }

    /// Whether the house style accepts this spelling.
    pub fn accepts(&self, word: &str) -> bool {
        self.accept.contains(word)
    }

    fn add(&mut self, path: &Path, name: &str) -> Result<(), String> {
        let bytes = read_regular(path).map_err(|m| format!("{name}: {m}"))?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let text = std::str::from_utf8(bytes).map_err(|_| {
            format!("{name}: ファイルが UTF-8 ではありません。メモ帳などで開き、文字コード「UTF-8」を選んで保存し直してください")
        })?;
        self.parse(text, name)
    }

    /// Read the settings from a file's text; `name` is the file as messages call it.
    pub fn parse(&mut self, text: &str, name: &str) -> Result<(), String> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            format!(
                "{name} {}行{}列: JSON として読めません（{e}）。カンマや括弧、引用符を確かめてください",
                e.line(),
                e.column()
            )
        })?;
        let at = |pointer: &str, message: String| {
            let line = line_of(text, pointer).map_or(String::new(), |l| format!(" {l}行"));
            format!("{name}{line}: {message}")
        };
        let Value::Object(map) = value else {
            return Err(at(
                "",
                "全体を { } で囲んでください（例: { \"accept\": [\"皆様\"] }）".into(),
            ));
        };
        for (key, v) in &map {
            let pointer = format!("/{key}");
            let strings = || -> Result<Vec<&str>, String> {
                let list = v.as_array().ok_or_else(|| {
                    at(
                        &pointer,
                        format!("「{key}」は [\"…\", \"…\"] の形の一覧にしてください"),
                    )
                })?;
                (list.iter().enumerate())
                    .map(|(i, x)| match x.as_str().map(str::trim) {
                        Some(s) if !s.is_empty() => Ok(s),
                        _ => Err(at(
                            &format!("{pointer}/{i}"),
                            format!("「{key}」の {} 番目が文字列ではありません。\"皆様\" のように引用符で囲んだ語を書いてください", i + 1),
                        )),
                    })
                    .collect()
            };
            match key.as_str() {
                "$schema" => {}
                "document_type" => {
                    let name = v.as_str().map(str::trim).unwrap_or_default();
                    let kind = (DocumentType::ALL.into_iter())
                        .find(|k| k.name() == name)
                        .ok_or_else(|| {
                            at(
                                &pointer,
                                format!(
                                    "「document_type」には {} のどれかを書いてください（公用文作成の考え方の文書の分類です）",
                                    DocumentType::ALL.map(|k| format!("\"{}\"", k.name())).join("、")
                                ),
                            )
                        })?;
                    // The edition's own file, read last, overrides a shared one.
                    self.document_type = Some(kind);
                }
                "accept" => self
                    .accept
                    .extend(strings()?.into_iter().map(str::to_string)),
                "off" => {
                    for (i, id) in strings()?.into_iter().enumerate() {
                        let rule = Rule::ALL.into_iter().find(|r| r.id() == id).ok_or_else(|| {
                            at(&format!("{pointer}/{i}"), format!("「{id}」という検査はありません。{} のどれかを書いてください", rule_list()))
                        })?;
                        self.off.insert(rule);
                    }
                }
                _ => {
                    return Err(at(
                        &pointer,
                        format!(
                            "「{key}」は使えない項目です。使えるのは \"accept\"（そろえる表記の一覧）、\"off\"（行わない検査の一覧）と \"document_type\"（文書の種類）です"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The rules' names, for messages: variants（表記ゆれ）, ….
fn rule_list() -> String {
    Rule::ALL
        .iter()
        .map(|r| format!("{}（{}）", r.id(), r.label()))
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_words_and_turns_rules_off() {
        let mut s = Style::default();
        s.parse(r#"{"accept": ["皆様"], "off": ["long-sentences"]}"#, FILE)
            .unwrap();
        assert!(s.accepts("皆様") && !s.accepts("皆さま"));
        assert!(!s.is_on(Rule::LongSentences) && s.is_on(Rule::Variants));
    }

    #[test]
    fn names_the_line_of_a_mistake() {
        let text = "{\n  \"accept\": [\"皆様\"],\n  \"off\": [\"kanji\", \"spelling\"]\n}";
        let e = Style::default().parse(text, FILE).unwrap_err();
        assert!(
            e.starts_with("lint.json 3行: 「spelling」という検査はありません"),
            "{e}"
        );
        let e = Style::default()
            .parse("{\"accpet\": []}", FILE)
            .unwrap_err();
        assert!(e.contains("「accpet」は使えない項目です"), "{e}");
    }

    #[test]
    fn document_type_by_its_name_in_the_2022_text() {
        let mut s = Style::default();
        assert_eq!(s.document_type(), DocumentType::Explanation);
        s.parse(r#"{"document_type": "法令・告示・通知等"}"#, FILE)
            .unwrap();
        assert_eq!(s.document_type(), DocumentType::Notice);
        let e = Style::default()
            .parse("{\n  \"document_type\": \"広報\"\n}", FILE)
            .unwrap_err();
        assert!(
            e.starts_with("lint.json 2行: 「document_type」には \"法令・告示・通知等\"、\"記録・公開資料等\"、\"解説・広報等\" のどれかを"),
            "{e}"
        );
    }
}
