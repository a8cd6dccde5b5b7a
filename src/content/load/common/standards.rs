//! The common standards tables, put before the ward's own in the section that
//! asks for them (`common_standards`), with the ward's overrides.

use super::super::{Loaded, Loader};
use super::sections_with_common;
use crate::content::Part;
use crate::content::Placed;
use crate::content::error::ContentError;
use crate::content::model::*;

/// The common tables put before the ward's own in the section that asks for
/// them, with the ward's overrides; a ward standard numbered as a common one
/// without an override is refused.
pub(super) fn standards(
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
    if common.standard_tables.is_empty() && !asking.is_empty() {
        for (f, i, _) in &asking {
            let m = format!(
                "common_standards（共通基準をここに載せる）がありますが、共通フォルダの {file} に共通基準（standard_tables）がありません。common_standards を消すか、{file} に共通基準を書いてください"
            );
            let p = format!("/sections/{i}/common_standards");
            loader.errors.push(ContentError::new(f, m).at(p));
        }
        // The ward's own standards go on from common ones that are not there.
        loader.aside.extend(waiting(chapters));
        return Vec::new();
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
        // Each number's first override (a map: a file may hold very many).
        let mut seen = std::collections::HashMap::new();
        for (o, ov) in use_.overrides.iter().enumerate() {
            let op = format!("{sp}/common_standards/overrides/{o}");
            // A number that could not be read (a stand-in) rewords nothing.
            let unread = |o: usize| {
                let p = format!("{sp}/common_standards/overrides/{o}/number");
                loader.set_aside(&f, &p)
            };
            if unread(o) {
                continue;
            }
            // A second override of one standard would silently drop the first.
            let first = *seen.entry(ov.number).or_insert(o);
            if first != o {
                let m = format!(
                    "共通基準{} の言い換えは、overrides の {} 番目にもあります。一つの共通基準の言い換えは一つにまとめ、残す方を決めてもう一方を消してください",
                    ov.number,
                    first + 1
                );
                loader
                    .errors
                    .push(ContentError::new(&f, m).at(format!("{op}/number")));
                continue;
            }
            let target = (tables.iter().enumerate())
                .filter(|(_, t)| t.numbering == Numbering::Through)
                .flat_map(|(t, x)| (x.standards.iter().enumerate()).map(move |(k, s)| (t, k, s)))
                .find(|(_, _, s)| s.number == ov.number)
                .map(|(t, k, _)| (t, k));
            let Some((t, k)) = target else {
                let unread = (common.standard_tables.iter().enumerate()).any(|(t, x)| {
                    (0..x.standards.len()).any(|k| {
                        loader
                            .set_aside(file, &format!("/standard_tables/{t}/standards/{k}/number"))
                    })
                });
                if unread {
                    // A common number that could not be read may be this one.
                    continue;
                }
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

/// Where the ward's standards go on from the common ones that could not be
/// read: their numbers (`(file, pointer)`), or the section's empty tables.
pub(super) fn waiting(chapters: &Loaded) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (f, i, _) in sections_with_common(chapters) {
        let Some((_, Part::Sections(ch))) = chapters.iter().find(|(g, _)| *g == f) else {
            continue;
        };
        let tables = &ch.sections[i].standard_tables;
        if tables.is_empty() {
            out.push((f.clone(), format!("/sections/{i}/standard_tables")));
        }
        for (t, table) in tables.iter().enumerate() {
            for k in 0..table.standards.len() {
                let p = format!("/sections/{i}/standard_tables/{t}/standards/{k}/number");
                out.push((f.clone(), p));
            }
        }
    }
    out
}
