//! The files attached to a plan PDF, read as if the PDF were hostile: the name tree
//! walked without recursion, every file inflated under a limit and checked against
//! the size and checksum the PDF records.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;

use lopdf::{Dictionary, Document, Object, Reader};
use md5::{Digest, Md5};

/// The largest attached file, and all of them together, once inflated.
pub const FILE_LIMIT: usize = 20_000_000;
pub const TOTAL_LIMIT: usize = 100_000_000;
/// A plan attaches a few dozen files in a flat list; far more is not a plan.
const MAX_FILES: usize = 1_000;
const MAX_DEPTH: usize = 32;

/// The files attached to a PDF: (name, bytes), in the order of its name tree.
pub fn attachments(pdf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let doc = load(pdf)?;
    let catalog = doc
        .catalog()
        .map_err(|_| "PDF の構造が読めません（文書の目録がありません）".to_string())?;
    let Some(tree) = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| doc.dereference(n).ok())
        .and_then(|(_, n)| n.as_dict().ok())
        .and_then(|n| n.get(b"EmbeddedFiles").ok())
    else {
        return Ok(Vec::new());
    };
    let mut total = 0;
    let mut out = Vec::new();
    for (name, spec) in name_tree(&doc, tree)? {
        let bytes = contents(&doc, &name, spec, TOTAL_LIMIT - total)?;
        total += bytes.len();
        out.push((name, bytes));
    }
    Ok(out)
}

/// The PDF's objects (its shape checked first), without object streams: planpress
/// never writes them, and lopdf would inflate them without a limit.
fn load(pdf: &[u8]) -> Result<Document, String> {
    let unreadable = |why: &str| format!("PDF として読めません（{why}）");
    if let Some(why) = super::shape::refuse(pdf) {
        return Err(unreadable(why));
    }
    fn no_object_streams(id: (u32, u16), object: &mut Object) -> Option<((u32, u16), Object)> {
        let stream = object.as_stream().ok();
        if stream.is_some_and(|s| s.dict.has_type(b"ObjStm")) {
            return None;
        }
        // lopdf keeps `object` as it is; only `None` drops it.
        Some((id, Object::Null))
    }
    Reader {
        buffer: pdf,
        document: Document::new(),
        encryption_state: None,
        raw_objects: BTreeMap::new(),
        password: None,
    }
    .read(Some(no_object_streams))
    .map_err(|e| unreadable(&e.to_string()))
}

/// The (name, file specification) pairs of the EmbeddedFiles name tree, walked
/// with a stack: a loop or a deep chain of /Kids is an error, not a crash.
fn name_tree<'a>(
    doc: &'a Document,
    root: &'a Object,
) -> Result<Vec<(String, &'a Dictionary)>, String> {
    let broken = |what: &str| {
        format!("添付ファイルの一覧が壊れています（{what}）。この PDF からは取り出せません")
    };
    let mut seen = HashSet::new();
    let mut stack = vec![(root, 0)];
    let mut out = Vec::new();
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(broken("入れ子が深すぎます"));
        }
        let (id, node) = doc
            .dereference(node)
            .map_err(|_| broken("指している先がありません"))?;
        if id.is_some_and(|id| !seen.insert(id)) {
            return Err(broken("同じ箇所を繰り返し指しています"));
        }
        let node = node.as_dict().map_err(|_| broken("一覧の形が違います"))?;
        if let Ok(names) = node.get(b"Names") {
            let names = doc
                .dereference(names)
                .ok()
                .and_then(|(_, n)| n.as_array().ok())
                .ok_or_else(|| broken("一覧の形が違います"))?;
            for pair in names.chunks(2) {
                let [_, spec] = pair else {
                    return Err(broken("名前と中身の組が欠けています"));
                };
                let spec = doc
                    .dereference(spec)
                    .ok()
                    .and_then(|(_, s)| s.as_dict().ok())
                    .ok_or_else(|| broken("ファイルの情報が読めません"))?;
                let name = spec
                    .get(b"UF")
                    .or_else(|_| spec.get(b"F"))
                    .ok()
                    .and_then(|o| doc.dereference(o).ok())
                    .and_then(|(_, o)| o.as_str().ok())
                    .map(text_string)
                    .ok_or_else(|| broken("ファイルの名前が読めません"))?;
                out.push((name, spec));
            }
        }
        if let Ok(kids) = node.get(b"Kids") {
            let kids = doc
                .dereference(kids)
                .ok()
                .and_then(|(_, k)| k.as_array().ok())
                .ok_or_else(|| broken("一覧の形が違います"))?;
            stack.extend(kids.iter().rev().map(|k| (k, depth + 1)));
        }
        if out.len() + stack.len() > MAX_FILES {
            return Err(broken("項目が多すぎます"));
        }
    }
    Ok(out)
}

/// One attached file, inflated under `room` bytes (at most `FILE_LIMIT`) and
/// checked against the /Params /Size and /CheckSum the PDF records.
fn contents(doc: &Document, name: &str, spec: &Dictionary, room: usize) -> Result<Vec<u8>, String> {
    let bad = |what: &str| format!("添付ファイル「{name}」が壊れています（{what}）");
    let too_large = |limit: usize| {
        if limit == FILE_LIMIT {
            format!("添付ファイル「{name}」が大きすぎます（1 ファイル 20 MB まで）")
        } else {
            format!("添付ファイルが合わせて 100 MB を超えています（「{name}」で超えました）")
        }
    };
    let stream = spec
        .get(b"EF")
        .ok()
        .and_then(|ef| doc.dereference(ef).ok())
        .and_then(|(_, ef)| ef.as_dict().ok())
        .and_then(|ef| ef.get(b"F").ok())
        .and_then(|f| doc.dereference(f).ok())
        .and_then(|(_, f)| f.as_stream().ok())
        .ok_or_else(|| bad("中身が見つかりません"))?;
    let params = stream
        .dict
        .get(b"Params")
        .ok()
        .and_then(|p| doc.dereference(p).ok())
        .and_then(|(_, p)| p.as_dict().ok());
    let field = |key: &[u8]| {
        params
            .and_then(|p| p.get(key).ok())
            .and_then(|o| doc.dereference(o).ok())
            .map(|(_, o)| o)
    };
    let limit = FILE_LIMIT.min(room);
    let size = match field(b"Size") {
        None => None,
        Some(s) => {
            let s = s.as_i64().map_err(|_| bad("大きさの記録が読めません"))?;
            let s = usize::try_from(s).map_err(|_| bad("大きさの記録が負の数です"))?;
            if s > limit {
                return Err(too_large(limit));
            }
            Some(s)
        }
    };
    let filter = stream
        .dict
        .get(b"Filter")
        .ok()
        .map(|f| match f {
            Object::Array(a) if a.len() == 1 => &a[0],
            f => f,
        })
        .map(|f| f.as_name().unwrap_or(b"?"));
    if stream.dict.has(b"DecodeParms") {
        return Err(bad("planpress の使わない圧縮の指定があります"));
    }
    let bytes = match filter {
        None if stream.content.len() > limit => return Err(too_large(limit)),
        None => stream.content.clone(),
        Some(b"FlateDecode") => {
            // The limit holds while inflating: a bomb stops one byte past it.
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(stream.content.as_slice())
                .take(limit as u64 + 1)
                .read_to_end(&mut out)
                .map_err(|_| bad("圧縮されたデータが途中で切れているか、壊れています"))?;
            if out.len() > limit {
                return Err(too_large(limit));
            }
            out
        }
        Some(_) => return Err(bad("planpress の使わない圧縮方式です")),
    };
    if size.is_some_and(|s| s != bytes.len()) {
        return Err(bad(&format!(
            "記録された大きさ {} バイトと中身の {} バイトが違います",
            size.unwrap_or(0),
            bytes.len()
        )));
    }
    if let Some(sum) = field(b"CheckSum") {
        let sum = sum.as_str().map_err(|_| bad("チェックサムが読めません"))?;
        if sum != Md5::digest(&bytes).as_slice() {
            return Err(bad("チェックサムが合いません"));
        }
    }
    Ok(bytes)
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
