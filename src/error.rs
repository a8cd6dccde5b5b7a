//! Everything that can stop a build, by who has to act on it.

use std::path::PathBuf;

use crate::content::ContentErrors;
use crate::layout::LayoutError;
use crate::pdf::CompileError;
use crate::render::{Generated, RenderError};
use crate::view::Gap;
use typst_layout::PagedDocument;

#[derive(Debug)]
pub enum BuildError {
    /// The clerk's content has problems.
    Content(ContentErrors),
    /// The edition still prints 【未収録】 and the build was asked to refuse that.
    Incomplete(Vec<Gap>),
    /// The layout templates are broken (a defect of the tool).
    Render(RenderError),
    /// Content does not fit the page; the message names the page and the item.
    /// The laid-out source and pages are kept so they can be inspected
    /// (`planpress preview` shows the pages of a refused layout).
    Layout(LayoutError, Box<Generated>, Box<PagedDocument>),
    /// Typst refused the generated source; it is kept so it can be inspected.
    Compile(CompileError, Box<Generated>),
    /// The PDF could not be written; the previous one stays.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl BuildError {
    /// The generated Typst source, when Typst compiled it or refused it.
    pub fn generated(&self) -> Option<&Generated> {
        match self {
            BuildError::Compile(_, g) | BuildError::Layout(_, g, _) => Some(g),
            _ => None,
        }
    }

    /// The report a clerk reads: content problems with the offending lines of their
    /// files, coloured for a terminal when `color` is set.
    pub fn render(&self, color: bool) -> String {
        match self {
            BuildError::Content(e) => e.render(color),
            other => other.to_string(),
        }
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Content(e) => write!(f, "{e}"),
            BuildError::Incomplete(gaps) => {
                write!(
                    f,
                    "未収録の箇所が {} 件残っているため、PDF を作りませんでした（--require-complete）。原本から転記して \"gap\" を消してください:",
                    gaps.len()
                )?;
                for g in gaps {
                    write!(f, "\n- {}（{}）: {}", g.file, g.what, g.note)?;
                }
                Ok(())
            }
            BuildError::Render(e) => write!(f, "{e}"),
            BuildError::Layout(e, ..) => write!(f, "{e}"),
            BuildError::Compile(e, _) => write!(f, "{e}"),
            BuildError::Write { path, error } if crate::fs::is_in_use(error) => write!(
                f,
                "PDF を書き出せません（{}）: ほかのソフト（PDF を表示しているソフトなど）が開いているか読み取り専用のため、置き換えられません。前の PDF はそのまま残しています。PDF を閉じてから、もう一度実行してください",
                path.display(),
            ),
            BuildError::Write { path, error } if crate::fs::is_folder_given(error) => write!(
                f,
                "PDF を書き出せません（{}）: ファイルではなくフォルダです。PDF のファイル名まで -o で指定してください（例: -o {}）",
                path.display(),
                path.join("計画.pdf").display()
            ),
            BuildError::Write { path, error } => write!(
                f,
                "PDF を書き出せません（{}）: {}\n書き込めるフォルダを -o で指定してください",
                path.display(),
                crate::io_message::reason(error)
            ),
        }
    }
}

impl std::error::Error for BuildError {}

impl From<ContentErrors> for BuildError {
    fn from(e: ContentErrors) -> Self {
        BuildError::Content(e)
    }
}

impl From<RenderError> for BuildError {
    fn from(e: RenderError) -> Self {
        BuildError::Render(e)
    }
}
