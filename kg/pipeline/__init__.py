"""Documents through extraction into the store: reading input, extracting on many processes,
ingesting."""
