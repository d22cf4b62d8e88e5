//! WSGI's part: `app(environ, start_response)`, one synchronous call per request, made by a
//! server that answers one request at a time on a thread of its own (as wsgiref's
//! `make_server(...).serve_forever()` does in a thread).
//!
//! The call blocks its thread (`time.sleep`, a database driver), so here it runs on a Web
//! Worker: the application says how it answers ([`Answer`]: the status and headers it starts
//! the response with, and its body as a [`Job`] whose blocking steps the worker performs), and
//! the page's server hands each request's job to a pool of one worker. The page's loop stays
//! free; the requests wait their turn for the one thread.

use std::cell::RefCell;
use std::rc::Rc;

use super::asgi::Outgoing;
use super::server::{app, App};
use crate::runtime::{wrap_future, Error, Job, Pool};

/// What a WSGI application sees of a request (`environ`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Environ {
    /// `environ['REQUEST_METHOD']`.
    pub method: Rc<str>,
    /// `environ['PATH_INFO']`.
    pub path: Rc<str>,
    /// `environ['QUERY_STRING']`.
    pub query: Rc<str>,
}

/// How a WSGI application answers: `start_response(status, headers)` and the body it returns.
pub struct Answer {
    /// `'200 OK'`.
    pub status: &'static str,
    /// `[('Content-Type', 'text/html')]`.
    pub headers: Vec<(&'static str, &'static str)>,
    /// The call's blocking steps, returning the body (`return [b'...']`).
    pub body: Job,
}

/// An [`Answer`] made at run time (an interpreted application's): its status and headers are
/// the application's own strings.
pub struct Answered {
    /// `'200 OK'`.
    pub status: String,
    /// `[('Content-Type', 'text/html')]`.
    pub headers: Vec<(String, String)>,
    /// The call's blocking steps, returning the body.
    pub body: Job,
}

impl From<Answer> for Answered {
    fn from(answer: Answer) -> Answered {
        Answered {
            status: answer.status.to_string(),
            headers: answer
                .headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: answer.body,
        }
    }
}

/// The server side of `make_server(host, port, app)`: a WSGI application as the page's server
/// runs it, one request at a time on one worker thread.
pub fn wsgi(application: fn(&Environ) -> Answer) -> App {
    wsgi_with(move |environ| Ok(application(environ).into()))
}

/// [`wsgi`] for an application that may fail before answering (an interpreted one that
/// raised: the client gets the server's `500`).
pub fn wsgi_with(application: impl Fn(&Environ) -> Result<Answered, Error> + 'static) -> App {
    let thread: Rc<RefCell<Option<Rc<Pool>>>> = Rc::new(RefCell::new(None));
    let application = Rc::new(application);
    app(move |scope, _receive, send| {
        let (thread, application) = (thread.clone(), application.clone());
        async move {
            if scope.kind != "http" {
                // uvicorn's WSGI adapter serves HTTP only (its lifespan is then off).
                return Err(Error::raised("AssertionError"));
            }
            let environ = Environ {
                method: scope.method.clone(),
                path: scope.path.clone(),
                query: scope.query_string.clone(),
            };
            let answer = application(&environ)?;
            let status = answer
                .status
                .split_whitespace()
                .next()
                .and_then(|code| code.parse::<u16>().ok())
                .ok_or_else(|| {
                    Error::raised(format!(
                        "AssertionError: Invalid status {:?}",
                        answer.status
                    ))
                })?;
            let pool = {
                let mut thread = thread.borrow_mut();
                match &*thread {
                    Some(pool) => pool.clone(),
                    None => thread.insert(Rc::new(Pool::new(1)?)).clone(),
                }
            };
            let body = wrap_future(&pool.submit(answer.body)?)?.await?.to_string();
            let mut headers: Vec<(String, String)> = answer
                .headers
                .iter()
                .map(|(n, v)| (n.to_ascii_lowercase(), v.to_string()))
                .collect();
            headers.push(("content-length".into(), body.len().to_string()));
            send.send(Outgoing::Start { status, headers }).await?;
            send.send(Outgoing::body(body)).await
        }
    })
}
