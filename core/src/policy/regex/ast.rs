//! What a parsed pattern is, whatever its dialect.

use super::class::{Class, Fold};

#[derive(Debug, Clone)]
pub(super) enum Node {
    Empty,
    Literal(char, Fold),
    Class(Box<Class>),
    Assert(Assertion),
    Concat(Vec<Node>),
    Alternation(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greed: Greed,
    },
    Capture(usize, Box<Node>),
    Look {
        behind: bool,
        negate: bool,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
    Backref(usize, Fold),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

/// Zero-width tests; which chars end a line and make a word is the dialect's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Assertion {
    /// `\A`, and `^` without multiline.
    TextStart,
    /// `\z` (Java), `\Z` (Python).
    TextEnd,
    /// `$` without multiline, Java's `\Z`: the end, or before a final line terminator.
    EndOrFinalTerminator(Lines),
    LineStart(Lines),
    LineEnd(Lines),
    /// `\b`, `\B`; Python's `\B` never matches an empty text.
    WordBoundary {
        ascii: bool,
        negate: bool,
        python: bool,
    },
}

/// What ends a line: Python's `\n`; Java's `\n \r \r\n \u{85} \u{2028} \u{2029}` (only `\n` with `(?d)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lines {
    Newline,
    Java,
}

impl Node {
    /// The fewest and most chars the node can match (`None`: no bound), for lookbehinds.
    pub fn width(&self) -> (usize, Option<usize>) {
        match self {
            Node::Empty | Node::Assert(_) | Node::Look { .. } => (0, Some(0)),
            Node::Literal(..) | Node::Class(_) => (1, Some(1)),
            Node::Backref(..) => (0, None),
            Node::Capture(_, node) | Node::Atomic(node) => node.width(),
            Node::Concat(nodes) => nodes.iter().fold((0, Some(0)), |(min, max), node| {
                let (a, b) = node.width();
                (min + a, max.zip(b).map(|(x, y)| x + y))
            }),
            Node::Alternation(nodes) => {
                let widths: Vec<_> = nodes.iter().map(Node::width).collect();
                let min = widths.iter().map(|w| w.0).min().unwrap_or(0);
                let max = widths.iter().try_fold(0, |max, w| w.1.map(|b| max.max(b)));
                (min, max)
            }
            Node::Repeat { node, min, max, .. } => {
                let (a, b) = node.width();
                let times = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
                (
                    a.saturating_mul(times(*min)),
                    b.zip(*max).map(|(b, m)| b.saturating_mul(times(m))),
                )
            }
        }
    }
}
