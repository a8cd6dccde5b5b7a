//! A city folder of wards: every ward's PDF at once, and the city-wide summary
//! (PDF and workbook) whose figures are the counts of the wards' content files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use typst::layout::{FrameItem, Transform};
use typst_layout::PagedDocument;

use crate::doc::{build, copy_edition, each_item, edit_json, planpress_within, root, tmp};

/// Wards of different shapes (fictional fixtures), each in its own folder of
/// a city folder, beside a folder that is no edition (the city's common one).
fn city(name: &str, wards: &[&str]) -> PathBuf {
    let base = tmp(name);
    for w in wards {
        copy_edition(&root().join("tests/fixtures").join(w), &base.join(w));
    }
    std::fs::create_dir_all(base.join("city-common")).unwrap();
    std::fs::write(base.join("city-common/readme.txt"), "共通").unwrap();
    base
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The files of `kind` an edition lists (chapters and annex).
fn files_of(dir: &Path, kind: &str) -> Vec<serde_json::Value> {
    let ed = json(&dir.join("edition.json"));
    let parts = ["chapters", "annex"].map(|k| ed[k].as_array().cloned().unwrap_or_default());
    (parts.concat().iter())
        .filter(|p| p["kind"] == kind)
        .map(|p| json(&dir.join(p["file"].as_str().unwrap())))
        .collect()
}

/// Every target of an edition's targets file, read from the JSON: (scene, text).
fn targets_in(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut take = |ts: &serde_json::Value| {
        for t in ts.as_array().into_iter().flatten() {
            let s = |k: &str| t[k].as_str().unwrap().to_string();
            out.push((s("scene"), s("text")));
        }
    };
    for file in files_of(dir, "targets") {
        for div in file["divisions"].as_array().unwrap() {
            take(&div["targets"]);
            for d in div["departments"].as_array().into_iter().flatten() {
                take(&d["targets"]);
                for u in d["units"].as_array().into_iter().flatten() {
                    take(&u["targets"]);
                }
            }
        }
    }
    out
}

/// The results rows' statuses counted, read from the JSON.
fn statuses_in(dir: &Path) -> BTreeMap<String, u32> {
    let mut counts = BTreeMap::new();
    for file in files_of(dir, "results") {
        for row in file["rows"].as_array().into_iter().flatten() {
            let s = row["status"].as_str().unwrap_or("未記入").to_string();
            *counts.entry(s).or_default() += 1;
        }
    }
    counts
}

/// The lines of every page of a compiled document: runs on one baseline in x
/// order, a space between two runs only where a gap parts them (table cells).
fn lines(doc: &PagedDocument) -> Vec<String> {
    let mut out = Vec::new();
    for page in doc.pages() {
        let mut runs: Vec<(i64, f64, f64, String)> = Vec::new();
        each_item(&page.frame, Transform::identity(), &mut |ts, pos, item| {
            if let FrameItem::Text(t) = item {
                let p = pos.transform(ts);
                let y = p.y.to_pt().round() as i64;
                runs.push((y, p.x.to_pt(), t.width().to_pt(), t.text.to_string()));
            }
        });
        runs.sort_by(|a, b| (a.0, a.1).partial_cmp(&(b.0, b.1)).unwrap());
        let mut line: Option<(i64, f64, String)> = None;
        for (y, x, w, text) in runs {
            match &mut line {
                Some((ly, end, s)) if *ly == y => {
                    if x - *end > 3.0 {
                        s.push(' ');
                    }
                    s.push_str(&text);
                    *end = x + w;
                }
                _ => {
                    out.extend(line.take().map(|(_, _, s)| s));
                    line = Some((y, x + w, text));
                }
            }
        }
        out.extend(line.map(|(_, _, s)| s));
    }
    out
}

#[test]
fn every_ward_is_built_at_once_and_a_broken_one_is_named_with_its_problem() {
    let base = city("city-build", &["small-ward", "deep-org", "wide-ward"]);
    // A fourth ward whose target names a scene its edition does not list.
    let broken = base.join("broken-ward");
    copy_edition(&root().join("tests/fixtures/small-ward"), &broken);
    edit_json(&broken, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][0]["scene"] = "存在しない場面".into();
    });
    let out = base.join("out");
    let (city, out_arg) = (base.display().to_string(), out.display().to_string());
    let run = planpress_within(600, &["build", &city, "-o", &out_arg]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
    );
    assert_eq!(run.status.code(), Some(1), "{stdout}\n{stderr}");
    for ward in ["small-ward", "deep-org", "wide-ward"] {
        let pdf = out.join(format!("{ward}.pdf"));
        let written = std::fs::read(&pdf).unwrap_or_else(|_| panic!("{ward}: {stderr}"));
        // The PDF is the ward's own build, byte for byte.
        assert!(written == build(&base.join(ward)).pdf, "{ward}");
        let line = format!("（{ward}）: {} を作りました", pdf.display());
        assert!(stdout.contains(&line), "{line}\n{stdout}");
    }
    assert!(!out.join("broken-ward.pdf").exists());
    // The broken ward is named, with its file and what is wrong.
    let named = (stderr.lines())
        .filter(|l| l.contains("しらかわ区（broken-ward）"))
        .collect::<Vec<_>>();
    assert!(
        named.iter().any(|l| l.contains("PDF を作れませんでした")),
        "{stderr}"
    );
    assert!(
        (named.iter()).any(|l| l.contains("4-targets.json") && l.contains("存在しない場面")),
        "{stderr}"
    );
    assert!(
        stderr.contains("4 区のうち 3 区の PDF を作りました"),
        "{stderr}"
    );
    assert!(!out.join("city-common.pdf").exists());
}

#[test]
fn a_folder_with_no_edition_in_it_is_told_as_such() {
    let base = tmp("city-empty");
    std::fs::create_dir_all(base.join("nothing-here")).unwrap();
    let run = planpress_within(60, &["build", &base.display().to_string()]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("版のフォルダ（edition.json のあるフォルダ）もありません"),
        "{stderr}"
    );
}

const WARDS: [&str; 3] = ["small-ward", "deep-org", "wide-ward"];

fn summary(base: &Path) -> planpress::summary::pdf::SummaryBuilt {
    let dirs: Vec<PathBuf> = WARDS.iter().map(|w| base.join(w)).collect();
    match planpress::summary::pdf::build(&dirs, &Default::default()) {
        Ok(s) => s,
        Err(planpress::summary::pdf::SummaryError::Wards(l)) => panic!("{}", l.join("\n")),
        Err(_) => panic!("the summary does not build"),
    }
}

#[test]
fn the_summary_prints_and_tabulates_the_counts_of_the_content_files() {
    let base = city("city-summary", &WARDS);
    // A department named with its ward in front is the same kind as without.
    edit_json(&base.join("small-ward"), "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["short_name"] = "しらかわ区区民窓口担当".into();
    });
    let built = summary(&base);
    let printed = lines(&built.document);
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(built.xlsx.clone())).unwrap();
    use calamine::Reader;
    let sheet = |book: &mut calamine::Xlsx<_>, name: &str| -> Vec<Vec<String>> {
        let range = book.worksheet_range(name).unwrap();
        (range.rows())
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    let labels = ["しらかわ区", "あさぎり区", "みどり区"];
    // Targets per scene: the PDF's row and the sheet's row are the JSON's counts.
    let scenes = sheet(&mut book, "場面別目標数");
    let head = &scenes[0];
    assert_eq!(head[0], "場面");
    for (k, label) in labels.iter().enumerate() {
        assert_eq!(head[k + 1], format!("{label}（件）"));
    }
    let per_ward: Vec<Vec<(String, String)>> =
        WARDS.iter().map(|w| targets_in(&base.join(w))).collect();
    let mut scene_names: Vec<&String> = per_ward.iter().flatten().map(|(s, _)| s).collect();
    scene_names.sort();
    scene_names.dedup();
    assert_eq!(scenes.len() - 1, scene_names.len(), "{scenes:?}");
    for scene in scene_names {
        let counts: Vec<usize> = (per_ward.iter())
            .map(|ts| ts.iter().filter(|(s, _)| s == scene).count())
            .collect();
        let total: usize = counts.iter().sum();
        let row = scenes.iter().find(|r| &r[0] == scene).expect(scene);
        let want: Vec<String> = counts
            .iter()
            .chain([&total])
            .map(|n| n.to_string())
            .collect();
        assert_eq!(row[1..], want[..], "{scene}");
        let line = format!("{scene} {}", want.join(" "));
        assert!(printed.contains(&line), "{line} not printed:\n{printed:#?}");
    }
    // Every target is a row of the list, once.
    let list = sheet(&mut book, "目標一覧");
    let col = |name: &str| list[0].iter().position(|h| h == name).expect(name);
    let (s, t) = (col("場面"), col("目標"));
    let all: Vec<&(String, String)> = per_ward.iter().flatten().collect();
    assert_eq!(list.len() - 1, all.len());
    for (scene, text) in all {
        assert!(
            list.iter().any(|r| &r[s] == scene && &r[t] == text),
            "{text}"
        );
    }
    // Each department's full name (the target table's), a cell of its own.
    let full = col("部署の正式な名前");
    for w in WARDS {
        for file in files_of(&base.join(w), "targets") {
            let departments = (file["divisions"].as_array().unwrap().iter())
                .flat_map(|d| d["departments"].as_array().unwrap().iter());
            for d in departments.filter(|d| d["targets"].as_array().is_some_and(|t| !t.is_empty()))
            {
                let name = d["full_name"].as_str().unwrap();
                assert!(list.iter().any(|r| r[full] == name), "{w}: {name}");
            }
        }
    }
    // The ward prefix is not part of the kind.
    let kinds = sheet(&mut book, "部署の種類別目標数");
    let ward = kinds[0]
        .iter()
        .position(|h| h == "しらかわ区（件）")
        .unwrap();
    assert!(
        kinds
            .iter()
            .any(|r| r[0] == "区民窓口担当" && r[ward] == "2"),
        "{kinds:?}"
    );
    assert!(!kinds.iter().any(|r| r[0].starts_with("しらかわ区")));
    // Per 部: a 課 under no 部 is its own group, and the heading says so.
    let by_division = sheet(&mut book, "実施結果_部別");
    assert_eq!(by_division[0][1], "部（部に属さない課はその課）");
    // Last year's results per ward: the chart's table, the sheet, the alt text.
    let results = sheet(&mut book, "実施結果_区別");
    for (w, label) in WARDS.iter().zip(labels) {
        let counts = statuses_in(&base.join(w));
        let row = results.iter().find(|r| r[0] == label).expect(label);
        let mut cells = Vec::new();
        for (k, status) in results[0].iter().enumerate().skip(1) {
            let status = status.trim_end_matches("（件）");
            let n = if status == "計" {
                counts.values().sum::<u32>()
            } else {
                counts.get(status).copied().unwrap_or(0)
            };
            assert_eq!(row[k], n.to_string(), "{label} {status}");
            cells.push(n.to_string());
        }
        let line = format!("{label} {}", cells.join(" "));
        assert!(printed.contains(&line), "{line} not printed:\n{printed:#?}");
        let alt = &built.summary.results.as_ref().unwrap().alt;
        let said = format!(
            "{label}: 達成 {}件",
            counts.get("達成").copied().unwrap_or(0)
        );
        assert!(alt.contains(&said), "{said} not in {alt}");
    }
}

/// Every Figure's alternative text in a PDF's structure tree.
fn figure_alts(pdf: &[u8]) -> Vec<String> {
    fn walk(doc: &lopdf::Document, obj: &lopdf::Object, alts: &mut Vec<String>) {
        let obj = match obj.as_reference() {
            Ok(id) => doc.get_object(id).unwrap(),
            Err(_) => obj,
        };
        match obj {
            lopdf::Object::Dictionary(d) => {
                if d.get(b"S").and_then(|s| s.as_name()).ok() == Some(&b"Figure"[..]) {
                    alts.push(
                        d.get(b"Alt")
                            .map(crate::doc::pdf_string)
                            .unwrap_or_default(),
                    );
                }
                if let Ok(k) = d.get(b"K") {
                    walk(doc, k, alts);
                }
            }
            lopdf::Object::Array(a) => a.iter().for_each(|o| walk(doc, o, alts)),
            _ => {}
        }
    }
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut alts = Vec::new();
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    walk(&doc, root, &mut alts);
    alts
}

#[test]
fn the_results_annex_opens_with_a_chart_per_division_whose_alt_text_gives_the_counts() {
    let dir = root().join("tests/fixtures/large-ward");
    // The 部 of each department, and the results counted per 部, from the JSON.
    let mut division_of = BTreeMap::new();
    for file in files_of(&dir, "targets") {
        for div in file["divisions"].as_array().unwrap() {
            for d in div["departments"].as_array().into_iter().flatten() {
                let name = div["name"].as_str().unwrap().to_string();
                division_of.insert(d["short_name"].as_str().unwrap().to_string(), name);
            }
        }
    }
    let mut counts: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    for file in files_of(&dir, "results") {
        for row in file["rows"].as_array().unwrap() {
            let div = division_of[row["department"].as_str().unwrap()].clone();
            let status = row["status"].as_str().unwrap().to_string();
            *counts.entry(div).or_default().entry(status).or_default() += 1;
        }
    }
    let built = crate::doc::built_once(&dir);
    let alts = figure_alts(&built.pdf);
    let chart: Vec<_> = alts
        .iter()
        .filter(|a| a.contains("実施結果の件数"))
        .collect();
    assert_eq!(chart.len(), 1, "{alts:?}");
    let printed = lines(&built.document);
    for (div, c) in &counts {
        let n = |s: &str| c.get(s).copied().unwrap_or(0);
        let total: u32 = c.values().sum();
        let said = format!(
            "{div}: 達成 {}件、一部達成 {}件、未達成 {}件（計 {total}件）",
            n("達成"),
            n("一部達成"),
            n("未達成")
        );
        assert!(chart[0].contains(&said), "{said} not in {}", chart[0]);
        // The table beside the chart prints the same counts.
        let line = format!(
            "{div} {} {} {} {total}",
            n("達成"),
            n("一部達成"),
            n("未達成")
        );
        assert!(
            printed.iter().any(|l| l.ends_with(&line)),
            "{line} not printed"
        );
    }
}
