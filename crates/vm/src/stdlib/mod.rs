//! The standard library. Pure text/number engines live in their own files and know
//! nothing of the VM; the library modules bind them to VM values.

pub mod base;
pub mod coroutine;
pub mod json_text;
pub mod lpattern;
pub mod printf;
pub mod strftime;
pub mod sync;
pub mod utf8_codec;
pub mod xoshiro;

use crate::vm::Vm;

/// Installs every library into the globals table.
pub fn open_libs(vm: &mut Vm) {
    base::open(vm);
    coroutine::open(vm);
    let string = vm.new_table(0, 32);
    vm.set_field(vm.globals, "string", Vm::table_value(string));
    let meta = vm.new_table(0, 2);
    vm.set_field(meta, "__index", Vm::table_value(string));
    vm.string_meta = Some(meta);
    // Last: adds time.sleep/time.after to the time module opened above (or creates it).
    sync::open(vm);
}

/// "PATH: REASON" for an I/O error, with the C library's wording.
pub fn io_error_text(path: &str, e: &std::io::Error) -> String {
    format!("{}: {}", path, os_error_reason(e))
}

/// The `strerror` text of an I/O error (without Rust's " (os error N)" suffix).
pub fn os_error_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
