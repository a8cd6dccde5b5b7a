//! Checks on a PDF's raw bytes before lopdf parses them: lopdf inflates a
//! cross-reference stream without a limit and recurses once per nested array or
//! dictionary, so a small hostile file could exhaust memory or the stack.

/// Deeper than any PDF planpress writes (about 6), far below a stack overflow.
const MAX_NESTING: usize = 100;

/// Why `pdf` is not parsed, if it is not.
pub fn refuse(pdf: &[u8]) -> Option<&'static str> {
    let start = pdf.windows(5).position(|w| w == b"%PDF-").unwrap_or(0);
    let pdf = &pdf[start..];
    if !classic_xref(pdf) {
        return Some(
            "planpress で作った PDF の形式ではありません。ほかのソフトで保存し直した PDF からは取り出せません",
        );
    }
    if nesting(pdf) > MAX_NESTING {
        return Some("入れ子が深すぎます");
    }
    None
}

/// Whether the last `startxref` points at a cross-reference table, not a
/// (compressed) cross-reference stream, whose trailer names no other one (lopdf
/// would inflate those without a limit) and no encryption (lopdf then reads
/// object streams whatever the caller asks): planpress writes none of them.
fn classic_xref(pdf: &[u8]) -> bool {
    let Some(table) = xref_table(pdf) else {
        return false;
    };
    let end = find(table, 0, b"startxref");
    // Names may spell a letter as #xx.
    let mut trailer = Vec::new();
    let mut i = 0;
    while i < end {
        let hex = table
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(b) if table[i] == b'#' => {
                trailer.push(b);
                i += 3;
            }
            _ => {
                trailer.push(table[i]);
                i += 1;
            }
        }
    }
    let names = |key: &[u8]| find(&trailer, 0, key) < trailer.len();
    !names(b"/Encrypt") && !names(b"/Prev") && !names(b"/XRefStm")
}

/// The bytes from the cross-reference table the last `startxref` points at.
fn xref_table(pdf: &[u8]) -> Option<&[u8]> {
    let at = pdf.windows(9).rposition(|w| w == b"startxref")?;
    let offset: String = pdf[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    let table = offset.parse::<usize>().ok().and_then(|o| pdf.get(o..))?;
    let table = table.trim_ascii_start();
    table.starts_with(b"xref").then_some(table)
}

/// The deepest nesting of arrays and dictionaries, skipping stream data, strings
/// and comments.
fn nesting(pdf: &[u8]) -> usize {
    let (mut depth, mut deepest, mut i) = (0usize, 0, 0);
    while i < pdf.len() {
        match pdf[i] {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if pdf.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'>' if pdf.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'<' => i = find(pdf, i, b">"),
            b'%' => {
                i = pdf[i..]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .map_or(pdf.len(), |p| i + p)
            }
            b'(' => i = string_end(pdf, i),
            b's' if pdf[i..].starts_with(b"stream")
                && i.checked_sub(1)
                    .is_some_and(|p| pdf[p].is_ascii_whitespace() || pdf[p] == b'>')
                && matches!(pdf.get(i + 6), Some(b'\r' | b'\n')) =>
            {
                i = find(pdf, i, b"endstream") + "endstream".len() - 1;
            }
            _ => {}
        }
        deepest = deepest.max(depth);
        i += 1;
    }
    deepest
}

/// The index of the first `what` after `from`, or the end.
fn find(pdf: &[u8], from: usize, what: &[u8]) -> usize {
    pdf[from..]
        .windows(what.len())
        .position(|w| w == what)
        .map_or(pdf.len(), |p| from + p)
}

/// The index of the `)` closing the literal string opening at `from`.
fn string_end(pdf: &[u8], from: usize) -> usize {
    let (mut open, mut i) = (0usize, from);
    while i < pdf.len() {
        match pdf[i] {
            b'\\' => i += 1,
            b'(' => open += 1,
            b')' => {
                open -= 1;
                if open == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    pdf.len()
}
