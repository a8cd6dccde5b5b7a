//! Which edition a workbook was made from: the city, ward, fiscal year and edition
//! folder, on a hidden, protected sheet. A returned workbook of another year or
//! ward is refused, naming both, before any of its cells is read as targets.

use std::io::{Read, Seek};

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Workbook, XlsxError};

use super::IDENTITY_SHEET;
use super::cells::{self, Grid};
use crate::content::Content;
use crate::content::date::fiscal_year_wareki;
use crate::content::load::folder_name;

/// The rows of the identity sheet: (label, row).
const CITY: u32 = 0;
const WARD: u32 = 1;
const YEAR: u32 = 2;
const FOLDER: u32 = 3;

/// The edition a workbook belongs to.
#[derive(PartialEq, Eq)]
struct Identity {
    place: String,
    year: Option<i32>,
    folder: Option<String>,
}

impl Identity {
    fn of(content: &Content) -> Self {
        Identity {
            place: place(&content.edition.city, &content.edition.ward),
            year: Some(content.edition.fiscal_year),
            folder: Some(folder_name(&content.dir)),
        }
    }

    /// 「川崎市宮前区 令和3年度の版（miyamae-r3）」
    fn shown(&self) -> String {
        let mut s = self.place.clone();
        if let Some(y) = self.year {
            s.push_str(&format!(" {}", fiscal_year_wareki(y)));
        }
        s.push_str("の版");
        if let Some(f) = &self.folder {
            s.push_str(&format!("（フォルダ {f}）"));
        }
        s
    }
}

fn place(city: &str, ward: &str) -> String {
    format!("{city}{ward}")
}

/// Write the identity sheet: hidden and protected (the clerk never needs it).
pub fn write(wb: &mut Workbook, content: &Content) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(IDENTITY_SHEET)?;
    let id = Identity::of(content);
    let year = content.edition.fiscal_year.to_string();
    let folder = id.folder.clone().unwrap_or_default();
    for (row, label, value) in [
        (CITY, "市", content.edition.city.as_str()),
        (WARD, "区", content.edition.ward.as_str()),
        (YEAR, "年度", year.as_str()),
        (FOLDER, "版のフォルダ", folder.as_str()),
    ] {
        ws.write(row, 0, label)?;
        ws.write(row, 1, value)?;
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}

/// Refuse a workbook made from another city, ward or year than `content`. One
/// without the identity sheet (made before it existed) is judged by the year in
/// its title (「令和2年度 区役所サービス向上目標 記入用シート」), when it has one.
pub fn check<RS: Read + Seek>(
    wb: &mut Xlsx<RS>,
    content: &Content,
    info: &Grid,
) -> Result<(), String> {
    let ours = Identity::of(content);
    let theirs = if wb.sheet_names().iter().any(|n| n == IDENTITY_SHEET) {
        let grid = cells::read(wb, IDENTITY_SHEET, 8, 2)
            .map_err(|_| format!("「{IDENTITY_SHEET}」シートが壊れていて読めません。planpress sheets で作ったファイルに記入し直してもらってください"))?;
        let text = |row| match grid.get((row, 1)).map(|c| &c.value) {
            Some(Data::String(s)) => s.trim().to_string(),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Int(i)) => i.to_string(),
            _ => String::new(),
        };
        Identity {
            place: place(&text(CITY), &text(WARD)),
            year: text(YEAR).parse().ok(),
            folder: Some(text(FOLDER)).filter(|f| !f.is_empty()),
        }
    } else {
        let Some(year) = title_year(info, content) else {
            return Ok(());
        };
        Identity {
            place: ours.place.clone(),
            year: Some(year),
            folder: None,
        }
    };
    let what = if theirs.place != ours.place {
        "別の市区"
    } else if theirs.year != ours.year {
        "別の年度"
    } else {
        return Ok(());
    };
    Err(format!(
        "この Excel ファイルは「{}」から作ったもので、取り込み先は「{}」です。{what}のファイルは取り込めません。\
         取り込み先の版から planpress sheets で作ったファイルに記入してもらうか、取り込み先の版を確かめてください",
        theirs.shown(),
        ours.shown()
    ))
}

/// The fiscal year the instructions sheet's title names, if it names one of the
/// years around the edition's (a title edited beyond recognition names none).
fn title_year(info: &Grid, content: &Content) -> Option<i32> {
    let Some(Data::String(title)) = info.get((0, 0)).map(|c| &c.value) else {
        return None;
    };
    let this = content.edition.fiscal_year;
    (this - 30..=this + 30).find(|&y| title.starts_with(&format!("{} ", fiscal_year_wareki(y))))
}
