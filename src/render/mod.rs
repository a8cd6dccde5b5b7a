//! Templates turn the view of an edition into an output: `typst.rs` renders the
//! PDF's Typst source, `html.rs` the web edition. Each has its own minijinja
//! environment, whose formatter escapes every printed value for its output and
//! which registers only the filters safe in that escaping mode.

mod breaks;
pub mod html;
pub mod phrases;
mod runs;
pub mod typst;
mod webfont;

pub use typst::Generated;

use std::fs;
use std::path::{Path, PathBuf};

use minijinja::Error;
use minijinja::syntax::SyntaxConfig;

/// The PDF's layout files, embedded in the binary.
const EMBEDDED: &[(&str, &str)] = &[
    ("main.typ.j2", include_str!("../../templates/main.typ.j2")),
    (
        "macros.typ.j2",
        include_str!("../../templates/macros.typ.j2"),
    ),
    ("annex.typ.j2", include_str!("../../templates/annex.typ.j2")),
    ("style.typ", include_str!("../../templates/style.typ")),
    ("annex.typ", include_str!("../../templates/annex.typ")),
    ("blocks.typ", include_str!("../../templates/blocks.typ")),
    ("targets.typ", include_str!("../../templates/targets.typ")),
    ("closing.typ", include_str!("../../templates/closing.typ")),
    ("compare.typ", include_str!("../../templates/compare.typ")),
    ("chart.typ", include_str!("../../templates/chart.typ")),
    ("summary.typ", include_str!("../../templates/summary.typ")),
    (
        "summary.typ.j2",
        include_str!("../../templates/summary.typ.j2"),
    ),
    (
        "compare.typ.j2",
        include_str!("../../templates/compare.typ.j2"),
    ),
];

/// The web edition's files, embedded in the binary.
const WEB: &[(&str, &str)] = &[
    (
        "index.html.j2",
        include_str!("../../templates/web/index.html.j2"),
    ),
    ("style.css", include_str!("../../templates/web/style.css")),
];

/// Where the layout comes from: the binary, or a folder for layout work (laid out
/// as `templates/` is: the PDF's files at the top, the web edition's in `web/`).
#[derive(Debug, Clone, Default)]
pub enum Templates {
    #[default]
    Embedded,
    Dir(PathBuf),
}

impl Templates {
    /// The PDF's layout files: (name, text). `.typ.j2` are templates, `.typ` static modules.
    pub fn typst_files(&self) -> Result<Vec<(String, String)>, RenderError> {
        match self {
            Templates::Embedded => Ok(embedded(EMBEDDED)),
            Templates::Dir(dir) => read_dir(dir, &[".typ.j2", ".typ"], "main.typ.j2"),
        }
    }

    /// The web edition's files: `.html.j2` templates and `.css` stylesheets.
    pub fn web_files(&self) -> Result<Vec<(String, String)>, RenderError> {
        match self {
            Templates::Embedded => Ok(embedded(WEB)),
            Templates::Dir(dir) => {
                let web = dir.join("web");
                // A link found in the folder is not followed, as for its files.
                if fs::symlink_metadata(&web).is_ok_and(|m| m.file_type().is_symlink()) {
                    return Err(RenderError::Templates(format!(
                        "テンプレートのフォルダ {} はシンボリックリンク（ショートカットのような別名のフォルダ）なので読みません。フォルダそのものを置いてください",
                        web.display()
                    )));
                }
                read_dir(&web, &[".html.j2", ".css"], "index.html.j2")
            }
        }
    }
}

fn embedded(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

/// The template files of a folder with one of `kinds` as their ending; `main` must be there.
fn read_dir(dir: &Path, kinds: &[&str], main: &str) -> Result<Vec<(String, String)>, RenderError> {
    let fail = |m: String| RenderError::Templates(m);
    let entries = fs::read_dir(dir).map_err(|e| {
        fail(format!(
            "テンプレートのフォルダ {} を開けません: {}",
            dir.display(),
            crate::io_message::reason(&e)
        ))
    })?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // Only plain names Typst can address (letters, digits, - _ .).
        let plain = name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !name.starts_with('.');
        if plain && kinds.iter().any(|k| name.ends_with(k)) {
            let cannot =
                |m: String| fail(format!("テンプレート {} を読めません: {m}", path.display()));
            let bytes = crate::content::source::read_regular(&path).map_err(cannot)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| cannot("文字コードを UTF-8 にしてください".into()))?;
            files.push((name.to_string(), text));
        }
    }
    files.sort();
    if !files.iter().any(|(n, _)| n == main) {
        return Err(fail(format!(
            "テンプレートのフォルダ {} に {main} がありません",
            dir.display()
        )));
    }
    Ok(files)
}

/// Both environments read templates the same way: block tags take their line.
fn syntax() -> Result<SyntaxConfig, Error> {
    SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
}

/// A defect of the layout templates, not of the content.
#[derive(Debug)]
pub enum RenderError {
    Templates(String),
    Template {
        name: Option<String>,
        line: Option<usize>,
        detail: String,
    },
}

impl RenderError {
    fn from_minijinja(e: Error) -> Self {
        let mut detail = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            detail.push_str(&format!("\n  原因: {s}"));
            source = s.source();
        }
        RenderError::Template {
            name: e.name().map(str::to_string),
            line: e.line(),
            detail,
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Templates(m) => write!(f, "{m}"),
            RenderError::Template { name, line, detail } => {
                write!(
                    f,
                    "テンプレートの不具合です（内容ファイルの誤りではありません）"
                )?;
                if let Some(n) = name {
                    write!(f, ": templates/{n}")?;
                    if let Some(l) = line {
                        write!(f, " {l}行目")?;
                    }
                }
                write!(f, "\n  {detail}")
            }
        }
    }
}

impl std::error::Error for RenderError {}
