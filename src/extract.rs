//! Recover the content files attached to an archived plan PDF.

use std::path::Path;

use lopdf::{Document, Object};

/// The files attached to a PDF: (name, bytes), in the order of its name tree.
pub fn attachments(pdf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let doc = Document::load_mem(pdf).map_err(|e| format!("PDF として読めません: {e}"))?;
    let catalog = doc
        .catalog()
        .map_err(|e| format!("PDF の構造が読めません: {e}"))?;
    let Some(tree) = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| doc.dereference(n).ok())
        .and_then(|(_, n)| n.as_dict().ok())
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    walk(&doc, tree, &mut out)?;
    Ok(out)
}

fn walk(doc: &Document, node: &Object, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let bad = |what: &str| format!("添付ファイルの{what}が読めません");
    let node = doc
        .dereference(node)
        .map_err(|_| bad("一覧"))?
        .1
        .as_dict()
        .map_err(|_| bad("一覧"))?;
    if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            walk(doc, kid, out)?;
        }
    }
    if let Ok(names) = node.get(b"Names").and_then(Object::as_array) {
        for pair in names.chunks(2) {
            let [_, spec] = pair else { continue };
            let spec = doc
                .dereference(spec)
                .map_err(|_| bad("情報"))?
                .1
                .as_dict()
                .map_err(|_| bad("情報"))?;
            let name = spec
                .get(b"UF")
                .or_else(|_| spec.get(b"F"))
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_str().ok())
                .map(text_string)
                .ok_or_else(|| bad("名前"))?;
            let stream = spec
                .get(b"EF")
                .and_then(Object::as_dict)
                .and_then(|ef| ef.get(b"F"))
                .map_err(|_| bad("中身"))?;
            let stream = doc
                .dereference(stream)
                .map_err(|_| bad("中身"))?
                .1
                .as_stream()
                .map_err(|_| bad("中身"))?;
            let bytes = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            out.push((name, bytes));
        }
    }
    Ok(())
}

/// A PDF text string: UTF-16BE with a byte order mark, or PDFDocEncoding (ASCII here).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// Write a PDF's attached content files into `dir`, which then builds the same PDF.
pub fn extract(pdf_path: &Path, dir: &Path) -> Result<Vec<String>, String> {
    let pdf =
        std::fs::read(pdf_path).map_err(|e| format!("{} を読めません: {e}", pdf_path.display()))?;
    let files = attachments(&pdf)?;
    if files.is_empty() {
        return Err(format!(
            "{} には内容ファイルが添付されていません（planpress で作った公開用の PDF を指定してください）",
            pdf_path.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{} を作れません: {e}", dir.display()))?;
    // Check every name before writing any file: plain names, possibly in one
    // sub-folder, never a path out of `dir` (no drive prefixes or streams either).
    for (name, _) in &files {
        let parts: Vec<&str> = name.split('/').collect();
        let safe = parts.len() <= 2
            && parts.iter().all(|p| {
                !p.is_empty()
                    && *p != "."
                    && *p != ".."
                    && !p.contains(['\\', ':'])
                    && !p.starts_with('.')
            })
            && Path::new(name)
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !safe {
            return Err(format!(
                "添付ファイルの名前「{name}」は安全でないため、何も書き出しませんでした"
            ));
        }
    }
    let mut names = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{} を作れません: {e}", parent.display()))?;
        }
        crate::fs::write_atomic(&path, &bytes)
            .map_err(|e| format!("{} に書き出せません: {e}", path.display()))?;
        names.push(name);
    }
    Ok(names)
}
