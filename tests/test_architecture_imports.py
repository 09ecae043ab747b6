"""The import graph of kg/ has no cycle: every `import` and `from ... import`, at any depth of the code
(function-level imports included), resolved to the kg module it names."""

import ast
from pathlib import Path

KG = Path(__file__).resolve().parent.parent / "kg"


def module_name(path):
    """Return the dotted name of a module file under kg/."""
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def kg_modules():
    """Return {dotted name: path} of every module of kg/."""
    return {module_name(p): p for p in sorted(KG.rglob("*.py"))}


def imports_of(name, path, modules):
    """Return the kg modules one module imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:  # `from kg.cli import commands` imports the module kg.cli.commands
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def import_graph():
    """Return {module: set of kg modules it imports}."""
    modules = kg_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def find_cycle(graph):
    """Return one import cycle as a list of modules (first == last), or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_architecture_no_import_cycle_in_kg():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_architecture_cycle_finder_finds_a_function_level_cycle(tmp_path):
    graph = {"kg.a": {"kg.b"}, "kg.b": {"kg.c"}, "kg.c": {"kg.a"}, "kg.d": set()}
    assert find_cycle(graph) == ["kg.a", "kg.b", "kg.c", "kg.a"]
    (tmp_path / "m.py").write_text("def f():\n    from kg.x import y\n")
    assert imports_of("kg.m", tmp_path / "m.py", {"kg.x", "kg.m"}) == {"kg.x"}


def test_architecture_walks_every_package():
    graph = import_graph()
    for package in ("kg.extract", "kg.extract.rules", "kg.rdf", "kg.store", "kg.remote", "kg.web", "kg.cli",
                    "kg.pipeline"):
        assert package in graph
    assert "kg.extract.sources" in graph["kg.extract.extractor"]


def test_architecture_only_the_store_imports_pyoxigraph():
    outside = sorted(name for name, path in kg_modules().items() if not name.startswith("kg.store")
                     and any(m == "pyoxigraph" or m.startswith("pyoxigraph.") for m in _all_imports(path)))
    assert outside == []


def _all_imports(path):
    """Return every module name an import statement of a file names (absolute imports only)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
    return found
