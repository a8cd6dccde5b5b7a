//! Mistakes in the command line, told in Japanese (exit 2). clap finds them;
//! its help (in Japanese, `help.rs`) and version print as they are.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use crate::cli::Cli;

/// The command line, parsed; a mistake is told in Japanese and exits with 2.
pub fn parse() -> Cli {
    let parsed = crate::help::japanese(Cli::command())
        .try_get_matches_from(crate::help::help_as_flag(std::env::args_os()))
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
            _ => {
                eprintln!("{}", crate::visible(&message(&e)));
                std::process::exit(2);
            }
        },
    }
}

/// The values clap gives for one part of its error.
fn values(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

/// Why a value was refused: a number expected, or the reason our own parser
/// gave (in Japanese); the standard library's English reasons are not shown.
fn why(e: &clap::Error) -> String {
    let Some(source) = std::error::Error::source(e) else {
        return String::new();
    };
    if source.is::<std::num::ParseFloatError>() || source.is::<std::num::ParseIntError>() {
        return "（数を書いてください）".into();
    }
    let text = source.to_string();
    if text.is_ascii() {
        String::new()
    } else {
        format!("（{text}）")
    }
}

/// The mistake in the clerk's words, then what to do.
fn message(e: &clap::Error) -> String {
    let get = |k| values(e, k);
    let first = |k| get(k).into_iter().next().unwrap_or_default();
    let arg = first(ContextKind::InvalidArg);
    let value = first(ContextKind::InvalidValue);
    let head = match e.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "「{}」というコマンドはありません",
            first(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => format!("「{arg}」という指定はありません"),
        ErrorKind::MissingRequiredArgument => format!(
            "{} が指定されていません",
            get(ContextKind::InvalidArg).join("、")
        ),
        ErrorKind::MissingSubcommand => "コマンドが指定されていません".into(),
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} に値が書かれていません"),
        ErrorKind::InvalidValue => format!("「{value}」は {arg} には使えません"),
        ErrorKind::ValueValidation => format!("「{value}」は {arg} には使えません{}", why(e)),
        ErrorKind::ArgumentConflict => format!(
            "{arg} は {} と一緒には使えません",
            get(ContextKind::PriorArg).join("、")
        ),
        ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::NoEquals => format!("{arg} の値の書き方が違います"),
        other => format!("コマンドの書き方が違います（{other:?}）"),
    };
    let mut lines = vec![format!("{}: {head}", crate::ERROR)];
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() {
        lines.push(format!("  使える値: {}", valid.join("、")));
    }
    let suggested = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ];
    for s in suggested.into_iter().flat_map(get) {
        lines.push(format!("  もしかして: {s}"));
    }
    if let Some(usage) = get(ContextKind::Usage).first() {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        lines.push(format!("  書き方: {usage}"));
    }
    lines.push(
        "  使い方は planpress --help で、コマンドごとには planpress <コマンド> --help で確かめてください"
            .into(),
    );
    lines.join("\n")
}
