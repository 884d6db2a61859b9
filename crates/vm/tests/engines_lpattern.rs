//! Checks the pattern engine against results recorded from lua5.4
//! (tests/data/gen_lpattern.lua -> tests/data/lpattern_cases.txt).

use vm::stdlib::lpattern::{self, Capture, GmatchState, Match};

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|c| format!("{c:02x}")).collect()
}

enum V {
    S(Vec<u8>),
    I(i64),
    Nil,
}

fn ser(vals: &[V]) -> String {
    vals.iter()
        .map(|v| match v {
            V::S(b) => format!("s{}", hex(b)),
            V::I(i) => i.to_string(),
            V::Nil => "nil".to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn posrelat(pos: i64, len: usize) -> usize {
    let len = len as i64;
    if pos > 0 {
        pos as usize
    } else if pos == 0 || pos < -len {
        1
    } else {
        (len + pos + 1) as usize
    }
}

fn cap_value(s: &[u8], c: Capture) -> V {
    match c {
        Capture::Span(a, b) => V::S(s[a..b].to_vec()),
        Capture::Position(p) => V::I(p as i64 + 1),
        Capture::Unfinished(_) => panic!("unfinished capture leaked"),
    }
}

fn match_values(s: &[u8], m: &Match) -> Vec<V> {
    (0..m.result_count()).map(|i| cap_value(s, m.get(i).unwrap())).collect()
}

fn run(op: &str, s: &[u8], p: &[u8], extra: &[u8], init: i64) -> Result<String, String> {
    let e = |e: lpattern::PatternError| e.0;
    match op {
        "find" | "findplain" => {
            let init0 = posrelat(init, s.len()) - 1;
            if init0 > s.len() {
                return Ok("nil".into());
            }
            match lpattern::find(s, p, init0, op == "findplain").map_err(e)? {
                None => Ok("nil".into()),
                Some(m) => {
                    let mut v = vec![V::I(m.start as i64 + 1), V::I(m.end as i64)];
                    v.extend(m.captures.iter().map(|&c| cap_value(s, c)));
                    Ok(ser(&v))
                }
            }
        }
        "match" => {
            let init0 = posrelat(init, s.len()) - 1;
            match lpattern::find_match(s, p, init0, true).map_err(e)? {
                None => Ok("nil".into()),
                Some(m) => Ok(ser(&match_values(s, &m))),
            }
        }
        "gmatch" => {
            let init0 = posrelat(init, s.len()) - 1;
            let mut st = GmatchState::new(s.len(), init0);
            let mut acc = Vec::new();
            let mut k = 0;
            while let Some(m) = st.next_match(s, p).map_err(e)? {
                k += 1;
                let mut v = match_values(s, &m);
                v.truncate(3);
                while v.len() < 3 {
                    v.push(V::Nil);
                }
                acc.push(ser(&v));
                if k > 50 {
                    break;
                }
            }
            Ok(format!("s{}", hex(acc.join(";").as_bytes())))
        }
        "gsub" | "gsubn" => {
            let max = if op == "gsubn" { Some(init) } else { None };
            let mut out = Vec::new();
            let n = lpattern::gsub_str(s, p, extra, max, &mut out).map_err(e)?;
            Ok(ser(&[V::S(out), V::I(n as i64)]))
        }
        _ => panic!("unknown op {op}"),
    }
}

#[test]
fn lpattern_matches_lua54() {
    let data = include_str!("data/lpattern_cases.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.splitn(6, '|').collect();
        let (op, s, p, extra, init, want) = (f[0], unhex(f[1]), unhex(f[2]), unhex(f[3]), f[4].parse::<i64>().unwrap(), f[5]);
        let got = match run(op, &s, &p, &extra, init) {
            Ok(r) => format!("ok:{r}"),
            Err(m) => format!("err:{m}"),
        };
        n += 1;
        if got != want {
            failures.push(format!("{op} s={:?} p={:?} extra={:?} init={init}\n   got  {got}\n   want {want}", String::from_utf8_lossy(&s), String::from_utf8_lossy(&p), String::from_utf8_lossy(&extra)));
        }
    }
    assert!(failures.is_empty(), "{} of {n} cases differ:\n{}", failures.len(), failures[..failures.len().min(20)].join("\n"));
}
