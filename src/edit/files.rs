//! The edition's files as the editor may touch them: only `edition.json` and the
//! files it lists, by name (never a path from the browser), never through a link;
//! saved in `fmt`'s form with the keys in the file's own order, through
//! [`crate::fs::write_content`].

use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::fs::{Links, read_regular};

/// The largest content file the editor reads (as the load stage's limit).
const FILE_LIMIT: u64 = 16 << 20;

/// One file of the edition: its name in the folder and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    /// `edition`, or the kind `edition.json` gives it (`targets`, `regulation`…).
    pub kind: String,
}

/// `edition.json` and every file it lists, in its order, then the city's common
/// file it names (`../city-common-r7/common.json`: the only name with a folder,
/// given by `edition.json`, never by the browser). A list that cannot be read
/// leaves `edition.json` alone, so the clerk can mend it in the page.
pub fn listed(dir: &Path) -> Vec<Named> {
    let mut out = own(dir);
    if let Some(name) = crate::content::common_file_named_in(dir) {
        out.push(Named {
            name,
            kind: "common".into(),
        });
    }
    out
}

/// `edition.json` and the files it lists.
fn own(dir: &Path) -> Vec<Named> {
    let mut out = vec![Named {
        name: "edition.json".into(),
        kind: "edition".into(),
    }];
    let Ok(bytes) = read(dir, "edition.json") else {
        return out;
    };
    let Some(edition) = parse(&bytes) else {
        return out;
    };
    for list in ["chapters", "annex"] {
        for entry in edition
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(file), Some(kind)) = (
                entry.get("file").and_then(Value::as_str),
                entry.get("kind").and_then(Value::as_str),
            ) else {
                continue;
            };
            if plain_name(file) && !out.iter().any(|n| n.name == file) {
                out.push(Named {
                    name: file.into(),
                    kind: kind.into(),
                });
            }
        }
    }
    out
}

/// A file name in the folder itself: no separator, no `..`, JSON.
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.contains(['/', '\\', ':', '\0'])
        && name != "."
        && name != ".."
        && name.ends_with(".json")
}

/// The kind of `name` if the editor may read or write it.
pub fn kind_of(dir: &Path, name: &str) -> Option<String> {
    listed(dir)
        .into_iter()
        .find(|n| n.name == name)
        .map(|n| n.kind)
}

/// A listed file's bytes (a link or a hard-linked file is refused).
pub fn read(dir: &Path, name: &str) -> Result<Vec<u8>, String> {
    read_regular(&dir.join(name), FILE_LIMIT, Links::Content).map_err(|e| format!("{name}: {e}"))
}

pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file's text without its byte-order mark, as the page shows it.
pub fn text(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()
}

fn parse(bytes: &[u8]) -> Option<Value> {
    serde_json::from_str(&text(bytes)).ok()
}

/// What a save did.
#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    /// Written; the new bytes' hash.
    Written(String),
    /// Already so on disk: nothing written.
    Unchanged(String),
}

/// Why a save wrote nothing.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a file of this edition.
    Unknown(String),
    /// Changed on disk since the page read it (or while writing).
    Conflict(String),
    /// The page's text is not JSON, or the file on disk is not UTF-8 (the page
    /// saw its undecodable bytes as U+FFFD: saving would lose them).
    NotJson(String),
    Io(String),
}

/// Save `text` as `name`, if the file on disk still has the hash `base`.
pub fn save(dir: &Path, name: &str, base: &str, text: &str) -> Result<Saved, Refused> {
    if kind_of(dir, name).is_none() && name.ends_with(&format!("/{}", crate::content::COMMON_FILE))
    {
        // The page opened the common file edition.json named then.
        let now = match crate::content::common_file_named_in(dir) {
            Some(now) => format!("今のこの版の共通ファイルは {now} です"),
            None => "今の common.folder には共通ファイルがありません".into(),
        };
        return Err(Refused::Unknown(format!(
            "{name} を保存しませんでした。この画面で開いた後に edition.json の common.folder が変わり、{now}。この画面で変えた内容はメモ帳などに写してから「読み直す」を押し、今の共通ファイルで編集してください"
        )));
    }
    if kind_of(dir, name).is_none() {
        return Err(Refused::Unknown(format!(
            "{name} はこの版のファイルではありません。edition.json に載っているファイルだけを保存できます"
        )));
    }
    let disk = read(dir, name).map_err(Refused::Io)?;
    if hash(&disk) != base {
        return Err(Refused::Conflict(conflict(name)));
    }
    if let Err(why) = crate::content::decode::decode(&disk) {
        return Err(Refused::NotJson(format!(
            "{name} を保存しませんでした。この画面では読めない文字があり、保存すると失われます: {why}"
        )));
    }
    if let Some((number, line)) = super::numbers::unsafe_number(&self::text(&disk)) {
        return Err(Refused::NotJson(format!(
            "{name} を保存しませんでした。{line} 行の数「{number}」は桁が多すぎて、この画面では正しく扱えません（保存すると別の数に変わります）。\
             メモ帳などで開いて直してから（番号なら \"\" で囲んで文字にしてください）、「読み直す」を押してください"
        )));
    }
    if let Some((key, line)) = super::twice::key_written_twice(&self::text(&disk)) {
        return Err(Refused::NotJson(format!(
            "{name} を保存しませんでした。{line} 行の項目名「{key}」が、同じまとまりの中に二度書かれています。\
             この画面では後の方の値しか見えないため、保存すると前の方の値が失われます。\
             メモ帳などで開いて、残す方を一つに決めてから「読み直す」を押してください"
        )));
    }
    let edited: Value = serde_json::from_str(text).map_err(|e| {
        Refused::NotJson(format!(
            "{name} を保存できません。JSON として読めません（{} 行 {} 列）: 入力を確かめてください",
            e.line(),
            e.column()
        ))
    })?;
    let old = parse(&disk);
    // The same values (whatever their layout on disk): nothing to write.
    if old.as_ref() == Some(&edited) {
        return Ok(Saved::Unchanged(hash(&disk)));
    }
    let ordered = match &old {
        Some(old) => in_order_of(old, edited),
        None => edited,
    };
    let bytes = serde_json::to_string_pretty(&ordered).expect("a JSON value serialises") + "\n";
    crate::fs::write_content(&dir.join(name), Some(&disk), bytes.as_bytes()).map_err(|e| {
        if e.contains("書き換えました") {
            Refused::Conflict(conflict(name))
        } else {
            Refused::Io(e)
        }
    })?;
    Ok(Saved::Written(hash(bytes.as_bytes())))
}

fn conflict(name: &str) -> String {
    format!(
        "{name} は、この画面で開いた後に、ほかのプログラム（メモ帳、ほかの人、別のタブ、planpress import など）が書き換えました。\
         その変更を消さないよう、保存しませんでした。「読み直す」で今のファイルを読み直してから、もう一度編集してください"
    )
}

/// `edited` with each object's keys in `old`'s order where `old` had them (objects
/// matched by key, arrays by position), new keys after: the clerk's order stays.
pub fn in_order_of(old: &Value, edited: Value) -> Value {
    match (old, edited) {
        (Value::Object(o), Value::Object(mut e)) => {
            let mut out = serde_json::Map::with_capacity(e.len());
            for (k, ov) in o {
                if let Some(ev) = e.shift_remove(k) {
                    out.insert(k.clone(), in_order_of(ov, ev));
                }
            }
            out.extend(e);
            Value::Object(out)
        }
        (Value::Array(o), Value::Array(e)) => Value::Array(
            e.into_iter()
                .enumerate()
                .map(|(i, ev)| match o.get(i) {
                    Some(ov) => in_order_of(ov, ev),
                    None => ev,
                })
                .collect(),
        ),
        (_, e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_the_files_order_and_new_ones_follow() {
        let old: Value =
            serde_json::from_str(r#"{"b":1,"a":{"y":1,"x":2},"c":[{"q":1,"p":2}]}"#).unwrap();
        let edited: Value =
            serde_json::from_str(r#"{"a":{"x":3,"y":1},"c":[{"p":2,"q":1},{"z":1}],"b":1,"d":0}"#)
                .unwrap();
        let text = serde_json::to_string(&in_order_of(&old, edited)).unwrap();
        assert_eq!(
            text,
            r#"{"b":1,"a":{"y":1,"x":3},"c":[{"q":1,"p":2},{"z":1}],"d":0}"#
        );
    }

    #[test]
    fn only_plain_json_names_in_the_folder() {
        for bad in [
            "../x.json",
            "a/b.json",
            r"a\b.json",
            "C:x.json",
            "x.txt",
            "",
            "..",
        ] {
            assert!(!plain_name(bad), "{bad}");
        }
        assert!(plain_name("4-targets.json"));
    }
}
