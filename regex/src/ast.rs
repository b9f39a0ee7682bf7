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

/// A test a char must pass to be consumed on the match's own path.
#[derive(Debug, Clone)]
pub(super) enum Consumer {
    Literal(char, Fold),
    Class(Class),
}

impl Consumer {
    pub fn accepts(&self, c: char) -> bool {
        match self {
            Consumer::Literal(literal, fold) => super::class::same(*literal, c, *fold),
            Consumer::Class(class) => class.contains(c),
        }
    }
}

/// Whether every match of the node ends at the end of the text (so that its width bounds a
/// whole password, as in `^[0-9]{6}$`).
pub(super) fn ends_at_text_end(node: &Node) -> bool {
    match node {
        Node::Assert(Assertion::TextEnd | Assertion::EndOrFinalTerminator(_)) => true,
        Node::Concat(nodes) => nodes.last().is_some_and(ends_at_text_end),
        Node::Alternation(nodes) => !nodes.is_empty() && nodes.iter().all(ends_at_text_end),
        Node::Capture(_, node) | Node::Atomic(node) => ends_at_text_end(node),
        _ => false,
    }
}

impl Node {
    /// The tests of every char the match itself consumes; lookarounds only test, and a
    /// backreference repeats what a group consumed.
    pub fn consumers(&self, out: &mut Vec<Consumer>) {
        match self {
            Node::Literal(c, fold) => out.push(Consumer::Literal(*c, *fold)),
            Node::Class(class) => out.push(Consumer::Class((**class).clone())),
            Node::Concat(nodes) | Node::Alternation(nodes) => {
                nodes.iter().for_each(|node| node.consumers(out));
            }
            Node::Repeat { node, max, .. } if *max != Some(0) => node.consumers(out),
            Node::Capture(_, node) | Node::Atomic(node) => node.consumers(out),
            Node::Repeat { .. }
            | Node::Empty
            | Node::Assert(_)
            | Node::Look { .. }
            | Node::Backref(..) => {}
        }
    }

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
