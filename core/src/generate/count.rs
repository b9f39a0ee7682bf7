//! How many passwords the generator can produce: log2 of the number of strings of a given
//! length over the alphabet that meet the policy's composition rules.

use crate::policy::Policy;

/// `sizes`: the alphabet's lowercase, uppercase, digit, symbol and class-less counts.
///
/// Works with probabilities (every term at most 1, so nothing overflows): P is the chance that
/// a uniform string meets the rules, and the count is `|alphabet|^length · P`. Classes are
/// placed one after another, choosing `c` of the remaining positions for each, with a state of
/// how many classes are present so `min_classes` can be honoured.
pub(crate) fn entropy_bits(sizes: &[usize; 5], length: usize, policy: &Policy) -> f64 {
    let total: usize = sizes.iter().sum();
    let all = length as f64 * (total as f64).log2();
    let Some(rules) = &policy.spec().character_classes else {
        return all;
    };
    let mins = [rules.lowercase, rules.uppercase, rules.digit, rules.symbol];
    // ways[used][present]
    let mut ways = vec![[0.0f64; 5]; length + 1];
    ways[0][0] = 1.0;
    for class in 0..4 {
        let p = sizes[class] as f64 / total as f64;
        let mut next = vec![[0.0f64; 5]; length + 1];
        for used in 0..=length {
            for present in 0..4 {
                let w = ways[used][present];
                if w == 0.0 {
                    continue;
                }
                if mins[class] == 0 {
                    next[used][present] += w;
                }
                let free = length - used;
                let mut choose = 1.0; // C(free, c), built up term by term
                let mut power = 1.0; // p^c
                for c in 1..=free {
                    choose = choose * (free - c + 1) as f64 / c as f64;
                    power *= p;
                    if c >= mins[class] {
                        next[used + c][present + 1] += w * choose * power;
                    }
                }
            }
        }
        ways = next;
    }
    let p_other = sizes[4] as f64 / total as f64;
    let mut probability = 0.0;
    for (used, row) in ways.iter().enumerate() {
        let rest = p_other.powi((length - used) as i32);
        for (present, w) in row.iter().enumerate() {
            if present >= rules.min_classes {
                probability += w * rest;
            }
        }
    }
    all + probability.log2()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn policy(classes: serde_json::Value) -> Policy {
        Policy::from_value(json!({ "character_classes": classes })).unwrap()
    }

    #[test]
    fn counts_match_brute_force_on_a_small_alphabet() {
        // alphabet: a b (lower), C (upper), 1 (digit), ! (symbol); length 4 → 5^4 = 625 strings
        let sizes = [2, 1, 1, 1, 0];
        let chars = ['a', 'b', 'C', '1', '!'];
        for rules in [
            json!({ "digit": 1 }),
            json!({ "lowercase": 2, "symbol": 1 }),
            json!({ "min_classes": 3 }),
            json!({ "uppercase": 1, "min_classes": 4 }),
        ] {
            let p = policy(rules.clone());
            let mut count = 0;
            for n in 0..625 {
                let s: String = (0..4).map(|i| chars[(n / 5usize.pow(i)) % 5]).collect();
                if p.validate(&s, &Default::default()).ok() {
                    count += 1;
                }
            }
            let bits = entropy_bits(&sizes, 4, &p);
            assert!(
                (bits - (count as f64).log2()).abs() < 1e-9,
                "{rules}: {bits} vs {count}"
            );
        }
    }
}
