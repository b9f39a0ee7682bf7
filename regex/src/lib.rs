#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod ast;
mod class;
mod compile;
mod gencat;
mod parse;
mod vm;

use ast::{Assertion, Node};
pub use class::python_space;
pub use vm::Exhausted;

/// A server's dialect and anchoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// CPython `re` syntax and classes; anchored at the start only (`re.match`).
    Python,
    /// `java.util.regex` syntax and classes; the whole text must match (`matches()`).
    Java,
    /// CPython `re` syntax, matching anywhere (`re.search`).
    Search,
}

/// A compiled pattern.
#[derive(Clone)]
pub struct Regex {
    program: compile::Program,
    flavor: Flavor,
    /// What a password's chars and length can be, for `generate` to draw from.
    consumers: Vec<ast::Consumer>,
    lengths: (usize, Option<usize>),
    /// How many chars from the start a match can look at (`None`: any), for `is_match` to
    /// read only those: a long password is then not scanned where the pattern answers from
    /// its first chars, as CPython's `re` does not (`bench/regex.py`).
    reach: Option<usize>,
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Regex")
            .field("flavor", &self.flavor)
            .finish_non_exhaustive()
    }
}

impl Regex {
    /// Compiles `source` in `flavor`'s syntax; the error says what is wrong and where.
    pub fn new(source: &str, flavor: Flavor) -> Result<Self, String> {
        let parsed = parse::parse(source, flavor)?;
        let node = match flavor {
            Flavor::Java => Node::Concat(vec![parsed.node, Node::Assert(Assertion::TextEnd)]),
            _ => parsed.node,
        };
        let mut consumers = Vec::new();
        node.consumers(&mut consumers);
        let (least, most) = node.width();
        // a match that need not reach the end lets a longer password through
        let most = most.filter(|_| flavor != Flavor::Search && ast::ends_at_text_end(&node));
        let reach = node.reach().filter(|_| flavor != Flavor::Search);
        Ok(Regex {
            program: compile::compile(&node, parsed.groups)?,
            flavor,
            consumers,
            lengths: (least, most),
            reach,
        })
    }

    /// Whether `c` can be part of what a match consumes.
    pub fn may_consume(&self, c: char) -> bool {
        self.consumers.iter().any(|consumer| consumer.accepts(c))
    }

    /// The fewest and most chars a matching text has (`None`: no bound).
    pub fn lengths(&self) -> (usize, Option<usize>) {
        self.lengths
    }

    /// Whether `text` matches, within `budget` steps of the machine.
    ///
    /// Only what the pattern can look at is read, as CPython's `re` reads it: the first
    /// `reach` chars when that is bounded, and first a head of the text, which answers unless
    /// the run comes near its end (then the whole text runs; the head's steps are at most one
    /// budget more). A password that fails `^\w+$` at its fourth char is then not scanned to
    /// its end for being ASCII (`bench/regex.py`).
    pub fn is_match(&self, text: &str, budget: usize) -> Result<bool, Exhausted> {
        // the first reach + 1 chars: the match reads only the first `reach`, and with one more
        // every position it compares with the length is short of the end, as in `text`
        let text = self
            .reach
            .and_then(|reach| text.char_indices().nth(reach.checked_add(1)?))
            .map_or(text, |(end, _)| &text[..end]);
        if self.flavor != Flavor::Search && text.len() > HEAD_BYTES {
            let mut end = HEAD_BYTES;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let reached_end = std::cell::Cell::new(false);
            let answer = self.run(&text[..end], Some(&reached_end), budget);
            if !reached_end.get() {
                return answer;
            }
        }
        self.is_match_whole(text, budget)
    }

    /// `is_match` reading all of `text`, however little of it the pattern can look at: public
    /// for the tests and the fuzz target that check the two agree.
    #[doc(hidden)]
    pub fn is_match_whole(&self, text: &str, budget: usize) -> Result<bool, Exhausted> {
        self.run(text, None, budget)
    }

    fn run(
        &self,
        text: &str,
        reached_end: Option<&std::cell::Cell<bool>>,
        budget: usize,
    ) -> Result<bool, Exhausted> {
        let decoded: Vec<char>;
        let chars = if text.is_ascii() {
            vm::Chars::Ascii(text.as_bytes())
        } else {
            // sized once: collect() would grow it from a quarter of the bytes, copying
            let mut chars = Vec::with_capacity(text.len());
            chars.extend(text.chars());
            decoded = chars;
            vm::Chars::Decoded(&decoded)
        };
        let length = match chars {
            vm::Chars::Ascii(bytes) => bytes.len(),
            vm::Chars::Decoded(chars) => chars.len(),
        };
        let mut vm = vm::Vm::new(&self.program, vm::Text { chars, reached_end }, budget);
        match self.flavor {
            Flavor::Python | Flavor::Java => Ok(vm.run(0)?.is_some()),
            Flavor::Search => {
                for start in 0..=length {
                    if vm.run(start)?.is_some() {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// The head `is_match` tries first on a longer text, in bytes: enough for most passwords to be
/// answered from it, small enough to check at once.
const HEAD_BYTES: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_match_consumes_and_how_long_it_is() {
        let regex = |source, flavor| Regex::new(source, flavor).unwrap();
        let digits = regex("^[0-9]{6}$", Flavor::Python);
        assert_eq!(digits.lengths(), (6, Some(6)));
        assert!(digits.may_consume('7') && !digits.may_consume('a'));
        // re.match need not reach the end: no upper bound
        assert_eq!(regex("[a-z]+\\d", Flavor::Python).lengths(), (2, None));
        // OpenSearch's pattern is a full match
        assert_eq!(regex("^[a-z]{2,3}$", Flavor::Java).lengths(), (2, Some(3)));
        // lookaheads only test: `.` consumes
        let keystone = regex("^(?=.*\\d)(?=.*[a-zA-Z]).{7,}$", Flavor::Python);
        assert!(keystone.may_consume('!') && keystone.may_consume('x'));
        assert_eq!(keystone.lengths(), (7, None));
        // case folding widens a literal
        let folded = regex("(?i)^k$", Flavor::Python);
        assert!(folded.may_consume('K') && folded.may_consume('k'));
    }
}
