//! `edition.json`'s `comparison`: how the 新旧対照表 is set out, as the
//! municipality's custom has it. Every field may be left out; the defaults are
//! planpress's form (簡易, no 備考, 傍線, 改正後 on the left).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The form of the 新旧対照表 (`planpress diff --pdf` and the draft's closing
/// pages): `{"form": "simple", "remarks": false, "mark": "sideline", "new_side": "left"}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComparisonForm {
    /// "simple" (簡易, the default): of a changed item only its changed passages,
    /// the others as 「（略）」; "detailed" (詳細): every passage of a changed item.
    /// Unchanged items are 「（略）」 in both.
    #[serde(default)]
    pub form: TableForm,
    /// true: a third column 備考 names each item's change (追加・変更・削除・移動・番号変更).
    #[serde(default)]
    pub remarks: bool,
    /// How the changed characters are marked: "sideline" (傍線, the default) or
    /// "underline" (下線). In horizontal writing a 傍線 stands under the text, so
    /// both print the same line under the changed characters; the table's
    /// explanation names the mark as chosen (「傍線の部分は…」「下線の部分は…」).
    #[serde(default)]
    pub mark: ChangeMark,
    /// The column of 改正後: "left" (the default, as public bodies print it) or
    /// "right". `planpress diff --order` overrides it.
    #[serde(default)]
    pub new_side: NewSide,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableForm {
    /// 簡易: only the changed passages, the others 「（略）」.
    #[default]
    Simple,
    /// 詳細: every passage of a changed item.
    Detailed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeMark {
    /// 傍線 (in horizontal writing, a line under the text).
    #[default]
    Sideline,
    /// 下線.
    Underline,
}

impl ChangeMark {
    /// The mark's name in the table's explanation.
    pub fn word(self) -> &'static str {
        match self {
            ChangeMark::Sideline => "傍線",
            ChangeMark::Underline => "下線",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NewSide {
    /// 改正後 in the left column, 改正前 in the right.
    #[default]
    Left,
    /// 改正前 in the left column, 改正後 in the right.
    Right,
}
