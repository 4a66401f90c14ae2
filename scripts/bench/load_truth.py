#!/usr/bin/env python3
"""The latency-truth benchmark behind scripts/bench-load.sh: paced replays against delay_server (a fixed 5 ms delay,
a 1 s stall, an instant server for the memory soak), each figure beside the truth the server measured itself.

usage: load_truth.py SHADOWCTL DELAY_SERVER WORKDIR [--smoke]
Exits non-zero when a truth bar is missed."""
import json, os, signal, subprocess, sys, threading, time

ctl, server_bin, work = sys.argv[1:4]
smoke = "--smoke" in sys.argv
failures = []


def traffic(path, n, gap_ms=1):
    with open(path, "w") as f:
        for i in range(n):
            f.write('{"id":"r-%d","epoch_ms":%d,"features":{"a":%d,"b":%.1f,"c":1.0,"d":%d}}\n'
                    % (i, 1_700_000_000_000 + i * gap_ms, i % 7, (i % 11) * 0.5, i % 3))


def start(*args):
    p = subprocess.Popen([server_bin, *map(str, args)], stdout=subprocess.PIPE, text=True)
    port = int(p.stdout.readline().split()[1])
    return p, port


def stop(p):
    p.send_signal(signal.SIGTERM)
    out = p.stdout.read().split()
    p.wait()
    _, count, p50, p99, mx = out
    return {"count": int(count), "p50": float(p50), "p99": float(p99), "max": float(mx)}


def model(name, role, port, connections):
    return f'''[[models]]
name = "{name}"
role = "{role}"
kind = "http"
url = "http://127.0.0.1:{port}"
protocol = "kserve-v2"
connections = {connections}
timeout_ms = 5000
features = ["a", "b", "c", "d"]
'''


def replay(name, models, load, data, sample_rss=False):
    cfg = os.path.join(work, name + ".toml")
    with open(cfg, "w") as f:
        f.write("".join(models) + "[store]\nstore_features = false\n" + load)
    db = os.path.join(work, name + ".db")
    p = subprocess.Popen([ctl, "replay", "--local", "--quiet", "--json", "--config", cfg, "--db", db, data],
                         stdout=subprocess.PIPE, text=True)
    rss = []
    if sample_rss:
        def watch():
            while p.poll() is None:
                try:
                    with open(f"/proc/{p.pid}/status") as s:
                        for line in s:
                            if line.startswith("VmRSS:"):
                                rss.append(int(line.split()[1]) // 1024)
                except OSError:
                    return
                time.sleep(0.25)
        t = threading.Thread(target=watch)
        t.start()
    out, _ = p.communicate()
    if sample_rss:
        t.join()
    if p.returncode != 0:
        sys.exit(f"replay {name} failed")
    return json.loads(out)["load"], rss


def within(ours, truth):
    return abs(ours - truth) <= max(0.05 * truth, 0.2)


def check(what, ok):
    print(f"  {'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        failures.append(what)


# 1. A fixed 5 ms delay (the candidate 6 ms): p50 and p99 against the server's own hold times.
n, rate = (3000, 500) if smoke else (30000, 1000)
data = os.path.join(work, "fixed.jsonl")
traffic(data, n)
a, pa = start(5)
b, pb = start(6)
report, _ = replay("fixed", [model("champion", "champion", pa, 64), model("candidate", "shadow", pb, 64)],
                   f'[load]\nprofile = "constant"\nmax_in_flight = 64\n[load.constant]\nrate = {rate}\n', data)
truth_a, truth_b = stop(a), stop(b)
print(f"fixed delay: {n} requests at {rate}/s (offered {report['offeredRate']:.1f}/s, achieved "
      f"{report['achievedRate']:.1f}/s), scheduler lag p50 {report['lagP50Ms']:.3f} ms p99 {report['lagP99Ms']:.3f} ms")
print(f"  {'model':<10} {'truth p50':>10} {'ours p50':>10} {'truth p99':>10} {'ours p99':>10} {'svc p50':>9} {'svc p99':>9}")
for m, truth in zip(report["models"], (truth_a, truth_b)):
    print(f"  {m['name']:<10} {truth['p50']:>10.3f} {m['p50Ms']:>10.3f} {truth['p99']:>10.3f} {m['p99Ms']:>10.3f} "
          f"{m['serviceP50Ms']:>9.3f} {m['serviceP99Ms']:>9.3f}")
    check(f"{m['name']} p50 {m['p50Ms']:.3f} ms within 5% or 0.2 ms of the truth {truth['p50']:.3f} ms",
          within(m["p50Ms"], truth["p50"]))
    check(f"{m['name']} p99 {m['p99Ms']:.3f} ms within 5% or 0.2 ms of the truth {truth['p99']:.3f} ms",
          within(m["p99Ms"], truth["p99"]))
check(f"achieved rate {report['achievedRate']:.1f}/s within 3% of {rate}/s", abs(report["achievedRate"] - rate) <= 0.03 * rate)
for v in report["verdicts"]:
    lo, hi = v.get("low"), v.get("high")
    ci = f" (95% CI {100 * (lo - 1):.1f}%…{100 * (hi - 1):.1f}%)" if lo is not None else ""
    print(f"  verdict p{v['percentile']:g}: candidate/champion {v['ratio']:.3f}{ci} → {v['verdict']} "
          f"(truth ratio {truth_b['p50'] / truth_a['p50']:.3f} at p50)")

# 2. A 1 s stall on one connection: the corrected p99 shows it, the uncorrected (service time) one does not.
n, rate = (800, 100) if smoke else (3000, 100)
data = os.path.join(work, "stall.jsonl")
traffic(data, n)
a, pa = start(5, n // 2, 1000)
report, _ = replay("stall", [model("champion", "champion", pa, 1)],
                   f'[load]\nprofile = "constant"\nmax_in_flight = 1\n[load.constant]\nrate = {rate}\n', data)
truth = stop(a)
m = report["models"][0]
print(f"stall: {n} requests at {rate}/s on 1 connection, request {n // 2} held 1 s (server max hold {truth['max']:.1f} ms)")
print(f"  corrected p50 {m['p50Ms']:.3f} ms p99 {m['p99Ms']:.3f} ms max {m['maxMs']:.1f} ms | "
      f"uncorrected p50 {m['serviceP50Ms']:.3f} ms p99 {m['serviceP99Ms']:.3f} ms max {m['serviceMaxMs']:.1f} ms | "
      f"cap hits {m['capHits']}")
check(f"corrected p99 {m['p99Ms']:.1f} ms shows the stall (> 500 ms)", m["p99Ms"] > 500)
check(f"uncorrected p99 {m['serviceP99Ms']:.3f} ms does not (< 20 ms)", m["serviceP99Ms"] < 20)

# 3. Memory over a long paced replay against an instant server.
n, rate = (100_000, 20000) if smoke else (1_000_000, 20000)
data = os.path.join(work, "soak.jsonl")
traffic(data, n)
a, pa = start(0)
report, rss = replay("soak", [model("champion", "champion", pa, 32), model("candidate", "shadow", pa, 32)],
                     f'[load]\nprofile = "constant"\nmax_in_flight = 32\n[load.constant]\nrate = {rate}\n', data,
                     sample_rss=True)
stop(a)
early = rss[len(rss) // 5] if rss else 0
peak = max(rss) if rss else 0
print(f"memory: {n} requests at {rate}/s (achieved {report['achievedRate']:.0f}/s): RSS at 20% {early} MB, "
      f"end {rss[-1] if rss else 0} MB, peak {peak} MB ({len(rss)} samples)")
check(f"RSS flat (peak {peak} MB ≤ 1.25 × {early} MB + 8 MB)", peak <= 1.25 * early + 8)

print("load truth:", "all bars met" if not failures else f"{len(failures)} missed")
sys.exit(1 if failures else 0)
