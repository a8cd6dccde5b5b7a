//! The city's common layer, applied in the load stage: the common folder's
//! `common.json` read (its problems named by its own path), its fields and
//! standards put into the ward's edition, the ward's explicit overrides kept
//! and listed, a silent redefinition refused.

use std::path::{Path, PathBuf};

use super::{Loaded, Loader};
use crate::content::error::ContentError;
use crate::content::model::*;
use crate::content::{CommonUse, Part, Placed};

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
        dir.parent().unwrap_or(Path::new(".")).join(path)
    } else {
        dir.join(path)
    }
}

/// The common file as messages name it: relative to the edition folder.
fn shown(dir: &Path, folder: &str) -> String {
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
    if named.folder.trim().is_empty() || Path::new(&named.folder).has_root() {
        let m = "common.folder には共通フォルダの名前（例: ../city-common-r7）を、この版のフォルダからの相対パスで書いてください".to_string();
        loader.errors.push(at(m, "/common/folder"));
        return None;
    }
    let dir = common_dir(&loader.dir, &named.folder);
    let file = shown(&loader.dir, &named.folder);
    let path = dir.join(FILE);
    if !path.is_file() {
        let m = format!(
            "共通フォルダ {}（edition.json の common.folder）に {FILE} がありません。フォルダ名を確かめてください",
            named.folder
        );
        loader.errors.push(at(m, "/common/folder"));
        return None;
    }
    let bytes = loader.read_file(&file, &path)?;
    let common: Common = loader.parse(&file, bytes)?;
    loader.aside.drain(start..start + 2);
    // Attached under one name wherever the folder lies.
    if let Some(s) = loader.sources.iter_mut().rev().find(|(n, _)| *n == file) {
        s.0 = format!("{ATTACHED}{FILE}");
    }
    let mut notices = Vec::new();
    if common.fiscal_year != named.fiscal_year {
        let m = format!(
            "edition.json の common.fiscal_year は {} ですが、共通フォルダの {file} の fiscal_year は {} です。使う年度の共通フォルダを common.folder に書くか、common.fiscal_year を {} にしてください",
            named.fiscal_year, common.fiscal_year, common.fiscal_year
        );
        loader.errors.push(at(m, "/common/fiscal_year"));
    }
    let taken = fields(loader, ed, &named, &common, &file, &mut notices);
    let placed = standards(loader, chapters, &common, &file, &mut notices);
    Some(CommonUse {
        dir,
        file,
        fiscal_year: common.fiscal_year,
        notices,
        placed,
        fields: taken,
    })
}

/// `common_standards` in a ward whose edition names no common folder.
fn refuse_unnamed(loader: &mut Loader, chapters: &Loaded) {
    for (f, i, _) in sections_with_common(chapters) {
        let m = "common_standards（共通基準をここに載せる）がありますが、edition.json に common（共通フォルダ）が書かれていません。edition.json に common を加えるか、common_standards を消してください";
        loader
            .errors
            .push(ContentError::new(&f, m).at(format!("/sections/{i}/common_standards")));
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

/// scenes, statuses, comparison: the common one, unless the ward overrides it.
fn fields(
    loader: &mut Loader,
    ed: &mut Edition,
    named: &CommonRef,
    common: &Common,
    file: &str,
    notices: &mut Vec<String>,
) -> Vec<CommonField> {
    let ward = [
        (CommonField::Scenes, !ed.scenes.is_empty()),
        (CommonField::Statuses, ed.statuses.is_some()),
        (CommonField::Comparison, ed.comparison.is_some()),
    ];
    let city = [
        common.scenes.is_some(),
        common.statuses.is_some(),
        common.comparison.is_some(),
    ];
    for ((field, own), in_common) in ward.into_iter().zip(city) {
        let name = field.name();
        let overridden = named.overrides.contains(&field);
        if overridden && !(own && in_common) {
            let why = if in_common {
                format!("edition.json に {name} がありません")
            } else {
                format!("共通フォルダの {file} に {name} がありません")
            };
            let m = format!(
                "common.overrides に {name} がありますが、{why}。区で置き換えないなら common.overrides から {name} を消してください"
            );
            let i = named
                .overrides
                .iter()
                .position(|f| *f == field)
                .unwrap_or(0);
            (loader.errors)
                .push(ContentError::new("edition.json", m).at(format!("/common/overrides/{i}")));
        } else if own && in_common && !overridden {
            let m = format!(
                "edition.json の {name} は、共通フォルダの {file} の {name} と重なっています。共通のものを使うなら edition.json から {name} を消し、区で違うものにするなら common.overrides に \"{name}\" を書いてください"
            );
            (loader.errors).push(ContentError::new("edition.json", m).at(format!("/{name}")));
        } else if overridden {
            notices.push(format!(
                "edition.json は共通フォルダの {file} の {name} を区独自のものに置き換えています（common.overrides）"
            ));
        }
    }
    let mut taken = Vec::new();
    let mut take = |f: CommonField, has: bool| {
        let yes = has && !named.overrides.contains(&f);
        if yes {
            taken.push(f);
        }
        yes
    };
    if take(CommonField::Scenes, common.scenes.is_some()) {
        ed.scenes = common.scenes.clone().unwrap_or_default();
    }
    if take(CommonField::Statuses, common.statuses.is_some()) {
        ed.statuses = common.statuses.clone();
    }
    if take(CommonField::Comparison, common.comparison.is_some()) {
        ed.comparison = common.comparison;
    }
    taken
}

/// The common tables put before the ward's own in the section that asks for
/// them, with the ward's overrides; a ward standard numbered as a common one
/// without an override is refused.
fn standards(
    loader: &mut Loader,
    chapters: &mut Loaded,
    common: &Common,
    file: &str,
    notices: &mut Vec<String>,
) -> Vec<Placed> {
    let asking = sections_with_common(chapters);
    let numbers: Vec<u32> = (common.standard_tables.iter())
        .filter(|t| t.numbering == Numbering::Through)
        .flat_map(|t| t.standards.iter().map(|s| s.number))
        .collect();
    let last = numbers.iter().max().copied().unwrap_or(0);
    if asking.is_empty() && !common.standard_tables.is_empty() {
        let m = format!(
            "共通フォルダの {file} の共通基準を載せる節がありません。基準の表を載せる節（sections の一つ）に \"common_standards\": {{}} を書いてください"
        );
        loader
            .errors
            .push(ContentError::new("edition.json", m).at("/common"));
    }
    let mut placed = Vec::new();
    for (n, (f, i, use_)) in asking.into_iter().enumerate() {
        let sp = format!("/sections/{i}");
        if n > 0 {
            let m = "共通基準を載せる節（common_standards）は一つだけにしてください";
            loader
                .errors
                .push(ContentError::new(&f, m).at(format!("{sp}/common_standards")));
            continue;
        }
        let mut tables = common.standard_tables.clone();
        let mut overridden = Vec::new();
        for (o, ov) in use_.overrides.iter().enumerate() {
            let op = format!("{sp}/common_standards/overrides/{o}");
            let target = (tables.iter().enumerate())
                .filter(|(_, t)| t.numbering == Numbering::Through)
                .flat_map(|(t, x)| (x.standards.iter().enumerate()).map(move |(k, s)| (t, k, s)))
                .find(|(_, _, s)| s.number == ov.number)
                .map(|(t, k, _)| (t, k));
            let Some((t, k)) = target else {
                let m = format!(
                    "共通基準{} は共通フォルダの {file} にありません（共通基準は 1〜{last}）。置き換える共通基準の番号を書いてください",
                    ov.number
                );
                loader
                    .errors
                    .push(ContentError::new(&f, m).at(format!("{op}/number")));
                continue;
            };
            let st = &mut tables[t].standards[k];
            st.text = ov.text.clone();
            if ov.note.is_some() {
                st.note = ov.note.clone();
            }
            if ov.owner.is_some() {
                st.owner = ov.owner.clone();
            }
            if let Some(s) = &ov.scene {
                st.scene = s.clone();
            }
            // The fields the override writes; the others stay the common file's.
            let set = [
                ("text", true),
                ("note", ov.note.is_some()),
                ("owner", ov.owner.is_some()),
                ("scene", ov.scene.is_some()),
            ];
            let fields = set.iter().filter(|(_, on)| *on).map(|(f, _)| *f).collect();
            overridden.push((t, k, o, fields));
            notices.push(format!(
                "{f} は共通基準{}（{file}）を区独自の文に置き換えています（common_standards の overrides）",
                ov.number
            ));
        }
        redefinitions(loader, chapters, &f, i, &numbers, file, last);
        let count = tables.len();
        if let Some((_, Part::Sections(ch))) = chapters.iter_mut().find(|(g, _)| *g == f) {
            let own = std::mem::take(&mut ch.sections[i].standard_tables);
            tables.extend(own);
            ch.sections[i].standard_tables = tables;
        }
        placed.push(Placed {
            file: f,
            section: i,
            tables: count,
            overridden,
        });
    }
    placed
}

/// A ward standard, numbered through, that has a common standard's number.
fn redefinitions(
    loader: &mut Loader,
    chapters: &Loaded,
    f: &str,
    i: usize,
    numbers: &[u32],
    file: &str,
    last: u32,
) {
    let Some((_, Part::Sections(ch))) = chapters.iter().find(|(g, _)| g == f) else {
        return;
    };
    for (t, table) in ch.sections[i].standard_tables.iter().enumerate() {
        if table.numbering != Numbering::Through {
            continue;
        }
        for (k, st) in table.standards.iter().enumerate() {
            if numbers.contains(&st.number) {
                let m = format!(
                    "基準{n} は共通基準{n}（{file}）と同じ番号です。共通基準を区で違う文にするなら common_standards の overrides に書き、区独自の基準なら番号を {} から続けてください",
                    last + 1,
                    n = st.number
                );
                let p = format!("/sections/{i}/standard_tables/{t}/standards/{k}/number");
                loader.errors.push(ContentError::new(f, m).at(p));
            }
        }
    }
}
