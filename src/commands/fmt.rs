//! `planpress fmt`: content files in the canonical layout (2-space JSON).

use super::Result;
use crate::cli::FmtArgs;

pub fn run(args: FmtArgs) -> Result {
    let changed = if planpress::city::is_common(&args.edition) {
        planpress::fmt::format_common(&args.edition)?
    } else {
        planpress::fmt::format_edition(&args.edition)?
    };
    if changed.is_empty() {
        println!("{}: すべて決まった書式でした", args.edition.display());
    } else {
        println!("書式を整えました: {}", changed.join(", "));
    }
    Ok(())
}
