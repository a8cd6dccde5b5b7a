//! Compile the generated source in the sandboxed world and export the PDF.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::render;
use crate::world::PlanWorld;

mod stream_ends;

/// A failed compile: a defect of the templates, told as such.
#[derive(Debug)]
pub struct CompileError(pub Vec<String>);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "テンプレートの不具合で PDF を組めませんでした（内容ファイルの誤りではありません。planpress の担当者に連絡してください）:"
        )?;
        for m in &self.0 {
            writeln!(f, "- {m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CompileError {}

/// One diagnostic as `file:line:col: message`, pointing into the generated source.
pub fn describe(world: &PlanWorld, d: &SourceDiagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "エラー",
        Severity::Warning => "注意",
    };
    let mut place = String::new();
    if let Some(id) = d.span.id()
        && let (Ok(source), Some(range)) = (world.source(id), world.range(d.span))
        && let Some((line, col)) = source.lines().byte_to_line_column(range.start)
    {
        let text = source.text().lines().nth(line).unwrap_or("");
        let text = render::typst::strip_marker(text).trim();
        let text: String = text.chars().take(120).collect();
        let file = id.get().vpath().get_without_slash();
        place = if file == "main.typ" {
            match render::typst::template_origin(source.text(), line) {
                Some(at) => format!("templates/{at}（生成された main.typ {}行目）: ", line + 1),
                None => format!("main.typ {}行目: ", line + 1),
            }
        } else {
            format!("templates/{file} {}行{}列: ", line + 1, col + 1)
        };
        let mut out = format!("{place}{kind}: {}", d.message);
        out.push_str(&format!("\n    | {text}"));
        for h in &d.hints {
            out.push_str(&format!("\n    ヒント: {}", h.v));
        }
        return out;
    }
    let mut out = format!("{place}{kind}: {}", d.message);
    for h in &d.hints {
        out.push_str(&format!("\n    ヒント: {}", h.v));
    }
    out
}

/// Compile the world's main source into a paged document.
pub fn compile(world: &PlanWorld) -> Result<(PagedDocument, Vec<String>), CompileError> {
    let result = typst::compile::<PagedDocument>(world);
    let warnings = result.warnings.iter().map(|d| describe(world, d)).collect();
    match result.output {
        Ok(doc) => Ok((doc, warnings)),
        Err(errors) => Err(CompileError(
            errors.iter().map(|d| describe(world, d)).collect(),
        )),
    }
}

/// Export options that make the same content give the same bytes on any day:
/// tagged PDF/A-3a and PDF/UA-1 for every PDF planpress writes (the published
/// plan, its draft, the 新旧対照表), so none claims what it is not.
pub fn options(ident: String, date: Datetime) -> PdfOptions {
    let standards = PdfStandards::new(&[PdfStandard::A_3a, PdfStandard::Ua_1])
        .expect("PDF/A-3a and PDF/UA-1 combine");
    PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some(format!("planpress {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(date)),
        standards,
        tagged: true,
        ..PdfOptions::default()
    }
}

pub fn export(
    world: &PlanWorld,
    doc: &PagedDocument,
    options: &PdfOptions,
) -> Result<Vec<u8>, CompileError> {
    typst_pdf::pdf(doc, options)
        .map(stream_ends::unambiguous)
        .map_err(|errors| CompileError(errors.iter().map(|d| describe(world, d)).collect()))
}
