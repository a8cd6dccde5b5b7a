//! `planpress sheets`: a workbook per department, to fill in and return.

use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook,
    XlsxError,
};

use super::names::file_names;
use super::{
    DELETE, HEADER, ID_CELL, INFO_SHEET, LIST_SHEET, OFFERED_ROWS, SPARE_ROWS, TARGET_SHEET,
};
use crate::content::model::Department;
use crate::content::{Content, date::fiscal_year_wareki};

/// (file name, workbook bytes) for each department.
pub fn export(content: &Content) -> Result<Vec<(String, Vec<u8>)>, String> {
    let holders: Vec<_> = content.departments().collect();
    let names = file_names((holders.iter()).map(|(_, d)| (d.short_name.as_str(), d.id.as_str())));
    (holders.iter())
        .zip(names)
        .map(|((place, d), name)| {
            let bytes = workbook(content, place.name.as_deref(), d).map_err(|e| {
                format!(
                    "{} の Excel ファイルを作れません（{e}）。planpress の担当者に連絡してください",
                    d.short_name
                )
            })?;
            Ok((name, bytes))
        })
        .collect()
}

fn workbook(
    content: &Content,
    division: Option<&str>,
    d: &Department,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    info_sheet(&mut wb, content, division, d)?;
    target_sheet(&mut wb, content, d)?;
    list_sheet(&mut wb, content)?;
    super::identity::write(&mut wb, content)?;
    wb.save_to_buffer()
}

/// The instructions sheet: the department, its id (read back on import), the steps.
fn info_sheet(
    wb: &mut Workbook,
    content: &Content,
    division: Option<&str>,
    d: &Department,
) -> Result<(), XlsxError> {
    let year = fiscal_year_wareki(content.edition.fiscal_year);
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
    let back = match &content.edition.secretariat {
        Some(s) => format!("記入が終わったら、このファイルを事務局（{s}）に返送してください。"),
        None => "記入が終わったら、このファイルを総務課に返送してください。".into(),
    };
    let ask = content.edition.contact.as_ref().map(|c| {
        let mut s = format!("わからないことは、{}にお問い合わせください", c.section);
        let ways: Vec<String> = [("電話", &c.phone), ("FAX", &c.fax), ("メール", &c.email)]
            .iter()
            .filter_map(|(w, v)| v.as_ref().map(|v| format!("{w} {v}")))
            .collect();
        if !ways.is_empty() {
            s.push_str(&format!("（{}）", ways.join("、")));
        }
        s + "。"
    });
    let statuses = content.edition.status_values();
    let steps = [
        "「目標」シートに、今年度の目標と具体的な取組内容を記入してください（昨年度の目標が入っています。見直して書き換えてください）。",
        "場面は一覧から選んでください。目標を増やすときは、下の空いている行に次の番号から記入してください。",
        "目標をやめるときは、その行の「削除」の列で「削除」を選んでください（行は消さず、番号も付け直さなくてかまいません）。",
        &format!(
            "年度末には「実施結果」と「状況」（{}）を記入してください。",
            statuses.join("・")
        ),
        "見出しの行、No の列、このシートは変更できません。シートの名前やファイル名の「部署ID」は変えないでください。",
    ];
    let steps: Vec<&str> = (steps.into_iter())
        .chain(std::iter::once(back.as_str()))
        .chain(ask.as_deref())
        .collect();
    info.write(5, 0, "記入のしかた")?;
    for (i, s) in steps.iter().enumerate() {
        info.write(6 + i as u32, 0, format!("{}.", i + 1))?;
        info.write_with_format(6 + i as u32, 1, *s, &wrap)?;
    }
    info.protect();
    Ok(())
}

/// The scenes, one per cell, on a hidden sheet for the drop-down.
fn list_sheet(wb: &mut Workbook, content: &Content) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(LIST_SHEET)?;
    for (r, s) in content.edition.scenes.iter().enumerate() {
        ws.write(r as u32, 0, s.as_str())?;
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}

/// The targets sheet: one row per target, spare rows, drop-downs, locked keys.
fn target_sheet(wb: &mut Workbook, content: &Content, d: &Department) -> Result<(), XlsxError> {
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
    // Text cells (`@`): what a clerk types is kept as typed, never auto-formatted.
    let open = border(
        Format::new()
            .set_unlocked()
            .set_text_wrap()
            .set_num_format("@"),
    );
    let open_center = border(
        Format::new()
            .set_unlocked()
            .set_align(FormatAlign::Center)
            .set_num_format("@"),
    );
    let open_number = border(Format::new().set_unlocked().set_align(FormatAlign::Center));
    for (c, w) in [8.0, 14.0, 60.0, 40.0, 12.0, 8.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_with_format(0, c as u16, *h, &head)?;
    }
    let statuses = content.edition.status_values();
    ws.set_freeze_panes(1, 0)?;
    for (i, t) in d.targets.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_number_with_format(r, 0, f64::from(t.number), &key)?;
        ws.write_with_format(r, 1, t.scene.as_str(), &open_center)?;
        ws.write_with_format(r, 2, t.text.as_str(), &open)?;
        ws.write_with_format(r, 3, t.result.as_deref().unwrap_or(""), &open)?;
        ws.write_with_format(
            r,
            4,
            t.status.as_ref().map_or("", |s| s.as_str()),
            &open_center,
        )?;
    }
    for r in 1..=d.targets.len() as u32 {
        ws.write_blank(r, 5, &open_center)?;
    }
    let last = (d.targets.len() as u32 + SPARE_ROWS).max(OFFERED_ROWS);
    for r in d.targets.len() as u32 + 1..=last {
        ws.write_blank(r, 0, &open_number)?;
        ws.write_blank(r, 1, &open_center)?;
        ws.write_blank(r, 2, &open)?;
        ws.write_blank(r, 3, &open)?;
        ws.write_blank(r, 4, &open_center)?;
        ws.write_blank(r, 5, &open_center)?;
    }
    // From a range: a list written inline may not pass 255 characters.
    let scenes = format!(
        "='{LIST_SHEET}'!$A$1:$A${}",
        content.edition.scenes.len().max(1)
    );
    let scene_list = DataValidation::new()
        .allow_list_formula(Formula::new(scenes))
        .set_error_message("場面は一覧から選んでください")?;
    ws.add_data_validation(1, 1, last, 1, &scene_list)?;
    let status_list = DataValidation::new()
        .allow_list_strings(&statuses)?
        .set_error_message(format!("状況は {} から選んでください", statuses.join("・")))?;
    ws.add_data_validation(1, 4, last, 4, &status_list)?;
    let delete = DataValidation::new()
        .allow_list_strings(&[DELETE])?
        .set_error_message("目標を消すときは「削除」を選んでください")?;
    ws.add_data_validation(1, 5, last, 5, &delete)?;
    ws.protect_with_options(&ProtectionOptions {
        format_rows: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}
