//! Nothing printed is outside the comparison: every string of an edition that
//! has every structure, changed alone, shows in the change list (`diff`), in
//! the 新旧対照表's rows and in the draft's marks (a bar beside it, or, for the
//! few items the draft cannot bar, its entry in the draft's closing table).

use std::path::Path;

use planpress::Content;
use planpress::diff::table::Row;
use serde_json::Value;

use crate::doc::*;

/// Strings not printed, by key (and a part of their place, when only some
/// are), and why.
const NOT_PRINTED: &[(&str, &str, &str)] = &[
    ("$schema", "", "the editor's schema"),
    (
        "id",
        "",
        "a department's identity (its change is `ids`' warning)",
    ),
    ("file", "", "a file name"),
    ("kind", "", "a part's kind (a file of another shape)"),
    ("previous", "", "the previous edition's folder"),
    (
        "city",
        "",
        "used by `new` and the lint's house style, not printed",
    ),
    (
        "ward",
        "",
        "used by `new` and the lint's house style, not printed",
    ),
    (
        "office",
        "",
        "used by `new` and the lint's house style, not printed",
    ),
    (
        "result",
        "/targets/",
        "a target's result prints in next year's results annex",
    ),
    (
        "status",
        "/targets/",
        "a target's status prints in next year's results annex",
    ),
];

/// Printed strings no change of which alone is a valid edition, and why.
const NOT_ALONE: &[(&str, &str)] = &[
    (
        "ref",
        "`target_pages` is the only computed reference there is",
    ),
    (
        "numbering",
        "a table numbered through the others has no prefix and other numbers: \
         the edition refuses the change unless the standards are renumbered, \
         which the standards' items then show",
    ),
];

/// Item families (key before its first `:`) the draft has no bar for: their
/// change is marked only by its entry in the draft's closing 新旧対照表 (checked
/// as the rows). Cover and signature pages, chapter headings and the notes the
/// contents list under them (a chapter's lead paragraphs are barred: see
/// `BARRED`), the organisation (department names stand in the grid's bands), a
/// standards table's caption, the motto frame, and edition.json's secretariat
/// and contact lines.
const NO_BAR: &[&str] = &[
    "cover",
    "signature",
    "chapter",
    "motto",
    "unit",
    "standard-table",
    "secretariat",
    "contact",
];

/// Places in a file (pointers' beginnings) whose change is always barred,
/// whatever its item: a part's lead paragraphs (principles' intro, a free
/// chapter's text, a memo's body).
const BARRED: &[&str] = &["/intro/", "/paragraphs/"];

/// full-model, with what it lacks: a second regulation in the older flat form
/// (articles of plain paragraphs, 附則 as plain paragraphs), roster rows in the
/// older fixed shape, a standard's note and owner, a detailed achievement, and
/// gaps (【未収録】 notes) in a PDCA figure and in annex parts.
fn every_structure(dir: &Path) {
    copy_edition(&root().join("tests/fixtures/full-model"), dir);
    std::fs::write(
        dir.join("annex-5-flat.json"),
        serde_json::to_string_pretty(&serde_json::json!({
            "title": "かえで区窓口案内実施要領（架空）",
            "articles": [
                {"number": 1, "caption": "趣旨", "paragraphs": [
                    "この要領は、窓口案内の実施に関し必要な事項を定める。",
                    "案内の細目は、別に定める。"
                ]},
                {"number": 2, "caption": "案内員", "paragraphs": ["案内員は、区民窓口担当の職員をもって充てる。"]}
            ],
            "gap": "別記様式は次の版で収録します（架空）",
            "supplementary": [
                "この要領は、令和3年4月1日から施行する。",
                "この要領の施行前に行った案内は、この要領により行ったものとみなす。"
            ]
        }))
        .unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("annex-6-members.json"),
        serde_json::to_string_pretty(&serde_json::json!({
            "title": "かえで区窓口案内連絡会名簿（架空）",
            "as_of": "2025-04-01",
            "members": [
                {"role": "顧問", "post": "かえで区まちづくり協議会会長", "name": "見本 次郎"},
                {"role": "顧問", "post": "かえで区商店会連合会会長"},
                {"role": "会員", "post": "区民窓口担当係長", "name": "見本 三郎"}
            ],
            "notes": ["顧問の任期は一年とする。"],
            "gap": "会員の氏名は確定後に収録します（架空）"
        }))
        .unwrap(),
    )
    .unwrap();
    edit_json(dir, "edition.json", |v| {
        let annex = v["annex"].as_array_mut().unwrap();
        annex.push(serde_json::json!({"kind": "regulation", "file": "annex-5-flat.json"}));
        annex.push(serde_json::json!({"kind": "roster", "file": "annex-6-members.json"}));
    });
    edit_json(dir, "3-initiatives.json", |v| {
        let st = &mut v["sections"][2]["standard_tables"][0]["standards"][0];
        st["note"] = "（窓口の混雑時を除く）".into();
        st["owner"] = "区民窓口担当".into();
        let a = &mut v["sections"][3]["subsections"][1]["working_teams"][0]["achievements"];
        a.as_array_mut().unwrap().push(serde_json::json!(
            {"text": "来庁者アンケートの実施", "detail": "（回答数：延べ120件）"}
        ));
    });
    edit_json(dir, "annex-3-memo.json", |v| {
        v["gap"] = "別紙は次の版で収録します（架空）".into();
    });
    edit_json(dir, "annex-4-results.json", |v| {
        v["gap"] = "一部の課の結果は集計中です（架空）".into();
    });
    edit_json(dir, "2-approach.json", |v| {
        v["sections"][2]["pdca"]["gap"] = "図の説明文は次年度に差し替えます（架空）".into();
    });
}

/// Every string of a JSON value with its pointer and its key.
fn strings(v: &Value, at: String, key: &str, out: &mut Vec<(String, String, String)>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                strings(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    k,
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, format!("{at}/{i}"), key, out);
            }
        }
        Value::String(s) => out.push((at, key.to_string(), s.clone())),
        _ => {}
    }
}

/// Values of the keys that take one of a few words.
const CHOICES: &[(&str, &[&str])] = &[
    ("marks", &["・", "第1", "1", "(1)", "ア", "(ア)"]),
    ("subitem_style", &["katakana", "paren_katakana"]),
    ("numbering", &["through", "per-table"]),
];

/// The ways to change one string, tried in turn until the edition still loads:
/// a character added (鶴, in none of the texts); a digit changed (dates, phone numbers); a letter added
/// (addresses, URLs); another value its key takes (list marks, styles) or has
/// elsewhere (scenes, statuses, references). The flag: the value changed
/// everywhere it is written (a scene renamed in the list and where it is used).
fn changes_of(value: &str, key: &str, all: &[(String, String, String)]) -> Vec<(String, bool)> {
    let mut out = vec![format!("{value}鶴")];
    if let Some(at) = value.rfind(|c: char| c.is_ascii_digit()) {
        let d = value.as_bytes()[at] - b'0';
        let next = if d == 9 { 8 } else { d + 1 };
        out.push(format!("{}{next}{}", &value[..at], &value[at + 1..]));
    }
    out.push(format!("x{value}"));
    let choices = CHOICES.iter().filter(|(k, _)| *k == key);
    out.extend(choices.flat_map(|(_, c)| c.iter().map(|x| x.to_string())));
    out.extend(
        (all.iter())
            .filter(|(_, k, _)| k == key)
            .map(|(_, _, v)| v.clone()),
    );
    out.retain(|x| x != value);
    let mut out: Vec<(String, bool)> = out.into_iter().map(|x| (x, false)).collect();
    out.push((format!("{value}鶴"), true));
    out
}

/// Every string equal to `from`, in every file, made `to`.
fn rename(v: &mut Value, from: &str, to: &str) {
    match v {
        Value::Object(o) => o.values_mut().for_each(|x| rename(x, from, to)),
        Value::Array(a) => a.iter_mut().for_each(|x| rename(x, from, to)),
        Value::String(s) if s == from => *s = to.to_string(),
        _ => {}
    }
}

fn set(root: &mut Value, pointer: &str, to: &str) {
    *root.pointer_mut(pointer).unwrap() = Value::String(to.to_string());
}

/// Whether a row marks a change (a run underlined, or a note: 新設・削除・移動).
fn marks(r: &Row) -> bool {
    let cell = |c: &planpress::diff::table::Cell| {
        let grid = c
            .grid
            .iter()
            .flatten()
            .flat_map(|g| g.cells.iter().flatten());
        c.note.is_some() || c.runs.iter().chain(grid).any(|x| x.marked)
    };
    cell(&r.new) || cell(&r.old)
}

/// The subtrees of a view flagged as changed (a draft's bar), as text.
fn barred(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            let flags = [
                "changed",
                "head_changed",
                "body_changed",
                "supplementary_changed",
            ];
            if flags.iter().any(|f| o.get(*f) == Some(&Value::Bool(true))) {
                out.push(v.to_string());
            }
            o.iter()
                .filter(|(k, _)| *k != "draft")
                .for_each(|(_, x)| barred(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| barred(x, out)),
        _ => {}
    }
}

/// What changing each string alone showed.
struct Outcome {
    checked: usize,
    problems: Vec<String>,
    /// The strings changed by a character added: (file, pointer, new value).
    appended: Vec<(String, String, String)>,
}

/// One string changed alone and what it showed.
struct Seen {
    file: String,
    pointer: String,
    to: String,
    /// Changed by a character added, in its own file only.
    appended: bool,
    /// Where the change fails to show.
    problem: Option<String>,
}

/// A string to change: (file, pointer, key, value).
type Task = (String, String, String, String);

/// The edition whose strings are changed, and what each change needs.
struct Edition<'a> {
    dir: &'a Path,
    old: Content,
    files: Vec<(String, Value)>,
    /// Every string of every file: (pointer, key, value).
    all: Vec<(String, String, String)>,
    date: planpress::content::date::Date,
}

impl Edition<'_> {
    /// The string changed in the first way the edition accepts: None when none
    /// is, for a reason `NOT_ALONE` gives; a problem when none is otherwise.
    fn change(&self, (file, pointer, key, value): &Task) -> Option<Result<Seen, String>> {
        let what = format!("{file}{pointer}「{value}」");
        let new = changes_of(value, key, &self.all)
            .into_iter()
            .find_map(|(to, everywhere)| {
                let changed: Vec<(String, Vec<u8>)> = (self.files.iter())
                    .filter(|(f, _)| everywhere || f == file)
                    .map(|(f, v)| {
                        let mut changed = v.clone();
                        if everywhere {
                            rename(&mut changed, value, &to);
                        } else {
                            set(&mut changed, pointer, &to);
                        }
                        (f.clone(), serde_json::to_vec_pretty(&changed).unwrap())
                    })
                    .collect();
                let new = planpress::content::load::load_with(self.dir, changed);
                new.ok().map(|n| (to, everywhere, n))
            });
        let Some((to, everywhere, new)) = new else {
            if NOT_ALONE.iter().any(|(k, _)| k == key) {
                return None;
            }
            return Some(Err(format!("{what}: no change of it loads")));
        };
        let must_bar = BARRED.iter().any(|b| pointer.starts_with(b));
        let problem = compared(&self.old, &new, &to, self.date, must_bar);
        Some(Ok(Seen {
            file: file.clone(),
            pointer: pointer.clone(),
            appended: to == format!("{value}鶴") && !everywhere,
            problem: problem.map(|p| format!("{what} → 「{to}」: {p}")),
            to,
        }))
    }
}

/// Each string of the edition in `dir` changed alone, on as many threads as
/// there are cores.
fn check_every_string(dir: &Path) -> Outcome {
    let old = planpress::content::load(dir).unwrap_or_else(|e| panic!("{e}"));
    let files: Vec<(String, Value)> = (old.edition.chapters.iter().chain(&old.edition.annex))
        .map(|r| r.file.clone())
        .chain(["edition.json".to_string()])
        .map(|f| {
            let text = std::fs::read_to_string(dir.join(&f)).unwrap();
            (f, serde_json::from_str(&text).unwrap())
        })
        .collect();
    let mut all = Vec::new();
    let mut tasks: Vec<Task> = Vec::new();
    for (file, v) in &files {
        let mut here = Vec::new();
        strings(v, String::new(), "", &mut here);
        for (pointer, key, value) in &here {
            let skipped =
                |(k, within, _): &&(&str, &str, &str)| k == key && pointer.contains(within);
            if !NOT_PRINTED.iter().any(|x| skipped(&x)) {
                tasks.push((file.clone(), pointer.clone(), key.clone(), value.clone()));
            }
        }
        all.extend(here);
    }
    let date = planpress::content::date::Date::parse("2026-11-26").unwrap();
    let edition = Edition {
        dir,
        old,
        files,
        all,
        date,
    };
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let seen: Vec<Result<Seen, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (tasks, edition) = (&tasks, &edition);
                scope.spawn(move || {
                    (tasks.iter().skip(t).step_by(threads))
                        .filter_map(|task| edition.change(task))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        (workers.into_iter())
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let mut outcome = Outcome {
        checked: 0,
        problems: Vec::new(),
        appended: Vec::new(),
    };
    for s in seen {
        match s {
            Err(p) => outcome.problems.push(p),
            Ok(s) => {
                outcome.checked += 1;
                if s.appended {
                    outcome.appended.push((s.file, s.pointer, s.to));
                }
                outcome.problems.extend(s.problem);
            }
        }
    }
    outcome
}

/// Where a changed edition's change fails to show, if it does.
fn compared(
    old: &Content,
    new: &Content,
    to: &str,
    date: planpress::content::date::Date,
    must_bar: bool,
) -> Option<String> {
    // The table's changes are `diff`'s (the same aligned pairs).
    let (changes, table) = planpress::diff::table::compare(old, new, &Default::default());
    if changes.is_empty() {
        return Some("diff sees no change".into());
    }
    if !table.rows.iter().any(marks) {
        return Some("the 新旧対照表 marks nothing".into());
    }
    let stamp = planpress::view::Stamp {
        date,
        hash: "00000000".into(),
    };
    let view = planpress::View::new(new, Some(old), Vec::new(), Some(stamp));
    let view = serde_json::to_value(&view).unwrap();
    let mut bars = Vec::new();
    barred(&view, &mut bars);
    let unbarred = !must_bar
        && (changes.iter())
            .all(|c| NO_BAR.contains(&c.id.key().split(':').next().unwrap_or_default()));
    let quoted = serde_json::to_string(to).unwrap();
    let quoted = &quoted[1..quoted.len() - 1];
    let mut rest = view.clone();
    rest.as_object_mut().unwrap().remove("draft");
    let in_view = rest.to_string().contains(quoted);
    match (bars.is_empty(), in_view) {
        (true, _) if unbarred => None,
        (true, _) => Some(format!("no bar in the draft ({:?})", keys(&changes))),
        (false, true) if !bars.iter().any(|b| b.contains(quoted)) => {
            Some(format!("the draft bars other items ({:?})", keys(&changes)))
        }
        _ => None,
    }
}

fn keys(changes: &[planpress::diff::Change]) -> Vec<String> {
    changes.iter().map(|c| c.id.key()).collect()
}

/// The text of a compiled 新旧対照表, page after page.
fn document_text(document: &typst_layout::PagedDocument) -> String {
    let mut out = String::new();
    for page in document.pages() {
        each_item(
            &page.frame,
            typst::layout::Transform::identity(),
            &mut |_, _, item| {
                if let typst::layout::FrameItem::Text(t) = item {
                    out.push_str(&t.text);
                }
            },
        );
    }
    normalize(&out)
}

#[test]
fn every_printed_string_of_wide_ward_changed_alone_shows() {
    let dir = root().join("tests/fixtures/wide-ward");
    let outcome = check_every_string(&dir);
    let checked = outcome.checked;
    assert!(checked > 500, "only {checked} strings changed");
    assert!(
        outcome.problems.is_empty(),
        "{} of {checked} changes not seen:\n{}",
        outcome.problems.len(),
        outcome.problems.join("\n")
    );
}

#[test]
fn every_printed_string_changed_alone_shows_in_diff_table_and_draft() {
    let dir = tmp("every-string");
    every_structure(&dir);
    let outcome = check_every_string(&dir);
    let checked = outcome.checked;
    assert!(checked > 250, "only {checked} strings changed");
    assert!(
        outcome.problems.is_empty(),
        "{} of {checked} changes not seen:\n{}",
        outcome.problems.len(),
        outcome.problems.join("\n")
    );
    // The rows as printed: all those changes at once, in one 新旧対照表 PDF.
    // Every changed item is named there, every added character stands in it
    // (once per change at least), and no reference markup.
    let mut files: std::collections::BTreeMap<String, Value> = Default::default();
    for (file, pointer, to) in &outcome.appended {
        let v = files.entry(file.clone()).or_insert_with(|| {
            serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap()
        });
        set(v, pointer, to);
    }
    let changed = (files.iter())
        .map(|(f, v)| (f.clone(), serde_json::to_vec_pretty(v).unwrap()))
        .collect();
    let old = planpress::content::load(&dir).unwrap();
    let new = planpress::content::load::load_with(&dir, changed).unwrap_or_else(|e| panic!("{e}"));
    let templates = planpress::Templates::Embedded;
    let compared = planpress::pipeline::comparison(&old, &new, None, &templates)
        .unwrap_or_else(|e| panic!("{e}"));
    let text = document_text(&compared.document);
    for c in &compared.changes {
        let label = normalize(&c.id.label());
        assert!(text.contains(&label), "{label} not in the 新旧対照表");
    }
    let added = text.matches('鶴').count();
    assert!(
        added >= outcome.appended.len(),
        "{added} 「鶴」 in the 新旧対照表 for {} changes",
        outcome.appended.len()
    );
    for markup in ["dept:", "file:", "section:"] {
        assert!(!text.contains(markup), "{markup} in the 新旧対照表");
    }
}
