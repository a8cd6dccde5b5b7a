//! Last year's results counted by status (達成・一部達成・未達成) per group (a 部,
//! a ward): the stacked bars and the table beside them, at the head of the
//! results annex and in the city summary.

use serde::Serialize;

use crate::content::Content;

/// What a result with no status is counted as (never left out).
pub const UNSET: &str = "未記入";

/// The counts a chart draws and its table prints.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatusChart {
    /// The status words in the editions' order; 未記入 last, when a result has
    /// none; a word no edition declares after them, never dropped.
    pub statuses: Vec<String>,
    pub groups: Vec<ChartGroup>,
    /// The largest group total: the bars' full length.
    pub most: u32,
    /// The figure's alternative text: every group's counts in words.
    pub alt: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChartGroup {
    /// 区民サービス部, みどり区
    pub label: String,
    /// One count per status, in `statuses`' order.
    pub counts: Vec<u32>,
    pub total: u32,
}

impl StatusChart {
    /// Count `rows` (group label, status) by group, groups in the order first
    /// met; `declared` are the status words in their order. `None` when no row
    /// has a status yet (the results are not in).
    pub fn new(what: &str, declared: &[String], rows: &[(String, Option<String>)]) -> Option<Self> {
        if rows.iter().all(|(_, s)| s.is_none()) {
            return None;
        }
        let mut statuses: Vec<String> = declared.to_vec();
        for (_, s) in rows {
            if let Some(s) = s
                && !statuses.contains(s)
            {
                statuses.push(s.clone());
            }
        }
        if rows.iter().any(|(_, s)| s.is_none()) {
            statuses.push(UNSET.to_string());
        }
        let mut groups: Vec<ChartGroup> = Vec::new();
        for (label, status) in rows {
            let k = (statuses.iter())
                .position(|s| Some(s) == status.as_ref() || (status.is_none() && s == UNSET))
                .expect("every status is listed above");
            let at = match groups.iter().position(|g| &g.label == label) {
                Some(i) => i,
                None => {
                    groups.push(ChartGroup {
                        label: label.clone(),
                        counts: vec![0; statuses.len()],
                        total: 0,
                    });
                    groups.len() - 1
                }
            };
            groups[at].counts[k] += 1;
            groups[at].total += 1;
        }
        let most = groups.iter().map(|g| g.total).max().unwrap_or(0);
        let alt = alt_text(what, &statuses, &groups);
        Some(StatusChart {
            statuses,
            groups,
            most,
            alt,
        })
    }
}

/// 「実施結果の件数（帯グラフ）。区民サービス部: 達成 3件、一部達成 1件、未達成 0件（計 4件）。…」
fn alt_text(what: &str, statuses: &[String], groups: &[ChartGroup]) -> String {
    let mut alt = format!("{what}の実施結果の件数を表す横棒グラフ。");
    for g in groups {
        let counts: Vec<String> = (statuses.iter().zip(&g.counts))
            .map(|(s, n)| format!("{s} {n}件"))
            .collect();
        alt.push_str(&format!(
            "{}: {}（計 {}件）。",
            g.label,
            counts.join("、"),
            g.total
        ));
    }
    alt
}

/// The 部 a results row's department (as the row names it) stands in, looked
/// up among the editions' targets (this year's first, then last year's): its
/// 部, or the department itself when it stands under no 部 or is not found.
pub fn division_of(department: &str, editions: &[&Content]) -> String {
    for content in editions {
        for (place, d) in content.departments() {
            let named = d.short_name == department || d.full_name == department;
            if named {
                return place.name.unwrap_or_else(|| department.to_string());
            }
        }
    }
    department.to_string()
}
