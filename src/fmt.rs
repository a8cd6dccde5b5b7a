//! The one canonical layout of content files (2-space JSON, keys in the order
//! written, a final newline), so tools that rewrite content touch only what changed.

use std::path::Path;

/// The canonical text of a JSON document, or `None` if it does not parse.
pub fn canonical(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    Some(serde_json::to_string_pretty(&value).ok()? + "\n")
}

/// The edition's files whose layout differs from the canonical one.
pub fn differing(content: &crate::Content) -> Vec<String> {
    // The common folder's file is the city's, not this edition's to rewrite.
    content
        .sources
        .iter()
        .filter(|(name, _)| !name.starts_with(crate::content::COMMON_ATTACHED))
        .filter(|(_, bytes)| {
            let text = String::from_utf8_lossy(bytes);
            canonical(&text).is_some_and(|c| c != text)
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// Rewrite the files of an edition in canonical layout; returns those changed.
pub fn format_edition(dir: &Path) -> Result<Vec<String>, String> {
    let content = crate::content::load(dir).map_err(|e| e.to_string())?;
    let mut changed = Vec::new();
    for name in differing(&content) {
        // The bytes checked by `load`, replaced only if the file still holds them.
        let read = content
            .sources
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.as_slice())
            .expect("a differing file was loaded");
        let canonical = canonical(&String::from_utf8_lossy(read)).expect("a loaded file parses");
        crate::fs::write_content(&dir.join(&name), Some(read), canonical.as_bytes())?;
        changed.push(name);
    }
    Ok(changed)
}

/// Rewrite a city's `common.json` in canonical layout (when it reads as the
/// common model); returns it if changed.
pub fn format_common(dir: &Path) -> Result<Vec<String>, String> {
    let name = crate::content::COMMON_FILE;
    let path = dir.join(name);
    let read = crate::content::source::read_regular(&path).map_err(|e| format!("{name}: {e}"))?;
    let text = crate::content::decode_text(&read)
        .ok_or_else(|| format!("{name}: 文字コードを読めません。UTF-8 で保存してください"))?;
    if serde_json::from_str::<crate::content::model::Common>(&text).is_err() {
        let found = crate::content::problems_reading::<crate::content::model::Common>(name, &text);
        return Err(format!(
            "{name} を整えませんでした。次の問題を直してから、もう一度実行してください:\n  {}",
            found.join("\n  ")
        ));
    }
    let canonical = canonical(&text).expect("it parsed");
    if canonical.as_bytes() == read.as_slice() {
        return Ok(Vec::new());
    }
    crate::fs::write_content(&path, Some(&read), canonical.as_bytes())?;
    Ok(vec![name.to_string()])
}
