//! The house style: `lint.json` in the edition folder, or a file shared by a
//! city's editions (`--style FILE`), or both. It accepts spellings (皆様), so
//! their variants are reported as deviations, and turns rules off.
//!
//! ```json
//! { "accept": ["皆様", "分かりやすい"], "off": ["long-sentences"] }
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
}

impl Style {
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
                            "「{key}」は使えない項目です。使えるのは \"accept\"（そろえる表記の一覧）と \"off\"（行わない検査の一覧）です"
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
}
