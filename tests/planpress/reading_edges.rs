//! Content and option edges next to issue 11's list: a file cut inside its only
//! multibyte character, numbers too large for their item, and `--templates`
//! naming a file. Each gets a message that says what is wrong.

use crate::doc::*;

fn check_says(dir: &std::path::Path) -> String {
    let run = planpress(&["check", dir.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[test]
fn a_file_cut_in_its_first_japanese_character_is_told_as_cut() {
    let dir = scratch_edition("edges-cut-first");
    let path = dir.join("1-principles.json");
    let bytes = std::fs::read(&path).unwrap();
    // Everything before the first multibyte character is ASCII, so the bytes
    // also read as Shift_JIS; the file is still a UTF-8 file that was cut.
    let first = bytes.iter().position(|b| *b >= 0x80).unwrap();
    std::fs::write(&path, &bytes[..first + 2]).unwrap();
    let err = check_says(&dir);
    assert!(err.contains("文字の途中で終わっています（3行"), "{err}");
    assert!(!err.contains("Shift_JIS"), "{err}");
}

#[test]
fn a_number_too_large_for_its_item_is_called_too_large() {
    for (value, says) in [
        ("99999999999999999999", "大きすぎ"),
        ("-99999999999999999999", "小さすぎ"),
        ("3000000000", "大きすぎ"),
        // In range, written as a decimal: a decimal, not too large.
        ("2020.0", "小数"),
    ] {
        let dir = scratch_edition("edges-huge-year");
        let path = dir.join("edition.json");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace(
                "\"fiscal_year\": 2020",
                &format!("\"fiscal_year\": {value}"),
            ),
        )
        .unwrap();
        let err = check_says(&dir);
        assert!(err.contains(says), "{value}: {err}");
        assert!(err.contains(value), "{value}: {err}");
        assert!(!err.contains("0 以上"), "{value}: {err}");
        assert_eq!(err.contains("小数"), says == "小数", "{value}: {err}");
    }
}

#[test]
fn templates_naming_a_file_is_told_it_is_not_a_folder() {
    let file = root().join("templates/style.typ");
    let run = planpress(&["check", EDITION, "--templates", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("フォルダではありません"), "{err}");
}

#[test]
fn edition_json_listed_as_a_chapter_is_named_as_such() {
    let dir = scratch_edition("edges-edition-as-part");
    edit_json(&dir, "edition.json", |v| {
        v["annex"][2]["file"] = "edition.json".into();
    });
    let err = check_says(&dir);
    assert!(err.contains("edition.json は版の設定のファイル"), "{err}");
    // Not read again as a memo, whose keys it does not have.
    assert!(!err.contains("項目名「city」"), "{err}");
}

/// A zip with one deflated entry (CRC left 0: the reader stops before checking it).
fn zip_one(name: &str, data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).unwrap();
    let packed = z.finish().unwrap();
    let (n, c, u) = (name.len() as u16, packed.len() as u32, data.len() as u32);
    let mut out = Vec::new();
    out.extend(0x04034b50u32.to_le_bytes());
    out.extend([20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    out.extend(c.to_le_bytes());
    out.extend(u.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend([0, 0]);
    out.extend(name.as_bytes());
    out.extend(&packed);
    let cd = out.len() as u32;
    out.extend(0x02014b50u32.to_le_bytes());
    out.extend([20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    out.extend(c.to_le_bytes());
    out.extend(u.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend([0; 12]);
    out.extend(0u32.to_le_bytes());
    out.extend(name.as_bytes());
    let cd_len = out.len() as u32 - cd;
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0, 0, 0, 0, 1, 0, 1, 0]);
    out.extend(cd_len.to_le_bytes());
    out.extend(cd.to_le_bytes());
    out.extend([0, 0]);
    out
}

#[test]
fn a_workbook_that_inflates_to_gigabytes_is_refused_unread() {
    // 300 KB that inflate to 300 MB took 900 MB of memory to read.
    let xlsx = tmp("edges-bomb.xlsx");
    let huge = vec![b'a'; 300 * 1024 * 1024];
    std::fs::write(&xlsx, zip_one("xl/sharedStrings.xml", &huge)).unwrap();
    drop(huge);
    let run = planpress_within(20, &["import", EDITION, xlsx.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("展開すると大きすぎます"), "{err}");
}

#[test]
fn a_folder_without_edition_json_is_told_it_is_no_edition() {
    let dir = tmp("edges-no-edition");
    std::fs::create_dir_all(&dir).unwrap();
    let err = check_says(&dir);
    assert!(err.contains("edition.json がありません"), "{err}");
    assert!(!err.contains("edition.json に書かれたファイル名"), "{err}");
}

#[test]
fn a_folder_named_as_a_workbook_is_told_to_name_a_file_in_it() {
    let dir = tmp("edges-workbook-folder");
    std::fs::create_dir_all(&dir).unwrap();
    let run = planpress(&["import", EDITION, dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    // Not the advice for a folder found among content files (rename it).
    assert!(err.contains("フォルダの中のファイルを指定"), "{err}");
    assert!(!err.contains("別の名前にしてください"), "{err}");
}
