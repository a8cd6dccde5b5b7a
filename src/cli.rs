//! Command-line definitions.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "planpress",
    version = env!("PLANPRESS_VERSION"),
    about = "区役所サービス向上アクションプランの内容（JSON）から印刷用 PDF を作ります"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 版のフォルダから PDF を作ります（版のフォルダが並ぶフォルダ、例えば content を指定すると全区の PDF を作ります）
    Build(BuildArgs),
    /// 版のフォルダを読み込んで検査します（何も書き出しません）
    Check(CheckArgs),
    /// 内容ファイルの JSON スキーマを書き出します（エディタでの入力補完・検査用）
    Schema(SchemaArgs),
    /// 公開用 PDF に添付された内容ファイルを取り出して、版のフォルダを復元します
    Extract(ExtractArgs),
    /// 2つの版の違い（追加・変更・削除された項目）を表示します
    Diff(DiffArgs),
    /// 内容ファイルを保存するたびに PDF を作り直します
    Watch(WatchArgs),
    /// ホームページ用のアクセシブルな HTML 版を作ります
    Web(WebArgs),
    /// 内容ファイルを決まった書式（字下げ2文字の JSON）に整えます
    Fmt(FmtArgs),
    /// 各課に目標を記入してもらう Excel ファイルを部署ごとに作ります
    Sheets(SheetsArgs),
    /// 返送された Excel ファイルを読み込み、変わる点を表示します（--apply で内容ファイルに書き込みます）
    Import(ImportArgs),
    /// 指定したページを PNG 画像にします
    Preview(PreviewArgs),
    /// 版をコピーして翌年度の版を作ります（年度・日付を進め、実施結果を空にします）
    New(NewArgs),
    /// content/ のすべての版を archive/ に PDF にし、SHA-256 の一覧で変化がないことを確かめます
    Archive(ArchiveArgs),
    /// 表記ゆれと公用文の書き方を検査して知らせます（ファイルは書き換えません）
    Lint(LintArgs),
    /// 版の内容をブラウザの画面で編集します（この PC の中だけで動きます）
    Edit(EditArgs),
    /// 全区の目標を部署の種類ごと・場面ごとに並べた一覧（PDF と Excel）と、前年度の実施結果のグラフを作ります
    Summary(SummaryArgs),
}

/// The edition and its layout: what every command that builds reads.
#[derive(Debug, clap::Args)]
pub struct EditionArgs {
    /// 版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
    /// 組み込みのテンプレートの代わりにこのフォルダのテンプレートを使います（PDF は DIR/*.typ.j2・DIR/*.typ、HTML 版は DIR/web/）
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Draft or published.
#[derive(Debug, clap::Args)]
pub struct DraftArgs {
    /// 校正用の案を作ります（各ページに「案」と作成日、行番号、前年度からの変更箇所）
    #[arg(long)]
    pub draft: bool,
    /// 案に印刷する作成日（YYYY-MM-DD、省略時は今日）
    #[arg(long, value_name = "YYYY-MM-DD", requires = "draft")]
    pub date: Option<String>,
    /// 未収録の箇所（"gap"）が残っていれば PDF を作りません（公開版を作るとき用）
    #[arg(long)]
    pub require_complete: bool,
}

impl EditionArgs {
    /// The pipeline's config: the arguments validated before any work starts.
    pub fn config(&self, draft: Option<&DraftArgs>) -> Result<planpress::Config, String> {
        let config = planpress::Config::new(&self.edition).templates(self.templates.clone())?;
        match draft {
            Some(d) => Ok(config
                .draft(d.draft, d.date.as_deref())?
                .require_complete(d.require_complete)),
            None => Ok(config),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// planpress で作った PDF
    pub pdf: PathBuf,
    /// 内容ファイルを書き出すフォルダ
    pub dir: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// 書き出すフォルダ
    #[arg(short, long, value_name = "DIR", default_value = "content/schema")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: EditionArgs,
    #[command(flatten)]
    pub draft: DraftArgs,
    /// 書き出す PDF（省略時は out/<フォルダ名>.pdf、案は out/<フォルダ名>-案.pdf）。全区を作るときは PDF を置くフォルダ（省略時は out）
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 生成した Typst のソースをこのフォルダにも書き出します
    #[arg(long, value_name = "DIR")]
    pub emit_typst: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SummaryArgs {
    /// 各区の版のフォルダが並ぶフォルダ（例: content）
    pub folder: PathBuf,
    /// 書き出す PDF（省略時は out/各区一覧.pdf）。Excel ファイルは同じ名前で拡張子 .xlsx にして隣に書き出します
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 組み込みのテンプレートの代わりにこのフォルダのテンプレートを使います（DIR/summary.typ.j2 など）
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SheetsArgs {
    /// 版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
    /// 書き出すフォルダ（省略時は out/<フォルダ名>-sheets）
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// 版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
    /// 返送された Excel ファイル
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// 内容ファイルに書き込みます（省略時は変わる点を表示するだけ）
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// 版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct WebArgs {
    #[command(flatten)]
    pub input: EditionArgs,
    /// 書き出すフォルダ（省略時は out/<フォルダ名>-web）
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub input: EditionArgs,
    #[command(flatten)]
    pub draft: DraftArgs,
    /// 書き出す PDF（省略時は out/<フォルダ名>.pdf、案は out/<フォルダ名>-案.pdf）
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// 編集する版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
    /// 使うポート番号（省略時は空いている番号）
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// ブラウザを開かず、アドレスを表示するだけにします
    #[arg(long)]
    pub no_open: bool,
}

#[derive(Debug, clap::Args)]
pub struct PreviewArgs {
    #[command(flatten)]
    pub input: EditionArgs,
    /// ページ（印刷されたページ番号で。例: 11-14、資料1-資料3、3,5）
    #[arg(long, value_name = "PAGES")]
    pub pages: String,
    /// 画像を書き出すフォルダ（省略時は out/preview）
    #[arg(short, long, value_name = "DIR", default_value = "out/preview")]
    pub output: PathBuf,
    /// 解像度（dpi）
    #[arg(long, default_value_t = 110.0)]
    pub dpi: f32,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// もとにする版のフォルダ（例: content/miyamae-r2）。市の全区の版と共通の内容が並ぶフォルダなら、全区の翌年度の版を作ります
    pub from: PathBuf,
    /// 作る版のフォルダ（例: content/miyamae-r3）。全区のときは省きます（各区の名前の数字を1つ進めたフォルダに作ります）
    pub to: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ArchiveArgs {
    /// 版のフォルダが並ぶフォルダ
    #[arg(long, default_value = "content")]
    pub content: PathBuf,
    /// PDF と manifest.json を置くフォルダ
    #[arg(short, long, default_value = "archive")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// 前年度の版のフォルダ
    pub old: PathBuf,
    /// 今年度の版のフォルダ
    pub new: PathBuf,
    /// 出力の形式
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// 新旧対照表の PDF をこのファイルに書き出す
    #[arg(long, value_name = "FILE")]
    pub pdf: Option<PathBuf>,
    /// 新旧対照表の列の順: new-old（左に改正後、右に改正前）か old-new。省略時は今年度の edition.json の comparison.new_side（書いていなければ new-old）
    #[arg(long, value_enum)]
    pub order: Option<ColumnOrder>,
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// 版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
    /// 出力の形式
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// 市の版で共通の表記の決まり（lint.json と同じ形）。版のフォルダの lint.json と合わせて使います
    #[arg(long, value_name = "FILE")]
    pub style: Option<PathBuf>,
    /// 表記ゆれか公用文の書き方の問題があれば終了コード 1 で終わります（参考は数えません）
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColumnOrder {
    /// 左に改正後、右に改正前（公用文の新旧対照表の通例）
    NewOld,
    /// 左に改正前、右に改正後
    OldNew,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: EditionArgs,
}
