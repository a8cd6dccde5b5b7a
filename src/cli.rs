//! Command-line definitions.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "planpress",
    version,
    about = "区役所サービス向上アクションプランの内容（JSON）から印刷用 PDF を作ります"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 版のフォルダから PDF を作ります
    Build(BuildArgs),
    /// 版のフォルダを読み込んで検査します（何も書き出しません）
    Check(CheckArgs),
    /// 内容ファイルの JSON スキーマを書き出します（エディタでの入力補完・検査用）
    Schema(SchemaArgs),
    /// 公開用 PDF に添付された内容ファイルを取り出して、版のフォルダを復元します
    Extract(ExtractArgs),
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
    /// 版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
    /// 書き出す PDF（省略時は out/<フォルダ名>.pdf）
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 生成した Typst のソースをこのフォルダにも書き出します
    #[arg(long, value_name = "DIR")]
    pub emit_typst: Option<PathBuf>,
    /// 組み込みのテンプレートの代わりにこのフォルダのテンプレートを使います
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// 未収録の箇所（"gap"）が残っていれば PDF を作りません（公開版を作るとき用）
    #[arg(long)]
    pub require_complete: bool,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// 版のフォルダ（例: content/miyamae-r2）
    pub edition: PathBuf,
    /// 組み込みのテンプレートの代わりにこのフォルダのテンプレートを使います
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}
