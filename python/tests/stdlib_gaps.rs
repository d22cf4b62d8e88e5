//! What the interpreter's `collections` and `itertools` (written in Python, `src/lib/`) leave
//! out: a program using it stops with the interpreter's "not supported" error naming the
//! feature, at the line that uses it, never with a wrong result or a "no such name" CPython
//! would not give. (What they do have is checked against CPython by the corpus, `lib_*.py`.)

use std::cell::RefCell;
use std::rc::Rc;

use python::{Host, PyResult, Vm};

/// A host that keeps what the program prints.
#[derive(Default)]
struct Out(RefCell<String>);

impl Host for Out {
    fn write(&self, text: &str, _line: u32) {
        self.0.borrow_mut().push_str(text);
    }
    fn write_err(&self, text: &str) {
        self.0.borrow_mut().push_str(text);
    }
    fn time(&self) -> f64 {
        0.0
    }
    fn sleep_blocking(&self, _secs: f64) {}
    fn import(&self, _vm: &mut Vm, _name: &str) -> Option<PyResult> {
        None
    }
}

/// What the program printed, then its traceback.
fn run(source: &str) -> String {
    let host = Rc::new(Out::default());
    let code = python::compile(source).expect("compiles");
    let mut vm = Vm::new(host.clone());
    let result = vm.run_main(code);
    let mut out = host.0.borrow().clone();
    if let Err(e) = result {
        out.push_str(&python::traceback::format(&mut vm, &e, "main.py"));
    }
    out
}

#[test]
fn missing_parts_of_collections_and_itertools_are_named_as_unsupported() {
    let cases = [
        (
            "from collections import deque\nfrom collections import namedtuple\n",
            "line 2",
            "NotImplementedError: collections.namedtuple is not supported by Loopscope's Python",
        ),
        (
            "import collections\nprint(1)\nm = collections.ChainMap({})\n",
            "line 3",
            "NotImplementedError: collections.ChainMap is not supported by Loopscope's Python",
        ),
        (
            "from collections import Counter\nc = Counter.fromkeys('ab')\n",
            "line 2",
            "NotImplementedError: Counter.fromkeys is not supported by Loopscope's Python",
        ),
        (
            "from collections import OrderedDict\nx = 1\nOrderedDict().fromkeys('ab')\n",
            "line 3",
            "NotImplementedError: collections.OrderedDict.fromkeys is not supported by Loopscope's Python",
        ),
    ];
    for (source, line, error) in cases {
        let out = run(source);
        assert!(out.contains(line), "{source}\n{out}");
        assert!(out.trim_end().ends_with(error), "{source}\n{out}");
    }
}

#[test]
fn a_name_neither_module_has_in_cpython_is_cpythons_error() {
    let out = run("import itertools\nitertools.batched([1], 1)\n");
    assert!(
        out.trim_end()
            .ends_with("AttributeError: module 'itertools' has no attribute 'batched'"),
        "{out}"
    );
}

#[test]
fn the_modules_are_made_once_per_program() {
    let out = run(
        "import collections\nfrom collections import deque\nimport itertools as it\n\
         print(collections.deque is deque, type(deque()).__module__, it.count.__name__)\n",
    );
    assert_eq!(out, "True collections count\n");
}
