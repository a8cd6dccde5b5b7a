//! The morphological analyser: IPADIC (compiled by scripts/build-dictionary,
//! shipped in dict/) loaded once per process, from the bytes built into planpress.

use std::io::Read;
use std::sync::OnceLock;

use vibrato::{Dictionary, Tokenizer};

/// The dictionary, gzip-compressed (see dict/COPYING for its license). A
/// static, not a const: one copy in the binary whatever uses it.
static DICTIONARY: &[u8] = include_bytes!("../../dict/ipadic.dic.gz");

/// The tokenizer, built on first use.
pub fn tokenizer() -> &'static Tokenizer {
    static TOKENIZER: OnceLock<Tokenizer> = OnceLock::new();
    TOKENIZER.get_or_init(|| Tokenizer::new(load()))
}

fn load() -> Dictionary {
    // The bytes are part of the program: failing to read them is a defect of the
    // build, not something a clerk can act on.
    let mut decoder = flate2::read::GzDecoder::new(DICTIONARY);
    let mut raw = Vec::with_capacity(40 << 20);
    decoder
        .read_to_end(&mut raw)
        .expect("bundled dictionary inflates");
    Dictionary::read(raw.as_slice()).expect("bundled dictionary reads")
}

/// One word of a text, as the dictionary analyses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As written.
    pub surface: String,
    /// Character range in the analysed text.
    pub start: usize,
    pub end: usize,
    /// 名詞, 動詞…
    pub pos: String,
    /// 一般, 自立, 固有名詞, 数, 非自立, 接尾…
    pub pos2: String,
    /// Conjugated form (連用形…), `*` for words that do not conjugate.
    pub form: String,
    /// Base form (分かる for 分かり); `*` for an unknown word.
    pub base: String,
    /// Reading in katakana; empty for an unknown word.
    pub reading: String,
}

/// The words of `text`.
pub fn words(text: &str) -> Vec<Word> {
    let mut worker = tokenizer().new_worker();
    worker.reset_sentence(text);
    worker.tokenize();
    (0..worker.num_tokens())
        .map(|i| {
            let t = worker.token(i);
            let range = t.range_char();
            let mut f = t.feature().split(',');
            let mut next = || f.next().unwrap_or("*").to_string();
            let (pos, pos2, form, base) = (next(), next(), next(), next());
            let reading = f.next().unwrap_or("").to_string();
            Word {
                surface: t.surface().to_string(),
                start: range.start,
                end: range.end,
                pos,
                pos2,
                form,
                base,
                reading,
            }
        })
        .collect()
}
