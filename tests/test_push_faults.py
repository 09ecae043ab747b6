"""Transport faults between kg push and a real Oxigraph: 500, 503 with Retry-After, slowness, resets."""

import time

import pytest

from kg.errors import ServerError
from kg.remote.push import push
from sample_data import local_quads_by_graph

METHODS = ["update", "gsp"]


def push_via(store, base, method, **options):
    """Push through a relay at base, by method, retrying quickly unless told otherwise."""
    options = {"retries": 2, "backoff": 0.01, "timeout": 10, **options}
    return push(store, base + "/query", update_endpoint=base + "/update", graph_store=base + "/store",
                method=method, use_log=False, **options)


@pytest.mark.parametrize("method", METHODS)
def test_push_faults_500_is_retried_then_reported_with_the_reply(method, sample_store, server, relay):
    base, handler = relay(faults=["500", "500"])
    push_via(sample_store, base, method)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    # two refusals of the ASK probe, the probe, then one PUT per graph (gsp) or one update for both
    assert handler.count == (4 if method == "update" else 5)
    handler.faults[:] = ["500"] * 3
    with pytest.raises(ServerError, match="HTTP 500") as err:
        push_via(sample_store, base, method)
    assert err.value.status == 500 and "fault injected" in err.value.body and err.value.exit_code == 1


@pytest.mark.parametrize("method", METHODS)
def test_push_faults_503_waits_as_long_as_retry_after_says(method, sample_store, server, relay):
    base, _ = relay(faults=["503 retry-after=1"])
    start = time.monotonic()
    push_via(sample_store, base, method)
    assert time.monotonic() - start >= 1.0  # not the 0.01 s back-off
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)


@pytest.mark.parametrize("method", METHODS)
def test_push_faults_slow_server_times_out_then_retries(method, sample_store, server, relay):
    base, handler = relay(faults=["slow=2"])
    start = time.monotonic()
    push_via(sample_store, base, method, timeout=0.5, retries=1)
    assert time.monotonic() - start < 1.8  # the time-out fired before the server's 2 s
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    handler.faults[:] = ["slow=2", "slow=2"]
    with pytest.raises(ServerError, match="no answer.*timed out"):
        push_via(sample_store, base, method, timeout=0.5, retries=1)


@pytest.mark.parametrize("method", METHODS)
def test_push_faults_reset_mid_body_is_retried(method, sample_store, server, relay):
    base, handler = relay(faults=["reset"])
    push_via(sample_store, base, method)
    assert server.quads_by_graph() == local_quads_by_graph(sample_store)
    handler.faults[:] = ["reset", "reset"]
    with pytest.raises(ServerError, match="no answer"):
        push_via(sample_store, base, method, retries=1)
