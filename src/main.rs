//! The `planpress` command: dispatch, print, exit.

mod cli;
mod watch;

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use cli::{
    ArchiveArgs, BuildArgs, CheckArgs, Cli, Command, DiffArgs, DiffFormat, ExtractArgs, NewArgs,
    PreviewArgs, SchemaArgs, WebArgs,
};
use planpress::{BuildError, Templates};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build(args),
        Command::Check(args) => check(args),
        Command::Schema(args) => schema(args),
        Command::Extract(args) => extract(args),
        Command::Diff(args) => diff(args),
        Command::Watch(args) => {
            let output = args
                .output
                .clone()
                .unwrap_or_else(|| default_output(&args.edition));
            let draft = args.draft.then(today);
            let options = planpress::Options {
                templates: templates(args.templates),
                draft,
            };
            watch::watch(&args.edition, &output, options, report)
        }
        Command::Preview(args) => preview(args),
        Command::Web(args) => web(args),
        Command::Fmt(args) => fmt_edition(args),
        Command::Sheets(args) => sheets(args),
        Command::Import(args) => import(args),
        Command::New(args) => new(args),
        Command::Archive(args) => archive(args),
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
    let draft = if args.draft {
        Some(match &args.date {
            Some(d) => match planpress::content::date::Date::parse(d) {
                Ok(date) if date.day.is_some() => date.to_string(),
                Ok(_) => {
                    return Err(format!(
                        "--date は日まで書いてください（例: 2026-11-25）: {d}"
                    ));
                }
                Err(e) => return Err(format!("--date: {e}")),
            },
            None => today(),
        })
    } else {
        None
    };
    let options = planpress::Options {
        templates: templates(args.templates),
        draft,
    };
    let built = match planpress::build_with(&args.edition, &options) {
        Ok(built) => built,
        Err(e) => {
            // The source Typst refused is what one wants to read then.
            if let (BuildError::Compile(_, generated), Some(dir)) = (&e, &args.emit_typst) {
                emit_typst(dir, generated, &[])?;
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
        emit_typst(dir, &built.generated, &built.attachments)?;
        println!("Typst のソースを書き出しました: {}", dir.display());
    }
    planpress::fs::write_atomic(&output, &built.pdf).map_err(|e| {
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
    let differing = planpress::fmt::differing(&content);
    if !differing.is_empty() {
        println!(
            "お知らせ: 次のファイルは決まった書式と違います（内容は問題ありません）。`planpress fmt {}` で整えられます: {}",
            args.edition.display(),
            differing.join(", ")
        );
    }
    println!("{}: 問題は見つかりませんでした", args.edition.display());
    Ok(())
}

fn schema(args: SchemaArgs) -> Result<(), String> {
    let err = |e: std::io::Error| format!("{} に書き出せません: {e}", args.output.display());
    fs::create_dir_all(&args.output).map_err(err)?;
    for (name, text) in planpress::schema::schemas() {
        planpress::fs::write_atomic(&args.output.join(&name), text.as_bytes()).map_err(err)?;
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

fn diff(args: DiffArgs) -> Result<(), String> {
    let load =
        |dir: &Path| planpress::content::load(dir).map_err(|e| report(BuildError::Content(e)));
    let changes = planpress::diff::diff(&load(&args.old)?, &load(&args.new)?);
    match args.format {
        DiffFormat::Text => print!("{}", planpress::diff::render_text(&changes)),
        DiffFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&changes).expect("changes serialise")
        ),
    }
    Ok(())
}

fn web(args: WebArgs) -> Result<(), String> {
    let content =
        planpress::content::load(&args.edition).map_err(|e| report(BuildError::Content(e)))?;
    let files =
        planpress::render::render_web(&content).map_err(|e| report(BuildError::Render(e)))?;
    let dir = args
        .output
        .unwrap_or_else(|| default_dir(&args.edition, "web"));
    for (name, bytes) in &files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("{} を作れません: {e}", parent.display()))?;
        }
        planpress::fs::write_atomic(&path, bytes)
            .map_err(|e| format!("{} に書き出せません: {e}", path.display()))?;
    }
    println!(
        "ホームページ用の HTML 版を作りました: {}",
        dir.join("index.html").display()
    );
    Ok(())
}

fn sheets(args: cli::SheetsArgs) -> Result<(), String> {
    let content =
        planpress::content::load(&args.edition).map_err(|e| report(BuildError::Content(e)))?;
    let dir = args
        .output
        .unwrap_or_else(|| default_dir(&args.edition, "sheets"));
    fs::create_dir_all(&dir).map_err(|e| format!("{} を作れません: {e}", dir.display()))?;
    let files = planpress::sheets::export(&content)?;
    for (name, bytes) in &files {
        planpress::fs::write_atomic(&dir.join(name), bytes)
            .map_err(|e| format!("{} に書き出せません: {e}", dir.join(name).display()))?;
    }
    println!(
        "{} 部署分の Excel ファイルを {} に作りました",
        files.len(),
        dir.display()
    );
    Ok(())
}

fn import(args: cli::ImportArgs) -> Result<(), String> {
    let content =
        planpress::content::load(&args.edition).map_err(|e| report(BuildError::Content(e)))?;
    let returned = planpress::sheets::read_all(&content, &args.files).map_err(|errors| {
        let mut s = format!(
            "返送されたファイルに {} 件の問題があります。直してから、もう一度読み込んでください:\n",
            errors.len()
        );
        for e in errors {
            s.push_str(&format!("- {e}\n"));
        }
        s
    })?;
    let changes = planpress::sheets::changes(&content, &returned);
    print!("{}", planpress::diff::render_text(&changes));
    if args.apply {
        match planpress::sheets::apply(&content, &returned)? {
            Some(file) => println!("{} に書き込みました", args.edition.join(file).display()),
            None => println!("書き込む変更はありませんでした"),
        }
    } else if !changes.is_empty() {
        println!("\n内容ファイルに書き込むには --apply を付けて実行してください");
    }
    Ok(())
}

fn fmt_edition(args: cli::FmtArgs) -> Result<(), String> {
    let changed = planpress::fmt::format_edition(&args.edition)?;
    if changed.is_empty() {
        println!("{}: すべて決まった書式でした", args.edition.display());
    } else {
        println!("書式を整えました: {}", changed.join(", "));
    }
    Ok(())
}

fn preview(args: PreviewArgs) -> Result<(), String> {
    let built = planpress::build(&args.edition, &templates(args.templates)).map_err(report)?;
    let labels = planpress::preview::page_labels(&built.document);
    let pages = planpress::preview::select(&labels, &args.pages)?;
    let files = planpress::preview::render(&built.document, &pages, &args.output, args.dpi)?;
    for f in &files {
        println!("{f}");
    }
    Ok(())
}

fn new(args: NewArgs) -> Result<(), String> {
    let files = planpress::new::next_edition(&args.from, &args.to)?;
    println!(
        "{} から {} を作りました（{} ファイル）。年度と日付を1年進め、実施結果を空にしました。目標を見直してください",
        args.from.display(),
        args.to.display(),
        files.len()
    );
    Ok(())
}

fn archive(args: ArchiveArgs) -> Result<(), String> {
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
        ));
    }
    if report.verified {
        println!(
            "保管済みの版はすべて前回と同じでした（{}）",
            args.output.join("manifest.json").display()
        );
    }
    Ok(())
}

/// Today's date (UTC), YYYY-MM-DD, for a draft's stamp.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The edition folder's name: `content/miyamae-r2` → `miyamae-r2`.
fn edition_name(edition: &Path) -> String {
    edition
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "edition".into())
}

/// `out/<edition>.pdf`
fn default_output(edition: &Path) -> PathBuf {
    PathBuf::from("out").join(format!("{}.pdf", edition_name(edition)))
}

/// `out/<edition>-<what>/`
fn default_dir(edition: &Path, what: &str) -> PathBuf {
    PathBuf::from("out").join(format!("{}-{what}", edition_name(edition)))
}

/// Write what the World served: the generated source, the style module(s) and the
/// files it attaches, so `typst compile DIR/main.typ --font-path fonts` compiles it.
fn emit_typst(
    dir: &Path,
    generated: &planpress::Generated,
    files: &[(String, Vec<u8>)],
) -> Result<(), String> {
    let err = |e: std::io::Error| format!("{} に書き出せません: {e}", dir.display());
    fs::create_dir_all(dir).map_err(err)?;
    fs::write(dir.join("main.typ"), &generated.main).map_err(err)?;
    for (name, text) in &generated.modules {
        fs::write(dir.join(name), text).map_err(err)?;
    }
    for (name, bytes) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(err)?;
        }
        fs::write(path, bytes).map_err(err)?;
    }
    Ok(())
}
