#![no_main]
//! Random pattern + subject + replacement through find / match / gmatch / gsub.
//! Must never panic. Inputs are bounded (subject, pattern length and the number of
//! quantifiers) because Lua's backtracking is legitimately exponential on some patterns.
use libfuzzer_sys::fuzz_target;
use vm::stdlib::lpattern::{self, GmatchState};

fuzz_target!(|data: &[u8]| {
    // Layout: [plen][rlen] pattern repl subject
    if data.len() < 2 {
        return;
    }
    let plen = usize::from(data[0] % 48);
    let rlen = usize::from(data[1] % 16);
    let rest = &data[2..];
    if rest.len() < plen + rlen {
        return;
    }
    let (pattern, rest) = rest.split_at(plen);
    let (repl, subject) = rest.split_at(rlen);
    if subject.len() > 64 {
        return;
    }
    let quantifiers = pattern.iter().filter(|b| matches!(b, b'*' | b'+' | b'-' | b'?')).count();
    if quantifiers > 3 {
        return;
    }
    let init = usize::from(data[1] >> 4) % (subject.len() + 2);
    let _ = lpattern::find(subject, pattern, init.min(subject.len()), false);
    if let Ok(Some(m)) = lpattern::find_match(subject, pattern, init.min(subject.len()), true) {
        assert!(m.start <= m.end && m.end <= subject.len());
        for i in 0..m.result_count() {
            let _ = m.get(i);
        }
    }
    let mut g = GmatchState::new(subject.len(), init);
    for _ in 0..(subject.len() + 2) {
        match g.next_match(subject, pattern) {
            Ok(Some(m)) => assert!(m.start <= m.end && m.end <= subject.len()),
            _ => break,
        }
    }
    let mut out = Vec::new();
    let _ = lpattern::gsub_str(subject, pattern, repl, None, &mut out);
    let mut out = Vec::new();
    let _ = lpattern::gsub(subject, pattern, Some(2), &mut out, |s, m, o| -> Result<(), ()> {
        m.check_all().map_err(|_| ())?;
        o.extend_from_slice(&s[m.start..m.end]);
        Ok(())
    });
});
