"""Repair what the small model gets wrong about names: a person's name NER cut short, and a name parsed
as a clause ("bought Leeds United", where "United" was read as a verb)."""

from spacy.tokens import Span

from kg.extract import gazetteer
from kg.extract.lexicon import HONORIFICS, ORG_WORDS, PLACE_WORDS, STRIP_WORDS, TITLES

MAX_GROWTH = 2  # words added at the end at most: "José Luis" -> "José Luis Rodríguez Zapatero"


def whole_person(doc, ent):
    """Return a PERSON span grown over the capitalised proper nouns NER left after it ("José Luis" of
    "José Luis Rodríguez Zapatero"), else ent. Never before it: a sentence's first word is capitalised
    whatever it is ("Actress Julia Roberts"), and a word before a name is as often a title or a thing
    ("Finance Bill"); never past a possessive ("Gordon Brown's Budget")."""
    if ent.label_ != "PERSON" or doc[ent.end - 1].tag_ == "POS" or doc[ent.end - 1].lower_ in ("'s", "'"):
        return ent
    end = ent.end
    while end < len(doc) and end - ent.end < MAX_GROWTH and _name_word(doc[end]):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label="PERSON")


def person_by_title(span):
    """Tell whether a name NER typed otherwise is a person's by its title: a title and a full name ("Prince
    Norodom Ranariddh" a GPE; not "General Electric", "King Street", "Prince Edward Island"), or "Mr", "Mrs",
    "Ms" or "Miss" and one name ("Mr Cable" an ORG; not "Mr Brown and Mr Blair")."""
    if len(span) < 2:
        return False
    first, rest = span[0].lower_.rstrip("."), [t for t in span[1:] if t.is_alpha]
    if first in ("mr", "mrs", "ms", "miss") and all(
            t.text[:1].isupper() and t.lower_ not in ("mr", "mrs", "ms") for t in span[1:]):
        return True
    return (len(span) >= 3 and first in HONORIFICS and span[0].text[:1].isupper() and len(rest) >= 2
            and all(t.text[:1].isupper() for t in rest) and span[-1].lower_ not in PLACE_WORDS | ORG_WORDS)


def nationality_before_name(span):
    """Tell whether a name NER read opens with a nationality before a given and a family name ("Briton Tim
    Henman", "Russian Igor Andreev"; not "American Express", "British Airways")."""
    return (len(span) >= 3 and span[1].lower_ in gazetteer.given_names() and span[2].text[:1].isupper()
            and gazetteer.demonym_country(span[0].text) is not None)


def is_story_code(token):
    """Tell whether a token is a monitoring service's story code ("PA2904034294") or its "(Text)" tag."""
    text = token.text
    return (text.isalnum() and any(c.isdigit() for c in text) and any(c.isalpha() for c in text)) or (
        text in ("(", ")", "Text"))


def _name_word(token):
    """Tell whether a word outside any NER span may go on a person's name: a capitalised proper noun,
    no title, no place, no firm."""
    text, lower = token.text, token.lower_
    return (token.ent_iob_ == "O" and token.pos_ == "PROPN" and token.is_alpha and text[:1].isupper()
            and not text.isupper() and not any(lower in words for words in (TITLES, HONORIFICS, STRIP_WORDS, ORG_WORDS))
            and not gazetteer.country(text) and not gazetteer.city(text) and not gazetteer.known_organization(text))


def repair_name_arguments(doc, token_entity):
    """Give a name the parser read as a clause the role its place asks for: the object of a verb that has
    none ("Ken Bates bought Leeds United": "United" a ccomp), the object of a preposition ("takeover of
    Leeds United": a pcomp). Changes the Doc's labels in place, before any rule reads them."""
    for i in token_entity:
        token = doc[i]
        head = token.head
        if token.pos_ != "PROPN" or head.i == token.i or token_entity.get(head.i) == token_entity[i]:
            continue
        if token.dep_ == "pcomp" and head.pos_ == "ADP":
            token.dep_ = "pobj"
        elif token.dep_ in ("ccomp", "xcomp") and head.pos_ == "VERB" and i > head.i and not any(
                c.dep_ == "dobj" for c in head.children):
            token.dep_ = "dobj"
