//! `planpress new`: next year's edition from this year's.

use super::Result;
use crate::cli::NewArgs;

pub fn run(args: NewArgs) -> Result {
    planpress::outputs::check(&args.to, None)?;
    let files = planpress::new::next_edition(&args.from, &args.to)?;
    println!(
        "{} から {} を作りました（{} ファイル）。年度と日付を1年進め、実施結果を空にしました。目標を見直してください",
        args.from.display(),
        args.to.display(),
        files.len()
    );
    Ok(())
}
