//! The city's common layer, applied in the load stage: the common folder's
//! `common.json` read (its problems named by its own path), its fields and
//! standards put into the ward's edition, the ward's explicit overrides kept
//! and listed, a silent redefinition refused.

use std::path::{Path, PathBuf};

mod fields;
mod standards;
mod wording;

use super::{Loaded, Loader};
use crate::content::error::ContentError;
use crate::content::model::*;
use crate::content::{CommonUse, Part};

/// The common files' names among the attachments: the same wherever the
/// common folder lies, so a rebuild from extracted files gives the same PDF.
pub const ATTACHED: &str = "common/";
/// The common file's name in its folder.
pub const FILE: &str = "common.json";

/// Where the common folder `folder` named in the edition in `dir` is: an
/// archived copy in `common/` (as `planpress extract` writes it for a previous
/// edition), else the folder named, beside the edition or relative to it.
pub fn common_dir(dir: &Path, folder: &str) -> PathBuf {
    let archived = dir.join(ATTACHED);
    if archived.join(FILE).is_file() {
        return archived;
    }
    let path = Path::new(folder);
    if path.components().count() == 1 {
        crate::content::folder_of(dir).join(path)
    } else {
        dir.join(path)
    }
}

/// The common file as messages name it: relative to the edition folder.
pub fn shown(dir: &Path, folder: &str) -> String {
    if dir.join(ATTACHED).join(FILE).is_file() {
        return format!("{ATTACHED}{FILE}");
    }
    let folder = folder.trim_end_matches(['/', '\\']);
    if Path::new(folder).components().count() == 1 {
        format!("../{folder}/{FILE}")
    } else {
        format!("{folder}/{FILE}")
    }
}

pub(super) fn apply(
    loader: &mut Loader,
    edition: Option<&mut Edition>,
    chapters: &mut Loaded,
) -> Option<CommonUse> {
    let ed = edition?;
    let Some(named) = ed.common.clone() else {
        refuse_unnamed(loader, chapters);
        return None;
    };
    let at = |m: String, p: &str| ContentError::new("edition.json", m).at(p);
    // Until the common file is read, the scenes and statuses are not known:
    // the rules do not check words against them.
    let unknown = ["/scenes", "/statuses"].map(|p| ("edition.json".to_string(), p.to_string()));
    let start = loader.aside.len();
    loader.aside.extend(unknown);
    let Some((dir, file, common)) = read(loader, &named) else {
        // The common items are not put in: the ward's own numbers (going on
        // from them) and its lists that await them are not the clerk's problem.
        let waiting = wording::waiting(chapters);
        loader
            .aside
            .extend(waiting.into_iter().chain(standards::waiting(chapters)));
        return None;
    };
    loader.aside.drain(start..start + 2);
    // Attached under one name wherever the folder lies.
    if let Some(s) = loader.sources.iter_mut().rev().find(|(n, _)| *n == file) {
        s.0 = format!("{ATTACHED}{FILE}");
    }
    let mut notices = Vec::new();
    let archived = file == format!("{ATTACHED}{FILE}");
    if common.fiscal_year != named.fiscal_year && archived {
        // The archived copy is read first: naming another folder changes nothing.
        let m = format!(
            "edition.json の common.fiscal_year は {} ですが、この版のフォルダの {file}（PDF から取り出した共通の内容。common.folder より先に使います）の fiscal_year は {} です。common.folder の共通フォルダを使うなら、この版のフォルダの common フォルダを別の場所に移してください",
            named.fiscal_year, common.fiscal_year
        );
        loader.errors.push(at(m, "/common/fiscal_year"));
    } else if common.fiscal_year != named.fiscal_year {
        let m = format!(
            "edition.json の common.fiscal_year は {} ですが、共通フォルダの {file} の fiscal_year は {} です。使う年度の共通フォルダを common.folder に書くか、common.fiscal_year を {} にしてください",
            named.fiscal_year, common.fiscal_year, common.fiscal_year
        );
        loader.errors.push(at(m, "/common/fiscal_year"));
    }
    let taken = fields::fields(loader, ed, &named, &common, &file, &mut notices);
    let before = loader.errors.len();
    let placed = standards::standards(loader, chapters, &common, &file, &mut notices);
    let worded = wording::wording(loader, chapters, &named, &common, &file, &mut notices);
    if chapters.len() < ed.chapters.len() {
        // A chapter that did not load may be the one that asks for the common
        // items: "no place asks for them" is not known.
        let mut found = loader.errors.split_off(before);
        found.retain(|e| !(e.file == "edition.json" && e.pointer.as_deref() == Some("/common")));
        loader.errors.extend(found);
    }
    Some(CommonUse {
        dir,
        file,
        fiscal_year: common.fiscal_year,
        notices,
        placed,
        worded,
        fields: taken,
    })
}

/// The rules saw the common items in the ward's files: each problem said
/// where it was written, once.
pub(super) fn placed(c: &CommonUse, found: &mut Vec<ContentError>) {
    for e in found.iter_mut() {
        e.message = c.reword(&e.message);
        if let Some(p) = &e.pointer {
            let (f, p) = c.source_of(&e.file, p);
            if f != e.file {
                // Named by the common file's own words (`resolve`).
                e.item = None;
            }
            (e.file, e.pointer) = (f, Some(p));
        }
    }
    // A common value printed in two places is one problem, told once.
    let mut seen = std::collections::HashSet::new();
    found.retain(|e| {
        e.pointer.is_none() || seen.insert((e.file.clone(), e.pointer.clone(), e.message.clone()))
    });
}

/// The common folder named, its file as messages name it and its content; a
/// problem reading it is told at `common.folder` or in the common file.
fn read(loader: &mut Loader, named: &CommonRef) -> Option<(PathBuf, String, Common)> {
    let at = |m: String, p: &str| ContentError::new("edition.json", m).at(p);
    if named.folder.trim().is_empty() || Path::new(&named.folder).has_root() {
        let m = "common.folder には共通フォルダの名前（例: ../city-common-r7）を、この版のフォルダからの相対パスで書いてください".to_string();
        loader.errors.push(at(m, "/common/folder"));
        return None;
    }
    let dir = common_dir(&loader.dir, &named.folder);
    let file = shown(&loader.dir, &named.folder);
    let path = dir.join(FILE);
    let folder = &named.folder;
    if dir.canonicalize().ok() == loader.dir.canonicalize().ok() && dir.is_dir() {
        let m = format!(
            "common.folder（{folder}）にこの版自身のフォルダが書かれています。市の共通フォルダ（common.json のあるフォルダ。例: ../city-common-r7）を書いてください"
        );
        loader.errors.push(at(m, "/common/folder"));
        return None;
    }
    if dir.is_file() {
        let m = format!(
            "common.folder の {folder} はファイルです。ファイル名を除いて、{FILE} のあるフォルダ（例: ../city-common-r7）を書いてください"
        );
        loader.errors.push(at(m, "/common/folder"));
        return None;
    }
    if !path.is_file() {
        let trimmed = folder.trim();
        let spaced = trimmed != folder && common_dir(&loader.dir, trimmed).join(FILE).is_file();
        let m = if spaced {
            format!(
                "common.folder の「{folder}」の前後に空白があります。空白を消して「{trimmed}」にしてください"
            )
        } else {
            format!(
                "共通フォルダ「{folder}」（edition.json の common.folder）に {FILE} がありません。フォルダ名を確かめてください"
            )
        };
        loader.errors.push(at(m, "/common/folder"));
        return None;
    }
    // The editor's unsaved common file, else the one on disk.
    let unsaved = (loader.overrides.iter())
        .find(|(n, _)| *n == file)
        .map(|(_, b)| b.clone());
    let bytes = match unsaved {
        Some(b) => b,
        None => loader.read_file(&file, &path)?,
    };
    let common: Common = loader.parse(&file, bytes)?;
    Some((dir, file, common))
}

/// `common_standards`, `common_principles` or `common_policy` in a ward whose
/// edition names no common folder.
fn refuse_unnamed(loader: &mut Loader, chapters: &Loaded) {
    let standards = (sections_with_common(chapters).into_iter())
        .map(|(f, i, _)| (f, format!("/sections/{i}/common_standards"), "共通基準"));
    let principles = (wording::Kind::Principles.asking(chapters).into_iter())
        .map(|a| (a.file, a.marker, "共通の基本理念"));
    let policy = (wording::Kind::Policy.asking(chapters).into_iter())
        .map(|a| (a.file, a.marker, "共通の方針"));
    for (f, p, what) in standards.chain(principles).chain(policy) {
        let name = p.rsplit('/').next().unwrap_or_default();
        let m = format!(
            "{name}（{what}をここに載せる）がありますが、edition.json に common（共通フォルダ）が書かれていません。edition.json に common を加えるか、{name} を消してください"
        );
        loader.errors.push(ContentError::new(&f, m).at(p));
    }
}

fn sections_with_common(chapters: &Loaded) -> Vec<(String, usize, CommonStandards)> {
    let mut found = Vec::new();
    for (f, part) in chapters {
        if let Part::Sections(ch) = part {
            for (i, s) in ch.sections.iter().enumerate() {
                if let Some(c) = &s.common_standards {
                    found.push((f.clone(), i, c.clone()));
                }
            }
        }
    }
    found
}
