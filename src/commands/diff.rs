//! `planpress diff`: what changed between two editions, item by item.

use super::Result;
use crate::cli::{DiffArgs, DiffFormat};

pub fn run(args: DiffArgs) -> Result {
    let old = planpress::content::load(&args.old)?;
    let new = planpress::content::load(&args.new)?;
    let changes = planpress::diff::diff(&old, &new);
    match args.format {
        DiffFormat::Text => print!("{}", planpress::diff::render_text(&changes)),
        DiffFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&changes).expect("changes serialise")
        ),
    }
    Ok(())
}
