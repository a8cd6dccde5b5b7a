//! The bundled fonts (BIZ UDMincho, BIZ UDGothic Regular and Bold; SIL OFL 1.1),
//! embedded in the binary: served to Typst, read for glyph coverage, shipped with
//! the web edition (subset to its page: `render/webfont.rs`).

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The font files committed in `fonts/`, embedded in the binary once (a `static`:
/// a `const` would be copied into each place that uses it).
pub static FONT_FILES: &[(&str, &[u8])] = &[
    (
        "BIZUDMincho-Regular.ttf",
        include_bytes!("../fonts/BIZUDMincho-Regular.ttf"),
    ),
    (
        "BIZUDGothic-Regular.ttf",
        include_bytes!("../fonts/BIZUDGothic-Regular.ttf"),
    ),
    (
        "BIZUDGothic-Bold.ttf",
        include_bytes!("../fonts/BIZUDGothic-Bold.ttf"),
    ),
];

/// The bundled fonts, parsed once per process.
pub fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|(_, data)| Font::iter(Bytes::new(*data)))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}
