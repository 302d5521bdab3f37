"""Benchmark against a real server with seeded data (PostgreSQL). Not part of the test suite.

    .venv/bin/python tests/perf/bench.py --sizes 10000,100000

Per size: a database ``almelo_bench_<size>`` cloned from a template (migrate + load_demo, built once), filled
with ``generate_scale_data --clients <size>``; an in-process probe (queries per request, EXPLAIN ANALYZE,
snapshot job vs bare SQL); gunicorn with a fixed number of workers on 127.0.0.1 (a free port); wrk per
endpoint for a fixed duration. Results go to tests/perf/results/<size>.json and docs/benchmarks.md (the
section between the bench markers is regenerated from every results file, so a 1M run recorded once stays).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
RESULTS = ROOT / "tests" / "perf" / "results"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
ORDER = [
    "search",
    "search_all",
    "detail",
    "inbox",
    "dashboard",
    "finance",
    "api_list",
    "api_deep",
    "api_hours",
    "me",
]
GOALED = {"search", "search_all", "detail", "inbox", "dashboard", "api_list"}


SECRET = re.compile(r"((?:session_key|session_data|key_hash)[^'\n]{0,40}?)'[^'\n]*'?")


def scrub(value):
    """No session keys, session data or token hashes in the committed results (they are credentials): applied
    to every string of the result, so a shortened SQL text cannot carry one either."""
    if isinstance(value, str):
        return SECRET.sub(r"\1'…'", value)
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items()}
    return value


def log(msg):
    print(f"[bench {datetime.now():%H:%M:%S}] {msg}", flush=True)


def env_for(db_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        SECRET_KEY="bench-only-not-a-secret",
        DJANGO_DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        STATIC_MANIFEST="0",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        LOG_LEVEL="WARNING",
        DB_CONN_MAX_AGE="600",
    )
    env.pop("CELERY_BROKER_URL", None)
    return env


def psql(server, sql, db="postgres"):
    return subprocess.run(
        ["psql", f"{server}/{db}", "-tAqc", sql], check=True, capture_output=True, text=True
    ).stdout.strip()


def db_exists(server, name):
    return psql(server, f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def manage(env, *args, check=True):
    return subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


def ensure_template(server, name, rebuild):
    if db_exists(server, name) and not rebuild:
        manage(env_for(f"{server}/{name}"), "migrate", "--noinput", "-v0")  # keep it current
        return
    log(f"template {name}: migrate + load_demo")
    psql(server, f'DROP DATABASE IF EXISTS "{name}"')
    psql(server, f'CREATE DATABASE "{name}"')
    env = env_for(f"{server}/{name}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")


def prepare_db(server, template, size, reuse):
    name = f"almelo_bench_{size}"
    env = env_for(f"{server}/{name}")
    if reuse and db_exists(server, name):
        manage(env, "migrate", "--noinput", "-v0")  # keep a reused database at the code's schema
        log(f"{name}: reused (migrated)")
        return env, None
    psql(server, f'DROP DATABASE IF EXISTS "{name}"')
    psql(server, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    log(f"{name}: generate_scale_data --clients {size}")
    t0 = time.monotonic()
    out = manage(env, "generate_scale_data", "--clients", str(size))
    seconds = time.monotonic() - t0
    log(out.stdout.strip().splitlines()[-1])
    return env, seconds


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env, workers):
    port = free_port()
    log_file = open(Path(tempfile.gettempdir()) / f"bench-gunicorn-{port}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            GUNICORN,
            "almelo_sociaal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return proc, port
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    stop_server(proc)
    raise SystemExit("gunicorn did not start")


def stop_server(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except Exception:  # noqa: BLE001
        os.killpg(proc.pid, signal.SIGKILL)


LUA = """
local paths = {%(paths)s}
local cookies = {%(cookies)s}
local bodies = {%(bodies)s}
local token = %(token)s
local csrf = %(csrf)s
local method = "%(method)s"
local expect = %(expect)d
local i = 0
local bad = 0
function request()
  i = i + 1
  local h = {}
  if #cookies > 0 then h["Cookie"] = "sessionid=" .. cookies[(i %% #cookies) + 1] end
  if token ~= "" then h["Authorization"] = "Token " .. token end
  if csrf ~= "" then
    h["Cookie"] = h["Cookie"] .. "; csrftoken=" .. csrf
    h["X-CSRFToken"] = csrf
  end
  local body = nil
  if #bodies > 0 then
    body = bodies[(i %% #bodies) + 1]
    h["Content-Type"] = "application/json"
  end
  return wrk.format(method, paths[(i %% #paths) + 1], h, body)
end
function response(status, headers, body)
  if status ~= expect then bad = bad + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("BENCH {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50_us\\": %%d, \\"p95_us\\": %%d, \\"p99_us\\": %%d, \\"mean_us\\": %%d, \\"errors\\": %%d, \\"timeouts\\": %%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status,
    summary.errors.timeout))
end
"""


def lua_str(s):
    return json.dumps(s)  # a JSON string is a valid Lua string literal for our ASCII content


def run_wrk(port, ep, duration, connections, workdir, warm=True):
    script = Path(workdir) / "ep.lua"
    script.write_text(
        LUA
        % {
            "paths": ", ".join(lua_str(p) for p in ep["paths"]),
            "cookies": ", ".join(lua_str(c) for c in ep.get("cookies") or []),
            "bodies": ", ".join(lua_str(json.dumps(b)) for b in ep.get("bodies") or []),
            "token": lua_str(ep.get("token") or ""),
            "csrf": lua_str(ep.get("csrf") or ""),
            "method": ep["method"],
            "expect": ep.get("expect", 200),
        }
    )
    base = [
        "wrk",
        "-t1",
        f"-c{connections}",
        "--timeout",
        "10s",
        "-s",
        str(script),
        f"http://127.0.0.1:{port}",
    ]
    if warm:
        subprocess.run([*base[:2], "-d1s", *base[2:]], capture_output=True, text=True)  # warm-up
    out = subprocess.run([*base[:2], f"-d{duration}s", *base[2:]], capture_output=True, text=True).stdout
    # the Lua counter of unexpected statuses is per thread: count them from wrk's own summary instead
    line = next((x for x in out.splitlines() if x.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"wrk failed:\n{out}")
    data = json.loads(line[6:])
    non2xx = next((x for x in out.splitlines() if "Non-2xx" in x), "")
    data["non2xx"] = int(non2xx.split(":")[1]) if non2xx else 0
    data["rps"] = round(data["requests"] / (data["duration_us"] / 1e6), 1)
    return data


def combine(rounds):
    def median(values):
        values = sorted(values)
        return values[len(values) // 2]

    requests = sum(r["requests"] for r in rounds)
    seconds = sum(r["duration_us"] for r in rounds) / 1e6
    return {
        "requests": requests,
        "duration_us": int(seconds * 1e6),
        "rps": round(requests / seconds, 1),
        "p50_us": median([r["p50_us"] for r in rounds]),
        "p95_us": median([r["p95_us"] for r in rounds]),
        "p99_us": median([r["p99_us"] for r in rounds]),
        "non2xx": sum(r["non2xx"] for r in rounds),
        "errors": sum(r["errors"] for r in rounds),
        "loadavg": round(sum(r["loadavg"] for r in rounds) / len(rounds), 2),
        "rounds": [{k: r[k] for k in ("rps", "p50_us", "p95_us", "loadavg")} for r in rounds],
    }


def bench_size(args, size):
    server = args.server
    ensure_template(server, args.template, args.rebuild_template)
    env, gen_seconds = prepare_db(server, args.template, size, args.reuse)
    with tempfile.TemporaryDirectory() as tmp:
        probe_out = Path(tmp) / "probe.json"
        log("probe: queries per request, EXPLAIN, snapshot job")
        cmd = [PY, "tests/perf/probe.py", "--out", str(probe_out), "--deep-pages", str(args.deep_pages)]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
        result = json.loads(probe_out.read_text())
        result["size"] = size
        result["generate_wall_s"] = round(gen_seconds, 1) if gen_seconds else None
        result["setup"] = {
            "workers": args.workers,
            "connections": args.connections,
            "duration_s": args.duration,
            "rounds": args.rounds,
            "cpus": os.cpu_count(),
            "when": datetime.now().isoformat(timespec="minutes"),
        }
        proc, port = start_server(env, args.workers)
        try:
            # Rounds, round-robin over the endpoints: a load burst elsewhere on the machine hits all of them
            # alike. /me is measured at the start and at the end of every round, and each endpoint's ratio is
            # taken per round against the mean of that round's two /me figures, then the median over the
            # rounds: the VM's speed drifts by tens of percent between minutes, the paired ratio much less.
            # p50/p95 = median over the rounds.
            rounds = {key: [] for key in ORDER}
            me_per_round = []
            per_round = max(1, round(args.duration / args.rounds))
            for n in range(args.rounds):
                me_runs = []
                for key in ["me", *[k for k in ORDER if k != "me"], "me"]:
                    ep = result["endpoints"][key]
                    if ep["method"] == "POST" and not ep.get("bodies"):
                        continue
                    load = run_wrk(port, ep, per_round, args.connections, tmp, warm=n == 0)
                    load["loadavg"] = round(os.getloadavg()[0], 2)
                    rounds[key].append(load)
                    if key == "me":
                        me_runs.append(load["rps"])
                me_per_round.append(sum(me_runs) / len(me_runs))
            for key in ORDER:
                ep = result["endpoints"][key]
                ep["load"] = combine(rounds[key]) if rounds[key] else None
                if ep["load"] and key != "me":
                    paired = sorted(r["rps"] / me for r, me in zip(rounds[key], me_per_round, strict=True))
                    ep["load"]["ratio_rounds"] = [round(x, 3) for x in paired]
                    ep["load"]["ratio"] = round(paired[len(paired) // 2], 3)
                lo = ep["load"]
                if lo:
                    log(
                        f"{key:11} {lo['rps']:7.1f} req/s  p50 {lo['p50_us'] / 1000:6.1f} ms  "
                        f"p95 {lo['p95_us'] / 1000:6.1f} ms  non-2xx {lo['non2xx']}  load {lo['loadavg']}"
                    )
        finally:
            stop_server(proc)
    for ep in result["endpoints"].values():  # never store credentials in the results
        ep.pop("cookies", None)
        ep.pop("token", None)
        ep.pop("csrf", None)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = f"{size}.json"
    (RESULTS / name).write_text(json.dumps(scrub(result), indent=1))
    return result


# --- the report ------------------------------------------------------------------------------------------


def fmt_ms(us):
    return f"{us / 1000:.0f}" if us >= 10_000 else f"{us / 1000:.1f}"


def load_of(r):
    values = [
        ep["load"]["loadavg"] for ep in r["endpoints"].values() if ep.get("load") and "loadavg" in ep["load"]
    ]
    return f"{sum(values) / len(values):.1f}" if values else "–"


def name(r):
    return f"{r['size']:,}"


def render(results):
    results = sorted(results, key=lambda r: r["size"])
    out = [
        START,
        "",
        "_Generated by `tests/perf/bench.py` from `tests/perf/results/*.json`; do not edit by hand._",
        "",
    ]
    out.append("### Setup per run\n")
    out.append(
        "| clients generated | clients in DB (incl. demo) | dossiers | group assignments | hour logs | "
        "generate (s) | run at | gunicorn workers | wrk connections | s per endpoint | machine load avg |"
    )
    out.append("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for r in results:
        c, s, g = r["counts"], r["setup"], r.get("generate") or {}
        out.append(
            f"| {name(r)} | {c['cases_client']:,} | {c['cases_uitkeringsdossier']:,} | "
            f"{c['participation_groupassignment']:,} | {c['tegenprestatie_hourlog']:,} | "
            f"{g.get('total_seconds', '–')} | {s['when']} | {s['workers']} | {s['connections']} | "
            f"{s['duration_s']} | {load_of(r)} |"
        )
    out.append("")
    out.append("### Latency, throughput, queries\n")
    out.append(
        "p50/p95 in ms under load (wrk, fixed connections); req/s; ratio = req/s ÷ req/s of `/api/v1/me/` "
        "in the same round (median over the rounds; /me is measured at the start and the end of every round); queries = SQL queries of one request (in-process, CaptureQueriesContext). "
        "**Bold** = misses a goal (p95 ≤ 150 ms for search/detail/inbox/dashboard/API list p1; "
        "queries ≤ 12; API list ≥ 50% of /me).\n"
    )
    header = (
        "| endpoint | "
        + " | ".join(f"{name(r)}: p50 / p95 / req/s / ratio / queries" for r in results)
        + " |"
    )
    out.append(header)
    out.append("|---|" + "---|" * len(results))
    for key in ORDER:
        cells, label = [], key
        for r in results:
            ep = r["endpoints"].get(key)
            if not ep:
                cells.append("–")
                continue
            label = ep["label"]
            lo, pr = ep.get("load"), ep["probe"]
            me = r["endpoints"]["me"].get("load")
            if not lo:
                cells.append(f"– / – / – / – / {pr['queries']}")
                continue
            ratio = lo.get("ratio") or (lo["rps"] / me["rps"] if me and me["rps"] else 0)
            if key == "me":
                ratio = 1.0
            p95 = fmt_ms(lo["p95_us"])
            if key in GOALED and lo["p95_us"] > 150_000:
                p95 = f"**{p95}**"
            q = str(pr["queries"]) if pr["queries"] <= 12 else f"**{pr['queries']}**"
            rt = f"{ratio:.0%}"
            if key.startswith("api_list") and ratio < 0.5:
                rt = f"**{rt}**"
            bad = f" ⚠ {lo['non2xx']} non-2xx" if lo["non2xx"] else ""
            if pr["status"] not in (200, 201):
                bad += f" ⚠ status {pr['status']}"
            cells.append(f"{fmt_ms(lo['p50_us'])} / {p95} / {lo['rps']:.0f} / {rt} / {q}{bad}")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("### Caseload snapshot job vs the bare SQL it is built on\n")
    out.append(
        "The job `take_caseload_snapshot(period=dag)` against the hand-written SQL of the same aggregates "
        "(caseload per wijkteam × regeling × group, coach load, tegenprestatie placements and hours), best of "
        "three runs each; the parts include their upserts. **Bold** = over the goal of 2×.\n"
    )
    out.append(
        "| clients | job (s) | bare SQL, all aggregates (s) | job ÷ bare | caseload: job / bare (s) | "
        "coach load: job / bare (s) | tegenprestatie: job / bare (s) | job queries |"
    )
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|")

    def x(value):
        return f"{value}×" if value <= 2 else f"**{value}×**"

    for r in results:
        s = r["snapshot"]
        parts = s.get("parts")
        if not parts:  # a run recorded before the per-part measurement
            continue
        cells = [f"{p['job_s']} / {p['bare_s']}" for p in parts.values()]
        out.append(
            f"| {name(r)} | {s['job_s']} | {s['bare_all_s']} | {x(s['ratio'])} | "
            + " | ".join(cells)
            + f" | {s.get('job_queries', '–')} |"
        )
    out.append("")
    out.append("### Recht en hoogte: one calculation, and every running dossier as one batch\n")
    out.append(
        "One calculation = the pure rule `bijstand.rules.calculate` in-process (gehuwden with a child, a housemate "
        "and work income; median of 20 × 200 calls; goal ≤ 1 ms). The batch = `bijstand.selectors."
        "running_calculations`: every algemene-bijstand dossier running today, its facts read in eight queries and "
        "calculated one by one in Python (nothing stored), beside the ORM read alone and the bare SQL read of the "
        "same facts (best of three). The generated data has no household rows (only the demo clients do): the reads "
        "are those of a real run, the households mostly one person.\n"
    )
    out.append(
        "| clients | one calculation (ms) | running bijstand dossiers | batch (s) | ORM read (s) | bare SQL read (s) "
        "| batch ÷ bare | queries | not calculated |"
    )
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        b = r.get("bijstand")
        if not b:  # a run recorded before recht en hoogte
            continue
        single = f"{b['single_ms']}" if b["single_ms"] <= 1 else f"**{b['single_ms']}**"
        out.append(
            f"| {name(r)} | {single} | {b['dossiers']:,} | {b['batch_s']} | {b['facts_s']} | {b['bare_s']} | "
            f"{b['ratio']}× | {b['batch_queries']} | {b['refused']:,} |"
        )
    out.append("")
    biggest = results[-1]
    out.append(f"### Hottest queries at {biggest['size']:,} clients (EXPLAIN ANALYZE, BUFFERS)\n")
    for key in ORDER:
        ep = biggest["endpoints"].get(key)
        if not ep or not ep.get("plan"):
            continue
        out.append(f"<details><summary>{ep['label']}: costliest query, {ep['plan_ms']:.1f} ms</summary>\n")
        out.append("```sql\n" + ep["plan_sql"][:1500] + "\n```\n```\n" + ep["plan"] + "\n```\n</details>\n")
    s = biggest["snapshot"]
    if s.get("job_slowest_plan"):
        out.append(
            f"<details><summary>Snapshot job: slowest query {s['job_slowest'][0]['ms']:.0f} ms</summary>\n"
        )
        out.append(
            "```sql\n"
            + s["job_slowest"][0]["sql"][:2000]
            + "\n```\n```\n"
            + s["job_slowest_plan"]
            + "\n```\n</details>\n"
        )
        out.append("<details><summary>Bare SQL of the caseload aggregate</summary>\n")
        out.append("```\n" + s.get("bare_sql_plan", "") + "\n```\n</details>\n")
    out.append(END)
    return "\n".join(out)


def write_doc():
    results = [json.loads(p.read_text()) for p in sorted(RESULTS.glob("*.json"))]
    if not results:
        return
    block = render(results)
    text = DOC.read_text() if DOC.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)
    log(f"wrote {DOC.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated client counts")
    parser.add_argument("--server", default=os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--template", default="almelo_bench_template")
    parser.add_argument(
        "--rebuild-template", action="store_true", help="rebuild migrate + load_demo template"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse an existing almelo_bench_<size> database")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--connections", type=int, default=3, help="wrk connections")
    parser.add_argument("--duration", type=int, default=16, help="seconds of load per endpoint (all rounds)")
    parser.add_argument("--rounds", type=int, default=4, help="round-robin rounds over the endpoints")
    parser.add_argument(
        "--deep-pages", type=int, default=100, help="cursor pages to follow for the deep page"
    )
    parser.add_argument("--report-only", action="store_true", help="only regenerate docs/benchmarks.md")
    args = parser.parse_args()
    if not args.report_only:
        if not shutil.which("wrk"):
            raise SystemExit("wrk is needed: apt-get install -y wrk")
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            bench_size(args, size)
    write_doc()


if __name__ == "__main__":
    sys.exit(main())
