//! Just enough JSON for a request body (`await request.json()`): objects, arrays, strings with
//! their escapes, numbers, `true`, `false`, `null`. A malformed body is the error Python's
//! `json` raises (`JSONDecodeError: Expecting value: line 1 column 1 (char 0)`), so a handler
//! that reads it fails the way the listing's does.

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its keys in order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// `data['key']`: the value of a key of an object; a missing key (or not an object) is
    /// Python's `KeyError`.
    pub fn get(&self, key: &str) -> Result<&Value, String> {
        match self {
            Value::Object(pairs) => pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .ok_or_else(|| format!("KeyError: '{key}'")),
            _ => Err(format!(
                "TypeError: the JSON body is not an object, so it has no '{key}'"
            )),
        }
    }

    /// The text of a string value, as `str(...)` of it would be for a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Number(n as f64)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// An object of `(key, value)` pairs, in order: `{"item_id": item_id, "q": q}`.
pub fn object<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// The compact JSON text of a value, as Starlette's `JSONResponse` writes it
/// (`json.dumps(content, ensure_ascii=False, separators=(",", ":"))`).
pub fn dumps(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
            out.push_str(&(*n as i64).to_string())
        }
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::Str(s) => write_str(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object(pairs) => {
            out.push('{');
            for (i, (key, item)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(key, out);
                out.push(':');
                write(item, out);
            }
            out.push('}');
        }
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push_str(&string(s));
}

/// A JSON string literal: quoted, with quotes, backslashes and control characters escaped
/// (and nothing else: `ensure_ascii=False`).
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Parses a whole JSON text.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut parser = Parser { text, at: 0 };
    parser.space();
    let value = parser.value()?;
    parser.space();
    if parser.at < text.len() {
        return Err(parser.error("Extra data"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let before = &self.text[..self.at];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        format!(
            "JSONDecodeError: {what}: line {line} column {column} (char {})",
            before.chars().count()
        )
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Value::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(Value::Bool(true)),
            _ if self.eat("false") => Ok(Value::Bool(false)),
            _ if self.eat("null") => Ok(Value::Null),
            _ => Err(self.error("Expecting value")),
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        self.at += 1;
        let mut pairs = Vec::new();
        self.space();
        if self.eat("}") {
            return Ok(Value::Object(pairs));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("Expecting property name enclosed in double quotes"));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(":") {
                return Err(self.error("Expecting ':' delimiter"));
            }
            self.space();
            let value = self.value()?;
            pairs.push((key, value));
            self.space();
            if self.eat("}") {
                return Ok(Value::Object(pairs));
            }
            if !self.eat(",") {
                return Err(self.error("Expecting ',' delimiter"));
            }
        }
    }

    fn array(&mut self) -> Result<Value, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat("]") {
            return Ok(Value::Array(items));
        }
        loop {
            self.space();
            items.push(self.value()?);
            self.space();
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if !self.eat(",") {
                return Err(self.error("Expecting ',' delimiter"));
            }
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let Some(c) = rest.chars().next() else {
                return Err(self.error("Unterminated string starting at"));
            };
            self.at += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(e) = self.text[self.at..].chars().next() else {
                        return Err(self.error("Unterminated string starting at"));
                    };
                    self.at += 1;
                    match e {
                        '"' | '\\' | '/' => out.push(e),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hex = self.text.get(self.at..self.at + 4).unwrap_or("");
                            let code = u32::from_str_radix(hex, 16)
                                .map_err(|_| self.error("Invalid \\uXXXX escape"))?;
                            self.at += 4;
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.error("Invalid \\escape")),
                    }
                }
                c if (c as u32) < 0x20 => return Err(self.error("Invalid control character at")),
                c => out.push(c),
            }
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.at += 1;
        }
        self.text[start..self.at]
            .parse::<f64>()
            .map(Value::Number)
            .map_err(|_| {
                self.at = start;
                self.error("Expecting value")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::{dumps, object, parse, Value};

    #[test]
    fn values_are_written_compact_and_read_back() {
        let v = object([
            ("item_id", 5.into()),
            ("q", Option::<String>::None.into()),
            ("s", "é \"x\"\n".into()),
            (
                "l",
                Value::Array(vec![Value::Bool(true), Value::Number(1.5)]),
            ),
        ]);
        let text = dumps(&v);
        assert_eq!(
            text,
            r#"{"item_id":5,"q":null,"s":"é \"x\"\n","l":[true,1.5]}"#
        );
        assert_eq!(parse(&text).unwrap(), v);
    }

    #[test]
    fn objects_arrays_strings_and_numbers_parse() {
        let v = parse(r#" {"username": "Ada", "email": "ada@example.com", "n": -1.5e1, "ok": true, "x": null, "l": [1, "\u00e9\n"]} "#).unwrap();
        assert_eq!(v.get("username").unwrap().as_str(), Some("Ada"));
        assert_eq!(v.get("n").unwrap(), &Value::Number(-15.0));
        assert_eq!(v.get("ok").unwrap(), &Value::Bool(true));
        assert_eq!(v.get("x").unwrap(), &Value::Null);
        assert_eq!(
            v.get("l").unwrap(),
            &Value::Array(vec![Value::Number(1.0), Value::Str("é\n".into())])
        );
        assert_eq!(v.get("missing").unwrap_err(), "KeyError: 'missing'");
        assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
    }

    #[test]
    fn malformed_json_is_pythons_error() {
        assert_eq!(
            parse("").unwrap_err(),
            "JSONDecodeError: Expecting value: line 1 column 1 (char 0)"
        );
        assert_eq!(
            parse("{'a': 1}").unwrap_err(),
            "JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        assert!(parse("{\"a\": 1} x")
            .unwrap_err()
            .starts_with("JSONDecodeError: Extra data"));
        assert!(parse("\"open").unwrap_err().contains("Unterminated string"));
    }
}
