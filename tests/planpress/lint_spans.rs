//! `planpress lint` reads no rule inside URLs, e-mail addresses and paths.

use std::path::PathBuf;

use serde_json::Value;

use crate::doc::*;
use crate::lint::{FIXTURE, lint_json};

/// The fixture with a paragraph written as the new ward writes: figures in
/// full-width, so full-width is the edition's width, and a URL, a path and an
/// address, half-width as machines need them.
fn full_width_edition(name: &str) -> (PathBuf, String) {
    let dir = tmp(name);
    copy_edition(&root().join(FIXTURE), &dir);
    let file = dir.join("2-approach.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let paragraphs = v
        .pointer_mut("/sections/0/paragraphs")
        .unwrap()
        .as_array_mut()
        .unwrap();
    paragraphs.push(Value::from(
        "令和６年度は、平日８時３０分から１７時１５分まで受け付け、年間約２，５００件の申請があります。待ち時間は平均２０分です。窓口は１階の１２番で、受付番号は１２３４５６７８から始まります。電話は０４４－１２３－４５６７、ファクスは０４４－１２３－４５６８です。申請書は https://www.city.shirakawa.example.lg.jp/r6/form-0401.pdf からダウンロードするか、\\\\fileserver\\共有\\様式\\form-0401.xlsx を使い、kumin@city.shirakawa.example.lg.jp へ送ってください。",
    ));
    let pointer = format!("/sections/0/paragraphs/{}", paragraphs.len() - 1);
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    (dir, pointer)
}

#[test]
fn urls_addresses_paths_and_figures_are_read_by_no_rule() {
    let (dir, pointer) = full_width_edition("lint-literal");
    let report = lint_json(dir.to_str().unwrap());
    let findings = report["findings"].as_array().unwrap();
    // Nothing in the planted paragraph: its half-width digits are all in the
    // URL, the path and the address, its prose is not one long sentence, and
    // the 「，」 of ２，５００ separates thousands (it is no 読点).
    let inside: Vec<&Value> = (findings.iter())
        .filter(|f| f["place"]["file"] == "2-approach.json" && f["place"]["pointer"] == pointer)
        .collect();
    assert!(inside.is_empty(), "{inside:#?}");
    // The prose's half-width digits are the odd ones, counted without the URL's.
    let three = (findings.iter())
        .find(|f| {
            f["rule"] == "width"
                && f["place"]["item"]
                    .as_str()
                    .unwrap()
                    .ends_with("これまでの取組経過 1番目の段落")
        })
        .expect("令和3年度 is reported");
    assert_eq!(
        (three["found"].as_str(), three["place"]["offset"].as_u64()),
        (Some("3"), Some(34))
    );
    let message = three["message"].as_str().unwrap();
    assert!(
        message.contains("（半角 28字、全角 47字）") && message.contains("全角の「３」"),
        "{message}"
    );
}
