//! `planpress summary`: every ward's targets side by side, as a PDF and a workbook.

use std::path::{Path, PathBuf};

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
    planpress::fs::write_atomic(&output, &built.pdf).map_err(|error| BuildError::Write {
        path: output.clone(),
        error,
    })?;
    planpress::fs::write_atomic(&xlsx, &built.xlsx)
        .map_err(|e| sheet_not_written(&xlsx, &output, &e))?;
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

/// The workbook could not be written: the clerk is told which file, why, what
/// to do, and that the PDF beside it was written.
fn sheet_not_written(xlsx: &Path, pdf: &Path, e: &std::io::Error) -> Failure {
    let (shown, pdf) = (xlsx.display(), pdf.display());
    let why = if planpress::fs::is_in_use(e) {
        "Excel などのほかのソフトが開いているか読み取り専用のため、置き換えられません。前の Excel ファイルはそのまま残しています。Excel でそのファイルを閉じてから、もう一度実行してください".to_string()
    } else if planpress::fs::is_folder_given(e) {
        "同じ名前のフォルダがあります。そのフォルダの名前を変えるか、別の名前の PDF を -o で指定してください（Excel ファイルは PDF と同じ名前で拡張子 .xlsx にして書き出します）".to_string()
    } else {
        format!(
            "{}\n書き込めるフォルダを -o で指定してください",
            planpress::io_message::reason(e)
        )
    };
    Failure::Message(format!(
        "一覧の Excel ファイルを書き出せません（{shown}）: {why}\n（PDF の {pdf} は書き出しました）"
    ))
}
