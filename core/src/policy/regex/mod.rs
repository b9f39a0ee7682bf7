//! A small regex engine with the servers' semantics: CPython's `re` (Keystone's `re.match`)
//! and `java.util.regex` (OpenSearch's full match), both backtracking engines, run by one
//! backtracking machine under a step budget.
//!
//! Its own instead of a general-purpose crate: the dialects' syntax and classes are read
//! directly (no translation to a third syntax), and the npm build stays small.

mod ast;
mod class;
mod compile;
mod gencat;
mod parse;
mod vm;

use ast::{Assertion, Node};
pub(crate) use class::python_space;
pub(crate) use vm::Exhausted;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// CPython `re` syntax and classes; anchored at the start only (`re.match`).
    Python,
    /// `java.util.regex` syntax and classes; the whole text must match (`matches()`).
    Java,
    /// CPython `re` syntax, matching anywhere (`re.search`).
    Search,
}

#[derive(Clone)]
pub(crate) struct Regex {
    program: compile::Program,
    flavor: Flavor,
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Regex")
            .field("flavor", &self.flavor)
            .finish_non_exhaustive()
    }
}

impl Regex {
    pub fn new(source: &str, flavor: Flavor) -> Result<Self, String> {
        let parsed = parse::parse(source, flavor)?;
        let node = match flavor {
            Flavor::Java => Node::Concat(vec![parsed.node, Node::Assert(Assertion::TextEnd)]),
            _ => parsed.node,
        };
        Ok(Regex {
            program: compile::compile(&node, parsed.groups)?,
            flavor,
        })
    }

    /// Whether `text` matches, within `budget` steps of the machine.
    pub fn is_match(&self, text: &str, budget: usize) -> Result<bool, Exhausted> {
        let chars: Vec<char> = text.chars().collect();
        let mut vm = vm::Vm::new(&self.program, &chars, budget);
        match self.flavor {
            Flavor::Python | Flavor::Java => Ok(vm.run(0)?.is_some()),
            Flavor::Search => {
                for start in 0..=chars.len() {
                    if vm.run(start)?.is_some() {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}
