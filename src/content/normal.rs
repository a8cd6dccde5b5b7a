//! Names compared as they look. The same name can be stored two ways (「が」 as one
//! character, NFC, or as か + U+3099, NFD, as macOS writes file names): they
//! print alike, so they are compared in NFC, and a mismatch only in the way they
//! are stored is said in those words.

use std::path::Path;

use unicode_normalization::UnicodeNormalization;

/// `s` in NFC.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// The name of a file in `dir` that is `file` stored another way, if any.
pub fn spelled_otherwise(dir: &Path, file: &str) -> Option<String> {
    let wanted = nfc(file);
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .find(|n| n != file && nfc(n) == wanted)
}

/// What to say of a listed file found only stored another way.
pub const FILE_STORED_OTHERWISE: &str = "このファイル名は、フォルダにあるファイルの名前と見た目は同じですが、文字の表し方（Unicode の正規化: NFC と NFD）が違うため、別の名前として扱われます。edition.json のファイル名を打ち直すか、ファイルの名前を付け直してください";
