//! The standard library. Pure text/number engines live in their own files and know
//! nothing of the VM; the library modules bind them to VM values.

pub mod base;
pub mod bit32;
pub mod coroutine;
pub mod debug;
pub mod io;
pub mod json;
pub mod json_text;
pub mod lpattern;
pub mod math;
pub mod matrix;
pub mod os;
pub mod printf;
pub mod strftime;
pub mod string;
pub mod string_extras;
pub mod sync;
pub mod tablelib;
pub mod time;
pub mod utf8;
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
    string::open(vm, string);
    tablelib::open(vm);
    math::open(vm);
    bit32::open(vm);
    utf8::open(vm);
    os::open(vm);
    io::open(vm);
    time::open(vm);
    json::open(vm);
    debug::open(vm);
    matrix::open(vm);
    // Last: adds time.sleep/time.after to the time module opened above.
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
