"""Untrusted text made safe for Streamlit's Markdown: one function, used wherever a
value from a link, a cell, a file name or a sign-in claim meets an element that reads
Markdown."""

from __future__ import annotations

WORD_JOINER = "\u2060"  # zero-width, never drawn: breaks a pattern without a visible mark


def plain(text: object) -> str:
    """Untrusted text (a value from a link, a cell, a file name, a sign-in claim) for
    any element that reads Markdown (markdown, captions, alerts, headers, labels, help),
    shown literally: no emphasis, heading, list, table, HTML, LaTeX (``$``), colour or
    icon directive, emoji code, and no link.

    Every ASCII punctuation mark is backslash-escaped (CommonMark's escape, which stops
    the parser). Streamlit also turns bare addresses into links after parsing, from the
    text itself ("www.", "http://", "name@host"), so an invisible word joiner goes
    before each "." and "@" and after each ":" (the patterns need those characters side
    by side; a reader sees, and copies, the same text). Line breaks become spaces."""
    out = []
    for ch in " ".join(str(text).split()):
        if ch in ".@":
            out.append(WORD_JOINER)
        out.append("\\" + ch if ch.isascii() and not ch.isalnum() and not ch.isspace() else ch)
        if ch == ":":
            out.append(WORD_JOINER)
    return "".join(out)
