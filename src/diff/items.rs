//! Every printed item of an edition as a comparable item: its identity and its
//! passages (a paragraph, a list item, a field), in document order.

use crate::content::model::{
    Achievement, FreeSection, NumberedItem, Paragraph, Section, Standard, StandardTable,
    TargetsChapter, WorkingTeam,
};
use crate::content::{Content, Part, date::fiscal_year_wareki};
use crate::item::{Dept, ItemId};

/// One comparable item: what it is, and its text passage by passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: ItemId,
    pub parts: Vec<String>,
}

impl Item {
    pub fn new(id: ItemId, parts: Vec<String>) -> Self {
        let parts = parts.into_iter().filter(|p| !p.is_empty()).collect();
        Item { id, parts }
    }

    /// The whole text, passages joined with 「／」 (for the terminal and JSON).
    pub fn text(&self) -> String {
        let shown: Vec<String> = self
            .parts
            .iter()
            .map(|p| super::cells::display(p))
            .collect();
        shown.join("／")
    }
}

/// A paragraph's passages: its text, or a simple table's caption, header row
/// and rows (`cells`: the 新旧対照表 sets them as a table).
fn paragraphs(ps: &[Paragraph]) -> impl Iterator<Item = String> + '_ {
    ps.iter().flat_map(|p| match p {
        Paragraph::Table(t) => {
            let t = &t.table;
            let rows = t.rows.iter().map(|r| super::cells::row(r));
            [t.caption.clone(), super::cells::header(&t.columns)]
                .into_iter()
                .chain(rows)
                .collect()
        }
        _ => vec![crate::content::blocks::plain_text(p)],
    })
}

/// `名前: 値`, or nothing when there is no value.
fn field(name: &str, value: Option<&str>) -> String {
    value.map(|v| format!("{name}: {v}")).unwrap_or_default()
}

/// Numbered title-and-text items (principles, policy items).
fn numbered(out: &mut Vec<Item>, id: fn(u32) -> ItemId, items: &[NumberedItem]) {
    for x in items {
        out.push(Item::new(
            id(x.number),
            vec![x.title.clone(), x.text.clone()],
        ));
    }
}

fn standard(prefix: &str, st: &Standard) -> Item {
    let text = format!("{}{}", st.text, st.note.as_deref().unwrap_or_default());
    let parts = vec![
        text,
        field("所管", st.owner.as_deref()),
        field("場面", Some(&st.scene)),
    ];
    Item::new(ItemId::standard(prefix, st.number), parts)
}

fn team(w: &WorkingTeam) -> Item {
    let parts = (w.achievements.iter())
        .map(|a| match a {
            Achievement::Text(t) => t.clone(),
            Achievement::Detailed(d) => format!("{}{}", d.text, d.detail),
        })
        .collect();
    Item::new(ItemId::Team(w.term), parts)
}

/// A section of a chapter of the edition's own: its title, then its
/// paragraphs' and subsections' words (lists and tables cell by cell).
fn free_section(id: ItemId, s: &FreeSection) -> Item {
    let mut parts = vec![s.title.clone()];
    parts.extend(paragraphs(&s.paragraphs));
    for sub in &s.subsections {
        parts.push(sub.title.clone());
        parts.extend(paragraphs(&sub.paragraphs));
    }
    Item::new(id, parts)
}

/// A numbered section's own words: its title, paragraphs, policy title and
/// PDCA cycle, then each subsection's title and paragraphs (its policy items,
/// tables, standards and teams are items of their own).
fn section(file: &str, s: &Section, out: &mut Vec<Item>) {
    let mut parts = vec![s.title.clone()];
    parts.extend(paragraphs(&s.paragraphs));
    if let Some(p) = &s.policy {
        parts.push(p.title.clone());
    }
    if let Some(p) = &s.pdca {
        let stages = p
            .stages
            .iter()
            .map(|x| format!("{}（{}）", x.name, x.label));
        parts.push(
            std::iter::once(p.center.clone())
                .chain(stages)
                .collect::<Vec<_>>()
                .join("・"),
        );
        parts.extend(p.gap.clone());
    }
    for sub in &s.subsections {
        parts.push(sub.title.clone());
        parts.extend(paragraphs(&sub.paragraphs));
    }
    let id = ItemId::Section(file.to_string(), s.number, s.title.clone());
    out.push(Item::new(id, parts));
    if let Some(policy) = &s.policy {
        numbered(out, ItemId::Policy, &policy.items);
    }
    for (i, t) in s.standard_tables.iter().enumerate() {
        table(file, s.number, i + 1, t, out);
    }
    for w in s.subsections.iter().flat_map(|sub| &sub.working_teams) {
        out.push(team(w));
    }
}

fn table(file: &str, section: u32, n: usize, t: &StandardTable, out: &mut Vec<Item>) {
    let id = ItemId::StandardTable(file.to_string(), section, n);
    out.push(Item::new(
        id,
        vec![t.title.clone(), t.lead.clone().unwrap_or_default()],
    ));
    out.extend(t.standards.iter().map(|st| standard(t.item_prefix(), st)));
}

/// The organisation (部 → 課 → 担当), then the targets of each holder.
fn targets(t: &TargetsChapter, out: &mut Vec<Item>) {
    numbered(out, ItemId::TargetPolicy, &t.policy.items);
    for div in &t.divisions {
        if let Some(name) = &div.name {
            let id = div.id.clone().unwrap_or_else(|| name.clone());
            out.push(Item::new(
                ItemId::Unit(Dept::new(&id, name)),
                vec![name.clone()],
            ));
        }
        let within = field("所属", div.name.as_deref());
        for d in &div.departments {
            let short = Some(&d.short_name).filter(|s| **s != d.full_name);
            let parts = vec![
                d.full_name.clone(),
                field("略称", short.map(|s| s.as_str())),
                within.clone(),
            ];
            out.push(Item::new(
                ItemId::Unit(Dept::new(&d.id, &d.short_name)),
                parts,
            ));
            for u in &d.units {
                let parts = vec![u.name.clone(), field("所属", Some(&d.full_name))];
                let name = format!("{} {}", d.short_name, u.name);
                out.push(Item::new(ItemId::Unit(Dept::new(&u.id, &name)), parts));
            }
        }
    }
    for (_, d) in crate::content::holders(t) {
        for x in &d.targets {
            let parts = vec![x.text.clone(), field("場面", Some(&x.scene))];
            out.push(Item::new(d.item(x.number), parts));
        }
    }
}

/// The comparable items of an edition, in document order.
pub fn items(content: &Content) -> Vec<Item> {
    let mut out = Vec::new();
    let ed = &content.edition;
    let mut cover = vec![ed.title.clone(), ed.cover.title_lines.join("　")];
    cover.push(ed.cover.subtitle.clone());
    cover.push(format!(
        "{}　{}",
        fiscal_year_wareki(ed.fiscal_year),
        ed.published.wareki()
    ));
    cover.push(ed.publisher.clone());
    out.push(Item::new(ItemId::Cover, cover));
    let p = &ed.policy;
    let signer = format!("{}　{}", p.signer_title, p.signer_name);
    out.push(Item::new(ItemId::Signature, vec![p.date.wareki(), signer]));
    for (part, r) in content.chapters.iter().zip(&ed.chapters) {
        let chapter = |title: &str, lead: Vec<String>| {
            let parts = std::iter::once(title.to_string()).chain(lead).collect();
            Item::new(ItemId::Chapter(r.file.clone(), title.to_string()), parts)
        };
        match part {
            Part::Principles(p) => {
                out.push(chapter(&p.title, paragraphs(&p.intro).collect()));
                out.push(Item::new(
                    ItemId::Motto,
                    vec![p.motto.clone(), p.pledge.clone()],
                ));
                numbered(&mut out, ItemId::Principle, &p.principles);
            }
            Part::Sections(c) => {
                out.push(chapter(&c.title, c.toc_notes.clone()));
                for s in &c.sections {
                    section(&r.file, s, &mut out);
                }
            }
            Part::Targets(t) => {
                out.push(chapter(&t.title, vec![t.policy.title.clone()]));
                targets(t, &mut out);
            }
            Part::Free(f) => {
                let mut lead = f.toc_notes.clone();
                lead.extend(paragraphs(&f.paragraphs));
                out.push(chapter(&f.title, lead));
                for (i, s) in f.sections.iter().enumerate() {
                    let id = ItemId::FreeSection(r.file.clone(), f.title.clone(), i as u32 + 1);
                    out.push(free_section(id, s));
                }
            }
            _ => {}
        }
    }
    for (part, r) in content.annex.iter().zip(&ed.annex) {
        super::annex::items(&mut out, &r.file, part);
    }
    if let Some(s) = &ed.secretariat {
        out.push(Item::new(ItemId::Secretariat, vec![s.clone()]));
    }
    if let Some(c) = &ed.contact {
        let mut parts = vec![c.section.clone()];
        for (w, v) in [
            ("電話", &c.phone),
            ("FAX", &c.fax),
            ("メール", &c.email),
            ("所在地", &c.address),
        ] {
            parts.push(field(w, v.as_deref()));
        }
        out.push(Item::new(ItemId::Contact, parts));
    }
    out
}
