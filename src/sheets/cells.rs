//! A worksheet's cells as the clerk sees them, read cell by cell within the table
//! planpress wrote: a value far outside it never makes a sheet-sized allocation.

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::{Data, Xlsx, XlsxError};

/// One non-empty cell: its value and its number format.
pub(crate) struct Cell {
    pub value: Data,
    pub format: Format,
}

/// A cell's number format: its code, and its built-in id (whose code depends on
/// the locale for dates, so calamine may not know it).
#[derive(Clone, Default)]
pub(crate) struct Format {
    pub code: Option<String>,
    pub id: Option<u32>,
}

/// The cells of one sheet inside `rows` × `cols`.
pub(crate) struct Grid {
    cells: HashMap<(u32, u32), Cell>,
    /// The first non-empty cell outside the bounds, if any.
    pub outside: Option<(u32, u32)>,
}

impl Grid {
    pub fn get(&self, pos: (u32, u32)) -> Option<&Cell> {
        self.cells.get(&pos)
    }

    /// The last row with a value.
    pub fn last_row(&self) -> u32 {
        self.cells.keys().map(|&(r, _)| r).max().unwrap_or(0)
    }
}

pub(crate) fn read<RS: Read + Seek>(
    wb: &mut Xlsx<RS>,
    sheet: &str,
    rows: u32,
    cols: u32,
) -> Result<Grid, XlsxError> {
    let mut reader = wb.worksheet_cells_reader(sheet)?;
    let formats: Vec<Format> = reader
        .styles()
        .iter()
        .map(|s| Format {
            code: s.number_format.as_ref().map(|f| f.format_code.clone()),
            id: s.number_format.as_ref().and_then(|f| f.format_id),
        })
        .collect();
    let mut grid = Grid {
        cells: HashMap::new(),
        outside: None,
    };
    while let Some((cell, style)) = reader.next_cell_with_style_id()? {
        let value = Data::from(cell.get_value().clone());
        if value == Data::Empty || value == Data::String(String::new()) {
            continue;
        }
        let (r, c) = cell.get_position();
        if r >= rows || c >= cols {
            grid.outside.get_or_insert((r, c));
            continue;
        }
        let format = formats.get(style).cloned().unwrap_or_default();
        grid.cells.insert((r, c), Cell { value, format });
    }
    Ok(grid)
}
