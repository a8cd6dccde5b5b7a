//! Build every edition under `content/` into `archive/`, with a manifest of
//! SHA-256 sums, and verify on later runs that nothing changed.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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
        .map_err(|e| format!("{} を開けません: {e}", content_dir.display()))?
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
    fs::create_dir_all(archive_dir)
        .map_err(|e| format!("{} を作れません: {e}", archive_dir.display()))?;
    let manifest_path = archive_dir.join("manifest.json");
    let earlier: Option<Manifest> = fs::read(&manifest_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let mut entries = Vec::new();
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
            None => fs::read(archive_dir.join(&pdf_name))
                .is_ok_and(|old| sha256(&old) != entry.pdf_sha256),
        };
        if changed {
            // Never overwrite an archived PDF silently.
            report.changed.push(name.clone());
            entries.extend(before.cloned());
            continue;
        }
        crate::fs::write_atomic(&archive_dir.join(&pdf_name), &built.pdf)
            .map_err(|e| format!("{pdf_name} を書き出せません: {e}"))?;
        report.built.push(name);
        entries.push(entry);
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
    crate::fs::write_atomic(&manifest_path, text.as_bytes())
        .map_err(|e| format!("manifest.json を書き出せません: {e}"))?;
    Ok(report)
}
