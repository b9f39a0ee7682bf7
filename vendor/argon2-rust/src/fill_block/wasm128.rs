//! wasm32 SIMD128 `fill_block` — the 128-bit shape, same as SSE2 and NEON.
//!
//! # Selection is compile-time, and why that is sound here
//!
//! WebAssembly has no portable runtime feature detection: a module that
//! contains SIMD128 instructions simply fails to validate on an engine that
//! lacks them, so the correct deployment story is a compile-time choice —
//! build with `-C target-feature=+simd128` for engines that have it (every
//! current browser, wasmtime, and Node; it has been part of the web
//! baseline since 2021). This module therefore exists only under
//! `cfg!(target_feature = "simd128")`, which is exactly the crate's existing
//! `no_std` pattern: the answer is baked in at compile time and can never
//! dispatch to an instruction the engine lacks.
//!
//! # Where the pieces come from
//!
//! The round structure is the `blamka-round-opt.h`/`opt.c` 128-bit shape,
//! shared with [`super::sse2`] and [`super::neon`]. The instruction mapping:
//!
//! ```text
//!   vmull_u32 / vmull_high_u32  →  u64x2_extmul_low_u32x4 / u64x2_extmul_high_u32x4
//!   vuzp1q_u32 (even 32s of two vectors) → i32x4_shuffle<0,2,4,6>
//!   REV64.4s (ror32)            →  i32x4_shuffle<1,0,3,2>(x, x)
//!   TBL byte rotate (ror16)     →  i8x16_shuffle with the r16 table
//!   TBL byte rotate (ror24)     →  v128_or(u64x2_shr(x, 24), u64x2_shl(x, 40))
//!   SHR/ADD-XOR (ror63)         →  v128_xor(u64x2_shr(x, 63), i64x2_add(x, x))
//!   EXT.16b (alignr 8)          →  i64x2_shuffle<1,2>
//!   veorq / vaddq               →  v128_xor / i64x2_add
//! ```
//!
//! `f_blamka2` pairs two BlaMka multiplies so the even-lane gathers are
//! shared, the same trick as NEON's `UZP1`+`UMULL`/`UMULL2` spelling.

// The whole module is compiled only when the engine contract includes
// SIMD128; see the docs above.
#![allow(unsafe_op_in_unsafe_fn)]

use core::arch::wasm32::*;

use crate::block::{Block, Instance, Position};
use crate::core::index_alpha;
use crate::params::QWORDS_IN_BLOCK;

/// `v128` lanes per 1 KiB block: 128 qwords / 2.
const OWORDS_IN_BLOCK: usize = QWORDS_IN_BLOCK / 2;

/// `ADDRESSES_IN_BLOCK` as u32, for the `%` in the address slot walk.
const ADDRESSES_IN_BLOCK_U32: u32 = crate::params::ADDRESSES_IN_BLOCK as u32;

/// `fBlaMka` on two lane pairs at once: `x + y + 2 * (u32)x * (u32)y` per
/// 64-bit lane, with the even-32-bit-lane gathers shared between the pair.
///
/// `i32x4_shuffle<0, 2, 4, 6>` is NEON's `UZP1`: it collects the even 32-bit
/// elements of both operands, after which `extmul_low`/`extmul_high` are the
/// low and high halves of the four products.
#[inline(always)]
fn f_blamka2(x0: v128, y0: v128, x1: v128, y1: v128) -> (v128, v128) {
    let xe = i32x4_shuffle::<0, 2, 4, 6>(x0, x1);
    let ye = i32x4_shuffle::<0, 2, 4, 6>(y0, y1);
    let z0 = u64x2_extmul_low_u32x4(xe, ye);
    let z1 = u64x2_extmul_high_u32x4(xe, ye);
    (
        i64x2_add(i64x2_add(x0, y0), i64x2_add(z0, z0)),
        i64x2_add(i64x2_add(x1, y1), i64x2_add(z1, z1)),
    )
}

/// `rotate_right(32)` per 64-bit lane: swap the two 32-bit halves.
#[inline(always)]
fn ror32(x: v128) -> v128 {
    i32x4_shuffle::<1, 0, 3, 2>(x, x)
}

/// `rotate_right(24)` per 64-bit lane, as two shifts. Not as a byte shuffle
/// (`blamka-round-opt.h`'s `r24` table): its mask is no 16-bit pattern, so V8
/// lowers it to `pshufb` and rebuilds the mask register at every use, which
/// costs more than the shifts.
#[inline(always)]
fn ror24(x: v128) -> v128 {
    v128_or(u64x2_shr(x, 24), u64x2_shl(x, 40))
}

/// `rotate_right(16)` per 64-bit lane (`r16` table).
#[inline(always)]
fn ror16(x: v128) -> v128 {
    i8x16_shuffle::<2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9>(x, x)
}

/// `rotate_right(63)`: `x + x` is `x << 1` and the two halves cannot overlap,
/// so the XOR acts as an OR.
#[inline(always)]
fn ror63(x: v128) -> v128 {
    v128_xor(u64x2_shr(x, 63), i64x2_add(x, x))
}

/// `_mm_alignr_epi8(hi, lo, 8)` = lanes `(lo.lane1, hi.lane0)`.
#[inline(always)]
fn alignr8(hi: v128, lo: v128) -> v128 {
    i64x2_shuffle::<1, 2>(lo, hi)
}

/// `G1` from `blamka-round-opt.h`, on two `v128`s per quarter.
macro_rules! g1 {
    ($a0:ident, $b0:ident, $c0:ident, $d0:ident,
     $a1:ident, $b1:ident, $c1:ident, $d1:ident) => {{
        ($a0, $a1) = f_blamka2($a0, $b0, $a1, $b1);
        $d0 = ror32(v128_xor($d0, $a0));
        $d1 = ror32(v128_xor($d1, $a1));
        ($c0, $c1) = f_blamka2($c0, $d0, $c1, $d1);
        $b0 = ror24(v128_xor($b0, $c0));
        $b1 = ror24(v128_xor($b1, $c1));
    }};
}

/// `G2` from `blamka-round-opt.h`.
macro_rules! g2 {
    ($a0:ident, $b0:ident, $c0:ident, $d0:ident,
     $a1:ident, $b1:ident, $c1:ident, $d1:ident) => {{
        ($a0, $a1) = f_blamka2($a0, $b0, $a1, $b1);
        $d0 = ror16(v128_xor($d0, $a0));
        $d1 = ror16(v128_xor($d1, $a1));
        ($c0, $c1) = f_blamka2($c0, $d0, $c1, $d1);
        $b0 = ror63(v128_xor($b0, $c0));
        $b1 = ror63(v128_xor($b1, $c1));
    }};
}

/// `DIAGONALIZE` from the SSSE3 branch of `blamka-round-opt.h`. The
/// `d0/d1` swap at the end is what puts `v15` in lane 0; it is deliberate
/// and must be kept.
macro_rules! diagonalize {
    ($a0:ident, $b0:ident, $c0:ident, $d0:ident,
     $a1:ident, $b1:ident, $c1:ident, $d1:ident) => {{
        let t0 = alignr8($b1, $b0);
        let t1 = alignr8($b0, $b1);
        $b0 = t0;
        $b1 = t1;

        core::mem::swap(&mut $c0, &mut $c1);

        let t0 = alignr8($d1, $d0);
        let t1 = alignr8($d0, $d1);
        $d0 = t1;
        $d1 = t0;
    }};
}

/// `UNDIAGONALIZE`, the exact inverse.
macro_rules! undiagonalize {
    ($a0:ident, $b0:ident, $c0:ident, $d0:ident,
     $a1:ident, $b1:ident, $c1:ident, $d1:ident) => {{
        let t0 = alignr8($b0, $b1);
        let t1 = alignr8($b1, $b0);
        $b0 = t0;
        $b1 = t1;

        core::mem::swap(&mut $c0, &mut $c1);

        let t0 = alignr8($d0, $d1);
        let t1 = alignr8($d1, $d0);
        $d0 = t1;
        $d1 = t0;
    }};
}

/// Two `BLAKE2_ROUND_NOMSG`s: one on the eight `state` slots `$i`, one on the
/// eight `$j`, interleaved G by G.
///
/// Each round is one chain of dependent operations, so on its own it leaves the
/// core waiting on latencies; two independent rounds side by side give it a
/// second chain to fill those waits with. Two rounds' 16 vectors nearly fit in
/// the 16 vector registers (V8 spills a few temporaries); four rounds spill
/// heavily and were no faster than one.
///
/// The V8 of Node 24 and Chromium does not keep this order: it computes each
/// value just before the store that first needs it, so with every store at the
/// end it runs one round whole, then the other. Storing `b1` and `b3` to their
/// slots half-way (the end stores them again) makes it run the rounds' halves
/// in turn instead, which lets the core overlap them again.
macro_rules! round8x2 {
    ($s:expr, [$($i:expr),*], [$($j:expr),*]) => {{
        let p: *mut v128 = $s.as_mut_ptr();
        let slots = [$($i,)* $($j),*];
        let [
            mut a0, mut a1, mut b0, mut b1, mut c0, mut c1, mut d0, mut d1,
            mut a2, mut a3, mut b2, mut b3, mut c2, mut c3, mut d2, mut d3,
        ] = slots.map(|k| core::ptr::read_volatile(p.add(k)));

        g1!(a0, b0, c0, d0, a1, b1, c1, d1);
        g1!(a2, b2, c2, d2, a3, b3, c3, d3);
        g2!(a0, b0, c0, d0, a1, b1, c1, d1);
        g2!(a2, b2, c2, d2, a3, b3, c3, d3);
        core::ptr::write_volatile(p.add(slots[3]), b1);
        core::ptr::write_volatile(p.add(slots[11]), b3);
        diagonalize!(a0, b0, c0, d0, a1, b1, c1, d1);
        diagonalize!(a2, b2, c2, d2, a3, b3, c3, d3);
        g1!(a0, b0, c0, d0, a1, b1, c1, d1);
        g1!(a2, b2, c2, d2, a3, b3, c3, d3);
        g2!(a0, b0, c0, d0, a1, b1, c1, d1);
        g2!(a2, b2, c2, d2, a3, b3, c3, d3);
        undiagonalize!(a0, b0, c0, d0, a1, b1, c1, d1);
        undiagonalize!(a2, b2, c2, d2, a3, b3, c3, d3);

        let values = [a0, a1, b0, b1, c0, c1, d0, d1, a2, a3, b2, b3, c2, c3, d2, d3];
        for (k, v) in slots.into_iter().zip(values) {
            core::ptr::write_volatile(p.add(k), v);
        }
    }};
}

/// `fill_block()` from `opt.c` in the 128-bit shape, on its own scratch space,
/// wiped before it returns.
///
/// # Safety
///
/// As [`fill_block_in`].
#[target_feature(enable = "simd128")]
unsafe fn fill_block(
    prev_block: *const u64,
    ref_block: *const u64,
    next_block: *mut u64,
    with_xor: bool,
) {
    let mut scratch = [i64x2_splat(0); SCRATCH_OWORDS];
    // SAFETY: the caller's contract, and `scratch` is a live local.
    unsafe { fill_block_in(&mut scratch, prev_block, ref_block, next_block, with_xor) };
    wipe(&mut scratch);
}

/// `v128`s of scratch [`fill_block_in`] needs: the state and the block to XOR in at the end.
const SCRATCH_OWORDS: usize = 2 * OWORDS_IN_BLOCK;

/// Wipes [`fill_block_in`]'s scratch once its caller is done with it. It holds
/// the last block's state, which must not stay in linear memory, where any
/// holder of the module's memory can read it.
fn wipe(scratch: &mut [v128; SCRATCH_OWORDS]) {
    // SAFETY: a `&mut` array is valid for writes of its whole size.
    unsafe {
        crate::memory::secure_wipe_raw(scratch.as_mut_ptr().cast::<u8>(), size_of_val(scratch))
    };
}

/// `fill_block()` from `opt.c` in the 128-bit shape, keeping the state in
/// `scratch` (state, then the block XORed in at the end).
///
/// The state is read and written through memory around every round, with
/// volatile accesses so that LLVM keeps it there, as `opt.c`'s `state` array
/// is. Left to LLVM, the 64 `v128`s become values live across the whole
/// function, which the register allocators of the V8 in Node 20 and 22 spill
/// around every round, at about a fifth of a hash. `scratch` then holds the
/// last block's state, so the caller wipes it once it is done with it.
///
/// # Safety
///
/// All three pointers must be valid for a whole [`Block`]. `ref_block` and
/// `next_block` may be the same block (every read completes before the first
/// store); `prev_block` may alias either. `scratch` aliases none of them.
#[target_feature(enable = "simd128")]
unsafe fn fill_block_in(
    scratch: &mut [v128; SCRATCH_OWORDS],
    prev_block: *const u64,
    ref_block: *const u64,
    next_block: *mut u64,
    with_xor: bool,
) {
    // SAFETY: the pointers are valid for a whole block by the contract above,
    // and `i < 64` keeps `2 * i + 1 <= 127` in bounds and `OWORDS_IN_BLOCK + i`
    // inside `scratch`.
    unsafe {
        let (state, xy) = scratch.split_at_mut(OWORDS_IN_BLOCK);
        for i in 0..OWORDS_IN_BLOCK {
            let p = v128_load(prev_block.add(2 * i).cast::<v128>());
            let r = v128_load(ref_block.add(2 * i).cast::<v128>());
            let s = v128_xor(p, r);
            core::ptr::write_volatile(state.as_mut_ptr().add(i), s);
            let x = if with_xor {
                let n = v128_load(next_block.add(2 * i).cast_const().cast::<v128>());
                v128_xor(s, n)
            } else {
                s
            };
            core::ptr::write_volatile(xy.as_mut_ptr().add(i), x);
        }

        // Columns: eight contiguous groups of 8 v128s, two at a time.
        round8x2!(state, [0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15]);
        round8x2!(state, [16, 17, 18, 19, 20, 21, 22, 23], [24, 25, 26, 27, 28, 29, 30, 31]);
        round8x2!(state, [32, 33, 34, 35, 36, 37, 38, 39], [40, 41, 42, 43, 44, 45, 46, 47]);
        round8x2!(state, [48, 49, 50, 51, 52, 53, 54, 55], [56, 57, 58, 59, 60, 61, 62, 63]);

        // Rows: eight groups strided by 8 v128s (16 qwords), two at a time.
        round8x2!(state, [0, 8, 16, 24, 32, 40, 48, 56], [1, 9, 17, 25, 33, 41, 49, 57]);
        round8x2!(state, [2, 10, 18, 26, 34, 42, 50, 58], [3, 11, 19, 27, 35, 43, 51, 59]);
        round8x2!(state, [4, 12, 20, 28, 36, 44, 52, 60], [5, 13, 21, 29, 37, 45, 53, 61]);
        round8x2!(state, [6, 14, 22, 30, 38, 46, 54, 62], [7, 15, 23, 31, 39, 47, 55, 63]);

        for i in 0..OWORDS_IN_BLOCK {
            let x = core::ptr::read_volatile(xy.as_ptr().add(i));
            let s = core::ptr::read_volatile(state.as_ptr().add(i));
            v128_store(next_block.add(2 * i).cast::<v128>(), v128_xor(x, s));
        }
    }
}

/// `next_addresses()` from `ref.c`: two `fill_block`s over a zero block.
///
/// # Safety
///
/// Both pointers valid for one `Block`, not aliasing each other. SIMD128,
/// per the module contract.
#[target_feature(enable = "simd128")]
unsafe fn next_addresses(address_block: *mut Block, input_block: *mut Block) {
    let zero = Block::ZERO;
    // SAFETY: `input_block` is valid for writes; the counter wraps in C, so
    // `wrapping_add` here too. Both `fill_block` calls are within contract;
    // the second has `ref == next`, which `fill_block` explicitly permits.
    unsafe {
        (*input_block).0[6] = (*input_block).0[6].wrapping_add(1);
        fill_block(zero.0.as_ptr(), (*input_block).0.as_ptr(), address_block.cast(), false);
        fill_block(zero.0.as_ptr(), (*address_block).0.as_ptr(), address_block.cast(), false);
    }
}

/// `fill_segment()` — same addressing skeleton as every backend; the SIMD
/// work is all inside [`fill_block`].
///
/// # Safety
///
/// As [`super::scalar::fill_segment`], plus: the engine must support SIMD128
/// (this function is only reachable through [`super::fill_segment_fn`] when
/// the crate was compiled with `+simd128`, which is precisely that
/// contract).
#[target_feature(enable = "simd128")]
pub unsafe fn fill_segment(instance: &Instance, mut position: Position) {
    // See `scalar::fill_segment` for the line-by-line commentary; this is the
    // same `ref.c`/`opt.c` skeleton with the backend's `fill_block` at the
    // bottom.
    if instance.lane_length == 0 || instance.lanes == 0 {
        return;
    }

    let data_independent_addressing = instance.data_independent_addressing(&position);
    let with_xor = instance.with_xor(position.pass);

    let mut address_block = Block::ZERO;
    let mut input_block = if data_independent_addressing {
        instance.address_input_block(&position)
    } else {
        Block::ZERO
    };

    let mut starting_index: u32 = 0;
    if position.pass == 0 && position.slice == 0 {
        starting_index = 2;
        if data_independent_addressing {
            // SAFETY: both blocks are live locals, distinct by construction.
            unsafe { next_addresses(&mut address_block, &mut input_block) };
        }
    }

    let mut curr_offset = position
        .lane
        .wrapping_mul(instance.lane_length)
        .wrapping_add(position.slice.wrapping_mul(instance.segment_length))
        .wrapping_add(starting_index);

    #[allow(clippy::manual_is_multiple_of)]
    let mut prev_offset = if curr_offset % instance.lane_length == 0 {
        curr_offset
            .wrapping_add(instance.lane_length)
            .wrapping_sub(1)
    } else {
        curr_offset.wrapping_sub(1)
    };

    let mut scratch = [i64x2_splat(0); SCRATCH_OWORDS];
    let mut i = starting_index;
    while i < instance.segment_length {
        if curr_offset % instance.lane_length == 1 {
            prev_offset = curr_offset.wrapping_sub(1);
        }

        let pseudo_rand: u64 = if data_independent_addressing {
            let slot = (i % ADDRESSES_IN_BLOCK_U32) as usize;
            if slot == 0 {
                // SAFETY: as above.
                unsafe { next_addresses(&mut address_block, &mut input_block) };
            }
            address_block.0[slot]
        } else {
            // SAFETY: `prev_offset` is finalised and in bounds; see scalar.
            unsafe { instance.block(prev_offset).0[0] }
        };

        let mut ref_lane = ((pseudo_rand >> 32) % u64::from(instance.lanes)) as u32;
        if position.pass == 0 && position.slice == 0 {
            ref_lane = position.lane;
        }

        position.index = i;
        let ref_index = index_alpha(
            instance,
            &position,
            (pseudo_rand & 0xFFFF_FFFF) as u32,
            ref_lane == position.lane,
        );

        let ref_offset_u64 =
            u64::from(instance.lane_length) * u64::from(ref_lane) + u64::from(ref_index);
        debug_assert!(ref_offset_u64 < instance.memory_len() as u64);
        let ref_offset = ref_offset_u64 as u32;

        // SAFETY: all three offsets are in bounds for a well-formed instance,
        // and `curr_offset` aliases neither of the reads; see the aliasing
        // argument in `scalar::fill_segment`.
        unsafe {
            let prev = instance.block(prev_offset);
            let reference = instance.block(ref_offset);
            let curr = instance.block_mut(curr_offset);
            fill_block_in(
                &mut scratch,
                prev.0.as_ptr(),
                reference.0.as_ptr(),
                curr.0.as_mut_ptr(),
                with_xor,
            );
        }

        i += 1;
        curr_offset = curr_offset.wrapping_add(1);
        prev_offset = prev_offset.wrapping_add(1);
    }
    wipe(&mut scratch);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fill_block::{Backend, detect, scalar};
    use crate::params::{Algorithm, Memory, Params, TagLen, Version};

    /// splitmix64, same stand-in as the other backend suites.
    fn sm(x: u64) -> u64 {
        let x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    #[test]
    fn fill_block_matches_scalar_over_random_triples() {
        for round in 0..64u64 {
            let mut prev = Block::ZERO;
            let mut reference = Block::ZERO;
            let mut next = Block::ZERO;
            for i in 0..QWORDS_IN_BLOCK {
                prev.0[i] = sm(round * 400 + i as u64);
                reference.0[i] = sm(round * 400 + 128 + i as u64);
                next.0[i] = sm(round * 400 + 256 + i as u64);
            }
            for with_xor in [false, true] {
                let mut want = next;
                scalar::fill_block(&prev, &reference, &mut want, with_xor);

                let mut got = next;
                // SAFETY: SIMD128 is compiled in (this module only exists
                // then); all three blocks are live and `got` is exclusive.
                unsafe {
                    fill_block(
                        prev.0.as_ptr(),
                        reference.0.as_ptr(),
                        got.0.as_mut_ptr(),
                        with_xor,
                    )
                };
                assert_eq!(got.0, want.0, "round {round}, with_xor {with_xor}");
            }
        }
    }

    #[test]
    fn next_addresses_matches_scalar() {
        let mut input = Block::ZERO;
        for i in 0..QWORDS_IN_BLOCK {
            input.0[i] = sm(i as u64);
        }
        for _ in 0..4 {
            let mut want = Block::ZERO;
            let mut got = Block::ZERO;
            let mut input_want = input;
            let mut input_got = input;
            scalar::next_addresses(&mut want, &mut input_want);
            // SAFETY: both live locals, distinct.
            unsafe { next_addresses(&mut got, &mut input_got) };
            assert_eq!(got.0, want.0);
            assert_eq!(input_got.0, input_want.0, "the counter must advance equally");
            input = input_got;
        }
    }

    #[test]
    fn small_hashes_match_scalar() {
        // Every variant, both versions, multi-lane and multi-pass: the whole
        // segment machinery, not just the round.
        for (alg, ver) in [
            (Algorithm::Argon2d, Version::V0x10),
            (Algorithm::Argon2d, Version::V0x13),
            (Algorithm::Argon2i, Version::V0x10),
            (Algorithm::Argon2i, Version::V0x13),
            (Algorithm::Argon2id, Version::V0x10),
            (Algorithm::Argon2id, Version::V0x13),
        ] {
            let params = Params::builder()
                .memory(Memory::kib(64))
                .passes(3)
                .lanes(4)
                .tag_len(TagLen::bytes(32))
                .build()
                .expect("params");
            let mut want = [0u8; 32];
            let mut got = [0u8; 32];
            // SAFETY: both backends are available in this build (this module
            // only exists under +simd128, and Scalar is always available).
            unsafe {
                crate::core::hash_traced(
                    Backend::Scalar,
                    alg,
                    ver,
                    &params,
                    b"pwd",
                    b"salt-value",
                    &[],
                    &[],
                    &mut want,
                    None,
                )
                .expect("scalar hash");
                crate::core::hash_traced(
                    Backend::Wasm128,
                    alg,
                    ver,
                    &params,
                    b"pwd",
                    b"salt-value",
                    &[],
                    &[],
                    &mut got,
                    None,
                )
                .expect("wasm128 hash");
            }
            assert_eq!(got, want, "{alg:?} {ver:?}");
        }
    }

    #[test]
    fn detection_picks_wasm128_when_compiled_in() {
        // This module only exists under +simd128, so detection must select it.
        assert!(Backend::Wasm128.is_available());
        assert_eq!(detect(), Backend::Wasm128);
    }
}
