//! The x86-64 backend: layouts ([`layout`]), code generation ([`emit`]) and disassembly
//! for `-jdump` ([`disasm`]).

pub mod disasm;
pub mod emit;
pub mod layout;
