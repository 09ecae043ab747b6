"""Repair NER spans the small model cuts short: a person's name missing a word at either end."""

from spacy.tokens import Span

from kg.extract import gazetteer
from kg.extract.lexicon import HONORIFICS, ORG_WORDS, STRIP_WORDS, TITLES

MAX_GROWTH = 2  # words added at each end at most: "José Luis" -> "José Luis Rodríguez Zapatero"


def whole_person(doc, ent):
    """Return a PERSON span grown over the capitalised proper nouns NER left beside it ("José Luis" of
    "José Luis Rodríguez Zapatero", "William Saab" of "Attorney General Tarek William Saab"), else ent."""
    if ent.label_ != "PERSON":
        return ent
    start, end = ent.start, ent.end
    while start > 0 and ent.start - start < MAX_GROWTH and _name_word(doc[start - 1]):
        start -= 1
    while end < len(doc) and end - ent.end < MAX_GROWTH and _name_word(doc[end]):
        end += 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PERSON")


def _name_word(token):
    """Tell whether a word outside any NER span may go on a person's name: a capitalised proper noun,
    no title, no place, no firm."""
    text, lower = token.text, token.lower_
    return (token.ent_iob_ == "O" and token.pos_ == "PROPN" and token.is_alpha and text[:1].isupper()
            and not text.isupper() and not any(lower in words for words in (TITLES, HONORIFICS, STRIP_WORDS, ORG_WORDS))
            and not gazetteer.country(text) and not gazetteer.city(text) and not gazetteer.known_organization(text))
