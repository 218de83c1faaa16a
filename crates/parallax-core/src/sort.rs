//! Stable sorts that compile to one copy of the standard library's sort, whatever they sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site compiles its
//! own copy of the sort: several KB of Wasm each, about 170 KB of the page's Wasm before the code the
//! page runs went through this module. These sort the positions `0..n` with one non-generic
//! comparison instead, then move the elements into place. A stable sort's result is fully determined
//! by its comparison (equal elements keep their order), so the order is exactly the one
//! `slice::sort_by` gives; a test checks it against the standard library.

use std::cmp::Ordering;

/// Sorts `items` like [`slice::sort_by`] (stable).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(&order, &mut |a, b| items.swap(a, b));
}

/// Sorts `items` like [`slice::sort_by_key`] (stable; the key is computed for each comparison).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` like [`slice::sort`] (stable).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..n` in the order a stable sort by `compare` puts them.
#[inline(never)]
fn stable_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges a list by swaps so that position `k` holds what was at `order[k]`.
#[inline(never)]
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let next = order[at];
            if next == start {
                break;
            }
            swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no crate.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut state = seed;
        (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % range
            })
            .collect()
    }

    /// Many ties on purpose: only the key's remainder by 7, largest first.
    fn descending_remainder(a: &(u64, usize), b: &(u64, usize)) -> Ordering {
        (b.0 % 7).cmp(&(a.0 % 7))
    }

    #[test]
    fn orders_exactly_like_the_standard_library_with_ties_kept_in_order() {
        for (seed, n, range) in [
            (1, 0, 1),
            (2, 1, 1),
            (3, 2, 2),
            (4, 17, 3),
            (5, 300, 10),
            (6, 1000, 1000),
        ] {
            // Pairs of (key, original position): equal keys show whether ties keep their order.
            let items: Vec<(u64, usize)> = numbers(seed, n, range)
                .into_iter()
                .enumerate()
                .map(|(at, key)| (key, at))
                .collect();
            let mut expected = items.clone();
            expected.sort_by(descending_remainder);
            let mut got = items.clone();
            sort_by(&mut got, descending_remainder);
            assert_eq!(got, expected, "sort_by, seed {seed}");

            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut got = items.clone();
            sort_by_key(&mut got, |item| item.0);
            assert_eq!(got, expected, "sort_by_key, seed {seed}");

            let mut expected = items.clone();
            expected.sort();
            let mut got = items;
            sort(&mut got);
            assert_eq!(got, expected, "sort, seed {seed}");
        }
    }

    #[test]
    fn moves_values_that_own_memory() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"]
            .map(str::to_owned)
            .to_vec();
        sort_by_key(&mut words, |word| word.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "apple", "apple"]);
    }
}
