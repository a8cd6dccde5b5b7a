//! Content can never run Typst code, and the World serves nothing but what it is handed.

use planpress::PlanWorld;
use typst::foundations::Datetime;

use crate::doc::*;

const HOSTILE: &str = r#"#read("/etc/passwd") $x$ *a* _b_ <c> @d [e] \ // f"#;

#[test]
fn hostile_content_prints_literally() {
    let dir = scratch_edition("hostile");
    let extra = [
        "#import \"@preview/cetz:0.3.0\": *",
        "#include \"Cargo.toml\"",
        "{{ edition.title }} {% if true %}x{% endif %}",
        "https://example.com/a_b*c* -- --- ... ~ 1. + - = == ' \" `raw` /* c */ \\u{41}",
    ];
    edit_json(&dir, "4-targets.json", |v| {
        let t = &mut v["divisions"][2]["departments"][0]["targets"][1];
        t["text"] = HOSTILE.into();
        v["divisions"][2]["departments"][0]["short_name"] = extra[0].into();
        v["divisions"][2]["departments"][1]["targets"][0]["text"] = extra[3].into();
    });
    edit_json(&dir, "1-principles.json", |v| {
        v["principles"][0]["title"] = extra[1].into();
        v["motto"] = extra[2].into();
    });
    let built = build(&dir);
    let text: String = page_texts(&built).concat();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join("");
    let text = squash(&text);
    for s in std::iter::once(HOSTILE).chain(extra) {
        assert!(text.contains(&squash(s)), "not printed literally: {s}");
    }
}

fn compile(main: &str) -> Result<usize, String> {
    let world = PlanWorld::new(
        main.to_string(),
        &[],
        Vec::new(),
        Datetime::from_ymd(2020, 6, 1).unwrap(),
    );
    planpress::pdf::compile(&world)
        .map(|(doc, _)| doc.pages().len())
        .map_err(|e| e.to_string())
}

#[test]
fn world_serves_only_what_it_is_handed() {
    assert_eq!(
        compile("#set text(font: \"BIZ UDMincho\")\nテスト").unwrap(),
        1
    );
    for (source, what) in [
        ("#read(\"Cargo.toml\")", "Cargo.toml"),
        ("#read(\"/etc/passwd\")", "etc/passwd"),
        ("#include \"/etc/passwd\"", "etc/passwd"),
        ("#include \"../Cargo.toml\"", ""),
        ("#image(\"fonts/OFL.txt\")", "OFL.txt"),
        ("#import \"@preview/cetz:0.3.0\": *", "パッケージ"),
    ] {
        let err = compile(source).expect_err(source);
        assert!(err.contains(what), "{source}: {err}");
    }
}

#[test]
fn a_template_cannot_read_files_either() {
    let dir = pdf_templates_copy("evil-templates");
    let main = std::fs::read_to_string(dir.join("main.typ.j2")).unwrap();
    std::fs::write(
        dir.join("main.typ.j2"),
        format!("{main}\n#read(\"Cargo.toml\")\n"),
    )
    .unwrap();
    let out = tmp("evil-templates.pdf");
    let emit = tmp("evil-templates-emitted");
    let run = planpress(&[
        "build",
        EDITION,
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--emit-typst",
        emit.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("テンプレートの不具合") && err.contains("Cargo.toml"),
        "{err}"
    );
    assert!(!out.exists());
    // The defect is told against the template line that made the call.
    let line = main.lines().count() + 2;
    assert!(
        err.contains(&format!("templates/main.typ.j2:{line}")),
        "{err}"
    );
    // The refused source is written for whoever fixes the template.
    let emitted = std::fs::read_to_string(emit.join("main.typ")).unwrap();
    assert!(emitted.contains("#read(\"Cargo.toml\")"));
}

/// A Typst template has no filter that lets a value skip Typst escaping: neither
/// minijinja's `safe` nor its HTML `escape`, whose output Typst would run.
#[test]
fn a_template_cannot_unescape_a_value() {
    let dir = pdf_templates_copy("unescaping-templates");
    let main = std::fs::read_to_string(root().join("templates/main.typ.j2")).unwrap();
    let fiscal = "{{ edition.fiscal }}],\n  lines:";
    assert!(
        main.contains(fiscal),
        "the cover's fiscal year moved: update this test"
    );
    for filter in ["safe", "escape", "e"] {
        let line = format!("{{{{ edition.fiscal|{filter} }}}}],\n  lines:");
        std::fs::write(dir.join("main.typ.j2"), main.replace(fiscal, &line)).unwrap();
        let out = tmp("unescape-templates.pdf");
        let args = [
            "build",
            EDITION,
            "--templates",
            dir.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        let run = planpress(&args);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "|{filter}: {err}");
        assert!(
            err.contains("テンプレートの不具合") && err.contains(filter),
            "|{filter}: {err}"
        );
        assert!(!out.exists());
    }
}
