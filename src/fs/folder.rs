//! A new folder written all or nothing: its files go into a temporary folder
//! beside it, which is renamed into place once every file is written. A full
//! disk or a killed run leaves no half folder where the new one belongs.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Write `files` (path relative to `dir`, bytes) as the new folder `dir`, which
/// must not exist or be empty. On failure, the file that failed and why; nothing
/// is left of this run.
pub fn write_new_folder(
    dir: &Path,
    files: &[(String, Vec<u8>)],
) -> Result<(), (PathBuf, std::io::Error)> {
    write_through(dir, files, |path, bytes| {
        let mut f = fs::File::create_new(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    })
}

/// `write_new_folder` with the writer of each file given (tests make one fail).
pub(super) fn write_through(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    mut write: impl FnMut(&Path, &[u8]) -> std::io::Result<()>,
) -> Result<(), (PathBuf, std::io::Error)> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = dir
        .file_name()
        .map(|n| super::temp_stem(&n.to_string_lossy()).to_string())
        .unwrap_or_default();
    fs::create_dir_all(parent).map_err(|e| (parent.to_path_buf(), e))?;
    remove_stale(parent, &name);
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = parent.join(format!(".{name}.new-{}-{n}.tmp", std::process::id()));
    fs::create_dir(&tmp).map_err(|e| (dir.to_path_buf(), e))?;
    let result = (|| {
        for (file, bytes) in files {
            let path = tmp.join(file);
            if let Some(p) = path.parent() {
                fs::create_dir_all(p).map_err(|e| (dir.join(file), e))?;
            }
            write(&path, bytes).map_err(|e| (dir.join(file), e))?;
        }
        // An empty folder there is replaced (Windows renames onto nothing); one
        // that got files meanwhile is not, and the rename then fails.
        if fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
            fs::remove_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
        }
        fs::rename(&tmp, dir).map_err(|e| (dir.to_path_buf(), e))
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

/// Temporary folders of `name` left by a killed run.
fn remove_stale(parent: &Path, name: &str) {
    for entry in super::stale_temporaries(parent, &format!(".{name}.new-")) {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The disk fills at the 7th of 9 files: no folder where the edition belongs,
    /// nothing left beside it, and the rerun makes the whole folder.
    #[test]
    fn a_failed_write_leaves_no_half_folder() {
        let parent = std::env::temp_dir().join(format!("planpress-folder-{}", std::process::id()));
        let _ = fs::remove_dir_all(&parent);
        fs::create_dir_all(&parent).unwrap();
        let dir = parent.join("r4");
        let files: Vec<(String, Vec<u8>)> = (1..=9)
            .map(|i| (format!("{i}.json"), vec![b'x'; i]))
            .collect();
        let mut n = 0;
        let full = |path: &Path, bytes: &[u8]| {
            n += 1;
            if n == 7 {
                return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
            }
            fs::write(path, bytes)
        };
        let (path, e) = write_through(&dir, &files, full).unwrap_err();
        assert_eq!(path, dir.join("7.json"));
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
        assert!(!dir.exists());
        assert_eq!(fs::read_dir(&parent).unwrap().count(), 0);
        // An empty folder made beforehand is filled the same way, and a killed
        // run's temporary folder (its process gone) is cleared away.
        fs::create_dir(&dir).unwrap();
        if Path::new("/proc/self").exists() {
            let mut child = std::process::Command::new("true").spawn().unwrap();
            let pid = child.id();
            child.wait().unwrap();
            let killed = parent.join(format!(".r4.new-{pid}-0.tmp"));
            fs::create_dir(&killed).unwrap();
            fs::write(killed.join("1.json"), b"x").unwrap();
        }
        write_new_folder(&dir, &files).unwrap();
        let mut names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names.len(), 9);
        assert_eq!(fs::read(dir.join("9.json")).unwrap(), vec![b'x'; 9]);
        assert_eq!(fs::read_dir(&parent).unwrap().count(), 1);
        fs::remove_dir_all(&parent).unwrap();
    }
}
