"""Short forms a text defines: "the British Phonographic Industry (BPI)", "Yuganskneftegas (Yugansk)"."""

import re

import numpy

from kg.extract.lexicon import ORG_APPOSITIVES


def initials(name):
    """Return the capitals starting a name's words: "Scottish Wildlife Trust" -> "SWT",
    "Organisation des Nations Unies" -> "ONU"."""
    return "".join(re.findall(r"(?:^|[\s\-'’])([A-Z])", name))


def defines(name, short):
    """Tell whether a bracketed word after a name is its short form: its initials ("Scottish Wildlife
    Trust (SWT)"), a word holding them in order ("Association for Payment Clearing Services (Apacs)",
    "Office of Communications (Ofcom)") or the start of its first word ("Yuganskneftegas (Yugansk)")."""
    if short.isupper() and len(short) >= 2 and initials(name) == short.replace(".", ""):
        return True
    first = name.split()[0]
    if short[:1].isupper() and 3 <= len(short) < len(first) and first.startswith(short):
        return True
    letters = initials(name)
    return len(letters) >= 2 and short[:1].isupper() and short.isalpha() and short[:1] == letters[0] and _holds(
        short.lower(), letters.lower())


def _holds(word, letters):
    """Tell whether a word holds these letters in order ("apacs" holds "apcs")."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


def missed_acronyms(doc, found, covered):
    """Return (start, end, label) of the acronyms NER missed that the text defines after a name ("the
    Pension Benefit Guaranty Corporation (PBGC)"), there and wherever else they stand alone, and those a
    firm's noun names ("French market regulator AMF", "brokers TOV")."""
    capitals = [i for i in numpy.nonzero(doc.to_array("IS_UPPER"))[0].tolist() if i not in covered]
    if not capitals:
        return []
    defined: dict[str, str] = {}
    for m in found:
        short = doc[m.end + 1] if m.end + 2 < len(doc) else None
        if (short is not None and doc[m.end].text == "(" and doc[m.end + 2].text == ")"
                and short.i not in covered and short.text.isupper() and defines(m.name, short.text)):
            defined.setdefault(short.text, m.label)
    for i in capitals:
        token = doc[i]
        if i > 0 and token.pos_ == "PROPN" and token.is_alpha and doc[i - 1].lemma_.lower() in ORG_APPOSITIVES:
            defined.setdefault(token.text, "Organization")
    extra = []
    for i in capitals:
        if doc[i].text in defined:
            covered.add(i)
            extra.append((i, i + 1, defined[doc[i].text]))
    return extra
