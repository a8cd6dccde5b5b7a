//! Loading and validating an edition folder (`content/<edition>/`).

pub mod date;
mod decode;
mod describe;
mod diagnostic;
mod error;
pub mod glyphs;
pub mod load;
mod messages;
pub mod model;
mod position;
mod spans;
mod validate;

use std::path::{Path, PathBuf};

use serde::Serialize;

use model::*;

pub use error::{ContentError, ContentErrors};
pub use load::load;

/// A loaded, validated edition.
#[derive(Debug, Clone)]
pub struct Content {
    /// The edition folder's name, e.g. `miyamae-r2`.
    pub name: String,
    pub dir: PathBuf,
    pub edition: Edition,
    pub chapters: Vec<Part>,
    pub annex: Vec<Part>,
    /// Every file read, in reading order: (name relative to the folder, bytes).
    pub sources: Vec<(String, Vec<u8>)>,
}

/// One chapter or annex item, typed by its kind.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Part {
    Principles(PrinciplesChapter),
    Sections(SectionsChapter),
    Targets(TargetsChapter),
    Regulation(Regulation),
    Roster(Roster),
    Memo(Memo),
    Results(Results),
}

impl Content {
    /// Every department with its division, in document order.
    pub fn departments(&self) -> impl Iterator<Item = (&Division, &Department)> {
        self.chapters.iter().flat_map(|p| match p {
            Part::Targets(t) => t
                .divisions
                .iter()
                .flat_map(|d| d.departments.iter().map(move |dep| (d, dep)))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    }

    /// Where the previous edition is: an archived copy in `previous/` (as
    /// `planpress extract` writes it), else the folder `edition.json` names.
    pub fn previous_dir(&self) -> Option<PathBuf> {
        let archived = self.dir.join("previous");
        if archived.join("edition.json").is_file() {
            return Some(archived);
        }
        let name = self.edition.previous.as_deref()?;
        let path = Path::new(name);
        Some(if path.components().count() == 1 {
            self.dir.parent().unwrap_or(Path::new(".")).join(path)
        } else {
            self.dir.join(path)
        })
    }

    /// Every service standard, in document order.
    pub fn standards(&self) -> impl Iterator<Item = &Standard> {
        self.chapters.iter().flat_map(|p| match p {
            Part::Sections(c) => c
                .sections
                .iter()
                .flat_map(|s| s.standard_tables.iter().flat_map(|t| t.standards.iter()))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    }
}
