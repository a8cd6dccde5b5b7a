//! The targets sheet of a returned workbook: its shape, and each row as a target,
//! read as the clerk sees it (display.rs) and checked as content files are.

use calamine::Data;

use super::cells::Grid;
use super::display::shown;
use super::{
    DELETE, HEADER, OLD_COLUMNS, TABLE_ROWS, TARGET_SHEET, cell_name, problem, range_name,
};
use crate::content::model::{Department, Status, Target};
use crate::content::{Content, glyphs};
use crate::item::ItemId;

/// The targets sheet of one workbook, and the problems found in it.
pub(crate) struct Sheet<'a> {
    pub file: &'a str,
    pub grid: &'a Grid,
    pub department: &'a Department,
    pub errors: Vec<String>,
    /// Each target's number as the sheet gave it (its number before the return).
    pub origins: Vec<u32>,
}

impl Sheet<'_> {
    fn error(&mut self, cell: (u32, u32), message: String) {
        self.errors
            .push(problem(self.file, Some(TARGET_SHEET), Some(cell), message));
    }

    fn label(&self, number: u32) -> String {
        ItemId::target(&self.department.id, &self.department.short_name, number).label()
    }

    /// A header cell's text (headers are plain text).
    fn header(&self, c: u32) -> Option<String> {
        let cell = self.grid.get((0, c))?;
        shown(&cell.value, &cell.format).ok().flatten()
    }

    /// A cell of target `number` as displayed; a format that cannot be shown as
    /// the clerk sees it is a problem, never a dropped cell.
    fn text(&mut self, r: u32, c: u32, number: u32) -> Option<String> {
        let cell = self.grid.get((r, c))?;
        match shown(&cell.value, &cell.format) {
            Ok(t) => t,
            Err(why) => {
                let m = format!("{} の「{}」: {why}", self.label(number), HEADER[c as usize]);
                self.error((r, c), m);
                None
            }
        }
    }

    /// No merged cells, nothing outside the table, the header row as planpress wrote it.
    pub fn check_shape(&mut self, merged: Option<((u32, u32), (u32, u32))>) {
        if let Some((start, end)) = merged {
            self.error(
                start,
                format!(
                    "セルが結合されています（{}）。結合を解除して、1つのセルに1つの値を書いてください",
                    range_name(start, end)
                ),
            );
        }
        if let Some(cell) = self.grid.outside {
            let last = cell_name(TABLE_ROWS - 1, HEADER.len() as u32 - 1);
            self.error(
                cell,
                format!("表の外にデータがあります。表（A1:{last}）の外のセルの内容を消してから、返送してください"),
            );
        }
        let found: Vec<Option<String>> = (0..HEADER.len() as u32).map(|c| self.header(c)).collect();
        // A workbook from before the 削除 column has five.
        let wrong = |c: usize| match found[c].as_deref() {
            None => c < OLD_COLUMNS,
            Some(h) => h != HEADER[c],
        };
        if let Some(c) = (0..HEADER.len()).find(|&c| wrong(c)) {
            let shown: Vec<String> = found
                .iter()
                .map(|h| h.clone().unwrap_or_else(|| "（空）".into()))
                .collect();
            self.error(
                (0, c as u32),
                format!(
                    "1行目の見出しが違います（{}）。見出しは {} のはずです。見出しの行を消したり書き換えたりしないでください",
                    shown.join("・"),
                    HEADER.join("・")
                ),
            );
        }
    }

    /// Every filled row as a target, numbered 1, 2, 3… in order.
    pub fn targets(&mut self, content: &Content) -> Vec<Target> {
        let mut targets = Vec::new();
        for r in 1..=self.grid.last_row() {
            if (0..HEADER.len() as u32).all(|c| self.grid.get((r, c)).is_none()) {
                continue;
            }
            let number = targets.len() as u32 + 1;
            let deleted = match self.text(r, 5, number).as_deref() {
                None => false,
                Some(DELETE) => true,
                Some(other) => {
                    self.error((r, 5), format!("削除の列に「{other}」とあります。目標を消すときは「{DELETE}」を選び、残すときは空にしてください"));
                    false
                }
            };
            if deleted {
                continue;
            }
            if let Some((t, origin)) = self.target(content, r, number) {
                if let Some(&prev) = self.origins.last()
                    && origin <= prev
                {
                    self.error((r, 0), format!("番号が {origin} になっていますが、上の行（{prev}）より大きい番号のはずです。新しい目標には、続きの番号を付けてください"));
                }
                self.origins.push(origin);
                targets.push(t);
            }
        }
        if targets.is_empty() && self.errors.is_empty() {
            self.error((1, 2), "目標が一つもありません".into());
        }
        targets
    }

    fn number(&mut self, r: u32) -> Option<u32> {
        match self.grid.get((r, 0)).map(|c| &c.value) {
            Some(Data::Float(f)) if f.fract() == 0.0 && *f >= 1.0 => Some(*f as u32),
            Some(Data::Int(i)) if *i >= 1 => Some(*i as u32),
            Some(Data::String(s)) => {
                let s = s.trim().to_string();
                let half: String = s.chars().map(half_width_digit).collect();
                let n = half.parse::<u32>().ok().filter(|&n| n >= 1);
                let m = match n {
                    Some(n) if half != s => format!(
                        "番号「{s}」が全角の文字で入力されています。半角の数字 {n} を、数値として入力し直してください（セルの書式を「標準」か「数値」に）"
                    ),
                    Some(_) => format!(
                        "番号「{s}」が文字として入力されています。数値として入力し直してください（セルの書式を「標準」か「数値」に）"
                    ),
                    None => format!(
                        "No には 1 から始まる番号を数値で書いてください（「{s}」と入力されています）"
                    ),
                };
                self.error((r, 0), m);
                n
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

    /// The row as target `expected`, with the number the sheet gave it.
    fn target(&mut self, content: &Content, r: u32, expected: u32) -> Option<(Target, u32)> {
        let number = self.number(r);
        let row: Vec<Option<String>> = (1..5).map(|c| self.text(r, c, expected)).collect();
        let origin = number?;
        for (c, text) in (1..).zip(&row[..3]) {
            if let Some(text) = text {
                self.printable((r, c), expected, text);
            }
        }
        let scene = row[0].clone().unwrap_or_default();
        let statuses = content.edition.status_values();
        if !content.edition.scenes.contains(&scene) {
            self.error(
                (r, 1),
                format!(
                    "場面「{scene}」は使えません。一覧から選んでください: {}",
                    content.edition.scenes.join("、")
                ),
            );
        }
        let Some(text) = row[1].clone() else {
            self.error((r, 2), "目標及び具体的な取組内容が空です".into());
            return None;
        };
        let status = match row[3].as_deref() {
            None => None,
            Some(s) if statuses.iter().any(|x| x == s) => Some(Status(s.to_string())),
            Some(other) => {
                self.error(
                    (r, 4),
                    format!(
                        "状況「{other}」は使えません。{} から選んでください",
                        statuses.join("・")
                    ),
                );
                None
            }
        };
        // Numbered by position: deleted rows leave no gap.
        let target = Target {
            number: expected,
            scene,
            text,
            result: row[2].clone(),
            status,
        };
        Some((target, origin))
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
            self.error(
                cell,
                format!(
                    "{} に印刷できない文字があります: {}。別の文字に置き換えるか、消してください（外字は通常の字に、絵文字は言葉に）",
                    self.label(number),
                    found.join("、")
                ),
            );
        }
    }
}

fn half_width_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}
