//! The body chapters: principles, chapters of sections, the targets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{NumberedItem, Paragraph};

/// `principles.json`: 宮前区役所サービス向上基本理念.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrinciplesChapter {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    pub intro: Vec<Paragraph>,
    /// 「5つの区役所」を追求し、
    pub motto: String,
    /// 区民とともに…めざします。
    pub pledge: String,
    pub principles: Vec<NumberedItem>,
}

/// A chapter of numbered sections (1, 2, …) with sub-sections ((1), (2), …).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionsChapter {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    /// Sub-topics the table of contents lists under the chapter, in parentheses.
    #[serde(default)]
    pub toc_notes: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub number: u32,
    pub title: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// The ward's service improvement policy, set in a framed box.
    #[serde(default)]
    pub policy: Option<Policy>,
    /// The PDCA cycle diagram.
    #[serde(default)]
    pub pdca: Option<Pdca>,
    /// The city's common standards (`common.json`) print here, before the
    /// section's own tables, whose numbers go on from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common_standards: Option<super::CommonStandards>,
    /// Tables of service standards.
    #[serde(default)]
    pub standard_tables: Vec<StandardTable>,
    #[serde(default)]
    pub subsections: Vec<Subsection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    pub number: u32,
    pub title: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// The history of the working teams (第1期…) with their achievements.
    #[serde(default)]
    pub working_teams: Vec<WorkingTeam>,
}

/// 宮前区役所サービス向上方針; its date and signer are in `edition.json`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub title: String,
    pub items: Vec<NumberedItem>,
}

/// The PDCA cycle. Stage labels are the generic ones; the printed figure's own
/// text is not in the source and is marked as a gap.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pdca {
    /// What the diagram is about, printed in its centre.
    pub center: String,
    pub stages: Vec<PdcaStage>,
    #[serde(default)]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PdcaStage {
    /// Plan
    pub name: String,
    /// 計画
    pub label: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StandardTable {
    /// 区役所サービス基準 (printed in 【】)
    pub title: String,
    /// 次の項目については、課として判断する内容です。
    #[serde(default)]
    pub lead: Option<String>,
    /// `per-table`: this table numbers its standards 1, 2, … on its own, with
    /// its `prefix` (独自1); otherwise its numbers continue through the tables.
    #[serde(default, skip_serializing_if = "Numbering::is_through")]
    pub numbering: Numbering,
    /// The prefix of a per-table numbering, printed in the No column: 独自
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    pub standards: Vec<Standard>,
}

/// How a standards table numbers its rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    /// Numbers continue through all the tables (1..N).
    #[default]
    Through,
    /// The table numbers its own rows from 1, with its prefix.
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
pub struct Standard {
    pub number: u32,
    pub text: String,
    /// A qualifying note printed smaller in the same cell (※ただし…).
    #[serde(default)]
    pub note: Option<String>,
    /// The owning section (所管) where the table gives one.
    #[serde(default)]
    pub owner: Option<String>,
    /// One of the edition's scene categories.
    pub scene: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingTeam {
    /// The term (期): 1 for 第1期.
    pub term: u32,
    pub achievements: Vec<Achievement>,
}

/// One achievement, optionally with a parenthesised detail on its own line.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Achievement {
    Text(String),
    Detailed(DetailedAchievement),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DetailedAchievement {
    pub text: String,
    pub detail: String,
}

/// `targets.json`: 区役所サービス向上目標, the department index and the target grid.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetsChapter {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    /// The policy as the target section prints it (its wording differs from the box).
    pub policy: Policy,
    pub divisions: Vec<Division>,
}

/// A 部 and its departments; `name` is absent for departments directly under the
/// ward (such a group may stand anywhere among the 部).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Division {
    #[serde(default)]
    pub name: Option<String>,
    /// A stable identifier, needed when the 部 holds targets of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The 部's own targets, printed before its departments'.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub departments: Vec<Department>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// A stable identifier (ASCII letters, digits and hyphens), e.g. `kumin`.
    pub id: String,
    /// The name the index prints: 鷺沼行政SC
    pub short_name: String,
    /// The name the grid prints: 鷺沼行政サービスコーナー
    pub full_name: String,
    /// The 課's own targets (none when only its units hold targets).
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Its units (担当・係), each with its own targets, printed under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
}

/// A 担当 or 係 of a 課, holding its own targets.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// A stable identifier, unique among all departments and units: `kumin-koseki`
    pub id: String,
    /// 戸籍担当
    pub name: String,
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub number: u32,
    /// One of the edition's scene categories.
    pub scene: String,
    pub text: String,
    /// What was done (実施結果), filled in at the end of the fiscal year.
    #[serde(default)]
    pub result: Option<String>,
    /// Whether the target was met, filled in with the result.
    #[serde(default)]
    pub status: Option<Status>,
}

/// Whether a target was met: one of the edition's `statuses` (by default
/// 達成・一部達成・未達成).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Status(pub String);

impl Status {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A chapter of the edition's own (問合せ先, 今後の方向性…): an introduction and
/// sections, each of paragraphs, lists and simple tables. Sections are numbered
/// as printed (1, 2…; subsections (1), (2)…).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FreeChapter {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    /// Lines the table of contents prints under the chapter title.
    #[serde(default)]
    pub toc_notes: Vec<String>,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    pub sections: Vec<FreeSection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FreeSection {
    pub title: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    pub subsections: Vec<FreeSubsection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FreeSubsection {
    pub title: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}
