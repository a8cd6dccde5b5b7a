//! Byte offsets, lines and columns in a content file's text.

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Byte offset of a 1-based line and column (columns as serde_json counts them: bytes).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    floor_boundary(text, start + column.saturating_sub(1))
}

/// The nearest character boundary at or before `offset` (serde_json may point
/// inside a multi-byte character, e.g. at the end of a truncated Japanese string).
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// serde_json places a value of the wrong kind (an object, an array) just before
/// it, after the `:`: the offset of the value itself, past the spaces.
pub fn value_at(text: &str, offset: usize) -> usize {
    let b = text.as_bytes();
    let mut o = offset;
    while o < b.len() && (b[o].is_ascii_whitespace() || b[o] == b':') {
        o += 1;
    }
    if o < b.len() && (b[o] == b'{' || b[o] == b'[') {
        o
    } else {
        offset
    }
}

/// The end of the character that starts at `offset` (a one-character span).
pub fn next_boundary(text: &str, offset: usize) -> usize {
    text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8())
}

/// A text's line starts, for many line look-ups in linear time.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// The line of `offset` alone, without counting the characters before it.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}
