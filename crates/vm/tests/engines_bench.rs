//! Rough timings of the hot engines (run: cargo test --release -p vm --test engines_bench -- --ignored --nocapture).

use std::time::Instant;
use vm::number;
use vm::stdlib::{lpattern, printf};

#[test]
#[ignore]
fn bench_engines() {
    let vals: Vec<f64> = (0..1_000_000).map(|i| (i as f64) * 1.37 + 0.123).collect();
    let mut out = Vec::with_capacity(32);
    let t = Instant::now();
    let mut total = 0;
    for &v in &vals {
        out.clear();
        number::format_float(v, &mut out);
        total += out.len();
    }
    println!("format_float: {:?} per value ({total})", t.elapsed() / 1_000_000);
    let t = Instant::now();
    for i in 0..1_000_000i64 {
        out.clear();
        number::format_int(i * 7919, &mut out);
    }
    println!("format_int: {:?} per value", t.elapsed() / 1_000_000);
    let t = Instant::now();
    for _ in 0..1_000_000 {
        let _ = number::parse_number(b" 12345.678 ");
    }
    println!("parse_number float: {:?} per value", t.elapsed() / 1_000_000);
    let spec = match printf::FormatParser::new(b"%.3f").next() {
        Some(printf::Piece::Conversion(Ok(s))) => s,
        _ => unreachable!(),
    };
    let t = Instant::now();
    for &v in &vals {
        out.clear();
        printf::format_float(&spec, v, &mut out).unwrap();
    }
    println!("format %.3f: {:?} per value", t.elapsed() / 1_000_000);
    let subject = "the quick brown fox jumps over the lazy dog 12345 ".repeat(2000);
    let t = Instant::now();
    let mut out = Vec::new();
    let n = lpattern::gsub_str(subject.as_bytes(), b"(%w+)", b"<%1>", None, &mut out).unwrap();
    println!("gsub (%w+) over {} bytes: {:?} ({n} matches)", subject.len(), t.elapsed());
    let t = Instant::now();
    let mut g = lpattern::GmatchState::new(subject.len(), 0);
    let mut c = 0;
    while let Some(_m) = g.next_match(subject.as_bytes(), b"%a+").unwrap() {
        c += 1;
    }
    println!("gmatch %a+: {:?} ({c})", t.elapsed());
    let t = Instant::now();
    let r = lpattern::find(subject.as_bytes(), b"l[a-z]+y d%a+ 9", 0, false).unwrap();
    println!("find miss: {:?} {:?}", t.elapsed(), r.is_some());
}

#[test]
#[ignore]
fn bench_gsub_variants() {
    let subject = "the quick brown fox jumps over the lazy dog 12345 ".repeat(2000);
    for (p, r) in [("%w+", "x"), ("(%w+)", "x"), ("(%w+)", "<%1>"), ("%w+", "<%0>")] {
        let t = Instant::now();
        let mut out = Vec::new();
        let n = lpattern::gsub_str(subject.as_bytes(), p.as_bytes(), r.as_bytes(), None, &mut out).unwrap();
        println!("gsub {p} -> {r}: {:?} ({n})", t.elapsed());
    }
}
