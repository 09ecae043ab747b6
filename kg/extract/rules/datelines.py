"""Facts from wire datelines: "HANOI, Vietnam (AP) --", "Moscow June 12 (ITAR-TASS) --",
"Paris Radio Orient in Arabic": the agency files from a bureau in the place."""

from kg.extract.spans import is_story_code
from kg.extract.sentence import Arg

DATELINE_ENDS = {"--", "—", "–", "-", "_", ":"}
MAX_DATE_TOKENS = 4  # "March 5", "29 Apr", "February 15,"


def _entity_run(s, i, end):
    """Return (arg, next index) for the entity mention starting at token i, or (None, i)."""
    found = s.index.at(s.sent.doc[i]) if i < end else None
    if not found:
        return None, i
    j = i
    while j < end and s.index.at(s.sent.doc[j]) == found:
        j += 1
    return Arg(*found), j


def _places(s, i, end):
    """Return the places that open a dateline ("BANGKOK, Thailand") and the index after them."""
    doc, places = s.sent.doc, []
    while i < end:
        arg, j = _entity_run(s, i, end)
        if arg is None or s.type_of(arg.key) != "Place":
            break
        places.append(arg)
        i = j + 1 if j < end and doc[j].text == "," else j
    return places, i


def _agency(s, i, end):
    """Return the organisation after a dateline's places and date, bracketed or not, or None."""
    doc = s.sent.doc
    skipped = 0
    while i < end and skipped < MAX_DATE_TOKENS and doc[i].ent_type_ in ("DATE", "CARDINAL") or (
            i < end and doc[i].text == ","):
        i, skipped = i + 1, skipped + 1
    bracketed = i < end and doc[i].text == "("
    arg, j = _entity_run(s, i + bracketed, end)
    if arg is None or s.type_of(arg.key) != "Organization":
        return None
    if bracketed:
        j = j + 1 if j < end and doc[j].text == ")" else -1
    closes = j == end or (0 <= j < end and (doc[j].text in DATELINE_ENDS or doc[j].lower_ == "in"))
    return arg if j >= 0 and closes else None


def from_dateline(s):
    """Yield hasBureauIn facts from a dateline that opens a sentence (after any story code)."""
    end = s.sent.end
    for token in _openings(s):
        places, i = _places(s, token.i, end)
        agency = _agency(s, i, end) if places else None
        for place in places if agency else ():
            fact = s.shaped_fact("hasBureauIn", agency, place, "dateline")
            if fact:
                yield fact


def _openings(s):
    """Yield the words that may open a dateline: the first name of a sentence (after any story code), and
    a name right after a story code that follows a headline ("... Reform Plan PM1203121294 Moscow ...")."""
    doc = s.sent.doc
    for token in s.tokens:
        if s.index.at(token) and (token.i == s.sent.start or is_story_code(doc[token.i - 1])):
            yield token
        if not is_story_code(token) and token.i - s.sent.start > 20:
            return
