//! A paragraph's words as the change list and the 新旧対照表 show them: text as
//! written, and a cross reference as the web edition words it — the printed
//! name of the place it points to (「（区民窓口担当参照）」), never its markup
//! (`dept:…`). The PDF prints a page number there (P12, 資料3), which only the
//! edition's own layout knows: the 新旧対照表 is laid out on its own, so it
//! names the place instead. Both editions' references are named with the new
//! edition's names, so renaming a place does not mark every paragraph that
//! points to it as changed; pointing to another place does.

use std::collections::HashMap;

use crate::content::blocks::Place;
use crate::content::model::{Inline, ListItem, ListMarks, ListText, Paragraph};
use crate::content::{Content, Part};
use crate::view::{list_mark, next_marks};

/// The printed names of the places references point to.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// `page_of` places (`dept:kumin`, `file:…`, `section:…#2`) → printed name.
    pages: HashMap<Place, String>,
    /// The target chapter's title (what `{"ref": "target_pages"}` points to).
    targets: Option<String>,
}

impl Names {
    /// The names of one edition's places.
    pub fn of(content: &Content) -> Self {
        let pages = (crate::view::page_targets(content).into_iter())
            .map(|(place, (_, title))| (place, title))
            .collect();
        let targets = content.chapters.iter().find_map(|p| match p {
            Part::Targets(t) => Some(t.title.clone()),
            _ => None,
        });
        Names { pages, targets }
    }

    /// `self` (the new edition's names), and `old`'s for the places only it has.
    pub fn or(&self, old: &Names) -> Self {
        let mut pages = old.pages.clone();
        pages.extend(self.pages.clone());
        Names {
            pages,
            targets: self.targets.clone().or_else(|| old.targets.clone()),
        }
    }

    fn inline(&self, i: &Inline) -> String {
        match i {
            Inline::Text(t) => t.clone(),
            Inline::Ref(_) => self.targets.clone().unwrap_or_default(),
            // A place this edition does not have (validation refuses it) as written.
            Inline::PageOf(p) => Place::parse(&p.page_of)
                .and_then(|k| self.pages.get(&k).cloned())
                .unwrap_or_else(|| p.page_of.clone()),
        }
    }

    fn inlines(&self, pieces: &[Inline]) -> String {
        pieces.iter().map(|i| self.inline(i)).collect()
    }

    /// A list's items as printed, each with its mark (・, 第1, (1)…).
    fn list_items(&self, list: &[ListItem], marks: ListMarks) -> Vec<String> {
        (list.iter().enumerate())
            .flat_map(|(n, i)| {
                let mark = list_mark(marks, n + 1);
                match i {
                    ListItem::Text(t) => vec![format!("{mark}　{t}")],
                    ListItem::Mixed(m) => vec![format!("{mark}　{}", self.inlines(m))],
                    ListItem::Parent(p) => {
                        let head = match &p.text {
                            ListText::Text(t) => t.clone(),
                            ListText::Mixed(m) => self.inlines(m),
                        };
                        let inner = p.marks.unwrap_or_else(|| next_marks(marks));
                        std::iter::once(format!("{mark}　{head}"))
                            .chain(self.list_items(&p.list, inner))
                            .collect()
                    }
                }
            })
            .collect()
    }

    /// A paragraph's passages: its text; a list's items one by one, marked as
    /// printed; a table's caption, its header row and each row (`cells`: the
    /// 新旧対照表 sets them as a table).
    pub fn passages(&self, p: &Paragraph) -> Vec<String> {
        match p {
            Paragraph::Text(t) => vec![t.clone()],
            Paragraph::Mixed(m) => vec![self.inlines(m)],
            Paragraph::List(l) => self.list_items(&l.list, l.marks.unwrap_or(ListMarks::Bullet)),
            Paragraph::Table(t) => std::iter::once(t.table.caption.clone())
                .chain(std::iter::once(super::cells::header(&t.table.columns)))
                .chain(t.table.rows.iter().map(|r| super::cells::row(r)))
                .collect(),
        }
    }
}
