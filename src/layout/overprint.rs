//! Overprint: text drawn over other text.

use std::collections::HashMap;

use typst::layout::Abs;

use super::Run;

/// Runs drawn over another run: their boxes share more than a sliver (a fifth of
/// the smaller line's height), which neighbours on a line or in a column never do.
/// Runs are compared only within a 20 pt band and while they reach each other
/// along the line (a sweep by x), so a page costs about the number of its runs.
pub(super) fn overprinted(runs: &[Run]) -> Vec<&Run> {
    let band = |y: Abs| (y.to_pt() / 20.0).floor() as i64;
    let mut bands: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, r) in runs.iter().enumerate() {
        for b in band(r.y0)..=band(r.y1) {
            bands.entry(b).or_default().push(i);
        }
    }
    let mut hit = vec![false; runs.len()];
    for ids in bands.values_mut() {
        ids.sort_by(|&a, &b| {
            runs[a]
                .x0
                .partial_cmp(&runs[b].x0)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for (k, &i) in ids.iter().enumerate() {
            let a = &runs[i];
            for &j in ids[k + 1..].iter().take_while(|&&j| runs[j].x0 < a.x1) {
                let b = &runs[j];
                let dx = a.x1.min(b.x1) - b.x0;
                let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
                let h = (a.y1 - a.y0).min(b.y1 - b.y0);
                if dx > h * 0.2 && dy > h * 0.2 {
                    hit[j] = true;
                }
            }
        }
    }
    runs.iter()
        .zip(hit)
        .filter(|(_, h)| *h)
        .map(|(r, _)| r)
        .collect()
}
