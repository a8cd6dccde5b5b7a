//! The tables of service standards (区役所サービス基準) of a sections chapter.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "基準の表")]
pub struct StandardTable {
    /// 区役所サービス基準 (printed in 【】)
    #[schemars(title = "表の題名", extend("x-help" = "【】で囲んで印刷されます。括弧は書きません。例: 区役所サービス基準"))]
    pub title: String,
    /// 次の項目については、課として判断する内容です。
    #[serde(default)]
    #[schemars(title = "前書き", extend("x-help" = "表の前に印刷する一文です。例: 次の項目については、課として判断する内容です。", "x-form" = "paragraph"))]
    pub lead: Option<String>,
    /// `per-table`: this table numbers its standards 1, 2, … on its own, with
    /// its `prefix` (独自1); otherwise its numbers continue through the tables.
    #[serde(default, skip_serializing_if = "Numbering::is_through")]
    #[schemars(title = "番号の付け方", extend("x-help" = "ふつうはすべての表を通した番号です。この表だけで 1 から付けるときは「表ごとの番号」にして、番号の頭の文字を書きます。"))]
    pub numbering: Numbering,
    /// The prefix of a per-table numbering, printed in the No column: 独自
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "番号の頭の文字", extend("x-help" = "表ごとの番号のとき、No の欄で番号の前に印刷する文字です。例: 独自（「独自1」と印刷されます）"))]
    pub prefix: Option<String>,
    #[schemars(title = "基準", extend("x-help" = "表の行です。番号・基準の文・所管・場面を書きます。Excel からの貼り付けもできます。", "x-form" = "table"))]
    pub standards: Vec<Standard>,
}

/// How a standards table numbers its rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(title = "番号の付け方")]
pub enum Numbering {
    /// Numbers continue through all the tables (1..N).
    #[default]
    #[schemars(title = "通し番号", extend("x-help" = "すべての基準の表を通して 1 から番号を付けます。"))]
    Through,
    /// The table numbers its own rows from 1, with its prefix.
    #[schemars(title = "表ごとの番号", extend("x-help" = "この表だけで 1 から番号を付け、番号の頭の文字を付けて印刷します（独自1）。"))]
    PerTable,
}

impl Numbering {
    pub fn is_through(&self) -> bool {
        *self == Numbering::Through
    }
}

impl StandardTable {
    /// The prefix its standards are named with (none when numbered through).
    pub fn item_prefix(&self) -> &str {
        match self.numbering {
            Numbering::PerTable => self.prefix.as_deref().unwrap_or(""),
            Numbering::Through => "",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "基準")]
pub struct Standard {
    #[schemars(title = "番号", extend("x-help" = "No の欄に印刷する番号です。通し番号ならすべての表を通して、表ごとの番号ならこの表で 1 から順に付けます。"))]
    pub number: u32,
    #[schemars(title = "基準", extend("x-help" = "基準の文です。", "x-form" = "paragraph"))]
    pub text: String,
    /// A qualifying note printed smaller in the same cell (※ただし…).
    #[serde(default)]
    #[schemars(title = "注記", extend("x-help" = "同じ欄に小さく印刷する補足です。例: ※ただし…", "x-form" = "paragraph"))]
    pub note: Option<String>,
    /// The owning section (所管) where the table gives one.
    #[serde(default)]
    #[schemars(title = "所管", extend("x-help" = "所管の欄がある表で、所管する課を書きます。例: 各課"))]
    pub owner: Option<String>,
    /// One of the edition's scene categories.
    #[schemars(title = "場面", extend("x-help" = "表紙・版の情報の「場面の一覧」にある名前から選びます。", "x-values" = "scenes", "x-merge" = "runs"))]
    pub scene: String,
}
