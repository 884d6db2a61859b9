//! Disassembly of generated code for `-jdump` (iced-x86, Intel syntax).

use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};

pub fn disassemble(code: &[u8], addr: u64) -> String {
    let mut decoder = Decoder::with_ip(64, code, addr, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    let mut out = String::new();
    let mut text = String::new();
    while decoder.can_decode() {
        let ins = decoder.decode();
        text.clear();
        fmt.format(&ins, &mut text);
        out.push_str(&format!("  {:08x}  {}\n", ins.ip() & 0xFFFF_FFFF, text));
    }
    out
}
