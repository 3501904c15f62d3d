"""`python -m bomca_data validate|summary|report|...`: the contract's command-line interface.

Exit codes: 0 no error, 1 errors found, 2 the source cannot be read or the call is
wrong. Bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

# what every command needs, none of which imports pandas: a command that reads a
# source starts reading its workbooks (readahead) before it imports the rest; the
# writers (python-pptx, openpyxl), the data folder's store and the sign-in code are
# imported only by the commands that use them
from bomca_data import contract, i18n
from bomca_data.contract import issues
from bomca_data.source import location, readahead

if TYPE_CHECKING:
    from bomca_data.filters import Filters
    from bomca_data.model import Dataset

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date as YYYY-MM-DD") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bomca_data", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("validate", "check a source and list every issue"),
                       ("summary", "print the headline figures as of a date"),
                       ("published", "check each published figure (the published table) "
                                     "against the data; exit 1 when one disagrees")):
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("path", nargs="?", help="a folder or a workbook (default: "
                         "$BOMCA_DATA, else the bundled demonstration data)")
        sub.add_argument("--data", dest="data", help="same as PATH")
        sub.add_argument("--format", choices=("text", "json"), default="text")
        if name == "validate":
            sub.add_argument("--lang", choices=i18n.LANGUAGES, default="en",
                             help="the language of the messages")
        if name != "published":  # each statement has its own date
            sub.add_argument("--as-of", type=_date, help="YYYY-MM-DD")
        if name == "summary":
            _add_filters(sub)
    sub = commands.add_parser("brief", help="write a steering-group meeting pack (.pptx)")
    sub.add_argument("path", nargs="?", help="a folder or a workbook")
    sub.add_argument("--data", dest="data", help="same as PATH")
    sub.add_argument("--country", required=True, type=str.upper,
                     choices=(*contract.NATIONAL_COUNTRIES, contract.REGION),
                     help=f"{contract.REGION} for the region")
    sub.add_argument("--as-of", type=_date, help="YYYY-MM-DD")
    sub.add_argument("--since", type=_date, help="period start (default: the previous meeting)")
    sub.add_argument("--out", required=True, type=Path, help="the .pptx file to write")
    sub.add_argument("--lang", choices=i18n.LANGUAGES, default="en")
    sub.add_argument("--dashboard-url", help="where the dashboard is served (default: "
                     "programme.toml's dashboard_url): the title slide links to it")
    sub = commands.add_parser("import", help="make files the new version of a managed folder")
    sub.add_argument("files", nargs="+", type=Path, help="workbooks or table files")
    sub.add_argument("--data", dest="data", help="the data folder (default: $BOMCA_DATA)")
    sub.add_argument("--allow-errors", action="store_true",
                     help="accept even with errors; the rows concerned are excluded")
    sub.add_argument("--user", default=os.environ.get("USER", "cli"), help="recorded in history")
    sub.add_argument("--lang", choices=i18n.LANGUAGES, default="en",
                     help="the language of the messages")
    commands.add_parser("hash-password", help="print a salted scrypt hash of a password "
                        "(read from the terminal or standard input) for secrets.toml")
    sub = commands.add_parser("history", help="list the versions of a managed folder")
    sub.add_argument("--data", dest="data", help="the data folder (default: $BOMCA_DATA)")
    sub = commands.add_parser("rollback", help="make an earlier version current again")
    sub.add_argument("version", help="e.g. v0002 (see history)")
    sub.add_argument("--data", dest="data", help="the data folder (default: $BOMCA_DATA)")
    sub.add_argument("--user", default=os.environ.get("USER", "cli"), help="recorded in history")
    for name, text, out in (
            ("export", "write the (filtered) data as one Excel workbook", "the .xlsx file"),
            ("report", "write the report of a view (or with --final, the phase's results "
             "report) as one self-contained .html file, or a .pdf (printed by Chromium: "
             "apt-get install chromium, or $BOMCA_CHROMIUM)", "the .html or .pdf file")):
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("path", nargs="?", help="a folder or a workbook")
        sub.add_argument("--data", dest="data", help="same as PATH")
        sub.add_argument("--out", required=True, type=Path, help=f"{out} to write")
        _add_filters(sub)
        sub.add_argument("--as-of", type=_date, help="YYYY-MM-DD")
        sub.add_argument("--lang", choices=i18n.LANGUAGES, default="en")
    sub.add_argument("--final", action="store_true", help="the phase's results report: the "
                     "whole programme from its start to its end (or the data's date); "
                     "filters and --as-of do not apply")
    sub = commands.add_parser("contract", help="write the data contract document (Markdown) "
                              "from the code that defines it")
    sub.add_argument("--out", type=Path, help="the file to write (default: standard output)")
    return parser


def _add_filters(sub: argparse.ArgumentParser) -> None:
    """The dashboard's filters, so that any view can be reproduced here (each option
    repeatable; the same codes as in the dashboard's links)."""
    for option, kind, choices in (
            ("--country", "countries", (*contract.NATIONAL_COUNTRIES, contract.REGION)),
            ("--component", "components", contract.codes(contract.COMPONENTS)),
            ("--type", "types", contract.codes(contract.ACTIVITY_TYPES)),
            ("--status", "statuses", contract.codes(contract.ACTIVITY_STATUSES))):
        sub.add_argument(option, dest=kind, action="append", default=[], choices=choices,
                         type=str.upper if kind in ("countries", "components") else str,
                         help="repeatable")
    sub.add_argument("--years-as", dest="year_kind", choices=contract.YEAR_KINDS,
                     default="programme", help="programme years (Y1..) or calendar years")
    sub.add_argument("--year", dest="years", action="append", default=[],
                     help="repeatable: Y1.. (programme years) or 2022.. (calendar years)")


def chosen_filters(args: argparse.Namespace, dataset: Dataset) -> Filters:
    """The filters asked for; an unknown year is a wrong call (exit 2)."""
    from bomca_data import filters

    allowed = filters.options(dataset.programme, args.year_kind)["years"]
    wrong = [y for y in args.years if y not in allowed]
    if wrong:
        raise ValueError(f"unknown year {', '.join(wrong)} (with --years-as "
                         f"{args.year_kind}: {', '.join(allowed)})")
    return filters.Filters(countries=tuple(args.countries), components=tuple(args.components),
                           years=tuple(args.years), types=tuple(args.types),
                           statuses=tuple(args.statuses), year_kind=args.year_kind)


def validation_report(dataset: Dataset, lang: str = i18n.DEFAULT_LANGUAGE) -> dict:
    return {
        "source": str(dataset.source),
        "tables": {name: {"rows_read": s.rows_read, "rows_valid": s.rows_valid,
                          "rows_excluded": s.rows_excluded, "file": s.file, "sheet": s.sheet}
                   for name, s in dataset.stats.items()},
        "issues": [issue.as_json(lang) for issue in dataset.issues],
    }


def _validate(dataset: Dataset, fmt: str, lang: str) -> int:
    if fmt == "json":
        print(json.dumps(validation_report(dataset, lang), ensure_ascii=False, indent=1))
    else:
        for issue in dataset.issues:
            print(issue.as_line(lang))
        counts = Counter(i.severity for i in dataset.issues)
        rows = ", ".join(i18n.t("cli.rows_valid", lang, table=i18n.t(f"table.{name}", lang),
                                valid=s.rows_valid, read=s.rows_read)
                         for name, s in dataset.stats.items())
        print(i18n.t("cli.validated", lang, source=str(dataset.source),
                     errors=i18n.nt("cli.errors", counts["error"], lang),
                     warnings=i18n.nt("cli.warnings", counts["warning"], lang),
                     infos=i18n.nt("cli.infos", counts["info"], lang),
                     rows=rows or i18n.t("cli.no_tables", lang)), file=sys.stderr)
    return EXIT_ERRORS if dataset.has_errors else EXIT_OK


def _summary(dataset: Dataset, as_of: dt.date, fmt: str,
             chosen: Filters) -> int:
    from bomca_data import figures, filters

    found = figures.summary(filters.apply(dataset, chosen, as_of), as_of)
    if chosen.active or chosen.year_kind != "programme":
        found["filters"] = chosen.to_query()
    if fmt == "json":
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"As of {found['as_of']} ({dataset.source})")
    for section, values in found.items():
        if section == "as_of":
            continue
        print(f"{section}:")
        for key, value in values.items():
            if isinstance(value, float):
                value = f"{value:.1%}"
            elif isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
            print(f"  {key}: {'-' if value is None else value}")
    if dataset.rows_excluded:
        print(f"({i18n.nt('banner.excluded', dataset.rows_excluded)})")
    return EXIT_OK


def _managed(args: argparse.Namespace) -> int:
    """import, history and rollback: 0 done, 1 refused (errors listed), 2 bad call."""
    from bomca_data import store
    from bomca_data.source.read import SourceError

    folder = location.resolve_source(args.data)
    if folder == location.DEMO_DIR:
        print("error: the bundled demonstration data is read-only: name a data folder with "
              "--data or $BOMCA_DATA", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        if args.command == "history":
            for v in store.versions(folder):
                rows = ", ".join(f"{t} {n}" for t, n in v.rows.items())
                print(f"{'*' if v.current else ' '} {v.name}  {v.time}  {v.user}  {rows}")
            return EXIT_OK
        if args.command == "rollback":
            store.rollback(folder, args.version, args.user)
            print(f"{args.version} is current")
            return EXIT_OK
        missing = [str(p) for p in args.files if not p.is_file()]
        if missing:
            raise store.StoreError(f"no such file: {', '.join(missing)}")
        dataset, version = store.import_files(folder, args.files, args.user, args.allow_errors)
    except store.AlreadyCurrent as exc:  # the same files again: nothing to do
        print(f"{exc.version} is current (the same files: no new version)", file=sys.stderr)
        return EXIT_OK
    except (store.StoreError, SourceError, OSError) as exc:
        lang = getattr(args, "lang", i18n.DEFAULT_LANGUAGE)
        print(f"error: {issues.text(exc.args[0], lang)}", file=sys.stderr)
        return EXIT_UNREADABLE
    for issue in dataset.issues:
        print(issue.as_line(args.lang))
    if version is None:
        print(i18n.nt("cli.refused", sum(i.severity == "error" for i in dataset.issues),
                      args.lang), file=sys.stderr)
        return EXIT_ERRORS
    print(f"{version} is current", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "report":
            from bomca_data.outputs import report

            if why := report.refused(args.out):  # a wrong kind, no Chromium: before any work
                raise OutputError(why)
        if getattr(args, "out", None) is not None:
            check_out(args.out)  # before any work
        return _command(args)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE


def _command(args: argparse.Namespace) -> int:
    if args.command in ("import", "history", "rollback"):
        return _managed(args)
    if args.command == "contract":
        from bomca_data.contract import document

        text = document.document()
        if args.out is None:
            print(text, end="")
        else:
            _write(args.out, text.encode("utf-8"))
        return EXIT_OK
    if args.command == "hash-password":
        password = (getpass.getpass("Password: ") if sys.stdin.isatty()
                    else sys.stdin.readline().rstrip("\n"))
        if not password:
            print("error: an empty password", file=sys.stderr)
            return EXIT_UNREADABLE
        from bomca_data import access

        print(access.hash_password(password))
        return EXIT_OK
    return _with_dataset(args)


def _with_dataset(args: argparse.Namespace) -> int:
    """The commands that read a source. Its workbooks are checked and read on a thread
    while the code that cleans and counts them is imported (``readahead``)."""
    readahead.start(location.resolve_source(args.data or args.path))
    from bomca_data.model import load_dataset
    from bomca_data.source.read import SourceError

    try:
        dataset = load_dataset(args.data or args.path)
    except SourceError as exc:
        lang = getattr(args, "lang", i18n.DEFAULT_LANGUAGE)
        print(f"error: {issues.text(exc.args[0], lang)}", file=sys.stderr)
        if getattr(args, "format", "text") == "json" and isinstance(exc.args[0], issues.Message):
            print(json.dumps({"error": exc.args[0].as_json()}, ensure_ascii=False))
        return EXIT_UNREADABLE
    if args.command == "published":
        return _published(dataset, args.format)
    as_of = args.as_of or dataset.default_as_of()
    if args.command == "validate":
        return _validate(dataset, args.format, args.lang)
    if args.command == "brief":
        from bomca_data.figures import meeting_brief
        from bomca_data.outputs import meeting_pack

        b = meeting_brief.build(dataset, args.country, as_of, args.since)
        _write(args.out, meeting_pack.meeting_pack(b, args.lang, dataset.source_name(),
                                           args.dashboard_url))
        return EXIT_OK
    try:
        chosen = chosen_filters(args, dataset)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.command == "export":
        from bomca_data.outputs import export

        _write(args.out, export.workbook_bytes(dataset, chosen, as_of, args.lang))
        return EXIT_OK
    if args.command == "report":
        from bomca_data.outputs import report

        try:
            made = report.make(args.out.suffix)(dataset, chosen, as_of, args.lang, args.final)
        except report.PdfUnavailable as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
        _write(args.out, made)
        return EXIT_OK
    return _summary(dataset, as_of, args.format, chosen)


def _published(dataset: Dataset, fmt: str) -> int:
    import pandas as pd

    from bomca_data.figures import published

    found = published.register(dataset)
    disagree = int((found["verdict"] == "disagrees").sum())
    if fmt == "json":
        statements = [{
            "statement_id": r.statement_id, "date": r.date.date().isoformat(),
            "source": r.source, "link": None if pd.isna(r.link) else r.link,
            "indicator": r.indicator,
            "scope": {"country": None if pd.isna(r.country) else r.country,
                      "component": None if pd.isna(r.component) else r.component,
                      "year": None if pd.isna(r.year) else int(r.year)},
            "comparison": r.comparison, "published": r.value, "computed": r.computed,
            "verdict": r.verdict, "reason": r.reason} for r in found.itertuples()]
        print(json.dumps({"source": str(dataset.source), "statements": statements,
                          "disagree": disagree}, ensure_ascii=False, indent=1))
    else:
        for r in found.itertuples():
            computed = "-" if r.computed is None or pd.isna(r.computed) else f"{r.computed:g}"
            scope = ", ".join(str(v if not isinstance(v, float) else int(v))
                              for v in (r.country, r.component, r.year) if not pd.isna(v))
            print(f"{r.statement_id} {r.date.date()} {r.indicator}"
                  f"{f' [{scope}]' if scope else ''} {r.comparison} "
                  f"{r.value:g}: computed {computed}, {r.verdict.replace('_', ' ')}"
                  f"{f' ({r.reason})' if isinstance(r.reason, str) else ''} - {r.source}")
        if dataset.table("published") is None:
            print(f"{dataset.source}: no published table", file=sys.stderr)
    return EXIT_ERRORS if disagree else EXIT_OK


class OutputError(Exception):
    """An --out path that cannot be written: the message names it and says why."""


def check_out(path: Path) -> None:
    """Refuse, before any work, an --out that is a folder, a symbolic link (it would
    overwrite whatever it points at) or in a folder that cannot be written."""
    if path.is_symlink():
        raise OutputError(f"--out {path}: is a symbolic link; name a file instead")
    if path.is_dir():
        raise OutputError(f"--out {path}: is a folder; name a file in it")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest existing folder: where it would be created
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"--out {path}: {folder} cannot be written to")


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place:
    a failure leaves no half-written file, and a link put there meanwhile is replaced,
    never followed."""
    import tempfile

    check_out(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name[:50]}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(temp, 0o644)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"--out {path}: {exc.strerror or exc}") from exc
    print(path)
