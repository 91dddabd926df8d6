//! How the scorer's features become numbers: the stable FNV-1a hash of a feature and the
//! sublinear, unit-length vector of a post's buckets.

use super::Occurrence;

/// 1 + ln(count) per bucket, scaled to unit length, so long posts and short ones weigh alike.
pub(super) fn sublinear_unit_vector(occurrences: &[Occurrence]) -> Vec<(u32, f32)> {
    let mut buckets: Vec<u32> = occurrences.iter().map(|o| o.bucket).collect();
    buckets.sort_unstable();
    let mut vector: Vec<(u32, f32)> = Vec::new();
    for b in buckets {
        match vector.last_mut() {
            Some((last, count)) if *last == b => *count += 1.0,
            _ => vector.push((b, 1.0)),
        }
    }
    for (_, value) in vector.iter_mut() {
        *value = 1.0 + value.ln();
    }
    let norm = vector.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, value) in vector.iter_mut() {
            *value /= norm;
        }
    }
    vector
}

/// Sorts by bucket and adds values that share one.
pub(super) fn merge(mut vector: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    vector.sort_by_key(|&(b, _)| b);
    let mut merged: Vec<(u32, f32)> = Vec::with_capacity(vector.len());
    for (b, v) in vector {
        match merged.last_mut() {
            Some((last, value)) if *last == b => *value += v,
            _ => merged.push((b, v)),
        }
    }
    merged
}

/// FNV-1a (64-bit) over a namespace byte and then the feature's UTF-8 bytes: stable across
/// platforms and releases. Fed piece by piece ("prev", " ", "word"), so a bigram or a character
/// n-gram is hashed without building its string; the pieces hash exactly as their concatenation.
#[derive(Clone, Copy)]
pub(super) struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub(super) fn new(namespace: u8) -> Self {
        Fnv(Self::OFFSET).byte(namespace)
    }

    pub(super) fn byte(self, byte: u8) -> Self {
        Fnv((self.0 ^ u64::from(byte)).wrapping_mul(Self::PRIME))
    }

    pub(super) fn str(self, s: &str) -> Self {
        s.bytes().fold(self, Fnv::byte)
    }

    pub(super) fn char(self, c: char) -> Self {
        self.str(c.encode_utf8(&mut [0; 4]))
    }

    pub(super) fn finish(self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}
