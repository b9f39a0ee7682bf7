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
    pub words: HashMap<&'static str, [u32; 6]>,
    pub longest: usize,
}

pub(crate) fn ranked() -> &'static Ranked {
    static RANKED: OnceLock<Ranked> = OnceLock::new();
    RANKED.get_or_init(|| {
        let mut words: HashMap<&'static str, [u32; 6]> = HashMap::with_capacity(100_000);
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
