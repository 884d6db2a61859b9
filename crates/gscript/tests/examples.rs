//! Runs the embedding examples of `examples/` (they assert their own results), so
//! `cargo test --workspace` checks that they build and work.

macro_rules! example {
    ($name:ident) => {
        mod $name {
            include!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/", stringify!($name), ".rs"));
            #[test]
            fn runs() {
                main().expect(concat!("example ", stringify!($name), " failed"));
            }
        }
    };
}

example!(embed_basic);
example!(embed_callbacks);
example!(embed_userdata);
example!(embed_sandbox);
