//! One file per command: each turns its arguments into a validated config, runs
//! the library (the pipeline, sheets, diff…) and says what it did.

pub mod archive;
pub mod build;
pub mod check;
pub mod city;
pub mod diff;
pub mod edit;
pub mod extract;
pub mod fmt;
pub mod import;
pub mod lint;
pub mod new;
pub mod preview;
pub mod schema;
pub mod sheets;
pub mod summary;
pub mod watch;
pub mod web;

use std::path::Path;

use planpress::BuildError;
pub use planpress::outputs::{default_dir, default_output};

/// Why a command stopped; `main` prints it, once, in one place.
pub enum Failure {
    /// A build stage failed: content problems are shown with their lines.
    Build(BuildError),
    /// Anything else, already in the clerk's words.
    Message(String),
}

impl From<BuildError> for Failure {
    fn from(e: BuildError) -> Self {
        Failure::Build(e)
    }
}

impl From<planpress::ContentErrors> for Failure {
    fn from(e: planpress::ContentErrors) -> Self {
        Failure::Build(BuildError::Content(e))
    }
}

impl From<String> for Failure {
    fn from(m: String) -> Self {
        Failure::Message(m)
    }
}

pub type Result = std::result::Result<(), Failure>;

/// Write a command's files under `dir`, or say which one could not be written.
pub fn write_files(dir: &Path, files: &[(String, Vec<u8>)]) -> Result {
    planpress::fs::write_all(dir, files).map_err(|(path, e)| {
        Failure::Message(format!(
            "{} に書き出せません: {}",
            path.display(),
            planpress::io_message::reason(&e)
        ))
    })
}
