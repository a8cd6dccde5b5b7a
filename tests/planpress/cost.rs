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
    let start = std::time::Instant::now();
    let (code, out) = planpress_within(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("入れ子が深すぎます"), "{out}");
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
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
    let start = std::time::Instant::now();
    let (code, out) = planpress_within(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("内容ファイルに 100,000 件の問題があります"),
        "{out}"
    );
    assert_eq!(out.matches("error: 4-targets.json").count(), 100);
    assert!(out.contains("ほかに 99,900 件の誤りがあります。"), "{out}");
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
