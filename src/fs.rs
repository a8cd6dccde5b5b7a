//! Writing files so that a reader never sees half of one; reading only regular files.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Write `bytes` to `path` through a temporary file in the same folder and a rename,
/// so a reader never sees a half-written PDF and a failed build leaves the old one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temporaries(dir, &name);
    // Unique per process and per call, so racing builds never share a temporary file.
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A temporary file of `write_atomic` for `name` left by a killed run: our naming
/// pattern, a regular file, and either its process is gone (where that can be told)
/// or it has not been touched for ten minutes.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|f| f.strip_suffix(".tmp"))
            .and_then(|f| f.split_once('-'))
            .filter(|(p, n)| is_digits(p) && is_digits(n))
            .and_then(|(p, _)| p.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta.modified().is_ok_and(|m| {
            SystemTime::now()
                .duration_since(m)
                .is_ok_and(|age| age > Duration::from_secs(600))
        });
        if meta.is_file() && (old || process_gone(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether process `pid` has ended; false where that cannot be told.
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    pid != std::process::id() && proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

/// Read `path` if it is a regular file of at most `limit` bytes: a folder, a pipe or
/// a device is refused without opening it, so reading never hangs.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let not_regular = || {
        format!(
            "{shown} はふつうのファイルではないため読みませんでした（フォルダやパイプなどは読めません）"
        )
    };
    let too_large = || {
        format!(
            "{shown} は大きすぎるため読みませんでした（{} MB まで）",
            limit / 1_000_000
        )
    };
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{shown} が見つかりません"),
        _ => format!("{shown} を読めません: {e}"),
    })?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > limit {
        return Err(too_large());
    }
    let file = fs::File::open(path).map_err(|e| format!("{shown} を読めません: {e}"))?;
    // It may have been swapped since: check what was opened.
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(not_regular());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown} を読めません: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Write `files` (path relative to `dir`, bytes) under `dir`, each atomically,
/// creating the folders they need. The first failure is returned with its path.
pub fn write_all(
    dir: &Path,
    files: &[(String, Vec<u8>)],
) -> Result<(), (std::path::PathBuf, std::io::Error)> {
    for (name, bytes) in files {
        let path = dir.join(name);
        write_atomic(&path, bytes).map_err(|e| (path, e))?;
    }
    Ok(())
}
