//! The embedded model file (`data/model/scorer.bin`, written by `scripts/train-model.py`).
//!
//! Layout, little-endian:
//! - magic `SOSC`, format version (u8 = 1), hash bits (u8), category count (u8 = 4), 0 (u8);
//! - per category, in [`Category::ALL`] order: bias, weight scale, keep threshold and flag
//!   threshold (four f32; thresholds are logits);
//! - per category, `2^bits` weights as i8 (weight = i8 × scale).

use crate::finding::Category;

const MAGIC: &[u8; 4] = b"SOSC";
const VERSION: u8 = 1;
/// Bytes of per-category parameters: bias, scale and the two thresholds.
const PARAMS: usize = 16;

/// One category's linear model and the two thresholds the checker combines with the rules.
#[derive(Clone, Debug)]
pub struct CategoryModel {
    pub bias: f32,
    pub scale: f32,
    /// Below this logit a contextual rule's warning is lowered to a reminder.
    pub keep_above: f32,
    /// At or above this logit the scorer raises the category itself when no rule has.
    pub flag_above: f32,
    pub weights: Vec<i8>,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub bits: u8,
    pub categories: Vec<(Category, CategoryModel)>,
}

impl Model {
    /// Reads a model file; the error names what is wrong (the build embeds a checked file, so
    /// this only fails on a file edited by hand).
    pub fn parse(bytes: &[u8]) -> Result<Model, String> {
        let header = bytes.get(..8).ok_or("model file shorter than its header")?;
        if &header[..4] != MAGIC || header[4] != VERSION {
            return Err("not a version-1 Second Opinion model file".into());
        }
        let (bits, count) = (header[6], usize::from(header[7]));
        if !(8..=24).contains(&bits) || count != Category::ALL.len() {
            return Err(format!(
                "unexpected model shape: {bits} bits, {count} categories"
            ));
        }
        let size = 1usize << bits;
        let params = 8 + count * PARAMS;
        if bytes.len() != params + count * size {
            return Err(format!(
                "model file is {} bytes, expected {}",
                bytes.len(),
                params + count * size
            ));
        }
        let f32_at = |at: usize| f32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        let categories = Category::ALL
            .iter()
            .enumerate()
            .map(|(i, &category)| {
                let p = 8 + i * PARAMS;
                let w = params + i * size;
                let weights = bytes[w..w + size].iter().map(|&b| b as i8).collect();
                let model = CategoryModel {
                    bias: f32_at(p),
                    scale: f32_at(p + 4),
                    keep_above: f32_at(p + 8),
                    flag_above: f32_at(p + 12),
                    weights,
                };
                (category, model)
            })
            .collect();
        Ok(Model { bits, categories })
    }
}

impl CategoryModel {
    /// The weight of one bucket.
    pub fn weight(&self, bucket: u32) -> f32 {
        f32::from(self.weights[bucket as usize]) * self.scale
    }

    /// The logit for a feature vector.
    pub fn logit(&self, vector: &[(u32, f32)]) -> f32 {
        self.bias + vector.iter().map(|&(b, v)| self.weight(b) * v).sum::<f32>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(bits: u8, weight: i8) -> Vec<u8> {
        let mut bytes = b"SOSC".to_vec();
        bytes.extend([VERSION, 0, bits, 4]);
        for _ in 0..4 {
            for v in [-1.0f32, 0.5, -2.0, 2.0] {
                bytes.extend(v.to_le_bytes());
            }
        }
        bytes.extend(vec![weight as u8; 4 << bits]);
        bytes
    }

    #[test]
    fn parses_a_well_formed_file() {
        let model = Model::parse(&file(8, 2)).unwrap();
        let (category, m) = &model.categories[1];
        assert_eq!(*category, Category::ConflictOfInterest);
        assert_eq!(m.weight(7), 1.0);
        assert_eq!(m.logit(&[(3, 0.5)]), -0.5);
    }

    #[test]
    fn rejects_truncated_and_foreign_files() {
        let good = file(8, 1);
        assert!(Model::parse(&good[..good.len() - 1]).is_err());
        assert!(Model::parse(b"PNG\0\0\0\0\0").is_err());
        assert!(Model::parse(&[]).is_err());
    }
}
