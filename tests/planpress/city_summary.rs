//! The city summary as the coordinating section keeps and reads it: the files
//! it was built from travel inside it, the workbook's failures are named, and
//! its tables set every name whole in columns that match from table to table.

use std::path::{Path, PathBuf};

use crate::doc::{copy_edition, planpress_within, root, tmp};

const WARDS: [&str; 3] = ["asagiri-r7", "midori-r7", "shirakawa-r7"];

fn kasumi() -> PathBuf {
    root().join("tests/fixtures/city-kasumi")
}

/// `planpress summary CITY -o PDF`, which must succeed; the PDF's bytes.
fn summary_cli(city: &Path, pdf: &Path) -> Vec<u8> {
    let run = planpress_within(
        300,
        &[
            "summary",
            &city.display().to_string(),
            "-o",
            &pdf.display().to_string(),
        ],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    std::fs::read(pdf).unwrap()
}

/// The common file the ward's edition.json names (`../common-r7`).
fn common_file(ward: &Path) -> PathBuf {
    let text = std::fs::read_to_string(ward.join("edition.json")).unwrap();
    let ed: serde_json::Value = serde_json::from_str(&text).unwrap();
    let folder = ed["common"]["folder"].as_str().unwrap();
    ward.join(folder).join("common.json")
}

#[test]
fn the_summary_carries_every_wards_files_and_extract_gives_back_a_city_that_builds_it_again() {
    let base = tmp("summary-sources");
    std::fs::create_dir_all(&base).unwrap();
    let pdf = base.join("各区一覧.pdf");
    let bytes = summary_cli(&kasumi(), &pdf);
    let attached = planpress::extract::attachments(&bytes).unwrap();
    let find = |name: &str| attached.iter().find(|(n, _)| n == name).map(|(_, b)| b);
    let mut expected = 0;
    for ward in WARDS {
        let dir = kasumi().join(ward);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = format!("{ward}/{}", path.file_name().unwrap().to_str().unwrap());
            let got = find(&name).unwrap_or_else(|| panic!("{name} not attached: {attached:?}"));
            assert!(*got == std::fs::read(&path).unwrap(), "{name}: other bytes");
            expected += 1;
        }
        let name = format!("{ward}/common/common.json");
        let got = find(&name).unwrap_or_else(|| panic!("{name} not attached"));
        assert!(*got == std::fs::read(common_file(&dir)).unwrap(), "{name}");
        expected += 1;
    }
    assert_eq!(attached.len(), expected);
    // The archive's way back: the extracted city folder builds the same PDF.
    let out = base.join("取り出し");
    let (p, o) = (pdf.display().to_string(), out.display().to_string());
    let run = planpress_within(60, &["extract", &p, &o]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for ward in WARDS {
        let text = std::fs::read(out.join(ward).join("4-targets.json")).unwrap();
        assert!(text == std::fs::read(kasumi().join(ward).join("4-targets.json")).unwrap());
    }
    let again = summary_cli(&out, &base.join("again.pdf"));
    assert!(again == bytes, "the extracted city builds another summary");
}

#[test]
fn a_workbook_that_cannot_be_written_is_named_with_what_to_do() {
    let base = tmp("summary-xlsx-blocked");
    // A folder stands where the workbook goes.
    std::fs::create_dir_all(base.join("各区一覧.xlsx")).unwrap();
    let pdf = base.join("各区一覧.pdf");
    let city = kasumi().display().to_string();
    let run = planpress_within(300, &["summary", &city, "-o", &pdf.display().to_string()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    let xlsx = base.join("各区一覧.xlsx").display().to_string();
    assert!(
        stderr.contains(&format!("Excel ファイルを書き出せません（{xlsx}）")),
        "{stderr}"
    );
    assert!(stderr.contains("フォルダ"), "{stderr}");
    assert!(!stderr.contains("PDF を書き出せません"), "{stderr}");
    // The PDF was written, and the clerk is told so.
    assert!(pdf.is_file());
    assert!(stderr.contains(&pdf.display().to_string()), "{stderr}");
}

/// The summary built in-process from the ward folders of `city`.
fn built(city: &Path) -> planpress::summary::pdf::SummaryBuilt {
    let dirs = planpress::city::editions(city).unwrap();
    match planpress::summary::pdf::build(&dirs, &Default::default()) {
        Ok(s) => s,
        Err(planpress::summary::pdf::SummaryError::Wards(l)) => panic!("{}", l.join("\n")),
        Err(_) => panic!("the summary does not build"),
    }
}

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

use std::collections::BTreeMap;

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

#[test]
fn the_workbook_gives_a_unit_its_own_cell_beside_its_departments() {
    let built = built(&kasumi());
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(built.xlsx.clone())).unwrap();
    let mut sheet = |name: &str| -> Vec<Vec<String>> {
        let range = book.worksheet_range(name).unwrap();
        (range.rows())
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    // Every unit of the ward's targets file, read from the JSON: (課, unit, texts).
    let text = std::fs::read_to_string(kasumi().join("asagiri-r7/4-targets.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut units = Vec::new();
    for div in json["divisions"].as_array().unwrap() {
        for d in div["departments"].as_array().into_iter().flatten() {
            for u in d["units"].as_array().into_iter().flatten() {
                let name = u["name"].as_str().unwrap().to_string();
                for t in u["targets"].as_array().unwrap() {
                    let dept = d["short_name"].as_str().unwrap().to_string();
                    units.push((dept, name.clone(), t["text"].as_str().unwrap().to_string()));
                }
            }
        }
    }
    assert!(units.len() > 3, "the fixture has few units");
    let list = sheet("目標一覧");
    let col = |name: &str| list[0].iter().position(|h| h == name).expect(name);
    let (kind, dept, unit, goal) = (col("部署の種類"), col("部署"), col("担当・係"), col("目標"));
    for (d, u, text) in &units {
        let row = list.iter().find(|r| &r[goal] == text).expect(text);
        // One datum a cell: the 課 and the unit apart, never joined by a space.
        assert_eq!((&row[kind], &row[dept], &row[unit]), (d, d, u), "{text}");
    }
    let kinds = sheet("部署の種類別目標数");
    assert_eq!(kinds[0][..2], ["部署の種類", "担当・係"]);
    for (d, u, _) in &units {
        assert!(
            kinds.iter().any(|r| &r[0] == d && &r[1] == u),
            "{d} {u}: {kinds:?}"
        );
    }
}
