"""Killings stated through verdicts, weapons, relative clauses and appositions; charges assert nothing."""

import pytest

from extracted import fact_triples as facts_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    # a verdict or its sentence asserts the act; the possessor of "killing" is the victim there
    ("Yigal Amir was convicted of Yitzhak Rabin's killing.", ("Yigal Amir", "killed", "Yitzhak Rabin")),
    ("Mark David Chapman is serving a life sentence for the murder of John Lennon.",
     ("Mark David Chapman", "killed", "John Lennon")),
    ("Robert Ford pleaded guilty to the murder of Jesse James.",
     ("Robert Ford", "killed", "Jesse James")),
    # the shots that killed someone were fired by the killer
    ("Gavrilo Princip fired the shots that killed Franz Ferdinand.",
     ("Gavrilo Princip", "killed", "Franz Ferdinand")),
    # a passive relative clause is about the name it hangs on
    ("Robert Kennedy, who had just been shot by Sirhan Sirhan, died in hospital the next day.",
     ("Sirhan Sirhan", "killed", "Robert Kennedy")),
    # an apposition the parser missed still names the role's holder
    ("Two weeks later, guards escorted Gandhi's assassin, Nathuram Godse, who had just been sentenced.",
     ("Nathuram Godse", "killed", "Gandhi")),
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
