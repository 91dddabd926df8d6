use super::*;

#[test]
fn hashes_are_the_ones_the_model_was_trained_on() {
    // Values of FNV-1a over the namespace byte and the whole string, computed independently
    // (Python): hashing piece by piece must give exactly these, or every weight is misplaced.
    let bigram = Fnv::new(b'b').str("saw").str(" ").str("hargreaves");
    assert_eq!(bigram.finish(), 0x2f4a_57c0_8c4a_211f);
    let gram = [' ', 'f', '*', 'c']
        .iter()
        .fold(Fnv::new(b'c'), |h, &c| h.char(c));
    assert_eq!(gram.finish(), 0x3f58_f046_317c_a489);
    assert_eq!(Fnv::new(b's').char('🐷').finish(), 0x8b1d_26b7_ecc3_063f);
}

#[test]
fn ascii_and_unicode_words_normalise_alike() {
    assert_eq!(normalise("NHS-943"), "nhs-000");
    assert_eq!(normalise("Ærø-12"), "ærø-00");
}

#[test]
fn digits_share_one_shape() {
    let a = extract("a 44-year-old teacher", &[], 18);
    let b = extract("a 52-year-old teacher", &[], 18);
    assert_eq!(a.vector, b.vector);
}

#[test]
fn vector_is_unit_length_and_sorted() {
    let f = extract("Saw Hargreaves again in clinic today, same story.", &[], 16);
    let norm: f32 = f.vector.iter().map(|(_, v)| v * v).sum();
    assert!((norm - 1.0).abs() < 1e-4, "{norm}");
    assert!(f.vector.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn empty_and_symbol_only_posts_have_no_text_features() {
    assert!(extract("", &[], 16).vector.is_empty());
    assert!(extract("   \n ", &[], 16).vector.is_empty());
}

#[test]
fn masked_spelling_differs_from_plain() {
    let masked = extract("f*cking", &[], 18);
    let plain = extract("fcking", &[], 18);
    assert_ne!(masked.vector, plain.vector);
}

#[test]
fn every_text_occurrence_points_inside_the_post() {
    let text = "😷 #PrayForLily @dr_x bed 4, 44yo 🐷\nnext line";
    for o in extract(text, &[], 16).occurrences {
        let span = o.source.expect("text features have a source");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start < span.end && span.end <= text.len());
    }
}
