//! json_text float formatting against node's Number.prototype.toString
//! (tests/data/gen_jsfloat.js -> tests/data/jsfloat_cases.txt).

use vm::stdlib::json_text;

#[test]
fn floats_match_node() {
    let mut bad = Vec::new();
    for line in include_str!("data/jsfloat_cases.txt").lines() {
        let (bits, want) = line.split_once(' ').unwrap();
        let x = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
        let mut out = Vec::new();
        json_text::write_json_float(x, &mut out);
        // JavaScript prints -0 as "0"; the spec keeps the sign.
        let want = if x == 0.0 && x.is_sign_negative() { "-0" } else { want };
        if out != want.as_bytes() {
            bad.push(format!("{x:e}: got {} want {want}", String::from_utf8_lossy(&out)));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
