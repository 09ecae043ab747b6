"""Resolve date expressions against a document's publication date."""

import datetime as dt
import re

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
HEADER = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"


def published_from_text(text):
    """Return the YYYY-MM-DD of a leading "date YYYY-MM-DD" header line, or None."""
    match = HEADER.match(text)
    return match.group(1) if match and _valid(match.group(1)) else None


def _valid(iso):
    try:
        dt.date.fromisoformat(iso)
        return True
    except ValueError:
        return False


def _day(year, month, day):
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for(month, published):
    """Return the year of a month named without one: the latest not after publication."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def resolve(text, published=None):
    """Return YYYY, YYYY-MM or YYYY-MM-DD for a date expression, or None if it names no date."""
    pub = dt.date.fromisoformat(published) if published else None
    t = text.lower().strip()
    if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.search(_MONTH + r"\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", t):
        month = MONTHS[m[1].rstrip(".")]
        year = int(m[3]) if m[3] else _year_for(month, pub)
        return _day(year, month, int(m[2])) if year else None
    if m := re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(\d{4}))?", t):
        month = MONTHS[m[2].rstrip(".")]
        year = int(m[3]) if m[3] else _year_for(month, pub)
        return _day(year, month, int(m[1])) if year else None
    if m := re.search(_MONTH + r",?\s+(\d{4})\b", t):
        return f"{int(m[2]):04d}-{MONTHS[m[1].rstrip('.')]:02d}"
    if m := re.fullmatch(r"(?:in |the year )?(1[5-9]\d\d|20\d\d)", t):
        return m[1]
    return _relative(t, pub)


def _relative(t, pub):
    """Resolve "Friday", "yesterday", "today", "last year", "this month" against the publication date."""
    if pub is None:
        return None
    if t in ("today", "this morning", "tonight", "this evening", "this afternoon"):
        return pub.isoformat()
    if t in ("yesterday", "last night"):
        return (pub - dt.timedelta(days=1)).isoformat()
    if m := re.fullmatch(r"(last|this|earlier this|later this) (year|month)", t):
        # "earlier this year": within the year, no finer; a month back from January is December
        first = pub.replace(day=1)
        month = (first - dt.timedelta(days=1)) if m[1] == "last" and m[2] == "month" else first
        year = pub.year - 1 if m[1] == "last" and m[2] == "year" else month.year
        return f"{year:04d}" if m[2] == "year" else f"{year:04d}-{month.month:02d}"
    for i, name in enumerate(WEEKDAYS):
        if re.fullmatch(rf"(?:on |last |this )?{name}(?: morning| afternoon| evening| night)?", t):
            # news reports the latest such day: "on Friday" in a Saturday paper is yesterday
            back = (pub.weekday() - i) % 7
            return (pub - dt.timedelta(days=back)).isoformat()
    if m := re.fullmatch(rf"(?:in |last |this )?{_MONTH}", t):
        month = MONTHS[m[1].rstrip(".")]
        return f"{_year_for(month, pub):04d}-{month:02d}"
    return None
