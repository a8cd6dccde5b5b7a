//! The city's common layer (issue 25): the fictional city 架空市 of
//! tests/fixtures/city-kasumi, three wards of different shapes sharing
//! `common-r7/common.json`.

use std::path::{Path, PathBuf};

use planpress::{Built, Config};

use crate::doc::{build, built_once, normalize, page_texts, planpress, root, tmp};

const CITY: &str = "tests/fixtures/city-kasumi";
pub(crate) const WARDS: [&str; 3] = ["midori-r7", "shirakawa-r7", "asagiri-r7"];

pub(crate) fn city() -> PathBuf {
    root().join(CITY)
}

/// A scratch copy of the whole city (the common folders and every ward).
pub(crate) fn scratch_city(name: &str) -> PathBuf {
    let to = tmp(name);
    copy_tree(&city(), &to);
    to
}

pub(crate) fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub(crate) fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub(crate) fn edit(path: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v = json(path);
    f(&mut v);
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
}

/// The document's text, every page together, normalised.
pub(crate) fn text(built: &Built) -> String {
    normalize(&page_texts(built).concat())
}

/// The common standard `n`'s text in common-r7.
fn common_standard(n: u64) -> String {
    let common = json(&city().join("common-r7/common.json"));
    let all = common["standard_tables"].as_array().unwrap().iter();
    let found = all
        .flat_map(|t| t["standards"].as_array().unwrap().clone())
        .find(|s| s["number"] == n)
        .unwrap();
    found["text"].as_str().unwrap().to_string()
}

pub(crate) fn check(dir: &Path) -> (bool, String, String) {
    let run = planpress(&["check", dir.to_str().unwrap()]);
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stdout).into_owned(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn common_standards_print_first_and_the_wards_own_go_on_from_them() {
    let built = built_once(&city().join("shirakawa-r7"));
    let standards: Vec<(u32, String)> = (built.content().standards())
        .map(|s| (s.number, s.text.clone()))
        .collect();
    let numbers: Vec<u32> = standards.iter().map(|s| s.0).collect();
    assert_eq!(numbers, (1..=36).collect::<Vec<_>>());
    let all = text(built);
    let first = all
        .find(&normalize(&common_standard(1)))
        .expect("common 1 printed");
    let last = all
        .find(&normalize(&common_standard(31)))
        .expect("common 31 printed");
    let own = all
        .find(&normalize(&standards[31].1))
        .expect("the ward's own printed");
    assert!(
        first < last && last < own,
        "common 1..31 before the ward's 32"
    );
    // The No column really says 32 before the ward's first own standard.
    assert!(
        all[..own].ends_with("32"),
        "no 32 before the ward's own standard: …{}",
        &all[own.saturating_sub(30)..own]
    );
}

#[test]
fn a_change_of_a_common_standard_reaches_every_wards_pdf() {
    let dir = scratch_city("city-common-change");
    let changed = "架空市の共通基準を一か所で改めた文です。各区の計画に同じ文で載ります。";
    edit(&dir.join("common-r7/common.json"), |v| {
        v["standard_tables"][0]["standards"][1]["text"] = changed.into();
    });
    for ward in WARDS {
        let before = text(built_once(&city().join(ward)));
        assert!(!before.contains(&normalize(changed)));
        let after = text(&build(&dir.join(ward)));
        assert!(after.contains(&normalize(changed)), "{ward}: not changed");
        assert!(
            !after.contains(&normalize(&common_standard(2))),
            "{ward}: the old wording is still printed"
        );
    }
}

#[test]
fn an_override_is_listed_by_check_and_printed_in_that_ward_only() {
    let (ok, out, err) = check(&city().join("shirakawa-r7"));
    assert!(ok, "{err}");
    assert!(
        out.contains("お知らせ: 3-initiatives.json は共通基準12（../common-r7/common.json）を区独自の文に置き換えています"),
        "{out}"
    );
    let (ok, out, err) = check(&city().join("asagiri-r7"));
    assert!(ok, "{err}");
    assert!(
        out.contains("common-r7/common.json の comparison を区独自のもの"),
        "{out}"
    );
    let (ok, out, _) = check(&city().join("midori-r7"));
    assert!(ok && !out.contains("置き換えています"), "{out}");

    let ward = json(&city().join("shirakawa-r7/3-initiatives.json"));
    let own = ward["sections"][2]["common_standards"]["overrides"][0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    let shirakawa = text(built_once(&city().join("shirakawa-r7")));
    assert!(shirakawa.contains(&normalize(&own)));
    assert!(!shirakawa.contains(&normalize(&common_standard(12))));
    let midori = text(built_once(&city().join("midori-r7")));
    assert!(midori.contains(&normalize(&common_standard(12))));
    assert!(!midori.contains(&normalize(&own)));
}

#[test]
fn a_silent_redefinition_of_a_common_standard_is_refused() {
    let dir = scratch_city("city-redefinition");
    let ward = dir.join("shirakawa-r7");
    edit(&ward.join("3-initiatives.json"), |v| {
        v["sections"][2]["standard_tables"][0]["standards"][0]["number"] = 7.into();
    });
    let (ok, _, err) = check(&ward);
    assert!(!ok);
    assert!(err.contains("3-initiatives.json"), "{err}");
    assert!(
        err.contains("基準7 は共通基準7（../common-r7/common.json）と同じ番号です"),
        "{err}"
    );
    assert!(err.contains("32 から続けて"), "{err}");
}

#[test]
fn a_problem_in_the_common_file_names_the_common_file() {
    let dir = scratch_city("city-common-broken");
    edit(&dir.join("common-r7/common.json"), |v| {
        v["standard_tables"][0]["standards"][4]["text"] = "".into();
        v["standard_tables"][1]["standards"][0]["scene"] = "どこにもない場面".into();
    });
    let (ok, _, err) = check(&dir.join("midori-r7"));
    assert!(!ok);
    assert!(
        err.contains("../common-r7/common.json（基準5 の本文）: 文章が空です"),
        "{err}"
    );
    assert!(
        err.contains("../common-r7/common.json（基準21 の場面）: 場面「どこにもない場面」"),
        "{err}"
    );
    assert!(
        !err.contains("3-initiatives.json"),
        "a common problem is not the ward's file's: {err}"
    );
    assert!(
        err.contains("../common-r7/common.json の scenes にありません"),
        "the scenes are the common file's: {err}"
    );

    // A common folder of another year: both years named.
    let dir = scratch_city("city-common-year");
    edit(&dir.join("midori-r7/edition.json"), |v| {
        v["common"]["fiscal_year"] = 2024.into();
    });
    let (ok, _, err) = check(&dir.join("midori-r7"));
    assert!(!ok);
    assert!(
        err.contains("common.fiscal_year は 2024") && err.contains("2025"),
        "{err}"
    );

    // A syntax error in common.json: the common file and its line.
    let dir = scratch_city("city-common-syntax");
    let path = dir.join("common-r7/common.json");
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("\"city\"", "city", 1);
    std::fs::write(&path, broken).unwrap();
    let (ok, _, err) = check(&dir.join("asagiri-r7"));
    assert!(!ok);
    assert!(err.contains("common-r7/common.json"), "{err}");
}

#[test]
fn extract_recreates_the_ward_and_its_common_folder_and_rebuilds_the_same_bytes() {
    let built = planpress::build(&Config::new(city().join("shirakawa-r7"))).unwrap();
    let names: Vec<String> = planpress::extract::attachments(&built.pdf)
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert!(
        names.contains(&"common/common.json".to_string()),
        "{names:?}"
    );
    let pdf = tmp("shirakawa-r7.pdf");
    std::fs::write(&pdf, &built.pdf).unwrap();
    let out = tmp("city-extracted");
    let ward = out.join("shirakawa-r7");
    let run = planpress(&["extract", pdf.to_str().unwrap(), ward.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // The clerk is told where the common file went.
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(said.contains("../common-r7/common.json,"), "{said}");
    assert!(!said.contains("common/common.json"), "{said}");
    assert_eq!(
        std::fs::read(out.join("common-r7/common.json")).unwrap(),
        std::fs::read(city().join("common-r7/common.json")).unwrap(),
        "the common folder beside the ward"
    );
    assert!(!ward.join("common").exists());
    let again = planpress::build(&Config::new(&ward)).unwrap();
    assert!(
        again.pdf == built.pdf,
        "build → extract → build changed the PDF"
    );
    // A second ward of the city extracted beside it shares the folder there.
    let other = planpress::build(&Config::new(city().join("asagiri-r7"))).unwrap();
    let pdf = tmp("asagiri-r7.pdf");
    std::fs::write(&pdf, &other.pdf).unwrap();
    let ward = out.join("asagiri-r7");
    let run = planpress(&["extract", pdf.to_str().unwrap(), ward.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains("../common-r7/common.json（同じ内容のものがすでにあるので、そのまま）"),
        "{said}"
    );
    let again = planpress::build(&Config::new(&ward)).unwrap();
    assert!(again.pdf == other.pdf, "the second ward's rebuild changed");
}

#[test]
fn a_common_folder_holding_other_bytes_is_not_overwritten_by_extract() {
    let built = planpress::build(&Config::new(city().join("shirakawa-r7"))).unwrap();
    let pdf = tmp("shirakawa-other-common.pdf");
    std::fs::write(&pdf, &built.pdf).unwrap();
    let out = tmp("city-extract-clash");
    std::fs::create_dir_all(out.join("common-r7")).unwrap();
    std::fs::write(out.join("common-r7/common.json"), "{}\n").unwrap();
    let ward = out.join("shirakawa-r7");
    let run = planpress(&["extract", pdf.to_str().unwrap(), ward.to_str().unwrap()]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("違う内容の common.json"), "{err}");
    assert!(!ward.exists(), "nothing written");
    assert_eq!(
        std::fs::read(out.join("common-r7/common.json")).unwrap(),
        b"{}\n"
    );
}

#[test]
fn next_years_edition_names_the_same_common_folder_and_copies_none_of_it() {
    let dir = scratch_city("city-new");
    let to = dir.join("shirakawa-r8");
    let run = planpress(&[
        "new",
        dir.join("shirakawa-r7").to_str().unwrap(),
        to.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!to.join("common").exists(), "no copy of the common folder");
    let ed = json(&to.join("edition.json"));
    assert_eq!(ed["common"]["folder"], "../common-r7");
    let (ok, out, err) = check(&to);
    assert!(ok, "{err}");
    assert!(out.contains("共通基準12"), "{out}");
}

#[test]
fn a_problem_in_the_wards_own_table_or_override_is_placed_where_the_ward_wrote_it() {
    let dir = scratch_city("city-ward-positions");
    let ward = dir.join("shirakawa-r7");
    let file = ward.join("3-initiatives.json");
    edit(&file, |v| {
        let s = &mut v["sections"][2];
        s["standard_tables"][0]["standards"][1]["text"] = "".into();
        s["common_standards"]["overrides"][0]["text"] = "".into();
    });
    let (ok, _, err) = check(&ward);
    assert!(!ok);
    // The common tables stand first in the printed section, but the ward's
    // own table is still its first: the line is where the ward wrote 33.
    let text = std::fs::read_to_string(&file).unwrap();
    let own = text.find("\"number\": 33").unwrap();
    let line = text[..own].lines().count() + 1;
    assert!(
        err.contains("3-initiatives.json（基準33 の本文）: 文章が空です"),
        "{err}"
    );
    assert!(
        err.contains(&format!("3-initiatives.json:{line}:")),
        "line {line}: {err}"
    );
    assert!(
        err.contains("3-initiatives.json（3 区役所サービス基準の遵守とレベルアップ 共通基準12 の言い換え の本文）: 文章が空です"),
        "the override named by the common standard it rewords: {err}"
    );
    assert!(!err.contains("common.json"), "{err}");
}
