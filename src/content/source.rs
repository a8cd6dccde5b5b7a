//! Reading a file the tool was given: only a regular file, never a symbolic link,
//! a device or a pipe (which would hang or never end), and never more than a limit.

use std::fs;
use std::io::Read;
use std::path::Path;

/// The largest file read: the biggest shipped content file is well under 1 MB.
pub const LIMIT: u64 = 20 * 1024 * 1024;

/// Read `path` when it is a regular file (not a link) of at most `LIMIT` bytes;
/// the error says in Japanese why not.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::symlink_metadata(path).map_err(|e| crate::io_message::reason(&e))?;
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err("シンボリックリンク（ショートカットのような別名のファイル）は読みません。リンク先のファイルそのものをフォルダに置いてください".into());
    }
    if kind.is_dir() {
        return Err(
            "ファイルではなくフォルダです。同じ名前のフォルダを別の名前にしてください".into(),
        );
    }
    if !kind.is_file() {
        return Err("普通のファイルではありません（パイプや装置のファイルは読みません）。普通のファイルを置いてください".into());
    }
    if meta.len() > LIMIT {
        return Err(too_big());
    }
    let file = fs::File::open(path).map_err(|e| crate::io_message::reason(&e))?;
    let mut bytes = Vec::new();
    // The file may grow after the check: never read past the limit.
    file.take(LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::io_message::reason(&e))?;
    if bytes.len() as u64 > LIMIT {
        return Err(too_big());
    }
    Ok(bytes)
}

fn too_big() -> String {
    format!(
        "ファイルが大きすぎます（{} MB まで）。ファイルの中身を確かめてください",
        LIMIT / 1024 / 1024
    )
}
