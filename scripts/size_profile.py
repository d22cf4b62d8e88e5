"""The release wasm's size by crate and by module, from `twiggy top --format csv`.

Usage: python3 scripts/size_profile.py target/twiggy.csv
Each function or data segment is put under the crate its name starts with (`<A as B>::f` under
A's crate; `core::ptr::drop_in_place<loopscope::x::Y>` under core, where the generic code lives);
the two project crates are also split by their top-level module.
"""

import csv
import re
import sys
from collections import Counter

PRIMITIVES = {"str", "f64", "f32", "char", "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "bool", "dyn", "mut", "const"}
PROJECT = ("loopscope", "loopscope_python")  # the app, and the interpreter crate (lib `python`)


def path_of(name: str) -> list[str]:
    """The item's path (`loopscope::ui::app::App`), from twiggy's demangled name."""
    name = name.lstrip("<&*")
    name = re.sub(r"^(mut |const |dyn |impl )", "", name)
    return re.split(r"::|<| as |>", name)


def main(csv_path: str) -> None:
    by_crate: Counter[str] = Counter()
    by_module: Counter[str] = Counter()
    code = 0
    skipped = 0
    with open(csv_path, newline="") as f:
        for row in csv.DictReader(f):
            name, size = row["Name"], int(row["ShallowSize"])
            # Names, custom sections and wasm-bindgen's descriptors: wasm-bindgen and wasm-opt
            # remove them, the learner never downloads them.
            if name.startswith(("custom section", '"function names"', '"local names"', "__wbindgen_describe", 'export "__wbindgen_describe')) or "subsection" in name:
                skipped += size
                continue
            code += size
            if name.startswith(("data[", "data segment")):
                by_crate["(data: strings, tables)"] += size
                continue
            if re.match(r"^(code|elem|type|import|export|table|memory|global)\[", name) or name in (
                "elem",
                "type",
                "import",
                "export",
                "table",
                "memory",
                "global",
            ):
                by_crate["(unnamed: tables, types, imports)"] += size
                continue
            parts = [re.sub(r"\[[0-9a-f]+\]$", "", p.strip()) for p in path_of(name) if p.strip()]
            # `<T as tachys::view::Render>::build`: a blanket impl, under the trait's crate.
            crates = [i for i, p in enumerate(parts) if re.match(r"^[a-z_][a-z0-9_]*$", p) and p not in PRIMITIVES]
            if not crates:
                by_crate["(impls on primitive types)"] += size
                continue
            parts = parts[crates[0]:]
            crate = parts[0]
            if crate == "python":
                crate = parts[0] = "loopscope_python"
            by_crate[crate] += size
            if crate in PROJECT and len(parts) > 1:
                by_module["::".join(parts[:2])] += size
    total = sum(by_crate.values())

    def table(title: str, counts: Counter[str], base: int, rows: int) -> None:
        print(f"\n{title}")
        print(f"{'bytes':>10} {'share':>6}  part")
        for part, size in counts.most_common(rows):
            print(f"{size:>10} {100 * size / base:>5.1f}%  {part}")

    print(f"{csv_path}: {total + skipped} bytes; names, custom sections and wasm-bindgen's descriptors (not shipped) {skipped}; code and data {code}")
    table("by crate (share of code and data)", by_crate, code, 30)
    table("the project's crates by module (share of code and data)", by_module, code, 30)


if __name__ == "__main__":
    main(sys.argv[1])
