//! serde_json's errors in the words a clerk reads: what is wrong and how to fix it.

use super::describe;
use super::error::ContentError;
use super::position::{line_col, next_boundary, offset_of};
use super::spans::Spans;

/// serde_json's words for an error, without the " at line L column C" it
/// appends (positions are reported separately).
pub fn detail(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    raw.rsplit_once(" at line ")
        .map_or(raw.as_str(), |(m, _)| m)
        .to_string()
}

/// A serde_json error as a clerk reads it.
pub fn json_error(
    file: &str,
    text: &str,
    spans: &Spans,
    value: Option<&serde_json::Value>,
    e: &serde_json::Error,
) -> ContentError {
    use serde_json::error::Category;
    let detail = &detail(e);
    let message = match e.classify() {
        _ if detail.starts_with("recursion limit exceeded") => {
            "括弧「{」「[」の入れ子が深すぎます（128 段まで）。括弧の対応を確かめてください".into()
        }
        _ if detail.starts_with("lone leading surrogate")
            || detail.starts_with("unexpected end of hex escape")
            || detail.starts_with("invalid unicode code point") =>
        {
            "「\\u」で書いた文字コードが正しくありません。\\u の後は 4 桁の 16 進数で、D800～DFFF は二つ一組で書きます。文字をそのまま書くのが確実です".into()
        }
        _ if detail.starts_with("number out of range") => {
            "数が大きすぎて読めません。正しい数を書いてください".into()
        }
        Category::Syntax => format!(
            "JSON の書き方に誤りがあります（{}）。この位置の直前のカンマ「,」、引用符「\"」、括弧を確かめてください",
            syntax_words(detail)
        ),
        Category::Eof => "ファイルが途中で終わっています。閉じ括弧「}」や「]」、引用符「\"」が足りないか、ファイルの後ろが消えています".to_string(),
        Category::Data => data_words(detail),
        Category::Io => format!("ファイルを読めません: {detail}"),
    };
    let offset = offset_of(text, e.line(), e.column());
    let mut err = ContentError::new(file, message);
    err.line = Some(e.line());
    err.column = Some(line_col(text, offset).1);
    err.span = Some(offset..next_boundary(text, offset));
    let at = match e.classify() {
        Category::Data => super::position::value_at(text, offset),
        _ => offset,
    };
    if let (Some(v), Some((pointer, range))) = (value, spans.at(at))
        && !pointer.is_empty()
    {
        err.item = Some(describe::describe(v, &pointer));
        // A value of the wrong kind: underline the whole value.
        if e.classify() == Category::Data
            && !detail.starts_with("missing field")
            && !detail.starts_with("unknown field")
        {
            let (l, c) = line_col(text, range.start);
            err.line = Some(l);
            err.column = Some(c);
            err.span = Some(range);
        }
    }
    err
}

fn syntax_words(detail: &str) -> String {
    match detail {
        d if d.starts_with("expected `,` or `}`") => {
            "「,」か「}」があるはずの所に別の文字があります".into()
        }
        d if d.starts_with("expected `,` or `]`") => {
            "「,」か「]」があるはずの所に別の文字があります".into()
        }
        d if d.starts_with("expected `:`") => "項目名の後に「:」がありません".into(),
        d if d.starts_with("expected value") => "値があるはずの所に別の文字があります".into(),
        d if d.starts_with("trailing comma") => "最後の項目の後に余分な「,」があります".into(),
        d if d.starts_with("key must be a string") => "項目名が「\"」で囲まれていません".into(),
        d if d.starts_with("control character") => {
            "文字列の中に改行やタブなどの制御文字がそのまま入っています（改行は \\n と書きます）"
                .into()
        }
        d if d.starts_with("trailing characters") => {
            "JSON の終わりの後に余分な文字があります".into()
        }
        d if d.starts_with("invalid escape") => {
            "「\\」の後の文字が正しくありません（\\ を書くときは \\\\ と書きます）".into()
        }
        d if d.starts_with("invalid number") => "数の書き方が正しくありません".into(),
        d if d.starts_with("expected ident") => {
            "true、false、null の書き間違いか、文字列の「\"」がありません".into()
        }
        _ => "JSON として読めない書き方です".into(),
    }
}

fn data_words(detail: &str) -> String {
    if let Some(m) = number_words(detail) {
        return m;
    }
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (key, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
        let mut m = format!("項目名「{key}」は使えません。");
        if let Some(near) = nearest(key, &allowed) {
            m.push_str(&format!("「{near}」の書き間違いではありませんか。"));
        }
        if !allowed.is_empty() {
            m.push_str(&format!("ここで使える項目名: {}", allowed.join(", ")));
        }
        return m;
    }
    if let Some(rest) = detail.strip_prefix("duplicate field `") {
        let key = rest.trim_end_matches('`');
        return format!("項目「{key}」が二度書かれています。一つにまとめてください");
    }
    if detail.starts_with("invalid length") {
        return match detail.split_once(", expected ") {
            Some((_, e)) if e.starts_with("struct") => format!(
                "値の種類が違います（配列（[ … ]）が書かれていますが、ここには{}を書きます）",
                type_word(e)
            ),
            _ => "配列の項目の数が違います".into(),
        };
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return format!("必要な項目「{key}」がありません。\"{key}\": … を加えてください");
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "値の種類が違います（{}が書かれていますが、ここには{}を書きます）",
            type_word(found),
            type_word(expected)
        );
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (v, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
        return format!(
            "「{v}」は使えません。次のどれかにしてください: {}",
            allowed.join(", ")
        );
    }
    if detail.contains("untagged enum Paragraph") || detail.contains("untagged enum Inline") {
        return "段落は文字列で書くか、文字列と {\"ref\": \"target_pages\"} を並べた配列で書いてください".into();
    }
    if detail.contains("untagged enum Achievement") {
        return "実績は文字列か、{\"text\": …, \"detail\": …} の形で書いてください".into();
    }
    detail.to_string()
}

/// A whole number that does not fit its item: negative where only 0 and up fit,
/// or too large or too small (beyond 64 bits serde_json reads it as a float).
fn number_words(detail: &str) -> Option<String> {
    let (float, rest) = match detail.strip_prefix("invalid value: integer `") {
        Some(rest) => (false, rest),
        None => (true, detail.strip_prefix("invalid type: floating point `")?),
    };
    let (value, expected) = rest.split_once("`, expected ")?;
    let v: f64 = value.parse().ok()?;
    // serde_json reads a whole number as a float only beyond 64 bits; below that,
    // a float was written as a decimal (2020.5, 2020.0): the wrong-type message.
    if float && (v.fract() != 0.0 || v.abs() < 9.2e18) {
        return None;
    }
    let unsigned = expected.starts_with('u');
    Some(if v < 0.0 && unsigned {
        "番号や年には 0 以上の整数を書いてください".into()
    } else if v < 0.0 {
        "数が小さすぎます。正しい数を書いてください".into()
    } else {
        "数が大きすぎます。正しい数を書いてください".into()
    })
}

fn type_word(t: &str) -> String {
    let t = t.trim();
    match t {
        _ if t.starts_with("a string") || t.starts_with("string") => {
            "文字列（\"…\" で囲んだ文）".into()
        }
        _ if t.starts_with("integer") || t.starts_with("u32") || t.starts_with("i32") => {
            "数".into()
        }
        _ if t.starts_with("a sequence") || t == "sequence" => "配列（[ … ]）".into(),
        _ if t.starts_with("struct") || t == "map" || t.starts_with("a map") => {
            "項目のまとまり（{ … }）".into()
        }
        _ if t.starts_with("boolean") => "true/false".into(),
        _ if t.starts_with("null") => "null".into(),
        _ if t.starts_with("floating point") => "小数".into(),
        _ => t.to_string(),
    }
}

/// The allowed name closest to a mistyped one, if it is close enough to be a typo.
pub(super) fn nearest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (levenshtein(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min()
        .map(|(_, a)| a)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}
