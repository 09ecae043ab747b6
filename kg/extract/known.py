"""Well-known organisations named word for word in a text (gazetteer.known_organization), and what NER
read around them."""

from spacy.tokens import Span

from kg.extract import gazetteer


def _in_capitals(span):
    """Tell whether a capitalised short name sits in a run of capitals ("WHAT IS NEXT"): a headline word."""
    doc = span.doc
    around = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return span.text.isupper() and any(t.is_alpha and t.is_upper and len(t) > 1 for t in around)


def organizations(doc):
    """Yield spans naming a well-known organisation word for word, longest first at each position."""
    starts = gazetteer.known_organization_starts()
    words = [doc.vocab.strings[orth] for orth in doc.to_array("ORTH")]  # no Token made for each word
    i = 0
    while i < len(words):
        # most words start no known name: look no further (the hot path); a word inside a name NER found is
        # no firm's either: a surname ("Michael Dell"), the end of a longer name ("County Democratic Party")
        if words[i] in starts and not _inside_name(doc, i):
            for size in (4, 3, 2, 1):
                span = doc[i:i + size]
                if len(span) == size and gazetteer.known_organization(span.text) and not _in_capitals(span) and (
                        size > 1 or not _inside_longer_name(doc, i + size)):
                    yield span
                    i += size - 1
                    break
        i += 1


def _inside_name(doc, i):
    """Tell whether a token goes on a person's or an organisation's name NER found (but not a city's
    agency, "Moscow ITAR-TASS", which _pieces splits)."""
    if doc[i].ent_iob_ != "I" or doc[i].ent_type_ not in ("PERSON", "ORG"):
        return False
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[i].ent_type_ == "PERSON" or gazetteer.city(doc[start].text) is None


def _inside_longer_name(doc, end):
    """Tell whether a name NER found other than a person's goes on past this token ("Tata" of "Tata Steel")."""
    return end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ != "PERSON"


def after_known(doc, ent, covered):
    """Return the part of an NER span after the known organisation it opens ("Tory leader Michael Howard"
    read as one PERSON), or None when nothing of it is left uncovered."""
    end = ent.start
    while end < ent.end and end in covered:
        end += 1
    if end == ent.start or end == ent.end or any(i in covered for i in range(end, ent.end)):
        return None
    return Span(doc, end, ent.end, label=ent.label_)
