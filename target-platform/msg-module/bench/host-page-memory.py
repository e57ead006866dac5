#!/usr/bin/env python3
"""RSS of the module process with the host page (/building/) open on three browsers (issue 17).

Per run: the demo distribution (target-platform/target/msg-demo.jar) is started the way run-demo.sh starts it
(the JVM flags and environment of ../module.jvm), with the demo configuration plus a host page with three users, in a
fresh temporary directory on free loopback ports. After the grid meter is GOOD and a settling window, the module's
VmRSS/VmHWM/RssAnon are read (no page open); then three headless Chromium processes (separate profiles: three
phones) open /building/ logged in as three users and keep it open - the live flow by server-sent events every 2 s,
the energy figures, uPlot's chart, the sessions - and after a window the memory is read again, and once more after
a second window. Runs are sequential; every process is stopped at the end, also on Ctrl+C.

Usage: host-page-memory.py [--runs 2] [--settle 45] [--window 60] [--jar PATH]
"""
import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import urllib.parse
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "..", "..", "target", "msg-demo.jar")
CONF_DEMO = os.path.join(HERE, "..", "conf-demo")
MODULE_JVM = os.path.join(HERE, "..", "module.jvm")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
running = []


def read_module_jvm():
    flags, env = [], {}
    with open(MODULE_JVM, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("-"):
                flags.append(line)
            elif line and not line.startswith("#"):
                name, _, value = line.partition("=")
                env[name] = value
    return flags, env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hash_line(console_jar, user, password):
    out = subprocess.run(["java", "-cp", console_jar, "org.microsmartgrid.console.HashPassword", user],
                         input=password + "\n", capture_output=True, text=True, timeout=120, check=True)
    return out.stdout.strip().splitlines()[-1]


def memory(pid):
    m = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM", "RssAnon", "Threads"):
                m[k] = int(v.split()[0])
    return {"rss_mb": round(m["VmRSS"] / 1024, 1), "hwm_mb": round(m["VmHWM"] / 1024, 1),
            "anon_mb": round(m["RssAnon"] / 1024, 1), "threads": m["Threads"]}


def status(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as r:
            return json.loads(r.read())
    except (OSError, ValueError):
        return None


def stop_all():
    for p in running:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in running:
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()
    running.clear()


def one_run(jar, console_jar, users, settle, window):
    work = tempfile.mkdtemp(prefix="msg-host-bench-")
    try:
        conf, data = os.path.join(work, "conf"), os.path.join(work, "data")
        os.makedirs(conf)
        os.makedirs(data)
        modbus, http = free_port(), free_port()
        for name in os.listdir(CONF_DEMO):
            with open(os.path.join(CONF_DEMO, name), encoding="utf-8") as f:
                text = f.read().replace('I"5020"', f'I"{modbus}"')
            with open(os.path.join(conf, name), "w", encoding="utf-8") as f:
                f.write(text)
        with open(os.path.join(conf, "org.microsmartgrid.host.HostPage.config"), "w", encoding="utf-8") as f:
            f.write('hosts=["%s"]\nmembers=["%s","%s"]\n' % tuple(line for line, _ in users))
        flags, env = read_module_jvm()
        cmd = ["java", *flags, "-Dorg.apache.felix.http.host=127.0.0.1", f"-Dmsg.conf={conf}", f"-Dmsg.data={data}",
               "-Dmsg.demo=true", f"-Dorg.osgi.service.http.port={http}", "-jar", jar]
        log = open(os.path.join(work, "module.log"), "wb")
        module = subprocess.Popen(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **env})
        running.append(module)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            s = status(http)
            if s and any(m["id"] == "grid" and m["quality"] == "GOOD" for m in s["meters"]):
                break
            time.sleep(0.5)
        else:
            raise RuntimeError("the grid meter never became GOOD")
        time.sleep(settle)
        result = {"no_page": memory(module.pid)}
        browsers = []
        for i, (line, password) in enumerate(users):
            user = line.split(":", 1)[0]
            url = f"http://{user}:{urllib.parse.quote(password)}@127.0.0.1:{http}/building/"
            b = subprocess.Popen([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                                  "--window-size=390,844", f"--user-data-dir={work}/browser-{i}",
                                  "--remote-debugging-port=0", url],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            running.append(b)
            browsers.append(b)
        time.sleep(window)
        result["three_pages"] = memory(module.pid)
        time.sleep(window)
        result["three_pages_later"] = memory(module.pid)
        with open(os.path.join(work, "module.log"), encoding="utf-8", errors="replace") as f:
            logins = sum(1 for line in f if "Host page: user" in line and "logged in" in line)
        result["logins"] = logins
        return result
    finally:
        stop_all()
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--settle", type=int, default=45)
    ap.add_argument("--window", type=int, default=60)
    ap.add_argument("--jar", default=JAR)
    a = ap.parse_args()
    snap = tempfile.mkdtemp(prefix="msg-host-bench-jar-")
    jar = shutil.copy2(a.jar, snap)
    with zipfile.ZipFile(jar) as z:
        name = next(n for n in z.namelist() if n.startswith("jar/org.microsmartgrid.console"))
        console_jar = os.path.join(snap, "console.jar")
        with open(console_jar, "wb") as f:
            f.write(z.read(name))
    with open(jar, "rb") as f:
        print("jar", a.jar, "sha256", hashlib.sha256(f.read()).hexdigest()[:16], flush=True)
    users = []
    for user in ("host1", "member1", "member2"):
        password = hashlib.sha256(os.urandom(16)).hexdigest()[:16]
        users.append((hash_line(console_jar, user, password), password))
    signal.signal(signal.SIGTERM, lambda *_: (stop_all(), sys.exit(1)))
    try:
        for run in range(a.runs):
            print(json.dumps({"run": run + 1, "at": time.strftime("%H:%M:%S", time.gmtime()),
                              **one_run(jar, console_jar, users, a.settle, a.window)}), flush=True)
    finally:
        stop_all()
        shutil.rmtree(snap, ignore_errors=True)


if __name__ == "__main__":
    main()
