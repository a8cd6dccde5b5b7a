//! The city summary as the coordinating section keeps and reads it: the files
//! it was built from travel inside it, the workbook's failures are named, and
//! its tables set every name whole in columns that match from table to table.

use std::path::{Path, PathBuf};

use crate::doc::{planpress_within, root, tmp};

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
