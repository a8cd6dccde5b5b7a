//! The annex items (資料編): roster, memo, results (the regulation is in regulation.rs).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::targets::Status;
use super::text::Paragraph;
use crate::content::date::Date;

/// Annex: the committee roster.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "名簿", extend("x-order" = ["$schema", "title", "as_of", "columns", "groups", "notes", "members", "gap"]))]
pub struct Roster {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    #[schemars(title = "題名", extend("x-help" = "名簿の題名です。例: …委員会委員名簿"))]
    pub title: String,
    /// The date the roster is as of: 「令和2年4月1日現在」.
    #[serde(default)]
    #[schemars(title = "現在の日付", extend("x-help" = "「令和2年4月1日現在」と印刷する日付を西暦で書きます。例: 2020-04-01"))]
    pub as_of: Option<Date>,
    /// The rows in the older, fixed shape (区分・職名・氏名).
    #[serde(default)]
    #[schemars(title = "委員（以前の書き方）", extend("x-help" = "以前の書き方です（区分・職名・氏名の決まった列）。新しく書くときは「列の見出し」と「区分ごとの行」を使います。", "x-form" = "table", "x-older" = true))]
    pub members: Vec<Member>,
    /// The column headings, the first being the group's (区分): ["区分", "職名", "氏名"].
    #[serde(default)]
    #[schemars(title = "列の見出し", extend("x-help" = "左の列から順に書きます。最初の列が区分の列です。例: 区分、職名、氏名"))]
    pub columns: Vec<String>,
    /// Rows grouped under a 区分 printed once, merged over its rows.
    #[serde(default)]
    #[schemars(title = "区分ごとの行", extend("x-help" = "区分（委員長、委員…）ごとの名簿の行です。区分は行をまとめた1つの欄に印刷されます。"))]
    pub groups: Vec<RosterGroup>,
    /// 備考: notes printed under the table.
    #[serde(default)]
    #[schemars(title = "備考", extend("x-help" = "表の下に印刷する備考です。1行ずつ書きます。"))]
    pub notes: Vec<String>,
    #[serde(default)]
    #[schemars(title = "未収録の説明", extend("x-help" = "原本から転記していないときに、その理由を書きます。PDF には【未収録】と印刷され、残っている間は公開版を作れません。", "x-form" = "paragraph"))]
    pub gap: Option<String>,
}

/// A 区分 (委員長, 委員…) and its rows: one cell per column after the first.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "区分")]
pub struct RosterGroup {
    #[schemars(title = "区分", extend("x-help" = "例: 委員長、委員"))]
    pub label: String,
    #[schemars(title = "名簿の行", extend("x-help" = "この区分の行です。区分の列を除いた列の数だけ欄を書きます。Excel からの貼り付けもできます。", "x-form" = "table", "x-columns" = "/columns", "x-columns-skip" = 1))]
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "委員")]
pub struct Member {
    /// 委員長, 委員…
    #[schemars(title = "区分", extend("x-help" = "例: 委員長、委員"))]
    pub role: String,
    /// The member's post.
    #[schemars(title = "職名", extend("x-help" = "委員の職名です。"))]
    pub post: String,
    #[serde(default)]
    #[schemars(title = "氏名", extend("x-help" = "委員の氏名です。"))]
    pub name: Option<String>,
}

/// Annex: a memo (…の設置について).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "通知")]
pub struct Memo {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    #[schemars(title = "題名", extend("x-help" = "資料編の目次と見出しに印刷する題名です。例: …の設置について"))]
    pub title: String,
    /// 文書番号: 宮区第123号
    #[serde(default)]
    #[schemars(title = "文書番号", extend("x-help" = "例: 宮区第123号"))]
    pub number: Option<String>,
    #[serde(default)]
    #[schemars(title = "日付", extend("x-help" = "通知の日付を西暦で書きます。例: 2020-04-01"))]
    pub date: Option<Date>,
    /// 宛先, one line each: 各課長 様
    #[serde(default)]
    #[schemars(title = "宛先", extend("x-help" = "1行ずつ書きます。例: 各課長 様"))]
    pub to: Vec<String>,
    /// 発信者, one line each: 宮前区役所サービス向上委員会委員長
    #[serde(default)]
    #[schemars(title = "発信者", extend("x-help" = "1行ずつ書きます。例: 宮前区役所サービス向上委員会委員長"))]
    pub from: Vec<String>,
    /// 件名, printed centred: …の設置について（通知）
    #[serde(default)]
    #[schemars(title = "件名", extend("x-help" = "中央に印刷されます。例: …の設置について（通知）"))]
    pub subject: Option<String>,
    #[serde(default)]
    #[schemars(title = "本文", extend("x-help" = "件名の下に印刷する段落です。"))]
    pub paragraphs: Vec<Paragraph>,
    /// The numbered items under 「記」, closed by 「以上」.
    #[serde(default)]
    #[schemars(title = "記の項目", extend("x-help" = "「記」の下の番号付きの項目です。最後に「以上」が付きます。"))]
    pub record: Vec<MemoItem>,
    #[serde(default)]
    #[schemars(title = "未収録の説明", extend("x-help" = "原本から転記していないときに、その理由を書きます。PDF には【未収録】と印刷され、残っている間は公開版を作れません。", "x-form" = "paragraph"))]
    pub gap: Option<String>,
}

/// One numbered item under 「記」: 1　検討事項　…
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "記の項目")]
pub struct MemoItem {
    #[schemars(title = "番号", extend("x-help" = "1、2… と順に付けます。"))]
    pub number: u32,
    /// A short heading printed before the text: 検討事項
    #[serde(default)]
    #[schemars(title = "項目名", extend("x-help" = "本文の前に印刷する短い見出しです。例: 検討事項"))]
    pub heading: Option<String>,
    #[schemars(title = "本文", extend("x-help" = "項目の文です。", "x-form" = "paragraph"))]
    pub text: String,
}

/// Annex: the results of the previous fiscal year's targets.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "実施結果")]
pub struct Results {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    /// The fiscal year the results are for; printed in era form before the title.
    #[schemars(title = "年度（西暦）", extend("x-help" = "結果の年度を西暦で書きます。題名の前に和暦で印刷されます（2019 なら 令和元年度）。"))]
    pub fiscal_year: i32,
    /// 区役所サービス向上目標の実施結果
    #[schemars(title = "題名", extend("x-help" = "例: 区役所サービス向上目標の実施結果"))]
    pub title: String,
    #[serde(default)]
    #[schemars(title = "実施結果の行", extend("x-help" = "部署ごと・目標ごとの行です。空にしておくと、前年度の版があればその目標と実施結果から作られます。Excel からの貼り付けもできます。", "x-form" = "table"))]
    pub rows: Vec<ResultRow>,
    #[serde(default)]
    #[schemars(title = "未収録の説明", extend("x-help" = "原本から転記していないときに、その理由を書きます。PDF には【未収録】と印刷され、残っている間は公開版を作れません。", "x-form" = "paragraph"))]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "実施結果の行")]
pub struct ResultRow {
    #[schemars(title = "部署名", extend("x-help" = "目標を持つ部署の名前です。"))]
    pub department: String,
    #[schemars(title = "番号", extend("x-help" = "その部署の目標の番号です。"))]
    pub number: u32,
    #[schemars(title = "目標", extend("x-help" = "前年度の目標の文です。", "x-form" = "paragraph"))]
    pub target: String,
    #[serde(default)]
    #[schemars(title = "実施結果", extend("x-help" = "実際に行ったことです。", "x-form" = "paragraph"))]
    pub result: Option<String>,
    #[serde(default)]
    #[schemars(title = "状況", extend("x-help" = "版の状況の言葉（書かなければ 達成・一部達成・未達成）から選びます。", "x-values" = "statuses"))]
    pub status: Option<Status>,
    /// 備考
    #[serde(default)]
    #[schemars(title = "備考", extend("x-help" = "備考の欄に印刷する文です。"))]
    pub note: Option<String>,
}
