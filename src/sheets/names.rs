//! Workbook file names from department names: safe on Windows, inside `-o`, unique.

use std::collections::HashSet;

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name for each (short name, id): the short name with path separators and
/// characters Windows forbids made full-width (「総務課/庁舎管理」→「総務課／庁舎管理.xlsx」);
/// the id is added when a name would be empty, reserved or taken.
pub fn file_names<'a>(departments: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut taken = HashSet::new();
    let mut out = Vec::new();
    for (short, id) in departments {
        let base = safe(short);
        let stem = base.split('.').next().unwrap_or("").to_ascii_uppercase();
        let mut name = if base.is_empty() {
            id.to_string()
        } else if RESERVED.contains(&stem.as_str()) {
            format!("{base}_{id}")
        } else {
            base
        };
        if taken.contains(&name.to_lowercase()) {
            name = format!("{name}_{id}");
        }
        let mut n = 2;
        let first = name.clone();
        while taken.contains(&name.to_lowercase()) {
            name = format!("{first}_{n}");
            n += 1;
        }
        taken.insert(name.to_lowercase());
        out.push(format!("{name}.xlsx"));
    }
    out
}

/// One path component, nothing Windows refuses: no separators, no forbidden or
/// control characters, no leading dots, no trailing dots or spaces, not too long.
fn safe(name: &str) -> String {
    // NFC: a name stored as NFD gives the same file name as its NFC twin, so
    // `taken` sees the two as one name.
    let mapped: String = crate::content::normal::nfc(name)
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            '/' => '／',
            '\\' => '＼',
            ':' => '：',
            '*' => '＊',
            '?' => '？',
            '"' => '＂',
            '<' => '＜',
            '>' => '＞',
            '|' => '｜',
            c => c,
        })
        .collect();
    let trimmed = mapped
        .trim_start_matches(['.', ' ', '\u{3000}'])
        .trim_end_matches(['.', ' ', '\u{3000}']);
    // Bytes, not characters: a file name may have 255, and the temporary file it
    // is written through adds about 20 (80 kanji were 240 bytes).
    let mut out = String::new();
    for c in trimmed.chars() {
        if out.len() + c.len_utf8() > NAME_BYTES {
            break;
        }
        out.push(c);
    }
    // The cut may leave a dot or space at the end again.
    out.trim_end_matches(['.', ' ', '\u{3000}']).to_string()
}

/// The longest department part of a file name, in UTF-8 bytes (60 kanji).
const NAME_BYTES: usize = 180;

#[cfg(test)]
mod tests {
    use super::file_names;

    #[test]
    fn names_are_single_safe_components() {
        let names = file_names([
            ("総務課/庁舎管理", "a"),
            ("../../企画課", "b"),
            ("CON", "c"),
            ("con.txt", "d"),
            ("区民課", "e"),
            ("区民課", "f"),
            ("..", "g"),
            ("a:b*c?\"<>|\u{7}", "h"),
        ]);
        assert_eq!(
            names,
            [
                "総務課／庁舎管理.xlsx",
                "／..／企画課.xlsx",
                "CON_c.xlsx",
                "con.txt_d.xlsx",
                "区民課.xlsx",
                "区民課_f.xlsx",
                "g.xlsx",
                "a：b＊c？＂＜＞｜.xlsx",
            ]
        );
    }

    #[test]
    fn names_stored_otherwise_are_one_name() {
        let names = file_names([("総務課が", "a"), ("総務課か\u{3099}", "b")]);
        assert_eq!(names, ["総務課が.xlsx", "総務課が_b.xlsx"]);
    }
}
