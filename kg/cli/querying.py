"""kg query: a stored query, a .rq file or an inline SPARQL query, on the store or an endpoint."""

import sys

from kg.cli.hints import empty_answer
from kg.errors import QueryError, UsageError
from kg.queries import TABLE_CELL, StoredQuery, inline_query, list_queries, load_query, parse_params, run, \
    write_results
from kg.store.oxigraph import Store


def query(args):
    """Run a stored or inline query and print its rows; say on stderr why an answer is empty."""
    if args.list:
        for q in list_queries():
            params = ", ".join(p.name if p.required else f"[{p.name}]" for p in q.params)
            print(f"{q.name:24} {q.summary}" + (f"  (params: {params})" if params else ""))
        return
    if args.sparql is not None and args.name and "=" in args.name and not args.name.endswith(".rq"):
        args.pairs = [args.name, *args.pairs]  # kg query -e '...' entity=X: a parameter, not a name
        args.name = None
    if args.sparql is not None and args.name:
        raise UsageError("give a query name or -e SPARQL, not both")
    if args.sparql is None and not args.name:
        raise UsageError("name a stored query or a .rq file (see kg query --list), or give one with -e 'SELECT ...'")
    stored = inline_query(args.sparql) if args.sparql is not None else load_query(args.name)
    bindings = parse_params(stored, [*args.pairs, *args.param])
    if args.endpoint:
        from kg.remote.endpoint import Endpoint

        _answer(args, stored, bindings, endpoint=Endpoint(args.endpoint))
    else:
        with Store.open(args.store, read_only=True) as store:
            _answer(args, stored, bindings, store=store)


def _answer(args, stored, bindings, **where):
    def select(sparql):
        return run(StoredQuery("hint", stored.path, "", (), sparql), **where)[1]

    try:
        variables, rows = run(stored, bindings, **where)
    except QueryError as exc:
        raise QueryError(f"{stored.path}: {exc}") from exc
    cut = write_results(variables, rows, args.format, sys.stdout, full=args.full)
    if not rows:
        print(empty_answer(stored, bindings, select), file=sys.stderr)
    elif cut:
        print(f"(cells longer than {TABLE_CELL} characters are cut: --full shows them whole, "
              "--format csv or json carries everything)", file=sys.stderr)
    if "limit" in bindings and len(rows) >= int(str(bindings["limit"])) > 0:
        # a full page: say how to see the next (a listing query's page is its LIMIT, see queries/*.rq)
        start = int(str(bindings.get("offset", 0)))
        print(f"(a full page of {len(rows)} rows: offset={start + len(rows)} shows the next, "
              "limit=N a longer one)", file=sys.stderr)
