//! The departments' spreadsheets: export, import, and what a clerk sees when a
//! returned workbook is broken. Fixtures in tests/fixtures/sheets/ were edited with
//! openpyxl (make_fixtures.py), a different writer than the exporter.

use crate::doc::*;

#[test]
fn export_then_import_without_edits_changes_nothing() {
    let dir = scratch_edition("sheets-roundtrip");
    let out = tmp("sheets-out");
    let run = planpress(&["sheets", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    assert_eq!(files.len(), shipped().content().departments().count());
    let before: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.display().to_string(), std::fs::read(&p).unwrap())
        })
        .collect();
    let mut args = vec!["import", dir.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    args.push("--apply");
    let run = planpress(&args);
    let out_text = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && out_text.contains("変更はありません"),
        "{out_text}"
    );
    for (path, bytes) in before {
        assert!(std::fs::read(&path).unwrap() == bytes, "{path} changed");
    }
    // The workbook is what a department needs: instructions, drop-downs, protection.
    let xlsx = std::fs::read(out.join("区民課.xlsx")).unwrap();
    let content = planpress::content::load(&dir).unwrap();
    let returned =
        planpress::sheets::read(&content, "区民課.xlsx", &xlsx).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(returned.department, "kumin");
    assert_eq!(returned.targets.len(), 3);
}

#[test]
fn returned_workbooks_show_their_changes_and_apply_only_targets() {
    let dir = scratch_edition("sheets-import");
    let edited = root().join("tests/fixtures/sheets/edited");
    let files = [edited.join("区民課.xlsx"), edited.join("危機管理担当.xlsx")];
    let mut args = vec!["import".to_string(), dir.display().to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let run = planpress(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let out = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for expected in [
        "4 件の変更",
        "[変更] 区民課 目標1",
        "状況: 達成",
        "[変更] 区民課 目標2",
        "[追加] 区民課 目標4",
        "[変更] 危機管理担当 目標2",
        "状況: 一部達成",
        "--apply",
    ] {
        assert!(out.contains(expected), "{expected} not in\n{out}");
    }
    let untouched: Vec<_> = ["edition.json", "3-initiatives.json"]
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    args.push("--apply".into());
    assert!(
        planpress(&args.iter().map(String::as_str).collect::<Vec<_>>())
            .status
            .success()
    );
    let content = planpress::content::load(&dir).unwrap();
    let kumin = content
        .departments()
        .find(|(_, d)| d.id == "kumin")
        .unwrap()
        .1;
    assert_eq!(kumin.targets.len(), 4);
    assert!(
        kumin.targets[1]
            .text
            .starts_with("（テスト用の架空の変更）")
    );
    assert_eq!(
        kumin.targets[0].status,
        Some(planpress::content::model::Status("達成".into()))
    );
    for (f, bytes) in ["edition.json", "3-initiatives.json"].iter().zip(untouched) {
        assert!(
            std::fs::read(dir.join(f)).unwrap() == bytes,
            "{f} was touched"
        );
    }
    // The written file is in the canonical layout.
    let text = std::fs::read_to_string(dir.join("4-targets.json")).unwrap();
    assert_eq!(planpress::fmt::canonical(&text).unwrap(), text);
}

#[test]
fn broken_workbooks_get_their_messages() {
    let cases = root().join("tests/fixtures/sheets/broken");
    let overwrite = std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    let mut dirs: Vec<_> = std::fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 5);
    let mut failures = Vec::new();
    for case in dirs {
        // The returned file, whatever it was saved as (.xlsx, .ods, .xls).
        let xlsx = std::fs::read_dir(&case)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_stem().is_some_and(|s| s == "区民課"))
            .unwrap();
        let run = planpress(&["import", EDITION, xlsx.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(1), "{}", case.display());
        let shown = String::from_utf8_lossy(&run.stderr).into_owned();
        let snapshot = case.join("expected.txt");
        if overwrite {
            std::fs::write(&snapshot, &shown).unwrap();
        } else if std::fs::read_to_string(&snapshot).unwrap_or_default() != shown {
            failures.push(format!("{}:\n{shown}", case.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every workbook file directly in `dir`, by name.
fn workbooks_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn department_names_with_path_characters_stay_inside_the_output_folder() {
    let dir = scratch_edition("sheets-names");
    edit_json(&dir, "4-targets.json", |v| {
        let deps = v["divisions"][1]["departments"].as_array_mut().unwrap();
        deps[0]["short_name"] = "総務課/庁舎管理".into();
        deps[1]["short_name"] = "../../企画課".into();
    });
    let parent = tmp("sheets-names-parent");
    let out = parent.join("a/b");
    let run = planpress(&["sheets", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let names = workbooks_in(&out);
    assert_eq!(names.len(), shipped().content().departments().count());
    assert!(
        names.contains(&"総務課／庁舎管理.xlsx".to_string()),
        "{names:?}"
    );
    assert!(names.iter().all(|n| n.ends_with(".xlsx")), "{names:?}");
    assert_eq!(workbooks_in(&parent), ["a"]);
    assert_eq!(workbooks_in(&parent.join("a")), ["b"]);
}

#[test]
fn characters_the_pdf_cannot_print_are_refused_before_writing() {
    let dir = scratch_edition("sheets-glyphs");
    let xlsx = tmp("sheets-glyphs.xlsx");
    returned_workbook(&xlsx, "kumin", |ws| {
        target_row(ws, 1, "対応", "笑顔で対応します😀");
        target_row(ws, 2, "対応", "丁寧に対応します");
        ws.write(2, 3, "実施しました\u{7}").unwrap();
        target_row(ws, 3, "対応", "\u{20BB7}野さんの窓口");
    });
    let before = std::fs::read(dir.join("4-targets.json")).unwrap();
    let run = planpress(&[
        "import",
        dir.to_str().unwrap(),
        xlsx.to_str().unwrap(),
        "--apply",
    ]);
    let shown = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{shown}");
    for expected in [
        "目標シート C2: 区民課 目標1 に印刷できない文字があります: 「😀」U+1F600（絵文字）",
        "目標シート D3: 区民課 目標2 に印刷できない文字があります: U+0007（制御文字）",
        "目標シート C4: 区民課 目標3 に印刷できない文字があります: 「\u{20BB7}」U+20BB7（内蔵フォントにない文字（外字など））",
    ] {
        assert!(shown.contains(expected), "{expected} not in\n{shown}");
    }
    assert!(std::fs::read(dir.join("4-targets.json")).unwrap() == before);
}

#[test]
fn an_unchanged_workbook_leaves_a_differently_laid_out_file_alone() {
    let dir = scratch_edition("sheets-layout");
    let path = dir.join("4-targets.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut four = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut four, fmt);
    serde::Serialize::serialize(&v, &mut ser).unwrap();
    let text = String::from_utf8(four).unwrap().replace('\n', "\r\n");
    std::fs::write(&path, format!("\u{feff}{text}\r\n")).unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = tmp("sheets-layout-out");
    let run = planpress(&["sheets", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    let xlsx = out.join("区民課.xlsx");
    let run = planpress(&[
        "import",
        dir.to_str().unwrap(),
        xlsx.to_str().unwrap(),
        "--apply",
    ]);
    let shown = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(shown.contains("変更はありません"), "{shown}");
    assert!(!shown.contains("書き込みました"), "{shown}");
    assert!(
        std::fs::read(&path).unwrap() == before,
        "4-targets.json rewritten"
    );
}

/// A fresh 区民課.xlsx path in its own scratch folder.
fn clerk_file(folder: &str) -> std::path::PathBuf {
    let dir = tmp(folder);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("区民課.xlsx")
}

/// Run `import` (no --apply) of one workbook on the shipped edition.
fn import_one(xlsx: &std::path::Path) -> (bool, String) {
    let run = planpress(&["import", EDITION, xlsx.to_str().unwrap()]);
    let shown =
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr);
    (run.status.success(), shown)
}

#[test]
fn auto_formatted_cells_are_read_as_displayed() {
    use rust_xlsxwriter::{ExcelDateTime, Format};
    let xlsx = clerk_file("sheets-formats");
    returned_workbook(&xlsx, "kumin", |ws| {
        target_row(ws, 1, "対応", "窓口の満足度");
        ws.write_number_with_format(1, 3, 0.95, &Format::new().set_num_format("0%"))
            .unwrap();
        target_row(ws, 2, "対応", "来庁者数");
        ws.write_number_with_format(2, 3, 1200, &Format::new().set_num_format("#,##0"))
            .unwrap();
        target_row(ws, 3, "対応", "説明会");
        let day = ExcelDateTime::from_ymd(2024, 4, 1).unwrap();
        ws.write_datetime_with_format(3, 3, &day, &Format::new().set_num_format("yyyy/m/d"))
            .unwrap();
        target_row(ws, 4, "対応", "和暦");
        let wareki = "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"";
        let wareki = Format::new().set_num_format(wareki);
        let first = ExcelDateTime::from_ymd(2019, 5, 1).unwrap();
        ws.write_datetime_with_format(4, 3, first, &wareki).unwrap();
    });
    let (ok, shown) = import_one(&xlsx);
    assert!(ok, "{shown}");
    for expected in [
        "実施結果: 95%",
        "実施結果: 1,200",
        "実施結果: 2024/4/1",
        "実施結果: 令和元年5月1日",
    ] {
        assert!(shown.contains(expected), "{expected} not in\n{shown}");
    }

    let xlsx = clerk_file("sheets-formats-odd");
    returned_workbook(&xlsx, "kumin", |ws| {
        target_row(ws, 1, "対応", "窓口の満足度");
        target_row(ws, 2, "対応", "指数");
        ws.write_number_with_format(2, 3, 1.5, &Format::new().set_num_format("0.00E+00"))
            .unwrap();
    });
    let (ok, shown) = import_one(&xlsx);
    assert!(!ok);
    assert!(
        shown.contains(
            "区民課.xlsx 目標シート D3: 区民課 目標2 の「実施結果」: セルの表示形式（0.00E+00）"
        ) && shown.contains("「文字列」"),
        "{shown}"
    );
}

#[test]
fn new_workbooks_keep_typed_text_as_text() {
    let out = tmp("sheets-text-format");
    let run = planpress(&["sheets", EDITION, "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(out.join("区民課.xlsx")).unwrap();
    let styles = calamine::Reader::worksheet_style(&mut wb, "目標").unwrap();
    // Filled and spare rows: 場面, 目標, 実施結果, 状況 are text cells.
    for (r, c) in [(1, 1), (1, 2), (1, 3), (1, 4), (8, 2), (8, 3)] {
        let code = styles
            .get((r, c))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone());
        assert_eq!(
            code.as_deref(),
            Some("@"),
            "{}",
            planpress::sheets::cell_name(r, c)
        );
    }
}

#[test]
fn a_value_far_outside_the_table_is_refused_without_reading_the_whole_sheet() {
    let xlsx = clerk_file("sheets-far");
    returned_workbook(&xlsx, "kumin", |ws| {
        target_row(ws, 1, "対応", "窓口の満足度");
        ws.write(1_048_575, 16_383, "x").unwrap();
    });
    let (ok, shown) = import_one(&xlsx);
    assert!(!ok);
    assert!(
        shown.contains("区民課.xlsx 目標シート XFD1048576: 表の外にデータがあります"),
        "{shown}"
    );
}

#[test]
fn a_full_width_number_is_named_as_such() {
    let xlsx = clerk_file("sheets-full-width");
    returned_workbook(&xlsx, "kumin", |ws| {
        target_row(ws, 1, "対応", "窓口の満足度");
        target_row(ws, 2, "対応", "来庁者数");
        ws.write(2, 0, "２").unwrap();
    });
    let (ok, shown) = import_one(&xlsx);
    assert!(!ok);
    assert!(
        shown.contains("目標シート A3: 番号「２」が全角の文字で入力されています。半角の数字 2 を"),
        "{shown}"
    );
}

#[test]
fn a_long_scene_list_still_gives_a_drop_down() {
    let dir = scratch_edition("sheets-scenes");
    edit_json(&dir, "edition.json", |v| {
        let scenes = v["scenes"].as_array_mut().unwrap();
        for i in 0..40 {
            scenes.push(format!("追加の場面その{i}").into());
        }
    });
    let out = tmp("sheets-scenes-out");
    let run = planpress(&["sheets", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let xlsx = out.join("区民課.xlsx");
    let run = planpress(&["import", dir.to_str().unwrap(), xlsx.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&run.stdout).contains("変更はありません"));
    // The list stands on a hidden sheet: the clerk sees 説明 and 目標 only.
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let visible: Vec<&str> = calamine::Reader::sheets_metadata(&wb)
        .iter()
        .filter(|s| s.visible == calamine::SheetVisible::Visible)
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(visible, ["説明", "目標"]);
}
