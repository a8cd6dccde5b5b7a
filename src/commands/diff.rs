//! `planpress diff`: what changed between two editions, item by item, and
//! optionally the 新旧対照表 as a PDF.

use planpress::content::Content;
use planpress::content::date::fiscal_year_wareki;
use planpress::content::model::NewSide;

use super::Result;
use crate::cli::{ColumnOrder, DiffArgs, DiffFormat};

pub fn run(args: DiffArgs) -> Result {
    if planpress::common_change::is_common(&args.old)
        && planpress::common_change::is_common(&args.new)
    {
        return common(args);
    }
    if let Some(pdf) = &args.pdf {
        planpress::outputs::check(pdf, None)?;
    }
    let old = planpress::content::load(&args.old)?;
    let new = planpress::content::load(&args.new)?;
    if let Some(warning) = reversed(&args, &old, &new) {
        crate::print_warnings(&[warning]);
    }
    crate::print_warnings(&planpress::diff::ids::warnings(&old, &new));
    let changes = match &args.pdf {
        Some(path) => {
            // --order overrides the side edition.json's `comparison` names.
            let side = args.order.map(|o| match o {
                ColumnOrder::NewOld => NewSide::Left,
                ColumnOrder::OldNew => NewSide::Right,
            });
            let templates = planpress::render::Templates::Embedded;
            let compared = planpress::pipeline::comparison(&old, &new, side, &templates)?;
            let (changes, pdf) = (compared.changes, compared.pdf);
            planpress::fs::write_atomic(path, &pdf).map_err(|error| {
                planpress::BuildError::Write {
                    path: path.clone(),
                    error,
                }
            })?;
            eprintln!(
                "新旧対照表を作りました: {}（{} 件の変更）",
                path.display(),
                changes.len()
            );
            changes
        }
        None => planpress::diff::diff(&old, &new),
    };
    match args.format {
        DiffFormat::Text => print!("{}", planpress::diff::render_text(&changes)),
        DiffFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&changes).expect("changes serialise")
        ),
    }
    Ok(())
}

/// A warning when the arguments look reversed: the first edition, the older
/// one, is of a later year, or names the second as its previous edition.
fn reversed(args: &DiffArgs, old: &Content, new: &Content) -> Option<String> {
    let (a, b) = (old.edition.fiscal_year, new.edition.fiscal_year);
    let names_new = old.previous_dir().is_some_and(|p| same_dir(&p, &args.new));
    (a > b || names_new).then(|| {
        format!(
            "引数の順が逆のようです: 1つ目の {}（{}）が、2つ目の {}（{}）より新しい版です。前年度の版を先に、今年度の版を後に指定してください（例: planpress diff 前年度 今年度）",
            args.old.display(),
            fiscal_year_wareki(a),
            args.new.display(),
            fiscal_year_wareki(b),
        )
    })
}

fn same_dir(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Two versions of the city's common folder: for each ward that uses the old
/// one, what the new one changes in its edition (with `--pdf DIR`, each ward's
/// 新旧対照表 as `DIR/<ward folder>-新旧対照表.pdf`).
fn common(args: DiffArgs) -> Result {
    let wards = planpress::common_change::ward_changes(&args.old, &args.new)?;
    let templates = planpress::render::Templates::Embedded;
    for w in &wards {
        let label = planpress::city::ward_label(&w.ward);
        let changes = match &args.pdf {
            Some(dir) => {
                let folder = planpress::content::load::folder_name(&w.ward);
                let path = dir.join(format!("{folder}-新旧対照表.pdf"));
                planpress::outputs::check(&path, None)?;
                let compared = planpress::pipeline::comparison(&w.old, &w.new, None, &templates)?;
                planpress::fs::write_atomic(&path, &compared.pdf).map_err(|error| {
                    planpress::BuildError::Write {
                        path: path.clone(),
                        error,
                    }
                })?;
                eprintln!(
                    "{label}: 新旧対照表を作りました: {}（{} 件の変更）",
                    path.display(),
                    compared.changes.len()
                );
                compared.changes
            }
            None => planpress::diff::diff(&w.old, &w.new),
        };
        match args.format {
            DiffFormat::Text => print!(
                "== {label}（{} 件の変更）\n{}",
                changes.len(),
                planpress::diff::render_text(&changes)
            ),
            DiffFormat::Json => {
                println!("{}", serde_json::json!({"ward": label, "changes": changes}))
            }
        }
    }
    Ok(())
}
