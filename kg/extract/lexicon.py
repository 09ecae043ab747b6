"""Word lists the entity rules read: titles, name words, context words. Data, not code."""

NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
             "FAC": "Place", "NORP": "Group"}
TITLES = {"president", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prime", "minister",
          "chancellor", "senator", "sen", "rep", "gov", "governor", "king", "queen", "prince", "princess",
          "pope", "general", "gen", "colonel", "col", "captain", "capt", "sgt", "judge", "justice", "mayor",
          "secretary", "chairman", "vice", "premier", "ambassador", "professor", "prof", "rev", "reverend",
          "coach", "manager", "chief", "executive", "leader", "speaker", "foreign", "defence", "defense",
          "former", "late", "sheikh", "ayatollah", "commander", "officer", "director", "spokesman",
          "spokeswoman", "st", "saint", "mp"}
PERSON_ROLE_NOUNS = {"predecessor", "successor", "wife", "husband", "son", "daughter", "father", "mother",
                     "brother", "sister", "widow", "lawyer", "spokesman", "spokeswoman", "aide", "deputy",
                     # acts done to a person: "the assassination of Lincoln"
                     "assassination", "assassin", "murder", "murderer", "killer", "funeral", "biography"}
# Last words that make a name an organisation's, and words that do so anywhere in it.
ORG_WORDS = {"institute", "hospital", "university", "college", "school", "academy", "court", "council",
             "committee", "commission", "agency", "department", "ministry", "office", "bureau", "service",
             "company", "corp", "corporation", "inc", "ltd", "llc", "plc", "co", "group", "bank", "association",
             "union", "party", "league", "federation", "foundation", "fund", "society", "club", "team", "airlines",
             "airline", "airways", "times", "post", "news", "press", "network", "radio", "television", "tv",
             "journal", "herald", "tribune", "gazette", "daily", "magazine", "army", "navy", "police", "church",
             "congress", "parliament", "senate", "assembly", "board", "authority", "administration", "centre",
             "center", "laboratory", "laboratories", "museum", "theater", "theatre", "orchestra", "circuit", "brigade",
             "regiment", "battalion", "fleet", "corps",
             "systems", "industries", "motors", "holdings", "enterprises", "partners", "studios",
             "records", "guard", "force", "command", "organization", "organisation", "movement", "front", "tech",
             "polytechnic", "institution", "ministry"}
ORG_MARKERS = {"inc.", "corp.", "ltd.", "co.", "&"}
PLACE_WORDS = {"street", "road", "avenue", "river", "mountain", "mountains", "island", "islands", "county",
               "province", "square", "lake", "bay", "valley", "beach", "sea", "ocean", "gulf", "desert", "peninsula",
               "canyon", "strait", "coast", "region", "state", "city", "town", "village", "heights", "hills",
               "park", "bridge", "district", "districts", "counties", "parish", "prefecture", "oblast",
               "governorate", "township", "borough", "channel", "airport", "port", "harbor", "harbour"}
# Verbs whose subject is a person more often than a place ("Kravchuk said").
# Common nouns an organisation's name stands in apposition to.
ORG_APPOSITIVES = {"company", "firm", "bank", "retailer", "carrier", "airline", "group", "maker", "manufacturer",
                   "producer", "giant", "operator", "lender", "insurer", "broadcaster", "newspaper", "agency",
                   "supermarket", "chain", "conglomerate", "startup", "developer", "publisher", "party", "club",
                   "organisation", "organization", "charity", "union", "network", "brand", "subsidiary",
                   "carmaker", "automaker", "manufacturer", "utility", "conglomerate", "corporation", "airline",
                   "brokerage", "refiner", "miner", "shipper", "exporter", "supplier", "label", "studio",
                   "broadcaster", "website", "site", "band", "side", "team", "outfit", "bank", "insurer"}
PERSON_VERBS = {"say", "tell", "add", "die", "marry", "testify", "plead", "resign", "retire", "explain", "write",
                "recall", "insist", "smile", "laugh", "complain", "admit", "confess", "sing", "graduate"}  # a telling context outweighs one NER label: NER mistypes rare place names
PLACE_NOUNS = {"region", "province", "city", "state", "annexation", "invasion", "occupation", "capital", "town",
               "village", "area", "suburb", "suburbs", "outskirts", "district", "county", "country", "island"}
# Nouns (lemmas) and endings of nouns that name people: "Chechen militants" are a group, "a French city" is France.
PEOPLE_NOUNS = {"people", "man", "woman", "citizen", "national", "resident", "civilian", "fan", "immigrant",
                "migrant", "refugee", "worker", "voter", "student", "militant", "fighter", "rebel", "insurgent",
                "tourist", "brother", "sister", "family", "community", "population", "child", "youth", "descent",
                "origin", "player", "leader", "preacher", "writer", "singer", "dissident", "expatriate", "hostage",
                "victim", "passenger", "crew", "athlete", "nationalist", "separatist", "jihadist", "extremist",
                "couple", "counterpart", "society", "public", "opposition", "teenager", "girl", "boy", "mother", "father", "son", "daughter", "wife", "husband"}
PEOPLE_SUFFIXES = ("ist", "ists", "ian", "ians", "man", "men", "woman", "women", "ers", "ees", "ors")
# Endings of common nouns for one person ("designer", "strategist", "historian"): appositions and job titles.
PERSON_SUFFIXES = ("ist", "er", "or", "ian", "man", "woman", "person", "eer")
# Words of broadcasters' names, which monitoring services write after the city: "Paris Radio Orient".
MEDIA_WORDS = {"radio", "television", "tv"}
# NER labels of names kg does not keep, unless the text names the same thing elsewhere as an entity.
OTHER_NAME_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
# Verbs whose direct object is usually a place ("hit Kharkiv", "visited Kyiv").
PLACE_VERBS = {"visit", "hit", "shell", "bomb", "invade", "annex", "capture", "seize", "enter", "leave", "tour",
               "liberate", "besiege", "occupy", "reach", "evacuate"}
PLACE_PREPOSITIONS = {"in", "near", "across", "from", "into", "to", "at", "outside", "throughout"}
GENERIC_NAMES = {"party", "government", "army", "police", "company", "group", "ministry", "department",
                 "state", "city", "union", "council", "committee", "agency", "court", "bank", "club",
                 # portfolios before a title: "Finance Minister", "Health Secretary"
                 "finance", "health", "defence", "defense", "education", "justice", "interior", "environment",
                 "transport", "trade", "energy", "culture", "foreign", "economy",
                 "agriculture", "industry", "communications", "information", "housing", "work", "pensions"}
# Last words of the names of events, which kg does not make entities of.
EVENT_WORDS = {"championships", "championship", "games", "olympics", "cup", "festival", "awards", "summit",
               "conference", "war", "marathon", "open", "grand prix", "tournament", "elections", "election"}
# Words that, written before a name, make it a person's: the title joins the mention ("Sen. Robert Kennedy").
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "prime", "minister",
              "senator", "sen", "rep", "gov", "governor", "king", "queen", "prince", "princess", "pope", "general",
              "gen", "colonel", "col", "captain", "capt", "sgt", "sergeant", "lt", "lieutenant", "judge", "justice",
              "mayor", "chancellor", "premier", "ambassador", "professor", "prof", "rev", "reverend", "sheikh",
              "ayatollah", "secretary", "chairman", "admiral", "adm", "cardinal", "bishop", "rabbi", "imam",
              "officer", "detective", "commissioner", "inspector", "emir", "sultan", "speaker"}
EDGE_POS = {"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART", "PRON", "VERB", "AUX", "SPACE"}
STRIP_WORDS = {"the", "'s", "'", "’s", "’"}
