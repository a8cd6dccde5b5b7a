//! The `planpress` command: dispatch, print errors, exit.
//!
//! Exit codes: 0 success, 1 a content problem (or a defect of the tool), 2 a
//! mistake in the command line (found by clap, told by `usage.rs`).

mod cli;
mod commands;
mod console;
mod help;
mod usage;

use std::process::ExitCode;

use cli::Command;
use commands::Failure;

fn main() -> ExitCode {
    console::init();
    let cli = usage::parse();
    let result = match cli.command {
        Command::Build(args) => commands::build::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Schema(args) => commands::schema::run(args),
        Command::Extract(args) => commands::extract::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Watch(args) => commands::watch::run(args),
        Command::Preview(args) => commands::preview::run(args),
        Command::Web(args) => commands::web::run(args),
        Command::Fmt(args) => commands::fmt::run(args),
        Command::Sheets(args) => commands::sheets::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Archive(args) => commands::archive::run(args),
        Command::Lint(args) => commands::lint::run(args),
        Command::Edit(args) => commands::edit::run(args),
        Command::Summary(args) => commands::summary::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            print_failure(failure);
            ExitCode::from(1)
        }
    }
}

/// A failure as the clerk reads it, on standard error: content problems with their
/// source lines, coloured when standard error is a terminal.
pub fn print_failure(failure: Failure) {
    let text = match failure {
        Failure::Build(planpress::BuildError::Content(e)) => e.render(console::color()),
        Failure::Build(e) => headed(&e.render(false)),
        Failure::Message(m) => headed(&visible(&m)),
    };
    eprint!("{text}");
    if !text.ends_with('\n') {
        eprintln!();
    }
}

/// A failure's text as every failure begins: 「エラー: 」.
fn headed(text: &str) -> String {
    let head = format!("{ERROR}: ");
    if text.starts_with(&head) {
        text.to_string()
    } else {
        format!("{head}{text}")
    }
}

/// How a failure begins, in every message of planpress (codespan's header too).
pub const ERROR: &str = planpress::content::SEVERITY;
/// How a warning begins.
pub const WARNING: &str = "注意";

/// Warnings, each on its line of standard error.
pub fn print_warnings(warnings: &[String]) {
    for w in warnings {
        eprintln!("{WARNING}: {}", visible(w));
    }
}

/// Control characters (from a path or value typed on the command line, or a file
/// name) shown as their code, never sent to the terminal as they are; line ends
/// and tabs kept.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            _ if c.is_control() => format!("U+{:04X}", c as u32),
            _ => c.to_string(),
        })
        .collect()
}
