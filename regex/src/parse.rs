//! Patterns as the servers read them: CPython's `re` (Keystone) and `java.util.regex`
//! (OpenSearch). Syntax either server refuses is refused here, with the server's reason.

use super::Flavor;
use super::ast::{Assertion, Greed, Lines, Node};
use super::class::{Class, Fold, Item, Named, category_mask};
use super::compile::Set;

/// Repetition counts past this are refused (Python's own limit is 4294967295; nothing a
/// password rule needs comes near).
const MAX_REPEAT: u32 = 10_000;

/// Groups and sets nested deeper than this are refused: parsing and matching recurse once per
/// level.
const MAX_DEPTH: usize = 250;

#[derive(Debug, Clone, Copy)]
struct Flags {
    ignore_case: bool,
    multiline: bool,
    dotall: bool,
    verbose: bool,
    /// Python `(?a)`: `\d \w \s \b` are ASCII.
    ascii: bool,
    /// Java `(?d)`: only `\n` ends a line.
    unix_lines: bool,
    /// Java `(?u)`: case-insensitivity beyond ASCII.
    unicode_case: bool,
}

pub(super) struct Parsed {
    pub node: Node,
    pub groups: usize,
}

pub(super) fn parse(source: &str, flavor: Flavor) -> Result<Parsed, String> {
    let mut parser = Parser {
        chars: source.chars().collect(),
        pos: 0,
        flavor,
        flags: Flags {
            ignore_case: false,
            multiline: false,
            dotall: false,
            verbose: false,
            ascii: false,
            unix_lines: false,
            unicode_case: false,
        },
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        depth: 0,
    };
    let node = parser.alternation()?;
    if parser.pos < parser.chars.len() {
        return Err(parser.error("unbalanced parenthesis"));
    }
    Ok(Parsed {
        node,
        groups: parser.groups,
    })
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    flavor: Flavor,
    flags: Flags,
    groups: usize,
    names: Vec<(String, usize)>,
    /// Groups not closed yet (a backreference to one is refused, as Python does).
    open: Vec<usize>,
    depth: usize,
}

impl Parser {
    fn error(&self, what: &str) -> String {
        format!("{what} at position {}", self.pos)
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += 1;
        }
        found
    }

    fn eat_str(&mut self, s: &str) -> bool {
        let found = s
            .chars()
            .enumerate()
            .all(|(i, c)| self.peek_at(i) == Some(c));
        if found {
            self.pos += s.chars().count();
        }
        found
    }

    fn next(&mut self) -> Result<char, String> {
        let c = self
            .peek()
            .ok_or_else(|| self.error("unexpected end of pattern"))?;
        self.pos += 1;
        Ok(c)
    }

    fn java(&self) -> bool {
        self.flavor == Flavor::Java
    }

    /// A set of chars written in the pattern, which `(?i)` folds as it stands here.
    fn folded(&self, items: Vec<Item>, negated: bool) -> Class {
        Class {
            fold: self.fold(),
            ..Class::new(items, negated)
        }
    }

    /// How `(?i)` compares: by ASCII letters only in Java without `(?u)` and in Python with `(?a)`
    /// (CPython's `re.ASCII` limits case-insensitive matching to ASCII too), else by Unicode.
    fn fold(&self) -> Fold {
        let ascii_only = if self.java() {
            !self.flags.unicode_case
        } else {
            self.flags.ascii
        };
        match (self.flags.ignore_case, ascii_only) {
            (false, _) => Fold::None,
            (true, true) => Fold::Ascii,
            (true, false) => Fold::Unicode,
        }
    }

    fn lines(&self) -> Lines {
        if self.java() && !self.flags.unix_lines {
            Lines::Java
        } else {
            Lines::Newline
        }
    }

    /// In verbose mode, whitespace and `#` comments between tokens are not part of the pattern.
    fn skip_verbose(&mut self) {
        while self.flags.verbose {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.pos += 1,
                Some('#') => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
    }

    fn alternation(&mut self) -> Result<Node, String> {
        // Java's inline flags hold to the end of the enclosing group
        let saved = self.flags;
        let mut branches = vec![self.concat()?];
        while self.eat('|') {
            branches.push(self.concat()?);
        }
        if self.java() {
            self.flags = saved;
        }
        Ok(match branches.len() {
            1 => branches.pop().unwrap_or(Node::Empty),
            _ => Node::Alternation(branches),
        })
    }

    fn concat(&mut self) -> Result<Node, String> {
        let mut nodes = Vec::new();
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|' | ')') => break,
                Some(_) => {
                    let start = self.pos;
                    let Some(atom) = self.atom()? else { continue };
                    // Python refuses to repeat a bare anchor (`^*`), not a group holding one
                    let bare_anchor = matches!(atom, Node::Assert(_)) && self.chars[start] != '(';
                    let atom = self.quantified(atom, bare_anchor)?;
                    nodes.push(atom);
                }
            }
        }
        Ok(match nodes.len() {
            0 => Node::Empty,
            1 => nodes.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(nodes),
        })
    }

    /// One atom, or `None` for something that matches nothing at all (a comment, flags).
    fn atom(&mut self) -> Result<Option<Node>, String> {
        let c = self.next()?;
        Ok(Some(match c {
            '(' => return self.group(),
            '[' => Node::Class(Set::shared(self.deeper("sets", Self::class)?)),
            '.' => Node::Class(Set::shared(self.dot())),
            '^' => Node::Assert(if self.flags.multiline {
                Assertion::LineStart(self.lines())
            } else {
                Assertion::TextStart
            }),
            '$' => Node::Assert(if self.flags.multiline {
                Assertion::LineEnd(self.lines())
            } else {
                Assertion::EndOrFinalTerminator(self.lines())
            }),
            '\\' => return self.escape().map(Some),
            '*' | '+' | '?' => return Err(self.error("nothing to repeat")),
            '{' if self.java() => return Err(self.error("dangling meta character '{'")),
            '{' if self.quantifier_ahead() => return Err(self.error("nothing to repeat")),
            c => Node::Literal(c, self.fold()),
        }))
    }

    fn dot(&self) -> Class {
        if self.flags.dotall {
            return Class::new(Vec::new(), true);
        }
        match self.lines() {
            Lines::Newline => Class::ranges(&[('\n', '\n')], true),
            Lines::Java => Class::ranges(JAVA_TERMINATORS, true),
        }
    }

    /// Whether `{` (already read) starts a quantifier; in Python anything else is a literal.
    fn quantifier_ahead(&self) -> bool {
        let rest = &self.chars[self.pos..];
        let Some(close) = rest.iter().position(|&c| c == '}') else {
            return false;
        };
        let body: String = rest[..close].iter().collect();
        let (min, max) = body.split_once(',').unwrap_or((&body, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        // `{m}`, `{m,}`, `{m,n}` in both; Python also takes `{,n}` and `{,}`
        let python_only = !self.java() && body.contains(',');
        digits(min) && digits(max) && (!min.is_empty() || python_only)
    }

    fn quantified(&mut self, atom: Node, bare_anchor: bool) -> Result<Node, String> {
        self.skip_verbose();
        let single = match self.peek() {
            Some('*') => Some((0, None)),
            Some('+') => Some((1, None)),
            Some('?') => Some((0, Some(1))),
            _ => None,
        };
        let (min, max) = match self.peek() {
            Some('*' | '+' | '?') => {
                self.pos += 1;
                single.unwrap_or((0, None))
            }
            Some('{') => {
                self.pos += 1;
                let ahead = self.quantifier_ahead();
                self.pos -= 1;
                match (ahead, self.java()) {
                    (true, _) => self.bounds()?,
                    (false, true) => return Err(self.error("illegal repetition")),
                    (false, false) => return Ok(atom), // a literal `{` follows
                }
            }
            _ => return Ok(atom),
        };
        if bare_anchor && !self.java() {
            return Err(self.error("nothing to repeat"));
        }
        let greed = if self.eat('?') {
            Greed::Lazy
        } else if self.eat('+') {
            Greed::Possessive
        } else {
            Greed::Greedy
        };
        if matches!(self.peek(), Some('*' | '+' | '?')) {
            return Err(self.error("multiple repeat"));
        }
        if max.is_some_and(|max| max < min) {
            return Err(self.error("min repeat greater than max repeat"));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greed,
        })
    }

    /// `{m}`, `{m,}`, `{m,n}`, Python's `{,n}`; leaves the position after `}`.
    fn bounds(&mut self) -> Result<(u32, Option<u32>), String> {
        self.pos += 1; // `{`
        let number = |p: &mut Self| -> Result<Option<u32>, String> {
            let start = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            if p.pos == start {
                return Ok(None);
            }
            let text: String = p.chars[start..p.pos].iter().collect();
            match text.parse::<u32>() {
                Ok(n) if n <= MAX_REPEAT => Ok(Some(n)),
                _ => Err(p.error(&format!("repetition count over {MAX_REPEAT}"))),
            }
        };
        let min = number(self)?;
        let max = if self.eat(',') { number(self)? } else { min };
        if !self.eat('}') {
            return Err(self.error("unterminated repetition"));
        }
        Ok((min.unwrap_or(0), max))
    }

    fn group(&mut self) -> Result<Option<Node>, String> {
        if !self.eat('?') {
            return self.capture().map(Some);
        }
        let java = self.java();
        if self.eat(':') {
            return self.scoped(None).map(Some);
        }
        if !java && self.eat_str("P<")
            || java
                && self.peek() == Some('<')
                && self.peek_at(1).is_some_and(|c| c.is_ascii_alphabetic())
        {
            if java {
                self.pos += 1;
            }
            let name = self.name('>')?;
            if self.names.iter().any(|(n, _)| *n == name) {
                return Err(self.error(&format!("redefinition of group name {name:?}")));
            }
            self.names.push((name, self.groups + 1));
            return self.capture().map(Some);
        }
        if !java && self.eat_str("P=") {
            let name = self.name(')')?;
            let group = self.named_group(&name)?;
            return Ok(Some(Node::Backref(group, self.fold())));
        }
        if !java && self.eat('#') {
            self.until(')', "missing ), unterminated comment")?;
            return Ok(None);
        }
        for (prefix, behind, negate) in [
            ("=", false, false),
            ("!", false, true),
            ("<=", true, false),
            ("<!", true, true),
        ] {
            if self.eat_str(prefix) {
                let node = self.group_body()?;
                if behind {
                    let (min, max) = node.width();
                    match (self.flavor, max) {
                        (_, None) => return Err(self.error("look-behind requires a bounded width")),
                        (Flavor::Java, Some(_)) => {}
                        (_, Some(max)) if max != min => {
                            return Err(self.error("look-behind requires fixed-width pattern"));
                        }
                        _ => {}
                    }
                }
                return Ok(Some(Node::Look {
                    behind,
                    negate,
                    node: Box::new(node),
                }));
            }
        }
        if self.eat('>') {
            return self
                .group_body()
                .map(|node| Some(Node::Atomic(Box::new(node))));
        }
        self.inline_flags()
    }

    /// `(?flags)` and `(?flags-flags:…)`.
    fn inline_flags(&mut self) -> Result<Option<Node>, String> {
        let start = self.pos - 2;
        let mut flags = self.flags;
        let mut on = true;
        loop {
            let c = self.next()?;
            let flag = match (c, self.flavor) {
                ('i', _) => &mut flags.ignore_case,
                ('m', _) => &mut flags.multiline,
                ('s', _) => &mut flags.dotall,
                ('x', _) => &mut flags.verbose,
                ('a', Flavor::Python | Flavor::Search) => &mut flags.ascii,
                ('u', Flavor::Python | Flavor::Search) => {
                    flags.ascii = false;
                    continue;
                }
                ('d', Flavor::Java) => &mut flags.unix_lines,
                ('u', Flavor::Java) => &mut flags.unicode_case,
                ('-', _) if on => {
                    on = false;
                    continue;
                }
                (')', _) => {
                    if !self.java() && start != 0 {
                        return Err(self.error("global flags not at the start of the expression"));
                    }
                    self.flags = flags;
                    return Ok(None);
                }
                (':', _) => return self.scoped(Some(flags)).map(Some),
                _ => return Err(self.error(&format!("unknown or unsupported flag {c:?}"))),
            };
            *flag = on;
        }
    }

    /// A non-capturing group, with its own flags when given.
    fn scoped(&mut self, flags: Option<Flags>) -> Result<Node, String> {
        let saved = self.flags;
        if let Some(flags) = flags {
            self.flags = flags;
        }
        let node = self.group_body();
        self.flags = saved;
        node
    }

    fn capture(&mut self) -> Result<Node, String> {
        self.groups += 1;
        let index = self.groups;
        self.open.push(index);
        let node = self.group_body();
        self.open.pop();
        Ok(Node::Capture(index, Box::new(node?)))
    }

    /// Runs `parse` one level deeper: a group or a set (Java nests sets) recurses once per level
    /// in parsing and matching, so the stack bounds how deep they may go.
    fn deeper<T>(
        &mut self,
        what: &str,
        parse: impl FnOnce(&mut Self) -> Result<T, String>,
    ) -> Result<T, String> {
        if self.depth == MAX_DEPTH {
            return Err(self.error(&format!("{what} nested deeper than {MAX_DEPTH}")));
        }
        self.depth += 1;
        let result = parse(self);
        self.depth -= 1;
        result
    }

    fn group_body(&mut self) -> Result<Node, String> {
        let node = self.deeper("groups", |parser| {
            let saved = parser.flags;
            let node = parser.alternation();
            parser.flags = saved;
            node
        })?;
        if !self.eat(')') {
            return Err(self.error("missing ), unterminated subpattern"));
        }
        Ok(node)
    }

    /// The text up to `end`, which is consumed; `unclosed` when it never comes.
    fn until(&mut self, end: char, unclosed: &str) -> Result<String, String> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c != end) {
            self.pos += 1;
        }
        let text = self.chars[start..self.pos].iter().collect();
        if !self.eat(end) {
            return Err(self.error(unclosed));
        }
        Ok(text)
    }

    /// Java's `\Q…\E` (the `\Q` read): every char up to `\E` or the end, as written.
    fn quoted(&mut self) -> Vec<char> {
        let mut chars = Vec::new();
        while let Some(c) = self.peek() {
            if self.eat_str("\\E") {
                break;
            }
            chars.push(c);
            self.pos += 1;
        }
        chars
    }

    fn name(&mut self, end: char) -> Result<String, String> {
        let name = self.until(end, "bad group name")?;
        let valid = name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !valid {
            return Err(self.error("bad group name"));
        }
        Ok(name)
    }

    fn named_group(&self, name: &str) -> Result<usize, String> {
        self.names
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, index)| index)
            .ok_or_else(|| self.error(&format!("unknown group name {name:?}")))
    }

    fn backref(&self, group: usize) -> Result<Node, String> {
        if group == 0 || group > self.groups {
            return Err(self.error("invalid group reference"));
        }
        if !self.java() && self.open.contains(&group) {
            return Err(self.error("cannot refer to an open group"));
        }
        Ok(Node::Backref(group, self.fold()))
    }

    fn escape(&mut self) -> Result<Node, String> {
        let c = self.next()?;
        let java = self.java();
        let ascii = java || self.flags.ascii;
        Ok(match c {
            'A' => Node::Assert(Assertion::TextStart),
            'Z' if java => Node::Assert(Assertion::EndOrFinalTerminator(self.lines())),
            // Python's `\Z` is Java's `\z`
            'Z' | 'z' if (c == 'Z') != java => Node::Assert(Assertion::TextEnd),
            'G' if java => Node::Assert(Assertion::TextStart),
            'b' | 'B' => {
                if java && self.peek() == Some('{') {
                    return Err(self.error("unsupported escape \\b{"));
                }
                Node::Assert(Assertion::WordBoundary {
                    ascii,
                    negate: c == 'B',
                    python: !java,
                })
            }
            'Q' if java => {
                let fold = self.fold();
                Node::Concat(
                    self.quoted()
                        .into_iter()
                        .map(|c| Node::Literal(c, fold))
                        .collect(),
                )
            }
            'R' if java => {
                let crlf = Node::Concat(vec![
                    Node::Literal('\r', Fold::None),
                    Node::Literal('\n', Fold::None),
                ]);
                let single = Class::ranges(
                    &[('\n', '\r'), ('\u{85}', '\u{85}'), ('\u{2028}', '\u{2029}')],
                    false,
                );
                Node::Atomic(Box::new(Node::Alternation(vec![
                    crlf,
                    Node::Class(Set::shared(single)),
                ])))
            }
            'k' if java => {
                if !self.eat('<') {
                    return Err(self.error("\\k is not followed by '<' for named capturing group"));
                }
                let name = self.name('>')?;
                Node::Backref(self.named_group(&name)?, self.fold())
            }
            '1'..='9' => return self.numbered(c),
            _ => match self.escaped_item(c, false)? {
                Item::Range(c, _) => Node::Literal(c, self.fold()),
                item => Node::Class(Set::shared(self.folded(vec![item], false))),
            },
        })
    }

    /// `\1`…: a backreference, or in Python an octal escape of three octal digits.
    fn numbered(&mut self, first: char) -> Result<Node, String> {
        let start = self.pos - 1;
        if !self.java() {
            let octal = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
            if octal(Some(first)) && octal(self.peek()) && octal(self.peek_at(1)) {
                self.pos += 2;
                let text: String = self.chars[start..self.pos].iter().collect();
                let value = u32::from_str_radix(&text, 8).unwrap_or(0);
                return char::from_u32(value)
                    .map(|c| Node::Literal(c, self.fold()))
                    .ok_or_else(|| self.error("octal escape value outside of range 0-0o377"));
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            let text: String = self.chars[start..self.pos].iter().collect();
            return self.backref(text.parse().unwrap_or(0));
        }
        // Java: the longest number that names an existing group
        let mut group = first.to_digit(10).unwrap_or(0) as usize;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            let longer = group * 10 + d as usize;
            if longer > self.groups {
                break;
            }
            group = longer;
            self.pos += 1;
        }
        if group > self.groups {
            // Java: a reference to a group that does not exist never matches
            return Ok(Node::Class(Set::shared(Class::new(Vec::new(), false))));
        }
        self.backref(group)
    }

    /// An escape that stands for one char or one set (`\n`, `\x41`, `\d`, `\p{Lu}` …).
    fn escaped_item(&mut self, c: char, in_class: bool) -> Result<Item, String> {
        let java = self.java();
        let ascii = java || self.flags.ascii;
        let one = |c: char| Ok(Item::Range(c, c));
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                let negated = c.is_ascii_uppercase();
                let item = match (c.to_ascii_lowercase(), ascii) {
                    ('d', true) => Item::Nested(Class::ranges(&[('0', '9')], negated)),
                    ('w', true) => Item::Nested(Class::ranges(ASCII_WORD, negated)),
                    ('s', true) if java => {
                        Item::Nested(Class::ranges(&[('\t', '\r'), (' ', ' ')], negated))
                    }
                    ('s', true) => {
                        Item::Nested(Class::ranges(&[('\t', '\r'), ('\x1c', ' ')], negated))
                    }
                    // CPython's Unicode classes (Java's are ASCII)
                    ('d', false) => Item::Named {
                        set: Named::UnicodeDigit,
                        negated,
                        lowercased: true,
                    },
                    ('w', false) => Item::Named {
                        set: Named::UnicodeWord,
                        negated,
                        lowercased: true,
                    },
                    _ => Item::Named {
                        set: Named::UnicodeSpace,
                        negated,
                        lowercased: true,
                    },
                };
                Ok(item)
            }
            'h' | 'H' if java => Ok(Item::Nested(Class::ranges(JAVA_HORIZONTAL, c == 'H'))),
            'v' | 'V' if java => Ok(Item::Nested(Class::ranges(JAVA_VERTICAL, c == 'V'))),
            'p' | 'P' if java => self.property(c == 'P'),
            'n' => one('\n'),
            't' => one('\t'),
            'r' => one('\r'),
            'f' => one('\x0c'),
            'a' => one('\x07'),
            'v' if !java => one('\x0b'),
            'e' if java => one('\x1b'),
            'b' if in_class && !java => one('\x08'),
            'c' if java => {
                let x = self.next()?;
                one(char::from_u32(x as u32 ^ 64).unwrap_or(x))
            }
            '0' => {
                // Python: up to two more octal digits; Java: one to three (\0mnn, m ≤ 3)
                let limit = if java && self.peek().is_some_and(|c| ('0'..='3').contains(&c)) {
                    3
                } else {
                    2
                };
                let mut value = 0;
                let mut read = 0;
                while read < limit && self.peek().is_some_and(|c| ('0'..='7').contains(&c)) {
                    value = value * 8 + self.next()?.to_digit(8).unwrap_or(0);
                    read += 1;
                }
                if java && read == 0 {
                    return Err(self.error("illegal octal escape sequence"));
                }
                one(char::from_u32(value).unwrap_or('\0'))
            }
            'x' => {
                if java && self.eat('{') {
                    let hex = self.until('}', "unclosed hexadecimal escape sequence")?;
                    return self.code_point(&hex).map(|c| Item::Range(c, c));
                }
                self.hex(2).map(|c| Item::Range(c, c))
            }
            'u' => {
                let c = self.hex_unit(4)?;
                // Java reads a surrogate pair written as two \u escapes as one char
                let c = match (java, c) {
                    (true, 0xD800..=0xDBFF)
                        if self.peek() == Some('\\') && self.peek_at(1) == Some('u') =>
                    {
                        let save = self.pos;
                        self.pos += 2;
                        match self.hex_unit(4)? {
                            low @ 0xDC00..=0xDFFF => {
                                0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00)
                            }
                            _ => {
                                self.pos = save;
                                c
                            }
                        }
                    }
                    _ => c,
                };
                char::from_u32(c)
                    .map(|c| Item::Range(c, c))
                    .ok_or_else(|| self.error("a lone surrogate cannot be matched"))
            }
            'U' if !java => self.hex(8).map(|c| Item::Range(c, c)),
            c if c.is_ascii_alphanumeric() => Err(self.error(&format!("bad escape \\{c}"))),
            c => one(c),
        }
    }

    fn hex_unit(&mut self, digits: usize) -> Result<u32, String> {
        let start = self.pos;
        for _ in 0..digits {
            if !self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                return Err(self.error("incomplete escape"));
            }
            self.pos += 1;
        }
        let hex: String = self.chars[start..self.pos].iter().collect();
        Ok(u32::from_str_radix(&hex, 16).unwrap_or(0))
    }

    fn hex(&mut self, digits: usize) -> Result<char, String> {
        let value = self.hex_unit(digits)?;
        char::from_u32(value).ok_or_else(|| self.error("bad escape: not a code point"))
    }

    fn code_point(&self, hex: &str) -> Result<char, String> {
        u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| self.error("hexadecimal codepoint is too big"))
    }

    /// Java's `\p{…}` / `\pL`: POSIX classes (ASCII), general categories, binary properties.
    /// Under `(?i)`, with or without `u`, Java reads the case properties as any cased letter
    /// (`\p{Lower}` and `\p{Upper}` as any ASCII letter) and folds no other property.
    fn property(&mut self, negated: bool) -> Result<Item, String> {
        let name = if self.eat('{') {
            self.until('}', "unclosed character family")?
        } else {
            self.next()?.to_string()
        };
        let case_insensitive = self.flags.ignore_case;
        let posix_name = match name.as_str() {
            "Lower" | "Upper" if case_insensitive => "Alpha",
            name => name,
        };
        if let Some(ranges) = posix(posix_name) {
            return Ok(Item::Nested(Class::ranges(ranges, negated)));
        }
        let bare = name
            .strip_prefix("general_category=")
            .or_else(|| name.strip_prefix("gc="))
            .or_else(|| name.strip_prefix("Is"))
            .unwrap_or(&name);
        let set = match bare {
            "Lu" | "Ll" | "Lt" if case_insensitive => categories(&["Lu", "Ll", "Lt"]),
            "Uppercase" | "javaUpperCase" | "Lowercase" | "javaLowerCase" if case_insensitive => {
                Named::Cased
            }
            "Alphabetic" | "javaAlphabetic" => Named::Alphabetic,
            "Uppercase" | "javaUpperCase" => Named::Uppercase,
            "Lowercase" | "javaLowerCase" => Named::Lowercase,
            "White_Space" | "WhiteSpace" => Named::WhiteSpace,
            "Letter" | "javaLetter" => categories(&["L"]),
            "Digit" | "javaDigit" => categories(&["Nd"]),
            "javaLetterOrDigit" => categories(&["L", "Nd"]),
            "Punctuation" => categories(&["P"]),
            "Control" => categories(&["Cc"]),
            "LC" => categories(&["Lu", "Ll", "Lt"]),
            other => match category_mask(other) {
                Some(mask) => Named::Categories(mask),
                None => {
                    return Err(self.error(&format!(
                        "unknown or unsupported character property {name:?}"
                    )));
                }
            },
        };
        Ok(Item::Named {
            set,
            negated,
            lowercased: false,
        })
    }

    /// After `[`: a set, with Java's nested sets and `&&` intersections.
    fn class(&mut self) -> Result<Class, String> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut intersected = Vec::new();
        let mut first = true;
        loop {
            let c = self
                .peek()
                .ok_or_else(|| self.error("unterminated character set"))?;
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            if self.java() && c == '[' {
                self.pos += 1;
                items.push(Item::Nested(self.deeper("sets", Self::class)?));
                continue;
            }
            if self.java() && self.eat_str("&&") {
                intersected.push(std::mem::take(&mut items));
                continue;
            }
            if self.java() && self.flags.verbose && c.is_whitespace() {
                self.pos += 1;
                continue;
            }
            let item = self.class_item()?;
            let ranged = self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']');
            items.push(match item {
                Item::Range(low, _) if ranged => {
                    self.pos += 1;
                    match self.class_item()? {
                        Item::Range(high, _) if high >= low => Item::Range(low, high),
                        _ => return Err(self.error("bad character range")),
                    }
                }
                item => item,
            });
        }
        // Java's `a&&b&&c`: the first operand, and each later one as a condition
        intersected.push(items);
        let mut operands = intersected.into_iter();
        let mut class = self.folded(operands.next().unwrap_or_default(), negated);
        class.and = operands.map(|items| self.folded(items, false)).collect();
        Ok(class)
    }

    fn class_item(&mut self) -> Result<Item, String> {
        let c = self.next()?;
        if c != '\\' {
            return Ok(Item::Range(c, c));
        }
        let e = self.next()?;
        if self.java() && e == 'Q' {
            // `\Q…\E` inside a set: each char is a member
            let items = self
                .quoted()
                .into_iter()
                .map(|c| Item::Range(c, c))
                .collect();
            return Ok(Item::Nested(self.folded(items, false)));
        }
        if e.is_ascii_digit() && e != '0' && !self.java() {
            // Python: one to three octal digits in a set (`[\1]` is chr(1)); \8 and \9 are errors
            if e > '7' {
                return Err(self.error(&format!("bad escape \\{e}")));
            }
            let mut value = e.to_digit(8).unwrap_or(0);
            for _ in 0..2 {
                match self.peek().and_then(|c| c.to_digit(8)) {
                    Some(d) => {
                        value = value * 8 + d;
                        self.pos += 1;
                    }
                    None => break,
                }
            }
            return char::from_u32(value)
                .filter(|_| value <= 0o377)
                .map(|c| Item::Range(c, c))
                .ok_or_else(|| self.error("octal escape value outside of range 0-0o377"));
        }
        self.escaped_item(e, true)
    }
}

const ASCII_WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
const JAVA_TERMINATORS: &[(char, char)] = &[
    ('\n', '\n'),
    ('\r', '\r'),
    ('\u{85}', '\u{85}'),
    ('\u{2028}', '\u{2029}'),
];
const JAVA_HORIZONTAL: &[(char, char)] = &[
    ('\t', '\t'),
    (' ', ' '),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{180e}', '\u{180e}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];
const JAVA_VERTICAL: &[(char, char)] =
    &[('\n', '\r'), ('\u{85}', '\u{85}'), ('\u{2028}', '\u{2029}')];

/// The union of general categories named (`L`, `Nd`, …).
fn categories(names: &[&str]) -> Named {
    Named::Categories(
        names
            .iter()
            .filter_map(|name| category_mask(name))
            .fold(0, |all, mask| all | mask),
    )
}

/// Java's POSIX classes (`\p{Lower}` …), ASCII-only.
fn posix(name: &str) -> Option<&'static [(char, char)]> {
    Some(match name {
        "Lower" => &[('a', 'z')],
        "Upper" => &[('A', 'Z')],
        "ASCII" => &[('\0', '\x7f')],
        "Alpha" => &[('A', 'Z'), ('a', 'z')],
        "Digit" => &[('0', '9')],
        "Alnum" => &[('0', '9'), ('A', 'Z'), ('a', 'z')],
        "Punct" => &[('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "Graph" => &[('!', '~')],
        "Print" => &[(' ', '~')],
        "Blank" => &[(' ', ' '), ('\t', '\t')],
        "Cntrl" => &[('\0', '\x1f'), ('\x7f', '\x7f')],
        "XDigit" => &[('0', '9'), ('A', 'F'), ('a', 'f')],
        "Space" => &[('\t', '\r'), (' ', ' ')],
        _ => return None,
    })
}
