//! `planpress build <folder of editions>`: every ward's PDF, on every core.

use std::path::PathBuf;

use planpress::city::{self, WardJob};

use super::{Failure, Result, default_output};
use crate::cli::BuildArgs;

pub fn run(args: BuildArgs) -> Result {
    if args.emit_typst.is_some() {
        return Err(Failure::Message(
            "--emit-typst は版のフォルダを1つ指定したときだけ使えます".into(),
        ));
    }
    let dirs = city::editions(&args.input.edition)?;
    // -o names the folder the PDFs go into (out/ when not given).
    let out_dir = args.output.clone().unwrap_or_else(|| PathBuf::from("out"));
    let mut jobs = Vec::new();
    for dir in dirs {
        let input = crate::cli::EditionArgs {
            edition: dir.clone(),
            templates: args.input.templates.clone(),
        };
        let name = default_output(&dir, args.draft.draft);
        let output = out_dir.join(name.file_name().expect("a file name"));
        planpress::outputs::check(&output, input.templates.as_deref())?;
        jobs.push(WardJob {
            config: input.config(Some(&args.draft))?,
            output,
        });
    }
    let cores = city::cores();
    println!("{} 区の版を作ります（{cores} コア）", jobs.len());
    let outcomes = city::build_all(&jobs, cores);
    for outcome in &outcomes {
        let lines = city::report(outcome);
        if outcome.result.is_ok() {
            lines.iter().for_each(|l| println!("{l}"));
        } else {
            lines.iter().for_each(|l| eprintln!("{l}"));
        }
    }
    let (all, line) = city::tally(&outcomes);
    if all {
        println!("{line}");
        Ok(())
    } else {
        Err(Failure::Message(line))
    }
}
