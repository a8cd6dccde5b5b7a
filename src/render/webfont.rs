//! The web edition's fonts, cut down to the characters its page shows (SIL OFL 1.1
//! allows subsets). typst's `subsetter` keeps those glyphs' outlines, hinting and
//! metrics, renumbered, but drops what a PDF does not need; a browser needs two
//! of those tables, so they are put back: a `cmap` from each character to its new
//! glyph, and the original `OS/2` (line metrics, weight, licence flags).

use std::collections::BTreeSet;

use subsetter::GlyphRemapper;
use ttf_parser::{Face, RawFace};
use write_fonts::FontBuilder;
use write_fonts::tables::cmap::Cmap;
use write_fonts::types::{GlyphId, Tag};

/// Characters always kept: printable ASCII and the ideographic space, so that a
/// template's literal text or a browser's list numbers never fall back to
/// another font.
fn basics() -> impl Iterator<Item = char> {
    (' '..='~').chain(['\u{3000}'])
}

/// The characters a page can show: every character of its files' text (markup,
/// attribute values such as `data-label`, the stylesheet's generated content)
/// and the basics. A superset of what is rendered, which is what is needed.
pub fn characters<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeSet<char> {
    texts
        .into_iter()
        .flat_map(str::chars)
        .chain(basics())
        .filter(|c| !c.is_control())
        .collect()
}

/// `font` (a TrueType font file) with only the glyphs of `chars`; `None` if the
/// font cannot be subset (the caller then ships it whole).
pub fn subset(font: &[u8], chars: &BTreeSet<char>) -> Option<Vec<u8>> {
    let face = Face::parse(font, 0).ok()?;
    let mut remapper = GlyphRemapper::new();
    let mappings: Vec<(char, GlyphId)> = chars
        .iter()
        .filter_map(|&c| {
            let old = face.glyph_index(c)?;
            Some((c, GlyphId::new(remapper.remap(old.0).into())))
        })
        .collect();
    let cut = subsetter::subset(font, 0, &remapper).ok()?;

    let mut builder = FontBuilder::new();
    let cut_face = RawFace::parse(&cut, 0).ok()?;
    for record in cut_face.table_records {
        let start = record.offset as usize;
        let table = cut.get(start..start + record.length as usize)?;
        builder.add_raw(Tag::new(&record.tag.to_bytes()), table);
    }
    let cmap = Cmap::from_mappings(mappings).ok()?;
    builder.add_table(&cmap).ok()?;
    let original = face.raw_face();
    for tag in [b"OS/2", b"gasp"] {
        if let Some(table) = original.table(ttf_parser::Tag::from_bytes(tag)) {
            builder.add_raw(Tag::new(tag), table);
        }
    }
    Some(builder.build())
}
