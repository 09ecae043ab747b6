"""The Dask recipe: nquads_partition over a dask.bag on a local 2-worker cluster gives the single-process quads."""

import pyoxigraph as ox
import pytest

import dask.bag as db
from distributed import Client, LocalCluster

from kg import nquads_partition

pytestmark = pytest.mark.model

RECORDS = [
    {"id": "a", "text": "Joe Biden called Volodymyr Zelensky on Friday.", "published": "2021-04-03"},
    {"id": "b", "text": "Japanese Prime Minister Fumio Kishida met Canadian Prime Minister Justin Trudeau in Tokyo."},
    {"id": "c", "text": "Boris Johnson held talks with Narendra Modi in London.", "title": "Talks"},
    {"id": "d", "text": "Russia annexed Crimea in 2014.\n\nThe United Nations condemned it."},
]


def test_parallel_dask_cluster_gives_the_single_process_quads():
    expected = nquads_partition(RECORDS)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        bag = db.from_sequence(RECORDS, npartitions=2)
        lines = bag.map_partitions(nquads_partition).compute()
        workers = client.scheduler_info()["workers"]
    assert len(workers) == 2 and all(address.startswith("tcp://127.0.0.1:") for address in workers)
    assert lines == expected
    graphs = {q.graph_name.value for q in ox.parse("\n".join(lines).encode(), format=ox.RdfFormat.N_QUADS)}
    assert len(graphs) == len(RECORDS)
