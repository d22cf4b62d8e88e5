//! The standard modules the course's programs import, besides `asyncio` (which the host gives,
//! on its own loop): `time`, `random`, `functools`, `math`, `sys` here in Rust; `collections`
//! and `itertools` in Python (`lib/*.py`), run as modules of their own when first imported.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exceptions::{self, type_error, value_error};
use crate::int;
use crate::iter::collect;
use crate::random::{self, Mt};
use crate::types::{exc_class, type_name, Exc};
use crate::value::*;
use crate::vm::Vm;

pub(crate) fn module(
    name: &str,
    functions: &[(&'static str, NativeFn)],
    values: Vec<(&str, Value)>,
) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    for (n, f) in functions {
        d.set_str(
            n,
            Value::Builtin(Rc::new(Builtin {
                name: n,
                func: *f,
                this: None,
            })),
        );
    }
    for (n, v) in values {
        d.set_str(n, v);
    }
    Value::Module(Rc::new(Module {
        name: Rc::from(name),
        dict: RefCell::new(d),
    }))
}

/// The standard library's top-level modules (CPython 3.11's `sys.stdlib_module_names`, the
/// private ones left out): importing one the interpreter does not have is a feature it lacks,
/// not a module that does not exist.
const STDLIB: &str = "\
    abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 \
    bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs \
    codeop collections colorsys compileall concurrent configparser contextlib contextvars copy \
    copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils \
    doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch \
    fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip \
    hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress \
    itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math \
    mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath \
    nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools \
    pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd \
    py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib \
    resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site \
    smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse \
    ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig \
    syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit \
    tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types \
    typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg \
    winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo";

/// Packages from PyPI the course's texts use that cannot run on one loop in a page, with why
/// and what to use instead.
const UNSUPPORTED_PACKAGES: &[(&str, &str)] = &[];

/// Why the package `name` (or its module) cannot run here, if it is one of
/// [`UNSUPPORTED_PACKAGES`].
pub fn unsupported_package(name: &str) -> Option<&'static str> {
    let top = name.split('.').next().unwrap_or(name);
    UNSUPPORTED_PACKAGES
        .iter()
        .find(|(package, _)| *package == top)
        .map(|(_, why)| *why)
}

/// Whether `name` (`concurrent.futures`) is in CPython's standard library.
pub fn in_standard_library(name: &str) -> bool {
    let top = name.split('.').next().unwrap_or(name);
    STDLIB.split_ascii_whitespace().any(|m| m == top)
}

/// What CPython 3.11 has, for the modules and asyncio types the interpreter has in part (`dir()`,
/// the public names): a name it has and the interpreter lacks is an unsupported feature, said as
/// such, not an `AttributeError` CPython would never raise.
const CPYTHON_NAMES: &[(&str, &str)] = &[
    (
        "asyncio",
        "ALL_COMPLETED AbstractChildWatcher AbstractEventLoop AbstractEventLoopPolicy \
            AbstractServer Barrier BaseEventLoop BaseProtocol BaseTransport BoundedSemaphore \
            BrokenBarrierError BufferedProtocol CancelledError Condition DatagramProtocol \
            DatagramTransport DefaultEventLoopPolicy Event FIRST_COMPLETED FIRST_EXCEPTION \
            FastChildWatcher Future Handle IncompleteReadError InvalidStateError LifoQueue \
            LimitOverrunError Lock MultiLoopChildWatcher PidfdChildWatcher PriorityQueue \
            Protocol Queue QueueEmpty QueueFull ReadTransport Runner SafeChildWatcher \
            SelectorEventLoop Semaphore SendfileNotAvailableError Server StreamReader \
            StreamReaderProtocol StreamWriter SubprocessProtocol SubprocessTransport Task \
            TaskGroup ThreadedChildWatcher Timeout TimeoutError TimerHandle Transport \
            WriteTransport all_tasks as_completed base_events base_futures base_subprocess \
            base_tasks constants coroutines create_subprocess_exec create_subprocess_shell \
            create_task current_task ensure_future events exceptions format_helpers futures \
            gather get_child_watcher get_event_loop get_event_loop_policy get_running_loop \
            iscoroutine iscoroutinefunction isfuture locks log mixins new_event_loop \
            open_connection open_unix_connection protocols queues run run_coroutine_threadsafe \
            runners selector_events set_child_watcher set_event_loop set_event_loop_policy \
            shield sleep sslproto staggered start_server start_unix_server streams subprocess \
            sys taskgroups tasks threads timeout timeout_at timeouts to_thread transports trsock \
            unix_events wait wait_for wrap_future",
    ),
    (
        "time",
        "CLOCK_BOOTTIME CLOCK_MONOTONIC CLOCK_MONOTONIC_RAW CLOCK_PROCESS_CPUTIME_ID \
            CLOCK_REALTIME CLOCK_TAI CLOCK_THREAD_CPUTIME_ID altzone asctime clock_getres \
            clock_gettime clock_gettime_ns clock_settime clock_settime_ns ctime daylight \
            get_clock_info gmtime localtime mktime monotonic monotonic_ns perf_counter \
            perf_counter_ns process_time process_time_ns pthread_getcpuclockid sleep strftime \
            strptime struct_time thread_time thread_time_ns time time_ns timezone tzname tzset",
    ),
    (
        "random",
        "BPF LOG4 NV_MAGICCONST RECIP_BPF Random SG_MAGICCONST SystemRandom TWOPI betavariate \
            choice choices expovariate gammavariate gauss getrandbits getstate lognormvariate \
            normalvariate paretovariate randbytes randint random randrange sample seed setstate \
            shuffle triangular uniform vonmisesvariate weibullvariate",
    ),
    (
        "math",
        "acos acosh asin asinh atan atan2 atanh cbrt ceil comb copysign cos cosh degrees dist \
            e erf erfc exp exp2 expm1 fabs factorial floor fmod frexp fsum gamma gcd hypot inf \
            isclose isfinite isinf isnan isqrt lcm ldexp lgamma log log10 log1p log2 modf nan \
            nextafter perm pi pow prod radians remainder sin sinh sqrt tan tanh tau trunc ulp",
    ),
    (
        "functools",
        "GenericAlias RLock WRAPPER_ASSIGNMENTS WRAPPER_UPDATES cache cached_property \
            cmp_to_key get_cache_token lru_cache namedtuple partial partialmethod recursive_repr \
            reduce singledispatch singledispatchmethod total_ordering update_wrapper wraps",
    ),
    (
        "sys",
        "abiflags addaudithook api_version argv audit base_exec_prefix base_prefix \
            breakpointhook builtin_module_names byteorder call_tracing copyright displayhook \
            dont_write_bytecode exc_info excepthook exception exec_prefix executable exit flags \
            float_info float_repr_style get_asyncgen_hooks get_coroutine_origin_tracking_depth \
            get_int_max_str_digits getallocatedblocks getdefaultencoding getdlopenflags \
            getfilesystemencodeerrors getfilesystemencoding getprofile getrecursionlimit \
            getrefcount getsizeof getswitchinterval gettrace hash_info hexversion implementation \
            int_info intern is_finalizing maxsize maxunicode meta_path modules orig_argv path \
            path_hooks path_importer_cache platform platlibdir prefix pycache_prefix \
            set_asyncgen_hooks set_coroutine_origin_tracking_depth set_int_max_str_digits \
            setdlopenflags setprofile setrecursionlimit setswitchinterval settrace stderr stdin \
            stdlib_module_names stdout thread_info unraisablehook version version_info \
            warnoptions",
    ),
    (
        "_UnixSelectorEventLoop",
        "add_reader add_signal_handler add_writer call_at call_exception_handler call_later \
            call_soon call_soon_threadsafe close connect_accepted_socket connect_read_pipe \
            connect_write_pipe create_connection create_datagram_endpoint create_future \
            create_server create_task create_unix_connection create_unix_server \
            default_exception_handler get_debug get_exception_handler get_task_factory \
            getaddrinfo getnameinfo is_closed is_running remove_reader remove_signal_handler \
            remove_writer run_forever run_in_executor run_until_complete sendfile set_debug \
            set_default_executor set_exception_handler set_task_factory shutdown_asyncgens \
            shutdown_default_executor slow_callback_duration sock_accept sock_connect sock_recv \
            sock_recv_into sock_recvfrom sock_recvfrom_into sock_sendall sock_sendfile \
            sock_sendto start_tls stop subprocess_exec subprocess_shell time",
    ),
    (
        "Task",
        "add_done_callback cancel cancelled cancelling done exception get_coro get_loop \
            get_name get_stack print_stack remove_done_callback result set_exception set_name \
            set_result uncancel",
    ),
    (
        "Future",
        "add_done_callback cancel cancelled done exception get_loop remove_done_callback \
            result set_exception set_result",
    ),
    (
        "Queue",
        "empty full get get_nowait join maxsize put put_nowait qsize task_done",
    ),
    (
        "LifoQueue",
        "empty full get get_nowait join maxsize put put_nowait qsize task_done",
    ),
    (
        "PriorityQueue",
        "empty full get get_nowait join maxsize put put_nowait qsize task_done",
    ),
    ("Lock", "acquire locked release"),
    ("BoundedSemaphore", "acquire locked release"),
    (
        "Condition",
        "acquire locked notify notify_all release wait wait_for",
    ),
    ("Event", "clear is_set set wait"),
    ("Semaphore", "acquire locked release"),
    ("TimerHandle", "cancel cancelled when"),
    (
        "collections",
        "ChainMap Counter OrderedDict UserDict UserList UserString abc defaultdict deque \
            namedtuple",
    ),
    (
        "itertools",
        "accumulate chain combinations combinations_with_replacement compress count cycle \
            dropwhile filterfalse groupby islice pairwise permutations product repeat starmap \
            takewhile tee zip_longest",
    ),
    (
        "collections.deque",
        "append appendleft clear copy count extend extendleft index insert maxlen pop \
            popleft remove reverse rotate",
    ),
    (
        "collections.defaultdict",
        "clear copy default_factory fromkeys get items keys pop popitem setdefault update \
            values",
    ),
    (
        "Counter",
        "clear copy elements fromkeys get items keys most_common pop popitem setdefault \
            subtract total update values",
    ),
    (
        "collections.OrderedDict",
        "clear copy fromkeys get items keys move_to_end pop popitem setdefault update values",
    ),
    ("Handle", "cancel cancelled"),
    (
        "concurrent.futures",
        "ALL_COMPLETED BrokenExecutor CancelledError Executor FIRST_COMPLETED FIRST_EXCEPTION \
            Future ProcessPoolExecutor ThreadPoolExecutor TimeoutError as_completed process \
            thread wait",
    ),
    ("ThreadPoolExecutor", "map shutdown submit"),
    ("ProcessPoolExecutor", "map shutdown submit"),
    // PyPI's aiohttp 3.9, whose client the interpreter maps onto the browser's fetch.
    (
        "aiohttp",
        "BasicAuth ClientConnectionError ClientConnectorError ClientError ClientOSError \
            ClientPayloadError ClientResponse ClientResponseError ClientSession ClientTimeout \
            ContentTypeError FormData ServerDisconnectedError ServerTimeoutError StreamReader \
            TCPConnector TraceConfig WSMsgType request web",
    ),
    (
        "ClientSession",
        "close closed connector cookie_jar delete get head headers options patch post put \
            request timeout ws_connect",
    ),
    (
        "ClientResponse",
        "charset close content content_length content_type cookies get_encoding headers \
            history json ok raise_for_status read reason release request_info status text url",
    ),
    // aiohttp.web, which the interpreter maps onto the page's servers.
    (
        "aiohttp.web",
        "AppKey AppRunner Application BaseRequest BaseRunner BaseSite FileField FileResponse \
            GracefulExit HTTPBadRequest HTTPClientError HTTPCreated HTTPError HTTPException \
            HTTPForbidden HTTPFound HTTPInternalServerError HTTPMethodNotAllowed \
            HTTPMovedPermanently HTTPNoContent HTTPNotFound HTTPOk HTTPServerError \
            HTTPUnauthorized Request RequestHandler Response RouteDef RouteTableDef Server \
            ServerRunner SockSite StaticResource StreamResponse TCPSite UnixSite UrlDispatcher \
            View WSMsgType WebSocketResponse delete get head json_response middleware options \
            patch post put route run_app static view",
    ),
    (
        "Application",
        "add_domain add_routes add_subapp cleanup cleanup_ctx freeze frozen middlewares \
            on_cleanup on_response_prepare on_shutdown on_startup router shutdown startup",
    ),
    (
        "UrlDispatcher",
        "add_delete add_get add_head add_options add_patch add_post add_put add_resource \
            add_route add_routes add_static add_view named_resources resources routes",
    ),
    (
        "AppRunner",
        "addresses app cleanup server setup shutdown sites",
    ),
    ("TCPSite", "name port start stop"),
    (
        "Request",
        "app body_exists can_read_body charset content content_length content_type cookies \
            get_extra_info has_body headers host if_modified_since json match_info method \
            multipart path path_qs post query query_string raw_path read rel_url remote scheme \
            secure text transport url version",
    ),
    (
        "Response",
        "body body_length charset content_length content_type cookies del_cookie headers \
            prepare prepared reason set_cookie set_status status text write write_eof",
    ),
    // uvicorn 0.30, httpx 0.27 and Starlette 0.37, which the interpreter maps onto the page's
    // servers and its client.
    ("uvicorn", "Config Server main run"),
    (
        "Server",
        "capture_signals handle_exit install_signal_handlers main_loop on_tick \
        servers shutdown startup",
    ),
    (
        "httpx",
        "ASGITransport AsyncBaseTransport AsyncByteStream AsyncClient AsyncHTTPTransport Auth \
            BasicAuth Client ConnectTimeout Cookies DigestAuth Headers Limits MockTransport \
            PoolTimeout Proxy QueryParams ReadTimeout Request Response StreamError Timeout \
            TimeoutException TooManyRedirects URL WSGITransport WriteTimeout codes delete get \
            head options patch post put request stream",
    ),
    (
        "AsyncClient",
        "auth base_url build_request cookies event_hooks follow_redirects headers is_closed \
            options params send timeout trust_env",
    ),
    ("starlette.applications", "Starlette"),
    (
        "starlette.routing",
        "BaseRoute Host Match NoMatchFound Router WebSocketRoute compile_path \
            get_name request_response websocket_session",
    ),
    ("starlette.responses", "RedirectResponse"),
    (
        "starlette.requests",
        "ClientDisconnect HTTPConnection empty_receive empty_send",
    ),
    ("starlette.endpoints", "WebSocketEndpoint"),
    ("starlette.background", "BackgroundTasks"),
    (
        "Request",
        "auth client cookies form is_disconnected receive scope send_push_promise session \
            state stream user",
    ),
    // email.message's message and aiosmtplib 3, which the interpreter maps onto the runtime's
    // mail.
    ("email.message", "EmailMessage Message MIMEPart"),
    (
        "EmailMessage",
        "add_alternative add_attachment add_header add_related as_bytes attach clear \
            clear_content del_param get_all get_body get_charset get_content_type get_filename \
            get_payload is_multipart items iter_attachments iter_parts keys make_alternative \
            make_mixed make_related set_charset set_param set_payload values walk",
    ),
    (
        "aiosmtplib",
        "SMTPAuthenticationError SMTPNotSupported SMTPReadTimeoutError SMTPTimeoutError \
            SMTPRecipientRefused SMTPStatus",
    ),
    (
        "SMTP",
        "auth ehlo execute_command helo login mail noop rcpt sendmail starttls",
    ),
    // Modules the interpreter has a few names of (the ones the course's listings use, on the
    // browser's storage): any other name of theirs is a missing feature.
    ("os", "*"),
    ("threading", "*"),
    ("wsgiref.simple_server", "*"),
    ("aiofile", "*"),
    ("redis.asyncio", "*"),
    (
        "StreamReader",
        "at_eof iter_any iter_chunked iter_chunks read readany readchunk readexactly readline",
    ),
];

/// Whether CPython's `owner` (a module, or an asyncio type by its name) has `name`.
pub fn cpython_has(owner: &str, name: &str) -> bool {
    CPYTHON_NAMES.iter().any(|(o, names)| {
        *o == owner && (*names == "*" || names.split_ascii_whitespace().any(|n| n == name))
    })
}

/// The modules written in Python.
const PYTHON_MODULES: &[(&str, &str)] = &[
    ("collections", include_str!("lib/collections.py")),
    ("itertools", include_str!("lib/itertools.py")),
    ("typing", include_str!("lib/typing.py")),
    ("contextlib", include_str!("lib/contextlib.py")),
    ("_files", include_str!("lib/_files.py")),
    ("multidict", include_str!("lib/multidict.py")),
    ("json", include_str!("lib/json.py")),
    ("_host", include_str!("lib/_host.py")),
];

/// Runs a module written in Python as the module `name`: its globals are the module.
fn run_python_module(vm: &mut Vm, name: &str, source: &str) -> PyResult {
    let code = crate::compile(source).map_err(|e| {
        exceptions::runtime_error(format!("the module '{name}' does not compile: {}", e.msg))
    })?;
    let globals = Rc::new(Module {
        name: Rc::from(name),
        dict: RefCell::new(Dict::new()),
    });
    globals
        .dict
        .borrow_mut()
        .set_str("__name__", Value::str(name));
    let mut frame = crate::vm::Frame::new(code, globals.clone(), None);
    vm.run_frame(&mut frame, None)?;
    Ok(Value::Module(globals))
}

/// One of the interpreter's own modules, or `None` if it has none of that name.
pub fn import(vm: &mut Vm, name: &str) -> Option<PyResult> {
    if let Some((_, source)) = PYTHON_MODULES.iter().find(|(n, _)| *n == name) {
        return Some(run_python_module(vm, name, source));
    }
    Some(Ok(match name {
        "time" => module(
            "time",
            &[
                ("time", time_time),
                ("monotonic", time_monotonic),
                ("perf_counter", time_monotonic),
                ("sleep", time_sleep),
            ],
            Vec::new(),
        ),
        "random" => module(
            "random",
            &[
                ("seed", random_seed),
                ("random", random_random),
                ("randint", random_randint),
                ("randrange", random_randrange),
                ("uniform", random_uniform),
                ("choice", random_choice),
                ("shuffle", random_shuffle),
            ],
            Vec::new(),
        ),
        "functools" => module(
            "functools",
            &[("partial", partial), ("reduce", reduce), ("wraps", wraps)],
            Vec::new(),
        ),
        "math" => crate::math::module(),
        "sys" => module(
            "sys",
            &[
                ("exit", sys_exit),
                ("getrecursionlimit", sys_getrecursionlimit),
            ],
            vec![
                (
                    "stderr",
                    Value::Module(Rc::new(Module {
                        name: Rc::from("sys.stderr"),
                        dict: RefCell::new(Dict::new()),
                    })),
                ),
                (
                    "stdout",
                    Value::Module(Rc::new(Module {
                        name: Rc::from("sys.stdout"),
                        dict: RefCell::new(Dict::new()),
                    })),
                ),
                ("maxsize", Value::Int(i64::MAX)),
                ("version", Value::str("3.11.7 (Loopscope)")),
                ("platform", Value::str("emscripten")),
            ],
        ),
        _ => return None,
    }))
}

fn time_time(vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Float(1_700_000_000.0 + vm.host.time()))
}

fn time_monotonic(vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Float(vm.host.time()))
}

fn time_sleep(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let secs = args
        .pos
        .first()
        .and_then(int::to_f64)
        .ok_or_else(|| type_error("'str' object cannot be interpreted as an integer"))?;
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    vm.host.sleep_blocking(secs);
    Ok(Value::None)
}

fn random_seed(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mt = match args.pos.first() {
        Some(v @ (Value::Int(_) | Value::Big(_) | Value::Bool(_))) => Mt::from_int(&int::to_big(v).unwrap_or_default()),
        Some(Value::None) | None => Mt::from_key(&[0x5eed]),
        Some(Value::Str(s)) => {
            // CPython hashes a str seed with SHA-512; a text seed here is stable but different.
            let words: Vec<u32> = s.bytes().map(u32::from).collect();
            Mt::from_key(&words)
        }
        Some(other) => return Err(type_error(format!("The only supported seed types are: None, int, float, str, bytes, and bytearray. (got {})", type_name(other)))),
    };
    random::seed(mt);
    Ok(Value::None)
}

fn random_random(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Float(random::with(|g| g.random())))
}

fn randrange_of(start: i64, stop: i64, step: i64) -> PyResult {
    if step == 1 {
        if stop <= start {
            return Err(value_error(format!(
                "empty range in randrange({start}, {stop})"
            )));
        }
        let width = (stop - start) as u64;
        return Ok(Value::Int(start + random::with(|g| g.below(width)) as i64));
    }
    let n = if step > 0 {
        (stop - start + step - 1) / step
    } else {
        (stop - start + step + 1) / step
    };
    if n <= 0 {
        return Err(value_error("empty range for randrange()"));
    }
    Ok(Value::Int(
        start + step * random::with(|g| g.below(n as u64)) as i64,
    ))
}

fn ints(args: &Args) -> PyResult<Vec<i64>> {
    args.pos
        .iter()
        .map(|v| {
            int::to_i64(v).ok_or_else(|| {
                type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(v)
                ))
            })
        })
        .collect()
}

fn random_randint(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match ints(&args)?.as_slice() {
        [a, b] => randrange_of(*a, b + 1, 1),
        _ => Err(type_error(
            "Random.randint() missing 1 required positional argument: 'b'",
        )),
    }
}

fn random_randrange(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    match ints(&args)?.as_slice() {
        [stop] => randrange_of(0, *stop, 1),
        [start, stop] => randrange_of(*start, *stop, 1),
        [start, stop, step] => randrange_of(*start, *stop, *step),
        _ => Err(type_error("randrange expected at least 1 argument")),
    }
}

fn random_uniform(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let (Some(a), Some(b)) = (
        args.pos.first().and_then(int::to_f64),
        args.pos.get(1).and_then(int::to_f64),
    ) else {
        return Err(type_error("uniform() takes two numbers"));
    };
    Ok(Value::Float(a + (b - a) * random::with(|g| g.random())))
}

fn random_choice(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let seq = args
        .pos
        .first()
        .cloned()
        .ok_or_else(|| type_error("choice() missing 1 required positional argument: 'seq'"))?;
    let n = crate::ops::len(vm, &seq)?;
    if n == 0 {
        return Err(exceptions::index_error(
            "Cannot choose from an empty sequence",
        ));
    }
    let i = random::with(|g| g.below(n as u64));
    crate::ops::get_item(vm, &seq, &Value::Int(i as i64))
}

fn random_shuffle(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let Some(Value::List(l)) = args.pos.first() else {
        return Err(type_error("shuffle() needs a list"));
    };
    let mut items = l.borrow_mut();
    for i in (1..items.len()).rev() {
        let j = random::with(|g| g.below(i as u64 + 1)) as usize;
        items.swap(i, j);
    }
    Ok(Value::None)
}

fn partial(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let mut pos = args.pos.into_iter();
    let func = pos
        .next()
        .ok_or_else(|| type_error("type 'partial' takes at least one argument"))?;
    Ok(Value::Partial(Rc::new(Partial {
        func,
        args: pos.collect(),
        kw: args.kw,
    })))
}

fn reduce(vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let (Some(f), Some(seq)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(type_error("reduce expected at least 2 arguments"));
    };
    let items = collect(vm, seq)?;
    let mut it = items.into_iter();
    let mut acc = match args.pos.get(2) {
        Some(init) => init.clone(),
        None => it
            .next()
            .ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))?,
    };
    for v in it {
        acc = vm.call(f, Args::new(vec![acc, v]))?;
    }
    Ok(acc)
}

/// `functools.wraps(f)`: a decorator that gives the wrapper `f`'s name.
fn wraps(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    let wrapped = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::Builtin(Rc::new(Builtin {
        name: "wraps",
        func: apply_wraps,
        this: Some(wrapped),
    })))
}

fn apply_wraps(vm: &mut Vm, this: Option<&Value>, args: Args) -> PyResult {
    let wrapper = args.pos.first().cloned().unwrap_or(Value::None);
    if let (Some(wrapped), Value::Function(_)) = (this, &wrapper) {
        for name in ["__name__", "__qualname__", "__doc__"] {
            if let Ok(v) = crate::attr::get_attr(vm, wrapped, name) {
                crate::attr::set_attr(vm, &wrapper, name, v)?;
            }
        }
        crate::attr::set_attr(vm, &wrapper, "__wrapped__", wrapped.clone())?;
    }
    Ok(wrapper)
}

fn sys_exit(_vm: &mut Vm, _this: Option<&Value>, args: Args) -> PyResult {
    Err(crate::exceptions::instantiate(
        &exc_class(Exc::SystemExit),
        args.pos,
    ))
}

fn sys_getrecursionlimit(_vm: &mut Vm, _this: Option<&Value>, _args: Args) -> PyResult {
    Ok(Value::Int(_vm.recursion_limit as i64))
}
