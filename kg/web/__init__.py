"""kg serve (the SPARQL protocol over the store) and kg view (one self-contained HTML page)."""
