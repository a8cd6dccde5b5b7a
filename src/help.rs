//! `planpress --help` in Japanese: clap's own words (its help and version flags,
//! headings, `[OPTIONS]`, default and possible values) replaced on the command
//! before it parses, so the help a clerk reads is one language.

use clap::{Arg, ArgAction, Command};

/// The command line with every word clap adds in Japanese.
pub fn japanese(cmd: Command) -> Command {
    let cmd = cmd
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("planpress の版を表示します")
                .help_heading(OPTIONS),
        )
        .disable_help_subcommand(true)
        .subcommand_help_heading("コマンド")
        .subcommand_value_name("コマンド");
    let mut cmd = each(cmd).mut_subcommands(each);
    cmd.build();
    // The usage line as clap writes it, with its one English word translated.
    let usages: Vec<(String, String)> = (cmd.get_subcommands_mut())
        .map(|s| (s.get_name().to_string(), usage(s)))
        .collect();
    let root = usage(&mut cmd);
    let mut cmd = cmd.override_usage(root);
    for (name, u) in usages {
        cmd = cmd.mut_subcommand(name, |s| s.override_usage(u));
    }
    cmd
}

const OPTIONS: &str = "オプション";

/// `planpress help [コマンド]` as clap's own help command took it (that command is
/// replaced, its words being English): `planpress [コマンド] --help`.
pub fn help_as_flag(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut args: Vec<_> = args.collect();
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.truncate(2);
        args.push("--help".into());
    }
    args
}

fn usage(cmd: &mut Command) -> String {
    let u = cmd.render_usage().to_string();
    let u = u.trim().trim_start_matches("Usage:").trim();
    u.replace("[OPTIONS]", "[オプション]")
        .replace("<COMMAND>", "<コマンド>")
}

/// One command: its help flag, headings and the words after each argument's help.
fn each(cmd: Command) -> Command {
    cmd.disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("使い方を表示します")
                .help_heading(OPTIONS),
        )
        .help_template("{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}")
        .mut_args({
            // Arguments under a heading are sorted by name unless ordered.
            let mut order = 0;
            move |a| {
                order += 1;
                arg(a.display_order(order))
            }
        })
}

/// The name shown for an argument's value, in place of clap's upper-cased field
/// name (`<EDITION>`).
fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "edition" => "版のフォルダ",
        "old" => "前年度の版",
        "new" => "今年度の版",
        "from" => "もとの版",
        "to" => "新しい版",
        "pdf" => "PDF",
        "dir" => "フォルダ",
        "folder" => "フォルダ",
        "pages" => "PAGES",
        "files" => "XLSX",
        "format" => "形式",
        "order" => "順",
        "dpi" => "解像度",
        "content" => "DIR",
        "output" => "DIR",
        _ => return None,
    })
}

fn arg(a: Arg) -> Arg {
    let id = a.get_id().as_str().to_string();
    // The derive names a value by its field, upper-cased: those are replaced.
    let upper = id.to_uppercase();
    let derived = a
        .get_value_names()
        .is_none_or(|n| n.iter().all(|v| *v == upper));
    let a = match value_name(&id) {
        Some(name) if derived && a.get_action().takes_values() => a.value_name(name),
        _ => a,
    };
    let heading = if a.is_positional() { "引数" } else { OPTIONS };
    let mut extra = Vec::new();
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let defaults: Vec<String> = (a.get_default_values().iter())
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !help.contains("省略時") {
        extra.push(format!("省略時は {}", defaults.join(" ")));
    }
    let values: Vec<String> = (a.get_possible_values().iter())
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(h) => format!("{}: {h}", v.get_name()),
            None => v.get_name().to_string(),
        })
        .collect();
    let said = (a.get_possible_values().iter()).all(|v| help.contains(v.get_name()));
    if !values.is_empty() && a.get_action().takes_values() && !said {
        extra.push(format!("使える値: {}", values.join("、")));
    }
    let takes = a.get_action().takes_values();
    let a = a
        .help_heading(heading)
        .hide_default_value(takes)
        .hide_possible_values(takes);
    if extra.is_empty() {
        return a;
    }
    a.help(format!("{help}（{}）", extra.join("。")))
}
