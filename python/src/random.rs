//! `random`: CPython's Mersenne Twister, seeded as CPython seeds it, so a seeded program draws
//! the same numbers here as there.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::Signed;

const N: usize = 624;
const M: usize = 397;

pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(s: u32) -> Mt {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            state[i] = 1812433253u32
                .wrapping_mul(state[i - 1] ^ (state[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt { state, index: N }
    }

    /// `init_by_array`, what `random.seed(int)` uses with the int's 32-bit words.
    pub fn from_key(key: &[u32]) -> Mt {
        let mut mt = Mt::init_genrand(19650218);
        let s = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            s[i] = (s[i] ^ (s[i - 1] ^ (s[i - 1] >> 30)).wrapping_mul(1664525))
                .wrapping_add(*key.get(j).unwrap_or(&0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            s[i] = (s[i] ^ (s[i - 1] ^ (s[i - 1] >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        mt
    }

    /// CPython's `random.seed(n)` for an int: the absolute value's 32-bit words, low first.
    pub fn from_int(n: &BigInt) -> Mt {
        let (_, mut words) = n.abs().to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        Mt::from_key(&words)
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let s = &mut self.state;
            for k in 0..N {
                let y = (s[k] & 0x8000_0000) | (s[(k + 1) % N] & 0x7fff_ffff);
                let mag = if y & 1 != 0 { 0x9908_b0df } else { 0 };
                s[k] = s[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for k ≤ 64.
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let low = self.next_u32() as u64;
        let high = (self.next_u32() >> (64 - k)) as u64;
        low | (high << 32)
    }

    /// `_randbelow(n)`: a uniform integer in `[0, n)` by rejection, as CPython draws it.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}

thread_local! {
    static GENERATOR: RefCell<Mt> = RefCell::new(Mt::from_key(&[0x5eed]));
}

/// Runs `f` with the module's generator.
pub fn with<T>(f: impl FnOnce(&mut Mt) -> T) -> T {
    GENERATOR.with(|g| f(&mut g.borrow_mut()))
}

pub fn seed(mt: Mt) {
    GENERATOR.with(|g| *g.borrow_mut() = mt);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_draws_are_cpythons() {
        // python3 -c "import random; random.seed(42); print(random.random(), random.randint(1, 10))"
        let mut mt = Mt::from_int(&BigInt::from(42));
        assert_eq!(mt.random(), 0.6394267984578837);
        assert_eq!(1 + mt.below(10), 1);
    }
}
