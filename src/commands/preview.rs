//! `planpress preview`: chosen pages as PNG images, named by their printed labels.

use super::Result;
use crate::cli::PreviewArgs;

pub fn run(args: PreviewArgs) -> Result {
    let built = planpress::build(&args.input.config(None)?)?;
    let labels = planpress::preview::page_labels(&built.document);
    let pages = planpress::preview::select(&labels, &args.pages)?;
    let files = planpress::preview::render(&built.document, &pages, &args.output, args.dpi)?;
    for f in &files {
        println!("{f}");
    }
    Ok(())
}
