//! The annex items (資料編) as the templates show them. The results annex is
//! generated from the previous edition's targets and results when it is there.

use serde::Serialize;

use super::chart::{StatusChart, division_of};
use super::regulation::RegulationView;
use super::text::{Para, Refs, paras};
use super::{Changed, DateView, Gap};
use crate::content::date::fiscal_year_wareki;
use crate::content::model::{Memo, MemoItem, Roster};
use crate::content::{Content, Part};
use crate::item::AnnexItem;

#[derive(Debug, Clone, Serialize)]
pub struct Annex {
    /// `annex-1`: the PDF label and the web anchor.
    pub anchor: String,
    /// The title as printed (the results annex leads with its fiscal year).
    pub title: String,
    /// Why the item is still missing (printed as 【未収録】), when it is.
    pub gap: Option<String>,
    /// The content file it comes from.
    pub file: String,
    #[serde(flatten)]
    pub body: AnnexBody,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnnexBody {
    Regulation(RegulationView),
    Roster(RosterView),
    Memo(MemoView),
    Results {
        rows: Vec<ResultRowView>,
        /// Whether any row has a 備考 (the column is printed only then).
        has_note: bool,
        /// Some row changed since the previous edition (a draft's bar).
        changed: bool,
        /// The rows counted by status per 部, once any result is in.
        chart: Option<StatusChart>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct RosterView {
    /// 令和2年4月1日現在
    pub as_of: Option<String>,
    /// The headings; the first is the group's (区分).
    pub columns: Vec<String>,
    /// Whether the headings are the content's (`/columns`), not the older shape's.
    pub custom_columns: bool,
    /// Per column: a label column (names, short words) set as wide as its labels;
    /// the others share the rest of the width.
    pub narrow: Vec<bool>,
    pub groups: Vec<GroupView>,
    /// 備考
    pub notes: Vec<String>,
    /// Some row or field changed since the previous edition (a draft's bar).
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub label: String,
    pub rows: Vec<Vec<String>>,
    /// The JSON pointers of its label and of each of its cells.
    pub label_src: String,
    pub srcs: Vec<Vec<String>>,
}

/// A roster column whose cells are all this short is a label column.
const LABEL_CHARS: usize = 6;

impl RosterView {
    /// The older shape (members) is one group per member under 区分・職名・氏名.
    fn new(r: &Roster, changed: bool) -> Self {
        let old = (r.members.iter().enumerate()).map(|(i, m)| GroupView {
            label: m.role.clone(),
            rows: vec![vec![m.post.clone(), m.name.clone().unwrap_or_default()]],
            label_src: format!("/members/{i}/role"),
            srcs: vec![
                ["post", "name"]
                    .map(|k| format!("/members/{i}/{k}"))
                    .to_vec(),
            ],
        });
        let new = (r.groups.iter().enumerate()).map(|(i, g)| GroupView {
            label: g.label.clone(),
            rows: g.rows.clone(),
            label_src: format!("/groups/{i}/label"),
            srcs: (g.rows.iter().enumerate())
                .map(|(j, row)| {
                    (0..row.len())
                        .map(|k| format!("/groups/{i}/rows/{j}/{k}"))
                        .collect()
                })
                .collect(),
        });
        let groups: Vec<GroupView> = old.chain(new).collect();
        let (columns, narrow) = if r.columns.is_empty() {
            let columns = ["区分", "職名", "氏名"].map(String::from).to_vec();
            (columns, vec![true, false, true])
        } else {
            let short = |i: usize| {
                (groups.iter().flat_map(|g| &g.rows)).all(|row| {
                    row.get(i - 1)
                        .is_none_or(|c| c.chars().count() <= LABEL_CHARS)
                })
            };
            let narrow = (0..r.columns.len()).map(|i| i == 0 || short(i)).collect();
            (r.columns.clone(), narrow)
        };
        RosterView {
            as_of: r.as_of.map(|d| format!("{}現在", d.wareki())),
            columns,
            custom_columns: !r.columns.is_empty(),
            narrow,
            groups,
            notes: r.notes.clone(),
            changed,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MemoView {
    /// 文書番号
    pub number: Option<String>,
    pub date: Option<DateView>,
    pub to: Vec<String>,
    pub from: Vec<String>,
    pub subject: Option<String>,
    pub paragraphs: Vec<Para>,
    /// Under 「記」, closed by 「以上」.
    pub record: Vec<MemoItemView>,
    /// The head (number, date, addressees, sender, subject) or the body changed.
    pub head_changed: bool,
    pub body_changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemoItemView {
    /// `/record/0`
    pub src: String,
    /// 1 (as the memo prints it: full-width)
    pub mark: String,
    pub heading: Option<String>,
    pub text: String,
    pub changed: bool,
}

impl MemoView {
    fn new(m: &Memo, refs: &Refs, changed: &Changed) -> Self {
        let is = |a: AnnexItem| changed.annex(&a);
        let field = |k: &'static str| is(AnnexItem::MemoField(k, ""));
        let item = |(i, x): (usize, &MemoItem)| MemoItemView {
            src: format!("/record/{i}"),
            mark: super::regulation::full_width(x.number),
            heading: x.heading.clone(),
            text: x.text.clone(),
            changed: is(AnnexItem::MemoItem(x.number)),
        };
        MemoView {
            number: m.number.clone(),
            date: m.date.map(DateView::from),
            to: m.to.clone(),
            from: m.from.clone(),
            subject: m.subject.clone(),
            paragraphs: paras(&m.paragraphs, refs),
            record: m.record.iter().enumerate().map(item).collect(),
            head_changed: ["number", "date", "to", "from", "subject"]
                .into_iter()
                .any(field),
            body_changed: field("body"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultRowView {
    /// `/rows/0`; none for a row of the previous edition's targets.
    pub src: Option<String>,
    pub department: String,
    pub number: u32,
    pub target: String,
    pub result: Option<String>,
    /// One of the edition's status words: 達成・一部達成・未達成
    pub status: Option<String>,
    /// 備考
    pub note: Option<String>,
}

impl Annex {
    /// The `n`th annex item (from 1), read from `file`.
    pub fn new(
        n: usize,
        file: String,
        part: &Part,
        content: &Content,
        previous: Option<&Content>,
        refs: &Refs,
        changed: &Changed,
    ) -> Self {
        let changed = &changed.within(&file);
        let (title, gap, body) = match part {
            Part::Regulation(r) => (
                r.title.clone(),
                r.gap.clone(),
                AnnexBody::Regulation(RegulationView::new(r, refs, changed)),
            ),
            Part::Roster(r) => (
                r.title.clone(),
                r.gap.clone(),
                AnnexBody::Roster(RosterView::new(r, changed.any("roster:"))),
            ),
            Part::Memo(m) => (
                m.title.clone(),
                m.gap.clone(),
                AnnexBody::Memo(MemoView::new(m, refs, changed)),
            ),
            Part::Results(r) => results(r, content, previous, changed.any("results:")),
            _ => unreachable!("the loader puts only annex kinds in the annex"),
        };
        Annex {
            anchor: format!("annex-{n}"),
            title,
            gap,
            file,
            body,
        }
    }

    /// What prints as missing: the content's own gap note, or an item with nothing
    /// in it (an empty table prints 「（未収録）」, an empty text only its title).
    pub fn gap(&self) -> Option<Gap> {
        let empty = match &self.body {
            AnnexBody::Regulation(r) => r.is_empty(),
            AnnexBody::Roster(r) => r.groups.is_empty(),
            AnnexBody::Memo(m) => m.paragraphs.is_empty() && m.record.is_empty(),
            AnnexBody::Results { rows, .. } => rows.is_empty(),
        };
        let note = match (&self.gap, &self.body) {
            (Some(note), _) => note.clone(),
            (None, AnnexBody::Roster(_) | AnnexBody::Results { .. }) if empty => {
                "中身がありません（表には「（未収録）」と印刷されます）。内容を入れてください"
                    .into()
            }
            (None, _) if empty => {
                "中身がありません（見出しだけが印刷されます）。内容を入れてください".into()
            }
            (None, _) => return None,
        };
        Some(Gap {
            file: self.file.clone(),
            what: self.title.clone(),
            note,
        })
    }
}

/// The results annex: the rows the content gives, else the previous edition's
/// targets with their results (and the gap closed), titled with that year.
fn results(
    r: &crate::content::model::Results,
    content: &Content,
    previous: Option<&Content>,
    changed: bool,
) -> (String, Option<String>, AnnexBody) {
    let filled = previous.filter(|_| r.rows.is_empty());
    let (year, gap, rows): (i32, Option<String>, Vec<ResultRowView>) = match filled {
        Some(p) => (
            p.edition.fiscal_year,
            None,
            (p.departments())
                .flat_map(|(_, d)| {
                    d.targets.into_iter().map(move |t| ResultRowView {
                        src: None,
                        department: d.short_name.clone(),
                        number: t.number,
                        target: t.text.clone(),
                        result: t.result.clone(),
                        status: t.status.as_ref().map(|s| s.0.clone()),
                        note: None,
                    })
                })
                .collect(),
        ),
        None => (
            r.fiscal_year,
            r.gap.clone(),
            (r.rows.iter().enumerate())
                .map(|(i, row)| ResultRowView {
                    src: Some(format!("/rows/{i}")),
                    department: row.department.clone(),
                    number: row.number,
                    target: row.target.clone(),
                    result: row.result.clone(),
                    status: row.status.as_ref().map(|s| s.0.clone()),
                    note: row.note.clone(),
                })
                .collect(),
        ),
    };
    let title = format!("{}{}", fiscal_year_wareki(year), r.title);
    let has_note = rows.iter().any(|r| r.note.is_some());
    let editions: Vec<&Content> = std::iter::once(content).chain(previous).collect();
    let counted: Vec<(String, Option<String>)> = (rows.iter())
        .map(|r| (division_of(&r.department, &editions), r.status.clone()))
        .collect();
    let statuses = content.edition.status_values();
    let chart = StatusChart::new("部ごと", &statuses, &counted);
    let body = AnnexBody::Results {
        rows,
        has_note,
        changed,
        chart,
    };
    (title, gap, body)
}
