//! zxcvbn 4.4.2's data (MIT, © Dan Wheeler and Dropbox): its six frequency lists and four
//! keyboard graphs, as published in the npm package, loaded once.

use std::collections::HashMap;
use std::sync::OnceLock;

/// In zxcvbn's order; a word's rank is its line number in its list.
pub(crate) const DICTIONARIES: [&str; 6] = [
    "passwords",
    "english_wikipedia",
    "female_names",
    "surnames",
    "us_tv_and_film",
    "male_names",
];
const LISTS: [&str; 6] = [
    include_str!("../../data/zxcvbn/passwords.txt"),
    include_str!("../../data/zxcvbn/english_wikipedia.txt"),
    include_str!("../../data/zxcvbn/female_names.txt"),
    include_str!("../../data/zxcvbn/surnames.txt"),
    include_str!("../../data/zxcvbn/us_tv_and_film.txt"),
    include_str!("../../data/zxcvbn/male_names.txt"),
];
const GRAPHS: &str = include_str!("../../data/zxcvbn/adjacency_graphs.json");

/// Every word (all lowercase ASCII) with its rank in each list, 0 where absent: one lookup
/// answers all six dictionaries.
pub(crate) struct Ranked {
    pub words: FxMap<&'static str, [u32; 6]>,
    pub longest: usize,
}

pub(crate) fn ranked() -> &'static Ranked {
    static RANKED: OnceLock<Ranked> = OnceLock::new();
    RANKED.get_or_init(|| {
        let mut words: FxMap<&'static str, [u32; 6]> =
            FxMap::with_capacity_and_hasher(100_000, FxBuild::default());
        let mut longest = 0;
        for (d, list) in LISTS.iter().enumerate() {
            for (rank, word) in list.lines().enumerate() {
                // build_ranked_dict: a later duplicate overwrites the earlier rank
                words.entry(word).or_insert([0; 6])[d] = rank as u32 + 1;
                longest = longest.max(word.len());
            }
        }
        Ranked { words, longest }
    })
}

/// A keyboard: for each key (a UTF-16 unit), its neighbours in zxcvbn's direction order, each
/// "unshifted + shifted" (keypads: one character), `None` at an edge.
pub(crate) struct Graph {
    pub name: &'static str,
    pub keys: HashMap<u16, Vec<Option<Vec<u16>>>>,
}

pub(crate) struct Graphs {
    pub all: Vec<Graph>,
    pub keyboard_average_degree: f64,
    pub keypad_average_degree: f64,
    pub keyboard_starting_positions: f64,
    pub keypad_starting_positions: f64,
}

pub(crate) fn graphs() -> &'static Graphs {
    static GRAPH: OnceLock<Graphs> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let parsed: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(GRAPHS).unwrap_or_default();
        let mut all = Vec::new();
        for name in ["qwerty", "dvorak", "keypad", "mac_keypad"] {
            let mut keys = HashMap::new();
            if let Some(serde_json::Value::Object(map)) = parsed.get(name) {
                for (key, neighbours) in map {
                    let Some(unit) = key.encode_utf16().next() else {
                        continue;
                    };
                    let list = neighbours
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|n| n.as_str().map(|s| s.encode_utf16().collect()))
                                .collect()
                        })
                        .unwrap_or_default();
                    keys.insert(unit, list);
                }
            }
            all.push(Graph { name, keys });
        }
        let degree = |g: &Graph| {
            let total: usize = g
                .keys
                .values()
                .map(|n| n.iter().filter(|x| x.is_some()).count())
                .sum();
            total as f64 / g.keys.len().max(1) as f64
        };
        Graphs {
            keyboard_average_degree: degree(&all[0]),
            keypad_average_degree: degree(&all[2]),
            keyboard_starting_positions: all[0].keys.len() as f64,
            keypad_starting_positions: all[2].keys.len() as f64,
            all,
        }
    })
}

/// FxHash (rustc's): the maps here are looked up for every window of every keystroke, and
/// their keys are not attacker-chosen in a way that matters (the lists are fixed, the
/// password only reads them), so a fast non-DoS-resistant hash is the right trade.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u16(&mut self, n: u16) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;
