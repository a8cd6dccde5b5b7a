//! planpress: a ward office's Service Improvement Action Plan, from content to PDF.
//!
//! The pipeline is [`build`]: load content → validate → render templates →
//! compile in a sandboxed world → export the PDF.

pub mod archive;
pub mod content;
pub mod diff;
pub mod extract;
pub mod fmt;
pub mod fonts;
pub mod fs;
pub mod new;
pub mod pdf;
pub mod preview;
pub mod render;
pub mod schema;
pub mod session;
pub mod sheets;
pub mod world;

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

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
    /// The previous edition, when `edition.json` names one that is there.
    pub previous: Option<Content>,
    pub draft: Option<Draft>,
    pub generated: Generated,
    /// Every file read, attached to the PDF (the previous edition's under previous/).
    pub attachments: Vec<(String, Vec<u8>)>,
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
    let names: Vec<String> = content.sources.iter().map(|(n, _)| n.clone()).collect();
    render::render(content, &names, None, templates).map_err(BuildError::Render)
}

/// How to build: the layout, and whether this is a draft for proofreading.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub templates: Templates,
    /// A draft dated this day (YYYY-MM-DD): marked on every page, with line
    /// numbers and the changes since the previous edition; not archival.
    pub draft: Option<String>,
}

/// What a draft shows besides the content.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Draft {
    /// The build date printed in the stamp.
    pub date: String,
    /// A short hash of the content, so two printouts can be told apart.
    pub hash: String,
    /// The previous edition's fiscal year, when it was found.
    pub previous: Option<i32>,
    pub changes: Vec<diff::Change>,
}

/// The whole pipeline, in memory, for the published PDF.
pub fn build(dir: &Path, templates: &Templates) -> Result<Built, BuildError> {
    build_with(
        dir,
        &Options {
            templates: templates.clone(),
            draft: None,
        },
    )
}

/// The whole pipeline: load content (and the previous edition) → render the
/// templates → compile in the sandboxed world → export the PDF.
pub fn build_with(dir: &Path, options: &Options) -> Result<Built, BuildError> {
    let prepared = prepare(dir, options)?;
    let world = PlanWorld::new(
        prepared.generated.main.clone(),
        &prepared.generated.modules,
        prepared.attachments.clone(),
        prepared.date,
    );
    let (document, pdf, warnings) = typeset(&prepared, &world)?;
    let Prepared {
        content,
        previous,
        draft,
        generated,
        attachments,
        warnings: mut all,
        ..
    } = prepared;
    all.extend(warnings);
    Ok(Built {
        content,
        previous,
        draft,
        generated,
        attachments,
        world,
        document,
        pdf,
        warnings: all,
    })
}

/// Everything a build needs before Typst runs.
pub struct Prepared {
    pub content: Content,
    pub previous: Option<Content>,
    pub draft: Option<Draft>,
    pub generated: Generated,
    /// Every file read, served to the world and attached to the PDF.
    pub attachments: Vec<(String, Vec<u8>)>,
    pub date: Datetime,
    /// Hash of the attached files: the PDF's document identifier.
    pub ident: String,
    pub warnings: Vec<String>,
}

/// Load the content (and the previous edition) and render the templates.
pub fn prepare(dir: &Path, options: &Options) -> Result<Prepared, BuildError> {
    let mut content = content::load(dir).map_err(BuildError::Content)?;
    let mut warnings = Vec::new();
    let previous = match content.previous_dir() {
        Some(prev) if prev.join("edition.json").is_file() => {
            Some(content::load(&prev).map_err(BuildError::Content)?)
        }
        Some(prev) => {
            warnings.push(format!(
                "前年度の版 {} が見つかりません（edition.json の previous）。実施結果の資料は未収録のままです",
                prev.display()
            ));
            None
        }
        None => None,
    };
    if let Some(prev) = &previous {
        content.fill_results(prev);
    }
    // Every file read travels inside the PDF; the previous edition's under previous/.
    let mut attachments = content.sources.clone();
    if let Some(prev) = &previous {
        attachments.extend(
            prev.sources
                .iter()
                .map(|(n, b)| (format!("previous/{n}"), b.clone())),
        );
    }
    let ident = format!("{:032x}", typst::utils::hash128(&attachments));
    let draft = options.draft.as_ref().map(|date| Draft {
        date: date.clone(),
        hash: ident[..8].to_string(),
        previous: previous.as_ref().map(|p| p.edition.fiscal_year),
        changes: previous
            .as_ref()
            .map(|p| diff::diff(p, &content))
            .unwrap_or_default(),
    });
    let names: Vec<String> = attachments.iter().map(|(n, _)| n.clone()).collect();
    let generated = render::render(&content, &names, draft.as_ref(), &options.templates)
        .map_err(BuildError::Render)?;
    let date = document_date(&content);
    Ok(Prepared {
        content,
        previous,
        draft,
        generated,
        attachments,
        date,
        ident,
        warnings,
    })
}

/// Compile the prepared source in `world` and export the PDF: (document, PDF, warnings).
pub fn typeset(
    prepared: &Prepared,
    world: &PlanWorld,
) -> Result<(PagedDocument, Vec<u8>, Vec<String>), BuildError> {
    let (document, warnings) = prepared.compile(world)?;
    let pdf = prepared.export(world, &document)?;
    Ok((document, pdf, warnings))
}

impl Prepared {
    fn failed(&self, e: pdf::CompileError) -> BuildError {
        BuildError::Compile(e, Box::new(self.generated.clone()))
    }

    /// Typst's compile of the generated source: (document, warnings).
    pub fn compile(&self, world: &PlanWorld) -> Result<(PagedDocument, Vec<String>), BuildError> {
        pdf::compile(world).map_err(|e| self.failed(e))
    }

    /// The PDF: archival unless this is a draft, identified by the content's hash.
    pub fn export(
        &self,
        world: &PlanWorld,
        document: &PagedDocument,
    ) -> Result<Vec<u8>, BuildError> {
        let options = pdf::options(
            format!("planpress:{}", self.ident),
            self.date,
            self.draft.is_none(),
        );
        pdf::export(world, document, &options).map_err(|e| self.failed(e))
    }
}
