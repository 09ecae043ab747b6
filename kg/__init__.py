"""kg: populate a knowledge graph from news text."""

__version__ = "0.1.0"
