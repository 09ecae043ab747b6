"""The class tree kg stats prints and the view's legend draws: each class once, and only classes with entities."""

import pytest

from kg.rdf.classes import class_tree


@pytest.mark.parametrize("counts, rows", [
    ({"Person": 4, "Organization": 4, "Place": 6, "Country": 3, "City": 1, "Group": 3},
     [(0, "Person", 4), (0, "Organization", 4), (0, "Place", 6), (1, "Country", 3), (1, "City", 1),
      (1, "other Place", 2), (0, "Group", 3)]),
    # a store of one city: no Region 0 in kg stats while the legend leaves it out (#16)
    ({"Place": 1, "City": 1}, [(0, "Place", 1), (1, "City", 1)]),
    ({"Person": 2}, [(0, "Person", 2)]),
    ({}, []),
])
def test_class_tree_rows(counts, rows):
    assert class_tree(counts) == rows
