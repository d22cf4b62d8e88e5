//! The engine's failures as the exceptions pymysql raises for a MariaDB server, so a listing's
//! `except` sees what it would see against a real server: a syntax error is
//! `ProgrammingError: (1064, …)`, a missing table `(1146, …)`, a dropped connection
//! `OperationalError: (2013, …)`. The texts are MariaDB 10.11's, checked on this machine.

use super::super::repr::str_repr;
use super::super::Error;

/// Why a call to the engine failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The connection was lost: the engine ended (Stop, a closed tab) mid-call.
    Lost,
    /// The engine could not be started (no worker, no private file system…), with why.
    Unavailable(String),
    /// SQLite refused the statement: its extended result code, its message and the byte
    /// offset of the error in the statement (-1 when it has none).
    Sqlite {
        /// SQLite's extended result code.
        code: i32,
        /// SQLite's message (`no such table: nope`).
        message: String,
        /// Where in the statement the error is, in bytes.
        offset: i32,
    },
}

/// The exception pymysql raises: its class and its two arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MysqlError {
    /// The class in `pymysql.err` (`ProgrammingError`).
    pub class: &'static str,
    /// MySQL's error number.
    pub code: u16,
    /// The server's message.
    pub message: String,
}

impl MysqlError {
    fn new(class: &'static str, code: u16, message: impl Into<String>) -> MysqlError {
        MysqlError {
            class,
            code,
            message: message.into(),
        }
    }

    /// `(1146, "Table 'testdb.nope' doesn't exist")`: what `print(e)` shows.
    pub fn args(&self) -> String {
        format!("({}, {})", self.code, str_repr(&self.message))
    }

    /// Can't connect to the server at `host` (nothing listens there), as aiomysql says it.
    pub fn refused(host: &str) -> MysqlError {
        MysqlError::new(
            "OperationalError",
            2003,
            format!("Can't connect to MySQL server on {}", str_repr(host)),
        )
    }

    /// The server has no database `db`.
    pub fn unknown_database(db: &str) -> MysqlError {
        MysqlError::new("OperationalError", 1049, format!("Unknown database '{db}'"))
    }

    /// What pymysql raises for a failure of a statement `sql` run in database `db` on `host`.
    pub fn of(fault: &Fault, host: &str, db: &str, sql: &str) -> MysqlError {
        match fault {
            Fault::Lost => MysqlError::new(
                "OperationalError",
                2013,
                "Lost connection to MySQL server during query",
            ),
            Fault::Unavailable(why) => MysqlError::new(
                "OperationalError",
                2003,
                format!(
                    "Can't connect to MySQL server on {} ({why})",
                    str_repr(host)
                ),
            ),
            Fault::Sqlite {
                message, offset, ..
            } => statement_error(message, *offset, db, sql),
        }
    }
}

impl std::fmt::Display for MysqlError {
    /// The last line of the traceback: `pymysql.err.ProgrammingError: (1064, "…")`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "pymysql.err.{}: {}", self.class, self.args())
    }
}

impl From<MysqlError> for Error {
    fn from(error: MysqlError) -> Error {
        Error::raised(error.to_string())
    }
}

/// MariaDB's error for a statement SQLite refused with `message`.
fn statement_error(message: &str, offset: i32, db: &str, sql: &str) -> MysqlError {
    if let Some(table) = message.strip_prefix("no such table: ") {
        let table = table.rsplit('.').next().unwrap_or(table);
        return MysqlError::new(
            "ProgrammingError",
            1146,
            format!("Table '{db}.{table}' doesn't exist"),
        );
    }
    if let Some(column) = message.strip_prefix("no such column: ") {
        // MariaDB 10.11 names the clause: `'SELECT'` for a query's columns.
        let clause = if sql.trim_start().to_ascii_uppercase().starts_with("SELECT") {
            "SELECT"
        } else {
            "field list"
        };
        return MysqlError::new(
            "OperationalError",
            1054,
            format!("Unknown column '{column}' in '{clause}'"),
        );
    }
    if let Some(table) = message
        .strip_prefix("table ")
        .and_then(|rest| rest.strip_suffix(" already exists"))
    {
        return MysqlError::new(
            "OperationalError",
            1050,
            format!("Table '{table}' already exists"),
        );
    }
    if let Some(column) = message.strip_prefix("NOT NULL constraint failed: ") {
        let column = column.rsplit('.').next().unwrap_or(column);
        return MysqlError::new(
            "IntegrityError",
            1048,
            format!("Column '{column}' cannot be null"),
        );
    }
    if let Some(key) = message.strip_prefix("UNIQUE constraint failed: ") {
        return MysqlError::new(
            "IntegrityError",
            1062,
            format!("Duplicate entry for key '{key}'"),
        );
    }
    if message.ends_with("syntax error") || message == "incomplete input" {
        let (near, line) = near(sql, offset, message);
        return MysqlError::new(
            "ProgrammingError",
            1064,
            format!(
                "You have an error in your SQL syntax; check the manual that corresponds to your \
                 MariaDB server version for the right syntax to use near '{near}' at line {line}"
            ),
        );
    }
    MysqlError::new("OperationalError", 1105, message)
}

/// MariaDB's `near '…' at line N`: the statement from the error on (at most 80 characters),
/// and the line it is on. SQLite names the token (`near "SELEC"`) and its offset; without
/// an offset the token is looked up, and at the end of the input the text is empty.
fn near(sql: &str, offset: i32, message: &str) -> (String, usize) {
    let token = message
        .strip_prefix("near \"")
        .and_then(|rest| rest.split_once("\": "))
        .map(|(token, _)| token);
    let start = match (usize::try_from(offset), token) {
        (Ok(at), _) if at <= sql.len() && sql.is_char_boundary(at) => at,
        (_, Some(token)) => sql.find(token).unwrap_or(sql.len()),
        _ => sql.len(),
    };
    let line = 1 + sql[..start].matches('\n').count();
    let rest = sql[start..].trim_end().trim_end_matches(';');
    (rest.chars().take(80).collect(), line)
}

#[cfg(test)]
mod tests {
    use super::{Fault, MysqlError};

    fn sqlite(message: &str, offset: i32) -> Fault {
        Fault::Sqlite {
            code: 1,
            message: message.to_string(),
            offset,
        }
    }

    #[test]
    fn statements_fail_as_mariadb_says() {
        let e = MysqlError::of(
            &sqlite("no such table: nope", -1),
            "h",
            "testdb",
            "SELECT * FROM nope",
        );
        assert_eq!(
            e.to_string(),
            "pymysql.err.ProgrammingError: (1146, \"Table 'testdb.nope' doesn't exist\")"
        );
        let e = MysqlError::of(
            &sqlite("near \"SELEC\": syntax error", 0),
            "h",
            "testdb",
            "SELEC * FROM users",
        );
        assert_eq!(
            e.args(),
            "(1064, \"You have an error in your SQL syntax; check the manual that corresponds to \
             your MariaDB server version for the right syntax to use near 'SELEC * FROM users' at line 1\")"
        );
        let e = MysqlError::of(
            &sqlite("near \"FORM\": syntax error", -1),
            "h",
            "testdb",
            "SELECT *\nFORM users",
        );
        assert!(
            e.message.ends_with("near 'FORM users' at line 2"),
            "{}",
            e.message
        );
        let e = MysqlError::of(&sqlite("incomplete input", -1), "h", "testdb", "SELECT (");
        assert!(e.message.ends_with("near '' at line 1"), "{}", e.message);
        let e = MysqlError::of(
            &sqlite("no such column: age", -1),
            "h",
            "testdb",
            "SELECT age FROM users",
        );
        assert_eq!(e.args(), "(1054, \"Unknown column 'age' in 'SELECT'\")");
        assert_eq!(e.class, "OperationalError");
    }

    #[test]
    fn connections_fail_as_pymysql_says() {
        assert_eq!(
            MysqlError::of(&Fault::Lost, "127.0.0.1", "mysql", "SELECT 1").to_string(),
            "pymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')"
        );
        assert_eq!(
            MysqlError::refused("10.0.0.9").args(),
            "(2003, \"Can't connect to MySQL server on '10.0.0.9'\")"
        );
        assert_eq!(
            MysqlError::unknown_database("nope").args(),
            "(1049, \"Unknown database 'nope'\")"
        );
    }
}
