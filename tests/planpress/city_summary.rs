//! The city summary as the coordinating section keeps and reads it: the files
//! it was built from travel inside it, the workbook keeps one datum a cell and
//! its failures are named. What its pages print: city_summary_print.rs.

use std::path::{Path, PathBuf};

use crate::doc::{planpress_within, root, tmp};

pub const WARDS: [&str; 3] = ["asagiri-r7", "midori-r7", "shirakawa-r7"];

pub fn kasumi() -> PathBuf {
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
pub fn built(city: &Path) -> planpress::summary::pdf::SummaryBuilt {
    let dirs = planpress::city::editions(city).unwrap();
    match planpress::summary::pdf::build(&dirs, &Default::default()) {
        Ok(s) => s,
        Err(planpress::summary::pdf::SummaryError::Wards(l)) => panic!("{}", l.join("\n")),
        Err(_) => panic!("the summary does not build"),
    }
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
