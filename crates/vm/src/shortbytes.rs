//! Copying and comparing short byte strings without a libc call.
//!
//! Interning a string (`Heap::new_str`) compares it with the candidates of its hash slot,
//! and short concatenations (`Vm::concat_op`) copy a few pieces of a few bytes each. For
//! such lengths a `memcmp`/`memcpy` call costs more than the work; these helpers use at
//! most two overlapping fixed-size loads/stores per width instead (up to 16 bytes) and
//! fall back to the slice operations beyond that.
//!
//! Invariant: results are exactly those of `a == b` and `dst.copy_from_slice(src)`.

/// `a == b` for byte slices, inline for lengths up to 16.
#[inline(always)]
pub fn eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n > 16 {
        return a == b;
    }
    if n >= 8 {
        return word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8);
    }
    if n >= 4 {
        return word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4);
    }
    if n >= 2 {
        return word2(a, 0) == word2(b, 0) && a[n - 1] == b[n - 1];
    }
    n == 0 || a[0] == b[0]
}

/// `dst.copy_from_slice(src)` (equal lengths), inline for lengths up to 16.
#[inline(always)]
pub fn copy(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    assert_eq!(dst.len(), n);
    if n > 16 {
        dst.copy_from_slice(src);
    } else if n >= 8 {
        let (head, tail) = (word8(src, 0), word8(src, n - 8));
        dst[..8].copy_from_slice(&head.to_ne_bytes());
        dst[n - 8..].copy_from_slice(&tail.to_ne_bytes());
    } else if n >= 4 {
        let (head, tail) = (word4(src, 0), word4(src, n - 4));
        dst[..4].copy_from_slice(&head.to_ne_bytes());
        dst[n - 4..].copy_from_slice(&tail.to_ne_bytes());
    } else if n >= 2 {
        let (head, last) = (word2(src, 0), src[n - 1]);
        dst[..2].copy_from_slice(&head.to_ne_bytes());
        dst[n - 1] = last;
    } else if n == 1 {
        dst[0] = src[0];
    }
}

#[inline(always)]
fn word8(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_ne_bytes(w)
}

#[inline(always)]
fn word4(s: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&s[at..at + 4]);
    u32::from_ne_bytes(w)
}

#[inline(always)]
fn word2(s: &[u8], at: usize) -> u16 {
    let mut w = [0u8; 2];
    w.copy_from_slice(&s[at..at + 2]);
    u16::from_ne_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eq_and_copy_match_the_slice_operations() {
        let text: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37) ^ 0x5a).collect();
        for n in 0..=40 {
            let a = &text[..n];
            let mut dst = vec![0xffu8; n];
            copy(&mut dst, a);
            assert_eq!(&dst[..], a, "copy of {} bytes", n);
            assert!(eq(a, &dst));
            // Every single-byte difference is seen, at every position.
            for i in 0..n {
                let mut b = a.to_vec();
                b[i] ^= 1;
                assert!(!eq(a, &b), "difference at {} of {}", i, n);
            }
            if n > 0 {
                assert!(!eq(a, &text[..n - 1]));
            }
        }
    }
}
