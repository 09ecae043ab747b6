"""The embedded store (pyoxigraph): its interface (protocol), the Oxigraph implementation, locks,
whole-graph reads and exports. The only package that imports pyoxigraph."""
