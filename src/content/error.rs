//! The problems found in an edition's content, as a clerk reads them.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use super::diagnostic;

/// One problem in the content, told to a clerk: which file, where, what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file, relative to the edition folder (or the folder itself).
    pub file: String,
    /// Where in the file, as a JSON pointer, when the problem is about one value.
    pub pointer: Option<String>,
    /// Byte range in the file, once resolved.
    pub span: Option<Range<usize>>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The item in plain words, e.g. 「区民課 目標2 の本文」.
    pub item: Option<String>,
    pub message: String,
}

impl ContentError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        ContentError {
            file: file.to_string(),
            pointer: None,
            span: None,
            line: None,
            column: None,
            item: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    pub fn item(mut self, item: impl Into<String>) -> Self {
        self.item = Some(item.into());
        self
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = diagnostic::escape_controls;
        write!(f, "{}", shown(&self.file))?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " {l}行{c}列")?;
        }
        if let Some(item) = &self.item {
            write!(f, "（{}）", shown(item))?;
        }
        write!(f, ": {}", shown(&self.message))
    }
}

/// All problems found in one run, with the texts of the files to show them in.
#[derive(Debug, Clone)]
pub struct ContentErrors {
    pub dir: PathBuf,
    pub errors: Vec<ContentError>,
    /// How many more problems were found than `errors` holds.
    pub more: usize,
    /// (file, text) of every file that could be read as text.
    pub texts: Vec<(String, String)>,
    /// The edition folder itself is not there: a mistake in the command, not
    /// in the content (told as one line, without the count of problems).
    pub no_folder: bool,
    /// The previous edition's problems, found in the same run (told after these).
    pub previous: Option<Box<ContentErrors>>,
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl ContentErrors {
    /// The report a clerk reads: each problem with the offending line of its file,
    /// coloured for a terminal when `color` is set.
    pub fn render(&self, color: bool) -> String {
        diagnostic::render(self, color)
    }
}

impl std::error::Error for ContentErrors {}
