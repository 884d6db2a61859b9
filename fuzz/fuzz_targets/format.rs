#![no_main]
//! Random format string with random integer / float / string arguments through the
//! string.format engine, following the binding recipe in printf.rs. Must never panic.
use libfuzzer_sys::fuzz_target;
use vm::number;
use vm::stdlib::printf::{self, ArgKind, FormatParser, Piece};

fuzz_target!(|data: &[u8]| {
    if data.is_empty() || data.len() > 512 {
        return;
    }
    let flen = usize::from(data[0]) % data.len();
    let (fmt, argbytes) = data[1..].split_at(flen.min(data.len() - 1));
    let mut args = argbytes.chunks(9);
    let mut out = Vec::new();
    for piece in FormatParser::new(fmt) {
        match piece {
            Piece::Literal(b) => out.extend_from_slice(b),
            Piece::Conversion(spec) => {
                let Some(chunk) = args.next() else { return };
                let Ok(spec) = spec else { return };
                let mut raw = [0u8; 8];
                raw[..chunk.len() - 1].copy_from_slice(&chunk[1..]);
                let bits = u64::from_le_bytes(raw);
                let as_float = f64::from_bits(bits);
                let as_int = bits as i64;
                let r = match spec.kind() {
                    ArgKind::Int => printf::format_integer(&spec, as_int, &mut out),
                    ArgKind::Char => printf::format_char(&spec, as_int, &mut out),
                    ArgKind::Float | ArgKind::HexFloat => printf::format_float(&spec, as_float, &mut out),
                    ArgKind::Str => {
                        let mut s = Vec::new();
                        match chunk[0] % 3 {
                            0 => number::format_float(as_float, &mut s),
                            1 => number::format_int(as_int, &mut s),
                            _ => s.extend_from_slice(&chunk[1..]),
                        }
                        printf::format_string(&spec, &s, &mut out)
                    }
                    ArgKind::Quote => spec.validate().map(|()| match chunk[0] % 3 {
                        0 => printf::quote_float(as_float, &mut out),
                        1 => printf::quote_integer(as_int, &mut out),
                        _ => printf::quote_string(&chunk[1..], &mut out),
                    }),
                    ArgKind::Pointer => printf::format_pointer(&spec, (chunk[0] & 1 == 1).then_some(bits as usize), &mut out),
                };
                if r.is_err() {
                    return;
                }
                // Round-trip checks on the number engines while we are here.
                let mut t = Vec::new();
                number::format_float(as_float, &mut t);
                if as_float.is_finite() {
                    let _ = number::parse_number(&t);
                }
                let _ = number::parse_number(&chunk[1..]);
                let _ = number::parse_int_base(&chunk[1..], u32::from(chunk[0] % 40));
            }
        }
    }
});
