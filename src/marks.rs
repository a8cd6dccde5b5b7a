//! Where each content value printed: the source marks the templates lay when
//! `Config::source_marks` is on (the editor's preview), read back from the
//! compiled document. Contract: /work/wt/EDITOR.md (to be filled in by `marks`).

use typst_layout::PagedDocument;

/// One content value's place on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMark {
    /// 0-based page index.
    pub page: usize,
    /// pt from the page's top-left corner.
    pub x: f64,
    pub y: f64,
    /// The content file, relative to the edition folder.
    pub file: String,
    /// JSON pointer of the value in that file.
    pub pointer: String,
}

/// Every source mark in the document, in page order.
pub fn source_marks(_doc: &PagedDocument) -> Vec<SourceMark> {
    Vec::new()
}
