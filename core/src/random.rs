//! The OS CSPRNG (getrandom; `crypto.getRandomValues` on wasm32), and unbiased choices from it.

use crate::error::{Error, Result};
use zeroize::Zeroize;

pub(crate) fn fill(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| Error::RandomUnavailable {
        reason: e.to_string(),
    })
}

/// Random draws, buffered so a 20-character password costs one call to the OS, not twenty.
pub(crate) struct Rng {
    buf: [u8; 256],
    used: usize,
}

impl Rng {
    pub(crate) fn new() -> Self {
        Rng {
            buf: [0; 256],
            used: 256,
        }
    }

    fn next_u32(&mut self) -> Result<u32> {
        if self.used + 4 > self.buf.len() {
            fill(&mut self.buf)?;
            self.used = 0;
        }
        let mut bytes = [0; 4];
        bytes.copy_from_slice(&self.buf[self.used..self.used + 4]);
        self.used += 4;
        Ok(u32::from_le_bytes(bytes))
    }

    /// A uniform index in `0..n` (n > 0), without modulo bias: draws below `2^32 mod n`
    /// are rejected, so every remainder is equally likely.
    pub(crate) fn below(&mut self, n: u32) -> Result<u32> {
        let n = n.max(1);
        let threshold = n.wrapping_neg() % n;
        loop {
            let x = self.next_u32()?;
            if x >= threshold {
                return Ok(x % n);
            }
        }
    }

    pub(crate) fn choose<'a, T>(&mut self, items: &'a [T]) -> Result<&'a T> {
        let len = u32::try_from(items.len()).unwrap_or(u32::MAX);
        let index = self.below(len)? as usize;
        items
            .get(index)
            .ok_or_else(|| Error::invalid_argument("alphabet", "is empty"))
    }
}

impl Drop for Rng {
    fn drop(&mut self) {
        self.buf.zeroize();
    }
}

impl std::fmt::Debug for Rng {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rng")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_covers_every_value_and_nothing_else() {
        let mut rng = Rng::new();
        let mut seen = [0u32; 7];
        for _ in 0..7000 {
            seen[rng.below(7).unwrap() as usize] += 1;
        }
        // Each bucket expects 1000; 700 is more than 9 standard deviations away.
        assert!(seen.iter().all(|&n| n > 700), "{seen:?}");
    }
}
