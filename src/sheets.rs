//! The departments' spreadsheets: `planpress sheets` writes one workbook per
//! department (rust_xlsxwriter); `planpress import` reads returned ones (calamine),
//! checks them with the same rules as content files, and shows or applies the changes.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook, XlsxError,
};
use serde_json::Value;

use crate::content::model::{Department, Status, Target};
use crate::content::{Content, Part, date::fiscal_year_wareki};
use crate::diff::{Change, ChangeKind};

pub const INFO_SHEET: &str = "説明";
pub const TARGET_SHEET: &str = "目標";
pub const HEADER: [&str; 5] = ["No", "場面", "目標及び具体的な取組内容", "実施結果", "状況"];
/// Where the department's id stands on the instructions sheet (row, column; 0-based).
const ID_CELL: (u32, u32) = (3, 1);
const STATUSES: [&str; 3] = ["達成", "一部達成", "未達成"];
/// Blank rows offered for new targets.
const SPARE_ROWS: u32 = 5;

/// (file name, workbook bytes) for each department.
pub fn export(content: &Content) -> Result<Vec<(String, Vec<u8>)>, String> {
    content
        .departments()
        .map(|(div, d)| {
            let bytes = workbook(content, div.name.as_deref(), d)
                .map_err(|e| format!("{}: {e}", d.short_name))?;
            Ok((format!("{}.xlsx", d.short_name), bytes))
        })
        .collect()
}

fn workbook(
    content: &Content,
    division: Option<&str>,
    d: &Department,
) -> Result<Vec<u8>, XlsxError> {
    let year = fiscal_year_wareki(content.edition.fiscal_year);
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(14);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let info = wb.add_worksheet();
    info.set_name(INFO_SHEET)?;
    info.set_column_width(0, 14)?;
    info.set_column_width(1, 90)?;
    info.write_with_format(
        0,
        0,
        format!("{year} 区役所サービス向上目標 記入用シート"),
        &title,
    )?;
    let name = match division {
        Some(div) => format!("{div} {}", d.full_name),
        None => d.full_name.clone(),
    };
    info.write(2, 0, "部署")?;
    info.write(2, 1, name)?;
    info.write(ID_CELL.0, 0, "部署ID")?;
    info.write(ID_CELL.0, ID_CELL.1 as u16, d.id.as_str())?;
    let steps = [
        "「目標」シートに、今年度の目標と具体的な取組内容を記入してください（昨年度の目標が入っています。見直して書き換えてください）。",
        "場面は一覧から選んでください。目標を増やすときは、下の空いている行に次の番号から記入してください。",
        "年度末には「実施結果」と「状況」（達成・一部達成・未達成）を記入してください。",
        "見出しの行、No の列、このシートは変更できません。シートの名前やファイル名の「部署ID」は変えないでください。",
        "記入が終わったら、このファイルを総務課に返送してください。",
    ];
    info.write(5, 0, "記入のしかた")?;
    for (i, s) in steps.iter().enumerate() {
        info.write(6 + i as u32, 0, format!("{}.", i + 1))?;
        info.write_with_format(6 + i as u32, 1, *s, &wrap)?;
    }
    info.protect();

    let ws = wb.add_worksheet();
    ws.set_name(TARGET_SHEET)?;
    let border = |f: Format| f.set_border(FormatBorder::Thin).set_align(FormatAlign::Top);
    let head = border(
        Format::new()
            .set_bold()
            .set_background_color("DFE7F0")
            .set_locked()
            .set_align(FormatAlign::Center),
    );
    let key = border(Format::new().set_locked().set_align(FormatAlign::Center));
    let open = border(Format::new().set_unlocked().set_text_wrap());
    let open_center = border(Format::new().set_unlocked().set_align(FormatAlign::Center));
    for (c, w) in [8.0, 14.0, 60.0, 40.0, 12.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_with_format(0, c as u16, *h, &head)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, t) in d.targets.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_number_with_format(r, 0, f64::from(t.number), &key)?;
        ws.write_with_format(r, 1, t.scene.as_str(), &open_center)?;
        ws.write_with_format(r, 2, t.text.as_str(), &open)?;
        ws.write_with_format(r, 3, t.result.as_deref().unwrap_or(""), &open)?;
        ws.write_with_format(r, 4, t.status.map(status_word).unwrap_or(""), &open_center)?;
    }
    let last = d.targets.len() as u32 + SPARE_ROWS;
    for r in d.targets.len() as u32 + 1..=last {
        ws.write_blank(r, 0, &open_center)?;
        ws.write_blank(r, 1, &open_center)?;
        ws.write_blank(r, 2, &open)?;
        ws.write_blank(r, 3, &open)?;
        ws.write_blank(r, 4, &open_center)?;
    }
    let scenes: Vec<&str> = content.edition.scenes.iter().map(String::as_str).collect();
    let scene_list = DataValidation::new()
        .allow_list_strings(&scenes)?
        .set_error_message("場面は一覧から選んでください")?;
    ws.add_data_validation(1, 1, last, 1, &scene_list)?;
    let status_list = DataValidation::new()
        .allow_list_strings(&STATUSES)?
        .set_error_message("状況は 達成・一部達成・未達成 から選んでください")?;
    ws.add_data_validation(1, 4, last, 4, &status_list)?;
    ws.protect_with_options(&ProtectionOptions {
        format_rows: true,
        ..ProtectionOptions::default()
    });
    wb.save_to_buffer()
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Achieved => "達成",
        Status::Partly => "一部達成",
        Status::NotAchieved => "未達成",
    }
}

/// One problem in a returned workbook: 「区民課.xlsx 目標シート C5: …」.
pub fn problem(
    file: &str,
    sheet: Option<&str>,
    cell: Option<(u32, u32)>,
    message: impl Into<String>,
) -> String {
    let mut s = file.to_string();
    if let Some(sh) = sheet {
        s.push_str(&format!(" {sh}シート"));
    }
    if let Some((r, c)) = cell {
        s.push_str(&format!(" {}", cell_name(r, c)));
    }
    format!("{s}: {}", message.into())
}

/// A department's targets as read from its workbook.
pub struct Returned {
    pub file: String,
    pub department: String,
    pub targets: Vec<Target>,
}

/// Read and check one returned workbook against the edition.
pub fn read(content: &Content, file: &str, bytes: &[u8]) -> Result<Returned, Vec<String>> {
    let p =
        |sheet: Option<&str>, cell: Option<(u32, u32)>, m: String| problem(file, sheet, cell, m);
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| vec![p(None, None, format!("Excel のファイル（.xlsx）として読めません（{e}）。planpress sheets で作ったファイルを返送してもらってください"))])?;
    let names = wb.sheet_names();
    for sheet in [INFO_SHEET, TARGET_SHEET] {
        if !names.iter().any(|n| n == sheet) {
            return Err(vec![p(
                None,
                None,
                format!(
                    "「{sheet}」シートがありません（シートは {}）。シートの名前を「{sheet}」に戻してください",
                    names.join("・")
                ),
            )]);
        }
    }
    let info = wb
        .worksheet_range(INFO_SHEET)
        .map_err(|e| vec![p(Some(INFO_SHEET), None, e.to_string())])?;
    let id = match info.get_value(ID_CELL) {
        Some(Data::String(s)) => s.trim().to_string(),
        _ => {
            return Err(vec![p(
                Some(INFO_SHEET),
                Some(ID_CELL),
                "部署ID がありません。planpress sheets で作ったファイルを使ってください".into(),
            )]);
        }
    };
    let Some((_, dep)) = content.departments().find(|(_, d)| d.id == id) else {
        return Err(vec![p(
            Some(INFO_SHEET),
            Some(ID_CELL),
            format!(
                "部署ID「{id}」の部署はこの版にありません。別の年度や別の区のファイルではないか確かめてください"
            ),
        )]);
    };
    let mut errors = Vec::new();
    let sheet = Some(TARGET_SHEET);
    if let Ok(merged) = wb.merge_cells_by_sheet_name(TARGET_SHEET)
        && let Some(m) = merged.first()
    {
        errors.push(p(
            sheet,
            Some(m.start),
            format!(
                "セルが結合されています（{}）。結合を解除して、1つのセルに1つの値を書いてください",
                range_name(m.start, m.end)
            ),
        ));
    }
    let range = wb
        .worksheet_range(TARGET_SHEET)
        .map_err(|e| vec![p(sheet, None, e.to_string())])?;
    let text_at = |r: u32, c: u32| -> Option<String> {
        match range.get_value((r, c)) {
            Some(Data::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Some(Data::Float(f)) => Some(f.to_string()),
            Some(Data::Int(i)) => Some(i.to_string()),
            _ => None,
        }
    };
    if let Some(c) = (0..HEADER.len()).find(|&c| text_at(0, c as u32).as_deref() != Some(HEADER[c]))
    {
        let found: Vec<String> = (0..HEADER.len())
            .map(|c| text_at(0, c as u32).unwrap_or_else(|| "（空）".into()))
            .collect();
        errors.push(p(
            sheet,
            Some((0, c as u32)),
            format!(
                "1行目の見出しが違います（{}）。見出しは {} のはずです。見出しの行を消したり書き換えたりしないでください",
                found.join("・"),
                HEADER.join("・")
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let end = range.end().map_or(0, |(r, _)| r);
    let mut targets = Vec::new();
    for r in 1..=end {
        let row: Vec<Option<String>> = (0..5).map(|c| text_at(r, c)).collect();
        if row.iter().all(Option::is_none) {
            continue;
        }
        let number = match range.get_value((r, 0)) {
            Some(Data::Float(f)) if f.fract() == 0.0 && *f >= 1.0 => *f as u32,
            Some(Data::Int(i)) if *i >= 1 => *i as u32,
            Some(Data::String(s)) if s.trim().parse::<u32>().is_ok() => {
                errors.push(p(sheet, Some((r, 0)), format!("番号「{}」が文字として入力されています。数値として入力し直してください（セルの書式を「標準」か「数値」に）", s.trim())));
                s.trim().parse().unwrap_or(0)
            }
            _ => {
                errors.push(p(
                    sheet,
                    Some((r, 0)),
                    "No には 1 から始まる番号を数値で書いてください".into(),
                ));
                continue;
            }
        };
        let expected = targets.len() as u32 + 1;
        if number != expected {
            errors.push(p(sheet, Some((r, 0)), format!("番号が {number} になっていますが、ここは {expected} のはずです。1 から順に番号を付けてください")));
        }
        let scene = row[1].clone().unwrap_or_default();
        if !content.edition.scenes.contains(&scene) {
            errors.push(p(
                sheet,
                Some((r, 1)),
                format!(
                    "場面「{scene}」は使えません。一覧から選んでください: {}",
                    content.edition.scenes.join("、")
                ),
            ));
        }
        let Some(text) = row[2].clone() else {
            errors.push(p(
                sheet,
                Some((r, 2)),
                "目標及び具体的な取組内容が空です".into(),
            ));
            continue;
        };
        let status = match row[4].as_deref() {
            None => None,
            Some("達成") => Some(Status::Achieved),
            Some("一部達成") => Some(Status::Partly),
            Some("未達成") => Some(Status::NotAchieved),
            Some(other) => {
                errors.push(p(
                    sheet,
                    Some((r, 4)),
                    format!(
                        "状況「{other}」は使えません。達成・一部達成・未達成 から選んでください"
                    ),
                ));
                None
            }
        };
        targets.push(Target {
            number,
            scene,
            text,
            result: row[3].clone(),
            status,
        });
    }
    if targets.is_empty() && errors.is_empty() {
        errors.push(p(sheet, Some((1, 2)), "目標が一つもありません".into()));
    }
    if errors.is_empty() {
        Ok(Returned {
            file: file.to_string(),
            department: dep.id.clone(),
            targets,
        })
    } else {
        Err(errors)
    }
}

fn range_name(start: (u32, u32), end: (u32, u32)) -> String {
    format!(
        "{}:{}",
        cell_name(start.0, start.1),
        cell_name(end.0, end.1)
    )
}

/// A cell's name as Excel shows it: (0, 0) → A1, (4, 27) → AB5.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// What applying these workbooks would change, department by department.
pub fn changes(content: &Content, returned: &[Returned]) -> Vec<Change> {
    let mut out = Vec::new();
    for r in returned {
        let Some((_, dep)) = content.departments().find(|(_, d)| d.id == r.department) else {
            continue;
        };
        let show = |t: &Target| {
            let mut s = format!("{}（場面: {}）", t.text, t.scene);
            if let Some(res) = &t.result {
                s.push_str(&format!(" 実施結果: {res}"));
            }
            if let Some(st) = t.status {
                s.push_str(&format!(" 状況: {}", status_word(st)));
            }
            s
        };
        let n = dep.targets.len().max(r.targets.len());
        for i in 0..n {
            let (old, new) = (dep.targets.get(i), r.targets.get(i));
            let item = format!("{} 目標{}", dep.short_name, i + 1);
            let key = format!("target:{}:{}", dep.id, i + 1);
            let change = match (old, new) {
                (Some(o), Some(n)) if show(o) != show(n) => {
                    Some((ChangeKind::Changed, Some(show(o)), Some(show(n))))
                }
                (None, Some(n)) => Some((ChangeKind::Added, None, Some(show(n)))),
                (Some(o), None) => Some((ChangeKind::Removed, Some(show(o)), None)),
                _ => None,
            };
            if let Some((kind, old, new)) = change {
                out.push(Change {
                    kind,
                    key,
                    item,
                    old,
                    new,
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
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
    let mut v: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(&text))
        .map_err(|e| format!("{file}: {e}"))?;
    for div in v["divisions"].as_array_mut().into_iter().flatten() {
        for dep in div["departments"].as_array_mut().into_iter().flatten() {
            let Some(r) = returned
                .iter()
                .find(|r| dep["id"].as_str() == Some(r.department.as_str()))
            else {
                continue;
            };
            dep["targets"] = r.targets.iter().map(target_value).collect();
        }
    }
    let out = serde_json::to_string_pretty(&v).expect("JSON serialises") + "\n";
    if out == text {
        return Ok(None);
    }
    crate::fs::write_atomic(&path, out.as_bytes()).map_err(|e| format!("{file}: {e}"))?;
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
    if let Some(s) = t.status {
        o.insert("status".into(), status_word(s).into());
    }
    Value::Object(o)
}

/// Read every workbook; all problems of all files together.
pub fn read_all(
    content: &Content,
    files: &[impl AsRef<Path>],
) -> Result<Vec<Returned>, Vec<String>> {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let f = f.as_ref();
        let name = f.file_name().map_or_else(
            || f.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match std::fs::read(f) {
            Ok(bytes) => match read(content, &name, &bytes) {
                Ok(r) => {
                    if ok.iter().any(|o: &Returned| o.department == r.department) {
                        errors.push(problem(
                            &name,
                            None,
                            None,
                            "同じ部署のファイルが2つあります。どちらか一方にしてください",
                        ));
                    }
                    ok.push(r);
                }
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(problem(&name, None, None, format!("読めません（{e}）"))),
        }
    }
    if errors.is_empty() {
        Ok(ok)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cell_names_past_z() {
        assert_eq!(super::cell_name(0, 0), "A1");
        assert_eq!(super::cell_name(4, 25), "Z5");
        assert_eq!(super::cell_name(4, 27), "AB5");
        assert_eq!(super::cell_name(0, 199), "GR1");
        assert_eq!(super::cell_name(0, 16383), "XFD1");
    }
}
