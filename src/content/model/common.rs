//! The city's common layer: `common.json` in a folder the wards share
//! (`content/<city>-common-r7/`), and how a ward's files name and override it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ComparisonForm, StandardTable};

/// `common.json`: what every ward of the city shares for one fiscal year: the
/// common service standards (numbered 1..N through the tables), the scenes, the
/// status words and the form of the 新旧対照表.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Common {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// 架空市
    pub city: String,
    /// The fiscal year of this version (2025 for 令和7年度); a ward's
    /// `edition.json` names it in `common.fiscal_year`.
    pub fiscal_year: i32,
    /// The common standards tables (区役所サービス基準…), printed first in each
    /// ward's standards, numbered 1..N; a ward's own standards go on from N+1.
    #[serde(default)]
    pub standard_tables: Vec<StandardTable>,
    /// The scene categories (場面) of every ward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenes: Option<Vec<String>>,
    /// The status words (状況) of every ward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statuses: Option<Vec<String>>,
    /// The form of every ward's 新旧対照表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<ComparisonForm>,
}

/// `edition.json`'s `common`: the city's common folder this edition uses.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommonRef {
    /// The common folder: a folder name beside this edition (`city-common-r7`)
    /// or a path relative to this folder (`../city-common-r7`).
    pub folder: String,
    /// The fiscal year of the common version used; must be the `fiscal_year`
    /// of the folder's `common.json`.
    pub fiscal_year: i32,
    /// The fields of `edition.json` this ward sets itself instead of the common
    /// ones ("scenes", "statuses", "comparison"); `check` lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<CommonField>,
}

/// A field of `edition.json` the common layer may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommonField {
    Scenes,
    Statuses,
    Comparison,
}

impl CommonField {
    pub fn name(self) -> &'static str {
        match self {
            CommonField::Scenes => "scenes",
            CommonField::Statuses => "statuses",
            CommonField::Comparison => "comparison",
        }
    }
}

/// A section's `common_standards`: the common standards print here, before
/// the section's own tables; `overrides` replaces common standards for this
/// ward only.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommonStandards {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<StandardOverride>,
}

/// A common standard as this ward prints it instead of the common wording.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StandardOverride {
    /// The number of the common standard replaced (12 for 共通基準12).
    pub number: u32,
    pub text: String,
    /// A note printed smaller in the cell; the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The owning section (所管); the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The scene; the common one when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
}
