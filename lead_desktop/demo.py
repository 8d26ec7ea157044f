"""Synthetic demo participants and casework for a Baltimore-like caseload (no real people)."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from lead_desktop.domain.coverage import CoverageArea, load_default
from lead_desktop.domain.participant import validate_participant
from lead_desktop.errors import LeadError
from lead_desktop.store.casework import (
    add_goal,
    add_step,
    create_plan,
    create_referral,
    log_encounter,
    record_screening,
)
from lead_desktop.store.participants import create_participants
from lead_desktop.store.store import Store
from lead_desktop.store.tx import Tx

logger = logging.getLogger(__name__)

PersonRow = tuple[dict[str, Any], list[tuple[str, str]]]

CASEWORK_CAP = 200
FIRST_BIRTH = date(1955, 1, 1)
LAST_BIRTH = date(2006, 12, 31)


@dataclass(frozen=True)
class _Group:
    """Names and answers typical of one community in the caseload."""

    weight: int
    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]
    race: tuple[tuple[tuple[str, ...], int], ...]  # (race columns, weight)
    detail: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    family_first: bool = False  # Vietnamese: Họ Tên đệm Tên
    female_last: tuple[str, ...] = ()  # Polish: female forms of ``last`` (same order)
    suffixes: bool = False  # Jr., III... are common


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


_BLACK = (
    (("BlackAfAmerican",), 95),
    (("BlackAfAmerican", "White"), 3),
    (("AmIndAKNative", "BlackAfAmerican"), 2),
)
_WHITE = ((("White",), 96), (("AmIndAKNative", "White"), 2), (("NativeHIPacific", "White"), 2))

GROUPS: tuple[_Group, ...] = (
    _Group(
        52,
        _names(
            "DeShawn|Tyrone|Darnell|Marcus|Andre|Jamal|Terrell|Maurice|Reginald|Dante|Kevin|"
            "Antoine|Cedric|Lamont|Rashad|Darius|Jerome|Curtis|Calvin|Demetrius|Keon|Tavon|"
            "D'Andre|Ja'Quan|Michael|Anthony|Derrick|Troy|Wayne|Ronald|Gregory|Dwayne"
        ),
        _names(
            "Latoya|Keisha|Tamika|Shanice|Ebony|Monique|Aaliyah|Imani|Tanisha|Shanté|Denise|"
            "Yolanda|Angela|Patrice|Kiara|Dominique|Renée|Nia|Jasmine|Ta'Nya|Brenda|Tiffany|"
            "Crystal|Sharon|Precious|Destiny"
        ),
        _names(
            "Williams|Johnson|Brown|Jones|Jackson|Harris|Robinson|Thomas|Washington|Green|"
            "Coleman|Bell|Butler|Gaines|Holmes|Dorsey|Barnes|Greene|Hairston|Mack|Tate|Wallace|"
            "Simmons|Ford|Booker|Pinkney|Fields|Hawkins|Wright|Carter|Freeman|Jenkins|Mosley"
        ),
        _BLACK,
        suffixes=True,
    ),
    _Group(
        16,
        _names(
            "Michael|James|Robert|William|David|Richard|Joseph|Thomas|Christopher|Daniel|"
            "Brandon|Justin|Kyle|Cody|Travis|Shane|Dustin|Jeremy|Noël|René"
        ),
        _names(
            "Jennifer|Jessica|Amanda|Ashley|Melissa|Sarah|Heather|Nicole|Kimberly|Crystal|"
            "Brittany|Amber|Tabitha|Zoë|Chloë|Renée"
        ),
        _names(
            "Smith|Miller|Davis|Wilson|Anderson|Taylor|Moore|Martin|Thompson|White|Clark|"
            "Lewis|Walker|Hall|Young|Allen|King|Scott|Baker|Adams|Nelson|Hill|Campbell|"
            "Mitchell|Schmidt|Weber|Becker|Müller|Schäfer|Kraus|Hoffmann|Kowalczyk"
        ),
        _WHITE,
        suffixes=True,
    ),
    _Group(
        5,
        _names("Patrick|Sean|Brendan|Ciarán|Declan|Kevin|Liam|Eoin|Séamus|Dónal"),
        _names("Siobhán|Aoife|Niamh|Maeve|Bridget|Caitlín|Róisín|Mary|Kathleen|Sinéad"),
        _names(
            "O'Brien|O'Connor|O'Neill|Murphy|Kelly|Sullivan|McCarthy|Fitzgerald|Gallagher|"
            "Byrne|O'Malley|Doyle|Ó Súilleabháin|O'Brien-Ćosić|Mac Giolla"
        ),
        _WHITE,
        detail=("Irish American",),
    ),
    _Group(
        4,
        _names(
            "Łukasz|Wojciech|Krzysztof|Paweł|Michał|Stanisław|Tomasz|Grzegorz|Dragan|Miloš|"
            "Zoran|Jiří"
        ),
        _names(
            "Małgorzata|Agnieszka|Zofia|Katarzyna|Bożena|Grażyna|Jadwiga|Jelena|Milica|"
            "Dragana|Zuzana"
        ),
        _names(
            "Wiśniewski|Kowalski|Nowak|Lewandowski|Wójcik|Kamiński|Zieliński|Szymański|"
            "Dąbrowski|Ćosić|Petrović|Jovanović|Kovač|Dvořák"
        ),
        _WHITE,
        detail=("Polish", "Serbian", "Czech", "Ukrainian"),
        languages=("Polish", "Serbian"),
        female_last=_names(
            "Wiśniewska|Kowalska|Nowak|Lewandowska|Wójcik|Kamińska|Zielińska|"
            "Szymańska|Dąbrowska|Ćosić|Petrović|Jovanović|Kovač|Dvořáková"
        ),
    ),
    _Group(
        10,
        _names(
            "José|Juan|Luis|Jesús|Ángel|Andrés|Ramón|Óscar|Martín|Raúl|Carlos|Miguel|"
            "Héctor|Efraín|Joaquín|Julián"
        ),
        _names(
            "María|Sofía|Lucía|Guadalupe|Inés|Ana|Rocío|Belén|Mónica|Verónica|Yesenia|"
            "Marisol|Araceli|Dulce"
        ),
        _names(
            "Núñez|Peña|Ibáñez|García|Hernández|Martínez|Rodríguez|López|González|Pérez|"
            "Sánchez|Ramírez|Flores|Gómez|Díaz|Cruz|Reyes|Morales|Ortiz|Gutiérrez|Chávez|"
            "Muñoz|Castañeda|Avilés"
        ),
        (
            (("HispanicLatinaeo",), 80),
            (("HispanicLatinaeo", "White"), 12),
            (("BlackAfAmerican", "HispanicLatinaeo"), 5),
            (("AmIndAKNative", "HispanicLatinaeo"), 3),
        ),
        detail=("Salvadoran", "Honduran", "Mexican", "Puerto Rican", "Guatemalan", "Dominican"),
        languages=("Spanish",),
    ),
    _Group(
        3,
        _names("An|Bảo|Cường|Dũng|Hải|Hùng|Khánh|Long|Minh|Phúc|Quang|Sơn|Tuấn|Việt"),
        _names("Anh|Hằng|Hoa|Hương|Lan|Linh|Mai|Ngọc|Phương|Thảo|Trang|Tuyết|Khai"),
        _names("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Ngô|Dương"),
        ((("Asian",), 100),),
        detail=("Vietnamese",),
        languages=("Vietnamese",),
        family_first=True,
    ),
    _Group(
        2,
        _names("Min-jun|Ji-ho|Hyun-woo|Sung-min|Jae-won|Dong-hyun|Tae-yang|Joon-young"),
        _names("Ji-woo|Seo-yeon|Min-seo|Ha-eun|Soo-ah|Eun-ji|Yu-na|Hye-jin"),
        _names("Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Shin"),
        ((("Asian",), 100),),
        detail=("Korean",),
        languages=("Korean",),
    ),
    _Group(
        3,
        _names("Mohammed|Ahmad|Omar|Youssef|Khalid|Hassan|Samir|Karim|Tariq|Rami"),
        _names("Fatima|Aisha|Layla|Nour|Mariam|Yasmin|Huda|Rania|Salma"),
        _names(
            "Al-Masri|Haddad|Khoury|Abdullah|Hassan|Mansour|Nasser|Saleh|El-Sayed|Aziz|"
            "Farouk|Al-Amin"
        ),
        ((("MidEastNAfrican",), 85), (("MidEastNAfrican", "White"), 15)),
        detail=("Egyptian", "Lebanese", "Syrian", "Yemeni", "Palestinian"),
        languages=("Arabic",),
    ),
    _Group(
        5,
        _names(
            "Abebe|Tesfaye|Yohannes|Dawit|Mulugeta|Bereket|Chukwuemeka|Oluwaseun|Adebayo|"
            "Kwame|Kofi|Mamadou|Ousmane|Ibrahima"
        ),
        _names(
            "Selam|Meseret|Tigist|Hiwot|Almaz|Genet|Ngozi|Chiamaka|Ama|Abena|Fatoumata|"
            "Aminata|Adaeze"
        ),
        _names(
            "Bekele|Tadesse|Girma|Haile|Alemu|Kebede|Mengistu|Assefa|Getachew|Okafor|Adeyemi|"
            "Okonkwo|Mensah|Asante|Diallo|Traoré|Koné|Ouédraogo|Nwosu|Owusu"
        ),
        ((("BlackAfAmerican",), 100),),
        detail=("Ethiopian", "Eritrean", "Nigerian", "Ghanaian", "Sierra Leonean", "Malian"),
        languages=("Amharic", "Tigrinya", "French"),
    ),
)
_GROUP_WEIGHTS = [g.weight for g in GROUPS]
_MIDDLE_MALE = _names("Lee|James|Allen|Wayne|Ray|Lamar|Dale|Antonio|Jerome|Eugene")
_MIDDLE_FEMALE = _names("Marie|Lynn|Ann|Nicole|Renée|Michelle|Denise|Louise|Jo|Mae")
STREET_NAMES = _names(
    "Smoke|Lil Mike|Red|Peanut|Boo|Man-Man|Shorty|Slim|Tiny|Big Tee|Cookie|Ghost|Pooh|Bird|Dre|"
    "Ray-Ray|Sunshine|Mama|Brooklyn|Kiki|Pop|Unc|Juju|Flaco|Güero|Chino|Country|Bam|Pookie|"
    "Black|Sweets|Peaches|Nephew|Tank|Lefty|Doc|Bookie|Butter|Wolf|Rico|Nene"
)
_SUFFIXES = ("Jr.", "Jr.", "Jr.", "Sr.", "II", "III")


def _pick_weighted(rng: random.Random, options: tuple[tuple[Any, int], ...]) -> Any:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


def _code(rng: random.Random, options: tuple[tuple[int, int], ...]) -> int:
    return int(_pick_weighted(rng, options))


def _person(rng: random.Random, today: date | None) -> PersonRow:
    group = rng.choices(GROUPS, _GROUP_WEIGHTS)[0]
    sex = _code(rng, ((1, 64), (0, 33), (8, 1), (9, 1), (99, 1)))
    female = sex == 0 or (sex != 1 and rng.random() < 0.5)
    first = rng.choice(group.female if female else group.male)
    last_index = rng.randrange(len(group.last))
    last = (group.female_last or group.last)[last_index] if female else group.last[last_index]
    middle: str | None = None
    if group.family_first:  # Nguyễn Thị Minh Khai: Thị / Văn then sometimes a second name
        middle = "Thị" if female else "Văn"
        if rng.random() < 0.4:
            middle += " " + rng.choice(group.female if female else group.male)
    elif rng.random() < 0.35:
        own = group.female if female else group.male
        middle = rng.choice((_MIDDLE_FEMALE if female else _MIDDLE_MALE) if group.suffixes else own)
        middle = None if middle == first else middle
    if group.suffixes and not female and rng.random() < 0.05:  # Jr. / III
        suffix: str | None = rng.choice(_SUFFIXES)
    else:
        suffix = None
    data: dict[str, Any] = {
        "first_name": first,
        "middle_name": middle,
        "last_name": last,
        "name_suffix": suffix,
        "name_dq": 1,
    }
    aliases: list[tuple[str, str]] = []
    if rng.random() < 0.30:
        street = rng.choice(STREET_NAMES)
        if rng.random() < 0.15:
            street = f"Lil {first.split('-')[0]}"
        aliases.append((street, "street"))
        if rng.random() < 0.15:  # known on the street by that name only at first
            data.update(last_name=None, middle_name=None, name_suffix=None, name_dq=2)
    if rng.random() < 0.08:
        other = rng.choice(group.last)
        if other != last:
            aliases.append((f"{first} {other}", "alias"))
    _dates_and_codes(rng, data, group, sex)
    data["status"] = _pick_weighted(rng, (("active", 75), ("inactive", 15), ("in_the_wind", 10)))
    if today is not None:
        earliest = today - timedelta(days=3 * 365)
        if data["dob"] is not None:  # adults only
            earliest = max(earliest, data["dob"].replace(day=1) + timedelta(days=18 * 366))
        span = max((today - earliest).days, 0)
        data["intake_date"] = data["project_start_date"] = today - timedelta(
            days=rng.randrange(span + 1)
        )
    return validate_participant(data, today=today or date.today()), aliases


def _dates_and_codes(rng: random.Random, data: dict[str, Any], group: _Group, sex: int) -> None:
    dob_dq = _code(rng, ((1, 86), (2, 9), (8, 3), (9, 1), (99, 1)))
    dob: date | None = None
    if dob_dq in (1, 2):
        dob = FIRST_BIRTH + timedelta(days=rng.randrange((LAST_BIRTH - FIRST_BIRTH).days + 1))
        if dob_dq == 2:  # approximate: only the year (or month) is known
            dob = dob.replace(month=1, day=1) if rng.random() < 0.6 else dob.replace(day=1)
    ssn_dq = _code(rng, ((2, 62), (99, 24), (8, 7), (9, 7)))
    race_none: int | None = None
    race: list[str] = []
    if rng.random() < 0.04:
        race_none = _code(rng, ((8, 1), (9, 1), (99, 2)))
    else:
        race = list(_pick_weighted(rng, group.race))
    detail = rng.choice(group.detail) if group.detail and race and rng.random() < 0.6 else None
    veteran = _code(rng, ((0, 86), (1, 7), (8, 2), (9, 1), (99, 4)))
    language = "English"
    if group.languages and rng.random() < 0.45:
        language = rng.choice(group.languages)
    data.update(
        dob=dob,
        dob_dq=dob_dq,
        ssn=f"xxxxx{rng.randrange(10_000):04d}" if ssn_dq == 2 else None,
        ssn_dq=ssn_dq,
        race=race,
        race_none=race_none,
        race_detail=detail,
        sex=sex,
        veteran_status=0 if veteran == 1 and sex == 0 and rng.random() < 0.5 else veteran,
        disabling_condition=_code(rng, ((0, 45), (1, 45), (8, 4), (9, 2), (99, 4))),
        preferred_language=language,
        interpreter_needed=language != "English" and rng.random() < 0.5,
        prior_living_situation=_code(
            rng,
            (
                (116, 30),
                (101, 15),
                (207, 10),
                (313, 12),
                (335, 10),
                (336, 8),
                (410, 10),
                (205, 3),
                (99, 2),
            ),
        ),
    )


def generate_people(n: int, seed: int = 7, *, today: date | None = None) -> list[PersonRow]:
    """Return ``n`` synthetic participants (validated values, aliases); same seed, same people.

    The first k people are the same whatever ``n``. With ``today``, intake and project start
    dates within the 3 years before it are added (the rest does not depend on the date).
    """
    if n < 0:
        raise ValueError("n must be 0 or more")
    rng = random.Random(seed)
    return [_person(rng, today) for _ in range(n)]


# -- casework ------------------------------------------------------------------------------

_PLACES = (
    ("Lexington Market", 39.2915, -76.6214),
    ("University of Maryland Medical Center", 39.2887, -76.6246),
    ("N Eutaw St & W Lexington St", 39.2917, -76.6199),
    ("N Howard St & W Saratoga St", 39.2925, -76.6192),
    ("W Baltimore St & N Paca St", 39.2893, -76.6229),
    ("Park Ave & W Fayette St", 39.2906, -76.6180),
    ("N Greene St & W Saratoga St", 39.2923, -76.6250),
    ("W Mulberry St & N Charles St", 39.2937, -76.6157),
)
_OFFICERS = (
    ("Ofc. K. Daniels", "B4172"),
    ("Ofc. M. Alvarez", "B3981"),
    ("Sgt. T. Whitfield", "B2260"),
    ("Ofc. J. Nguyen", "B5034"),
    ("Ofc. R. O'Donnell", "B4417"),
    ("Ofc. S. Bakare", "B5120"),
)
_GOALS = (
    ("housing", "Move into stable housing", "No ID; waitlist", "Get a Maryland state ID"),
    ("income_benefits", "Apply for SNAP and SSI", "Missed appointments", "Go to DSS with the CM"),
    ("insurance_health", "Enroll in Medicaid", "No mailing address", "Use the program address"),
    ("substance_use", "Start buprenorphine treatment", "Transport", "Intake at the MAT clinic"),
    ("mental_health", "See a counselor every two weeks", "Phone cut off", "Get a Lifeline phone"),
    ("employment_education", "Get a food-handler certificate", "Schedule", "Enroll in the class"),
    ("legal", "Resolve the open bench warrant", "Fear of arrest", "Meet the public defender"),
)
_SERVICES = ("naloxone", "food", "transport", "hygiene_kit", "phone", "id_documents", "benefits")


def _when(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randrange(8, 20), rng.choice((0, 15, 30, 45))))


def _casework(
    tx: Tx,
    rng: random.Random,
    person_id: str,
    values: dict[str, Any],
    *,
    today: date,
    area: CoverageArea | None,
) -> None:
    intake = date.fromisoformat(values["intake_date"]) if values.get("intake_date") else today
    referred = _when(intake - timedelta(days=rng.randrange(0, 21)), rng)
    arrest = rng.random() < 0.35
    place, lat, lon = rng.choice(_PLACES)
    lat, lon = round(lat + rng.uniform(-4e-4, 4e-4), 6), round(lon + rng.uniform(-4e-4, 4e-4), 6)
    officer, badge = rng.choice(_OFFICERS)
    decision = _pick_weighted(rng, (("accepted", 85), ("undecided", 8), ("declined", 7)))
    create_referral(
        tx,
        data={
            "participant_id": person_id,
            "referral_type": "arrest_diversion" if arrest else "social_contact",
            "referred_at": referred.isoformat(),
            "handoff_at": (referred + timedelta(minutes=rng.randrange(10, 50))).isoformat()
            if arrest
            else None,
            "location_text": place,
            "lat": lat,
            "lon": lon,
            "in_area": area.contains(lat, lon) if area else None,
            "officer_name": officer,
            "officer_id": badge,
            "district": "Central",
            "incident_number": f"{referred:%y}{referred:%m}-{rng.randrange(1, 9999):04d}",
            "offense_category": _pick_weighted(
                rng,
                (
                    ("possession", 60),
                    ("prostitution", 20),
                    ("subsistence_sale", 15),
                    ("other", 5),
                ),
            ),
            "records_check_done": True,
            "prosecutor_decision": "eligible" if decision != "declined" else "pending",
            "prosecutor_decision_at": (referred + timedelta(days=1)).isoformat(),
            "prosecutor_name": "ASA L. Brennan",
            "decision": decision,
            "decline_reason": "Chose to be processed as usual" if decision == "declined" else None,
        },
    )
    if decision == "declined":
        return
    for k in range(rng.randrange(1, 4)):
        log_encounter(
            tx,
            participant_id=person_id,
            data={
                "occurred_at": (referred + timedelta(days=2 + 9 * k, hours=1)).isoformat(),
                "contact_type": rng.choice(("in_person", "in_person", "phone", "outreach_attempt")),
                "place": rng.choice(_PLACES)[0],
                "services": rng.sample(_SERVICES, rng.randrange(0, 3)),
                "note": "Checked in; talked about next steps.",
            },
        )
    sex = {0: "female", 1: "male"}.get(values["sex"])
    if rng.random() < 0.6:
        record_screening(
            tx,
            participant_id=person_id,
            instrument="AUDIT-C",
            items=[rng.randrange(0, 5) for _ in range(3)],
            screened_at=(referred + timedelta(days=3)).isoformat(),
            sex=sex,
        )
        phq = [rng.choice((0, 0, 1, 1, 2, 3)) for _ in range(8)]
        phq.append(1 if rng.random() < 0.03 else 0)  # item 9: rare, raises a safety alert
        record_screening(
            tx,
            participant_id=person_id,
            instrument="PHQ-9",
            items=phq,
            screened_at=(referred + timedelta(days=3)).isoformat(),
        )
    if rng.random() < 0.45:
        _plan(tx, rng, person_id, referred.date(), today)


def _plan(tx: Tx, rng: random.Random, person_id: str, referred: date, today: date) -> None:
    plan_date = min(referred + timedelta(days=rng.randrange(7, 30)), today)
    plan_id = create_plan(
        tx,
        data={
            "participant_id": person_id,
            "plan_date": plan_date.isoformat(),
            "review_date": (plan_date + timedelta(days=90)).isoformat(),
            "status": "active",
            "stage_of_change": rng.choice(("precontemplation", "contemplation", "preparation")),
            "priorities": "Safety first; housing and treatment as the person chooses.",
        },
    )
    for position, (domain, goal, barrier, step) in enumerate(rng.sample(_GOALS, 2)):
        goal_id = add_goal(
            tx,
            plan_id=plan_id,
            data={"domain": domain, "goal": goal, "barriers": barrier, "position": position},
        )
        add_step(
            tx,
            goal_id=goal_id,
            data={
                "description": step,
                "responsible": "participant",
                "target_date": (plan_date + timedelta(days=30)).isoformat(),
                "status": rng.choice(("open", "in_progress", "done")),
                "position": 0,
            },
        )
        add_step(
            tx,
            goal_id=goal_id,
            data={
                "description": "Go together to the first appointment",
                "responsible": "case_manager",
                "target_date": (plan_date + timedelta(days=14)).isoformat(),
                "status": "open",
                "position": 1,
            },
        )


def load_demo(  # noqa: PLR0913 - keyword options of one loader
    store: Store,
    n: int,
    seed: int = 7,
    with_casework: bool = True,
    *,
    today: date | None = None,
    case_manager_id: str | None = None,
    caseload: int = 20,
) -> int:
    """Insert ``n`` synthetic participants (and casework for up to 200) in one transaction.

    With ``case_manager_id``, up to ``caseload`` of the active participants are assigned to
    that worker, so "my caseload" is not empty in a demo.
    """
    today = today or date.today()
    people = generate_people(n, seed, today=today)
    if case_manager_id is not None:
        active = [values for values, _ in people if values.get("status") == "active"]
        for values in active[:caseload]:
            values["case_manager_id"] = case_manager_id
    area: CoverageArea | None
    try:
        area = load_default()
    except LeadError:
        area = None
    rng = random.Random(seed + 1)
    with store.write() as tx:
        ids = create_participants(tx, people)
        if with_casework:
            for person_id, (values, _) in zip(ids, people[:CASEWORK_CAP], strict=False):
                _casework(tx, rng, person_id, values, today=today, area=area)
        tx.audit("demo_data_loaded", "participant", None, {"rows": len(ids)})
    logger.info("loaded %d demo participants", len(ids))
    return len(ids)
