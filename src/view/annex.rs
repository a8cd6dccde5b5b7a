//! The annex items (資料編) as the templates show them. The results annex is
//! generated from the previous edition's targets and results when it is there.

use serde::Serialize;

use super::text::{Para, Refs, paras};
use super::{DateView, Gap};
use crate::content::date::fiscal_year_wareki;
use crate::content::model::{Member, Status};
use crate::content::{Content, Part};

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
    Regulation {
        articles: Vec<ArticleView>,
        /// 附則
        supplementary: Vec<Para>,
    },
    Roster {
        members: Vec<Member>,
    },
    Memo {
        date: Option<DateView>,
        paragraphs: Vec<Para>,
    },
    Results {
        rows: Vec<ResultRowView>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub number: u32,
    pub caption: String,
    pub paragraphs: Vec<Para>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultRowView {
    pub department: String,
    pub number: u32,
    pub target: String,
    pub result: Option<String>,
    /// 達成・一部達成・未達成
    pub status: Option<Status>,
}

impl Annex {
    /// The `n`th annex item (from 1), read from `file`.
    pub fn new(
        n: usize,
        file: String,
        part: &Part,
        previous: Option<&Content>,
        refs: &Refs,
    ) -> Self {
        let (title, gap, body) = match part {
            Part::Regulation(r) => (
                r.title.clone(),
                r.gap.clone(),
                AnnexBody::Regulation {
                    articles: (r.articles.iter())
                        .map(|a| ArticleView {
                            number: a.number,
                            caption: a.caption.clone(),
                            paragraphs: paras(&a.paragraphs, refs),
                        })
                        .collect(),
                    supplementary: paras(&r.supplementary, refs),
                },
            ),
            Part::Roster(r) => (
                r.title.clone(),
                r.gap.clone(),
                AnnexBody::Roster {
                    members: r.members.clone(),
                },
            ),
            Part::Memo(m) => (
                m.title.clone(),
                m.gap.clone(),
                AnnexBody::Memo {
                    date: m.date.map(DateView::from),
                    paragraphs: paras(&m.paragraphs, refs),
                },
            ),
            Part::Results(r) => results(r, previous),
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
            AnnexBody::Regulation {
                articles,
                supplementary,
            } => articles.is_empty() && supplementary.is_empty(),
            AnnexBody::Roster { members } => members.is_empty(),
            AnnexBody::Memo { paragraphs, .. } => paragraphs.is_empty(),
            AnnexBody::Results { rows } => rows.is_empty(),
        };
        let note = match (&self.gap, &self.body) {
            (Some(note), _) => note.clone(),
            (None, AnnexBody::Roster { .. } | AnnexBody::Results { .. }) if empty => {
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
    previous: Option<&Content>,
) -> (String, Option<String>, AnnexBody) {
    let filled = previous.filter(|_| r.rows.is_empty());
    let (year, gap, rows) = match filled {
        Some(p) => (
            p.edition.fiscal_year,
            None,
            (p.departments())
                .flat_map(|(_, d)| {
                    d.targets.into_iter().map(move |t| ResultRowView {
                        department: d.short_name.clone(),
                        number: t.number,
                        target: t.text.clone(),
                        result: t.result.clone(),
                        status: t.status,
                    })
                })
                .collect(),
        ),
        None => (
            r.fiscal_year,
            r.gap.clone(),
            (r.rows.iter())
                .map(|row| ResultRowView {
                    department: row.department.clone(),
                    number: row.number,
                    target: row.target.clone(),
                    result: row.result.clone(),
                    status: row.status,
                })
                .collect(),
        ),
    };
    let title = format!("{}{}", fiscal_year_wareki(year), r.title);
    (title, gap, AnnexBody::Results { rows })
}
