//! `planpress check`: every stage before Typst, on everything `build` reads.

use planpress::city_check;

use super::{Failure, Result};
use crate::cli::CheckArgs;

pub fn run(args: CheckArgs) -> Result {
    // A folder with anything named edition.json is checked as an edition (and
    // told what is wrong with that file); one without, holding editions or
    // common.json, as the city's.
    let dir = &args.input.edition;
    if std::fs::symlink_metadata(dir.join("edition.json")).is_err() {
        if planpress::city::is_common(dir) {
            return common(args);
        }
        if let Ok(dirs) = planpress::city::editions(dir) {
            return city(&args, dirs);
        }
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

/// `check <common folder>`: every ward beside it that uses it.
fn common(args: CheckArgs) -> Result {
    let users = planpress::city::users_of(&args.input.edition);
    if users.is_empty() {
        return Err(Failure::Message(format!(
            "{} は市の共通フォルダですが、これを使う区の版が隣にありません。区の版の edition.json の common.folder にこのフォルダを書いてから、区の版を指定して check してください",
            args.input.edition.display()
        )));
    }
    println!(
        "{} は市の共通フォルダです。これを使う {} 区の版を検査します",
        args.input.edition.display(),
        users.len()
    );
    city(&args, users)
}

/// `check content/`: every ward of the folder, each told with its name.
fn city(args: &CheckArgs, dirs: Vec<std::path::PathBuf>) -> Result {
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
