"""The layer rules of DESIGN.md, checked so rule and code stay together."""

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
