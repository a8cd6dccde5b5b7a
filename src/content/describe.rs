//! A JSON pointer in plain words for a clerk: `/divisions/2/departments/0/targets/1/text`
//! becomes 「区民課 目標2 の本文」.

use serde_json::Value;

use crate::item::ItemId;

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
        "statuses" => "状況の言葉",
        "subject" => "件名",
        "heading" => "見出し",
        "as_of" => "現在の日付",
        "columns" => "列の見出し",
        "notes" => "備考",
        "subitem_style" => "細目の記号",
        "role" => "区分",
        "post" => "職名",
        "result" => "実施結果",
        "target" => "目標",
        "department" => "部署名",
        "file" => "ファイル名",
        "kind" => "種類",
        "previous" => "前年度の版",
        "secretariat" => "事務局",
        "targets" => "目標",
        "units" => "担当・係",
        "contact" => "問合せ先",
        "section" => "担当課",
        "phone" => "電話番号",
        "fax" => "FAX番号",
        "email" => "メールアドレス",
        "address" => "所在地",
        "prefix" => "番号の頭の文字",
        "numbering" => "番号の付け方",
        "scenes" => "場面の一覧",
        "common" => "市の共通の内容",
        "folder" => "フォルダ",
        "comparison" => "新旧対照表の形",
        "form" => "形",
        "remarks" => "備考の列",
        "mark" => "改正部分の印",
        "new_side" => "改正後の列",
        "principles" => "基本理念の項目",
        "standard_tables" => "基準の表",
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
    // The department the pointer is inside, for its targets' labels.
    let mut dept = Value::Null;
    // The standards table it is inside, for its prefix.
    let mut prefix = String::new();
    let mut i = 0;
    while i < segments.len() {
        let key = segments[i].as_str();
        let next = segments.get(i + 1).and_then(|s| s.parse::<usize>().ok());
        let child = cur.get(key);
        if let (Some(n), Some(arr)) = (next, child.and_then(Value::as_array)) {
            let item = arr.get(n).unwrap_or(&Value::Null);
            if key == "rows" && item.is_array() {
                // A row of a table, and maybe one of its cells, as the clerk
                // sees them: by the row's first cell and the column's heading.
                let cell = segments.get(i + 2).and_then(|s| s.parse::<usize>().ok());
                // The table's own word (別表 title, 区分) is said by the row's.
                let title = cur.get("title").and_then(Value::as_str);
                if words
                    .last()
                    .is_some_and(|w| w.starts_with("区分「") || title.is_some_and(|t| w == t))
                {
                    words.pop();
                }
                let said = row_words(root, cur, item, n, cell);
                words.push(if words.is_empty() {
                    said
                } else {
                    format!("の{said}")
                });
                cur = item;
                i += if cell.is_some() { 3 } else { 2 };
                continue;
            }
            match key {
                "departments" => dept = item.clone(),
                "divisions" => {
                    let s = |f: &str| item.get(f).cloned().unwrap_or(Value::Null);
                    dept = serde_json::json!({"id": s("id"), "short_name": s("name")});
                }
                "units" => {
                    let s = |v: &Value, f: &str| {
                        v.get(f).and_then(Value::as_str).unwrap_or("").to_string()
                    };
                    let name = format!("{} {}", s(&dept, "short_name"), s(item, "name"));
                    dept = serde_json::json!({"id": s(item, "id"), "short_name": name});
                }
                "standard_tables"
                    if item.get("numbering").and_then(Value::as_str) == Some("per-table") =>
                {
                    prefix = item
                        .get("prefix")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string();
                }
                "standard_tables" => prefix.clear(),
                _ => {}
            }
            let in_targets = root.get("divisions").is_some();
            element_words(&mut words, key, item, n, (&dept, &prefix), in_targets);
            cur = item;
            i += 2;
            continue;
        }
        match key {
            // A simple table in a paragraph: named with its rows (`row_words`).
            "table" if cur.get(key).is_some_and(|t| t.get("rows").is_some()) => {
                let caption = child.and_then(|t| t.get("caption")).and_then(Value::as_str);
                let next_is_rows = segments.get(i + 1).is_some_and(|s| s == "rows");
                if !next_is_rows {
                    words.push(format!("の表「{}」", caption.unwrap_or_default()));
                }
            }
            "policy" => words.push("向上方針".into()),
            "common_standards" => words.push(COMMON_STANDARDS.into()),
            "common_principles" => words.push(COMMON_PRINCIPLES.into()),
            "common_policy" => words.push(COMMON_POLICY.into()),
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

/// The places that ask for the city's common items; an override in them is
/// named by the common item it rewords.
const COMMON_STANDARDS: &str = "市の共通基準";
const COMMON_PRINCIPLES: &str = "市の共通の基本理念";
const COMMON_POLICY: &str = "市の共通の方針";

/// The longest first cell that names its row; a longer one is named by number.
const ROW_NAME: usize = 20;

/// 「表「窓口一覧」の「戸籍」の行・「受付時間」の欄」: the table by its caption or
/// title, the row by its first cell (or its number from 1), the cell by its
/// column's heading (or its number from 1).
fn row_words(root: &Value, table: &Value, row: &Value, n: usize, cell: Option<usize>) -> String {
    fn text(v: Option<&Value>) -> &str {
        v.and_then(Value::as_str).map(str::trim).unwrap_or("")
    }
    let name = text(table.get("caption").or_else(|| table.get("title")));
    // A roster's 区分 groups take their headings from the roster: the first
    // column is the 区分, each row's cells are the columns after it.
    let (columns, shift, group) = match table.get("columns").and_then(Value::as_array) {
        Some(c) => (c.clone(), 0, None),
        None => {
            let c = root.get("columns").and_then(Value::as_array);
            (c.cloned().unwrap_or_default(), 1, table.get("label"))
        }
    };
    let mut out = match (name.is_empty(), group) {
        (_, Some(g)) => format!("区分「{}」の", text(Some(g))),
        (false, None) => format!("表「{name}」の"),
        (true, None) => "表の".to_string(),
    };
    let first = text(row.get(0));
    if !first.is_empty() && first.chars().count() <= ROW_NAME && cell != Some(0) {
        out.push_str(&format!("「{first}」の行"));
    } else {
        out.push_str(&format!("{}行目", n + 1));
    }
    if let Some(m) = cell {
        match text(columns.get(m + shift)) {
            "" => out.push_str(&format!("・{}列目", m + 1)),
            heading => out.push_str(&format!("・「{heading}」の欄")),
        }
    }
    out
}

/// The words for element `n` of the array `key`: an item's own label where it has
/// an identity (ItemId), else its place (「3番目の段落」).
fn element_words(
    words: &mut Vec<String>,
    key: &str,
    item: &Value,
    n: usize,
    (dept, prefix): (&Value, &str),
    in_targets: bool,
) {
    let num = |f: &str| {
        item.get(f)
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(n as u32 + 1)
    };
    let s = |v: &Value, f: &str| v.get(f).and_then(Value::as_str).unwrap_or("").to_string();
    let mut replace = |label: String| {
        words.clear();
        words.push(label);
    };
    match key {
        "divisions" => {
            if let Some(name) = item.get("name").and_then(Value::as_str) {
                replace(name.to_string());
            }
        }
        "departments" => replace(match s(item, "short_name") {
            name if name.is_empty() && !s(item, "id").is_empty() => {
                format!("id「{}」の部署", s(item, "id"))
            }
            name if name.is_empty() => format!("{}番目の部署", n + 1),
            name => name,
        }),
        "units" => replace(s(dept, "short_name")),
        "targets" => {
            replace(ItemId::target(&s(dept, "id"), &s(dept, "short_name"), num("number")).label())
        }
        "standards" => replace(ItemId::standard(prefix, num("number")).label()),
        "principles" => words.push(ItemId::Principle(num("number")).label()),
        "working_teams" => words.push(ItemId::Team(num("term")).label()),
        "items" if words.last().is_some_and(|w| w == "向上方針") => {
            words.pop();
            let id = if in_targets {
                ItemId::TargetPolicy
            } else {
                ItemId::Policy
            };
            words.push(id(num("number")).label());
        }
        "items" if words.last().is_some_and(|w| w.ends_with('項')) => {
            words.push(format!("第{}号", num("number")))
        }
        "items" => words.push(format!("{}", num("number"))),
        // common.json's policy items (a ward's policy is an object).
        "policy" => words.push(ItemId::Policy(num("number")).label()),
        "overrides" => {
            let readable = (item.get("number").and_then(Value::as_u64))
                .is_some_and(|v| u32::try_from(v).is_ok());
            let common = match words.last().map(String::as_str) {
                // Its place would name a common item the clerk did not reword.
                Some(COMMON_STANDARDS | COMMON_PRINCIPLES | COMMON_POLICY) if !readable => {
                    return words.push(format!("の{}番目の言い換え", n + 1));
                }
                Some(COMMON_STANDARDS) => Some(format!(
                    "共通{}",
                    ItemId::standard("", num("number")).label()
                )),
                Some(COMMON_PRINCIPLES) => Some(format!(
                    "共通の{}",
                    ItemId::Principle(num("number")).label()
                )),
                Some(COMMON_POLICY) => {
                    Some(format!("共通の{}", ItemId::Policy(num("number")).label()))
                }
                _ => None,
            };
            match common {
                Some(label) => {
                    words.pop();
                    words.push(format!("{label} の言い換え"));
                }
                None => words.push(format!("の{}番目の区で決める項目", n + 1)),
            }
        }
        "clauses" => words.push(format!("第{}項", num("number"))),
        "subitems" => words.push(format!("の細目{}", num("number"))),
        "record" => words.push(format!("記の{}", num("number"))),
        "groups" => words.push(format!("区分「{}」", s(item, "label"))),
        "tables" => words.push(s(item, "title")),
        "supplementary_provisions" => words.push(format!("{}番目の附則", n + 1)),
        "standard_tables" => words.push(format!("【{}】", s(item, "title"))),
        "sections" => words.push(format!("{} {}", num("number"), s(item, "title"))),
        "subsections" => words.push(format!("({}) {}", num("number"), s(item, "title"))),
        "articles" => words.push(format!("第{}条", num("number"))),
        "stages" => words.push(s(item, "name")),
        _ => {
            let what = match key {
                "achievements" => "実績",
                "members" => "委員",
                "rows" => "行",
                "title_lines" => "表紙の題の行",
                "scenes" => "場面の一覧の項目",
                "statuses" => "状況の言葉",
                "to" => "宛先の行",
                "from" => "発信者の行",
                "notes" => "備考",
                "columns" => "列の見出し",
                "chapters" => "章の一覧の項目",
                "annex" => "資料の一覧の項目",
                "supplementary" => "附則の段落",
                "paragraphs" | "intro" => "段落",
                other => return words.push(format!("{other}[{}]", n + 1)),
            };
            words.push(format!("{}番目の{what}", n + 1));
        }
    }
}

#[cfg(test)]
mod tests;
