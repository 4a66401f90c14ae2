#!/usr/bin/env python3
"""Daemon benchmark (issue 3): start to READY=1 with an empty database, and the daemon's replay rate against
`shadowctl replay --local` on the same file, measured in this run.

    daemon_bench.py BIN_DIR CONFIG TRAFFIC_FILE
Prints two table rows in bench.sh's format.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


def rate(summary):
    return summary["records"] / summary["seconds"]


def main():
    bin_dir, config, traffic = (os.path.abspath(a) for a in sys.argv[1:4])
    work = tempfile.mkdtemp(prefix="shadowd-dbench-")
    try:
        base = open(config).read()
        folder = os.path.dirname(config)
        # Model paths relative to the bench config's folder; a store and socket of our own.
        text = base.replace('path = "champion', f'path = "{folder}/champion').replace('path = "shadow', f'path = "{folder}/shadow')
        text = text.replace('path = "bench.db"', f'path = "{work}/daemon.db"')
        text += f'\n[daemon]\ncontrol_socket = "{work}/control.sock"\nsocket_group = ""\n'
        cfg = f"{work}/daemon.toml"
        open(cfg, "w").write(text)

        def clear(name):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(f"{work}/{name}{suffix}"):
                    os.unlink(f"{work}/{name}{suffix}")

        def start(i):
            """Starts the daemon on an empty database; returns it and its start-to-READY=1 time (ms)."""
            clear("daemon.db")
            notify = f"{work}/notify{i}.sock"
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            sock.bind(notify)
            sock.settimeout(10)
            begun = time.perf_counter()
            proc = subprocess.Popen([f"{bin_dir}/shadowd", "--config", cfg], env=dict(os.environ, NOTIFY_SOCKET=notify),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while b"READY=1" not in sock.recv(4096):
                pass
            sock.close()
            return proc, (time.perf_counter() - begun) * 1000

        def stop(proc):
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)

        # READY=1 latency: best of 5 starts, each with an empty database.
        ready = []
        for i in range(5):
            proc, ms = start(i)
            ready.append(ms)
            stop(proc)
        # The daemon's replay of the file against --local on it: three rounds, each a fresh daemon's replay and then a
        # local one (both on empty databases), so both meet the same machine; each side's best round counts.
        daemon_rate = local_rate = 0.0
        for i in range(3):
            proc, _ = start(5 + i)
            out = subprocess.run([f"{bin_dir}/shadowctl", "replay", "--socket", f"{work}/control.sock", "--wait",
                                  "--json", traffic], capture_output=True, text=True, timeout=600)
            daemon_rate = max(daemon_rate, rate(json.loads(out.stdout)["summary"]))
            stop(proc)
            clear("local.db")
            subprocess.run(["sync"])
            out = subprocess.run([f"{bin_dir}/shadowctl", "replay", "--local", "--quiet", "--json", "--config", cfg,
                                  "--db", f"{work}/local.db", traffic], capture_output=True, text=True, timeout=600)
            local_rate = max(local_rate, rate(json.loads(out.stdout)["summary"]))
        row = "{:<44} {:>14} {:>14} {:>8}"
        print(row.format("start to READY=1, empty DB (ms, vs 200)", f"{min(ready):.1f}", "200", f"{min(ready) / 200:.2f}"))
        print(row.format("daemon replay records/s (vs --local)", f"{daemon_rate:.0f}", f"{local_rate:.0f}",
                         f"{daemon_rate / local_rate:.2f}"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
