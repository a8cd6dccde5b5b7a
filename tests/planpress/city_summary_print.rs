//! The city summary as a reader of its pages checks it: every name whole, the
//! same columns at the same widths from table to table, every chart to one
//! scale, a kind of department named on every page it goes on to, the date.

use std::collections::BTreeMap;

use crate::city_summary::{WARDS, built, kasumi};
use crate::doc::{copy_edition, tmp};

/// Every printed line of the document as its cells: runs on one baseline in x
/// order, those that touch joined (a name set in phrases), each with its left
/// edge; a new cell where a gap parts them.
fn cell_lines(doc: &typst_layout::PagedDocument) -> Vec<Vec<(f64, String)>> {
    (cell_spans(doc).into_iter())
        .map(|l| l.into_iter().map(|(x, _, t)| (x, t)).collect())
        .collect()
}

/// The cells of every line with their left and right edges.
fn cell_spans(doc: &typst_layout::PagedDocument) -> Vec<Vec<(f64, f64, String)>> {
    use typst::layout::{FrameItem, Transform};
    let mut out = Vec::new();
    for page in doc.pages() {
        let mut runs: Vec<(i64, f64, f64, String)> = Vec::new();
        crate::doc::each_item(&page.frame, Transform::identity(), &mut |ts, pos, item| {
            if let FrameItem::Text(t) = item {
                let p = pos.transform(ts);
                let y = p.y.to_pt().round() as i64;
                runs.push((y, p.x.to_pt(), t.width().to_pt(), t.text.to_string()));
            }
        });
        runs.sort_by(|a, b| (a.0, a.1).partial_cmp(&(b.0, b.1)).unwrap());
        let mut line: Vec<(f64, f64, String)> = Vec::new();
        let mut at = None;
        for (y, x, w, text) in runs {
            match line.last_mut() {
                Some(last) if at == Some(y) && x - last.1 <= 3.0 => {
                    last.2.push_str(&text);
                    last.1 = x + w;
                    continue;
                }
                _ if at != Some(y) => {
                    out.extend((!line.is_empty()).then(|| std::mem::take(&mut line)));
                    at = Some(y);
                }
                _ => {}
            }
            line.push((x, x + w, text));
        }
        out.extend((!line.is_empty()).then_some(line));
    }
    out
}

/// Where each header cell of the tables whose header row starts with `first`
/// (and holds `holding`) begins, by its text: one position a text when every
/// such table has the same columns at the same widths.
fn header_columns(
    lines: &[Vec<(f64, String)>],
    first: &[&str],
    holding: &str,
) -> BTreeMap<String, Vec<f64>> {
    let mut at: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let headers = (lines.iter())
        .filter(|l| first.contains(&l[0].1.as_str()) && l.iter().any(|c| c.1 == holding));
    for line in headers {
        // From the cell `holding` (the same text each time): pages alternate
        // their margins.
        let from = line.iter().find(|c| c.1 == holding).unwrap().0;
        for (x, text) in line.iter().filter(|c| c.1 != holding) {
            // Within half a point: one place to the eye.
            let x = x - from;
            let xs = at.entry(text.clone()).or_default();
            if !xs.iter().any(|o| (o - x).abs() < 0.5) {
                xs.push(x);
            }
        }
    }
    at
}

#[test]
fn the_same_columns_have_the_same_widths_in_every_table() {
    let built = built(&kasumi());
    let lines = cell_lines(&built.document);
    // The listing: a table a kind of department, many of them.
    let listing = header_columns(&lines, &["区", "区名"], "目標");
    assert!(listing.contains_key("場面"), "{listing:?}");
    for (text, xs) in &listing {
        assert_eq!(xs.len(), 1, "the listing's 「{text}」 column moves: {xs:?}");
    }
    // The counts by kind of department and by scene: the wards' columns.
    let counts = header_columns(&lines, &["部署の種類", "場面"], "計");
    for label in ["あさぎり区", "みどり区", "しらかわ区"] {
        let xs = &counts[label];
        assert_eq!(xs.len(), 1, "the counts' 「{label}」 column moves: {xs:?}");
    }
}

#[test]
fn every_ward_name_is_printed_whole_however_many_wards_there_are() {
    let base = tmp("summary-many-wards");
    copy_edition(&kasumi().join("common-r7"), &base.join("common-r7"));
    let folders = [
        "midori-a", "midori-b", "midori-c", "midori-d", "midori-e", "midori-f",
    ];
    for f in folders {
        copy_edition(&kasumi().join("midori-r7"), &base.join(f));
    }
    let built = built(&base);
    let lines: Vec<String> = (cell_lines(&built.document).into_iter())
        .map(|l| l.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "))
        .collect();
    // Two wards share a name: each is named with its folder.
    let labels: Vec<String> = folders.iter().map(|f| format!("みどり区（{f}）")).collect();
    // The counts' tables (before the listing, whose texts may name the ward).
    let end = (lines.iter())
        .position(|l| l == "部署の種類ごとの目標")
        .unwrap();
    let mut whole = 0;
    for line in &lines[..end] {
        let mut rest = line.clone();
        for label in &labels {
            whole += rest.matches(label.as_str()).count();
            rest = rest.replace(label.as_str(), "");
        }
        // What is left of a name broken over two lines.
        assert!(
            !rest.contains("みどり区（") && !rest.contains("（midori"),
            "a ward's name is broken: 「{line}」"
        );
    }
    // Each name heads its count column twice (kinds, scenes) and a row once.
    assert!(whole >= 3 * labels.len(), "{whole}: {lines:#?}");
}

#[test]
fn every_results_chart_draws_one_count_as_one_length_and_its_table_in_the_same_columns() {
    let built = built(&kasumi());
    let spans = cell_spans(&built.document);
    // The bars: a 部's name (right-aligned at the bars' start), its bar, and
    // its total just after the bar's end. One count is one length when the
    // gap from the name to the total grows by the same step per count.
    let mut steps = Vec::new();
    for ward in &built.summary.divisions {
        for g in &ward.chart.groups {
            let bar = (spans.iter())
                .find(|l| l.len() == 2 && l[0].2 == g.label && l[1].2 == g.total.to_string())
                .unwrap_or_else(|| panic!("{} {}: no bar", ward.ward, g.label));
            steps.push((
                ward.ward.clone(),
                g.label.clone(),
                g.total,
                bar[0].1,
                bar[1].0,
            ));
        }
    }
    let (_, _, t0, end0, x0) = &steps[0];
    for (ward, label, total, end, x) in &steps {
        // The names end at one place: the bars start there.
        assert!(
            (end - end0).abs() < 0.5,
            "{ward} {label}: bars start elsewhere"
        );
        let (a, b) = (x - end, x0 - end0);
        // a = gap + unit × total: the unit is the same for every ward.
        if total != t0 {
            let unit = (a - b) / (*total as f64 - *t0 as f64);
            let (_, _, t1, e1, x1) = steps.iter().find(|s| s.2 != *t0 && s.2 != *total).unwrap();
            let other = ((x1 - e1) - b) / (*t1 as f64 - *t0 as f64);
            assert!(
                (unit - other).abs() < 0.05,
                "{ward} {label}: {unit} pt a count, not {other}"
            );
        }
    }
    // The tables: the status columns at one place in every one of them.
    let lines = cell_lines(&built.document);
    let tables = header_columns(&lines, &["部", "区", "区名"], "計");
    for status in ["達成", "一部達成", "未達成"] {
        let xs = &tables[status];
        assert_eq!(
            xs.len(),
            1,
            "the results tables' 「{status}」 column moves: {xs:?}"
        );
    }
}

#[test]
fn a_kind_of_department_continued_on_the_next_page_is_named_at_its_top() {
    let built = built(&kasumi());
    let kinds: Vec<&str> = built
        .summary
        .kinds
        .iter()
        .map(|k| k.name.as_str())
        .collect();
    let lines = cell_lines(&built.document);
    let mut continued = 0;
    for (i, line) in lines.iter().enumerate() {
        let texts: Vec<&str> = line.iter().map(|c| c.1.as_str()).collect();
        if texts != ["区名", "No", "場面", "目標"] {
            continue;
        }
        // The line above the column heads names the kind, or says it goes on.
        let above = lines[i - 1]
            .iter()
            .map(|c| c.1.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let named = kinds
            .iter()
            .any(|k| above == *k || above == format!("{k}（続き）"));
        assert!(named, "the column heads under 「{above}」 name no kind");
        continued += above.ends_with("（続き）") as usize;
    }
    assert!(
        continued > 0,
        "no kind goes on to another page: the test shows nothing"
    );
}

#[test]
fn the_first_page_is_dated_as_the_latest_wards_edition_and_names_the_city() {
    let built = built(&kasumi());
    // The latest publication among the wards, read from their edition.json.
    let latest = (WARDS.iter())
        .map(|ward| {
            let text = std::fs::read_to_string(kasumi().join(ward).join("edition.json")).unwrap();
            let ed: serde_json::Value = serde_json::from_str(&text).unwrap();
            let (y, m) = ed["published"].as_str().unwrap().split_once('-').unwrap();
            (y.parse::<i32>().unwrap(), m.parse::<u32>().unwrap())
        })
        .max()
        .unwrap();
    assert_eq!((built.summary.date.year, built.summary.date.month), latest);
    let lines: Vec<String> = (cell_lines(&built.document).into_iter())
        .map(|l| l.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "))
        .collect();
    let end = lines.iter().position(|l| l == "各区の目標数").unwrap();
    let line = format!("{}　{}", built.summary.date.wareki, built.summary.city);
    assert!(
        lines[..end].iter().any(|l| l.contains(&line)),
        "{line} not above the first table: {:#?}",
        &lines[..end]
    );
}

#[test]
fn a_kind_of_a_few_short_targets_is_never_split_over_two_pages() {
    let built = built(&kasumi());
    let lines: Vec<String> = (cell_lines(&built.document).into_iter())
        .map(|l| l.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "))
        .collect();
    let mut short = 0;
    for kind in &built.summary.by_kind {
        // Three targets of under 100 characters each: a few lines of a page.
        let few =
            kind.targets.len() <= 3 && kind.targets.iter().all(|t| t.text.chars().count() < 100);
        if few {
            short += 1;
            let goes_on = format!("{}（続き）", kind.kind);
            assert!(
                !lines.contains(&goes_on),
                "{} is split over two pages",
                kind.kind
            );
        }
    }
    assert!(short > 10, "{short}: the fixture has few short kinds");
}
