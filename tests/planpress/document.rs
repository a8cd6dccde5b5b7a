//! The shipped edition as a reader sees it: every sentence of the printed plan,
//! a table of contents and index that point to the right pages, all tables complete.

use crate::doc::*;

/// The seed's lines and table cells, cleaned as `../shared/tools/fidelity.py` does.
fn seed_units() -> Vec<(String, String)> {
    let seed = std::fs::read_to_string(root().join("tests/fixtures/seed-miyamae-r2.txt")).unwrap();
    let mut units = Vec::new();
    for raw in seed.lines() {
        for cell in raw.split('\t') {
            let mut c = cell.trim();
            c = c.trim_start_matches(['-', '・']).trim_start();
            c = c.strip_prefix("<p>").unwrap_or(c);
            c = c.strip_suffix("</p>").unwrap_or(c);
            // A table-of-contents line's page number ("…基本理念 1") is computed, not text.
            let c = match c.rsplit_once(char::is_whitespace) {
                Some((head, num))
                    if num.chars().all(|d| d.is_ascii_digit())
                        && head
                            .chars()
                            .last()
                            .is_some_and(|ch| ('\u{3000}'..='\u{9fff}').contains(&ch)) =>
                {
                    head.trim_end()
                }
                _ => c,
            };
            let n = normalize(c);
            if n.chars().count() < 2 || n.chars().all(|d| d.is_ascii_digit()) || n == "★目次" {
                continue;
            }
            units.push((c.to_string(), n));
        }
    }
    units
}

fn doc_text() -> String {
    normalize(&page_texts(shipped()).concat())
}

/// The first and last page label of the target section.
fn target_range() -> (String, String) {
    let built = shipped();
    let labels = page_labels(built);
    let heads = headings(built);
    let start = heads
        .iter()
        .find(|h| h.0 == 1 && h.1 == "区役所サービス向上目標")
        .unwrap()
        .2;
    let annex = heads
        .iter()
        .find(|h| h.0 == 1 && h.1 == "資料編")
        .unwrap()
        .2;
    (labels[start].clone(), labels[annex - 1].clone())
}

#[test]
fn every_seed_line_is_in_the_document() {
    let text = doc_text();
    let (first, last) = target_range();
    let mut missing = Vec::new();
    let units = seed_units();
    assert!(units.len() > 300, "the seed has {} lines", units.len());
    for (raw, n) in &units {
        // 「別掲（P10～P15）」 is computed from where the targets land.
        let n = if raw.contains("別掲（P") {
            let (head, rest) = n.split_once("(P").unwrap();
            let tail = rest.split_once(')').unwrap().1;
            format!("{head}(P{first}~P{last}){tail}")
        } else {
            n.clone()
        };
        if !text.contains(&n) {
            missing.push(raw.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "{} of {} seed lines missing:\n{}",
        missing.len(),
        units.len(),
        missing.join("\n")
    );
}

#[test]
fn target_page_range_is_computed_from_the_layout() {
    let (first, last) = target_range();
    assert_ne!(first, last);
    let expected = normalize(&format!(
        "今年度の各課のサービス向上目標は、別掲（P{first}～P{last}）のとおりです。"
    ));
    assert!(doc_text().contains(&expected), "no {expected}");
}

#[test]
fn body_and_annex_are_numbered_from_one() {
    let built = shipped();
    let labels = page_labels(built);
    let heads = headings(built);
    let body = heads.iter().find(|h| h.0 == 1).unwrap();
    assert_eq!(body.1, "宮前区役所サービス向上基本理念");
    assert_eq!(labels[body.2], "1", "the body starts on page 1 at 基本理念");
    assert!(
        labels[..body.2].iter().all(String::is_empty),
        "cover and contents carry no number"
    );
    let annex = heads.iter().find(|h| h.1 == "資料編").unwrap().2;
    assert_eq!(labels[annex], "資料1");
    assert_eq!(
        labels.last().unwrap(),
        &format!("資料{}", labels.len() - annex)
    );
    // The PDF's page labels are the printed numbers.
    let pdf = pdf(built);
    let catalog = pdf.catalog().unwrap();
    let page_labels = catalog.get(b"PageLabels").expect("the PDF has page labels");
    let nums = pdf
        .dereference(page_labels)
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .get(b"Nums")
        .unwrap()
        .as_array()
        .unwrap()
        .clone();
    let starts: Vec<i64> = nums
        .iter()
        .step_by(2)
        .map(|o| o.as_i64().unwrap())
        .collect();
    assert!(
        starts.contains(&(body.2 as i64)) && starts.contains(&(annex as i64)),
        "{starts:?}"
    );
}

/// "title …… 12" lines of a page: (title, number).
fn numbered_lines(page: usize) -> Vec<(String, String)> {
    page_lines(shipped(), page)
        .into_iter()
        .filter_map(|l| {
            let t = l.trim_end();
            let num: String = t
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if num.is_empty() {
                return None;
            }
            let title = t[..t.len() - num.len()]
                .trim_end_matches(['.', ' '])
                .to_string();
            Some((normalize(&title), num))
        })
        .collect()
}

#[test]
fn contents_name_the_page_where_each_item_starts() {
    let built = shipped();
    let labels = page_labels(built);
    let heads = headings(built);
    let toc = numbered_lines(1);
    let chapters = built.content().chapters.len() + built.content().annex.len();
    assert_eq!(toc.len(), chapters, "目次 entries: {toc:?}");
    for (title, num) in &toc {
        let (_, _, page) = heads
            .iter()
            .find(|h| &h.1 == title)
            .unwrap_or_else(|| panic!("no heading for 目次 entry {title}"));
        let label = &labels[*page];
        assert!(
            label == num || *label == format!("資料{num}"),
            "目次: {title} says {num}, it starts on {label}"
        );
    }
}

#[test]
fn department_index_names_the_page_where_targets_start() {
    let built = shipped();
    let labels = page_labels(built);
    let heads = headings(built);
    let index_page = heads
        .iter()
        .find(|h| h.0 == 1 && h.1 == "区役所サービス向上目標")
        .unwrap()
        .2;
    let index = numbered_lines(index_page);
    let departments: Vec<_> = built.content().departments().collect();
    assert_eq!(index.len(), departments.len(), "index entries: {index:?}");
    for ((div, dep), (name, num)) in departments.iter().zip(&index) {
        assert_eq!(name, &normalize(&dep.short_name));
        let grid_name = normalize(&format!(
            "{}{}",
            div.name.as_deref().unwrap_or(""),
            dep.full_name
        ));
        let (_, _, page) = heads
            .iter()
            .find(|h| h.0 == 2 && h.1 == grid_name)
            .unwrap_or_else(|| panic!("no heading for {grid_name}"));
        assert_eq!(&labels[*page], num, "index: {name} says {num}");
        // …and the department's first target is printed on that page.
        let first = normalize(&dep.targets[0].text);
        assert!(
            normalize(&page_texts(built)[*page]).contains(&first[..first.len().min(60)]),
            "{name} target 1 not on its page"
        );
    }
}

#[test]
fn bookmarks_for_every_chapter_section_and_department() {
    let built = shipped();
    let marks: Vec<(usize, String)> = bookmarks(&pdf(built))
        .into_iter()
        .map(|(d, t)| (d, normalize(&t)))
        .collect();
    let has = |depth: usize, title: &str| {
        marks
            .iter()
            .any(|(d, t)| *d == depth && *t == normalize(title))
    };
    for part in [
        "宮前区役所サービス向上基本理念",
        "宮前区役所におけるサービス向上の取組",
        "サービス向上の取組",
        "区役所サービス向上目標",
        "資料編",
    ] {
        assert!(has(0, part), "no bookmark for {part}: {marks:?}");
    }
    assert!(has(1, "1これまでの取組経過"));
    assert!(has(2, "(1)宮前区役所サービス向上基本理念"));
    assert!(has(1, "令和元年度区役所サービス向上目標の実施結果"));
    for (div, dep) in built.content().departments() {
        let title = format!("{}{}", div.name.as_deref().unwrap_or(""), dep.full_name);
        assert!(has(1, &title), "no bookmark for {title}");
    }
    // No skipped levels: each bookmark is at most one level below the previous one.
    for w in marks.windows(2) {
        assert!(w[1].0 <= w[0].0 + 1, "level skipped at {:?}", w[1]);
    }
}

#[test]
fn all_standards_once_and_in_order() {
    let built = shipped();
    let text = doc_text();
    let standards: Vec<_> = built.content().standards().collect();
    assert_eq!(standards.len(), 33);
    let mut last = 0;
    for s in standards {
        let row = normalize(&format!("{}{}", s.number, s.text));
        assert_eq!(
            text.matches(&row).count(),
            1,
            "基準{} printed {} times",
            s.number,
            text.matches(&row).count()
        );
        let at = text.find(&row).unwrap();
        assert!(at > last, "基準{} out of order", s.number);
        last = at;
    }
}

#[test]
fn every_target_once_and_in_order() {
    let built = shipped();
    let text = doc_text();
    let mut last = 0;
    let mut count = 0;
    for (_, dep) in built.content().departments() {
        for t in &dep.targets {
            let row = normalize(&format!("{}{}{}", t.number, t.scene, t.text));
            let n = text.matches(&row).count();
            assert_eq!(
                n, 1,
                "{} 目標{} printed {n} times",
                dep.short_name, t.number
            );
            let at = text.find(&row).unwrap();
            assert!(
                at > last,
                "{} 目標{} out of order",
                dep.short_name,
                t.number
            );
            last = at;
            count += 1;
        }
    }
    assert_eq!(count, 44);
}
