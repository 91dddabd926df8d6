//! `check` on posts of the sizes docs/ARCHITECTURE.md budgets: a 280-character X post, a 2,000-character
//! Facebook post, and the longest Facebook post (63,206 characters); one megabyte of repetitive
//! text (linear time on any input); what the learned scorer adds to a 280-character check; plus
//! `Checker::new`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use second_opinion::{Checker, Config};

/// A realistic mix: clinical chatter, a brand, an identifier, a handle and a declaration.
const PARAGRAPH: &str =
    "Busy on call last night 😴 Saw a 34-year-old teacher from Keswick in resus. \
Pt NHS no 943 476 5919, call 07700 900614. Honestly Mounjaro is a game changer @NovoNordiskUK. \
Disclosure: speaker fees from Lilly. Remember to #MakeEveryContactCount and stay hydrated! ";

/// A long reflective Facebook post: plain prose, nothing to flag. The mix above puts a finding
/// in every 30 characters or so; real long posts are mostly like this.
const PROSE: &str = "Some thoughts after a long week in general practice. Demand keeps rising and \
continuity of care is harder than ever, but the team has been brilliant 🙂 We ran a teaching \
session on hypertension in primary care, with a refresher on ambulatory monitoring and when to \
refer. Most people with raised blood pressure feel completely well, so opportunistic checks \
matter.\n";

fn post_of(chars: usize) -> String {
    repeat_to(PARAGRAPH, chars)
}

fn repeat_to(paragraph: &str, chars: usize) -> String {
    let mut text = String::new();
    while text.chars().count() < chars {
        text.push_str(paragraph);
    }
    text.chars().take(chars).collect()
}

fn bench_check(c: &mut Criterion) {
    let checker = Checker::new(Config::default());
    let mut group = c.benchmark_group("check");
    for chars in [280, 2_000, 63_206] {
        let text = post_of(chars);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(chars), &text, |b, text| {
            b.iter(|| checker.check(text))
        });
    }
    let prose = repeat_to(PROSE, 63_206);
    group.throughput(Throughput::Bytes(prose.len() as u64));
    group.bench_with_input(BenchmarkId::new("prose", 63_206), &prose, |b, text| {
        b.iter(|| checker.check(text))
    });
    group.finish();
}

/// One megabyte of repetitive text (docs/ARCHITECTURE.md: time linear in the input on any text): a
/// finding every few words and no sentence break, where a step that grows with the square of
/// the findings or mentions shows at once.
fn bench_repetitive(c: &mut Criterion) {
    let checker = Checker::new(Config::default());
    let mut group = c.benchmark_group("repetitive");
    group.sample_size(10);
    for (name, unit) in [
        ("patient-reference", "Mrs K bed 4 "),
        (
            "mixed",
            "😷 Mr K bed 4 943 476 5919 Mounjaro שלום 🙂 a@b.co ",
        ),
        ("brand", "Mounjaro @NovoNordiskUK use code DRJO20 "),
        ("respect", "frequent flyer bed blocker DM me "),
    ] {
        let text = unit.repeat(1_000_000 / unit.len() + 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(name, "1MB"), &text, |b, text| {
            b.iter(|| checker.check(text))
        });
    }
    group.finish();
}

/// What the learned scorer adds: the rules alone against the whole check, on an X-sized post.
fn bench_scorer(c: &mut Criterion) {
    let checker = Checker::new(Config::default());
    let text = post_of(280);
    checker.check(&text); // builds the scorer's vocabularies once, as the first real check does
    let mut group = c.benchmark_group("scorer");
    group.bench_function("rules alone, 280", |b| {
        b.iter(|| checker.check_rules(&text))
    });
    group.bench_function("rules + scorer, 280", |b| b.iter(|| checker.check(&text)));
    group.finish();
}

fn bench_new(c: &mut Criterion) {
    c.bench_function("Checker::new", |b| {
        b.iter(|| Checker::new(Config::default()))
    });
}

criterion_group!(
    benches,
    bench_check,
    bench_repetitive,
    bench_scorer,
    bench_new
);
criterion_main!(benches);
