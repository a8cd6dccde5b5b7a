//! `planpress lint`: variant spellings and the 公用文 rules, as a clerk reads
//! them (text) and as tools read them (JSON), placed by file, line, item and
//! character; checked against the files themselves.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::doc::*;

pub const FIXTURE: &str = "tests/fixtures/lint-variants";

pub fn lint(args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["lint"];
    all.extend(args);
    let run = planpress_within(60, &all);
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stdout).into_owned(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

pub fn lint_json(dir: &str) -> Value {
    let (code, out, err) = lint(&[dir, "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The value at a JSON pointer of an edition's file.
fn text_at(dir: &Path, file: &str, pointer: &str) -> String {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
    match v.pointer(pointer).unwrap() {
        Value::String(s) => s.clone(),
        // Text with references in it: its strings joined.
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        other => panic!("{other}"),
    }
}

/// A place is where it says: the text at its pointer has `found` at its
/// character, and its line of the file holds that text's start.
fn assert_placed(dir: &Path, place: &Value, found: &str) {
    let s = |k: &str| place[k].as_str().unwrap().to_string();
    let text = text_at(dir, &s("file"), &s("pointer"));
    let offset = place["offset"].as_u64().unwrap() as usize;
    let there: String = text
        .chars()
        .skip(offset - 1)
        .take(found.chars().count())
        .collect();
    assert_eq!(there, found, "{place}");
    let source = std::fs::read_to_string(dir.join(s("file"))).unwrap();
    let line = source
        .lines()
        .nth(place["line"].as_u64().unwrap() as usize - 1)
        .unwrap();
    let head: String = text.chars().take(5).collect();
    assert!(line.contains(&head), "{line} / {place}");
}

/// The spellings of each variant group.
fn groups(report: &Value) -> BTreeSet<BTreeSet<String>> {
    (report["variants"].as_array().unwrap().iter())
        .map(|g| {
            (g["forms"].as_array().unwrap().iter())
                .map(|f| f["spelling"].as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

fn group<'a>(report: &'a Value, spelling: &str) -> &'a Value {
    (report["variants"].as_array().unwrap().iter())
        .find(|g| {
            g["forms"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["spelling"] == spelling)
        })
        .unwrap_or_else(|| panic!("no group with {spelling}"))
}

/// Occurrences of `word` in the edition's files.
fn occurrences(dir: &Path, word: &str) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .map(|s| s.matches(word).count())
        .sum()
}

#[test]
fn the_shipped_edition_shows_its_variant_pairs_with_their_places() {
    let dir = root().join(EDITION);
    let report = lint_json(EDITION);
    let minasama = group(&report, "皆様");
    for spelling in ["皆様", "皆さま"] {
        let form = (minasama["forms"].as_array().unwrap().iter())
            .find(|f| f["spelling"] == spelling)
            .unwrap();
        let places = form["places"].as_array().unwrap();
        assert_eq!(places.len(), occurrences(&dir, spelling), "{spelling}");
        for p in places {
            assert_placed(&dir, p, spelling);
        }
    }
    let wakaru = group(&report, "分かる");
    for form in wakaru["forms"].as_array().unwrap() {
        let written: Vec<&str> = (form["places"].as_array().unwrap().iter())
            .map(|p| p["written"].as_str().unwrap())
            .collect();
        let spelling = form["spelling"].as_str().unwrap();
        let easy = format!("{}りやす", spelling.strip_suffix('る').unwrap());
        assert_eq!(
            written.iter().filter(|w| w.starts_with(&easy)).count(),
            occurrences(&dir, &easy),
            "{easy}: {written:?}"
        );
        for p in form["places"].as_array().unwrap() {
            assert_placed(&dir, p, p["written"].as_str().unwrap());
        }
    }
    assert!(
        written_forms(&report).contains("わかりやすい")
            && written_forms(&report).contains("分かりやすい")
    );
    // 取組 (the noun) and 取り組みます (the verb) are two words.
    assert!(occurrences(&dir, "取組") > 0 && occurrences(&dir, "取り組み") > 0);
    assert!(
        !groups(&report)
            .iter()
            .any(|g| g.contains("取組") || g.contains("取り組む"))
    );

    let (code, text, _) = lint(&[EDITION]);
    assert_eq!(code, Some(0), "findings are reported, not failures");
    // 「OJTの他、」 is 〜のほか, in kana; 「関連する他の部署」 means "other", in kanji.
    assert!(
        text.contains("「他」は、公用文では仮名で「ほか」"),
        "{text}"
    );
    assert!(occurrences(&dir, "関連する他の部署") == 1);
    assert_eq!(text.matches("[仮名で書く語] 「他」").count(), 1, "{text}");
    assert!(text.contains("皆様 15か所 ／ 皆さま 1か所"), "{text}");
    let place = &minasama["forms"][1]["places"][0];
    assert!(
        text.contains(&format!(
            "{} {}行（{}）{}文字目: 「皆さま」",
            place["file"].as_str().unwrap(),
            place["line"],
            place["item"].as_str().unwrap(),
            place["offset"]
        )),
        "{text}"
    );
}

fn written_forms(report: &Value) -> BTreeSet<String> {
    (report["variants"].as_array().unwrap().iter())
        .flat_map(|g| g["forms"].as_array().unwrap().iter())
        .flat_map(|f| f["places"].as_array().unwrap().iter())
        .map(|p| p["written"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_planted_variant_and_rule_is_found_in_its_place() {
    let dir = root().join(FIXTURE);
    let report = lint_json(FIXTURE);
    let expected: BTreeSet<BTreeSet<String>> = [
        ["皆様", "皆さま"],
        ["分かる", "わかる"],
        ["問い合わせ", "問合せ"],
        ["御", "ご"],
        ["子ども", "子供"],
        ["すべて", "全て"],
    ]
    .iter()
    .map(|g| g.iter().map(|s| s.to_string()).collect())
    .collect();
    assert_eq!(groups(&report), expected);
    // Words of another part of speech are not variants: 取組 (noun) and
    // 取り組みます (verb), 声掛けします (a noun made of the verb) and かける.
    // Nor are words that merely share a reading: まち (まちづくり, まちの魅力)
    // and 待ち, the noun of 待つ; names in hiragana the analyser reads as verbs
    // (ひびき会館, なごみ会) and 響く, 和む.
    for word in [
        "取組",
        "取り組みます",
        "声掛け",
        "かける",
        "まちづくり",
        "まちの魅力",
        "待ちが",
        "ひびき会館",
        "響く",
        "なごみ会",
        "和む",
    ] {
        assert!(occurrences(&dir, word) > 0, "{word} is in the fixture");
    }
    for g in report["variants"].as_array().unwrap() {
        for f in g["forms"].as_array().unwrap() {
            for p in f["places"].as_array().unwrap() {
                assert_placed(&dir, p, p["written"].as_str().unwrap());
            }
        }
    }
    let planted = group(&report, "皆さま")["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["spelling"] == "皆さま")
        .unwrap()["places"][0]
        .clone();
    assert_eq!(planted["file"], "4-targets.json");
    assert_eq!(planted["item"], "区民窓口担当 目標1 の本文");

    // (rule, file, item, found, what the message tells to do)
    let rules = [
        (
            "numbering",
            "2-approach.json",
            "(3) サービス向上目標 3番目の段落",
            "ア　",
            "「(1)」の形に",
        ),
        (
            "kana",
            "2-approach.json",
            "(3) サービス向上目標 3番目の段落",
            "出来る",
            "仮名で「できる」",
        ),
        (
            "width",
            "2-approach.json",
            "(3) サービス向上目標 4番目の段落",
            "１０",
            "半角の「10」",
        ),
        (
            "comma",
            "2-approach.json",
            "(3) サービス向上目標 4番目の段落",
            "，",
            "「、」にそろえて",
        ),
        (
            "kana",
            "2-approach.json",
            "(3) サービス向上目標 5番目の段落",
            "下さい",
            "仮名で「ください」",
        ),
        (
            "style",
            "2-approach.json",
            "PDCAサイクル 2番目の段落",
            "…信頼に応えるためのものである。",
            "です・ます体にそろえて",
        ),
        (
            "brackets",
            "3-initiatives.json",
            "向上方針 2番目の段落",
            "（",
            "「）」で閉じて",
        ),
        (
            "brackets",
            "3-initiatives.json",
            "向上方針 3番目の段落",
            "）",
            "開き括弧がありません",
        ),
        (
            "brackets",
            "3-initiatives.json",
            "向上方針 4番目の段落",
            "「",
            "「」」で閉じて",
        ),
        (
            "brackets",
            "3-initiatives.json",
            "向上方針 4番目の段落",
            "」",
            "開き括弧がありません",
        ),
        (
            "half-width-kana",
            "4-targets.json",
            "区民窓口担当 目標4 の本文",
            "ｺﾝﾋﾞﾆ",
            "全角の「コンビニ」に",
        ),
    ];
    let findings: Vec<&Value> = (report["findings"].as_array().unwrap().iter())
        .filter(|f| f["note"] == false)
        .collect();
    assert_eq!(findings.len(), rules.len(), "{findings:#?}");
    for (f, (rule, file, item, found, todo)) in findings.iter().zip(rules) {
        let place = &f["place"];
        assert_eq!(
            (f["rule"].as_str(), place["file"].as_str()),
            (Some(rule), Some(file))
        );
        assert!(place["item"].as_str().unwrap().ends_with(item), "{f}");
        assert_eq!(f["found"], found);
        assert!(f["message"].as_str().unwrap().contains(todo), "{f}");
        if !found.starts_with('…') {
            assert_placed(&dir, place, found);
        }
    }
    let long = (report["findings"].as_array().unwrap().iter())
        .find(|f| {
            f["note"] == true
                && f["place"]["item"]
                    .as_str()
                    .unwrap()
                    .contains("これまでの取組経過 2番目")
        })
        .expect("the long sentence is noted");
    assert!(
        long["message"].as_str().unwrap().contains("一文が 118 字"),
        "{long}"
    );

    // Nothing is read inside the URL, the path and the address of 区民窓口担当
    // 目標3: its digits are not counted, its sentence is 36 characters of prose.
    let planted = text_at(
        &dir,
        "4-targets.json",
        "/divisions/0/departments/0/targets/2/text",
    );
    assert!(
        planted.contains("https://") && planted.contains(r"\\fileserver\") && planted.contains('@')
    );
    for f in report["findings"].as_array().unwrap() {
        assert_ne!(f["place"]["item"], "区民窓口担当 目標3 の本文", "{f}");
    }
    let width = (report["findings"].as_array().unwrap().iter())
        .find(|f| f["rule"] == "width")
        .unwrap();
    assert!(
        width["message"]
            .as_str()
            .unwrap()
            .contains("（半角 28字、全角 2字）"),
        "{width}"
    );
    // In 解説・広報等 (the default) a conjunction in kana is a note.
    let oyobi = (report["findings"].as_array().unwrap().iter())
        .find(|f| f["rule"] == "kanji")
        .unwrap();
    assert_eq!(
        (oyobi["found"].as_str(), oyobi["note"].as_bool()),
        (Some("および"), Some(true))
    );
    assert_eq!(oyobi["place"]["offset"], 3);
    assert!(
        oyobi["message"]
            .as_str()
            .unwrap()
            .contains("解説・広報等では仮名で書いてもかまいません"),
        "{oyobi}"
    );
    assert_eq!(report["document_type"], "解説・広報等");
    // The half-width katakana, at the first character of its target.
    let kana = (report["findings"].as_array().unwrap().iter())
        .find(|f| f["rule"] == "half-width-kana")
        .unwrap();
    assert_eq!(kana["place"]["offset"], 1);

    // The clerk's text: each finding with its place and what to do.
    let (code, text, _) = lint(&[FIXTURE]);
    assert_eq!(code, Some(0));
    assert!(
        text.contains("「下さい」は、公用文では仮名で「ください」と書きます（補助動詞）"),
        "{text}"
    );
    assert!(text.contains("[括弧の対応] 「）」"), "{text}");
    let (code, _, err) = lint(&[FIXTURE, "--strict"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains(&format!("表記の問題が {} 件あります", 6 + rules.len())),
        "{err}"
    );
}
