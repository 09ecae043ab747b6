"""Worker processes die with their parent (issue #15): a SIGKILLed `kg ingest --workers 2` left its two
workers (250 MB each) and the resource tracker running for minutes. Here a parent running map_chunks on
two spawned workers, and a kg serve with a query worker busy, are SIGKILLed; their children must go."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.parse
import urllib.request

import pytest

PARENT = textwrap.dedent("""
    import sys, time
    from kg.pipeline.parallel import map_chunks
    from slow import slow
    for result in map_chunks(slow, range(100), 2, chunk=1):
        print(result, flush=True)
""")


def children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_gone(pids, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.2)
    return [p for p in pids if alive(p)]


def test_workers_die_with_a_sigkilled_parent(tmp_path):
    (tmp_path / "slow.py").write_text("import os, time\ndef slow(batch):\n    time.sleep(120)\n    return batch\n")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    parent = subprocess.Popen([sys.executable, "-c", PARENT], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while len(children(parent.pid)) < 3 and time.monotonic() < deadline:  # 2 workers + resource tracker
            time.sleep(0.2)
        kids = children(parent.pid)
        assert len(kids) >= 2, kids
        time.sleep(1.0)  # the workers are past their start-up, inside slow()
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert wait_gone(kids) == []


@pytest.fixture
def busy_server(sample_store, store_path):
    sample_store.close()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "--store", str(store_path), "serve", "--bind",
                             "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    assert "serving" in line, line
    yield proc, line.split("http://")[1].split("/")[0]
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def test_workers_of_kg_serve_die_with_a_sigkilled_server(busy_server):
    proc, address = busy_server
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    url = f"http://{address}/query?" + urllib.parse.urlencode({"query": cross})
    import threading
    threading.Thread(target=lambda: _ignore(url), daemon=True).start()
    deadline = time.monotonic() + 60
    while not children(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    kids = children(proc.pid)
    assert kids
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert wait_gone(kids) == []


def _ignore(url):
    try:
        urllib.request.urlopen(url, timeout=60).read()
    except OSError:
        pass
