//! The layout check: the stage between compile and export that looks at the laid
//! out pages before a PDF is written.
//!
//! This is the stage's place in the pipeline; the checks themselves (text and
//! shapes inside the page's text area, no overprint) come with issue 10, and a
//! fault will stop the build with the page and the item named.

use typst_layout::PagedDocument;

use crate::error::BuildError;

/// Verify the laid-out pages. Nothing is checked yet (see the module docs).
pub fn check(_document: &PagedDocument) -> Result<(), BuildError> {
    Ok(())
}
