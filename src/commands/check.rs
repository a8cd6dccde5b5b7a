//! `planpress check`: every stage before Typst, on everything `build` reads.

use super::Result;
use crate::cli::CheckArgs;

pub fn run(args: CheckArgs) -> Result {
    let config = args.input.config(None)?;
    let prepared = planpress::Pipeline::new(config).check()?;
    crate::print_warnings(&prepared.warnings);
    for notice in (prepared.content.common.iter()).flat_map(|c| &c.notices) {
        println!("お知らせ: {notice}");
    }
    let differing = planpress::fmt::differing(&prepared.content);
    if !differing.is_empty() {
        println!(
            "お知らせ: 次のファイルは決まった書式と違います（内容は問題ありません）。`planpress fmt {}` で整えられます: {}",
            args.input.edition.display(),
            differing.join(", ")
        );
    }
    println!(
        "{}: 問題は見つかりませんでした",
        args.input.edition.display()
    );
    Ok(())
}
