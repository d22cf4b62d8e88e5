//! The page's SQL server (SQLite's WebAssembly build in a Web Worker, its databases in the
//! private file system), in both browsers: the database lessons on both clocks, SQL errors as
//! pymysql raises them, a pool that lends and takes back, and what a crash keeps: committed
//! rows stay, an open transaction is rolled back.
#![cfg(target_arch = "wasm32")]

mod common;

use loopscope::course::{self, Ends, Needs, Settings};
use loopscope::lang::Lang;
use loopscope::runtime::sql::{self, Connect, Row, Value};
use loopscope::runtime::{sleep, Clock, EventKind, IoKind, Result, Run, RunStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TESTDB: Connect = Connect {
    host: "127.0.0.1",
    port: 3307,
    db: "testdb",
    ..Connect::DEFAULT
};

/// A line the test prints from its run.
fn say(text: impl AsRef<str>) {
    loopscope::runtime::print_line(1, line!(), text.as_ref().to_string());
}

/// Starts from the sample databases.
async fn reset() {
    common::use_fixture_engine();
    assert_eq!(sql::reset().await, Ok(()));
}

/// The names in `users`, as committed.
async fn names() -> Vec<String> {
    let run = Run::start(Clock::Virtual, || async {
        let conn = sql::connect(TESTDB).await?;
        let mut cur = conn.cursor();
        cur.execute("SELECT name FROM users ORDER BY id").await?;
        let names = cur
            .fetchall()
            .0
            .into_iter()
            .map(|Row(values)| match &values[0] {
                Value::Text(name) => name.clone(),
                other => other.to_string(),
            });
        say(names.collect::<Vec<_>>().join(","));
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    let printed = common::printed_texts(&run);
    printed[0].split(',').map(str::to_string).collect()
}

/// Waits for the run's end, or for a server lesson (which serves until Stop) to have printed
/// its lines.
async fn until_printed(lesson: &course::Lesson, run: &Run) {
    if lesson.ends == Ends::ByItself {
        run.finished().await;
        return;
    }
    for _ in 0..250 {
        if common::printed_texts(run).len() >= lesson.expected.len() {
            break;
        }
        common::dom::sleep_ms(20).await;
    }
}

#[wasm_bindgen_test]
async fn every_database_lesson_prints_its_rows_on_both_clocks() {
    reset().await;
    let lessons: Vec<_> = course::all()
        .filter(|l| l.needs == Needs::Database)
        .collect();
    assert!(lessons.len() >= 3, "{}", lessons.len());
    for lesson in lessons {
        for lang in Lang::ALL {
            let run = lesson.start_in(lang, Clock::Virtual, &Settings::defaults(lesson));
            until_printed(lesson, &run).await;
            common::assert_lesson_run(lesson, &run);
            assert_eq!(common::live_counters(&run), [0; 8], "{}", lesson.id);
        }
        let run = lesson.start(Clock::Real { scale: 0.2 });
        until_printed(lesson, &run).await;
        run.stop();
        common::assert_output(lesson, &run, 400);
        // Every call was a message to the engine's worker: an I/O row of kind sql.
        let calls = run
            .trace()
            .events()
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::IoStarted {
                        kind: IoKind::Sql,
                        ..
                    }
                )
            })
            .count();
        assert!(calls >= 2, "{}: {calls} calls", lesson.id);
    }
}

#[wasm_bindgen_test]
async fn bad_statements_raise_what_pymysql_raises_and_the_connection_goes_on() {
    reset().await;
    let run = Run::start(Clock::Virtual, || async {
        let conn = sql::connect(TESTDB).await?;
        let mut cur = conn.cursor();
        let errors = [
            cur.execute("SELEC * FROM users").await.unwrap_err(),
            cur.execute("SELECT * FROM nope").await.unwrap_err(),
            cur.execute("SELECT age FROM users").await.unwrap_err(),
        ];
        for error in errors {
            say(error.to_string());
        }
        cur.execute("SELECT COUNT(*) FROM users").await?;
        say(cur.fetchall().to_string());
        let refused = [
            sql::connect(Connect {
                host: "47.93.40.197",
                ..TESTDB
            })
            .await
            .err(),
            sql::connect(Connect {
                db: "nope",
                ..TESTDB
            })
            .await
            .err(),
        ];
        for error in refused.into_iter().flatten() {
            say(error.to_string());
        }
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_eq!(
        common::printed_texts(&run),
        [
            "pymysql.err.ProgrammingError: (1064, \"You have an error in your SQL syntax; check \
             the manual that corresponds to your MariaDB server version for the right syntax to \
             use near 'SELEC * FROM users' at line 1\")",
            "pymysql.err.ProgrammingError: (1146, \"Table 'testdb.nope' doesn't exist\")",
            "pymysql.err.OperationalError: (1054, \"Unknown column 'age' in 'SELECT'\")",
            "((2,),)",
            "pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on '47.93.40.197'\")",
            "pymysql.err.OperationalError: (1049, \"Unknown database 'nope'\")",
        ]
    );
    // The failed statements' I/O rows failed with the same text.
    let failed = run
        .trace()
        .events()
        .iter()
        .filter(|e| matches!(&e.kind, EventKind::IoEnded { error: Some(error), .. } if error.contains("pymysql.err")))
        .count();
    assert_eq!(failed, 3);
    assert_eq!(common::live_counters(&run), [0; 8]);
}

#[wasm_bindgen_test]
async fn committed_rows_survive_stop_and_a_crash_and_uncommitted_ones_do_not() {
    reset().await;
    // Commit one row; then insert another and stop while its transaction is open.
    let run = Run::start(Clock::Virtual, || async {
        let conn = sql::connect(TESTDB).await?;
        let mut cur = conn.cursor();
        cur.execute("INSERT INTO users VALUES (3, 'carol', 'carol@example.com')")
            .await?;
        conn.commit().await?;
        cur.execute("INSERT INTO users VALUES (4, 'dave', 'dave@example.com')")
            .await?;
        say(format!("open {}", conn.in_transaction()));
        sleep(60.0).await?;
        Ok(())
    });
    for _ in 0..100 {
        if !common::printed_texts(&run).is_empty() {
            break;
        }
        common::dom::sleep_ms(20).await;
    }
    assert_eq!(common::printed_texts(&run), ["open true"]);
    run.stop();
    assert_eq!(common::live_counters(&run), [0; 8]);
    assert_eq!(names().await, ["alice", "bob", "carol"]);

    // An open transaction when the engine dies (a closed tab): rolled back when it restarts.
    let run = Run::start(Clock::Virtual, || async {
        let conn = sql::connect(TESTDB).await?;
        let mut cur = conn.cursor();
        cur.execute("INSERT INTO users VALUES (5, 'erin', 'erin@example.com')")
            .await?;
        sql::restart_engine();
        let lost = cur.execute("SELECT 1").await.unwrap_err();
        say(lost.to_string());
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_eq!(
        common::printed_texts(&run),
        ["pymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')"]
    );
    assert_eq!(names().await, ["alice", "bob", "carol"]);

    // The reset action brings the sample back.
    reset().await;
    assert_eq!(names().await, ["alice", "bob"]);
}

#[wasm_bindgen_test]
async fn a_pool_lends_idle_connections_and_closes_one_left_in_a_transaction() {
    reset().await;
    let run = Run::start(Clock::Virtual, || async {
        let pool = sql::create_pool(TESTDB).await?;
        let mut idle = vec![pool.idle_connections()];
        {
            let conn = pool.acquire().await?;
            idle.push(pool.idle_connections());
            conn.cursor().execute("SELECT 1").await?;
        }
        idle.push(pool.idle_connections());
        let (a, b) = (pool.acquire().await?, pool.acquire().await?);
        idle.push(pool.idle_connections());
        drop((a, b));
        idle.push(pool.idle_connections());
        {
            let conn = pool.acquire().await?;
            conn.cursor()
                .execute("UPDATE users SET name = 'zoe' WHERE id = 1")
                .await?;
            // Left without commit: given back, the connection is closed and rolled back.
        }
        idle.push(pool.idle_connections());
        pool.close();
        pool.wait_closed().await?;
        say(format!("{idle:?}"));
        Ok::<(), loopscope::runtime::Error>(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_eq!(common::printed_texts(&run), ["[1, 0, 1, 0, 2, 1]"]);
    assert_eq!(names().await, ["alice", "bob"]);
}

/// A connection's open transaction keeps the database's other connections waiting, as a
/// locked table would; its commit lets them go on and see its row.
#[wasm_bindgen_test]
async fn a_second_connection_waits_for_the_first_ones_transaction() {
    reset().await;
    async fn count() -> Result<String> {
        let conn = sql::connect(TESTDB).await?;
        let mut cur = conn.cursor();
        cur.execute("SELECT COUNT(*) FROM users").await?;
        Ok(cur.fetchall().to_string())
    }
    let run = Run::start(Clock::Real { scale: 1.0 }, || async {
        let conn = sql::connect(TESTDB).await?;
        conn.cursor()
            .execute("INSERT INTO users VALUES (3, 'carol', 'carol@example.com')")
            .await?;
        let other = loopscope::runtime::create_task(count())?;
        sleep(0.2).await?;
        say(format!("waiting {}", !other.done()));
        conn.commit().await?;
        say(other.await?);
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_eq!(common::printed_texts(&run), ["waiting true", "((3,),)"]);
}

/// The page's reset action, through the real App: a database lesson shows the button (others
/// do not), it is held while a run is on, and pressing it brings the sample rows back.
#[wasm_bindgen_test]
async fn the_reset_button_brings_the_sample_databases_back() {
    use common::dom::{by_testid, click, has_testid, mount_app, run_lesson, text_of, wait_until};
    reset().await;
    let (root, handle) = mount_app().await;
    click(&root, "lesson-create-task");
    leptos::task::tick().await;
    assert!(!has_testid(&root, "reset-databases"));
    run_lesson(&root, "mysql-query", "clock-instant").await;
    wait_until("the verdict", 5000, || {
        has_testid(&root, "verdict")
            && by_testid(&root, "verdict")
                .get_attribute("data-matches")
                .as_deref()
                == Some("true")
    })
    .await;
    // A change committed by another client of the page's server.
    let run = Run::start(Clock::Virtual, || async {
        let conn = sql::connect(TESTDB).await?;
        conn.cursor().execute("DELETE FROM users").await?;
        conn.commit().await?;
        Ok(())
    });
    assert_eq!(run.finished().await, RunStatus::Finished(Ok(())));
    assert_eq!(names().await, [""]);
    let button = by_testid(&root, "reset-databases");
    assert!(!button.has_attribute("disabled"));
    click(&root, "reset-databases");
    wait_until("the reset", 5000, || {
        text_of(&root, "reset-databases-status").contains("as they were")
    })
    .await;
    assert_eq!(names().await, ["alice", "bob"]);
    drop(handle);
}

/// Stop while a query is in flight in the server's worker: the run ends at once with nothing
/// live, the server finishes the query and drops the connection, and the next run is served.
#[wasm_bindgen_test]
async fn stop_mid_query_ends_the_run_and_the_server_goes_on() {
    reset().await;
    let run = Run::start(Clock::Real { scale: 1.0 }, || async {
        let conn = sql::connect(TESTDB).await?;
        say("connected");
        conn.cursor()
            .execute(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c \
                 WHERE x < 3000000) SELECT COUNT(*) FROM c",
            )
            .await?;
        say("counted");
        Ok(())
    });
    for _ in 0..250 {
        if !common::printed_texts(&run).is_empty() {
            break;
        }
        common::dom::sleep_ms(20).await;
    }
    common::dom::sleep_ms(20).await;
    let live_sql_while_running = run.live_io(IoKind::Sql);
    assert!(run.stop());
    assert_eq!(common::printed_texts(&run), ["connected"]);
    assert_eq!(common::live_counters(&run), [0; 8]);
    assert_eq!(live_sql_while_running, 1);
    assert_eq!(names().await, ["alice", "bob"]);
}
