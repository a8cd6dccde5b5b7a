//! A city summary's attachments: each ward's files under its folder
//! (`midori-r7/edition.json`, `midori-r7/common/common.json`), extracted into a
//! city folder of wards. A ward's common files stay inside it (`common/`, which
//! the ward reads before the folder its edition.json names), so the extracted
//! city folder builds the same summary without a common folder beside it.

use std::path::{Path, PathBuf};

/// The attached files, each under its ward's folder.
pub type Ward = (String, Vec<(String, Vec<u8>)>);

/// The wards, in the attachments' order, when every name lies under a folder
/// that holds an edition.json (a summary's); None for an edition's own.
pub fn wards(files: &[(String, Vec<u8>)]) -> Option<Vec<Ward>> {
    let mut wards: Vec<Ward> = Vec::new();
    for (name, bytes) in files {
        let (ward, rest) = name.split_once('/')?;
        if ward == super::PREVIOUS.trim_end_matches('/')
            || ward == crate::content::COMMON_ATTACHED.trim_end_matches('/')
        {
            return None;
        }
        let file = (rest.to_string(), bytes.clone());
        match wards.iter_mut().find(|(w, _)| w == ward) {
            Some((_, group)) => group.push(file),
            None => wards.push((ward.to_string(), vec![file])),
        }
    }
    let editions = (wards.iter()).all(|(_, g)| g.iter().any(|(n, _)| n == "edition.json"));
    (editions && !wards.is_empty()).then_some(wards)
}

/// Each ward's files in its own folder of `dir`, as an edition's own extract
/// writes them into it, each to be written.
pub fn paths(dir: &Path, wards: &[Ward]) -> Vec<(PathBuf, bool)> {
    (wards.iter())
        .flat_map(|(ward, files)| {
            files
                .iter()
                .map(move |(n, _)| (dir.join(ward).join(n), true))
        })
        .collect()
}
