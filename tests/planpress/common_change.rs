//! `planpress diff` of two versions of the city's common folder: for each ward
//! that uses it, the changes (and the 新旧対照表) the new version causes; a ward
//! that overrides a common standard is not shown its change.

use serde_json::Value;

use crate::doc::*;

#[test]
fn a_common_change_is_compared_for_every_ward_that_uses_it() {
    let city = tmp("common-change-city");
    for entry in std::fs::read_dir(root().join("tests/fixtures/city-kasumi")).unwrap() {
        let entry = entry.unwrap();
        copy_edition(&entry.path(), &city.join(entry.file_name()));
    }
    // Next year's common wording of 基準12, which しらかわ区 overrides.
    let r8 = city.join("common-r8/common.json");
    let mut common: Value = serde_json::from_str(&std::fs::read_to_string(&r8).unwrap()).unwrap();
    let row = common["standard_tables"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|t| t["standards"].as_array_mut().unwrap().iter_mut())
        .find(|s| s["number"] == 12)
        .unwrap();
    row["text"] = "来庁された区民の皆様に、架空の新しい言葉でお声掛けしています。".into();
    std::fs::write(&r8, serde_json::to_string_pretty(&common).unwrap()).unwrap();
    let (old, new) = (city.join("common-r7"), city.join("common-r8"));
    let out = planpress(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wards: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names: Vec<&str> = wards.iter().map(|w| w["ward"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "あさぎり区（asagiri-r7）",
            "みどり区（midori-r7）",
            "しらかわ区（shirakawa-r7）"
        ]
    );
    let says = |w: &Value, s: &str| w["changes"].to_string().contains(s);
    for w in &wards {
        assert!(
            says(w, "令和8年度改定"),
            "{}: 基準2's new wording",
            w["ward"]
        );
    }
    assert!(says(&wards[0], "架空の新しい言葉") && says(&wards[1], "架空の新しい言葉"));
    assert!(
        !says(&wards[2], "架空の新しい言葉"),
        "しらかわ区 prints its own 基準12"
    );
    // The common principle 3 reworded in r8: the wards that print the common
    // principles see it; みどり区 prints its own (common.overrides).
    let principle = "速やかに、分かりやすく対応します";
    assert!(says(&wards[0], principle) && says(&wards[2], principle));
    assert!(
        !says(&wards[1], principle),
        "みどり区 prints its own principles"
    );
    // Each ward's 新旧対照表, named by its folder.
    let dir = tmp("common-change-pdfs");
    std::fs::create_dir_all(&dir).unwrap();
    let out = planpress(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--pdf",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for ward in ["asagiri-r7", "midori-r7", "shirakawa-r7"] {
        let bytes = std::fs::read(dir.join(format!("{ward}-新旧対照表.pdf"))).unwrap();
        lopdf::Document::load_mem(&bytes).expect("a PDF");
    }
    // The ward folders themselves are not touched.
    let edition = std::fs::read_to_string(city.join("midori-r7/edition.json")).unwrap();
    assert!(edition.contains("../common-r7"));
}

/// `planpress new <city>`: next year's common folder and every ward's edition,
/// each naming the new common version, each passing `check`; run again a year
/// later, it starts from the newest editions only.
#[test]
fn new_makes_next_years_editions_for_every_ward_and_the_common_folder() {
    let city = tmp("common-new-city");
    for entry in std::fs::read_dir(root().join("tests/fixtures/city-kasumi")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() != "common-r8" {
            copy_edition(&entry.path(), &city.join(entry.file_name()));
        }
    }
    let out = planpress(&["new", city.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("3 区の翌年度の版を作りました"), "{said}");
    let common: Value =
        serde_json::from_str(&std::fs::read_to_string(city.join("common-r8/common.json")).unwrap())
            .unwrap();
    assert_eq!(common["fiscal_year"], 2026);
    for ward in ["asagiri", "midori", "shirakawa"] {
        let dir = city.join(format!("{ward}-r8"));
        let edition: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("edition.json")).unwrap())
                .unwrap();
        assert_eq!(edition["fiscal_year"], 2026, "{ward}");
        assert_eq!(edition["common"]["folder"], "../common-r8", "{ward}");
        assert_eq!(edition["common"]["fiscal_year"], 2026, "{ward}");
        let check = planpress(&["check", dir.to_str().unwrap()]);
        assert!(
            check.status.success(),
            "{ward}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    // A year later: from the r8 editions (the r7 ones are their previous).
    let out = planpress(&["new", city.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for ward in ["asagiri", "midori", "shirakawa"] {
        assert!(city.join(format!("{ward}-r9/edition.json")).is_file());
    }
    assert!(!city.join("asagiri-r10").exists());
}
