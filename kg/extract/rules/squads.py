"""Team sheets: a player named with a club in brackets, in a list of such names, plays for that club:
"J Robinson (Sale Sharks, capt); M Cueto (Sale Sharks), J Noon (Newcastle)"; "Yann Delaigue (Castres)"."""

from collections.abc import Iterator

from kg.extract.cues import SQUAD_ENTRIES, bracketed_sides
from kg.extract.sentence import Sentence
from kg.model import Fact


def from_squads(s: Sentence) -> Iterator[Fact | None]:
    """Yield memberOf for each player of a team sheet with the club the brackets after the name give."""
    entries = bracketed_sides(s.tokens)
    if len(entries) < SQUAD_ENTRIES:
        return
    doc = s.sent.doc
    for bracket, start, end in entries:
        player = s.arg(doc[bracket - 1], modifiers=False)
        sides = {found[0] for i in range(start, end) if (found := s.index.at(doc[i]))}
        side = s.arg(doc[start], modifiers=False) if len(sides) == 1 else None
        if player and side and s.type_of(player.key) == "Person" and s.type_of(side.key) in ("Organization", "Group"):
            yield s.shaped_fact("memberOf", player, side, "squad-list")
