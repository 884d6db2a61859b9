//! The standard library. Pure text/number engines live in their own files and know
//! nothing of the VM; the library modules bind them to VM values.

pub mod json_text;
pub mod lpattern;
pub mod printf;
pub mod strftime;
pub mod utf8_codec;
pub mod xoshiro;
