"""`make bench`: build the data set on PostgreSQL, start gunicorn with the production
settings, drive load from this process (wrk, for reading and for members' posts)
and print a table; README.md, "Benchmark", explains the columns.

The benchmark reports; it does not fail on a number. It fails only when it cannot
measure (a service down, a page that does not answer 200, a login refused).
"""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
# gunicorn's advice, as in README's deployment: (2 × cores) + 1 synchronous
# workers. A worker waiting on PostgreSQL leaves the cores to the others, and each
# worker takes a connection only when free, so no worker queues behind another.
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
THREADS = int(os.environ.get("BENCH_THREADS", "1"))
MEMBERS = 12
# Twice round the 30 recommendations: the second round changes each stance.
POSTS_PER_MEMBER = int(os.environ.get("BENCH_POSTS_PER_MEMBER", "60"))
# The minimal view is measured again after every case, for this long: each case is
# compared with the mean of the measurements just before and just after it.
YARDSTICK_SECONDS = max(1, int(os.environ.get("BENCH_YARDSTICK_SECONDS", "4")))
WRK_THREADS = 2
WARM_SECONDS = int(os.environ.get("BENCH_WARM_SECONDS", "2"))
RESULTS = ROOT / "bench-results.json"
BASE = f"http://127.0.0.1:{PORT}"
COLD_PORT = PORT + 1
COLD_BASE = f"http://127.0.0.1:{COLD_PORT}"
# gunicorn runs as behind a TLS proxy, which the production settings trust.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
ORIGIN = f"https://127.0.0.1:{PORT}"

# (case, what the table calls it), in the order they run
GET_CASES = [
    ("minimal", "minimal Django view (ceiling)"),
    ("static", "static file via WhiteNoise (ceiling)"),
    ("home", "home page, anonymous"),
    ("campaign", "campaign page, anonymous"),
    ("club", "club page, anonymous"),
    ("consultation", "consultation page, member, 3,000 comments"),
    ("search", "search, anonymous"),
]
# As right after a publish: the page cache off (PAGE_CACHE_SECONDS=0), which also
# leaves out the kept routes, menus and fragments; a second server runs them.
COLD_CASES = {
    "cold home": "home page, cold",
    "cold campaign index": "campaign index, cold",
    "cold campaign": "campaign page, cold",
    "cold club": "club page, cold",
    "cold counselling": "counselling page, cold",
}


def log(message):
    print(f"== {message}", flush=True)


def django_env(password):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "CSRF_TRUSTED_ORIGINS": ORIGIN,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "BENCH_PASSWORD": password,
    }


def run(args, env, capture=False):
    result = subprocess.run(args, cwd=ROOT, env=env, text=True, capture_output=capture)
    if result.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{(result.stderr or '')[-3000:]}")
    return result.stdout


# Set-up -------------------------------------------------------------------------


def recreate_database():
    """A new database each run: the figures then never depend on an earlier run."""
    url = urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    if name in {"", "postgres", "test"}:
        sys.exit(f"Refusing to drop the database {name!r}; set BENCH_DATABASE_URL.")
    server = url._replace(path="/postgres").geturl()
    try:
        connection = psycopg.connect(server, autocommit=True)
    except psycopg.OperationalError as error:
        sys.exit(f"PostgreSQL cannot be reached at {server}: {error}")
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def build(env):
    log(f"Database {DATABASE_URL}: recreate, migrate, seed")
    recreate_database()
    manage = [PYTHON, "manage.py"]
    run([*manage, "migrate", "--no-input", "--verbosity", "0"], env)
    run(
        [*manage, "seed_bench", "--force", "--verbosity", "0"]
        + ["--password", env["BENCH_PASSWORD"]],
        env,
    )
    # A running database has statistics (autovacuum keeps them); one just filled
    # in bulk has none yet, and the planner would guess.
    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        connection.execute("ANALYZE")
    log("collectstatic")
    run([*manage, "collectstatic", "--no-input", "--verbosity", "0"], env)
    log("Addresses and queries per request (Django's test client, in-process)")
    plan = json.loads(run([PYTHON, "-m", "tests.bench.inside", "plan"], env, True))
    for name, case in plan.items():
        expected = 302 if name == "stances" else 200
        if case["status"] != expected:
            sys.exit(f"{name}: {case.get('url')} answered {case['status']}")
    return plan


class Server:
    """gunicorn in its own process group, stopped whatever happens."""

    def __init__(self, env, port=PORT):
        self.env = env
        self.port = port
        self.process = None
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="bench-gunicorn-", suffix=".log", delete=False
        )

    def __enter__(self):
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [gunicorn, "portal.wsgi:application"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", str(WORKERS)]
            + ["--threads", str(THREADS), "--log-level", "warning"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def wait_until_ready(self):
        # The socket accepts as soon as the master binds it; workers answer once
        # they have imported the project.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                requests.get(
                    f"http://127.0.0.1:{self.port}/bench/minimal/",
                    headers=PROXY_HEADERS,
                    timeout=10,
                )
                return
            except requests.RequestException:
                time.sleep(0.3)
        sys.exit(f"gunicorn did not start; its log:\n{self.tail()}")

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        # Whoever needed the log has printed its tail by now.
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)

    def tail(self):
        return Path(self.log.name).read_text()[-3000:]


# Members --------------------------------------------------------------------------


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def log_in(username, password):
    """The member's cookies. They are Secure (production settings), so requests would
    not send them over plain HTTP by itself: they go in a Cookie header."""
    login = f"{BASE}/pl/accounts/login/"
    page = requests.get(login, headers=PROXY_HEADERS, timeout=10)
    cookies = {"csrftoken": page.cookies["csrftoken"]}
    response = requests.post(
        login,
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": cookies["csrftoken"],
        },
        headers={
            **PROXY_HEADERS,
            "Referer": f"{ORIGIN}/pl/accounts/login/",
            "Origin": ORIGIN,
            "Cookie": cookie_header(cookies),
        },
        allow_redirects=False,
        timeout=10,
    )
    if response.status_code != 302 or "sessionid" not in response.cookies:
        sys.exit(f"{username} could not log in (HTTP {response.status_code})")
    cookies.update(response.cookies.get_dict())
    return cookies


# Measuring -------------------------------------------------------------------------


def warm(case, cookies, base=BASE):
    headers = dict(PROXY_HEADERS)
    if cookies:
        headers["Cookie"] = cookie_header(cookies)
    for _ in range(3):
        # Not following redirects: wrk would measure a redirect to the login page
        # as a success.
        response = requests.get(
            base + case["url"], headers=headers, timeout=10, allow_redirects=False
        )
        if response.status_code != 200:
            sys.exit(f"{case['url']} answered {response.status_code} on warming")
    # Then under load for a moment: the requests above reach some of the workers
    # only, and a worker's first request for a page imports the code it calls and
    # compiles its templates (0.6 s for the home page), which the workers of a
    # running server did long before.
    if WARM_SECONDS > 0:
        wrk(case["url"], cookies, seconds=WARM_SECONDS, base=base)
    # The page cache (portal/cache.py) says HIT or MISS; other responses say nothing.
    return response.headers.get("X-Cache", "")


def wrk(url, cookies=None, seconds=SECONDS, base=BASE):
    # A slow answer is a latency, not an error: wrk's default timeout is 2 s.
    args = ["wrk", f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s"]
    args += ["--timeout", "10s"]
    args += ["--latency"]
    args += ["-s", str(Path(__file__).with_name("report.lua"))]
    args += ["-H", "X-Forwarded-Proto: https"]
    if cookies:
        args += ["-H", f"Cookie: {cookie_header(cookies)}"]
    output = subprocess.run(
        [*args, base + url], check=True, text=True, capture_output=True
    ).stdout
    return wrk_figures(output)


def wrk_figures(output):
    """The figures of wrk's BENCH line (report.lua, STANCES_LUA)."""
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    figures = json.loads(line.removeprefix("BENCH "))
    return {
        "requests_per_second": figures["requests"] / (figures["duration_us"] / 1e6),
        "p50_ms": figures["p50_us"] / 1000,
        "p95_ms": figures["p95_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "requests": figures["requests"],
        "errors": figures["status_errors"] + figures["socket_errors"],
    }


def measure(title, case, cookies=None, base=BASE):
    """A GET case warmed, then under load, with what was counted in-process."""
    cache = warm(case, cookies, base)
    log(f"{title}: {case['url']}")
    return {
        "title": title,
        "url": case["url"],
        **wrk(case["url"], cookies, base=base),
        "queries": case["queries"],
        "alone_ms": case["alone_ms"],
        "cache": cache,
    }


class Yardstick:
    """The minimal view, on the server with the production settings, measured
    between the cases. The machine's speed drifts within a run (other virtual
    machines on the same host: the minimal view once went from 1,122 to 881 req/s
    in two minutes), so a case is compared with the minimal view measured just
    before and just after it, not with a measurement made minutes earlier."""

    def __init__(self):
        self.rates = []

    def measure(self):
        figures = wrk("/bench/minimal/", seconds=YARDSTICK_SECONDS)
        if figures["errors"] or not figures["requests"]:
            sys.exit(f"the minimal view failed while measured between cases: {figures}")
        self.rates.append(figures["requests_per_second"])
        return self.rates[-1]

    def around(self, result, before):
        """Records on result the rates measured before it and now, and their
        mean; returns the one measured now (the next case's before)."""
        after = self.measure()
        result["minimal_before"] = before
        result["minimal_after"] = after
        result["minimal_rps"] = (before + after) / 2
        return after


CHOICES = ["support", "support_with_changes", "oppose", "abstain"]

# The stance posts' wrk script: the posts written out by the driver (below), sent
# in turn by every connection of both threads; any answer but the redirect counts
# as an error, as for the driver's own count.
STANCES_LUA = """
local threads = {}
setup = function(thread)
  thread:set("first", #threads)
  table.insert(threads, thread)
end
-- Globals: done() reads each thread's count with thread:get().
init = function(args)
  -- Where the run before stopped, each thread keeping its turn.
  local start = tonumber(args[1]) or 0
  next_post = start - start % THREADS + first
  unexpected = 0
end
request = function()
  local post = POSTS[(next_post % #POSTS) + 1]
  next_post = next_post + THREADS
  return wrk.format("POST", post[1], post[2], post[3])
end
response = function(status, headers, body)
  if status ~= 302 then
    unexpected = unexpected + 1
  end
end
done = function(summary, latency, requests)
  local other = 0
  for _, thread in ipairs(threads) do
    other = other + thread:get("unexpected")
  end
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "status_errors": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    other, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
"""


def lua_string(text):
    if "]=" in text:
        raise ValueError(f"cannot quote {text!r}")
    return f"[==[{text}]==]"


def stance_posts(members, plan):
    """Each member's posts, members taking turns: each goes through the
    recommendations from a different one, changing their choice as they go round
    again."""
    urls = plan["urls"]
    posts = []
    for post in range(POSTS_PER_MEMBER):
        for number, cookies in enumerate(members.values()):
            index = (number * 3 + post) % len(urls)
            choice = CHOICES[(number + post // len(urls) + index) % len(CHOICES)]
            body = urlencode(
                {
                    "choice": choice,
                    "reason": "Trzeba dodać termin wdrożenia."
                    if choice == "support_with_changes"
                    else "",
                    "csrfmiddlewaretoken": cookies["csrftoken"],
                }
            )
            headers = {
                **PROXY_HEADERS,
                "Cookie": cookie_header(cookies),
                "Origin": ORIGIN,
                "Referer": ORIGIN + urls[0],
                "Content-Type": "application/x-www-form-urlencoded",
            }
            posts.append((urls[index], headers, body))
    return posts


def post_stances(members, plan, seconds=SECONDS, start=0):
    """The members post at once for ``seconds``, from the ``start``-th post of
    the list (``stance_posts``): with wrk, as the pages are read (a Python client
    cost the shared cores about as much as a post costs the server's
    middleware), one connection per member, each connection sending the next
    post of the list, whoever's it is."""
    lines = []
    for path, headers, body in stance_posts(members, plan):
        header_table = ", ".join(
            f"[ {lua_string(name)} ] = {lua_string(value)}"  # not "[[": a string
            for name, value in headers.items()
        )
        lines.append(
            f"  {{{lua_string(path)}, {{{header_table}}}, {lua_string(body)}}},"
        )
    script = (
        "POSTS = {\n"
        + "\n".join(lines)
        + f"\n}}\nTHREADS = {WRK_THREADS}\n"
        + STANCES_LUA
    )
    with tempfile.NamedTemporaryFile(
        "w", prefix="bench-stances-", suffix=".lua", delete=False
    ) as file:
        file.write(script)
    try:
        args = ["wrk", f"-t{WRK_THREADS}", f"-c{len(members)}", f"-d{seconds}s"]
        args += ["--timeout", "10s", "--latency", "-s", file.name]
        output = subprocess.run(
            [*args, BASE + plan["urls"][0], "--", str(start)],
            check=True,
            text=True,
            capture_output=True,
        ).stdout
    finally:
        Path(file.name).unlink(missing_ok=True)
    # Every member went round every recommendation (at least 30 posts each).
    posted = dict.fromkeys(members, plan["recommendations"])
    return wrk_figures(output), posted


# Report ------------------------------------------------------------------------------


# Each case's target, as a share of the minimal view's throughput in the same run
# (absolute times move with the machine's load; the ratio much less). Cases
# without one (the ceilings) are the yardsticks.
TARGETS = {
    "home": 0.50,
    "campaign": 0.50,
    "club": 0.50,
    "search": 0.50,
    "consultation": 0.06,
    "stances": 0.25,
    **dict.fromkeys(COLD_CASES, 0.06),
}
# A cold page is also held to a number of queries (counted in-process).
MOST_QUERIES = dict.fromkeys(COLD_CASES, 12)


def yardstick_of(results, name):
    """The minimal view's rate a case is compared with: measured around it."""
    return results[name].get("minimal_rps", results["minimal"]["requests_per_second"])


def verdicts(results):
    """{case: (share of the minimal view, target, met)} for the cases with one."""
    return {
        name: (
            share := results[name]["requests_per_second"] / yardstick_of(results, name),
            target,
            share >= target
            and results[name]["errors"] == 0
            and results[name]["queries"] <= MOST_QUERIES.get(name, float("inf")),
        )
        for name, target in TARGETS.items()
        if name in results
    }


def table(results):
    static = results["static"]["requests_per_second"]
    goals = verdicts(results)
    header = (
        f"{'case':<44} {'req/s':>7} {'min':>5} {'÷min':>5} {'target':>6} {'':>7} "
        f"{'÷stat':>5} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6} {'queries':>7} "
        f"{'alone':>6} {'cache':>5}"
    )
    lines = [header, "-" * len(header)]
    for name, result in results.items():
        rate = result["requests_per_second"]
        minimal = yardstick_of(results, name)
        if name in goals:
            _share, target, met = goals[name]
            goal = f"{target:>6.0%} {'met' if met else 'NOT met':>7}"
        else:
            goal = f"{'':>6} {'':>7}"
        lines.append(
            f"{result['title']:<44} {rate:>7.0f} {minimal:>5.0f} "
            f"{rate / minimal:>5.2f} {goal} "
            f"{rate / static:>5.2f} {result['p50_ms']:>7.1f} {result['p95_ms']:>7.1f} "
            f"{result['p99_ms']:>7.1f} {result['errors']:>6} "
            f"{result['queries']:>7} {result['alone_ms']:>6.1f} {result['cache']:>5}"
        )
    return "\n".join(lines)


def targets(results):
    """One line per target: what it asks, what was measured, met or not."""
    return [
        {
            "case": name,
            "target": f"{results[name]['title']} ≥ {target:.0%} of the minimal view"
            + (
                f", ≤ {MOST_QUERIES[name]} queries ({results[name]['queries']})"
                if name in MOST_QUERIES
                else ""
            )
            + (", no error" if name == "stances" else "")
            + (", from the cache" if results[name]["cache"] == "HIT" else ""),
            "measured": f"{share:.1%} ({results[name]['requests_per_second']:.0f} "
            f"req/s against {yardstick_of(results, name):.0f}, "
            f"p95 {results[name]['p95_ms']:.0f} ms, "
            f"{results[name]['errors']} errors)",
            "met": met,
        }
        for name, (share, target, met) in verdicts(results).items()
    ]


def main():
    # SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C, so gunicorn is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if shutil.which("wrk") is None:
        sys.exit(
            "wrk is missing: `make bench` installs it (Debian: apt-get install wrk)"
        )
    password = secrets.token_urlsafe(12)
    env = django_env(password)
    plan = build(env)
    results = {}
    yardstick = Yardstick()
    log(
        f"gunicorn: {WORKERS} workers × {THREADS} threads; wrk: {WRK_THREADS} threads, "
        f"{CONNECTIONS} connections, {SECONDS} s per case"
    )
    # Other work on the machine moves the figures: the run says how busy it was.
    load_before = os.getloadavg()[0]
    with Server(env) as server:
        try:
            members = {
                f"member{n}": log_in(f"member{n}", password)
                for n in range(1, MEMBERS + 1)
            }
            for name, title in GET_CASES:
                case = plan[name]
                cookies = members["member1"] if case.get("member") else None
                results[name] = measure(title, case, cookies)
                if name == "minimal":
                    before = results[name]["requests_per_second"]
                else:
                    before = yardstick.around(results[name], before)
            log(f"stance posts: {MEMBERS} members at once, {SECONDS} s")
            # Warmed as the pages are, unmeasured; the measured posts go on from
            # where the warming ones stopped.
            sent = 0
            if WARM_SECONDS > 0:
                warming, _posted = post_stances(
                    members, plan["stances"], seconds=WARM_SECONDS
                )
                sent = warming["requests"]
            figures, posted = post_stances(members, plan["stances"], start=sent)
            before = yardstick.around(figures, before)
        except BaseException:
            print(server.tail(), file=sys.stderr)
            raise
        # The cold server runs beside this one, which stays idle but for the
        # minimal view between the cold cases: the yardstick is the same server's
        # in every case (with the page cache off, the minimal view skips its
        # lookups and is about twice as fast).
        cold_env = {**env, "PAGE_CACHE_SECONDS": "0"}
        cold_plan = json.loads(
            run([PYTHON, "-m", "tests.bench.inside", "cold"], cold_env, True)
        )
        for name, case in cold_plan.items():
            if case["status"] != 200:
                sys.exit(f"{name}: {case['url']} answered {case['status']}")
        with Server(cold_env, COLD_PORT) as cold_server:
            try:
                for name, title in COLD_CASES.items():
                    results[name] = measure(title, cold_plan[name], base=COLD_BASE)
                    results[name]["cache"] = results[name]["cache"] or "off"
                    before = yardstick.around(results[name], before)
            except BaseException:
                # The minimal view between the cases runs on the first server.
                print(server.tail(), cold_server.tail(), sep="\n", file=sys.stderr)
                raise
    results["stances"] = {
        "title": f"stance posts, {MEMBERS} members at once",
        "url": plan["stances"]["urls"][0],
        **figures,
        "queries": plan["stances"]["queries"],
        "alone_ms": plan["stances"]["alone_ms"],
        "cache": "",
    }
    check = json.loads(
        subprocess.run(
            [PYTHON, "-m", "tests.bench.inside", "stances"],
            cwd=ROOT,
            env=env,
            input=json.dumps(posted),
            check=True,
            text=True,
            capture_output=True,
        ).stdout
    )

    load_after = os.getloadavg()[0]
    print()
    print(
        f"{os.cpu_count()} CPUs; load average (1 min) {load_before:.1f} before "
        f"measuring, {load_after:.1f} after"
    )
    rates = [results["minimal"]["requests_per_second"], *yardstick.rates]
    print(
        f"minimal view measured {len(rates)} times, first and after each case: "
        f"{min(rates):.0f} to {max(rates):.0f} req/s; each case is compared with "
        "the mean of the two measurements around it (min)"
    )
    print(table(results))
    print()
    print("Stances in the database (each member: recommendations posted to, of those")
    print("with exactly one stance of theirs, stance rows):")
    print(
        "  "
        + ", ".join(
            f"{name} {c['recommendations']}/{c['with_one_stance']}/{c['rows']}"
            for name, c in sorted(check.items(), key=lambda item: int(item[0][6:]))
        )
    )
    goals = targets(results)
    print()
    for goal in goals:
        verdict = "met" if goal["met"] else "NOT met"
        print(f"{verdict:>7}  {goal['target']}: {goal['measured']}")
    met = sum(goal["met"] for goal in goals)
    print(f"\n{met} of {len(goals)} targets met")
    RESULTS.write_text(
        json.dumps(
            {
                "settings": {
                    "workers": WORKERS,
                    "threads": THREADS,
                    "connections": CONNECTIONS,
                    "seconds": SECONDS,
                    "warm_seconds": WARM_SECONDS,
                    "minimal_view_seconds_between_cases": YARDSTICK_SECONDS,
                    "cpus": os.cpu_count(),
                    "posts_per_member": POSTS_PER_MEMBER,
                    "load_average_before": load_before,
                    "load_average_after": load_after,
                },
                "cases": results,
                "stances_in_database": check,
                "targets": goals,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    print(f"\nFigures written to {RESULTS.name}")


if __name__ == "__main__":
    main()
