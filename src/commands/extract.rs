//! `planpress extract`: the content files attached to a published PDF, restored.

use super::Result;
use crate::cli::ExtractArgs;

pub fn run(args: ExtractArgs) -> Result {
    planpress::outputs::check(&args.dir, None)?;
    let names = planpress::extract::extract(&args.pdf, &args.dir)?;
    println!(
        "{} 個の内容ファイルを {} に取り出しました: {}",
        names.len(),
        args.dir.display(),
        names.join(", ")
    );
    Ok(())
}
