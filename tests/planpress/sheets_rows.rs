//! Targets a clerk deletes or adds in a returned workbook.

use crate::doc::*;

/// The shipped 区民課's targets, written back as a clerk returns them.
fn kumin_rows(ws: &mut rust_xlsxwriter::Worksheet) -> usize {
    let content = planpress::content::load(&root().join(EDITION)).unwrap();
    let (_, kumin) = content
        .departments()
        .find(|(_, d)| d.id == "kumin")
        .unwrap();
    for (i, t) in kumin.targets.iter().enumerate() {
        target_row(ws, i as u32 + 1, &t.scene, &t.text);
    }
    kumin.targets.len()
}

fn kumin_targets(dir: &std::path::Path) -> Vec<planpress::content::model::Target> {
    let content = planpress::content::load(dir).unwrap();
    let (_, kumin) = content
        .departments()
        .find(|(_, d)| d.id == "kumin")
        .unwrap();
    kumin.targets.clone()
}

fn import_apply(dir: &std::path::Path, xlsx: &std::path::Path) -> String {
    let run = planpress(&[
        "import",
        dir.to_str().unwrap(),
        xlsx.to_str().unwrap(),
        "--apply",
    ]);
    let out = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

#[test]
fn a_target_marked_for_deletion_is_shown_and_removed() {
    let dir = scratch_edition("sheets-delete");
    let before = kumin_targets(&dir);
    assert_eq!(before.len(), 3);
    let folder = tmp("sheets-delete-wb");
    std::fs::create_dir_all(&folder).unwrap();
    let xlsx = folder.join("区民課.xlsx");
    returned_workbook(&xlsx, "kumin", |ws| {
        kumin_rows(ws);
        ws.write(0, 5, "削除").unwrap();
        ws.write(2, 5, "削除").unwrap();
    });
    let out = import_apply(&dir, &xlsx);
    assert!(out.contains("1 件の変更"), "{out}");
    assert!(out.contains("[削除] 区民課 目標2"), "{out}");
    let after = kumin_targets(&dir);
    let texts: Vec<&str> = after.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, [before[0].text.as_str(), before[2].text.as_str()]);
    assert_eq!(after[1].number, 2);
}

#[test]
fn thirty_targets_fit_in_a_new_workbook() {
    let out = tmp("sheets-thirty");
    let run = planpress(&["sheets", EDITION, "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(out.join("区民課.xlsx")).unwrap();
    let styles = calamine::Reader::worksheet_style(&mut wb, "目標").unwrap();
    // Row 31 (target 30): No, text and 削除 can be typed in.
    for c in [0, 2, 5] {
        let locked = styles
            .get((30, c))
            .and_then(|s| s.protection.as_ref())
            .map(|p| p.locked);
        assert_eq!(
            locked,
            Some(false),
            "{}",
            planpress::sheets::cell_name(30, c)
        );
    }

    let dir = scratch_edition("sheets-thirty-import");
    let folder = tmp("sheets-thirty-wb");
    std::fs::create_dir_all(&folder).unwrap();
    let xlsx = folder.join("区民課.xlsx");
    returned_workbook(&xlsx, "kumin", |ws| {
        let n = kumin_rows(ws) as u32;
        for r in n + 1..=30 {
            target_row(ws, r, "対応", &format!("（テスト用の架空の追加）目標{r}"));
        }
    });
    let shown = import_apply(&dir, &xlsx);
    assert!(shown.contains("[追加] 区民課 目標30"), "{shown}");
    assert_eq!(kumin_targets(&dir).len(), 30);
}

/// Whatever the workbook checks miss, `apply` writes nothing that `check` would
/// refuse: the edition as it would be is checked first (here a returned target
/// whose text is blank and whose scene is unknown, as no sheet lets through).
#[test]
fn apply_writes_nothing_that_check_would_refuse() {
    let dir = scratch_edition("sheets-apply-checked");
    let file = dir.join("4-targets.json");
    let before = std::fs::read(&file).unwrap();
    let content = planpress::content::load(&dir).unwrap();
    let bad = planpress::content::model::Target {
        number: 1,
        scene: "存在しない場面".into(),
        text: "\u{3000}".into(),
        result: None,
        status: None,
    };
    let returned = planpress::sheets::Returned {
        file: "区民課.xlsx".into(),
        department: "kumin".into(),
        targets: vec![bad],
        origins: vec![1],
    };
    let err = planpress::sheets::apply(&content, &[returned]).unwrap_err();
    assert!(err.contains("何も書き込みませんでした"), "{err}");
    assert!(
        err.contains("文章が空です") && err.contains("存在しない場面"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_very_long_department_name_still_gives_every_workbook() {
    // 80 kanji were kept: 240 bytes, past the 255 a file name may have once the
    // temporary file's name is added, so the export stopped halfway.
    let dir = scratch_edition("sheets-long-name");
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"][1]["departments"][0]["short_name"] = "課".repeat(300).into();
    });
    let out = tmp("sheets-long-name-out");
    let run = planpress(&["sheets", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 16, "{names:?}");
    assert!(names.iter().all(|n| n.len() <= 200), "{names:?}");
}
