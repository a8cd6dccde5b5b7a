//! Operating-system errors in the clerk's words: what went wrong with the file,
//! in Japanese, instead of `Is a directory (os error 21)`.

use std::io::{Error, ErrorKind};

/// Why a file could not be read or written, in Japanese (the system's own text,
/// for a kind without one, in parentheses after a general phrase).
pub fn reason(e: &Error) -> String {
    if let Some(m) = e
        .get_ref()
        .and_then(|r| r.downcast_ref::<crate::fs::NotRegular>())
    {
        return m.to_string();
    }
    if crate::fs::is_folder_given(e) {
        return crate::fs::FolderGiven.to_string();
    }
    if crate::fs::is_in_use(e) {
        return crate::fs::InUse.to_string();
    }
    let text = match e.kind() {
        ErrorKind::NotFound => "ファイルかフォルダが見つかりません",
        ErrorKind::PermissionDenied => {
            "読み書きする権限がありません（ほかのソフトで開いていれば閉じてください）"
        }
        ErrorKind::AlreadyExists => "同じ名前のファイルかフォルダがすでにあります",
        ErrorKind::IsADirectory => "ファイルではなくフォルダです",
        ErrorKind::NotADirectory => "途中にフォルダではなくファイルがあります",
        ErrorKind::DirectoryNotEmpty => "フォルダが空ではありません",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "ディスクがいっぱいです",
        ErrorKind::ReadOnlyFilesystem => "書き込めない場所（読み取り専用）です",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "ほかのソフトが使用中です（閉じてからやり直してください）"
        }
        ErrorKind::InvalidFilename => "ファイル名に使えない文字が含まれているか、名前が長すぎます",
        ErrorKind::CrossesDevices => "別のドライブへは移せません",
        ErrorKind::InvalidData => "ファイルの中身が壊れているか、形式が違います",
        ErrorKind::UnexpectedEof => "ファイルが途中で切れています",
        ErrorKind::OutOfMemory => "メモリが足りません",
        _ => return format!("読み書きできません（{e}）"),
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::reason;

    #[test]
    fn a_folder_in_a_files_place_is_told_in_japanese() {
        let dir = std::env::temp_dir();
        let e = std::fs::read(&dir).unwrap_err();
        assert_eq!(reason(&e), "ファイルではなくフォルダです");
        let e = std::fs::read(dir.join("planpress-io-message-missing")).unwrap_err();
        assert_eq!(reason(&e), "ファイルかフォルダが見つかりません");
    }
}
