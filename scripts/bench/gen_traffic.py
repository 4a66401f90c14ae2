#!/usr/bin/env python3
"""Writes a canonical JSONL traffic file for the benchmarks: N records with F numeric features f00..f{F-1}.

With 30 features each line is about 0.9 KB (values written with full double precision, as real logs carry them).
Seeded, so every run of the benchmark replays the same bytes.
"""
import random
import sys


def main() -> None:
    n, path = int(sys.argv[1]), sys.argv[2]
    features = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rng = random.Random(20261127)
    names = [f"f{i:02d}" for i in range(features)]
    with open(path, "w", buffering=1 << 20) as out:
        for i in range(n):
            sec, milli = divmod(i * 5, 1000)  # 200 records a second from 2025-03-03T00:00:00Z
            day = sec // 86400
            rem = sec % 86400
            stamp = f"2025-03-{3 + day:02d}T{rem // 3600:02d}:{rem % 3600 // 60:02d}:{rem % 60:02d}.{milli:03d}Z"
            vals = ",".join(f'"{k}":{rng.gauss(0, 1)!r}' for k in names)
            out.write(f'{{"id":"r-{i:08d}","timestamp":"{stamp}","features":{{{vals}}},"label":{rng.randint(0, 1)}}}\n')


if __name__ == "__main__":
    main()
