//! An item inserted before others is 追加, and those after it are 番号変更
//! (changed too, if their words changed), never rewrites of their neighbours:
//! targets, roster rows, 号 of an article, list items.

use planpress::diff::chars::Run;
use planpress::diff::table::{Cell, Row};

use crate::doc::*;

const FULL: &str = "tests/fixtures/full-model";

fn show(runs: &[Run]) -> String {
    (runs.iter())
        .map(|r| match r.marked {
            true => format!("[{}]", r.text),
            false => r.text.clone(),
        })
        .collect()
}

/// A cell's text; a table in it as its rows (header rows left out), cells
/// joined with 「｜」.
fn cell(c: &Cell) -> String {
    let grid = (c.grid.iter().flatten())
        .filter(|g| !g.header && !g.omitted)
        .map(|g| {
            g.cells
                .iter()
                .map(|x| show(x))
                .collect::<Vec<_>>()
                .join("｜")
        });
    std::iter::once(show(&c.runs))
        .chain(grid)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A row as `new | old`, marked runs in brackets.
fn row(r: &Row) -> String {
    format!("{} | {}", cell(&r.new), cell(&r.old))
}

#[test]
fn an_insertion_is_an_addition_and_what_follows_is_renumbered() {
    let dir = tmp("insertions");
    copy_edition(&root().join(FULL), &dir);
    edit_json(&dir, "4-targets.json", |v| {
        let t = v["divisions"][0]["departments"][2]["targets"]
            .as_array_mut()
            .unwrap();
        // The next year's first target is new; the old ones follow, the
        // second with another scene.
        t.insert(
            0,
            serde_json::json!({"number": 1, "scene": "窓口", "text": "手続の案内を一枚の紙にまとめます。"}),
        );
        t[1]["scene"] = "電話応対".into();
        for (n, x) in t.iter_mut().enumerate() {
            x["number"] = (n + 1).into();
        }
    });
    edit_json(&dir, "annex-2-roster.json", |v| {
        let rows = v["groups"][1]["rows"].as_array_mut().unwrap();
        rows.insert(0, serde_json::json!(["総務課", "課長", "架空 春男", ""]));
        rows[1][3] = "会計".into();
    });
    edit_json(&dir, "annex-1-regulation.json", |v| {
        let items = v["articles"][1]["clauses"][0]["items"]
            .as_array_mut()
            .unwrap();
        items.insert(
            0,
            serde_json::json!({"number": 1, "text": "区役所サービス向上方針の案の作成に関すること。"}),
        );
        for (n, x) in items.iter_mut().enumerate() {
            x["number"] = (n + 1).into();
        }
    });
    edit_json(&dir, "2-approach.json", |v| {
        let list = v["sections"][1]["paragraphs"][3]["list"]
            .as_array_mut()
            .unwrap();
        list.insert(0, "意見を集める機会を増やします。".into());
    });
    let old = planpress::content::load(&root().join(FULL)).unwrap();
    let new = planpress::content::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    let (changes, table) = planpress::diff::table::compare(&old, &new, &Default::default());
    let kinds: Vec<String> = (changes.iter())
        .map(|c| format!("{} {}", c.kind.label(), c.id.label()))
        .collect();
    assert_eq!(
        kinds,
        [
            "変更 節 2 今年度の取組方法",
            "追加 保健福祉担当 目標1",
            "番号変更 保健福祉担当 目標2",
            "番号変更 保健福祉担当 目標3",
            "変更 かえで区役所サービス向上委員会設置要綱 第2条",
            "追加 名簿 委員 1行目",
            "番号変更 名簿 委員 2行目",
            "番号変更 名簿 委員 3行目",
            "番号変更 名簿 委員 4行目",
        ]
    );
    let rows: Vec<String> = table.rows.iter().map(row).collect();
    let text = rows.join("\n");
    for expected in [
        // The list item added; the others stand unchanged (略).
        "[・　意見を集める機会を増やします。] | ",
        // The renumbered target keeps its words; only its scene is marked.
        "場面: [電話応対] | 場面: [窓口]",
        // The 号 added, and the others with only their number marked.
        "[一　区役所サービス向上方針の案の作成に関すること。] | ",
        "[二]　区役所サービス向上アクションプランの策定及び進行管理に関すること。 | [一]　区役所サービス向上アクションプランの策定及び進行管理に関すること。",
        "[四]　その他区役所サービスの向上に関し必要な事項 | [三]　その他区役所サービスの向上に関し必要な事項",
        // The roster row after the new one: its 備考 marked, nothing else.
        "区民窓口担当｜課長｜架空 夏男｜[会計] | 区民窓口担当｜課長｜架空 夏男｜",
    ] {
        assert!(text.contains(expected), "「{expected}」 not in\n{text}");
    }
}
