//! One stable sort for every list the engine and the app sort.
//!
//! The standard library's sort is generic: each element type and comparison gets its own copy,
//! about 4 KB of WebAssembly each, and collecting into a `BTreeMap` or `BTreeSet` sorts too. Here
//! the sort itself runs once, on positions, with the comparison behind a reference, so every
//! caller adds only a few instructions. The lists sorted this way are short (problems, warnings,
//! field names, kept versions), so the indirection costs nothing that shows.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, keeping the order of equal ones.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts `items` by `key`, keeping the order of equal ones.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// A set from an iterator, inserted one by one (`collect` would sort a copy first).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// A map from an iterator of pairs, inserted one by one; a later pair with the same key wins,
/// as with `collect`.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// The positions `0..n` in sorted order: the one sort in the program (so the one use of the
/// standard library's sort, which `clippy.toml` forbids everywhere else).
#[allow(clippy::disallowed_methods)]
fn positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::disallowed_methods)] // the standard library's sort is the oracle
    fn sorts_stably_like_the_standard_library() {
        // Pairs sorted by the first element only: equal keys keep their order.
        let mut seed = 7u32;
        let items: Vec<(u8, u32)> = (0..500)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 16) as u8 % 13, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std_sorted = items.clone();
        std_sorted.sort_by_key(|p| p.0);
        assert_eq!(ours, std_sorted);
        let mut desc = items.clone();
        sort_by(&mut desc, |a, b| b.0.cmp(&a.0));
        assert!(desc
            .windows(2)
            .all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        let mut words = vec!["ö", "a", "å", "b"];
        sort(&mut words);
        assert_eq!(words, ["a", "b", "å", "ö"]);
        let mut one = vec![1];
        sort(&mut one);
        assert_eq!(one, [1]);
    }

    #[test]
    fn sets_and_maps_match_collect() {
        let pairs = [(3, "c"), (1, "a"), (3, "C"), (2, "b")];
        assert_eq!(map(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(
            set([5, 1, 5, 3]),
            [5, 1, 5, 3].into_iter().collect::<BTreeSet<_>>()
        );
    }
}
