"""Date expressions resolved against a publication date."""

import pytest

from kg.extract.dates import published_from_text, resolve

PUBLISHED = "2021-04-03"  # a Saturday


@pytest.mark.parametrize("text, expected", [
    ("Friday", "2021-04-02"),
    ("on Friday", "2021-04-02"),
    ("Saturday", "2021-04-03"),
    ("Sunday", "2021-03-28"),
    ("yesterday", "2021-04-02"),
    ("today", "2021-04-03"),
    ("February 11, 2021", "2021-02-11"),
    ("11 February 2021", "2021-02-11"),
    ("Feb. 3", "2021-02-03"),
    ("December 24", "2020-12-24"),  # a month after publication is last year's
    ("March 2019", "2019-03"),
    ("March 20, 2019", "2019-03-20"),
    ("2014", "2014"),
    ("in 2019", "2019"),
    ("June", "2020-06"),
    ("2021-01-05", "2021-01-05"),
    ("last year", "2020"),
    ("this year", "2021"),
    ("earlier this year", "2021"),
    ("last month", "2021-03"),
    ("this month", "2021-04"),
    ("next year", None),  # future: no date a fact held
    ("this week", None),
    ("about 50 minutes", None),
    ("February 30, 2021", None),
])
def test_dates_resolve_against_publication(text, expected):
    assert resolve(text, PUBLISHED) == expected


def test_dates_relative_needs_publication():
    assert resolve("Friday", None) is None
    assert resolve("last year", None) is None
    assert resolve("2014", None) == "2014"


def test_dates_last_month_in_january_is_last_years_december():
    assert resolve("last month", "2021-01-15") == "2020-12"


@pytest.mark.parametrize("text, expected", [
    (" date 2021-04-03 This handout picture", "2021-04-03"),
    ("date: 2020-01-31\nText", "2020-01-31"),
    ("date 2021-13-03 bad month", None),
    ("The date 2021-04-03 is in the text", None),
])
def test_dates_header_line(text, expected):
    assert published_from_text(text) == expected
