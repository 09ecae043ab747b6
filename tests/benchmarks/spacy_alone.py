"""spaCy alone, the floor of the benchmark: kg's model and components, nlp.pipe over the texts, nothing else.

Run by bench.py in its own process; prints {"documents", "tokens"} as JSON.
"""

import argparse
import json

from kg.extract.nlp import load_model


def main():
    """Parse every text of a JSON-lines file and count the tokens."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("input", help="JSON lines with a \"text\" field")
    parser.add_argument("--model", default=None)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, required=True)
    args = parser.parse_args()
    nlp = load_model(args.model)
    nlp.remove_pipe("kg_paragraphs")  # kg's own step, measured as part of kg's overhead
    with open(args.input, encoding="utf-8") as stream:
        texts = (json.loads(line)["text"] for line in stream if line.strip())
        docs = [len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process)]
    print(json.dumps({"documents": len(docs), "tokens": sum(docs)}))


if __name__ == "__main__":
    main()
