//! `planpress import`: returned workbooks read and checked, cell by cell.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};

use super::{HEADER, ID_CELL, INFO_SHEET, TARGET_SHEET, problem, range_name};
use crate::content::model::{Department, Status, Target};
use crate::content::{Content, glyphs};
use crate::item::ItemId;

/// A department's targets as read from its workbook.
pub struct Returned {
    pub file: String,
    pub department: String,
    pub targets: Vec<Target>,
}

/// Read and check one returned workbook against the edition.
pub fn read(content: &Content, file: &str, bytes: &[u8]) -> Result<Returned, Vec<String>> {
    let one = |sheet: Option<&str>, cell: Option<(u32, u32)>, m: String| {
        vec![problem(file, sheet, cell, m)]
    };
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| one(None, None, format!("Excel のファイル（.xlsx）として読めません（{e}）。planpress sheets で作ったファイルを返送してもらってください")))?;
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
    let info = wb
        .worksheet_range(INFO_SHEET)
        .map_err(|e| one(Some(INFO_SHEET), None, e.to_string()))?;
    let dep = department(content, &info).map_err(|m| one(Some(INFO_SHEET), Some(ID_CELL), m))?;
    let merged = wb
        .merge_cells_by_sheet_name(TARGET_SHEET)
        .ok()
        .and_then(|m| m.first().map(|m| (m.start, m.end)));
    let range = wb
        .worksheet_range(TARGET_SHEET)
        .map_err(|e| one(Some(TARGET_SHEET), None, e.to_string()))?;
    let mut sheet = Sheet {
        file,
        range: &range,
        department: dep,
        errors: Vec::new(),
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
        })
    } else {
        Err(sheet.errors)
    }
}

/// The department whose id the instructions sheet carries.
fn department<'a>(content: &'a Content, info: &Range<Data>) -> Result<&'a Department, String> {
    let id = match info.get_value(ID_CELL) {
        Some(Data::String(s)) => s.trim().to_string(),
        _ => {
            return Err(
                "部署ID がありません。planpress sheets で作ったファイルを使ってください".into(),
            );
        }
    };
    content
        .departments()
        .find(|(_, d)| d.id == id)
        .map(|(_, d)| d)
        .ok_or_else(|| format!(
            "部署ID「{id}」の部署はこの版にありません。別の年度や別の区のファイルではないか確かめてください"
        ))
}

/// The targets sheet of one workbook, and the problems found in it.
struct Sheet<'a> {
    file: &'a str,
    range: &'a Range<Data>,
    department: &'a Department,
    errors: Vec<String>,
}

impl Sheet<'_> {
    fn error(&mut self, cell: (u32, u32), message: String) {
        self.errors
            .push(problem(self.file, Some(TARGET_SHEET), Some(cell), message));
    }

    fn text_at(&self, r: u32, c: u32) -> Option<String> {
        match self.range.get_value((r, c)) {
            Some(Data::String(s)) => {
                Some(s.replace("\r\n", "\n").trim().to_string()).filter(|s| !s.is_empty())
            }
            Some(Data::Float(f)) => Some(f.to_string()),
            Some(Data::Int(i)) => Some(i.to_string()),
            _ => None,
        }
    }

    /// No merged cells, and the header row as planpress wrote it.
    fn check_shape(&mut self, merged: Option<((u32, u32), (u32, u32))>) {
        if let Some((start, end)) = merged {
            self.error(
                start,
                format!(
                    "セルが結合されています（{}）。結合を解除して、1つのセルに1つの値を書いてください",
                    range_name(start, end)
                ),
            );
        }
        let header = |c: usize| self.text_at(0, c as u32);
        if let Some(c) = (0..HEADER.len()).find(|&c| header(c).as_deref() != Some(HEADER[c])) {
            let found: Vec<String> = (0..HEADER.len())
                .map(|c| header(c).unwrap_or_else(|| "（空）".into()))
                .collect();
            self.error(
                (0, c as u32),
                format!(
                    "1行目の見出しが違います（{}）。見出しは {} のはずです。見出しの行を消したり書き換えたりしないでください",
                    found.join("・"),
                    HEADER.join("・")
                ),
            );
        }
    }

    /// Every filled row as a target, numbered 1, 2, 3… in order.
    fn targets(&mut self, content: &Content) -> Vec<Target> {
        let end = self.range.end().map_or(0, |(r, _)| r);
        let mut targets = Vec::new();
        for r in 1..=end {
            let row: Vec<Option<String>> = (0..5).map(|c| self.text_at(r, c)).collect();
            if row.iter().all(Option::is_none) {
                continue;
            }
            if let Some(t) = self.target(content, r, row, targets.len() as u32 + 1) {
                targets.push(t);
            }
        }
        if targets.is_empty() && self.errors.is_empty() {
            self.error((1, 2), "目標が一つもありません".into());
        }
        targets
    }

    fn number(&mut self, r: u32) -> Option<u32> {
        match self.range.get_value((r, 0)) {
            Some(Data::Float(f)) if f.fract() == 0.0 && *f >= 1.0 => Some(*f as u32),
            Some(Data::Int(i)) if *i >= 1 => Some(*i as u32),
            Some(Data::String(s)) if s.trim().parse::<u32>().is_ok() => {
                let s = s.trim().to_string();
                self.error((r, 0), format!("番号「{s}」が文字として入力されています。数値として入力し直してください（セルの書式を「標準」か「数値」に）"));
                Some(s.parse().unwrap_or(0))
            }
            _ => {
                self.error(
                    (r, 0),
                    "No には 1 から始まる番号を数値で書いてください".into(),
                );
                None
            }
        }
    }

    /// Characters the PDF cannot print are refused here, as `check` refuses them.
    fn printable(&mut self, cell: (u32, u32), number: u32, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let mut found: Vec<String> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if let Some(reason) = glyphs::unprintable(c, chars.get(i + 1).copied()) {
                let code = format!("U+{:04X}", c as u32);
                let shown = if c.is_control() {
                    format!("{code}（{reason}）")
                } else {
                    format!("「{c}」{code}（{reason}）")
                };
                if !found.contains(&shown) {
                    found.push(shown);
                }
            }
        }
        if !found.is_empty() {
            let item = ItemId::target(&self.department.id, &self.department.short_name, number);
            self.error(
                cell,
                format!(
                    "{} に印刷できない文字があります: {}。別の文字に置き換えるか、消してください（外字は通常の字に、絵文字は言葉に）",
                    item.label(),
                    found.join("、")
                ),
            );
        }
    }

    fn target(
        &mut self,
        content: &Content,
        r: u32,
        row: Vec<Option<String>>,
        expected: u32,
    ) -> Option<Target> {
        let number = self.number(r)?;
        for c in 1..4 {
            if let Some(text) = &row[c as usize] {
                self.printable((r, c), expected, text);
            }
        }
        if number != expected {
            self.error((r, 0), format!("番号が {number} になっていますが、ここは {expected} のはずです。1 から順に番号を付けてください"));
        }
        let scene = row[1].clone().unwrap_or_default();
        if !content.edition.scenes.contains(&scene) {
            self.error(
                (r, 1),
                format!(
                    "場面「{scene}」は使えません。一覧から選んでください: {}",
                    content.edition.scenes.join("、")
                ),
            );
        }
        let Some(text) = row[2].clone() else {
            self.error((r, 2), "目標及び具体的な取組内容が空です".into());
            return None;
        };
        let status = match row[4].as_deref() {
            None => None,
            Some("達成") => Some(Status::Achieved),
            Some("一部達成") => Some(Status::Partly),
            Some("未達成") => Some(Status::NotAchieved),
            Some(other) => {
                self.error(
                    (r, 4),
                    format!(
                        "状況「{other}」は使えません。達成・一部達成・未達成 から選んでください"
                    ),
                );
                None
            }
        };
        Some(Target {
            number,
            scene,
            text,
            result: row[3].clone(),
            status,
        })
    }
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
