//! Runs a Python file on the interpreter and the runtime's virtual clock, printing the
//! transcript the differential tests compare: `cargo run --example pyrun -- file.py`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    run();
}

#[cfg(not(target_arch = "wasm32"))]
fn run() {
    use loopscope::runtime::{host, Clock};
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --example pyrun -- file.py");
        return;
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    match loopscope::interpreter::start(&source, Clock::Virtual, loopscope::lang::Lang::En) {
        Err(e) => println!(
            "{}: {} (line {}, column {})",
            e.kind,
            e.msg,
            e.line,
            e.col + 1
        ),
        Ok((run, outcome)) => {
            host::run_until_idle();
            run.stop();
            host::run_until_idle();
            print!("{}", outcome.transcript());
        }
    }
}
