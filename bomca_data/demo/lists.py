"""The demonstration data's facts and word lists: what the programme published (and the
demo agrees with), the steering-group meetings, places, agencies, positions, topics,
activity types' weights, group sizes and budgets. Only the published figures are real;
the rest is illustrative, never programme data (see data/README.md)."""

from __future__ import annotations

import datetime as dt

from bomca_data.contract import REGION

# What the programme published, and the demo agrees with (see data/README.md).
PUBLISHED_DATE = dt.date(2022, 9, 5)  # NSG press release: 93 activities implemented
COMPLETED_BY_PUBLISHED = 93
RSG4_DATE = dt.date(2025, 2, 20)  # 4th Regional Steering Group, Ashgabat
EVENTS_BY_RSG4, THEMATIC_BY_RSG4, JOINT_BY_RSG4 = 306, 275, 77
EVENTS_IN_2024 = 77
NOT_HELD_BY_RSG4 = 31  # cancelled or postponed by then: 306 of 337 planned, 90.8 %
PUBLISHED = [  # statement_id, date, source, indicator, year, comparison, value, quote
    ("NSG-2022-PR-1", PUBLISHED_DATE, "NSG press release (September 2022)",
     "activities_completed", None, "=", 93, "93 activities implemented"),
    ("NSG-2022-PR-2", PUBLISHED_DATE, "NSG press release (September 2022)",
     "participants_unique", None, ">", 1400, "over 1,400 participants"),
    ("RSG4-1", RSG4_DATE, "4th Regional Steering Group, Ashgabat, 20 February 2025",
     "events", None, "=", 306, "306 events since April 2021"),
    ("RSG4-2", RSG4_DATE, "4th Regional Steering Group, Ashgabat, 20 February 2025",
     "thematic_events", None, "=", 275, "of them 275 thematic"),
    ("RSG4-3", RSG4_DATE, "4th Regional Steering Group, Ashgabat, 20 February 2025",
     "events_in_year", 2024, "=", 77, "77 events held in 2024"),
    ("RSG4-4", RSG4_DATE, "4th Regional Steering Group, Ashgabat, 20 February 2025",
     "participants_unique", None, ">", 6000, "more than 6,000 participants"),
    ("RSG4-5", RSG4_DATE, "4th Regional Steering Group, Ashgabat, 20 February 2025",
     "planned_implemented_share", None, "about", 0.9,
     "nearly 90 % of planned activities implemented"),
    ("RSG4-6", RSG4_DATE, "4th Regional Steering Group, Ashgabat, 20 February 2025",
     "joint_events", None, "=", 77,
     "77 events held jointly with other international organisations"),
]

# Steering-group meetings (see demo._meetings): id, type, country, start, end, place
MEETINGS = [
    ("NSG-KZ-2021", "NSG", "KZ", "2021-11-16", None, "Nur-Sultan"),
    ("NSG-UZ-2021", "NSG", "UZ", "2021-11-25", None, "Tashkent"),
    ("NSG-KG-2021", "NSG", "KG", "2021-12-02", None, "Bishkek"),
    ("NSG-TJ-2021", "NSG", "TJ", "2021-12-09", None, "Dushanbe"),
    ("NSG-TM-2021", "NSG", "TM", "2021-12-14", None, "Ashgabat"),
    ("NSG-KZ-2022", "NSG", "KZ", "2022-09-05", "2022-09-06", "Nur-Sultan"),
    ("NSG-UZ-2022", "NSG", "UZ", "2022-09-22", None, "Tashkent"),
    ("NSG-KG-2022", "NSG", "KG", "2022-10-06", None, "Bishkek"),
    ("NSG-TJ-2022", "NSG", "TJ", "2022-10-13", None, "Dushanbe"),
    ("NSG-TM-2022", "NSG", "TM", "2022-10-27", None, "Ashgabat"),
    ("RSG-2022", "RSG", REGION, "2022-12-08", None, "Tashkent"),
    ("NSG-KZ-2023", "NSG", "KZ", "2023-09-11", None, "Astana"),
    ("NSG-UZ-2023", "NSG", "UZ", "2023-09-21", None, "Tashkent"),
    ("NSG-KG-2023", "NSG", "KG", "2023-10-05", None, "Bishkek"),
    ("NSG-TJ-2023", "NSG", "TJ", "2023-10-12", None, "Dushanbe"),
    ("NSG-TM-2023", "NSG", "TM", "2023-10-26", None, "Ashgabat"),
    ("RSG-2023", "RSG", REGION, "2023-11-16", "2023-11-17", "Almaty"),
    ("RSG-2024", "RSG", REGION, "2024-05-23", None, "Bishkek"),
    ("NSG-KZ-2024", "NSG", "KZ", "2024-09-12", None, "Astana"),
    ("NSG-UZ-2024", "NSG", "UZ", "2024-09-26", None, "Tashkent"),
    ("NSG-KG-2024", "NSG", "KG", "2024-10-03", None, "Bishkek"),
    ("NSG-TJ-2024", "NSG", "TJ", "2024-10-10", None, "Dushanbe"),
    ("NSG-TM-2024", "NSG", "TM", "2024-10-24", None, "Ashgabat"),
    ("RSG-2025", "RSG", REGION, RSG4_DATE.isoformat(), None, "Ashgabat"),
    ("NSG-KZ-2025", "NSG", "KZ", "2025-06-05", None, "Astana"),
    ("NSG-UZ-2025", "NSG", "UZ", "2025-06-12", None, "Tashkent"),
    ("NSG-KG-2025", "NSG", "KG", "2025-06-19", None, "Bishkek"),
    ("NSG-TJ-2025", "NSG", "TJ", "2025-06-26", None, "Dushanbe"),
    ("NSG-TM-2025", "NSG", "TM", "2025-07-03", None, "Ashgabat"),
    ("RSG-2025-FINAL", "RSG", REGION, "2025-09-18", None, "Tashkent"),
]

PARTNERS = ("OSCE", "UNODC", "IOM", "UNDP", "WCO", "UNHCR")  # joint events' co-organisers

CITIES = {
    "KZ": ("Nur-Sultan", "Almaty", "Shymkent"), "KG": ("Bishkek", "Osh", "Karakol"),
    "TJ": ("Dushanbe", "Khujand", "Khorog"), "TM": ("Ashgabat", "Turkmenabat", "Mary"),
    "UZ": ("Tashkent", "Samarkand", "Termez"),
    REGION: ("Almaty", "Tashkent", "Bishkek", "Riga", "Vienna"),
}
AGENCIES = {
    "KZ": (("Border Service of the National Security Committee", "border"),
           ("State Revenue Committee (customs)", "customs"),
           ("Veterinary Control and Supervision Committee", "veterinary_phytosanitary"),
           ("Ministry of Internal Affairs", "other_state"),
           ("Public Foundation for Border Communities", "civil_society")),
    "KG": (("Border Service of the State Committee for National Security", "border"),
           ("State Customs Service", "customs"),
           ("Inspectorate for Veterinary and Phytosanitary Safety", "veterinary_phytosanitary"),
           ("Ministry of Foreign Affairs", "other_state"),
           ("Association of Border Villages", "civil_society")),
    "TJ": (("Border Troops of the State Committee for National Security", "border"),
           ("Customs Service under the Government", "customs"),
           ("Committee for Food Security", "veterinary_phytosanitary"),
           ("Ministry of Internal Affairs", "other_state"),
           ("Women's Business Network", "civil_society")),
    "TM": (("State Border Service", "border"), ("State Customs Service", "customs"),
           ("State Veterinary Service", "veterinary_phytosanitary"),
           ("State Migration Service", "other_state")),
    "UZ": (("Border Troops of the State Security Service", "border"),
           ("State Customs Committee", "customs"),
           ("Agency for Plant Protection and Quarantine", "veterinary_phytosanitary"),
           ("Ministry of Internal Affairs", "other_state"),
           ("Chamber of Commerce and Industry", "civil_society")),
}
WOMEN_SHARE = {"border": 0.14, "customs": 0.32, "veterinary_phytosanitary": 0.41,
               "other_state": 0.36, "civil_society": 0.55}
POSITIONS = ("Inspector", "Senior inspector", "Head of unit", "Deputy head of department",
             "Trainer", "Risk analyst", "Officer", "Chief specialist")
TOPICS = {
    "C1": ("integrated border management strategy", "human resources management",
           "training academy curricula", "gender mainstreaming in border agencies",
           "risk analysis units", "anti-corruption measures", "strategic planning"),
    "C2": ("detection of forged documents", "canine units", "CBRN detection",
           "drug trafficking detection", "green border surveillance",
           "detection of stolen vehicles", "document examination laboratories"),
    "C3": ("the WCO SAFE framework", "authorised economic operators", "post-clearance audit",
           "phytosanitary controls at border crossing points", "electronic single window",
           "transit procedures", "veterinary border inspection posts"),
    "C4": ("joint border patrols", "information exchange between border crossing points",
           "cross-border cooperation in the Fergana valley", "joint risk analysis",
           "local border traffic", "cooperation of border communities"),
}
TYPE_LABEL = {"training": "Training", "workshop": "Workshop", "study_visit": "Study visit",
              "conference": "Conference", "assessment": "Needs assessment",
              "expert_mission": "Expert mission", "equipment": "Equipment delivery",
              "coordination_meeting": "Coordination meeting", "other": "Round table"}
TYPE_WEIGHTS = {"training": 34, "workshop": 20, "study_visit": 9, "conference": 7,
                "assessment": 10, "expert_mission": 10, "equipment": 6, "other": 4}
GROUP_SIZE = {"training": (16, 30), "workshop": (18, 34), "study_visit": (6, 12),
              "conference": (35, 70), "assessment": (4, 10), "expert_mission": (6, 14),
              "equipment": (0, 0), "coordination_meeting": (8, 16), "other": (12, 24)}
BUDGET = {"training": (12_000, 40_000), "workshop": (15_000, 45_000),
          "study_visit": (30_000, 70_000), "conference": (45_000, 95_000),
          "assessment": (8_000, 25_000), "expert_mission": (10_000, 30_000),
          "equipment": (60_000, 380_000), "coordination_meeting": (3_000, 12_000),
          "other": (5_000, 15_000)}
