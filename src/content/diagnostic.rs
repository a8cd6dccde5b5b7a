//! Content problems rendered with the offending line of each file (codespan-reporting,
//! as typst-cli renders its diagnostics): coloured on a terminal, plain otherwise.

use codespan_reporting::diagnostic::{Diagnostic, Label, LabelStyle, Severity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{self, Config, GeneralWriteResult, WriteStyle};

use super::ContentErrors;

pub fn render(errors: &ContentErrors, color: bool) -> String {
    let this = render_one(errors, color);
    match &errors.previous {
        Some(previous) => format!("{this}前年度の版: {}", render(previous, color)),
        None => this,
    }
}

fn render_one(errors: &ContentErrors, color: bool) -> String {
    if errors.no_folder {
        let said = errors.errors.iter().map(|e| escape_controls(&e.message));
        return said.map(|m| format!("{SEVERITY}: {m}\n")).collect();
    }
    let mut files = SimpleFiles::new();
    let ids: Vec<(String, usize, Visible)> = errors
        .texts
        .iter()
        .map(|(name, text)| {
            let visible = Visible::new(text);
            let path = escape_controls(&errors.dir.join(name).display().to_string());
            let id = files.add(path, visible.text.clone());
            (name.clone(), id, visible)
        })
        .collect();
    let config = Config::default();
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let header = format!(
        "内容ファイルに {} 件の問題があります（{}）。直してから、もう一度実行してください。\n\n",
        thousands(errors.errors.len() + errors.more),
        escape_controls(&errors.dir.display().to_string())
    );
    for e in &errors.errors {
        let file = escape_controls(&e.file);
        let message = escape_controls(&e.message);
        let mut d = Diagnostic::error().with_message(match &e.item {
            Some(item) => format!("{file}（{}）: {message}", escape_controls(item)),
            None => format!("{file}: {message}"),
        });
        if let (Some(span), Some((_, id, visible))) =
            (&e.span, ids.iter().find(|(n, _, _)| *n == e.file))
        {
            let label = escape_controls(e.item.as_deref().unwrap_or_default());
            let span = visible.map(span.start)..visible.map(span.end);
            if long_line(&visible.text, span.start) {
                // A file saved on one line: its place, not the whole file again
                // under each problem.
                let (line, column) = super::position::line_col(&visible.text, span.start);
                let path = escape_controls(&errors.dir.join(&e.file).display().to_string());
                d = d.with_notes(vec![format!(
                    "{path}:{line}:{column}（この行は長すぎるので表示しません）"
                )]);
            } else {
                d = d.with_labels(vec![Label::primary(*id, span).with_message(label)]);
            }
        }
        let mut writer = Japanese {
            w: &mut buffer,
            header: false,
        };
        if term::emit_to_write_style(&mut writer, &config, &files, &d).is_err() {
            // A span outside its file: fall back to the plain line.
            buffer.clear();
            return format!("{header}{}{}", plain(errors), more(errors));
        }
    }
    format!(
        "{header}{}{}",
        String::from_utf8_lossy(buffer.as_slice()),
        more(errors)
    )
}

/// codespan's writer with the severity in Japanese: 「エラー:」, as every other
/// message of planpress begins (codespan writes "error" between `set_header` and
/// `set_header_message`).
struct Japanese<'a, W: WriteStyle> {
    w: &'a mut W,
    header: bool,
}

impl<W: WriteStyle> std::io::Write for Japanese<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.header && buf == b"error" {
            self.w.write_all(SEVERITY.as_bytes())?;
            return Ok(buf.len());
        }
        self.w.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

impl<W: WriteStyle> WriteStyle for Japanese<'_, W> {
    fn set_header(&mut self, severity: Severity) -> GeneralWriteResult {
        self.header = true;
        self.w.set_header(severity)
    }
    fn set_header_message(&mut self) -> GeneralWriteResult {
        self.header = false;
        self.w.set_header_message()
    }
    fn set_line_number(&mut self) -> GeneralWriteResult {
        self.w.set_line_number()
    }
    fn set_note_bullet(&mut self) -> GeneralWriteResult {
        self.w.set_note_bullet()
    }
    fn set_source_border(&mut self) -> GeneralWriteResult {
        self.w.set_source_border()
    }
    fn set_label(&mut self, severity: Severity, style: LabelStyle) -> GeneralWriteResult {
        self.w.set_label(severity, style)
    }
    fn reset(&mut self) -> GeneralWriteResult {
        self.w.reset()
    }
}

/// How every failure of planpress begins (warnings begin 「注意:」).
pub const SEVERITY: &str = "エラー";

/// The longest line shown under a problem, in bytes (paragraphs are written on
/// one line, so this is well above the longest of them).
const LONG_LINE: usize = 4096;

/// Whether the line around byte `at` is longer than `LONG_LINE`, looking no
/// further than that either side (a one-line file may be megabytes).
fn long_line(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let at = at.min(b.len());
    let lo = at.saturating_sub(LONG_LINE);
    let hi = (at + LONG_LINE).min(b.len());
    let start = match b[lo..at].iter().rposition(|&c| c == b'\n') {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return true,
    };
    let end = match b[at..hi].iter().position(|&c| c == b'\n') {
        Some(i) => at + i,
        None if hi == b.len() => hi,
        None => return true,
    };
    end - start > LONG_LINE
}

fn plain(errors: &ContentErrors) -> String {
    (errors.errors.iter())
        .map(|e| format!("{SEVERITY}: {e}\n"))
        .collect()
}

/// The count of the problems not shown.
fn more(errors: &ContentErrors) -> String {
    match errors.more {
        0 => String::new(),
        n => format!(
            "ほかに {} 件の誤りがあります。上の誤りを直してから、もう一度実行してください。\n",
            thousands(n)
        ),
    }
}

/// 99900 → 99,900.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Control characters from content shown as their code (U+0007), never sent to
/// the terminal as they are.
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            _ if c.is_control() => format!("U+{:04X}", c as u32),
            _ => c.to_string(),
        })
        .collect()
}

/// A file's text with its control characters (but line ends and tabs) replaced
/// by visible symbols, and the map from byte offsets in the file to offsets in it.
struct Visible {
    text: String,
    /// (offset in the file after a replaced character, bytes added up to there).
    shifts: Vec<(usize, usize)>,
}

impl Visible {
    fn new(text: &str) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        let mut added = 0;
        for (i, c) in text.char_indices() {
            let shown = match c {
                '\n' | '\r' | '\t' => c,
                '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
                '\u{7f}' => '\u{2421}',
                _ if c.is_control() => '\u{fffd}',
                _ => c,
            };
            out.push(shown);
            if shown != c {
                added += shown.len_utf8() - c.len_utf8();
                shifts.push((i + c.len_utf8(), added));
            }
        }
        Visible { text: out, shifts }
    }

    fn map(&self, offset: usize) -> usize {
        let n = self.shifts.partition_point(|&(at, _)| at <= offset);
        offset + n.checked_sub(1).map_or(0, |k| self.shifts[k].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_by_their_code() {
        assert_eq!(escape_controls("a\u{7}b\u{1b}[2J"), "aU+0007bU+001B[2J");
        let v = Visible::new("a\u{7}b\u{85}c");
        assert_eq!(v.text, "a\u{2407}b\u{fffd}c");
        assert_eq!(&v.text[v.map(2)..v.map(3)], "b");
        assert_eq!(&v.text[v.map(5)..], "c");
        assert_eq!(thousands(99_900), "99,900");
        assert_eq!(thousands(100), "100");
    }

    #[test]
    fn the_header_is_japanese_in_colour_too() {
        let text = "{\n  \"title\": \"\"\n}\n".to_string();
        let mut e = super::super::ContentError::new("1-principles.json", "見出しが空です");
        e.span = Some(13..15);
        let errors = ContentErrors {
            dir: "content/x".into(),
            errors: vec![e],
            more: 0,
            texts: vec![("1-principles.json".into(), text)],
            no_folder: false,
            previous: None,
        };
        for color in [false, true] {
            let shown = render(&errors, color);
            assert!(shown.contains("エラー"), "{shown}");
            assert!(!shown.contains("error"), "{shown}");
        }
        assert!(render(&errors, true).contains('\u{1b}'), "coloured");
    }
}
