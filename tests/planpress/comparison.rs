//! The 新旧対照表 (`diff --pdf`): every kind of change of the printed plan side by
//! side, exactly the changed characters underlined, as a proofreader reads it.

use std::path::Path;

use planpress::pipeline::Compared;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

use crate::doc::*;

const FULL: &str = "tests/fixtures/full-model";

/// A glyph as printed: its text, centre x and baseline y.
struct Glyph {
    text: String,
    x: Abs,
    y: Abs,
}

/// An underline: from x0 to x1 at y.
struct Line {
    x0: Abs,
    x1: Abs,
    y: Abs,
}

fn walk(frame: &Frame, glyphs: &mut Vec<Glyph>, lines: &mut Vec<Line>) {
    each_item(
        frame,
        Transform::identity(),
        &mut |ts, pos, item| match item {
            FrameItem::Text(t) => {
                let mut x = pos.x;
                for g in &t.glyphs {
                    let advance = g.x_advance.at(t.size);
                    let at = Point::new(x + advance / 2.0, pos.y).transform(ts);
                    let text = t.text[g.range()].to_string();
                    glyphs.push(Glyph {
                        text,
                        x: at.x,
                        y: at.y,
                    });
                    x += advance;
                }
            }
            FrameItem::Shape(shape, _) => {
                if let Geometry::Line(delta) = shape.geometry {
                    let a = pos.transform(ts);
                    let b = Point::new(pos.x + delta.x, pos.y + delta.y).transform(ts);
                    if (a.y - b.y).abs() < Abs::pt(0.1) {
                        lines.push(Line {
                            x0: a.x.min(b.x),
                            x1: a.x.max(b.x),
                            y: a.y,
                        });
                    }
                }
            }
            _ => {}
        },
    );
}

/// The table's two columns as text, page after page, each underlined run in
/// brackets: 「地域の声を[丁寧に]聴き」. Only what stands below each page's
/// 改正後/改正前 header row counts.
pub fn columns(document: &PagedDocument) -> (String, String) {
    let (mut left, mut right) = (String::new(), String::new());
    for page in document.pages() {
        let (mut glyphs, mut lines) = (Vec::new(), Vec::new());
        walk(&page.frame, &mut glyphs, &mut lines);
        let marked = |g: &Glyph| {
            lines.iter().any(|l| {
                l.x0 <= g.x
                    && g.x <= l.x1
                    && (l.y - g.y) > Abs::pt(1.0)
                    && (l.y - g.y) < Abs::pt(3.5)
            })
        };
        let Some(head) = glyphs.iter().find(|g| g.text == "改").map(|g| g.y) else {
            continue;
        };
        let footer = page.frame.height() - Abs::mm(20.0);
        let mut cells: Vec<&Glyph> = glyphs
            .iter()
            .filter(|g| g.y > head + Abs::pt(2.0) && g.y < footer)
            .collect();
        cells.sort_by(|a, b| {
            (a.y.to_pt(), a.x.to_pt())
                .partial_cmp(&(b.y.to_pt(), b.x.to_pt()))
                .unwrap()
        });
        // Glyphs of one printed line share a baseline (within a point).
        let mut rows: Vec<Vec<&Glyph>> = Vec::new();
        for g in cells {
            match rows.last_mut() {
                Some(row) if (row[0].y - g.y).abs() < Abs::pt(1.0) => row.push(g),
                _ => rows.push(vec![g]),
            }
        }
        let middle = page.frame.width() / 2.0;
        for row in rows {
            for (out, side) in [(&mut left, true), (&mut right, false)] {
                for g in row.iter().filter(|g| (g.x < middle) == side) {
                    if marked(g) {
                        out.push_str(&format!("[{}]", g.text));
                    } else {
                        out.push_str(&g.text);
                    }
                }
            }
        }
    }
    let join = |s: String| normalize(&s.replace("][", ""));
    (join(left), join(right))
}

/// Every underlined run of a column.
fn marks(column: &str) -> Vec<String> {
    column
        .split('[')
        .skip(1)
        .map(|s| s.split(']').next().unwrap().to_string())
        .collect()
}

/// full-model, revised in every kind of printed item.
fn revised(dir: &Path) {
    copy_edition(&root().join(FULL), dir);
    edit_json(dir, "edition.json", |v| {
        v["policy"]["date"] = "2025-05".into();
        v["policy"]["signer_name"] = "架空 夏子".into();
    });
    edit_json(dir, "1-principles.json", |v| {
        v["motto"] = "「4つの区役所」を追求し、".into();
        v["principles"][1]["text"] = "地域の声を丁寧に聴き、共に課題を解決します。".into();
    });
    edit_json(dir, "2-approach.json", |v| {
        let p = &mut v["sections"][0]["paragraphs"][0];
        *p = p
            .as_str()
            .unwrap()
            .replace("令和3年度に", "令和4年度に")
            .into();
        v["sections"][2]["pdca"]["stages"][1]["label"] = "取組の着実な実施".into();
    });
    edit_json(dir, "3-initiatives.json", |v| {
        let s = &mut v["sections"];
        let item = &mut s[0]["policy"]["items"][2]["text"];
        *item = item
            .as_str()
            .unwrap()
            .replace("研修を通じて", "研修と職場での指導を通じて")
            .into();
        let t = &mut s[2]["standard_tables"];
        t[0]["title"] = "区役所サービス基準（改訂）".into();
        t[0]["lead"] = "全市統一の基準です。".into();
        let standards = t[0]["standards"].as_array_mut().unwrap();
        standards[1]["scene"] = "電話応対".into();
        let new = serde_json::json!({"number": 1, "text": "窓口の混雑状況をお知らせします。", "scene": "窓口"});
        standards.insert(0, new);
        for (n, st) in standards.iter_mut().enumerate() {
            st["number"] = (n + 1).into();
        }
        t[1]["standards"][0]["owner"] = "区民課".into();
        let teams = &mut s[3]["subsections"][1]["working_teams"][0]["achievements"][1];
        *teams = "職員用窓口ガイドの作成と配布".into();
    });
    edit_json(dir, "4-targets.json", |v| {
        let depts = &mut v["divisions"][0]["departments"];
        depts[1]["short_name"] = "地域振興・防災担当".into();
        depts[1]["full_name"] = "地域振興・防災担当".into();
        // 区民窓口担当 目標2 goes to 保健福祉担当, whose 目標2 is dropped.
        let moved = depts[0]["targets"].as_array_mut().unwrap().remove(1);
        let hoken = depts[2]["targets"].as_array_mut().unwrap();
        hoken.remove(1);
        hoken.push(moved);
        hoken[1]["number"] = 2.into();
        let kumin = &mut v["divisions"][1]["departments"][0]["targets"];
        let added = serde_json::json!({"number": 2, "scene": "窓口", "text": "呼出番号を多言語で表示します。"});
        kumin.as_array_mut().unwrap().push(added);
    });
    edit_json(dir, "annex-3-memo.json", |v| {
        v["record"][1]["text"] = "各課から推薦された職員及び前期の構成員".into();
    });
    edit_json(dir, "5-outlook.json", |v| {
        v["sections"][0]["paragraphs"][0] = "オンライン手続の拡充を急ぎます。".into();
    });
}

/// The revised edition's folder.
fn revised_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("comparison-revised")
}

fn compared() -> &'static Compared {
    static C: std::sync::OnceLock<Compared> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let dir = tmp("comparison-revised");
        assert_eq!(dir, revised_dir());
        revised(&dir);
        let old = planpress::content::load(&root().join(FULL)).unwrap();
        let new = planpress::content::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        let templates = planpress::Templates::Embedded;
        planpress::pipeline::comparison(&old, &new, None, &templates)
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

#[test]
fn every_kind_of_change_stands_in_the_table_in_document_order() {
    let c = compared();
    let (left, right) = columns(&c.document);
    let kinds: Vec<String> = (c.changes.iter())
        .map(|x| format!("{} {}", x.kind.label(), x.id.label()))
        .collect();
    assert_eq!(
        kinds,
        [
            "変更 向上方針の日付・署名",
            "変更 基本理念の標語",
            "変更 基本理念2",
            "変更 節 1 これまでの取組経過",
            "変更 節 3 サービス向上の取組におけるPDCAサイクル",
            "変更 向上方針3",
            "変更 節 3 の表1",
            "追加 基準1",
            "番号変更 基準2",
            // Renumbered and its scene changed.
            "番号変更 基準3",
            "番号変更 基準4",
            // Numbered through the tables: the next table's standards follow.
            "番号変更 基準5",
            "番号変更 基準6",
            "変更 基準 独自1",
            "変更 第1期ワーキングチーム",
            "変更 組織 地域振興・防災担当",
            // The moved target, then the one dropped where it stood.
            "移動 保健福祉担当 目標2",
            "削除 保健福祉担当 目標2",
            "追加 区民課 目標2",
            "変更 今後の方向性 1",
            "変更 通知 記の2",
        ],
    );
    // 改正後 on the left: the new words and their marks; 改正前 on the right.
    for (column, expected) in [
        (
            &left,
            &[
                "架空[夏]子",
                "「[4]つの区役所」",
                "地域の声を[丁寧に]聴き",
                "令和[4]年度に",
                "取組の[着実な]実施",
                "研修[と職場での指導]を通じて",
                // The title's addition, the new lead and the new standard, one after another.
                "区役所サービス基準[（改訂）全市統一の基準です。基準1窓口の混雑状況をお知らせします。場面:窓口]",
                "基準[2]（基準1から番号変更）",
                "場面:[電話応対]",
                "[所管:区民課]",
                "職員用窓口ガイドの作成[と配布]",
                "地域振興[・防災]担当",
                "[保健福祉]担当目標2（区民窓口担当目標2から移動）",
                "（削除）",
                "[区民課目標2呼出番号を多言語で表示します。場面:窓口]",
                "オンライン手続の拡充を[急ぎ]ます。",
                "各課から推薦された職員[及び前期の構成員]",
            ][..],
        ),
        (
            &right,
            &[
                "架空[春]子",
                "「[3]つの区役所」",
                "令和[3]年度に",
                "（新設）",
                "基準[1]（基準2に番号変更）",
                "場面:[窓口]",
                "[区民窓口]担当目標2（保健福祉担当目標2へ移動）",
                "[保健福祉担当目標2関係機関と連携し、見守りが必要な方を支えます。場面:共通]",
                "オンライン手続の拡充を[進め]ます。",
            ][..],
        ),
    ] {
        let mut at = 0;
        for e in expected {
            let found = column[at..].find(&normalize(e));
            let found = found.unwrap_or_else(|| panic!("「{e}」 not in order in\n{column}"));
            at += found;
        }
    }
    // Nothing else is underlined: pure additions leave the old side unmarked.
    assert!(!right.contains("[丁寧に]") && !marks(&right).iter().any(|m| m.contains("及び")));
    // Unchanged items and passages stand as （略）, never their words.
    assert!(left.contains(&normalize("（略）")) && !left.contains("信頼される区役所"));
}

#[test]
fn only_the_changed_characters_are_underlined() {
    let (left, right) = columns(&compared().document);
    let short: Vec<String> = (marks(&left).into_iter().chain(marks(&right)))
        .filter(|m| m.chars().count() <= 8)
        .collect();
    // Every short mark is one of the edits made (or a number that changed),
    // never a scattered character of text that stayed the same.
    let edits = [
        "夏",
        "春",
        "及び前期の構成員",
        "6",
        "5",
        "4",
        "3",
        "丁寧に",
        "着実な",
        "と職場での指導",
        "（改訂）",
        "2",
        "1",
        "電話応対",
        "窓口",
        "所管:区民課",
        "と配布",
        "・防災",
        "保健福祉",
        "区民窓口",
        "急ぎ",
        "進め",
        "基準1",
        "場面:窓口",
        "区民課目標2",
    ];
    let edits: Vec<String> = edits.iter().map(|e| normalize(e)).collect();
    for m in &short {
        assert!(
            edits.contains(m),
            "unexpected underline 「{m}」\n{left}\n{right}"
        );
    }
}

#[test]
fn the_comparison_pdf_is_tagged_and_reproducible() {
    let in_process = &compared().pdf;
    let dir = tmp("comparison-cli");
    let next = revised_dir();
    let next = next.to_str().unwrap();
    let out = dir.join("新旧対照表.pdf");
    let run = planpress(&["diff", FULL, next, "--pdf", out.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success() && said.contains("新旧対照表を作りました"),
        "{said}"
    );
    let bytes = std::fs::read(&out).unwrap();
    if &bytes != in_process {
        std::fs::write(dir.join("in-process.pdf"), in_process).unwrap();
        panic!("the same content gives other bytes: {}", dir.display());
    }
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(catalog.get(b"StructTreeRoot").is_ok() && catalog.get(b"Lang").is_ok());
    // Old on the left when asked.
    let swapped = dir.join("swapped.pdf");
    let run = planpress(&[
        "diff",
        FULL,
        next,
        "--pdf",
        swapped.to_str().unwrap(),
        "--order",
        "old-new",
    ]);
    assert!(run.status.success());
    assert!(std::fs::read(&swapped).unwrap() != bytes);
}

#[test]
fn reversed_arguments_are_told() {
    let (old, new) = (
        "tests/fixtures/full-model",
        "tests/fixtures/full-model-next",
    );
    let run = planpress(&["diff", new, old]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("引数の順が逆のようです") && said.contains("令和8年度"),
        "{said}"
    );
    let run = planpress(&["diff", old, new]);
    assert!(!String::from_utf8_lossy(&run.stderr).contains("逆"));
}
