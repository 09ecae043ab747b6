"""Who acted: a by-agent the parser hung on the victim, and the antecedent of a relative clause."""

import pytest

from extracted import fact_triples

pytestmark = pytest.mark.model


def test_facts_agents_by_agent_hung_on_the_victim():
    facts = fact_triples("The assassination of Archduke Franz Ferdinand by Gavrilo Princip started the war.")
    assert ("Gavrilo Princip", "killed", "Archduke Franz Ferdinand") in facts, facts


def test_facts_agents_conjuncts_after_a_relative_clause_are_not_its_antecedent():
    facts = fact_triples("The lawyer represented Mark Chapman, who murdered John Lennon, and Paul and Linda Evans.")
    assert ("Mark Chapman", "killed", "John Lennon") in facts, facts
    assert not any(s in ("Paul", "Linda Evans") for s, _, _ in facts), facts


def test_facts_agents_birthplace_hung_on_the_date():
    facts = fact_triples("Grace Hopper was born on Dec. 9, 1906, in New York City, and studied at Yale.")
    assert ("Grace Hopper", "livesIn", "New York City") in facts, facts


def test_facts_agents_born_before_a_describing_noun():
    facts = fact_triples("Ohio-born astronaut Neil Armstrong walked on the moon.")
    assert ("Neil Armstrong", "livesIn", "Ohio") in facts, facts
