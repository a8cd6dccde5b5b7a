//! `targets.json`: the departments' targets (区役所サービス向上目標).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::chapters::Policy;

/// `targets.json`: 区役所サービス向上目標, the department index and the target grid.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "区役所サービス向上目標")]
pub struct TargetsChapter {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    #[schemars(title = "章の題名", extend("x-help" = "目次と章の初めに印刷する題名です。例: 区役所サービス向上目標"))]
    pub title: String,
    /// The policy as the target section prints it (its wording differs from the box).
    #[schemars(title = "区役所サービス向上方針", extend("x-help" = "目標の章に印刷する方針です（枠で囲んだ方針と文言が違うことがあります）。"))]
    pub policy: Policy,
    /// The city's common policy items (`common.json`) print first here too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "市の共通の方針", extend("x-help" = "市の共通の内容（common.json）の方針の項目を、この章の方針の初めに印刷します。区の独自の項目はその続きの番号にします。"))]
    pub common_policy: Option<super::CommonItems>,
    #[schemars(title = "部", extend("x-help" = "部と、その下の課・担当の目標です。印刷する順に並べます。"))]
    pub divisions: Vec<Division>,
}

/// A 部 and its departments; `name` is absent for departments directly under the
/// ward (such a group may stand anywhere among the 部).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "部")]
pub struct Division {
    #[serde(default)]
    #[schemars(title = "部名", extend("x-help" = "例: 区民サービス部。部に属さない課をまとめるときは書きません。"))]
    pub name: Option<String>,
    /// A stable identifier, needed when the 部 holds targets of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "部の id", extend("x-help" = "部が自分の目標を持つときに要る識別子です（半角の英字・数字・ハイフン）。年度が変わっても変えません。"))]
    pub id: Option<String>,
    /// The 部's own targets, printed before its departments'.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "部の目標", extend("x-help" = "部そのものの目標です。課の目標の前に印刷されます。", "x-form" = "table"))]
    pub targets: Vec<Target>,
    #[serde(default)]
    #[schemars(title = "課", extend("x-help" = "この部の課（部署）です。印刷する順に並べます。"))]
    pub departments: Vec<Department>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "課")]
pub struct Department {
    /// A stable identifier (ASCII letters, digits and hyphens), e.g. `kumin`.
    #[schemars(title = "部署の id", extend("x-help" = "部署を見分ける識別子です（半角の英字・数字・ハイフン）。例: kumin。年度が変わっても変えません。"))]
    pub id: String,
    /// The name the index prints: 鷺沼行政SC
    #[schemars(title = "索引の名前", extend("x-help" = "部署の索引に印刷する短い名前です。例: 鷺沼行政SC"))]
    pub short_name: String,
    /// The name the grid prints: 鷺沼行政サービスコーナー
    #[schemars(title = "部署名", extend("x-help" = "目標の表に印刷する名前です。例: 鷺沼行政サービスコーナー"))]
    pub full_name: String,
    /// The 課's own targets (none when only its units hold targets).
    #[serde(default)]
    #[schemars(title = "目標", extend("x-help" = "課の目標です。担当・係だけが目標を持つときは空にします。Excel からの貼り付けもできます。", "x-form" = "table"))]
    pub targets: Vec<Target>,
    /// Its units (担当・係), each with its own targets, printed under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(title = "担当・係", extend("x-help" = "目標を持つ担当・係です。表で課の下に「区民課　戸籍担当」の帯で印刷されます。"))]
    pub units: Vec<Unit>,
}

/// A 担当 or 係 of a 課, holding its own targets.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "担当・係")]
pub struct Unit {
    /// A stable identifier, unique among all departments and units: `kumin-koseki`
    #[schemars(title = "担当の id", extend("x-help" = "ほかの部署・担当と重ならない識別子です（半角の英字・数字・ハイフン）。例: kumin-koseki"))]
    pub id: String,
    /// 戸籍担当
    #[schemars(title = "担当・係の名前", extend("x-help" = "例: 戸籍担当"))]
    pub name: String,
    #[schemars(title = "目標", extend("x-help" = "この担当・係の目標です。Excel からの貼り付けもできます。", "x-form" = "table"))]
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "目標")]
pub struct Target {
    #[schemars(title = "番号", extend("x-help" = "課（担当）ごとに 1、2… と順に付けます。"))]
    pub number: u32,
    /// One of the edition's scene categories.
    #[schemars(title = "場面", extend("x-help" = "表紙・版の情報の「場面の一覧」にある名前から選びます。", "x-values" = "scenes"))]
    pub scene: String,
    #[schemars(title = "目標及び具体的な取組内容", extend("x-help" = "目標と、そのための具体的な取組を書きます。", "x-form" = "paragraph"))]
    pub text: String,
    /// What was done (実施結果), filled in at the end of the fiscal year.
    #[serde(default)]
    #[schemars(title = "実施結果", extend("x-help" = "年度末に、実際に行ったことを書きます。", "x-form" = "paragraph"))]
    pub result: Option<String>,
    /// Whether the target was met, filled in with the result.
    #[serde(default)]
    #[schemars(title = "達成状況", extend("x-help" = "実施結果と一緒に、状況の言葉（書かなければ 達成・一部達成・未達成）から選びます。", "x-values" = "statuses"))]
    pub status: Option<Status>,
}

/// Whether a target was met: one of the edition's `statuses` (by default
/// 達成・一部達成・未達成).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(title = "達成状況")]
pub struct Status(pub String);

impl Status {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
