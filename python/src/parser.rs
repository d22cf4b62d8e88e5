//! The parser: tokens to the syntax tree, by recursive descent (precedence climbing for the
//! operators), with CPython 3.11's messages and positions for the common mistakes.
//!
//! Which error is reported follows CPython: when the parser fails, CPython tokenizes the rest of
//! the file, and most tokenizer errors found there (an unterminated string, an invalid
//! character...) win over the parser's; an unclosed bracket wins only if the parser failed on a
//! later line or ran into the end. Errors that CPython raises only when compiling
//! (`'return' outside function`, `'break' outside loop`, a repeated keyword argument...) are kept
//! aside and reported only if the whole file parses. Errors about `await`, `async for` and
//! `async with` outside an async function are left to the compiler.
//!
//! Not supported, with a clear message: complex literals (`1j`), `\N{...}` escapes, and the
//! `match` statement. Nesting deeper than `MAX_DEPTH` (brackets, operators, blocks) is a
//! `SyntaxError` rather than a stack overflow.
//!
//! An f-string becomes `ExprKind::FString`: literal parts, and for each replacement field its
//! parsed expression, `text` (the field's source as written between the `{` and the `!`, `:` or
//! `}`; for `f"{x = }"` that is `"x = "`, the `=` and the spaces around it included, which is
//! what CPython prints before the value), the conversion, the format spec's parts, and `debug`.
//! As in CPython's tree, a `=` field without conversion or format spec gets the conversion `r`.

use std::cell::Cell;
use std::fmt;
use std::mem;

use crate::ast::*;
use crate::lexer::{self, Tok, Token};

/// A syntax error: CPython's message, and where its caret goes (line 1-based, column 0-based
/// in characters: CPython's `offset` minus one).
///
/// Its class (`SyntaxError`, `IndentationError` or `TabError`) follows from the message: see
/// [`SyntaxError::kind`].
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub msg: String,
    pub pos: Pos,
}

impl SyntaxError {
    /// An error with this message at this position.
    pub fn new(msg: impl Into<String>, pos: Pos) -> Self {
        SyntaxError {
            msg: msg.into(),
            pos,
        }
    }

    /// The exception class CPython raises for this error: `"IndentationError"` for
    /// `unexpected indent`, `expected an indented block after ...` and
    /// `unindent does not match any outer indentation level`, `"TabError"` for inconsistent
    /// tabs and spaces, `"SyntaxError"` otherwise.
    pub fn kind(&self) -> &'static str {
        let m = self.msg.as_str();
        if m.starts_with("inconsistent use of tabs") {
            "TabError"
        } else if m.starts_with("expected an indented block")
            || m.starts_with("unindent does not match")
            || m == "unexpected indent"
            || m == "unexpected unindent"
            || m == "too many levels of indentation"
        {
            "IndentationError"
        } else {
            "SyntaxError"
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {})", self.kind(), self.msg, self.pos.line)
    }
}

/// Parses a module's source (the whole program).
pub fn parse(source: &str) -> Result<Module, SyntaxError> {
    let (toks, lex_err) = lexer::tokenize(source);
    let mut p = Parser {
        toks,
        i: 0,
        lex_err,
        hit_end: false,
        far: Cell::new(0),
        level: 0,
        depth: 0,
        func: false,
        class: false,
        in_loop: false,
        deferred: None,
    };
    let body = p.module().map_err(|e| p.resolve(e))?;
    match p.lex_err.take().or(p.deferred.take()) {
        Some(e) => Err(e),
        None => Ok(Module { body }),
    }
}

/// How deeply the parser may recurse (brackets, operators, blocks...): past it the source is
/// rejected, so that neither the parser nor what walks the tree can run out of stack.
const MAX_DEPTH: u32 = 150;

/// The precedence of `|`: `binary(BITWISE_OR)` reads what CPython calls a `bitwise_or`.
const BITWISE_OR: u8 = 5;

type R<T> = Result<T, SyntaxError>;

struct Parser {
    toks: Vec<Token>,
    i: usize,
    /// The tokenizer's error, met where the tokens end.
    lex_err: Option<SyntaxError>,
    /// The parser looked at the last token (so it ran into an unclosed bracket).
    hit_end: bool,
    /// The furthest token looked at.
    far: Cell<usize>,
    /// Brackets open around the current token.
    level: u32,
    depth: u32,
    /// Inside a function (or lambda) body; inside a class body; inside a loop body.
    func: bool,
    class: bool,
    in_loop: bool,
    /// The first error CPython would only report when compiling.
    deferred: Option<SyntaxError>,
}

fn binop(tok: &Tok) -> Option<(BinOp, u8)> {
    let Tok::Op(o) = tok else { return None };
    Some(match *o {
        "|" => (BinOp::BitOr, 5),
        "^" => (BinOp::BitXor, 6),
        "&" => (BinOp::BitAnd, 7),
        "<<" => (BinOp::LShift, 8),
        ">>" => (BinOp::RShift, 8),
        "+" => (BinOp::Add, 9),
        "-" => (BinOp::Sub, 9),
        "*" => (BinOp::Mult, 10),
        "/" => (BinOp::Div, 10),
        "//" => (BinOp::FloorDiv, 10),
        "%" => (BinOp::Mod, 10),
        "@" => (BinOp::MatMult, 10),
        _ => return None,
    })
}

/// The operator of an augmented assignment (`+=` is `Add`).
fn augop(tok: &Tok) -> Option<BinOp> {
    let Tok::Op(o) = tok else { return None };
    if *o == "**=" {
        return Some(BinOp::Pow);
    }
    binop(&Tok::Op((*o).strip_suffix('=')?)).map(|(op, _)| op)
}

/// What CPython calls an expression in "cannot assign to ...".
fn describe(e: &Expr) -> &'static str {
    use ExprKind::*;
    match &e.kind {
        Name(_) => "name",
        Attribute { .. } => "attribute",
        Subscript { .. } => "subscript",
        Starred(_) => "starred",
        List(_) => "list",
        Tuple(_) => "tuple",
        Lambda { .. } => "lambda",
        Call { .. } => "function call",
        BoolOp { .. } | BinOp { .. } | UnaryOp { .. } => "expression",
        Comprehension { kind, .. } => match kind {
            ComprehensionKind::Generator => "generator expression",
            ComprehensionKind::List => "list comprehension",
            ComprehensionKind::Set => "set comprehension",
            ComprehensionKind::Dict => "dict comprehension",
        },
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        FString(_) => "f-string expression",
        Constant(c) => match c {
            crate::ast::Constant::None => "None",
            crate::ast::Constant::True => "True",
            crate::ast::Constant::False => "False",
            crate::ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Compare { .. } => "comparison",
        IfExp { .. } => "conditional expression",
        NamedExpr { .. } => "named expression",
        Slice { .. } => "slice",
    }
}

/// The part of an assignment target that cannot be assigned to (or deleted), if any.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().find_map(|x| invalid_target(x, del)),
        ExprKind::Starred(x) if !del => invalid_target(x, del),
        _ => Some(e),
    }
}

/// `e` is what CPython calls a `bitwise_or`: not a `not`, `and`, `or`, comparison, conditional,
/// lambda, `:=` or yield.
fn bitwise_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Parser {
    // ----- tokens -----

    fn tok(&self) -> &Tok {
        &self.toks[self.i].tok
    }

    fn peek(&self, k: usize) -> &Tok {
        let j = (self.i + k).min(self.toks.len() - 1);
        self.far.set(self.far.get().max(j));
        &self.toks[j].tok
    }

    fn pos(&self) -> Pos {
        self.toks[self.i].pos
    }

    /// Moves past the current token (never past `End`) and returns where it was.
    fn bump(&mut self) -> Pos {
        let pos = self.pos();
        if self.i + 1 < self.toks.len() {
            self.i += 1;
        }
        self.far.set(self.far.get().max(self.i));
        pos
    }

    fn at(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Kw(k) if *k == kw)
    }

    fn eat(&mut self, op: &str) -> bool {
        let found = self.at(op);
        if found {
            self.bump();
        }
        found
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let found = self.at_kw(kw);
        if found {
            self.bump();
        }
        found
    }

    fn expect(&mut self, op: &str) -> R<Pos> {
        if self.at(op) {
            Ok(self.bump())
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_newline(&mut self) -> R<()> {
        if *self.tok() != Tok::Newline {
            return Err(self.unexpected());
        }
        self.bump();
        Ok(())
    }

    fn name(&mut self) -> R<String> {
        match self.tok() {
            Tok::Name(n) => {
                let n = n.clone();
                self.bump();
                Ok(n)
            }
            _ => Err(self.unexpected()),
        }
    }

    /// The current token's name, if it is a name followed by `op`.
    fn name_before(&self, op: &str) -> Option<String> {
        match self.tok() {
            Tok::Name(n) if matches!(self.peek(1), Tok::Op(o) if *o == op) => Some(n.clone()),
            _ => None,
        }
    }

    /// The error for a token that cannot come here.
    fn unexpected(&self) -> SyntaxError {
        match self.tok() {
            Tok::Indent => SyntaxError::new("unexpected indent", self.pos()),
            Tok::Dedent => SyntaxError::new("unexpected unindent", self.pos()),
            // CPython points at the furthest token it looked at.
            _ => SyntaxError::new(
                "invalid syntax",
                self.toks[self.far.get().clamp(self.i, self.toks.len() - 1)].pos,
            ),
        }
    }

    /// Which error CPython reports when the parser failed with `e`. The tokenizer's error wins if
    /// the parser reached it; else, if it is one CPython's tokenizer raises at once (not an
    /// indentation error, a line continuation, or what CPython finds only when it decodes a
    /// literal), unless `e` is an unexpected indent; an unclosed bracket, if the parser looked at
    /// a later line than the bracket's.
    fn resolve(&self, e: SyntaxError) -> SyntaxError {
        let Some(l) = &self.lex_err else { return e };
        let far = &self.toks[self.far.get().clamp(self.i, self.toks.len() - 1)];
        let at_end = self.hit_end || far.tok == Tok::End;
        let m = l.msg.as_str();
        // CPython's tokenizer raises these only when the parser reaches them.
        let weak = [
            "unindent",
            "inconsistent",
            "too many levels",
            "unexpected",
            "bytes can",
            "(",
            "complex",
        ]
        .iter()
        .any(|w| m.starts_with(w));
        let wins = if m.ends_with("was never closed") {
            far.pos.line > l.pos.line
        } else {
            !weak && e.msg != "unexpected indent"
        };
        if at_end || wins {
            l.clone()
        } else {
            e
        }
    }

    /// Keeps an error that CPython would raise only when compiling.
    fn defer(&mut self, msg: impl Into<String>, pos: Pos) {
        if self.deferred.is_none() {
            self.deferred = Some(SyntaxError::new(msg, pos));
        }
    }

    /// One level deeper (a bracket, an operand, a block...): the caller goes one back up.
    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError::new("too many nested parentheses", self.pos()));
        }
        Ok(())
    }

    /// The current token can start an expression.
    fn starts_expr(&self) -> bool {
        match self.tok() {
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::Bytes(_)
            | Tok::FStr { .. } => true,
            Tok::Kw(k) => matches!(*k, "None" | "True" | "False" | "not" | "lambda" | "await"),
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..." | "*"),
            _ => false,
        }
    }

    /// The token after the current one can start an operand of `|` (what CPython calls a
    /// `bitwise_or`).
    fn operand_after(&self) -> bool {
        match &self.toks[(self.i + 1).min(self.toks.len() - 1)].tok {
            Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::Bytes(_)
            | Tok::FStr { .. } => true,
            Tok::Kw(k) => matches!(*k, "None" | "True" | "False" | "await"),
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }

    fn at_stmt_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::End) || self.at(";")
    }

    // ----- statements -----

    fn module(&mut self) -> R<Vec<Stmt>> {
        let mut body = Vec::new();
        while *self.tok() != Tok::End {
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    /// One statement, or the simple statements of one line, appended to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Kw("if") => self.if_stmt()?,
            Tok::Kw("while") => self.while_stmt()?,
            Tok::Kw("for") => self.for_stmt(false, pos)?,
            Tok::Kw("try") => self.try_stmt()?,
            Tok::Kw("with") => self.with_stmt(false, pos)?,
            Tok::Kw("def") => self.funcdef(Vec::new(), false, pos)?,
            Tok::Kw("class") => self.classdef(Vec::new())?,
            Tok::Kw("async") => {
                self.bump();
                match self.tok() {
                    Tok::Kw("def") => self.funcdef(Vec::new(), true, pos)?,
                    Tok::Kw("for") => self.for_stmt(true, pos)?,
                    Tok::Kw("with") => self.with_stmt(true, pos)?,
                    _ => return Err(self.unexpected()),
                }
            }
            Tok::Op("@") => {
                let mut decorators = Vec::new();
                while self.eat("@") {
                    decorators.push(self.named_expr()?);
                    self.expect_newline()?;
                }
                let pos = self.pos();
                let kind = match self.tok() {
                    Tok::Kw("def") => self.funcdef(decorators, false, pos)?,
                    Tok::Kw("class") => self.classdef(decorators)?,
                    Tok::Kw("async") if *self.peek(1) == Tok::Kw("def") => {
                        self.bump();
                        self.funcdef(decorators, true, pos)?
                    }
                    _ => return Err(self.unexpected()),
                };
                out.push(Stmt { pos, kind });
                return Ok(());
            }
            _ => {
                let start = self.i;
                return self
                    .simple_stmts(out)
                    .map_err(|e| self.match_stmt(start).unwrap_or(e));
            }
        };
        out.push(Stmt { pos, kind });
        Ok(())
    }

    /// The error for a `match` statement, which this interpreter does not have, if the failed
    /// line starting at token `start` looks like one (`match subject:`).
    fn match_stmt(&self, start: usize) -> Option<SyntaxError> {
        let Tok::Name(n) = &self.toks[start].tok else {
            return None;
        };
        let rest = &self.toks[start + 1..];
        let colon = rest
            .iter()
            .position(|t| t.tok == Tok::Newline)?
            .checked_sub(1)?;
        (n == "match"
            && rest[colon].tok == Tok::Op(":")
            && !matches!(rest[0].tok, Tok::Op("=" | "." | ":")))
        .then(|| {
            SyntaxError::new(
                "the 'match' statement is not supported",
                self.toks[start].pos,
            )
        })
    }

    /// The `:` and the body of a compound statement: an indented block, or simple statements on
    /// the same line. `what` and `line` name the statement for "expected an indented block
    /// after ..."; `forced`: a missing `:` is "expected ':'" whatever follows (else only before
    /// the end of the line).
    fn block(&mut self, what: &str, line: u32, forced: bool) -> R<Vec<Stmt>> {
        if !self.eat(":") {
            if forced || *self.tok() == Tok::Newline {
                return Err(SyntaxError::new("expected ':'", self.pos()));
            }
            return Err(self.unexpected());
        }
        let mut body = Vec::new();
        if *self.tok() != Tok::Newline {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.bump();
        if *self.tok() != Tok::Indent {
            return Err(SyntaxError::new(
                format!("expected an indented block after {what} on line {line}"),
                self.pos(),
            ));
        }
        self.bump();
        self.enter()?;
        while !matches!(self.tok(), Tok::Dedent | Tok::End) {
            self.statement(&mut body)?;
        }
        self.bump();
        self.depth -= 1;
        Ok(body)
    }

    /// A block with `in_loop` set as given.
    fn loop_block(&mut self, what: &str, line: u32, in_loop: bool) -> R<Vec<Stmt>> {
        let saved = mem::replace(&mut self.in_loop, in_loop);
        let body = self.block(what, line, false);
        self.in_loop = saved;
        body
    }

    /// An `else:` block, if there is one.
    fn else_block(&mut self) -> R<Vec<Stmt>> {
        if !self.at_kw("else") {
            return Ok(Vec::new());
        }
        let line = self.bump().line;
        self.block("'else' statement", line, true)
    }

    fn if_stmt(&mut self) -> R<StmtKind> {
        // `elif` chains are built from the end, without recursion.
        let mut branches = Vec::new();
        loop {
            let pos = self.pos();
            let what = if self.at_kw("if") {
                "'if' statement"
            } else {
                "'elif' statement"
            };
            self.bump();
            let test = self.named_expr()?;
            let body = self.block(what, pos.line, false)?;
            branches.push((pos, test, body));
            if !self.at_kw("elif") {
                break;
            }
            if self.depth as usize + branches.len() > MAX_DEPTH as usize {
                return Err(SyntaxError::new("too many 'elif' branches", self.pos()));
            }
        }
        let mut orelse = self.else_block()?;
        // (`branches` is not empty: the loop returns at its first item.)
        while let Some((pos, test, body)) = branches.pop() {
            let kind = StmtKind::If { test, body, orelse };
            if branches.is_empty() {
                return Ok(kind);
            }
            orelse = vec![Stmt { pos, kind }];
        }
        Err(self.unexpected())
    }

    fn while_stmt(&mut self) -> R<StmtKind> {
        let line = self.bump().line;
        let test = self.named_expr()?;
        let body = self.loop_block("'while' statement", line, true)?;
        let orelse = self.else_block()?;
        Ok(StmtKind::While { test, body, orelse })
    }

    fn for_stmt(&mut self, is_async: bool, pos: Pos) -> R<StmtKind> {
        self.bump();
        let target = self.targets()?;
        if !self.eat_kw("in") {
            return Err(self.unexpected());
        }
        let iter = self.star_expressions()?;
        let body = self.loop_block("'for' statement", pos.line, true)?;
        let orelse = self.else_block()?;
        Ok(StmtKind::For {
            is_async,
            target,
            iter,
            body,
            orelse,
        })
    }

    fn try_stmt(&mut self) -> R<StmtKind> {
        let line = self.bump().line;
        let body = self.block("'try' statement", line, true)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.at_kw("except") {
            let pos = self.bump();
            if let Some(h) = handlers.last().filter(|h| h.kind.is_none()) {
                let p = h.pos;
                self.defer("default 'except:' must be last", p);
            }
            if self.at("*") {
                return Err(SyntaxError::new(
                    "the 'except*' clause (exception groups) is not supported",
                    pos,
                ));
            }
            let (mut kind, mut name) = (None, None);
            if !self.at(":") && *self.tok() != Tok::Newline {
                let e = self.expression()?;
                if self.at(",") {
                    return Err(SyntaxError::new(
                        "multiple exception types must be parenthesized",
                        e.pos,
                    ));
                }
                kind = Some(e);
                if self.eat_kw("as") {
                    name = Some(self.name()?);
                }
            }
            let body = self.block("'except' statement", pos.line, false)?;
            handlers.push(ExceptHandler {
                pos,
                kind,
                name,
                body,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.at_kw("finally") {
            let line = self.bump().line;
            self.block("'finally' statement", line, true)?
        } else if handlers.is_empty() {
            return Err(SyntaxError::new(
                "expected 'except' or 'finally' block",
                self.pos(),
            ));
        } else {
            Vec::new()
        };
        Ok(StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        })
    }

    fn with_stmt(&mut self, is_async: bool, pos: Pos) -> R<StmtKind> {
        self.bump();
        // `with (a as b, c):` is tried first; if it is not that, it is `with (a, b) as c:` or
        // an expression that starts with a bracket.
        let mut items = None;
        if self.at("(") {
            let saved = (self.i, self.depth, self.level, self.hit_end);
            self.bump();
            self.level += 1;
            items = self
                .with_items(true)
                .ok()
                .filter(|_| self.eat(")") && self.at(":"));
            if items.is_none() {
                (self.i, self.depth, self.level, self.hit_end) = saved;
            } else {
                self.level -= 1;
            }
        }
        let items = match items {
            Some(items) => items,
            None => self.with_items(false)?,
        };
        let body = self.block("'with' statement", pos.line, false)?;
        Ok(StmtKind::With {
            is_async,
            items,
            body,
        })
    }

    fn with_items(&mut self, parenthesized: bool) -> R<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context = self.expression()?;
            let target = if self.eat_kw("as") {
                Some(self.target()?)
            } else {
                None
            };
            items.push(WithItem { context, target });
            if !self.eat(",") || (parenthesized && self.at(")")) {
                return Ok(items);
            }
        }
    }

    /// `def name(params) -> returns: body`, at the `def`; `pos` is where the statement starts.
    fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, pos: Pos) -> R<StmtKind> {
        let line = self.bump().line;
        let name = self.name()?;
        if !self.at("(") {
            return Err(SyntaxError::new("expected '('", self.pos()));
        }
        self.bump();
        self.level += 1;
        let params = self.params(true)?;
        self.expect(")")?;
        self.level -= 1;
        // Without an annotation after it, CPython sees no `->` and expects the `:` there.
        let returns = if self.at("->") && self.operand_after() {
            self.bump();
            Some(self.expression()?)
        } else {
            None
        };
        let saved = (
            mem::replace(&mut self.func, true),
            mem::replace(&mut self.class, false),
            mem::replace(&mut self.in_loop, false),
        );
        let body = self.block("function definition", line.max(pos.line), true);
        (self.func, self.class, self.in_loop) = saved;
        Ok(StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            is_async,
            params,
            body: body?,
            decorators,
            returns,
        })))
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> R<StmtKind> {
        let line = self.bump().line;
        let name = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.at("(") {
            let open = self.bump();
            self.level += 1;
            (bases, keywords) = self.call_args(open, false)?;
            self.expect(")")?;
            self.level -= 1;
        }
        let saved = (
            mem::replace(&mut self.func, false),
            mem::replace(&mut self.class, true),
            mem::replace(&mut self.in_loop, false),
        );
        let body = self.block("class definition", line, false);
        (self.func, self.class, self.in_loop) = saved;
        Ok(StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body: body?,
            decorators,
        })))
    }

    /// Parameters up to `)` (a `def`) or `:` (a `lambda`, without annotations).
    fn params(&mut self, def: bool) -> R<Params> {
        let close = if def { ")" } else { ":" };
        let mut p = Params::default();
        let (mut star, mut slash, mut defaults) = (false, false, false);
        let mut seen: Vec<(String, Pos)> = Vec::new();
        while !self.at(close) {
            let pos = self.pos();
            if self.at("/") {
                let msg = if slash {
                    "/ may appear only once"
                } else if star {
                    "/ must be ahead of *"
                } else if p.args.is_empty() {
                    "at least one argument must precede /"
                } else {
                    ""
                };
                if !msg.is_empty() {
                    return Err(SyntaxError::new(msg, pos));
                }
                self.bump();
                slash = true;
                p.posonly = mem::take(&mut p.args);
            } else if self.at("*") || self.at("**") {
                let double = self.at("**");
                if star && !double {
                    return Err(SyntaxError::new("* argument may appear only once", pos));
                }
                self.bump();
                if !double
                    && (self.at(close)
                        || (self.at(",")
                            && matches!(self.peek(1), Tok::Op(o) if *o == close || *o == "**")))
                {
                    let at = if def { pos } else { self.pos() };
                    return Err(SyntaxError::new("named arguments must follow bare *", at));
                }
                star = true;
                if !double && self.at(",") {
                    self.bump();
                    continue;
                }
                let name_pos = self.pos();
                let param = self.param(def, false)?;
                seen.push((param.name.clone(), name_pos));
                if self.at("=") {
                    let which = if double {
                        "var-keyword"
                    } else {
                        "var-positional"
                    };
                    return Err(SyntaxError::new(
                        format!("{which} argument cannot have default value"),
                        self.pos(),
                    ));
                }
                if double {
                    p.kwarg = Some(param);
                    self.eat(",");
                    if !self.at(close) {
                        return Err(SyntaxError::new(
                            "arguments cannot follow var-keyword argument",
                            self.pos(),
                        ));
                    }
                    break;
                }
                p.vararg = Some(param);
            } else {
                if self.at("(") && matches!(self.peek(1), Tok::Name(_)) {
                    let what = if def { "Function" } else { "Lambda expression" };
                    return Err(SyntaxError::new(
                        format!("{what} parameters cannot be parenthesized"),
                        pos,
                    ));
                }
                let param = self.param(def, true)?;
                seen.push((param.name.clone(), pos));
                if star {
                    p.kwonly.push(param);
                } else {
                    if param.default.is_some() {
                        defaults = true;
                    } else if defaults {
                        return Err(SyntaxError::new(
                            "non-default argument follows default argument",
                            pos,
                        ));
                    }
                    p.args.push(param);
                }
            }
            if !self.eat(",") {
                break;
            }
        }
        for (k, (name, pos)) in seen.iter().enumerate() {
            if seen[..k].iter().any(|(n, _)| n == name) {
                self.defer(
                    format!("duplicate argument '{name}' in function definition"),
                    *pos,
                );
                break;
            }
        }
        Ok(p)
    }

    fn param(&mut self, def: bool, default: bool) -> R<Param> {
        let name = self.name()?;
        let annotation = if def && self.eat(":") {
            Some(self.star_expr()?)
        } else {
            None
        };
        let default = if default && self.eat("=") {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Param {
            name,
            annotation,
            default,
        })
    }

    /// Simple statements separated by `;`, to the end of the line.
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> R<()> {
        loop {
            let pos = self.pos();
            let kind = self.simple_stmt()?;
            out.push(Stmt { pos, kind });
            if !self.eat(";") || *self.tok() == Tok::Newline {
                break;
            }
        }
        self.expect_newline()
    }

    fn simple_stmt(&mut self) -> R<StmtKind> {
        let pos = self.pos();
        let Tok::Kw(kw) = *self.tok() else {
            return self.expr_stmt();
        };
        if !matches!(
            kw,
            "pass"
                | "break"
                | "continue"
                | "return"
                | "raise"
                | "global"
                | "nonlocal"
                | "del"
                | "assert"
                | "import"
                | "from"
        ) {
            return self.expr_stmt();
        }
        self.bump();
        Ok(match kw {
            "pass" => StmtKind::Pass,
            "break" | "continue" => {
                if !self.in_loop {
                    let msg = if kw == "break" {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    self.defer(msg, pos);
                }
                if kw == "break" {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            "return" => {
                if !self.func {
                    self.defer("'return' outside function", pos);
                }
                if self.at_stmt_end() {
                    StmtKind::Return(None)
                } else {
                    let value = self.star_expressions()?;
                    self.no_star(&value);
                    StmtKind::Return(Some(value))
                }
            }
            "raise" => {
                let exc = if self.at_stmt_end() {
                    None
                } else {
                    Some(self.expression()?)
                };
                let cause = if exc.is_some() && self.eat_kw("from") {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Raise { exc, cause }
            }
            "global" | "nonlocal" => {
                let mut names = vec![self.name()?];
                while self.eat(",") {
                    names.push(self.name()?);
                }
                if kw == "global" {
                    StmtKind::Global(names)
                } else {
                    if !self.func && !self.class {
                        self.defer("nonlocal declaration not allowed at module level", pos);
                    }
                    StmtKind::Nonlocal(names)
                }
            }
            "del" => {
                let mut targets = Vec::new();
                loop {
                    let e = self.star_expr()?;
                    if let Some(bad) = invalid_target(&e, true) {
                        return Err(SyntaxError::new(
                            format!("cannot delete {}", describe(bad)),
                            bad.pos,
                        ));
                    }
                    targets.push(e);
                    if !self.eat(",") || self.at_stmt_end() {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            "assert" => {
                let test = self.expression()?;
                let msg = if self.eat(",") {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            "import" => {
                let mut names = Vec::new();
                loop {
                    let name = self.dotted_name()?;
                    let asname = if self.eat_kw("as") {
                        Some(self.name()?)
                    } else {
                        None
                    };
                    names.push(Alias { name, asname });
                    if !self.eat(",") {
                        break StmtKind::Import(names);
                    }
                }
            }
            _ => self.import_from()?,
        })
    }

    fn dotted_name(&mut self) -> R<String> {
        let mut name = self.name()?;
        while self.eat(".") {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    /// `from` (already read) `.mod import a as b, c` or `import (a, b)` or `import *`.
    fn import_from(&mut self) -> R<StmtKind> {
        let mut level = 0;
        loop {
            match self.tok() {
                Tok::Op(".") => level += 1,
                Tok::Op("...") => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if level > 0 && self.at_kw("import") {
            String::new()
        } else {
            self.dotted_name()?
        };
        if !self.eat_kw("import") {
            return Err(self.unexpected());
        }
        let mut names = Vec::new();
        if self.eat("*") {
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let paren = self.eat("(");
        loop {
            let name = self.name()?;
            let asname = if self.eat_kw("as") {
                Some(self.name()?)
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat(",") {
                break;
            }
            if paren && self.at(")") {
                break;
            }
            if !paren && self.at_stmt_end() {
                return Err(SyntaxError::new(
                    "trailing comma not allowed without surrounding parentheses",
                    self.pos(),
                ));
            }
        }
        if paren {
            self.expect(")")?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// The value of an assignment: a `yield` or expressions.
    fn assigned_value(&mut self) -> R<Expr> {
        if self.at_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// An expression statement, or an assignment of any kind.
    fn expr_stmt(&mut self) -> R<StmtKind> {
        let first = self.assigned_value()?;
        if self.at("=") {
            let (mut target, mut targets) = (first, Vec::new());
            loop {
                self.assign_target(&target, targets.is_empty())?;
                targets.push(target);
                self.bump();
                let value = self.assigned_value()?;
                if !self.at("=") {
                    self.no_star(&value);
                    return Ok(StmtKind::Assign { targets, value });
                }
                target = value;
            }
        }
        if let Some(op) = augop(self.tok()) {
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(&first)
                );
                return Err(SyntaxError::new(msg, first.pos));
            }
            self.bump();
            let value = self.assigned_value()?;
            return Ok(StmtKind::AugAssign {
                target: first,
                op,
                value,
            });
        }
        if self.at(":") {
            let msg = match &first.kind {
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => "",
                ExprKind::Yield(_) | ExprKind::YieldFrom(_) => return Err(self.unexpected()),
                ExprKind::Tuple(_) => "only single target (not tuple) can be annotated",
                ExprKind::List(_) => "only single target (not list) can be annotated",
                _ => "illegal target for annotation",
            };
            // CPython names a bad target only if an annotation follows.
            let generic = self.unexpected();
            self.bump();
            let annotation =
                self.expression()
                    .map_err(|e| if msg.is_empty() { e } else { generic.clone() })?;
            if !msg.is_empty() {
                return Err(SyntaxError::new(msg, first.pos));
            }
            let value = if self.eat("=") {
                Some(self.assigned_value()?)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign {
                target: first,
                annotation,
                value,
            });
        }
        if self.at(":=")
            && !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Yield(_) | ExprKind::YieldFrom(_)
            )
            && self.operand_after()
        {
            let msg = format!(
                "cannot use assignment expressions with {}",
                describe(&first)
            );
            return Err(SyntaxError::new(msg, first.pos));
        }
        self.no_star(&first);
        Ok(StmtKind::Expr(first))
    }

    /// Checks the target before an `=` as soon as CPython does (whatever follows the `=`).
    fn assign_target(&mut self, t: &Expr, first: bool) -> R<()> {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            let msg = "assignment to yield expression not possible";
            return Err(SyntaxError::new(msg, t.pos));
        }
        if invalid_target(t, false).is_none() {
            return self.check_target(t, false);
        }
        // CPython's "here. Maybe you meant '=='": `f() = 1`, not `f() = x = 1`.
        let here = first && self.operand_after() && self.speculate(1, false) == Some(true);
        self.check_target(t, here)
    }

    /// A lone `*x` where a value is needed: a compile-time error in CPython.
    fn no_star(&mut self, e: &Expr) {
        if matches!(e.kind, ExprKind::Starred(_)) {
            self.defer("can't use starred expression here", e.pos);
        }
    }

    /// Checks an assignment target; `here`: CPython's "here. Maybe you meant '==' ..." form,
    /// for the part just before the `=` of a first target.
    fn check_target(&mut self, t: &Expr, here: bool) -> R<()> {
        let Some(bad) = invalid_target(t, false) else {
            match &t.kind {
                ExprKind::Starred(_) => self.defer(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                ),
                ExprKind::Tuple(v) | ExprKind::List(v)
                    if v.iter()
                        .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                        .count()
                        > 1 =>
                {
                    self.defer("multiple starred expressions in assignment", t.pos)
                }
                _ => {}
            }
            return Ok(());
        };
        let what = describe(bad);
        // The part just before the `=`: the target itself, or the last item of a tuple without
        // brackets (whose position is its first item's).
        let last = match &t.kind {
            ExprKind::Tuple(v) if v.first().is_some_and(|f| f.pos == t.pos) => {
                v.last().is_some_and(|l| std::ptr::eq(l, bad))
            }
            ExprKind::Tuple(_) | ExprKind::List(_) => false,
            _ => true,
        };
        // ... and what CPython calls a `bitwise_or`.
        let here = here
            && last
            && bitwise_level(bad)
            && !matches!(
                bad.kind,
                ExprKind::Constant(Constant::True | Constant::False | Constant::None)
            );
        let msg = if here {
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
        } else {
            format!("cannot assign to {what}")
        };
        Err(SyntaxError::new(msg, bad.pos))
    }

    /// A `for` target (also in comprehensions): `x`, `a, b`, `k, (v, w)`, `first, *rest`.
    fn targets(&mut self) -> R<Expr> {
        let pos = self.pos();
        let first = self.target_item()?;
        let e = if self.at(",") {
            let mut elts = vec![first];
            while self.eat(",") && !self.at_kw("in") {
                elts.push(self.target_item()?);
            }
            Expr {
                pos,
                kind: ExprKind::Tuple(elts),
            }
        } else {
            first
        };
        self.check_target(&e, false)?;
        Ok(e)
    }

    fn target_item(&mut self) -> R<Expr> {
        if self.at("*") {
            let pos = self.bump();
            Ok(Expr {
                pos,
                kind: ExprKind::Starred(boxed(self.binary(BITWISE_OR)?)),
            })
        } else {
            self.binary(BITWISE_OR)
        }
    }

    /// A single target (`with ... as t`).
    fn target(&mut self) -> R<Expr> {
        let e = self.target_item()?;
        self.check_target(&e, false)?;
        Ok(e)
    }

    // ----- expressions -----

    /// `a`, or `a, *b` (a tuple when there is a comma).
    fn star_expressions(&mut self) -> R<Expr> {
        let pos = self.pos();
        let first = self.star_expr()?;
        if !self.at(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(",") && self.starts_expr() {
            elts.push(self.star_expr()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(elts),
        })
    }

    fn star_expr(&mut self) -> R<Expr> {
        if self.at("*") {
            let pos = self.bump();
            Ok(Expr {
                pos,
                kind: ExprKind::Starred(boxed(self.binary(BITWISE_OR)?)),
            })
        } else {
            self.expression()
        }
    }

    /// An item of a list, set or tuple display: `*a` or a named expression.
    fn star_named(&mut self) -> R<Expr> {
        if self.at("*") {
            self.star_expr()
        } else {
            self.named_expr()
        }
    }

    /// `name := value`, or an expression; with CPython's hints for a `=` that should be `==`.
    fn named_expr(&mut self) -> R<Expr> {
        self.named(true)
    }

    /// `name := value`, or an expression.
    fn walrus(&mut self) -> R<Expr> {
        self.named(false)
    }

    fn named(&mut self, eq_hint: bool) -> R<Expr> {
        if let Some(target) = self.name_before(":=") {
            let pos = self.bump();
            self.bump();
            let value = boxed(self.expression()?);
            return Ok(Expr {
                pos,
                kind: ExprKind::NamedExpr { target, value },
            });
        }
        let e = self.expression()?;
        // CPython's hint for `=` needs what follows to be an operand (`x => 1` gets none).
        if eq_hint && (self.at(":=") || self.at("=")) && self.operand_after() {
            return Err(self.named_error(&e));
        }
        Ok(e)
    }

    #[cold]
    fn named_error(&mut self, e: &Expr) -> SyntaxError {
        let what = describe(e);
        let generic = self.unexpected();
        if self.speculate(1, false).is_none() {
            return generic;
        }
        let msg = match &e.kind {
            _ if self.at(":=") => format!("cannot use assignment expressions with {what}"),
            _ if !bitwise_level(e) => return generic,
            ExprKind::Name(_) => {
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into()
            }
            ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
            | ExprKind::Comprehension {
                kind: ComprehensionKind::Generator,
                ..
            } => return generic,
            _ => format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
        };
        SyntaxError::new(msg, e.pos)
    }

    /// `a if b else c`, a lambda, or a disjunction.
    fn expression(&mut self) -> R<Expr> {
        self.expression_with(true)
    }

    /// An expression; `hints`: with CPython's hints for what follows it (see `hints`).
    fn expression_with(&mut self, hints: bool) -> R<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        self.enter()?;
        let (start, pos) = (self.i, self.pos());
        let body = self.binary(0)?;
        let e = if self.at_kw("if") {
            self.if_exp(pos, body)?
        } else {
            if hints && self.starts_expr() && !self.at("*") {
                return Err(self.hints(start, &body));
            }
            body
        };
        self.depth -= 1;
        Ok(e)
    }

    /// The rest of `body if test else orelse`, at the `if`.
    #[inline(never)]
    fn if_exp(&mut self, pos: Pos, body: Expr) -> R<Expr> {
        self.bump();
        let test = self.binary(0)?;
        if !self.eat_kw("else") {
            if self.at(":") {
                return Err(self.unexpected());
            }
            return Err(SyntaxError::new(
                "expected 'else' after 'if' expression",
                body.pos,
            ));
        }
        let orelse = self.expression()?;
        Ok(Expr {
            pos,
            kind: ExprKind::IfExp {
                test: boxed(test),
                body: boxed(body),
                orelse: boxed(orelse),
            },
        })
    }

    /// CPython's messages for an expression (which started at token `start`) followed by the
    /// start of another: `print x`, and inside brackets a missing comma; else `invalid syntax`.
    #[inline(never)]
    fn hints(&mut self, start: usize, e: &Expr) -> SyntaxError {
        let legacy = match &e.kind {
            ExprKind::Name(n) if n == "print" || n == "exec" => Some(n.clone()),
            _ => None,
        };
        let excluded = match (&self.toks[start].tok, &self.toks[start + 1].tok) {
            (Tok::Name(n), _) if n == "match" || n == "case" || n == "_" => true,
            (Tok::Name(_), next) => matches!(next, Tok::Str(_) | Tok::Bytes(_) | Tok::FStr { .. }),
            _ => false,
        };
        // (The furthest token looked at so far is where CPython puts a generic error.)
        let generic = self.unexpected();
        if self.speculate(0, true).is_none() {
            return generic;
        }
        let msg = match legacy {
            Some(n) => format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
            None if self.level > 0 && !excluded => {
                "invalid syntax. Perhaps you forgot a comma?".into()
            }
            None => return generic,
        };
        SyntaxError::new(msg, e.pos)
    }

    /// Reads, and forgets, what CPython reads before it raises some of its messages: an
    /// expression (`full`) or an operand of `|`, `skip` tokens on; so that the furthest token
    /// looked at is CPython's (which decides whether an unclosed bracket is the error).
    /// Returns `None` if it could not read one, else whether no `=` or `:=` follows.
    fn speculate(&mut self, skip: usize, full: bool) -> Option<bool> {
        let saved = (self.i, self.depth, self.level, self.deferred.clone());
        for _ in 0..skip {
            self.bump();
        }
        let ok = if full {
            self.expression().is_ok()
        } else {
            self.binary(BITWISE_OR).is_ok()
        };
        if ok && *self.tok() == Tok::End {
            self.hit_end = true;
        }
        let alone = ok.then(|| !self.at("=") && !self.at(":="));
        (self.i, self.depth, self.level, self.deferred) = saved;
        alone
    }

    #[inline(never)]
    fn lambda(&mut self) -> R<Expr> {
        let pos = self.bump();
        self.enter()?;
        let params = Box::new(self.params(false)?);
        self.expect(":")?;
        let saved = (
            mem::replace(&mut self.func, true),
            mem::replace(&mut self.in_loop, false),
        );
        let body = self.expression();
        (self.func, self.in_loop) = saved;
        self.depth -= 1;
        Ok(Expr {
            pos,
            kind: ExprKind::Lambda {
                params,
                body: boxed(body?),
            },
        })
    }

    /// Operators binding at least as tightly as `min`: 1 `or`, 2 `and`, 3 `not`, 4 comparisons,
    /// 5 `|` (so `binary(5)` is CPython's `bitwise_or`), 6 `^`, 7 `&`, 8 shifts, 9 `+ -`,
    /// 10 `* / // % @`. `binary(0)` is a disjunction.
    fn binary(&mut self, min: u8) -> R<Expr> {
        let pos = self.pos();
        let mut left = if min <= 3 && self.at_kw("not") {
            self.bump();
            self.enter()?;
            let operand = boxed(self.binary(3)?);
            self.depth -= 1;
            Expr {
                pos,
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand,
                },
            }
        } else {
            self.factor()?
        };
        let mut chain = 0;
        loop {
            let prec = match self.tok() {
                Tok::Kw("or") => 1,
                Tok::Kw("and") => 2,
                Tok::Kw("in" | "is") | Tok::Op("==" | "!=" | "<" | "<=" | ">" | ">=") => 4,
                Tok::Kw("not") if *self.peek(1) == Tok::Kw("in") => 4,
                t => match binop(t) {
                    Some((_, prec)) => prec,
                    None => break,
                },
            };
            if prec < min {
                break;
            }
            chain += 1;
            if self.depth + chain > MAX_DEPTH {
                return Err(SyntaxError::new("expression too complex", pos));
            }
            self.enter()?;
            let kind = match prec {
                1 | 2 => self.bool_op(left, prec)?,
                4 => self.compare(left)?,
                _ => {
                    let op = binop(self.tok()).map_or(BinOp::Add, |(op, _)| op);
                    self.bump();
                    let right = self.binary(prec + 1)?;
                    ExprKind::BinOp {
                        left: boxed(left),
                        op,
                        right: boxed(right),
                    }
                }
            };
            self.depth -= 1;
            left = Expr { pos, kind };
        }
        Ok(left)
    }

    /// The rest of `first or ...` (`prec` 1) or `first and ...` (2).
    #[inline(never)]
    fn bool_op(&mut self, first: Expr, prec: u8) -> R<ExprKind> {
        let (kw, op) = if prec == 1 {
            ("or", BoolOp::Or)
        } else {
            ("and", BoolOp::And)
        };
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(self.binary(prec + 1)?);
        }
        Ok(ExprKind::BoolOp { op, values })
    }

    /// The rest of a comparison chain after its first operand.
    #[inline(never)]
    fn compare(&mut self, left: Expr) -> R<ExprKind> {
        let (mut ops, mut comparators) = (Vec::new(), Vec::new());
        loop {
            let op = match self.tok() {
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::NotEq,
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::LtE,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::GtE,
                Tok::Kw("in") => CmpOp::In,
                Tok::Kw("is") if *self.peek(1) == Tok::Kw("not") => CmpOp::IsNot,
                Tok::Kw("is") => CmpOp::Is,
                Tok::Kw("not") if *self.peek(1) == Tok::Kw("in") => CmpOp::NotIn,
                _ => break,
            };
            if matches!(op, CmpOp::IsNot | CmpOp::NotIn) {
                self.bump();
            }
            self.bump();
            ops.push(op);
            comparators.push(self.binary(BITWISE_OR)?);
        }
        Ok(ExprKind::Compare {
            left: boxed(left),
            ops,
            comparators,
        })
    }

    /// Unary `-`, `+`, `~`, then `await`, a primary, and `**`.
    fn factor(&mut self) -> R<Expr> {
        let mut prefix = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Op("-") => UnaryOp::Neg,
                Tok::Op("+") => UnaryOp::Pos,
                Tok::Op("~") => UnaryOp::Invert,
                _ => break,
            };
            prefix.push((op, self.bump()));
            if self.depth as usize + prefix.len() > MAX_DEPTH as usize {
                return Err(SyntaxError::new("expression too complex", self.pos()));
            }
        }
        let pos = self.pos();
        let mut e = if self.at_kw("await") {
            self.bump();
            Expr {
                pos,
                kind: ExprKind::Await(boxed(self.primary()?)),
            }
        } else {
            self.primary()?
        };
        if self.eat("**") {
            self.enter()?;
            let exp = self.factor()?;
            self.depth -= 1;
            e = Expr {
                pos,
                kind: ExprKind::BinOp {
                    left: boxed(e),
                    op: BinOp::Pow,
                    right: boxed(exp),
                },
            };
        }
        while let Some((op, pos)) = prefix.pop() {
            e = Expr {
                pos,
                kind: ExprKind::UnaryOp {
                    op,
                    operand: boxed(e),
                },
            };
        }
        Ok(e)
    }

    /// An atom followed by attributes, calls and subscripts.
    fn primary(&mut self) -> R<Expr> {
        let pos = self.pos();
        let mut e = self.atom()?;
        let mut chain = 0;
        loop {
            let kind = if self.eat(".") {
                ExprKind::Attribute {
                    value: boxed(e),
                    attr: self.name()?,
                }
            } else if self.at("(") {
                let open = self.bump();
                self.level += 1;
                let (args, keywords) = self.call_args(open, true)?;
                self.expect(")")?;
                self.level -= 1;
                ExprKind::Call {
                    func: boxed(e),
                    args,
                    keywords,
                }
            } else if self.eat("[") {
                self.level += 1;
                let index = boxed(self.slices()?);
                self.expect("]")?;
                self.level -= 1;
                ExprKind::Subscript {
                    value: boxed(e),
                    index,
                }
            } else {
                return Ok(e);
            };
            chain += 1;
            if self.depth + chain > MAX_DEPTH {
                return Err(SyntaxError::new("expression too complex", pos));
            }
            e = Expr { pos, kind };
        }
    }

    /// A call's arguments (or a class's bases), up to the `)`; `open` is where its `(` is;
    /// `genexp`: a generator expression may be the only argument.
    fn call_args(&mut self, open: Pos, genexp: bool) -> R<(Vec<Expr>, Vec<Keyword>)> {
        let (mut args, mut keywords) = (Vec::new(), Vec::<Keyword>::new());
        // 1 after a keyword argument, 2 after `**`.
        let mut seen = 0;
        // A positional argument after keywords: reported, as CPython does, after the rest.
        let mut misplaced = None;
        while !self.at(")") {
            let pos = self.pos();
            if self.eat("*") {
                if seen == 2 {
                    return Err(SyntaxError::new(
                        "iterable argument unpacking follows keyword argument unpacking",
                        pos,
                    ));
                }
                let value = boxed(self.expression()?);
                if self.at_kw("for") || self.at_kw("async") {
                    let msg = "iterable unpacking cannot be used in comprehension";
                    return Err(SyntaxError::new(msg, pos));
                }
                args.push(Expr {
                    pos,
                    kind: ExprKind::Starred(value),
                });
            } else if self.eat("**") {
                keywords.push(Keyword {
                    arg: None,
                    value: self.expression()?,
                });
                seen = 2;
            } else if let Some(name) = self.name_before("=") {
                self.bump();
                self.bump();
                if keywords
                    .iter()
                    .any(|k| k.arg.as_deref() == Some(name.as_str()))
                {
                    self.defer(format!("keyword argument repeated: {name}"), pos);
                }
                keywords.push(Keyword {
                    arg: Some(name),
                    value: self.expression()?,
                });
                seen = seen.max(1);
            } else {
                let mut e = self.walrus()?;
                if self.at("=") {
                    let msg = match &e.kind {
                        ExprKind::Constant(Constant::True | Constant::False | Constant::None) => {
                            format!("cannot assign to {}", describe(&e))
                        }
                        ExprKind::NamedExpr { .. } => return Err(self.unexpected()),
                        _ => {
                            "expression cannot contain assignment, perhaps you meant \"==\"?".into()
                        }
                    };
                    return Err(SyntaxError::new(msg, e.pos));
                }
                if genexp && (self.at_kw("for") || self.at_kw("async")) {
                    e = self.comprehension(ComprehensionKind::Generator, e, None, open)?;
                    if !args.is_empty() || !keywords.is_empty() || self.at(",") {
                        return Err(SyntaxError::new(
                            "Generator expression must be parenthesized",
                            pos,
                        ));
                    }
                }
                if seen > 0 && misplaced.is_none() {
                    misplaced = Some(if seen == 2 {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    });
                }
                args.push(e);
            }
            if !self.eat(",") {
                break;
            }
        }
        match misplaced {
            Some(msg) => Err(SyntaxError::new(msg, self.pos())),
            None => Ok((args, keywords)),
        }
    }

    /// A subscript: one index or slice, or several (a tuple).
    #[inline(never)]
    fn slices(&mut self) -> R<Expr> {
        let pos = self.pos();
        let first = self.slice()?;
        if !self.at(",") && !matches!(first.kind, ExprKind::Starred(_)) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(",") && !self.at("]") {
            elts.push(self.slice()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(elts),
        })
    }

    fn slice(&mut self) -> R<Expr> {
        let pos = self.pos();
        if self.at("*") {
            return self.star_expr();
        }
        let lower = if self.at(":") {
            None
        } else {
            Some(boxed(self.named_expr()?))
        };
        if !self.eat(":") {
            return lower.map(|e| *e).ok_or_else(|| self.unexpected());
        }
        let bound = |p: &mut Self| -> R<Option<Box<Expr>>> {
            Ok(if p.at(":") || p.at(",") || p.at("]") {
                None
            } else {
                Some(boxed(p.expression()?))
            })
        };
        let upper = bound(self)?;
        let step = if self.eat(":") { bound(self)? } else { None };
        Ok(Expr {
            pos,
            kind: ExprKind::Slice { lower, upper, step },
        })
    }

    fn atom(&mut self) -> R<Expr> {
        let pos = self.pos();
        let kind = match self.tok() {
            Tok::Name(n) => ExprKind::Name(n.clone()),
            Tok::Int(s) => ExprKind::Constant(Constant::Int(s.clone())),
            Tok::Float(f) => ExprKind::Constant(Constant::Float(*f)),
            Tok::Kw("None") => ExprKind::Constant(Constant::None),
            Tok::Kw("True") => ExprKind::Constant(Constant::True),
            Tok::Kw("False") => ExprKind::Constant(Constant::False),
            Tok::Op("...") => ExprKind::Constant(Constant::Ellipsis),
            Tok::Str(_) | Tok::Bytes(_) | Tok::FStr { .. } => return self.strings(),
            Tok::Op("(") => {
                self.bump();
                self.level += 1;
                let e = self.paren_inner(pos)?;
                self.expect(")")?;
                self.level -= 1;
                return Ok(e);
            }
            Tok::Op("[") => return self.display(pos, "]"),
            Tok::Op("{") => return self.display(pos, "}"),
            _ => return Err(self.unexpected()),
        };
        self.bump();
        Ok(Expr { pos, kind })
    }

    /// What is inside `(`...`)`: `()`, a yield, a tuple, a generator expression, or a
    /// parenthesized expression.
    fn paren_inner(&mut self, pos: Pos) -> R<Expr> {
        if self.at(")") {
            return Ok(Expr {
                pos,
                kind: ExprKind::Tuple(Vec::new()),
            });
        }
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        let first = self.star_named()?;
        if self.at_kw("for") || self.at_kw("async") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(SyntaxError::new(
                    "iterable unpacking cannot be used in comprehension",
                    first.pos,
                ));
            }
            return self.comprehension(ComprehensionKind::Generator, first, None, pos);
        }
        if self.at(",") {
            return self.items(first, ")").map(|elts| Expr {
                pos,
                kind: ExprKind::Tuple(elts),
            });
        }
        if matches!(first.kind, ExprKind::Starred(_)) {
            return Err(SyntaxError::new(
                "cannot use starred expression here",
                first.pos,
            ));
        }
        Ok(first)
    }

    /// The rest of a comma-separated display after its first item, up to `close` (not read).
    fn items(&mut self, first: Expr, close: &str) -> R<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat(",") && !self.at(close) {
            elts.push(self.star_named()?);
        }
        Ok(elts)
    }

    /// A list (`close` is `]`) or a set or dict (`}`) display or comprehension.
    fn display(&mut self, pos: Pos, close: &str) -> R<Expr> {
        self.bump();
        self.level += 1;
        let e = self.display_inner(pos, close)?;
        self.expect(close)?;
        self.level -= 1;
        Ok(e)
    }

    #[inline(never)]
    fn display_inner(&mut self, pos: Pos, close: &str) -> R<Expr> {
        let list = close == "]";
        if self.at(close) {
            let kind = if list {
                ExprKind::List(Vec::new())
            } else {
                ExprKind::Dict(Vec::new())
            };
            return Ok(Expr { pos, kind });
        }
        let mut pairs = Vec::new();
        if !list && self.eat("**") {
            pairs.push((None, self.binary(BITWISE_OR)?));
        } else {
            let first = self.star_named()?;
            if !list && !matches!(first.kind, ExprKind::Starred(_)) && self.at(":") {
                let value = self.dict_value()?;
                if self.at_kw("for") || self.at_kw("async") {
                    return self.comprehension(ComprehensionKind::Dict, first, Some(value), pos);
                }
                pairs.push((Some(first), value));
            } else {
                let kind = if list {
                    ComprehensionKind::List
                } else {
                    ComprehensionKind::Set
                };
                if self.at_kw("for") || self.at_kw("async") {
                    if matches!(first.kind, ExprKind::Starred(_)) {
                        return Err(SyntaxError::new(
                            "iterable unpacking cannot be used in comprehension",
                            first.pos,
                        ));
                    }
                    return self.comprehension(kind, first, None, pos);
                }
                let elts = self.items(first, close)?;
                if self.at_kw("for") || self.at_kw("async") {
                    return Err(SyntaxError::new(
                        "did you forget parentheses around the comprehension target?",
                        elts[0].pos,
                    ));
                }
                let kind = if list {
                    ExprKind::List(elts)
                } else {
                    ExprKind::Set(elts)
                };
                return Ok(Expr { pos, kind });
            }
        }
        while self.eat(",") && !self.at(close) {
            if self.eat("**") {
                pairs.push((None, self.binary(BITWISE_OR)?));
                continue;
            }
            let key = self.expression_with(false)?;
            if !self.at(":") {
                let end = self.toks[self.i.saturating_sub(1)].end;
                return Err(SyntaxError::new(
                    "':' expected after dictionary key",
                    Pos {
                        line: end.line,
                        col: end.col.saturating_sub(1),
                    },
                ));
            }
            pairs.push((Some(key), self.dict_value()?));
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Dict(pairs),
        })
    }

    /// `: value` after a dictionary key.
    #[inline(never)]
    fn dict_value(&mut self) -> R<Expr> {
        let colon = self.bump();
        if self.at(",") || self.at("}") {
            return Err(SyntaxError::new(
                "expression expected after dictionary key and ':'",
                colon,
            ));
        }
        self.expression()
    }

    /// The `for ... in ... if ...` clauses after a comprehension's element.
    #[inline(never)]
    fn comprehension(
        &mut self,
        kind: ComprehensionKind,
        elt: Expr,
        value: Option<Expr>,
        pos: Pos,
    ) -> R<Expr> {
        let mut generators = Vec::new();
        while self.at_kw("for") || self.at_kw("async") {
            let is_async = self.eat_kw("async");
            if !self.eat_kw("for") {
                return Err(self.unexpected());
            }
            let target = self.targets()?;
            if !self.eat_kw("in") {
                return Err(self.unexpected());
            }
            let iter = self.binary(0)?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.binary(0)?);
            }
            generators.push(Generator {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Comprehension {
                kind,
                elt: boxed(elt),
                value: value.map(boxed),
                generators,
            },
        })
    }

    #[inline(never)]
    fn yield_expr(&mut self) -> R<Expr> {
        let pos = self.bump();
        if !self.func {
            self.defer("'yield' outside function", pos);
        }
        let kind = if self.eat_kw("from") {
            ExprKind::YieldFrom(boxed(self.expression()?))
        } else if self.starts_expr() {
            ExprKind::Yield(Some(boxed(self.star_expressions()?)))
        } else {
            ExprKind::Yield(None)
        };
        Ok(Expr { pos, kind })
    }

    // ----- strings -----

    /// Adjacent string literals, concatenated: a `str`, `bytes`, or an f-string if any is one.
    #[inline(never)]
    fn strings(&mut self) -> R<Expr> {
        let pos = self.pos();
        let (mut text, mut parts, mut bytes) = (String::new(), Vec::new(), Vec::new());
        let (mut is_bytes, mut is_str, mut is_f) = (false, false, false);
        let mut end = pos;
        loop {
            match self.tok().clone() {
                Tok::Str(s) => {
                    is_str = true;
                    text.push_str(&s);
                }
                Tok::Bytes(b) => {
                    is_bytes = true;
                    bytes.extend(b);
                }
                Tok::FStr { body, raw, start } => {
                    is_f = true;
                    let chars: Vec<char> = body.chars().collect();
                    let f = FStr {
                        s: &chars,
                        raw,
                        start,
                        end: self.toks[self.i].end,
                    };
                    let mut i = 0;
                    self.fstring(&f, &mut i, 0, &mut text, &mut parts)?;
                }
                _ => break,
            }
            end = self.toks[self.i].end;
            self.bump();
        }
        if is_bytes && (is_str || is_f) {
            return Err(SyntaxError::new(
                "cannot mix bytes and nonbytes literals",
                end,
            ));
        }
        let kind = if is_bytes {
            ExprKind::Constant(Constant::Bytes(bytes))
        } else if is_f {
            flush(&mut text, &mut parts);
            ExprKind::FString(parts)
        } else {
            ExprKind::Constant(Constant::Str(text))
        };
        Ok(Expr { pos, kind })
    }

    /// Splits an f-string's source from `i` into literal text (appended to `lit`) and
    /// replacement fields (pushed to `parts`), up to its end or, in a format spec (`nest` > 0),
    /// up to the `}` that ends the spec.
    #[inline(never)]
    fn fstring(
        &mut self,
        f: &FStr,
        i: &mut usize,
        nest: u8,
        lit: &mut String,
        parts: &mut Vec<FStringPart>,
    ) -> R<()> {
        let s = f.s;
        // The literal's source, its escapes decoded when it ends.
        let mut chunk: Vec<char> = Vec::new();
        while let Some(&c) = s.get(*i) {
            let next = s.get(*i + 1).copied();
            match c {
                '{' | '}' if nest == 0 && next == Some(c) => {
                    chunk.push(c);
                    *i += 2;
                    continue;
                }
                '}' if nest == 0 => return Err(f.error("f-string: single '}' is not allowed")),
                '}' => break,
                '{' => {
                    f.decode(&chunk, lit)?;
                    chunk.clear();
                    self.field(f, i, nest, lit, parts)?;
                    continue;
                }
                '\\' if !f.raw => {
                    chunk.push(c);
                    if let Some(n) = next.filter(|n| *n != '{' && *n != '}') {
                        chunk.push(n);
                        *i += 1;
                    }
                }
                _ => chunk.push(c),
            }
            *i += 1;
        }
        f.decode(&chunk, lit)
    }

    /// A replacement field `{expr=!r:spec}`, at `s[*i] == '{'`.
    #[inline(never)]
    fn field(
        &mut self,
        f: &FStr,
        i: &mut usize,
        nest: u8,
        lit: &mut String,
        parts: &mut Vec<FStringPart>,
    ) -> R<()> {
        let s = f.s;
        if nest >= 2 {
            return Err(f.error("f-string: expressions nested too deeply"));
        }
        *i += 1;
        let start = *i;
        let mut brackets: Vec<char> = Vec::new();
        let mut quote: Option<(char, bool)> = None;
        while let Some(&c) = s.get(*i) {
            let next = s.get(*i + 1).copied();
            if c == '\\' {
                return Err(f.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (next == Some(q) && s.get(*i + 2) == Some(&q))) {
                    quote = None;
                    *i += if triple { 3 } else { 1 };
                } else {
                    *i += 1;
                }
                continue;
            }
            match c {
                '\'' | '"' => {
                    let triple = next == Some(c) && s.get(*i + 2) == Some(&c);
                    quote = Some((c, triple));
                    *i += if triple { 3 } else { 1 };
                    continue;
                }
                '(' | '[' | '{' => brackets.push(c),
                ')' | ']' | '}' if !brackets.is_empty() => {
                    let open = brackets.pop().unwrap_or('(');
                    if !matches!((open, c), ('(', ')') | ('[', ']') | ('{', '}')) {
                        return Err(f.error(format!("f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'")));
                    }
                }
                '}' => break,
                ')' | ']' => return Err(f.error(format!("f-string: unmatched '{c}'"))),
                '#' => return Err(f.error("f-string expression part cannot include '#'")),
                '!' | ':' | '=' | '<' | '>' if brackets.is_empty() => {
                    if c != ':' && next == Some('=') {
                        *i += 2;
                        continue;
                    }
                    if c != '<' && c != '>' {
                        break;
                    }
                }
                _ => {}
            }
            *i += 1;
        }
        if quote.is_some() {
            return Err(f.error("f-string: unterminated string"));
        }
        if let Some(open) = brackets.last() {
            return Err(f.error(format!("f-string: unmatched '{open}'")));
        }
        if *i >= s.len() {
            return Err(f.error("f-string: expecting '}'"));
        }
        let source: String = s[start..*i].iter().collect();
        if source.trim().is_empty() {
            let c = s[*i];
            return Err(f.error(if matches!(c, '!' | ':' | '=') {
                format!("f-string: expression required before '{c}'")
            } else {
                "f-string: empty expression not allowed".into()
            }));
        }
        let mut pos = f.start;
        for &c in &s[..start] {
            if c == '\n' {
                (pos.line, pos.col) = (pos.line + 1, 0);
            } else {
                pos.col += 1;
            }
        }
        let value = boxed(self.fstring_expr(&source, pos)?);
        let mut text = source;
        let debug = s[*i] == '=';
        if debug {
            *i += 1;
            while s.get(*i).is_some_and(|c| c.is_whitespace()) {
                *i += 1;
            }
            text = s[start..*i].iter().collect();
        }
        let mut conversion = None;
        if s.get(*i) == Some(&'!') {
            let c = s
                .get(*i + 1)
                .copied()
                .ok_or_else(|| f.error("f-string: expecting '}'"))?;
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(
                    f.error("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
            }
            conversion = Some(c);
            *i += 2;
        }
        let mut spec = Vec::new();
        if s.get(*i) == Some(&':') {
            *i += 1;
            let mut spec_lit = String::new();
            self.fstring(f, i, nest + 1, &mut spec_lit, &mut spec)?;
            flush(&mut spec_lit, &mut spec);
        }
        if s.get(*i) != Some(&'}') {
            return Err(f.error("f-string: expecting '}'"));
        }
        *i += 1;
        if debug && conversion.is_none() && spec.is_empty() {
            conversion = Some('r');
        }
        flush(lit, parts);
        parts.push(FStringPart::Value {
            value,
            text,
            conversion,
            spec,
            debug,
        });
        Ok(())
    }

    /// Parses the expression of a replacement field as CPython does, as if it were in
    /// brackets; its errors start with "f-string: ".
    #[inline(never)]
    fn fstring_expr(&mut self, source: &str, pos: Pos) -> R<Expr> {
        let (toks, lex_err) = lexer::tokenize_nested(source, pos);
        let outer = (
            mem::replace(&mut self.toks, toks),
            mem::replace(&mut self.i, 0),
            mem::replace(&mut self.lex_err, lex_err),
        );
        let saved = (
            mem::replace(&mut self.level, 1),
            mem::replace(&mut self.hit_end, false),
            self.depth,
            self.far.replace(0),
        );
        // CPython parses `(source)`: a tuple or generator starts at the `{`.
        let paren = Pos {
            line: pos.line,
            col: pos.col.saturating_sub(1),
        };
        let r = self
            .enter()
            .and_then(|_| self.paren_inner(paren))
            .and_then(|e| {
                if *self.tok() == Tok::End {
                    Ok(e)
                } else {
                    Err(self.unexpected())
                }
            });
        let r = r.map_err(|e| self.resolve(e));
        let lex_err = mem::replace(&mut self.lex_err, outer.2);
        (self.toks, self.i) = (outer.0, outer.1);
        (self.level, self.hit_end, self.depth) = (saved.0, saved.1, saved.2);
        self.far.set(saved.3);
        r.map_err(|mut e| {
            if !e.msg.starts_with("f-string") && Some(&e) != lex_err.as_ref() {
                e.msg.insert_str(0, "f-string: ");
            }
            e
        })
    }
}

/// An f-string literal's source, for splitting it.
struct FStr<'a> {
    s: &'a [char],
    raw: bool,
    start: Pos,
    /// Where the literal ends: CPython's position for errors in it.
    end: Pos,
}

impl FStr<'_> {
    fn error(&self, msg: impl Into<String>) -> SyntaxError {
        SyntaxError::new(msg, self.end)
    }

    /// Appends a literal piece's text, escapes decoded, to `lit`.
    fn decode(&self, chunk: &[char], lit: &mut String) -> R<()> {
        if self.raw {
            lit.extend(chunk);
            return Ok(());
        }
        let codes = lexer::unescape(chunk, false).map_err(|m| self.error(m))?;
        lit.extend(
            codes
                .into_iter()
                .map(|c| char::from_u32(c).unwrap_or('\u{fffd}')),
        );
        Ok(())
    }
}

/// Moves pending literal text into the parts.
fn flush(lit: &mut String, parts: &mut Vec<FStringPart>) {
    if !lit.is_empty() {
        parts.push(FStringPart::Literal(mem::take(lit)));
    }
}
