//! A changed item's passages as rows of the 新旧対照表: text side by side with
//! its changed characters marked, each side's passages from the top (a passage
//! removed and one added stand on one row, not one under the other); a table's
//! rows as a table on each side, the changed characters of each cell marked;
//! unchanged passages and rows as 「（略）」 (simple) or in full (detailed).

use super::cells;
use super::chars::{self, Passage, Run};
use super::table::{Cell, GridRow, Row};

/// The rows of an item's passages `old` → `new`.
pub fn body(old: &[String], new: &[String], detailed: bool, out: &mut Vec<Row>) {
    let passages = unmixed(chars::passages(old, new));
    let mut i = 0;
    while i < passages.len() {
        let table = is_row(&passages[i]);
        // A table runs while rows follow, until the next table's header.
        let mut j = i + 1;
        while j < passages.len()
            && is_row(&passages[j]) == table
            && !(table && starts(&passages[j]))
        {
            j += 1;
        }
        if table {
            grids(&passages[i..j], detailed, out);
        } else {
            text(&passages[i..j], detailed, out);
        }
        i = j;
    }
}

/// A pair of a text and a table row is a passage removed and one added.
fn unmixed(passages: Vec<Passage<'_>>) -> Vec<Passage<'_>> {
    let mut out = Vec::with_capacity(passages.len());
    for p in passages {
        match p {
            Passage::Changed(Some(a), Some(b))
                if cells::split(a).is_some() != cells::split(b).is_some() =>
            {
                out.push(Passage::Changed(Some(a), None));
                out.push(Passage::Changed(None, Some(b)));
            }
            p => out.push(p),
        }
    }
    out
}

fn sides<'a>(p: &Passage<'a>) -> [Option<&'a str>; 2] {
    match *p {
        Passage::Same(t) => [Some(t), Some(t)],
        Passage::Changed(a, b) => [a, b],
    }
}

/// A table's row (either side).
fn is_row(p: &Passage<'_>) -> bool {
    sides(p).iter().flatten().any(|t| cells::split(t).is_some())
}

/// A header row: a table starts.
fn starts(p: &Passage<'_>) -> bool {
    (sides(p).iter().flatten()).any(|t| cells::split(t).is_some_and(|(h, _)| h))
}

fn cell(runs: Vec<Run>) -> Cell {
    Cell {
        runs,
        ..Cell::default()
    }
}

/// Text passages: each side's changed passages stacked from the top of a run
/// of rows; an unchanged passage ends the run.
fn text(passages: &[Passage<'_>], detailed: bool, out: &mut Vec<Row>) {
    let mut run: Vec<Row> = Vec::new();
    // The first row of the run each side may still fill.
    let (mut free_old, mut free_new) = (0, 0);
    for p in passages {
        match *p {
            Passage::Same(t) => {
                out.append(&mut run);
                (free_old, free_new) = (0, 0);
                if detailed {
                    let whole = || cell(chars::whole(t, false));
                    out.push(Row::passage(whole(), whole()));
                } else if !out.last().is_some_and(|r| r.omitted) {
                    out.push(Row::omitted(false));
                }
            }
            Passage::Changed(a, b) => {
                let (o, n) = match (a, b) {
                    (Some(a), Some(b)) => chars::marked(a, b),
                    _ => (
                        a.map(|t| chars::whole(t, true)).unwrap_or_default(),
                        b.map(|t| chars::whole(t, true)).unwrap_or_default(),
                    ),
                };
                let at = match (a.is_some(), b.is_some()) {
                    (true, true) => free_old.max(free_new),
                    (true, false) => free_old,
                    _ => free_new,
                };
                if at == run.len() {
                    run.push(Row::passage(Cell::default(), Cell::default()));
                }
                if a.is_some() {
                    run[at].old = cell(o);
                    free_old = at + 1;
                }
                if b.is_some() {
                    run[at].new = cell(n);
                    free_new = at + 1;
                }
            }
        }
    }
    out.append(&mut run);
}

/// One table's rows: a table on each side that has rows.
fn grids(passages: &[Passage<'_>], detailed: bool, out: &mut Vec<Row>) {
    let (mut old, mut new): (Vec<GridRow>, Vec<GridRow>) = (Vec::new(), Vec::new());
    let omit = |g: &mut Vec<GridRow>| {
        if !g.last().is_some_and(|r| r.omitted) {
            g.push(GridRow {
                omitted: true,
                ..GridRow::default()
            });
        }
    };
    for p in passages {
        let [a, b] = sides(p).map(|s| s.and_then(cells::split));
        match (p, a, b) {
            (Passage::Same(_), Some((header, cs)), _) => {
                if header || detailed {
                    let row = GridRow {
                        header,
                        omitted: false,
                        cells: cs.iter().map(|c| chars::whole(c, false)).collect(),
                    };
                    old.push(row.clone());
                    new.push(row);
                } else {
                    omit(&mut old);
                    omit(&mut new);
                }
            }
            (_, a, b) => {
                let none = (false, Vec::new());
                let (ha, ca) = a.clone().unwrap_or_else(|| none.clone());
                let (hb, cb) = b.clone().unwrap_or(none);
                let (ma, mb) = marked_cells(&ca, &cb);
                if a.is_some() {
                    old.push(GridRow {
                        header: ha,
                        omitted: false,
                        cells: ma,
                    });
                }
                if b.is_some() {
                    new.push(GridRow {
                        header: hb,
                        omitted: false,
                        cells: mb,
                    });
                }
            }
        }
    }
    let side = |g: Vec<GridRow>| Cell {
        grid: Some(g).filter(|g| g.iter().any(|r| !r.omitted)),
        ..Cell::default()
    };
    out.push(Row::passage(side(old), side(new)));
}

/// Two rows' cells, column by column, their changed characters marked (a cell
/// only one row has, whole).
fn marked_cells(old: &[&str], new: &[&str]) -> (Vec<Vec<Run>>, Vec<Vec<Run>>) {
    let (mut o, mut n) = (Vec::new(), Vec::new());
    for k in 0..old.len().max(new.len()) {
        match (old.get(k), new.get(k)) {
            (Some(a), Some(b)) => {
                let (x, y) = chars::marked(a, b);
                o.push(x);
                n.push(y);
            }
            (Some(a), None) => o.push(chars::whole(a, true)),
            (None, Some(b)) => n.push(chars::whole(b, true)),
            (None, None) => {}
        }
    }
    (o, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_passage_replaced_by_an_unlike_one_stands_on_the_same_row() {
        let mut out = Vec::new();
        let old = s(&["見出し", "証明書を正確に発行します。"]);
        let new = s(&["見出し", "申請の手引きをホームページに載せます。"]);
        body(&old, &new, false, &mut out);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out[0].omitted);
        assert!(!out[1].old.runs.is_empty() && !out[1].new.runs.is_empty());
    }

    #[test]
    fn a_changed_row_marks_only_its_changed_cell() {
        let mut out = Vec::new();
        let head = cells::header(&s(&["区分", "氏名"]));
        let old = s(&["名簿", &head, &cells::row(&s(&["委員", "架空 冬彦"]))]);
        let new = s(&["名簿", &head, &cells::row(&s(&["委員", "架空 冬美"]))]);
        body(&old, &new, false, &mut out);
        let grid = out.last().unwrap().new.grid.clone().unwrap();
        assert!(grid[0].header && grid[0].cells.iter().flatten().all(|r| !r.marked));
        let marked: Vec<&str> = (grid[1].cells.iter().flatten())
            .filter(|r| r.marked)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(marked, ["美"]);
    }
}
