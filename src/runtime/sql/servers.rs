//! The page's MySQL servers and their sample databases.
//!
//! Two servers listen, `127.0.0.1:3306` (also reached as `localhost`) and `127.0.0.1:3307`,
//! so a lesson can query two at once. Each has the same two databases, made from
//! [`SAMPLE`] the first time a connection asks for them (and again after the reset action):
//! - `mysql`, whose `user` table lists the server's accounts (`Host`, `User`), as the course's
//!   listings query it; its rows are those a fresh Debian MariaDB 10.11 lists;
//! - `testdb`, with a `users` table, for the web handler and the transaction lessons.
//!
//! The CPython check builds the same databases in its MariaDB servers from [`SAMPLE`].

/// The ports the page's servers listen on.
pub const PORTS: [u16; 2] = [3306, 3307];

/// A sample database: its name and the SQL that makes it (SQLite and MariaDB both run it,
/// but for `mysql`, whose `user` is a view of the accounts in MariaDB: see [`ACCOUNTS`]).
pub struct Sample {
    /// The database's name.
    pub name: &'static str,
    /// The statements that create and fill it.
    pub sql: &'static str,
}

/// The accounts `mysql.user` lists, as (Host, User), in the order the server lists them.
pub const ACCOUNTS: [(&str, &str); 3] = [
    ("localhost", "mariadb.sys"),
    ("localhost", "mysql"),
    ("localhost", "root"),
];

/// The sample databases of every server.
pub const SAMPLE: [Sample; 2] = [
    Sample {
        name: "mysql",
        sql: "CREATE TABLE user (Host CHAR(255) NOT NULL, User CHAR(128) NOT NULL, \
              PRIMARY KEY (Host, User)); \
              INSERT INTO user VALUES ('localhost', 'mariadb.sys'), ('localhost', 'mysql'), \
              ('localhost', 'root')",
    },
    Sample {
        name: "testdb",
        sql: "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, \
              email VARCHAR(100) NOT NULL); \
              INSERT INTO users VALUES (1, 'alice', 'alice@example.com'), \
              (2, 'bob', 'bob@example.com')",
    },
];

/// The server at `host:port`, as `127.0.0.1:3306`; `None` if nothing listens there.
pub fn server(host: &str, port: u16) -> Option<String> {
    let host = match host.trim() {
        "localhost" | "127.0.0.1" | "127.0.01" | "::1" => "127.0.0.1",
        _ => return None,
    };
    PORTS.contains(&port).then(|| format!("{host}:{port}"))
}

/// The database `db` of `server`: its file in the engine's storage and the SQL that makes it;
/// `None` if the server has no such database.
pub fn database(server: &str, db: &str) -> Option<(String, &'static str)> {
    let sample = SAMPLE.iter().find(|s| s.name == db)?;
    Some((
        format!("/{}/{db}.sqlite3", server.replace(':', "-")),
        sample.sql,
    ))
}

#[cfg(test)]
mod tests {
    use super::{database, server, ACCOUNTS, SAMPLE};

    #[test]
    fn two_servers_listen_on_the_loopback_address() {
        assert_eq!(server("127.0.0.1", 3306).as_deref(), Some("127.0.0.1:3306"));
        assert_eq!(server("localhost", 3307).as_deref(), Some("127.0.0.1:3307"));
        assert_eq!(server("47.93.40.197", 3306), None);
        assert_eq!(server("127.0.0.1", 3308), None);
        assert_eq!(
            database("127.0.0.1:3306", "testdb").map(|d| d.0).as_deref(),
            Some("/127.0.0.1-3306/testdb.sqlite3")
        );
        assert!(database("127.0.0.1:3306", "nope").is_none());
    }

    #[test]
    fn the_accounts_table_lists_the_accounts() {
        for (host, user) in ACCOUNTS {
            assert!(SAMPLE[0].sql.contains(&format!("('{host}', '{user}')")));
        }
    }
}
