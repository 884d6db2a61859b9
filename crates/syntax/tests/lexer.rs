//! Lexical structure (spec section 2): tokens, literals, comments, semicolon insertion,
//! and every lexical error message.

mod common;

use common::{assert_error, parse_err};
use syntax::ast::BinOp;
use syntax::lexer::{tokenize, Lexer};
use syntax::token::{SemiKind, TokenKind as T};

fn kinds(src: &str) -> Vec<T> {
    kinds_bytes(src.as_bytes())
}

fn kinds_bytes(src: &[u8]) -> Vec<T> {
    tokenize(src).unwrap_or_else(|d| panic!("{:?} for {:?}", d, String::from_utf8_lossy(src))).into_iter().map(|t| t.kind).collect()
}

fn lex_err(src: &[u8]) -> syntax::Diagnostic {
    match tokenize(src) {
        Ok(tokens) => panic!("expected a lexical error, got {:?}", tokens),
        Err(d) => d,
    }
}

const NL: T = T::Semi(SemiKind::Newline);
const EOFSEMI: T = T::Semi(SemiKind::Eof);
const SEMI: T = T::Semi(SemiKind::Explicit);

fn int(src: &str) -> i64 {
    match kinds(src)[0] {
        T::Int(v) => v,
        other => panic!("{} lexed as {:?}", src, other),
    }
}

fn float(src: &str) -> f64 {
    match kinds(src)[0] {
        T::Float(v) => v,
        other => panic!("{} lexed as {:?}", src, other),
    }
}

#[test]
fn operators_longest_match() {
    assert_eq!(
        kinds("+ - * / % ** .. & | ^ &^ << >> && || ! # <- == != < <= > >="),
        vec![
            T::Plus, T::Minus, T::Star, T::Slash, T::Percent, T::StarStar, T::DotDot, T::Amp, T::Pipe, T::Caret,
            T::AmpCaret, T::Shl, T::Shr, T::AndAnd, T::OrOr, T::Bang, T::Hash, T::Arrow, T::EqEq, T::NotEq, T::Lt,
            T::Le, T::Gt, T::Ge, T::Eof
        ]
    );
    let assign_ops = [
        ("+=", BinOp::Add),
        ("-=", BinOp::Sub),
        ("*=", BinOp::Mul),
        ("/=", BinOp::Div),
        ("%=", BinOp::Mod),
        ("**=", BinOp::Pow),
        ("..=", BinOp::Concat),
        ("&=", BinOp::BAnd),
        ("|=", BinOp::BOr),
        ("^=", BinOp::BXor),
        ("&^=", BinOp::BAndNot),
        ("<<=", BinOp::Shl),
        (">>=", BinOp::Shr),
    ];
    for (text, op) in assign_ops {
        assert_eq!(kinds(text), vec![T::OpAssign(op), T::Eof], "{}", text);
    }
    assert_eq!(
        kinds("= := ++ -- ( ) [ ] { } , ; . : ..."),
        vec![
            T::Assign, T::Define, T::PlusPlus, T::MinusMinus, T::LParen, T::RParen, T::LBracket, T::RBracket,
            T::LBrace, T::RBrace, T::Comma, SEMI, T::Dot, T::Colon, T::Ellipsis, EOFSEMI, T::Eof
        ]
    );
    assert_eq!(kinds("a<-1"), vec![T::Ident, T::Arrow, T::Int(1), EOFSEMI, T::Eof]);
    assert_eq!(kinds("x--y"), vec![T::Ident, T::MinusMinus, T::Ident, EOFSEMI, T::Eof]);
    assert_eq!(kinds("a&^b"), vec![T::Ident, T::AmpCaret, T::Ident, EOFSEMI, T::Eof]);
    assert_eq!(kinds("a...."), vec![T::Ident, T::Ellipsis, T::Dot, T::Eof]);
}

#[test]
fn keywords_and_identifiers() {
    let words = "break case chan const continue default defer else elseif fallthrough false for func go goto if nil range return select switch true var";
    let toks = kinds(words);
    assert!(toks[..23].iter().all(|k| k.is_keyword()), "{:?}", toks);
    assert_eq!(kinds("make _ _x9 Abc"), vec![T::Ident, T::Ident, T::Ident, T::Ident, EOFSEMI, T::Eof]);
    // Keywords with a prefix/suffix are identifiers.
    assert_eq!(kinds("iff fors"), vec![T::Ident, T::Ident, EOFSEMI, T::Eof]);
}

#[test]
fn integer_literals() {
    assert_eq!(int("0"), 0);
    assert_eq!(int("42"), 42);
    assert_eq!(int("1_000_000"), 1_000_000);
    assert_eq!(int("0x_FF"), 255);
    assert_eq!(int("0XfF"), 255);
    assert_eq!(int("0o17"), 15);
    assert_eq!(int("0O_17"), 15);
    assert_eq!(int("0b1010"), 10);
    assert_eq!(int("0B_1_0"), 2);
    assert_eq!(int("9223372036854775807"), i64::MAX);
    // Hex/octal/binary wrap modulo 2^64.
    assert_eq!(int("0xFFFFFFFFFFFFFFFF"), -1);
    assert_eq!(int("0x8000000000000000"), i64::MIN);
    assert_eq!(int("0x1FFFFFFFFFFFFFFFF"), -1);
    assert_eq!(int("0b1111111111111111111111111111111111111111111111111111111111111111"), -1);
    assert_eq!(int("0o1777777777777777777777"), -1);
    // Decimal overflow gives the nearest float.
    assert_eq!(float("9223372036854775808"), 9223372036854775808.0);
    assert_eq!(float("18446744073709551617"), 18446744073709551616.0);
    assert_eq!(float("1" .repeat(400).as_str()), f64::INFINITY);
}

#[test]
fn float_literals() {
    assert_eq!(float("1.5"), 1.5);
    assert_eq!(float("1."), 1.0);
    assert_eq!(float(".5"), 0.5);
    assert_eq!(float("1e3"), 1000.0);
    assert_eq!(float("1E+3"), 1000.0);
    assert_eq!(float("2.5e-3"), 0.0025);
    assert_eq!(float("1.e2"), 100.0);
    assert_eq!(float("007.5"), 7.5);
    assert_eq!(float("0e0"), 0.0);
    assert_eq!(float("1_0.2_5e1_0"), 10.25e10);
    assert_eq!(float("0.1"), 0.1);
    assert_eq!(float("1e400"), f64::INFINITY);
    assert_eq!(float("1e-400"), 0.0);
    assert_eq!(float("2.2250738585072011e-308"), f64::from_bits(0x000F_FFFF_FFFF_FFFF));
    // Hex floats need a p exponent.
    assert_eq!(float("0x1.8p1"), 3.0);
    assert_eq!(float("0x1p-2"), 0.25);
    assert_eq!(float("0X.8P0"), 0.5);
    assert_eq!(float("0x1P+4"), 16.0);
    assert_eq!(float("0xA.p0"), 10.0);
    assert_eq!(float("0x_1p0"), 1.0);
    assert_eq!(float("0x1p-1074"), 5e-324);
    assert_eq!(float("0x1p-1075"), 0.0); // exact tie with 0: rounds to even
    assert_eq!(float("0x1.8p-1075"), 5e-324);
    assert_eq!(float("0x1p1023"), 2f64.powi(1023));
    assert_eq!(float("0x1p1024"), f64::INFINITY);
    assert_eq!(float("0x1.fffffffffffffp1023"), f64::MAX);
    assert_eq!(float("0x1.fffffffffffff8p1023"), f64::INFINITY);
    assert_eq!(float("0x1.00000000000008p0"), 1.0); // tie, even
    assert_eq!(float("0x1.00000000000018p0"), 1.0 + 2.0 * f64::EPSILON); // tie, round up to even
    assert_eq!(float("0x1.000000000000080000001p0"), 1.0 + f64::EPSILON); // above the tie (sticky)
    assert_eq!(float("0x0.0000000000001p-1022"), 5e-324);
    assert_eq!(float("0x123456789abcdef0123p0"), 0x123456789abcdef0123u128 as f64);
    assert_eq!(float("0x1p99999999999999999999"), f64::INFINITY);
    assert_eq!(float("0x1p-99999999999999999999"), 0.0);
}

#[test]
fn number_boundary_rule() {
    assert_eq!(kinds("1..2"), vec![T::Int(1), T::DotDot, T::Int(2), EOFSEMI, T::Eof]);
    assert_eq!(kinds("1...")[..2], [T::Int(1), T::Ellipsis]);
    assert_eq!(kinds("1.5..2")[..3], [T::Float(1.5), T::DotDot, T::Int(2)]);
    assert_eq!(kinds("0x1e+5")[..3], [T::Int(0x1e), T::Plus, T::Int(5)]);
    assert_eq!(kinds("1+2")[..3], [T::Int(1), T::Plus, T::Int(2)]);
    for bad in [
        "12ab", "1.5.3", "0x", "1e", "1__0", "1_", "010", "00", "0_1", "1e+", "0x1.8", "0xp1", "0x.p1", "0b2",
        "0b", "0o8", "0o", "1.e", "1_.5", "1._5", "0x1p", "0x1p_1", "1e_1", "0x_", "0x1__2", "3in", "1.5e3.2",
        "0b1.0", "0o1p1", "0_x1", "9abc",
    ] {
        let d = lex_err(bad.as_bytes());
        assert_eq!(d.message, format!("malformed number near '{}'", bad), "{}", bad);
        assert_eq!(d.line, 1);
    }
    // The error text is the whole run, not just its start.
    assert_eq!(lex_err(b"x := 12ab + 1").message, "malformed number near '12ab'");
}

#[test]
fn interpreted_strings() {
    let decoded = |src: &str| -> Vec<u8> {
        let chunk = common::parse_ok(&format!("x := {}", src));
        match &chunk.body[0].kind {
            syntax::ast::StmtKind::ShortVarDecl { values, .. } => match &values[0].kind {
                syntax::ast::ExprKind::Str(bytes) => bytes.clone(),
                other => panic!("{:?}", other),
            },
            other => panic!("{:?}", other),
        }
    };
    assert_eq!(decoded(r#""\a\b\f\n\r\t\v\\\"\'""#), b"\x07\x08\x0c\n\r\t\x0b\\\"'");
    assert_eq!(decoded(r#""\x41\102\u00e9""#), b"AB\xc3\xa9");
    assert_eq!(decoded(r#""\xff\377\000""#), b"\xff\xff\x00");
    assert_eq!(decoded(r#""\U0001F600""#), "\u{1F600}".as_bytes());
    assert_eq!(decoded(r#""\U0010FFFF""#), "\u{10FFFF}".as_bytes());
    assert_eq!(decoded("\"h\u{e9}\""), "hé".as_bytes());
    assert_eq!(decoded("\"\""), b"");
    // Bytes >= 0x80 stand for themselves (not validated).
    let chunk = syntax::parse(b"x := \"\xff\xfe\"").unwrap();
    let printed = syntax::pretty::chunk_to_source(&chunk);
    assert_eq!(printed, "x := \"\\xff\\xfe\"\n");

    for bad in [r#""\q""#, r#""\x4""#, r#""\xZZ""#, r#""\400""#, r#""\12""#, r#""\u12""#, r#""\uD800""#,
        r#""\U00110000""#, r#""\8""#, r#""\ ""#] {
        let d = lex_err(bad.as_bytes());
        assert!(d.message.starts_with("invalid escape sequence near '"), "{}: {}", bad, d.message);
    }
    assert_eq!(lex_err(br#"x := "ab\q""#).message, r#"invalid escape sequence near '"ab\q'"#);
    assert_eq!(lex_err(b"\"abc\ndef\"").message, "unfinished string near '\"abc'");
    assert!(!lex_err(b"\"abc\ndef\"").incomplete);
    let d = lex_err(b"x := 1\n\"abc");
    assert_eq!((d.message.as_str(), d.line, d.incomplete), ("unfinished string near <eof>", 2, true));
    let d = lex_err(b"\"abc\\");
    assert_eq!((d.message.as_str(), d.incomplete), ("unfinished string near <eof>", true));
}

#[test]
fn raw_strings() {
    let chunk = common::parse_ok("x := `C:\\path\\n\r\nline2`\ny := 1");
    match &chunk.body[0].kind {
        syntax::ast::StmtKind::ShortVarDecl { values, .. } => {
            assert_eq!(values[0].kind, syntax::ast::ExprKind::Str(b"C:\\path\\n\nline2".to_vec()))
        }
        other => panic!("{:?}", other),
    }
    // The statement after the raw string is on line 3.
    assert_eq!(chunk.body[1].span.line, 3);
    let d = lex_err(b"x := `abc\ndef");
    assert_eq!((d.message.as_str(), d.line, d.incomplete), ("unfinished string near <eof>", 2, true));
    // A raw string with arbitrary bytes.
    assert_eq!(kinds_bytes(b"`\xff\x00\x01`")[0], T::RawStr);
}

#[test]
fn rune_literals() {
    let rune = |s: &str| match kinds(s)[0] {
        T::Rune(v) => v,
        other => panic!("{:?}", other),
    };
    assert_eq!(rune("'a'"), 97);
    assert_eq!(rune("'\\n'"), 10);
    assert_eq!(rune("'é'"), 233);
    assert_eq!(rune("'世'"), 0x4e16);
    assert_eq!(rune("'😀'"), 0x1F600);
    assert_eq!(rune("'\\x41'"), 65);
    assert_eq!(rune("'\\xff'"), 255);
    assert_eq!(rune("'\\377'"), 255);
    assert_eq!(rune("'\\u00e9'"), 233);
    assert_eq!(rune("'\\U0001F600'"), 0x1F600);
    assert_eq!(rune("'\\''"), 39);
    assert_eq!(rune("'\"'"), 34);
    for bad in ["''", "'ab'", "'\n'"] {
        assert!(lex_err(bad.as_bytes()).message.starts_with("invalid rune literal near"), "{:?}", bad);
    }
    assert_eq!(lex_err(b"'ab'").message, "invalid rune literal near ''ab''");
    assert!(lex_err(b"'\xff'").message.starts_with("invalid rune literal"));
    assert!(lex_err(b"'\xc3'").message.starts_with("invalid rune literal"));
    assert!(lex_err(b"'\xed\xa0\x80'").message.starts_with("invalid rune literal")); // surrogate
    assert!(lex_err(b"'\\q'").message.starts_with("invalid escape sequence"));
    let d = lex_err(b"'");
    assert!(d.message.starts_with("invalid rune literal") && d.incomplete);
    // Rune literals are integers in the AST.
    let chunk = common::parse_ok("print('A' + 1)");
    let printed = syntax::pretty::chunk_to_source(&chunk);
    assert_eq!(printed, "print(65 + 1)\n");
}

#[test]
fn comments() {
    assert_eq!(kinds("a // c\nb"), vec![T::Ident, NL, T::Ident, EOFSEMI, T::Eof]);
    // A general comment without newline acts like a space: no semicolon.
    assert_eq!(kinds("a /* c */ + b"), vec![T::Ident, T::Plus, T::Ident, EOFSEMI, T::Eof]);
    // With a newline it acts like a newline.
    assert_eq!(kinds("a /* c\n */ b"), vec![T::Ident, NL, T::Ident, EOFSEMI, T::Eof]);
    assert_eq!(kinds("a /* c */\nb"), vec![T::Ident, NL, T::Ident, EOFSEMI, T::Eof]);
    // A line comment at the end of the chunk.
    assert_eq!(kinds("a // end"), vec![T::Ident, EOFSEMI, T::Eof]);
    // Comments do not nest; `--` is not a comment.
    assert_eq!(kinds("/* /* */ a"), vec![T::Ident, EOFSEMI, T::Eof]);
    assert_eq!(kinds("x--")[..2], [T::Ident, T::MinusMinus]);
    // Comment markers inside strings are string content.
    assert_eq!(kinds("\"//\" `/*`"), vec![T::Str, T::RawStr, EOFSEMI, T::Eof]);
    let d = lex_err(b"a := 1 /* never\nclosed");
    assert_eq!((d.message.as_str(), d.line, d.incomplete), ("unfinished comment near <eof>", 2, true));
    // Line numbers count newlines inside comments.
    let tokens = tokenize(b"/*\n\n*/ x").unwrap();
    assert_eq!(tokens[0].span.line, 3);
}

#[test]
fn shebang_line() {
    assert_eq!(kinds("#!/usr/bin/env gscript\nx"), vec![T::Ident, EOFSEMI, T::Eof]);
    let tokens = tokenize(b"#!/bin/x \xff\xfe\nx").unwrap();
    assert_eq!(tokens[0].span.line, 2);
    // Only at the very start.
    assert!(tokenize(b" #!x").is_err() || kinds(" #!x")[0] == T::Hash);
}

#[test]
fn unexpected_characters() {
    for (src, shown) in [("~", "~"), ("@", "@"), ("$", "$"), ("?", "?"), ("\\", "\\")] {
        let d = lex_err(src.as_bytes());
        assert_eq!(d.message, format!("unexpected character near '{}'", shown));
    }
    assert_eq!(lex_err(b"x := 1\n  \x01").message, "unexpected character near '<\\1>'");
    let d = lex_err(b"x := 1\n  \x01");
    assert_eq!((d.line, d.col), (2, 3));
    // Bytes outside ASCII (including invalid UTF-8) outside literals are errors.
    assert_eq!(lex_err("é := 1".as_bytes()).message, "unexpected character near '<\\195>'");
    assert_eq!(lex_err(b"\xff").message, "unexpected character near '<\\255>'");
    assert_eq!(lex_err(b"a\x00b").message, "unexpected character near '<\\0>'");
    // Tab, CR, LF and space are whitespace.
    assert_eq!(kinds("a\t\r\n b"), vec![T::Ident, NL, T::Ident, EOFSEMI, T::Eof]);
    // ...but inside literals and comments any byte is fine.
    assert!(tokenize(b"// \xff\x00\n/* \x01 */ \"\x7f\x80\"").is_ok());
}

#[test]
fn semicolon_rule_1_tokens() {
    // Every token kind of rule 1 inserts a semicolon at a newline...
    for text in [
        "x", "1", "1.5", "'a'", "\"s\"", "`r`", "break", "continue", "fallthrough", "return", "nil", "true",
        "false", "x++", "x--", "f()", "a[1]", "{}", "...",
    ] {
        let toks = kinds(&format!("{}\ny", text));
        let before_y = toks[toks.len() - 4];
        assert_eq!(before_y, NL, "{:?}: {:?}", text, toks);
    }
    // ...and no other token does.
    for text in ["x +", "x =", "x,", "x.", "x:", "if", "else", "func", "var", "go", "x &&", "x <-", "x :="] {
        let toks = kinds(&format!("{}\ny", text));
        assert!(!toks.contains(&NL), "{:?}: {:?}", text, toks);
    }
}

#[test]
fn semicolon_rule_2_brackets() {
    assert!(!kinds("f(a,\nb\n)").contains(&NL));
    assert!(!kinds("t[\n1\n]").contains(&NL));
    assert!(!kinds("(\n(\nx\n)\n)").contains(&NL));
    // Inside `{` newlines insert semicolons again, even inside parentheses.
    assert_eq!(
        kinds("f(func() {\nx\n})"),
        vec![
            T::Ident, T::LParen, T::Func, T::LParen, T::RParen, T::LBrace, T::Ident, NL, T::RBrace, T::RParen,
            EOFSEMI, T::Eof
        ]
    );
    // Table constructors: fields one per line.
    assert_eq!(kinds("{\na: 1\n}"), vec![T::LBrace, T::Ident, T::Colon, T::Int(1), NL, T::RBrace, EOFSEMI, T::Eof]);
    // Unbalanced closers do not underflow.
    assert!(tokenize(b")))\n]]]\n}}}\nx").is_ok());
}

#[test]
fn keyword_field_names_end_statements() {
    // `t.default` at the end of a line is a field name: a `;` is inserted after it.
    assert_eq!(kinds("t.default\nx")[..4], [T::Ident, T::Dot, T::Ident, NL]);
    assert_eq!(kinds("t.select(1)")[..3], [T::Ident, T::Dot, T::Ident]);
    common::parse_ok("x := t.range\ny := t.go.func");
    // Not after `:` (method names cannot be keywords) nor elsewhere.
    assert_eq!(kinds("x:go")[2], T::Go);
}

#[test]
fn semicolon_rule_3_else() {
    assert_eq!(kinds("}\nelse")[..2], [T::RBrace, T::Else]);
    assert_eq!(kinds("}\n\n // c\n elseif")[..2], [T::RBrace, T::Elseif]);
    assert_eq!(kinds("x\nelse")[..2], [T::Ident, T::Else]);
}

#[test]
fn inserted_semicolon_positions() {
    let tokens = tokenize(b"x := 1\n\n\ny").unwrap();
    let semi = tokens.iter().find(|t| t.kind == NL).unwrap();
    assert_eq!((semi.span.line, semi.span.col, semi.span.lo), (1, 7, 6));
    // After a multi-line raw string the semicolon is on the string's last line.
    let tokens = tokenize(b"x := `a\nb`\ny").unwrap();
    let semi = tokens.iter().find(|t| t.kind == NL).unwrap();
    assert_eq!((semi.span.line, semi.span.col), (2, 3));
    // End of chunk: a final semicolon of kind Eof, then Eof on the last line.
    let tokens = tokenize(b"x\n\n").unwrap();
    let eof = tokens.last().unwrap();
    assert_eq!((eof.kind, eof.span.line), (T::Eof, 3));
    // Only trivia follows: the semicolon counts as inserted at end of input (so that the
    // REPL treats `if x` + newline as incomplete). It still lies on the line of `x`.
    assert_eq!((tokens[1].kind, tokens[1].span.line), (EOFSEMI, 1));
    assert_eq!(kinds(""), vec![T::Eof]);
}

#[test]
fn spans() {
    let tokens = tokenize(b"ab  +\n  cd").unwrap();
    assert_eq!((tokens[0].span.lo, tokens[0].span.hi, tokens[0].span.line, tokens[0].span.col), (0, 2, 1, 1));
    assert_eq!((tokens[1].span.lo, tokens[1].span.col), (4, 5));
    assert_eq!((tokens[2].span.line, tokens[2].span.col, tokens[2].span.lo), (2, 3, 8));
}

#[test]
fn lexer_iterator_stops() {
    let items: Vec<_> = Lexer::new(b"a b").collect();
    assert_eq!(items.len(), 4); // a b ; eof
    let items: Vec<_> = Lexer::new(b"a ~ b").collect();
    assert_eq!(items.len(), 2);
    assert!(items[1].is_err());
}

#[test]
fn lexical_errors_through_parse() {
    // The parser reports lexical errors with their lines.
    assert_error("x := 1\ny := 12ab", "malformed number near '12ab'", 2);
    assert_error("x := 1\n\n~", "unexpected character near '~'", 3);
    assert!(parse_err("/* open").incomplete);
}
