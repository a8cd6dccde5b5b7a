//! The city's common wording of the principles and the policy (issue 25):
//! common-r7 sets both; しらかわ区 uses them (one policy item reworded),
//! あさぎり区 uses them (one principle's heading reworded, its own principle 4),
//! みどり区 prints only its own and says so in `common.overrides`.

use crate::common_layer::{WARDS, check, city, edit, json, scratch_city, text};
use crate::doc::{build, built_once, normalize};

/// common-r7's principles or policy item `k` (0-based): (title, text).
fn common_item(list: &str, k: usize) -> (String, String) {
    let common = json(&city().join("common-r7/common.json"));
    let item = &common[list][k];
    let s = |f: &str| item[f].as_str().unwrap().to_string();
    (s("title"), s("text"))
}

#[test]
fn common_principles_and_policy_print_first_and_the_wards_own_go_on_from_them() {
    let shirakawa = text(built_once(&city().join("shirakawa-r7")));
    let asagiri = text(built_once(&city().join("asagiri-r7")));
    let midori = text(built_once(&city().join("midori-r7")));
    for k in 0..3 {
        let (title, body) = common_item("principles", k);
        assert!(
            shirakawa.contains(&normalize(&title)) && shirakawa.contains(&normalize(&body)),
            "しらかわ区 基本理念{}",
            k + 1
        );
        assert!(
            asagiri.contains(&normalize(&body)),
            "あさぎり区 基本理念{}",
            k + 1
        );
        assert!(
            !midori.contains(&normalize(&body)),
            "みどり区 prints its own: {body}"
        );
    }
    // あさぎり区: 2's heading is the ward's, its text the common one; 4 after 3.
    let p = json(&city().join("asagiri-r7/1-principles.json"));
    let heading = p["common_principles"]["overrides"][0]["title"]
        .as_str()
        .unwrap();
    let own = p["principles"][0]["text"].as_str().unwrap();
    assert!(asagiri.contains(&normalize(heading)));
    assert!(
        !asagiri.contains(&normalize(&common_item("principles", 1).0)),
        "the common heading of 2 is not printed"
    );
    let third = asagiri
        .find(&normalize(&common_item("principles", 2).1))
        .unwrap();
    assert!(
        asagiri.find(&normalize(own)).unwrap() > third,
        "the ward's own principle follows the common ones"
    );
    let content = built_once(&city().join("asagiri-r7")).content();
    let numbers: Vec<u32> = (content.chapters.iter())
        .find_map(|c| match c {
            planpress::content::Part::Principles(p) => {
                Some(p.principles.iter().map(|x| x.number).collect())
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(numbers, [1, 2, 3, 4]);

    // The policy box: しらかわ区 rewords 2; あさぎり区 prints the common three.
    let s = json(&city().join("shirakawa-r7/3-initiatives.json"));
    let reworded = s["sections"][0]["common_policy"]["overrides"][0]["text"]
        .as_str()
        .unwrap();
    assert!(shirakawa.contains(&normalize(reworded)));
    // The policy prints in two places (the framed box, the targets chapter),
    // both asking for the common items: the common item 2 is printed twice in
    // あさぎり区, never in しらかわ区 (reworded in both places).
    let common_2 = normalize(&common_item("policy", 1).1);
    assert_eq!(shirakawa.matches(&common_2).count(), 0);
    assert_eq!(shirakawa.matches(&normalize(reworded)).count(), 2);
    assert_eq!(asagiri.matches(&common_2).count(), 2);
    for k in [0, 2] {
        let (title, body) = common_item("policy", k);
        for (ward, t) in [("しらかわ区", &shirakawa), ("あさぎり区", &asagiri)] {
            assert!(
                t.contains(&normalize(&title)) && t.contains(&normalize(&body)),
                "{ward} 向上方針{}",
                k + 1
            );
        }
    }
}

#[test]
fn a_change_of_the_common_wording_reaches_every_ward_that_uses_it() {
    let dir = scratch_city("city-common-wording");
    let principle = "架空市が一か所で改めた基本理念の本文です。使う区すべてに同じ文で載ります。";
    let policy = "架空市が一か所で改めた方針の本文です。使う区すべてに同じ文で載ります。";
    edit(&dir.join("common-r7/common.json"), |v| {
        v["principles"][0]["text"] = principle.into();
        v["policy"][2]["text"] = policy.into();
    });
    for ward in WARDS {
        let after = text(&build(&dir.join(ward)));
        let uses = ward != "midori-r7";
        assert_eq!(
            after.contains(&normalize(principle)),
            uses,
            "{ward}: 基本理念1"
        );
        assert_eq!(
            after.contains(&normalize(policy)),
            uses,
            "{ward}: 向上方針3"
        );
        assert!(
            !after.contains(&normalize(&common_item("principles", 0).1)),
            "{ward}: the old wording is still printed"
        );
    }
}

#[test]
fn check_lists_the_wording_overrides() {
    let (ok, out, err) = check(&city().join("asagiri-r7"));
    assert!(ok, "{err}");
    assert!(out.contains("お知らせ: 1-principles.json は共通の基本理念2（../common-r7/common.json）を区独自の言葉に置き換えています"), "{out}");
    let (ok, out, err) = check(&city().join("shirakawa-r7"));
    assert!(ok, "{err}");
    assert!(out.contains("お知らせ: 3-initiatives.json は共通の向上方針2（../common-r7/common.json）を区独自の言葉に置き換えています"), "{out}");
    let (ok, out, err) = check(&city().join("midori-r7"));
    assert!(ok, "{err}");
    for what in ["基本理念の項目", "方針の項目"] {
        assert!(
            out.contains(&format!(
                "common-r7/common.json の{what}を使わず、区独自の{what}だけを印刷します"
            )),
            "{out}"
        );
    }
}

#[test]
fn a_silent_difference_from_the_common_wording_is_refused_and_told_where() {
    let dir = scratch_city("city-wording-refused");
    // Its own principle numbered as a common one.
    edit(&dir.join("asagiri-r7/1-principles.json"), |v| {
        v["principles"][0]["number"] = 2.into()
    });
    // Its own principles without saying so.
    edit(&dir.join("midori-r7/edition.json"), |v| {
        v["common"]["overrides"] = serde_json::json!(["policy"]);
    });
    // A reworded item the common file does not have.
    edit(&dir.join("shirakawa-r7/3-initiatives.json"), |v| {
        v["sections"][0]["common_policy"]["overrides"][0]["number"] = 9.into();
    });
    let (ok, _, err) = check(&dir.join("asagiri-r7"));
    assert!(!ok);
    assert!(err.contains("1-principles.json"), "{err}");
    assert!(
        err.contains("基本理念2 は共通の基本理念2（../common-r7/common.json）と同じ番号です"),
        "{err}"
    );
    assert!(err.contains("4 から続けて"), "{err}");
    let (ok, _, err) = check(&dir.join("midori-r7"));
    assert!(!ok);
    assert!(err.contains("edition.json"), "{err}");
    assert!(
        err.contains("共通の基本理念の項目がありますが、この版に載せる場所がありません"),
        "{err}"
    );
    assert!(
        err.contains("\"common_principles\": {}")
            && err.contains("common.overrides に \"principles\""),
        "{err}"
    );
    let (ok, _, err) = check(&dir.join("shirakawa-r7"));
    assert!(!ok);
    assert!(err.contains("3-initiatives.json") && err.contains("共通の向上方針9 は共通フォルダの ../common-r7/common.json にありません（共通の方針の項目は 1〜3）"), "{err}");
}

#[test]
fn a_problem_in_the_common_wording_names_the_file_that_holds_it() {
    let dir = scratch_city("city-wording-problems");
    edit(&dir.join("common-r7/common.json"), |v| {
        v["principles"][2]["text"] = "".into()
    });
    edit(&dir.join("asagiri-r7/1-principles.json"), |v| {
        v["principles"][0]["text"] = "".into();
        v["common_principles"]["overrides"][0]["title"] = "".into();
    });
    let (ok, _, err) = check(&dir.join("asagiri-r7"));
    assert!(!ok);
    assert!(
        err.contains("../common-r7/common.json（基本理念3 の本文）: 文章が空です"),
        "{err}"
    );
    assert!(
        err.contains("1-principles.json（基本理念4 の本文）: 文章が空です"),
        "{err}"
    );
    // The ward's line: where it wrote its own principle 4.
    let file = std::fs::read_to_string(dir.join("asagiri-r7/1-principles.json")).unwrap();
    let four = file.find("\"number\": 4").unwrap();
    let line = file[..four + file[four..].find("\"text\"").unwrap()]
        .lines()
        .count();
    assert!(
        err.contains(&format!("1-principles.json:{line}:")),
        "line {line}: {err}"
    );
    assert!(
        err.contains("1-principles.json（共通の基本理念2 の言い換え の見出し）: 見出しが空です"),
        "the reworded heading is the ward's, named by the item it rewords: {err}"
    );
}
