//! `planpress web`: the accessible web edition, from the same view as the PDF.

use super::{Result, default_dir, write_files};
use crate::cli::WebArgs;

pub fn run(args: WebArgs) -> Result {
    let dir = args
        .output
        .unwrap_or_else(|| default_dir(&args.input.edition, "web"));
    planpress::outputs::check(&dir, args.input.templates.as_deref())?;
    let config = args.input.config(None)?;
    let (prepared, files) = planpress::Pipeline::new(config).web()?;
    crate::print_warnings(&prepared.warnings);
    write_files(&dir, &files)?;
    println!(
        "ホームページ用の HTML 版を作りました: {}",
        dir.join("index.html").display()
    );
    Ok(())
}
