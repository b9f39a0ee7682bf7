//! Which functions are alike: MinHash signatures of their bytes, chained greedily.

/// Hashes per signature. On the npm main wasm (198.0 KB under gzip -9 in the linker's order),
/// 128 gave 191.6 KB, 256 191.0 and 512 191.1; the time grows with the square of the function
/// count (0.4 s at 256 for 2,800 functions).
const HASHES: usize = 256;
/// Bytes per shingle: 4 holds an opcode with its operands, or a call with its target (3 gave
/// 191.1 KB, 5 191.9).
const GRAM: usize = 4;

type Signature = [u32; HASHES];

/// An order of the bodies: from the first, each next one is the unplaced body most like the
/// last placed (ties go to the earlier index, so the order is the same on every run).
pub fn chain(bodies: &[&[u8]]) -> Vec<usize> {
    let signatures: Vec<Signature> = bodies.iter().map(|body| signature(body)).collect();
    let mut unplaced: Vec<usize> = (1..bodies.len()).collect();
    let mut order = Vec::with_capacity(bodies.len());
    if !bodies.is_empty() {
        order.push(0);
    }
    while let Some(&last) = order.last() {
        let Some(next) = most_alike(&signatures[last], &unplaced, &signatures) else {
            break;
        };
        order.push(unplaced.remove(next));
    }
    order
}

/// The position in `unplaced` of the body most like `to`.
fn most_alike(to: &Signature, unplaced: &[usize], signatures: &[Signature]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (position, &candidate) in unplaced.iter().enumerate() {
        let shared = shared(to, &signatures[candidate]);
        if best.is_none_or(|(most, _)| shared > most) {
            best = Some((shared, position));
        }
    }
    best.map(|(_, position)| position)
}

/// How many hashes two signatures share: an estimate of their shingles' Jaccard index.
fn shared(a: &Signature, b: &Signature) -> usize {
    a.iter().zip(b).filter(|(x, y)| x == y).count()
}

/// For each of the `HASHES` hash functions, the least hash of any shingle of `body`.
fn signature(body: &[u8]) -> Signature {
    let seeds: [u64; HASHES] = std::array::from_fn(|k| mix(k as u64));
    let mut signature = [u32::MAX; HASHES];
    let shingles = body.windows(GRAM.min(body.len().max(1)));
    for shingle in shingles {
        let mut word = [0u8; 8];
        word[..shingle.len()].copy_from_slice(shingle);
        let shingle = u64::from_le_bytes(word);
        for (seed, least) in seeds.iter().zip(signature.iter_mut()) {
            *least = (*least).min((mix(shingle ^ seed) >> 32) as u32);
        }
    }
    signature
}

/// splitmix64's finalizer.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_bodies_end_up_side_by_side() {
        let a = b"\x20\x00\x41\x01\x6a\x21\x00\x20\x00\x41\x02\x6a\x0b".as_slice();
        let b = b"\x10\x05\x10\x06\x10\x07\x10\x08\x10\x09\x0b".as_slice();
        let a2 = b"\x20\x00\x41\x01\x6a\x21\x00\x20\x00\x41\x03\x6a\x0b".as_slice();
        let b2 = b"\x10\x05\x10\x06\x10\x07\x10\x08\x10\x0a\x0b".as_slice();
        assert_eq!(chain(&[a, b, a2, b2]), [0, 2, 1, 3]);
    }

    #[test]
    fn every_body_is_placed_once() {
        let bodies: Vec<Vec<u8>> = (0..50u8).map(|i| vec![i % 7; usize::from(i)]).collect();
        let bodies: Vec<&[u8]> = bodies.iter().map(Vec::as_slice).collect();
        let mut order = chain(&bodies);
        order.sort_unstable();
        assert_eq!(order, (0..50).collect::<Vec<_>>());
        assert!(chain(&[]).is_empty());
    }
}
