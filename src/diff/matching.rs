//! Which item of the old edition each item of the new one continues. Items are
//! paired by their identity and their words, so a renumbered standard or a
//! target handed to another department is one item moved, not a deletion and
//! an addition.

use std::collections::HashMap;

use super::items::Item;

/// Items of the two editions side by side, in document order: an item kept (with
/// its old self), added (no old), or removed (no new, where it stood).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Aligned<'a> {
    pub old: Option<&'a Item>,
    pub new: Option<&'a Item>,
    /// Kept, but under another number or name, or out of its old order.
    pub moved: bool,
    /// Moved only by its number: the same series, in its old order (a standard
    /// renumbered after one inserted before it).
    pub renumbered: bool,
}

/// How alike two texts are, from 0 to 1: the share of characters they have in
/// common.
pub fn likeness(a: &str, b: &str) -> f64 {
    let total = a.chars().count() + b.chars().count();
    if total == 0 {
        return 1.0;
    }
    let common: usize = (dissimilar::diff(a, b).iter())
        .map(|c| match c {
            dissimilar::Chunk::Equal(s) => s.chars().count(),
            _ => 0,
        })
        .sum();
    2.0 * common as f64 / total as f64
}

/// Below this, a removed and an added item are two items, not one moved.
const MOVED_LIKENESS: f64 = 0.6;
/// What keeping its key adds to a pair's likeness: of two partners about as
/// alike, the one under the same key.
const SAME_KEY: f64 = 0.1;
/// The most text comparisons made in one family to find moved items (pairs of
/// items); beyond it, items left pair by key only.
const MOST_COMPARISONS: usize = 20_000;

/// Pair the items of `old` with those of `new`:
/// 1. the same key and the same words;
/// 2. the same words, found once in each, under another key (moved);
/// 3. the most alike of the same family: under another key when alike enough
///    (moved and changed), under the same key however unlike (changed).
pub fn align<'a>(old: &'a [Item], new: &'a [Item]) -> Vec<Aligned<'a>> {
    let mut old_of: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    let link = |j: usize, i: usize, old_of: &mut Vec<Option<usize>>, taken: &mut Vec<bool>| {
        old_of[j] = Some(i);
        taken[i] = true;
    };
    let by_key: HashMap<String, usize> = (old.iter().enumerate())
        .map(|(i, x)| (x.id.key(), i))
        .collect();
    for (j, n) in new.iter().enumerate() {
        // Keys are unique in an edition; a key written twice pairs once.
        if let Some(&i) = by_key.get(&n.id.key())
            && old[i].parts == n.parts
            && !taken[i]
        {
            link(j, i, &mut old_of, &mut taken);
        }
    }
    // Words found once among the items left on each side.
    let words = |x: &Item| (x.id.family(), x.parts.clone());
    let mut old_words: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, x) in old.iter().enumerate().filter(|(i, _)| !taken[*i]) {
        old_words.entry(words(x)).or_default().push(i);
    }
    let mut new_words: HashMap<_, Vec<usize>> = HashMap::new();
    for (j, x) in new.iter().enumerate().filter(|(j, _)| old_of[*j].is_none()) {
        new_words.entry(words(x)).or_default().push(j);
    }
    for (w, js) in &new_words {
        if let ([j], Some([i])) = (js.as_slice(), old_words.get(w).map(|v| v.as_slice())) {
            link(*j, *i, &mut old_of, &mut taken);
        }
    }
    // What is left: the most alike pairs of a family first, whatever their
    // number, so an item inserted before others does not pair them by number;
    // the same key pairs its items however unlike (one item rewritten) when
    // neither has a likelier partner.
    let mut families: HashMap<String, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for i in (0..old.len()).filter(|i| !taken[*i]) {
        families.entry(old[i].id.family()).or_default().0.push(i);
    }
    for j in (0..new.len()).filter(|j| old_of[*j].is_none()) {
        families.entry(new[j].id.family()).or_default().1.push(j);
    }
    // (likeness, same series, distance, new, old): the likeliest first; of
    // partners as alike (the same words twice), one of the same series (the
    // same department), then the nearest.
    let mut alike: Vec<(f64, bool, usize, usize, usize)> = Vec::new();
    for (left_old, left_new) in families.values() {
        let compare = left_old.len() * left_new.len() <= MOST_COMPARISONS;
        for &j in left_new {
            for &i in left_old {
                let same_key = old[i].id.key() == new[j].id.key();
                let series = old[i].id.series() == new[j].id.series();
                let distance = i.abs_diff(j);
                if !compare {
                    if same_key {
                        alike.push((0.0, true, 0, j, i));
                    }
                    continue;
                }
                let l = likeness(&old[i].text(), &new[j].text());
                if same_key {
                    alike.push((l + SAME_KEY, true, distance, j, i));
                } else if l >= MOVED_LIKENESS {
                    alike.push((l, series, distance, j, i));
                }
            }
        }
    }
    alike.sort_by(|a, b| {
        (b.0.total_cmp(&a.0))
            .then(b.1.cmp(&a.1))
            .then((a.2, a.3, a.4).cmp(&(b.2, b.3, b.4)))
    });
    for (_, _, _, j, i) in alike {
        if old_of[j].is_none() && !taken[i] {
            link(j, i, &mut old_of, &mut taken);
        }
    }
    merge(old, new, &old_of)
}

/// The pairs in the new edition's order, each removed item where it stood: just
/// before the item that followed it in the old edition.
fn merge<'a>(old: &'a [Item], new: &'a [Item], old_of: &[Option<usize>]) -> Vec<Aligned<'a>> {
    let in_order = increasing(old_of);
    let mut removed: Vec<usize> = {
        let mut kept = vec![false; old.len()];
        old_of.iter().flatten().for_each(|i| kept[*i] = true);
        (0..old.len()).rev().filter(|i| !kept[*i]).collect()
    };
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    for (j, n) in new.iter().enumerate() {
        if let Some(i) = old_of[j].filter(|_| in_order[j]) {
            while removed.last().is_some_and(|r| *r < i) {
                let r = removed.pop().expect("checked");
                out.push(removed_at(&old[r]));
            }
        }
        let o = old_of[j].map(|i| &old[i]);
        let moved = o.is_some_and(|o| o.id.key() != n.id.key() || !in_order[j]);
        let renumbered = moved && in_order[j] && o.is_some_and(|o| o.id.series() == n.id.series());
        out.push(Aligned {
            old: o,
            new: Some(n),
            moved,
            renumbered,
        });
    }
    while let Some(r) = removed.pop() {
        out.push(removed_at(&old[r]));
    }
    out
}

fn removed_at(item: &Item) -> Aligned<'_> {
    Aligned {
        old: Some(item),
        new: None,
        moved: false,
        renumbered: false,
    }
}

/// Which pairs keep their old order: the longest run of old positions that
/// increases through the new edition (patience sorting).
fn increasing(old_of: &[Option<usize>]) -> Vec<bool> {
    let seq: Vec<(usize, usize)> = (old_of.iter().enumerate())
        .filter_map(|(j, i)| i.map(|i| (j, i)))
        .collect();
    // tails[k]: index in seq of the smallest tail of a run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; seq.len()];
    for (s, &(_, i)) in seq.iter().enumerate() {
        let k = tails.partition_point(|&t| seq[t].1 < i);
        before[s] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(s);
        } else {
            tails[k] = s;
        }
    }
    let mut keep = vec![false; old_of.len()];
    let mut at = tails.last().copied();
    while let Some(s) = at {
        keep[seq[s].0] = true;
        at = before[s];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::ItemId;

    fn standards(texts: &[&str]) -> Vec<Item> {
        (texts.iter().enumerate())
            .map(|(n, t)| Item::new(ItemId::standard("", n as u32 + 1), vec![t.to_string()]))
            .collect()
    }

    fn summary(a: &[Aligned]) -> Vec<String> {
        let label = |x: Option<&Item>| x.map(|x| x.id.label()).unwrap_or("-".into());
        (a.iter())
            .map(|x| {
                let mark = match (x.moved, x.renumbered) {
                    (_, true) => "#",
                    (true, _) => "*",
                    _ => "",
                };
                format!("{}>{}{mark}", label(x.old), label(x.new))
            })
            .collect()
    }

    #[test]
    fn an_inserted_standard_renumbers_the_rest() {
        let old = standards(&["窓口で名乗ります", "電話は三回以内に出ます"]);
        let new = standards(&[
            "案内表示を見直します",
            "窓口で名乗ります",
            "電話は三回以内に出ます",
        ]);
        assert_eq!(
            summary(&align(&old, &new)),
            ["->基準1", "基準1>基準2#", "基準2>基準3#"]
        );
    }

    fn targets(dept: &str, texts: &[&str]) -> Vec<Item> {
        (texts.iter().enumerate())
            .map(|(n, t)| {
                Item::new(
                    ItemId::target(dept, dept, n as u32 + 1),
                    vec![t.to_string()],
                )
            })
            .collect()
    }

    #[test]
    fn an_insertion_before_edited_items_pairs_them_by_likeness_not_number() {
        let old = targets(
            "区民課",
            &[
                "証明書を正確かつ迅速に発行します。",
                "電話では所属と名前を名乗ります。",
                "窓口の待ち時間を毎月集計します。",
            ],
        );
        let new = targets(
            "区民課",
            &[
                "外国語の案内を用意します。",
                "証明書を正確かつ迅速に発行いたします。",
                "電話では所属と名前を名乗りいたします。",
                "窓口の待ち時間を毎月集計いたします。",
            ],
        );
        assert_eq!(
            summary(&align(&old, &new)),
            [
                "->区民課 目標1",
                "区民課 目標1>区民課 目標2#",
                "区民課 目標2>区民課 目標3#",
                "区民課 目標3>区民課 目標4#",
            ]
        );
    }

    #[test]
    fn the_same_words_twice_pair_within_their_department() {
        let same = "電話では所属と名前を名乗ります。";
        let mut old = targets("区民課", &["証明書を発行します。", same]);
        old.extend(targets("保険年金課", &[same]));
        let mut new = targets(
            "区民課",
            &["案内を用意します。", "証明書を発行します。", same],
        );
        new.extend(targets("保険年金課", &[same]));
        assert_eq!(
            summary(&align(&old, &new)),
            [
                "->区民課 目標1",
                "区民課 目標1>区民課 目標2#",
                "区民課 目標2>区民課 目標3#",
                "保険年金課 目標1>保険年金課 目標1",
            ]
        );
    }

    #[test]
    fn a_swap_is_two_moves_and_a_removal_stands_where_it_was() {
        let old = standards(&[
            "あいうえおかきくけこ",
            "さしすせそたちつてと",
            "なにぬねのはひふへほ",
        ]);
        let new = standards(&["なにぬねのはひふへほ", "あいうえおかきくけこ"]);
        assert_eq!(
            summary(&align(&old, &new)),
            ["基準3>基準1*", "基準1>基準2#", "基準2>-"]
        );
        let new = standards(&["あいうえおかきくけこ", "なにぬねのはひふへほ"]);
        assert_eq!(
            summary(&align(&old, &new)),
            ["基準1>基準1", "基準2>-", "基準3>基準2#"]
        );
    }

    #[test]
    fn an_edited_item_under_a_new_key_is_moved_when_alike() {
        let old = vec![Item::new(
            ItemId::target("a", "区民課", 3),
            vec!["届出の記入例を窓口に置きます".into()],
        )];
        let new = vec![
            Item::new(
                ItemId::target("b", "保険年金課", 1),
                vec!["届出の記入例を窓口と区のホームページに置きます".into()],
            ),
            Item::new(
                ItemId::target("b", "保険年金課", 2),
                vec!["まったく別の新しい目標です".into()],
            ),
        ];
        assert_eq!(
            summary(&align(&old, &new)),
            ["区民課 目標3>保険年金課 目標1*", "->保険年金課 目標2"]
        );
    }
}
