//! The summary as a machine-readable workbook, after the 2020 unified rules for
//! government statistics spreadsheets (統計表における機械判読可能なデータの表記方法の
//! 統一ルール): one table a sheet, its header in the first row, one datum a cell
//! (numbers as numbers), no merged cells, no blank rows or columns for layout,
//! units in the header (「（件）」), never in a cell.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{CountRow, Summary};
use crate::view::chart::StatusChart;

/// The sheets' names, as a clerk sees them on the tabs.
pub const TARGETS: &str = "目標一覧";
pub const KINDS: &str = "部署の種類別目標数";
pub const SCENES: &str = "場面別目標数";
pub const BY_WARD: &str = "実施結果_区別";
pub const BY_DIVISION: &str = "実施結果_部別";

/// The workbook's bytes.
pub fn workbook(s: &Summary) -> Result<Vec<u8>, String> {
    write(s).map_err(|e| {
        format!("一覧の Excel ファイルを作れません（{e}）。planpress の担当者に連絡してください")
    })
}

fn write(s: &Summary) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = Format::new().set_bold();
    targets(wb.add_worksheet(), s, &head)?;
    let wards: Vec<&str> = s.wards.iter().map(|w| w.label.as_str()).collect();
    // A unit's kind in two cells: its 課's kind, and its own name.
    let kinds: Vec<Vec<&str>> = (s.kinds.iter())
        .map(|k| match s.targets.iter().find(|t| t.kind == k.name) {
            Some(t) => vec![t.without_unit().0, t.unit.as_deref().unwrap_or("")],
            None => vec![k.name.as_str(), ""],
        })
        .collect();
    let first = ["部署の種類", "担当・係"];
    counts(
        wb.add_worksheet(),
        KINDS,
        &first,
        kinds,
        &wards,
        &s.kinds,
        &head,
    )?;
    let scenes = s.scenes.iter().map(|r| vec![r.name.as_str()]).collect();
    counts(
        wb.add_worksheet(),
        SCENES,
        &["場面"],
        scenes,
        &wards,
        &s.scenes,
        &head,
    )?;
    if let Some(chart) = &s.results {
        let ws = wb.add_worksheet();
        ws.set_name(BY_WARD)?;
        let rows = chart.groups.iter().map(|g| vec![g.label.as_str()]);
        statuses(ws, &["区"], rows.collect(), chart, &head)?;
    }
    if !s.divisions.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name(BY_DIVISION)?;
        // One table: every ward's 部, under the status words of them all.
        let mut all = StatusChart {
            statuses: Vec::new(),
            groups: Vec::new(),
            most: 0,
            alt: String::new(),
        };
        let mut labels = Vec::new();
        for w in &s.divisions {
            for st in &w.chart.statuses {
                if !all.statuses.contains(st) {
                    all.statuses.push(st.clone());
                }
            }
        }
        for w in &s.divisions {
            for g in &w.chart.groups {
                let counts = (all.statuses.iter())
                    .map(|st| {
                        let k = w.chart.statuses.iter().position(|x| x == st);
                        k.map_or(0, |k| g.counts[k])
                    })
                    .collect();
                all.groups.push(crate::view::chart::ChartGroup {
                    label: g.label.clone(),
                    counts,
                    total: g.total,
                });
                labels.push(vec![w.ward.as_str(), g.label.as_str()]);
            }
        }
        // A 課 under no 部 is its own group: the heading says so, for a
        // reader of the data who does not see the chart.
        statuses(
            ws,
            &["区", "部（部に属さない課はその課）"],
            labels,
            &all,
            &head,
        )?;
    }
    wb.save_to_buffer()
}

/// Every target, one a row.
fn targets(ws: &mut Worksheet, s: &Summary, head: &Format) -> Result<(), XlsxError> {
    ws.set_name(TARGETS)?;
    let header = [
        "区",
        "版のフォルダ",
        "年度（西暦）",
        "部",
        "部署の種類",
        "部署",
        "部署の正式な名前",
        "担当・係",
        "目標番号",
        "場面",
        "目標",
    ];
    header_row(ws, &header, head)?;
    for (i, t) in s.targets.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &t.ward)?;
        ws.write_string(r, 1, &t.folder)?;
        ws.write_number(r, 2, t.fiscal_year)?;
        if let Some(d) = &t.division {
            ws.write_string(r, 3, d)?;
        }
        // A unit's department and kind without its name, which has its cell.
        let (kind, department) = t.without_unit();
        ws.write_string(r, 4, kind)?;
        ws.write_string(r, 5, department)?;
        ws.write_string(r, 6, &t.full_name)?;
        if let Some(u) = &t.unit {
            ws.write_string(r, 7, u)?;
        }
        ws.write_number(r, 8, t.number)?;
        ws.write_string(r, 9, &t.scene)?;
        ws.write_string(r, 10, &t.text)?;
    }
    widths(ws, &[12, 14, 12, 20, 20, 20, 28, 16, 10, 12, 80])
}

/// Counts per name and per ward: the name's columns, the ward columns side
/// by side, and the total.
fn counts(
    ws: &mut Worksheet,
    name: &str,
    first: &[&str],
    labels: Vec<Vec<&str>>,
    wards: &[&str],
    rows: &[CountRow],
    head: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let mut header: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    header.extend(wards.iter().map(|w| format!("{w}（件）")));
    header.push("計（件）".into());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    header_row(ws, &header, head)?;
    let at = first.len() as u16;
    for (i, (row, label)) in rows.iter().zip(labels).enumerate() {
        let r = i as u32 + 1;
        for (k, l) in label.iter().enumerate() {
            if !l.is_empty() {
                ws.write_string(r, k as u16, *l)?;
            }
        }
        for (k, n) in row.counts.iter().enumerate() {
            ws.write_number(r, at + k as u16, *n as u32)?;
        }
        ws.write_number(r, at + row.counts.len() as u16, row.total as u32)?;
    }
    let mut w = vec![24; first.len()];
    w.extend(std::iter::repeat_n(14, wards.len() + 1));
    widths(ws, &w)
}

/// Results counted by status: the label columns, a column a status, the total.
fn statuses(
    ws: &mut Worksheet,
    first: &[&str],
    labels: Vec<Vec<&str>>,
    chart: &StatusChart,
    head: &Format,
) -> Result<(), XlsxError> {
    let mut header: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    header.extend(chart.statuses.iter().map(|s| format!("{s}（件）")));
    header.push("計（件）".into());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    header_row(ws, &header, head)?;
    for (i, (g, label)) in chart.groups.iter().zip(labels).enumerate() {
        let r = i as u32 + 1;
        for (k, l) in label.iter().enumerate() {
            ws.write_string(r, k as u16, *l)?;
        }
        let at = first.len() as u16;
        for (k, n) in g.counts.iter().enumerate() {
            ws.write_number(r, at + k as u16, *n)?;
        }
        ws.write_number(r, at + g.counts.len() as u16, g.total)?;
    }
    let mut w = vec![20; first.len()];
    w.extend(std::iter::repeat_n(12, chart.statuses.len() + 1));
    widths(ws, &w)
}

fn header_row(ws: &mut Worksheet, header: &[&str], head: &Format) -> Result<(), XlsxError> {
    for (k, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, k as u16, *h, head)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn widths(ws: &mut Worksheet, w: &[u16]) -> Result<(), XlsxError> {
    for (k, w) in w.iter().enumerate() {
        ws.set_column_width(k as u16, *w)?;
    }
    Ok(())
}
