"""Which message keys the code uses: a Babel extraction method, so that ``pybabel
extract`` (``make translations``) writes the catalogue template from the code, and the
tests' check that no key is missing or unused.

Keys are stable ids ("kpi.completed"), written three ways in the code:

- the first argument of ``t(...)`` or ``nt(...)``: always a key, known or new;
- any other string equal to a known key (tables of keys, such as ``export.DEFINITIONS``);
- a family, ``f"severity.{s}"`` or ``"table." + name``: every known key that starts
  with the family's fixed part.

A key is known when the English catalogue has it; the template carries its English text
as a comment, which ``pybabel update`` copies beside each translation for translators.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from bomca_data import i18n

KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$")
LOOKUPS = ("t", "nt")
# the code that shows text; tests and benchmarks only read it
SOURCES = ("app.py", "pages", "bomca_data")


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel's extraction-method interface: (line, function, message, comments)."""
    tree = ast.parse(fileobj.read())
    for line, key in sorted(_keys_in(tree)):
        if i18n.is_plural(key):
            yield line, "ngettext", (key, key), _english(key)
        else:
            yield line, "gettext", key, _english(key)


def used_keys(root: Path = i18n.ROOT) -> dict[str, str]:
    """Every key the code uses, with the first place ("pages/overview.py:12")."""
    found: dict[str, str] = {}
    for path in _sources(root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, key in sorted(_keys_in(tree)):
            found.setdefault(key, f"{path.relative_to(root)}:{line}")
    return found


def _sources(root: Path) -> Iterator[Path]:
    for name in SOURCES:
        path = root / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _keys_in(tree: ast.AST) -> set[tuple[int, str]]:
    known = i18n.message_keys()
    found: set[tuple[int, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in LOOKUPS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add((node.lineno, first.value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in known:
                found.add((node.lineno, node.value))
        elif (prefix := _family(node)) is not None:
            found |= {(node.lineno, key) for key in known if key.startswith(prefix)}
    return found


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _family(node: ast.AST) -> str | None:
    """The fixed start of a key built at run time: f"col.{c}" or "table." + name."""
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        start = first.value if isinstance(first, ast.Constant) else ""
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and \
            isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
        start = node.left.value
    else:
        return None
    return start if KEY.match(start + "x") and start.endswith((".", "_")) else None


def _english(key: str) -> list[str]:
    message = i18n.catalogue(i18n.DEFAULT_LANGUAGE).get(key)
    if message is None:
        return []
    texts = message.string if isinstance(message.string, tuple) else (message.string,)
    return [text for text in texts if text]


def unused_keys(root: Path = i18n.ROOT) -> list[str]:
    """Keys of the English catalogue that no code uses: `make translations` would drop
    them from the Russian catalogue."""
    used = used_keys(root)
    return sorted(k for k in i18n.message_keys() if k not in used)


def main() -> int:
    """`make translations` runs this first: it stops, naming them, when the English
    catalogue has keys no code uses yet (use a key in the code before updating the
    catalogues, or it is dropped from the Russian one)."""
    unused = unused_keys()
    if unused:
        print("error: keys in locales/en/LC_MESSAGES/messages.po that no code uses yet "
              f"(use them first, or `make translations` drops them): {', '.join(unused)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
