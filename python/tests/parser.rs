//! Tests of the lexer and the parser: one per family of constructs, every course listing, and
//! syntax errors checked against what CPython 3.11 reports (message, line, and caret column).

use python::ast::*;
use python::lexer::{tokenize, Tok};
use python::parser::{parse, SyntaxError};

fn module(src: &str) -> Vec<Stmt> {
    match parse(src) {
        Ok(m) => m.body,
        Err(e) => panic!("{src:?} failed: {e} at {:?}", e.pos),
    }
}

/// The statement of a one-statement module.
fn stmt(src: &str) -> StmtKind {
    let mut body = module(src);
    assert_eq!(body.len(), 1, "{src:?}");
    body.remove(0).kind
}

/// The expression of `x = <src>`.
fn expr(src: &str) -> Expr {
    match stmt(&format!("x = {src}")) {
        StmtKind::Assign { value, .. } => value,
        other => panic!("{other:?}"),
    }
}

fn kind(src: &str) -> ExprKind {
    expr(src).kind
}

fn name(n: &str) -> ExprKind {
    ExprKind::Name(n.into())
}

fn int(e: &Expr) -> &str {
    match &e.kind {
        ExprKind::Constant(Constant::Int(s)) => s,
        other => panic!("not an int: {other:?}"),
    }
}

fn string(src: &str) -> String {
    match kind(src) {
        ExprKind::Constant(Constant::Str(s)) => s,
        other => panic!("not a str: {other:?}"),
    }
}

fn err(src: &str) -> SyntaxError {
    match parse(src) {
        Ok(m) => panic!("{src:?} parsed: {m:?}"),
        Err(e) => e,
    }
}

fn pos(line: u32, col: u32) -> Pos {
    Pos { line, col }
}

/// The parts of the f-string `x = <src>`.
fn fparts(src: &str) -> Vec<FStringPart> {
    match kind(src) {
        ExprKind::FString(parts) => parts,
        other => panic!("not an f-string: {other:?}"),
    }
}

/// A replacement field's value, text, conversion, spec and debug flag.
fn field(p: &FStringPart) -> (ExprKind, String, Option<char>, Vec<FStringPart>, bool) {
    match p {
        FStringPart::Value {
            value,
            text,
            conversion,
            spec,
            debug,
        } => (
            value.kind.clone(),
            text.clone(),
            *conversion,
            spec.clone(),
            *debug,
        ),
        FStringPart::Literal(s) => panic!("literal {s:?}"),
    }
}

fn lit(s: &str) -> FStringPart {
    FStringPart::Literal(s.into())
}

#[test]
fn tokens_have_positions_and_indentation() {
    let (toks, err) = tokenize("if x:\n\tif y:  # c\n\t\tz = 'é' + 中\n");
    assert!(err.is_none());
    let kinds: Vec<String> = toks.iter().map(|t| format!("{:?}", t.tok)).collect();
    assert_eq!(
        kinds.join(" "),
        "Kw(\"if\") Name(\"x\") Op(\":\") Newline Indent Kw(\"if\") Name(\"y\") Op(\":\") Newline \
         Indent Name(\"z\") Op(\"=\") Str(\"é\") Op(\"+\") Name(\"中\") Newline Dedent Dedent End"
    );
    let z = &toks[10];
    assert_eq!((z.pos, z.end), (pos(3, 2), pos(3, 3)));
    // Columns count characters.
    assert_eq!(toks[14].pos, pos(3, 12));
    // A tab indents to the next multiple of 8, and the indentation must agree under tab size 1.
    assert_eq!(
        tokenize("if x:\n\ty\n        z\n").1.map(|e| e.kind()),
        Some("TabError")
    );
    assert!(tokenize("if x:\n        y\nz\n").1.is_none());
    // No NEWLINE inside brackets or after a backslash.
    let (toks, _) = tokenize("f(1,\n  2) + \\\n 3\n");
    assert_eq!(toks.iter().filter(|t| t.tok == Tok::Newline).count(), 1);
}

#[test]
fn operators_are_longest_first() {
    let (toks, _) = tokenize("a **= b //= c >>= d <<= e ... f := g -> h != i @= j\n");
    let ops: Vec<&str> = toks
        .iter()
        .filter_map(|t| match t.tok {
            Tok::Op(o) => Some(o),
            _ => None,
        })
        .collect();
    assert_eq!(
        ops,
        ["**=", "//=", ">>=", "<<=", "...", ":=", "->", "!=", "@="]
    );
}

#[test]
fn numbers() {
    assert_eq!(int(&expr("1_000_000")), "1000000");
    assert_eq!(
        int(&expr("0xFFFFFFFFFFFFFFFFFFFF")),
        "1208925819614629174706175"
    );
    assert_eq!(int(&expr("0o777")), "511");
    assert_eq!(int(&expr("0b1010_1010")), "170");
    assert_eq!(int(&expr("0")), "0");
    assert_eq!(int(&expr("000")), "0");
    assert_eq!(
        int(&expr("123456789012345678901234567890")),
        "123456789012345678901234567890"
    );
    for (src, v) in [
        ("1.5", 1.5),
        ("1.", 1.0),
        (".5", 0.5),
        ("1e10", 1e10),
        ("1.5E-3", 1.5e-3),
        ("1_0.0_1", 10.01),
        ("09.5", 9.5),
    ] {
        assert_eq!(kind(src), ExprKind::Constant(Constant::Float(v)), "{src}");
    }
    // `1 .real` and `1..real` are attributes of numbers; `1if` is `1 if`.
    assert!(matches!(kind("1 .real"), ExprKind::Attribute { .. }));
    assert!(matches!(kind("1..real"), ExprKind::Attribute { .. }));
    assert!(matches!(kind("1if x else 2"), ExprKind::IfExp { .. }));
    assert_eq!(err("x = 1j").msg, "complex numbers are not supported");
}

#[test]
fn strings_and_escapes() {
    assert_eq!(string(r#""a" 'b' """c""""#), "abc");
    assert_eq!(
        string(r#""\x41\u00e9\U0001F600\101\0\n\t\\\'\"\a\b\f\v\r""#),
        "Aé😀A\0\n\t\\'\"\x07\x08\x0c\x0b\r"
    );
    assert_eq!(string(r#""\d\q""#), "\\d\\q");
    assert_eq!(string("\"line\\\ncontinued\""), "linecontinued");
    assert_eq!(string(r#"r"\n" R'\d' u"u""#), "\\n\\du");
    assert_eq!(string("'中文字符串 😀'"), "中文字符串 😀");
    assert_eq!(string("'''a\nb'''"), "a\nb");
    assert_eq!(
        kind(r#"b"a\x41\101\xff" Rb"\n" BR"x""#),
        ExprKind::Constant(Constant::Bytes(b"aAA\xff\\nx".to_vec()))
    );
    assert_eq!(
        err(r#"x = "\N{DASH}""#).msg,
        "(unicode error) \\N{...} escapes are not supported"
    );
    assert_eq!(
        err("x = b'é'").msg,
        "bytes can only contain ASCII literal characters"
    );
    assert_eq!(
        err("x = 'a' b'b'").msg,
        "cannot mix bytes and nonbytes literals"
    );
}

#[test]
fn fstrings() {
    let parts = fparts(r#"f"a{b!r:>10}c""#);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0], lit("a"));
    assert_eq!(
        field(&parts[1]),
        (name("b"), "b".into(), Some('r'), vec![lit(">10")], false)
    );
    assert_eq!(parts[2], lit("c"));
    // Nested quotes of the other kind, and `{{`/`}}`.
    let parts = fparts(r#"f"{{{d['k']}}}""#);
    assert_eq!(parts[0], lit("{"));
    assert!(matches!(field(&parts[1]).0, ExprKind::Subscript { .. }));
    assert_eq!(parts[2], lit("}"));
    // A format spec with a nested field.
    let (_, _, _, spec, _) = field(&fparts(r#"f"{x:>{width}}""#)[0]);
    assert_eq!(spec.len(), 2);
    assert_eq!(spec[0], lit(">"));
    assert_eq!(field(&spec[1]).0, name("width"));
    // The `=` form keeps the text as written, spaces included; it shows the repr by default.
    assert_eq!(
        field(&fparts(r#"f"{x=}""#)[0]),
        (name("x"), "x=".into(), Some('r'), vec![], true)
    );
    assert_eq!(
        field(&fparts(r#"f"{x = }""#)[0]),
        (name("x"), "x = ".into(), Some('r'), vec![], true)
    );
    assert_eq!(field(&fparts(r#"f"{x=!s}""#)[0]).2, Some('s'));
    assert_eq!(field(&fparts(r#"f"{x=:>4}""#)[0]).2, None);
    assert_eq!(field(&fparts(r#"f"{ a + b }""#)[0]).1, " a + b ");
    // Adjacent literals make one f-string (or one str, without f-strings).
    let parts = fparts(r#"f"{a}" "plain\n" f'{b}' 'tail'"#);
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[1], lit("plain\n"));
    assert_eq!(parts[3], lit("tail"));
    assert_eq!(fparts(r#"f"a" "b""#), vec![lit("ab")]);
    let parts = fparts(r#"f"\t{a}\x41""#);
    assert_eq!((&parts[0], &parts[2]), (&lit("\t"), &lit("A")));
    assert_eq!(fparts(r#"rf"\n{a}""#)[0], lit("\\n"));
    assert_eq!(fparts(r#"f"""#), vec![]);
    // Expressions inside: tuples, conditionals, generators, Chinese names; their positions.
    assert!(matches!(
        field(&fparts(r#"f"{a, b}""#)[0]).0,
        ExprKind::Tuple(_)
    ));
    assert!(matches!(
        field(&fparts(r#"f"{a if b else c}""#)[0]).0,
        ExprKind::IfExp { .. }
    ));
    assert!(matches!(
        field(&fparts(r#"f"{x for x in y}""#)[0]).0,
        ExprKind::Comprehension { .. }
    ));
    let parts = fparts(r#"f"名字：{名字}""#);
    assert_eq!(parts[0], lit("名字："));
    assert!(matches!(&parts[1], FStringPart::Value { value, .. } if value.pos == pos(1, 10)));
    let parts = fparts("f'''line\n{a}\nline {b!r}'''");
    assert!(matches!(&parts[3], FStringPart::Value { value, .. } if value.pos == pos(3, 6)));
    // `:=` at the top of a field starts a format spec, as in CPython.
    assert_eq!(field(&fparts(r#"f"{a:=10}""#)[0]).3, vec![lit("=10")]);
    assert!(matches!(
        field(&fparts(r#"f"{(a:=10)}""#)[0]).0,
        ExprKind::NamedExpr { .. }
    ));
    assert!(matches!(
        field(&fparts(r#"f"{a!=b}""#)[0]).0,
        ExprKind::Compare { .. }
    ));
}

#[test]
fn imports() {
    assert_eq!(
        stmt("import a.b.c as d, e"),
        StmtKind::Import(vec![
            Alias {
                name: "a.b.c".into(),
                asname: Some("d".into())
            },
            Alias {
                name: "e".into(),
                asname: None
            },
        ])
    );
    assert_eq!(
        stmt("from . import x"),
        StmtKind::ImportFrom {
            module: "".into(),
            names: vec![Alias {
                name: "x".into(),
                asname: None
            }],
            level: 1
        }
    );
    match stmt("from ..pkg.mod import (y, z as w,)") {
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => {
            assert_eq!((module.as_str(), names.len(), level), ("pkg.mod", 2, 2));
            assert_eq!(names[1].asname.as_deref(), Some("w"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        stmt("from ...x import *"),
        StmtKind::ImportFrom {
            module: "x".into(),
            names: vec![],
            level: 3
        }
    );
}

#[test]
fn assignments() {
    match stmt("a = b = c = 1") {
        StmtKind::Assign { targets, value } => {
            let names: Vec<_> = targets.iter().map(|t| t.kind.clone()).collect();
            assert_eq!(names, [name("a"), name("b"), name("c")]);
            assert_eq!(int(&value), "1");
        }
        other => panic!("{other:?}"),
    }
    match stmt("a, b = b, a") {
        StmtKind::Assign { targets, value } => {
            let a = Expr {
                pos: pos(1, 0),
                kind: name("a"),
            };
            let b = Expr {
                pos: pos(1, 3),
                kind: name("b"),
            };
            assert_eq!(targets[0].kind, ExprKind::Tuple(vec![a, b]));
            assert!(matches!(value.kind, ExprKind::Tuple(ref v) if v.len() == 2));
        }
        other => panic!("{other:?}"),
    }
    match stmt("first, *rest = xs") {
        StmtKind::Assign { targets, .. } => {
            assert!(
                matches!(&targets[0].kind, ExprKind::Tuple(v) if matches!(v[1].kind, ExprKind::Starred(_)))
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(kind("1,"), ExprKind::Tuple(ref v) if v.len() == 1));
    assert!(matches!(stmt("[a, (b, *c)] = d"), StmtKind::Assign { .. }));
    assert!(matches!(
        stmt("x: int = 5"),
        StmtKind::AnnAssign { value: Some(_), .. }
    ));
    assert!(matches!(
        stmt("y: list[int]"),
        StmtKind::AnnAssign { value: None, .. }
    ));
    assert!(matches!(
        stmt("obj.attr: str = 's'"),
        StmtKind::AnnAssign { .. }
    ));
    let ops = [
        "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=",
    ];
    let want = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mult,
        BinOp::Div,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::RShift,
        BinOp::LShift,
        BinOp::BitAnd,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::MatMult,
    ];
    for (o, w) in ops.iter().zip(want) {
        match stmt(&format!("x[0] {o} 1")) {
            StmtKind::AugAssign { op, .. } => assert_eq!(op, w),
            other => panic!("{other:?}"),
        }
    }
    // Simple statements separated by `;`.
    assert_eq!(module("x = 1; y = 2;\nz = 3").len(), 3);
}

#[test]
fn simple_statements() {
    assert!(matches!(stmt("del a, b[1], c.d"), StmtKind::Delete(ref v) if v.len() == 3));
    assert!(matches!(
        stmt("assert x, 'msg'"),
        StmtKind::Assert { msg: Some(_), .. }
    ));
    assert_eq!(
        stmt("raise"),
        StmtKind::Raise {
            exc: None,
            cause: None
        }
    );
    assert!(matches!(
        stmt("raise E('x') from None"),
        StmtKind::Raise {
            exc: Some(_),
            cause: Some(_)
        }
    ));
    assert_eq!(
        stmt("global a, b"),
        StmtKind::Global(vec!["a".into(), "b".into()])
    );
    assert_eq!(stmt("pass"), StmtKind::Pass);
    // A docstring is an expression statement.
    assert!(matches!(
        stmt("'''doc'''"),
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(_)),
            ..
        })
    ));
    match stmt("def f():\n    x = 1\n    def g():\n        nonlocal x\n    return *a, b\n") {
        StmtKind::FunctionDef(f) => {
            assert!(
                matches!(&f.body[1].kind, StmtKind::FunctionDef(g) if g.body[0].kind == StmtKind::Nonlocal(vec!["x".into()]))
            );
            match &f.body[2].kind {
                StmtKind::Return(Some(Expr {
                    kind: ExprKind::Tuple(v),
                    ..
                })) => {
                    assert!(matches!(v[0].kind, ExprKind::Starred(_)))
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn compound_statements() {
    match stmt("if a: pass\nelif b: pass\nelif c:\n    pass\nelse: x = 1\n") {
        StmtKind::If { orelse, .. } => match &orelse[0].kind {
            StmtKind::If { orelse, .. } => {
                assert_eq!(orelse[0].pos, pos(3, 0));
                assert!(
                    matches!(&orelse[0].kind, StmtKind::If { orelse, .. } if orelse.len() == 1)
                );
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(stmt("while x:\n    break\nelse:\n    pass\n"), StmtKind::While { ref orelse, .. } if orelse.len() == 1)
    );
    match stmt("for k, v in d.items(): print(k, v)") {
        StmtKind::For {
            is_async: false,
            target,
            ..
        } => assert!(matches!(target.kind, ExprKind::Tuple(_))),
        other => panic!("{other:?}"),
    }
    let src = "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n";
    match stmt(src) {
        StmtKind::Try {
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            assert_eq!(handlers.len(), 3);
            assert!(matches!(
                handlers[0].kind,
                Some(Expr {
                    kind: ExprKind::Tuple(_),
                    ..
                })
            ));
            assert_eq!(handlers[0].name.as_deref(), Some("e"));
            assert_eq!(handlers[1].pos, pos(5, 0));
            assert!(handlers[2].kind.is_none());
            assert_eq!((orelse.len(), finalbody.len()), (1, 1));
        }
        other => panic!("{other:?}"),
    }
    for src in [
        "with a as b, c as d: pass",
        "with (a as b, c as d,): pass",
        "with (\n    a as b,\n    c as d\n):\n    pass\n",
    ] {
        match stmt(src) {
            StmtKind::With { items, .. } => {
                assert_eq!(items.len(), 2, "{src}");
                assert_eq!(
                    items[1].target.as_ref().map(|t| t.kind.clone()),
                    Some(name("d"))
                );
            }
            other => panic!("{other:?}"),
        }
    }
    match stmt("with (a, b) as c: pass") {
        StmtKind::With { items, .. } => {
            assert!(items.len() == 1 && matches!(items[0].context.kind, ExprKind::Tuple(_)))
        }
        other => panic!("{other:?}"),
    }
    match stmt("with (a): pass") {
        StmtKind::With { items, .. } => assert_eq!(items[0].context.kind, name("a")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn async_statements() {
    let src = "async def f():\n    await x\n    async for a in b: pass\n    async with c as d: pass\n    return [y async for y in z]\n";
    let body = match stmt(src) {
        StmtKind::FunctionDef(f) => {
            assert!(f.is_async);
            f.body
        }
        other => panic!("{other:?}"),
    };
    assert!(matches!(
        body[0].kind,
        StmtKind::Expr(Expr {
            kind: ExprKind::Await(_),
            ..
        })
    ));
    assert!(matches!(body[1].kind, StmtKind::For { is_async: true, .. }));
    assert!(matches!(
        body[2].kind,
        StmtKind::With { is_async: true, .. }
    ));
    match &body[3].kind {
        StmtKind::Return(Some(Expr {
            kind: ExprKind::Comprehension { generators, .. },
            ..
        })) => {
            assert!(generators[0].is_async)
        }
        other => panic!("{other:?}"),
    }
    // `await` parses anywhere: where it is allowed is the compiler's business.
    assert!(parse("await x").is_ok());
}

#[test]
fn functions_and_classes() {
    let src = "@dec\n@dec2(1)\ndef f(a, b=1, /, c: int = 2, *args: int, d, e=3, **kw) -> int:\n    '''Doc.'''\n    return a\n";
    let f = match stmt(src) {
        StmtKind::FunctionDef(f) => f,
        other => panic!("{other:?}"),
    };
    assert_eq!(f.decorators.len(), 2);
    let names = |ps: &[Param]| ps.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&f.params.posonly), ["a", "b"]);
    assert_eq!(names(&f.params.args), ["c"]);
    assert!(f.params.args[0].annotation.is_some() && f.params.args[0].default.is_some());
    assert_eq!(
        f.params.vararg.as_ref().map(|p| p.name.as_str()),
        Some("args")
    );
    assert_eq!(names(&f.params.kwonly), ["d", "e"]);
    assert!(f.params.kwonly[0].default.is_none() && f.params.kwonly[1].default.is_some());
    assert_eq!(f.params.kwarg.as_ref().map(|p| p.name.as_str()), Some("kw"));
    assert!(f.returns.is_some());
    match stmt("def g(*, a): pass") {
        StmtKind::FunctionDef(g) => {
            assert!(g.params.vararg.is_none() && g.params.kwonly.len() == 1)
        }
        other => panic!("{other:?}"),
    }
    let body =
        module("@d\nclass C(B, metaclass=M, **kw):\n    x = 1\n    def m(self): return self\n");
    assert_eq!(body[0].pos, pos(2, 0));
    let StmtKind::ClassDef(c) = &body[0].kind else {
        panic!("{body:?}")
    };
    assert_eq!(
        (
            c.bases.len(),
            c.keywords.len(),
            c.body.len(),
            c.decorators.len()
        ),
        (1, 2, 2, 1)
    );
    assert_eq!(c.keywords[0].arg.as_deref(), Some("metaclass"));
    assert_eq!(c.keywords[1].arg, None);
    match kind("lambda x, y=1, *a, z, **k: x") {
        ExprKind::Lambda { params, body } => {
            assert_eq!((params.args.len(), params.kwonly.len()), (2, 1));
            assert_eq!(body.kind, name("x"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(kind("lambda: (yield)"), ExprKind::Lambda { .. }));
}

#[test]
fn precedence() {
    // -2**2 is -(2**2); ** is right-associative.
    match kind("-2**2") {
        ExprKind::UnaryOp {
            op: UnaryOp::Neg,
            operand,
        } => {
            assert!(matches!(
                operand.kind,
                ExprKind::BinOp { op: BinOp::Pow, .. }
            ))
        }
        other => panic!("{other:?}"),
    }
    match kind("a ** b ** c") {
        ExprKind::BinOp {
            op: BinOp::Pow,
            left,
            right,
        } => {
            assert_eq!(left.kind, name("a"));
            assert!(matches!(right.kind, ExprKind::BinOp { op: BinOp::Pow, .. }));
        }
        other => panic!("{other:?}"),
    }
    // a + b * c - d is (a + (b * c)) - d.
    match kind("a + b * c - d") {
        ExprKind::BinOp {
            op: BinOp::Sub,
            left,
            ..
        } => match left.kind {
            ExprKind::BinOp {
                op: BinOp::Add,
                right,
                ..
            } => {
                assert!(matches!(
                    right.kind,
                    ExprKind::BinOp {
                        op: BinOp::Mult,
                        ..
                    }
                ))
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    // | binds more loosely than ^, & and shifts.
    assert!(matches!(
        kind("a | b ^ c & d << e"),
        ExprKind::BinOp {
            op: BinOp::BitOr,
            ..
        }
    ));
    // not a == b is not (a == b); and binds more tightly than or.
    match kind("not a == b") {
        ExprKind::UnaryOp {
            op: UnaryOp::Not,
            operand,
        } => assert!(matches!(operand.kind, ExprKind::Compare { .. })),
        other => panic!("{other:?}"),
    }
    match kind("a or b and c or d") {
        ExprKind::BoolOp {
            op: BoolOp::Or,
            values,
        } => {
            assert_eq!(values.len(), 3);
            assert!(matches!(
                values[1].kind,
                ExprKind::BoolOp {
                    op: BoolOp::And,
                    ..
                }
            ));
        }
        other => panic!("{other:?}"),
    }
    match kind("a < b <= c is not d not in e") {
        ExprKind::Compare {
            ops, comparators, ..
        } => {
            assert_eq!(ops, [CmpOp::Lt, CmpOp::LtE, CmpOp::IsNot, CmpOp::NotIn]);
            assert_eq!(comparators.len(), 4);
        }
        other => panic!("{other:?}"),
    }
    match kind("a if b else c if d else e") {
        ExprKind::IfExp { body, orelse, .. } => {
            assert_eq!(body.kind, name("a"));
            assert!(matches!(orelse.kind, ExprKind::IfExp { .. }));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        kind("~a + +b - -c"),
        ExprKind::BinOp { op: BinOp::Sub, .. }
    ));
    match kind("await a ** 2") {
        ExprKind::BinOp {
            op: BinOp::Pow,
            left,
            ..
        } => assert!(matches!(left.kind, ExprKind::Await(_))),
        other => panic!("{other:?}"),
    }
    // A node starts where its first token does, brackets included.
    assert_eq!(expr("(a) + b").pos, pos(1, 4));
    match kind("(await x).y") {
        ExprKind::Attribute { value, .. } => assert_eq!(value.pos, pos(1, 5)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn calls_and_subscripts() {
    match kind("f(a, *b, c=d, **e)") {
        ExprKind::Call { args, keywords, .. } => {
            assert!(args.len() == 2 && matches!(args[1].kind, ExprKind::Starred(_)));
            assert_eq!(keywords.len(), 2);
            assert_eq!(keywords[1].arg, None);
        }
        other => panic!("{other:?}"),
    }
    match kind("sum(x for x in y if x if x > 2)") {
        ExprKind::Call { args, .. } => match &args[0] {
            Expr {
                pos: p,
                kind:
                    ExprKind::Comprehension {
                        kind: ComprehensionKind::Generator,
                        generators,
                        ..
                    },
            } => {
                assert_eq!(*p, pos(1, 7));
                assert_eq!(generators[0].ifs.len(), 2);
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    match kind("a[1:2, ::3]") {
        ExprKind::Subscript { index, .. } => match index.kind {
            ExprKind::Tuple(v) => {
                assert!(matches!(
                    &v[0].kind,
                    ExprKind::Slice {
                        lower: Some(_),
                        upper: Some(_),
                        step: None
                    }
                ));
                assert!(matches!(
                    &v[1].kind,
                    ExprKind::Slice {
                        lower: None,
                        upper: None,
                        step: Some(_)
                    }
                ));
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    let slice = |src: &str| match kind(src) {
        ExprKind::Subscript { index, .. } => index.kind,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        slice("a[:]"),
        ExprKind::Slice {
            lower: None,
            upper: None,
            step: None
        }
    );
    assert!(matches!(slice("a[1,]"), ExprKind::Tuple(_)));
    assert!(matches!(kind("a.b.c[d](e)(f=1)"), ExprKind::Call { .. }));
    assert!(
        matches!(kind("f(x := 1)"), ExprKind::Call { args, .. } if matches!(args[0].kind, ExprKind::NamedExpr { .. }))
    );
}

#[test]
fn displays_and_comprehensions() {
    assert_eq!(kind("()"), ExprKind::Tuple(vec![]));
    assert!(matches!(kind("(1,)"), ExprKind::Tuple(ref v) if v.len() == 1));
    assert!(matches!(kind("(1)"), ExprKind::Constant(_)));
    assert!(matches!(kind("[1, 2, *a]"), ExprKind::List(ref v) if v.len() == 3));
    assert_eq!(kind("{}"), ExprKind::Dict(vec![]));
    assert!(matches!(kind("{1, 2, *a}"), ExprKind::Set(ref v) if v.len() == 3));
    match kind("{1: 2, **a, 3: 4}") {
        ExprKind::Dict(pairs) => assert!(pairs.len() == 3 && pairs[1].0.is_none()),
        other => panic!("{other:?}"),
    }
    match kind("[x for x in y for y in z if a if b]") {
        ExprKind::Comprehension {
            kind: ComprehensionKind::List,
            generators,
            value: None,
            ..
        } => {
            assert_eq!(generators.len(), 2);
            assert_eq!(generators[1].ifs.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        kind("{x for x in y}"),
        ExprKind::Comprehension {
            kind: ComprehensionKind::Set,
            ..
        }
    ));
    assert!(matches!(
        kind("{k: v for k, v in d.items()}"),
        ExprKind::Comprehension {
            kind: ComprehensionKind::Dict,
            value: Some(_),
            ..
        }
    ));
    assert!(matches!(
        kind("(x for x in y)"),
        ExprKind::Comprehension {
            kind: ComprehensionKind::Generator,
            ..
        }
    ));
    assert_eq!(kind("..."), ExprKind::Constant(Constant::Ellipsis));
    assert!(matches!(kind("[y := 1, y ** 2]"), ExprKind::List(_)));
    assert!(matches!(
        stmt("if (n := len(a)) > 10: pass"),
        StmtKind::If { .. }
    ));
}

#[test]
fn yields() {
    let body = match stmt(
        "def g():\n    yield\n    x = yield 1, 2\n    y = yield from z\n    z = (yield)\n",
    ) {
        StmtKind::FunctionDef(f) => f.body,
        other => panic!("{other:?}"),
    };
    let value = |s: &Stmt| match &s.kind {
        StmtKind::Assign { value, .. } => value.kind.clone(),
        other => panic!("{other:?}"),
    };
    assert!(matches!(
        body[0].kind,
        StmtKind::Expr(Expr {
            kind: ExprKind::Yield(None),
            ..
        })
    ));
    assert!(
        matches!(value(&body[1]), ExprKind::Yield(Some(v)) if matches!(v.kind, ExprKind::Tuple(_)))
    );
    assert!(matches!(value(&body[2]), ExprKind::YieldFrom(_)));
    assert!(matches!(value(&body[3]), ExprKind::Yield(None)));
}

#[test]
fn layout() {
    // Unicode names, Chinese comments and strings, tabs, continuation lines, blank lines.
    let body = module("# 中文注释\n名字 = '值'  # 注释\nif 名字:\n\tx = (1 +\n\t     2)\n\ty = 1 + \\\n\t    2\n\n\n\tz = [\n\t1,\n]\n");
    assert_eq!(body.len(), 2);
    assert_eq!(body[0].pos, pos(2, 0));
    match &body[1].kind {
        StmtKind::If { body, .. } => {
            assert_eq!(body.len(), 3);
            assert_eq!(body[2].pos, pos(10, 1));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(module("\u{feff}x = 1\r\ny = 2\r\n").len(), 2);
    assert_eq!(module("x = 1\ry = 2\r\n\nz = 3").len(), 3);
    assert!(module("").is_empty());
    assert!(module("\n\n# only a comment\n").is_empty());
}

#[test]
fn course_listings_parse() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/course");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("src/course")
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.sort();
    let (mut count, mut failures) = (0, Vec::new());
    for dir in dirs.iter().filter(|d| {
        d.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("ch"))
    }) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for path in entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
        {
            count += 1;
            let src = std::fs::read_to_string(&path).expect("listing");
            if let Err(e) = parse(&src) {
                failures.push(format!("{}: {e} at {:?}", path.display(), e.pos));
            }
        }
    }
    assert!(count >= 170, "only {count} listings found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The exception classes of the table below.
const S: &str = "SyntaxError";
const I: &str = "IndentationError";
const T: &str = "TabError";

/// Source, exception class, message, line and column (0-based: CPython's offset minus one), as
/// CPython 3.11.7's `compile(source, "main.py", "exec")` reports them.
const CPYTHON_ERRORS: &[(&str, &str, &str, u32, u32)] = &[
    ("if x = 1:\n  pass", S, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3),
    ("if x\n  pass", S, "expected ':'", 1, 4),
    ("if x:\npass", I, "expected an indented block after 'if' statement on line 1", 2, 0),
    ("for x in y:\npass", I, "expected an indented block after 'for' statement on line 1", 2, 0),
    ("while x:\npass", I, "expected an indented block after 'while' statement on line 1", 2, 0),
    ("def f():\npass", I, "expected an indented block after function definition on line 1", 2, 0),
    ("class A:\npass", I, "expected an indented block after class definition on line 1", 2, 0),
    ("try:\npass", I, "expected an indented block after 'try' statement on line 1", 2, 0),
    ("with a:\npass", I, "expected an indented block after 'with' statement on line 1", 2, 0),
    ("if x:\n  pass\nelse:\npass", I, "expected an indented block after 'else' statement on line 3", 4, 0),
    ("if x:\n  pass\nelif y:\npass", I, "expected an indented block after 'elif' statement on line 3", 4, 0),
    ("try:\n  pass\nexcept:\npass", I, "expected an indented block after 'except' statement on line 3", 4, 0),
    ("try:\n  pass\nexcept E as e:\npass", I, "expected an indented block after 'except' statement on line 3", 4, 0),
    ("try:\n  pass\nfinally:\npass", I, "expected an indented block after 'finally' statement on line 3", 4, 0),
    ("try:\n  pass\nexcept E:\n  pass\nelse:\npass", I, "expected an indented block after 'else' statement on line 5", 6, 0),
    ("async def f():\npass", I, "expected an indented block after function definition on line 1", 2, 0),
    ("async def f():\n  async for x in y:\n  pass", I, "expected an indented block after 'for' statement on line 2", 3, 2),
    ("async def f():\n  async with x:\n  pass", I, "expected an indented block after 'with' statement on line 2", 3, 2),
    ("@d\ndef f():\npass", I, "expected an indented block after function definition on line 2", 3, 0),
    ("if x:\n  if y:\n  z", I, "expected an indented block after 'if' statement on line 2", 3, 2),
    ("x = \"abc", S, "unterminated string literal (detected at line 1)", 1, 4),
    ("x = 'abc", S, "unterminated string literal (detected at line 1)", 1, 4),
    ("x = \"\"\"abc\n\ny", S, "unterminated triple-quoted string literal (detected at line 3)", 1, 4),
    ("x = '''abc", S, "unterminated triple-quoted string literal (detected at line 1)", 1, 4),
    ("x = f\"abc", S, "unterminated string literal (detected at line 1)", 1, 4),
    ("  x = f(a\nb)", I, "unexpected indent", 1, 1),
    ("f() = 1", S, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0),
    ("1 = x", S, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0),
    ("\"a\" = 1", S, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0),
    ("x + 1 = 2", S, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0),
    ("f(a.b=1)", S, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2),
    ("f(a for a in b, c)", S, "Generator expression must be parenthesized", 1, 2),
    ("f(a=1, b)", S, "positional argument follows keyword argument", 1, 8),
    ("f(**a, *b)", S, "iterable argument unpacking follows keyword argument unpacking", 1, 7),
    ("f(**a, b)", S, "positional argument follows keyword argument unpacking", 1, 8),
    ("print \"hello\"", S, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0),
    ("print x", S, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0),
    ("print x, y", S, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0),
    ("exec \"x\"", S, "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 0),
    ("return 1", S, "'return' outside function", 1, 0),
    ("def f():\n  pass\nreturn", S, "'return' outside function", 3, 0),
    ("yield 1", S, "'yield' outside function", 1, 0),
    ("break", S, "'break' outside loop", 1, 0),
    ("continue", S, "'continue' not properly in loop", 1, 0),
    ("while x:\n  def f():\n    break", S, "'break' outside loop", 3, 4),
    ("nonlocal x", S, "nonlocal declaration not allowed at module level", 1, 0),
    ("x = 1abc", S, "invalid decimal literal", 1, 4),
    ("x = 0x", S, "invalid hexadecimal literal", 1, 5),
    ("x = 0xg", S, "invalid hexadecimal literal", 1, 5),
    ("x = 0o8", S, "invalid digit '8' in octal literal", 1, 6),
    ("x = 0b2", S, "invalid digit '2' in binary literal", 1, 6),
    ("x = 012", S, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4),
    ("x = 1_", S, "invalid decimal literal", 1, 5),
    ("x = 1__0", S, "invalid decimal literal", 1, 5),
    ("x = [1 2]", S, "invalid syntax. Perhaps you forgot a comma?", 1, 5),
    ("x = {1 2}", S, "invalid syntax. Perhaps you forgot a comma?", 1, 5),
    ("x = (1 2)", S, "invalid syntax. Perhaps you forgot a comma?", 1, 5),
    ("x = {a: }", S, "expression expected after dictionary key and ':'", 1, 6),
    ("x = {a: 1, b}", S, "':' expected after dictionary key", 1, 11),
    ("x = 1 +", S, "invalid syntax", 1, 7),
    ("def f:", S, "expected '('", 1, 5),
    ("def f(a=1, b):\n  pass", S, "non-default argument follows default argument", 1, 11),
    ("def f(*, **k):\n  pass", S, "named arguments must follow bare *", 1, 6),
    ("def f(a, a):\n  pass", S, "duplicate argument 'a' in function definition", 1, 9),
    ("def f(/, a):\n  pass", S, "at least one argument must precede /", 1, 6),
    ("def f(a, /, b, /):\n  pass", S, "/ may appear only once", 1, 15),
    ("def f(*a, *b):\n  pass", S, "* argument may appear only once", 1, 10),
    ("def f(*a=1):\n  pass", S, "var-positional argument cannot have default value", 1, 8),
    ("def f(**k, a):\n  pass", S, "arguments cannot follow var-keyword argument", 1, 11),
    ("def f(*, a, /):\n  pass", S, "/ must be ahead of *", 1, 12),
    ("x = 0x1fg", S, "invalid hexadecimal literal", 1, 7),
    ("x = 0b101a", S, "invalid binary literal", 1, 8),
    ("x = 0o17z", S, "invalid octal literal", 1, 7),
    ("x = 0_7", S, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4),
    ("x = 0001", S, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4),
    ("x = f\"{x!z}\"", S, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 12),
    ("x = f\"{x!}\"", S, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 11),
    ("x = f\"{}\"", S, "f-string: empty expression not allowed", 1, 9),
    ("x = f\"{ }\"", S, "f-string: empty expression not allowed", 1, 10),
    ("x = f\"}\"", S, "f-string: single '}' is not allowed", 1, 8),
    ("x = f\"{\"", S, "f-string: expecting '}'", 1, 8),
    ("x = f\"{x\"", S, "f-string: expecting '}'", 1, 9),
    ("x = f\"{x:{y}\"", S, "f-string: expecting '}'", 1, 13),
    ("x = f\"{'\\\n'}\"", S, "f-string expression part cannot include a backslash", 2, 3),
    ("x = f\"{x#}\"", S, "f-string expression part cannot include '#'", 1, 11),
    ("x = f\"{x)}\"", S, "f-string: unmatched ')'", 1, 11),
    ("x = f\"{(x}\"", S, "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 11),
    ("x = f\"{a:{b:{c}}}\"", S, "f-string: expressions nested too deeply", 1, 18),
    ("x = f\"{a:{b:{c:{d}}}}\"", S, "f-string: expressions nested too deeply", 1, 22),
    ("x = f\"{yield}\"", S, "'yield' outside function", 1, 7),
    ("x = b\"é\"", S, "bytes can only contain ASCII literal characters", 1, 4),
    ("x = ，", S, "invalid character '，' (U+FF0C)", 1, 4),
    ("x = 1 € 2", S, "invalid character '€' (U+20AC)", 1, 6),
    ("x = a\\\\ b", S, "unexpected character after line continuation character", 1, 6),
    ("x = 1 \\\\", S, "unexpected character after line continuation character", 1, 7),
    ("x = a $ b", S, "invalid syntax", 1, 6),
    ("x = a ? b", S, "invalid syntax", 1, 6),
    ("if x:\n\tpass\n        pass", T, "inconsistent use of tabs and spaces in indentation", 3, 0),
    ("if x:\n        pass\n\tpass", T, "inconsistent use of tabs and spaces in indentation", 3, 0),
    ("if x:\n    pass\n  pass", I, "unindent does not match any outer indentation level", 3, 6),
    ("if x:\n    pass\n      pass", I, "unexpected indent", 3, 5),
    ("x = 1\n    y = 2", I, "unexpected indent", 2, 3),
    ("x = (((1]", S, "closing parenthesis ']' does not match opening parenthesis '('", 1, 8),
    ("x = (\n1]", S, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1),
    ("x = [1,\n2,\n3)", S, "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 3, 1),
    ("x = ( 1 )\n)", S, "unmatched ')'", 2, 0),
    ("x = (1,\nfoo(", S, "'(' was never closed", 2, 3),
    ("foo(a,\n b c,\n d", S, "'(' was never closed", 1, 3),
    ("if x:\n  pass\nelse if y:\n  pass", S, "expected ':'", 3, 5),
    ("for x in y\n  pass", S, "expected ':'", 1, 10),
    ("from x import a,", S, "trailing comma not allowed without surrounding parentheses", 1, 16),
    ("from x import (a, b", S, "'(' was never closed", 1, 14),
    ("try:\n  pass\nexcept A, B:\n  pass", S, "multiple exception types must be parenthesized", 3, 7),
    ("try:\n  pass\nx = 1", S, "expected 'except' or 'finally' block", 3, 0),
    ("a, b += 1", S, "'tuple' is an illegal expression for augmented assignment", 1, 0),
    ("f() += 1", S, "'function call' is an illegal expression for augmented assignment", 1, 0),
    ("del f()", S, "cannot delete function call", 1, 4),
    ("del 1", S, "cannot delete literal", 1, 4),
    ("del (a, f())", S, "cannot delete function call", 1, 8),
    ("*a = 1", S, "starred assignment target must be in a list or tuple", 1, 0),
    ("*a, *b = 1", S, "multiple starred expressions in assignment", 1, 0),
    ("x = *a", S, "can't use starred expression here", 1, 4),
    ("True = 1", S, "cannot assign to True", 1, 0),
    ("None = 1", S, "cannot assign to None", 1, 0),
    ("with a as f():\n  pass", S, "cannot assign to function call", 1, 10),
    ("for f() in x:\n  pass", S, "cannot assign to function call", 1, 4),
    ("[x for f() in y]", S, "cannot assign to function call", 1, 7),
    ("(x.y := 1)", S, "cannot use assignment expressions with attribute", 1, 1),
    ("x = a if b", S, "expected 'else' after 'if' expression", 1, 4),
    ("f(x=1, x=2)", S, "keyword argument repeated: x", 1, 7),
    ("class A(x=1, x=2): pass", S, "keyword argument repeated: x", 1, 13),
    ("f(True=1)", S, "cannot assign to True", 1, 2),
    ("f(x for x in y, )", S, "Generator expression must be parenthesized", 1, 2),
    ("x = [x, y for x, y in z]", S, "did you forget parentheses around the comprehension target?", 1, 5),
    ("x = yield = 1", S, "assignment to yield expression not possible", 1, 4),
    ("return", S, "'return' outside function", 1, 0),
    ("x = (yield)", S, "'yield' outside function", 1, 5),
    ("def f[T](): pass", S, "expected '('", 1, 5),
    ("x = {1: 2, 3}", S, "':' expected after dictionary key", 1, 11),
    ("f() = 1, 2", S, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0),
    ("[a, 1] = 1", S, "cannot assign to literal", 1, 4),
    ("a, f() = 1", S, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 3),
    ("if x:", I, "expected an indented block after 'if' statement on line 1", 1, 5),
    ("x = [x = 1]", S, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 5),
    ("while x = 1:\n  pass", S, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6),
    ("f(a, x=1, x=2)", S, "keyword argument repeated: x", 1, 10),
    ("x = (1 if 2)", S, "expected 'else' after 'if' expression", 1, 5),
    ("f(a for a in b, c for c in d)", S, "Generator expression must be parenthesized", 1, 2),
    ("x = \"a\" b\"b\"", S, "cannot mix bytes and nonbytes literals", 1, 12),
    ("x = f\"a\" b\"b\"", S, "cannot mix bytes and nonbytes literals", 1, 13),
    ("x = u\"a\" rb\"x\"", S, "cannot mix bytes and nonbytes literals", 1, 14),
    ("def f(a, b=1, /, c):\n  pass", S, "non-default argument follows default argument", 1, 17),
    ("def f(**k=1):\n  pass", S, "var-keyword argument cannot have default value", 1, 9),
    ("lambda *: 1", S, "named arguments must follow bare *", 1, 8),
    ("lambda a=1, b: 1", S, "non-default argument follows default argument", 1, 12),
    ("if x:\n    pass\n  else:\n    pass", I, "unindent does not match any outer indentation level", 3, 7),
    ("for x in range(3):\n    pass\nelse:\n    pass\n  x", I, "unindent does not match any outer indentation level", 5, 3),
    ("x = '''abc\ny\n", S, "unterminated triple-quoted string literal (detected at line 2)", 1, 4),
    ("x = '''abc\ny\n\n", S, "unterminated triple-quoted string literal (detected at line 3)", 1, 4),
    ("if x:\n  y\nelse:", I, "expected an indented block after 'else' statement on line 3", 3, 5),
    ("print（\"hi\"）", S, "invalid character '（' (U+FF08)", 1, 5),
    ("print(“hi”)", S, "invalid character '“' (U+201C)", 1, 6),
    ("x = 1，2", S, "invalid character '，' (U+FF0C)", 1, 5),
    ("print('hi')；", S, "invalid character '；' (U+FF1B)", 1, 11),
    ("if x：\n  pass", S, "invalid character '：' (U+FF1A)", 1, 4),
    ("x = [1, 2, 3", S, "'[' was never closed", 1, 4),
    ("x = {'a': 1, 'b' 2}", S, "':' expected after dictionary key", 1, 15),
    ("x = {'a': 1, 'b': }", S, "expression expected after dictionary key and ':'", 1, 16),
    ("if True:\n\tx = 1\n        y = 2", T, "inconsistent use of tabs and spaces in indentation", 3, 0),
    ("x = (1, 2]", S, "closing parenthesis ']' does not match opening parenthesis '('", 1, 9),
    ("x = [1, 2)", S, "closing parenthesis ')' does not match opening parenthesis '['", 1, 9),
    ("x = {1, 2)", S, "closing parenthesis ')' does not match opening parenthesis '{'", 1, 9),
    ("x = )", S, "unmatched ')'", 1, 4),
    ("x = ]", S, "unmatched ']'", 1, 4),
    ("x = }", S, "unmatched '}'", 1, 4),
    ("for x in y:\n  def f():\n    continue", S, "'continue' not properly in loop", 3, 4),
    ("for x in y:\n  class A:\n    break", S, "'break' outside loop", 3, 4),
    ("def f(a, a=1): pass", S, "duplicate argument 'a' in function definition", 1, 9),
    ("lambda a, a: 1", S, "duplicate argument 'a' in function definition", 1, 10),
    ("x = [x if y for x in z]", S, "expected 'else' after 'if' expression", 1, 5),
    ("try:\n  pass\nexcept A, B, C:\n  pass", S, "multiple exception types must be parenthesized", 3, 7),
    ("try:\n  pass\nexcept:\n  pass\nexcept A:\n  pass", S, "default 'except:' must be last", 3, 0),
    ("try:\n  pass\nelse:\n  pass", S, "expected 'except' or 'finally' block", 3, 0),
    ("with open('f') as 1:\n  pass", S, "cannot assign to literal", 1, 18),
    ("x = 1 = 2", S, "cannot assign to literal", 1, 4),
    ("x = (1 = 2)", S, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 5),
    ("x = f(1 = 2)", S, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 6),
    ("def f():\n    x = [1, 2,\n         3, 4\n    return x\n", S, "'[' was never closed", 2, 8),
    ("for i in range(3):\nprint(i)\n", I, "expected an indented block after 'for' statement on line 1", 2, 0),
    ("def f():\n    \"\"\"doc\n    return 1\n", S, "unterminated triple-quoted string literal (detected at line 3)", 2, 4),
    ("x = 1 \\\\\n    + 2 3\n", S, "unexpected character after line continuation character", 1, 7),
    ("try:\n    x = 1\nexcept Exception, e:\n    pass\n", S, "multiple exception types must be parenthesized", 3, 7),
    ("try:\n    x = 1\n\nprint(1)\n", S, "expected 'except' or 'finally' block", 4, 0),
    ("with open('f') as f:\nf.read()\n", I, "expected an indented block after 'with' statement on line 1", 2, 0),
    ("f(**kwargs, *args)\n", S, "iterable argument unpacking follows keyword argument unpacking", 1, 12),
    ("f(a=1, 2)\n", S, "positional argument follows keyword argument", 1, 8),
    ("def f(*, a, *, b):\n    pass\n", S, "* argument may appear only once", 1, 12),
    ("x = '''abc\n", S, "unterminated triple-quoted string literal (detected at line 1)", 1, 4),
    ("x = \"\"\"abc'''\n", S, "unterminated triple-quoted string literal (detected at line 1)", 1, 4),
    ("del x + 1\n", S, "cannot delete expression", 1, 4),
    ("del f()\n", S, "cannot delete function call", 1, 4),
    ("del *a\n", S, "cannot delete starred", 1, 4),
    ("class A(metaclass=M, x):\n    pass\n", S, "positional argument follows keyword argument", 1, 22),
];

#[test]
fn errors_match_cpython() {
    let mut wrong = Vec::new();
    for &(src, kind, msg, line, col) in CPYTHON_ERRORS {
        match parse(src) {
            Ok(_) => wrong.push(format!("{src:?}: parsed, CPython says {msg:?}")),
            Err(e) => {
                let got = (e.kind(), e.msg.as_str(), e.pos.line, e.pos.col);
                if got != (kind, msg, line, col) {
                    wrong.push(format!(
                        "{src:?}:\n    got  {got:?}\n    want {:?}",
                        (kind, msg, line, col)
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} differ:\n{}",
        wrong.len(),
        CPYTHON_ERRORS.len(),
        wrong.join("\n")
    );
}

#[test]
fn errors_of_our_own() {
    for (src, msg) in [
        ("x = 1j", "complex numbers are not supported"),
        ("x = 1.5J", "complex numbers are not supported"),
        (
            "s = '\\N{DASH}'",
            "(unicode error) \\N{...} escapes are not supported",
        ),
        (
            "match x:\n    case 1:\n        pass\n",
            "the 'match' statement is not supported",
        ),
        (
            "try:\n    pass\nexcept* ValueError:\n    pass\n",
            "the 'except*' clause (exception groups) is not supported",
        ),
    ] {
        assert_eq!(err(src).msg, msg, "{src:?}");
    }
    // Errors CPython raises only when compiling come after every syntax error of the file.
    assert_eq!(err("return 1\nx = (").msg, "'(' was never closed");
    assert_eq!(
        err("def f(a, a): pass").msg,
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(err("f(x=1, x=2)").msg, "keyword argument repeated: x");
    assert_eq!(
        err("*a = 1").msg,
        "starred assignment target must be in a list or tuple"
    );
    assert_eq!(
        err("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n").msg,
        "default 'except:' must be last"
    );
    // The classes of the errors.
    assert_eq!(err("if x:\n  pass\n   pass").kind(), "IndentationError");
    assert_eq!(err("if x:\n\tpass\n        pass").kind(), "TabError");
    assert_eq!(err("x = (").kind(), "SyntaxError");
    assert_eq!(
        err("x = (").to_string(),
        "SyntaxError: '(' was never closed (line 1)"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let nested =
        |open: &str, close: &str, n: usize| format!("x = {}1{}", open.repeat(n), close.repeat(n));
    let run = move || {
        assert!(parse(&nested("(", ")", 100)).is_ok());
        assert!(parse(&nested("[", "]", 100)).is_ok());
        let deep = [
            nested("(", ")", 1000),
            nested("[", "]", 1000),
            nested("f(", ")", 1000),
            nested("-(", ")", 1000),
            nested("(lambda: ", ")", 1000),
            nested("{1: ", "}", 1000),
            format!("x = {}1", "-".repeat(10000)),
            format!("x = {}1", "not ".repeat(10000)),
            format!("x = {}1", "lambda: ".repeat(10000)),
            format!("x = 1{}", " if 1 else 1".repeat(10000)),
            format!("x = 1{}", " + 1".repeat(10000)),
            format!("x = {}b", "a.".repeat(10000)),
            format!("x = {}2", "2 ** ".repeat(10000)),
            format!("x = f'{{{}1{}}}'", "(".repeat(300), ")".repeat(300)),
            (0..200)
                .map(|k| format!("{}if x:\n", " ".repeat(k)))
                .collect::<String>(),
            format!("if x: pass\n{}", "elif x: pass\n".repeat(10000)),
        ];
        for src in deep {
            let e = parse(&src).expect_err(&src[..40.min(src.len())]);
            assert!(!e.msg.is_empty());
        }
    };
    // Unoptimized code needs more stack than a web page's 1 MiB; 4 MiB leave room to spare.
    std::thread::Builder::new()
        .stack_size(4 << 20)
        .spawn(run)
        .expect("thread")
        .join()
        .expect("no overflow");
}

#[test]
fn never_panics_on_mangled_sources() {
    let sources = [
        "import asyncio\n\nasync def main(n: int = 1) -> None:\n    print(f\"{n!r:>{w}} {d['k']}\")\n    await asyncio.sleep(0.5)\n    x = [i ** 2 for i in range(10) if i % 2]\n    return {**d, 'a': (1, 2)}\n\nasyncio.run(main())\n",
        "class A(B, metaclass=M):\n    '''doc'''\n    def f(self, *a, k=1, **kw):\n        try:\n            yield from g()\n        except (E, F) as e:\n            raise X from e\n        finally:\n            del self.x[1:2, ::3]\n",
    ];
    let pieces = [
        "(", ")", "[", "]", "{", "}", ":", "\"", "'", "\"\"\"", "f\"", "f'{", "\\", "\n", "\t",
        "    ", "=", ",", "*", "@", "#", "0x", "1e", "1_", ".", "lambda", "if", "else", "for",
        "not", "yield", "await", "中", "，", "!r", "=}", ":=", "\r", "\u{0}", "\\N{", "b'é'",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..3000 {
        let mut chars: Vec<char> = sources[next(sources.len())].chars().collect();
        for _ in 0..1 + next(3) {
            let at = next(chars.len() + 1);
            if next(3) == 0 {
                let end = (at + next(8)).min(chars.len());
                chars.drain(at..end);
            } else {
                for (k, c) in pieces[next(pieces.len())].chars().enumerate() {
                    chars.insert(at + k, c);
                }
            }
        }
        let src: String = chars.into_iter().collect();
        let _ = parse(&src);
    }
}
