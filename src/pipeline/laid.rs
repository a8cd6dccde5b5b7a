//! The pipeline without its PDF: the pages laid out and checked, for the
//! editor's preview (a kept [`Pipeline`], as `watch` keeps one).

use typst_layout::PagedDocument;

use super::{Pipeline, Prepared, check_layout, document_date};
use crate::error::BuildError;
use crate::{pdf, render};

/// An edition laid out; its faults do not stop it (the pages are still shown).
pub struct Laid {
    pub prepared: Prepared,
    pub document: PagedDocument,
    /// What the layout check refuses (`build` would stop at these).
    pub faults: Vec<String>,
}

impl Pipeline {
    /// Read these files in place of the folder's from the next run on (the
    /// editor's unsaved changes); the World and Typst's caches are kept.
    pub fn set_overlay(&mut self, overlay: Vec<(String, Vec<u8>)>) {
        self.config.overlay = overlay;
    }

    /// load → validate → view → render → compile → check the layout, no export.
    /// Typst's memoization cache is evicted after every compile, as typst-cli's
    /// watch does (`comemo::evict(10)`: entries unused for ten compiles go), so a
    /// long session does not grow.
    pub fn lay_out(&mut self) -> Result<Laid, BuildError> {
        let mut prepared = self.prepare()?;
        let (templates, marks) = (&self.config.templates, self.config.source_marks);
        let generated = render::typst::render_marked(&prepared.view, templates, marks)?;
        let date = document_date(&prepared.content);
        let world = self.world(&prepared, &generated, date);
        let compiled = pdf::compile(world);
        typst::comemo::evict(10);
        let (document, warnings) =
            compiled.map_err(|e| BuildError::Compile(e, Box::new(generated)))?;
        prepared.warnings.extend(warnings);
        let faults = match check_layout(&document, || prepared.view.named_texts()) {
            Ok(thin_pages) => {
                prepared.warnings.extend(thin_pages);
                Vec::new()
            }
            Err(e) => e.0,
        };
        Ok(Laid {
            prepared,
            document,
            faults,
        })
    }
}
