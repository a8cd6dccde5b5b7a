//! planpress: a ward office's Service Improvement Action Plan, from content to PDF.
//!
//! The pipeline is [`build`]: load content → validate → render templates →
//! compile in a sandboxed world → export the PDF.

pub mod content;
pub mod extract;
pub mod pdf;
pub mod render;
pub mod schema;
pub mod world;

use std::fmt;
use std::path::Path;

use typst::foundations::Datetime;
use typst_layout::PagedDocument;

pub use content::{Content, ContentErrors};
pub use render::{Generated, Templates};
pub use world::PlanWorld;

/// Everything that can stop a build, by who has to act on it.
#[derive(Debug)]
pub enum BuildError {
    /// The clerk's content has problems (exit 1).
    Content(ContentErrors),
    /// The layout templates are broken (a defect of the tool).
    Render(render::RenderError),
    /// Typst refused the generated source; it is kept so it can be inspected.
    Compile(pdf::CompileError, Box<Generated>),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Content(e) => write!(f, "{e}"),
            BuildError::Render(e) => write!(f, "{e}"),
            BuildError::Compile(e, _) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// A compiled edition.
pub struct Built {
    pub content: Content,
    pub generated: Generated,
    pub world: PlanWorld,
    pub document: PagedDocument,
    pub pdf: Vec<u8>,
    pub warnings: Vec<String>,
}

/// The date the document carries: the edition's publication month, never the clock.
pub fn document_date(content: &Content) -> Datetime {
    let d = content.edition.published;
    Datetime::from_ymd(d.year, d.month as u8, d.day.unwrap_or(1) as u8).expect("a validated date")
}

/// Render the edition's Typst source with the given layout.
pub fn generate(content: &Content, templates: &Templates) -> Result<Generated, BuildError> {
    render::render(content, templates).map_err(BuildError::Render)
}

/// A stable identifier of the content: the same files give the same PDF /ID,
/// whatever the folder is called.
pub fn content_ident(content: &Content) -> String {
    format!("planpress:{:032x}", typst::utils::hash128(&content.sources))
}

/// The whole pipeline, in memory.
pub fn build(dir: &Path, templates: &Templates) -> Result<Built, BuildError> {
    let content = content::load(dir).map_err(BuildError::Content)?;
    let generated = generate(&content, templates)?;
    let date = document_date(&content);
    let world = PlanWorld::new(
        generated.main.clone(),
        &generated.modules,
        content.sources.clone(),
        date,
    );
    let failed = |e| BuildError::Compile(e, Box::new(generated.clone()));
    let (document, warnings) = pdf::compile(&world).map_err(failed)?;
    let options = pdf::options(content_ident(&content), date, true);
    let pdf = pdf::export(&world, &document, &options).map_err(failed)?;
    Ok(Built {
        content,
        generated,
        world,
        document,
        pdf,
        warnings,
    })
}
