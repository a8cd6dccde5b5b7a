//! The regulation annex (設置要綱): 条 → 項 → 号 → 細目, 附則 and 別表.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::Paragraph;
use crate::content::date::Date;

/// Annex: a regulation (要綱) of articles.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "要綱", extend("x-order" = ["$schema", "title", "articles", "supplementary_provisions", "tables", "subitem_style", "supplementary", "gap"]))]
pub struct Regulation {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    #[schemars(title = "題名", extend("x-help" = "要綱の題名です。例: …委員会設置要綱"))]
    pub title: String,
    #[serde(default)]
    #[schemars(title = "条", extend("x-help" = "第1条から順に並べます。"))]
    pub articles: Vec<Article>,
    /// 附則 as plain paragraphs under one 「附　則」 (the older, flat form).
    #[serde(default)]
    #[schemars(title = "附則（段落だけの書き方）", extend("x-help" = "以前の書き方です。1つの「附　則」の下に段落を並べます。新しく書くときは日付付きの附則を使います。", "x-older" = true))]
    pub supplementary: Vec<Paragraph>,
    /// 附則, each with the date it was enacted or amended: 「附　則（令和2年4月1日）」.
    #[serde(default)]
    #[schemars(title = "附則", extend("x-help" = "制定・改正ごとの附則です。「附　則（令和2年4月1日）」のように日付を付けて印刷されます。"))]
    pub supplementary_provisions: Vec<Provision>,
    /// 別表: tables the articles refer to.
    #[serde(default)]
    #[schemars(title = "別表", extend("x-help" = "条が参照する表です。"))]
    pub tables: Vec<RegulationTable>,
    /// How 細目 are numbered: ア、イ… (`katakana`) or (ア)、(イ)… (`paren_katakana`).
    #[serde(default)]
    #[schemars(title = "細目の記号", extend("x-help" = "号の下の細目に付ける記号です。"))]
    pub subitem_style: SubitemStyle,
    #[serde(default)]
    #[schemars(title = "未収録の説明", extend("x-help" = "原本から転記していないときに、その理由を書きます。PDF には【未収録】と印刷され、残っている間は公開版を作れません。", "x-form" = "paragraph"))]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "条", extend("x-order" = ["number", "caption", "clauses", "paragraphs"]))]
pub struct Article {
    #[schemars(title = "条の番号", extend("x-help" = "第1条なら 1 と書きます。"))]
    pub number: u32,
    /// The caption, printed in parentheses: `目的` prints 「（目的）」 (written
    /// `（目的）`, it prints the same: one pair).
    #[schemars(title = "見出し", extend("x-help" = "条の見出しです。括弧があってもなくても「（目的）」と印刷されます。例: 目的"))]
    pub caption: String,
    /// The article's text as plain paragraphs (the older, flat form): the second
    /// and later print as 項 ２, ３…; a number typed at a paragraph's start
    /// (`2 …`) is its 項 number, a typed `(1) …` or `一　…` an item under it.
    #[serde(default)]
    #[schemars(title = "段落（以前の書き方）", extend("x-help" = "以前の書き方です。2段落目から項として「２」「３」を付けて印刷します。新しく書くときは「項」を使います。", "x-older" = true))]
    pub paragraphs: Vec<Paragraph>,
    /// 項: the first has no printed number, then ２、３…
    #[serde(default)]
    #[schemars(title = "項", extend("x-help" = "1 から番号を付けます。印刷では第1項に番号がなく、第2項から「２」「３」が付きます。"))]
    pub clauses: Vec<Clause>,
}

/// 項: numbered 1, 2, 3… in the content; the first prints without its number.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "項")]
pub struct Clause {
    #[schemars(title = "項の番号", extend("x-help" = "1、2、3… と順に付けます（第1項は番号なしで印刷されます）。"))]
    pub number: u32,
    #[schemars(title = "項の文", extend("x-help" = "項の文です。番号は書きません。", "x-form" = "paragraph"))]
    pub text: String,
    /// 号: 一、二、三…
    #[serde(default)]
    #[schemars(title = "号", extend("x-help" = "項の下の号です。一、二、三… と印刷されます。"))]
    pub items: Vec<RegulationItem>,
}

/// 号: numbered 1, 2, 3… in the content, printed 一、二、三…
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "号")]
pub struct RegulationItem {
    #[schemars(title = "号の番号", extend("x-help" = "1、2、3… と書きます。印刷では 一、二、三… になります。"))]
    pub number: u32,
    #[schemars(title = "号の文", extend("x-help" = "号の文です。番号は書きません。", "x-form" = "paragraph"))]
    pub text: String,
    /// 細目: ア、イ、ウ…
    #[serde(default)]
    #[schemars(title = "細目", extend("x-help" = "号の下の細目です。ア、イ、ウ… か (ア)、(イ)… と印刷されます。"))]
    pub subitems: Vec<Subitem>,
}

/// 細目: numbered 1, 2, 3… in the content, printed ア、イ、ウ… or (ア)、(イ)…
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "細目")]
pub struct Subitem {
    #[schemars(title = "細目の番号", extend("x-help" = "1、2、3… と書きます。印刷では ア、イ、ウ… になります。"))]
    pub number: u32,
    #[schemars(title = "細目の文", extend("x-help" = "細目の文です。記号は書きません。", "x-form" = "paragraph"))]
    pub text: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "細目の記号")]
pub enum SubitemStyle {
    /// ア、イ、ウ…
    #[default]
    #[schemars(title = "ア、イ、ウ…", extend("x-help" = "細目に ア、イ、ウ… と付けます。"))]
    Katakana,
    /// (ア)、(イ)、(ウ)…
    #[schemars(title = "(ア)、(イ)、(ウ)…", extend("x-help" = "細目に (ア)、(イ)、(ウ)… と付けます。"))]
    ParenKatakana,
}

/// One 附則 with its date: 「附　則（令和2年4月1日）」.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "附則")]
pub struct Provision {
    /// The date of enactment or amendment (YYYY-MM-DD).
    #[schemars(title = "日付", extend("x-help" = "制定・改正の日付を西暦で書きます。例: 2020-04-01（「附　則（令和2年4月1日）」と印刷されます）"))]
    pub date: Date,
    #[serde(default)]
    #[schemars(title = "附則の段落", extend("x-help" = "条に分けない附則の文です。例: この要綱は、令和2年4月1日から施行する。"))]
    pub paragraphs: Vec<Paragraph>,
    /// Articles of the 附則 (（施行期日）第1条 …).
    #[serde(default)]
    #[schemars(title = "附則の条", extend("x-help" = "条に分けた附則です（（施行期日）第1条 …）。"))]
    pub articles: Vec<Article>,
}

/// 別表: a titled table (別表（第3条関係）).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "別表")]
pub struct RegulationTable {
    /// 別表（第3条関係）
    #[schemars(title = "別表の題名", extend("x-help" = "例: 別表（第3条関係）"))]
    pub title: String,
    #[schemars(title = "列の見出し", extend("x-help" = "左の列から順に、見出しの行に印刷する言葉です。例: 区分、職"))]
    pub columns: Vec<String>,
    #[schemars(title = "行", extend("x-help" = "表の行です。1行に列の数だけ欄を書きます。Excel からの貼り付けもできます。", "x-form" = "table", "x-columns" = "columns"))]
    pub rows: Vec<Vec<String>>,
}
