//! A writer's lock on one content file: a lock file created beside it with
//! `create_new` (atomic on every system, Windows and network drives included),
//! removed when the write is done. One left by a killed run is taken over once
//! its process is gone (where that can be told) or it is older than [`STALE`].

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// A lock older than this was left by a run that stopped: a write holds it for
/// the time of reading and writing one file.
const STALE: Duration = Duration::from_secs(20);
/// How long a writer waits for another one's lock before giving up (longer than
/// [`STALE`], so a lock a killed run left never stops the next one).
const WAIT: Duration = Duration::from_secs(25);

/// The lock file of `path`: `.<name>.lock` in the same folder.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.lock"))
}

/// Held while one file is compared and replaced; the lock file goes on drop.
pub struct Lock {
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Why the lock could not be taken.
pub enum LockError {
    /// Another writer held it for all of [`WAIT`].
    Busy(PathBuf),
    /// The lock file could not be made (a read-only folder, a full disk…).
    Io(std::io::Error),
}

/// Take the lock of `path`, waiting while another writer holds it.
pub fn lock(path: &Path) -> Result<Lock, LockError> {
    let lock = lock_path(path);
    let start = Instant::now();
    loop {
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock)
        {
            Ok(mut f) => {
                // Who holds it, for the stale test of the next writer.
                let _ = write!(f, "{}", std::process::id());
                return Ok(Lock { path: lock });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if is_stale(&lock) {
                    let _ = fs::remove_file(&lock);
                    continue;
                }
                if start.elapsed() > WAIT {
                    return Err(LockError::Busy(lock));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(LockError::Io(e)),
        }
    }
}

/// A lock whose process has ended, or that nobody has touched for [`STALE`].
fn is_stale(lock: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(lock) else {
        return false;
    };
    let old = meta.modified().is_ok_and(|m| {
        SystemTime::now()
            .duration_since(m)
            .is_ok_and(|age| age > STALE)
    });
    let gone = fs::read_to_string(lock)
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
        .is_some_and(super::process_gone);
    old || gone
}
