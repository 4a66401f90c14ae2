#!/usr/bin/env python3
"""Cost of the metrics observer on the daemon's replay rate (a measurement, not a test).

Replays the same file through a fresh daemon with `[metrics] listen` unset and set, alternating, ROUNDS times
each, and prints the median records/s of each and their ratio; with --perf, also profiles one metrics-on replay
with `perf record` and prints the share of the daemon's CPU samples spent in ShadowMetrics code.
Usage: metrics_overhead.py BIN_DIR [--copies N] [--rounds R] [--perf]
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "fixtures", "demo")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config(work, port):
    metrics = f'\n[metrics]\nlisten = "127.0.0.1:{port}"\n' if port else ""
    return f"""
[[models]]
name = "champion"
role = "champion"
kind = "xgboost"
path = "{DEMO}/champion.json"

[[models]]
name = "candidate"
role = "shadow"
kind = "xgboost"
path = "{DEMO}/candidate.json"

[compare]
task = "binary"
abs_tol = 0.05

[store]
path = "{work}/shadowd.db"

[daemon]
control_socket = "{work}/control.sock"
socket_group = ""
{metrics}"""


def replay(bin_dir, work, traffic, port, perf_out=None):
    for name in os.listdir(work):
        if name.startswith("shadowd.db") or name == "control.sock":
            os.unlink(os.path.join(work, name))
    path = os.path.join(work, "shadowd.toml")
    open(path, "w").write(config(work, port))
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "INVOCATION_ID")}
    daemon = subprocess.Popen([os.path.join(bin_dir, "shadowd"), "--config", path], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while not os.path.exists(os.path.join(work, "control.sock")) and time.time() < deadline:
        time.sleep(0.02)
    perf = None
    if perf_out:
        perf = subprocess.Popen(["perf", "record", "-q", "-F", "999", "-g", "-o", perf_out, "-p", str(daemon.pid)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    out = subprocess.run([os.path.join(bin_dir, "shadowctl"), "replay", "--socket", os.path.join(work, "control.sock"),
                          "--wait", "--json", traffic], capture_output=True, text=True, timeout=600)
    if perf:
        perf.send_signal(signal.SIGINT)
        perf.wait()
    summary = json.loads(out.stdout)["summary"]
    scraped = None
    if port:
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
        scraped = next(float(l.split()[1]) for l in body.splitlines() if l.startswith("shadowd_records_total "))
    fields = open(f"/proc/{daemon.pid}/stat").read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")   # utime + stime of the whole daemon
    daemon.send_signal(signal.SIGTERM)
    daemon.wait(60)
    if scraped is not None and scraped != summary["records"]:
        sys.exit(f"scraped {scraped} records, the run had {summary['records']}")
    return summary["records"] / summary["seconds"], cpu * 1e6 / summary["records"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bin_dir")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--perf", action="store_true")
    parser.add_argument("--keep-perf", help="copy perf.data here")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="shadowd-metrics-cost-")
    try:
        traffic = os.path.join(work, "traffic.jsonl")
        lines = open(os.path.join(DEMO, "traffic.jsonl")).read().splitlines(keepends=True)
        with open(traffic, "w") as f:
            for copy in range(args.copies):
                f.writelines(l.replace('"id":"r-', f'"id":"c{copy}-', 1) for l in lines)
        records = len(lines) * args.copies
        rates = {"off": [], "on": []}
        cpus = {"off": [], "on": []}
        for round in range(args.rounds):
            for mode in (("off", "on") if round % 2 == 0 else ("on", "off")):
                rate, cpu = replay(args.bin_dir, work, traffic, free_port() if mode == "on" else None)
                rates[mode].append(rate)
                cpus[mode].append(cpu)
                print(f"round {round + 1} metrics {mode:>3}: {rate:,.0f} records/s, {cpu:.2f} CPU µs/record", flush=True)
        off, on = statistics.median(rates["off"]), statistics.median(rates["on"])
        print(f"{records:,} records, {args.rounds} rounds: median off {off:,.0f}/s, on {on:,.0f}/s, "
              f"on/off {on / off:.4f} (cost {(1 - on / off) * 100:+.2f}%)")
        cpu_off, cpu_on = statistics.median(cpus["off"]), statistics.median(cpus["on"])
        print(f"daemon CPU per record (startup included): median off {cpu_off:.3f} µs, on {cpu_on:.3f} µs "
              f"({(cpu_on / cpu_off - 1) * 100:+.2f}%)")
        if args.perf:
            data = os.path.join(work, "perf.data")
            replay(args.bin_dir, work, traffic, free_port(), perf_out=data)
            def report(mode):
                return subprocess.run(["perf", "report", "-i", data, mode, "--stdio", "--sort", "symbol", "-g", "none"],
                                      capture_output=True, text=True).stdout.splitlines()
            own = [l for l in report("--no-children") if "ShadowMetrics" in l and not l.startswith("#")]
            inclusive = [l for l in report("--children") if "ShadowMetrics" in l and not l.startswith("#")]
            self_share = sum(float(l.split("%")[0]) for l in own)
            with_callees = max((float(l.split("%")[0]) for l in inclusive), default=0.0)
            print(f"perf: ShadowMetrics code {self_share:.2f}% of the daemon's CPU samples by itself, "
                  f"{with_callees:.2f}% with what it calls (locks, dictionaries)")
            for line in inclusive[:6]:
                print("  " + line.strip()[:160])
            if args.keep_perf:
                shutil.copy(data, args.keep_perf)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
