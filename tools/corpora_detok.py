"""Detokenise DocRED-style sentences into natural English spacing with exact token offsets."""

# Penn Treebank escapes, should a file carry them
ESCAPES = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
           "``": "“", "''": "”"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "…", "”", "’",
                   "'s", "'S", "’s", "n't", "'m", "'re", "'ve", "'ll", "'d"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "£", "€", "“", "‘"}
# DocRED splits compounds ('follow - up', 'Oakland / Troy'); the source wrote them joined
GLUED = {"-", "/"}


class Detokeniser:
    """Join one sentence's tokens, tracking open straight quotes to tell opening from closing."""

    def __init__(self) -> None:
        self.double_open = False
        self.single_open = False

    def spacing(self, piece: str, quote_follows: bool) -> tuple[bool, bool]:
        """Return (space allowed before piece, space allowed after piece).

        quote_follows: another lone ' comes later in the sentence, so this one can open a quote.
        """
        if piece in GLUED:
            return False, False
        if piece == '"':
            self.double_open = not self.double_open
            return (True, False) if self.double_open else (False, True)
        if piece == "'":
            if not self.single_open and quote_follows:
                self.single_open = True
                return True, False
            # a closing quote, or a lone one: the Allies' advance, Ramblin' (it ends a word either way)
            self.single_open = False
            return False, True
        return piece not in NO_SPACE_BEFORE, piece not in NO_SPACE_AFTER


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Return the sentence text and each token's (start, end) in it; blank tokens get an empty span."""
    state, parts, spans = Detokeniser(), [], []
    pos, space_after = 0, False
    quotes_left = tokens.count("'")
    for token in tokens:
        quotes_left -= token == "'"
        piece = ESCAPES.get(token, token)
        if not piece.strip():  # a lone no-break space token: the spacing rule already separates words
            spans.append((pos, pos))
            continue
        before, after = state.spacing(piece, quotes_left > 0)
        if parts and before and space_after:
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(piece)))
        parts.append(piece)
        pos += len(piece)
        space_after = after
    return "".join(parts), spans


def token_span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Return the character span of tokens [start, end), or None when they are all blank."""
    filled = [s for s in spans[start:end] if s[0] < s[1]]
    if not filled:
        return None
    return filled[0][0], filled[-1][1]
