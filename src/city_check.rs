//! `planpress check` given a folder of ward editions: every ward checked (on
//! every core), each told with its ward's name; one ward's problems never hide
//! another's. The city's clerk runs it after changing the common file.

use crate::city::{self, each, problems, ward_label, what_failed};
use crate::{BuildError, Config, Pipeline, Prepared};

/// What `check` found in one ward.
pub struct WardChecked {
    /// 「みどり区（midori-r7）」
    pub label: String,
    pub result: Result<Prepared, BuildError>,
}

/// Check every ward, `threads` at a time, in the given order.
pub fn check_all(configs: &[Config], threads: usize) -> Vec<WardChecked> {
    each(configs, threads, |config| WardChecked {
        label: ward_label(&config.edition),
        result: Pipeline::new(config.clone()).check(),
    })
}

/// The lines a clerk reads about one ward: whether it has problems, then each
/// problem, notice (an override of the common content) and warning, one a
/// line, named with the ward.
pub fn report(ward: &WardChecked) -> Vec<String> {
    let label = &ward.label;
    match &ward.result {
        Ok(prepared) => {
            let mut lines = vec![format!("{label}: 問題は見つかりませんでした")];
            let notices = (prepared.content.common.iter()).flat_map(|c| &c.notices);
            lines.extend(notices.map(|n| format!("  {label} お知らせ: {n}")));
            let warned = prepared.warnings.iter();
            lines.extend(warned.map(|w| format!("  {label} 注意: {w}")));
            lines
        }
        Err(e) => {
            let mut lines = vec![format!(
                "{label}: 問題があります（{}）。次の問題を直して、もう一度 check してください:",
                what_failed(e)
            )];
            lines.extend(problems(e).into_iter().map(|p| format!("  {label} {p}")));
            lines
        }
    }
}

/// The last line: whether every ward is free of problems, and which are not.
pub fn tally(wards: &[WardChecked]) -> (bool, String) {
    let failed: Vec<&str> = (wards.iter())
        .filter(|w| w.result.is_err())
        .map(|w| w.label.as_str())
        .collect();
    let total = wards.len();
    if failed.is_empty() {
        return (
            true,
            format!("{total} 区すべてに問題は見つかりませんでした"),
        );
    }
    let line = format!(
        "{total} 区のうち {} 区に問題があります: {}",
        failed.len(),
        failed.join("、")
    );
    (false, line)
}

/// The cores to check on.
pub fn cores() -> usize {
    city::cores()
}
