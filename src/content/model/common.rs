//! The city's common layer: `common.json` in a folder the wards share
//! (`content/<city>-common-r7/`), and how a ward's files name and override it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ComparisonForm, NumberedItem, StandardTable};

/// `common.json`: what every ward of the city shares for one fiscal year: the
/// common service standards (numbered 1..N through the tables), the scenes, the
/// status words and the form of the 新旧対照表.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "市の共通の内容")]
pub struct Common {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    /// 架空市
    #[schemars(title = "市名", extend("x-help" = "市の名前です。各区の版の市名と同じにします。"))]
    pub city: String,
    /// The fiscal year of this version (2025 for 令和7年度); a ward's
    /// `edition.json` names it in `common.fiscal_year`.
    #[schemars(title = "年度（西暦）", extend("x-help" = "この共通の内容の年度を西暦で書きます。各区の版は edition.json の「市の共通の内容」でこの年度を指定します。"))]
    pub fiscal_year: i32,
    /// The common standards tables (区役所サービス基準…), printed first in each
    /// ward's standards, numbered 1..N; a ward's own standards go on from N+1.
    #[serde(default)]
    #[schemars(title = "共通の基準の表", extend("x-help" = "全区に共通の区役所サービス基準の表です。各区の基準の表の先頭に、1 から順の番号で印刷されます。区の独自基準はその続きの番号にします。"))]
    pub standard_tables: Vec<StandardTable>,
    /// The scene categories (場面) of every ward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "場面の一覧", extend("x-help" = "全区の基準と目標の「場面」に使える名前です。"))]
    pub scenes: Option<Vec<String>>,
    /// The status words (状況) of every ward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "状況の言葉", extend("x-help" = "全区の目標の達成状況に使える言葉です。書かなければ 達成・一部達成・未達成。"))]
    pub statuses: Option<Vec<String>>,
    /// The form of every ward's 新旧対照表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "新旧対照表の形", extend("x-help" = "全区の新旧対照表の形です。"))]
    pub comparison: Option<ComparisonForm>,
    /// The numbered principles the city sets, printed first in each ward's
    /// 基本理念 (where its file says `common_principles`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "共通の基本理念の項目", extend("x-help" = "全区に共通の基本理念の項目（番号・見出し・本文）です。各区の基本理念の初めに、1 から順の番号で印刷されます。区の独自の項目はその続きの番号にします。"))]
    pub principles: Option<Vec<NumberedItem>>,
    /// The numbered items of the service improvement policy the city sets,
    /// printed first in each ward's 方針 (where its section says `common_policy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "共通の方針の項目", extend("x-help" = "全区に共通の区役所サービス向上方針の項目（番号・見出し・本文）です。各区の方針の枠の初めに、1 から順の番号で印刷されます。方針の題名は各区で書きます。"))]
    pub policy: Option<Vec<NumberedItem>>,
}

/// `edition.json`'s `common`: the city's common folder this edition uses.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "市の共通の内容")]
pub struct CommonRef {
    /// The common folder: a folder name beside this edition (`city-common-r7`)
    /// or a path relative to this folder (`../city-common-r7`).
    #[schemars(title = "共通の内容のフォルダ", extend("x-help" = "市の共通の内容（common.json）のあるフォルダです。この版のフォルダからの相対パスで書きます。例: ../common-r7"))]
    pub folder: String,
    /// The fiscal year of the common version used; must be the `fiscal_year`
    /// of the folder's `common.json`.
    #[schemars(title = "共通の内容の年度（西暦）", extend("x-help" = "使う共通の内容の年度です。そのフォルダの common.json の年度と同じにします。"))]
    pub fiscal_year: i32,
    /// What this ward sets itself instead of the common file: fields of
    /// `edition.json` ("scenes", "statuses", "comparison"), or its own
    /// principles or policy items instead of the common ones ("principles",
    /// "policy"); `check` lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "区が自分で決める項目", extend("x-help" = "共通の内容ではなく、この版の edition.json に書いた値を使う項目です。check がその一覧を知らせます。"))]
    pub overrides: Vec<CommonField>,
}

/// A field of `edition.json` the common layer may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "項目")]
pub enum CommonField {
    #[schemars(title = "場面の一覧", extend("x-help" = "この版の場面の一覧を使います。"))]
    Scenes,
    #[schemars(title = "状況の言葉", extend("x-help" = "この版の状況の言葉を使います。"))]
    Statuses,
    #[schemars(title = "新旧対照表の形", extend("x-help" = "この版の新旧対照表の形を使います。"))]
    Comparison,
    #[schemars(title = "基本理念の項目", extend("x-help" = "共通の基本理念の項目を使わず、この版の基本理念の章に書いた項目だけを印刷します。"))]
    Principles,
    #[schemars(title = "方針の項目", extend("x-help" = "共通の方針の項目を使わず、この版の方針に書いた項目だけを印刷します。"))]
    Policy,
}

impl CommonField {
    pub fn name(self) -> &'static str {
        match self {
            CommonField::Scenes => "scenes",
            CommonField::Statuses => "statuses",
            CommonField::Comparison => "comparison",
            CommonField::Principles => "principles",
            CommonField::Policy => "policy",
        }
    }
}

/// A section's `common_standards`: the common standards print here, before
/// the section's own tables; `overrides` replaces common standards for this
/// ward only.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "共通の基準")]
pub struct CommonStandards {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "区で言い換える共通基準", extend("x-help" = "共通の基準のうち、この区だけ別の言葉で印刷するものです。番号で指定します。check がその一覧を知らせます。", "x-form" = "table"))]
    pub overrides: Vec<StandardOverride>,
}

/// A common standard as this ward prints it instead of the common wording.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "言い換える共通基準")]
pub struct StandardOverride {
    /// The number of the common standard replaced (12 for 共通基準12).
    #[schemars(title = "番号", extend("x-help" = "言い換える共通基準の番号です。例: 12"))]
    pub number: u32,
    #[schemars(title = "基準の文", extend("x-help" = "この区で印刷する基準の文です。", "x-form" = "paragraph"))]
    pub text: String,
    /// A note printed smaller in the cell; the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "注記", extend("x-help" = "セルに小さく印刷する注記です。書かなければ共通のものを使います。"))]
    pub note: Option<String>,
    /// The owning section (所管); the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "所管", extend("x-help" = "所管の課です。書かなければ共通のものを使います。"))]
    pub owner: Option<String>,
    /// The scene; the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "場面", extend("x-help" = "場面の一覧から選びます。書かなければ共通のものを使います。", "x-values" = "scenes"))]
    pub scene: Option<String>,
}

/// `common_principles` in the 基本理念 or `common_policy` in a section's 方針:
/// the city's common items print here, before the ward's own (numbered on from
/// them); `overrides` rewords common items for this ward only.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "共通の項目")]
pub struct CommonItems {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "区で言い換える共通の項目", extend("x-help" = "共通の項目のうち、この区だけ別の言葉で印刷するものです。番号で指定します。check がその一覧を知らせます。", "x-form" = "table"))]
    pub overrides: Vec<ItemOverride>,
}

/// A common principle or policy item as this ward prints it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "言い換える共通の項目")]
pub struct ItemOverride {
    /// The number of the common item replaced.
    #[schemars(title = "番号", extend("x-help" = "言い換える共通の項目の番号です。例: 2"))]
    pub number: u32,
    /// The heading; the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "見出し", extend("x-help" = "この区で印刷する見出しです。書かなければ共通のものを使います。"))]
    pub title: Option<String>,
    /// The text; the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "本文", extend("x-help" = "この区で印刷する本文です。書かなければ共通のものを使います。", "x-form" = "paragraph"))]
    pub text: Option<String>,
}
