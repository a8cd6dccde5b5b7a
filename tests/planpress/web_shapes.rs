//! The web edition holds the PDF's shapes: fonts cut down to the page.

use std::collections::BTreeSet;
use std::path::Path;

use ttf_parser::{Face, GlyphId, OutlineBuilder};

use crate::doc::*;
use crate::web::{attrs, text};

/// The web edition's files for an edition folder: (path, bytes).
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    planpress::Pipeline::new(planpress::Config::new(dir))
        .web()
        .unwrap()
        .1
}

fn stylesheet() -> String {
    std::fs::read_to_string(root().join("templates/web/style.css")).unwrap()
}

/// The stylesheet's rules: (the `@media` they sit in or "", selectors, declarations).
fn rules(css: &str) -> Vec<(String, Vec<String>, String)> {
    let mut plain = String::new();
    for (i, part) in css.split("/*").enumerate() {
        plain.push_str(if i == 0 {
            part
        } else {
            part.split_once("*/").unwrap().1
        });
    }
    let (mut out, mut media, mut rest) = (Vec::new(), String::new(), plain.as_str());
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix('}') {
            media.clear();
            rest = r;
            continue;
        }
        let Some(open) = rest.find('{') else { break };
        let head = rest[..open].trim();
        if head.starts_with("@media") {
            media = head.to_string();
            rest = &rest[open + 1..];
            continue;
        }
        let close = open + rest[open..].find('}').unwrap();
        let selectors = head.split(',').map(|s| s.trim().to_string()).collect();
        out.push((media.clone(), selectors, rest[open + 1..close].to_string()));
        rest = &rest[close + 1..];
    }
    out
}

/// A glyph's outline, as drawing commands.
#[derive(Default, PartialEq, Debug)]
struct Outline(Vec<(char, [i32; 6])>);

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(('M', [x as i32, y as i32, 0, 0, 0, 0]));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(('L', [x as i32, y as i32, 0, 0, 0, 0]));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let p = [x1, y1, x, y, 0.0, 0.0].map(|v| v as i32);
        self.0.push(('Q', p));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.push(('C', [x1, y1, x2, y2, x, y].map(|v| v as i32)));
    }
    fn close(&mut self) {
        self.0.push(('Z', [0; 6]));
    }
}

fn outline(face: &Face, glyph: GlyphId) -> Outline {
    let mut o = Outline::default();
    face.outline_glyph(glyph, &mut o);
    o
}

/// The shipped edition and the largest fixture each fit in 1.5 MB, and their fonts
/// draw every character the page shows, each with the original glyph.
#[test]
fn the_web_folder_is_small_and_its_fonts_draw_the_whole_page() {
    for edition in [EDITION, "tests/fixtures/large-ward"] {
        let files = files(&root().join(edition));
        let total: usize = files.iter().map(|(_, d)| d.len()).sum();
        assert!(
            total <= 1_500_000,
            "{edition}: the web folder has {total} bytes"
        );
        let html = String::from_utf8(files[0].1.clone()).unwrap();
        let css = String::from_utf8(files[1].1.clone()).unwrap();
        // What a reader sees: the text, the cell labels shown on phones
        // (data-label) and the stylesheet's generated text ("：").
        let mut shown: BTreeSet<char> = text(&html).chars().collect();
        shown.extend(attrs(&html, "data-label").concat().chars());
        for (_, _, decls) in rules(&css) {
            if let Some((_, content)) = decls.split_once("content:") {
                let quoted = content.split(';').next().unwrap().split('"').skip(1);
                shown.extend(quoted.step_by(2).flat_map(str::chars));
            }
        }
        assert!(shown.contains(&'：') && shown.contains(&'場'));
        shown.retain(|c| !c.is_control());
        for (name, data) in files.iter().filter(|(n, _)| n.ends_with(".ttf")) {
            let original = planpress::fonts::FONT_FILES
                .iter()
                .find(|(n, _)| name.ends_with(n))
                .unwrap()
                .1;
            assert!(
                data.len() < original.len() / 8,
                "{edition} {name}: not subset"
            );
            let (face, full) = (
                Face::parse(data, 0).unwrap(),
                Face::parse(original, 0).unwrap(),
            );
            // A browser refuses a font without these tables.
            let t = face.tables();
            assert!(t.cmap.is_some() && t.os2.is_some() && t.name.is_some() && t.post.is_some());
            for &c in &shown {
                let old = full.glyph_index(c).unwrap();
                let new = face
                    .glyph_index(c)
                    .unwrap_or_else(|| panic!("{edition} {name}: no glyph for {c:?}"));
                assert_eq!(
                    outline(&face, new),
                    outline(&full, old),
                    "{edition} {name}: {c:?}"
                );
                assert_eq!(face.glyph_hor_advance(new), full.glyph_hor_advance(old));
            }
            assert_eq!(face.ascender(), full.ascender(), "{name}: line metrics");
            assert_eq!(face.descender(), full.descender());
        }
        // The licence travels with the fonts.
        assert!(files.iter().any(|(n, _)| n == "fonts/OFL.txt"));
    }
    assert!(stylesheet().contains("subsets"));
}
