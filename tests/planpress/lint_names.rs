//! `planpress lint` pairs no name written in hiragana (さくらの会, 「ひまわりの家」,
//! 白川ひまわり) with the ordinary word of its reading written in kanji
//! (桜, 向日葵): a name is spelled as its owner spells it. The same word in
//! running text (さくらが咲く) is still a variant of 桜.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::Value;

use crate::doc::*;
use crate::lint::{FIXTURE, lint, lint_json};

/// Names in hiragana, each built another way: a noun + の + a name's head
/// (会), a quoted name (「ひまわりの家」: 家 is no suffix of its reading), a
/// word the analyser does not know (けやき通り), part of a longer proper noun
/// (白川ひまわり, after the place name). And the ordinary words in kanji.
const NAMES: [&str; 2] = [
    "地域では、さくらの会やひまわりの会の皆様と、けやき通りの花壇を手入れしています。「ひまわりの家」の活動も紹介し、見守り団体の白川ひまわりとも連携します。",
    "区役所の前には桜と欅が並び、夏には向日葵が咲きます。",
];

/// The same reading as an ordinary word in running text.
const ORDINARY: &str = "春には、さくらが咲く川沿いを歩く催しを開きます。";

/// The lint-variants fixture with `paragraphs` added to its first section.
fn edition(name: &str, paragraphs: &[&str]) -> PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join(FIXTURE), &dir);
    edit_json(&dir, "2-approach.json", |v| {
        let ps = v
            .pointer_mut("/sections/0/paragraphs")
            .unwrap()
            .as_array_mut()
            .unwrap();
        ps.extend(paragraphs.iter().map(|&p| Value::from(p)));
    });
    dir
}

/// Every spelling of every variant group.
fn spellings(report: &Value) -> BTreeSet<String> {
    (report["variants"].as_array().unwrap().iter())
        .flat_map(|g| g["forms"].as_array().unwrap().iter())
        .map(|f| f["spelling"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_name_in_hiragana_is_no_variant_of_the_word_in_kanji() {
    let dir = edition("lint-names", &NAMES);
    let report = lint_json(dir.to_str().unwrap());
    let found = spellings(&report);
    for word in ["さくら", "桜", "ひまわり", "向日葵", "けやき", "欅"] {
        assert!(
            !found.contains(word),
            "{word} reported: {:#?}",
            report["variants"]
        );
    }
    // The fixture's own variants are still all there.
    for word in ["皆さま", "わかる", "問合せ", "子供", "すべて"] {
        assert!(found.contains(word), "{word} not reported");
    }
}

#[test]
fn the_same_word_in_running_text_is_still_a_variant() {
    let dir = edition("lint-names-ordinary", &[NAMES[0], NAMES[1], ORDINARY]);
    let report = lint_json(dir.to_str().unwrap());
    let group = (report["variants"].as_array().unwrap().iter())
        .find(|g| g["reading"] == "サクラ")
        .unwrap_or_else(|| panic!("さくら／桜 not reported: {:#?}", report["variants"]));
    let forms = group["forms"].as_array().unwrap();
    let form = |s: &str| {
        (forms.iter())
            .find(|f| f["spelling"] == s)
            .unwrap_or_else(|| panic!("no form {s}: {group:#}"))
    };
    // Only the ordinary さくら is counted, not さくらの会's.
    let kana = form("さくら");
    assert_eq!(kana["count"], 1, "{kana:#}");
    let place = &kana["places"][0];
    assert!(
        place["excerpt"].as_str().unwrap().contains("さくらが咲く"),
        "{place:#}"
    );
    assert_eq!(form("桜")["count"], 1);
    // ひまわり is only ever a name here.
    assert!(!spellings(&report).contains("ひまわり"));
    let (code, text, _) = lint(&[dir.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(text.contains("さくら 1か所"), "{text}");
}
