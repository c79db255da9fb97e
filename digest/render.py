"""Briefing -> HTML page, PDF (WeasyPrint), email (inlined-CSS HTML + 72-column text).

Templates are Jinja2 with autoescape on for .html/.xml: article text is always data, never
markup. Lookup: the config's [render] templates folder first, then the built-in `templates/`.
Every file goes through `write_file`, which writes a temporary file and renames it into place,
so a crash leaves the old file or none, never half of one.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import logging
import os
import re
import tempfile
import textwrap
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

import jinja2

from digest.config import Config
from digest.errors import DigestError, TemplateError, TemplateMissing
from digest.text import ends_sentence

if TYPE_CHECKING:  # render sits below briefing in the module map; it only reads the object
    from digest.briefing import Briefing

logger = logging.getLogger(__name__)

def _builtin_templates() -> Path:
    """templates/ beside the package in a checkout (an editable install); in an installed wheel,
    the same files shipped as the digest_templates package (see pyproject.toml)."""
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("digest_templates")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return checkout


BUILTIN_TEMPLATES = _builtin_templates()
FORMATS = ("html", "pdf", "email")
ARTICLES_PER_SECTION = 25  # beyond this a section lists its cited articles first; Sources has them all
EMAIL_BUDGET = 100_000  # bytes; Gmail clips messages over about 102 KB
TEXT_WIDTH = 72


# --- templates ------------------------------------------------------------------------------


def template_folders(config: Config) -> list[Path]:
    """Where templates are looked up, in order."""
    folders = [Path(config.render.templates)] if config.render.templates else []
    return [*folders, BUILTIN_TEMPLATES]


@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=True, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        longdate=longdate, shortdate=shortdate, datetime=format_datetime, wrap=wrap, plural=plural, cites=cites,
        window=window_label, unquote=unquote, lead_articles=lead_articles, stop=stop,
    )
    return env


def environment(config: Config) -> jinja2.Environment:
    return _environment(tuple(template_folders(config)))


def get_template(config: Config, name: str) -> jinja2.Template:
    """The first template called `name` in the lookup folders.

    Raises TemplateMissing naming every path searched, TemplateError when it does not compile.
    """
    folders = template_folders(config)
    try:
        return environment(config).get_template(name)
    except jinja2.TemplateNotFound as exc:
        missing = exc.name or name
        searched = ", ".join(str(f / missing) + ("" if f.is_dir() else " (no such folder)") for f in folders)
        hint = f"; add it to {folders[0]}" if config.render.templates else "; set [render] templates to a folder holding it"
        raise TemplateMissing(f"template {missing!r} not found; searched: {searched}{hint}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template {exc.filename or name}, line {exc.lineno}: {exc.message}") from None


def render_template(config: Config, name: str, **context) -> str:
    template = get_template(config, name)
    try:
        return template.render(**context)
    except jinja2.TemplateNotFound as exc:  # an {% include %} or {% extends %} inside it
        get_template(config, exc.name or name)
        raise
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template {name} failed to render: {exc.__class__.__name__}: {exc}") from None


def _context(briefing: Briefing, config: Config, **extra) -> dict:
    return {"briefing": briefing, "paper": config.render.paper, "tz": ZoneInfo(briefing.timezone), **extra}


# --- filters --------------------------------------------------------------------------------


def _local(value: datetime | date, tz: ZoneInfo | None) -> datetime | date:
    if isinstance(value, datetime) and tz is not None and value.tzinfo is not None:
        return value.astimezone(tz)
    return value


def longdate(value: date | datetime | None, tz: ZoneInfo | None = None) -> str:
    """Saturday 22 November 2026"""
    if value is None:
        return ""
    value = _local(value, tz)
    return f"{value:%A} {value.day} {value:%B %Y}"


def shortdate(value: date | datetime | None, tz: ZoneInfo | None = None) -> str:
    """22 Nov 2026"""
    if value is None:
        return ""
    value = _local(value, tz)
    return f"{value.day}\u00a0{value:%b}\u00a0{value:%Y}"


def format_datetime(value: datetime | None, tz: ZoneInfo | None = None) -> str:
    """22 Nov 2026, 07:00"""
    if value is None:
        return ""
    value = _local(value, tz)
    return f"{value.day} {value:%b %Y, %H:%M}"


def stop(text: str) -> str:
    """`text` ending in one full stop: "Talks resume." and "Talks resume?" stay as they are."""
    text = text.rstrip()
    return text if not text or ends_sentence(text, quote_ends=False) else text + "."


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def cites(numbers: Iterable[int]) -> str:
    """[1, 4] as plain text."""
    numbers = list(numbers)
    return f"[{', '.join(map(str, numbers))}]" if numbers else ""


def lead_articles(section, cited: Iterable[int], limit: int = ARTICLES_PER_SECTION) -> list:
    """The articles a section lists in full: all of them up to `limit`; beyond it, the cited
    ones first, then the newest, kept in source-number order. A thousand one-liners help nobody,
    and they would make the PDF take minutes."""
    if len(section.articles) <= limit:
        return list(section.articles)
    cited = set(cited)
    keep = [a for a in section.articles if a.number in cited][:limit]
    keep += [a for a in section.articles if a.number not in cited][: limit - len(keep)]
    return sorted(keep, key=lambda a: a.number)


def window_label(briefing: Briefing) -> str:
    """What the briefing covers, in words: the same phrase on the page, in the PDF and in the email."""
    tz = ZoneInfo(briefing.timezone)
    zone_name = briefing.timezone
    start, end = briefing.window_start, briefing.window_end
    if briefing.window_kind == "day":
        return f"Articles dated {longdate(briefing.date)} ({zone_name})"
    if briefing.window_kind == "range":
        if start is None:
            return f"Articles dated up to {format_datetime(end, tz)} ({zone_name})"
        return f"Articles dated {format_datetime(start, tz)} to {format_datetime(end, tz)} ({zone_name})"
    if start is None:
        return f"All articles received up to {format_datetime(end, tz)} ({zone_name})"
    return f"Articles received {format_datetime(start, tz)} to {format_datetime(end, tz)} ({zone_name})"


def unquote(text: str) -> str:
    """A quotation without the quote marks around it, so templates can set their own."""
    text = text.strip().strip("\"'“”‘’«»„").strip()
    # A quotation cut from a sentence often keeps the comma that led back into the sentence.
    return text[:-1].rstrip() if text.endswith(",") else text


def wrap(text: str, width: int = TEXT_WIDTH, first: str = "", rest: str | None = None) -> str:
    """Fill `text` to `width` columns with a first-line prefix and a hanging indent.
    Words longer than a line (addresses) are kept whole on a line of their own."""
    rest = " " * len(first) if rest is None else rest
    wrapper = textwrap.TextWrapper(
        width=width, initial_indent=first, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False
    )
    # Only ordinary spaces break a line: a no-break space (in dates) holds its words together.
    return "\n".join(wrapper.wrap(re.sub(r"[ \t\r\n]+", " ", text).strip())) or first.rstrip()


# --- renderers ------------------------------------------------------------------------------


def render_html(briefing: Briefing, config: Config, *, template: str = "briefing.html", **context) -> str:
    """The screen page: one self-contained HTML file (styles inline, no outside assets)."""
    return render_template(config, template, **_context(briefing, config, medium="screen", **context))


def render_pdf(briefing: Briefing, config: Config, *, template: str = "pdf.html") -> bytes:
    """The typeset PDF. Raises TemplateMissing/TemplateError; DigestError if WeasyPrint fails."""
    import weasyprint

    html = render_template(config, template, **_context(briefing, config, medium="print"))
    base = template_folders(config)[0]
    try:
        document = weasyprint.HTML(string=html, base_url=str(base) + os.sep, url_fetcher=_local_only_fetcher)
        return document.write_pdf()
    except (OSError, ValueError) as exc:
        raise DigestError(f"WeasyPrint could not make the PDF: {exc}") from exc


def _local_only_fetcher(url: str, *args, **kwargs):
    """Nothing is downloaded at render time: only local files and data: URLs load."""
    import weasyprint

    if not url.startswith(("file:", "data:")):
        raise ValueError(f"refusing to fetch {url} while rendering (digest works offline)")
    return weasyprint.default_url_fetcher(url, *args, **kwargs)


class EmailBody(NamedTuple):
    html: str
    text: str


def render_email(briefing: Briefing, config: Config) -> EmailBody:
    """The email's HTML (table layout, CSS inlined) and plain-text parts.

    When the HTML would exceed EMAIL_BUDGET it is rendered more compactly: first without the
    per-section article lists, then with only the cited sources (the PDF keeps everything).
    """
    import css_inline

    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False, minify_css=True)
    html = ""
    for compact in (0, 1, 2):
        html = inliner.inline(render_template(config, "email.html", **_context(briefing, config, medium="email", compact=compact)))
        if len(html.encode("utf-8")) <= EMAIL_BUDGET:
            break
        logger.info("email HTML is %d bytes at compactness %d; trying a more compact form", len(html.encode()), compact)
    else:
        logger.warning("email HTML is %d bytes, over the %d-byte budget: some mail clients will clip it",
                       len(html.encode("utf-8")), EMAIL_BUDGET)
    text = render_template(config, "email.txt", **_context(briefing, config, medium="text"))
    return EmailBody(html=html, text=text)


# --- files ----------------------------------------------------------------------------------


def write_file(path: Path, data: str | bytes, *, durable: bool = True) -> Path:
    """Write `data` to `path` atomically: a temporary file in the same folder, then a rename.

    `durable=False` skips the fsync (milliseconds per file): a crash of this process still leaves
    the old file or the new one, but a power loss may leave it empty. For files a later run
    checks and makes again (the static site's pages)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    logger.info("wrote %s", path)
    return path


FILE_NAMES = {"html": ("briefing.html",), "pdf": ("briefing.pdf",), "email": ("email.html", "email.txt")}


def write_briefing(briefing: Briefing, config: Config, folder: Path, formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Render the chosen formats, then write them into `folder`. Everything is rendered before
    anything is written, so a template error leaves the folder as it was. Returns name -> path."""
    rendered: dict[str, str | bytes] = {}
    for fmt in formats:
        if fmt == "html":
            rendered["briefing.html"] = render_html(briefing, config)
        elif fmt == "pdf":
            rendered["briefing.pdf"] = render_pdf(briefing, config)
        elif fmt == "email":
            body = render_email(briefing, config)
            rendered["email.html"], rendered["email.txt"] = body.html, body.text
        else:
            raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    return {name: write_file(Path(folder) / name, data) for name, data in rendered.items()}
