//! `planpress import`: returned workbooks read and checked, cell by cell.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::cells::{self, Grid};
use super::rows::Sheet;
use super::{HEADER, ID_CELL, INFO_SHEET, TABLE_ROWS, TARGET_SHEET, problem};
use crate::content::Content;
use crate::content::model::{Department, Target};

/// The largest workbook read.
const WORKBOOK_LIMIT: u64 = 20 * 1024 * 1024;
/// How much of the instructions sheet is read (the id is at B4).
const INFO_ROWS: u32 = 40;
const INFO_COLS: u32 = 4;

/// A department's targets as read from its workbook.
pub struct Returned {
    pub file: String,
    pub department: String,
    pub targets: Vec<Target>,
    /// Each target's number in the sheet: which earlier target it is, if any.
    pub origins: Vec<u32>,
}

/// Read and check one returned workbook against the edition.
pub fn read(content: &Content, file: &str, bytes: &[u8]) -> Result<Returned, Vec<String>> {
    let one = |sheet: Option<&str>, cell: Option<(u32, u32)>, m: String| {
        vec![problem(file, sheet, cell, m)]
    };
    if let Some(m) = other_format(file, bytes) {
        return Err(one(None, None, m.into()));
    }
    super::inflate::check(bytes).map_err(|m| one(None, None, m))?;
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| {
        one(None, None, "Excel のファイル（.xlsx）として読めません。Excel で開けるか確かめ、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください（開けないときは planpress sheets で作ったファイルに記入し直してもらってください）".into())
    })?;
    let names = wb.sheet_names();
    for sheet in [INFO_SHEET, TARGET_SHEET] {
        if !names.iter().any(|n| n == sheet) {
            return Err(one(
                None,
                None,
                format!(
                    "「{sheet}」シートがありません（シートは {}）。シートの名前を「{sheet}」に戻してください",
                    names.join("・")
                ),
            ));
        }
    }
    let info = cells::read(&mut wb, INFO_SHEET, INFO_ROWS, INFO_COLS)
        .map_err(|_| one(Some(INFO_SHEET), None, damaged(INFO_SHEET)))?;
    // Another year's or ward's workbook is refused before its cells are read.
    super::identity::check(&mut wb, content, &info).map_err(|m| one(None, None, m))?;
    let dep = department(content, &info).map_err(|m| one(Some(INFO_SHEET), Some(ID_CELL), m))?;
    let merged = wb
        .merge_cells_by_sheet_name(TARGET_SHEET)
        .ok()
        .and_then(|m| m.first().map(|m| (m.start, m.end)));
    let grid = cells::read(&mut wb, TARGET_SHEET, TABLE_ROWS, HEADER.len() as u32)
        .map_err(|_| one(Some(TARGET_SHEET), None, damaged(TARGET_SHEET)))?;
    let mut sheet = Sheet {
        file,
        grid: &grid,
        department: &dep,
        errors: Vec::new(),
        origins: Vec::new(),
    };
    sheet.check_shape(merged);
    if !sheet.errors.is_empty() {
        return Err(sheet.errors);
    }
    let targets = sheet.targets(content);
    if sheet.errors.is_empty() {
        Ok(Returned {
            file: file.to_string(),
            department: dep.id.clone(),
            targets,
            origins: sheet.origins,
        })
    } else {
        Err(sheet.errors)
    }
}

/// A sheet the workbook lists but whose cells cannot be read (a part missing, a
/// cell pointing at no text, a number that is not one): calamine's English
/// reason is of no use to a clerk.
fn damaged(sheet: &str) -> String {
    format!(
        "「{sheet}」シートの中身が壊れていて読めません。Excel で開けるか確かめ、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください（開けないときは planpress sheets で作ったファイルに記入し直してもらってください）"
    )
}

/// What a file saved in another format is, and how to save it as .xlsx.
fn other_format(file: &str, bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(200)];
    let ods = b"application/vnd.oasis.opendocument";
    if head.windows(ods.len()).any(|w| w == ods) || file.to_lowercase().ends_with(".ods") {
        return Some(
            "OpenDocument 形式（.ods）のファイルは読み込めません。LibreOffice Calc などで開き、「名前を付けて保存」でファイルの種類を「Excel 2007-365 (.xlsx)」にして保存し直してください",
        );
    }
    // An OLE compound file: Excel 97-2003, or an .xlsx with a password.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(if file.to_lowercase().ends_with(".xlsx") {
            "パスワードが設定されているため読めません。Excel で開いてパスワードを解除し、保存し直してください"
        } else {
            "Excel 97-2003 形式（.xls）のファイルは読み込めません。Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください"
        });
    }
    None
}

/// The department whose id the instructions sheet carries.
fn department(content: &Content, info: &Grid) -> Result<Department, String> {
    let id = match info.get(ID_CELL).map(|c| &c.value) {
        Some(Data::String(s)) => s.trim().to_string(),
        _ => {
            return Err(
                "部署ID がありません。planpress sheets で作ったファイルを使ってください".into(),
            );
        }
    };
    let departments: Vec<Department> = content.departments().map(|(_, d)| d).collect();
    if let Some(d) = departments.iter().find(|d| d.id == id) {
        return Ok(d.clone());
    }
    // The workbook names its department too: the same name under another id is
    // an id changed in the content files, not a wrong workbook.
    let named = match info.get((2, 1)).map(|c| &c.value) {
        Some(Data::String(s)) => s.trim().to_string(),
        _ => String::new(),
    };
    let same_name = (departments.iter()).find(|d| {
        !d.full_name.is_empty()
            && (named == d.full_name || named.ends_with(&format!(" {}", d.full_name)))
    });
    Err(match same_name {
        Some(d) => format!(
            "部署ID「{id}」の部署はこの版にありません。この版では {} の id が「{}」です。内容ファイルの id が変わっていませんか（planpress check で確かめられます）。打ち間違いなら内容ファイルの id を「{id}」に戻してから、別の年度のファイルならこの版の planpress sheets で作ったファイルに記入してから、もう一度読み込んでください",
            d.full_name, d.id
        ),
        None => format!(
            "部署ID「{id}」の部署はこの版にありません。別の年度や別の区のファイルではないか確かめてください"
        ),
    })
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
        // A workbook is a few hundred kilobytes; a pipe or device is never waited on.
        match crate::fs::read_regular(f, WORKBOOK_LIMIT, crate::fs::Links::Follow) {
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
            Err(e) => errors.push(problem(&name, None, None, e)),
        }
    }
    if errors.is_empty() {
        Ok(ok)
    } else {
        Err(errors)
    }
}
