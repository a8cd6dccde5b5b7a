//! The one pipeline, a line per stage:
//!
//! load edition (and previous) → validate → view → render → world → compile →
//! check the layout → export → write.
//!
//! `build`, `check` (stops before Typst, loading everything `build` loads),
//! `watch` (keeps the [`Pipeline`] and so the World and Typst's caches), `preview`,
//! `web` (renders the view with the web templates), `archive` and the benchmark all
//! run it.

use std::path::Path;
use std::time::{Duration, Instant};

use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::config::Config;
use crate::content::model::NewSide;
use crate::content::{self, Content};
use crate::diff::{self, Change, table::Comparison};
use crate::error::BuildError;
use crate::render::Templates;
use crate::render::{self, Generated};
use crate::view::{DateView, Stamp, View};
use crate::world::PlanWorld;
use crate::{fs, layout, pdf};

mod laid;
pub use laid::Laid;

/// Everything before Typst: the content as read, and its view.
pub struct Prepared {
    pub content: Content,
    /// The previous edition, when `edition.json` names one that is there.
    pub previous: Option<Content>,
    pub view: View,
    /// Every file read, served to the world and attached to the PDF (the previous
    /// edition's under `previous/`).
    pub attachments: Vec<(String, Vec<u8>)>,
    /// Hash of the attached files: the PDF's document identifier.
    pub ident: String,
    pub warnings: Vec<String>,
}

/// Files to write: (path in the output folder, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// A compiled edition.
pub struct Built {
    pub prepared: Prepared,
    pub generated: Generated,
    pub document: PagedDocument,
    pub pdf: Vec<u8>,
    pub timings: Timings,
}

/// Where the time of one build went.
#[derive(Debug, Clone, Copy)]
pub struct Timings {
    /// Load, validate, view and render.
    pub prepare: Duration,
    /// Typst's compile (layout) and the layout check.
    pub compile: Duration,
    /// PDF export.
    pub export: Duration,
}

impl Built {
    pub fn content(&self) -> &Content {
        &self.prepared.content
    }

    pub fn warnings(&self) -> &[String] {
        &self.prepared.warnings
    }
}

/// A pipeline keeps one World, and so Typst's memoized caches (comemo), alive
/// between builds: the rebuild after a small edit reuses everything else.
pub struct Pipeline {
    config: Config,
    world: Option<PlanWorld>,
}

impl Pipeline {
    pub fn new(config: Config) -> Self {
        Pipeline {
            config,
            world: None,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// load → validate → view. `check` and `web` go on from here without Typst.
    pub fn prepare(&self) -> Result<Prepared, BuildError> {
        let content = content::load::load_with(&self.config.edition, self.config.overlay.clone())
            .map_err(|e| with_previous(e, &self.config.edition))?;
        let (previous, mut warnings) = previous_edition(&content)?;
        warnings.extend(
            previous
                .iter()
                .flat_map(|p| diff::ids::warnings(p, &content)),
        );
        let attachments = attachments(&content, previous.as_ref());
        let ident = format!("{:032x}", typst::utils::hash128(&attachments));
        let stamp = self.config.draft.map(|date| Stamp {
            date,
            hash: ident[..8].to_string(),
        });
        let names = attachments.iter().map(|(n, _)| n.clone()).collect();
        let view = View::new(&content, previous.as_ref(), names, stamp);
        warnings.extend(gaps(&view, self.config.require_complete)?);
        Ok(Prepared {
            content,
            previous,
            view,
            attachments,
            ident,
            warnings,
        })
    }

    /// load → validate → view → render with the web templates: the web edition's
    /// files (path in its folder, bytes).
    pub fn web(&self) -> Result<(Prepared, Files), BuildError> {
        let prepared = self.prepare()?;
        let files = render::html::render(&prepared.view, &self.config.templates)?;
        Ok((prepared, files))
    }

    /// Every stage up to Typst, the PDF's templates rendered: what `check` runs.
    pub fn check(&self) -> Result<Prepared, BuildError> {
        let prepared = self.prepare()?;
        render::typst::render(&prepared.view, &self.config.templates)?;
        Ok(prepared)
    }

    /// The whole pipeline up to the PDF's bytes (writing is the caller's last stage).
    pub fn build(&mut self) -> Result<Built, BuildError> {
        let t0 = Instant::now();
        let mut prepared = self.prepare()?;
        let marks = self.config.source_marks;
        let generated =
            render::typst::render_marked(&prepared.view, &self.config.templates, marks)?;
        let t1 = Instant::now();
        let rebuild = self.world.is_some();
        // A draft is its own document (another identifier); like the published
        // plan it conforms to PDF/A-3a and PDF/UA-1: the committee archives it.
        let ident = match self.config.draft {
            Some(day) => format!("planpress-draft:{day}:{}", prepared.ident),
            None => format!("planpress:{}", prepared.ident),
        };
        let date = document_date(&prepared.content);
        let world = self.world(&prepared, &generated, date);
        let failed = |e| BuildError::Compile(e, Box::new(generated.clone()));
        let (document, warnings) = pdf::compile(world).map_err(failed)?;
        let t2 = Instant::now();
        // The layout check and the export both only read the laid-out pages: they
        // run side by side, and a refused layout drops the PDF.
        let options = pdf::options(ident, date);
        let (layout, pdf) = std::thread::scope(|s| {
            let layout = s.spawn(|| check_layout(&document, || prepared.view.named_texts()));
            let pdf = pdf::export(world, &document, &options);
            (layout.join().expect("the layout check does not panic"), pdf)
        });
        let thin_pages = layout.map_err(|e| {
            BuildError::Layout(e, Box::new(generated.clone()), Box::new(document.clone()))
        })?;
        let pdf = pdf.map_err(failed)?;
        let t3 = Instant::now();
        if rebuild {
            // Keep the caches of recent builds, drop older entries (as typst-cli's
            // watch does); a one-shot build never pays for this.
            typst::comemo::evict(10);
        }
        prepared.warnings.extend(warnings);
        prepared.warnings.extend(thin_pages);
        let timings = Timings {
            prepare: t1 - t0,
            compile: t2 - t1,
            export: t3 - t2,
        };
        Ok(Built {
            prepared,
            generated,
            document,
            pdf,
            timings,
        })
    }

    /// The sandboxed World for this build: the kept one, updated in place, or a new one.
    fn world(&mut self, prepared: &Prepared, generated: &Generated, date: Datetime) -> &PlanWorld {
        let files = served_attachments(&prepared.attachments);
        if let Some(w) = &mut self.world {
            w.update(&generated.main, &generated.modules, files, date);
        } else {
            let (main, modules) = (generated.main.clone(), &generated.modules);
            self.world = Some(PlanWorld::new(main, modules, files, date));
        }
        self.world.as_ref().expect("set above")
    }
}

/// The layout stage: faults are told by printed page and by the item that holds
/// the faulty line (when only one of `named_texts` holds it); both are looked up
/// only then.
pub(crate) fn check_layout(
    document: &PagedDocument,
    named_texts: impl Fn() -> Vec<(String, String)>,
) -> Result<Vec<String>, layout::LayoutError> {
    let labels = std::cell::OnceCell::new();
    let label = |i: usize| {
        let labels = labels.get_or_init(|| crate::preview::page_labels(document));
        labels.get(i).cloned().unwrap_or_default()
    };
    let named = std::cell::OnceCell::new();
    let name = |line: &str| {
        let named = named.get_or_init(&named_texts);
        let line = line.trim();
        let mut hits = (named.iter())
            .filter(|(_, text)| text.contains(line))
            .map(|(n, _)| n);
        let first = hits.next()?;
        hits.all(|n| n == first).then(|| first.clone())
    };
    layout::check(document, &label, &name)
}

/// The whole pipeline once, in memory.
pub fn build(config: &Config) -> Result<Built, BuildError> {
    Pipeline::new(config.clone()).build()
}

/// What `compare.typ.j2` prints: the table, and the new edition's publisher
/// and date for the document's metadata.
#[derive(serde::Serialize)]
struct ComparisonDocument<'a> {
    #[serde(flatten)]
    table: &'a Comparison,
    publisher: &'a str,
    date: DateView,
}

/// A compiled 新旧対照表.
pub struct Compared {
    /// The changes it shows.
    pub changes: Vec<Change>,
    pub document: PagedDocument,
    pub pdf: Vec<u8>,
}

/// The 新旧対照表 of two editions as a tagged PDF (PDF/A-3a, PDF/UA-1), in the
/// form the new edition asks for (`new_side`, from `--order`, overrides its
/// side of 改正後): compare → render `compare.typ.j2` → world → compile →
/// check the layout → export. The same content gives the same bytes.
pub fn comparison(
    old: &Content,
    new: &Content,
    new_side: Option<NewSide>,
    templates: &Templates,
) -> Result<Compared, BuildError> {
    let mut form = diff::table::form_of(new);
    form.new_side = new_side.unwrap_or(form.new_side);
    let (changes, table) = diff::table::compare(old, new, &form);
    let published = new.edition.published;
    let document = ComparisonDocument {
        table: &table,
        publisher: &new.edition.publisher,
        date: published.into(),
    };
    let generated = render::typst::render_document("compare.typ.j2", &document, templates)?;
    let date = document_date(new);
    let world = PlanWorld::new(generated.main.clone(), &generated.modules, Vec::new(), date);
    let failed = |e| BuildError::Compile(e, Box::new(generated.clone()));
    let (pages, _) = pdf::compile(&world).map_err(failed)?;
    // No item names the table's lines: a fault is told by page.
    check_layout(&pages, Vec::new)
        .map_err(|e| BuildError::Layout(e, Box::new(generated.clone()), Box::new(pages.clone())))?;
    let ident = typst::utils::hash128(&(&old.sources, &new.sources, table.new_first));
    let options = pdf::options(format!("planpress-compare:{ident:032x}"), date);
    let pdf = pdf::export(&world, &pages, &options).map_err(failed)?;
    Ok(Compared {
        changes,
        document: pages,
        pdf,
    })
}

/// The last stage: the PDF written atomically (the previous one stays on failure).
pub fn write(path: &Path, built: &Built) -> Result<(), BuildError> {
    fs::write_atomic(path, &built.pdf).map_err(|error| BuildError::Write {
        path: path.to_path_buf(),
        error,
    })
}

/// The problems of an edition that does not load, with those of the previous
/// edition it names: every problem `build` would stop at, in one run.
fn with_previous(
    mut errors: content::ContentErrors,
    dir: &std::path::Path,
) -> content::ContentErrors {
    let same = |a: &std::path::Path| a.canonicalize().ok() == dir.canonicalize().ok();
    if let Some(prev) = content::previous_named_in(dir)
        && prev.join("edition.json").is_file()
        && !same(&prev)
        && let Err(p) = content::load(&prev)
    {
        errors.previous = Some(Box::new(p));
    }
    errors
}

/// The previous edition `content` names, loaded and validated (with a warning
/// when it is not there).
fn previous_edition(content: &Content) -> Result<(Option<Content>, Vec<String>), BuildError> {
    let mut warnings = Vec::new();
    let previous = match content.previous_dir() {
        Some(prev) if prev.join("edition.json").symlink_metadata().is_ok() => {
            Some(content::load(&prev)?)
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
    Ok((previous, warnings))
}

/// The folder, beside `main.typ`, the attached files are served from (and
/// emitted into): main.typ.j2 reads them there. Not beside `main.typ` itself, so
/// a folder of emitted source never holds an `edition.json` (which makes a folder
/// an edition, and no output goes into one).
pub const ATTACHED: &str = "attached";

/// The attached files as the World serves them: under [`ATTACHED`].
pub fn served_attachments(files: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    files
        .iter()
        .map(|(n, b)| (format!("{ATTACHED}/{n}"), b.clone()))
        .collect()
}

/// Every file read travels inside the PDF; the previous edition's under previous/.
fn attachments(content: &Content, previous: Option<&Content>) -> Vec<(String, Vec<u8>)> {
    let mut files = content.sources.clone();
    if let Some(prev) = previous {
        let prev = prev.sources.iter();
        files.extend(prev.map(|(n, b)| (format!("previous/{n}"), b.clone())));
    }
    files
}

/// What prints 【未収録】: a warning each, or a refusal when the build must be complete.
fn gaps(view: &View, require_complete: bool) -> Result<Vec<String>, BuildError> {
    let gaps = view.gaps();
    if require_complete && !gaps.is_empty() {
        return Err(BuildError::Incomplete(gaps));
    }
    Ok(gaps
        .iter()
        .map(|g| {
            format!(
                "未収録の箇所があります: {}（{}）: {}",
                g.file, g.what, g.note
            )
        })
        .collect())
}

/// The date the document carries: the edition's publication month, never the clock.
pub fn document_date(content: &Content) -> Datetime {
    let d = content.edition.published;
    Datetime::from_ymd(d.year, d.month as u8, d.day.unwrap_or(1) as u8).expect("a validated date")
}
