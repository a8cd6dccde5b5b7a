//! A city: a folder of ward editions (`content/`), each built on its own.
//!
//! `build` given such a folder builds every edition in it, on every core; one
//! ward's problem never stops the others, and each ward's outcome is told with
//! its ward's name.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::content::source;
use crate::{BuildError, Config, pipeline};

/// Whether `dir` is an edition folder (it holds `edition.json`).
pub fn is_edition(dir: &Path) -> bool {
    dir.join("edition.json").is_file()
}

/// The edition folders directly inside `dir`, in name order (a folder without
/// `edition.json`, such as the city's common folder, is not an edition).
pub fn editions(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "{} を開けません: {}",
            dir.display(),
            crate::io_message::reason(&e)
        )
    })?;
    let mut found: Vec<PathBuf> = (entries.flatten())
        .map(|e| e.path())
        .filter(|p| is_edition(p))
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(format!(
            "{} は版のフォルダではなく、中に版のフォルダ（edition.json のあるフォルダ）もありません。版のフォルダか、版のフォルダが並ぶフォルダ（例: content）を指定してください",
            dir.display()
        ));
    }
    Ok(found)
}

/// Whether `dir` is a city's common folder (it holds `common.json`, no `edition.json`).
pub fn is_common(dir: &Path) -> bool {
    !is_edition(dir) && dir.join(crate::content::COMMON_FILE).is_file()
}

/// The ward editions beside the common folder `common` that use it, in name order.
pub fn users_of(common: &Path) -> Vec<PathBuf> {
    let Ok(here) = common.canonicalize() else {
        return Vec::new();
    };
    let entries = std::fs::read_dir(crate::content::folder_of(common));
    let mut found: Vec<PathBuf> = (entries.into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|w| is_edition(w))
        .filter(|w| {
            let named = crate::content::common_named_in(w).and_then(|c| c.canonicalize().ok());
            named.is_some_and(|c| c == here)
        })
        .collect();
    found.sort();
    found
}

/// How a ward is named in every line told about it: 「みどり区（large-ward）」,
/// the ward as its `edition.json` names it (read even when the edition does not
/// load), and its folder.
pub fn ward_label(dir: &Path) -> String {
    let folder = crate::content::load::folder_name(dir);
    let bytes = source::read_regular(&dir.join("edition.json")).ok();
    let text = bytes.and_then(|b| String::from_utf8(b).ok());
    let text = text.map(|t| t.trim_start_matches('\u{feff}').to_string());
    let value: Option<serde_json::Value> = text.and_then(|t| serde_json::from_str(&t).ok());
    let ward = value.as_ref().and_then(|v| v.get("ward")?.as_str());
    match ward.map(str::trim).filter(|w| !w.is_empty()) {
        Some(w) => format!("{w}（{folder}）"),
        None => folder,
    }
}

/// One ward's build: where its PDF goes, and how it went.
pub struct WardJob {
    pub config: Config,
    pub output: PathBuf,
}

/// What became of one ward.
pub struct WardOutcome {
    /// 「みどり区（large-ward）」
    pub label: String,
    pub output: PathBuf,
    /// The pages and warnings of the PDF written, or why none was.
    pub result: Result<WardBuilt, BuildError>,
}

/// A ward's PDF, written.
pub struct WardBuilt {
    pub pages: usize,
    pub warnings: Vec<String>,
}

/// Build every job, `threads` at a time (each build is independent; Typst's
/// own caches are shared and thread-safe), each PDF written atomically as soon
/// as it is built. The outcomes come back in the jobs' order.
pub fn build_all(jobs: &[WardJob], threads: usize) -> Vec<WardOutcome> {
    each(jobs, threads, build_one)
}

/// `f` on every job, `threads` at a time; the results in the jobs' order.
pub fn each<J: Sync, T: Send>(jobs: &[J], threads: usize, f: impl Fn(&J) -> T + Sync) -> Vec<T> {
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<T>>> = Mutex::new(jobs.iter().map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, jobs.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let outcome = f(job);
                    done.lock().expect("no worker panics holding it")[i] = Some(outcome);
                }
            });
        }
    });
    let done = done.into_inner().expect("every worker has ended");
    done.into_iter()
        .map(|o| o.expect("every job was taken"))
        .collect()
}

/// The cores to build on.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn build_one(job: &WardJob) -> WardOutcome {
    let result = pipeline::build(&job.config).and_then(|built| {
        pipeline::write(&job.output, &built)?;
        Ok(WardBuilt {
            pages: built.document.pages().len(),
            warnings: built.prepared.warnings,
        })
    });
    // A ward built leaves little another ward reuses: drop what no compile has
    // used since the last two wards ended, or Typst's cache holds every ward
    // (24 wards: 1.55 GB; 384 MB with this).
    typst::comemo::evict(2);
    WardOutcome {
        label: ward_label(&job.config.edition),
        output: job.output.clone(),
        result,
    }
}

/// The lines a clerk reads about one ward: one line saying what became of it,
/// then (when it failed) each problem, one a line, named with the ward.
pub fn report(outcome: &WardOutcome) -> Vec<String> {
    let label = &outcome.label;
    match &outcome.result {
        Ok(b) => {
            let mut lines = vec![format!(
                "{label}: {} を作りました（{} ページ）",
                outcome.output.display(),
                b.pages
            )];
            let warned = b.warnings.iter().map(|w| format!("  {label} 注意: {w}"));
            lines.extend(warned);
            lines
        }
        Err(e) => {
            let mut lines = vec![format!(
                "{label}: PDF を作れませんでした（{}）。次の問題を直して、もう一度実行してください:",
                what_failed(e)
            )];
            lines.extend(problems(e).into_iter().map(|p| format!("  {label} {p}")));
            lines
        }
    }
}

/// The last line of a city's build: how many wards were built, and which not.
pub fn tally(outcomes: &[WardOutcome]) -> (bool, String) {
    let failed: Vec<&str> = (outcomes.iter())
        .filter(|o| o.result.is_err())
        .map(|o| o.label.as_str())
        .collect();
    let total = outcomes.len();
    if failed.is_empty() {
        return (true, format!("{total} 区すべての PDF を作りました"));
    }
    let line = format!(
        "{total} 区のうち {} 区の PDF を作りました。作れなかった区: {}",
        total - failed.len(),
        failed.join("、")
    );
    (false, line)
}

pub fn what_failed(e: &BuildError) -> String {
    match e {
        BuildError::Content(c) => format!("内容の問題 {} 件", c.errors.len() + c.more),
        BuildError::Incomplete(g) => format!("未収録の箇所 {} 件", g.len()),
        BuildError::Layout(..) => "紙面に収まらない箇所があります".into(),
        BuildError::Write { .. } => "書き出せません".into(),
        BuildError::Render(_) | BuildError::Compile(..) => "planpress の不具合です".into(),
    }
}

/// Each problem on one line: the file, the place and item, what to do.
pub fn problems(e: &BuildError) -> Vec<String> {
    match e {
        BuildError::Content(c) => {
            let mut lines: Vec<String> = c.errors.iter().map(|p| p.to_string()).collect();
            if c.more > 0 {
                lines.push(format!("ほかに {} 件の問題があります", c.more));
            }
            if let Some(prev) = &c.previous {
                let prev = prev.errors.iter();
                lines.extend(prev.map(|p| format!("前年度の版 {}", p)));
            }
            lines
        }
        other => other.to_string().lines().map(String::from).collect(),
    }
}
