"""The dashboard's pages, each declared once: its script, title (a catalogue key), icon,
the table it needs beyond activities, the charts it draws on the demo, who sees it and
what it answers. app.py builds the menu from it, ``page.start`` reads a page's needs
from it, the tests and benchmarks open every page from it, and README's page table is
checked against it (tests/test_pages.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    path: str  # the script, "pages/overview.py"
    title: str  # catalogue key of its title (and of its name in the menu)
    icon: str  # a Material icon, drawn from the font Streamlit ships (no network)
    charts_on_demo: int  # the charts it draws on the bundled demo (tests check the count)
    answers: str  # what it answers, in README's page table (English; docs only)
    needs: str | None = None  # a table besides activities, without which it says so
    editors: bool = False  # in the menu of editors only
    default: bool = False  # the page at "/"

    @property
    def url(self) -> str:
        """Its address below the app's ("" for the default page)."""
        return "" if self.default else self.path.removeprefix("pages/").removesuffix(".py")


PAGES: tuple[Page, ...] = (
    Page("pages/overview.py", "page.overview", ":material/home:", 4, "on track? headline "
         "figures, the 54-month timeline, completed by component and country, against "
         "yearly targets", default=True),
    Page("pages/countries.py", "page.countries", ":material/map:", 3, "a map of Central Asia "
         "(Natural Earth outlines shipped in `bomca_data/geo/`, no tiles), country by "
         "component and by year"),
    Page("pages/components.py", "page.components", ":material/category:", 7, "each component "
         "by activity type, status and year, against its targets; what was not done, and why"),
    Page("pages/timeline.py", "page.timeline", ":material/timeline:", 3, "activities per "
         "quarter, completed against the cumulative target, every activity, steering-group "
         "meetings"),
    Page("pages/participants.py", "page.participants", ":material/groups:", 8, "attendances "
         "and unique people by country, agency type and year; women's share; agencies "
         "reached most", needs="participants"),
    Page("pages/followup.py", "page.followup", ":material/task_alt:", 5, "recommendations by "
         "status, country, component and type; overdue ones first", needs="recommendations"),
    Page("pages/meeting.py", "page.meeting", ":material/co_present:", 5, "one country (or the "
         "region) on a projector: the period since its previous steering meeting (and what "
         "was not done in it, and why), open recommendations, the plan; the PowerPoint "
         "meeting pack"),
    Page("pages/published.py", "page.published", ":material/campaign:", 0, "each figure the "
         "programme published (the optional `published` table) beside the same figure from "
         "the data, as of its date and scope: agrees, disagrees or not computable, with what "
         "it counts one click below", needs="published"),
    Page("pages/data_quality.py", "page.quality", ":material/fact_check:", 1, "rows read, "
         "valid and excluded; every issue, filterable and downloadable; the template"),
    Page("pages/data.py", "page.data", ":material/upload_file:", 0, "(editors) upload new "
         "spreadsheets, check them, accept; the history of versions and rollback",
         editors=True),
)
BY_TITLE = {p.title: p for p in PAGES}
BY_PATH = {p.path: p for p in PAGES}


def readme_table(title) -> str:
    """README's page table, ``title(key)`` naming each page."""
    rows = [f"| {title(p.title)} | {p.answers} |" for p in PAGES]
    return "\n".join(["| page | what it answers |", "|---|---|", *rows])
