"""Deterministic synthetic people for the benchmarks (lead_desktop.demo when it exists)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

Person = tuple[dict[str, Any], list[tuple[str, str]]]

FIRST_NAMES = (
    "James Michael Robert John David William Richard Joseph Thomas Christopher Charles Daniel "
    "Matthew Anthony Mark Donald Steven Andrew Paul Joshua Kenneth Kevin Brian Timothy Ronald "
    "George Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin "
    "Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry "
    "Tyrone DeShawn Jamal Darnell Terrell Marquis Andre Dwayne Reginald Cedric Lamar Keisha "
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Karen Sarah Lisa Nancy Sandra "
    "Betty Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Sharon "
    "Laura Cynthia Dorothy Amy Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha "
    "Latoya Shanice Tanisha Ebony Aaliyah Imani Jasmine Destiny Precious Tiana "
    "José María Jesús Ángel Andrés Sofía Lucía Martín Ramón Joaquín Inés Raúl Óscar Iván "
    "Héctor Adrián Julián Rubén Nicolás Simón Tomás Verónica Mónica Begoña Íñigo Nuria "
    "Zoë Chloé Renée Noémie Hélène Françoise Anaïs Léa Maël Gaëlle Jérôme Benoît Zoé "
    "Łukasz Małgorzata Paweł Wojciech Bożena Jiří Tomáš Dušan Miloš Ivana Željko Đorđe "
    "Søren Bjørn Åsa Jürgen Jörg Björn Günter Uwe Siobhán Seán Niamh Pádraig Aoife "
    "Nguyễn Minh Thảo Huỳnh Phương Anh Quốc Đức Linh Tuấn Mai Hùng "
    "Mohammed Ahmed Fatima Aisha Omar Yusuf Khadija Ibrahim Amir Leila Priya Rahul Deepa"
).split()

COMMON_LAST = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
    "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell "
    "Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson "
    "Bailey Reed Kelly Howard Cox Ward Richardson Watson Brooks Wood James Bennett Gray Hughes "
    "Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Bell Coleman "
    "Butler Henderson Barnes Washington Jefferson Freeman Banks Holloway Mayfield Tubman "
    "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores "
    "Rivera Gómez Díaz Reyes Cruz Morales Ortiz Gutiérrez Chávez Ramos Ruiz Álvarez Jiménez "
    "Vásquez Castillo Romero Herrera Medina Aguilar Núñez Muñoz Peña Ibáñez Fernández Domínguez "
    "Méndez Suárez Velázquez Márquez Benítez Cortés Báez Ríos Guzmán Sáenz Avilés Quiñones "
    "O'Brien O'Connor O'Neill O'Malley D'Angelo McDonald MacKenzie Ó Súilleabháin "
    "Ćosić Kovačević Jovanović Petrović Nikolić Đorđević Marković Šimić Babić Horvát "
    "Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Dąbrowski Łukasiewicz "
    "Müller Schröder Weiß Groß Köhler Brontë Lefèvre Dupré Bélanger Côté Gagné Lévesque "
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý "
    "Kim Park Choi Patel Shah Singh Khan Ali Hassan Hussain Okafor Adeyemi Mensah Diallo"
).split()

_ONSETS = "b br c ch cr d dr f g gr h j k kr l m n p pr r s st sh t tr v w z".split()
_VOWELS = "a e i o u ai ou ie ea á é í ó ú ö ü".split()
_CODAS = "n r l s t m nd rt ck ll ss nn rd ng".split()
_SUFFIXES = (
    "son sen ski ska ez es ian yan ova enko ovich ić er man berg stein ley ton field wood ford "
    "ier eau ard ini elli etti ado ero ada ez"
).split()

STREET_NAMES = (
    "Shorty Red Slim Junebug Smoke Tiny Bishop Preacher Cuz Ghost Lucky Peanut Boogie Dre "
    "Pepe Flaco Güero Chuy Nena Chata Güera Mamí Papo Tito Blue Doc Rebel Skinny Sunny Tex"
).split()

SUFFIXES = ("Jr.", "Sr.", "II", "III")
LANGUAGES = ("English", "Spanish", "Vietnamese", "Haitian Creole", "Polish", "Arabic")


def _rare_last(rng: random.Random) -> str:
    """A plausible surname from the long tail (most real surnames are rare)."""
    stem = rng.choice(_ONSETS) + rng.choice(_VOWELS)
    if rng.random() < 0.6:
        stem += rng.choice(_CODAS)
    if rng.random() < 0.5:
        stem += rng.choice(_SUFFIXES)
    return stem.capitalize()


def generate(n: int, seed: int = 7) -> list[Person]:
    """Return ``n`` people (validated values, aliases) with a realistic long tail of surnames."""
    rng = random.Random(seed)
    start = date(1950, 1, 1)
    span = (date(2006, 12, 31) - start).days
    people: list[Person] = []
    for _ in range(n):
        first = rng.choice(FIRST_NAMES)
        roll = rng.random()
        last = rng.choice(COMMON_LAST) if roll < 0.6 else _rare_last(rng)
        if rng.random() < 0.08:  # double-barrelled surnames, as in Spanish and English
            other = rng.choice(COMMON_LAST)
            last = f"{last}-{other}" if rng.random() < 0.5 else f"{last} {other}"
        middle = rng.choice(FIRST_NAMES) if rng.random() < 0.3 else None
        suffix = rng.choice(SUFFIXES) if rng.random() < 0.04 else None
        has_dob = rng.random() < 0.9
        dob = (start + timedelta(days=rng.randrange(span))).isoformat() if has_dob else None
        values: dict[str, Any] = {
            "first_name": first,
            "middle_name": middle,
            "last_name": last,
            "name_suffix": suffix,
            "name_dq": 1,
            "dob": dob,
            "dob_dq": 1 if dob else 99,
            "ssn": None,
            "ssn_dq": 99,
            "sex": rng.choice((0, 1, 8, 9, 99)),
            "race": [rng.choice(("BlackAfAmerican", "White", "HispanicLatinaeo", "Asian"))],
            "preferred_language": rng.choice(LANGUAGES),
            "status": rng.choice(("active", "active", "active", "inactive", "in_the_wind")),
        }
        aliases: list[tuple[str, str]] = []
        if rng.random() < 0.3:
            aliases.append((rng.choice(STREET_NAMES), "street"))
        if rng.random() < 0.1:
            aliases.append((f"{rng.choice(FIRST_NAMES)} {rng.choice(COMMON_LAST)}", "alias"))
        people.append((values, aliases))
    return people


def generate_people(n: int, seed: int = 7, source: str = "demo") -> tuple[list[Person], str]:
    """Return people and where they came from.

    ``source="demo"`` takes lead_desktop.demo (the product's own synthetic caseload: small name
    pools, so many people share each name) and falls back to :func:`generate` if it is missing;
    ``source="longtail"`` takes :func:`generate` (a long tail of rare surnames, so many distinct
    tokens, as in a real city-wide register).
    """
    if source == "demo":
        try:
            from lead_desktop.demo import generate_people as demo_people
        except ImportError:
            pass
        else:
            return list(demo_people(n, seed=seed)), "lead_desktop.demo"
    return generate(n, seed), "bench.people (long tail)"
