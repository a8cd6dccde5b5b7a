//! `planpress preview`: chosen pages as PNG images, named by their printed labels.

use super::Result;
use crate::cli::PreviewArgs;

pub fn run(args: PreviewArgs) -> Result {
    planpress::outputs::check(&args.output, args.input.templates.as_deref())?;
    planpress::preview::check_dpi(args.dpi)?;
    // A layout the build refuses is still shown: its pages are what the fault
    // message asks the clerk to look at.
    let document = match planpress::build(&args.input.config(None)?) {
        Ok(built) => built.document,
        Err(planpress::BuildError::Layout(fault, _, document)) => {
            eprintln!(
                "{}: この版は PDF にできません（画像は作ります）:\n{fault}",
                crate::WARNING
            );
            *document
        }
        Err(e) => return Err(e.into()),
    };
    let labels = planpress::preview::page_labels(&document);
    let pages = planpress::preview::select(&labels, &args.pages)?;
    let files = planpress::preview::render(&document, &pages, &args.output, args.dpi)?;
    for f in &files {
        println!("{f}");
    }
    Ok(())
}
