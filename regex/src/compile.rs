//! A parsed pattern as a program for the backtracking machine in `vm.rs`.

use super::ast::{Assertion, Greed, Node};
use super::class::{Class, Fold};
use std::sync::Arc;

/// Programs past this many instructions are refused (counted repetitions are unrolled).
const MAX_PROGRAM: usize = 100_000;

/// A class with its answers for ASCII worked out when parsed: passwords are mostly ASCII,
/// and a class's items (ranges, named sets, case folding, Java's `&&`) cost far more per char
/// (`.*` over a 1 MiB password: 3.2x faster).
#[derive(Debug, Clone)]
pub(super) struct Set {
    /// One byte per answer rather than a bit: the scan of `.*` is then a load per char
    ascii: [bool; 128],
    class: Class,
}

impl Set {
    /// Worked out once, when the pattern is parsed: a counted repetition's copies share it.
    pub fn shared(class: Class) -> Arc<Self> {
        let mut ascii = [false; 128];
        for (byte, answer) in (0u8..).zip(&mut ascii) {
            *answer = class.contains(char::from(byte));
        }
        Arc::new(Set { ascii, class })
    }

    pub fn class(&self) -> &Class {
        &self.class
    }

    pub fn contains(&self, c: char) -> bool {
        match u8::try_from(c) {
            Ok(byte) if byte < 128 => self.contains_ascii(byte),
            _ => self.class.contains(c),
        }
    }

    /// `contains` for a byte of an ASCII text (below 128).
    pub fn contains_ascii(&self, byte: u8) -> bool {
        self.ascii[usize::from(byte & 127)]
    }
}

#[derive(Debug, Clone)]
pub(super) enum Inst {
    Char(char, Fold),
    /// Shared by the copies of a counted repetition (`(?:[a-z]\d){9000}`), whose class is
    /// worked out once instead of once per copy.
    Class(Arc<Set>),
    /// A repetition of one char or set, as CPython's `REPEAT_ONE`: it backtracks one char at a
    /// time from a single stack frame, so `.*` over a long password needs no stack per char.
    RepeatOne {
        one: Box<Inst>,
        min: usize,
        max: usize,
        lazy: bool,
    },
    Assert(Assertion),
    /// Try `.0` first; on failure, `.1`.
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    Backref(usize, Fold),
    /// Remember where an iteration of a loop that can match empty starts.
    LoopStart(usize),
    /// After an iteration: one that consumed nothing ends the loop (jumps to `exit`) instead
    /// of repeating forever, as both servers' engines do.
    LoopProgress {
        register: usize,
        exit: usize,
    },
    /// A lookaround or atomic group: its body runs from the next instruction to a `Match`;
    /// the program continues at `next`.
    Sub {
        kind: SubKind,
        next: usize,
    },
    /// Inside a lookbehind's body: the match must end where the lookbehind stands.
    BehindEnd,
    Match,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum SubKind {
    Ahead {
        negate: bool,
    },
    Behind {
        negate: bool,
        min: usize,
        max: usize,
    },
    Atomic,
}

#[derive(Debug, Clone)]
pub(super) struct Program {
    pub insts: Vec<Inst>,
    pub slots: usize,
    pub loops: usize,
}

pub(super) fn compile(node: &Node, groups: usize) -> Result<Program, String> {
    let mut compiler = Compiler {
        insts: Vec::new(),
        loops: 0,
    };
    compiler.node(node)?;
    compiler.push(Inst::Match)?;
    Ok(Program {
        insts: compiler.insts,
        slots: 2 * (groups + 1),
        loops: compiler.loops,
    })
}

struct Compiler {
    insts: Vec<Inst>,
    loops: usize,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> Result<usize, String> {
        if self.insts.len() >= MAX_PROGRAM {
            return Err("the pattern is too large once its repetitions are counted out".into());
        }
        self.insts.push(inst);
        Ok(self.insts.len() - 1)
    }

    fn pc(&self) -> usize {
        self.insts.len()
    }

    fn node(&mut self, node: &Node) -> Result<(), String> {
        match node {
            Node::Empty => {}
            Node::Literal(c, fold) => {
                self.push(Inst::Char(*c, *fold))?;
            }
            Node::Class(set) => {
                self.push(Inst::Class(Arc::clone(set)))?;
            }
            Node::Assert(assertion) => {
                self.push(Inst::Assert(*assertion))?;
            }
            Node::Concat(nodes) => {
                for node in nodes {
                    self.node(node)?;
                }
            }
            Node::Alternation(branches) => {
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.node(branch)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.pc();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.node(branch)?;
                    }
                }
                let end = self.pc();
                for jump in jumps {
                    self.insts[jump] = Inst::Jmp(end);
                }
            }
            Node::Capture(index, node) => {
                self.push(Inst::Save(2 * index))?;
                self.node(node)?;
                self.push(Inst::Save(2 * index + 1))?;
            }
            Node::Look {
                behind,
                negate,
                node,
            } => {
                let (min, max) = node.width();
                let kind = match behind {
                    false => SubKind::Ahead { negate: *negate },
                    true => SubKind::Behind {
                        negate: *negate,
                        min,
                        max: max.unwrap_or(min),
                    },
                };
                self.sub(kind, *behind, |this| this.node(node))?;
            }
            Node::Atomic(node) => self.sub(SubKind::Atomic, false, |this| this.node(node))?,
            Node::Backref(group, fold) => {
                self.push(Inst::Backref(*group, *fold))?;
            }
            Node::Repeat {
                node,
                min,
                max,
                greed,
            } => {
                if *greed == Greed::Possessive {
                    // an atomic group around the greedy repetition
                    return self.sub(SubKind::Atomic, false, |this| {
                        this.repetition(node, *min, *max, Greed::Greedy)
                    });
                }
                self.repetition(node, *min, *max, *greed)?;
            }
        }
        Ok(())
    }

    /// A fresh loop register.
    fn register(&mut self) -> usize {
        self.loops += 1;
        self.loops - 1
    }

    /// A repetition that is not possessive: one char or class repeats in one instruction.
    fn repetition(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greed: Greed,
    ) -> Result<(), String> {
        let single = match node {
            Node::Literal(c, fold) => Some(Inst::Char(*c, *fold)),
            Node::Class(set) => Some(Inst::Class(Arc::clone(set))),
            _ => None,
        };
        match single {
            Some(one) => {
                self.push(Inst::RepeatOne {
                    one: Box::new(one),
                    min: min as usize,
                    max: max.map_or(usize::MAX, |max| max as usize),
                    lazy: greed == Greed::Lazy,
                })?;
            }
            None => self.repeat(node, min, max, greed == Greed::Lazy)?,
        }
        Ok(())
    }

    fn sub(
        &mut self,
        kind: SubKind,
        behind: bool,
        body: impl FnOnce(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        let at = self.push(Inst::Sub { kind, next: 0 })?;
        body(self)?;
        if behind {
            self.push(Inst::BehindEnd)?;
        }
        self.push(Inst::Match)?;
        let next = self.pc();
        self.insts[at] = Inst::Sub { kind, next };
        Ok(())
    }

    fn repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        lazy: bool,
    ) -> Result<(), String> {
        for _ in 0..min {
            self.node(node)?;
        }
        let can_be_empty = node.width().0 == 0;
        match max {
            Some(max) => {
                // each optional copy is tried (or, lazily, skipped) in turn; one that matched
                // nothing ends the repetition, as an empty iteration does in both servers
                let register = can_be_empty.then(|| self.register());
                let mut exits = Vec::new();
                let mut progress = Vec::new();
                for _ in min..max {
                    exits.push(self.push(Inst::Split(0, 0))?);
                    if let Some(register) = register {
                        self.push(Inst::LoopStart(register))?;
                    }
                    self.node(node)?;
                    if register.is_some() {
                        progress.push(self.push(Inst::Jmp(0))?);
                    }
                }
                let end = self.pc();
                for split in exits {
                    self.insts[split] = choice(split + 1, end, lazy);
                }
                for at in progress {
                    let register = register.unwrap_or(0);
                    self.insts[at] = Inst::LoopProgress {
                        register,
                        exit: end,
                    };
                }
            }
            None => {
                let split = self.push(Inst::Split(0, 0))?;
                let register = can_be_empty.then(|| self.register());
                if let Some(register) = register {
                    self.push(Inst::LoopStart(register))?;
                }
                self.node(node)?;
                let progress = match register {
                    Some(register) => Some((register, self.push(Inst::Jmp(0))?)),
                    None => None,
                };
                self.push(Inst::Jmp(split))?;
                let end = self.pc();
                self.insts[split] = choice(split + 1, end, lazy);
                if let Some((register, at)) = progress {
                    self.insts[at] = Inst::LoopProgress {
                        register,
                        exit: end,
                    };
                }
            }
        }
        Ok(())
    }
}

fn choice(body: usize, skip: usize, lazy: bool) -> Inst {
    if lazy {
        Inst::Split(skip, body)
    } else {
        Inst::Split(body, skip)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Flavor, parse};

    fn sets(source: &str) -> Vec<Arc<Set>> {
        let parsed = parse::parse(source, Flavor::Java).unwrap();
        let program = compile(&parsed.node, parsed.groups).unwrap();
        let mut sets = Vec::new();
        for inst in program.insts {
            match inst {
                Inst::Class(set) => sets.push(set),
                Inst::RepeatOne { one, .. } => {
                    if let Inst::Class(set) = *one {
                        sets.push(set)
                    }
                }
                _ => {}
            }
        }
        sets
    }

    #[test]
    fn the_copies_of_a_counted_repetition_share_their_class() {
        let copies = sets("(?:[a-c]x){3}");
        assert_eq!(copies.len(), 3);
        assert!(copies.iter().all(|set| Arc::ptr_eq(set, &copies[0])));
        // possessive repetitions too, and inside them each class keeps its own set
        let copies = sets("(?:[a-c][0-9]){2}+");
        assert_eq!(copies.len(), 4);
        assert!(Arc::ptr_eq(&copies[0], &copies[2]) && Arc::ptr_eq(&copies[1], &copies[3]));
        assert!(!Arc::ptr_eq(&copies[0], &copies[1]));
        assert!(copies[1].contains('7') && !copies[0].contains('7'));
    }
}
