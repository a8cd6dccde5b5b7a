//! `planpress lint`: variant spellings and 公用文 rules, reported (never
//! rewritten), as text or JSON. Exit code 0 whatever it finds, unless `--strict`.

use super::Result;
use crate::cli::{DiffFormat, LintArgs};
use planpress::lint::{Style, lint};

pub fn run(args: LintArgs) -> Result {
    let content = planpress::content::load(&args.edition)?;
    let style = Style::for_content(&content, args.style.as_deref())?;
    let report = lint(&content, &style);
    match args.format {
        DiffFormat::Text => print!("{}", report.render_text()),
        DiffFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serialises")
        ),
    }
    if args.strict && report.faults() > 0 {
        return Err(format!("表記の問題が {} 件あります（--strict）", report.faults()).into());
    }
    Ok(())
}
