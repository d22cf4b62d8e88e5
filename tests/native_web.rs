//! The page's HTTP server natively, on the virtual clock, with its clients in the page: what a
//! real server does with good and bad requests, concurrency, streaming and Stop. The same
//! server behind the real Service Worker is tested in the browsers (tests/e2e).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use loopscope::print;
use loopscope::runtime::web::{app, client, App, Config, Outgoing, Receive, Scope, Send, Server};
use loopscope::runtime::{
    create_task, gather, host, sleep, time_ms, Clock, Error, IoKind, Job, Run, RunStatus,
};

fn run_virtual<F, Fut>(main: F) -> Run
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<(), Error>> + 'static,
{
    let run = Run::start(Clock::Virtual, main);
    host::run_until_idle();
    run
}

fn printed(run: &Run) -> Vec<String> {
    run.trace()
        .printed()
        .iter()
        .map(|l| format!("{}@{}", l.text, l.at_ms()))
        .collect()
}

/// Serves `app` on `port` for the length of `body`, then stops the server.
async fn with_server<Fut>(application: App, port: u16, body: Fut) -> Result<(), Error>
where
    Fut: std::future::Future<Output = Result<(), Error>>,
{
    let server = Server::new(Config::new(application, port));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.0).await?;
    }
    let outcome = body.await;
    server.exit();
    serving.await?;
    outcome
}

/// `assert scope['type'] == 'http'`: a bare app that does not speak the lifespan protocol,
/// which uvicorn (`lifespan="auto"`) then serves without.
fn http_only(scope: &Scope) -> Result<(), Error> {
    if scope.kind == "http" {
        Ok(())
    } else {
        Err(Error::raised("AssertionError"))
    }
}

async fn text(scope: Scope, _receive: Receive, send: Send) -> Result<(), Error> {
    http_only(&scope)?;
    let body = format!("{} {}?{}", scope.method, scope.path, scope.query_string);
    send.send(Outgoing::start(200, &[("content-type", "text/plain")]))
        .await?;
    send.send(Outgoing::body(body)).await
}

async fn napping(scope: Scope, _receive: Receive, send: Send) -> Result<(), Error> {
    http_only(&scope)?;
    sleep(3.0).await?; // await asyncio.sleep(3): the loop serves others meanwhile
    send.send(Outgoing::start(200, &[])).await?;
    send.send(Outgoing::body("rested")).await
}

async fn blocking(scope: Scope, _receive: Receive, send: Send) -> Result<(), Error> {
    http_only(&scope)?;
    Job::new("time.sleep(3)").block(3.0).run_here()?; // holds the whole loop
    send.send(Outgoing::start(200, &[])).await?;
    send.send(Outgoing::body("rested")).await
}

#[test]
fn a_request_gets_its_answer_and_the_app_sees_method_path_and_query() {
    let run = run_virtual(|| {
        with_server(app(text), 5000, async {
            let resp = client::get("http://127.0.0.1:5000/a%20b/c?x=1&y=2")
                .send()
                .await?;
            print!(py 1, "{} {:?}", resp.status(), resp.header("Content-Type"));
            print!(py 1, "{}", resp.text().await?);
            let resp = client::post("http://localhost:5000/form")
                .body("hi")
                .send()
                .await?;
            print!(py 1, "{}", resp.text().await?);
            Ok(())
        })
    });
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    assert_eq!(
        printed(&run),
        [
            "200 Some(\"text/plain\")@0",
            "GET /a b/c?x=1&y=2@0",
            "POST /form?@0"
        ]
    );
    // Each request was a task named by its method and path, and I/O of kind http.
    let trace = run.trace();
    let names: Vec<String> = trace.task_names().map(str::to_string).collect();
    assert!(names.iter().any(|n| n == "GET /a b/c"), "{names:?}");
    assert!(names.iter().any(|n| n == "POST /form"), "{names:?}");
    assert_eq!(run.live_io(IoKind::Http), 0);
    // The I/O panel's rows say what each request was answered with.
    let rows = loopscope::analysis::io_rows::io_rows(&trace);
    let answered: Vec<_> = rows.iter().map(|r| (r.label.as_str(), r.status)).collect();
    assert_eq!(
        answered,
        [("GET /a b/c", Some(200)), ("POST /form", Some(200))]
    );
}

#[test]
fn awaiting_handlers_overlap_and_blocking_ones_queue() {
    for (handler, ends) in [
        (app(napping) as App, vec![3000, 3000, 3000]),
        // The handlers block one after another, 9 s in all; the clients live on the same
        // loop, so they read their answers only once it is free (as in CPython).
        (app(blocking), vec![9000, 9000, 9000]),
    ] {
        let run = run_virtual(move || {
            with_server(handler, 5000, async {
                let asks = (0..3).map(|_| async {
                    let resp = client::get("http://127.0.0.1:5000/red").send().await?;
                    resp.text().await?;
                    time_ms()
                });
                let tasks = asks.map(create_task).collect::<Result<Vec<_>, Error>>()?;
                let times = gather(tasks).await?;
                print!(py 1, "{times:?}");
                Ok(())
            })
        });
        assert_eq!(run.status(), RunStatus::Finished(Ok(())));
        assert_eq!(
            printed(&run)[0].split('@').next().unwrap(),
            format!("{ends:?}")
        );
    }
}

#[test]
fn bad_requests_get_the_status_a_server_gives() {
    let run = run_virtual(|| {
        with_server(app(text), 5000, async {
            let resp = client::Request::new("BREW", "http://127.0.0.1:5000/")
                .send()
                .await?;
            print!(py 1, "{}", resp.status());
            let big = vec![b'x'; loopscope::runtime::web::http::MAX_BODY + 1];
            let resp = client::post("http://127.0.0.1:5000/")
                .body(big)
                .send()
                .await?;
            print!(py 1, "{} {}", resp.status(), resp.text().await?);
            match client::get("http://127.0.0.1:5001/").send().await {
                Err(e) => print!(py 1, "{e}"),
                Ok(resp) => print!(py 1, "answered {}", resp.status()),
            }
            Ok(())
        })
    });
    assert_eq!(
        printed(&run),
        [
            "400@0",
            "413 The request body is 1048577 bytes; this server accepts at most 1048576.@0",
            "ClientConnectorError: Cannot connect to host 127.0.0.1:5001 [Connect call failed ('127.0.0.1', 5001)]@0"
        ]
    );
}

async fn raising(_scope: Scope, _receive: Receive, _send: Send) -> Result<(), Error> {
    Err(Error::raised("ZeroDivisionError: division by zero"))
}

async fn silent(scope: Scope, _receive: Receive, _send: Send) -> Result<(), Error> {
    http_only(&scope)?;
    Ok(())
}

#[test]
fn a_handler_that_raises_or_never_answers_is_a_500_and_the_error_is_printed() {
    for handler in [app(raising), app(silent)] {
        let run = run_virtual(move || {
            with_server(handler, 5000, async {
                let resp = client::get("http://127.0.0.1:5000/").send().await?;
                print!(py 1, "{} {}", resp.status(), resp.text().await?);
                Ok(())
            })
        });
        let out = printed(&run);
        assert_eq!(
            out.last().unwrap(),
            "500 Internal Server Error@0",
            "{out:?}"
        );
        assert!(out[0].starts_with("ERROR:    "), "{out:?}");
    }
}

async fn streaming(scope: Scope, _receive: Receive, send: Send) -> Result<(), Error> {
    http_only(&scope)?;
    send.send(Outgoing::start(200, &[("content-type", "text/html")]))
        .await?;
    for n in 1..=3 {
        send.send(Outgoing::chunk(format!("<li>{n}</li>"))).await?;
        sleep(0.5).await?;
    }
    send.send(Outgoing::body("")).await
}

#[test]
fn streamed_chunks_arrive_one_by_one_as_they_are_sent() {
    let run = run_virtual(|| {
        with_server(app(streaming), 5000, async {
            let mut resp = client::get("http://127.0.0.1:5000/").send().await?;
            while let Some(chunk) = resp.chunk().await? {
                print!(py 1, "{}", String::from_utf8_lossy(&chunk));
            }
            Ok(())
        })
    });
    assert_eq!(
        printed(&run),
        ["<li>1</li>@0", "<li>2</li>@500", "<li>3</li>@1000"]
    );
}

#[test]
fn stop_mid_request_breaks_the_connection_and_the_counters_return_to_zero() {
    let seen = Rc::new(std::cell::RefCell::new(None));
    let seen_in_run = seen.clone();
    // On the real clock at 1/100 (the handler's 3 s nap takes 30 ms), stopped 10 ms in.
    let run = Run::start(Clock::Real { scale: 0.01 }, move || async move {
        let server = Server::new(Config::new(app(napping), 5000));
        let _serving = create_task(server.clone().serve())?;
        while !server.started() {
            sleep(0.0).await?;
        }
        let resp = client::get("http://127.0.0.1:5000/").send().await;
        *seen_in_run.borrow_mut() = Some(resp.map(|r| r.status()));
        Ok(())
    });
    host::run_for(std::time::Duration::from_millis(10));
    assert_eq!(run.live_io(IoKind::Http), 1);
    run.stop();
    host::run_until_idle();
    assert_eq!(run.live_io(IoKind::Http), 0);
    assert_eq!(run.live_tasks(), 0);
    // The client task was cancelled with the rest; nothing listens on the port any more.
    assert!(!loopscope::runtime::web::server::listening(5000));
    assert!(seen.borrow().is_none());
}

#[test]
fn a_second_server_on_a_busy_port_ends_the_program_like_uvicorn() {
    let run = run_virtual(|| {
        with_server(app(text), 5000, async {
            let second = Server::new(Config::new(app(text), 5000));
            let _serving = create_task(second.clone().serve())?;
            // Polling `started`, as the course's listings do, would never end.
            while !second.started() {
                sleep(0.01).await?;
            }
            Ok(())
        })
    });
    // As `sys.exit(1)` in uvicorn's task ends `asyncio.run`: the run ends, saying why.
    assert_eq!(
        run.status(),
        RunStatus::Finished(Err(Error::raised(
            "RuntimeError: Event loop stopped before Future completed."
        )))
    );
    assert_eq!(
        printed(&run),
        ["ERROR:    OSError: [Errno 98] error while attempting to bind on address ('127.0.0.1', 5000): address already in use@0"]
    );
    assert!(!loopscope::runtime::web::server::listening(5000));
}

/// aiohttp's `TCPSite.start()` on a busy port raises the `OSError` to its caller, which may
/// catch it and go on: the program is not ended, and uvicorn's log line is not printed.
#[test]
fn a_site_started_on_a_busy_port_raises_to_its_caller() {
    let run = run_virtual(|| {
        with_server(app(text), 5000, async {
            let second = Server::new(Config::new(app(text), 5000));
            let error = second.start().await.expect_err("the port is taken");
            print!(py 1, "{error}");
            print!(py 2, "went on");
            Ok(())
        })
    });
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    assert_eq!(
        printed(&run),
        [
            "OSError: [Errno 98] error while attempting to bind on address ('127.0.0.1', 5000): address already in use@0",
            "went on@0"
        ]
    );
    assert!(!loopscope::runtime::web::server::listening(5000));
}

#[test]
fn run_pressed_again_binds_the_port_of_the_stopped_run() {
    let first = Run::start(Clock::Virtual, || async {
        Server::new(Config::new(app(text), 5000)).serve().await
    });
    host::run_until_idle();
    assert!(loopscope::runtime::web::server::listening(5000));
    first.stop();
    let second = Run::start(Clock::Virtual, || async {
        let server = Server::new(Config::new(app(text), 5000));
        let _serving = server.start().await?;
        for _ in 0..2 {
            let resp = client::get("http://127.0.0.1:5000/again").send().await?;
            print!(py 1, "{}", resp.text().await?);
            sleep(1.0).await?;
        }
        Ok(())
    });
    drop(first); // whatever the first run still held goes now, between the two requests
    host::run_until_idle();
    assert_eq!(second.status(), RunStatus::Finished(Ok(())));
    assert_eq!(printed(&second), ["GET /again?@0", "GET /again?@1000"]);
}

async fn hello(
    _request: loopscope::runtime::web::starlette::Request,
) -> Result<loopscope::runtime::web::starlette::Response, Error> {
    Ok(loopscope::runtime::web::starlette::Response::plain("hello"))
}

#[test]
fn a_router_says_which_methods_a_route_takes_and_an_endpoint_class_too() {
    use loopscope::runtime::web::starlette::{endpoint, starlette, HttpEndpoint, Route};
    let run = run_virtual(|| {
        let routes = vec![
            Route::new("/fn", endpoint(hello)).unwrap(),
            Route::class("/class", HttpEndpoint::new().post(endpoint(hello))).unwrap(),
        ];
        with_server(starlette(routes), 5000, async {
            for (method, path) in [("POST", "/fn"), ("GET", "/class"), ("HEAD", "/fn")] {
                let url = format!("http://127.0.0.1:5000{path}");
                let resp = client::Request::new(method, &url).send().await?;
                let allow = resp.header("allow").unwrap_or("-").to_string();
                print!(py 1, "{method} {path} {} allow={allow} {:?}", resp.status(), resp.text().await?);
            }
            Ok(())
        })
    });
    assert_eq!(
        printed(&run),
        [
            "POST /fn 405 allow=GET, HEAD \"Method Not Allowed\"@0",
            "GET /class 405 allow=POST \"Method Not Allowed\"@0",
            // HEAD: the headers only, as a server answers it.
            "HEAD /fn 200 allow=- \"\"@0",
        ]
    );
}

/// A Starlette app with a lifespan, a WebSocket route and a static mount.
fn whole_app(startup_fails: bool) -> Result<App, Error> {
    use loopscope::runtime::web::starlette::{
        endpoint, socket_endpoint, Route, Starlette, StaticFiles, WebSocket,
    };
    async fn echo(ws: WebSocket) -> Result<(), Error> {
        ws.accept().await?;
        ws.send_text("hi").await?;
        let said = ws.receive_text().await?;
        ws.send_text(&format!("you said {said}")).await?;
        let next = ws.receive_text().await;
        print!(py 1, "server: {}", next.unwrap_err());
        Ok(())
    }
    async fn raises(ws: WebSocket) -> Result<(), Error> {
        ws.accept().await?;
        Err(Error::raised("ValueError: no"))
    }
    async fn silent(_ws: WebSocket) -> Result<(), Error> {
        Ok(())
    }
    let routes = vec![
        Route::new("/", endpoint(hello))?,
        Route::websocket("/ws", socket_endpoint(echo))?,
        Route::websocket("/raises", socket_endpoint(raises))?,
        Route::websocket("/silent", socket_endpoint(silent))?,
        Route::mount("/static", StaticFiles::new("static")?)?,
    ];
    let app = Starlette::new(routes).lifespan(
        move || async move {
            print!(py 1, "startup");
            if startup_fails {
                return Err(Error::raised("ConnectionError: no database"));
            }
            Ok(())
        },
        || async {
            print!(py 1, "shutdown");
            Ok(())
        },
    );
    Ok(app.app())
}

#[test]
fn the_lifespan_runs_before_listening_and_after_the_last_request() {
    let run = run_virtual(|| async {
        with_server(whole_app(false)?, 5000, async {
            let resp = client::get("http://127.0.0.1:5000/").send().await?;
            print!(py 1, "{}", resp.text().await?);
            Ok(())
        })
        .await?;
        print!(py 1, "served");
        Ok(())
    });
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    assert_eq!(
        printed(&run),
        ["startup@0", "hello@0", "shutdown@0", "served@0"]
    );
}

#[test]
fn a_failed_startup_ends_the_program_without_listening() {
    let run = run_virtual(|| async {
        let server = Server::new(Config::new(whole_app(true)?, 5000));
        let serving = create_task(server.clone().serve())?;
        while !server.started() {
            sleep(0.01).await?;
        }
        print!(py 1, "never");
        serving.await
    });
    assert!(
        matches!(run.status(), RunStatus::Finished(Err(_))),
        "{:?}",
        run.status()
    );
    assert_eq!(
        printed(&run),
        [
            "startup@0",
            "ERROR:    ConnectionError: no database@0",
            "ERROR:    Application startup failed. Exiting.@0"
        ]
    );
}

#[test]
fn static_files_are_served_from_their_directory_and_nothing_outside_it() {
    let run = run_virtual(|| async {
        with_server(whole_app(false)?, 5000, async {
            for path in [
                "/static/hello.txt",
                "/static/nope.txt",
                "/static/../index.html",
                "/static/%2e%2e/index.html",
            ] {
                let resp = client::get(&format!("http://127.0.0.1:5000{path}"))
                    .send()
                    .await?;
                let kind = resp.header("content-type").unwrap_or("-").to_string();
                print!(py 1, "{path} {} {kind} {:?}", resp.status(), resp.text().await?);
            }
            let resp = client::post("http://127.0.0.1:5000/static/hello.txt")
                .send()
                .await?;
            print!(py 1, "POST {}", resp.status());
            Ok(())
        })
        .await
    });
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    let printed = printed(&run);
    assert_eq!(
        &printed[1..printed.len() - 1],
        [
            "/static/hello.txt 200 text/plain; charset=utf-8 \"Hello from a static file.\\n\"@0",
            "/static/nope.txt 404 text/plain; charset=utf-8 \"Not Found\"@0",
            "/static/../index.html 404 text/plain; charset=utf-8 \"Not Found\"@0",
            "/static/%2e%2e/index.html 404 text/plain; charset=utf-8 \"Not Found\"@0",
            "POST 405@0",
        ]
    );
}

#[test]
fn a_websocket_talks_both_ways_and_each_side_sees_how_it_ended() {
    use loopscope::runtime::web::websocket::connect;
    let run = run_virtual(|| async {
        with_server(whole_app(false)?, 5000, async {
            let mut ws = connect("ws://127.0.0.1:5000/ws").await?;
            print!(py 1, "client: {:?}", ws.next().await?);
            ws.send("hello")?;
            print!(py 1, "client: {:?}", ws.next().await?);
            ws.close();
            sleep(0.0).await?;
            let mut ws = connect("ws://127.0.0.1:5000/raises").await?;
            print!(py 1, "client: {}", ws.next().await.unwrap_err());
            for url in ["ws://127.0.0.1:5000/silent", "ws://127.0.0.1:5000/nowhere", "ws://127.0.0.1:5001/ws"] {
                print!(py 1, "client: {}", connect(url).await.err().map(|e| e.to_string()).unwrap_or_default());
            }
            Ok(())
        })
        .await
    });
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    let printed = printed(&run);
    assert_eq!(
        &printed[1..printed.len() - 1],
        [
            "client: Some(\"hi\")@0",
            "client: Some(\"you said hello\")@0",
            "server: WebSocketDisconnect: 1000@0",
            "ERROR:    Exception in ASGI application@0",
            "ValueError: no@0",
            "client: ConnectionClosedError: received 1011 (internal error); then sent 1011 (internal error)@0",
            "client: InvalidStatus: server rejected WebSocket connection: HTTP 500@0",
            "client: InvalidStatus: server rejected WebSocket connection: HTTP 403@0",
            "client: ClientConnectorError: Cannot connect to host 127.0.0.1:5001 [Connect call failed ('127.0.0.1', 5001)]@0",
        ]
    );
    assert_eq!(run.live_io(IoKind::Channel), 0);
}

#[test]
fn stop_mid_conversation_drops_the_websocket() {
    use loopscope::runtime::web::starlette::{socket_endpoint, starlette, Route, WebSocket};
    use loopscope::runtime::web::websocket::connect;
    async fn waits(ws: WebSocket) -> Result<(), Error> {
        ws.accept().await?;
        ws.receive_text().await?;
        Ok(())
    }
    let run = Run::start(Clock::Real { scale: 1.0 }, || async {
        let routes = vec![Route::websocket("/ws", socket_endpoint(waits))?];
        let server = Server::new(Config::new(starlette(routes), 5000));
        let _serving = create_task(server.clone().serve())?;
        while !server.started() {
            sleep(0.0).await?;
        }
        let mut ws = connect("ws://127.0.0.1:5000/ws").await?;
        ws.next().await?;
        Ok(())
    });
    host::run_for(std::time::Duration::from_millis(20));
    assert_eq!(run.live_io(IoKind::Channel), 1);
    run.stop();
    host::run_until_idle();
    assert_eq!(run.live_io(IoKind::Channel), 0);
    assert!(!loopscope::runtime::web::server::listening(5000));
}

#[test]
fn fastapi_refuses_in_json_and_checks_parameters_before_the_operation_runs() {
    use loopscope::runtime::web::fastapi::{Args, FastApi, Param};
    use loopscope::runtime::web::json::{self, Value};
    async fn item(args: Args) -> Result<Value, Error> {
        print!(py 1, "operation runs");
        Ok(json::object([("item_id", args.get("item_id"))]))
    }
    let run = run_virtual(|| async {
        let mut app = FastApi::new();
        app.get("/items/{item_id}", &[Param::PathInt("item_id")], item)?;
        with_server(app.app(), 5000, async {
            for (method, path) in [
                ("GET", "/items/x"),
                ("GET", "/nothing"),
                ("POST", "/items/1"),
                ("GET", "/items/-3"),
            ] {
                let url = format!("http://127.0.0.1:5000{path}");
                let resp = client::Request::new(method, &url).send().await?;
                let kind = resp.header("content-type").unwrap_or("-").to_string();
                print!(py 1, "{method} {path} {} {kind} {}", resp.status(), resp.text().await?);
            }
            Ok(())
        })
        .await
    });
    assert_eq!(run.status(), RunStatus::Finished(Ok(())));
    assert_eq!(
        printed(&run),
        [
            r#"GET /items/x 422 application/json {"detail":[{"type":"int_parsing","loc":["path","item_id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}@0"#,
            r#"GET /nothing 404 application/json {"detail":"Not Found"}@0"#,
            r#"POST /items/1 405 application/json {"detail":"Method Not Allowed"}@0"#,
            "operation runs@0",
            r#"GET /items/-3 200 application/json {"item_id":-3}@0"#,
        ]
    );
}
