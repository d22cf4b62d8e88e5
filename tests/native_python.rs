//! The lessons' Python listings, run by real CPython: they must print exactly the lines the
//! Rust twins print, at the same times (within a wall-clock tolerance). This is what keeps the
//! two listings of a lesson honest with each other. A listing that fetches from the app
//! ([`Cpython::FetchesFromApp`]) gets a real HTTP server serving the app's sample files.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use loopscope::analysis::matching::{same_words, Timing};
use loopscope::course::{
    self, Cpython, Ends, Expected, Lesson, Order, APP_BASE, MAIL_PORT, SERVER_PORT,
};
use loopscope::lang::Lang;
use loopscope::runtime::sql;

/// Python's own scheduling and start-up add a little to each sleep; 300 ms is far below the
/// one- and two-second gaps the lessons teach.
const TOLERANCE_MS: u64 = 300;

/// A listing that fetches sleeps nowhere (its lines are all due at once) but does real work
/// between them: `httpx.AsyncClient()` loads its CA certificates, which took 245 ms on a
/// loaded 2-core machine, and each request is a real round trip. Its lines must come within
/// this of one another.
const FETCH_TOLERANCE_MS: u64 = 1_500;

/// A listing with a `ProcessPoolExecutor` starts a worker process for its first job: CPython
/// forks and the child sets up its end of the pool's pipes before `func1` can begin. In a wave
/// of sixteen listings on two cores a CI run saw that start-up make `executor-kinds`' process
/// pool line 345 ms late (its two thread pool lines were on time). The gaps the lesson teaches
/// are seconds long, so a second still tells a wrong order or a missing wait from a slow fork.
const PROCESS_TOLERANCE_MS: u64 = 1_000;

/// Where `scripts/setup` installs greenlet, gevent, aiohttp and httpx (Debian's python3
/// refuses system-wide pip installs).
const PYTHON_DEPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/python-deps");

/// The test's HTTP server (`tests/fixtures/server.py`, the app's sample files), on a port the
/// system picked; stopped when dropped, so a failing test stops it too.
struct FixtureServer {
    child: Child,
    /// Its address, in place of [`APP_BASE`]: `http://127.0.0.1:<port>/`.
    base: String,
}

impl FixtureServer {
    fn start() -> FixtureServer {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/server.py");
        let mut child = Command::new("python3")
            .args(["-u", script, "0"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 must be installed (scripts/setup checks it)");
        // Its first line is the port, printed once it listens.
        let mut port = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        BufReader::new(stdout)
            .read_line(&mut port)
            .expect("the fixture server says its port");
        let port: u16 = port.trim().parse().unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("the fixture server did not start: {port:?}")
        });
        FixtureServer {
            child,
            base: format!("http://127.0.0.1:{port}/"),
        }
    }
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A real Redis server for one listing, on a port the system picked; stopped when dropped.
struct RedisServer {
    child: Child,
    port: u16,
}

impl RedisServer {
    fn start() -> RedisServer {
        let port = free_port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server must be installed (scripts/setup installs it)");
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "redis-server did not start on {port}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        RedisServer { child, port }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A real MariaDB server for one listing, on a port the system picked, with the page's
/// sample databases (`runtime::sql::servers`); stopped and deleted when dropped. Its data
/// directory is a copy of one made once per test run (`mariadb-install-db` takes seconds;
/// a copy and a start take half of one). Passwords are not checked (`--skip-grant-tables`),
/// as on the page.
struct MariaDb {
    child: Child,
    port: u16,
    dir: std::path::PathBuf,
}

impl MariaDb {
    fn template() -> &'static std::path::Path {
        TEMPLATE.get_or_init(|| {
            let dir =
                std::env::temp_dir().join(format!("loopscope-mariadb-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let status = Command::new("mariadb-install-db")
                .args(["--no-defaults", "--auth-root-authentication-method=normal"])
                .args(["--skip-test-db", "--user=root"])
                .arg(format!("--datadir={}", dir.join("data").display()))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect(
                    "mariadb-install-db must be installed (scripts/setup installs mariadb-server)",
                );
            assert!(status.success(), "mariadb-install-db failed");
            dir
        })
    }

    fn start() -> MariaDb {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let template = Self::template();
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = template.join(format!("server-{n}"));
        let copied = Command::new("cp")
            .arg("-r")
            .arg(template.join("data"))
            .arg(&dir)
            .status()
            .expect("cp runs");
        assert!(copied.success());
        let port = free_port();
        let socket = dir.join("sock");
        let child = Command::new("mariadbd")
            .args([
                "--no-defaults",
                "--skip-grant-tables",
                "--user=root",
                "--skip-log-bin",
            ])
            .args(["--bind-address=127.0.0.1", "--innodb-buffer-pool-size=8M"])
            .arg(format!("--port={port}"))
            .arg(format!("--datadir={}", dir.display()))
            .arg(format!("--socket={}", socket.display()))
            .arg(format!("--pid-file={}", dir.join("pid").display()))
            .arg(format!("--log-error={}", dir.join("error.log").display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("mariadbd must be installed (scripts/setup installs mariadb-server)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "mariadbd did not start on {port}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // The page's sample databases: `mysql.user` is a view of the accounts, so the accounts
        // go where MariaDB keeps them; `testdb` is made by the same SQL as on the page.
        let accounts: Vec<String> = sql::servers::ACCOUNTS
            .iter()
            .map(|(host, user)| format!("('{host}', '{user}', '{{}}')"))
            .collect();
        let mut setup = format!(
            "DELETE FROM mysql.global_priv; \
             INSERT INTO mysql.global_priv (Host, User, Priv) VALUES {};",
            accounts.join(", ")
        );
        for sample in sql::servers::SAMPLE.iter().filter(|s| s.name != "mysql") {
            setup += &format!(
                " CREATE DATABASE {0}; USE {0}; {1};",
                sample.name, sample.sql
            );
        }
        let made = Command::new("mariadb")
            .args(["--no-defaults", "-u", "root"])
            .arg(format!("--socket={}", socket.display()))
            .args(["-e", &setup])
            .status()
            .expect("the mariadb client runs");
        assert!(made.success(), "the sample databases could not be made");
        MariaDb { child, port, dir }
    }
}

/// The data directory every MariaDB server of this test run starts from.
static TEMPLATE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

impl Drop for MariaDb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A port nobody listens on.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// What CPython runs for a lesson: its listing, moved where the machine has its servers.
struct Moved {
    python: String,
    /// `(moved, written)`: an address as the listing now prints it, and as the lesson does.
    back: Vec<(String, String)>,
    /// The Redis servers it talks to, running until it is done.
    _redis: Vec<RedisServer>,
    /// The MariaDB servers it talks to, running until it is done.
    _mariadb: Vec<MariaDb>,
}

/// The listing CPython runs: the lesson's own, with the app's address replaced by the
/// fixture server's for a listing that fetches from the app, a web server's moved to a free
/// port (see [`on_a_free_port`]), and a Redis listing's servers replaced by real ones.
fn listing(lesson: &Lesson, lang: Lang, server: Option<&FixtureServer>) -> Moved {
    let python = lesson.python(lang);
    let moved = |python: String, back| Moved {
        python,
        back,
        _redis: Vec::new(),
        _mariadb: Vec::new(),
    };
    match (lesson.cpython, server) {
        (Cpython::FetchesFromApp(_), Some(server)) => {
            assert_eq!(
                python.matches(APP_BASE).count(),
                1,
                "{}: a listing that fetches writes the app's address once, as BASE",
                lesson.id
            );
            moved(python.replace(APP_BASE, &server.base), Vec::new())
        }
        (Cpython::FetchesFromApp(_), None) => panic!("{}: needs the fixture server", lesson.id),
        (Cpython::SwapsLoop(_), _) => moved(
            python.to_string(),
            vec![
                ("uvloop:".to_string(), "setTimeout:".to_string()),
                ("uvloop：".to_string(), "setTimeout：".to_string()),
            ],
        ),
        (Cpython::Mails(_), _) => {
            let (python, _) = on_a_free_port(lesson, python, MAIL_PORT);
            moved(python, Vec::new())
        }
        (Cpython::Serves(_), _) => {
            let (python, port) = on_a_free_port(lesson, python, SERVER_PORT);
            let back = vec![(
                format!("127.0.0.1:{port}"),
                format!("127.0.0.1:{SERVER_PORT}"),
            )];
            moved(python, back)
        }
        (Cpython::Redis(ports), _) => {
            let mut python = python.to_string();
            let mut back = Vec::new();
            let mut servers = Vec::new();
            for &port in ports {
                let written = format!("redis://127.0.0.1:{port}'");
                assert!(
                    python.contains(&written),
                    "{}: a Redis listing names its servers as {written}",
                    lesson.id
                );
                let server = RedisServer::start();
                python = python.replace(&written, &format!("redis://127.0.0.1:{}'", server.port));
                back.push((
                    format!("127.0.0.1:{}", server.port),
                    format!("127.0.0.1:{port}"),
                ));
                servers.push(server);
            }
            Moved {
                python,
                back,
                _redis: servers,
                _mariadb: Vec::new(),
            }
        }
        (Cpython::ServesFromMysql(_, ports), _) => {
            let (python, _) = on_a_free_port(lesson, python, SERVER_PORT);
            on_mysql_servers(lesson, python, ports)
        }
        (Cpython::Mysql(ports), _) => on_mysql_servers(lesson, python.to_string(), ports),
        _ => moved(python.to_string(), Vec::new()),
    }
}

/// A MySQL listing, pointed at real MariaDB servers started for it, one per port it writes.
fn on_mysql_servers(lesson: &Lesson, python: String, ports: &[u16]) -> Moved {
    // A listing writes a server's port as a number of its own (`port=3306`,
    // `execute('127.0.0.1', 3306)`); what it prints of it is mapped back.
    // Each written port is first replaced by a mark of its own, then each mark by its server's
    // port: replaced one after the other, a server's port could hold the next written one (33075
    // holds 3307) and be rewritten with it.
    let mut python = python;
    let mut back = Vec::new();
    let mut servers = Vec::new();
    for (i, &port) in ports.iter().enumerate() {
        let written = port.to_string();
        assert!(
            python.contains(&written),
            "{}: a MySQL listing names its server's port {written}",
            lesson.id
        );
        python = python.replace(&written, &format!("\u{0}{i}\u{0}"));
    }
    for (i, &port) in ports.iter().enumerate() {
        let server = MariaDb::start();
        python = python.replace(&format!("\u{0}{i}\u{0}"), &server.port.to_string());
        back.push((format!(" {}", server.port), format!(" {port}")));
        servers.push(server);
    }
    Moved {
        python,
        back,
        _redis: Vec::new(),
        _mariadb: servers,
    }
}

/// A listing that runs a server, moved from the port it is `written` with ([`SERVER_PORT`],
/// [`MAIL_PORT`]) to a port nobody uses (the listings run side by side, and the machine may
/// have its own server on 5000). The port is written only where a server listens
/// (`port=5000`) or a client asks it (`:5000/`, `:5000"`, `port=5000`). What a web listing
/// prints of its address (`request.base_url`) is mapped back before it is compared: the port
/// is the machine's choice, not the program's.
fn on_a_free_port(lesson: &Lesson, python: &str, written: u16) -> (String, u16) {
    let port = free_port();
    let written = written.to_string();
    let uses = [
        format!("port={written}"),
        format!(":{written}/"),
        format!(":{written}\""),
    ];
    let replaced: usize = uses
        .iter()
        .map(|u| python.matches(u.as_str()).count())
        .sum();
    assert!(
        replaced > 0 && replaced == python.matches(written.as_str()).count(),
        "{}: a server listing writes its port only as port={written}, :{written}/ and :{written}\"",
        lesson.id
    );
    let moved = python
        .replace(&uses[0], &format!("port={port}"))
        .replace(&uses[1], &format!(":{port}/"))
        .replace(&uses[2], &format!(":{port}\""));
    (moved, port)
}

/// How many web servers' listings run at once.
const WEB_WAVE: usize = 4;

/// How many other listings run side by side. All of one language at once (about 50) woke
/// together at the gate and queued for the two cores: a CI run saw a listing's first line 365 ms
/// late, its start-up counted as the lesson's.
const LISTING_WAVE: usize = 16;

/// How far apart in time a listing's lines may be from where the Rust lesson prints them.
fn tolerance(lesson: &Lesson) -> u64 {
    if lesson.python(Lang::En).contains("ProcessPoolExecutor") {
        return PROCESS_TOLERANCE_MS;
    }
    match lesson.cpython {
        Cpython::FetchesFromApp(_)
        | Cpython::Serves(_)
        | Cpython::Redis(_)
        | Cpython::Mysql(_)
        | Cpython::ServesFromMysql(..) => FETCH_TOLERANCE_MS,
        _ => TOLERANCE_MS,
    }
}

/// Whether CPython's lines say the expected words, in an order the lesson's [`Order`] allows
/// (lines due at the same moment in any order among themselves, under `EachTaskInOrder` each
/// task's in its own order). CPython's output names no tasks: a line counts as the task's
/// whose expected words it says.
fn same_texts(lesson: &Lesson, lang: Lang, texts: &[&str]) -> bool {
    let expected = lesson.expected;
    if texts.len() != expected.len() {
        return false;
    }
    let timing = Timing::Within(tolerance(lesson));
    let mut start = 0;
    while start < expected.len() {
        // CPython runs on a (scaled) real clock here, where lines due at the same instant
        // race: one task's timer can fire a loop turn before another's due microseconds later
        // (a CI run printed `semaphore-limit`'s "开始 3" before "结束 2", both due at 1 s). So
        // lines the lesson prints at the same time may come in any order under CPython; the
        // runtime's exact order is checked on the virtual clock by the lesson tests.
        let end = match lesson.order {
            Order::Exact | Order::SameTimeAnyOrder | Order::EachTaskInOrder => {
                let at = expected[start].at_ms;
                start
                    + expected[start..]
                        .iter()
                        .take_while(|e| e.at_ms == at)
                        .count()
            }
        };
        let unmatched: Vec<_> = expected[start..end].iter().collect();
        if !assign(lesson.order, lang, timing, unmatched, &texts[start..end]) {
            return false;
        }
        start = end;
    }
    true
}

/// Whether the printed lines `got` can each be one of the expected lines `unmatched`, under
/// `order`. CPython's output does not say which task printed a line, so two tasks printing the
/// same words (two servers' identical results) could be either: each way is tried.
fn assign(
    order: Order,
    lang: Lang,
    timing: Timing,
    unmatched: Vec<&Expected>,
    got: &[&str],
) -> bool {
    let Some((first, rest)) = got.split_first() else {
        return unmatched.is_empty();
    };
    // Under EachTaskInOrder only the first line still due of each task may come.
    let next_of_its_task = |index: usize| {
        let task = unmatched[index].task;
        order != Order::EachTaskInOrder || !unmatched[..index].iter().any(|e| e.task == task)
    };
    (0..unmatched.len())
        .filter(|&i| next_of_its_task(i) && same_words(unmatched[i].text(lang), first, timing))
        .any(|i| {
            let mut left = unmatched.clone();
            left.remove(i);
            assign(order, lang, timing, left, rest)
        })
}

/// What runs each listing: it imports the modules the listing imports, says it is ready
/// ([`READY`]) and waits for a line on stdin before it runs the listing as `__main__`. The
/// listings of a wave start together, and on two cores a dozen interpreters importing asyncio
/// at once starved the ones already running: a CI run saw `pool-callbacks` print its second
/// line 421 ms after its first with nothing but five `submit` calls between them. Behind the
/// gate, every import is done before the first listing's clock starts. A listing that
/// monkey-patches with gevent imports its modules itself, after the patch, as it was written
/// to. With `whole` as the second argument, `print` holds a lock for the whole call.
const GATE: &str = "import ast, importlib, runpy, sys
listing = sys.argv[1]
with open(listing, encoding='utf-8') as source:
    tree = ast.parse(source.read())
names = []
for node in tree.body:
    if isinstance(node, ast.Import):
        names += [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names.append(node.module)
if not any(name.split('.')[0] == 'gevent' for name in names):
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            pass  # the listing fails on it itself, with its own traceback
if sys.argv[2] == 'whole':
    import builtins, threading
    lock = threading.Lock()
    unlocked = builtins.print
    def whole_print(*args, **kwargs):
        with lock:
            unlocked(*args, **kwargs)
    builtins.print = whole_print
print('\\x01ready', flush=True)
sys.stdin.readline()
sys.argv = [listing]
runpy.run_path(listing, run_name='__main__')
";

/// The line [`GATE`] prints once the listing's imports are done.
const READY: &str = "\u{1}ready";

/// Runs `python`, the listing of `lesson`, under CPython and returns its stdout lines with
/// their arrival times, its stderr, and whether it exited successfully. A lesson that waits
/// forever must still be running a second after its last expected line; it is then killed and
/// counts as a success.
fn run_python(
    lesson: &Lesson,
    python: &str,
    ready: &dyn Fn(),
) -> (Vec<(u64, String)>, String, bool) {
    // The listing runs as the file the page calls it, so reprs that name it (`defined at
    // …/main.py:4`) name the same file; each run gets a folder of its own.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let folder = std::env::temp_dir().join(format!(
        "loopscope-python-{}-{run}-{}",
        std::process::id(),
        lesson.id
    ));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    if matches!(
        lesson.cpython,
        Cpython::Serves(_) | Cpython::ServesFromMysql(..)
    ) {
        // A server reads its files (`open('index.html')`, `StaticFiles(directory="static")`)
        // from the folder it runs in: the servers' folder the page ships (runtime::web::files).
        copy_folder(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/site"),
            &folder,
        );
    }
    let file = folder.join(course::py::LISTING_FILE);
    std::fs::write(&file, python).expect("the listing written");
    let outcome = run_python_file(lesson, &file, ready);
    let _ = std::fs::remove_dir_all(&folder);
    outcome
}

/// Copies the files and folders of `from` into `to`.
fn copy_folder(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("the servers' folder") {
        let path = entry.expect("a folder entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("a file copied");
        }
    }
}

/// [`run_python`] on the listing written to `file`. `ready` is called once its imports are
/// done (a wave's barrier); the listing's clock starts when it returns.
fn run_python_file(
    lesson: &Lesson,
    file: &std::path::Path,
    ready: &dyn Fn(),
) -> (Vec<(u64, String)>, String, bool) {
    let python_path = match std::env::var("PYTHONPATH") {
        Ok(existing) if !existing.is_empty() => format!("{PYTHON_DEPS}:{existing}"),
        _ => PYTHON_DEPS.to_string(),
    };
    // A listing that prints from threads runs with each `print` made whole: CPython writes
    // the text and the newline separately, and two threads printing at once mix their lines
    // ("04" then two newlines), which says nothing about the program.
    let prints = match lesson.cpython {
        Cpython::Threads => "whole",
        _ => "plain",
    };
    let mut child = Command::new("python3")
        .args(["-u", "-c", GATE])
        .arg(file)
        .arg(prints)
        // Files a listing writes (a downloader saves its images) land in its own folder.
        .current_dir(file.parent().expect("the listing's folder"))
        .env("PYTHONPATH", python_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed (scripts/setup checks it)");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut first = String::new();
    // An interpreter that fails before the gate says nothing: it still waits with the others.
    let _ = stdout.read_line(&mut first);
    ready();
    let mut go = child.stdin.take().expect("piped stdin");
    let _ = go.write_all(b"go\n");
    drop(go);
    let start = Instant::now();
    let mut lines = Vec::new();
    if first.trim_end() != READY && !first.is_empty() {
        lines.push((0, first.trim_end().to_string()));
    }
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines() {
            let Ok(line) = line else { break };
            if sender
                .send((start.elapsed().as_millis() as u64, line))
                .is_err()
            {
                break;
            }
        }
    });
    // Start-up (with gevent imported, on a loaded machine) plus the lesson's own length.
    // A web server's listing imports more (FastAPI took 10 s to import on this machine).
    let start_up = match lesson.cpython {
        Cpython::Serves(_) | Cpython::ServesFromMysql(..) => 40_000,
        _ => 15_000,
    };
    let limit = Duration::from_millis(lesson.expected_duration_ms() + start_up);
    while lines.len() < lesson.expected.len() {
        match receiver.recv_timeout(limit.saturating_sub(start.elapsed())) {
            Ok(line) => lines.push(line),
            Err(_) => break,
        }
    }
    let waits_forever = lesson.ends == Ends::OnlyWhenStopped;
    if waits_forever {
        std::thread::sleep(Duration::from_millis(1_000));
        let still_running = matches!(child.try_wait(), Ok(None));
        let _ = child.kill();
        let output = child.wait_with_output().expect("python3 ran");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        return (lines, stderr, still_running);
    }
    let output = child.wait_with_output().expect("python3 ran");
    lines.extend(receiver.try_iter());
    (
        lines,
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.success(),
    )
}

#[test]
fn python_listings_print_what_the_rust_lessons_print_and_when() {
    let runnable: Vec<(&Lesson, Lang)> = course::all()
        .filter(|l| {
            matches!(
                l.cpython,
                Cpython::Runs
                    | Cpython::Needs(_)
                    | Cpython::FetchesFromApp(_)
                    | Cpython::Serves(_)
                    | Cpython::Redis(_)
                    | Cpython::Mysql(_)
                    | Cpython::ServesFromMysql(..)
                    | Cpython::Mails(_)
                    | Cpython::SwapsLoop(_)
                    | Cpython::Threads
            )
        })
        .flat_map(|l| Lang::ALL.map(|lang| (l, lang)))
        .collect();
    let fetches = runnable
        .iter()
        .any(|(l, _)| matches!(l.cpython, Cpython::FetchesFromApp(_)));
    let server = fetches.then(FixtureServer::start);
    // The listings sleep for real: run them side by side, one language at a time (twice as
    // many interpreters starting at once would make their start-up part of the timing). The
    // web servers' listings go in waves of their own, a few at a time: importing FastAPI and
    // uvicorn keeps a core busy for seconds, which made other listings' lines late (a WSGI
    // listing's first answer came 2 s late with thirteen web listings starting at once).
    // The MySQL listings go in a wave of their own too: their MariaDB servers are still
    // settling (InnoDB's first work) while the listings run, which made a file listing's line
    // 316 ms late when they shared a wave.
    let wave_of = |lesson: &Lesson| match lesson.cpython {
        Cpython::Serves(_) => 1,
        Cpython::Mysql(_) | Cpython::ServesFromMysql(..) => 2,
        _ => 0,
    };
    let mut waves: Vec<Vec<(&Lesson, Lang)>> = Vec::new();
    for kind in [0, 1, 2] {
        for lang in Lang::ALL {
            let wave: Vec<(&Lesson, Lang)> = runnable
                .iter()
                .filter(|&&(lesson, l)| l == lang && wave_of(lesson) == kind)
                .copied()
                .collect();
            let size = if kind == 1 { WEB_WAVE } else { LISTING_WAVE };
            waves.extend(wave.chunks(size).map(<[_]>::to_vec));
        }
    }
    let results: Vec<_> = waves
        .into_iter()
        .flat_map(|wave| {
            // Every listing of the wave starts its clock once all of them are past their imports.
            let gate = std::sync::Barrier::new(wave.len());
            let gate = &gate;
            // Every listing is made ready (its servers started) before any thread waits at the
            // gate: one that cannot be (a server missing) fails the test instead of leaving the
            // others waiting for it for ever.
            let ready: Vec<_> = wave
                .into_iter()
                .map(|(lesson, lang)| (lesson, lang, listing(lesson, lang, server.as_ref())))
                .collect();
            std::thread::scope(|scope| {
                let handles: Vec<_> = ready
                    .into_iter()
                    .map(|(lesson, lang, moved)| {
                        scope.spawn(move || {
                            // The whole of it (its servers too) lives until the listing ran.
                            let moved = moved;
                            let outcome = run_python(lesson, &moved.python, &|| {
                                gate.wait();
                            });
                            (lesson, lang, moved.back, outcome)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    drop(server);
    if let Some(template) = TEMPLATE.get() {
        let _ = std::fs::remove_dir_all(template);
    }
    for (lesson, lang, back, (mut lines, stderr, ok)) in results {
        for (moved, written) in &back {
            for (_, line) in &mut lines {
                *line = line.replace(moved, written);
            }
        }
        assert!(ok, "{} ({lang:?}): python3 failed:\n{stderr}", lesson.id);
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        let expected: Vec<&str> = lesson.expected.iter().map(|e| e.text(lang)).collect();
        // A time the listing measures itself ("about 9500 ms late") is on the same wall clock
        // as the print times, so it gets the same tolerance; every other word is exact.
        assert!(
            same_texts(lesson, lang, &texts),
            "{} ({lang:?}): printed lines\n  got: {texts:?}\n want: {expected:?}",
            lesson.id
        );
        // Times count from the line that arrived least late: interpreter start-up is not the
        // lesson's, and on a loaded machine the reader may see the first line late (a CI run
        // read "loading config" 63 ms after it was printed, which made a later line look
        // early). Every other line may then be at most the tolerance later than that one.
        let offsets: Vec<i64> = lines
            .iter()
            .zip(lesson.expected)
            .map(|((at, _), want)| *at as i64 - want.at_ms as i64)
            .collect();
        let origin = offsets.iter().copied().min().unwrap_or(0);
        for (((_, text), want), offset) in lines.iter().zip(lesson.expected).zip(&offsets) {
            let late = (offset - origin) as u64;
            assert!(
                late <= tolerance(lesson),
                "{}: {text:?} at {} ms, the Rust lesson prints it at {} ms",
                lesson.id,
                want.at_ms + late,
                want.at_ms
            );
        }
    }
}

#[test]
fn listings_marked_removed_really_fail_on_current_cpython() {
    for lesson in course::all().filter(|l| l.cpython == Cpython::Removed) {
        let (_, stderr, ok) = run_python(lesson, lesson.python(Lang::Zh), &|| {});
        assert!(
            !ok,
            "{} runs on this CPython: its note is out of date",
            lesson.id
        );
        assert!(
            stderr.contains("AttributeError") && stderr.contains("coroutine"),
            "{}: {stderr}",
            lesson.id
        );
    }
}

/// A line of Python with its comment dropped and each string literal emptied: what must be
/// the same in both languages' listings.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '#' => break,
            '"' | '\'' => {
                out.push(c);
                while let Some(inner) = chars.next() {
                    if inner == '\\' {
                        chars.next();
                    } else if inner == c {
                        break;
                    }
                }
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.trim_end().to_string()
}

#[test]
fn both_python_listings_of_a_lesson_are_the_same_code_line_for_line() {
    // Only words (strings) and comments are translated, so every line number the Rust side
    // cites (`print!(py 7, …)`, a knob's spot) is right in both.
    for lesson in course::all() {
        let en: Vec<String> = lesson.python(Lang::En).lines().map(code_of).collect();
        let zh: Vec<String> = lesson.python(Lang::Zh).lines().map(code_of).collect();
        assert_eq!(en.len(), zh.len(), "{}: line counts differ", lesson.id);
        for (i, (a, b)) in en.iter().zip(&zh).enumerate() {
            assert_eq!(a, b, "{}: line {} differs in code", lesson.id, i + 1);
        }
    }
    assert_eq!(
        code_of("    print(f'{n} 完成', x)  # 注释"),
        "    print(f'', x)"
    );
}

#[test]
fn identical_lines_of_two_tasks_may_be_either_tasks() {
    // CPython printed this for redis-two-servers in a CI run: the 6380 task finished first.
    let lesson = course::find("redis-two-servers").unwrap();
    let result = "{'key1': '1', 'key2': '2', 'key3': '3'}";
    let got = [
        "starting redis://127.0.0.1:6379",
        "starting redis://127.0.0.1:6380",
        result,
        "done redis://127.0.0.1:6380",
        result,
        "done redis://127.0.0.1:6379",
    ];
    assert!(same_texts(lesson, Lang::En, &got));
    let mut early = got;
    early.swap(0, 3); // a task's "done" before its "starting" is still wrong
    assert!(!same_texts(lesson, Lang::En, &early));
}
