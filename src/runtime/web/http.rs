//! HTTP as a server sees it, without any browser: methods, reason phrases, request targets
//! (path and query, percent-decoded) and route patterns with converters
//! (`/about/{username:str}`, `/users/{user_id:int}`). Pure, so it is tested natively.

use std::rc::Rc;

/// The largest request body a server accepts; a longer one gets `413 Content Too Large`.
pub const MAX_BODY: usize = 1024 * 1024;

/// The methods a server here understands; anything else is a `400 Bad Request`.
pub const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/// The method of [`METHODS`] `name` is, in any case (`post` is `POST`).
pub fn method(name: &str) -> Option<&'static str> {
    METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(name))
        .copied()
}

/// The standard reason phrase of a status (HTTP/2 servers send none, so a browser's
/// `statusText` may be empty): `404` → `Not Found`.
pub fn reason(status: u16) -> Option<&'static str> {
    Some(match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        410 => "Gone",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

/// `200 OK`, as a WSGI status line is written.
pub fn status_line(status: u16) -> String {
    match reason(status) {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// Decodes `%XX` escapes (and, in a query, `+` as a space); a malformed escape is kept as
/// written, and invalid UTF-8 is replaced, as Starlette's `unquote` does.
pub fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => match bytes.get(i + 1..i + 3) {
                Some(&[hi, lo]) if hi.is_ascii_hexdigit() && lo.is_ascii_hexdigit() => {
                    let digit = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
                    out.push(digit(hi) * 16 + digit(lo));
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A request's target split as a server does: the decoded path and the raw query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The path, percent-decoded (`/about/张三`); always starts with `/`.
    pub path: String,
    /// The query string as sent, without `?` (`q=1&x=y`), empty if none.
    pub query: String,
}

impl Target {
    /// Splits `/about/x?q=1#frag` (a fragment never reaches a server, but is dropped if given).
    pub fn parse(target: &str) -> Target {
        let target = target.split('#').next().unwrap_or_default();
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let path = percent_decode(path, false);
        let path = if path.starts_with('/') {
            path
        } else {
            format!("/{path}")
        };
        Target {
            path,
            query: query.to_string(),
        }
    }

    /// The query's pairs, decoded, in order (`request.query_params`).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        query_pairs(&self.query)
    }
}

/// `a=1&b=x+y` → `[("a", "1"), ("b", "x y")]`; a name without `=` has an empty value.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(name, true), percent_decode(value, true))
        })
        .collect()
}

/// A path parameter's value after its converter: `{n:int}` gives [`Param::Int`].
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    /// `str` (the default) or `path`.
    Str(Rc<str>),
    /// `int`: digits only.
    Int(i64),
    /// `float`: digits with an optional fraction.
    Float(f64),
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Param::Str(s) => f.write_str(s),
            Param::Int(n) => write!(f, "{n}"),
            Param::Float(x) => write!(f, "{x}"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Converter {
    Str,
    Int,
    Float,
    Path,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Literal(String),
    Param(String, Converter),
}

/// A route's path pattern, Starlette's way: literal segments and `{name}` / `{name:conv}`
/// parameters, where `conv` is `str` (one segment, the default), `int`, `float` or `path`
/// (the rest of the path, slashes included). No space is allowed after the colon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pieces: Vec<Piece>,
    text: Rc<str>,
}

impl Pattern {
    /// Parses a pattern; a malformed one (an unclosed `{`, an unknown converter) is an error
    /// naming it, as Starlette raises when the route is declared.
    pub fn parse(pattern: &str) -> Result<Pattern, String> {
        if !pattern.starts_with('/') {
            return Err(format!(
                "AssertionError: Routed paths must start with '/': {pattern}"
            ));
        }
        let mut pieces = Vec::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Literal(rest[..open].to_string()));
            }
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| format!("ValueError: an unclosed '{{' in the path {pattern}"))?;
            let inside = &rest[open + 1..open + close];
            let (name, converter) = inside.split_once(':').unwrap_or((inside, "str"));
            let converter = match converter {
                "str" => Converter::Str,
                "int" => Converter::Int,
                "float" => Converter::Float,
                "path" => Converter::Path,
                other => {
                    return Err(format!(
                        "AssertionError: Unknown path convertor '{other}' in {pattern}"
                    ))
                }
            };
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return Err(format!(
                    "ValueError: a bad parameter name {{{inside}}} in {pattern}"
                ));
            }
            pieces.push(Piece::Param(name.to_string(), converter));
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Literal(rest.to_string()));
        }
        Ok(Pattern {
            pieces,
            text: Rc::from(pattern),
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The path parameters if `path` matches, in order; `None` if it does not.
    pub fn matches(&self, path: &str) -> Option<Vec<(String, Param)>> {
        let mut params = Vec::new();
        let mut rest = path;
        for (i, piece) in self.pieces.iter().enumerate() {
            match piece {
                Piece::Literal(text) => rest = rest.strip_prefix(text.as_str())?,
                Piece::Param(name, converter) => {
                    // A parameter runs to the next literal's start (within its segment for
                    // all but `path`), or to the end.
                    let next = match self.pieces.get(i + 1) {
                        Some(Piece::Literal(text)) => Some(text.as_str()),
                        _ => None,
                    };
                    let limit = if *converter == Converter::Path {
                        rest.len()
                    } else {
                        rest.find('/').unwrap_or(rest.len())
                    };
                    let end = match next {
                        Some(text) if !text.starts_with('/') => rest[..limit].find(text)?,
                        Some(_) => limit,
                        None => limit,
                    };
                    let value = &rest[..end];
                    let param = convert(value, *converter)?;
                    params.push((name.clone(), param));
                    rest = &rest[end..];
                }
            }
        }
        rest.is_empty().then_some(params)
    }
}

fn convert(value: &str, converter: Converter) -> Option<Param> {
    match converter {
        Converter::Str if value.is_empty() => None,
        Converter::Str | Converter::Path => Some(Param::Str(Rc::from(value))),
        Converter::Int => {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            value.parse().ok().map(Param::Int)
        }
        Converter::Float => {
            let ok = !value.is_empty()
                && value.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && value.bytes().filter(|b| *b == b'.').count() <= 1
                && value != ".";
            if !ok {
                return None;
            }
            value.parse().ok().map(Param::Float)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_split_into_a_decoded_path_and_the_query() {
        let t = Target::parse("/about/%E5%BC%A0%E4%B8%89?q=a+b&x=%2F#frag");
        assert_eq!(t.path, "/about/张三");
        assert_eq!(t.query, "q=a+b&x=%2F");
        assert_eq!(
            t.query_pairs(),
            vec![("q".into(), "a b".into()), ("x".into(), "/".into())]
        );
        assert_eq!(Target::parse("").path, "/");
        assert_eq!(Target::parse("items").path, "/items");
        assert_eq!(percent_decode("100%", false), "100%");
        assert_eq!(percent_decode("%zz%4", false), "%zz%4");
        assert_eq!(percent_decode("%41%42", false), "AB");
        assert_eq!(
            query_pairs("flag&&a="),
            vec![("flag".into(), "".into()), ("a".into(), "".into())]
        );
    }

    #[test]
    fn patterns_match_with_their_converters() {
        let about = Pattern::parse("/about/{username:str}").unwrap();
        assert_eq!(
            about.matches("/about/John"),
            Some(vec![("username".into(), Param::Str("John".into()))])
        );
        assert_eq!(about.matches("/about/"), None);
        assert_eq!(about.matches("/about/a/b"), None);
        let user = Pattern::parse("/users/{user_id:int}").unwrap();
        assert_eq!(
            user.matches("/users/42"),
            Some(vec![("user_id".into(), Param::Int(42))])
        );
        assert_eq!(user.matches("/users/x"), None);
        assert_eq!(user.matches("/users/-1"), None);
        let float = Pattern::parse("/f/{n:float}").unwrap();
        assert_eq!(
            float.matches("/f/1.5"),
            Some(vec![("n".into(), Param::Float(1.5))])
        );
        assert_eq!(float.matches("/f/1.2.3"), None);
        let rest = Pattern::parse("/uploaded/{rest_of_path:path}").unwrap();
        assert_eq!(
            rest.matches("/uploaded/a/b.txt"),
            Some(vec![("rest_of_path".into(), Param::Str("a/b.txt".into()))])
        );
        let root = Pattern::parse("/").unwrap();
        assert_eq!(root.matches("/"), Some(vec![]));
        assert_eq!(root.matches("/x"), None);
        let two = Pattern::parse("/{a}-{b:int}/end").unwrap();
        assert_eq!(
            two.matches("/x-7/end"),
            Some(vec![
                ("a".into(), Param::Str("x".into())),
                ("b".into(), Param::Int(7))
            ])
        );
    }

    #[test]
    fn malformed_patterns_are_named() {
        assert!(Pattern::parse("about")
            .unwrap_err()
            .contains("must start with '/'"));
        assert!(Pattern::parse("/a/{x").unwrap_err().contains("unclosed"));
        assert!(Pattern::parse("/a/{x: int}")
            .unwrap_err()
            .contains("Unknown path convertor ' int'"));
        assert!(Pattern::parse("/a/{}")
            .unwrap_err()
            .contains("bad parameter"));
    }

    #[test]
    fn statuses_have_their_reason_phrases() {
        assert_eq!(status_line(200), "200 OK");
        assert_eq!(status_line(413), "413 Content Too Large");
        assert_eq!(status_line(299), "299");
    }
}
