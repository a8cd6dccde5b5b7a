//! Text shared by every part: paragraphs with computed pieces, numbered items.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A paragraph: plain text, or text with computed pieces such as the page range of the
/// target grid (`["…別掲（", {"ref": "target_pages"}, "）のとおりです。"]`) or the page
/// of an item (`["（", {"page_of": "dept:kumin"}, "参照）"]`); or, in its place, a
/// list (`{"list": […]}`) or a simple table (`{"table": {…}}`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "段落")]
pub enum Paragraph {
    #[schemars(title = "文章", extend("x-help" = "1つの段落を、改行せずに続けて書きます。", "x-form" = "paragraph"))]
    Text(String),
    #[schemars(title = "ページ参照を含む文章", extend("x-help" = "文章の途中に、ツールが計算するページ（例:「資料1参照」の「資料1」）を入れるときの形です。文字とページ参照を順に並べます。"))]
    Mixed(Vec<Inline>),
    #[schemars(title = "箇条書き", extend("x-help" = "段落の代わりに置く箇条書きです。記号や番号はツールが付けます。"))]
    List(List),
    #[schemars(title = "簡単な表", extend("x-help" = "段落の代わりに置く表です。表の題・列の見出し・行を書きます。"))]
    Table(TableBlock),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "文章の部分")]
pub enum Inline {
    #[schemars(title = "文字", extend("x-help" = "そのまま印刷する文字です。"))]
    Text(String),
    #[schemars(title = "目標の表のページ範囲", extend("x-help" = "各課の目標の表が載るページの範囲（例: P10～P15）を、ツールが計算して印刷します。"))]
    Ref(Ref),
    #[schemars(title = "ページ参照", extend("x-help" = "参照先が載るページ（本文は「P12」、資料編は「資料3」）を、ツールが計算して印刷します。"))]
    PageOf(PageOf),
}

/// The printed page of an item, computed from the layout: `dept:<id>` (a
/// department's targets), `file:<file>` (a chapter or an annex item), or
/// `section:<file>#<number>` (a numbered section of a chapter).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ページ参照")]
pub struct PageOf {
    #[schemars(title = "参照先", extend("x-help" = "dept:部署の id（その課の目標の頁）、file:ファイル名（章や資料）、section:ファイル名#節の番号 のどれかです。例: file:annex-1-regulation.json"))]
    pub page_of: String,
}

/// A list whose marks the tool prints: ・ bullets, or numbers in the Japanese
/// hierarchy 第1 → 1 → (1) → ア → (ア). A list inside a numbered item takes the
/// next level of the hierarchy unless it names its own.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "箇条書き")]
pub struct List {
    #[schemars(title = "項目", extend("x-help" = "箇条書きの項目を、印刷する順に並べます。"))]
    pub list: Vec<ListItem>,
    #[serde(default)]
    #[schemars(title = "記号", extend("x-help" = "項目に付ける記号か番号です。書かなければ「・」です。"))]
    pub marks: Option<ListMarks>,
}

/// An item of a list: its text, or its text and a list under it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "箇条書きの項目")]
pub enum ListItem {
    #[schemars(title = "項目の文章", extend("x-help" = "項目の文章です。記号や番号は書きません。", "x-form" = "paragraph"))]
    Text(String),
    #[schemars(title = "ページ参照を含む項目", extend("x-help" = "文章の途中にツールが計算するページを入れるときの形です。"))]
    Mixed(Vec<Inline>),
    #[schemars(title = "下に箇条書きのある項目", extend("x-help" = "項目の文章と、その下に一段下げて印刷する箇条書きです。"))]
    Parent(ListParent),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "下に箇条書きのある項目")]
pub struct ListParent {
    #[schemars(title = "項目の文章", extend("x-help" = "この項目の文章です。記号や番号は書きません。"))]
    pub text: ListText,
    #[schemars(title = "下の箇条書き", extend("x-help" = "この項目の下に一段下げて印刷する項目です。"))]
    pub list: Vec<ListItem>,
    #[serde(default)]
    #[schemars(title = "下の箇条書きの記号", extend("x-help" = "書かなければ、この項目の記号の一段下（第1 → 1 → (1) → ア → (ア)。「・」の下は「・」）です。"))]
    pub marks: Option<ListMarks>,
}

/// The text of a list item: plain, or with computed pieces.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "項目の文章")]
pub enum ListText {
    #[schemars(title = "文章", extend("x-help" = "項目の文章です。", "x-form" = "paragraph"))]
    Text(String),
    #[schemars(title = "ページ参照を含む文章", extend("x-help" = "文章の途中にツールが計算するページを入れるときの形です。"))]
    Mixed(Vec<Inline>),
}

/// How a list marks its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[schemars(title = "箇条書きの記号")]
pub enum ListMarks {
    #[serde(rename = "・")]
    #[schemars(title = "・（中黒）", extend("x-help" = "項目の頭に「・」を付けます。"))]
    Bullet,
    #[serde(rename = "第1")]
    #[schemars(title = "第1、第2…", extend("x-help" = "項目に 第1、第2… と番号を付けます。"))]
    Dai,
    #[serde(rename = "1")]
    #[schemars(title = "1、2…の番号", extend("x-help" = "項目に 1、2… と番号を付けます。"))]
    Number,
    #[serde(rename = "(1)")]
    #[schemars(title = "(1)、(2)…の番号", extend("x-help" = "項目に (1)、(2)… と番号を付けます。"))]
    Paren,
    #[serde(rename = "ア")]
    #[schemars(title = "ア、イ…", extend("x-help" = "項目に ア、イ… と記号を付けます。"))]
    Kana,
    #[serde(rename = "(ア)")]
    #[schemars(title = "(ア)、(イ)…", extend("x-help" = "項目に (ア)、(イ)… と記号を付けます。"))]
    ParenKana,
}

/// A simple table: a caption, column headings and rows of text.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "簡単な表")]
pub struct TableBlock {
    #[schemars(title = "表", extend("x-help" = "表の題・列の見出し・行です。"))]
    pub table: SimpleTable,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "表")]
pub struct SimpleTable {
    #[schemars(title = "表の題", extend("x-help" = "表の上に印刷する題です。例: 窓口一覧"))]
    pub caption: String,
    #[schemars(title = "列の見出し", extend("x-help" = "左の列から順に、見出しの行に印刷する言葉です。例: 窓口、受付時間"))]
    pub columns: Vec<String>,
    #[schemars(title = "行", extend("x-help" = "表の行です。1行に列の数だけ欄を書きます。Excel からの貼り付けもできます。", "x-form" = "table", "x-columns" = "columns"))]
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "計算する文字")]
pub struct Ref {
    #[serde(rename = "ref")]
    #[schemars(title = "計算する内容", extend("x-help" = "ツールが組版の結果から計算して印刷する内容です。"))]
    pub target: RefTarget,
}

/// What a computed piece of text refers to; Typst computes it from the layout.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(title = "計算する内容")]
pub enum RefTarget {
    /// The printed page range of the target grid: P10～P15.
    #[schemars(title = "目標の表のページ範囲", extend("x-help" = "各課の目標の表が載るページの範囲です。例: P10～P15"))]
    TargetPages,
}

/// A numbered title with its explanation: a principle or a policy item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "番号付きの項目")]
pub struct NumberedItem {
    #[schemars(title = "番号", extend("x-help" = "1 から順に付けます。"))]
    pub number: u32,
    #[schemars(title = "見出し", extend("x-help" = "項目の見出しです。例: 信頼される区役所"))]
    pub title: String,
    #[schemars(title = "本文", extend("x-help" = "見出しの下に印刷する説明の文章です。", "x-form" = "paragraph"))]
    pub text: String,
}
