//! What a clerk is told when the folder named is no edition: not there (the
//! editions beside it named), a city's folder, or a city's common folder.

use std::fs;
use std::path::Path;

/// Why `dir` is no edition folder, with the editions beside where it was looked for.
pub(super) fn no_folder(dir: &Path) -> String {
    let shown = dir.display();
    if dir.exists() {
        return format!(
            "{shown} はフォルダではありません。版のフォルダ（edition.json のあるフォルダ。例: content/miyamae-r2）を指定してください"
        );
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    let parent = parent.unwrap_or(Path::new("."));
    let mut editions: Vec<String> = fs::read_dir(parent)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("edition.json").is_file())
        .map(|e| parent.join(e.file_name()).display().to_string())
        .collect();
    editions.sort();
    let mut m = format!("版のフォルダ {shown} がありません。フォルダ名を確かめてください");
    if editions.is_empty() {
        m.push_str("（例: content/miyamae-r2）");
    } else {
        editions.truncate(10);
        m.push_str(&format!("。ある版: {}", editions.join("、")));
    }
    m
}

/// Why a folder without `edition.json` is no edition: a city's folder (the
/// editions in it named), a city's common folder, or neither.
pub(super) fn no_edition_json(dir: &Path) -> String {
    if crate::city::is_common(dir) {
        return format!(
            "このフォルダは市の共通フォルダです（{} があります）。区の版のフォルダ（edition.json のあるフォルダ）を指定してください。共通フォルダを使う区をまとめて検査するときは planpress check {}",
            super::common::FILE,
            dir.display()
        );
    }
    if let Ok(wards) = crate::city::editions(dir) {
        let names: Vec<String> = wards
            .iter()
            .take(10)
            .map(|w| super::folder_name(w))
            .collect();
        return format!(
            "このフォルダは区の版が並ぶフォルダです（{}）。区の版のフォルダを1つ指定してください（例: {}）。全区をまとめて扱えるのは build・check・new・summary です",
            names.join("、"),
            wards[0].display()
        );
    }
    "このフォルダに edition.json がありません。版のフォルダ（例: content/miyamae-r2）を指定してください".into()
}
