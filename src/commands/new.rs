//! `planpress new`: next year's edition from this year's.

use std::path::{Path, PathBuf};

use super::Result;
use crate::cli::NewArgs;

struct Args {
    from: PathBuf,
    to: PathBuf,
}

pub fn run(args: NewArgs) -> Result {
    let Some(to) = args.to.clone() else {
        return city(&args.from);
    };
    let args = Args {
        from: args.from,
        to,
    };
    if planpress::outputs::check(&args.to, None).is_err() {
        // The folder holds an edition, or lies inside one: name a folder that
        // would do, beside the edition it starts from.
        let what = if args.to.join("edition.json").is_file() {
            "は版のフォルダです（すでに edition.json があります）"
        } else {
            "は版のフォルダの中です"
        };
        return Err(format!(
            "{} {what}。新しい版には、まだないフォルダを指定してください（例: {}）",
            args.to.display(),
            suggestion(&args.from).display()
        )
        .into());
    }
    let files = planpress::new::next_edition(&args.from, &args.to)?;
    println!(
        "{} から {} を作りました（{} ファイル）。年度と日付を1年進め、実施結果を空にしました。目標を見直してください",
        args.from.display(),
        args.to.display(),
        files.len()
    );
    Ok(())
}

/// A folder for next year's edition beside `from`, not there yet: its name with
/// the number at its end counted up (`miyamae-r2` → `miyamae-r3`), else `-next`.
fn suggestion(from: &Path) -> PathBuf {
    let name = planpress::content::load::folder_name(from);
    let parent = from.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.map_or_else(|| PathBuf::from("content"), Path::to_path_buf);
    let stem = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let number: Option<u32> = name[stem.len()..].parse().ok();
    (1..100)
        .map(|k| match number {
            Some(n) => format!("{stem}{}", n + k),
            None if k == 1 => format!("{name}-next"),
            None => format!("{name}-next{k}"),
        })
        .map(|n| parent.join(n))
        .find(|p| !p.exists())
        .unwrap_or_else(|| parent.join(format!("{name}-next")))
}

/// `planpress new <city folder>`: next year's common folders and every ward's
/// edition; an edition folder alone needs the new folder's name.
fn city(from: &Path) -> Result {
    if from.join("edition.json").is_file() {
        return Err(format!(
            "新しい版のフォルダも指定してください（例: planpress new {} {}）",
            from.display(),
            suggestion(from).display()
        )
        .into());
    }
    let made = planpress::new_city::next_city(from)?;
    for (old, new, written) in &made.common {
        if *written {
            println!(
                "共通の内容: {} から {} を作りました（年度を1年進めました）",
                old.display(),
                new.display()
            );
        } else {
            println!(
                "共通の内容: {} はすでにあるので、そのまま使います",
                new.display()
            );
        }
    }
    for (old, new) in &made.wards {
        println!(
            "{}: {} から {} を作りました",
            planpress::city::ward_label(new),
            old.display(),
            new.display()
        );
    }
    println!(
        "{} 区の翌年度の版を作りました。年度と日付を1年進め、実施結果を空にしました。目標を見直してください",
        made.wards.len()
    );
    Ok(())
}
