//! Checks the string.format engine against results recorded from lua5.4
//! (tests/data/gen_printf.lua -> tests/data/printf_cases.txt), using a reference binding
//! that follows the recipe documented in `printf.rs`.

use vm::number::{self, Num};
use vm::stdlib::printf::{self, ArgKind, FormatError, FormatParser, Piece};

#[derive(Debug, Clone)]
enum Arg {
    Int(i64),
    Float(f64),
    Str(Vec<u8>),
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn parse_arg(a: &str) -> Arg {
    let (t, v) = a.split_at(2);
    match t {
        "i:" => Arg::Int(v.parse().unwrap()),
        "f:" => Arg::Float(match v {
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            "nan" => f64::NAN,
            "-nan" => -f64::NAN,
            _ => match number::parse_number(v.as_bytes()) {
                Some(Num::Float(f)) => f,
                other => panic!("bad float {v}: {other:?}"),
            },
        }),
        _ => Arg::Str(unhex(v)),
    }
}

fn to_num(a: &Arg) -> Result<Num, String> {
    match a {
        Arg::Int(i) => Ok(Num::Int(*i)),
        Arg::Float(f) => Ok(Num::Float(*f)),
        Arg::Str(s) => number::parse_number(s).ok_or_else(|| "number expected, got string".to_string()),
    }
}

fn to_int(a: &Arg) -> Result<i64, String> {
    match to_num(a)? {
        Num::Int(i) => Ok(i),
        Num::Float(f) => number::float_to_int(f).ok_or_else(|| "number has no integer representation".to_string()),
    }
}

fn to_float(a: &Arg) -> Result<f64, String> {
    Ok(match to_num(a)? {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    })
}

fn tostring(a: &Arg) -> Vec<u8> {
    let mut v = Vec::new();
    match a {
        Arg::Int(i) => number::format_int(*i, &mut v),
        Arg::Float(f) => number::format_float(*f, &mut v),
        Arg::Str(s) => v.extend_from_slice(s),
    }
    v
}

fn format(fmt: &[u8], args: &[Arg]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut argn = 1;
    for piece in FormatParser::new(fmt) {
        match piece {
            Piece::Literal(b) => out.extend_from_slice(b),
            Piece::Conversion(spec) => {
                argn += 1;
                let bad = |d: &str| format!("bad argument #{argn} to 'format' ({d})");
                let fe = |e: FormatError| match e {
                    FormatError::Message(m) => m,
                    FormatError::BadArg(d) => bad(d),
                };
                let Some(arg) = args.get(argn - 2) else { return Err(bad("no value")) };
                let spec = spec.map_err(fe)?;
                match spec.kind() {
                    ArgKind::Int => {
                        let n = to_int(arg).map_err(|d| bad(&d))?;
                        printf::format_integer(&spec, n, &mut out).map_err(fe)?;
                    }
                    ArgKind::Float => {
                        let x = to_float(arg).map_err(|d| bad(&d))?;
                        printf::format_float(&spec, x, &mut out).map_err(fe)?;
                    }
                    ArgKind::HexFloat => {
                        spec.validate().map_err(fe)?;
                        let x = to_float(arg).map_err(|d| bad(&d))?;
                        printf::format_float(&spec, x, &mut out).map_err(fe)?;
                    }
                    ArgKind::Char => {
                        spec.validate().map_err(fe)?;
                        let n = to_int(arg).map_err(|d| bad(&d))?;
                        printf::format_char(&spec, n, &mut out).map_err(fe)?;
                    }
                    ArgKind::Str => printf::format_string(&spec, &tostring(arg), &mut out).map_err(fe)?,
                    ArgKind::Quote => {
                        spec.validate().map_err(fe)?;
                        match arg {
                            Arg::Int(i) => printf::quote_integer(*i, &mut out),
                            Arg::Float(f) => printf::quote_float(*f, &mut out),
                            Arg::Str(s) => printf::quote_string(s, &mut out),
                        }
                    }
                    ArgKind::Pointer => {
                        spec.validate().map_err(fe)?;
                        printf::format_pointer(&spec, None, &mut out).map_err(fe)?;
                    }
                }
            }
        }
    }
    Ok(out)
}

#[test]
fn printf_matches_lua54() {
    let data = include_str!("data/printf_cases.txt");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines() {
        let f: Vec<&str> = line.splitn(3, '|').collect();
        let fmt = unhex(f[0]);
        let args: Vec<Arg> = if f[1].is_empty() { vec![] } else { f[1].split(';').map(parse_arg).collect() };
        let want = f[2];
        let got = match format(&fmt, &args) {
            Ok(r) => format!("ok:{}", r.iter().map(|c| format!("{c:02x}")).collect::<String>()),
            Err(m) => format!("err:{m}"),
        };
        n += 1;
        if got != want {
            let show = |s: &str| s.strip_prefix("ok:").map(|h| format!("{:?}", String::from_utf8_lossy(&unhex(h)))).unwrap_or(s.to_string());
            failures.push(format!("fmt={:?} args={:?}\n   got  {}\n   want {}", String::from_utf8_lossy(&fmt), args, show(&got), show(want)));
        }
    }
    assert!(failures.is_empty(), "{} of {n} cases differ:\n{}", failures.len(), failures[..failures.len().min(25)].join("\n"));
}
