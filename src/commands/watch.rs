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
    let places = Places::new(&edition, &output);
    let mut gone = false;
    loop {
        let Ok(first) = rx.recv() else { return Ok(()) };
        let mut seen = places.classify(&first);
        // Debounce: wait until the saves stop.
        while let Ok(e) = rx.recv_timeout(DEBOUNCE) {
            seen = seen.max(places.classify(&e));
        }
        if seen == Seen::Nothing {
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
        } else if seen == Seen::Edition {
            // Moved away and back (or replaced by a copy) between two looks: the
            // old watch may follow the folder that left, so it is renewed.
            println!(
                "{}: 版のフォルダ {} が移動されたか入れ替えられました。見張り直して作り直します",
                clock(),
                edition.display()
            );
        }
        if seen == Seen::Edition {
            folders.forget(&edition);
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
        // The city's common folder: a change of the common wording rebuilds.
        wanted.extend(planpress::content::common_named_in(&config.edition).filter(|p| p.is_dir()));
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

    /// Drop the watch on `dir`, so the next `follow` watches the folder now there.
    fn forget(&mut self, dir: &Path) {
        let _ = self.watcher.unwatch(dir);
        self.watched.retain(|w| w != dir);
    }
}

/// What a batch of events touched, least to most.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Seen {
    Nothing,
    Content,
    /// The edition folder itself went, came back or was replaced.
    Edition,
}

/// Where the edition and the output really are, to sort events.
struct Places {
    /// The edition folder as given, to read the folders it names beside it.
    edition: PathBuf,
    /// The edition folder's parent, watched only to see the edition go and come back.
    parent: Option<PathBuf>,
    name: Option<std::ffi::OsString>,
    output: PathBuf,
}

impl Places {
    fn new(edition: &Path, output: &Path) -> Self {
        Places {
            edition: edition.to_path_buf(),
            parent: real(edition).and_then(|e| e.parent().map(Path::to_path_buf)),
            name: real(edition).and_then(|e| e.file_name().map(|n| n.to_owned())),
            output: real(output)
                .unwrap_or_else(|| std::path::absolute(output).unwrap_or(output.into())),
        }
    }

    /// A change to a content file or template (never our own output, its
    /// temporary files, or another file beside the edition folder), or the
    /// edition folder itself going or coming back.
    fn classify(&self, event: &notify::Event) -> Seen {
        use notify::EventKind::*;
        use notify::event::ModifyKind;
        if !matches!(event.kind, Create(_) | Modify(_) | Remove(_)) {
            return Seen::Nothing;
        }
        // The common folder or previous edition beside it, named by edition.json
        // (coming back, it is followed from the rebuild on).
        let named = [
            planpress::content::common_named_in(&self.edition),
            planpress::content::previous_named_in(&self.edition),
        ];
        let named: Vec<PathBuf> = named.iter().flatten().filter_map(|p| real(p)).collect();
        let seen = |p: &PathBuf| {
            let Some(path) = real(p) else {
                return Seen::Nothing;
            };
            if named.contains(&path) {
                return Seen::Content;
            }
            let beside = path.parent().map(Path::to_path_buf) == self.parent;
            if beside && path.file_name() == self.name.as_deref() {
                // Moved, created or removed; not a touch or a change of rights.
                let moved = !matches!(
                    event.kind,
                    Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_))
                );
                return if moved { Seen::Edition } else { Seen::Nothing };
            }
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let content =
                name.ends_with(".json") || name.ends_with(".typ") || name.ends_with(".typ.j2");
            if beside || path == self.output || name.starts_with('.') || !content {
                Seen::Nothing
            } else {
                Seen::Content
            }
        };
        event.paths.iter().map(seen).max().unwrap_or(Seen::Nothing)
    }
}

/// `path` with its folder's real location (symbolic links and `.` resolved); the
/// file itself need not exist any more.
fn real(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let name = absolute.file_name()?;
    let parent = absolute.parent()?;
    Some(parent.canonicalize().ok()?.join(name))
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
