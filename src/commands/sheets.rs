//! `planpress sheets`: a workbook per department, to fill in and return.

use super::{Result, default_dir, write_files};
use crate::cli::SheetsArgs;

pub fn run(args: SheetsArgs) -> Result {
    let content = planpress::content::load(&args.edition)?;
    let dir = args
        .output
        .unwrap_or_else(|| default_dir(&args.edition, "sheets"));
    planpress::outputs::check(&dir, None)?;
    let files = planpress::sheets::export(&content)?;
    write_files(&dir, &files)?;
    println!(
        "{} 部署分の Excel ファイルを {} に作りました",
        files.len(),
        dir.display()
    );
    Ok(())
}
