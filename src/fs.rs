//! Writing files so that a reader never sees half of one; reading only regular files.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

mod folder;
mod lock;
pub use folder::write_new_folder;
pub use lock::lock_path;

/// Write `bytes` to `path` through a temporary file in the same folder and a rename,
/// so a reader never sees a half-written PDF and a failed build leaves the old one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through(path, bytes, |from, to| fs::rename(from, to))
}

/// `write_atomic` with the final rename given (tests simulate Windows refusing it).
fn write_through(
    path: &Path,
    bytes: &[u8],
    rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    check_file_path(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    // The rename would replace a device or a pipe named as the output (as an
    // administrator, `-o /dev/full` replaced the device).
    if fs::symlink_metadata(path).is_ok_and(|m| {
        let t = m.file_type();
        !t.is_file() && !t.is_dir() && !t.is_symlink()
    }) {
        return Err(std::io::Error::other(NotRegular));
    }
    let name = path
        .file_name()
        .map(|n| temp_stem(&n.to_string_lossy()).to_string())
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
        drop(f);
        replace(&tmp, path, rename)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Rename `tmp` onto `path`. On Windows this fails while another program holds
/// `path` open (a PDF viewer does): told as [`InUse`], the old file kept.
fn replace(
    tmp: &Path,
    path: &Path,
    rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    rename(tmp, path).map_err(|e| {
        if held_open(&e) && fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
            std::io::Error::new(e.kind(), InUse)
        } else {
            e
        }
    })
}

/// Access denied, or (Windows) a sharing or lock violation: what replacing a file
/// another program has open (or a read-only file) fails with.
fn held_open(e: &std::io::Error) -> bool {
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    e.kind() == std::io::ErrorKind::PermissionDenied
        || (cfg!(windows)
            && matches!(
                e.raw_os_error(),
                Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
            ))
}

/// Refuse a folder given where a file is to be written: `.`, `/`, `..`, a name
/// ending in a separator, or a folder that exists (`-o .` was told 「ほかのソフトが
/// 使用中」 and `-o dir/` 「途中にファイル」).
pub fn check_file_path(path: &Path) -> std::io::Result<()> {
    let text = path.as_os_str().to_string_lossy();
    let folder = path.file_name().is_none()
        || text.ends_with('/')
        || (cfg!(windows) && text.ends_with('\\'))
        || fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    if folder {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            FolderGiven,
        ));
    }
    Ok(())
}

/// A folder was given where a file is to be written.
#[derive(Debug)]
pub struct FolderGiven;

impl std::fmt::Display for FolderGiven {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ファイルではなくフォルダです。フォルダの中のファイル名まで指定してください")
    }
}

impl std::error::Error for FolderGiven {}

/// Whether `e` is [`FolderGiven`].
pub fn is_folder_given(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|r| r.is::<FolderGiven>())
}

/// The output exists and could not be replaced: open in another program (a PDF
/// viewer, on Windows) or read-only. The previous file is kept as it was.
#[derive(Debug)]
pub struct InUse;

impl std::fmt::Display for InUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "ほかのソフト（PDF を表示しているソフトなど）が開いているか読み取り専用のため、置き換えられません。前のファイルはそのまま残しています。そのファイルを閉じてから、もう一度実行してください",
        )
    }
}

impl std::error::Error for InUse {}

/// Whether `e` is [`InUse`].
pub fn is_in_use(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|r| r.is::<InUse>())
}

/// The part of an output's name its temporary file's name starts with: at most
/// 200 bytes, so that with the rest (about 25) it stays within the 255 a file
/// name may have, whatever the output's own name.
fn temp_stem(name: &str) -> &str {
    let mut end = name.len().min(200);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// An output that exists and is neither a file nor a folder (a device, a pipe).
#[derive(Debug)]
pub struct NotRegular;

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "普通のファイルではありません（装置やパイプのファイルには書き出しません）。別のファイル名を指定してください",
        )
    }
}

impl std::error::Error for NotRegular {}

/// A temporary file of `write_atomic` for `name` left by a killed run: our naming
/// pattern, a regular file, and either its process is gone (where that can be told)
/// or it has not been touched for ten minutes.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    for entry in stale_temporaries(dir, &format!(".{name}.")) {
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The entries of `dir` named as our temporaries are (`{prefix}{pid}-{n}.tmp`)
/// whose process is gone or, where that cannot be told, that have not been
/// touched for ten minutes: left by a killed run.
pub(crate) fn stale_temporaries(dir: &Path, prefix: &str) -> Vec<fs::DirEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    (entries.flatten())
        .filter(|entry| {
            let file = entry.file_name();
            let Some(pid) = file
                .to_str()
                .and_then(|f| f.strip_prefix(prefix))
                .and_then(|f| f.strip_suffix(".tmp"))
                .and_then(|f| f.split_once('-'))
                .filter(|(p, n)| is_digits(p) && is_digits(n))
                .and_then(|(p, _)| p.parse::<u32>().ok())
            else {
                return false;
            };
            let old = fs::symlink_metadata(entry.path()).is_ok_and(|meta| {
                meta.modified().is_ok_and(|m| {
                    SystemTime::now()
                        .duration_since(m)
                        .is_ok_and(|age| age > Duration::from_secs(600))
                })
            });
            old || process_gone(pid)
        })
        .collect()
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether process `pid` has ended; false where that cannot be told.
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    pid != std::process::id() && proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

/// Whether `read_regular` reads through a symbolic link.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// A file the clerk named on the command line: a link to a regular file is read.
    Follow,
    /// A file found in a folder (content, templates, the archive): a link is refused,
    /// so no file from elsewhere on the machine gets in.
    Refuse,
    /// A content file: as `Refuse`, and a file with more than one name (a hard
    /// link, which may be a file from elsewhere) is refused too.
    Content,
}

/// Read `path` if it is a regular file of at most `limit` bytes: a folder, a pipe or
/// a device is refused without opening it, so reading never hangs, and a file that
/// grows while read is never read past the limit. The error is the reason, in
/// Japanese (the caller names the file).
pub fn read_regular(path: &Path, limit: u64, links: Links) -> Result<Vec<u8>, String> {
    let reason = |e: std::io::Error| crate::io_message::reason(&e);
    let meta = match links {
        Links::Follow => fs::metadata(path),
        Links::Refuse | Links::Content => fs::symlink_metadata(path),
    }
    .map_err(reason)?;
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err("シンボリックリンク（ショートカットのような別名のファイル）は読みません。リンク先のファイルそのものをフォルダに置いてください".into());
    }
    if kind.is_dir() {
        return Err(match links {
            // Named on the command line: the clerk meant a file in it.
            Links::Follow => {
                "ファイルではなくフォルダです。フォルダの中のファイルを指定してください"
            }
            Links::Refuse | Links::Content => {
                "ファイルではなくフォルダです。同じ名前のフォルダを別の名前にしてください"
            }
        }
        .into());
    }
    let not_regular = || {
        "普通のファイルではありません（パイプや装置のファイルは読みません）。普通のファイルを置いてください".to_string()
    };
    if !kind.is_file() {
        return Err(not_regular());
    }
    if links == Links::Content && linked_elsewhere(&meta) {
        return Err(HARD_LINK.into());
    }
    let too_big = || {
        format!(
            "ファイルが大きすぎます（{} MB まで）。ファイルの中身を確かめてください",
            limit / 1024 / 1024
        )
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let file = fs::File::open(path).map_err(reason)?;
    // It may have been swapped since: check what was opened.
    let opened = file.metadata().map_err(reason)?;
    if !opened.is_file() {
        return Err(not_regular());
    }
    if links == Links::Content && linked_elsewhere(&opened) {
        return Err(HARD_LINK.into());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(reason)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Replace the content file `path` with `bytes`, but only if it still holds `read`,
/// the bytes the writer read it as (`None`: it must not exist): compared, then
/// replaced atomically, under a lock beside it. Every program that rewrites a
/// clerk's file (import, fmt, the editor) writes through this, so two at once
/// never silently lose one's edits: the later one stops and says so.
/// The error is the clerk's message, naming the file.
pub fn write_content(path: &Path, read: Option<&[u8]>, bytes: &[u8]) -> Result<(), String> {
    let shown = path.display();
    let cannot =
        |e: &std::io::Error| format!("{shown} に書き込めません: {}", crate::io_message::reason(e));
    let _lock = lock::lock(path).map_err(|e| match e {
        lock::LockError::Busy(l) => format!(
            "{shown} は、ほかのプログラムが書き込んでいる最中です（{} があります）。何も書き込みませんでした。少し待ってから、もう一度実行してください",
            l.display()
        ),
        lock::LockError::Io(e) => cannot(&e),
    })?;
    let now = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        _ => {
            Some(read_regular(path, 1 << 40, Links::Content).map_err(|e| format!("{shown}: {e}"))?)
        }
    };
    if now.as_deref() != read {
        return Err(format!(
            "{shown} は、planpress が読み込んだ後に、ほかのプログラム（同時に動いた planpress やエディタなど）が書き換えました。\
             その変更を消さないよう、何も書き込みませんでした。もう一度実行してください（書き換えられた内容を読み直してから書き込みます）"
        ));
    }
    write_atomic(path, bytes).map_err(|e| cannot(&e))
}

const HARD_LINK: &str = "ほかの場所のファイルとつながったファイル（ハードリンク）は読みません。そのファイルをコピーして、コピーをフォルダに置いてください";

/// A file with more than one name (a hard link): it may be a file from elsewhere
/// on the machine, as a symbolic link may.
#[cfg(unix)]
fn linked_elsewhere(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() > 1
}

/// Windows: the link count (`number_of_links`) is not in stable std yet; not told.
#[cfg(not(unix))]
fn linked_elsewhere(_meta: &fs::Metadata) -> bool {
    false
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

#[cfg(test)]
mod tests;
