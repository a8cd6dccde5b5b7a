//! What a build is asked to do, validated before any work starts (as typst-cli's
//! `CompileConfig::new` does): the edition, the layout, draft or published.

use std::path::PathBuf;

use crate::content::date::Date;
use crate::render::Templates;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The edition folder, e.g. `content/miyamae-r2`. Its `edition.json` names the
    /// previous edition, which the load stage reads with it.
    pub edition: PathBuf,
    pub templates: Templates,
    /// A draft dated this day: marked on every page, with line numbers and the
    /// changes since the previous edition; PDF/A-3a and PDF/UA-1 like the
    /// published plan.
    pub draft: Option<Date>,
    /// Refuse to build while anything would print 【未収録】.
    pub require_complete: bool,
    /// Lay invisible source marks (file, JSON pointer) for the editor's preview
    /// ([`crate::marks`]); off for the PDF.
    pub source_marks: bool,
    /// Files (name in the edition folder, bytes) read in place of the folder's
    /// own: the editor's unsaved changes, checked and previewed before they are
    /// written.
    pub overlay: Vec<(String, Vec<u8>)>,
}

impl Config {
    /// The published PDF of `edition` with the built-in layout.
    pub fn new(edition: impl Into<PathBuf>) -> Self {
        Config {
            edition: edition.into(),
            ..Config::default()
        }
    }

    /// Use the layout in `dir` (`--templates`): it must be a folder.
    pub fn templates(mut self, dir: Option<PathBuf>) -> Result<Self, String> {
        if let Some(dir) = dir {
            if dir.exists() && !dir.is_dir() {
                return Err(format!(
                    "--templates の {} はフォルダではありません。テンプレートの入ったフォルダを指定してください",
                    dir.display()
                ));
            }
            if !dir.is_dir() {
                return Err(format!(
                    "テンプレートのフォルダ {} が見つかりません（--templates）",
                    dir.display()
                ));
            }
            self.templates = Templates::Dir(dir);
        }
        Ok(self)
    }

    /// A draft (`--draft`), dated `date` (`--date YYYY-MM-DD`) or today.
    pub fn draft(mut self, draft: bool, date: Option<&str>) -> Result<Self, String> {
        self.draft = match (draft, date) {
            (false, _) => None,
            (true, None) => Some(Date::today()),
            (true, Some(d)) => match Date::parse(d) {
                Ok(date) if date.day.is_some() => Some(date),
                Ok(_) => {
                    return Err(format!(
                        "--date は日まで書いてください（例: 2026-11-25）: {d}"
                    ));
                }
                Err(e) => return Err(format!("--date: {e}")),
            },
        };
        Ok(self)
    }

    /// Refuse gaps (`--require-complete`).
    pub fn require_complete(mut self, yes: bool) -> Self {
        self.require_complete = yes;
        self
    }
}
