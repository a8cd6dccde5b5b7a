//! Where each content value printed: the source marks the templates lay when
//! `Config::source_marks` is on (the editor's preview), read back from the
//! compiled document.
//!
//! A mark is `#metadata((file: …, pointer: …))<planpress-source>` laid at the
//! start of a printed value's content (`macros.typ.j2` `src`), never inside a
//! phrase's box: zero-size, it moves no glyph (tested on every fixture). The
//! pointer is the value's JSON pointer in its file, as the loader's messages
//! address values (`/divisions/1/departments/2/targets/0/text`), computed in the
//! view. A mark before a paragraph or a cell stands at its top-left; one inside
//! a line stands on its baseline; one right after a forced line break stands at
//! the end of the line before (the cover's later title lines, a standard's note).
//! Unmarked: the table of contents' titles and the department index (lists drawn
//! from the chapters: a department's pages are its band's and targets'), and the
//! results annex's rows taken from the previous edition.

use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// The label of a source mark's metadata (`macros.typ.j2`).
pub const LABEL: &str = "planpress-source";

/// How far below a point a mark may stand and still be "at" it: a mark inside a
/// line stands on its baseline, so a click on the upper part of the line's first
/// characters is still on that value.
const LINE: f64 = 10.0;

/// One content value's place on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMark {
    /// 0-based page index.
    pub page: usize,
    /// pt from the page's top-left corner.
    pub x: f64,
    pub y: f64,
    /// The content file, relative to the edition folder.
    pub file: String,
    /// JSON pointer of the value in that file.
    pub pointer: String,
}

/// Every source mark in the document, in page order (document order within a
/// page). Empty when the document was compiled without marks.
pub fn source_marks(doc: &PagedDocument) -> Vec<SourceMark> {
    let Some(label) = Label::new(PicoStr::intern(LABEL)) else {
        return Vec::new();
    };
    let intro = doc.introspector();
    let mut out: Vec<SourceMark> = (intro.query(&Selector::Label(label)).iter())
        .filter_map(|c| {
            let meta = c.to_packed::<MetadataElem>()?;
            let Value::Dict(d) = &meta.value else {
                return None;
            };
            let text = |k: &str| match d.get(k).ok()? {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            };
            let at = intro.position(c.location()?)?;
            Some(SourceMark {
                page: at.page.get() - 1,
                x: at.point.x.to_pt(),
                y: at.point.y.to_pt(),
                file: text("file")?,
                pointer: text("pointer")?,
            })
        })
        .collect();
    // Document order is page order but for floating content: keep it within pages.
    out.sort_by_key(|m| m.page);
    out
}

/// Whether `pointer` is `base` or lies under it (`/a/1/text` under `/a/1`, not
/// under `/a/10`); every pointer lies under the whole file's `""`.
pub fn under(pointer: &str, base: &str) -> bool {
    pointer
        .strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The pages (0-based, ascending) holding marks of `file` at or under `pointer`;
/// when none, those of its nearest parent that has marks (a value that prints
/// nothing, a target just added, shows where its item prints).
pub fn pages_for(marks: &[SourceMark], file: &str, pointer: &str) -> Vec<usize> {
    let mut base = pointer;
    loop {
        let mut pages: Vec<usize> = (marks.iter())
            .filter(|m| m.file == file && under(&m.pointer, base))
            .map(|m| m.page)
            .collect();
        if !pages.is_empty() {
            pages.sort_unstable();
            pages.dedup();
            return pages;
        }
        match base.rfind('/') {
            Some(i) => base = &base[..i],
            None => return Vec::new(),
        }
    }
}

/// How far right of another a mark stands to be in another column (a merged
/// 場面 cell beside the rows it spans) rather than a few points in (a heading's
/// inset).
const COLUMN: f64 = 40.0;

/// The value printed at a point of a page (pt from its top-left): the nearest
/// mark at or above and to the left of it. Of the marks there, those no other
/// one stands below and right of (the last value started in each column); of
/// these, one in a column further right, else the lowest, the last in reading
/// order on a tie.
pub fn mark_at(marks: &[SourceMark], page: usize, x: f64, y: f64) -> Option<&SourceMark> {
    let before: Vec<&SourceMark> = (marks.iter())
        .filter(|m| m.page == page && m.x <= x && m.y <= y + LINE)
        .collect();
    let beyond =
        |n: &SourceMark, m: &SourceMark| n.x >= m.x && n.y >= m.y && (n.x > m.x || n.y > m.y);
    let last: Vec<&SourceMark> = (before.iter().copied())
        .filter(|m| !before.iter().any(|n| beyond(n, m)))
        .collect();
    let lowest = last.iter().copied().max_by(|a, b| a.y.total_cmp(&b.y))?;
    let right = last.iter().copied().max_by(|a, b| a.x.total_cmp(&b.x))?;
    Some(if right.x - lowest.x > COLUMN {
        right
    } else {
        lowest
    })
}

/// Every source mark, each naming where its value was written: on the city's
/// common layer the common tables are put in front of a ward's own at load, so
/// a mark names the common file for those, and the ward's own tables by the
/// pointers of the ward's file ([`crate::content::CommonUse::source_of`]).
pub fn written_marks(doc: &PagedDocument, content: &crate::Content) -> Vec<SourceMark> {
    let mut marks = source_marks(doc);
    if let Some(common) = &content.common {
        for m in &mut marks {
            (m.file, m.pointer) = common.source_of(&m.file, &m.pointer);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(page: usize, x: f64, y: f64, pointer: &str) -> SourceMark {
        SourceMark {
            page,
            x,
            y,
            file: "4-targets.json".into(),
            pointer: pointer.into(),
        }
    }

    #[test]
    fn a_pointer_lies_under_its_parents_only() {
        assert!(under("/divisions/1/targets/0", "/divisions/1"));
        assert!(under("/divisions/1", "/divisions/1"));
        assert!(under("/divisions/1", ""));
        assert!(!under("/divisions/10/targets/0", "/divisions/1"));
    }

    #[test]
    fn pages_of_a_value_else_of_its_nearest_parent_with_marks() {
        let marks = [
            mark(3, 60.0, 100.0, "/divisions/0/departments/0/full_name"),
            mark(3, 90.0, 120.0, "/divisions/0/departments/0/targets/0/text"),
            mark(4, 90.0, 80.0, "/divisions/0/departments/0/targets/1/text"),
            mark(4, 90.0, 300.0, "/divisions/0/departments/1/targets/0/text"),
        ];
        let pages = |p: &str| pages_for(&marks, "4-targets.json", p);
        assert_eq!(pages("/divisions/0/departments/0"), [3, 4]);
        assert_eq!(pages("/divisions/0/departments/0/targets/1"), [4]);
        // A target just added prints nowhere yet: its department's pages.
        assert_eq!(pages("/divisions/0/departments/0/targets/7/text"), [3, 4]);
        assert_eq!(pages("/divisions/0/departments/1/id"), [4]);
        assert!(pages_for(&marks, "1-principles.json", "/title").is_empty());
    }

    #[test]
    fn a_point_maps_to_the_last_mark_above_left_of_it() {
        let marks = [
            mark(3, 60.0, 100.0, "/a"),
            mark(3, 90.0, 120.0, "/b"),
            mark(3, 60.0, 200.0, "/c"),
            mark(4, 10.0, 10.0, "/d"),
        ];
        let at = |x, y| mark_at(&marks, 3, x, y).map(|m| m.pointer.as_str());
        assert_eq!(at(95.0, 150.0), Some("/b"));
        assert_eq!(at(70.0, 150.0), Some("/a"));
        assert_eq!(at(95.0, 205.0), Some("/c"));
        // The first line of a value whose mark stands on its baseline.
        assert_eq!(at(95.0, 195.0), Some("/c"));
        assert_eq!(at(50.0, 150.0), None);
    }

    #[test]
    fn a_point_beside_rows_maps_to_the_merged_cell_it_is_in() {
        // A heading inset a little, its paragraphs; a table whose 場面 cell,
        // merged over rows 1 to 3, is laid out after them.
        let marks = [
            mark(5, 64.0, 90.0, "/sections/0/title"),
            mark(5, 56.0, 120.0, "/sections/0/paragraphs/0"),
            mark(5, 84.0, 300.0, "/standards/0/text"),
            mark(5, 84.0, 330.0, "/standards/1/text"),
            mark(5, 84.0, 360.0, "/standards/2/text"),
            mark(5, 480.0, 300.0, "/standards/0/scene"),
            mark(5, 84.0, 390.0, "/standards/3/text"),
        ];
        let at = |x, y| mark_at(&marks, 5, x, y).map(|m| m.pointer.as_str());
        assert_eq!(at(300.0, 200.0), Some("/sections/0/paragraphs/0"));
        assert_eq!(at(490.0, 370.0), Some("/standards/0/scene"));
        assert_eq!(at(200.0, 370.0), Some("/standards/2/text"));
        assert_eq!(at(200.0, 395.0), Some("/standards/3/text"));
    }
}
