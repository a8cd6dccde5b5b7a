//! How pointers read to a clerk.
use super::*;

#[test]
fn names_items_as_a_clerk_would() {
    let v: Value = serde_json::json!({
        "divisions": [{"name": "区民サービス部", "departments": [{"short_name": "区民課", "targets": [{"number": 1}, {"number": 2, "text": "x"}]}]}],
        "sections": [{"number": 3, "title": "区役所サービス基準の遵守とレベルアップ", "standard_tables": [{"title": "区役所サービス基準", "standards": [{"number": 12}]}]}]
    });
    assert_eq!(
        describe(&v, "/divisions/0/departments/0/targets/1/text"),
        "区民課 目標2 の本文"
    );
    assert_eq!(
        describe(&v, "/sections/0/standard_tables/0/standards/0/note"),
        "基準12 の注記"
    );
    assert_eq!(
        describe(&v, "/sections/0/title"),
        "3 区役所サービス基準の遵守とレベルアップ の見出し"
    );
}

#[test]
fn names_a_common_items_override_by_the_item_it_rewords() {
    let ward = serde_json::json!({
        "common_principles": {"overrides": [{"number": 2, "title": "x"}]},
        "sections": [{"number": 3, "title": "窓口", "common_standards": {"overrides": [{"number": 12, "text": ""}]},
            "common_policy": {"overrides": [{"number": 1, "text": ""}]}}]
    });
    let at = |p: &str| describe(&ward, p);
    assert_eq!(
        at("/common_principles/overrides/0/title"),
        "共通の基本理念2 の言い換え の見出し"
    );
    assert_eq!(
        at("/sections/0/common_standards/overrides/0/text"),
        "3 窓口 共通基準12 の言い換え の本文"
    );
    assert_eq!(
        at("/sections/0/common_policy/overrides/0/text"),
        "3 窓口 共通の向上方針1 の言い換え の本文"
    );
    let edition = serde_json::json!({"common": {"overrides": ["scenes"]}});
    assert_eq!(
        describe(&edition, "/common/overrides/0"),
        "市の共通の内容 の1番目の区で決める項目"
    );
}

#[test]
fn names_table_rows_and_cells_as_the_clerk_sees_them() {
    let table = serde_json::json!({"caption": "窓口一覧", "columns": ["窓口", "受付時間", "備考"],
        "rows": [["戸籍", "8:30～17:00", ""], ["", "9:00", "x"]]});
    let v = serde_json::json!({"sections": [{"number": 1, "title": "窓口", "paragraphs": ["前書き", {"table": table}]}]});
    let at = |p: &str| describe(&v, &format!("/sections/0/paragraphs/1/table{p}"));
    assert_eq!(
        at("/rows/0/1"),
        "1 窓口 2番目の段落 の表「窓口一覧」の「戸籍」の行・「受付時間」の欄"
    );
    // A row without a first cell is named by its number, from 1.
    assert_eq!(
        at("/rows/1/2"),
        "1 窓口 2番目の段落 の表「窓口一覧」の2行目・「備考」の欄"
    );
    assert_eq!(at("/rows/1"), "1 窓口 2番目の段落 の表「窓口一覧」の2行目");
    // A 別表 of a regulation, and a roster's 区分 (its first column).
    let reg = serde_json::json!({"tables": [{"title": "別表（第3条関係）", "columns": ["区分", "人数"], "rows": [["委員", "10人"]]}]});
    assert_eq!(
        describe(&reg, "/tables/0/rows/0/1"),
        "表「別表（第3条関係）」の「委員」の行・「人数」の欄"
    );
    let roster = serde_json::json!({"columns": ["区分", "職名", "氏名"], "groups": [{"label": "委員長", "rows": [["区長", "架空 太郎"]]}]});
    assert_eq!(
        describe(&roster, "/groups/0/rows/0/1"),
        "区分「委員長」の「区長」の行・「氏名」の欄"
    );
}
