//! The city-wide summary for the city's coordinating section: every ward's
//! targets side by side, by kind of department and by scene, and last year's
//! results per ward and per 部. Computed once here; `summary.typ.j2` lays it
//! out as a PDF and [`sheet`] writes it as a machine-readable workbook.

pub mod pdf;
pub mod sheet;

use serde::Serialize;

use crate::content::Content;
use crate::content::date::fiscal_year_wareki;
use crate::view::chart::StatusChart;
use crate::view::{AnnexBody, DateView, View};

/// One ward as the summary reads it: its content and its view (whose results
/// annex counts what the ward's own PDF prints).
pub struct Ward<'a> {
    pub content: &'a Content,
    pub view: &'a View,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// 架空市
    pub city: String,
    /// 令和7年度 (each year the wards' editions are for, joined)
    pub fiscal: String,
    pub title: String,
    /// The latest publication among the wards: the document's date.
    pub date: DateView,
    pub wards: Vec<WardLine>,
    /// Targets per kind of department, one count per ward.
    pub kinds: Vec<CountRow>,
    /// Targets per scene, one count per ward.
    pub scenes: Vec<CountRow>,
    /// Every target, in ward order then document order.
    pub targets: Vec<TargetLine>,
    /// The targets grouped by kind of department (the PDF's listing).
    pub by_kind: Vec<KindTargets>,
    /// Last year's results per ward, once any ward's are in.
    pub results: Option<StatusChart>,
    /// Each ward's results per 部 (as its results annex charts them), drawn
    /// to one scale: the largest 部's total over all the wards.
    pub divisions: Vec<WardChart>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WardLine {
    /// みどり区 (with its folder when two wards share the name)
    pub label: String,
    /// The edition folder: large-ward
    pub folder: String,
    /// 令和6年度
    pub fiscal: String,
    pub departments: usize,
    pub targets: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountRow {
    /// 区民課, or お知らせ
    pub name: String,
    /// One count per ward, in the wards' order.
    pub counts: Vec<usize>,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetLine {
    pub ward: String,
    pub folder: String,
    pub fiscal_year: i32,
    /// The 部, when the department stands in one.
    pub division: Option<String>,
    /// 区民課, or 区民課 戸籍担当 for a unit (the department's name, the
    /// ward's name taken off its front): what the PDF groups by.
    pub kind: String,
    /// The department as its ward's index names it (short name).
    pub department: String,
    /// The department's name as its ward's target table prints it in full.
    pub full_name: String,
    /// A 担当・係's own name (戸籍担当), when the target is a unit's.
    pub unit: Option<String>,
    pub number: u32,
    pub scene: String,
    pub text: String,
}

impl TargetLine {
    /// The kind and the department without the unit's name (区民課), one
    /// datum a cell in the workbook, where the unit has its own column.
    pub fn without_unit(&self) -> (&str, &str) {
        match &self.unit {
            Some(u) => (strip_unit(&self.kind, u), strip_unit(&self.department, u)),
            None => (&self.kind, &self.department),
        }
    }
}

/// 「区民課 戸籍担当」 less 「戸籍担当」: 「区民課」 (as the loader joined them).
fn strip_unit<'a>(name: &'a str, unit: &str) -> &'a str {
    (name.strip_suffix(unit))
        .map(str::trim_end)
        .filter(|n| !n.is_empty())
        .unwrap_or(name)
}

#[derive(Debug, Clone, Serialize)]
pub struct KindTargets {
    pub kind: String,
    pub targets: Vec<TargetLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WardChart {
    pub ward: String,
    pub chart: StatusChart,
}

/// The kind of a department: its name with its ward's office or ward name
/// taken off the front (「みどり区役所区民課」「みどり区区民課」→「区民課」).
pub fn department_kind(name: &str, content: &Content) -> String {
    let ed = &content.edition;
    let mut kind = name.trim();
    for prefix in [ed.office.as_str(), ed.ward.as_str()] {
        if !prefix.is_empty()
            && let Some(rest) = kind.strip_prefix(prefix)
            && !rest.trim().is_empty()
        {
            kind = rest.trim_start();
            break;
        }
    }
    kind.to_string()
}

impl Summary {
    pub fn new(wards: &[Ward]) -> Self {
        let labels = ward_labels(wards);
        let mut targets = Vec::new();
        let mut lines = Vec::new();
        for (w, label) in wards.iter().zip(&labels) {
            let c = w.content;
            let holders: Vec<_> = c.departments().collect();
            let before = targets.len();
            for (place, d) in &holders {
                for t in &d.targets {
                    targets.push(TargetLine {
                        ward: label.clone(),
                        folder: c.name.clone(),
                        fiscal_year: c.edition.fiscal_year,
                        division: place.name.clone(),
                        kind: department_kind(&d.short_name, c),
                        department: d.short_name.clone(),
                        full_name: d.full_name.clone(),
                        unit: place.unit.as_ref().map(|(_, u)| u.clone()),
                        number: t.number,
                        scene: t.scene.clone(),
                        text: t.text.clone(),
                    });
                }
            }
            lines.push(WardLine {
                label: label.clone(),
                folder: c.name.clone(),
                fiscal: fiscal_year_wareki(c.edition.fiscal_year),
                departments: holders.len(),
                targets: targets.len() - before,
            });
        }
        let scene_order: Vec<&String> = wards
            .iter()
            .flat_map(|w| w.content.edition.scenes.iter())
            .collect();
        let kinds = count_rows(&targets, &labels, |t| t.kind.clone(), &[]);
        let scenes = count_rows(&targets, &labels, |t| t.scene.clone(), &scene_order);
        let by_kind = (kinds.iter())
            .map(|k| KindTargets {
                kind: k.name.clone(),
                targets: (targets.iter())
                    .filter(|t| t.kind == k.name)
                    .cloned()
                    .collect(),
            })
            .collect();
        let (results, divisions) = results(wards, &labels);
        let first = wards.first().map(|w| w.content);
        let city = first.map(|c| c.edition.city.clone()).unwrap_or_default();
        let fiscal = years(wards);
        let date = (wards.iter())
            .map(|w| w.content.edition.published)
            .max_by_key(|d| (d.year, d.month, d.day))
            .map(DateView::from)
            .expect("a summary has a ward");
        Summary {
            title: format!("{city} 区役所サービス向上目標 各区一覧"),
            city,
            fiscal,
            date,
            wards: lines,
            kinds,
            scenes,
            targets,
            by_kind,
            results,
            divisions,
        }
    }
}

/// Each ward's name; a name two wards share gets its folder (みどり区（wide-ward）).
fn ward_labels(wards: &[Ward]) -> Vec<String> {
    let name = |w: &Ward| w.content.edition.ward.trim().to_string();
    (wards.iter())
        .map(|w| {
            let n = name(w);
            let shared = wards.iter().filter(|o| name(o) == n).count() > 1;
            if shared || n.is_empty() {
                format!("{n}（{}）", w.content.name)
            } else {
                n
            }
        })
        .collect()
}

/// The years the wards' editions are for: 令和7年度, or 令和6年度・令和7年度.
fn years(wards: &[Ward]) -> String {
    let mut years: Vec<i32> = wards
        .iter()
        .map(|w| w.content.edition.fiscal_year)
        .collect();
    years.sort();
    years.dedup();
    let years: Vec<String> = years.into_iter().map(fiscal_year_wareki).collect();
    years.join("・")
}

/// Targets counted per key and per ward: keys in `order` first (those used),
/// then the others as first met.
fn count_rows(
    targets: &[TargetLine],
    wards: &[String],
    key: impl Fn(&TargetLine) -> String,
    order: &[&String],
) -> Vec<CountRow> {
    let mut names: Vec<String> = Vec::new();
    let used = |n: &str| targets.iter().any(|t| key(t) == n);
    for n in order {
        if used(n.as_str()) && !names.contains(*n) {
            names.push((*n).clone());
        }
    }
    for t in targets {
        let k = key(t);
        if !names.contains(&k) {
            names.push(k);
        }
    }
    (names.into_iter())
        .map(|name| {
            let counts: Vec<usize> = (wards.iter())
                .map(|w| {
                    (targets.iter())
                        .filter(|t| &t.ward == w && key(t) == name)
                        .count()
                })
                .collect();
            let total = counts.iter().sum();
            CountRow {
                name,
                counts,
                total,
            }
        })
        .collect()
}

/// The results per ward (every row of every ward's results annex, by ward) and
/// each ward's chart per 部 (its annex's own).
fn results(wards: &[Ward], labels: &[String]) -> (Option<StatusChart>, Vec<WardChart>) {
    let mut rows = Vec::new();
    let mut declared: Vec<String> = Vec::new();
    let mut divisions = Vec::new();
    for (w, label) in wards.iter().zip(labels) {
        for s in w.content.edition.status_values() {
            if !declared.contains(&s) {
                declared.push(s);
            }
        }
        for annex in &w.view.annex {
            if let AnnexBody::Results { rows: r, chart, .. } = &annex.body {
                rows.extend(r.iter().map(|r| (label.clone(), r.status.clone())));
                if let Some(chart) = chart {
                    divisions.push(WardChart {
                        ward: label.clone(),
                        chart: chart.clone(),
                    });
                }
            }
        }
    }
    // One scale for every ward's chart, so that bars of one length are one count
    // whichever ward's they are.
    let most = divisions.iter().map(|d| d.chart.most).max().unwrap_or(0);
    for d in &mut divisions {
        d.chart.most = most;
    }
    (StatusChart::new("区ごと", &declared, &rows), divisions)
}
