//! Lua 5.4's pseudo-random generator (spec 12.4): xoshiro256** with Lua's seeding, float
//! conversion and range projection, so seeded sequences equal PUC Lua 5.4's exactly.
//!
//! Binding notes (`math.random`): Lua draws the random value *before* checking its
//! arguments, so call [`Xoshiro256::next_u64`] first and then [`Xoshiro256::project_range`]
//! (or use [`Xoshiro256::random_range`], which does both in that order).
//! Invariants: pure integer arithmetic modulo 2^64; never panics.

/// The generator state (four 64-bit words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Xoshiro256 {
    s: [u64; 4],
}

impl Xoshiro256 {
    /// A generator seeded like `math.randomseed(n1, n2)`.
    pub fn new(n1: i64, n2: i64) -> Self {
        let mut g = Xoshiro256 { s: [0; 4] };
        g.seed(n1, n2);
        g
    }

    /// `math.randomseed(n1, n2)`: state = {n1, 0xff, n2, 0}, then 16 discarded draws.
    pub fn seed(&mut self, n1: i64, n2: i64) {
        self.s = [n1 as u64, 0xff, n2 as u64, 0];
        for _ in 0..16 {
            self.next_u64();
        }
    }

    /// The next raw 64-bit value (xoshiro256**).
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// `math.random()`: a float in [0, 1) from the top 53 bits of a raw value.
    #[inline]
    pub fn float_from(raw: u64) -> f64 {
        (raw >> 11) as f64 * (0.5 / (1u64 << 52) as f64)
    }

    /// Draws `math.random()`.
    pub fn next_float(&mut self) -> f64 {
        Self::float_from(self.next_u64())
    }

    /// Lua's `project`: maps `raw` into [0, n] (unsigned), drawing more values when `raw`
    /// falls outside (rejection sampling on the smallest 2^b - 1 >= n).
    pub fn project(&mut self, raw: u64, n: u64) -> u64 {
        if n & n.wrapping_add(1) == 0 {
            return raw & n;
        }
        let mut lim = n;
        lim |= lim >> 1;
        lim |= lim >> 2;
        lim |= lim >> 4;
        lim |= lim >> 8;
        lim |= lim >> 16;
        lim |= lim >> 32;
        let mut r = raw & lim;
        while r > n {
            r = self.next_u64() & lim;
        }
        r
    }

    /// `math.random(low, up)` given the already-drawn `raw` value: `None` if `low > up`
    /// (Lua: `bad argument #1 to 'random' (interval is empty)`).
    pub fn project_range(&mut self, raw: u64, low: i64, up: i64) -> Option<i64> {
        if low > up {
            return None;
        }
        let k = (up as u64).wrapping_sub(low as u64);
        Some(self.project(raw, k).wrapping_add(low as u64) as i64)
    }

    /// `math.random(low, up)` including the initial draw (state advances even on `None`).
    /// `math.random(m)` is `random_range(1, m)`; `math.random(0)` is `next_u64() as i64`.
    pub fn random_range(&mut self, low: i64, up: i64) -> Option<i64> {
        let raw = self.next_u64();
        self.project_range(raw, low, up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_example() {
        let mut g = Xoshiro256::new(42, 0);
        assert_eq!(g.random_range(1, 100), Some(50));
        assert_eq!(g.random_range(1, 100), Some(76));
        let mut s = Vec::new();
        crate::number::format_float(g.next_float(), &mut s);
        assert_eq!(s, b"0.79358935263827");
        assert_eq!(g.random_range(1, 10), Some(6));
        assert_eq!(g.random_range(2, 1), None);
    }

    #[test]
    fn sequences_match_lua54() {
        // (n1, n2, [random(0), random(), random(1,100), random(10), random(-5,5),
        //  random(minint,maxint), random(0,6), random(3,3), random(1,1000000007),
        //  random(minint,-1)]) recorded from lua5.4.
        let cases: &[(i64, i64, [&str; 10])] = &[
            (0, 0, ["4554719557422691265", "0x1.e0ee2c379aefp-3", "44", "6", "2", "-1257568013161375688", "6", "3", "798102257", "-6928296751232222928"]),
            (1, 3, ["-3535851415943389537", "0x1.744149a938ea4p-3", "95", "5", "4", "-933721448119490842", "6", "3", "103633514", "-8855225876708877605"]),
            (42, 126, ["253647822502999091", "0x1.582d5cd422dbap-2", "3", "6", "0", "-2794811564712519413", "0", "3", "964671064", "-2219098654299350461"]),
            (-7, -21, ["-7309456301583624094", "0x1.3b6b779d03124p-2", "99", "9", "-3", "-276231410291683256", "4", "3", "18628422", "-5059628664868398089"]),
            (i64::MAX, i64::MAX.wrapping_mul(3), ["-200451873056678120", "0x1.bc44a0b9d843p-2", "87", "2", "-2", "-3949604944865828714", "2", "3", "472444152", "-1908732920991455877"]),
            (i64::MIN, i64::MIN, ["8308047068198875368", "0x1.3018d55f54accp-2", "94", "3", "-2", "-5189191377923473904", "6", "3", "475507476", "-7926047892810757996"]),
        ];
        for (n1, n2, want) in cases {
            let mut g = Xoshiro256::new(*n1, *n2);
            let mut got = vec![(g.next_u64() as i64).to_string()];
            let mut f = Vec::new();
            crate::stdlib::printf::quote_float(g.next_float(), &mut f);
            got.push(String::from_utf8(f).unwrap());
            for (lo, hi) in [(1, 100), (1, 10), (-5, 5), (i64::MIN, i64::MAX), (0, 6), (3, 3), (1, 1000000007), (i64::MIN, -1)] {
                got.push(g.random_range(lo, hi).unwrap().to_string());
            }
            assert_eq!(got, want.to_vec(), "seed {n1} {n2}");
        }
    }
}
