//! Reading a file the tool was given: only a regular file, never a symbolic link,
//! a device or a pipe (which would hang or never end), and never more than a limit.

use std::path::Path;

/// The largest file read: the biggest shipped content file is well under 1 MB.
pub const LIMIT: u64 = 20 * 1024 * 1024;

/// Read a file of the edition (or of the templates): a regular file, not a link,
/// of at most `LIMIT` bytes; the error says in Japanese why not.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, String> {
    crate::fs::read_regular(path, LIMIT, crate::fs::Links::Content)
}
