//! `planpress check` given a city folder (issue 25): every ward checked at
//! once, each told with its name; a problem in the common file is told for
//! every ward that prints it, in the common file's words, and the exit code
//! says whether all wards are free of problems.

use crate::common_layer::{edit, scratch_city};
use crate::doc::planpress;

fn check(dir: &std::path::Path) -> (bool, String, String) {
    let run = planpress(&["check", dir.to_str().unwrap()]);
    let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (run.status.success(), s(&run.stdout), s(&run.stderr))
}

#[test]
fn every_ward_of_the_city_is_checked_at_once() {
    let city = scratch_city("city-check");
    let (ok, out, err) = check(&city);
    assert!(ok, "{err}");
    for ward in [
        "あさぎり区（asagiri-r7）",
        "みどり区（midori-r7）",
        "しらかわ区（shirakawa-r7）",
    ] {
        assert!(
            out.contains(&format!("{ward}: 問題は見つかりませんでした")),
            "{out}"
        );
    }
    // The overrides are listed, each with its ward.
    assert!(
        out.contains("しらかわ区（shirakawa-r7） お知らせ: 3-initiatives.json は共通基準12"),
        "{out}"
    );
    assert!(
        out.contains("3 区すべてに問題は見つかりませんでした"),
        "{out}"
    );

    // A common principle emptied: the wards printing it are told where; みどり区
    // prints its own principles and stays free of problems.
    edit(&city.join("common-r7/common.json"), |v| {
        v["principles"][1]["text"] = "".into()
    });
    let (ok, out, err) = check(&city);
    assert!(!ok);
    for ward in ["あさぎり区（asagiri-r7）", "しらかわ区（shirakawa-r7）"] {
        assert!(
            err.contains(&format!("{ward}: 問題があります（内容の問題 1 件）")),
            "{err}"
        );
        assert!(
            err.contains(&format!("{ward} ../common-r7/common.json"))
                && err.contains("（基本理念2 の本文）: 文章が空です"),
            "{err}"
        );
    }
    assert!(
        out.contains("みどり区（midori-r7）: 問題は見つかりませんでした"),
        "{out}"
    );
    assert!(
        err.contains(
            "3 区のうち 2 区に問題があります: あさぎり区（asagiri-r7）、しらかわ区（shirakawa-r7）"
        ),
        "{err}"
    );
}

#[test]
fn a_common_folder_is_checked_through_the_wards_that_use_it_and_formatted_alone() {
    let city = scratch_city("city-common-folder");
    let common = city.join("common-r7");
    let (ok, out, err) = check(&common);
    assert!(ok, "{err}");
    assert!(
        out.contains("は市の共通フォルダです。これを使う 3 区の版を検査します"),
        "{out}"
    );
    assert!(
        out.contains("3 区すべてに問題は見つかりませんでした"),
        "{out}"
    );
    // Without a ward beside it that uses it: said so, and what to do.
    let alone = crate::doc::tmp("city-common-alone");
    crate::common_layer::copy_tree(&common, &alone.join("common-r7"));
    let (ok, _, err) = check(&alone.join("common-r7"));
    assert!(!ok);
    assert!(err.contains("これを使う区の版が隣にありません"), "{err}");

    // fmt: the common file in the canonical layout, its values unchanged.
    let path = common.join("common.json");
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
    let run = planpress(&["fmt", common.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("書式を整えました: common.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, serde_json::to_string_pretty(&value).unwrap() + "\n");
    let run = planpress(&["fmt", common.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&run.stdout).contains("すべて決まった書式でした"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // A common file that is not the common model is not rewritten.
    let wrong = text.replacen("\"city\"", "\"citty\"", 1);
    let flat =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&wrong).unwrap()).unwrap();
    std::fs::write(&path, &flat).unwrap();
    let run = planpress(&["fmt", common.to_str().unwrap()]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("common.json を整えませんでした"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), flat);
}

#[test]
fn a_command_for_one_edition_given_a_city_or_common_folder_says_what_it_was_given() {
    let city = crate::common_layer::city();
    let out = crate::doc::tmp("city-web-refused");
    let run = planpress(&["web", city.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        err.contains("区の版が並ぶフォルダです（asagiri-r7、midori-r7、shirakawa-r7）"),
        "{err}"
    );
    assert!(
        err.contains("区の版のフォルダを1つ指定してください"),
        "{err}"
    );
    let run = planpress(&["lint", city.join("common-r7").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        err.contains("市の共通フォルダです") && err.contains("planpress check"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
}
