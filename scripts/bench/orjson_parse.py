#!/usr/bin/env python3
"""Anchor: how fast Python's orjson merely parses a JSONL file (lines/s, best of 3, file already in page cache)."""
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
    print(f"{max(once(sys.argv[1]) for _ in range(3)):.0f}")
