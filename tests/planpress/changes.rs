//! Every field of the richer model, changed between two editions, shows in
//! `planpress diff` and in the draft's 新旧対照表, with a bar beside it.

use planpress::Config;

use crate::doc::*;

const FULL: &str = "tests/fixtures/full-model";

#[test]
fn each_new_field_changed_shows_in_diff_and_the_drafts_comparison() {
    let old = tmp("changes-old");
    let new = tmp("changes-new");
    copy_edition(&root().join(FULL), &old);
    copy_edition(&root().join(FULL), &new);
    edit_json(&new, "edition.json", |v| {
        v["fiscal_year"] = 2026.into();
        v["previous"] = "../changes-old".into();
        v["secretariat"] = "かえで区役所 企画課（架空）".into();
        v["contact"]["phone"] = "099-555-0888".into();
    });
    edit_json(&new, "4-targets.json", |v| {
        let div = v["divisions"].as_array_mut().unwrap().last_mut().unwrap();
        div["targets"][0]["text"] = "部内の各課の取組状況を毎月確認します。".into();
        div["departments"][0]["units"][0]["targets"][0]["text"] =
            "戸籍の届出では、記入例を示して一緒に確認します。".into();
    });
    edit_json(&new, "3-initiatives.json", |v| {
        for s in v["sections"].as_array_mut().unwrap() {
            if let Some(tables) = s.get_mut("standard_tables").and_then(|t| t.as_array_mut()) {
                tables.last_mut().unwrap()["standards"][1]["text"] =
                    "電話では用件を復唱し、担当へ確実におつなぎします。".into();
            }
        }
    });
    edit_json(&new, "2-approach.json", |v| {
        let ps = &mut v["sections"][1]["paragraphs"];
        ps[1][1]["page_of"] = "file:annex-2-roster.json".into();
        ps[2]["list"][1] = "電話応対の向上（架空・改訂）".into();
        ps[4]["table"]["rows"][0][1] = "方針の策定と公表".into();
    });
    edit_json(&new, "5-outlook.json", |v| {
        v["sections"][0]["paragraphs"][0] = "オンライン手続の拡充を急ぎます。".into();
    });
    let labels = [
        "表紙",
        "事務局",
        "問合せ先",
        "節 2 今年度の取組方法",
        "基準 独自2",
        "今後の方向性 1",
        "かえで区地域みらい部（架空） 目標1",
        "区民課 戸籍担当 目標1",
    ];
    let changes = planpress::diff::diff(
        &planpress::content::load(&old).unwrap(),
        &planpress::content::load(&new).unwrap_or_else(|e| panic!("{e}")),
    );
    let got: Vec<String> = changes.iter().map(|c| c.id.label()).collect();
    let mut sorted = got.clone();
    sorted.sort();
    let mut want: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(sorted, want, "{got:?}");
    // The section's one change holds the list item, the table cell and the
    // reference, named as the web edition names it (the PDF's page number is
    // the edition's layout's), never as its markup.
    let section = changes
        .iter()
        .find(|c| c.id.label().starts_with("節 2"))
        .unwrap();
    let text = section.new_text().unwrap();
    assert!(
        text.contains("改訂")
            && text.contains("方針の策定と公表")
            && text.contains("目標（かえで区役所サービス向上委員会委員名簿参照）")
            && text.contains("資料編（かえで区役所サービス向上委員会設置要綱参照）"),
        "{text}"
    );
    let old_text = section.old_text().unwrap();
    assert!(old_text.contains("目標（区民窓口担当参照）"), "{old_text}");
    for t in [text, old_text] {
        for markup in ["dept:", "file:", "section:", "（（"] {
            assert!(!t.contains(markup), "{markup} in {t}");
        }
    }
    // The draft lists every one, and bars the pages where they stand.
    let config = Config::new(&new).draft(true, Some("2026-11-26")).unwrap();
    let built = planpress::build(&config).unwrap_or_else(|e| panic!("{e}"));
    let texts = page_texts(&built);
    let list = texts
        .iter()
        .position(|t| normalize(t).contains("新旧対照表"))
        .unwrap();
    let list = normalize(&texts[list..].concat());
    for markup in ["dept:", "file:", "section:", "（（"] {
        assert!(!list.contains(markup), "{markup} in the draft's table");
    }
    for l in labels {
        assert!(list.contains(&normalize(l)), "{l} not in the change list");
    }
    let bars = crate::editions::pages_with_change_bars(&built);
    let page_of = |needle: &str| {
        texts
            .iter()
            .position(|t| normalize(t).contains(&normalize(needle)))
            .unwrap()
    };
    for needle in [
        "電話応対の向上（架空・改訂）",
        "オンライン手続の拡充を急ぎます。",
        "戸籍の届出では、記入例を示して",
    ] {
        assert!(
            bars.contains(&page_of(needle)),
            "no bar beside 「{needle}」"
        );
    }
}
