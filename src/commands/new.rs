//! `planpress new`: next year's edition from this year's.

use std::path::{Path, PathBuf};

use super::Result;
use crate::cli::NewArgs;

pub fn run(args: NewArgs) -> Result {
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
