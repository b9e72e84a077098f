"""The ``kz-2011`` profile: Kazakhstan's early presidential election of 3 April 2011.

Figures marked *SYNOPSIS* are those the reference statement reports
(../shared/seed/SYNOPSIS.md); the rest are modelling assumptions documented in
docs/simulation.md. Region names are real; candidates, parties, commission
members and observers are fictional.
"""

from __future__ import annotations

# code, English, Russian, Kazakh, relative size of the electorate, urban share,
# honest turnout (urban, rural), share of stations whose protocol is inflated,
# centre (lat, lon), spread in degrees
REGIONS = [
    ("01", "Akmola Region", "Акмолинская область", "Ақмола облысы", 520, 0.46, (0.68, 0.84), 0.75, (53.28, 69.39), 1.5),
    ("02", "Aktobe Region", "Актюбинская область", "Ақтөбе облысы", 480, 0.60, (0.66, 0.84), 0.75, (50.28, 57.17), 1.8),
    ("03", "Almaty Region", "Алматинская область", "Алматы облысы", 1150, 0.23, (0.69, 0.86), 0.85, (45.02, 78.38), 1.5),
    ("04", "Atyrau Region", "Атырауская область", "Атырау облысы", 310, 0.47, (0.67, 0.83), 0.80, (47.10, 51.92), 1.2),
    ("05", "West Kazakhstan Region", "Западно-Казахстанская область", "Батыс Қазақстан облысы", 430, 0.49, (0.66, 0.83), 0.75, (51.23, 51.37), 1.3),
    ("06", "Zhambyl Region", "Жамбылская область", "Жамбыл облысы", 650, 0.40, (0.70, 0.87), 0.90, (42.90, 71.37), 1.2),
    ("07", "Karaganda Region", "Карагандинская область", "Қарағанды облысы", 980, 0.78, (0.64, 0.81), 0.70, (49.81, 73.09), 2.0),
    ("08", "Kostanay Region", "Костанайская область", "Қостанай облысы", 630, 0.48, (0.66, 0.83), 0.75, (53.21, 63.63), 1.5),
    ("09", "Kyzylorda Region", "Кызылординская область", "Қызылорда облысы", 410, 0.42, (0.72, 0.89), 0.92, (44.85, 65.51), 1.3),
    ("10", "Mangystau Region", "Мангистауская область", "Маңғыстау облысы", 270, 0.40, (0.64, 0.80), 0.70, (43.65, 51.16), 1.0),
    ("11", "South Kazakhstan Region", "Южно-Казахстанская область", "Оңтүстік Қазақстан облысы", 1340, 0.38, (0.71, 0.88), 0.92, (42.32, 69.59), 1.2),
    ("12", "Pavlodar Region", "Павлодарская область", "Павлодар облысы", 540, 0.69, (0.65, 0.82), 0.70, (52.29, 76.95), 1.4),
    ("13", "North Kazakhstan Region", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы", 430, 0.40, (0.67, 0.84), 0.75, (54.87, 69.16), 1.0),
    ("14", "East Kazakhstan Region", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", 1020, 0.59, (0.66, 0.83), 0.75, (49.95, 82.61), 1.8),
    ("15", "Astana", "Астана", "Астана", 420, 1.00, (0.66, 0.66), 0.60, (51.17, 71.43), 0.08),
    ("16", "Almaty", "Алматы", "Алматы", 950, 1.00, (0.61, 0.61), 0.50, (43.24, 76.89), 0.10),
]

N_DISTRICTS = 207  # SYNOPSIS §1
N_STATIONS = 9_725  # SYNOPSIS §1
N_SPECIAL = 525  # SYNOPSIS §2 ("about 525")
REGISTERED = 9_181_700  # SYNOPSIS §2, on election day
REGISTERED_BEFORE = 9_101_000  # SYNOPSIS §2, when the election was called
MEMBERS_PER_COMMISSION = 7  # SYNOPSIS §1

# Commission composition (SYNOPSIS §1). Gender: (women chairs, share of women members).
CEC_WOMEN = 2  # of 7
TEC_WOMEN_CHAIRS = 3  # of 16
TEC_WOMEN_SHARE = 0.304
DEC_WOMEN_CHAIRS_SHARE = 44 / 207
DEC_WOMEN_SHARE = 0.445
PEC_WOMEN_CHAIRS_SHARE = 0.44
PEC_WOMEN_SHARE = 0.73
OPPOSITION_COMMISSION_SHARE = 0.06
ETHNICITY = [
    ("Kazakh", 0.731), ("Russian", 0.167), ("Uzbek", 0.010), ("Uighur", 0.007),
    ("Ukrainian", 0.020), ("Tatar", 0.015), ("German", 0.015), ("Korean", 0.010), ("other", 0.025),
]
SAME_ORGANISATION_MAJORITY_SHARE = 0.30  # assumption: no figure is reported
ADVISORY_MEMBER_SHARE = 0.10  # assumption: commissions with a non-voting party member

# Parties: code, English, Russian, Kazakh, in parliament, opposition
PARTIES = [
    ("OTAN", "Otan Union", "Союз «Отан»", "«Отан» одағы", True, False),
    ("PATR", "Patriots' Party", "Партия патриотов", "Патриоттар партиясы", False, False),
    ("CPPK", "Communist People's Party", "Коммунистическая народная партия", "Коммунистік халық партиясы", False, False),
    ("AK", "Ak Zhol Democratic Party", "Демократическая партия «Ак жол»", "«Ақ жол» демократиялық партиясы", False, False),
    ("SDP", "Social Democratic Party", "Социал-демократическая партия", "Социал-демократиялық партия", False, True),
    ("AZT", "Free Democrats", "Свободные демократы", "Еркін демократтар", False, True),
    ("RUH", "Rukhaniyat", "Рухани ят", "Руханият", False, True),
]

# Candidates (fictional people with the roles SYNOPSIS §4 describes):
# number, English, Russian, Kazakh, nominator, party, body, incumbent, honest share
CANDIDATES = [
    (1, "Nurlan Abenov", "Нурлан Абенов", "Нұрлан Әбенов", "party", "OTAN", "", True, 0.93),
    (2, "Galym Kassenov", "Галым Касенов", "Ғалым Қасенов", "party", "PATR", "", False, 0.03),
    (3, "Zhanat Akhmetov", "Жанат Ахметов", "Жанат Ахметов", "party", "CPPK", "", False, 0.025),
    (4, "Marat Yessimov", "Марат Есимов", "Марат Есімов", "association", "", "Tabigat Ecological Union", False, 0.015),
]

# Manipulation (assumptions, tuned so that the official figures resemble the
# reported ones: turnout about 90 per cent, the incumbent about 95 per cent).
STUFFING_SHARE = 0.08  # stations where ballots are stuffed into the box
STUFFING_RANGE = (0.04, 0.12)  # stuffed ballots as a share of registered voters
INFLATED_TURNOUT_RANGE = (0.92, 0.995)  # turnout written into an inflated protocol
ALTERED_AT_DEC_SHARE = 0.10  # protocols whose votes are shifted at the DEC
ALTERED_SHIFT_RANGE = (0.20, 0.60)  # share of opponents' votes moved to the incumbent
COMPLETED_AT_DEC_SHARE = 0.05  # PEC protocols completed on DEC premises
CORRECTED_SHARE = 0.04  # official protocols corrected after entry
CORRECTED_WITHOUT_DECISION_SHARE = 0.60  # of those corrected, without a decision
ARITHMETIC_ERROR_SHARE = 0.02  # official protocols whose lines do not add up
INVALID_RATE = 0.006

# The mission (SYNOPSIS §7)
CORE_TEAM = 15
LONG_TERM_OBSERVERS = 28
SHORT_TERM_OBSERVERS = 350
PARLIAMENTARIANS = 79
STATES = 43
VOTING_VISITS = 1_470  # "over 1,445" polling stations observed during voting
COUNTS = 138
TABULATIONS = 115
REVISIT_SHARE = 0.012  # voting visits to a station another team also visited
LTO_WEEKS = 4

# Election day as observed (SYNOPSIS §8): counts per the reported denominators
VOTING_REPORTED_OF = VOTING_VISITS  # the reported counts are reproduced exactly at scale 1
VOTING_INCIDENTS = {
    "identical_signatures": 219,
    "ballot_stuffing": 28,
    "boxes_not_sealed": 98,
    "group_voting": 128,
    "multiple_voting": 34,
    "proxy_voting": 63,
    "voting_without_id": 80,
    "voters_turned_away": 73,
    "unauthorised_persons_present": 132,
    "observers_restricted": 125,
}
VOTING_DIRECTING = 14  # of those with unauthorised persons present
VOTING_PARTY_OBSERVERS_SHARE = 0.88
VOTING_NEGATIVE_SHARE = 0.09
OPENING_NEGATIVE_SHARE = 0.05
COUNTING_NEGATIVE_SHARE = 1 / 6
COUNTING = {  # per 138 counts
    "stacks_of_ballots": 27,
    "observers_restricted": 17,
    "choices_not_announced": round(138 * 3 / 4),
    "protocol_difficulties": round(138 / 5),
    "protocol_presigned": 21,  # "many": assumption
    "protocol_not_posted": round(138 / 4),
}
TABULATION_NOT_TRANSPARENT_SHARE = 0.40  # "many": assumption
TABULATION_COMPLETED_AT_DEC = 49
TABULATION_CORRECTED_WITHOUT_DECISION = 29
TABULATION_NEGATIVE_SHARE = 0.30  # assumption

STATE_CODES = (
    "AT BE BG CA CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LT LU LV MD "
    "ME MK MT NL NO PL PT RO RS SE SI SK TR UA US AZ AM BA"
).split()
