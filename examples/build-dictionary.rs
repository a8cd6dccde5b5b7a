//! Compiles IPADIC's MeCab sources (converted to UTF-8) into the dictionary
//! `planpress lint` ships (dict/ipadic.dic, compressed by the script). Run through scripts/build-dictionary.
//!
//! Usage: build-dictionary <SOURCE_DIR> <OUTPUT>
//! SOURCE_DIR holds lex.csv (every *.csv joined), matrix.def, char.def, unk.def.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use vibrato::SystemDictionaryBuilder;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, output] = args.as_slice() else {
        return Err("usage: build-dictionary <SOURCE_DIR> <OUTPUT>".into());
    };
    let source = Path::new(source);
    let read = |name: &str| std::fs::read_to_string(source.join(name));
    // lex.csv: surface, ids, cost, then 9 features; unk.def has 7.
    let lexicon = trim(&read("lex.csv")?, &[0, 1, 2, 3, 4, 5, 9, 10, 11]);
    let unknown = trim(&read("unk.def")?, &[0, 1, 2, 3, 4, 5, 9, 10]);
    let dict = SystemDictionaryBuilder::from_readers(
        lexicon.as_bytes(),
        File::open(source.join("matrix.def"))?,
        File::open(source.join("char.def"))?,
        unknown.as_bytes(),
    )?;
    let mut out = BufWriter::new(File::create(output)?);
    let bytes = dict.write(&mut out)?;
    out.flush()?;
    eprintln!("{} entries, {bytes} bytes", lexicon.lines().count());
    Ok(())
}

/// Keeps the features lint reads (part of speech and its subdivision, conjugated
/// form, base form, reading): the dictionary is a quarter smaller and loads faster.
fn trim(csv: &str, keep: &[usize]) -> String {
    let mut out = String::with_capacity(csv.len());
    for line in csv.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        let kept: Vec<&str> = keep
            .iter()
            .filter_map(|&i| fields.get(i).copied())
            .collect();
        out.push_str(&kept.join(","));
        out.push('\n');
    }
    out
}
