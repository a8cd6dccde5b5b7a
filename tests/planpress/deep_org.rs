//! A deeper organisation (部 → 課 → 担当, each able to hold targets; units
//! outside any 部 between 部), the
//! edition's 事務局 and 問合せ先, and standards numbered per table: the fictional
//! editions tests/fixtures/deep-org and deep-org-next.

use planpress::Config;

use crate::doc::*;

const DEEP: &str = "tests/fixtures/deep-org";
const NEXT: &str = "tests/fixtures/deep-org-next";

fn deep() -> &'static planpress::Built {
    built_once(&root().join(DEEP))
}

/// `needles` stand in `hay` in this order; the position of each.
fn in_order(hay: &str, needles: &[&str]) -> Vec<usize> {
    let mut at = 0;
    needles
        .iter()
        .map(|n| {
            let n = normalize(n);
            let found = hay[at..].find(&n).unwrap_or_else(|| {
                panic!("「{n}」 not after offset {at} in the order {needles:?}")
            });
            at += found + n.len();
            at - n.len()
        })
        .collect()
}

#[test]
fn units_print_under_their_department_in_the_grid_and_the_index() {
    let built = deep();
    let pages: Vec<String> = page_texts(built).iter().map(|t| normalize(t)).collect();
    // The grid: each 担当's band follows its 課's own targets, its targets follow it.
    let grid = (pages.iter())
        .position(|p| p.contains("目標及び具体的な取組内容"))
        .unwrap();
    in_order(
        &pages[grid],
        &[
            "区民サービス部区民課",
            "1窓口課内の窓口の待ち時間",
            "区民サービス部区民課戸籍担当",
            "1窓口戸籍の届出を受けるときは",
            "2電話応対戸籍の証明書の郵送請求",
            "区民課住民記録担当",
            "保険年金課国民健康保険係",
            "保険年金課国民年金係",
            "会計室",
            "1窓口納付書の受付では",
            "地域みらい部",
            "1共通部内の各課が連携し",
            "地域みらい部地域振興課",
            "高齢・障害課高齢者支援担当",
        ],
    );
    // A 課 whose units alone hold targets has no band of its own.
    assert!(!pages[grid].contains("保険年金課1"), "{}", pages[grid]);
    // The index lists 部, 課 and 担当 in the order of the grid, each with its page.
    let index = (pages.iter())
        .position(|p| p.contains("戸籍担当") && !p.contains("目標及び具体的な取組内容"))
        .unwrap();
    let entries: Vec<String> = [
        "区民サービス部",
        "区民課",
        "戸籍担当",
        "住民記録担当",
        "保険年金課",
        "国民健康保険係",
        "国民年金係",
        "会計室",
        "地域みらい部",
        "地域振興課",
        "高齢・障害課",
        "高齢者支援担当",
    ]
    .iter()
    .map(|e| normalize(e))
    .collect();
    let at = in_order(
        &pages[index],
        &entries.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for (e, at) in entries.iter().zip(at).filter(|(e, _)| !e.ends_with('部')) {
        let after = pages[index][at + e.len()..].trim_start_matches(['.', '…']);
        assert!(
            after.starts_with(|c: char| c.is_ascii_digit()),
            "{e}: no page number"
        );
    }
    // Each band is a heading, so the PDF's bookmarks reach a 担当's targets.
    let heads = headings(built);
    assert!(
        heads
            .iter()
            .any(|h| h.1 == normalize("区民サービス部区民課 戸籍担当")),
        "{heads:?}"
    );
}

#[test]
fn the_colophon_closes_the_last_page_with_every_contact_field() {
    let pages = page_texts(deep());
    let last = normalize(pages.last().unwrap());
    in_order(
        &last,
        &[
            "令和7年度あさぎり区役所サービス向上アクションプラン",
            "発行",
            "令和7年6月",
            "架空市あさぎり区役所",
            "事務局",
            "あさぎり区役所企画調整課",
            "問合せ先",
            "あさぎり区役所企画調整課企画係",
            "電話",
            "099-555-0123",
            "メール",
            "asagiri-kikaku@example.jp",
            "所在地",
            "〒999-0001架空県架空市あさぎり区本町一丁目2番3号",
        ],
    );
    // The shipped edition declares neither: its colophon names publisher and date only.
    let shipped_last = normalize(page_texts(shipped()).last().unwrap());
    assert!(shipped_last.contains("発行令和2年6月川崎市宮前区役所"));
    assert!(!shipped_last.contains("事務局") && !shipped_last.contains("問合せ先"));
}

#[test]
fn a_table_numbered_on_its_own_prints_its_prefix() {
    let text = normalize(&page_texts(deep()).concat());
    in_order(
        &text,
        &[
            "1来庁された区民の皆様に",
            "5個人情報は",
            "【あさぎり区独自のサービス基準】",
            "独自1区役所の入口で",
            "独自2手話通訳や筆談など",
            "独自3地域の集まりに伺うときは",
        ],
    );
}

#[test]
fn sheets_go_to_each_unit_that_holds_targets_and_back_to_the_secretariat() {
    let dir = tmp("deep-org-sheets-edition");
    copy_edition(&root().join(DEEP), &dir);
    let out = tmp("deep-org-sheets");
    let run = planpress(&["sheets", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut files: Vec<String> = (std::fs::read_dir(&out).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected = [
        "区民課.xlsx",
        "区民課 戸籍担当.xlsx",
        "区民課 住民記録担当.xlsx",
        "保険年金課 国民健康保険係.xlsx",
        "保険年金課 国民年金係.xlsx",
        "会計室.xlsx",
        "地域みらい部.xlsx",
        "地域振興課.xlsx",
        "高齢・障害課 高齢者支援担当.xlsx",
    ];
    expected.sort();
    assert_eq!(files, expected);
    // The instructions name the unit and the declared 事務局, with the contact.
    let info = |path: std::path::PathBuf| -> String {
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
        let range = calamine::Reader::worksheet_range(&mut wb, "説明").unwrap();
        range
            .rows()
            .flatten()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let koseki = info(out.join("区民課 戸籍担当.xlsx"));
    assert!(
        koseki.contains("区民サービス部 区民課 戸籍担当"),
        "{koseki}"
    );
    assert!(koseki.contains("kumin-koseki"), "{koseki}");
    assert!(
        koseki.contains("このファイルを事務局（あさぎり区役所 企画調整課）に返送してください"),
        "{koseki}"
    );
    assert!(koseki.contains("電話 099-555-0123、メール asagiri-kikaku@example.jp"));
    assert!(!koseki.contains("総務課"), "{koseki}");
    // Without a declared 事務局, the wording stays as it was.
    let shipped_out = tmp("deep-org-sheets-shipped");
    assert!(
        planpress(&["sheets", EDITION, "-o", shipped_out.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        info(shipped_out.join("区民課.xlsx")).contains("このファイルを総務課に返送してください")
    );
    // A unit's returned workbook changes that unit's targets, named as the unit's.
    let xlsx = tmp("deep-org-koseki.xlsx");
    returned_workbook(&xlsx, "kumin-koseki", |ws| {
        target_row(
            ws,
            1,
            "窓口",
            "戸籍の届出を受けるときは、記入例を示しながら一緒に確認します。",
        );
        target_row(ws, 2, "窓口", "戸籍の届出の受付時間を窓口に掲示します。");
    });
    let (d, x) = (dir.to_str().unwrap(), xlsx.to_str().unwrap());
    let shown = String::from_utf8_lossy(&planpress(&["import", d, x]).stdout).into_owned();
    assert!(shown.contains("[変更] 区民課 戸籍担当 目標2"), "{shown}");
    assert!(planpress(&["import", d, x, "--apply"]).status.success());
    let content = planpress::content::load(&dir).unwrap();
    let (_, koseki) = content
        .departments()
        .find(|(_, d)| d.id == "kumin-koseki")
        .unwrap();
    assert_eq!(
        koseki.targets[1].text,
        "戸籍の届出の受付時間を窓口に掲示します。"
    );
    // The 課's own targets are untouched.
    let (_, kumin) = content
        .departments()
        .find(|(_, d)| d.id == "kumin")
        .unwrap();
    assert!(kumin.targets[0].text.starts_with("課内の窓口の待ち時間"));
}

#[test]
fn diff_and_the_draft_name_units_prefixed_standards_and_the_contact() {
    let run = planpress(&["diff", DEEP, NEXT]);
    let shown = String::from_utf8_lossy(&run.stdout);
    in_order(
        &normalize(&shown),
        &[
            "[変更]基準独自2",
            "[変更]区民課戸籍担当目標2",
            "[変更]問合せ先",
            "旧:あさぎり区役所企画調整課企画係／電話:099-555-0123",
            "新:あさぎり区役所企画調整課広報係／電話:099-555-0456",
        ],
    );
    // With the cover and the policy's date, of another year.
    assert!(shown.starts_with("5 件の変更があります"), "{shown}");
    let config = Config::new(root().join(NEXT))
        .draft(true, Some("2026-05-01"))
        .unwrap();
    let built = planpress::build(&config).unwrap_or_else(|e| panic!("{e}"));
    let pages = page_texts(&built);
    let changes = (pages.iter().map(|p| normalize(p)))
        .find(|p| p.contains("新旧対照表"))
        .unwrap();
    in_order(&changes, &["基準独自2", "区民課戸籍担当目標2", "問合せ先"]);
    // The results annex, from deep-org's targets, names each unit's.
    let text = normalize(&pages.concat());
    in_order(
        &text,
        &[
            "区民課戸籍担当2戸籍の証明書の郵送請求",
            "保険年金課国民年金係1",
        ],
    );
}

#[test]
fn the_web_edition_shows_units_prefixes_and_the_contact() {
    let html = crate::web::web(&root().join(DEEP));
    for part in [
        "<a href=\"#dept-kumin-koseki\">",
        "id=\"dept-kumin-koseki\"",
        ">独自1</th>",
        "<p>事務局　あさぎり区役所 企画調整課</p>",
        "<address>問合せ先　あさぎり区役所 企画調整課 企画係",
        "<a href=\"tel:099-555-0123\">099-555-0123</a>",
        "<a href=\"mailto:asagiri-kikaku@example.jp\">",
        "所在地　〒999-0001",
    ] {
        assert!(html.contains(part), "{part}");
    }
    // The index nests the 担当 under its 課.
    let kumin = html.find("<a href=\"#dept-kumin\">").unwrap();
    let nested = html[kumin..]
        .find("<ul><li><a href=\"#dept-kumin-koseki\">")
        .unwrap();
    assert!(nested < html[kumin..].find("</li>").unwrap());
}

#[test]
fn next_year_keeps_units_secretariat_and_numbering() {
    let out = tmp("deep-org-new");
    let run = planpress(&["new", DEEP, out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let old = planpress::content::load(&root().join(DEEP)).unwrap();
    let new = planpress::content::load(&out).unwrap();
    assert_eq!(new.edition.secretariat, old.edition.secretariat);
    assert_eq!(
        new.edition.contact.as_ref().map(|c| &c.email),
        old.edition.contact.as_ref().map(|c| &c.email)
    );
    let ids = |c: &planpress::Content| c.departments().map(|(_, d)| d.id).collect::<Vec<_>>();
    assert_eq!(ids(&new), ids(&old));
    let labels = |c: &planpress::Content| {
        (planpress::diff::items(c).into_iter())
            .map(|x| x.id.label())
            .filter(|l| l.starts_with("基準"))
            .collect::<Vec<_>>()
    };
    assert!(labels(&new).contains(&"基準 独自3".to_string()));
    assert_eq!(labels(&new), labels(&old));
}
