//! zxcvbn 4.4.2's data (MIT, © Dan Wheeler and Dropbox): its six frequency lists and four
//! keyboard graphs, as published in the npm package, loaded once.
//!
//! The lists are 800 KB, so they can stay out of the binary: with the `dictionaries` feature
//! (the default) they are compiled in; without it (the npm build) the caller hands them
//! over once with [`install_dictionaries`], and pages that never estimate strength never
//! download them.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The lists' names, in zxcvbn's order; a word's rank is its line number in its list.
pub const DICTIONARIES: [&str; 6] = [
    "passwords",
    "english_wikipedia",
    "female_names",
    "surnames",
    "us_tv_and_film",
    "male_names",
];
const GRAPHS: &str = include_str!("../data/zxcvbn/adjacency_graphs.json");

/// zxcvbn's dictionaries, loaded: every word (all lowercase ASCII) with its rank in each list,
/// 0 where absent, so one lookup answers all six.
pub struct Dictionaries {
    pub(crate) words: FxMap<&'static str, [u32; 6]>,
    pub(crate) longest: usize,
    /// The words in byte order, to ask whether any word starts with a text.
    sorted: Vec<&'static str>,
}

impl Dictionaries {
    /// Whether some word starts with `prefix` (the l33t search stops extending a text no word
    /// starts with).
    pub(crate) fn has_prefix(&self, prefix: &str) -> bool {
        let at = self.sorted.partition_point(|word| *word < prefix);
        self.sorted
            .get(at)
            .is_some_and(|word| word.starts_with(prefix))
    }
}

impl fmt::Debug for Dictionaries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Dictionaries({} words)", self.words.len())
    }
}

/// Why there are no dictionaries to estimate with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictionariesError {
    /// No `dictionaries` feature, and [`install_dictionaries`] was not called yet.
    NotLoaded,
    /// The text handed to [`install_dictionaries`] is not in the [`dictionaries_text`] form.
    Malformed(String),
}

impl fmt::Display for DictionariesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DictionariesError::NotLoaded => f.write_str("the strength dictionaries are not loaded"),
            DictionariesError::Malformed(reason) => {
                write!(f, "not zxcvbn's dictionaries: {reason}")
            }
        }
    }
}

impl std::error::Error for DictionariesError {}

static LOADED: OnceLock<Dictionaries> = OnceLock::new();
/// Lists with coarse ranks ([`install_coarse_dictionaries`]), used only while no exact ones are.
static COARSE: OnceLock<Dictionaries> = OnceLock::new();

/// The dictionaries: the compiled-in ones, or those installed (exact ones before coarse ones);
/// `NotLoaded` before that.
pub fn dictionaries() -> Result<&'static Dictionaries, DictionariesError> {
    exact_dictionaries().or_else(|err| COARSE.get().ok_or(err))
}

/// The dictionaries with zxcvbn's exact ranks: the compiled-in ones, or those installed with
/// [`install_dictionaries`]; `NotLoaded` while only coarse ones are.
pub fn exact_dictionaries() -> Result<&'static Dictionaries, DictionariesError> {
    #[cfg(feature = "dictionaries")]
    return Ok(LOADED.get_or_init(|| rank(embedded::LISTS)));
    #[cfg(not(feature = "dictionaries"))]
    LOADED.get().ok_or(DictionariesError::NotLoaded)
}

#[cfg(feature = "dictionaries")]
mod embedded {
    pub(super) const LISTS: [&str; 6] = [
        include_str!("../data/zxcvbn/passwords.txt"),
        include_str!("../data/zxcvbn/english_wikipedia.txt"),
        include_str!("../data/zxcvbn/female_names.txt"),
        include_str!("../data/zxcvbn/surnames.txt"),
        include_str!("../data/zxcvbn/us_tv_and_film.txt"),
        include_str!("../data/zxcvbn/male_names.txt"),
    ];
}

/// The six compiled-in lists, each with its name, in zxcvbn's order: the words one per line,
/// most common first.
#[cfg(feature = "dictionaries")]
pub fn dictionary_lists() -> impl Iterator<Item = (&'static str, &'static str)> {
    DICTIONARIES.into_iter().zip(embedded::LISTS)
}

/// The six lists in one text, the form [`install_dictionaries`] takes: for each dictionary in
/// zxcvbn's order a line `# <name>`, then its words, one per line, most common first.
#[cfg(feature = "dictionaries")]
pub fn dictionaries_text() -> String {
    let mut text = String::new();
    for (name, list) in dictionary_lists() {
        text.push_str("# ");
        text.push_str(name);
        text.push('\n');
        text.push_str(list.trim_end_matches('\n'));
        text.push('\n');
    }
    text
}

/// Installs lists whose line order is a coarse rank order (chpass's `chpass/meter` decodes
/// its coded lists into the [`dictionaries_text`] form) into a build without the `dictionaries`
/// feature: estimates use them until exact lists are installed, which then take over
/// ([`exact_dictionaries`]). The first coarse lists stay. A text in another form is refused
/// (`Malformed`).
pub fn install_coarse_ranked_dictionaries(text: String) -> Result<(), DictionariesError> {
    if dictionaries().is_ok() {
        return Ok(());
    }
    let _ = COARSE.set(load(text)?);
    Ok(())
}

/// Hands the dictionaries to a build without the `dictionaries` feature (the npm package's
/// `loadStrength()` does this). The first dictionaries loaded stay; later calls change nothing.
/// A text not in the [`dictionaries_text`] form is refused (`Malformed`).
pub fn install_dictionaries(text: String) -> Result<(), DictionariesError> {
    if exact_dictionaries().is_ok() {
        return Ok(());
    }
    let _ = LOADED.set(load(text)?);
    Ok(())
}

/// The lists of a text in the [`dictionaries_text`] form, ranked by line.
fn load(text: String) -> Result<Dictionaries, DictionariesError> {
    // checked before it is leaked, so a refused text is freed; the map then borrows its words
    // for the life of the program (no allocation per word)
    split(&text)?;
    let text: &'static str = Box::leak(text.into_boxed_str());
    Ok(rank(split(text)?))
}

/// The text's six word lists, checked to come under zxcvbn's names in its order.
fn split(text: &str) -> Result<Vec<&str>, DictionariesError> {
    let bad = DictionariesError::Malformed;
    let mut lists = Vec::with_capacity(DICTIONARIES.len());
    for (n, section) in text.split("# ").skip(1).enumerate() {
        let (name, words) = section.split_once('\n').unwrap_or((section, ""));
        if DICTIONARIES.get(n) != Some(&name) {
            return Err(bad(format!(
                "list {} is {name:?}, not {:?}",
                n + 1,
                DICTIONARIES.get(n)
            )));
        }
        lists.push(words);
    }
    if !text.starts_with("# ") || lists.len() != DICTIONARIES.len() {
        return Err(bad(format!(
            "expected zxcvbn's {} lists, each after a `# name` line",
            DICTIONARIES.len()
        )));
    }
    Ok(lists)
}

fn rank(lists: impl IntoIterator<Item = &'static str>) -> Dictionaries {
    let mut words: FxMap<&'static str, [u32; 6]> =
        FxMap::with_capacity_and_hasher(100_000, FxBuild::default());
    let mut longest = 0;
    for (d, list) in lists.into_iter().enumerate() {
        for (rank, word) in list.lines().enumerate() {
            // build_ranked_dict: a later duplicate overwrites the earlier rank
            words.entry(word).or_insert([0; 6])[d] = rank as u32 + 1;
            longest = longest.max(word.len());
        }
    }
    let mut sorted: Vec<&'static str> = words.keys().copied().collect();
    sorted.sort_unstable();
    Dictionaries {
        words,
        longest,
        sorted,
    }
}

/// A keyboard: for each key (a UTF-16 unit), its neighbours in zxcvbn's direction order, each
/// "unshifted + shifted" (keypads: one character), `None` at an edge.
pub(crate) struct Graph {
    pub name: &'static str,
    pub keys: FxMap<u16, Vec<Option<Vec<u16>>>>,
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
        let mut all: Vec<Graph> = ["qwerty", "dvorak", "keypad", "mac_keypad"]
            .into_iter()
            .map(|name| Graph {
                name,
                keys: FxMap::default(),
            })
            .collect();
        for (graph, key, neighbours) in graph_entries(GRAPHS) {
            let graph = all.iter_mut().find(|g| g.name == graph);
            if let (Some(graph), Some(unit)) = (graph, key.encode_utf16().next()) {
                let units = |n: Option<String>| n.map(|n| n.encode_utf16().collect());
                graph
                    .keys
                    .insert(unit, neighbours.into_iter().map(units).collect());
            }
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

/// The `(graph, key, neighbours)` entries of zxcvbn's `adjacency_graphs.json`, whose shape is
/// `{"graph": {"key": ["ab", null, …], …}, …}` with `\"` and `\\` the only escapes. Read by
/// hand: serde_json's parser would otherwise be in the npm strength module for this file alone.
fn graph_entries(json: &str) -> Vec<(String, String, Vec<Option<String>>)> {
    let (mut entries, mut graph, mut depth) = (Vec::new(), String::new(), 0);
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        let value = match c {
            '{' | '[' => {
                depth += 1;
                continue;
            }
            '}' | ']' => {
                depth -= 1;
                continue;
            }
            'n' => {
                chars.nth(2); // "ull"
                None
            }
            '"' => {
                let mut text = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => text.extend(chars.next()),
                        c => text.push(c),
                    }
                }
                Some(text)
            }
            _ => continue,
        };
        match (depth, value) {
            (1, Some(name)) => graph = name,
            (2, Some(key)) => entries.push((graph.clone(), key, Vec::new())),
            (3, neighbour) => {
                if let Some((_, _, neighbours)) = entries.last_mut() {
                    neighbours.push(neighbour);
                }
            }
            _ => {}
        }
    }
    entries
}

/// FxHash (rustc's): the maps and sets here are looked up for every window of every keystroke,
/// and their keys are not attacker-chosen in a way that matters (the lists are fixed, the
/// password only reads them; the sets of substitution tables built from a password are bounded
/// by l33t's table), so a fast non-DoS-resistant hash is the right trade.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    /// Eight bytes at a time, as rustc-hash does: a dictionary lookup hashes the whole window.
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub(crate) type FxSet<T> = std::collections::HashSet<T, FxBuild>;

#[cfg(all(test, feature = "dictionaries"))]
mod tests {
    use super::*;

    #[test]
    fn the_graphs_read_by_hand_are_what_a_json_parser_reads() {
        let parsed: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(GRAPHS).unwrap();
        let mut expected = Vec::new();
        for (graph, keys) in &parsed {
            for (key, neighbours) in keys.as_object().unwrap() {
                let neighbours = neighbours.as_array().unwrap().iter();
                let neighbours = neighbours.map(|n| n.as_str().map(String::from)).collect();
                expected.push((graph.clone(), key.clone(), neighbours));
            }
        }
        assert_eq!(graph_entries(GRAPHS), expected);
        assert_eq!(expected.len(), 94 + 94 + 15 + 16);
        let escaped = |graph: &Graph, key: char| graph.keys.contains_key(&(key as u16));
        assert!(escaped(&graphs().all[0], '"') && escaped(&graphs().all[0], '\\'));
    }

    #[test]
    fn the_installable_text_ranks_every_word_as_the_compiled_in_lists() {
        let text = dictionaries_text();
        assert_eq!(split(&text).unwrap().len(), DICTIONARIES.len());
        let leaked: &'static str = Box::leak(text.into_boxed_str());
        let installed = rank(split(leaked).unwrap());
        let compiled = dictionaries().unwrap();
        assert_eq!(installed.words, compiled.words);
        assert_eq!(installed.longest, compiled.longest);
        assert_eq!(installed.words["password"][0], 2);
    }

    #[test]
    fn a_text_in_another_form_is_refused_with_a_reason() {
        let text = dictionaries_text();
        let swapped = text.replacen("# passwords", "# surnames", 1);
        for bad in ["", "password\n123456\n", &swapped, &text[..text.len() / 2]] {
            let err = split(bad).unwrap_err();
            assert!(matches!(err, DictionariesError::Malformed(_)), "{err}");
        }
        // installing into a build with compiled-in lists changes nothing
        install_dictionaries("# passwords\nx\n".into()).unwrap();
        assert_eq!(dictionaries().unwrap().words["password"][0], 2);
    }
}

/// The npm build's path: no compiled-in lists until some are installed.
#[cfg(all(test, not(feature = "dictionaries")))]
mod runtime_tests {
    use super::*;

    #[test]
    fn nothing_is_estimated_before_the_dictionaries_are_installed_and_the_first_ones_stay() {
        assert_eq!(dictionaries().err(), Some(DictionariesError::NotLoaded));
        assert_eq!(
            crate::estimate("password", &[]).err(),
            Some(DictionariesError::NotLoaded)
        );
        let refused = install_dictionaries("# passwords\nx\n".into());
        assert!(matches!(refused, Err(DictionariesError::Malformed(_))));
        assert!(dictionaries().is_err(), "a refused text installs nothing");

        // coarse lists serve until exact ones come, which then take over
        let coarse: String = DICTIONARIES
            .iter()
            .map(|name| format!("# {name}\nmonkey\ndragon\n"))
            .collect();
        install_coarse_ranked_dictionaries(coarse).unwrap();
        assert!(exact_dictionaries().is_err());
        assert_eq!(dictionaries().unwrap().words["monkey"], [1; 6]);
        assert_eq!(dictionaries().unwrap().words["dragon"], [2; 6]);

        let lists: String = DICTIONARIES
            .iter()
            .map(|name| format!("# {name}\nqwertyuiop\n"))
            .collect();
        install_dictionaries(lists.replace("# passwords\nqwertyuiop", "# passwords\npassword"))
            .unwrap();
        assert_eq!(
            dictionaries().unwrap().words["password"],
            [1, 0, 0, 0, 0, 0]
        );
        assert_eq!(
            dictionaries().unwrap().words["qwertyuiop"],
            [0, 1, 1, 1, 1, 1]
        );
        let estimate = crate::estimate("password", &[]).unwrap();
        assert_eq!(estimate.sequence[0].dictionary_name, Some("passwords"));
        assert!(exact_dictionaries().is_ok());

        install_dictionaries(lists).unwrap();
        let first = dictionaries().unwrap().words["password"];
        assert_eq!(first, [1, 0, 0, 0, 0, 0], "the first stay");
    }
}
