//! A fixed-size set of article indices, 64 per word, for fast facet intersections and counts.

use serde::{Deserialize, Serialize};

/// A set of article indices below `len`. Bits at or past `len` are always zero, so counts are exact.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bitset {
    len: usize,
    words: Vec<u64>,
}

impl Bitset {
    pub fn empty(len: usize) -> Bitset {
        Bitset {
            len,
            words: vec![0; len.div_ceil(64)],
        }
    }

    pub fn full(len: usize) -> Bitset {
        let mut bits = Bitset {
            len,
            words: vec![u64::MAX; len.div_ceil(64)],
        };
        if !len.is_multiple_of(64) {
            if let Some(last) = bits.words.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        bits
    }

    /// The set of `indices` (those at or past `len` are ignored).
    pub fn from_indices(len: usize, indices: impl IntoIterator<Item = usize>) -> Bitset {
        let mut bits = Bitset::empty(len);
        for idx in indices {
            bits.insert(idx);
        }
        bits
    }

    /// The size of the universe, not the number of members (that is [`Bitset::count`]).
    pub fn len(&self) -> usize {
        self.len
    }

    /// False for a deserialized set whose storage does not match its size.
    pub fn is_well_formed(&self) -> bool {
        self.words.len() == self.len.div_ceil(64)
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&word| word == 0)
    }

    pub fn insert(&mut self, idx: usize) {
        if idx < self.len {
            self.words[idx / 64] |= 1 << (idx % 64);
        }
    }

    pub fn contains(&self, idx: usize) -> bool {
        idx < self.len && self.words[idx / 64] & (1 << (idx % 64)) != 0
    }

    pub fn count(&self) -> u32 {
        self.words.iter().map(|word| word.count_ones()).sum()
    }

    /// `|self ∩ other|` without building the intersection.
    pub fn count_and(&self, other: &Bitset) -> u32 {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    pub fn intersect_with(&mut self, other: &Bitset) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word &= other;
        }
        // A shorter `other` has no members past its end.
        for word in self.words.iter_mut().skip(other.words.len()) {
            *word = 0;
        }
    }

    pub fn union_with(&mut self, other: &Bitset) {
        for (word, other) in self.words.iter_mut().zip(&other.words) {
            *word |= other;
        }
    }

    /// Members in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(word_idx, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(word_idx * 64 + bit)
            })
        })
    }
}
