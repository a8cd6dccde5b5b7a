//! The web edition holds the PDF's shapes: label columns as wide as their labels,
//! A4 paper, line breaks typed in a value, and fonts cut down to the page.

use std::collections::BTreeSet;
use std::path::Path;

use ttf_parser::{Face, GlyphId, OutlineBuilder};

use crate::doc::*;
use crate::web::{attrs, text, web};

/// The web edition's files for an edition folder: (path, bytes).
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    planpress::Pipeline::new(planpress::Config::new(dir))
        .web()
        .unwrap()
        .1
}

pub fn stylesheet() -> String {
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

/// Every declaration for `selector` (exactly as written) in `media` ("" outside any).
pub fn style(css: &str, media: &str, selector: &str) -> String {
    rules(css)
        .into_iter()
        .filter(|(m, s, _)| m == media && s.iter().any(|s| s == selector))
        .map(|(_, _, d)| d)
        .collect::<Vec<_>>()
        .join(";")
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

/// The shipped edition and the largest fixtures each fit in 1.5 MB, and their fonts
/// draw every character the page shows, each with the original glyph.
#[test]
fn the_web_folder_is_small_and_its_fonts_draw_the_whole_page() {
    let editions = [
        EDITION,
        "tests/fixtures/large-ward",
        "tests/fixtures/wide-ward",
    ];
    for edition in editions {
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

/// Printing gives A4 pages, as the PDF, and a table's caption and column
/// headers stay with its first rows.
#[test]
fn the_web_edition_prints_on_a4() {
    let css = stylesheet();
    let page = style(&css, "", "@page");
    assert!(
        page.contains("size: A4") && page.contains("margin:"),
        "{page}"
    );
    let print = "@media print";
    for element in ["caption", "thead", "h2", "h3", "h4", "h5"] {
        let s = style(&css, print, element);
        assert!(s.contains("break-after: avoid"), "{element}: {s}");
    }
    assert!(style(&css, print, "thead").contains("display: table-header-group"));
    assert!(style(&css, print, "tr").contains("break-inside: avoid"));
}

/// The line breaks a reader sees: those in text inside an element the stylesheet
/// keeps line breaks in (`white-space: pre-line`, inherited), and not reset by a
/// closer one (`white-space: normal`).
fn kept_line_breaks(html: &str, css: &str) -> usize {
    let elements = |value: &str| -> Vec<String> {
        let rules = rules(css)
            .into_iter()
            .filter(|(m, _, d)| m.is_empty() && d.contains(value));
        rules.flat_map(|(_, s, _)| s).collect()
    };
    let (keep, reset) = (
        elements("white-space: pre-line"),
        elements("white-space: normal"),
    );
    let (mut stack, mut count, mut rest) = (Vec::<&str>::new(), 0, html);
    while let Some(open) = rest.find('<') {
        let kept = stack
            .iter()
            .rev()
            .find(|t| keep.iter().chain(&reset).any(|e| e == *t));
        if kept.is_some_and(|t| keep.iter().any(|e| e == t)) {
            count += rest[..open].matches('\n').count();
        }
        let close = open + rest[open..].find('>').unwrap();
        let tag = &rest[open + 1..close];
        if let Some(name) = tag.strip_prefix('/') {
            while stack.pop().is_some_and(|t| t != name) {}
        } else if !tag.starts_with('!') {
            let name = tag.split(' ').next().unwrap();
            if !["br", "meta", "link"].contains(&name) {
                stack.push(name);
            }
        }
        rest = &rest[close + 1..];
    }
    count
}

/// A line break typed in a value shows on the page, as in the PDF (the value still
/// escaped), and the template's own line breaks never do.
#[test]
fn a_line_break_typed_in_a_value_shows_on_the_web_page() {
    let css = stylesheet();
    assert_eq!(kept_line_breaks(&web(&root().join(EDITION)), &css), 0);
    let dir = scratch_edition("web-line-break");
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][0]["text"] = "一行目\n<二行目>".into()
    });
    edit_json(&dir, "1-principles.json", |v| {
        v["principles"][0]["text"] = "原則の一行目\n原則の二行目".into()
    });
    edit_json(&dir, "edition.json", |v| {
        v["publisher"] = "川崎市\n宮前区役所".into()
    });
    let html = web(&dir);
    assert!(html.contains("<td data-label=\"目標\">一行目\n&lt;二行目&gt;</td>"));
    assert!(html.contains("<p>原則の一行目\n原則の二行目</p>"));
    // The publisher shows twice: on the cover and in the footer.
    assert_eq!(kept_line_breaks(&html, &css), 4);
}

/// Label columns (No, 場面, 部署名, 所管, 状況, 備考, 区分, 氏名) are marked to take the
/// width of their labels, and the text columns are not.
#[test]
fn label_columns_are_as_wide_as_their_labels() {
    let editions = [
        EDITION,
        "tests/fixtures/fictional-r3",
        "tests/fixtures/large-ward",
        "tests/fixtures/long-names",
        "tests/fixtures/wide-ward",
    ];
    let class_of = |label: &str| match label {
        "No" => " class=\"no\"",
        "場面" | "部署名" | "所管" | "状況" | "備考" | "区分" | "氏名" => {
            " class=\"label\""
        }
        // The results' two text columns share the rest.
        "目標" | "実施結果" => " class=\"half\"",
        _ => "",
    };
    // Cells carry their column's class, but for the header-only `half`.
    let cell_class = |label: &str| class_of(label).replace(" class=\"half\"", "");
    let mut headers = BTreeSet::new();
    for edition in editions {
        let html = web(&root().join(edition));
        // Column headers.
        let col = "<th scope=\"col\"";
        for (i, _) in html.match_indices(col) {
            let rest = &html[i + col.len()..];
            let (attrs, rest) = rest.split_once('>').unwrap();
            let label = &rest[..rest.find("</th>").unwrap()];
            assert_eq!(attrs, class_of(label), "{edition}: header {label}");
            headers.insert(label.to_string());
        }
        // Cells, by their label (standards and targets) ...
        for (i, _) in html.match_indices("<td") {
            let cell = &html[i..i + html[i..].find("</td>").unwrap()];
            if let Some(label) = attrs(cell, "data-label").first() {
                let class = cell_class(label);
                assert!(
                    cell.starts_with(&format!("<td{class}")),
                    "{edition}: {cell}"
                );
                if class.contains("label") {
                    assert!(
                        cell.contains("\"><span>") && cell.ends_with("</span>"),
                        "{cell}"
                    );
                }
            }
        }
        assert_eq!(
            html.matches("<th scope=\"rowgroup\"").count(),
            html.matches("<th scope=\"rowgroup\" class=\"label\" rowspan=")
                .count()
        );
        // ... and by position (roster and results, which have no merged cells).
        for table in html.split("<table").skip(1) {
            let table = &table[..table.find("</table>").unwrap()];
            if table.contains("data-label") {
                continue;
            }
            let head = &table[table.find("<thead>").unwrap()..table.find("</thead>").unwrap()];
            let classes: Vec<String> = head
                .split("<th scope=\"col\"")
                .skip(1)
                .map(|h| cell_class(&h[h.find('>').unwrap() + 1..h.find("</th>").unwrap()]))
                .collect();
            for row in table.split("<tr>").skip(2) {
                let cells: Vec<&str> = row.split("<td").skip(1).collect();
                assert_eq!(cells.len(), classes.len(), "{edition}: {row}");
                for (cell, class) in cells.iter().zip(&classes) {
                    assert!(cell.starts_with(&format!("{class}>")), "{edition}: {cell}");
                }
            }
        }
    }
    assert!(
        ["No", "場面", "部署名", "所管", "状況", "区分", "氏名"]
            .iter()
            .all(|h| headers.contains(*h))
    );
    // The stylesheet: a label breaks only where it does itself, up to a width
    // in em; long Latin tokens break anywhere rather than run out of a cell.
    let css = stylesheet();
    assert!(style(&css, "", ".label").contains("word-break: keep-all"));
    let span = style(&css, "", ".label > span");
    let max: f32 = span
        .split("max-width:")
        .nth(1)
        .unwrap()
        .trim()
        .split("em")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        span.contains("display: inline-block") && (6.0..=20.0).contains(&max),
        "{span}"
    );
    assert!(style(&css, "", ".no").contains("white-space: nowrap"));
    assert!(style(&css, "", "th.half").contains("width: 50%"));
    for cell in ["th", "td"] {
        assert!(style(&css, "", cell).contains("overflow-wrap: anywhere"));
    }
}
