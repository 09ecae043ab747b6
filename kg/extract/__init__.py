"""Text in, an Extraction out: spaCy parsing (nlp), mentions, entities, coreference, dates,
factuality, the relation catalogue, and the fact sources (sources, rules/)."""
