"""The hand-written fact rules, one module per family; each reads one parsed Sentence."""
