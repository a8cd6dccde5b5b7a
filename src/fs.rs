//! Writing files so that a reader never sees half of one.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

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
