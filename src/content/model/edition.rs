//! `edition.json`: the facts of one fiscal year's plan and its files.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::content::date::Date;

/// `edition.json`: the facts of one fiscal year's plan and the files it is made of.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "表紙・版の情報")]
pub struct Edition {
    #[serde(rename = "$schema", default)]
    #[schemars(title = "スキーマ", extend("x-help" = "エディタが書き方を確かめるためのスキーマの場所です。変えないでください。", "x-form" = "hidden"))]
    pub schema: Option<String>,
    /// 川崎市
    #[schemars(title = "市名", extend("x-help" = "市の名前です。例: 川崎市"))]
    pub city: String,
    /// 宮前区
    #[schemars(title = "区名", extend("x-help" = "区の名前です。例: 宮前区"))]
    pub ward: String,
    /// 宮前区役所
    #[schemars(title = "区役所名", extend("x-help" = "区役所の名前です。例: 宮前区役所"))]
    pub office: String,
    /// The fiscal year (年度) as a Western year: 2020 for 令和2年度.
    #[schemars(title = "年度（西暦）", extend("x-help" = "計画の年度を西暦で書きます。令和2年度なら 2020。和暦はツールが計算して印刷します。"))]
    pub fiscal_year: i32,
    /// The document title for the PDF metadata: 宮前区役所サービス向上アクションプラン
    #[schemars(title = "文書の題名", extend("x-help" = "PDF の文書情報に入る題名です。例: 宮前区役所サービス向上アクションプラン"))]
    pub title: String,
    #[schemars(title = "表紙", extend("x-help" = "表紙に印刷する題名と副題です。年度と発行月はほかの欄から印刷されます。"))]
    pub cover: Cover,
    /// Month of publication, printed on the cover (令和2年6月).
    #[schemars(title = "発行月", extend("x-help" = "表紙に印刷する発行の年月を西暦で書きます。例: 2020-06（「令和2年6月」と印刷されます）"))]
    pub published: Date,
    /// 川崎市宮前区役所
    #[schemars(title = "発行者", extend("x-help" = "最後のページの「発行」の欄に印刷されます。例: 川崎市宮前区役所"))]
    pub publisher: String,
    /// Date and signer of the ward's service improvement policy.
    #[schemars(title = "向上方針の日付と署名", extend("x-help" = "区役所サービス向上方針の末尾に印刷する日付と署名者です。"))]
    pub policy: PolicySignature,
    /// The scene categories (場面) that standards and targets may use; the
    /// common folder's when it sets them.
    #[serde(default)]
    #[schemars(title = "場面の一覧", extend("x-help" = "基準と目標の「場面」に使える名前です。ここにある名前だけが使えます。市の共通の内容（common.json）が決めているときは、書かなくてもかまいません。例: お知らせ、対応"))]
    pub scenes: Vec<String>,
    /// The words a target's status (状況) may be; 達成・一部達成・未達成 when not given.
    #[serde(default)]
    #[schemars(title = "状況の言葉", extend("x-help" = "目標の実施結果の「状況」に使える言葉です。書かなければ 達成・一部達成・未達成。例: 完了、継続、見直し"))]
    pub statuses: Option<Vec<String>>,
    /// The previous fiscal year's edition: a folder name beside this one
    /// (`miyamae-r1`) or a path relative to this folder. Drafts mark what changed
    /// since it; the results annex is generated from its targets and results.
    #[serde(default)]
    #[schemars(title = "前年度の版", extend("x-help" = "前年度の版のフォルダ名（例: miyamae-r1）か、このフォルダからの相対パスです。案の変更点と実施結果の資料に使われます。"))]
    pub previous: Option<String>,
    /// 事務局: the section that runs the plan, named in the colophon and in the
    /// spreadsheets' instructions as the one to return them to (川崎市宮前区役所 企画課).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "事務局", extend("x-help" = "計画を進める課です。最後のページと Excel の説明（返送先）に印刷されます。例: 川崎市宮前区役所 企画課"))]
    pub secretariat: Option<String>,
    /// 問合せ先, printed in the colophon and the web edition's footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "問合せ先", extend("x-help" = "最後のページとホームページ版の末尾に印刷されます。書かなくてもかまいません。"))]
    pub contact: Option<Contact>,
    /// The body chapters in printed order.
    #[schemars(title = "章の並び", extend("x-help" = "本文の章のファイルを、印刷する順に並べます。", "x-form" = "table"))]
    pub chapters: Vec<FileRef>,
    /// The annex items (資料編) in printed order.
    #[schemars(title = "資料の並び", extend("x-help" = "資料編のファイルを、印刷する順に並べます。", "x-form" = "table"))]
    pub annex: Vec<FileRef>,
    /// The form of the 新旧対照表 (簡易・詳細, 備考, 傍線・下線, the side of
    /// 改正後); planpress's form when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "新旧対照表の形", extend("x-help" = "書かなければ 簡易・備考の列なし・傍線・改正後が左 の形です。"))]
    pub comparison: Option<super::ComparisonForm>,
    /// The city's common folder this edition uses (its standards, scenes…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "市の共通の内容", extend("x-help" = "市の全区に共通の内容（共通の基準・場面など）のフォルダと年度です。共通の内容を使わない版では書きません。"))]
    pub common: Option<super::CommonRef>,
}

/// The status words when an edition declares none.
pub const DEFAULT_STATUSES: [&str; 3] = ["達成", "一部達成", "未達成"];

impl Edition {
    /// The status words targets and results may use, in the order offered.
    pub fn status_values(&self) -> Vec<String> {
        match &self.statuses {
            Some(list) => list.clone(),
            None => DEFAULT_STATUSES.iter().map(|s| s.to_string()).collect(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "表紙")]
pub struct Cover {
    /// The large title lines under the fiscal year: 宮前区役所 / サービス向上 / アクションプラン
    #[schemars(title = "表紙の題名", extend("x-help" = "表紙に大きく印刷する題名を、1行ずつ書きます。例: 宮前区役所／サービス向上／アクションプラン"))]
    pub title_lines: Vec<String>,
    /// 【宮前区役所サービス向上方針・目標】 (brackets included as printed)
    #[schemars(title = "表紙の副題", extend("x-help" = "括弧も含めて、印刷するとおりに書きます。例: 【宮前区役所サービス向上方針・目標】"))]
    pub subtitle: String,
}

/// Where readers ask about the plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "問合せ先")]
pub struct Contact {
    /// 宮前区役所 企画課
    #[schemars(title = "担当課", extend("x-help" = "問合せを受ける課です。例: 宮前区役所 企画課"))]
    pub section: String,
    /// 電話番号: 044-856-3133, or with a short note in brackets after the number,
    /// printed as written: 044-856-3133（直通）. The number (half-width digits and
    /// hyphens, from the area code) is checked; the note (up to 20 characters) is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "電話番号", extend("x-help" = "半角の数字とハイフンで、市外局番から書きます。後ろに括弧で短い注記（20字まで）を付けられます。例: 044-856-3133（直通）"))]
    pub phone: Option<String>,
    /// FAX番号, written as the phone number is: 044-856-3237, 044-856-3237（企画課）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "FAX番号", extend("x-help" = "電話番号と同じ書き方です。例: 044-856-3237"))]
    pub fax: Option<String>,
    /// 67kusei@city.kawasaki.jp
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "メールアドレス", extend("x-help" = "問合せを受けるメールアドレスです。"))]
    pub email: Option<String>,
    /// 〒216-8570 川崎市宮前区宮前平2-20-5
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "所在地", extend("x-help" = "郵便番号から書きます。例: 〒216-8570 川崎市宮前区宮前平2-20-5"))]
    pub address: Option<String>,
}

/// A phone or FAX number as written, split into the number and its note:
/// 「044-856-3133（直通）」 → (「044-856-3133」, 「（直通）」). The note begins at the
/// first bracket that does not hold digits (「044(856)3133」 is all number).
pub fn number_and_note(written: &str) -> (&str, &str) {
    let at = written.char_indices().find(|&(i, c)| {
        (c == '（' || c == '(')
            && !written[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit())
    });
    match at {
        Some((i, _)) => (written[..i].trim_end(), &written[i..]),
        None => (written.trim_end(), ""),
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "向上方針の日付と署名")]
pub struct PolicySignature {
    #[schemars(title = "日付", extend("x-help" = "方針の日付を西暦で書きます。例: 2020-04"))]
    pub date: Date,
    /// 宮前区長
    #[schemars(title = "署名者の職名", extend("x-help" = "例: 宮前区長"))]
    pub signer_title: String,
    /// 高橋 哲也
    #[schemars(title = "署名者の氏名", extend("x-help" = "方針に署名する人の氏名を、印刷するとおりに書きます。"))]
    pub signer_name: String,
}

/// One file of the edition and what kind of part it holds.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ファイル")]
pub struct FileRef {
    #[schemars(title = "種類", extend("x-help" = "このファイルが何の章・資料かを選びます。"))]
    pub kind: PartKind,
    #[schemars(title = "ファイル名", extend("x-help" = "この版のフォルダにある内容ファイルの名前です。例: 4-targets.json"))]
    pub file: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "種類")]
pub enum PartKind {
    /// The basic principles (基本理念).
    #[schemars(title = "基本理念", extend("x-help" = "基本理念の章です。"))]
    Principles,
    /// A chapter of numbered sections.
    #[schemars(title = "節のある章", extend("x-help" = "番号の付いた節（1、2…）と小見出し（(1)、(2)…）の章です。"))]
    Sections,
    /// The per-department targets (区役所サービス向上目標).
    #[schemars(title = "区役所サービス向上目標", extend("x-help" = "各課の目標の章です（部・課・担当ごとの目標の表）。"))]
    Targets,
    /// A chapter the edition adds (問合せ先, 今後の方向性…): sections of
    /// paragraphs, lists and simple tables.
    #[schemars(title = "区独自の章", extend("x-help" = "区が足す章です（今後の方向性など）。段落・箇条書き・簡単な表で書きます。"))]
    Free,
    /// Annex: a regulation of articles (要綱).
    #[schemars(title = "要綱", extend("x-help" = "資料: 条・項・号と附則の要綱です。"))]
    Regulation,
    /// Annex: a committee roster table (名簿).
    #[schemars(title = "名簿", extend("x-help" = "資料: 委員の名簿の表です。"))]
    Roster,
    /// Annex: a memo (設置について).
    #[schemars(title = "通知", extend("x-help" = "資料: 文書番号・宛先・件名と「記」のある通知です。"))]
    Memo,
    /// Annex: the previous year's results table (実施結果).
    #[schemars(title = "実施結果", extend("x-help" = "資料: 前年度の目標の実施結果の表です。"))]
    Results,
}

impl PartKind {
    /// The name content files use for the kind: `sections`.
    pub fn name(self) -> &'static str {
        match self {
            PartKind::Principles => "principles",
            PartKind::Sections => "sections",
            PartKind::Targets => "targets",
            PartKind::Free => "free",
            PartKind::Regulation => "regulation",
            PartKind::Roster => "roster",
            PartKind::Memo => "memo",
            PartKind::Results => "results",
        }
    }
}
