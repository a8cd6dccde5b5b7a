//! Characters the bundled fonts cannot print. The coverage is read from the fonts
//! themselves: a character must be in BIZ UDMincho (body) and BIZ UDGothic (headings,
//! tables), since any text may be set in either.

use serde_json::Value;
use unicode_normalization::char::is_combining_mark;

use std::sync::OnceLock;

use ttf_parser::Face;

use crate::fonts::FONT_FILES;

/// The bundled faces, parsed once.
fn faces() -> &'static [Face<'static>] {
    static FACES: OnceLock<Vec<Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        FONT_FILES
            .iter()
            .map(|(name, data)| {
                Face::parse(data, 0).unwrap_or_else(|e| panic!("bundled font {name}: {e}"))
            })
            .collect()
    })
}

/// Why a character cannot be printed, or `None` when it can.
pub fn unprintable(c: char, next: Option<char>) -> Option<&'static str> {
    if c == '\n' {
        return None;
    }
    if c.is_control() {
        return Some("制御文字");
    }
    if is_noncharacter(c) {
        // U+FFFF passed the fonts' coverage (their cmap's last segment maps it)
        // and then failed the build.
        return Some("文字ではない符号（非文字）");
    }
    if matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..) {
        return Some("私用領域の文字（外字など）");
    }
    if is_variation_selector(c) {
        // Checked together with its base character.
        return None;
    }
    let faces = faces();
    let covered = |c: char| faces.iter().all(|f| f.glyph_index(c).is_some());
    if !covered(c) {
        return Some(if is_emoji(c) {
            "絵文字"
        } else {
            "内蔵フォントにない文字（外字など）"
        });
    }
    if let Some(vs) = next.filter(|&n| is_variation_selector(n))
        && !faces
            .iter()
            .all(|f| f.glyph_variation_index(c, vs).is_some())
    {
        return Some("内蔵フォントにない異体字（異体字セレクタ付き）");
    }
    None
}

/// The 66 code points Unicode reserves as never being characters.
fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// At most this many combining marks on one base character. A heading with 30
/// marks failed the build; two stacked marks (NFD Vietnamese, 「ễ」) already reach
/// the line above in a heading, and the layout check refuses the page. One mark
/// prints (「é」 as e + U+0301, 「が」 as か + U+3099).
pub const MAX_MARKS: usize = 1;

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x200D)
}

/// An unprintable character in a content file: where and what.
pub struct Unprintable {
    pub pointer: String,
    /// Character offset within the string value.
    pub index: usize,
    pub shown: String,
    pub reason: &'static str,
}

/// Every unprintable character in the string values of `root`.
pub fn scan(root: &Value) -> Vec<Unprintable> {
    let mut out = Vec::new();
    walk(root, String::new(), &mut out);
    out
}

fn walk(v: &Value, pointer: String, out: &mut Vec<Unprintable>) {
    match v {
        Value::String(s) => {
            let chars: Vec<char> = s.chars().collect();
            let mut marks = 0;
            for (i, &c) in chars.iter().enumerate() {
                let next = chars.get(i + 1).copied();
                let is_mark = is_combining_mark(c) && !is_variation_selector(c);
                marks = if is_mark { marks + 1 } else { 0 };
                if marks == MAX_MARKS + 1 {
                    out.push(Unprintable {
                        pointer: pointer.clone(),
                        index: i,
                        shown: format!("U+{:04X}", c as u32),
                        reason: "一つの字に 2 個以上重ねた結合文字（1 個まで。合成済みの字「ễ」などに置き換えられます）",
                    });
                }
                if let Some(reason) = unprintable(c, next) {
                    let mut shown = format!("U+{:04X}", c as u32);
                    if let Some(vs) = next.filter(|&n| is_variation_selector(n)) {
                        shown.push_str(&format!(" U+{:04X}", vs as u32));
                    }
                    if !c.is_control() && !is_noncharacter(c) {
                        shown = format!("「{c}」({shown})");
                    }
                    out.push(Unprintable {
                        pointer: pointer.clone(),
                        index: i,
                        shown,
                        reason,
                    });
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                walk(
                    x,
                    format!("{pointer}/{}", super::spans::pointer_token(k)),
                    out,
                );
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_comes_from_the_fonts() {
        assert_eq!(unprintable('髙', None), None);
        assert_eq!(unprintable('吉', None), None);
        assert!(unprintable('\u{20BB7}', None).is_some());
        assert_eq!(unprintable('😀', None), Some("絵文字"));
        assert_eq!(unprintable('\u{7}', None), Some("制御文字"));
        assert!(unprintable('\u{FFFF}', None).is_some());
        assert!(unprintable('\u{FDD0}', None).is_some());
        assert!(unprintable('\u{E000}', None).is_some());
        assert!(
            unprintable('葛', Some('\u{E0100}')).is_some()
                || unprintable('辻', Some('\u{FE0F}')).is_some()
        );
    }
}
