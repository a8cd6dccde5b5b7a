//! `planpress check`: every stage before Typst, on everything `build` reads.

use planpress::city_check;

use super::{Failure, Result};
use crate::cli::CheckArgs;

pub fn run(args: CheckArgs) -> Result {
    if !planpress::city::is_edition(&args.input.edition) && args.input.edition.is_dir() {
        return city(args);
    }
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

/// `check content/`: every ward of the folder, each told with its name.
fn city(args: CheckArgs) -> Result {
    let dirs = planpress::city::editions(&args.input.edition)?;
    let mut configs = Vec::new();
    for dir in dirs {
        let input = crate::cli::EditionArgs {
            edition: dir,
            templates: args.input.templates.clone(),
        };
        configs.push(input.config(None)?);
    }
    let wards = city_check::check_all(&configs, city_check::cores());
    for ward in &wards {
        let lines = city_check::report(ward);
        if ward.result.is_ok() {
            lines.iter().for_each(|l| println!("{l}"));
        } else {
            lines.iter().for_each(|l| eprintln!("{l}"));
        }
    }
    let (all, line) = city_check::tally(&wards);
    if all {
        println!("{line}");
        Ok(())
    } else {
        Err(Failure::Message(line))
    }
}
