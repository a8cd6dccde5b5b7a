//! `planpress watch`: rebuild on every save, keeping Typst's caches warm.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use planpress::session::Session;
use planpress::{BuildError, Options, Templates};

/// Saves closer together than this are one change (an editor's write-and-rename
/// lands within a millisecond; events that arrive during a rebuild are coalesced
/// into the next one).
const DEBOUNCE: Duration = Duration::from_millis(5);

pub fn watch(
    dir: &Path,
    output: &Path,
    options: Options,
    report: impl Fn(BuildError) -> String,
) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event {
            let _ = tx.send(e);
        }
    })
    .map_err(|e| format!("フォルダを見張れません: {e}"))?;
    let mut watched: Vec<PathBuf> = vec![dir.to_path_buf()];
    if let Templates::Dir(t) = &options.templates {
        watched.push(t.clone());
    }
    for w in &watched {
        watcher
            .watch(w, RecursiveMode::NonRecursive)
            .map_err(|e| format!("{} を見張れません: {e}", w.display()))?;
    }
    println!("{} を見張っています（Ctrl+C で終わります）", dir.display());
    let mut session = Session::new(dir, options);
    rebuild(&mut session, output, &report, true);
    loop {
        let Ok(first) = rx.recv() else { return Ok(()) };
        let mut relevant = is_relevant(&first, output);
        // Debounce: wait until the saves stop.
        while let Ok(e) = rx.recv_timeout(DEBOUNCE) {
            relevant |= is_relevant(&e, output);
        }
        if relevant {
            rebuild(&mut session, output, &report, false);
        }
    }
}

/// A change to a content file or template (not our own output or temporary files).
fn is_relevant(event: &notify::Event, output: &Path) -> bool {
    use notify::EventKind::*;
    matches!(event.kind, Create(_) | Modify(_) | Remove(_))
        && event.paths.iter().any(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.')
                && p != output
                && (name.ends_with(".json") || name.ends_with(".typ") || name.ends_with(".typ.j2"))
        })
}

fn rebuild(
    session: &mut Session,
    output: &Path,
    report: &impl Fn(BuildError) -> String,
    first: bool,
) {
    let start = Instant::now();
    match session.rebuild() {
        Ok(r) => {
            for w in &r.warnings {
                eprintln!("警告: {w}");
            }
            if let Err(e) = planpress::fs::write_atomic(output, &r.pdf) {
                eprintln!("PDF を書き出せません（{}）: {e}", output.display());
                return;
            }
            println!(
                "{}: {} を{}（{} ページ、{:.3} 秒: 読み込み {:.3}・組版 {:.3}・PDF {:.3}）",
                clock(),
                output.display(),
                if first {
                    "作りました"
                } else {
                    "作り直しました"
                },
                r.pages,
                start.elapsed().as_secs_f64(),
                r.prepare.as_secs_f64(),
                r.compile.as_secs_f64(),
                r.export.as_secs_f64(),
            );
        }
        Err(e) => {
            eprint!("{}", report(e));
            eprintln!(
                "{}: 前の PDF はそのまま残しています。直して保存すると作り直します",
                clock()
            );
        }
    }
}

/// The time of day (UTC), for the log.
fn clock() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "{:02}:{:02}:{:02}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}
