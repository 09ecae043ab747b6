"""Entity types read by a trained model: its entity head's votes on kg's own mentions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# a mention's learned type is worth four times NER's label (the model reads the whole sentence; weights
# 2 and 4 measured on the news dev gold and CoNLL04 train and dev, README), less than a well-known
# organisation's name (6) or a capital acting for its state (10): kg.extract.entities
TYPE_WEIGHT = 4.0


def type_votes(model: Any, doc: Any, mentions: Sequence[Any], wanted: Sequence[int] | None = None
               ) -> list[dict[str, float]]:
    """Return the type votes of mentions from the model's entity head, read in their sentences: by
    default those of the sentences with two mentions or more, else those of the wanted mentions'
    sentences (empty for a mention left unread).

    The model keeps the sentences' encoding for the relation pass, which reads those with two mentions
    or more: they are encoded once for both. Reading every sentence would cost a fifth of the default
    extractor's speed (measured): entities named only in sentences of their own are read when asked.
    """
    sents = list(doc.sents)
    rows: dict[int, list[int]] = {}
    for n, m in enumerate(mentions):
        rows.setdefault(m.sent, []).append(n)
    todo = sorted(i for i, row in rows.items() if len(row) > 1) if wanted is None else sorted(
        {mentions[n].sent for n in wanted})
    spans = [[(mentions[n].start_char - sents[i].start_char, mentions[n].end_char - sents[i].start_char)
              for n in rows[i]] for i in todo]
    votes: list[dict[str, float]] = [{} for _ in mentions]
    chunks = [sents[i].text for i in todo]
    for i, scores in zip(todo, model.type_scores(chunks, spans, wanted is not None) if todo else ()):
        for n, probs in zip(rows[i], scores):
            votes[n] = {t: TYPE_WEIGHT * float(p) for t, p in zip(model.config.entity_types, probs)}
    return votes


def type_unread(doc: Any, mentions: Sequence[Any], learned: Sequence[dict[str, float]], clusters: Sequence[Any],
                typer: Any) -> None:
    """Add the model's votes for the clusters none of whose mentions it has read (named only in
    sentences of their own)."""
    index = {id(m): n for n, m in enumerate(mentions)}
    unread = [c for c in clusters if not any(learned[index[id(m)]] for m in c.mentions)]
    wanted = [index[id(m)] for c in unread for m in c.mentions]
    if not wanted:
        return
    more = typer(doc, mentions, wanted)
    for cluster in unread:
        for m in cluster.mentions:
            cluster.votes.update(more[index[id(m)]])
