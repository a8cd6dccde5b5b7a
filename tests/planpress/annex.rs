//! The annex items of real plans (tests/fixtures/full-model): a regulation set as
//! regulations are, an official notice, a roster with merged 区分, results with
//! 備考 and the edition's own status words; their changes in diff and drafts.

use planpress::Config;

use crate::doc::*;
use crate::web::{text, web};

const FULL: &str = "tests/fixtures/full-model";
const NEXT: &str = "tests/fixtures/full-model-next";

/// The printed annex, page by page (資料1…), as normalized text.
fn annex_pages(dir: &str) -> Vec<String> {
    let built = built_once(&root().join(dir));
    let labels = page_labels(built);
    (page_texts(built).iter().zip(&labels))
        .filter(|(_, l)| l.starts_with("資料"))
        .map(|(t, _)| normalize(t))
        .collect()
}

/// `parts` appear in `text` in this order.
fn in_order(text: &str, parts: &[&str]) {
    let mut at = 0;
    for p in parts {
        let p = normalize(p);
        let found = text[at..].find(&p);
        assert!(found.is_some(), "「{p}」 not after offset {at} in {text}");
        at += found.unwrap() + p.len();
    }
}

#[test]
fn the_regulation_prints_articles_clauses_items_provisions_and_its_table() {
    let page = annex_pages(FULL).concat();
    in_order(
        &page,
        &[
            "（目的）",
            "第１条　この要綱は",
            "（所掌事項）",
            "第２条　委員会は、次に掲げる事項を所掌する。",
            "一　区役所サービス向上アクションプラン",
            "二　ワーキングチームに関する次に掲げる事項",
            "（ア）　ワーキングチームの設置",
            "（イ）　ワーキングチームの検討結果",
            "三　その他",
            "２　委員会は、前項各号",
            "第３条　委員会は",
            "２　委員長は",
            "３　委員は、別表",
            "附則（令和２年４月１日）",
            "この要綱は、令和2年4月1日から施行する。",
            "附則（令和６年３月２９日）",
            "（施行期日）",
            "第１条　この要綱は、令和6年4月1日",
            "（経過措置）",
            "第２条",
            "別表（第３条関係）",
            "区分",
            "職",
            "委員",
            "区民窓口担当課長",
        ],
    );
    // The first 項 has no number: 第１条 is followed by its text, not by 「１」.
    assert!(!page.contains(&normalize("第１条　１")));
}

/// The runs of the page labelled `label`.
fn runs_on(dir: &str, label: &str) -> Vec<Run> {
    let built = built_once(&root().join(dir));
    let page = page_labels(built).iter().position(|l| l == label).unwrap();
    page_runs(built).swap_remove(page)
}

fn run<'a>(runs: &'a [Run], t: &str) -> &'a Run {
    (runs.iter().find(|r| r.text.contains(t))).unwrap_or_else(|| panic!("「{t}」 not on the page"))
}

#[test]
fn article_marks_are_gothic_and_items_are_indented() {
    let built = built_once(&root().join(FULL));
    let first = page_labels(built)
        .iter()
        .position(|l| l == "資料1")
        .unwrap();
    let mut fonts: Vec<(String, String)> = Vec::new();
    for_each_text_item(built, |page, item| {
        if page == first {
            fonts.push((item.text.to_string(), item.font.info().family.clone()));
        }
    });
    let font_of = |t: &str| &fonts.iter().find(|(x, _)| x.contains(t)).unwrap().1;
    assert!(
        font_of("第１条").contains("Gothic"),
        "{}",
        font_of("第１条")
    );
    assert!(font_of("この").contains("Mincho"));
    // 号 stand one character in from the articles; 細目 two.
    let runs = runs_on(FULL, "資料1");
    let x = |t: &str| runs.iter().find(|r| r.text.starts_with(t)).unwrap().x;
    let (article, item, subitem) = (x("第２条"), x("一"), x("（ア）"));
    assert!(
        item > article && subitem > item,
        "{article:?} {item:?} {subitem:?}"
    );
}

#[test]
fn the_memo_is_laid_out_as_an_official_notice() {
    let pages = annex_pages(FULL);
    let memo = pages.iter().find(|p| p.contains("以上")).unwrap();
    in_order(
        memo,
        &[
            "か区第１２３号",
            "令和7年5月1日",
            "各課長　様",
            "かえで区役所サービス向上委員会委員長",
            "架空 春子",
            "第2期ワーキングチームの設置について（通知）",
            "次のとおり設置します。",
            "記",
            "１　検討事項　来庁者にとって",
            "２　構成員",
            "３　活動期間",
            "以上",
        ],
    );
    // Number and date right, addressee left, subject centred.
    let runs = runs_on(FULL, "資料3");
    let (date, to) = (run(&runs, "令和"), run(&runs, "各課長"));
    // The subject is the lower of the two lines that name the matter (the heading).
    let subject = (runs.iter().filter(|r| r.text.contains("ワーキングチーム")))
        .max_by(|a, b| a.y.partial_cmp(&b.y).unwrap())
        .unwrap();
    assert!(date.x > subject.x && subject.x > to.x);
}

#[test]
fn the_roster_has_its_columns_date_notes_and_merged_groups() {
    let pages = annex_pages(FULL);
    let roster = pages
        .iter()
        .find(|p| p.contains("令和7年4月1日現在"))
        .unwrap();
    in_order(
        roster,
        &[
            "令和7年4月1日現在",
            "区分",
            "所属",
            "職名",
            "氏名",
            "備考",
            "委員長",
            "架空 春子",
            "区民窓口担当",
            "地域振興担当",
            "副委員長",
            "保健福祉担当",
            "事務局",
            "備考　委員の任期は、委員長が定める。",
        ],
    );
    // 「委員」 is printed once, merged over its three rows (centred on the middle one).
    let runs = runs_on(FULL, "資料2");
    let group: Vec<&Run> = runs.iter().filter(|r| r.text == "委員").collect();
    assert_eq!(group.len(), 1);
    let middle = run(&runs, "地域振興担当");
    assert!((group[0].y - middle.y).abs() < typst::layout::Abs::pt(3.0));
    assert!(run(&runs, "保健福祉担当").y > group[0].y);
}

#[test]
fn results_show_notes_and_the_editions_status_words() {
    let pages = annex_pages(FULL);
    let results = pages.iter().find(|p| p.contains("実施結果")).unwrap();
    in_order(
        results,
        &[
            "部署名",
            "状況",
            "備考",
            "完了",
            "継続",
            "次年度も継続",
            "見直し",
            "体制を見直し",
        ],
    );
    assert!(!results.contains("一部達成"));
}

#[test]
fn diff_and_the_drafts_change_list_show_each_changed_annex_field() {
    let old = planpress::content::load(&root().join(FULL)).unwrap();
    let new = planpress::content::load(&root().join(NEXT)).unwrap();
    let labels: Vec<String> = (planpress::diff::diff(&old, &new).iter())
        .map(|c| c.id.label())
        .collect();
    let expected = [
        "表紙",
        "向上方針の日付・署名",
        "かえで区役所サービス向上委員会設置要綱 第2条",
        "かえで区役所サービス向上委員会設置要綱 第3条",
        "かえで区役所サービス向上委員会設置要綱 附則2",
        "かえで区役所サービス向上委員会設置要綱 別表1",
        "名簿 日付",
        "名簿 委員 3行目",
        "名簿 備考",
        "章 かえで区役所サービス向上委員会 第3期ワーキングチームの設置について",
        "通知 文書番号",
        "通知 日付",
        "通知 宛先",
        "通知 発信者",
        "通知 件名",
        "通知 本文",
        "通知 記の2",
    ];
    // The next year's results report another year: not compared row by row.
    assert_eq!(labels, expected);
    let config = Config::new(root().join(NEXT))
        .draft(true, Some("2026-11-26"))
        .unwrap();
    let built = planpress::build(&config).unwrap_or_else(|e| panic!("{e}"));
    // Each changed annex item has its bar: on every annex page here.
    let labels = page_labels(&built);
    let barred: Vec<&str> = (crate::editions::pages_with_change_bars(&built).iter())
        .map(|&p| labels[p].as_str())
        .filter(|l| l.starts_with("資料"))
        .collect();
    assert!(
        ["資料1", "資料2", "資料3"]
            .iter()
            .all(|l| barred.contains(l)),
        "{barred:?}"
    );
    // The published edition has none.
    let plain = built_once(&root().join(NEXT));
    assert!(crate::editions::pages_with_change_bars(plain).is_empty());
    let texts = page_texts(&built);
    let start = texts
        .iter()
        .position(|t| normalize(t).contains("新旧対照表"))
        .unwrap();
    let list = normalize(&texts[start..].concat());
    in_order(&list, &expected);
    // 改正後 on the left, 改正前 on the right.
    in_order(
        &list,
        &[
            "報告及び公表に関すること",
            "ワーキングチームの検討結果の報告に関すること",
        ],
    );
    in_order(&list, &["か区第４５６号", "か区第１２３号"]);
}

#[test]
fn the_web_edition_shows_the_annex_structures() {
    let page = web(&root().join(FULL));
    // The regulation: articles with their 項・号・細目 as ordered lists.
    assert!(page.contains("<h4>第１条（目的）</h4>"));
    assert!(page.contains("<li><span class=\"mark\">二</span>ワーキングチームに関する次に掲げる事項<ol class=\"marked\"><li><span class=\"mark\">（ア）</span>"));
    assert!(page.contains("<h4>附則（令和２年４月１日）</h4>"));
    assert!(page.contains("<caption>別表（第３条関係）</caption>"));
    // The roster: 区分 as a row group header over its rows.
    assert!(page.contains("<th scope=\"rowgroup\" class=\"label\" rowspan=\"3\"><span><span class=\"ph\">委員</span></span></th>"));
    assert!(page.contains("<th scope=\"col\" class=\"label\">備考</th>"));
    let all = normalize(&text(&page));
    in_order(
        &all,
        &[
            "令和7年4月1日現在",
            "区分",
            "所属",
            "職名",
            "氏名",
            "備考",
            "委員長",
            "事務局",
            "委員の任期は",
        ],
    );
    // The memo, in the order it prints.
    in_order(
        &all,
        &[
            "か区第１２３号",
            "令和7年5月1日",
            "各課長",
            "架空 春子",
            "（通知）",
            "記",
            "検討事項",
            "以上",
        ],
    );
    // Results with 備考 and the edition's words.
    in_order(&all, &["状況", "備考", "完了", "次年度も継続"]);
}

#[test]
fn sheets_offer_and_accept_only_the_editions_status_words() {
    let content = planpress::content::load(&root().join(FULL)).unwrap();
    let books = planpress::sheets::export(&content).unwrap();
    let (_, bytes) = &books[0];
    let mut wb: calamine::Xlsx<_> =
        calamine::Reader::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let info = calamine::Reader::worksheet_range(&mut wb, "説明").unwrap();
    let said: String = info.rows().flatten().map(|c| c.to_string()).collect();
    assert!(said.contains("「状況」（完了・継続・見直し）"), "{said}");
    // A returned status is read against the same words.
    let returned = |status: &str| {
        let xlsx = tmp(&format!("full-model-status-{status}.xlsx"));
        returned_workbook(&xlsx, "kumin-madoguchi", |ws| {
            target_row(ws, 1, "窓口", "（テスト用の架空の目標）");
            ws.write(1, 4, status).unwrap();
        });
        planpress::sheets::read(
            &content,
            "区民窓口担当.xlsx",
            &std::fs::read(&xlsx).unwrap(),
        )
    };
    let ok = returned("継続").unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(ok.targets[0].status.as_ref().unwrap().as_str(), "継続");
    let refused = returned("達成").err().unwrap().join("\n");
    assert!(
        refused.contains("状況「達成」は使えません。完了・継続・見直し から選んでください"),
        "{refused}"
    );
}

#[test]
fn old_flat_shapes_still_load_and_print_and_the_shipped_annex_stays_gaps() {
    // small-ward writes articles as paragraphs, one flat 附則 and members.
    let page = annex_pages("tests/fixtures/small-ward").concat();
    in_order(
        &page,
        &[
            "（目的）",
            "第１条",
            "この要綱は、しらかわ区役所",
            "附則",
            "（施行期日）この要綱は",
            "区分",
            "職名",
            "氏名",
            "委員長",
            "区長",
            "見本 花子",
        ],
    );
    let shipped = planpress::content::load(&root().join(EDITION)).unwrap();
    let gaps = (shipped.annex.iter())
        .filter(|p| match p {
            planpress::content::Part::Regulation(r) => r.gap.is_some() && r.articles.is_empty(),
            planpress::content::Part::Roster(r) => r.gap.is_some() && r.groups.is_empty(),
            planpress::content::Part::Memo(m) => m.gap.is_some() && m.record.is_empty(),
            planpress::content::Part::Results(r) => r.gap.is_some() && r.rows.is_empty(),
            _ => false,
        })
        .count();
    assert_eq!(gaps, 4);
}

/// Results of the same year compared (a revised draft): a changed 備考 or status
/// shows as that row's change.
#[test]
fn a_changed_result_row_of_the_same_year_shows_as_a_change() {
    let dir = tmp("annex-results-revised");
    copy_edition(&root().join(FULL), &dir);
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.contains("results"))
        .unwrap();
    edit_json(&dir, &file, |v| {
        v["rows"][0]["note"] = "（架空）備考を書き直しました。".into();
    });
    let old = planpress::content::load(&root().join(FULL)).unwrap();
    let new = planpress::content::load(&dir).unwrap();
    let changes = planpress::diff::diff(&old, &new);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(
        changes[0].id.label().starts_with("実施結果 "),
        "{}",
        changes[0].id.label()
    );
    assert!(changes[0].new_text().unwrap().contains("書き直しました"));
}
