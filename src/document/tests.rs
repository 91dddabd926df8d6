use super::*;

#[test]
fn utf16_offsets_count_emoji_as_two_units() {
    let text = "😷 pt 943 476 5919";
    let start = text.find('9').unwrap();
    assert_eq!(utf16_offsets(text, &[start, text.len()]), vec![6, 18]);
}

#[test]
fn utf16_offsets_keep_input_order() {
    let text = "é😷a";
    assert_eq!(utf16_offsets(text, &[6, 0, 2]), vec![3, 0, 1]);
}

#[test]
fn byte_offset_round_trips() {
    let text = "a😷b";
    assert_eq!(byte_offset_of_utf16(text, 3), 5);
    assert_eq!(byte_offset_of_utf16(text, 99), text.len());
}

#[test]
fn span_set_answers_like_a_scan() {
    let spans = [3..9, 0..2, 20..21, 5..6, 40..100, 12..12];
    let set: SpanSet = spans.iter().cloned().collect();
    for start in 0..110 {
        for end in start..start + 12 {
            let q = start..end;
            let overlap = spans.iter().any(|s| s.start < q.end && q.start < s.end);
            assert_eq!(set.overlaps(&q), overlap, "{q:?}");
        }
        assert_eq!(set.starts_at(start), spans.iter().any(|s| s.start == start));
        for end in start..start + 12 {
            let q = start..end;
            let covered = spans.iter().any(|s| s.start <= q.start && q.end <= s.end);
            assert_eq!(set.covers(&q), covered, "{q:?}");
        }
    }
}

#[test]
fn word_bounds_reject_glued_letters() {
    assert!(is_word_bounded("see Nytol now", &(4..9)));
    assert!(!is_word_bounded("seeNytol", &(3..8)));
}

#[test]
fn sentences_near_are_bounded_and_respect_char_boundaries() {
    let config = Config::default();
    let doc = Document::new("😷 résumé. Next; one", &config);
    assert_eq!(doc.sentence_near(&(0..4)), 0..doc.text.find('.').unwrap());
    let at = doc.text.find("one").unwrap();
    assert_eq!(doc.slice(&doc.sentence_near(&(at..at + 3))), " one");
    // Without breaks, 105 words either way ("é " is 3 bytes, "a " 2).
    let long = format!("{}bed 4 {}", "é ".repeat(200), "a ".repeat(200));
    let doc = Document::new(&long, &config);
    let at = long.find("bed").unwrap();
    assert_eq!(doc.sentence_near(&(at..at + 5)), 95 * 3..at + 5 + 105 * 2);
}

#[test]
fn sentence_around_stops_at_breaks() {
    let config = Config::default();
    let doc = Document::new("First one. Bed 4 now! Last", &config);
    let at = doc.text.find("Bed").unwrap();
    assert_eq!(doc.slice(&doc.sentence_around(&(at..at + 3))), " Bed 4 now");
}
