"""The layer rules (README, "Where things are"), checked so rule and code stay together."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bomca_data"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_streamlit_outside_ui():
    offenders = [p.relative_to(ROOT) for p in PACKAGE.rglob("*.py")
                 if "ui" not in p.relative_to(PACKAGE).parts[:1] and "streamlit" in _imports(p)]
    assert offenders == []


def test_pages_do_not_read_files_or_use_pandas():
    for page in (ROOT / "pages").glob("*.py"):
        imports = _imports(page)
        assert not imports & {"pandas", "openpyxl", "fastexcel", "pathlib", "os"}, page.name


def test_pages_have_no_literal_ui_strings():
    """Text shown to people comes from i18n: no string literal is passed to st.* calls."""
    for page in [*(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        tree = ast.parse(page.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    getattr(node.func.value, "id", None) == "st" and node.args:
                first = node.args[0]
                assert not (isinstance(first, ast.Constant) and isinstance(first.value, str)
                            and node.func.attr not in {"Page", "set_page_config"}), (
                    f"{page.name}:{node.lineno} st.{node.func.attr}({first.value!r})")


def _module_graph() -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports, at the top or
    inside a function (an import hidden in a function is still a dependency)."""
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
               for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules
                          else node.module for a in node.names}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of the graph ([] when there is none), by depth-first search."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_no_import_cycle_in_the_package():
    graph = _module_graph()
    assert len(graph) > 30 and "bomca_data.model" in graph["bomca_data.store"]
    assert _cycle(graph) == [], " -> ".join(_cycle(graph))


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]


def _sources() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")),
            *sorted(PACKAGE.rglob("*.py"))]


def test_no_module_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in _sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_no_function_takes_more_than_six_parameters():
    """A longer list is a sign the arguments belong together (a Text, a Box, a Chart)."""
    found = {}
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                a = node.args
                names = [*a.posonlyargs, *a.args, *a.kwonlyargs]
                count = len(names) + (a.vararg is not None) + (a.kwarg is not None)
                count -= bool(names and names[0].arg in ("self", "cls"))
                if count > 6:
                    found[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = count
    assert found == {}
