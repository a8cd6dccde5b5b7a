//! `planpress preview`: chosen pages as PNG images, named by their printed labels.

use std::path::Path;

use typst::model::Numbering;
use typst_layout::PagedDocument;

/// The printed label of each page ("" where the page carries no number).
pub fn page_labels(doc: &PagedDocument) -> Vec<String> {
    doc.pages()
        .iter()
        .map(|p| match &p.numbering {
            Some(Numbering::Pattern(pat)) => pat
                .apply(None, &[p.number])
                .map(|s| s.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .collect()
}

/// Page indices for a spec such as `11-14`, `資料1-資料3` or `3,5`, by printed label.
pub fn select(labels: &[String], spec: &str) -> Result<Vec<usize>, String> {
    let find = |label: &str, from: usize| {
        labels[from..]
            .iter()
            .position(|l| l == label)
            .map(|i| i + from)
            .ok_or_else(|| {
                format!(
                    "ページ「{label}」はありません（ページ番号は {}）",
                    summary(labels)
                )
            })
    };
    let mut out = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (a.trim(), b.trim());
                // An empty end would match the unnumbered pages (the cover).
                if a.is_empty() || b.is_empty() {
                    return Err(format!(
                        "ページの範囲「{part}」には、範囲の始めと終わりのページを書いてください（例: 11-14）"
                    ));
                }
                let start = find(a, 0)?;
                if find(b, start).is_err() && find(b, 0).is_ok() {
                    return Err(format!(
                        "ページの範囲「{part}」は前後が逆です。前のページから書いてください（例: {b}-{a}）"
                    ));
                }
                let end = find(b, start)?;
                out.extend(start..=end);
            }
            None => out.push(find(part, 0)?),
        }
    }
    if out.is_empty() {
        return Err("ページを指定してください（例: --pages 11-14）".into());
    }
    // Each page once, in the order first asked for.
    let mut seen = std::collections::HashSet::new();
    out.retain(|&i| seen.insert(i));
    Ok(out)
}

fn summary(labels: &[String]) -> String {
    let named: Vec<&str> = labels
        .iter()
        .filter(|l| !l.is_empty())
        .map(String::as_str)
        .collect();
    match (named.first(), named.last()) {
        (Some(a), Some(b)) => format!("{a}〜{b}"),
        _ => "ありません".into(),
    }
}

/// The resolutions `preview` draws at: enough to read a page, small enough that
/// an A4 page stays a few tens of megabytes.
pub const DPI: std::ops::RangeInclusive<f32> = 30.0..=600.0;

/// Refuse a resolution outside `DPI` (a typo such as 1e9, 0 or nan).
pub fn check_dpi(dpi: f32) -> Result<(), String> {
    if DPI.contains(&dpi) {
        return Ok(());
    }
    Err(format!(
        "解像度 --dpi {dpi} は使えません。{}〜{} の数で指定してください（ふつうは 110）",
        DPI.start(),
        DPI.end()
    ))
}

/// Render the selected pages to `dir`/<label>.png; returns the files written.
pub fn render(
    doc: &PagedDocument,
    pages: &[usize],
    dir: &Path,
    dpi: f32,
) -> Result<Vec<String>, String> {
    check_dpi(dpi)?;
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "{} を作れません: {}",
            dir.display(),
            crate::io_message::reason(&e)
        )
    })?;
    let labels = page_labels(doc);
    let mut written = Vec::new();
    for &i in pages {
        let options = typst_render::RenderOptions {
            pixel_per_pt: (f64::from(dpi) / 72.0).into(),
            render_bleed: false,
        };
        let pixmap = typst_render::render(&doc.pages()[i], &options);
        let png = pixmap
            .encode_png()
            .map_err(|e| format!("PNG にできません: {e}"))?;
        let name = if labels[i].is_empty() {
            format!("page{}", i + 1)
        } else {
            labels[i].clone()
        };
        let path = dir.join(format!("{name}.png"));
        crate::fs::write_atomic(&path, &png).map_err(|e| {
            format!(
                "{} に書き出せません: {}",
                path.display(),
                crate::io_message::reason(&e)
            )
        })?;
        written.push(path.display().to_string());
    }
    Ok(written)
}
