//! A department id mistyped in next year's edition: `check` asks whether it
//! changed, the comparison pairs the department by its name (no false moves),
//! and a `dept:` reference mistyped is answered with the id meant.

use crate::doc::*;

const FULL: &str = "tests/fixtures/full-model";

/// Next year's full-model with 区民窓口担当's id mistyped (and its reference
/// following it, so the edition loads).
fn mistyped(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let old = tmp(&format!("{name}-old"));
    let new = tmp(&format!("{name}-new"));
    copy_edition(&root().join(FULL), &old);
    copy_edition(&root().join(FULL), &new);
    edit_json(&new, "edition.json", |v| {
        v["fiscal_year"] = 2026.into();
        v["previous"] = format!("../{name}-old").into();
    });
    edit_json(&new, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["id"] = "kumin-madoguti".into();
    });
    edit_json(&new, "2-approach.json", |v| {
        v["sections"][1]["paragraphs"][1][1]["page_of"] = "dept:kumin-madoguti".into();
    });
    (old, new)
}

#[test]
fn a_changed_id_is_a_warning_in_check_and_the_diff_pairs_by_name() {
    let (old, new) = mistyped("renamed-id");
    let run = planpress(&["check", new.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{said}");
    let warning = said
        .lines()
        .find(|l| l.contains("id が変わっていませんか"))
        .unwrap_or_else(|| panic!("no warning:\n{said}"));
    for part in [
        "4-targets.json",
        "区民窓口担当",
        "「kumin-madoguchi」",
        "「kumin-madoguti」",
    ] {
        assert!(warning.contains(part), "{part} not in {warning}");
    }
    // The same department, its targets unchanged: nothing moved.
    let old = planpress::content::load(&old).unwrap();
    let new = planpress::content::load(&new).unwrap();
    let changes = planpress::diff::diff(&old, &new);
    let labels: Vec<String> = (changes.iter())
        .map(|c| format!("{} {}", c.kind.label(), c.id.label()))
        .collect();
    // Only the year changed (the cover says it); the reference to the
    // department reads the same.
    assert_eq!(labels, ["変更 表紙"]);
    let (_, table) = planpress::diff::table::compare(&old, &new, &Default::default());
    let notes = (table.rows.iter())
        .flat_map(|r| [&r.new.note, &r.old.note])
        .flatten()
        .collect::<Vec<_>>();
    assert!(notes.iter().all(|n| !n.contains("移動")), "{notes:?}");
}

#[test]
fn a_mistyped_dept_reference_is_answered_with_the_id_meant() {
    let dir = tmp("mistyped-dept-ref");
    copy_edition(&root().join(FULL), &dir);
    edit_json(&dir, "2-approach.json", |v| {
        v["sections"][1]["paragraphs"][1][1]["page_of"] = "dept:kumin-madoguti".into();
    });
    let run = planpress(&["check", dir.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        said.contains("もしかして「dept:kumin-madoguchi」"),
        "{said}"
    );
}

#[test]
fn import_tells_a_changed_id_from_a_wrong_workbook() {
    // The workbooks were handed out from this year's edition before its id was
    // mistyped (a workbook of another year is refused for its year).
    let (_, new) = mistyped("renamed-id-import");
    let made = tmp("renamed-id-import-made");
    copy_edition(&new, &made);
    edit_json(&made, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["id"] = "kumin-madoguchi".into();
    });
    edit_json(&made, "2-approach.json", |v| {
        v["sections"][1]["paragraphs"][1][1]["page_of"] = "dept:kumin-madoguchi".into();
    });
    let sheets = tmp("renamed-id-sheets");
    let run = planpress(&[
        "sheets",
        made.to_str().unwrap(),
        "-o",
        sheets.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let workbook = std::fs::read_dir(&sheets)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("区民窓口担当"))
        .expect("区民窓口担当's workbook");
    let run = planpress(&["import", new.to_str().unwrap(), workbook.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(
        said.contains("「kumin-madoguchi」")
            && said.contains("区民窓口担当 の id が「kumin-madoguti」")
            && said.contains("id が変わっていませんか"),
        "{said}"
    );
}
