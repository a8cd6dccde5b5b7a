//! `planpress schema`: the JSON Schemas editors use to complete and check content files.

use super::{Result, write_files};
use crate::cli::SchemaArgs;

pub fn run(args: SchemaArgs) -> Result {
    planpress::outputs::check(&args.output, None)?;
    let files: Vec<(String, Vec<u8>)> = planpress::schema::schemas()
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    write_files(&args.output, &files)?;
    println!("JSON スキーマを書き出しました: {}", args.output.display());
    Ok(())
}
