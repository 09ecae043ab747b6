"""Facts in time (issue #14): appointments start a post (worksFor, heads, leaderOf), departures and "former"
end it, "since" and "until" bound it; negated, planned, rumoured and conditional moves give no start or end,
or nothing at all. Sentences written for this table; the publication date is a Friday."""

import pytest

from kg.extract.extractor import extract
from kg.model import Document

pytestmark = pytest.mark.model

PUBLISHED = "2024-03-08"  # a Friday: "on Tuesday" is 2024-03-05, "last year" 2023
ROLES = ("worksFor", "heads", "leaderOf")
ENDED = "ended"  # an end the text does not date ("former chairman")

TABLE = [
    # appointed, elected, named, joined, hired, became: a start, on the verb's date or the publication date
    ("Ann Lee was appointed chairman of Barclays in March.", [("Ann Lee", "heads", "Barclays", "2024-03", None)]),
    ("Tesco appointed Ann Lee as its chief executive on Monday.",
     [("Ann Lee", "heads", "Tesco", "2024-03-04", None)]),
    ("Ann Lee was elected leader of the Labour Party in 2015.",
     [("Ann Lee", "heads", "Labour Party", "2015", None)]),
    ("Ann Lee was named as chief executive of Barclays on Wednesday.",
     [("Ann Lee", "heads", "Barclays", "2024-03-06", None)]),
    ("Ann Lee joined Tesco in 2019.", [("Ann Lee", "worksFor", "Tesco", "2019", None)]),
    ("Ann Lee became chairman of Barclays last month.", [("Ann Lee", "heads", "Barclays", "2024-02", None)]),
    # hired "from" a bank: the bank was her last employer, not her new one
    ("Tesco hired Ann Lee from Barclays last year.", [("Ann Lee", "worksFor", "Tesco", "2023", None)]),
    ("Ann Lee has been chief executive of Barclays since 2015.",
     [("Ann Lee", "heads", "Barclays", "2015", None)]),
    # resigned, stepped down, left, sacked, quit, until: an end
    ("John Smith resigned as chairman of Barclays on Tuesday.",
     [("John Smith", "heads", "Barclays", None, "2024-03-05")]),
    ("John Smith stepped down as chief executive of Barclays last year.",
     [("John Smith", "heads", "Barclays", None, "2023")]),
    ("Barclays chairman John Smith resigned on Tuesday.", [("John Smith", "heads", "Barclays", None, "2024-03-05")]),
    ("John Smith left Barclays in 2019.", [("John Smith", "worksFor", "Barclays", None, "2019")]),
    ("John Smith was sacked by Barclays on Friday.", [("John Smith", "worksFor", "Barclays", None, "2024-03-08")]),
    ("Barclays sacked its chief executive, John Smith, on Thursday.",
     [("John Smith", "heads", "Barclays", None, "2024-03-07")]),
    ("John Smith quit as chairman of Tesco yesterday.", [("John Smith", "heads", "Tesco", None, "2024-03-07")]),
    ("John Smith, who resigned as chairman of Barclays in 2019, now runs Tesco.",
     [("John Smith", "heads", "Barclays", None, "2019"), ("John Smith", "heads", "Tesco", None, None)]),
    ("John Smith was chairman of Barclays until 2019.", [("John Smith", "heads", "Barclays", None, "2019")]),
    # former, ex-: an end without a date, and no start
    ("Former Barclays chairman John Smith said the bank was safe.",
     [("John Smith", "heads", "Barclays", None, ENDED)]),
    ("John Smith, the ex-boss of Barclays, said the bank was safe.",
     [("John Smith", "heads", "Barclays", None, ENDED)]),
    ("The BBC's former director general John Smith died on Sunday.", [("John Smith", "heads", "BBC", None, ENDED)]),
    ("Ann Lee, a former chief executive of Tesco, became chairman of Barclays last month.",
     [("Ann Lee", "heads", "Tesco", None, ENDED), ("Ann Lee", "heads", "Barclays", "2024-02", None)]),
    ("John Smith, chairman of Barclays, met Ann Lee, who resigned from Tesco last year.",
     [("John Smith", "heads", "Barclays", None, None), ("Ann Lee", "worksFor", "Tesco", None, "2023")]),
    # negated, planned, rumoured, conditional, threatened: the post he holds without an end, or nothing
    ("John Smith did not resign as chairman of Barclays.", [("John Smith", "heads", "Barclays", None, None)]),
    ("John Smith is expected to step down as chairman of Barclays.", []),
    ("John Smith is rumoured to be leaving Barclays.", []),
    ("If John Smith resigns as chairman of Barclays, the shares will fall.",
     [("John Smith", "heads", "Barclays", None, None)]),
    ("John Smith threatened to resign as chairman of Barclays.", []),
    ("John Smith will remain chairman of Barclays until 2026.", [("John Smith", "heads", "Barclays", None, None)]),
    ("Ann Lee was not appointed chairman of Barclays.", []),
    ("Ann Lee could be appointed chairman of Barclays.", []),
    ("Ann Lee is tipped to become chief executive of Tesco.", []),
    # a record, not a post taken; a date kg cannot resolve is no date, not the publication's
    ("Ann Lee has become the longest-serving chairman of Barclays.", [("Ann Lee", "heads", "Barclays", None, None)]),
    ("Ann Lee, who joined Tesco in 1990, became chairman of Barclays four years later.",
     [("Ann Lee", "worksFor", "Tesco", "1990", None), ("Ann Lee", "heads", "Barclays", None, None)]),
    # regressions from reading news: a date elsewhere in the sentence is not the move's, nor the
    # publication's; an election to another body starts no post the person already holds
    ("When the party lost the election in 2010, Ann Lee resigned as leader of the Labour Party.",
     [("Ann Lee", "heads", "Labour Party", None, ENDED)]),
    ("Tesco chairman Ann Lee was elected in 2004 on the party list.", [("Ann Lee", "heads", "Tesco", None, None)]),
    # a verb of leaving, joining or naming that is not about the post
    ("Former Siemens chief executive Peter Loescher joined the board.",
     [("Peter Loescher", "heads", "Siemens", None, ENDED)]),  # joining the board starts no chief executive
    ("Barclays chairman John Smith was sacked by the board on Tuesday.",
     [("John Smith", "heads", "Barclays", None, "2024-03-05")]),
    ("Barclays chairman John Smith left for Paris on Tuesday.", [("John Smith", "heads", "Barclays", None, None)]),
    ("Barclays chairman John Smith named his successor on Monday.",
     [("John Smith", "heads", "Barclays", None, None)]),
]


def posts(text, published=PUBLISHED):
    """Return (subject, property, object, start, end or ENDED) of the posts read from a text."""
    extraction = extract(Document("t", text, published))
    label = {e.key: e.label for e in extraction.entities}
    return sorted((label[f.subject], f.predicate, label[f.object], f.start, f.end or (ENDED if f.ended else None))
                  for f in extraction.facts if f.predicate in ROLES)


@pytest.mark.parametrize("text, expected", TABLE)
def test_tenure_table(text, expected):
    assert posts(text) == sorted(expected)


def test_tenure_without_publication_date_keeps_stated_dates_only():
    assert posts("John Smith resigned as chairman of Barclays in 2019.", None) == [
        ("John Smith", "heads", "Barclays", None, "2019")]
    # an undated resignation in an undated text: ended, no date to give
    assert posts("John Smith resigned as chairman of Barclays on Tuesday.", None) == [
        ("John Smith", "heads", "Barclays", None, ENDED)]
    assert posts("Ann Lee was appointed chairman of Barclays.", None) == [("Ann Lee", "heads", "Barclays", None, None)]


def test_tenure_until_a_later_date_than_publication_is_no_end():
    # regression: "until" with a date after the article is a plan, not an end it reports
    assert posts("John Smith was chairman of Barclays until 2019.", "2018-06-01") == [
        ("John Smith", "heads", "Barclays", None, None)]
