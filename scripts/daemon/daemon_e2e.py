#!/usr/bin/env python3
"""End-to-end test of the shadowd daemon outside systemd (the nspawn test covers systemd itself).

Runs the real binaries against real files and a real SQLite database, with NOTIFY_SOCKET pointing at a datagram
socket this script reads: READY/STATUS/RELOADING/STOPPING, a replay submitted with `shadowctl replay --wait`,
SIGHUP with a good and a bad config, followed sources (growth, rotation), the spool folder, kill -9 mid-replay
with a restart that resumes with exact row counts, SIGTERM ending with status 0, and the Prometheus endpoint scraped with urllib (counters equal the run's rows).
Usage: daemon_e2e.py BIN_DIR   (prints "N passed, M failed"; exits non-zero on any failure)
"""
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug")
DEMO = os.path.join(ROOT, "fixtures", "demo")
passed, failed = 0, 0


def check(name, expected, actual):
    global passed, failed
    if expected == actual:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: expected {expected!r}, got {actual!r}", file=sys.stderr)


def wait_for(predicate, timeout=30.0, step=0.05):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


class Daemon:
    def __init__(self, work, config):
        self.work, self.config = work, config
        self.notify_path = os.path.join(work, "notify.sock")
        self.messages = []
        self.proc = None

    def start(self):
        if os.path.exists(self.notify_path):
            os.unlink(self.notify_path)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.notify_path)
        self.sock.settimeout(0.1)
        self.lock = threading.Lock()
        self.listening = True
        # Read datagrams as systemd does, all the time: sd_notify blocks when nobody reads.
        self.reader = threading.Thread(target=self.listen, daemon=True)
        self.reader.start()
        env = dict(os.environ, NOTIFY_SOCKET=self.notify_path, WATCHDOG_USEC="4000000")
        env.pop("INVOCATION_ID", None)
        env.pop("JOURNAL_STREAM", None)
        self.log = open(os.path.join(self.work, "daemon.log"), "ab")
        self.proc = subprocess.Popen([os.path.join(BIN, "shadowd"), "--config", self.config], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        env["WATCHDOG_PID"] = str(self.proc.pid)
        return wait_for(lambda: self.seen("READY=1"), 20)

    def close_notify(self):
        time.sleep(0.2)
        self.listening = False
        self.reader.join()
        self.sock.close()
        self.log.close()

    def listen(self):
        while self.listening:
            try:
                message = self.sock.recv(4096).decode()
            except socket.timeout:
                continue
            except OSError:
                return
            with self.lock:
                self.messages.append(message)

    def seen(self, text):
        with self.lock:
            return any(text in m for m in self.messages)

    def count(self, text):
        with self.lock:
            return sum(text in m for m in self.messages)

    def stop(self, sig=signal.SIGTERM, timeout=30):
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            if shutil.which("gdb"):
                stacks = subprocess.run(["gdb", "-p", str(self.proc.pid), "-batch", "-ex", "thread apply all bt 12"],
                                        capture_output=True, text=True, timeout=60).stdout
                print("--- shadowd did not stop; its threads ---\n" + stacks[-6000:], file=sys.stderr)
            self.proc.kill()
            code = "timeout"
        self.close_notify()
        return code


def ctl(*args, check_rc=True):
    out = subprocess.run([os.path.join(BIN, "shadowctl"), *args], capture_output=True, text=True, timeout=120)
    if check_rc and out.returncode != 0:
        print(out.stdout, out.stderr, file=sys.stderr)
    return out


def q(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def write_config(path, work, extra=""):
    with open(path, "w") as f:
        f.write(f"""
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
batch_rows = 500
flush_ms = 100

[replay]
batch_size = 64

[daemon]
control_socket = "{work}/control.sock"
socket_group = ""
spool = "{work}/spool"
poll_ms = 50
status_interval_ms = 200
{extra}
""")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, timeout=10):
    """(status, headers, body text) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def parse_metrics(text):
    """{(sample name, sorted label pairs): value} of a text exposition (format 0.0.4), with prometheus_client's
    parser when pip has it, else a strict parser of the same grammar; also checks each family has HELP and TYPE."""
    samples, families = {}, {}
    try:
        from prometheus_client.parser import text_string_to_metric_families
    except ImportError:
        text_string_to_metric_families = None
    if text_string_to_metric_families:
        for family in text_string_to_metric_families(text):
            families[family.name] = family.type
            for sample in family.samples:
                samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
        return samples, families
    label = r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"'
    line_re = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:' + label + r',?)*)\})? (\S+)$')
    unescape = lambda v: v.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")
    if not text.endswith("\n"):
        raise ValueError("exposition does not end with a newline")
    for line in text.splitlines():
        if line.startswith("# HELP ") or not line:
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            if kind not in ("counter", "gauge", "histogram", "summary", "untyped"):
                raise ValueError(f"bad type line: {line}")
            families[name[:-6] if kind == "counter" and name.endswith("_total") else name] = kind
            continue
        match = line_re.match(line)
        if not match:
            raise ValueError(f"bad sample line: {line}")
        labels = tuple(sorted((k, unescape(v)) for k, v in re.findall(label, match.group(2) or "")))
        samples[(match.group(1), labels)] = float(match.group(5))
    return samples, families


def check_metrics(work):
    """The Prometheus endpoint: off by default, then on a loopback port: counters equal the run's rows."""
    mwork = f"{work}/metrics"
    os.makedirs(f"{mwork}/spool")
    port = free_port()
    config = f"{mwork}/shadowd.toml"
    write_config(config, mwork, f"""
[metrics]
listen = "127.0.0.1:{port}"

[drift]
enabled = true
window = 1000
statistics = ["psi", "ks"]
features = ["income", "age"]

[[drift.rules]]
name = "any-income-shift"
signal = "psi:income"
warn = 0.000001
""")
    out = subprocess.run([os.path.join(BIN, "shadowd"), "check-config", "--config", config], capture_output=True,
                         text=True)
    check("check-config shows the metrics URL", f"metrics: http://127.0.0.1:{port}/metrics",
          out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr)
    bad = f"{mwork}/bad.toml"
    write_config(bad, mwork, '\n[metrics]\nlisten = "0.0.0.0:9464"\n')
    out = subprocess.run([os.path.join(BIN, "shadowd"), "check-config", "--config", bad], capture_output=True, text=True)
    check("a non-loopback address is refused with line and key", (1, True),
          (out.returncode, f"{bad}:" in out.stderr and "metrics.listen: 0.0.0.0 is not a loopback address" in out.stderr))

    d = Daemon(mwork, config)
    check("metrics: READY=1", True, bool(d.start()))
    url = f"http://127.0.0.1:{port}/metrics"
    status, headers, body = http("GET", url)
    check("metrics: 200 before any replay", 200, status)
    check("metrics: content type 0.0.4", "text/plain; version=0.0.4; charset=utf-8", headers.get("Content-Type"))
    samples, _ = parse_metrics(body)
    check("metrics: no records yet", 0.0, samples.get(("shadowd_records_total", ())))
    check("metrics: 404 elsewhere", 404, http("GET", f"http://127.0.0.1:{port}/")[0])
    check("metrics: 405 for POST", 405, http("POST", url)[0])

    traffic = f"{mwork}/traffic.jsonl"          # 12,301 records and 7 bad lines in one run
    with open(traffic, "wb") as f:
        for name in ("traffic.jsonl", "traffic-with-bad-lines.jsonl"):
            with open(f"{DEMO}/{name}", "rb") as part:
                f.write(part.read())
    out = ctl("replay", "--socket", f"{mwork}/control.sock", "--wait", "--json", traffic)
    job = json.loads(out.stdout) if out.returncode == 0 else {}
    run_id = job.get("run") or 0
    db = f"{mwork}/shadowd.db"
    wait_for(lambda: q(db, f"SELECT count(*) FROM latency WHERE run_id = {run_id}")[0][0] == 2, 10)
    # The drift monitor's last rows may land just after the job ends: scrape once they have settled.
    def settled():
        counts = "SELECT (SELECT count(*) FROM drift), (SELECT count(*) FROM triggers)"
        before = q(db, counts)
        time.sleep(0.3)
        return before == q(db, counts)
    wait_for(settled, 10)
    status, _, body = http("GET", url)
    samples, families = parse_metrics(body)
    value = lambda name, **labels: samples.get((name, tuple(sorted(labels.items()))))
    records, rejects = q(db, f"SELECT records, rejects FROM runs WHERE id = {run_id}")[0]
    check("metrics: records = the run's records", float(records), value("shadowd_records_total"))
    for code, count in q(db, f"SELECT code, count(*) FROM rejects WHERE run_id = {run_id} GROUP BY code"):
        check(f"metrics: rejects {code} = rejects rows", float(count), value("shadowd_rejects_total", code=code))
    check("metrics: all rejects counted", float(rejects),
          sum(v for (name, _), v in samples.items() if name == "shadowd_rejects_total"))
    for model, count, errors in q(db, f"SELECT model, count, errors FROM latency WHERE run_id = {run_id}"):
        check(f"metrics: requests {model} = latency count", float(count), value("shadowd_requests_total", model=model))
        check(f"metrics: histogram count {model}", float(count), value("shadowd_request_latency_seconds_count", model=model))
        check(f"metrics: +Inf bucket {model}", float(count),
              value("shadowd_request_latency_seconds_bucket", model=model, le="+Inf"))
        buckets = sorted((float(dict(l)["le"]), v) for (n, l), v in samples.items()
                         if n == "shadowd_request_latency_seconds_bucket" and dict(l)["model"] == model)
        check(f"metrics: buckets cumulative {model}", True, all(a[1] <= b[1] for a, b in zip(buckets, buckets[1:])))
        check(f"metrics: errors {model}", float(errors),
              sum(v for (n, l), v in samples.items() if n == "shadowd_request_errors_total" and dict(l)["model"] == model))
    rows = q(db, f"SELECT shadow, kind, count(*) FROM disagreements WHERE run_id = {run_id} GROUP BY 1, 2")
    check("metrics: some disagreements", True, len(rows) > 0)
    for shadow, kind, count in rows:
        check(f"metrics: disagreements {shadow} {kind}", float(count),
              value("shadowd_disagreements_total", shadow=shadow, kind=kind))
    newest = q(db, "SELECT signal, coalesce(feature, ''), statistic, value FROM drift WHERE id IN "
                   "(SELECT max(id) FROM drift GROUP BY signal, feature, statistic)")
    check("metrics: drift rows written", True, len(newest) > 0)
    drift = {tuple(sorted(l)): v for (n, l), v in samples.items() if n == "shadowd_drift_value"}
    check("metrics: one drift series per signal", len(newest), len(drift))
    for signal, feature, statistic, v in newest:
        got = drift.get(tuple(sorted({"signal": signal, "feature": feature, "statistic": statistic}.items())))
        check(f"metrics: drift {signal} {statistic}", True, got is not None and (v is None or abs(got - v) <= 1e-9 * max(1, abs(v))))
    for level, count in q(db, "SELECT level, count(*) FROM triggers GROUP BY level"):
        check(f"metrics: triggers {level}", float(count), value("shadowd_triggers_total", level=level))
    check("metrics: a trigger fired", True, (value("shadowd_triggers_total", level="warn") or 0) >= 1)
    check("metrics: the job is done", 1.0, value("shadowd_jobs", state="done"))
    check("metrics: build info", 1.0, sum(v for (n, _), v in samples.items() if n == "shadowd_build_info"))
    check("metrics: lag reported", True, (value("shadowd_replay_lag_seconds") or -1) >= 0)
    check("metrics: histogram typed", "histogram", families.get("shadowd_request_latency_seconds"))
    log_text = open(f"{mwork}/daemon.log", errors="replace").read()
    check("metrics: address logged", True, f"url=http://127.0.0.1:{port}/metrics" in log_text)
    check("metrics: SIGTERM exit 0", 0, d.stop())
    refused = False
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        refused = True
    check("metrics: port closed after stop", True, refused)


def job_json(out):
    return json.loads(out.stdout) if out.returncode == 0 and out.stdout.strip() else {}


def check_paced(work):
    """[load] in the daemon: a submitted job paced at a constant rate (wall time, offered/achieved rate, load
    columns, verdicts, manifest), a reload that changes the profile for the next job, a followed source whose
    schedule resumes when the writer resumes (no lag for the writer's pause), and a process model's CPU/RSS
    counted per run."""
    pwork = f"{work}/paced"
    os.makedirs(f"{pwork}/spool")
    os.makedirs(f"{pwork}/follow")
    config = f"{pwork}/shadowd.toml"
    marker = f"{pwork}/crashed-once"
    process_model = f"""
[[models]]
name = "scripted"
role = "shadow"
kind = "process"
argv = ["python3", "{ROOT}/fixtures/process/echo_model.py", "--prob", "--crash-after", "300", "--marker", "{marker}"]
features = ["age", "income", "tenure_months", "logins_30d", "spend_30d", "support_tickets", "days_since_login",
            "discount", "pages_per_visit", "plan_tier"]
timeout_ms = 2000
"""
    load = lambda rate: f'\n[load]\nprofile = "constant"\n[load.constant]\nrate = {rate}\n'
    sources = f'\n[[sources]]\npath = "{pwork}/follow/*.jsonl"\n'
    write_config(config, pwork, sources + load(200))
    with open(config, "a") as f:
        f.write(process_model)
    traffic = open(f"{DEMO}/traffic.jsonl").read().splitlines(keepends=True)
    first = f"{pwork}/first.jsonl"
    with open(first, "w") as f:
        f.writelines(traffic[:400])
    small = f"{pwork}/small.jsonl"
    with open(small, "w") as f:
        f.writelines(traffic[400:450])
    db = f"{pwork}/shadowd.db"
    sock = f"{pwork}/control.sock"
    d = Daemon(pwork, config)
    check("paced: READY=1", True, bool(d.start()))

    started = time.time()
    job = job_json(ctl("replay", "--socket", sock, "--wait", "--json", first))
    wall = time.time() - started
    check("paced: job done", ("done", 400), (job.get("state"), job.get("records")))
    check(f"paced: 400 records at 200/s take about 2 s (took {wall:.2f} s)", True, 1.9 <= wall <= 4.0)
    run_id = job.get("run") or 0
    rows = q(db, f"SELECT model, profile, offered_rate, achieved_rate, service_p50_ms > 0 FROM latency WHERE run_id = {run_id} ORDER BY model")
    check("paced: a latency row per model with the profile",
          [(m, "constant rate=200/s") for m in ("candidate", "champion", "scripted")], [(r[0], r[1]) for r in rows])
    check("paced: offered rate 200/s", True, len(rows) == 3 and all(r[2] and abs(r[2] - 200) <= 2 for r in rows))
    check("paced: achieved rate near 200/s", True, len(rows) == 3 and all(abs(r[3] - 200) <= 20 for r in rows))
    check("paced: latency verdict rows", True,
          q(db, f"SELECT count(*) FROM latency_verdicts WHERE run_id = {run_id} AND shadow = 'scripted'")[0][0] == 3)
    check("paced: load report in summary_json", [(400, "constant rate=200/s")],
          q(db, f"SELECT json_extract(summary_json, '$.load.requests'), json_extract(summary_json, '$.load.profile') FROM runs WHERE id = {run_id}"))
    check("paced: manifest names the profile", [("constant rate=200/s",)],
          q(db, f"SELECT json_extract(manifest_json, '$.profile') FROM runs WHERE id = {run_id}"))
    usage_a = next((m.get("process") for m in job.get("summary", {}).get("models", []) if m["name"] == "scripted"), None) or {}
    check("per-run usage: the crash counted in the first run", 1, usage_a.get("restarts"))

    # Per-run process usage: the next job counts only its own CPU, restarts and RSS.
    job = job_json(ctl("replay", "--socket", sock, "--wait", "--json", small))
    usage_b = next((m.get("process") for m in job.get("summary", {}).get("models", []) if m["name"] == "scripted"), None) or {}
    check("per-run usage: no restart in the second run", 0, usage_b.get("restarts"))
    check(f"per-run usage: CPU of the second run only ({usage_b.get('cpu_seconds')} < {usage_a.get('cpu_seconds')} s)", True,
          usage_b.get("cpu_seconds", 99) < usage_a.get("cpu_seconds", 0))
    check("per-run usage: RSS sampled in the second run", True, usage_b.get("peak_rss_kb", 0) > 1000)

    # A reload that changes [load] applies to the next job.
    text = open(config).read()
    with open(config, "w") as f:
        f.write(text.replace("rate = 200", "rate = 400"))
    d.proc.send_signal(signal.SIGHUP)
    wait_for(lambda: d.count("READY=1") >= 2, 10)
    started = time.time()
    job = job_json(ctl("replay", "--socket", sock, "--wait", "--json", first))
    wall = time.time() - started
    check(f"paced after reload: 400 records at 400/s take about 1 s (took {wall:.2f} s)", True, 0.95 <= wall <= 1.9)
    check("paced after reload: the new profile stored", [("constant rate=400/s",)],
          q(db, f"SELECT DISTINCT profile FROM latency WHERE run_id = {job.get('run') or 0}"))

    # A followed source: 200 records, the writer pauses 1.5 s, 200 more; the schedule resumes with the writer.
    log = f"{pwork}/follow/live.jsonl"
    key = f"source:{log}"
    with open(log, "w") as f:
        f.writelines(traffic[:200])
    check("followed paced: first 200", True, bool(wait_for(lambda: q(db, f"SELECT records FROM checkpoints WHERE source = '{key}'") == [(200,)], 20)))
    time.sleep(1.5)
    with open(log, "a") as f:
        f.writelines(traffic[200:400])
    check("followed paced: 400", True, bool(wait_for(lambda: q(db, f"SELECT records FROM checkpoints WHERE source = '{key}'") == [(400,)], 20)))
    check("paced: SIGTERM exit 0", 0, d.stop())
    report = q(db, f"SELECT json_extract(summary_json, '$.load.requests'), json_extract(summary_json, '$.load.lagMaxMs'), "
                   f"json_extract(summary_json, '$.load.offeredRate') FROM runs WHERE id = (SELECT run_id FROM checkpoints WHERE source = '{key}')")
    requests, lag_max, offered = report[0] if report else (None, None, None)
    check("followed paced: load report stored at stop", 400, requests)
    check(f"followed paced: the writer's pause is not scheduler lag (max lag {lag_max} ms)", True,
          lag_max is not None and lag_max < 200)
    check(f"followed paced: offered rate is the profile's ({offered})", True, offered is not None and abs(offered - 400) <= 8)


def check_gzip_follow(work):
    """A followed .gor.gz: read once, not re-read while it has not grown on disk (its positions are inflated
    offsets), a gzip member appended is read, a rotation is still followed."""
    gwork = f"{work}/gzip"
    os.makedirs(f"{gwork}/spool")
    os.makedirs(f"{gwork}/gor")
    formats = os.path.join(ROOT, "fixtures", "formats")
    config = f"{gwork}/shadowd.toml"
    text = open(f"{formats}/shadowd.toml").read()
    text = text.replace('path = "iris-', f'path = "{formats}/iris-').replace('path = "formats.db"', f'path = "{gwork}/shadowd.db"')
    text += f"""
[daemon]
control_socket = "{gwork}/control.sock"
socket_group = ""
spool = "{gwork}/spool"
poll_ms = 50

[[sources]]
path = "{gwork}/gor/*.gor.gz"
"""
    open(config, "w").write(text)
    plain = open(f"{formats}/sample.gor", "rb").read()
    import gzip
    source = f"{gwork}/gor/capture.gor.gz"
    with open(source, "wb") as f:
        f.write(gzip.compress(plain))
    db = f"{gwork}/shadowd.db"
    key = f"source:{source}"
    d = Daemon(gwork, config)
    check("gzip follow: READY=1", True, bool(d.start()))
    records = lambda: (q(db, f"SELECT records FROM checkpoints WHERE source = '{key}'") or [(None,)])[0][0]
    first = wait_for(lambda: records(), 20)
    check("gzip follow: records read", True, bool(first))
    time.sleep(1.0)                            # 20 polls
    check("gzip follow: not re-read while unchanged", first, records())
    rows = lambda: q(db, f"SELECT count(*) FROM disagreements WHERE run_id = (SELECT run_id FROM checkpoints WHERE source = '{key}')")[0][0]
    rows_before = rows()
    check("gzip follow: no rotation logged while unchanged", 0, open(f"{gwork}/daemon.log", errors="replace").read().count("source rotated"))
    with open(source, "ab") as f:             # another gzip member: the same requests again
        f.write(gzip.compress(plain))
    check("gzip follow: an appended member is read", True, bool(wait_for(lambda: records() == 2 * first, 20)))
    os.rename(source, source + ".1")
    with open(source, "wb") as f:
        f.write(gzip.compress(plain))
    check("gzip follow: rotation followed", True, bool(wait_for(lambda: records() == 3 * first, 20)))
    time.sleep(0.5)
    check("gzip follow: rotation logged once", 1, open(f"{gwork}/daemon.log", errors="replace").read().count("source rotated"))
    check("gzip follow: rows of three reads exactly (none duplicated)", 3 * rows_before, rows())
    check("gzip follow: SIGTERM exit 0", 0, d.stop())


def main():
    work = tempfile.mkdtemp(prefix="shadowd-daemon-")
    try:
        run(work)
    finally:
        if failed and os.path.exists(f"{work}/daemon.log"):
            print("--- daemon log (last 40 lines) ---", file=sys.stderr)
            print("".join(open(f"{work}/daemon.log", errors="replace").readlines()[-40:]), file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    print(f"daemon-e2e: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def run(work):
    os.makedirs(f"{work}/spool")
    os.makedirs(f"{work}/logs")
    os.makedirs(f"{work}/once")
    config = f"{work}/shadowd.toml"
    write_config(config, work, f'\n[[sources]]\npath = "{work}/logs/*.jsonl"\n'
                 f'\n[[sources]]\npath = "{work}/once/*.jsonl"\nfollow = false\n')
    db = f"{work}/shadowd.db"
    sock = f"{work}/control.sock"
    traffic = open(f"{DEMO}/traffic.jsonl").read().splitlines(keepends=True)

    # Reference: the same files replayed with --local give the exact counts the daemon must reproduce.
    ref_db = f"{work}/reference.db"
    ctl("replay", "--local", "--quiet", "--config", config, "--db", ref_db, f"{DEMO}/traffic.jsonl")
    ref_rows = q(ref_db, "SELECT count(*) FROM disagreements")[0][0]

    d = Daemon(work, config)
    check("READY=1 after start", True, bool(d.start()))
    check("socket mode 0660", "0o660", oct(os.stat(sock).st_mode & 0o777))
    check("status line sent", True, bool(wait_for(lambda: d.seen("STATUS=following"), 5)))
    check("watchdog pings", True, bool(wait_for(lambda: d.count("WATCHDOG=1") >= 2, 8)))

    # 0. A source read once (follow = false): its run ends when the file does.
    once = f"{work}/once/batch.jsonl"
    with open(once, "w") as f:
        f.writelines(traffic[:1500])
    once_done = lambda: q(db, f"SELECT r.status, r.records FROM runs r JOIN checkpoints c ON c.run_id = r.id WHERE c.source = 'source:{once}'")
    check("read-once source done", [("done", 1500)], wait_for(lambda: once_done() == [("done", 1500)] and once_done(), 20))
    once_summary = q(db, f"SELECT summary_json, finished_at FROM runs WHERE id = (SELECT run_id FROM checkpoints WHERE source = 'source:{once}')")
    once_latency = q(db, f"SELECT model, count FROM latency WHERE run_id = (SELECT run_id FROM checkpoints WHERE source = 'source:{once}') ORDER BY model")

    # 1. A submitted replay, waited for.
    out = ctl("replay", "--socket", sock, "--wait", "--json", f"{DEMO}/traffic.jsonl")
    job = json.loads(out.stdout) if out.returncode == 0 else {}
    check("submitted job done", "done", job.get("state"))
    check("submitted records", 12000, job.get("records"))
    run_id = job.get("run")
    check("submitted rows = local rows", ref_rows,
          q(db, f"SELECT count(*) FROM disagreements WHERE run_id = {run_id}")[0][0] if run_id else None)
    check("submitted run done", [("done", 12000)], q(db, f"SELECT status, records FROM runs WHERE id = {run_id}"))

    # 2. Status from the CLI.
    out = ctl("status", "--socket", sock)
    check("shadowctl status", True, out.returncode == 0 and "following" in out.stdout)

    # 3. A followed source: grows, then rotates.
    log = f"{work}/logs/app.jsonl"
    with open(log, "w") as f:
        f.writelines(traffic[:3000])
    key = f"source:{log}"
    check("followed 3000", True, bool(wait_for(lambda: q(db, f"SELECT records FROM checkpoints WHERE source = '{key}'") == [(3000,)], 20)))
    with open(log, "a") as f:
        f.writelines(traffic[3000:5000])
        f.write(traffic[5000][:40])          # half a line: must wait for its newline
    check("followed growth", True, bool(wait_for(lambda: q(db, f"SELECT records FROM checkpoints WHERE source = '{key}'") == [(5000,)], 20)))
    with open(log, "a") as f:
        f.write(traffic[5000][40:])
    check("half line completed", True, bool(wait_for(lambda: q(db, f"SELECT records FROM checkpoints WHERE source = '{key}'") == [(5001,)], 20)))
    os.rename(log, log + ".1")                 # rotation: a new file under the same name
    with open(log, "w") as f:
        f.writelines(traffic[5001:6000])
    check("rotation followed", True, bool(wait_for(lambda: q(db, f"SELECT records FROM checkpoints WHERE source = '{key}'") == [(6000,)], 20)))

    # 4. The spool folder: a good file goes to done/, an unreadable format to failed/ with a reason.
    with open(f"{work}/spool/.part", "w") as f:
        f.writelines(traffic[:700])
    os.rename(f"{work}/spool/.part", f"{work}/spool/a.jsonl")
    with open(f"{work}/spool/b.weird", "w") as f:
        f.write("x\n")
    check("spool done", True, bool(wait_for(lambda: os.path.exists(f"{work}/spool/done/a.jsonl"), 20)))
    check("spool failed", True, bool(wait_for(lambda: os.path.exists(f"{work}/spool/failed/b.weird.reason"), 20)))

    # 5. Reload: a bad config is refused (the old one keeps running), a good one applies.
    good = open(config).read()
    with open(config, "w") as f:
        f.write(good.replace("batch_rows = 500", "batchrows = 500"))
    d.proc.send_signal(signal.SIGHUP)
    check("bad reload answered READY", True, bool(wait_for(lambda: d.count("READY=1") >= 2, 10)))
    check("still serving after bad reload", 0, ctl("status", "--socket", sock).returncode)
    with open(config, "w") as f:
        f.write(good.replace("abs_tol = 0.05", "abs_tol = 0.2"))
    d.proc.send_signal(signal.SIGHUP)
    check("good reload", True, bool(wait_for(lambda: d.count("READY=1") >= 3 and d.count("RELOADING=1") >= 2, 10)))
    log_text = open(f"{work}/daemon.log", errors="replace").read()
    check("bad reload names the key", True, "store.batchrows" in log_text)

    # 6. SIGTERM: exit 0, STOPPING=1, followed source keeps its checkpoint.
    check("SIGTERM exit 0", 0, d.stop())
    check("STOPPING=1", True, d.seen("STOPPING=1"))

    # 7. kill -9 in the middle of a followed replay, restart, exact counts.
    big = f"{work}/logs/big.jsonl"
    with open(big, "w") as f:
        for copy in range(4):                  # 48,000 records with distinct ids
            f.writelines(line.replace('"id":"r-', f'"id":"k{copy}-', 1) for line in traffic)
    d = Daemon(work, config)
    d.start()
    bkey = f"source:{big}"
    wait_for(lambda: (q(db, f"SELECT records FROM checkpoints WHERE source = '{bkey}'") or [(0,)])[0][0] > 5000, 30, 0.01)
    d.proc.kill()
    d.proc.wait()
    d.close_notify()
    part = q(db, f"SELECT records FROM checkpoints WHERE source = '{bkey}'")
    check("killed mid-replay", True, bool(part) and 0 < part[0][0] < 48000)
    d = Daemon(work, config)
    d.start()
    check("resumed to the end", True, bool(wait_for(lambda: q(db, f"SELECT records FROM checkpoints WHERE source = '{bkey}'") == [(48000,)], 60)))
    brun = q(db, f"SELECT run_id FROM checkpoints WHERE source = '{bkey}'")[0][0]
    # The reload above raised abs_tol to 0.2: count what a clean --local replay of the same file gives with it.
    config2 = f"{work}/ref2.toml"
    write_config(config2, work)
    text2 = open(config2).read().replace("abs_tol = 0.05", "abs_tol = 0.2")
    open(config2, "w").write(text2)
    ctl("replay", "--local", "--quiet", "--config", config2, "--db", f"{work}/ref2.db", big)
    check("no row lost or duplicated after kill -9", q(f"{work}/ref2.db", "SELECT count(*) FROM disagreements"),
          q(db, f"SELECT count(*) FROM disagreements WHERE run_id = {brun}"))
    check("no duplicate record ids", [(0,)], q(db, f"SELECT count(*) FROM (SELECT record_id, shadow, count(*) c FROM disagreements WHERE run_id = {brun} GROUP BY 1, 2 HAVING c > 1)"))
    check("final SIGTERM exit 0", 0, d.stop())
    # The read-once source was not replayed again by the restarts: its run and latency rows are as they were.
    check("read-once source untouched by restarts", [("done", 1500)], once_done())
    check("read-once summary kept", once_summary,
          q(db, f"SELECT summary_json, finished_at FROM runs WHERE id = (SELECT run_id FROM checkpoints WHERE source = 'source:{once}')"))
    check("read-once latency rows kept", once_latency,
          q(db, f"SELECT model, count FROM latency WHERE run_id = (SELECT run_id FROM checkpoints WHERE source = 'source:{once}') ORDER BY model"))

    # 8. Prometheus metrics on a loopback port, in a daemon of their own.
    check_metrics(work)

    # 9. Load profiles and per-run process usage in the daemon; 10. a followed gzip capture.
    check_paced(work)
    check_gzip_follow(work)


if __name__ == "__main__":
    main()
