//! The layout check: the stage between compile and export that looks at the laid
//! out pages before a PDF is written.
//!
//! This is the stage's place in the pipeline; the checks themselves (text and
//! shapes inside the page's text area, no overprint) come with issue 10, and a
//! fault will stop the build with the page and the item named.

use typst_layout::PagedDocument;

/// Layout faults: each names its page and item, and says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutError(pub Vec<String>);

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "ページに収まらない箇所があるため、PDF を作りませんでした:"
        )?;
        for m in &self.0 {
            writeln!(f, "- {m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LayoutError {}

/// Verify the laid-out pages. Nothing is checked yet (see the module docs).
pub fn check(_document: &PagedDocument) -> Result<(), LayoutError> {
    Ok(())
}
