//! The tokenizer: Python source to tokens, as CPython's `tokenizer.c` splits it.
//!
//! Indentation becomes `Indent`/`Dedent` tokens (a tab advances to the next multiple of 8, and
//! indentation that only agrees under one tab size is a `TabError`), line ends become `Newline`
//! except inside brackets or after a `\`, blank and comment-only lines vanish. String literals
//! are decoded here, except f-strings, whose source the parser splits into literal text and
//! replacement fields. Errors carry CPython's messages and caret positions ("unterminated string
//! literal (detected at line 3)", "invalid decimal literal", "unmatched ')'"...).

use crate::ast::Pos;
use crate::parser::SyntaxError;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// An identifier (soft keywords such as `match` and `case` included).
    Name(String),
    /// A keyword: `if`, `None`, `async`, `await`...
    Kw(&'static str),
    /// An operator or a delimiter (`+`, `**=`, `(`, `->`...), or what CPython tokenizes only to
    /// reject it (`<>`, and the characters `$`, `?`, `!`, `` ` ``), left for the parser.
    Op(&'static str),
    /// An integer literal in decimal digits, without leading zeros.
    Int(String),
    Float(f64),
    /// A string literal, escapes decoded.
    Str(String),
    Bytes(Vec<u8>),
    /// An f-string: its source between the quotes (escapes not decoded), whether it is raw,
    /// and where that source starts.
    FStr {
        body: String,
        raw: bool,
        start: Pos,
    },
    Newline,
    Indent,
    Dedent,
    /// The end of the input, or the point where a tokenizer error stopped the tokenizer.
    End,
}

/// A token and where it starts and ends (the end is the position just after it).
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
    pub end: Pos,
}

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Operators and delimiters, longest first so that the first match is the longest.
const OPS: [&str; 52] = [
    "**=", "//=", ">>=", "<<=", "...", "!=", "<>", "%=", "&=", "**", "*=", "+=", "-=", "->", "//",
    "/=", ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "+", "-", "*", "/", "%", "@", "&",
    "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "!", "$", "?",
    "`",
];

/// CPython's limits: brackets open at once, and indentation levels.
const MAX_PARENS: usize = 200;
const MAX_INDENT: usize = 100;

/// Splits a module's source into tokens. The tokens always end with `End`; if the tokenizer
/// met an error, they are the tokens before it and the error comes with them (the parser reports
/// it unless it finds an earlier error that CPython would report instead).
pub fn tokenize(source: &str) -> (Vec<Token>, Option<SyntaxError>) {
    // One line end (`\r\n` and `\r` are `\n`), as CPython reads them.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut src: Vec<char> = Vec::with_capacity(source.len() + 1);
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            src.push('\n');
        } else {
            src.push(c);
        }
    }
    // A last line always ends.
    if src.last() != Some(&'\n') {
        src.push('\n');
    }
    run(src, Pos { line: 1, col: 0 }, false)
}

/// Tokenizes the expression of an f-string's replacement field, which starts at `start`: as
/// inside brackets, line ends are not tokens.
pub(crate) fn tokenize_nested(source: &str, start: Pos) -> (Vec<Token>, Option<SyntaxError>) {
    run(source.chars().collect(), start, true)
}

fn run(src: Vec<char>, start: Pos, nested: bool) -> (Vec<Token>, Option<SyntaxError>) {
    let mut lx = Lexer {
        s: src,
        i: 0,
        line: start.line,
        col: start.col,
        toks: Vec::new(),
        indents: Vec::new(),
        parens: Vec::new(),
        nested,
    };
    let err = if lx.s.contains(&'\0') {
        Some(SyntaxError::new(
            "source code cannot contain null bytes",
            start,
        ))
    } else {
        lx.tokens().err()
    };
    let p = lx.toks.last().map_or(start, |t| t.end);
    let end = if err.is_some() {
        p
    } else {
        lx.pos_before_end()
    };
    lx.toks.push(Token {
        tok: Tok::End,
        pos: end,
        end,
    });
    (lx.toks, err)
}

struct Lexer {
    s: Vec<char>,
    i: usize,
    line: u32,
    col: u32,
    toks: Vec<Token>,
    /// The indentation of each open block: its column, and its column with tabs counted as 1.
    indents: Vec<(u32, u32)>,
    /// The open brackets and where they are.
    parens: Vec<(char, Pos)>,
    nested: bool,
}

type Res<T> = Result<T, SyntaxError>;

impl Lexer {
    fn peek(&self, k: usize) -> char {
        self.s.get(self.i + k).copied().unwrap_or('\0')
    }

    fn at_end(&self) -> bool {
        self.i >= self.s.len()
    }

    fn bump(&mut self) -> char {
        let c = self.peek(0);
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += 1;
        }
        c
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    /// The position of the last line end (where CPython puts the end of the input).
    fn pos_before_end(&self) -> Pos {
        if self.nested {
            return self.pos();
        }
        let len = self.s.len();
        let start = self.s[..len.saturating_sub(1)]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |k| k + 1);
        Pos {
            line: self.line.saturating_sub(1).max(1),
            col: (len - 1 - start) as u32,
        }
    }

    /// The column just after the position `k` characters back (for the columns CPython gives
    /// errors inside numbers).
    fn back(&self, k: u32) -> Pos {
        Pos {
            line: self.line,
            col: self.col.saturating_sub(k),
        }
    }

    fn push(&mut self, tok: Tok, pos: Pos) {
        let end = self.pos();
        self.toks.push(Token { tok, pos, end });
    }

    fn tokens(&mut self) -> Res<()> {
        let mut line_start = !self.nested;
        // Where a comment started: the position CPython gives the NEWLINE after it.
        let mut comment = None;
        loop {
            if line_start && self.parens.is_empty() {
                line_start = false;
                if !self.indentation()? {
                    line_start = true;
                    continue;
                }
            }
            while matches!(self.peek(0), ' ' | '\t' | '\x0c') {
                self.bump();
            }
            if self.at_end() {
                break;
            }
            let start = self.pos();
            let c = self.peek(0);
            match c {
                '#' => {
                    comment = Some(start);
                    while !self.at_end() && self.peek(0) != '\n' {
                        self.bump();
                    }
                }
                '\n' => {
                    self.bump();
                    if self.parens.is_empty() && !self.nested {
                        let p = comment.unwrap_or(start);
                        if matches!(self.toks.last(), Some(t) if t.tok != Tok::Newline) {
                            self.toks.push(Token {
                                tok: Tok::Newline,
                                pos: p,
                                end: self.pos(),
                            });
                        }
                        line_start = true;
                    }
                    comment = None;
                }
                '\\' => {
                    self.bump();
                    let after = self.pos();
                    if self.peek(0) != '\n' {
                        return Err(self.error(
                            "unexpected character after line continuation character",
                            after,
                        ));
                    }
                    self.bump();
                    if self.at_end() {
                        return Err(self.error("unexpected EOF while parsing", after));
                    }
                }
                '0'..='9' => self.number(start)?,
                '.' if self.peek(1).is_ascii_digit() => self.number(start)?,
                '"' | '\'' => self.string(start, "")?,
                c if c == '_' || c.is_alphabetic() => {
                    let mut name = String::new();
                    while self.peek(0) == '_' || self.peek(0).is_alphanumeric() {
                        name.push(self.bump());
                    }
                    let prefix = name.to_ascii_lowercase();
                    if matches!(self.peek(0), '"' | '\'')
                        && matches!(
                            prefix.as_str(),
                            "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
                        )
                    {
                        self.string(start, &prefix)?;
                    } else if let Some(kw) = KEYWORDS.iter().find(|k| **k == name) {
                        self.push(Tok::Kw(kw), start);
                    } else {
                        self.push(Tok::Name(name), start);
                    }
                }
                _ => self.operator(start)?,
            }
        }
        if let Some(&(c, p)) = self.parens.last() {
            return Err(self.error(format!("'{c}' was never closed"), p));
        }
        if !self.nested {
            let p = self.pos_before_end();
            for _ in 0..self.indents.len() {
                self.toks.push(Token {
                    tok: Tok::Dedent,
                    pos: p,
                    end: p,
                });
            }
        }
        Ok(())
    }

    fn error(&self, msg: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError::new(msg, pos)
    }

    /// Reads the indentation of the line that starts here and emits `Indent` or `Dedent`s.
    /// Returns false for a blank or comment-only line, which it skips.
    fn indentation(&mut self) -> Res<bool> {
        let (mut col, mut alt) = (0u32, 0u32);
        // As in CPython 3.11, a line continuation inside the indentation: the column where the
        // first `\` is decides (unless it is 0).
        let mut cont = 0;
        loop {
            match self.peek(0) {
                ' ' => (col, alt) = (col + 1, alt + 1),
                '\t' => (col, alt) = ((col / 8 + 1) * 8, alt + 1),
                '\x0c' => (col, alt) = (0, 0),
                '\\' => {
                    cont = if cont == 0 { col } else { cont };
                    self.bump();
                    let after = self.pos();
                    if self.peek(0) != '\n' {
                        let msg = "unexpected character after line continuation character";
                        return Err(self.error(msg, after));
                    }
                    self.bump();
                    if self.at_end() {
                        return Err(self.error("unexpected EOF while parsing", after));
                    }
                    continue;
                }
                _ => break,
            }
            self.bump();
        }
        if self.at_end() {
            return Ok(true);
        }
        if matches!(self.peek(0), '#' | '\n') {
            while !self.at_end() && self.bump() != '\n' {}
            return Ok(false);
        }
        if cont != 0 {
            (col, alt) = (cont, cont);
        }
        let here = self.pos();
        let tab_error = SyntaxError::new(
            "inconsistent use of tabs and spaces in indentation",
            Pos {
                line: here.line,
                col: 0,
            },
        );
        // CPython puts the caret of an error at an INDENT or DEDENT just before the statement.
        let caret = Pos {
            line: here.line,
            col: here.col.saturating_sub(1),
        };
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if col > top {
            if alt <= top_alt {
                return Err(tab_error);
            }
            if self.indents.len() + 1 >= MAX_INDENT {
                return Err(self.error("too many levels of indentation", here));
            }
            self.indents.push((col, alt));
            self.push(Tok::Indent, caret);
            return Ok(true);
        }
        let keep = self.indents.iter().take_while(|x| x.0 <= col).count();
        let (top, top_alt) = self.indents[..keep].last().copied().unwrap_or((0, 0));
        if col != top {
            let len = self.s[self.i..]
                .iter()
                .position(|&c| c == '\n')
                .unwrap_or(0) as u32;
            let msg = "unindent does not match any outer indentation level";
            return Err(self.error(
                msg,
                Pos {
                    line: here.line,
                    col: here.col + len,
                },
            ));
        }
        if alt != top_alt {
            return Err(tab_error);
        }
        for _ in keep..self.indents.len() {
            self.push(Tok::Dedent, caret);
        }
        self.indents.truncate(keep);
        Ok(true)
    }

    fn operator(&mut self, start: Pos) -> Res<()> {
        let Some(op) = OPS
            .iter()
            .find(|op| op.chars().enumerate().all(|(k, c)| self.peek(k) == c))
        else {
            let c = self.peek(0);
            let msg = if c.is_control()
                || c.is_whitespace()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
            {
                format!("invalid non-printable character U+{:04X}", c as u32)
            } else {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            };
            return Err(self.error(msg, start));
        };
        for _ in 0..op.len() {
            self.bump();
        }
        match *op {
            "(" | "[" | "{" => {
                if self.parens.len() >= MAX_PARENS {
                    return Err(self.error("too many nested parentheses", start));
                }
                self.parens.push((op.chars().next().unwrap_or('('), start));
            }
            ")" | "]" | "}" => {
                let close = op.chars().next().unwrap_or(')');
                let Some((open, p)) = self.parens.pop() else {
                    return Err(self.error(format!("unmatched '{close}'"), start));
                };
                if !matches!((open, close), ('(', ')') | ('[', ']') | ('{', '}')) {
                    let on = if p.line == start.line {
                        String::new()
                    } else {
                        format!(" on line {}", p.line)
                    };
                    let msg = format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'{on}");
                    return Err(self.error(msg, start));
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start);
        Ok(())
    }

    /// Decimal digits with single `_` between them; an error at a misplaced `_`.
    fn digits(&mut self, out: &mut String) -> Res<()> {
        while self.peek(0).is_ascii_digit() {
            out.push(self.bump());
            if self.peek(0) == '_' {
                self.bump();
                if !self.peek(0).is_ascii_digit() {
                    return Err(self.error("invalid decimal literal", self.back(1)));
                }
            }
        }
        Ok(())
    }

    /// A number may not run into a name (`1abc`), though 3.11 still allows a keyword (`1if`).
    fn end_of_number(&self, kind: &str) -> Res<()> {
        let c = self.peek(0);
        // (CPython 3.11 lets a non-ASCII character follow: it is a name of its own.)
        if c == '_' || c.is_ascii_alphanumeric() {
            // As CPython checks: `if`, `in` and `is` by their two letters, the others whole.
            let rest = |kw: &&str| {
                let after = self.peek(kw.len());
                kw.chars().enumerate().all(|(k, c)| self.peek(k) == c)
                    && (kw.len() == 2 && kw.starts_with('i')
                        || after != '_' && !after.is_ascii_alphanumeric())
            };
            if !["and", "else", "for", "if", "in", "is", "not", "or"]
                .iter()
                .any(rest)
            {
                return Err(self.error(format!("invalid {kind} literal"), self.back(1)));
            }
        }
        Ok(())
    }

    fn number(&mut self, start: Pos) -> Res<()> {
        let radix = match (self.peek(0), self.peek(1).to_ascii_lowercase()) {
            ('0', 'x') => 16,
            ('0', 'o') => 8,
            ('0', 'b') => 2,
            _ => 10,
        };
        if radix != 10 {
            let kind = ["binary", "octal", "hexadecimal"][(radix / 8) as usize];
            self.bump();
            self.bump();
            let mut digits = String::new();
            loop {
                let c = self.peek(0);
                if c == '_' {
                    self.bump();
                    if !self.peek(0).is_digit(radix) {
                        return Err(self.error(format!("invalid {kind} literal"), self.back(1)));
                    }
                } else if c.is_digit(radix) {
                    digits.push(self.bump());
                } else if c.is_ascii_digit() {
                    return Err(
                        self.error(format!("invalid digit '{c}' in {kind} literal"), self.pos())
                    );
                } else {
                    break;
                }
            }
            if digits.is_empty() {
                return Err(self.error(format!("invalid {kind} literal"), self.back(1)));
            }
            self.end_of_number(kind)?;
            self.push(Tok::Int(to_decimal(&digits, radix)), start);
            return Ok(());
        }
        let mut text = String::new();
        self.digits(&mut text)?;
        let mut float = false;
        if self.peek(0) == '.' {
            float = true;
            text.push(self.bump());
            self.digits(&mut text)?;
        }
        if matches!(self.peek(0), 'e' | 'E') {
            let sign = usize::from(matches!(self.peek(1), '+' | '-'));
            if self.peek(1 + sign).is_ascii_digit() {
                float = true;
                for _ in 0..=sign {
                    text.push(self.bump());
                }
                self.digits(&mut text)?;
            }
        }
        if matches!(self.peek(0), 'j' | 'J') {
            return Err(self.error("complex numbers are not supported", start));
        }
        self.end_of_number("decimal")?;
        let tok = if float {
            Tok::Float(text.parse().unwrap_or(f64::INFINITY))
        } else {
            let digits = text.trim_start_matches('0');
            if digits.len() < text.len() && !digits.is_empty() {
                let msg = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
                return Err(self.error(msg, start));
            }
            Tok::Int(if digits.is_empty() {
                "0".into()
            } else {
                digits.into()
            })
        };
        self.push(tok, start);
        Ok(())
    }

    /// A string literal whose prefix (lowercased, possibly empty) has been read.
    fn string(&mut self, start: Pos, prefix: &str) -> Res<()> {
        let q = self.bump();
        let triple = self.peek(0) == q && self.peek(1) == q;
        if triple {
            self.bump();
            self.bump();
        }
        let body_start = (self.i, self.pos());
        loop {
            let c = self.peek(0);
            if self.at_end() || (c == '\n' && !triple) {
                let (what, line) = if triple {
                    ("triple-quoted string", self.line - 1)
                } else {
                    ("string", self.line)
                };
                let msg = format!("unterminated {what} literal (detected at line {line})");
                return Err(self.error(msg, start));
            }
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                break;
            }
            self.bump();
            if c == '\\' && !self.at_end() {
                self.bump();
            }
        }
        let body = self.s[body_start.0..self.i].to_vec();
        for _ in 0..if triple { 3 } else { 1 } {
            self.bump();
        }
        let raw = prefix.contains('r');
        let tok = if prefix.contains('f') {
            Tok::FStr {
                body: body.iter().collect(),
                raw,
                start: body_start.1,
            }
        } else {
            let bytes = prefix.contains('b');
            if bytes && body.iter().any(|c| !c.is_ascii()) {
                return Err(self.error("bytes can only contain ASCII literal characters", start));
            }
            let codes = if raw {
                Ok(body.iter().map(|&c| c as u32).collect())
            } else {
                unescape(&body, bytes)
            };
            let codes = codes.map_err(|msg| self.error(msg, self.pos()))?;
            if bytes {
                Tok::Bytes(codes.into_iter().map(|c| c as u8).collect())
            } else {
                Tok::Str(
                    codes
                        .into_iter()
                        .map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
                        .collect(),
                )
            }
        };
        self.push(tok, start);
        Ok(())
    }
}

/// Decodes the escapes of a string literal's source: `\n`, `\x41`, `\u20ac`, `\101`, a
/// line continuation... (in a bytes literal, `\u`, `\U` and `\N` are not escapes). Unknown
/// escapes stay as written, as in CPython. Returns code points (bytes for a bytes literal),
/// or CPython's message for a bad escape.
pub(crate) fn unescape(s: &[char], bytes: bool) -> Result<Vec<u32>, String> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c != '\\' || i == s.len() {
            out.push(c as u32);
            continue;
        }
        let e = s[i];
        i += 1;
        let simple = match e {
            '\n' => continue,
            '\\' | '\'' | '"' => e,
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            _ => '\0',
        };
        if simple != '\0' {
            out.push(simple as u32);
            continue;
        }
        match e {
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match s.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => v = v * 8 + d,
                        None => break,
                    }
                    i += 1;
                }
                out.push(if bytes { v & 0xff } else { v });
            }
            'x' | 'u' | 'U' if e == 'x' || !bytes => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let start = i - 2;
                let mut v = 0u32;
                for _ in 0..n {
                    match s.get(i).and_then(|c| c.to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None if bytes => {
                            return Err(format!(
                                "(value error) invalid \\x escape at position {start}"
                            ))
                        }
                        None => {
                            let x = "X".repeat(n);
                            return Err(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: truncated \\{e}{x} escape", i - 1));
                        }
                    }
                    i += 1;
                }
                if v > 0x10ffff {
                    return Err(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: illegal Unicode character", i - 1));
                }
                out.push(v);
            }
            'N' if !bytes => {
                return Err("(unicode error) \\N{...} escapes are not supported".into())
            }
            _ => out.extend(['\\' as u32, e as u32]),
        }
    }
    Ok(out)
}

/// Converts digits in base `radix` to decimal digits, whatever their number.
fn to_decimal(digits: &str, radix: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    // Little-endian limbs of 9 decimal digits.
    let mut limbs: Vec<u64> = vec![0];
    for d in digits.chars().filter_map(|c| c.to_digit(radix)) {
        let mut carry = u64::from(d);
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = limbs.last().copied().unwrap_or(0).to_string();
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
}
