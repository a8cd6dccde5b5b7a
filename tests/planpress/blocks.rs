//! Paragraph content beyond text (tests/fixtures/text-blocks, fictional): lists
//! marked in the Japanese numbering hierarchy, simple tables, the computed page
//! of any item, and a chapter of the edition's own.

use crate::doc::*;

const BLOCKS: &str = "tests/fixtures/text-blocks";

/// The page label (as printed: 7, 資料1) of the heading that reads `title`.
fn page_of_heading(built: &planpress::Built, title: &str) -> String {
    let labels = planpress::preview::page_labels(&built.document);
    let (_, _, page) = headings(built)
        .into_iter()
        .find(|(_, text, _)| normalize(text) == normalize(title))
        .unwrap_or_else(|| panic!("no heading {title}"));
    labels[page].clone()
}

#[test]
fn page_references_print_the_page_the_item_lands_on() {
    let built = built_once(&root().join(BLOCKS));
    let text = normalize(&page_texts(built).concat());
    let dept = page_of_heading(built, "区民窓口担当");
    let annex = page_of_heading(built, "しらかわ区役所サービス向上委員会設置要綱");
    let section = page_of_heading(built, "2　今年度の取組方法");
    let policy = page_of_heading(built, "1　しらかわ区役所サービス向上方針");
    assert!(annex.starts_with("資料"), "{annex}");
    for expected in [
        format!("区民窓口担当の目標（P{dept}参照）"),
        format!("設置要綱は資料編（{annex}参照）"),
        format!("本章の2（P{section}参照）"),
        format!("向上方針（P{policy}参照）"),
    ] {
        assert!(
            text.contains(&normalize(&expected)),
            "{expected} not in the PDF"
        );
    }
}

#[test]
fn lists_print_the_marks_of_the_numbering_hierarchy_in_order() {
    let built = built_once(&root().join(BLOCKS));
    let text = normalize(&page_texts(built).concat());
    let order = [
        "第1窓口サービスの向上（架空）",
        "1案内の充実",
        "(1)総合案内の配置を見直します。",
        "(2)表示の改善",
        "ア案内表示を大きな文字にします。",
        "イ多言語の表示を加えます。",
        "2待ち時間の短縮",
        "第2電話応対の向上（架空）",
        "第3今年度の取組方法は",
        "区民の声を聴きます。",
        "取組の日程（架空）",
        "時期内容担当4月方針の策定総務課",
    ];
    let mut at = 0;
    for s in order {
        let found = text[at..].find(&normalize(s));
        assert!(found.is_some(), "「{s}」 not in order in the PDF");
        at += found.unwrap();
    }
    // The chapter of the edition's own: its sections and subsections numbered.
    assert!(text.contains(&normalize(
        "1デジタル化への対応オンライン手続の拡充を進めます。(1)電子申請"
    )));
    assert!(text.contains(&normalize("(1)職員の研修")));
}

#[test]
fn lists_tables_and_references_read_the_same_on_the_web() {
    let html = crate::web::web(&root().join(BLOCKS));
    assert!(html.contains("<ol class=\"marks\"><li><span class=\"mark\">第1</span>窓口サービスの向上（架空）<ol class=\"marks\"><li><span class=\"mark\">1</span>案内の充実"));
    assert!(html.contains("<ul class=\"bullets\"><li>区民の声を聴きます。</li>"));
    assert!(html.contains("<table class=\"simple\"><caption>取組の日程（架空）</caption><thead><tr><th scope=\"col\">時期</th>"));
    assert!(
        html.contains(
            "区民窓口担当の目標（<a href=\"#dept-kumin-madoguchi\">区民窓口担当</a>参照）"
        )
    );
    assert!(html.contains("<h3 id=\"chapter-5-1\">1 "));
}

/// A chapter of the edition's own is compared section by section: a changed
/// section shows in `diff` and in the draft's list of changes.
#[test]
fn a_changed_section_of_a_free_chapter_shows_as_a_change() {
    let next = tmp("blocks-next");
    copy_edition(&root().join(BLOCKS), &next);
    edit_json(&next, "edition.json", |v| {
        v["fiscal_year"] = 2026.into();
        v["previous"] = root().join(BLOCKS).to_str().unwrap().into();
    });
    edit_json(&next, "5-outlook.json", |v| {
        v["sections"][1]["paragraphs"][0][0] = "地域の団体や学校との連携は、向上方針（".into();
    });
    let old = planpress::content::load(&root().join(BLOCKS)).unwrap();
    let new = planpress::content::load(&next);
    // An absolute `previous` is refused: compare the two editions directly.
    assert!(new.is_err());
    edit_json(&next, "edition.json", |v| {
        v.as_object_mut().unwrap().remove("previous");
    });
    let new = planpress::content::load(&next).unwrap();
    let changes = planpress::diff::diff(&old, &new);
    let labels: Vec<String> = changes.iter().map(|c| c.id.label()).collect();
    // The cover names the fiscal year, changed too.
    assert_eq!(labels, ["表紙", "今後の方向性 2"]);
    assert!(changes[1].new_text().unwrap().contains("学校との連携"));
}
