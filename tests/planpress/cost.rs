//! Small files that would cost much: deep nesting, long nested keys, a flood of
//! problems. Each is told in seconds, with its file and line.

use crate::doc::*;
use crate::reading::planpress_within;

#[test]
fn deep_nesting_is_a_message_not_a_crash() {
    let dir = scratch_edition("cost/deep");
    let n = 20_000;
    let text = format!("{}{}", "[".repeat(n), "]".repeat(n));
    std::fs::write(dir.join("1-principles.json"), text).unwrap();
    let (code, out) = planpress_within(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("1-principles.json: 括弧「{」「[」の入れ子が深すぎます（128 段まで）"),
        "{out}"
    );
    assert!(out.contains("1-principles.json:1:"), "{out}");
}

#[test]
fn long_nested_keys_take_linear_time() {
    // 2 MB: 1,414 levels of 1,414-letter keys took 37 s and 1.4 GB.
    let dir = scratch_edition("cost/keys");
    let (depth, key) = (1414, "k".repeat(1414));
    let text = format!(
        "{}1{}",
        format!("{{\"{key}\":").repeat(depth),
        "}".repeat(depth)
    );
    std::fs::write(dir.join("1-principles.json"), text).unwrap();
    let (code, out) = planpress_within(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("入れ子が深すぎます"), "{out}");
}

#[test]
fn a_flood_of_problems_shows_the_first_hundred_and_a_count() {
    let dir = scratch_edition("cost/many");
    edit_json(&dir, "4-targets.json", |v| {
        let dep = &mut v["divisions"][0]["departments"][0];
        let scene = dep["targets"][0]["scene"].clone();
        let one = serde_json::json!({"number": 1, "scene": scene, "text": "あ"});
        dep["targets"] = vec![one; 100_001].into();
    });
    let (code, out) = planpress_within(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    // 100,000 numbers out of sequence, and three limits passed (issue 23): the
    // targets of one 課, the edition's characters and its values.
    assert!(
        out.contains("内容ファイルに 100,003 件の問題があります"),
        "{out}"
    );
    assert_eq!(out.matches("エラー: ").count(), 100);
    assert!(
        out.contains("目標が 100,001 個あります。30 個まで"),
        "{out}"
    );
    assert!(out.contains("ほかに 99,903 件の誤りがあります。"), "{out}");
}

#[test]
fn a_file_on_one_line_shows_places_not_the_line() {
    // Saved without line breaks (as many tools write JSON), the whole file is one
    // line: shown under each of a hundred problems it was 500 MB of output, and
    // each problem's column counted the line up to it (26 s).
    let dir = scratch_edition("cost/one-line");
    let path = dir.join("4-targets.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let dep = &mut v["divisions"][0]["departments"][0];
    let scene = dep["targets"][0]["scene"].clone();
    let one = serde_json::json!({"number": 7, "scene": scene, "text": "あ"});
    dep["targets"] = vec![one; 100_000].into();
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let (code, out) = planpress_within(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.len() < 1_000_000, "{} bytes of output", out.len());
    // The edition-wide limits (issue 23) come first, then 4-targets.json's.
    assert_eq!(out.matches("エラー: ").count(), 100);
    assert_eq!(out.matches("エラー: 4-targets.json").count(), 98);
    assert!(out.contains("4-targets.json:1:"), "{}", &out[..2000]);
}
