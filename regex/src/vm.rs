//! A backtracking machine, as CPython's `re` and `java.util.regex` are: same leftmost-first
//! answers, same lookarounds and backreferences; its own explicit stack (no recursion per
//! char), and a budget of steps so a hostile pattern ends in an error instead of a hang.

use super::ast::{Assertion, Lines};
use super::class::{Fold, Named, same};
use super::compile::{Inst, Program, SubKind};

/// The step budget ran out before the machine could answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exhausted;

/// Backtracking frames past this many end the check like an exhausted budget: memory stays
/// bounded whatever the pattern (a single-char repetition needs one frame, not one per char).
const MAX_FRAMES: usize = 1 << 20;

enum Frame {
    /// Resume at `pc` with the text position `pos`.
    Retry {
        pc: usize,
        pos: usize,
    },
    /// A `RepeatOne` at `pc` that may still give back (greedy) or take (lazy) chars:
    /// it stands at `pos`, and may go down to `floor` or up to `ceiling`.
    Repeat {
        pc: usize,
        pos: usize,
        floor: usize,
        ceiling: usize,
    },
    /// Undo a capture slot or loop register write.
    Slot {
        index: usize,
        old: Option<usize>,
    },
    Register {
        index: usize,
        old: usize,
    },
}

/// The text by char position: its bytes when it is ASCII, as most passwords are (no copy: a
/// 1 MiB password cost 2.7 ms to decode before the first step), else its chars, decoded once.
#[derive(Clone, Copy)]
pub(super) enum Chars<'a> {
    Ascii(&'a [u8]),
    Decoded(&'a [char]),
}

/// What a run reads: the whole text, or only its head. Every read of a char and every
/// comparison of a position with the end goes through `look`, so a run over a head answers
/// for the whole text as long as it looks at no position at or past the head's end; the first
/// time it does, `reached_end` is set and the run stops.
#[derive(Clone, Copy)]
pub(super) struct Text<'a> {
    pub chars: Chars<'a>,
    /// `Some` for a head: set when the run looks at its end
    pub reached_end: Option<&'a std::cell::Cell<bool>>,
}

impl Text<'_> {
    fn len(self) -> usize {
        match self.chars {
            Chars::Ascii(bytes) => bytes.len(),
            Chars::Decoded(chars) => chars.len(),
        }
    }

    /// Notes (on a head) that the run looked at `pos`, if that is the head's end.
    fn look(self, pos: usize) {
        if let Some(flag) = self.reached_end.filter(|_| pos >= self.len()) {
            flag.set(true);
        }
    }

    fn get(self, pos: usize) -> Option<char> {
        self.look(pos);
        match self.chars {
            Chars::Ascii(bytes) => bytes.get(pos).map(|&b| char::from(b)),
            Chars::Decoded(chars) => chars.get(pos).copied(),
        }
    }

    /// The char at `pos`, which the caller knows is in the text.
    fn at(self, pos: usize) -> char {
        self.get(pos).unwrap_or('\0')
    }

    /// Whether `pos` is the end of the text.
    fn is_end(self, pos: usize) -> bool {
        self.look(pos);
        pos >= self.len()
    }

    /// `pos + max`, or the end of the text when that comes first; the caller looks at where
    /// its scan stops.
    fn limit(self, pos: usize, max: usize) -> usize {
        pos + self.len().saturating_sub(pos).min(max)
    }

    /// Whether `width` chars from `pos` are in the text.
    fn fits(self, pos: usize, width: usize) -> bool {
        self.look(pos + width);
        pos + width <= self.len()
    }
}

pub(super) struct Vm<'a> {
    program: &'a Program,
    text: Text<'a>,
    slots: Vec<Option<usize>>,
    registers: Vec<usize>,
    behind_ends: Vec<usize>,
    steps_left: usize,
}

impl<'a> Vm<'a> {
    pub fn new(program: &'a Program, text: Text<'a>, budget: usize) -> Self {
        Vm {
            program,
            text,
            slots: vec![None; program.slots],
            registers: vec![0; program.loops],
            behind_ends: Vec::new(),
            steps_left: budget,
        }
    }

    /// Runs from `start`; the end of the first match found, in the servers' order.
    pub fn run(&mut self, start: usize) -> Result<Option<usize>, Exhausted> {
        self.slots.iter_mut().for_each(|slot| *slot = None);
        self.exec(0, start)
    }

    fn step(&mut self) -> Result<(), Exhausted> {
        self.steps(1)
    }

    /// Charges `n` steps: a scan over `n` chars (a repetition's run, its give-back, a
    /// backreference) costs one step a char, so the budget bounds time, not just
    /// instructions (`re.search`-style `.*po` over a long text was quadratic within budget).
    fn steps(&mut self, n: usize) -> Result<(), Exhausted> {
        self.steps_left = self.steps_left.checked_sub(n).ok_or(Exhausted)?;
        // a run over a head that looked at its end no longer speaks for the whole text
        if self.text.reached_end.is_some_and(std::cell::Cell::get) {
            return Err(Exhausted);
        }
        Ok(())
    }

    /// Runs the code at `pc` until its `Match`; `None` when every path fails.
    fn exec(&mut self, pc: usize, pos: usize) -> Result<Option<usize>, Exhausted> {
        let mut stack = vec![Frame::Retry { pc, pos }];
        while let Some(frame) = stack.pop() {
            let (mut pc, mut pos) = match frame {
                Frame::Retry { pc, pos } => (pc, pos),
                Frame::Repeat {
                    pc,
                    pos,
                    floor,
                    ceiling,
                } => {
                    self.step()?;
                    match self.repeat_again(pc, pos, floor, ceiling)? {
                        Some(next) => {
                            stack.push(Frame::Repeat {
                                pc,
                                pos: next,
                                floor,
                                ceiling,
                            });
                            (pc + 1, next)
                        }
                        None => continue,
                    }
                }
                Frame::Slot { index, old } => {
                    self.slots[index] = old;
                    continue;
                }
                Frame::Register { index, old } => {
                    self.registers[index] = old;
                    continue;
                }
            };
            loop {
                self.step()?;
                if stack.len() >= MAX_FRAMES {
                    return Err(Exhausted);
                }
                let ok = match &self.program.insts[pc] {
                    // the untried alternatives are dropped; what this path captured stays
                    Inst::Match => return Ok(Some(pos)),
                    one @ (Inst::Char(..) | Inst::Class(_)) => match self.text.get(pos) {
                        Some(t) if matches_one(one, t) => {
                            pos += 1;
                            true
                        }
                        _ => false,
                    },
                    Inst::Assert(assertion) => self.holds(*assertion, pos),
                    Inst::RepeatOne {
                        one,
                        min,
                        max,
                        lazy,
                    } => {
                        let (min, max) = (*min, *max);
                        let want = if *lazy { min } else { max };
                        let got = self.count(one, pos, want)?;
                        if got < min {
                            false
                        } else {
                            let (floor, ceiling) = (pos + min, pos.saturating_add(max));
                            stack.push(Frame::Repeat {
                                pc,
                                pos: pos + got,
                                floor,
                                ceiling,
                            });
                            pos += got;
                            true
                        }
                    }
                    Inst::Split(first, second) => {
                        stack.push(Frame::Retry { pc: *second, pos });
                        pc = *first;
                        continue;
                    }
                    Inst::Jmp(to) => {
                        pc = *to;
                        continue;
                    }
                    Inst::Save(index) => {
                        let index = *index;
                        stack.push(Frame::Slot {
                            index,
                            old: self.slots[index],
                        });
                        self.slots[index] = Some(pos);
                        true
                    }
                    Inst::Backref(group, fold) => match self.backref(*group, *fold, pos)? {
                        Some(end) => {
                            pos = end;
                            true
                        }
                        None => false,
                    },
                    Inst::LoopStart(index) => {
                        let index = *index;
                        stack.push(Frame::Register {
                            index,
                            old: self.registers[index],
                        });
                        self.registers[index] = pos;
                        true
                    }
                    Inst::LoopProgress { register, exit } => {
                        if self.registers[*register] == pos {
                            pc = *exit;
                            continue;
                        }
                        true
                    }
                    Inst::BehindEnd => self.behind_ends.last() == Some(&pos),
                    Inst::Sub { kind, next } => {
                        let (kind, next) = (*kind, *next);
                        match self.sub(kind, pc + 1, pos, &mut stack)? {
                            Some(end) => {
                                pos = end;
                                pc = next;
                                continue;
                            }
                            None => false,
                        }
                    }
                };
                if !ok {
                    break;
                }
                pc += 1;
            }
        }
        Ok(None)
    }

    /// How many times in a row the single-char `one` matches from `pos`, up to `max`.
    fn count(&mut self, one: &Inst, pos: usize, max: usize) -> Result<usize, Exhausted> {
        let end = self.text.limit(pos, max);
        // the hot loop of `.*` and `[a-z]+` over an ASCII password: one table lookup a byte
        let got = if let (Chars::Ascii(bytes), Inst::Class(set)) = (self.text.chars, one) {
            let run = &bytes[pos..end];
            run.iter()
                .position(|&b| !set.contains_ascii(b))
                .unwrap_or(run.len())
        } else {
            (pos..end)
                .find(|&i| !matches_one(one, self.text.at(i)))
                .map_or(end - pos, |i| i - pos)
        };
        // the run read up to where it stopped: the end decided it only if it stopped there
        self.text.look(pos + got);
        self.steps(got)?;
        Ok(got)
    }

    /// The next position for a `RepeatOne` frame: one char fewer (greedy) or one more (lazy).
    fn repeat_again(
        &mut self,
        pc: usize,
        pos: usize,
        floor: usize,
        ceiling: usize,
    ) -> Result<Option<usize>, Exhausted> {
        let Inst::RepeatOne { one, lazy, .. } = &self.program.insts[pc] else {
            return Ok(None);
        };
        if !*lazy {
            if pos <= floor {
                return Ok(None);
            }
            // When a single char must follow, a position where it cannot is a sure failure:
            // give back past those at once, as CPython's REPEAT_ONE does, instead of one
            // frame each (`.*[A-Z]` over a long password without capitals)
            let mut back = pos - 1;
            if let Some(next @ (Inst::Char(..) | Inst::Class(_))) = self.program.insts.get(pc + 1) {
                while back > floor && !self.text.get(back).is_some_and(|t| matches_one(next, t)) {
                    back -= 1;
                }
            }
            self.steps(pos - 1 - back)?;
            return Ok(Some(back));
        }
        let Some(next) = self.text.get(pos) else {
            return Ok(None);
        };
        Ok((pos < ceiling && matches_one(one, next)).then_some(pos + 1))
    }

    /// A lookaround or atomic group at `pos`: `Some(position to continue from)` or `None`.
    fn sub(
        &mut self,
        kind: SubKind,
        body: usize,
        pos: usize,
        outer: &mut Vec<Frame>,
    ) -> Result<Option<usize>, Exhausted> {
        let before = self.slots.clone();
        let found = match kind {
            SubKind::Ahead { .. } | SubKind::Atomic => self.exec(body, pos)?,
            SubKind::Behind { min, max, .. } => {
                let mut found = None;
                for width in min..=max.min(pos) {
                    self.behind_ends.push(pos);
                    let end = self.exec(body, pos - width);
                    self.behind_ends.pop();
                    if end?.is_some() {
                        found = Some(pos);
                        break;
                    }
                }
                found
            }
        };
        let negate = matches!(
            kind,
            SubKind::Ahead { negate: true } | SubKind::Behind { negate: true, .. }
        );
        if found.is_none() || negate {
            self.slots = before;
            return Ok(match (found, negate) {
                (None, true) => Some(pos),
                _ => None,
            });
        }
        // keep the body's captures, undoably by the outer path
        for (index, old) in before.into_iter().enumerate() {
            if self.slots[index] != old {
                outer.push(Frame::Slot { index, old });
            }
        }
        Ok(match kind {
            SubKind::Atomic => found,
            _ => Some(pos),
        })
    }

    fn backref(
        &mut self,
        group: usize,
        fold: Fold,
        pos: usize,
    ) -> Result<Option<usize>, Exhausted> {
        let (Some(start), Some(end)) = (self.slots[2 * group], self.slots[2 * group + 1]) else {
            return Ok(None);
        };
        let Some(width) = end.checked_sub(start) else {
            return Ok(None);
        };
        if !self.text.fits(pos, width) {
            return Ok(None);
        }
        self.steps(width)?;
        let equal = (0..width).all(|k| {
            let (a, b) = (self.text.at(start + k), self.text.at(pos + k));
            a == b || (fold != Fold::None && same(a, b, fold))
        });
        Ok(equal.then_some(pos + width))
    }

    fn holds(&self, assertion: Assertion, pos: usize) -> bool {
        let text = self.text;
        match assertion {
            Assertion::TextStart => pos == 0,
            Assertion::TextEnd => text.is_end(pos),
            Assertion::EndOrFinalTerminator(lines) => {
                text.is_end(pos)
                    || terminator_len(text, pos, lines).is_some_and(|n| text.is_end(pos + n))
            }
            Assertion::LineStart(lines) => {
                pos == 0
                    || match lines {
                        Lines::Newline => text.at(pos - 1) == '\n',
                        // not between \r and \n, and not at the very end
                        Lines::Java => {
                            !text.is_end(pos)
                                && is_java_terminator(text.at(pos - 1))
                                && !(text.at(pos - 1) == '\r' && text.at(pos) == '\n')
                        }
                    }
            }
            Assertion::LineEnd(lines) => {
                text.is_end(pos)
                    || match lines {
                        Lines::Newline => text.at(pos) == '\n',
                        Lines::Java => {
                            is_java_terminator(text.at(pos))
                                && !(text.at(pos) == '\n' && pos > 0 && text.at(pos - 1) == '\r')
                        }
                    }
            }
            Assertion::WordBoundary {
                negate: true,
                python: true,
                ..
            } if text.is_end(0) => false,
            Assertion::WordBoundary { ascii, negate, .. } => {
                let word = |c: char| match ascii {
                    true => c.is_ascii_alphanumeric() || c == '_',
                    false => Named::UnicodeWord.contains(c),
                };
                let before = pos > 0 && word(text.at(pos - 1));
                let after = !text.is_end(pos) && word(text.at(pos));
                (before != after) != negate
            }
        }
    }
}

fn matches_one(one: &Inst, t: char) -> bool {
    match one {
        Inst::Char(c, fold) => t == *c || (*fold != Fold::None && same(t, *c, *fold)),
        Inst::Class(class) => class.contains(t),
        _ => false,
    }
}

fn is_java_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The length of the line terminator at `pos`, if one starts there.
fn terminator_len(text: Text<'_>, pos: usize, lines: Lines) -> Option<usize> {
    match (lines, text.get(pos)?) {
        (Lines::Newline, '\n') => Some(1),
        (Lines::Java, '\r') if text.get(pos + 1) == Some('\n') => Some(2),
        (Lines::Java, c) if is_java_terminator(c) => Some(1),
        _ => None,
    }
}
