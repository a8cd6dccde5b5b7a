//! A results row too long for one page (a result of some 1,900 characters;
//! a content text may hold 2,000): where it continues on the next page, its
//! 部署名 and the table's header are printed again above its continuation.

use std::path::PathBuf;

use crate::doc::*;
use crate::pages::{copy_of, normalized_pages, pages_with};

const DEPT: &str = "みどり窓口推進担当";

/// full-model's results, a long row third among them.
fn long_row(name: &str) -> PathBuf {
    let dir = copy_of("tests/fixtures/full-model", name);
    edit_json(&dir, "annex-4-results.json", |v| {
        let rows = v["rows"].as_array_mut().unwrap();
        let mut r = rows[0].clone();
        r["department"] = DEPT.into();
        r["number"] = 1.into();
        r["target"] = "窓口の案内を分かりやすくします（架空の目標です）。".into();
        let sentence = "案内表示を改め、声かけの手順を課内で共有し、繁忙期の待ち時間を記録して翌月の配置に生かしました。";
        r["result"] = format!(
            "長い結果の始まり。{}長い結果の終わり。",
            sentence.repeat(38)
        )
        .into();
        rows.insert(2, r);
    });
    dir
}

#[test]
fn a_row_split_across_pages_repeats_its_department_and_the_header() {
    let dir = long_row("annex-long-row");
    let built = build(&dir);
    let pages = normalized_pages(&built);
    let first = pages_with(&pages, "長い結果の始まり");
    let last = pages_with(&pages, "長い結果の終わり");
    assert_eq!((first.len(), last.len()), (1, 1));
    let (first, last) = (first[0], last[0]);
    assert!(last > first, "the row is not split: nothing tested");
    for (p, page) in pages.iter().enumerate().take(last + 1).skip(first) {
        assert!(
            page.contains(&normalize(DEPT)),
            "page {} of the row without its 部署名: {page}",
            p + 1,
        );
        for head in ["部署名", "目標", "実施結果"] {
            assert!(page.contains(head), "page {} without 「{head}」", p + 1);
        }
    }
    // The continuation says so; the first page names the department plainly.
    assert!(pages[last].contains(&normalize(&format!("{DEPT}（続き）"))));
    assert!(!pages[first].contains(&normalize(&format!("{DEPT}（続き）"))));
}
