//! Content files are UTF-8; other encodings are named, never silently misread.

const RESAVE: &str =
    "メモ帳などで開き、「名前を付けて保存」で文字コード「UTF-8」を選んで保存し直してください";

/// Content files are UTF-8; a byte order mark and CRLF line ends (as Windows editors
/// write them) are accepted. Other encodings are named, never silently misread.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.len() >= 4 && (bytes[1] == 0 && bytes[3] == 0 || bytes[0] == 0 && bytes[2] == 0));
    if utf16 {
        return Err(format!("ファイルが UTF-16 で保存されています。{RESAVE}"));
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => Ok(s),
        // Valid UTF-8 up to a character cut by the end of the file: a cut file,
        // even when its bytes also happen to read as Shift_JIS.
        Err(e) if e.utf8_error().error_len().is_some() && is_shift_jis(bytes) => Err(format!(
            "ファイルが Shift_JIS（CP932）で保存されています。このままでは文字化けするので読み込みません。{RESAVE}"
        )),
        Err(e) => {
            let e = e.utf8_error();
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = super::position::line_col(valid, valid.len());
            Err(match e.error_len() {
                None => format!(
                    "ファイルが文字の途中で終わっています（{line}行{column}列）。ファイルの後ろが消えているので、保存し直すか、消えた部分を書き足してください"
                ),
                Some(_) => format!(
                    "ファイルが UTF-8 ではありません（{line}行{column}列、{}バイト目から読めません）。{RESAVE}",
                    e.valid_up_to() + 1
                ),
            })
        }
    }
}

/// Whether `bytes` is well-formed Shift_JIS (CP932) with at least one double-byte character.
fn is_shift_jis(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut double = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => {
                let Some(&t) = bytes.get(i + 1) else {
                    return false;
                };
                if !matches!(t, 0x40..=0x7E | 0x80..=0xFC) {
                    return false;
                }
                double += 1;
                i += 2;
            }
            _ => return false,
        }
    }
    double > 0
}
