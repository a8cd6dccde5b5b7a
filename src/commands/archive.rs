//! `planpress archive`: every edition built into `archive/` and checked against
//! the manifest of earlier runs.

use super::Result;
use crate::cli::ArchiveArgs;

pub fn run(args: ArchiveArgs) -> Result {
    planpress::outputs::check(&args.output, None)?;
    let report = planpress::archive::archive(&args.content, &args.output)?;
    for name in &report.built {
        println!(
            "{}: {}",
            name,
            args.output.join(format!("{name}.pdf")).display()
        );
    }
    if !report.changed.is_empty() {
        return Err(format!(
            "保管済みの版と内容または PDF が違います（上書きしていません）: {}。意図した変更なら、その版を新しい名前で保管してください",
            report.changed.join(", ")
        )
        .into());
    }
    if report.verified {
        println!(
            "保管済みの版はすべて前回と同じでした（{}）",
            args.output.join("manifest.json").display()
        );
    }
    Ok(())
}
