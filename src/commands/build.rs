//! `planpress build`: the edition's PDF, and optionally the Typst source it came from.

use std::path::{Path, PathBuf};
use std::time::Instant;

use planpress::{Built, Config, Generated, outputs, pipeline};

use super::{Result, default_output, write_files};
use crate::cli::BuildArgs;

/// `build`'s arguments, validated.
pub struct BuildConfig {
    pub pipeline: Config,
    pub output: PathBuf,
    pub emit_typst: Option<PathBuf>,
}

impl BuildConfig {
    pub fn new(args: BuildArgs) -> std::result::Result<Self, String> {
        let output = args
            .output
            .unwrap_or_else(|| default_output(&args.input.edition, args.draft.draft));
        let templates = args.input.templates.as_deref();
        outputs::check(&output, templates)?;
        // A folder where the PDF's name belongs is told before the build, not after.
        planpress::fs::check_file_path(&output).map_err(|error| {
            planpress::BuildError::Write {
                path: output.clone(),
                error,
            }
            .to_string()
        })?;
        if let Some(dir) = &args.emit_typst {
            outputs::check_emit_dir(dir, templates)?;
        }
        Ok(BuildConfig {
            pipeline: args.input.config(Some(&args.draft))?,
            output,
            emit_typst: args.emit_typst,
        })
    }
}

pub fn run(args: BuildArgs) -> Result {
    if !planpress::city::is_edition(&args.input.edition) && args.input.edition.is_dir() {
        return super::city::run(args);
    }
    let start = Instant::now();
    let config = BuildConfig::new(args)?;
    let built = match pipeline::build(&config.pipeline) {
        Ok(built) => built,
        Err(e) => {
            // The source Typst refused is what one wants to read then.
            if let (Some(generated), Some(dir)) = (e.generated(), &config.emit_typst) {
                emit_typst(dir, generated, &[])?;
                eprintln!("Typst のソースを書き出しました: {}", dir.display());
            }
            return Err(e.into());
        }
    };
    crate::print_warnings(built.warnings());
    if let Some(dir) = &config.emit_typst {
        emit_typst(dir, &built.generated, &built.prepared.attachments)?;
        println!("Typst のソースを書き出しました: {}", dir.display());
    }
    pipeline::write(&config.output, &built)?;
    say_built(&config.output, &built, start);
    Ok(())
}

fn say_built(output: &Path, built: &Built, start: Instant) {
    println!(
        "{} を作りました（{} ページ、{:.2} 秒）",
        output.display(),
        built.document.pages().len(),
        start.elapsed().as_secs_f64()
    );
}

/// Write what the World served: the generated source, the style module(s) and the
/// files it attaches, so `typst compile DIR/main.typ --font-path fonts` compiles it.
fn emit_typst(dir: &Path, generated: &Generated, attached: &[(String, Vec<u8>)]) -> Result {
    let mut files = vec![("main.typ".to_string(), generated.main.clone().into_bytes())];
    for (name, text) in &generated.modules {
        files.push((name.clone(), text.clone().into_bytes()));
    }
    files.extend(pipeline::served_attachments(attached));
    write_files(dir, &files)
}
