//! Page-level layout on editions shaped to provoke it (fictional): title lines
//! too long for the cover, long PDCA stage labels, parts ending anywhere on a
//! page, short and long tables at a page's foot, a long list of working teams,
//! the results annex's columns. The layout check refuses what a reader would
//! see as broken: text out of its drawn box, a page holding only a leftover.

use std::path::{Path, PathBuf};

use crate::doc::*;

const SMALL: &str = "tests/fixtures/small-ward";

pub fn copy_of(fixture: &str, name: &str) -> PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join(fixture), &dir);
    dir
}

/// The 0-based pages whose text holds `s` (both normalized).
pub fn pages_with(texts: &[String], s: &str) -> Vec<usize> {
    let s = normalize(s);
    (0..texts.len())
        .filter(|&p| texts[p].contains(&s))
        .collect()
}

pub fn normalized_pages(built: &planpress::Built) -> Vec<String> {
    page_texts(built).iter().map(|t| normalize(t)).collect()
}

/// Build with a changed copy of the templates: (exit code, stderr).
fn build_with_templates(dir: &Path, name: &str, edit: &[(&str, &str, &str)]) -> (i32, String) {
    let templates = pdf_templates_copy(&format!("{name}-templates"));
    for (file, from, to) in edit {
        let path = templates.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no 「{from}」");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    let out = tmp(&format!("{name}.pdf"));
    let run = planpress(&[
        "build",
        dir.to_str().unwrap(),
        "--templates",
        templates.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&run.stderr).to_string();
    (run.status.code().unwrap_or(-1), err)
}

/// The clerk's title lines are the printed lines: a line too long for the page
/// is set smaller, on one line; the others keep the full size.
#[test]
fn each_cover_title_line_prints_on_one_line_shrunk_to_fit() {
    let dir = copy_of(SMALL, "pages-cover");
    let lines = [
        "架空市あおぞらヶ丘区役所サービス向上推進本部",
        "サービス向上",
        "アクションプラン",
    ];
    edit_json(&dir, "edition.json", |v| {
        v["cover"]["title_lines"] = lines.to_vec().into();
    });
    let built = build(&dir);
    let printed: Vec<String> = page_lines(&built, 0).iter().map(|l| normalize(l)).collect();
    for l in lines {
        assert!(
            printed.contains(&normalize(l)),
            "「{l}」 not one line: {printed:?}"
        );
    }
    let mut sizes = Vec::new();
    for_each_text_item(&built, |page, item| {
        if page == 0 && lines.iter().any(|l| l.contains(item.text.as_str())) {
            sizes.push((item.text.to_string(), item.size.to_pt()));
        }
    });
    let size_of = |t: &str| sizes.iter().find(|(s, _)| s == t).unwrap().1;
    assert!(size_of("向上推進本部") < 31.0, "{sizes:?}");
    assert!(
        (size_of("アクションプラン") - 32.0).abs() < 0.1,
        "{sizes:?}"
    );
}

fn long_stage_labels(dir: &Path) {
    let labels = [
        "計画の策定と目標設定",
        "カスタマーエクスペリエンスの向上",
        "達成状況の点検とモニタリング",
        "取組の見直しと次年度への改善",
    ];
    edit_json(dir, "2-approach.json", |v| {
        for s in v["sections"].as_array_mut().unwrap() {
            if let Some(stages) = s.pointer_mut("/pdca/stages") {
                for (st, l) in stages.as_array_mut().unwrap().iter_mut().zip(labels) {
                    st["label"] = l.into();
                }
            }
        }
    });
}

/// Longer stage labels make the figure grow: the build passes the layout check,
/// which refuses text outside its drawn box, and every label is printed.
#[test]
fn the_pdca_figure_grows_with_long_stage_labels() {
    let dir = copy_of(SMALL, "pages-pdca");
    long_stage_labels(&dir);
    let built = build(&dir);
    let text = normalized_pages(&built).concat();
    for l in [
        "カスタマーエクスペリエンスの向上",
        "取組の見直しと次年度への改善",
    ] {
        assert!(text.contains(&normalize(l)), "{l}");
    }
}

/// The check fires on a figure drawn too small for its text.
#[test]
fn the_layout_check_refuses_text_outside_its_drawn_box() {
    let dir = copy_of(SMALL, "pages-pdca-broken");
    let (code, err) = build_with_templates(
        &dir,
        "pages-pdca-broken",
        &[(
            "blocks.typ",
            "width: width, height: height,",
            "width: width, height: 6mm,",
        )],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("の文字が枠からはみ出しています"), "{err}");
}

/// A page holding only what is left of a part (here a line put after a page
/// break at a chapter's end) is refused with its page; two lines are told.
#[test]
fn the_layout_check_refuses_a_page_holding_only_a_leftover() {
    let dir = copy_of("tests/fixtures/text-blocks", "pages-leftover");
    let (code, err) = build_with_templates(
        &dir,
        "pages-leftover",
        &[(
            "main.typ.j2",
            "{% elif part.kind == \"targets\" %}",
            "#pagebreak()\n架空の一行だけが残った頁です。\n\n{% elif part.kind == \"targets\" %}",
        )],
    );
    assert_eq!(code, 1, "{err}");
    let fault = err
        .lines()
        .find(|l| l.contains("このページには本文が 1 行しかありません"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        fault.starts_with("- ") && fault.contains("ページ:"),
        "{fault}"
    );
    // Two lines left over are told, and the PDF is made.
    let (code, err) = build_with_templates(
        &dir,
        "pages-leftover-two",
        &[(
            "main.typ.j2",
            "{% elif part.kind == \"targets\" %}",
            "#pagebreak()\n架空の一行目です。\n\n架空の二行目です。\n\n{% elif part.kind == \"targets\" %}",
        )],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("このページには本文が 2 行しかありません"),
        "{err}"
    );
}

/// Free chapters of every length from a page and a half to two pages, each
/// ending with a list of 4 entries, every other one with a table of 3 or 10 rows
/// after some lines: whatever falls at a page's foot.
fn parts_ending_anywhere(name: &str) -> PathBuf {
    let dir = copy_of("tests/fixtures/text-blocks", name);
    let mut chapters = Vec::new();
    for k in 0..30 {
        let file = format!("6-extra-{k:02}.json");
        let line =
            format!("架空の章{k}の説明です。この章は頁の配置を確かめるための架空の文章です。");
        let mut paragraphs: Vec<serde_json::Value> =
            std::iter::repeat_n(line.into(), 18 + k % 15).collect();
        let items: Vec<String> = (1..=4).map(|i| format!("章{k}の項目{i}です。")).collect();
        paragraphs.push(serde_json::json!({ "list": items }));
        let mut sections = Vec::new();
        if k % 2 == 0 {
            let rows: Vec<Vec<String>> = (1..if k % 4 == 0 { 4 } else { 11 })
                .map(|m| {
                    vec![
                        format!("{m}月"),
                        format!("表{k}の{m}行目の内容"),
                        "総務課".into(),
                    ]
                })
                .collect();
            let mut ps: Vec<serde_json::Value> =
                std::iter::repeat_n("表の前の文です。".into(), k % 7).collect();
            ps.push(serde_json::json!({ "table": {
                "caption": format!("日程表{k}号"), "columns": ["時期", "内容", "担当"], "rows": rows,
            }}));
            sections.push(serde_json::json!({ "title": format!("章{k}の表"), "paragraphs": ps }));
        }
        let chapter = serde_json::json!({
            "$schema": "../../../content/schema/free.schema.json",
            "title": format!("架空の章{k}"),
            "paragraphs": paragraphs,
            "sections": sections,
        });
        std::fs::write(dir.join(&file), chapter.to_string()).unwrap();
        chapters.push(serde_json::json!({ "kind": "free", "file": file }));
    }
    edit_json(&dir, "edition.json", |v| {
        v["chapters"].as_array_mut().unwrap().extend(chapters);
    });
    dir
}

/// Wherever a part ends, its last page holds more than a leftover (the build's
/// layout check passes); a list's last entry never stands alone.
#[test]
fn a_part_ending_anywhere_leaves_no_page_with_a_leftover() {
    let built = build(&parts_ending_anywhere("pages-parts"));
    let pages = normalized_pages(&built);
    for k in 0..30 {
        let last = pages_with(&pages, &format!("章{k}の項目4です。"));
        let before = pages_with(&pages, &format!("章{k}の項目2です。"));
        assert_eq!(last, before, "chapter {k}: its list's last entries apart");
    }
}

/// A short table moves whole to the next page; a long one starts with its
/// header and at least 2 rows under its caption, and ends with 2 rows together.
#[test]
fn a_short_table_moves_whole_and_a_long_one_starts_with_two_rows() {
    let built = build(&parts_ending_anywhere("pages-tables"));
    let pages = normalized_pages(&built);
    for k in (0..30).step_by(2) {
        let caption = pages_with(&pages, &format!("日程表{k}号"));
        assert_eq!(caption.len(), 1, "{k}");
        let rows = if k % 4 == 0 { 3 } else { 10 };
        let kept = if rows <= 5 { rows } else { 2 };
        for m in 1..=kept {
            let row = pages_with(&pages, &format!("表{k}の{m}行目の内容"));
            assert_eq!(row, caption, "table {k}: row {m} not with its caption");
        }
        // …and its last row never stands alone on a page.
        let last = pages_with(&pages, &format!("表{k}の{rows}行目の内容"));
        let before = pages_with(&pages, &format!("表{k}の{}行目の内容", rows - 1));
        assert_eq!(last, before, "table {k}: its last row alone");
    }
}

/// A long list of working teams in two columns: each term's label and all its
/// achievements on one page.
#[test]
fn each_working_team_entry_stays_on_one_page() {
    let dir = scratch_edition("pages-teams");
    edit_json(&dir, "3-initiatives.json", |v| {
        let teams = (1..=14)
            .map(|term| {
                let items: Vec<String> = (1..=6)
                    .map(|i| format!("第{term}期の成果{i}です"))
                    .collect();
                serde_json::json!({ "term": term, "achievements": items })
            })
            .collect::<Vec<_>>();
        let mut found = false;
        for s in v["sections"].as_array_mut().unwrap() {
            let subs = s.get_mut("subsections").and_then(|v| v.as_array_mut());
            for sub in subs.into_iter().flatten() {
                if sub.get("working_teams").is_some() {
                    sub["working_teams"] = teams.clone().into();
                    found = true;
                }
            }
        }
        assert!(found);
    });
    let built = build(&dir);
    let pages = normalized_pages(&built);
    let mut spread = 0;
    for term in 1..=14 {
        let page = pages_with(&pages, &format!("第{term}期の成果1です"));
        assert_eq!(page.len(), 1, "term {term}");
        let label = normalize(&format!("第{term}期ワーキングチーム"));
        assert!(
            pages[page[0]].contains(&label),
            "term {term}: apart from its label"
        );
        for i in 2..=6 {
            let item = pages_with(&pages, &format!("第{term}期の成果{i}です"));
            assert_eq!(
                item, page,
                "term {term}: achievement {i} apart from the others"
            );
        }
        spread = spread.max(page[0]);
    }
    assert!(
        pages_with(&pages, "第1期の成果1です")[0] < spread,
        "the teams fit one page: nothing tested"
    );
}

/// Free chapters of every length ending with a paragraph of a few lines: no
/// page holds only a line or two of it (not even told as a warning).
#[test]
fn a_part_ending_with_a_paragraph_leaves_no_thin_page() {
    let dir = crate::thin_pages::closings("pages-paragraphs", 3);
    let built = build(&dir);
    let thin: Vec<&String> = (built.warnings().iter())
        .filter(|w| w.contains("行しかありません"))
        .collect();
    assert!(thin.is_empty(), "{thin:#?}");
}
