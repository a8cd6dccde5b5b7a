//! `planpress summary`: every ward's targets side by side, as a PDF and a workbook.

use std::path::PathBuf;

use planpress::summary::pdf::{self, SummaryError};
use planpress::{BuildError, Config};

use super::{Failure, Result};
use crate::cli::SummaryArgs;

pub fn run(args: SummaryArgs) -> Result {
    let output = args
        .output
        .unwrap_or_else(|| PathBuf::from("out/各区一覧.pdf"));
    let xlsx = output.with_extension("xlsx");
    planpress::outputs::check(&output, args.templates.as_deref())?;
    let templates = Config::new(&args.folder)
        .templates(args.templates)?
        .templates;
    let dirs = planpress::city::editions(&args.folder)?;
    let built = match pdf::build(&dirs, &templates) {
        Ok(built) => built,
        Err(SummaryError::Wards(lines)) => {
            lines.iter().for_each(|l| eprintln!("{l}"));
            return Err(Failure::Message(
                "読み込めない区があるため、一覧を作りませんでした（すべての区がそろった一覧だけを作ります）"
                    .into(),
            ));
        }
        Err(SummaryError::Build(e)) => return Err(e.into()),
        Err(SummaryError::Sheet(m)) => return Err(m.into()),
    };
    for (path, bytes) in [(&output, &built.pdf), (&xlsx, &built.xlsx)] {
        planpress::fs::write_atomic(path, bytes).map_err(|error| BuildError::Write {
            path: path.clone(),
            error,
        })?;
    }
    println!(
        "{} を作りました（{} 区、目標 {} 件、{} ページ）",
        output.display(),
        built.summary.wards.len(),
        built.summary.targets.len(),
        built.document.pages().len()
    );
    println!("{} を作りました", xlsx.display());
    Ok(())
}
