"""Generate realistic UHRI bulk-export files (`export-full-en.json` shape) for tests and benchmarks.

The output is one JSON array whose records have the export's keys and value styles ("- "
prefixed labels, ISO datetimes, HTML `Text` that starts with the paragraph number for UPR
records, `Upr*` lists, `UprCycle: null` and empty `Upr*` lists for other bodies). UPR records
come as whole reviews (one state at one session, 100-300 recommendations numbered
"<paragraph>.<n>"), reviews are drawn from sessions 1-54 (cycles 1-4); if more records are
asked for than those reviews hold, further sessions (55, 56, ... in cycles 5, 6, ...) follow.
Non-UPR records (treaty bodies and special procedures) are interleaved at random.

Records are written one at a time, so memory stays constant for any size, and the output
depends only on the arguments (same seed → same bytes).

    python -m app.importers.uhri_generator OUT.json --upr 130000 --other 140000 --seed 1
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import random
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from app.vocab import cycle_of_session

STATES_CSV = Path(__file__).resolve().parents[2] / "data" / "reference" / "states.csv"

# (iso3, UN short name, regional group, status): used when data/reference/states.csv is missing.
_FALLBACK_STATES: tuple[tuple[str, str, str, str], ...] = (
    ("DZA", "Algeria", "African", "member"),
    ("AGO", "Angola", "African", "member"),
    ("BWA", "Botswana", "African", "member"),
    ("CIV", "Côte d'Ivoire", "African", "member"),
    ("EGY", "Egypt", "African", "member"),
    ("KEN", "Kenya", "African", "member"),
    ("MDG", "Madagascar", "African", "member"),
    ("NGA", "Nigeria", "African", "member"),
    ("SEN", "Senegal", "African", "member"),
    ("ZAF", "South Africa", "African", "member"),
    ("TUN", "Tunisia", "African", "member"),
    ("CHN", "China", "Asia-Pacific", "member"),
    ("FJI", "Fiji", "Asia-Pacific", "member"),
    ("IND", "India", "Asia-Pacific", "member"),
    ("IDN", "Indonesia", "Asia-Pacific", "member"),
    ("IRN", "Iran (Islamic Republic of)", "Asia-Pacific", "member"),
    ("IRQ", "Iraq", "Asia-Pacific", "member"),
    ("JPN", "Japan", "Asia-Pacific", "member"),
    ("KAZ", "Kazakhstan", "Asia-Pacific", "member"),
    ("LAO", "Lao People's Democratic Republic", "Asia-Pacific", "member"),
    ("PHL", "Philippines", "Asia-Pacific", "member"),
    ("KOR", "Republic of Korea", "Asia-Pacific", "member"),
    ("THA", "Thailand", "Asia-Pacific", "member"),
    ("BIH", "Bosnia and Herzegovina", "Eastern European", "member"),
    ("CZE", "Czechia", "Eastern European", "member"),
    ("POL", "Poland", "Eastern European", "member"),
    ("RUS", "Russian Federation", "Eastern European", "member"),
    ("SVK", "Slovakia", "Eastern European", "member"),
    ("SVN", "Slovenia", "Eastern European", "member"),
    ("UKR", "Ukraine", "Eastern European", "member"),
    ("ARG", "Argentina", "Latin American and Caribbean", "member"),
    ("BOL", "Bolivia (Plurinational State of)", "Latin American and Caribbean", "member"),
    ("BRA", "Brazil", "Latin American and Caribbean", "member"),
    ("CHL", "Chile", "Latin American and Caribbean", "member"),
    ("CUB", "Cuba", "Latin American and Caribbean", "member"),
    ("SLV", "El Salvador", "Latin American and Caribbean", "member"),
    ("MEX", "Mexico", "Latin American and Caribbean", "member"),
    ("URY", "Uruguay", "Latin American and Caribbean", "member"),
    ("VEN", "Venezuela (Bolivarian Republic of)", "Latin American and Caribbean", "member"),
    ("CAN", "Canada", "Western European and others", "member"),
    ("FRA", "France", "Western European and others", "member"),
    ("DEU", "Germany", "Western European and others", "member"),
    ("ITA", "Italy", "Western European and others", "member"),
    ("PRT", "Portugal", "Western European and others", "member"),
    ("SMR", "San Marino", "Western European and others", "member"),
    ("ESP", "Spain", "Western European and others", "member"),
    ("CHE", "Switzerland", "Western European and others", "member"),
    (
        "GBR",
        "United Kingdom of Great Britain and Northern Ireland",
        "Western European and others",
        "member",
    ),
    ("USA", "United States of America", "Western European and others", "member"),
    ("VAT", "Holy See", "Western European and others", "observer"),
    ("PSE", "State of Palestine", "Asia-Pacific", "observer"),
)

# UHRI "Regions" (geographic) and UprRecommendingRegions (UN regional groups) per regional group.
_REGION = {
    "African": "Africa",
    "Asia-Pacific": "Asia and the Pacific",
    "Eastern European": "Europe and Central Asia",
    "Latin American and Caribbean": "Latin America and the Caribbean",
    "Western European and others": "Western Europe and Other States",
}
_GROUP_LABEL = {
    "African": "African Group",
    "Asia-Pacific": "Asia-Pacific Group",
    "Eastern European": "Eastern European Group",
    "Latin American and Caribbean": "Latin American and Caribbean Group",
    "Western European and others": "Western European and other States Group",
}

THEMES: tuple[str, ...] = (
    "Ratification of & accession to international instruments",
    "Constitutional and legislative framework",
    "Institutions & policies - General",
    "National Human Rights Institutions (NHRIs)",
    "National Human Rights Action Plans (or specific areas)",
    "Cooperation with treaty bodies",
    "Cooperation with special procedures",
    "Follow-up to treaty bodies, special procedures and UPR recommendations",
    "Human rights education, trainings & awareness raising",
    "Equality & non-discrimination",
    "Racial discrimination",
    "Discrimination against women",
    "Sexual orientation & gender identity",
    "Business & human rights",
    "Environment",
    "Climate change",
    "Right to development",
    "Right to life",
    "Death penalty",
    "Torture and other cruel, inhuman or degrading treatment",
    "Conditions of detention",
    "Enforced disappearances",
    "Liberty and security of the person",
    "Administration of justice & fair trial",
    "Impunity",
    "Corruption",
    "Counter-terrorism",
    "Freedom of thought, conscience and religion",
    "Freedom of opinion and expression",
    "Freedom of association",
    "Freedom of peaceful assembly",
    "Right to participate in public affairs & right to vote",
    "Human rights defenders",
    "Right to privacy",
    "Human trafficking",
    "Contemporary forms of slavery",
    "Right to work",
    "Right to just and favourable conditions of work",
    "Right to social security",
    "Right to an adequate standard of living",
    "Right to adequate housing",
    "Right to safe drinking water and sanitation",
    "Poverty",
    "Right to health",
    "Sexual & reproductive health and rights",
    "Right to education",
    "Women's rights",
    "Gender-based violence",
    "Rights of the child",
    "Children: protection against exploitation",
    "Juvenile justice",
    "Persons with disabilities",
    "Minorities",
    "Indigenous peoples",
    "Migrants",
    "Refugees & asylum seekers",
    "Stateless persons",
)

AFFECTED_PERSONS: tuple[str, ...] = (
    "Women",
    "Girls",
    "Children",
    "Youth",
    "Older persons",
    "Persons with disabilities",
    "Migrants",
    "Refugees & asylum seekers",
    "Internally displaced persons",
    "Stateless persons",
    "Minorities",
    "Indigenous peoples",
    "Roma",
    "LGBTI persons",
    "Persons deprived of their liberty",
    "Human rights defenders",
    "Journalists",
    "Persons living in poverty",
)

SDG_TARGETS: dict[str, str] = {
    "1.3": "Implement nationally appropriate social protection systems",
    "1.4": "Equal rights to economic resources and access to basic services",
    "3.1": "Reduce maternal mortality",
    "3.7": "Universal access to sexual and reproductive health-care services",
    "3.8": "Achieve universal health coverage",
    "4.1": "Ensure free, equitable and quality primary and secondary education",
    "4.5": "Eliminate gender disparities in education and ensure equal access for the vulnerable",
    "4.7": "Education for sustainable development and global citizenship",
    "5.1": "End all forms of discrimination against all women and girls",
    "5.2": "Eliminate all forms of violence against all women and girls",
    "5.3": "Eliminate harmful practices, such as child, early and forced marriage and FGM",
    "5.5": "Ensure women's full participation and equal opportunities for leadership",
    "6.1": "Achieve universal and equitable access to safe and affordable drinking water",
    "8.5": "Full and productive employment and decent work for all",
    "8.7": "Eradicate forced labour, modern slavery, human trafficking and child labour",
    "8.8": "Protect labour rights and promote safe and secure working environments",
    "10.2": "Promote the social, economic and political inclusion of all",
    "10.3": "Ensure equal opportunity and reduce inequalities of outcome",
    "10.7": "Facilitate orderly, safe, regular and responsible migration",
    "11.1": "Ensure access for all to adequate, safe and affordable housing",
    "13.1": "Strengthen resilience and adaptive capacity to climate-related hazards",
    "16.1": "Significantly reduce all forms of violence and related death rates",
    "16.2": "Protect children from abuse, exploitation, trafficking and violence",
    "16.3": "Promote the rule of law and ensure equal access to justice for all",
    "16.5": "Substantially reduce corruption and bribery",
    "16.7": "Ensure responsive, inclusive, participatory and representative decision-making",
    "16.9": "Provide legal identity for all, including birth registration",
    "16.10": "Ensure public access to information and protect fundamental freedoms",
    "16.a": "Strengthen relevant national institutions to prevent violence and combat crime",
    "16.b": "Promote and enforce non-discriminatory laws and policies",
}


@dataclass(frozen=True)
class _Topic:
    """Recommendation vocabulary for one subject, with the labels such texts usually carry."""

    themes: tuple[str, ...]
    groups: tuple[str, ...]
    sdgs: tuple[str, ...]
    verbs: tuple[str, ...]  # take a noun phrase: "Ratify" + object
    objects: tuple[str, ...]
    clauses: tuple[str, ...]  # infinitive phrases: "Continue efforts to" + clause


_TOPICS: tuple[_Topic, ...] = (
    _Topic(
        themes=("Ratification of & accession to international instruments",),
        groups=(),
        sdgs=("16.3", "16.10"),
        verbs=(
            "Ratify",
            "Consider ratifying",
            "Sign and ratify",
            "Accede to",
            "Expedite the ratification of",
            "Take steps to ratify",
            "Become a party to",
        ),
        objects=(
            "the Optional Protocol to the Convention against Torture",
            "the International Convention for the Protection of All Persons from Enforced "
            "Disappearance",
            "the Rome Statute of the International Criminal Court",
            "the Optional Protocol to the International Covenant on Economic, Social and Cultural "
            "Rights",
            "the International Convention on the Protection of the Rights of All Migrant Workers "
            "and Members of Their Families",
            "the Second Optional Protocol to the International Covenant on Civil and Political "
            "Rights, aiming at the abolition of the death penalty",
            "the Optional Protocol to the Convention on the Rights of the Child on a "
            "communications procedure",
            "the Domestic Workers Convention, 2011 (No. 189) of the International Labour "
            "Organization",
            "the Convention relating to the Status of Stateless Persons",
            "the Council of Europe Convention on Preventing and Combating Violence against Women "
            "and Domestic Violence",
            "the Indigenous and Tribal Peoples Convention, 1989 (No. 169)",
            "the Convention against Discrimination in Education",
        ),
        clauses=(
            "complete the ratification of the core international human rights instruments",
            "withdraw its reservations to the Convention on the Elimination of All Forms of "
            "Discrimination against Women",
        ),
    ),
    _Topic(
        themes=("National Human Rights Institutions (NHRIs)", "Institutions & policies - General"),
        groups=(),
        sdgs=("16.a", "16.3"),
        verbs=(
            "Strengthen",
            "Establish",
            "Ensure the independence of",
            "Provide adequate funding to",
            "Consolidate",
        ),
        objects=(
            "the national human rights institution in line with the Paris Principles",
            "the Office of the Ombudsperson",
            "a national mechanism for implementation, reporting and follow-up",
            "an independent national human rights institution",
        ),
        clauses=(
            "bring its national human rights institution into full compliance with the "
            "Paris Principles",
            "allocate adequate human and financial resources to the national human rights "
            "institution",
        ),
    ),
    _Topic(
        themes=("Women's rights", "Gender-based violence", "Discrimination against women"),
        groups=("Women", "Girls"),
        sdgs=("5.1", "5.2", "5.5"),
        verbs=("Adopt", "Implement", "Strengthen", "Effectively implement", "Develop"),
        objects=(
            "a comprehensive national strategy to combat violence against women",
            "measures to combat domestic violence",
            "legislation criminalizing marital rape",
            "the national action plan on gender equality",
            "shelters and support services for victims of domestic violence",
        ),
        clauses=(
            "combat domestic violence and violence against women",
            "increase the representation of women in decision-making positions",
            "eliminate the gender pay gap",
            "ensure that all cases of gender-based violence are promptly investigated and "
            "perpetrators brought to justice",
            "eliminate discriminatory gender stereotypes",
        ),
    ),
    _Topic(
        themes=(
            "Rights of the child",
            "Children: protection against exploitation",
            "Juvenile justice",
        ),
        groups=("Children", "Girls"),
        sdgs=("16.2", "5.3", "8.7", "16.9"),
        verbs=("Adopt", "Establish", "Strengthen", "Enact", "Implement"),
        objects=(
            "a comprehensive child protection system",
            "legislation explicitly prohibiting corporal punishment of children in all settings",
            "a juvenile justice system in line with international standards",
            "the national plan of action for children",
        ),
        clauses=(
            "eradicate child labour",
            "end child, early and forced marriage",
            "set the minimum age of marriage at 18 years for both girls and boys",
            "ensure birth registration for all children",
            "protect children from sexual exploitation and abuse, including online",
        ),
    ),
    _Topic(
        themes=(
            "Torture and other cruel, inhuman or degrading treatment",
            "Conditions of detention",
            "Liberty and security of the person",
        ),
        groups=("Persons deprived of their liberty",),
        sdgs=("16.3", "16.1"),
        verbs=("Establish", "Strengthen", "Designate", "Ensure the effectiveness of"),
        objects=(
            "an independent mechanism to investigate allegations of torture and ill-treatment",
            "the national preventive mechanism",
            "an independent body to monitor places of detention",
        ),
        clauses=(
            "improve conditions in places of detention and reduce prison overcrowding",
            "ensure that all allegations of torture and ill-treatment are promptly and "
            "impartially investigated",
            "define torture in its criminal code in line with the Convention against Torture",
            "guarantee fundamental legal safeguards to all persons deprived of their liberty",
        ),
    ),
    _Topic(
        themes=("Death penalty", "Right to life"),
        groups=(),
        sdgs=("16.1",),
        verbs=("Establish", "Maintain", "Introduce"),
        objects=(
            "a moratorium on the death penalty with a view to its abolition",
            "the de facto moratorium on executions",
        ),
        clauses=(
            "abolish the death penalty for all crimes",
            "commute all death sentences to terms of imprisonment",
        ),
    ),
    _Topic(
        themes=(
            "Freedom of opinion and expression",
            "Human rights defenders",
            "Freedom of association",
            "Freedom of peaceful assembly",
        ),
        groups=("Journalists", "Human rights defenders"),
        sdgs=("16.10",),
        verbs=("Revise", "Amend", "Repeal", "Review"),
        objects=(
            "legislation on defamation in line with international standards",
            "the law on non-governmental organizations",
            "provisions of the criminal code that restrict freedom of expression",
        ),
        clauses=(
            "guarantee freedom of expression and the safety of journalists",
            "create a safe and enabling environment for human rights defenders and civil society",
            "ensure that the right to peaceful assembly is respected",
            "decriminalize defamation",
            "investigate all attacks against journalists and human rights defenders",
        ),
    ),
    _Topic(
        themes=("Racial discrimination", "Equality & non-discrimination", "Minorities"),
        groups=("Roma", "Minorities", "Migrants"),
        sdgs=("10.2", "10.3", "16.b"),
        verbs=("Adopt", "Implement", "Strengthen", "Enact"),
        objects=(
            "a national action plan against racism, racial discrimination, xenophobia and "
            "related intolerance",
            "measures to combat hate speech and hate crimes",
            "comprehensive anti-discrimination legislation",
            "the national strategy for Roma inclusion",
        ),
        clauses=(
            "combat discrimination against Roma in access to education, housing and employment",
            "protect the rights of persons belonging to national minorities",
            "combat racial profiling by law enforcement officials",
            "combat hate speech, including on the Internet",
        ),
    ),
    _Topic(
        themes=("Human trafficking", "Contemporary forms of slavery"),
        groups=("Women", "Children", "Migrants"),
        sdgs=("5.2", "8.7", "16.2"),
        verbs=("Implement", "Adopt", "Strengthen"),
        objects=(
            "the national action plan to combat trafficking in persons",
            "measures to identify and protect victims of trafficking",
            "cooperation with countries of origin, transit and destination",
        ),
        clauses=(
            "combat trafficking in persons, in particular women and children",
            "prosecute traffickers and provide adequate assistance to victims of trafficking",
        ),
    ),
    _Topic(
        themes=("Migrants", "Refugees & asylum seekers", "Stateless persons"),
        groups=("Migrants", "Refugees & asylum seekers", "Stateless persons"),
        sdgs=("10.7",),
        verbs=("Respect", "Uphold", "Guarantee", "Introduce"),
        objects=(
            "the principle of non-refoulement",
            "alternatives to the detention of migrant children",
            "the rights of migrant workers",
        ),
        clauses=(
            "protect the rights of migrants, refugees and asylum seekers",
            "ensure access to fair and efficient asylum procedures",
            "reduce statelessness and facilitate the naturalization of stateless persons",
        ),
    ),
    _Topic(
        themes=("Persons with disabilities", "Equality & non-discrimination"),
        groups=("Persons with disabilities", "Children"),
        sdgs=("4.5", "10.2"),
        verbs=("Adopt", "Implement", "Promote"),
        objects=(
            "a national strategy on the rights of persons with disabilities",
            "inclusive education for children with disabilities",
        ),
        clauses=(
            "ensure the accessibility of public buildings and transport for persons with "
            "disabilities",
            "promote the deinstitutionalization of persons with disabilities",
            "protect the rights of persons with disabilities",
        ),
    ),
    _Topic(
        themes=("Right to education", "Human rights education, trainings & awareness raising"),
        groups=("Children", "Girls"),
        sdgs=("4.1", "4.5", "4.7"),
        verbs=("Guarantee", "Ensure", "Improve"),
        objects=(
            "access to quality education for all children",
            "free and compulsory primary education",
            "human rights training for law enforcement officials",
        ),
        clauses=(
            "reduce school dropout rates, particularly among girls and children in rural areas",
            "integrate human rights education into school curricula",
            "increase the budget allocated to education",
        ),
    ),
    _Topic(
        themes=("Right to health", "Sexual & reproductive health and rights"),
        groups=("Women", "Girls"),
        sdgs=("3.1", "3.7", "3.8"),
        verbs=("Guarantee", "Ensure", "Strengthen"),
        objects=(
            "universal access to sexual and reproductive health services",
            "the national health strategy",
            "access to primary health care in rural areas",
        ),
        clauses=(
            "reduce maternal and infant mortality",
            "improve access to health care for all",
            "ensure access to safe and legal abortion",
        ),
    ),
    _Topic(
        themes=(
            "Right to an adequate standard of living",
            "Right to adequate housing",
            "Right to safe drinking water and sanitation",
            "Poverty",
            "Right to social security",
        ),
        groups=("Persons living in poverty", "Older persons"),
        sdgs=("1.3", "1.4", "6.1", "11.1"),
        verbs=("Implement", "Strengthen", "Adopt"),
        objects=(
            "the national poverty reduction strategy",
            "social protection programmes for the most vulnerable groups",
        ),
        clauses=(
            "reduce poverty and social exclusion",
            "ensure access to safe drinking water and sanitation",
            "guarantee access to adequate housing for all",
        ),
    ),
    _Topic(
        themes=("Administration of justice & fair trial", "Impunity", "Corruption"),
        groups=(),
        sdgs=("16.3", "16.5"),
        verbs=("Guarantee", "Strengthen", "Adopt"),
        objects=(
            "the independence of the judiciary",
            "measures to combat corruption",
            "a comprehensive reform of the justice system",
        ),
        clauses=(
            "ensure the right to a fair trial and access to legal aid",
            "combat impunity and ensure accountability for human rights violations",
            "reduce the length of pretrial detention",
        ),
    ),
    _Topic(
        themes=("Sexual orientation & gender identity", "Equality & non-discrimination"),
        groups=("LGBTI persons",),
        sdgs=("10.3", "16.b"),
        verbs=("Adopt", "Enact"),
        objects=(
            "legislation prohibiting discrimination on the grounds of sexual orientation "
            "and gender identity",
        ),
        clauses=(
            "combat discrimination and violence against LGBTI persons",
            "decriminalize consensual same-sex relations between adults",
        ),
    ),
    _Topic(
        themes=(
            "Cooperation with special procedures",
            "Cooperation with treaty bodies",
            "Follow-up to treaty bodies, special procedures and UPR recommendations",
        ),
        groups=(),
        sdgs=("16.a",),
        verbs=("Extend", "Accept", "Implement"),
        objects=(
            "a standing invitation to all special procedures mandate holders",
            "the pending requests for visits by special procedures",
            "the recommendations of the treaty bodies",
        ),
        clauses=(
            "cooperate fully with the special procedures of the Human Rights Council",
            "submit its overdue reports to the treaty bodies",
        ),
    ),
    _Topic(
        themes=("Indigenous peoples", "Right to development"),
        groups=("Indigenous peoples",),
        sdgs=("10.2",),
        verbs=("Respect", "Guarantee"),
        objects=(
            "the right of indigenous peoples to free, prior and informed consent",
            "the land rights of indigenous peoples",
        ),
        clauses=("consult indigenous peoples on projects affecting their lands",),
    ),
    _Topic(
        themes=("Right to work", "Right to just and favourable conditions of work"),
        groups=("Women", "Migrants"),
        sdgs=("8.5", "8.8"),
        verbs=("Guarantee", "Strengthen"),
        objects=("equal pay for work of equal value", "labour inspections"),
        clauses=(
            "protect the rights of domestic workers",
            "reduce unemployment, in particular among young people",
        ),
    ),
    _Topic(
        themes=("Business & human rights", "Environment", "Climate change"),
        groups=(),
        sdgs=("13.1",),
        verbs=("Adopt", "Implement"),
        objects=(
            "a national action plan on business and human rights",
            "the Guiding Principles on Business and Human Rights",
        ),
        clauses=("mitigate the impact of climate change on the enjoyment of human rights",),
    ),
    _Topic(
        themes=("Counter-terrorism", "Liberty and security of the person"),
        groups=(),
        sdgs=("16.a",),
        verbs=("Review", "Amend"),
        objects=("counter-terrorism legislation in line with international human rights law",),
        clauses=("ensure that counter-terrorism measures respect human rights",),
    ),
    _Topic(
        themes=("Freedom of thought, conscience and religion", "Minorities"),
        groups=("Minorities",),
        sdgs=("16.b",),
        verbs=("Guarantee", "Respect"),
        objects=("freedom of religion or belief for all",),
        clauses=("combat intolerance and discrimination based on religion or belief",),
    ),
)

_EFFORTS = (
    "Continue efforts to",
    "Continue its efforts to",
    "Take further measures to",
    "Take all necessary measures to",
    "Redouble efforts to",
    "Step up efforts to",
    "Intensify its efforts to",
    "Take effective measures to",
    "Further strengthen efforts to",
)
_SUFFIXES = (
    ", in line with its international obligations",
    ", in consultation with civil society",
    " and allocate adequate resources for its implementation",
    ", including through awareness-raising campaigns",
    ", as recommended by the treaty bodies",
    ", in accordance with international standards",
    " with a view to ensuring its effective implementation",
)
_CONCERNS = (
    "The Committee is concerned that the State party has not yet taken sufficient measures to {}.",
    "While noting the efforts made by the State party to {}, the Committee remains concerned "
    "that these efforts have not been sufficiently effective.",
    "The Committee notes with concern the lack of information on the measures taken to {}.",
    "The Committee regrets that insufficient human, technical and financial resources have been "
    "allocated to efforts to {}.",
)
_TREATY_BODIES = (
    ("CRC", "CRC/C/{iso}/CO/{n}"),
    ("CEDAW", "CEDAW/C/{iso}/CO/{n}"),
    ("CCPR", "CCPR/C/{iso}/CO/{n}"),
    ("CESCR", "E/C.12/{iso}/CO/{n}"),
    ("CERD", "CERD/C/{iso}/CO/{n}"),
    ("CAT", "CAT/C/{iso}/CO/{n}"),
    ("CRPD", "CRPD/C/{iso}/CO/{n}"),
    ("CMW", "CMW/C/{iso}/CO/{n}"),
    ("CED", "CED/C/{iso}/CO/{n}"),
)
_SESSION1 = dt.date(2008, 4, 7)
_DAYS_PER_SESSION = 130.5  # 1st session April 2008, 48th January 2025


@dataclass(frozen=True)
class _State:
    iso3: str
    name: str
    group: str | None
    member: bool


def _load_states(states: Sequence[str] | None) -> list[_State]:
    known: list[_State] = []
    if STATES_CSV.is_file():
        with STATES_CSV.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                known.append(
                    _State(
                        row["iso3"],
                        row["name"],
                        row.get("regional_group") or None,
                        row.get("status", "member") != "observer",
                    )
                )
    if not known:
        known = [
            _State(iso, name, group, status == "member")
            for iso, name, group, status in _FALLBACK_STATES
        ]
    if states is None:
        return known
    by_name = {state.name: state for state in known}
    chosen = []
    for name in states:
        chosen.append(by_name.get(name) or _State(_pseudo_iso3(name), name, None, True))
    if len(chosen) < 2:
        raise ValueError("at least two states are needed (one under review, one recommending)")
    return chosen


def _pseudo_iso3(name: str) -> str:
    letters = [c for c in name.upper() if "A" <= c <= "Z"]
    return "".join(letters[:3]).ljust(3, "X")


def _hrc_session(session: int) -> int:
    """The Human Rights Council session that adopts a UPR session's outcomes (approximation)."""
    return session + 7 + max(0, (session - 7) * 4 // 41)


def _session_start(session: int) -> dt.date:
    return _SESSION1 + dt.timedelta(days=round((session - 1) * _DAYS_PER_SESSION))


def _iso(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _sessions_of_cycle(cycle: int) -> range:
    if cycle == 1:
        return range(1, 13)
    first = 13 + (cycle - 2) * 14
    return range(first, first + 14)


@dataclass
class _Review:
    session: int
    state: _State
    order: int  # position in the session (for the report symbol)


def _reviews(rng: random.Random, reviewed: list[_State]) -> Iterator[_Review]:
    """Reviews in a shuffled order, cycle 1-4 first, then further cycles, never repeating."""
    slots = list(reviewed)
    rng.shuffle(slots)  # the review calendar: each state keeps its slot from cycle to cycle
    cycle = 1
    while True:
        block: list[_Review] = []
        for round_start in range(cycle, cycle + 4) if cycle == 1 else [cycle]:
            sessions = _sessions_of_cycle(round_start)
            per_session = -(-len(slots) // len(sessions))
            for i, state in enumerate(slots):
                block.append(_Review(sessions[i // per_session], state, i % per_session))
        rng.shuffle(block)
        yield from block
        cycle = 5 if cycle == 1 else cycle + 1


class _Generator:
    def __init__(self, rng: random.Random, states: list[_State]) -> None:
        self.rng = rng
        self.states = states
        self.reviewed = [state for state in states if state.member] or states
        self.review_iter = _reviews(rng, self.reviewed)
        self.current: _Review | None = None
        self.current_left = 0
        self.current_number = 0
        self.current_paragraph = 0
        self.current_supported = 0.75
        self.current_doc = ""

    # -- text -------------------------------------------------------------------------------

    def _phrase(self, topic: _Topic) -> str:
        rng = self.rng
        if topic.clauses and (not topic.objects or rng.random() < 0.45):
            clause = rng.choice(topic.clauses)
            if rng.random() < 0.25:
                text = clause[0].upper() + clause[1:]
            else:
                text = f"{rng.choice(_EFFORTS)} {clause}"
        else:
            text = f"{rng.choice(topic.verbs)} {rng.choice(topic.objects)}"
        if rng.random() < 0.2 and topic.clauses:
            text += f" and {rng.choice(topic.clauses)}"
        if rng.random() < 0.4:
            text += rng.choice(_SUFFIXES)
        return text

    def _labels(self, topic: _Topic) -> tuple[list[str], list[str], list[str]]:
        rng = self.rng
        themes = rng.sample(topic.themes, rng.randint(1, min(2, len(topic.themes))))
        while rng.random() < 0.3 and len(themes) < 4:
            extra = rng.choice(THEMES)
            if extra not in themes:
                themes.append(extra)
        groups: list[str] = []
        if topic.groups and rng.random() < 0.8:
            groups = rng.sample(topic.groups, rng.randint(1, min(2, len(topic.groups))))
        if rng.random() < 0.1:
            extra = rng.choice(AFFECTED_PERSONS)
            if extra not in groups:
                groups.append(extra)
        sdgs = rng.sample(topic.sdgs, rng.randint(0, min(2, len(topic.sdgs))))
        return themes, groups, sdgs

    # -- records ----------------------------------------------------------------------------

    def _next_review(self) -> None:
        rng = self.rng
        self.current = review = next(self.review_iter)
        cycle = cycle_of_session(review.session)
        low, high = ((100, 180), (120, 230), (150, 300))[min(cycle, 3) - 1]
        self.current_left = rng.randint(low, high)
        self.current_number = 0
        self.current_paragraph = rng.randint(86, 160)
        self.current_supported = rng.uniform(0.6, 0.9)
        self.current_doc = _uuid(rng)

    def upr_record(self) -> dict[str, Any]:
        rng = self.rng
        if self.current is None or self.current_left == 0:
            self._next_review()
        assert self.current is not None
        review = self.current
        self.current_left -= 1
        self.current_number += 1
        state = review.state
        cycle = cycle_of_session(review.session)

        recommenders: list[_State] = []
        wanted = 1 if rng.random() < 0.8 else (2 if rng.random() < 0.75 else 3)
        wanted = min(wanted, len(self.states) - 1)
        while len(recommenders) < wanted:
            other = rng.choice(self.states)
            if other is not state and other not in recommenders:
                recommenders.append(other)
        topic = rng.choice(_TOPICS)
        phrase = self._phrase(topic)
        themes, groups, sdgs = self._labels(topic)
        paragraph = f"{self.current_paragraph}.{self.current_number}"
        separator = "&nbsp;" if rng.random() < 0.1 else " "
        tail = " ".join(f"({html.escape(s.name)})" for s in recommenders)
        end = ";" if self.current_left else "."
        text = f"<p>{paragraph}{separator}{html.escape(phrase)} {tail}{end}</p>"
        position = "- Supported" if rng.random() < self.current_supported else "- Noted"
        start = _session_start(review.session)
        published = start + dt.timedelta(days=40 + review.order)
        regions = []
        for other in recommenders:
            label = _GROUP_LABEL.get(other.group or "")
            if label and f"- {label}" not in regions:
                regions.append(f"- {label}")
        return self._record(
            kind="- Recommendations",
            body="- UPR",
            state=state,
            doc=self.current_doc,
            published=published,
            uhri_delay=rng.randint(20, 200),
            sdgs=sdgs,
            symbol=f"A/HRC/{_hrc_session(review.session)}/{review.order + 3}",
            text=text,
            themes=themes,
            groups=groups,
            upr=(
                f"- Cycle {cycle}",
                [f"- {review.session}"],
                [position],
                [s.name for s in recommenders],
                regions,
            ),
        )

    def other_record(self) -> dict[str, Any]:
        rng = self.rng
        state = rng.choice(self.reviewed)
        if rng.random() < 0.85:
            body, pattern = rng.choice(_TREATY_BODIES)
            symbol = pattern.format(iso=state.iso3, n=rng.randint(1, 8))
        else:
            body = "Special Procedures"
            symbol = f"A/HRC/{rng.randint(4, 58)}/{rng.randint(20, 70)}/Add.{rng.randint(1, 3)}"
        concern = rng.random() < 0.45
        topics = [rng.choice(_TOPICS) for _ in range(rng.randint(2, 6))]
        number = rng.randint(6, 60)
        if concern:
            sentences = [
                rng.choice(_CONCERNS).format(rng.choice(t.clauses)) for t in topics if t.clauses
            ]
            paragraphs = [f"<p>{number}. {html.escape(' '.join(sentences))}</p>"]
        else:
            items = []
            for letter, topic in zip("abcdef", topics, strict=False):
                phrase = self._phrase(topic)
                items.append(f"<p>({letter}) {html.escape(phrase[0].lower() + phrase[1:])};</p>")
            paragraphs = [
                f"<p>{number}. The Committee recommends that the State party:</p>",
                *items,
            ]
        themes: list[str] = []
        groups: list[str] = []
        sdgs: list[str] = []
        for topic in topics:
            for mine, theirs in zip((themes, groups, sdgs), self._labels(topic), strict=True):
                mine.extend(label for label in theirs if label not in mine)
        published = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 7300))
        return self._record(
            kind="- Concerns/Observations" if concern else "- Recommendations",
            body=f"- {body}",
            state=state,
            doc=_uuid(rng),
            published=published,
            uhri_delay=rng.randint(20, 400),
            sdgs=sdgs,
            symbol=symbol,
            text="".join(paragraphs),
            themes=themes,
            groups=groups,
            upr=None,
        )

    def _record(
        self,
        *,
        kind: str,
        body: str,
        state: _State,
        doc: str,
        published: dt.date,
        uhri_delay: int,
        sdgs: list[str],
        symbol: str,
        text: str,
        themes: list[str],
        groups: list[str],
        upr: tuple[str, list[str], list[str], list[str], list[str]] | None,
    ) -> dict[str, Any]:
        cycle, sessions, positions, recommending, regions = upr or (None, [], [], [], [])
        region = _REGION.get(state.group or "")
        return {
            "AnnotationId": _uuid(self.rng),
            "AnnotationType": kind,
            "Body": body,
            "Countries": [state.name],
            "DocumentId": doc,
            "PublicationDate": _iso(published),
            "PublicationDateOnUhri": _iso(published + dt.timedelta(days=uhri_delay)),
            "Regions": [region] if region else [],
            "Sdgs": [f"{sdg} - {SDG_TARGETS[sdg]}" for sdg in sdgs],
            "Symbol": symbol,
            "Text": text,
            "Themes": [f"- {theme}" for theme in themes],
            "AffectedPersons": [f"- {group}" for group in groups],
            "UprCycle": cycle,
            "UprSession": sessions,
            "UprPositions": positions,
            "UprRecommendingCountry": recommending,
            "UprRecommendingRegions": regions,
        }


def generate_uhri_export(
    path: Path,
    *,
    upr_records: int,
    other_records: int = 0,
    seed: int = 0,
    states: list[str] | None = None,
) -> None:
    """Write a UHRI-format export with exactly `upr_records` UPR recommendations and
    `other_records` records of other bodies, interleaved; deterministic for given arguments.

    `states`: state names to use (default: data/reference/states.csv, or a built-in list of
    about fifty UN short names if that file is missing).
    """
    if upr_records < 0 or other_records < 0:
        raise ValueError("record counts must not be negative")
    rng = random.Random(seed)
    generator = _Generator(rng, _load_states(states))
    upr_left, other_left = upr_records, other_records
    path = Path(path)
    with path.open("wb", buffering=1 << 20) as out:
        out.write(b"[")
        first = True
        while upr_left or other_left:
            if rng.random() * (upr_left + other_left) < upr_left:
                record = generator.upr_record()
                upr_left -= 1
            else:
                record = generator.other_record()
                other_left -= 1
            out.write(b"\n" if first else b",\n")
            out.write(orjson.dumps(record))
            first = False
        out.write(b"\n]\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m app.importers.uhri_generator",
        description="Write a synthetic UHRI bulk export (export-full-en.json shape).",
    )
    parser.add_argument("out", type=Path, help="output JSON file")
    parser.add_argument("--upr", type=int, required=True, help="number of UPR recommendations")
    parser.add_argument("--other", type=int, default=0, help="number of records of other bodies")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate_uhri_export(args.out, upr_records=args.upr, other_records=args.other, seed=args.seed)
    elapsed = time.perf_counter() - started
    size = args.out.stat().st_size
    print(
        f"wrote {args.upr + args.other} records ({args.upr} UPR) to {args.out}: "
        f"{size / 1e6:.1f} MB in {elapsed:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
