#!/usr/bin/env python3
"""Start-up time and steady-state memory of the whole module process (DESIGN §10).

Targets: first meter reading within 3 s of start, steady-state RSS under 100 MB.

For each run and each variant the demo distribution (target-platform/target/msg-demo.jar: the module + the simulator) is started the way
run-demo.sh starts it, in a fresh temporary directory, with free loopback ports:

  demo            the demo configuration (simulated building on Modbus TCP, 6 meters, 4 mock relays, balancer),
                  with the JVM flags and environment of ../module.jvm (what run-demo.sh uses)
  demo-before     the demo with the flags shipped before module.jvm (-Xmx64m -XX:+UseSerialGC): the "before"
  empty-before    the empty peer with those flags
  empty           the PEER: the same jar and flags with an EMPTY configuration directory (Felix, DS, ConfigAdmin,
                  Jetty, web console and our bundles installed but idle: no simulator, no polling, no loop), so the
                  difference demo - empty is what the devices and the loop cost on top of the runtime
  demo-defaultjvm the demo configuration with the JVM's default flags (no -Xmx, default GC): why the flags matter
  empty-defaultjvm
  building        the demo configuration WITHOUT the simulator: the simulated building runs in a second process of
                  the same jar (started first, not measured), as real meters would be outside the module. The demo's
                  simulator adds ~33 threads (j2mod's TCP slave pool) and their memory, which a real module has not.
  building-lean   the same with LEAN_FLAGS
  demo-lean       the demo with LEAN_FLAGS below (C1 only, native heap trimmed): a candidate for run-demo.sh
  empty-lean      the empty peer with LEAN_FLAGS
  demo-nmt, building-nmt
                  the demo / building with -XX:NativeMemoryTracking=summary; after the steady window prints
                  `jcmd <pid> VM.native_memory summary` (where the RSS goes). NMT costs memory itself: not a result.

  prod            the PRODUCTION jar (target-platform/target/msg-module.jar, --module-jar) with module.jvm, on the demo
                  configuration without the simulator, whose meters run in a second process of msg-demo.jar (not
                  measured): what an installed module runs. -Dmsg.demo=true only so the relays may use Pi4J's mock chip.
  prod-before     the same with module.jvm as it was before 2026-12-07 (PROD_BEFORE_FLAGS)
  prod-cds        prod plus an AppCDS archive made by one archiving run first (--cds-warm)
  prod-empty      the production jar, empty configuration
  prod-nmt, prod-before-nmt   with -XX:NativeMemoryTracking=summary (printed after the steady window and the burst)

With --burst N (and --burst-console M) every run then sends N GET /status from --burst-clients threads and M
authenticated GETs of web console pages, reads RSS right after (burst_rss_mb) and again --settle seconds later
(after_rss_mb, after_hwm_mb).

Measured per run:
  http_s          process start -> first `GET /status` answering 200
  reading_s       process start -> first `GET /status` showing meter "grid" GOOD ("first meter reading"),
                  polled every 50 ms (so up to ~50 ms + one HTTP round trip late)
  answered_s      process start -> the time the grid meter's device answered with the reading that first showed
                  GOOD (meters[grid].values.ACTIVE_POWER.at; same clock, no polling delay; the very first answer can
                  be up to one grid poll interval, 250 ms, earlier)
  rss_mb, hwm_mb  VmRSS / VmHWM of the java process from /proc/<pid>/status after the steady window
  anon_mb         RssAnon (heap, metaspace, code cache, thread stacks: the part that is really the module's)
  cpu_pct         CPU used during the steady window, percent of one core
  threads         thread count after the steady window

Variants run interleaved (demo, empty, demo, empty, ...) so that load from other work on the machine hits all of
them alike. Runs are sequential; every process is stopped (SIGTERM, then SIGKILL after 20 s) before the next starts,
also on Ctrl+C. Loopback only.

Usage:
  startup-and-memory.py [--runs 5] [--steady 60] [--variants demo,empty] [--json out.json] [--jar PATH]
                        [--extra-flags "-XX:... -X..."] [--extra-env NAME=value]   (trials: added to every variant)
                        [--module-jar PATH] [--burst N] [--burst-console M] [--burst-clients 8] [--settle 30]
                        [--cds-warm 30] [--trial NAME="FLAGS NAME=value !conf-prefix" ...] [--diagnose] [--cloud]
"""
import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DEFAULT_JAR = os.path.join(ROOT, "target-platform", "target", "msg-demo.jar")  # module + simulator
MODULE_JAR = os.path.join(ROOT, "target-platform", "target", "msg-module.jar")  # production: no simulator
CONSOLE_JAR = os.path.join(ROOT, "bundles", "org.microsmartgrid.console", "target",
                           "org.microsmartgrid.console-0.1.0-SNAPSHOT.jar")
CONF_DEMO = os.path.join(HERE, "..", "conf-demo")
DEMO_MODBUS_PORT = 'I"5020"'

MODULE_JVM = os.path.join(HERE, "..", "module.jvm")


def read_module_jvm(path=MODULE_JVM):
    """The shipped JVM flags and environment (module.jvm, also read by run-demo.sh): (flags, {name: value})."""
    flags, env = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("-"):
                flags.append(line)
            elif line and not line.startswith("#"):
                name, sep, value = line.partition("=")
                if not sep or not name.isidentifier():
                    sys.exit(f"{path}: neither a JVM flag nor NAME=value: {line}")
                env[name] = value
    return flags, env


MODULE_FLAGS, MODULE_ENV = read_module_jvm()
# What run-demo.sh shipped until 2026-11-25 (§1.3): the "before" of the memory work
BEFORE_FLAGS = ["-Xmx64m", "-XX:+UseSerialGC"]
# C1 only (C2's compiler arenas leave ~20 MB in glibc's malloc after start-up) and give freed malloc memory back
# every 5 s (TrimNativeHeapInterval: OpenJDK 17.0.9 and later, experimental in 17).
LEAN_FLAGS = BEFORE_FLAGS + ["-XX:TieredStopAtLevel=1", "-XX:+UnlockExperimentalVMOptions",
                             "-XX:TrimNativeHeapInterval=5000"]
NMT_FLAG = "-XX:NativeMemoryTracking=summary"
# module.jvm until 2026-12-07 (benchmarks.md §1.6): the "before" of §1.7
PROD_BEFORE_FLAGS = ["-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Xmn4m", "-XX:+UseSerialGC",
                     "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000"]
VARIANTS = {
    # name: (configuration, JVM flags, environment)
    "demo": ("demo", MODULE_FLAGS, MODULE_ENV),
    "empty": ("empty", MODULE_FLAGS, MODULE_ENV),
    "demo-before": ("demo", BEFORE_FLAGS, {}),
    "empty-before": ("empty", BEFORE_FLAGS, {}),
    "demo-defaultjvm": ("demo", [], {}),
    "empty-defaultjvm": ("empty", [], {}),
    "building": ("building", MODULE_FLAGS, MODULE_ENV),
    "demo-lean": ("demo", LEAN_FLAGS, {}),
    "building-lean": ("building", LEAN_FLAGS, {}),
    "empty-lean": ("empty", LEAN_FLAGS, {}),
    "demo-nmt": ("demo", MODULE_FLAGS + [NMT_FLAG], MODULE_ENV),
    "building-nmt": ("building", MODULE_FLAGS + [NMT_FLAG], MODULE_ENV),
    # the PRODUCTION jar (msg-module.jar, --module-jar) with the demo's meters in a simulator process of msg-demo.jar:
    # what an installed module runs (issue 21 item 15, benchmarks.md §1.7)
    # msg.demo=true only lets the relays use Pi4J's mock chip: this machine has no GPIO lines
    "prod": ("building", MODULE_FLAGS + ["-Dmsg.demo=true"], MODULE_ENV),
    "prod-nmt": ("building", MODULE_FLAGS + ["-Dmsg.demo=true", NMT_FLAG], MODULE_ENV),
    "prod-empty": ("empty", MODULE_FLAGS, MODULE_ENV),
    "prod-before": ("building", PROD_BEFORE_FLAGS + ["-Dmsg.demo=true"], {"MALLOC_ARENA_MAX": "2"}),
    "prod-before-nmt": ("building", PROD_BEFORE_FLAGS + ["-Dmsg.demo=true", NMT_FLAG], {"MALLOC_ARENA_MAX": "2"}),
    # module.jvm plus an application class-data archive (AppCDS) made by one earlier run of the same jar and
    # configuration (-XX:ArchiveClassesAtExit, see make_cds_archive): what docs/deployment.md's install step makes
    "prod-cds": ("building", MODULE_FLAGS + ["-Dmsg.demo=true", "-XX:SharedArchiveFile=@CDS@"], MODULE_ENV),
}
PRODUCTION_VARIANTS = {"prod", "prod-nmt", "prod-empty", "prod-before", "prod-before-nmt", "prod-cds"}
CDS = {"archive": None}
DIAGNOSE = {"on": False}
TRIAL_DROPS = {}  # --trial name: the configuration files (name prefixes, "!prefix") left out of its conf/
CLOUD = {"url": None, "all": False}  # the broker (Debian's mosquitto, not measured) the modules' cloud links use
TRIAL_CLOUD = set()  # --trial names with "+cloud": that trial runs its cloud link (--cloud: every variant does)
CLOUD_CONFIG = "org.microsmartgrid.cloud.kapua.KapuaCloudLink.config"

POLL_S = 0.05
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 20.0
CLK_TCK = os.sysconf("SC_CLK_TCK")

running = []  # processes to stop if we are interrupted


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_jar(path, wait_s=900):
    """Others may be rebuilding the distribution: wait until the file exists, is a complete zip and stops changing."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        try:
            size = os.path.getsize(path)
            time.sleep(2)
            if os.path.getsize(path) == size and zipfile.is_zipfile(path):
                return
        except OSError:
            pass
        log(f"waiting for {path} (being rebuilt?)")
        time.sleep(10)
    sys.exit(f"{path} missing: build it with `cd {ROOT} && mvn -B -q install -DskipTests`")


def snapshot_jar(src, dest_dir):
    """Copy the jar once so every run measures the same build even if someone rebuilds it meanwhile."""
    wait_for_jar(src)
    dest = os.path.join(dest_dir, os.path.basename(src))
    shutil.copy2(src, dest)
    if not zipfile.is_zipfile(dest):
        sys.exit(f"{src} changed while being copied; run again")
    return dest


def installer_line(console_jar):
    password = hashlib.sha256(os.urandom(16)).hexdigest()[:16]
    PASSWORD["installer"] = password
    out = subprocess.run(["java", "-cp", console_jar, "org.microsmartgrid.console.HashPassword", "installer"],
                         input=password + "\n", capture_output=True, text=True, timeout=120, check=True)
    return out.stdout.strip().splitlines()[-1]


SIMULATOR_CONFIG = "org.microsmartgrid.simulator.SimulatedBuilding.config"


def make_conf(kind, directory, modbus_port, account, drop=(), cloud=False):
    """empty: nothing; demo: conf-demo; building: conf-demo without the simulator; simulator: only the simulator."""
    os.makedirs(directory)
    if kind == "empty":
        return
    for name in sorted(os.listdir(CONF_DEMO)):
        if not name.endswith(".config") or (kind == "building" and name == SIMULATOR_CONFIG) \
                or (kind == "simulator" and name != SIMULATOR_CONFIG) or name.startswith(tuple(drop)):
            continue
        with open(os.path.join(CONF_DEMO, name), encoding="utf-8") as f:
            text = f.read().replace(DEMO_MODBUS_PORT, f'I"{modbus_port}"')
        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
            f.write(text)
    if kind != "simulator":
        with open(os.path.join(directory, "org.microsmartgrid.console.InstallerAuthentication.config"), "w",
                  encoding="utf-8") as f:
            f.write(f'users=["{account}"]\n')
        if cloud and kind != "empty":
            # what a module in the field runs too: its cloud link, with the outbox, BIRTH and telemetry every 10 s
            with open(os.path.join(directory, CLOUD_CONFIG), "w", encoding="utf-8") as f:
                f.write(f'broker.url="{CLOUD["url"]}"\naccount.name="milano"\nclient.id="bench-module"\n')


def start_broker(workroot):
    """--cloud: a mosquitto on a free loopback port, anonymous (loopback only), no persistence; returns its URL."""
    port = free_port()
    conf = os.path.join(workroot, "mosquitto.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    proc = subprocess.Popen(["mosquitto", "-c", conf], stdout=subprocess.DEVNULL,
                            stderr=open(os.path.join(workroot, "mosquitto.log"), "wb"), stdin=subprocess.DEVNULL)
    running.append(proc)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return f"tcp://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("mosquitto did not start (see mosquitto.log)")


EXTRA_FLAGS = []  # --extra-flags: appended to every measured variant's flags (for trying a flag before shipping it)
EXTRA_ENV = {}


def start_module(work, kind, flags, jar, modbus_port, account, env=None, drop=(), cloud=False):
    """Starts the distribution in work/ the way run-demo.sh does; returns (process, log file, HTTP port)."""
    http_port = free_port()
    conf, data = os.path.join(work, "conf"), os.path.join(work, "data")
    make_conf(kind, conf, modbus_port, account, drop, cloud)
    os.makedirs(data)
    # org.apache.felix.http.host: Jetty listens on loopback only (run-demo.sh listens on every interface)
    cmd = ["java", *flags, "-Dorg.apache.felix.http.host=127.0.0.1", f"-Dmsg.conf={conf}", f"-Dmsg.data={data}",
           f"-Dorg.osgi.service.http.port={http_port}", "-jar", jar]
    logfile = open(os.path.join(work, "module.log"), "wb")
    proc = subprocess.Popen(cmd, cwd=work, stdout=logfile, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})})
    running.append(proc)
    return proc, logfile, http_port


def wait_for_modbus(port, proc, logfile):
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(POLL_S)
    raise RuntimeError(f"simulator not listening on {port}: {log_tail(logfile.name)}")


def get_status(port):
    """The parsed /status document, or None when the module does not answer (yet)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as r:
            if r.status != 200:
                return None
            return json.loads(r.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def grid_meter(doc):
    for m in doc.get("meters", []):
        if m.get("id") == "grid":
            return m
    return None


def parse_iso(text):
    # e.g. 2026-11-25T20:09:42.118734397Z: Python wants at most microseconds
    text = text.rstrip("Z")
    if "." in text:
        head, frac = text.split(".", 1)
        text = f"{head}.{frac[:6]:0<6}"
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    kb = lambda k: int(fields[k].split()[0]) / 1024.0 if k in fields else None  # noqa: E731
    return {"rss_mb": kb("VmRSS"), "hwm_mb": kb("VmHWM"), "anon_mb": kb("RssAnon"), "file_mb": kb("RssFile"),
            "threads": int(fields.get("Threads", "0"))}


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        after_comm = f.read().rsplit(")", 1)[1].split()
    return int(after_comm[11]) + int(after_comm[12])  # utime + stime (fields 14 and 15)


def log_tail(path, lines=5):
    with open(path, encoding="utf-8", errors="replace") as f:
        return " | ".join(f.read().splitlines()[-lines:])


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc in running:
        running.remove(proc)


BURST = {"requests": 0, "clients": 8, "console": 0, "settle_s": 30.0}  # --burst, --burst-clients, --burst-console, --settle
PASSWORD = {}  # the installer's password, for the console's pages in a burst


def burst(http_port):
    """BURST["requests"] GETs of /status from BURST["clients"] threads, then BURST["console"] authenticated GETs of
    the web console's heaviest pages (bundles, configuration, components, relays), as an installer's browser would.
    Returns (answered with 200, seconds)."""
    import base64
    from concurrent.futures import ThreadPoolExecutor
    auth = "Basic " + base64.b64encode(f"installer:{PASSWORD['installer']}".encode()).decode()
    pages = ["/system/console/bundles", "/system/console/configMgr", "/system/console/components",
             "/system/console/relays"]

    def get(path, with_auth):
        req = urllib.request.Request(f"http://127.0.0.1:{http_port}{path}",
                                     headers={"Authorization": auth} if with_auth else {})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                r.read()
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False
    t0 = time.monotonic()
    with ThreadPoolExecutor(BURST["clients"]) as pool:
        ok = sum(pool.map(lambda i: get("/status", False), range(BURST["requests"])))
        ok += sum(pool.map(lambda i: get(pages[i % len(pages)], True), range(BURST["console"])))
    return ok, time.monotonic() - t0


def one_run(variant, jar, account, steady_s, workroot, module_jar=None):
    kind, flags, env = VARIANTS[variant]
    flags, env = [f.replace("@CDS@", CDS["archive"] or "") for f in flags + EXTRA_FLAGS], {**env, **EXTRA_ENV}
    work = tempfile.mkdtemp(prefix=f"{variant}-", dir=workroot)
    modbus_port = free_port()
    result = {"variant": variant, "http_s": None, "reading_s": None, "answered_s": None}
    sim = sim_log = None
    if kind == "building":
        # the building's meters live in another process (as real meters would), started first and not measured
        os.makedirs(os.path.join(work, "simulator"))
        sim, sim_log, _ = start_module(os.path.join(work, "simulator"), "simulator", MODULE_FLAGS, jar,
                                       modbus_port, account, MODULE_ENV)
    os.makedirs(os.path.join(work, "module"))
    proc = logfile = None
    try:
        if sim is not None:
            wait_for_modbus(modbus_port, sim, sim_log)
        t0_wall, t0 = time.time(), time.monotonic()
        measured_jar = module_jar if variant in PRODUCTION_VARIANTS else jar
        proc, logfile, http_port = start_module(os.path.join(work, "module"), kind, flags, measured_jar, modbus_port,
                                                account, env, TRIAL_DROPS.get(variant, ()),
                                                CLOUD["all"] or variant in TRIAL_CLOUD)
        deadline = t0 + START_TIMEOUT_S
        while time.monotonic() < deadline and proc.poll() is None:
            doc = get_status(http_port)
            now = time.monotonic()
            if doc is not None and result["http_s"] is None:
                result["http_s"] = now - t0
            if doc is not None and kind == "empty":
                break
            grid = grid_meter(doc) if doc is not None else None
            if grid is not None and grid.get("quality") == "GOOD":
                result["reading_s"] = now - t0
                at = grid.get("values", {}).get("ACTIVE_POWER", {}).get("at")
                if at:
                    result["answered_s"] = parse_iso(at) - t0_wall
                break
            time.sleep(POLL_S)
        if proc.poll() is not None:
            raise RuntimeError(f"module exited with {proc.returncode}: {log_tail(logfile.name)}")
        if result["http_s"] is None or (kind != "empty" and result["reading_s"] is None):
            raise RuntimeError(f"no {'/status' if kind == 'empty' else 'grid reading'} within {START_TIMEOUT_S} s: "
                               f"{log_tail(logfile.name)}")

        ticks0, s0 = cpu_ticks(proc.pid), time.monotonic()
        time.sleep(steady_s)
        ticks1, s1 = cpu_ticks(proc.pid), time.monotonic()
        result.update(proc_status(proc.pid))
        result["cpu_pct"] = 100.0 * (ticks1 - ticks0) / CLK_TCK / (s1 - s0)
        doc = get_status(http_port) or {}
        meters = doc.get("meters", [])
        result["meters_good"] = f"{sum(m.get('quality') == 'GOOD' for m in meters)}/{len(meters)}"
        if NMT_FLAG in flags:
            out = subprocess.run(["jcmd", str(proc.pid), "VM.native_memory", "summary"], capture_output=True,
                                 text=True, timeout=60)
            result["nmt"] = out.stdout
        if BURST["requests"] or BURST["console"]:
            ok, took = burst(http_port)
            result["burst_ok"] = ok
            result["burst_s"] = took
            result["burst_rss_mb"] = proc_status(proc.pid)["rss_mb"]
            time.sleep(BURST["settle_s"])
            after = proc_status(proc.pid)
            result["after_rss_mb"], result["after_hwm_mb"] = after["rss_mb"], after["hwm_mb"]
            if NMT_FLAG in flags:
                out = subprocess.run(["jcmd", str(proc.pid), "VM.native_memory", "summary"], capture_output=True,
                                     text=True, timeout=60)
                result["nmt_after"] = out.stdout
                if DIAGNOSE["on"]:
                    result["nmt_diagnose"] = diagnose(proc.pid)
    finally:
        for p, f in ((proc, logfile), (sim, sim_log)):
            if p is not None:
                stop(p)
                f.close()
    shutil.rmtree(work, ignore_errors=True)
    return result


def diagnose(pid):
    """Where the memory goes, beyond NMT's summary (--diagnose; changes the process: runs a full GC)."""
    def jcmd(*cmd):
        return subprocess.run(["jcmd", str(pid), *cmd], capture_output=True, text=True, timeout=120).stdout
    threads = [line.split('"')[1] for line in jcmd("Thread.print").splitlines() if line.startswith('"')]
    histogram = jcmd("GC.class_histogram").splitlines()[:35]
    return "\n".join([jcmd("VM.metaspace", "basic"), jcmd("VM.classloader_stats"),
                      f"{len(threads)} threads: " + ", ".join(sorted(threads)),
                      jcmd("GC.run"), jcmd("GC.heap_info"), *histogram])


def make_cds_archive(module_jar, sim_jar, account, workroot, warm_s):
    """The install step of docs/deployment.md: run the production module once with -XX:ArchiveClassesAtExit on the
    same configuration for warm_s seconds after its first reading, stop it (SIGTERM: the JVM writes the archive as it
    exits), and return the archive's path."""
    archive = os.path.join(workroot, "msg-module.jsa")
    work = tempfile.mkdtemp(prefix="cds-", dir=workroot)
    modbus_port = free_port()
    os.makedirs(os.path.join(work, "simulator"))
    os.makedirs(os.path.join(work, "module"))
    sim, sim_log, _ = start_module(os.path.join(work, "simulator"), "simulator", MODULE_FLAGS, sim_jar, modbus_port,
                                   account, MODULE_ENV)
    proc = logfile = None
    try:
        wait_for_modbus(modbus_port, sim, sim_log)
        proc, logfile, http_port = start_module(os.path.join(work, "module"), "building",
                                                MODULE_FLAGS + ["-Dmsg.demo=true", f"-XX:ArchiveClassesAtExit={archive}"],
                                                module_jar, modbus_port, account, MODULE_ENV)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and proc.poll() is None:
            grid = grid_meter(get_status(http_port) or {})
            if grid is not None and grid.get("quality") == "GOOD":
                break
            time.sleep(POLL_S)
        time.sleep(warm_s)
    finally:
        for p, f in ((proc, logfile), (sim, sim_log)):
            if p is not None:
                stop(p)
                f.close()
    if not os.path.exists(archive):
        sys.exit(f"no CDS archive written: {log_tail(os.path.join(work, 'module', 'module.log'))}")
    log(f"CDS archive: {archive}, {os.path.getsize(archive) / 1e6:.1f} MB")
    shutil.rmtree(work, ignore_errors=True)
    return archive


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                  if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo", encoding="ascii")
               if line.startswith("MemTotal"))
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gb": round(mem / 1024 / 1024, 1),
            "java": java[1] if len(java) > 1 else java[0], "kernel": platform.release(),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "loadavg_start": os.getloadavg()}


METRICS = [("http_s", "s"), ("reading_s", "s"), ("answered_s", "s"), ("rss_mb", "MB"), ("hwm_mb", "MB"),
           ("anon_mb", "MB"), ("cpu_pct", "%"), ("threads", ""), ("burst_ok", ""), ("burst_s", "s"),
           ("burst_rss_mb", "MB"), ("after_rss_mb", "MB"), ("after_hwm_mb", "MB")]


def summary(results, variants):
    lines = ["| variant | metric | median | min | max | n |", "|---|---|---|---|---|---|"]
    for v in variants:
        rows = [r for r in results if r["variant"] == v and "error" not in r]
        for key, unit in METRICS:
            values = [r[key] for r in rows if r.get(key) is not None]
            if not values:
                continue
            fmt = (lambda x: f"{x:.2f}") if unit == "s" else (lambda x: f"{x:.1f}")
            lines.append(f"| {v} | {key}{' (' + unit + ')' if unit else ''} | {fmt(statistics.median(values))} | "
                         f"{fmt(min(values))} | {fmt(max(values))} | {len(values)} |")
    failed = [r for r in results if "error" in r]
    for r in failed:
        lines.append(f"| {r['variant']} | FAILED run | {r['error']} | | | |")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--steady", type=float, default=60.0, help="steady-state window in seconds (default 60)")
    p.add_argument("--variants", default="demo,empty", help="comma separated: " + ", ".join(VARIANTS))
    p.add_argument("--jar", default=DEFAULT_JAR)
    p.add_argument("--module-jar", default=MODULE_JAR, help="the production jar measured by the prod* variants")
    p.add_argument("--burst", type=int, default=0, help="after the steady window: this many GET /status (default 0)")
    p.add_argument("--burst-clients", type=int, default=8, help="concurrent clients of the burst (default 8)")
    p.add_argument("--burst-console", type=int, default=0,
                   help="and this many authenticated GETs of web console pages (default 0)")
    p.add_argument("--settle", type=float, default=30.0, help="seconds after the burst before RSS is read again")
    p.add_argument("--cds-warm", type=float, default=30.0,
                   help="prod-cds: seconds the archiving run goes on after its first reading (default 30)")
    p.add_argument("--json", help="write machine, runs and summary to this file")
    p.add_argument("--extra-flags", default="", help="space separated JVM flags added to every variant (trials)")
    p.add_argument("--extra-env", default="", help="space separated NAME=value added to every variant (trials)")
    p.add_argument("--trial", action="append", default=[], metavar="NAME=ITEMS",
                   help="a variant NAME: `prod` plus ITEMS (space separated JVM flags, NAME=value environment and "
                        "!prefix: leave the configuration files starting with prefix out; +cloud: with its cloud link, see --cloud), "
                        "run interleaved with "
                        "the others, e.g. --trial 'xss=-Xss256k' --trial 'nocharging=!org.microsmartgrid.charging' "
                        "(repeatable)")
    p.add_argument("--cloud", action="store_true",
                   help="every measured module (not the empty ones) also runs its cloud link to a local mosquitto, "
                        "as a module in the field does (outbox, BIRTH, telemetry)")
    p.add_argument("--diagnose", action="store_true",
                   help="*-nmt variants: after the burst also print VM.metaspace, VM.classloader_stats, the threads' "
                        "names and, after a GC.run, GC.heap_info and the top of GC.class_histogram")
    args = p.parse_args()
    DIAGNOSE["on"] = args.diagnose
    for trial in args.trial:
        name, sep, items = trial.partition("=")
        if not sep or not name or name in VARIANTS:
            p.error(f"--trial {trial}: NAME=ITEMS with a new name")
        kind, flags, env = VARIANTS["prod"]
        VARIANTS[name] = (kind, flags + [i for i in items.split() if i.startswith("-")],
                          {**env, **dict(i.split("=", 1) for i in items.split() if i[0] not in "-!+")})
        TRIAL_DROPS[name] = [i[1:] for i in items.split() if i.startswith("!")]
        if "+cloud" in items.split():
            TRIAL_CLOUD.add(name)
        PRODUCTION_VARIANTS.add(name)
    EXTRA_FLAGS.extend(args.extra_flags.split())
    BURST.update(requests=args.burst, clients=args.burst_clients, console=args.burst_console, settle_s=args.settle)
    EXTRA_ENV.update(kv.split("=", 1) for kv in args.extra_env.split())
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    variants += [t.partition("=")[0] for t in args.trial if t.partition("=")[0] not in variants]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown or not 1 <= args.runs <= 50 or not 0 < args.steady <= 3600:
        p.error(f"bad arguments (unknown variants {unknown}?)")

    def interrupted(signum, _frame):
        for proc in list(running):
            stop(proc)
        sys.exit(128 + signum)
    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)

    workroot = tempfile.mkdtemp(prefix="msg-bench-")
    try:
        jar = snapshot_jar(args.jar, workroot)
        CLOUD["all"] = args.cloud
        if args.cloud or TRIAL_CLOUD:
            CLOUD["url"] = start_broker(workroot)
        module_jar = snapshot_jar(args.module_jar, workroot) if PRODUCTION_VARIANTS & set(variants) else None
        wait_for_jar(CONSOLE_JAR)
        account = installer_line(CONSOLE_JAR)
        if "prod-cds" in variants:
            CDS["archive"] = make_cds_archive(module_jar, jar, account, workroot, args.cds_warm)
        info = machine()
        info["jar"] = {"path": args.jar, "mtime": datetime.fromtimestamp(os.path.getmtime(jar), timezone.utc)
                       .strftime("%Y-%m-%dT%H:%M:%SZ"),
                       "sha256": hashlib.sha256(open(jar, "rb").read()).hexdigest()[:16]}
        log(f"machine: {json.dumps(info)}")
        results = []
        for n in range(1, args.runs + 1):
            for v in variants:
                try:
                    r = one_run(v, jar, account, args.steady, workroot, module_jar)
                except RuntimeError as e:
                    r = {"variant": v, "error": str(e)}
                r["run"] = n
                results.append(r)
                log(json.dumps({k: (round(x, 3) if isinstance(x, float) else x) for k, x in r.items()
                                if not k.startswith("nmt")}))
                for k in ("nmt", "nmt_after", "nmt_diagnose"):
                    if r.get(k):
                        log(f"{k}:\n{r[k]}")
        info["loadavg_end"] = os.getloadavg()
        table = summary(results, variants)
        print(f"machine: {info['nproc']} x {info['cpu']}, {info['ram_gb']} GB RAM, {info['java']}, "
              f"{info['date']}, load {info['loadavg_start']} -> {info['loadavg_end']}")
        print(f"runs: {args.runs}, steady window: {args.steady:g} s, jar {info['jar']}, cloud link: {CLOUD['url']}")
        print(f"module.jvm: {' '.join(MODULE_FLAGS)} {MODULE_ENV}; extra: {EXTRA_FLAGS} {EXTRA_ENV}")
        print(table)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"machine": info, "runs": results, "summary": table}, f, indent=2)
    finally:
        for proc in list(running):
            stop(proc)
        shutil.rmtree(workroot, ignore_errors=True)


if __name__ == "__main__":
    main()
