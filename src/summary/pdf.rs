//! The summary's PDF: the wards loaded and viewed as their own builds do, the
//! summary rendered by `summary.typ.j2`, compiled in the same sandboxed World
//! with the bundled fonts, its layout checked, exported as PDF/A-3a and PDF/UA-1.

use std::path::PathBuf;

use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use super::{Summary, Ward};
use crate::render::{self, Templates};
use crate::world::PlanWorld;
use crate::{BuildError, Config, Pipeline, Prepared, city, pdf, pipeline};

/// A compiled summary and its workbook.
pub struct SummaryBuilt {
    pub summary: Summary,
    pub document: PagedDocument,
    pub pdf: Vec<u8>,
    pub xlsx: Vec<u8>,
}

/// Why no summary was made.
pub enum SummaryError {
    /// Some wards' editions do not load: each ward's problems, one a line,
    /// named with the ward (a summary without a ward would mislead).
    Wards(Vec<String>),
    /// The summary's own stages (render, compile, layout) stopped.
    Build(BuildError),
    Sheet(String),
}

/// Load every ward (each as its own build would), then the summary's PDF and workbook.
pub fn build(dirs: &[PathBuf], templates: &Templates) -> Result<SummaryBuilt, SummaryError> {
    let mut prepared: Vec<Prepared> = Vec::new();
    let mut problems = Vec::new();
    for dir in dirs {
        let config = Config {
            templates: templates.clone(),
            ..Config::new(dir)
        };
        match Pipeline::new(config).prepare() {
            Ok(p) => prepared.push(p),
            Err(e) => {
                let label = city::ward_label(dir);
                problems.push(format!(
                    "{label}: 版を読み込めません。次の問題を直してください:"
                ));
                problems.extend(city::problems(&e).iter().map(|p| format!("  {label} {p}")));
            }
        }
    }
    if !problems.is_empty() {
        return Err(SummaryError::Wards(problems));
    }
    let wards: Vec<Ward> = (prepared.iter())
        .map(|p| Ward {
            content: &p.content,
            view: &p.view,
        })
        .collect();
    let summary = Summary::new(&wards);
    let xlsx = super::sheet::workbook(&summary).map_err(SummaryError::Sheet)?;
    let files = attachments(&prepared);
    let (document, pdf) = compile(&summary, &files, templates).map_err(SummaryError::Build)?;
    Ok(SummaryBuilt {
        summary,
        document,
        pdf,
        xlsx,
    })
}

/// Every file each ward's own PDF attaches (its content files, its common
/// files, its previous edition's), under its ward's folder: `midori-r7/edition.json`,
/// `midori-r7/common/common.json`. `planpress extract` gives the city folder back.
pub fn attachments(wards: &[Prepared]) -> Vec<(String, Vec<u8>)> {
    (wards.iter())
        .flat_map(|p| {
            (p.attachments.iter()).map(|(n, b)| (format!("{}/{n}", p.content.name), b.clone()))
        })
        .collect()
}

/// The summary and the names of the files it attaches, as summary.typ.j2 reads them.
#[derive(serde::Serialize)]
struct Context<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    attachments: Vec<&'a str>,
}

fn compile(
    summary: &Summary,
    files: &[(String, Vec<u8>)],
    templates: &Templates,
) -> Result<(PagedDocument, Vec<u8>), BuildError> {
    let context = Context {
        summary,
        attachments: files.iter().map(|(n, _)| n.as_str()).collect(),
    };
    let generated = render::typst::render_document("summary.typ.j2", &context, templates)?;
    let d = &summary.date;
    let date = Datetime::from_ymd(d.year, d.month as u8, d.day as u8).expect("a validated date");
    let served = pipeline::served_attachments(files);
    let world = PlanWorld::new(generated.main.clone(), &generated.modules, served, date);
    let failed = |e| BuildError::Compile(e, Box::new(generated.clone()));
    let (pages, _) = pdf::compile(&world).map_err(failed)?;
    pipeline::check_layout(&pages, Vec::new)
        .map_err(|e| BuildError::Layout(e, Box::new(generated.clone()), Box::new(pages.clone())))?;
    let ident = typst::utils::hash128(&(&generated.main, files));
    let options = pdf::options(format!("planpress-summary:{ident:032x}"), date);
    let bytes = pdf::export(&world, &pages, &options).map_err(failed)?;
    Ok((pages, bytes))
}
