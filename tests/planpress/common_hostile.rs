//! The common layer (issue 25) against what a clerk may type and a careless
//! file may hold: every problem told where it was written, with what to do,
//! and nothing the clerk typed dropped without a word.

use std::path::Path;

use planpress::content::{ContentError, load};
use serde_json::json;

use crate::common_layer::{edit, scratch_city};

/// The problems `load` tells of the ward in `dir` (it must not load).
fn problems(dir: &Path) -> Vec<ContentError> {
    match load(dir) {
        Ok(_) => panic!("{} loaded", dir.display()),
        Err(e) => e.errors,
    }
}

fn shown(errors: &[ContentError]) -> String {
    (errors.iter())
        .map(|e| format!("{} {:?} {}", e.file, e.pointer, e.message))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_same_common_item_reworded_twice_is_refused_at_the_second() {
    let city = scratch_city("hostile-twice");
    let ward = city.join("shirakawa-r7");
    edit(&ward.join("4-targets.json"), |v| {
        let again = json!({"number": 2, "text": "二つ目の言い換え（架空）。"});
        v["common_policy"]["overrides"]
            .as_array_mut()
            .unwrap()
            .push(again);
    });
    edit(&ward.join("3-initiatives.json"), |v| {
        let at = (v["sections"].as_array_mut().unwrap().iter_mut())
            .find(|s| s.get("common_standards").is_some())
            .unwrap();
        at["common_standards"]["overrides"] = json!([
            {"number": 5, "text": "一つ目の言い換え（架空）。"},
            {"number": 5, "text": "二つ目の言い換え（架空）。"}
        ]);
    });
    let asagiri = city.join("asagiri-r7");
    edit(&asagiri.join("1-principles.json"), |v| {
        let again = json!({"number": 2, "text": "本文の言い換え（架空）。"});
        v["common_principles"]["overrides"]
            .as_array_mut()
            .unwrap()
            .push(again);
    });
    for (dir, file, at, label) in [
        (
            &ward,
            "4-targets.json",
            "/common_policy/overrides/1/number",
            "向上方針2",
        ),
        (
            &ward,
            "3-initiatives.json",
            "/common_standards/overrides/1/number",
            "共通基準5",
        ),
        (
            &asagiri,
            "1-principles.json",
            "/common_principles/overrides/1/number",
            "基本理念2",
        ),
    ] {
        let errors = problems(dir);
        let found = errors
            .iter()
            .find(|e| e.file == file && e.pointer.as_deref().is_some_and(|p| p.ends_with(at)));
        let found = found.unwrap_or_else(|| panic!("{file} {at}:\n{}", shown(&errors)));
        assert!(
            found.message.contains(label) && found.message.contains("1 番目"),
            "{}",
            found.message
        );
    }
}

#[test]
fn a_common_file_that_cannot_be_read_is_the_only_problem_told() {
    for (name, common, file) in [
        ("hostile-empty", Some(""), "../common-r7/common.json"),
        ("hostile-absent", None, "edition.json"),
    ] {
        let city = scratch_city(name);
        let path = city.join("common-r7/common.json");
        match common {
            Some(text) => std::fs::write(&path, text).unwrap(),
            None => std::fs::remove_file(&path).unwrap(),
        }
        for ward in crate::common_layer::WARDS {
            // Not 「基準32 … ここは 1 のはず」 nor 「基本理念の項目がありません」:
            // the ward's own items rightly go on from the common ones.
            let errors = problems(&city.join(ward));
            assert!(
                errors.iter().all(|e| e.file == file),
                "{ward}:\n{}",
                shown(&errors)
            );
        }
    }
}

#[test]
fn a_chapter_that_does_not_load_is_not_said_to_lack_the_common_items() {
    let city = scratch_city("hostile-chapter");
    let ward = city.join("shirakawa-r7");
    for file in ["1-principles.json", "3-initiatives.json", "4-targets.json"] {
        let path = ward.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        // A colon left out: the file does not parse.
        std::fs::write(&path, text.replacen("\"title\":", "\"title\"", 1)).unwrap();
        let errors = problems(&ward);
        assert!(
            errors.iter().all(|e| e.file == file),
            "{file}:\n{}",
            shown(&errors)
        );
        std::fs::write(&path, text).unwrap();
    }
}

#[test]
fn common_items_empty_or_left_out_are_told_once_where_they_should_be() {
    let city = scratch_city("hostile-no-items");
    let ward = city.join("shirakawa-r7");
    let common = city.join("common-r7/common.json");
    edit(&common, |v| {
        v["principles"] = json!([]);
        v["policy"] = json!([]);
    });
    let errors = problems(&ward);
    let at = |e: &ContentError| (e.file.clone(), e.pointer.clone().unwrap_or_default());
    let mut places: Vec<_> = errors.iter().map(at).collect();
    places.sort();
    let file = "../common-r7/common.json".to_string();
    assert_eq!(
        places,
        [
            (file.clone(), "/policy".into()),
            (file, "/principles".into())
        ],
        "{}",
        shown(&errors)
    );
    assert!(errors.iter().all(|e| !e.message.contains("1〜0")));
    let mut items: Vec<_> = errors.iter().filter_map(|e| e.item.clone()).collect();
    items.sort();
    assert_eq!(items, ["向上方針", "基本理念の項目"]);
    // Left out: told at each place that asks, not as the ward's empty lists.
    edit(&common, |v| {
        let v = v.as_object_mut().unwrap();
        v.remove("principles");
        v.remove("policy");
    });
    let errors = problems(&ward);
    let mut places: Vec<_> = errors.iter().map(at).collect();
    places.sort();
    assert_eq!(
        places,
        [
            (
                "1-principles.json".to_string(),
                "/common_principles".to_string()
            ),
            (
                "3-initiatives.json".into(),
                "/sections/0/common_policy".into()
            ),
            ("4-targets.json".into(), "/common_policy".into()),
        ],
        "{}",
        shown(&errors)
    );
}

#[test]
fn a_problem_of_a_common_item_printed_in_two_places_is_told_once_in_its_words() {
    let city = scratch_city("hostile-told-once");
    edit(&city.join("common-r7/common.json"), |v| {
        v["policy"][0]["text"] = json!("");
        v["policy"][2]["number"] = json!(7);
    });
    // しらかわ区 prints the common policy in its section and its targets chapter.
    let errors = problems(&city.join("shirakawa-r7"));
    let at = |p: &str| {
        (errors.iter())
            .filter(|e| e.pointer.as_deref() == Some(p))
            .collect::<Vec<_>>()
    };
    let empty = at("/policy/0/text");
    assert_eq!(empty.len(), 1, "{}", shown(&errors));
    assert_eq!(empty[0].file, "../common-r7/common.json");
    assert_eq!(empty[0].item.as_deref(), Some("向上方針1 の本文"));
    let seven = at("/policy/2/number");
    assert_eq!(seven.len(), 1, "{}", shown(&errors));
    assert_eq!(seven[0].item.as_deref(), Some("向上方針7 の番号"));
}

#[test]
fn a_common_folder_that_is_the_edition_itself_or_a_file_is_told_so() {
    let city = scratch_city("hostile-folder");
    let ward = city.join("shirakawa-r7");
    std::fs::copy(city.join("common-r7/common.json"), ward.join("common.json")).unwrap();
    let said = |folder: &str| {
        edit(&ward.join("edition.json"), |v| {
            v["common"]["folder"] = json!(folder)
        });
        problems(&ward)
    };
    let errors = said("../shirakawa-r7");
    let folder = (errors.iter()).find(|e| e.pointer.as_deref() == Some("/common/folder"));
    let folder = folder.unwrap_or_else(|| panic!("{}", shown(&errors)));
    assert!(
        folder.message.contains("この版自身のフォルダ"),
        "{}",
        folder.message
    );
    // The copy in the edition is not to be added to chapters: moved.
    let copy = errors.iter().find(|e| e.file == "common.json").unwrap();
    assert!(
        copy.message.contains("共通フォルダに移して"),
        "{}",
        copy.message
    );
    std::fs::remove_file(ward.join("common.json")).unwrap();
    let errors = said("../common-r7/common.json");
    assert!(
        errors.iter().any(|e| e.message.contains("はファイルです")),
        "{}",
        shown(&errors)
    );
}

#[test]
fn an_override_whose_number_cannot_be_read_and_common_items_are_named_in_plain_words() {
    let city = scratch_city("hostile-named");
    let ward = city.join("shirakawa-r7");
    edit(&ward.join("4-targets.json"), |v| {
        v["common_policy"]["overrides"][0]["number"] = json!("二");
    });
    edit(&city.join("common-r7/common.json"), |v| {
        v["policy"][1].as_object_mut().unwrap().remove("number");
    });
    let errors = problems(&ward);
    let item = |file: &str, says: &str| {
        let e = errors
            .iter()
            .find(|e| e.file == file && e.message.contains(says));
        let e = e.unwrap_or_else(|| panic!("{file} {says}:\n{}", shown(&errors)));
        e.item.clone().unwrap_or_default()
    };
    // Not 「共通の向上方針1 の言い換え」: 向上方針1 is not what the clerk rewords.
    assert_eq!(
        item("4-targets.json", "値の種類が違います"),
        "市の共通の方針 の1番目の言い換え の番号"
    );
    // Not 「policy[2]」.
    assert_eq!(
        item("../common-r7/common.json", "必要な項目「number」"),
        "向上方針2"
    );
    // The number left out is the only problem: not the next item's number,
    // nor the ward's override of 2 (which may be the number left out).
    assert_eq!(errors.len(), 2, "{}", shown(&errors));
}

#[test]
fn the_common_comparison_form_is_named_in_plain_words() {
    let city = scratch_city("hostile-comparison");
    edit(&city.join("common-r7/common.json"), |v| {
        v["comparison"]["mark"] = json!("太字");
    });
    let errors = problems(&city.join("shirakawa-r7"));
    let e = errors.iter().find(|e| e.file == "../common-r7/common.json");
    let e = e.unwrap_or_else(|| panic!("{}", shown(&errors)));
    assert_eq!(
        e.item.as_deref(),
        Some("新旧対照表の形 の改正部分の印"),
        "{}",
        shown(&errors)
    );
}

#[test]
fn a_common_folder_written_with_a_space_is_told_so() {
    let city = scratch_city("hostile-space");
    let ward = city.join("asagiri-r7");
    edit(&ward.join("edition.json"), |v| {
        v["common"]["folder"] = json!("../common-r7 ");
    });
    let errors = problems(&ward);
    assert_eq!(errors.len(), 1, "{}", shown(&errors));
    assert!(
        errors[0].message.contains("空白を消して「../common-r7」に"),
        "{}",
        shown(&errors)
    );
}

#[test]
fn an_archived_common_copy_of_another_year_is_named_as_what_to_move() {
    let city = scratch_city("hostile-archived");
    let ward = city.join("shirakawa-r7");
    std::fs::create_dir_all(ward.join("common")).unwrap();
    let copy = ward.join("common/common.json");
    std::fs::copy(city.join("common-r7/common.json"), copy).unwrap();
    edit(&ward.join("edition.json"), |v| {
        v["common"]["folder"] = json!("../common-r8");
        v["common"]["fiscal_year"] = json!(2026);
    });
    let errors = problems(&ward);
    let year = errors
        .iter()
        .find(|e| e.pointer.as_deref() == Some("/common/fiscal_year"));
    let year = year.unwrap_or_else(|| panic!("{}", shown(&errors)));
    // Not 「common.fiscal_year を 2025 に」: the ward would print r7 naming r8.
    assert!(
        !year.message.contains("を 2025 にしてください"),
        "{}",
        year.message
    );
    assert!(
        year.message.contains("common フォルダを別の場所に移して"),
        "{}",
        year.message
    );
}

#[test]
fn an_override_whose_number_cannot_be_read_rewords_nothing_and_is_told_once() {
    let city = scratch_city("hostile-unread-override");
    let ward = city.join("shirakawa-r7");
    edit(&ward.join("4-targets.json"), |v| {
        v["common_policy"]["overrides"] = json!([
            {"number": "一", "text": "読めない番号の言い換え（架空）。"},
            {"number": 1, "text": "向上方針1 の言い換え（架空）。"}
        ]);
    });
    let errors = problems(&ward);
    // Its stand-in is not 「向上方針1 の言い換えは 1 番目にもあります」.
    assert_eq!(errors.len(), 1, "{}", shown(&errors));
    assert!(
        errors[0].message.contains("数を書きます"),
        "{}",
        shown(&errors)
    );
}

#[test]
fn common_standards_asked_of_a_common_file_without_them_is_told_at_the_ask() {
    let city = scratch_city("hostile-no-standards");
    edit(&city.join("common-r7/common.json"), |v| {
        v.as_object_mut().unwrap().remove("standard_tables");
    });
    let errors = problems(&city.join("shirakawa-r7"));
    // Not 「1〜0」 for its override, nor its own 32 「ここは 1 のはず」.
    assert_eq!(errors.len(), 1, "{}", shown(&errors));
    let e = &errors[0];
    assert_eq!(e.file, "3-initiatives.json");
    assert!(e.pointer.as_deref().unwrap().ends_with("/common_standards"));
    assert!(
        e.message
            .contains("共通基準（standard_tables）がありません"),
        "{}",
        e.message
    );
}

#[test]
fn printing_only_its_own_while_asking_for_the_common_items_is_told_once() {
    let city = scratch_city("hostile-own-and-asked");
    let ward = city.join("shirakawa-r7");
    edit(&ward.join("edition.json"), |v| {
        v["common"]["overrides"] = json!(["principles"]);
    });
    let errors = problems(&ward);
    // Not also 「基本理念の項目がありません… "common_principles": {} を書いて」.
    assert_eq!(errors.len(), 1, "{}", shown(&errors));
    assert_eq!(errors[0].pointer.as_deref(), Some("/common_principles"));
}
