//! The `planpress` command: dispatch, print, exit.

mod cli;

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use cli::{BuildArgs, CheckArgs, Cli, Command, ExtractArgs, SchemaArgs};
use planpress::{BuildError, Templates};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build(args),
        Command::Check(args) => check(args),
        Command::Schema(args) => schema(args),
        Command::Extract(args) => extract(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprint!("{e}");
            if !e.ends_with('\n') {
                eprintln!();
            }
            ExitCode::from(1)
        }
    }
}

/// A failed build as the clerk reads it: content problems with their source lines,
/// coloured when standard error is a terminal.
fn report(e: BuildError) -> String {
    match e {
        BuildError::Content(c) => c.render(std::io::stderr().is_terminal()),
        other => other.to_string(),
    }
}

fn templates(dir: Option<PathBuf>) -> Templates {
    dir.map_or(Templates::Embedded, Templates::Dir)
}

fn build(args: BuildArgs) -> Result<(), String> {
    let start = Instant::now();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.edition));
    let built = match planpress::build(&args.edition, &templates(args.templates)) {
        Ok(built) => built,
        Err(e) => {
            // The source Typst refused is what one wants to read then.
            if let (BuildError::Compile(_, generated), Some(dir)) = (&e, &args.emit_typst) {
                emit_typst(dir, generated)?;
                eprintln!("Typst のソースを書き出しました: {}", dir.display());
            }
            return Err(report(e));
        }
    };
    for w in &built.warnings {
        eprintln!("警告: {w}");
    }
    let gaps = built.content.gaps();
    for (file, what, note) in &gaps {
        eprintln!("警告: 未収録の箇所があります: {file}（{what}）: {note}");
    }
    if args.require_complete && !gaps.is_empty() {
        return Err(format!(
            "未収録の箇所が {} 件残っているため、PDF を作りませんでした（--require-complete）。原本から転記して \"gap\" を消してください",
            gaps.len()
        ));
    }
    if let Some(dir) = &args.emit_typst {
        emit_typst(dir, &built.generated)?;
        println!("Typst のソースを書き出しました: {}", dir.display());
    }
    planpress::pdf::write_atomic(&output, &built.pdf).map_err(|e| {
        format!(
            "PDF を書き出せません（{}）: {e}\n書き込めるフォルダを -o で指定してください",
            output.display()
        )
    })?;
    println!(
        "{} を作りました（{} ページ、{:.2} 秒）",
        output.display(),
        built.document.pages().len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn check(args: CheckArgs) -> Result<(), String> {
    let content =
        planpress::content::load(&args.edition).map_err(|e| report(BuildError::Content(e)))?;
    planpress::generate(&content, &templates(args.templates)).map_err(report)?;
    println!("{}: 問題は見つかりませんでした", args.edition.display());
    Ok(())
}

fn schema(args: SchemaArgs) -> Result<(), String> {
    let err = |e: std::io::Error| format!("{} に書き出せません: {e}", args.output.display());
    fs::create_dir_all(&args.output).map_err(err)?;
    for (name, text) in planpress::schema::schemas() {
        planpress::pdf::write_atomic(&args.output.join(&name), text.as_bytes()).map_err(err)?;
    }
    println!("JSON スキーマを書き出しました: {}", args.output.display());
    Ok(())
}

fn extract(args: ExtractArgs) -> Result<(), String> {
    let names = planpress::extract::extract(&args.pdf, &args.dir)?;
    println!(
        "{} 個の内容ファイルを {} に取り出しました: {}",
        names.len(),
        args.dir.display(),
        names.join(", ")
    );
    Ok(())
}

fn default_output(edition: &Path) -> PathBuf {
    let name = edition
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "edition".into());
    PathBuf::from("out").join(format!("{name}.pdf"))
}

fn emit_typst(dir: &Path, generated: &planpress::Generated) -> Result<(), String> {
    let err = |e: std::io::Error| format!("{} に書き出せません: {e}", dir.display());
    fs::create_dir_all(dir).map_err(err)?;
    fs::write(dir.join("main.typ"), &generated.main).map_err(err)?;
    for (name, text) in &generated.modules {
        fs::write(dir.join(name), text).map_err(err)?;
    }
    Ok(())
}
