//! Page-level layout of tables on editions shaped to provoke it (fictional): a
//! results annex with long names and texts, the service standards' short tables
//! at every offset from a page's foot.

use std::path::PathBuf;

use crate::doc::*;
use crate::pages::{copy_of, normalized_pages, pages_with};

/// A results annex shaped like a large ward's: long department names, long
/// targets, results and notes, 24 rows, some of them tall.
fn long_results(name: &str) -> PathBuf {
    let dir = copy_of("tests/fixtures/full-model", name);
    edit_json(&dir, "annex-4-results.json", |v| {
        let given = v["rows"].as_array().unwrap().clone();
        let rows: Vec<serde_json::Value> = (0..24)
            .map(|i| {
                let mut r = given[i % given.len()].clone();
                r["department"] = format!("地域みまもり支援センター地域ケア推進担当{}", i / 3 + 1).into();
                r["number"] = (i % 3 + 1).into();
                r["target"] = format!("目標{i}番：高齢の方や障害のある方が窓口で迷わないよう、案内表示と声かけを見直し、必要な手続を一度で済ませられるよう関係課と連携します（{i}番）。").into();
                r["result"] = format!("結果{i}番：案内表示を改め、声かけの手順を課内で共有しました。関係課との連携会議を四半期ごとに開き、手続の重複を減らしましたが、繁忙期の待ち時間は課題として残りました（{i}番）。").into();
                r["note"] = "次年度は対象を広げ、関係機関と連携して継続します".into();
                if i % 5 == 4 {
                    // A tall row (a third of a page): kept whole all the same.
                    // (Four times the text is near half a page, where a row may
                    // split with its 部署名（続き）: annex_rows.rs.)
                    r["result"] = r["result"].as_str().unwrap().repeat(3).into();
                }
                r
            })
            .collect();
        v["rows"] = rows.into();
    });
    dir
}

/// The results annex: the narrow columns (部署名, No, 状況, 備考) as wide as their
/// content, the rest to 目標 and 実施結果; no row split across pages, each row
/// printed with its 部署名.
#[test]
fn the_results_annex_gives_its_width_to_targets_and_results() {
    let built = build(&long_results("pages-results"));
    let labels = page_labels(&built);
    let runs = page_runs(&built);
    let pages = normalized_pages(&built);
    let page = (0..runs.len())
        .find(|&p| labels[p].starts_with("資料") && pages[p].contains("目標0番"))
        .unwrap();
    let x = |t: &str| {
        (runs[page].iter().find(|r| r.text.starts_with(t)))
            .unwrap_or_else(|| {
                panic!(
                    "「{t}」 in {:?}",
                    runs[page].iter().map(|r| &r.text).collect::<Vec<_>>()
                )
            })
            .x
    };
    // 目標 and 実施結果 of the first row: each column at least 40 mm wide (a
    // fifth of the width, 33 mm, before).
    let (target, result) = (x("目標0"), x("結果0"));
    let status = (runs[page].iter())
        .filter(|r| r.text.starts_with("完了") && r.x > result)
        .map(|r| r.x)
        .next()
        .unwrap();
    let least = typst::layout::Abs::mm(40.0);
    assert!(result - target > least, "目標 {:?}", result - target);
    assert!(status - result > least, "実施結果 {:?}", status - result);
    for i in 0..24 {
        let start = pages_with(&pages, &format!("目標{i}番：高齢の方や"));
        assert_eq!(start.len(), 1, "row {i}");
        for end in [
            format!("結果{i}番：案内表示を改め"),
            format!("関係課と連携します（{i}番）"),
            format!("課題として残りました（{i}番）"),
        ] {
            assert_eq!(
                pages_with(&pages, &end),
                start,
                "row {i} split across pages"
            );
        }
        let dept = normalize(&format!("地域ケア推進担当{}", i / 3 + 1));
        assert!(
            pages[start[0]].contains(&dept),
            "row {i} without its 部署名"
        );
    }
}

/// The service standards' short tables (2, 3 and 5 rows) after more or less
/// text: wherever they fall, each is printed whole on one page, under its title.
#[test]
fn a_short_standards_table_is_never_split() {
    let dirs: Vec<PathBuf> = (0..12)
        .map(|k| {
            let dir = scratch_edition(&format!("pages-standards-{k}"));
            edit_json(&dir, "3-initiatives.json", |v| {
                let s = &mut v["sections"][2];
                let line = "架空の説明です。区役所サービス基準の運用を確かめるための文章です。";
                let ps = s["paragraphs"].as_array_mut().unwrap();
                ps.extend(std::iter::repeat_n(line.into(), k * 2));
            });
            dir
        })
        .collect();
    let texts: Vec<Vec<String>> = std::thread::scope(|s| {
        let jobs: Vec<_> = (dirs.iter())
            .map(|d| s.spawn(move || normalized_pages(&build(d))))
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap()).collect()
    });
    let content: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join(EDITION).join("3-initiatives.json")).unwrap(),
    )
    .unwrap();
    for (k, pages) in texts.iter().enumerate() {
        for table in content["sections"][2]["standard_tables"]
            .as_array()
            .unwrap()
        {
            let rows = table["standards"].as_array().unwrap();
            if rows.len() > 5 {
                continue;
            }
            let title = pages_with(pages, &format!("【{}】", table["title"].as_str().unwrap()));
            assert_eq!(title.len(), 1, "{k}");
            for r in rows {
                let text: String = r["text"].as_str().unwrap().chars().take(14).collect();
                let on = pages_with(pages, &text);
                assert_eq!(
                    on, title,
                    "offset {k}: 「{text}」 apart from its table's title"
                );
            }
        }
    }
}
