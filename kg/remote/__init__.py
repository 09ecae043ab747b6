"""SPARQL servers: the endpoint client, push (loading), Graph Store probing, the push log,
and Wikidata linking."""
