//! Build every edition under `content/` into `archive/`, with a manifest of
//! SHA-256 sums, and verify on later runs that nothing changed.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::fs::Links;
use crate::{BuildError, Config};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub edition: String,
    pub fiscal_year: i32,
    pub pdf: String,
    pub pdf_sha256: String,
    pub sources: Vec<Source>,
    pub tool_version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub editions: Vec<Entry>,
}

/// The largest archived PDF and manifest read back.
const PDF_LIMIT: u64 = 200 * 1024 * 1024;
const MANIFEST_LIMIT: u64 = 20 * 1024 * 1024;

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The outcome of an archive run, for the clerk.
pub struct Report {
    pub built: Vec<String>,
    /// Editions whose PDF or sources differ from the manifest of an earlier run.
    pub changed: Vec<String>,
    pub verified: bool,
}

pub fn archive(content_dir: &Path, archive_dir: &Path) -> Result<Report, String> {
    let mut editions: Vec<_> = fs::read_dir(content_dir)
        .map_err(|e| {
            format!(
                "{} を開けません: {}",
                content_dir.display(),
                crate::io_message::reason(&e)
            )
        })?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("edition.json").is_file())
        .collect();
    editions.sort();
    if editions.is_empty() {
        return Err(format!(
            "{} に版のフォルダ（edition.json のあるフォルダ）がありません",
            content_dir.display()
        ));
    }
    let manifest_path = archive_dir.join("manifest.json");
    // Everything archived earlier is checked before anything is built or written.
    let earlier = read_manifest(&manifest_path)?;
    if let Some(m) = &earlier {
        verify(archive_dir, m)?;
    }
    let mut entries = Vec::new();
    // Every edition is built before anything is written: a broken one stops the
    // run with no PDF archived and left out of the manifest.
    let mut pdfs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut report = Report {
        built: Vec::new(),
        changed: Vec::new(),
        verified: earlier.is_some(),
    };
    for dir in &editions {
        let built = crate::build(&Config::new(dir)).map_err(|e: BuildError| e.to_string())?;
        let content = built.content();
        let name = content.name.clone();
        let pdf_name = format!("{name}.pdf");
        let entry = Entry {
            edition: name.clone(),
            fiscal_year: content.edition.fiscal_year,
            pdf: pdf_name.clone(),
            pdf_sha256: sha256(&built.pdf),
            sources: content
                .sources
                .iter()
                .map(|(f, b)| Source {
                    file: f.clone(),
                    sha256: sha256(b),
                })
                .collect(),
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
        };
        let before = earlier
            .as_ref()
            .and_then(|m| m.editions.iter().find(|e| e.edition == name));
        let changed = match before {
            Some(b) => b.pdf_sha256 != entry.pdf_sha256 || b.sources != entry.sources,
            // No manifest entry: an archived PDF already there is the baseline.
            None => match fs::symlink_metadata(archive_dir.join(&pdf_name)) {
                Err(_) => false,
                Ok(_) => !matches!(
                    crate::fs::read_regular(&archive_dir.join(&pdf_name), PDF_LIMIT, Links::Refuse),
                    Ok(old) if sha256(&old) == entry.pdf_sha256
                ),
            },
        };
        if changed {
            // Never overwrite an archived PDF silently.
            report.changed.push(name.clone());
            entries.extend(before.cloned());
            continue;
        }
        pdfs.push((pdf_name, built.pdf.clone()));
        report.built.push(name);
        entries.push(entry);
    }
    fs::create_dir_all(archive_dir).map_err(|e| {
        format!(
            "{} を作れません: {}",
            archive_dir.display(),
            crate::io_message::reason(&e)
        )
    })?;
    for (pdf_name, pdf) in &pdfs {
        crate::fs::write_atomic(&archive_dir.join(pdf_name), pdf).map_err(|e| {
            format!(
                "{pdf_name} を書き出せません: {}",
                crate::io_message::reason(&e)
            )
        })?;
    }
    // Editions archived earlier but no longer under content/ stay in the manifest.
    if let Some(m) = &earlier {
        for e in &m.editions {
            if !entries.iter().any(|x| x.edition == e.edition) {
                entries.push(e.clone());
            }
        }
    }
    let manifest = Manifest { editions: entries };
    let text = serde_json::to_string_pretty(&manifest).expect("manifest serialises") + "\n";
    crate::fs::write_atomic(&manifest_path, text.as_bytes()).map_err(|e| {
        format!(
            "manifest.json を書き出せません: {}",
            crate::io_message::reason(&e)
        )
    })?;
    Ok(report)
}

/// The manifest of earlier runs, if there is one; a manifest that cannot be read
/// is an error, never a reason to start a new one.
fn read_manifest(path: &Path) -> Result<Option<Manifest>, String> {
    if fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let fix = "何も書き換えていません。バックアップから manifest.json を元に戻してから、もう一度実行してください";
    let bytes = crate::fs::read_regular(path, MANIFEST_LIMIT, Links::Refuse)
        .map_err(|e| format!("{}: {e}\n{fix}", path.display()))?;
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
        format!(
            "{} が壊れていて読めません（{} 行目）。{fix}",
            path.display(),
            e.line()
        )
    })?;
    for e in &manifest.editions {
        if !plain_pdf_name(&e.pdf) {
            return Err(format!(
                "{} の版 {} の PDF 名「{}」が正しくありません。{fix}",
                path.display(),
                e.edition,
                e.pdf
            ));
        }
    }
    Ok(Some(manifest))
}

/// A file name directly in the archive folder.
fn plain_pdf_name(name: &str) -> bool {
    name.ends_with(".pdf")
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':'])
        && !name.chars().any(char::is_control)
}

/// Every archived PDF is still the one the manifest recorded.
fn verify(archive_dir: &Path, manifest: &Manifest) -> Result<(), String> {
    let mut faults = Vec::new();
    for e in &manifest.editions {
        let path = archive_dir.join(&e.pdf);
        let fault = match fs::symlink_metadata(&path) {
            Err(_) => Some("ありません（消えています）".to_string()),
            Ok(_) => match crate::fs::read_regular(&path, PDF_LIMIT, Links::Refuse) {
                Err(why) => Some(why),
                Ok(bytes) if sha256(&bytes) != e.pdf_sha256 => Some(
                    "中身が保管したときと違います（書き換えられたか、壊れています）".to_string(),
                ),
                Ok(_) => None,
            },
        };
        if let Some(fault) = fault {
            faults.push(format!("- {}: {fault}", path.display()));
        }
    }
    if faults.is_empty() {
        return Ok(());
    }
    Err(format!(
        "保管済みの PDF が manifest.json の記録と合いません:\n{}\n何も書き換えていません。バックアップから元の PDF を戻してから、もう一度実行してください",
        faults.join("\n")
    ))
}
