"""Run every benchmark (or those named) and print their tables; JSON goes to results/.

python -m benchmarks.run [counter sync search camera scan_to_paint rate_budget report mesh startup]
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main(argv: list[str] | None = None) -> None:
    names = argv if argv is not None else sys.argv[1:]
    found = sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules(benchmarks.__path__)
        if m.name.startswith("bench_")
    )
    for name in names or found:
        if name not in found:
            print(f"unknown benchmark {name!r}; known: {', '.join(found)}")
            continue
        print(f"\n=== {name} ===")
        importlib.import_module(f"benchmarks.bench_{name}").main([])


if __name__ == "__main__":
    main()
