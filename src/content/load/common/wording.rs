//! The common wording of the principles and of the policy: the city's numbered
//! items put before the ward's own where its file asks for them
//! (`common_principles`, `common_policy`), with the ward's overrides. A ward
//! that prints only its own items says so in `common.overrides`.

use super::super::{Loaded, Loader};
use crate::content::error::ContentError;
use crate::content::model::*;
use crate::content::{Part, Worded};
use crate::item::ItemId;

/// Principles or policy: where the common items come from and where they go.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    Principles,
    Policy,
}

/// A place in a ward's file that asks for the common items.
pub(super) struct Ask {
    pub file: String,
    /// The ward's list the common items go before (`/principles`,
    /// `/sections/2/policy/items`).
    pub list: String,
    /// The marker (`/common_principles`, `/sections/2/common_policy`).
    pub marker: String,
    pub items: CommonItems,
    /// The section's index, for a section's policy.
    section: Option<usize>,
}

impl Kind {
    fn field(self) -> CommonField {
        match self {
            Kind::Principles => CommonField::Principles,
            Kind::Policy => CommonField::Policy,
        }
    }
    /// How messages name the items.
    fn what(self) -> &'static str {
        match self {
            Kind::Principles => "基本理念の項目",
            Kind::Policy => "方針の項目",
        }
    }
    /// An item as messages name it (基本理念3, 向上方針2).
    fn label(self, n: u32) -> String {
        match self {
            Kind::Principles => ItemId::Principle(n).label(),
            Kind::Policy => ItemId::Policy(n).label(),
        }
    }
    fn marker(self) -> &'static str {
        match self {
            Kind::Principles => "common_principles",
            Kind::Policy => "common_policy",
        }
    }
    /// Where a ward puts the marker, said to the clerk.
    fn place(self) -> &'static str {
        match self {
            Kind::Principles => "基本理念の章のファイルに \"common_principles\": {} を書いて",
            Kind::Policy => {
                "方針（policy）のある節や目標の章のファイルに \"common_policy\": {} を書いて"
            }
        }
    }
    fn common(self, common: &Common) -> Option<&Vec<NumberedItem>> {
        match self {
            Kind::Principles => common.principles.as_ref(),
            Kind::Policy => common.policy.as_ref(),
        }
    }
    /// The list's pointer in `common.json`.
    fn common_list(self) -> &'static str {
        match self {
            Kind::Principles => "/principles",
            Kind::Policy => "/policy",
        }
    }

    /// Every place in the ward's files that asks for the common items.
    pub(super) fn asking(self, chapters: &Loaded) -> Vec<Ask> {
        let mut found = Vec::new();
        for (f, part) in chapters {
            match (self, part) {
                (Kind::Principles, Part::Principles(p)) => {
                    if let Some(c) = &p.common_principles {
                        found.push(Ask {
                            file: f.clone(),
                            list: "/principles".into(),
                            marker: "/common_principles".into(),
                            items: c.clone(),
                            section: None,
                        });
                    }
                }
                (Kind::Policy, Part::Targets(t)) => {
                    if let Some(c) = &t.common_policy {
                        found.push(Ask {
                            file: f.clone(),
                            list: "/policy/items".into(),
                            marker: "/common_policy".into(),
                            items: c.clone(),
                            section: None,
                        });
                    }
                }
                (Kind::Policy, Part::Sections(ch)) => {
                    for (i, s) in ch.sections.iter().enumerate() {
                        if let Some(c) = &s.common_policy {
                            found.push(Ask {
                                file: f.clone(),
                                list: format!("/sections/{i}/policy/items"),
                                marker: format!("/sections/{i}/common_policy"),
                                items: c.clone(),
                                section: Some(i),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        found
    }

    /// The ward's list at `ask`, to read or to fill.
    fn list_mut<'a>(
        self,
        chapters: &'a mut Loaded,
        ask: &Ask,
    ) -> Option<&'a mut Vec<NumberedItem>> {
        let (_, part) = chapters.iter_mut().find(|(f, _)| *f == ask.file)?;
        match (part, ask.section) {
            (Part::Principles(p), None) => Some(&mut p.principles),
            (Part::Targets(t), None) => Some(&mut t.policy.items),
            (Part::Sections(ch), Some(i)) => ch.sections[i].policy.as_mut().map(|p| &mut p.items),
            _ => None,
        }
    }
}

/// Where the ward's items go on from common ones that could not be read: their
/// numbers (`(file, pointer)`), or the empty list that awaits them.
pub(super) fn waiting(chapters: &mut Loaded) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for kind in [Kind::Principles, Kind::Policy] {
        out.extend(kind.waiting(chapters, &kind.asking(chapters)));
    }
    out
}

impl Kind {
    /// The ward's lists at `asking`, awaiting common items not put in.
    fn waiting(self, chapters: &mut Loaded, asking: &[Ask]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for ask in asking {
            let Some(list) = self.list_mut(chapters, ask) else {
                continue;
            };
            if list.is_empty() {
                out.push((ask.file.clone(), ask.list.clone()));
            }
            let numbers = (0..list.len()).map(|k| format!("{}/{k}/number", ask.list));
            out.extend(numbers.map(|p| (ask.file.clone(), p)));
        }
        out
    }
}

/// Both kinds: the common items put in place, the problems and overrides told.
pub(super) fn wording(
    loader: &mut Loader,
    chapters: &mut Loaded,
    named: &CommonRef,
    common: &Common,
    file: &str,
    notices: &mut Vec<String>,
) -> Vec<Worded> {
    let mut worded = Vec::new();
    for kind in [Kind::Principles, Kind::Policy] {
        worded.extend(one(loader, chapters, named, common, file, notices, kind));
    }
    worded
}

fn one(
    loader: &mut Loader,
    chapters: &mut Loaded,
    named: &CommonRef,
    common: &Common,
    file: &str,
    notices: &mut Vec<String>,
    kind: Kind,
) -> Vec<Worded> {
    let (what, marker, field) = (kind.what(), kind.marker(), kind.field().name());
    let asking = kind.asking(chapters);
    let own = named.overrides.iter().position(|f| *f == kind.field());
    if kind.common(common).is_some_and(|items| items.is_empty()) && own.is_none() {
        let m = format!(
            "共通の{what}が一つもありません。共通の{what}を書くか、{field} を消してください（{field} を消すなら、各区のファイルの {marker} も消します）"
        );
        let list = kind.common_list();
        (loader.errors).push(ContentError::new(file, m).at(list));
        let waiting = kind.waiting(chapters, &asking);
        loader.aside.extend(waiting);
        return Vec::new();
    }
    let Some(items) = kind.common(common) else {
        let waiting = kind.waiting(chapters, &asking);
        loader.aside.extend(waiting);
        let m = format!(
            "{marker}（共通の{what}をここに載せる）がありますが、共通フォルダの {file} に {field}（{what}）がありません。{marker} を消すか、{file} に共通の{what}を書いてください"
        );
        tell_each(loader, &asking, &m);
        if let Some(i) = own {
            let m = format!(
                "common.overrides に {field} がありますが、共通フォルダの {file} に {field}（{what}）がありません。区で置き換えないなら common.overrides から {field} を消してください"
            );
            (loader.errors)
                .push(ContentError::new("edition.json", m).at(format!("/common/overrides/{i}")));
        }
        return Vec::new();
    };
    if own.is_some() {
        // Whether the ward's items go on from the common ones is not known.
        let waiting = kind.waiting(chapters, &asking);
        loader.aside.extend(waiting);
        let m = format!(
            "edition.json の common.overrides に \"{field}\" があり、区独自の{what}だけを印刷することになっていますが、{marker}（共通の{what}をここに載せる）もあります。共通の{what}を使うなら common.overrides から \"{field}\" を消し、使わないなら {marker} を消してください"
        );
        tell_each(loader, &asking, &m);
        if asking.is_empty() {
            notices.push(format!(
                "edition.json は共通フォルダの {file} の{what}を使わず、区独自の{what}だけを印刷します（common.overrides の {field}）"
            ));
        }
        return Vec::new();
    }
    if asking.is_empty() {
        let m = format!(
            "共通フォルダの {file} に共通の{what}がありますが、この版に載せる場所がありません。共通の{what}を使うなら{}ください。区独自の{what}だけを印刷するなら、edition.json の common.overrides に \"{field}\" を書いてください",
            kind.place()
        );
        loader
            .errors
            .push(ContentError::new("edition.json", m).at("/common"));
        return Vec::new();
    }
    // The principles print once; the policy may print in more places (the
    // framed box and the targets chapter).
    let places = match kind {
        Kind::Principles => 1,
        Kind::Policy => asking.len(),
    };
    for a in &asking[places..] {
        let m = format!("共通の{what}を載せる場所（{marker}）は一つだけにしてください");
        loader
            .errors
            .push(ContentError::new(&a.file, m).at(&a.marker));
    }
    (asking.iter().take(places))
        .filter_map(|ask| place(loader, chapters, kind, items, ask, file, notices))
        .collect()
}

/// `message` at each place that asks.
fn tell_each(loader: &mut Loader, asking: &[Ask], message: &str) {
    for a in asking {
        (loader.errors).push(ContentError::new(&a.file, message).at(&a.marker));
    }
}

/// The common items put before the ward's own at one place that asks.
fn place(
    loader: &mut Loader,
    chapters: &mut Loaded,
    kind: Kind,
    items: &[NumberedItem],
    ask: &Ask,
    file: &str,
    notices: &mut Vec<String>,
) -> Option<Worded> {
    let (what, marker) = (kind.what(), kind.marker());
    let last = items.iter().map(|x| x.number).max().unwrap_or(0);
    let mut merged = items.to_vec();
    let mut overridden = Vec::new();
    // Each number's first override (a map: a file may hold very many).
    let mut seen = std::collections::HashMap::new();
    for (o, ov) in ask.items.overrides.iter().enumerate() {
        let op = format!("{}/overrides/{o}", ask.marker);
        // A number that could not be read (a stand-in) rewords nothing.
        let unread =
            |o: usize| loader.set_aside(&ask.file, &format!("{}/overrides/{o}/number", ask.marker));
        if unread(o) {
            continue;
        }
        // A second rewording of one item would silently drop the first's words.
        let first = *seen.entry(ov.number).or_insert(o);
        if first != o {
            let m = format!(
                "共通の{}の言い換えは、overrides の {} 番目にもあります。一つの項目の言い換えは一つにまとめ（見出しと本文を同じ言い換えに書きます）、もう一方を消してください",
                kind.label(ov.number),
                first + 1
            );
            (loader.errors).push(ContentError::new(&ask.file, m).at(format!("{op}/number")));
            continue;
        }
        let Some(k) = merged.iter().position(|x| x.number == ov.number) else {
            let unread = (0..items.len())
                .any(|k| loader.set_aside(file, &format!("{}/{k}/number", kind.common_list())));
            if unread {
                // A common number that could not be read may be this one.
                continue;
            }
            let m = format!(
                "共通の{} は共通フォルダの {file} にありません（共通の{what}は 1〜{last}）。言い換える共通の{what}の番号を書いてください",
                kind.label(ov.number)
            );
            (loader.errors).push(ContentError::new(&ask.file, m).at(format!("{op}/number")));
            continue;
        };
        if ov.title.is_none() && ov.text.is_none() {
            let m = format!(
                "共通の{}の言い換えに、見出し（title）も本文（text）もありません。この区で印刷する見出しか本文を書くか、この言い換えを消してください",
                kind.label(ov.number)
            );
            loader.errors.push(ContentError::new(&ask.file, m).at(op));
            continue;
        }
        let mut fields = Vec::new();
        if let Some(t) = &ov.title {
            merged[k].title = t.clone();
            fields.push("title");
        }
        if let Some(t) = &ov.text {
            merged[k].text = t.clone();
            fields.push("text");
        }
        overridden.push((k, o, fields));
        notices.push(format!(
            "{} は共通の{}（{file}）を区独自の言葉に置き換えています（{marker} の overrides）",
            ask.file,
            kind.label(ov.number)
        ));
    }
    let Some(list) = kind.list_mut(chapters, ask) else {
        let m = format!(
            "{marker}（共通の{what}をここに載せる）がありますが、この節に方針（policy）がありません。policy に方針の題名（title）を書いてください"
        );
        loader
            .errors
            .push(ContentError::new(&ask.file, m).at(&ask.marker));
        return None;
    };
    for (k, x) in list.iter().enumerate() {
        if x.number <= last {
            let m = format!(
                "{n} は共通の{n}（{file}）と同じ番号です。共通の{what}を区で違う言葉にするなら {marker} の overrides に書き、区独自の{what}なら番号を {} から続けてください",
                last + 1,
                n = kind.label(x.number)
            );
            let p = format!("{}/{k}/number", ask.list);
            loader.errors.push(ContentError::new(&ask.file, m).at(p));
        }
    }
    let count = merged.len();
    merged.append(list);
    *list = merged;
    Some(Worded {
        file: ask.file.clone(),
        list: ask.list.clone(),
        common: kind.common_list().into(),
        overrides: format!("{}/overrides", ask.marker),
        count,
        overridden,
    })
}
