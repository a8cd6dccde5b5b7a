//! A table row as one passage of an item (a simple table's row, a 別表's row, a
//! roster row), so the 新旧対照表 can set it as a table and mark its cells: the
//! cells joined with [`CELL`], after [`ROW`] or, for a header row, [`HEADER`].
//! Validated content holds no control character, so these marks never come
//! from a clerk's text; the terminal and JSON show the cells joined with 「｜」.

const ROW: char = '\u{1d}';
const HEADER: char = '\u{1e}';
const CELL: char = '\u{1f}';

fn joined(lead: char, cells: &[String]) -> String {
    let mut s = String::from(lead);
    s.push_str(&cells.join(&CELL.to_string()));
    s
}

/// A table's row as a passage.
pub fn row(cells: &[String]) -> String {
    joined(ROW, cells)
}

/// A table's header row (its column names) as a passage.
pub fn header(cells: &[String]) -> String {
    joined(HEADER, cells)
}

/// A passage's cells, and whether they are a header row; `None` for text.
pub fn split(passage: &str) -> Option<(bool, Vec<&str>)> {
    let mut chars = passage.chars();
    let header = match chars.next()? {
        ROW => false,
        HEADER => true,
        _ => return None,
    };
    Some((header, chars.as_str().split(CELL).collect()))
}

/// A passage as the terminal shows it: a row's cells joined with 「｜」.
pub fn display(passage: &str) -> String {
    match split(passage) {
        Some((_, cells)) => cells.join("｜"),
        None => passage.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_back_into_their_cells() {
        let cells = ["4月".to_string(), "".into(), "総務課".into()];
        assert_eq!(
            split(&row(&cells)),
            Some((false, vec!["4月", "", "総務課"]))
        );
        assert_eq!(split(&header(&cells[..1])), Some((true, vec!["4月"])));
        assert_eq!(split("4月の方針"), None);
        assert_eq!(display(&row(&cells)), "4月｜｜総務課");
    }
}
