"""Killings stated through verdicts, weapons, relative clauses and appositions; charges assert nothing."""

import pytest

from extracted import fact_triples as facts_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    # a verdict or its sentence asserts the act; the possessor of "killing" is the victim there
    ("Sirhan Sirhan was convicted of Robert Kennedy's killing.", ("Sirhan Sirhan", "killed", "Robert Kennedy")),
    ("Mark David Chapman is serving a life sentence for the murder of John Lennon.",
     ("Mark David Chapman", "killed", "John Lennon")),
    ("Mark David Chapman pleaded guilty to the murder of John Lennon.",
     ("Mark David Chapman", "killed", "John Lennon")),
    # the shots that killed someone were fired by the killer
    ("Lee Harvey Oswald fired the shots that killed John F. Kennedy.",
     ("Lee Harvey Oswald", "killed", "John F. Kennedy")),
    # a passive relative clause is about the name it hangs on
    ("Lee Harvey Oswald, who had just been shot by Jack Ruby, died in hospital.",
     ("Jack Ruby", "killed", "Lee Harvey Oswald")),
    # an apposition the parser missed still names the role's holder
    ("Two days later, Perry operated on Kennedy's assassin, Lee Harvey Oswald, who had just been shot.",
     ("Lee Harvey Oswald", "killed", "Kennedy")),
])
def test_facts_killings_asserted(text, expected):
    facts = facts_of(text)
    assert expected in facts, facts


@pytest.mark.parametrize("text", [
    "Mark David Chapman was charged with the murder of John Lennon.",
    "Mark David Chapman was acquitted of the murder of John Lennon.",
    "Mark David Chapman was suspected of killing John Lennon.",
])
def test_facts_killings_charges_assert_nothing(text):
    facts = facts_of(text)
    assert not any(p == "killed" for _, p, _ in facts), facts
