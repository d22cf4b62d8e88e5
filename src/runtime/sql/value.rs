//! What a query returns, as pymysql hands it to Python: each row a tuple of `int`, `float`,
//! `str` or `None`, and `fetchall()` a tuple of rows.

use std::fmt;

use super::super::repr::str_repr;

/// One column's value in a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// SQL `NULL`: Python's `None`.
    Null,
    /// An integer column.
    Int(i64),
    /// A floating-point column.
    Float(f64),
    /// A text column.
    Text(String),
}

impl fmt::Display for Value {
    /// As `repr` shows it inside a tuple.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("None"),
            Value::Int(n) => write!(f, "{n}"),
            Value::Float(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e16 => {
                write!(f, "{x:.1}")
            }
            Value::Float(x) => write!(f, "{x}"),
            Value::Text(text) => f.write_str(&str_repr(text)),
        }
    }
}

/// One row: a tuple.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row(pub Vec<Value>);

impl fmt::Display for Row {
    /// `(1, 'alice')`, and `(10,)` for one value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        tuple(f, &self.0)
    }
}

/// What `fetchall()` returns: a tuple of rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows(pub Vec<Row>);

impl fmt::Display for Rows {
    /// `((1, 'alice'), (2, 'bob'))`, `((10,),)` and `()`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        tuple(f, &self.0)
    }
}

fn tuple<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    f.write_str("(")?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    if items.len() == 1 {
        f.write_str(",")?;
    }
    f.write_str(")")
}

#[cfg(test)]
mod tests {
    use super::{Row, Rows, Value};

    #[test]
    fn rows_print_as_python_tuples() {
        let user = |host: &str, name: &str| {
            Row(vec![
                Value::Text(host.to_string()),
                Value::Text(name.to_string()),
            ])
        };
        assert_eq!(
            Rows(vec![user("localhost", "root"), user("localhost", "it's")]).to_string(),
            "(('localhost', 'root'), ('localhost', \"it's\"))"
        );
        assert_eq!(
            Rows(vec![Row(vec![Value::Int(10)])]).to_string(),
            "((10,),)"
        );
        assert_eq!(Row(vec![Value::Int(10)]).to_string(), "(10,)");
        assert_eq!(Rows(Vec::new()).to_string(), "()");
        assert_eq!(
            Row(vec![Value::Null, Value::Float(2.0), Value::Float(0.5)]).to_string(),
            "(None, 2.0, 0.5)"
        );
    }
}
