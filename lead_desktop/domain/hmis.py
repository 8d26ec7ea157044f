"""HUD HMIS code lists used at intake (FY2026 data standards), with readable labels."""

from __future__ import annotations

#: The three answers every element allows.
NOT_GIVEN = {8: "Client doesn't know", 9: "Client prefers not to answer", 99: "Data not collected"}

NAME_DQ = {1: "Full name reported", 2: "Partial, street name, or code name reported", **NOT_GIVEN}
SSN_DQ = {1: "Full SSN reported", 2: "Approximate or partial SSN reported", **NOT_GIVEN}
DOB_DQ = {1: "Full DOB reported", 2: "Approximate or partial DOB reported", **NOT_GIVEN}
NO_YES = {0: "No", 1: "Yes", **NOT_GIVEN}
SEX = {0: "Female", 1: "Male", **NOT_GIVEN}

#: 3.04 race and ethnicity: field name in Client.csv -> label.
RACE = {
    "AmIndAKNative": "American Indian, Alaska Native, or Indigenous",
    "Asian": "Asian or Asian American",
    "BlackAfAmerican": "Black, African American, or African",
    "HispanicLatinaeo": "Hispanic/Latina/e/o",
    "MidEastNAfrican": "Middle Eastern or North African",
    "NativeHIPacific": "Native Hawaiian or Pacific Islander",
    "White": "White",
}

#: 3.917 prior living situation groups (codes as in the data standards).
LIVING_SITUATION = {
    101: "Emergency shelter",
    116: "Place not meant for habitation",
    118: "Safe Haven",
    204: "Psychiatric hospital or other psychiatric facility",
    205: "Substance abuse treatment facility or detox center",
    206: "Hospital or other residential non-psychiatric medical facility",
    207: "Jail, prison, or juvenile detention facility",
    215: "Foster care home or foster care group home",
    225: "Long-term care facility or nursing home",
    302: "Transitional housing for homeless persons",
    312: "Staying or living with family, temporary tenure",
    313: "Staying or living with friends, temporary tenure",
    314: "Hotel or motel paid for without emergency shelter voucher",
    327: "Moved from one HOPWA funded project to HOPWA TH",
    329: "Residential project or halfway house with no homeless criteria",
    332: "Host Home (non-crisis)",
    335: "Staying or living in a family member's room, apartment, or house",
    336: "Staying or living in a friend's room, apartment, or house",
    410: "Rental by client, no ongoing housing subsidy",
    421: "Owned by client, with ongoing housing subsidy",
    411: "Owned by client, no ongoing housing subsidy",
    435: "Rental by client, with ongoing housing subsidy",
    **NOT_GIVEN,
}

#: 4.10 substance use disorder.
SUBSTANCE_USE = {0: "No", 1: "Alcohol use disorder", 2: "Drug use disorder", 3: "Both", **NOT_GIVEN}

STATUSES = ("active", "inactive", "in_the_wind")
ALIAS_KINDS = ("alias", "street")
