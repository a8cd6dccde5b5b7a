//! The body chapters as the templates show them.

use serde::Serialize;

use super::targets::{DivisionView, targets};
use super::text::{Marks, Numbered, Para, Refs, numbered, paras};
use super::{Changed, Gap};
use crate::content::Part;
use crate::content::model::*;
use crate::item::ItemId;

#[derive(Debug, Clone, Serialize)]
pub struct Chapter {
    /// `chapter-1`: the PDF label and the web anchor.
    pub anchor: String,
    pub title: String,
    /// Sub-topics the table of contents lists under the chapter.
    pub toc_notes: Vec<String>,
    /// The content file it comes from.
    pub file: String,
    /// Its own words (title, lead, notes) changed since the previous edition:
    /// a draft's bar beside its lead paragraphs.
    pub changed: bool,
    #[serde(flatten)]
    pub body: ChapterBody,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChapterBody {
    Principles {
        intro: Vec<Para>,
        motto: String,
        pledge: String,
        principles: Vec<Numbered>,
    },
    Sections {
        sections: Vec<SectionView>,
    },
    Targets {
        policy: PolicyView,
        divisions: Vec<DivisionView>,
    },
    Free(super::free::FreeView),
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Its JSON pointer in the chapter's file (`/sections/1`).
    pub src: String,
    pub number: u32,
    pub title: String,
    pub anchor: String,
    pub paragraphs: Vec<Para>,
    /// Its own words changed since the previous edition (a draft's bar).
    pub changed: bool,
    pub policy: Option<PolicyView>,
    pub pdca: Option<PdcaView>,
    pub standard_tables: Vec<StandardTableView>,
    pub subsections: Vec<SubsectionView>,
}

/// The PDCA cycle diagram, with the words that describe it to a reader who does
/// not see it.
#[derive(Debug, Clone, Serialize)]
pub struct PdcaView {
    pub center: String,
    pub stages: Vec<PdcaStage>,
    pub gap: Option<String>,
    /// The stages' labels in their order, back to the first: 計画→実行→評価→改善→計画
    pub cycle: String,
    /// The figure's alternative text (the PDF's Figure tag, read aloud).
    pub alt: String,
}

impl PdcaView {
    fn new(p: &Pdca) -> Self {
        let labels: Vec<&str> = p.stages.iter().map(|s| s.label.as_str()).collect();
        let cycle = labels
            .iter()
            .chain(labels.first())
            .copied()
            .collect::<Vec<_>>()
            .join("→");
        let stages: Vec<String> = (p.stages.iter())
            .map(|s| format!("{}（{}）", s.name, s.label))
            .collect();
        let mut alt = format!(
            "{}のPDCAサイクルの図。{}の順に矢印で結ばれ、最後の段階から最初の段階に戻って繰り返します。",
            p.center,
            stages.join("→")
        );
        if let Some(g) = &p.gap {
            alt.push_str(&format!("（図の文言は未収録: {g}）"));
        }
        PdcaView {
            center: p.center.clone(),
            stages: p.stages.clone(),
            gap: p.gap.clone(),
            cycle,
            alt,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PolicyView {
    pub anchor: String,
    pub title: String,
    pub items: Vec<Numbered>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandardTableView {
    pub src: String,
    pub title: String,
    pub lead: Option<String>,
    /// Whether any standard names its owner: the table then has a 所管 column.
    pub has_owner: bool,
    pub rows: Vec<StandardRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandardRow {
    pub item: ItemId,
    pub src: String,
    pub number: u32,
    /// The No column: 12, or 独自3 in a table numbered on its own.
    pub no: String,
    pub text: String,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub scene: String,
    /// The rows the scene cell spans from here (a run of one scene); 0 on the
    /// rows that run covers.
    pub scene_rows: usize,
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubsectionView {
    pub src: String,
    pub number: u32,
    pub title: String,
    pub anchor: String,
    pub paragraphs: Vec<Para>,
    pub working_teams: Vec<TeamView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamView {
    pub item: ItemId,
    pub src: String,
    pub term: u32,
    pub achievements: Vec<AchievementView>,
    pub changed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AchievementView {
    pub src: String,
    pub text: String,
    /// A parenthesised detail on its own line.
    pub detail: Option<String>,
}

pub(super) fn chapter_anchor(n: usize) -> String {
    format!("chapter-{n}")
}

impl Chapter {
    /// The `n`th chapter (from 1), read from `file`.
    pub fn new(n: usize, file: String, part: &Part, refs: &Refs, changed: &Changed) -> Self {
        let anchor = chapter_anchor(n);
        let (title, toc_notes, body) = match part {
            Part::Principles(p) => (
                p.title.clone(),
                Vec::new(),
                ChapterBody::Principles {
                    intro: paras(&p.intro, refs),
                    motto: p.motto.clone(),
                    pledge: p.pledge.clone(),
                    principles: numbered(
                        &p.principles,
                        "/principles",
                        ItemId::Principle,
                        Marks::Plain,
                        changed,
                    ),
                },
            ),
            Part::Sections(c) => (
                c.title.clone(),
                c.toc_notes.clone(),
                ChapterBody::Sections {
                    sections: (c.sections.iter().enumerate())
                        .map(|(i, s)| section(&anchor, &file, i, s, refs, changed))
                        .collect(),
                },
            ),
            Part::Targets(t) => (t.title.clone(), Vec::new(), targets(t, changed)),
            Part::Free(f) => (
                f.title.clone(),
                f.toc_notes.clone(),
                ChapterBody::Free(super::free::view(&anchor, &file, f, refs, changed)),
            ),
            _ => unreachable!("the loader puts only chapter kinds in chapters"),
        };
        Chapter {
            changed: changed.contains(&ItemId::Chapter(file.clone(), title.clone())),
            anchor,
            title,
            toc_notes,
            file,
            body,
        }
    }

    /// (name, text) of the items that print text, for messages about them.
    pub fn named_texts(&self, out: &mut Vec<(String, String)>) {
        let numbered = |out: &mut Vec<(String, String)>, items: &[Numbered]| {
            for x in items {
                out.push((x.item.label(), x.title.clone()));
                out.push((x.item.label(), x.text.clone()));
            }
        };
        match &self.body {
            ChapterBody::Principles { principles, .. } => numbered(out, principles),
            ChapterBody::Sections { sections } => {
                for s in sections {
                    if let Some(p) = &s.policy {
                        numbered(out, &p.items);
                    }
                    if let Some(p) = &s.pdca {
                        let figure = format!("{} {} のPDCAサイクルの図", s.number, s.title);
                        out.push((figure.clone(), p.center.clone()));
                        for st in &p.stages {
                            out.push((figure.clone(), st.name.clone()));
                            out.push((figure.clone(), st.label.clone()));
                        }
                    }
                    for r in s.standard_tables.iter().flat_map(|t| &t.rows) {
                        for text in [Some(&r.text), r.note.as_ref()].into_iter().flatten() {
                            out.push((r.item.label(), text.clone()));
                        }
                    }
                }
            }
            ChapterBody::Targets { policy, divisions } => {
                numbered(out, &policy.items);
                for d in divisions.iter().flat_map(|div| &div.departments) {
                    let name = format!("{} の部署名", d.short_name);
                    out.push((name.clone(), d.full_name.clone()));
                    out.extend(d.unit.iter().map(|u| (name.clone(), u.clone())));
                    for t in &d.targets {
                        out.push((t.item.label(), t.text.clone()));
                    }
                }
            }
            ChapterBody::Free(f) => f.named_texts(out),
        }
    }

    /// The PDCA figures whose own text is still missing.
    pub fn gaps(&self) -> Vec<Gap> {
        let ChapterBody::Sections { sections } = &self.body else {
            return Vec::new();
        };
        sections
            .iter()
            .filter_map(|s| {
                let note = s.pdca.as_ref()?.gap.clone()?;
                Some(Gap {
                    file: self.file.clone(),
                    what: format!("{} {} のPDCAサイクルの図", s.number, s.title),
                    note,
                })
            })
            .collect()
    }
}

fn section(
    chapter: &str,
    file: &str,
    i: usize,
    s: &Section,
    refs: &Refs,
    changed: &Changed,
) -> SectionView {
    let anchor = format!("{chapter}-{}", s.number);
    let item = ItemId::Section(file.to_string(), s.number, s.title.clone());
    let src = format!("/sections/{i}");
    SectionView {
        changed: changed.contains(&item),
        number: s.number,
        title: s.title.clone(),
        paragraphs: paras(&s.paragraphs, refs),
        policy: s.policy.as_ref().map(|p| PolicyView {
            anchor: format!("{anchor}-policy"),
            title: p.title.clone(),
            items: numbered(
                &p.items,
                &format!("{src}/policy/items"),
                ItemId::Policy,
                Marks::Plain,
                changed,
            ),
        }),
        pdca: s.pdca.as_ref().map(PdcaView::new),
        standard_tables: (s.standard_tables.iter().enumerate())
            .map(|(j, t)| standard_table(&format!("{src}/standard_tables/{j}"), t, changed))
            .collect(),
        subsections: (s.subsections.iter().enumerate())
            .map(|(j, sub)| SubsectionView {
                src: format!("{src}/subsections/{j}"),
                number: sub.number,
                title: sub.title.clone(),
                anchor: format!("{anchor}-{}", sub.number),
                paragraphs: paras(&sub.paragraphs, refs),
                working_teams: (sub.working_teams.iter().enumerate())
                    .map(|(k, w)| {
                        team(
                            &format!("{src}/subsections/{j}/working_teams/{k}"),
                            w,
                            changed,
                        )
                    })
                    .collect(),
            })
            .collect(),
        anchor,
        src,
    }
}

fn standard_table(src: &str, t: &StandardTable, changed: &Changed) -> StandardTableView {
    let rows = &t.standards;
    StandardTableView {
        src: src.to_string(),
        title: t.title.clone(),
        lead: t.lead.clone(),
        has_owner: rows.iter().any(|r| r.owner.is_some()),
        rows: (rows.iter().enumerate())
            .map(|(i, st)| {
                let item = ItemId::standard(t.item_prefix(), st.number);
                StandardRow {
                    src: format!("{src}/standards/{i}"),
                    changed: changed.contains(&item),
                    item,
                    number: st.number,
                    no: format!("{}{}", t.item_prefix(), st.number),
                    text: st.text.clone(),
                    note: st.note.clone(),
                    owner: st.owner.clone(),
                    scene: st.scene.clone(),
                    scene_rows: scene_run(rows, i),
                }
            })
            .collect(),
    }
}

/// How many rows the scene cell starting at row `i` spans (0 inside a run).
fn scene_run(rows: &[Standard], i: usize) -> usize {
    let scene = &rows[i].scene;
    if i > 0 && &rows[i - 1].scene == scene {
        return 0;
    }
    rows[i..].iter().take_while(|r| &r.scene == scene).count()
}

fn team(src: &str, w: &WorkingTeam, changed: &Changed) -> TeamView {
    let item = ItemId::Team(w.term);
    TeamView {
        src: src.to_string(),
        changed: changed.contains(&item),
        item,
        term: w.term,
        achievements: (w.achievements.iter().enumerate())
            .map(|(i, a)| match a {
                Achievement::Text(t) => AchievementView {
                    src: format!("{src}/achievements/{i}"),
                    text: t.clone(),
                    detail: None,
                },
                Achievement::Detailed(d) => AchievementView {
                    src: format!("{src}/achievements/{i}"),
                    text: d.text.clone(),
                    detail: Some(d.detail.clone()),
                },
            })
            .collect(),
    }
}
