//! Probes of Rust memory layouts that generated machine code (the asm interpreter, the
//! JIT's backend) relies on but Rust does not specify, measured at start-up on real
//! values. Invariant: a probe returns `None` unless its answer is unambiguous; callers
//! then keep the generated code off.

/// Offsets (data pointer, length, capacity) of the fields of a `Vec<T>` (24 bytes),
/// probed on a vector of `T` with 3 items and capacity 7.
pub fn probe_vec<T: Clone>(item: T) -> Option<(i32, i32, i32)> {
    if std::mem::size_of::<Vec<T>>() != 24 {
        return None;
    }
    let mut v: Vec<T> = Vec::with_capacity(7);
    for _ in 0..3 {
        v.push(item.clone());
    }
    // SAFETY: Vec<T> is 24 bytes (checked); reading it as three words does not move or
    // drop it.
    let words: [usize; 3] = unsafe { std::mem::transmute_copy(&v) };
    let find = |x: usize| {
        let hits: Vec<usize> = (0..3).filter(|&i| words[i] == x).collect();
        (hits.len() == 1).then(|| hits[0] as i32 * 8)
    };
    let (p, l, c) = (find(v.as_ptr() as usize)?, find(3)?, find(7)?);
    if p == l || l == c || p == c {
        return None;
    }
    Some((p, l, c))
}

#[cfg(test)]
mod tests {
    use super::probe_vec;

    #[test]
    fn vec_fields_are_distinct_and_inside_the_vec() {
        let (p, l, c) = probe_vec(0u64).expect("Vec<u64> layout");
        assert!(p != l && l != c && p != c);
        for off in [p, l, c] {
            assert!((0..24).contains(&off) && off % 8 == 0);
        }
        assert_eq!(probe_vec([0u8; 16]), probe_vec(0u64));
    }
}
