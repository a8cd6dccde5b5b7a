//! What returned workbooks change, and writing it into the targets file.

use serde_json::Value;

use super::Returned;
use crate::content::model::Target;
use crate::content::{Content, Part};
use crate::diff::{Change, ChangeKind};
use crate::item::ItemId;

/// What applying these workbooks would change, department by department.
pub fn changes(content: &Content, returned: &[Returned]) -> Vec<Change> {
    let mut out = Vec::new();
    for r in returned {
        let holders: Vec<_> = content.departments().collect();
        let Some((_, dep)) = holders.iter().find(|(_, d)| d.id == r.department) else {
            continue;
        };
        let show = |t: &Target| {
            let mut s = format!("{}（場面: {}）", t.text, t.scene);
            if let Some(res) = &t.result {
                s.push_str(&format!(" 実施結果: {res}"));
            }
            if let Some(st) = &t.status {
                s.push_str(&format!(" 状況: {}", st.as_str()));
            }
            s
        };
        let id = |n: usize| ItemId::target(&dep.id, &dep.short_name, n as u32);
        // A returned target is the earlier one whose number it kept in the sheet.
        for (i, new) in r.targets.iter().enumerate() {
            let old = r
                .origins
                .get(i)
                .and_then(|&o| (o as usize).checked_sub(1).and_then(|k| dep.targets.get(k)));
            let (kind, old) = match old {
                Some(o) if show(o) == show(new) => continue,
                Some(o) => (ChangeKind::Changed, Some(vec![show(o)])),
                None => (ChangeKind::Added, None),
            };
            let new = Some(vec![show(new)]);
            out.push(Change {
                kind,
                id: id(i + 1),
                from: None,
                old,
                new,
            });
        }
        for (k, old) in dep.targets.iter().enumerate() {
            if !r.origins.contains(&(k as u32 + 1)) {
                let old = Some(vec![show(old)]);
                out.push(Change {
                    kind: ChangeKind::Removed,
                    id: id(k + 1),
                    from: None,
                    old,
                    new: None,
                });
            }
        }
    }
    out
}

/// Write the returned targets into the edition's target file, touching nothing else.
pub fn apply(content: &Content, returned: &[Returned]) -> Result<Option<String>, String> {
    let Some(file) = content
        .edition
        .chapters
        .iter()
        .zip(&content.chapters)
        .find(|(_, p)| matches!(p, Part::Targets(_)))
        .map(|(r, _)| r.file.clone())
    else {
        return Err("この版には各課の目標のファイルがありません".into());
    };
    let path = content.dir.join(&file);
    // The file `content` was loaded from (its bytes, as read then).
    let bytes = content
        .sources
        .iter()
        .find(|(n, _)| *n == file)
        .map(|(_, b)| b.as_slice())
        .ok_or_else(|| format!("{file}: 読み込んだ内容が見つかりません"))?;
    let text = String::from_utf8_lossy(bytes);
    let mut v: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map_err(|_| {
            format!("{file}: JSON として読めません。planpress check で確かめてください")
        })?;
    let before = v.clone();
    crate::content::holder_values_mut(&mut v, |dep| {
        let id = dep["id"].as_str();
        if let Some(r) = returned.iter().find(|r| id == Some(r.department.as_str())) {
            dep["targets"] = r.targets.iter().map(target_value).collect();
        }
    });
    // Unchanged targets leave the file as it is, whatever its layout (BOM, CRLF, indent).
    if v == before {
        return Ok(None);
    }
    let out = serde_json::to_string_pretty(&v).expect("JSON serialises") + "\n";
    // The edition as it would be must pass `check`: nothing is written otherwise.
    crate::content::load::load_with(&content.dir, vec![(file.clone(), out.clone().into_bytes())])
        .map_err(|e| {
            format!(
                "返送された内容を入れると {file} が検査に通らないため、何も書き込みませんでした。Excel ファイルの該当する目標を直して、もう一度取り込んでください:\n{e}"
            )
        })?;
    // Only over the file as it was read: another writer meanwhile is not overwritten.
    crate::fs::write_content(&path, Some(bytes), out.as_bytes())?;
    Ok(Some(file))
}

/// A target as the content files write it: no empty result or status keys.
fn target_value(t: &Target) -> Value {
    let mut o = serde_json::Map::new();
    o.insert("number".into(), t.number.into());
    o.insert("scene".into(), t.scene.clone().into());
    o.insert("text".into(), t.text.clone().into());
    if let Some(r) = &t.result {
        o.insert("result".into(), r.clone().into());
    }
    if let Some(s) = &t.status {
        o.insert("status".into(), s.as_str().into());
    }
    Value::Object(o)
}
