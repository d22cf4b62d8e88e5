//! Starlette's `BackgroundTask`: work bound to a response that runs once the response has been
//! sent, so the client does not wait for it.

use crate::course::py;
use crate::runtime::web::starlette::{
    endpoint, starlette, BackgroundTask, Request, Response, Route,
};
use crate::runtime::web::{client, json, Config, Server};
use crate::runtime::{create_task, sleep, Error, Result};
use crate::{print, tr};

async fn signup(request: Request) -> Result<Response> {
    let data = request.json().await?;
    let field = |name| {
        data.get(name)
            .map_err(Error::raised)
            .map(|v| v.as_str().unwrap_or_default().to_string())
    };
    let (_username, email) = (field("username")?, field("email")?);
    let task = BackgroundTask::new(move || send_welcome_email(email));
    let message = r#"{"status":"Signup successful"}"#;
    Ok(Response::json(message).background(task)) // the task runs after the response is sent
}

async fn send_welcome_email(to_address: String) -> Result<()> {
    sleep(1.0).await?; // mailing takes a while: the client has its answer already
    print!(py 21, "{} {to_address}", tr!("pretending to send mail:" | "模拟发邮件:"));
    Ok(())
}

/// The app, and a client that signs up.
pub async fn main() -> Result<()> {
    let routes = vec![Route::new("/user/signup", endpoint(signup))?.methods(&["POST"])];
    let app = starlette(routes);
    let server = Server::new(Config::new(app, 5000));
    let serving = create_task(server.clone().serve())?;
    while !server.started() {
        sleep(0.01).await?;
    }
    let user = r#"{"username": "ada", "email": "ada@example.com"}"#;
    let resp = client::post("http://127.0.0.1:5000/user/signup")
        .json(user)
        .send()
        .await?;
    let status = resp.status();
    let body = json::parse(&resp.text().await?).map_err(Error::raised)?; // resp.json()
    print!(py 40, "{status} {}", py::json_repr(&body));
    serving.await // serves on until Stop
}

// ---- end of listing ----

use super::super::{
    line, said, Cpython, Ends, Entry, Lesson, LessonFuture, Needs, Order, Text, SERVER_PORT,
};

/// This lesson's record.
pub const LESSON: Lesson = Lesson {
    id: "starlette-background",
    title: Text {
        en: "BackgroundTask: after the response is sent",
        zh: "BackgroundTask：响应发出之后再执行",
    },
    note: Text {
        en: "signup reads the JSON body (await request.json()), answers at once, and binds a \
             BackgroundTask to the response: Starlette runs it after the last byte of the \
             response has been sent, in the same request task. The client prints its answer \
             at +10 ms; the 'mail' goes a second later (here it sleeps a second, to make the \
             order visible: in the course it only prints). On the timeline the POST \
             /user/signup task goes on after the client's request has ended.",
        zh: "signup 读取 JSON 请求体（await request.json()），立刻作答，并把一个 BackgroundTask \
             绑定到响应上：Starlette 在响应的最后一个字节发出之后，在同一个请求任务里执行它。\
             客户端在 +10 毫秒打印出响应；“邮件”要一秒之后才发出（这里睡了一秒，好让先后顺序\
             看得出来；课文里只是打印一句）。在时间线上，POST /user/signup 任务在客户端的请求结束后\
             还在继续。",
    },
    python: Text {
        en: include_str!("starlette_background.en.py"),
        zh: include_str!("starlette_background.py"),
    },
    rust_file: super::super::listing!("ch9/starlette_background.rs"),
    expected: &[
        line(10, "Task-1", "200 {'status': 'Signup successful'}"),
        said(
            1010,
            "POST /user/signup",
            "pretending to send mail: ada@example.com",
            "模拟发邮件: ada@example.com",
        ),
    ],
    cpython: Cpython::Serves(&["uvicorn", "starlette", "httpx"]),
    ends: Ends::OnlyWhenStopped,
    needs: Needs::Runtime,
    mistakes: &[],
    console: None,
    http_port: Some(SERVER_PORT),
    order: Order::Exact,
    knobs: &[],
};

/// How this lesson starts.
pub const ENTRY: Entry = Entry::Run(|_| -> LessonFuture { Box::pin(main()) });
