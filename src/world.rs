//! The sandboxed Typst world: the generated source, the static style module(s),
//! the bundled fonts and the bytes Rust hands over to attach. Nothing else: no
//! file system, no packages, no network, and `today` comes from the edition.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::fonts::fonts;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// The file id of a path in the project root, e.g. `main.typ`.
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

pub struct PlanWorld {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl PlanWorld {
    /// A world whose main file is `main.typ` with `main`, serving `modules`
    /// (name → Typst source) beside it and `files` (name → bytes) for attachment.
    pub fn new(
        main: String,
        modules: &[(String, String)],
        files: Vec<(String, Vec<u8>)>,
        today: Datetime,
    ) -> Self {
        let main_id = file_id("main.typ");
        let mut sources = HashMap::new();
        sources.insert(main_id, Source::new(main_id, main));
        for (name, text) in modules {
            let id = file_id(name);
            sources.insert(id, Source::new(id, text.clone()));
        }
        let files = files
            .into_iter()
            .map(|(name, bytes)| (file_id(&name), Bytes::new(bytes)))
            .collect();
        Self {
            main: main_id,
            sources,
            files,
            today,
        }
    }

    /// Serve new text and files, editing the sources in place so Typst's caches
    /// (comemo) reuse everything that did not change.
    pub fn update(
        &mut self,
        main: &str,
        modules: &[(String, String)],
        files: Vec<(String, Vec<u8>)>,
        today: Datetime,
    ) {
        // Serve exactly the new set: sources and files no longer handed over are dropped.
        let wanted: Vec<FileId> = std::iter::once(self.main)
            .chain(modules.iter().map(|(n, _)| file_id(n)))
            .collect();
        self.sources.retain(|id, _| wanted.contains(id));
        let handed: Vec<FileId> = files.iter().map(|(n, _)| file_id(n)).collect();
        self.files.retain(|id, _| handed.contains(id));
        for (id, text) in std::iter::once((self.main, main))
            .chain(modules.iter().map(|(n, t)| (file_id(n), t.as_str())))
        {
            match self.sources.get_mut(&id) {
                Some(source) => {
                    if source.text() != text {
                        source.replace(text);
                    }
                }
                None => {
                    self.sources.insert(id, Source::new(id, text.to_string()));
                }
            }
        }
        for (name, bytes) in files {
            let id = file_id(&name);
            if self
                .files
                .get(&id)
                .is_none_or(|b| b.as_slice() != bytes.as_slice())
            {
                self.files.insert(id, Bytes::new(bytes));
            }
        }
        self.today = today;
    }
}

fn refuse(id: FileId) -> FileError {
    if let VirtualRoot::Package(spec) = id.root() {
        return FileError::Package(PackageError::Other(Some(
            format!("パッケージ {spec} は使えません（planpress は外部パッケージを読み込みません）")
                .into(),
        )));
    }
    FileError::Other(Some(
        format!(
            "{} は planpress の文書からは読めません（使えるのは生成された文書と様式ファイルだけです）",
            id.vpath().get_without_slash()
        )
        .into(),
    ))
}

impl World for PlanWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| refuse(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.text().to_string()));
        }
        Err(refuse(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
