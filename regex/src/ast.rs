//! What a parsed pattern is, whatever its dialect.

use super::class::{Class, Fold};
use super::compile::Set;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub(super) enum Node {
    Empty,
    Literal(char, Fold),
    /// A class, with its answers for ASCII worked out once (each copy of a counted repetition
    /// shares it).
    Class(Arc<Set>),
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
            Node::Class(set) => out.push(Consumer::Class(set.class().clone())),
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

    /// How far past its start the node can look (`None`: no bound): run from position `s`, it
    /// reads no char at or past `s + reach` and compares no position past `s + reach` with the
    /// text's length. Any bound at least as large is correct; a smaller one would change
    /// verdicts, so each case over-estimates.
    pub fn reach(&self) -> Option<usize> {
        match self {
            Node::Empty => Some(0),
            Node::Literal(..) | Node::Class(_) => Some(1),
            // `$` reads the char at the position and the next (`\r\n`) and compares the one
            // after with the length
            Node::Assert(_) => Some(3),
            // a backreference reads as far as its group matched, which this does not follow
            Node::Backref(..) => None,
            Node::Capture(_, node) | Node::Atomic(node) => node.reach(),
            // a lookbehind's body starts before the position: its own reach bounds it
            Node::Look { node, .. } => node.reach(),
            Node::Concat(nodes) => {
                let mut before = Some(0usize);
                let mut reach = Some(0usize);
                for node in nodes {
                    let here = before.zip(node.reach()).and_then(|(b, r)| b.checked_add(r));
                    reach = reach.zip(here).map(|(a, b)| a.max(b));
                    before = before
                        .zip(node.width().1)
                        .and_then(|(b, w)| b.checked_add(w));
                }
                reach.zip(before).map(|(a, b)| a.max(b))
            }
            Node::Alternation(nodes) => nodes
                .iter()
                .try_fold(0, |reach, node| node.reach().map(|r| reach.max(r))),
            Node::Repeat { node, max, .. } => {
                let times = usize::try_from((*max)?).ok()?;
                // each copy starts at most one copy's width after the one before
                let step = node.width().1?.max(node.reach()?);
                step.checked_mul(times)
            }
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
