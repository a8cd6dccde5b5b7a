//! The view of an edition: every display fact both outputs show, computed once in
//! Rust — titles and numbering, each item's identity and change flag, scene runs,
//! the results annex's rows, anchors, cross references. The PDF and the web
//! templates only lay it out.

mod annex;
mod blocks;
mod chapters;
pub mod chart;
mod contact;
mod free;
pub(crate) mod regulation;
mod targets;
mod text;

pub(crate) use blocks::{mark as list_mark, next as next_marks, page_targets};

use std::collections::HashSet;

use serde::Serialize;

use crate::content::Content;
use crate::content::date::{Date, fiscal_year_wareki};
use crate::content::model::Cover;
use crate::diff::{self, table::Comparison};
use crate::item::ItemId;

pub use annex::{Annex, AnnexBody};
pub use chapters::{Chapter, ChapterBody};
pub use contact::{ContactView, Number};
pub use text::{Numbered, Para, Piece};

/// What the templates see.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    /// The edition folder's name, e.g. `miyamae-r2`.
    pub name: String,
    pub edition: EditionView,
    pub chapters: Vec<Chapter>,
    pub annex: Vec<Annex>,
    /// The names of the files attached to the PDF (its own source).
    pub attachments: Vec<String>,
    pub draft: Option<DraftView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EditionView {
    pub title: String,
    pub publisher: String,
    /// 令和2年度
    pub fiscal: String,
    pub published: DateView,
    pub cover: Cover,
    pub policy: SignatureView,
    /// 事務局, when the edition declares it.
    pub secretariat: Option<String>,
    /// 問合せ先, when the edition declares it.
    pub contact: Option<ContactView>,
}

/// A content date with its printed form.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub year: i32,
    pub month: u32,
    /// The first of the month when the content gives no day.
    pub day: u32,
    /// 令和2年6月
    pub wareki: String,
}

impl From<Date> for DateView {
    fn from(d: Date) -> Self {
        DateView {
            year: d.year,
            month: d.month,
            day: d.day.unwrap_or(1),
            wareki: d.wareki(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SignatureView {
    pub date: DateView,
    pub signer_title: String,
    pub signer_name: String,
}

/// A draft's stamp: the day it was made and a short hash of its content.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub date: Date,
    pub hash: String,
}

/// What a draft shows besides the content.
#[derive(Debug, Clone, Serialize)]
pub struct DraftView {
    /// 2026-11-25
    pub date: String,
    pub hash: String,
    /// The previous edition's fiscal year (令和元年度), when it was found.
    pub previous: Option<String>,
    /// Every change since the previous edition, as a 新旧対照表.
    pub comparison: Option<Comparison>,
}

/// A place that prints 【未収録】: (file, what, the content's note).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub file: String,
    pub what: String,
    pub note: String,
}

impl View {
    /// The view of `content`; `previous` gives the results annex and, in a draft
    /// (`stamp`), the change flags and the list of changes.
    pub fn new(
        content: &Content,
        previous: Option<&Content>,
        attachments: Vec<String>,
        stamp: Option<Stamp>,
    ) -> Self {
        let (changes, comparison) = match (&stamp, previous) {
            (Some(_), Some(p)) => {
                let form = diff::table::form_of(content);
                let (changes, table) = diff::table::compare(p, content, &form);
                (changes, Some(table))
            }
            _ => (Vec::new(), None),
        };
        let changed = Changed(changes.iter().map(|c| c.id.key()).collect());
        let draft = stamp.map(|s| DraftView {
            date: s.date.to_string(),
            hash: s.hash,
            previous: previous.map(|p| fiscal_year_wareki(p.edition.fiscal_year)),
            comparison,
        });
        let ed = &content.edition;
        let refs = text::Refs::new(content);
        View {
            name: content.name.clone(),
            edition: EditionView {
                title: ed.title.clone(),
                publisher: ed.publisher.clone(),
                fiscal: fiscal_year_wareki(ed.fiscal_year),
                published: ed.published.into(),
                cover: ed.cover.clone(),
                policy: SignatureView {
                    date: ed.policy.date.into(),
                    signer_title: ed.policy.signer_title.clone(),
                    signer_name: ed.policy.signer_name.clone(),
                },
                secretariat: ed.secretariat.clone(),
                contact: ed.contact.as_ref().map(ContactView::from),
            },
            // A loaded edition has one part per file edition.json lists, in its order.
            chapters: (content.chapters.iter().zip(&ed.chapters))
                .enumerate()
                .map(|(i, (part, r))| Chapter::new(i + 1, r.file.clone(), part, &refs, &changed))
                .collect(),
            annex: (content.annex.iter().zip(&ed.annex))
                .enumerate()
                .map(|(i, (part, r))| {
                    Annex::new(
                        i + 1,
                        r.file.clone(),
                        part,
                        content,
                        previous,
                        &refs,
                        &changed,
                    )
                })
                .collect(),
            attachments,
            draft,
        }
    }

    /// Every printed text that belongs to a named item, with the item's name: what
    /// the layout check names when a text does not fit (「総務課 目標7」).
    pub fn named_texts(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for c in &self.chapters {
            c.named_texts(&mut out);
        }
        out
    }

    /// Every place that prints as missing (【未収録】, or an annex item with nothing
    /// in it), in document order.
    pub fn gaps(&self) -> Vec<Gap> {
        let chapters = self.chapters.iter().flat_map(Chapter::gaps);
        chapters
            .chain(self.annex.iter().flat_map(Annex::gap))
            .collect()
    }
}

/// The keys of the items new or changed since the previous edition (empty
/// outside drafts).
pub struct Changed(HashSet<String>);

impl Changed {
    pub fn contains(&self, id: &ItemId) -> bool {
        self.0.contains(&id.key())
    }

    /// Whether any changed item's key starts with `prefix` (`roster:`).
    pub fn any(&self, prefix: &str) -> bool {
        self.0.iter().any(|k| k.starts_with(prefix))
    }

    /// The changed pieces of the annex part in `file`, by their key within it.
    pub fn within(&self, file: &str) -> Changed {
        let prefix = crate::item::annex_prefix(file);
        Changed(
            (self.0.iter())
                .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
                .collect(),
        )
    }

    /// Whether a piece of the part (see `within`) changed.
    pub fn annex(&self, a: &crate::item::AnnexItem) -> bool {
        self.0.contains(&a.key())
    }
}
