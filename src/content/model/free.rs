//! A chapter of the edition's own (`free`): sections of paragraphs, lists and tables.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::Paragraph;

/// A chapter of the edition's own (問合せ先, 今後の方向性…): an introduction and
/// sections, each of paragraphs, lists and simple tables. Sections are numbered
/// as printed (1, 2…; subsections (1), (2)…).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "区独自の章")]
pub struct FreeChapter {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    #[schemars(title = "章の題名", extend("x-help" = "目次と章の初めに印刷する題名です。例: 今後の方向性"))]
    pub title: String,
    /// Lines the table of contents prints under the chapter title.
    #[serde(default)]
    #[schemars(title = "目次の補足", extend("x-help" = "目次で章の題名の下に括弧で囲んで印刷する行です。括弧は書きません。なければ空のままにします。"))]
    pub toc_notes: Vec<String>,
    #[serde(default)]
    #[schemars(title = "前書き", extend("x-help" = "最初の節の前に印刷する段落です。"))]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    #[schemars(title = "節", extend("x-help" = "章の節です。節の番号 1、2… はツールが付けます。"))]
    pub sections: Vec<FreeSection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "節")]
pub struct FreeSection {
    #[schemars(title = "節の見出し", extend("x-help" = "番号を除いた見出しです。番号はツールが付けます。"))]
    pub title: String,
    #[serde(default)]
    #[schemars(title = "段落", extend("x-help" = "見出しの下に印刷する段落・箇条書き・表です。"))]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    #[schemars(title = "小見出し", extend("x-help" = "節の中の小見出しです。番号 (1)、(2)… はツールが付けます。"))]
    pub subsections: Vec<FreeSubsection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "小見出し")]
pub struct FreeSubsection {
    #[schemars(title = "小見出し", extend("x-help" = "番号を除いた小見出しです。番号はツールが付けます。"))]
    pub title: String,
    #[serde(default)]
    #[schemars(title = "段落", extend("x-help" = "小見出しの下に印刷する段落・箇条書き・表です。"))]
    pub paragraphs: Vec<Paragraph>,
}
