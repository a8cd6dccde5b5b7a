//! The departments' spreadsheets: `planpress sheets` writes one workbook per
//! department (export.rs, rust_xlsxwriter); `planpress import` reads returned ones
//! (import.rs, calamine), checks them with the same rules as content files, and
//! shows or applies the changes (apply.rs).

mod apply;
mod cells;
mod display;
mod export;
mod identity;
mod import;
mod inflate;
mod names;
mod rows;

pub use apply::{apply, changes};
pub use export::export;
pub use import::{Returned, read, read_all};

pub const INFO_SHEET: &str = "説明";
pub const TARGET_SHEET: &str = "目標";
/// The hidden sheet naming the edition a workbook was made from (identity.rs).
pub const IDENTITY_SHEET: &str = "版情報";
/// The hidden sheet the scene drop-down reads its list from.
pub const LIST_SHEET: &str = "場面一覧";
pub const HEADER: [&str; 6] = [
    "No",
    "場面",
    "目標及び具体的な取組内容",
    "実施結果",
    "状況",
    "削除",
];
/// Columns a workbook from before the 削除 column has (it is still read).
pub(crate) const OLD_COLUMNS: usize = 5;
/// What marks a target for deletion in the 削除 column.
pub(crate) const DELETE: &str = "削除";
/// Rows offered for targets, at least (filled and blank, all editable).
pub(crate) const OFFERED_ROWS: u32 = 30;
/// Where the department's id stands on the instructions sheet (row, column; 0-based).
pub(crate) const ID_CELL: (u32, u32) = (3, 1);
/// Rows read from the targets sheet (header included); a value below is refused.
pub(crate) const TABLE_ROWS: u32 = 1000;
/// Blank rows offered for new targets.
pub(crate) const SPARE_ROWS: u32 = 5;

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

pub(crate) fn range_name(start: (u32, u32), end: (u32, u32)) -> String {
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
