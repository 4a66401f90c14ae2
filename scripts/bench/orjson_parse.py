#!/usr/bin/env python3
"""Anchor: how fast Python's orjson merely parses a JSONL file (lines/s, best of N passes, default 3; file already in
page cache). Usage: orjson_parse.py FILE [N]"""
import sys
import time

import orjson


def once(path: str) -> float:
    start = time.perf_counter()
    n = 0
    with open(path, "rb") as f:
        for line in f:
            orjson.loads(line)
            n += 1
    return n / (time.perf_counter() - start)


if __name__ == "__main__":
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(f"{max(once(sys.argv[1]) for _ in range(passes)):.0f}")
