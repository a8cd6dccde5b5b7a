//! `planpress watch`: rebuild on every save, keeping Typst's caches warm. Watches
//! the edition folder, the previous edition it names and `--templates`.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use planpress::{Pipeline, Templates, pipeline};

use super::{Result, default_output};
use crate::cli::WatchArgs;

/// Saves closer together than this are one change (an editor's write-and-rename
/// lands within a millisecond; events that arrive during a rebuild are coalesced
/// into the next one).
const DEBOUNCE: Duration = Duration::from_millis(5);

pub fn run(args: WatchArgs) -> Result {
    let config = args.input.config(Some(&args.draft))?;
    let output = args
        .output
        .unwrap_or_else(|| default_output(&args.input.edition, args.draft.draft));
    planpress::outputs::check(&output, args.input.templates.as_deref())?;
    let (tx, rx) = mpsc::channel();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event {
            let _ = tx.send(e);
        }
    })
    .map_err(|e| format!("フォルダを見張れません: {e}"))?;
    let mut folders = Folders {
        watcher,
        watched: Vec::new(),
    };
    folders.follow(&config);
    println!(
        "{} を見張っています（Ctrl+C で終わります）",
        config.edition.display()
    );
    let edition = config.edition.clone();
    let mut pipeline = Pipeline::new(config);
    rebuild(&mut pipeline, &mut folders, &output, true);
    let mut gone = false;
    loop {
        let Ok(first) = rx.recv() else { return Ok(()) };
        let mut relevant = is_relevant(&first, &output, &edition);
        // Debounce: wait until the saves stop.
        while let Ok(e) = rx.recv_timeout(DEBOUNCE) {
            relevant |= is_relevant(&e, &output, &edition);
        }
        if !relevant {
            continue;
        }
        // The edition folder moved away or deleted: say so once, and wait for it
        // to come back (its parent folder is watched for that).
        if !edition.is_dir() {
            folders.follow(pipeline.config());
            if !gone {
                eprintln!(
                    "{}: 版のフォルダ {} がなくなりました（移動か削除）。前の PDF はそのまま残しています。元の場所に戻すと作り直します",
                    clock(),
                    edition.display()
                );
            }
            gone = true;
            continue;
        }
        if gone {
            println!(
                "{}: 版のフォルダ {} が戻りました",
                clock(),
                edition.display()
            );
            gone = false;
        }
        rebuild(&mut pipeline, &mut folders, &output, false);
    }
}

/// The folders whose files a build reads: the edition, the previous edition it
/// names (followed even while either does not load) and `--templates`; and the
/// edition's parent, to see the edition folder go and come back.
struct Folders {
    watcher: RecommendedWatcher,
    watched: Vec<PathBuf>,
}

impl Folders {
    fn follow(&mut self, config: &planpress::Config) {
        let mut wanted = vec![config.edition.clone()];
        if let Some(parent) = config.edition.parent() {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            wanted.push(parent.to_path_buf());
        }
        if let Templates::Dir(t) = &config.templates {
            wanted.push(t.clone());
        }
        wanted
            .extend(planpress::content::previous_named_in(&config.edition).filter(|p| p.is_dir()));
        // A folder gone is watched anew when it is back.
        wanted.retain(|w| w.is_dir());
        for old in self.watched.iter().filter(|w| !wanted.contains(w)) {
            let _ = self.watcher.unwatch(old);
        }
        let mut watched = Vec::new();
        for w in wanted {
            let ok = self.watched.contains(&w) || {
                let r = self.watcher.watch(&w, RecursiveMode::NonRecursive);
                if let Err(e) = &r {
                    eprintln!(
                        "{}: {} を見張れません（このフォルダの保存では作り直しません）: {e}",
                        crate::WARNING,
                        w.display()
                    );
                }
                r.is_ok()
            };
            if ok {
                watched.push(w);
            }
        }
        self.watched = watched;
    }
}

/// A change to a content file or template (not our own output or temporary
/// files), or the edition folder itself going or coming back.
fn is_relevant(event: &notify::Event, output: &Path, edition: &Path) -> bool {
    use notify::EventKind::*;
    matches!(event.kind, Create(_) | Modify(_) | Remove(_))
        && event.paths.iter().any(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let edition_itself = p.file_name() == edition.file_name()
                && p.parent().map(std::fs::canonicalize).and_then(|r| r.ok())
                    == edition
                        .parent()
                        .map(|d| {
                            if d.as_os_str().is_empty() {
                                Path::new(".")
                            } else {
                                d
                            }
                        })
                        .map(std::fs::canonicalize)
                        .and_then(|r| r.ok());
            edition_itself
                || (!name.starts_with('.')
                    && p != output
                    && (name.ends_with(".json")
                        || name.ends_with(".typ")
                        || name.ends_with(".typ.j2")))
        })
}

/// Build and write, and watch what the build read before saying so (a save right
/// after the message is then seen). A failed build is shown; watching goes on.
fn rebuild(pipeline: &mut Pipeline, folders: &mut Folders, output: &Path, first: bool) {
    folders.follow(pipeline.config());
    let start = Instant::now();
    let result = pipeline
        .build()
        .and_then(|built| pipeline::write(output, &built).map(|()| built));
    match result {
        Ok(built) => {
            crate::print_warnings(built.warnings());
            let t = built.timings;
            println!(
                "{}: {} を{}（{} ページ、{:.3} 秒: 読み込み {:.3}・組版 {:.3}・PDF {:.3}）",
                clock(),
                output.display(),
                if first {
                    "作りました"
                } else {
                    "作り直しました"
                },
                built.document.pages().len(),
                start.elapsed().as_secs_f64(),
                t.prepare.as_secs_f64(),
                t.compile.as_secs_f64(),
                t.export.as_secs_f64(),
            );
        }
        Err(e) => {
            crate::print_failure(e.into());
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
