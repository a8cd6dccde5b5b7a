//! `edition.json`'s `comparison`: how the 新旧対照表 is set out, as the
//! municipality's custom has it. Every field may be left out; the defaults are
//! planpress's form (簡易, no 備考, 傍線, 改正後 on the left).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The form of the 新旧対照表 (`planpress diff --pdf` and the draft's closing
/// pages): `{"form": "simple", "remarks": false, "mark": "sideline", "new_side": "left"}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "新旧対照表の形")]
pub struct ComparisonForm {
    /// "simple" (簡易, the default): of a changed item only its changed passages,
    /// the others as 「（略）」; "detailed" (詳細): every passage of a changed item.
    /// Unchanged items are 「（略）」 in both.
    #[serde(default)]
    #[schemars(title = "形", extend("x-help" = "簡易: 変わった項目の、変わった段落だけを載せ、ほかは「（略）」。詳細: 変わった項目は段落をすべて載せます。"))]
    pub form: TableForm,
    /// true: a third column 備考 names each item's change (追加・変更・削除・移動・番号変更).
    #[serde(default)]
    #[schemars(title = "備考の列", extend("x-help" = "付けると右端に「備考」の列を設け、項目ごとに 追加・変更・削除・移動・番号変更 と書きます。"))]
    pub remarks: bool,
    /// How the changed characters are marked: "sideline" (傍線, the default) or
    /// "underline" (下線). In horizontal writing a 傍線 stands under the text, so
    /// both print the same line under the changed characters; the table's
    /// explanation names the mark as chosen (「傍線の部分は…」「下線の部分は…」).
    #[serde(default)]
    #[schemars(title = "改正部分の印", extend("x-help" = "変わった文字の印の呼び方です。どちらも文字の下に線を引き、説明の文が「傍線の部分」か「下線の部分」になります。"))]
    pub mark: ChangeMark,
    /// The column of 改正後: "left" (the default, as public bodies print it) or
    /// "right". `planpress diff --order` overrides it.
    #[serde(default)]
    #[schemars(title = "改正後の列", extend("x-help" = "改正後を左の列に置くか右の列に置くかです。"))]
    pub new_side: NewSide,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "形")]
pub enum TableForm {
    /// 簡易: only the changed passages, the others 「（略）」.
    #[default]
    #[schemars(title = "簡易", extend("x-help" = "変わった項目の、変わった段落だけを載せます。ほかは「（略）」です。"))]
    Simple,
    /// 詳細: every passage of a changed item.
    #[schemars(title = "詳細", extend("x-help" = "変わった項目は段落をすべて載せます。"))]
    Detailed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "改正部分の印")]
pub enum ChangeMark {
    /// 傍線 (in horizontal writing, a line under the text).
    #[default]
    #[schemars(title = "傍線", extend("x-help" = "説明の文が「傍線の部分が改正部分」になります。"))]
    Sideline,
    /// 下線.
    #[schemars(title = "下線", extend("x-help" = "説明の文が「下線の部分が改正部分」になります。"))]
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
#[schemars(title = "改正後の列")]
pub enum NewSide {
    /// 改正後 in the left column, 改正前 in the right.
    #[default]
    #[schemars(title = "改正後を左", extend("x-help" = "左の列に改正後、右の列に改正前を置きます。"))]
    Left,
    /// 改正前 in the left column, 改正後 in the right.
    #[schemars(title = "改正後を右", extend("x-help" = "左の列に改正前、右の列に改正後を置きます。"))]
    Right,
}
