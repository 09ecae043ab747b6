"""An Extraction as RDF: namespaces, IRIs, the document graph, JSON-LD, SHACL validation and the
output-format registry."""
