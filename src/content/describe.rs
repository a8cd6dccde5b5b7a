//! A JSON pointer in plain words for a clerk: `/divisions/2/departments/0/targets/1/text`
//! becomes 「区民課 目標2 の本文」.

use serde_json::Value;

fn field_word(key: &str) -> Option<&'static str> {
    Some(match key {
        "text" => "本文",
        "title" => "見出し",
        "scene" => "場面",
        "number" => "番号",
        "note" => "注記",
        "owner" => "所管",
        "short_name" => "索引の名前",
        "full_name" => "表の名前",
        "name" => "名前",
        "id" => "id",
        "gap" => "未収録の説明",
        "motto" => "標語",
        "pledge" => "めざす姿の文",
        "lead" => "前書き",
        "caption" => "見出し",
        "detail" => "補足",
        "term" => "期",
        "city" => "市の名前",
        "ward" => "区の名前",
        "office" => "区役所の名前",
        "fiscal_year" => "年度",
        "published" => "発行月",
        "publisher" => "発行者",
        "date" => "日付",
        "signer_title" => "署名者の職名",
        "signer_name" => "署名者の氏名",
        "subtitle" => "副題",
        "center" => "図の中央の文字",
        "label" => "名前",
        "role" => "区分",
        "post" => "職名",
        "result" => "実施結果",
        "target" => "目標",
        "department" => "部署名",
        "file" => "ファイル名",
        "kind" => "種類",
        _ => return None,
    })
}

/// Describe the item at `pointer` in the document `root`.
pub fn describe(root: &Value, pointer: &str) -> String {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let mut words: Vec<String> = Vec::new();
    let mut cur = root;
    let mut i = 0;
    while i < segments.len() {
        let key = segments[i].as_str();
        let next = segments.get(i + 1).and_then(|s| s.parse::<usize>().ok());
        let child = cur.get(key);
        if let (Some(n), Some(arr)) = (next, child.and_then(Value::as_array)) {
            let item = arr.get(n);
            let num = |f: &str| {
                item.and_then(|v| v.get(f))
                    .and_then(Value::as_u64)
                    .unwrap_or(n as u64 + 1)
            };
            let s = |f: &str| {
                item.and_then(|v| v.get(f))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            match key {
                "divisions" => {}
                "departments" => {
                    words.clear();
                    words.push(s("short_name"));
                }
                "targets" => words.push(format!("目標{}", num("number"))),
                "standards" => {
                    words.clear();
                    words.push(format!("基準{}", num("number")));
                }
                "standard_tables" => words.push(format!("【{}】", s("title"))),
                "principles" => words.push(format!("基本理念{}", num("number"))),
                "sections" => words.push(format!("{} {}", num("number"), s("title"))),
                "subsections" => words.push(format!("({}) {}", num("number"), s("title"))),
                "items" => words.push(format!("{}", num("number"))),
                "working_teams" => words.push(format!("第{}期ワーキングチーム", num("term"))),
                "articles" => words.push(format!("第{}条", num("number"))),
                "stages" => words.push(s("name")),
                "achievements" | "paragraphs" | "intro" | "supplementary" | "members" | "rows"
                | "title_lines" | "scenes" | "chapters" | "annex" => {
                    let what = match key {
                        "achievements" => "実績",
                        "members" => "委員",
                        "rows" => "行",
                        "title_lines" => "表紙の題の行",
                        "scenes" => "場面の一覧の項目",
                        "chapters" => "章の一覧の項目",
                        "annex" => "資料の一覧の項目",
                        "supplementary" => "附則の段落",
                        _ => "段落",
                    };
                    words.push(format!("{}番目の{what}", n + 1));
                }
                other => words.push(format!("{other}[{}]", n + 1)),
            }
            cur = item.unwrap_or(&Value::Null);
            i += 2;
            continue;
        }
        match key {
            "policy" => words.push("向上方針".into()),
            "pdca" => words.push("PDCAサイクルの図".into()),
            "cover" => words.push("表紙".into()),
            _ => {
                let w = field_word(key)
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("「{key}」"));
                if words.is_empty() {
                    words.push(w);
                } else {
                    words.push(format!("の{w}"));
                }
            }
        }
        cur = child.unwrap_or(&Value::Null);
        i += 1;
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_items_as_a_clerk_would() {
        let v: Value = serde_json::json!({
            "divisions": [{"name": "区民サービス部", "departments": [{"short_name": "区民課", "targets": [{"number": 1}, {"number": 2, "text": "x"}]}]}],
            "sections": [{"number": 3, "title": "区役所サービス基準の遵守とレベルアップ", "standard_tables": [{"title": "区役所サービス基準", "standards": [{"number": 12}]}]}]
        });
        assert_eq!(
            describe(&v, "/divisions/0/departments/0/targets/1/text"),
            "区民課 目標2 の本文"
        );
        assert_eq!(
            describe(&v, "/sections/0/standard_tables/0/standards/0/note"),
            "基準12 の注記"
        );
        assert_eq!(
            describe(&v, "/sections/0/title"),
            "3 区役所サービス基準の遵守とレベルアップ の見出し"
        );
    }
}
