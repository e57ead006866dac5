#!/usr/bin/env python3
"""Reaction times of the balancing loop in the running module (DESIGN §10, issue 3):
  --mode overload: from an overload appearing at the grid meter to the relay commands;
  --mode silent:   from the grid meter going silent to the safe state.

The module distribution runs on the simulated building (Modbus TCP on loopback, Pi4J mock relays, the balancer on a
3 kW contract, a clear June noon so the sockets charge). Each round:
  1. wait until the balancer has sockets 1 and 3 ON;
  2. replace the simulator's configuration with one adding 6 kW of building load (an atomic file move; FileInstall
     applies it within its 1 s poll), and take T0 = the simulator's log line that applied it;
  3. T1 = the first relay line "ON -> OFF (balancer (safety))" after T0; reaction = T1 - T0;
  4. restore the configuration, wait until the sockets are back.
T0 is when the simulator's model took the new load; its registers follow at its next refresh (refresh.ms=10 here),
then the grid meter's next fast poll (250 ms) reads it and the loop decides and switches in the same cycle. So the
expected reaction is one poll interval at most plus the Modbus round trip and the decision: under 250 ms + 50 ms.
Both timestamps come from the module's own log (one clock, millisecond resolution).

Silent mode: the simulator's grid meter stops answering (faults=["grid=SILENT"]); T0 = the simulator's log line that
applied the fault, T1 = the loop's "safe state:" warning. Target: within 1 s.

Random instants: FileInstall polls the configuration every felix.fileinstall.poll ms. At the default 1000 ms (a
multiple of the 250 ms meter poll) every change lands at the same point of the poll cycle; this script runs the
module with a 1013 ms FileInstall poll and sleeps a random time before each change, so the changes fall at
instants spread over the poll cycle and the result is the distribution, not one point of it.

Usage: overload-reaction.py [--mode overload|silent] [--rounds 20] [--jar PATH]
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import json
import random
import urllib.request
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
JAR = os.path.join(ROOT, "target-platform", "target", "msg-demo.jar")  # module + simulator
CONSOLE_JAR = os.path.join(ROOT, "bundles", "org.microsmartgrid.console", "target",
                           "org.microsmartgrid.console-0.1.0-SNAPSHOT.jar")
CONF_DEMO = os.path.join(HERE, "..", "conf-demo")
SIM = "org.microsmartgrid.simulator.SimulatedBuilding.config"
STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4})")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_conf(tmp):
    conf = os.path.join(tmp, "conf")
    os.makedirs(conf)
    port = str(free_port())
    swaps = {'I"5020"': f'I"{port}"', 'min.on.ms=L"30000"': 'min.on.ms=L"1000"', 'min.off.ms=L"30000"': 'min.off.ms=L"1000"',
             'min.on.s=I"60"': 'min.on.s=I"1"', 'min.off.s=I"60"': 'min.off.s=I"1"',
             'cloudiness=D"0.3"': 'cloudiness=D"0.0"', 'building.peak.w=D"2500.0"': 'building.peak.w=D"300.0"'}
    for name in os.listdir(CONF_DEMO):
        text = open(os.path.join(CONF_DEMO, name)).read()
        for a, b in swaps.items():
            text = text.replace(a, b)
        if name == SIM:
            text += 'start.time="2026-06-10T12:00"\nrefresh.ms=I"10"\n'
        open(os.path.join(conf, name), "w").write(text)
    line = subprocess.run(["java", "-cp", CONSOLE_JAR, "org.microsmartgrid.console.HashPassword", "installer"],
                          input="benchmark-only-password\n", capture_output=True, text=True, check=True).stdout.strip()
    open(os.path.join(conf, "org.microsmartgrid.console.InstallerAuthentication.config"), "w").write(f'users=["{line}"]\n')
    return conf, open(os.path.join(conf, SIM)).read()


def write_atomic(path, text):
    tmp = path + ".tmp-write"
    open(tmp, "w").write(text)
    os.replace(tmp, path)


def status(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=5) as r:
        return json.load(r)


def wait(what, cond, port, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if cond(status(port)):
                return
        except Exception:
            pass
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {what}")


def on_by_balancer(s):
    return {r["id"] for r in s["relays"] if r["outputOn"] and r["source"] == "balancer"}


def stamp(line):
    m = STAMP.match(line)
    return datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z") if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--jar", default=JAR)
    ap.add_argument("--mode", choices=["overload", "silent"], default="overload")
    args = ap.parse_args()
    if args.mode == "overload":
        change, applied, reacted = 'load.extra.w=D"6000.0"\n', "6000 W extra", "ON -> OFF (balancer (safety))"
    else:
        change, applied, reacted = 'faults=["grid=SILENT"]\n', "faults {1=SILENT}", "safe state: "
    tmp = tempfile.mkdtemp(prefix="msg-reaction-")
    conf, sim_text = prepare_conf(tmp)
    port = free_port()
    log_path = os.path.join(tmp, "module.log")
    log = open(log_path, "w")
    proc = subprocess.Popen(["java", "-Xmx64m", "-XX:+UseSerialGC", f"-Dmsg.conf={conf}", f"-Dmsg.data={tmp}/data",
                             f"-Dorg.osgi.service.http.port={port}", "-Dfelix.fileinstall.poll=1013",
                             "-jar", args.jar],
                            cwd=tmp, stdout=log, stderr=subprocess.STDOUT)
    reactions = []
    try:
        for n in range(args.rounds):
            wait("sockets on", lambda s: {"socket-1", "socket-3"} <= on_by_balancer(s), port, 120)
            time.sleep(random.uniform(0, 1.0))
            mark = os.path.getsize(log_path)
            write_atomic(os.path.join(conf, SIM), sim_text + change)
            wait("all off", lambda s: not any(r["outputOn"] for r in s["relays"]), port, 30)
            time.sleep(0.3)
            with open(log_path) as f:
                f.seek(mark)
                lines = f.read().splitlines()
            t0 = next(stamp(l) for l in lines if applied in l)
            t1 = next(stamp(l) for l in lines if reacted in l and stamp(l) and stamp(l) >= t0)
            reactions.append((t1 - t0).total_seconds() * 1000)
            print(f"round {n + 1}: {reactions[-1]:.0f} ms", flush=True)
            write_atomic(os.path.join(conf, SIM), sim_text)
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    r = sorted(reactions)
    p = lambda q: r[min(len(r) - 1, int(round(q * (len(r) - 1))))]
    what = "overload -> relays OFF" if args.mode == "overload" else "silent grid meter -> safe state"
    print(f"\n{what} over Modbus TCP, {len(r)} rounds, grid poll 250 ms:")
    print(f"  median {statistics.median(r):.0f} ms, p90 {p(0.9):.0f} ms, p99 {p(0.99):.0f} ms, min {r[0]:.0f} ms, max {r[-1]:.0f} ms")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
