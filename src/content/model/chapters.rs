//! The body chapters: principles and chapters of sections (the standards tables are
//! in standards.rs, the targets in targets.rs, the edition's own chapters in free.rs).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::standards::StandardTable;
use super::text::{NumberedItem, Paragraph};

/// `principles.json`: 宮前区役所サービス向上基本理念.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "基本理念")]
pub struct PrinciplesChapter {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    #[schemars(title = "章の題名", extend("x-help" = "目次と章の初めに印刷する題名です。例: 宮前区役所サービス向上基本理念"))]
    pub title: String,
    #[schemars(title = "前書き", extend("x-help" = "基本理念の前に印刷する段落です。"))]
    pub intro: Vec<Paragraph>,
    /// 「5つの区役所」を追求し、
    #[schemars(title = "標語", extend("x-help" = "例: 「5つの区役所」を追求し、"))]
    pub motto: String,
    /// 区民とともに…めざします。
    #[schemars(title = "めざす姿の文", extend("x-help" = "標語に続けて印刷する文です。例: 区民とともに…めざします。", "x-form" = "paragraph"))]
    pub pledge: String,
    /// The city's common principles (`common.json`) print first; the ward's
    /// own items go on from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "市の共通の基本理念", extend("x-help" = "市の共通の内容（common.json）の基本理念の項目を、この章の項目の前に印刷します。区の独自の項目はその続きの番号にします。"))]
    pub common_principles: Option<super::CommonItems>,
    #[serde(default)]
    #[schemars(title = "基本理念の項目", extend("x-help" = "番号・見出し・本文の項目を、印刷する順に並べます。市の共通の基本理念を使うときは、区の独自の項目だけを書きます。"))]
    pub principles: Vec<NumberedItem>,
}

/// A chapter of numbered sections (1, 2, …) with sub-sections ((1), (2), …).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "節のある章")]
pub struct SectionsChapter {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    #[schemars(title = "章の題名", extend("x-help" = "目次と章の初めに印刷する題名です。"))]
    pub title: String,
    /// Sub-topics the table of contents lists under the chapter, in parentheses.
    #[serde(default)]
    #[schemars(title = "目次の補足", extend("x-help" = "目次で章の題名の下に括弧で囲んで印刷する小項目です。括弧は書きません。例: 区役所サービス基準"))]
    pub toc_notes: Vec<String>,
    #[schemars(title = "節", extend("x-help" = "番号の付いた節（1、2…）です。印刷する順に並べます。"))]
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "節")]
pub struct Section {
    #[schemars(title = "節の番号", extend("x-help" = "1、2… と順に付けます。"))]
    pub number: u32,
    #[schemars(title = "節の見出し", extend("x-help" = "番号を除いた見出しです。"))]
    pub title: String,
    #[serde(default)]
    #[schemars(title = "段落", extend("x-help" = "見出しの下に印刷する段落・箇条書き・表です。"))]
    pub paragraphs: Vec<Paragraph>,
    /// The ward's service improvement policy, set in a framed box.
    #[serde(default)]
    #[schemars(title = "区役所サービス向上方針", extend("x-help" = "枠で囲んで印刷する方針です。日付と署名は表紙・版の情報に書きます。"))]
    pub policy: Option<Policy>,
    /// The city's common policy items (`common.json`) print first in this
    /// section's policy box; the ward's own items go on from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "市の共通の方針", extend("x-help" = "市の共通の内容（common.json）の方針の項目を、この節の方針の枠の初めに印刷します。題名は「区役所サービス向上方針」に書き、区の独自の項目はその続きの番号にします。"))]
    pub common_policy: Option<super::CommonItems>,
    /// The PDCA cycle diagram.
    #[serde(default)]
    #[schemars(title = "PDCAサイクルの図", extend("x-help" = "中央の文字と各段階の名前から、ツールが図を描きます。"))]
    pub pdca: Option<Pdca>,
    /// The city's common standards (`common.json`) print here, before the
    /// section's own tables, whose numbers go on from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "市の共通の基準", extend("x-help" = "市の共通の内容（common.json）の基準を、この節の基準の表の前に印刷します。区の独自基準はその続きの番号にします。"))]
    pub common_standards: Option<super::CommonStandards>,
    /// Tables of service standards.
    #[serde(default)]
    #[schemars(title = "基準の表", extend("x-help" = "区役所サービス基準の表です。"))]
    pub standard_tables: Vec<StandardTable>,
    #[serde(default)]
    #[schemars(title = "小見出し", extend("x-help" = "節の中の小見出し（(1)、(2)…）です。"))]
    pub subsections: Vec<Subsection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "小見出し")]
pub struct Subsection {
    #[schemars(title = "番号", extend("x-help" = "(1)、(2)… の数字を 1、2… と順に付けます。"))]
    pub number: u32,
    #[schemars(title = "小見出し", extend("x-help" = "番号を除いた小見出しです。"))]
    pub title: String,
    #[serde(default)]
    #[schemars(title = "段落", extend("x-help" = "小見出しの下に印刷する段落・箇条書き・表です。"))]
    pub paragraphs: Vec<Paragraph>,
    /// The history of the working teams (第1期…) with their achievements.
    #[serde(default)]
    #[schemars(title = "ワーキングチームの実績", extend("x-help" = "期（第1期…）ごとの主な活動実績です。"))]
    pub working_teams: Vec<WorkingTeam>,
}

/// 宮前区役所サービス向上方針; its date and signer are in `edition.json`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "区役所サービス向上方針")]
pub struct Policy {
    #[schemars(title = "方針の題名", extend("x-help" = "例: 区役所サービス向上方針"))]
    pub title: String,
    #[serde(default)]
    #[schemars(title = "方針の項目", extend("x-help" = "番号・見出し・本文の項目を、印刷する順に並べます。市の共通の方針を使うときは、区の独自の項目だけを書きます。"))]
    pub items: Vec<NumberedItem>,
}

/// The PDCA cycle. Stage labels are the generic ones; the printed figure's own
/// text is not in the source and is marked as a gap.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "PDCAサイクルの図")]
pub struct Pdca {
    /// What the diagram is about, printed in its centre.
    #[schemars(title = "図の中央の文字", extend("x-help" = "図の中央に印刷する、何の PDCA かを示す文字です。"))]
    pub center: String,
    #[schemars(title = "段階", extend("x-help" = "Plan・Do・Check・Action の各段階です。"))]
    pub stages: Vec<PdcaStage>,
    #[serde(default)]
    #[schemars(title = "未収録の説明", extend("x-help" = "原本から転記していない部分があるときに、その理由を書きます。PDF には【未収録】と印刷され、残っている間は公開版を作れません。"))]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "段階")]
pub struct PdcaStage {
    /// Plan
    #[schemars(title = "段階の名前（英字）", extend("x-help" = "例: Plan"))]
    pub name: String,
    /// 計画
    #[schemars(title = "段階の名前（日本語）", extend("x-help" = "例: 計画"))]
    pub label: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ワーキングチーム")]
pub struct WorkingTeam {
    /// The term (期): 1 for 第1期.
    #[schemars(title = "期", extend("x-help" = "第1期なら 1 と書きます。"))]
    pub term: u32,
    #[schemars(title = "主な活動実績", extend("x-help" = "この期の実績を、1つずつ書きます。"))]
    pub achievements: Vec<Achievement>,
}

/// One achievement, optionally with a parenthesised detail on its own line.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "実績")]
pub enum Achievement {
    #[schemars(title = "実績", extend("x-help" = "実績を1行で書きます。"))]
    Text(String),
    #[schemars(title = "補足の付いた実績", extend("x-help" = "実績と、次の行に印刷する補足です。"))]
    Detailed(DetailedAchievement),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "補足の付いた実績")]
pub struct DetailedAchievement {
    #[schemars(title = "実績", extend("x-help" = "実績の文です。"))]
    pub text: String,
    #[schemars(title = "補足", extend("x-help" = "実績の次の行に印刷する補足です。括弧も含めて、印刷するとおりに書きます。"))]
    pub detail: String,
}
