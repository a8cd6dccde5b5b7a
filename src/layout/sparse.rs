//! Nearly empty pages: a page whose only body text is the tail of what the
//! previous page holds (a chapter's last list item, last line) before the next
//! part starts a new page. A page that starts something (a heading) or holds the
//! colophon may be short; any other page holds at least `LEAST` lines.

use std::collections::HashSet;

use typst::foundations::{Label, NativeElement, Selector};
use typst::introspection::Introspector;
use typst::layout::Abs;
use typst::model::HeadingElem;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use super::Run;

/// The fewest lines of body text a continuing page holds.
pub(super) const LEAST: usize = 3;

/// The pages (0-based) that start something: a heading, the colophon.
pub(super) fn starting(document: &PagedDocument) -> HashSet<usize> {
    let intro = document.introspector();
    let mut found = intro.query(&Selector::Elem(HeadingElem::ELEM, None));
    if let Some(label) = Label::new(PicoStr::intern("planpress-colophon")) {
        found.extend(intro.query(&Selector::Label(label)));
    }
    (found.iter())
        .filter_map(|c| intro.page(c.location()?))
        .map(|p| p.get() - 1)
        .collect()
}

/// The body lines of a page: runs on distinct baselines.
pub(super) fn lines(runs: &[Run]) -> usize {
    let mut ys: Vec<Abs> = runs.iter().map(|r| r.baseline).collect();
    ys.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    ys.dedup_by(|a, b| (*a - *b).abs() < Abs::pt(2.0));
    ys.len()
}

/// What a clerk is told about such a page.
pub(super) fn told(page: &str, lines: usize) -> String {
    format!(
        "{page}: このページには本文が {lines} 行しかありません（前のページの続きが少しだけ残っています）。内容ファイルの誤りではありません。ページの画像（planpress preview）を確かめ、planpress の担当者に連絡してください"
    )
}
