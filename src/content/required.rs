//! What a printed plan cannot do without: titles and names that are not empty,
//! each file listed once, years the era calendar can print.

use std::collections::HashSet;

use super::model::*;
use super::{ContentError, Part};

/// The years an edition or its results may be for: from 平成元年 (1989) to 2200.
pub const YEARS: std::ops::RangeInclusive<i32> = 1989..=2200;

/// Problems of `edition.json` itself.
pub fn edition(ed: &Edition) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let file = "edition.json";
    title(&mut errors, file, "/title", &ed.title);
    cover(&mut errors, file, &ed.cover);
    year(&mut errors, file, "/fiscal_year", ed.fiscal_year);
    let mut seen = HashSet::new();
    let listed = (ed
        .chapters
        .iter()
        .enumerate()
        .map(|(i, r)| ("chapters", i, r)))
    .chain(ed.annex.iter().enumerate().map(|(i, r)| ("annex", i, r)));
    for (list, i, r) in listed {
        if !seen.insert(r.file.as_str()) {
            errors.push(
                ContentError::new(
                    file,
                    format!(
                        "ファイル「{}」が二度書かれています。章や資料ごとに別のファイルにするか、重なった行を削除してください",
                        r.file
                    ),
                )
                .at(format!("/{list}/{i}/file")),
            );
        }
    }
    if let Some(list) = &ed.statuses {
        statuses(&mut errors, file, list);
    }
    if let Some(p) = &ed.previous {
        let path = std::path::Path::new(p);
        if p.trim().is_empty() || path.is_absolute() || path.has_root() {
            errors.push(
                ContentError::new(
                    file,
                    "previous には、この版のフォルダの隣にある前年度の版のフォルダ名（例: miyamae-r1）を書いてください。前年度の版がなければ previous の行を削除してください",
                )
                .at("/previous"),
            );
        }
    }
    errors
}

/// Problems of one chapter or annex file.
pub fn part(file: &str, part: &Part) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let e = &mut errors;
    match part {
        Part::Principles(p) => {
            title(e, file, "/title", &p.title);
            items(e, file, "/principles", &p.principles);
        }
        Part::Sections(c) => {
            title(e, file, "/title", &c.title);
            for (i, s) in c.sections.iter().enumerate() {
                if let Some(policy) = &s.policy {
                    let at = format!("/sections/{i}/policy");
                    title(e, file, &format!("{at}/title"), &policy.title);
                    items(e, file, &format!("{at}/items"), &policy.items);
                }
            }
        }
        Part::Targets(t) => {
            title(e, file, "/title", &t.title);
            title(e, file, "/policy/title", &t.policy.title);
            items(e, file, "/policy/items", &t.policy.items);
            for (i, div) in t.divisions.iter().enumerate() {
                if let Some(name) = &div.name {
                    self::name(e, file, &format!("/divisions/{i}/name"), name);
                }
                for (j, d) in div.departments.iter().enumerate() {
                    let p = format!("/divisions/{i}/departments/{j}");
                    self::name(e, file, &format!("{p}/short_name"), &d.short_name);
                    self::name(e, file, &format!("{p}/full_name"), &d.full_name);
                    for (k, u) in d.units.iter().enumerate() {
                        self::name(e, file, &format!("{p}/units/{k}/name"), &u.name);
                    }
                }
            }
        }
        Part::Free(c) => {
            title(e, file, "/title", &c.title);
            for (i, s) in c.sections.iter().enumerate() {
                title(e, file, &format!("/sections/{i}/title"), &s.title);
                for (j, sub) in s.subsections.iter().enumerate() {
                    title(
                        e,
                        file,
                        &format!("/sections/{i}/subsections/{j}/title"),
                        &sub.title,
                    );
                }
            }
        }
        Part::Regulation(r) => title(e, file, "/title", &r.title),
        Part::Roster(r) => title(e, file, "/title", &r.title),
        Part::Memo(m) => title(e, file, "/title", &m.title),
        Part::Results(r) => {
            title(e, file, "/title", &r.title);
            year(e, file, "/fiscal_year", r.fiscal_year);
        }
    }
    errors
}

/// The status words: some, each once, none empty, and short enough together for
/// the spreadsheets' drop-down (Excel allows 255 characters).
fn statuses(errors: &mut Vec<ContentError>, file: &str, list: &[String]) {
    let mut fail = |pointer: String, message: String| {
        errors.push(ContentError::new(file, message).at(pointer));
    };
    if list.is_empty() {
        fail("/statuses".into(), "statuses が空です。状況の言葉（例: \"達成\"）を書くか、statuses の行を削除してください（達成・一部達成・未達成 になります）".into());
    }
    let mut seen = HashSet::new();
    for (i, s) in list.iter().enumerate() {
        if s.trim().is_empty() || s.contains(',') {
            fail(format!("/statuses/{i}"), "状況の言葉が空か、半角のカンマ「,」を含んでいます。言葉を入れ、カンマは使わないでください".into());
        } else if !seen.insert(s.as_str()) {
            fail(
                format!("/statuses/{i}"),
                format!("状況の言葉「{s}」が二度書かれています。一つにしてください"),
            );
        }
    }
    let total: usize = list.iter().map(|s| s.chars().count() + 1).sum();
    if total > 255 {
        fail("/statuses".into(), "状況の言葉が長すぎます（合わせて 255 文字まで。Excel の一覧で選べなくなります）。短くしてください".into());
    }
}

/// The cover's title lines: at least one, none empty (a blank cover would print).
fn cover(errors: &mut Vec<ContentError>, file: &str, cover: &Cover) {
    if cover.title_lines.iter().all(|l| l.trim().is_empty()) {
        errors.push(
            ContentError::new(
                file,
                "表紙の題（title_lines）がありません。表紙に印刷する題を1行以上書いてください",
            )
            .at("/cover/title_lines"),
        );
        return;
    }
    for (i, l) in cover.title_lines.iter().enumerate() {
        if l.trim().is_empty() {
            errors.push(
                ContentError::new(
                    file,
                    "表紙の題の行が空です。文字を入れるか、その行を削除してください",
                )
                .at(format!("/cover/title_lines/{i}")),
            );
        }
    }
}

fn title(errors: &mut Vec<ContentError>, file: &str, pointer: &str, text: &str) {
    if text.trim().is_empty() {
        errors.push(ContentError::new(file, "見出しが空です。見出しを入れてください").at(pointer));
    }
}

/// The headings of numbered items (基本理念, 向上方針).
fn items(errors: &mut Vec<ContentError>, file: &str, pointer: &str, items: &[NumberedItem]) {
    for (k, x) in items.iter().enumerate() {
        title(errors, file, &format!("{pointer}/{k}/title"), &x.title);
    }
}

fn name(errors: &mut Vec<ContentError>, file: &str, pointer: &str, text: &str) {
    if text.trim().is_empty() {
        errors.push(ContentError::new(file, "名前が空です。名前を入れてください").at(pointer));
    }
}

fn year(errors: &mut Vec<ContentError>, file: &str, pointer: &str, year: i32) {
    if !YEARS.contains(&year) {
        errors.push(
            ContentError::new(
                file,
                format!(
                    "年度 {year} は、{}（平成元年度）から {} までの西暦で書いてください（令和2年度なら 2020）",
                    YEARS.start(),
                    YEARS.end()
                ),
            )
            .at(pointer),
        );
    }
}
