"""Demo data for participation: profiles, group histories and trajectories for most of the demo caseload.

Every profile's suggestion is computed by ``rules.suggest_group`` and every trajectory passes
``rules.deployment_violations``, so the demo never shows a state the product would refuse. About one in eight
decisions deviates from the suggestion, with a reason. Deterministic (fixed seed) and idempotent (skips when
profiles exist). Bulk inserts: a few seconds for ~2,600 clients.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.rules import money
from almelo_sociaal.parameters.selectors import parameter_values
from cases.models import Client, Leefgebied, Uitkeringsdossier

from . import rules
from .models import GroupAssignment, Profile, Trajectory
from .selectors import policy

SHARE_WITH_PROFILE = 0.8
DEVIATION_REASONS = {
    "lower": [
        "Recent gestart met een opleiding met goed perspectief op werk.",
        "Heeft werkervaring in de logistiek; matcher ziet passende vacatures.",
        "Belemmeringen zijn opgelost via de schuldhulpverlening.",
    ],
    "higher": [
        "Mantelzorg voor een ouder vraagt meer tijd dan het profiel laat zien.",
        "Taalniveau onder 1F; eerst taaltraject.",
        "Psychische klachten na een scheiding; eerst stabiliseren.",
        "Huisvesting onzeker; dagstructuur ontbreekt nog.",
    ],
}
PREVENTIE = [
    ("einde_ww", 45),
    ("einde_contract", 30),
    ("vso_pro", 10),
    ("scheiding", 10),
    ("schoolverlater", 5),
]
PROVIDERS = {
    "scholing": ["ROC van Twente", "Praktijkleren Twente", "Huis voor de logistiek"],
    "werkervaringsplek": ["Gemeente Almelo, buitendienst", "Zorggroep Manna", "Kringloop Almelo"],
    "proefplaatsing": ["Port of Twente", "Bouwbedrijf Stokkers", "Supermarkt Hofkamp"],
    "praktijkassessment": ["Soweco", "Werkplein Twente"],
    "jobcoaching": ["Jobcoach Twente", "Soweco"],
    "garantiebaan": ["Gemeente Almelo", "Ziekenhuis Groep Twente"],
    "loonkostensubsidie": ["Bakkerij Nijhuis", "Metaalbedrijf Almelo", "Hotel De Hofkamp"],
    "participatieplaats": ["Stichting Wijkwerk", "Sportvereniging Almelo", "Buurthuis Het Baken"],
    "beschut_werk": ["Soweco"],
    "sociale_activering": ["Stichting Welzijn Almelo", "Buurthuis Het Baken"],
    "dagbesteding": ["Zorgboerderij 't Ravenhorst", "Dagcentrum Aveleijn"],
    "taalles": ["Taalhuis Almelo", "ROC van Twente"],
    "leerwerktraject": ["ROC van Twente (BBL)"],
    "vrijlating_medisch": ["Gemeente Almelo"],
    "studietoeslag": ["Gemeente Almelo"],
}
COST = {  # (min, max) total cost in euros of one trajectory, rough 2019–2026 price levels
    "scholing": (900, 4200),
    "werkervaringsplek": (400, 1500),
    "proefplaatsing": (0, 300),
    "praktijkassessment": (1800, 2600),
    "jobcoaching": (1500, 4500),
    "garantiebaan": (0, 0),
    "participatieplaats": (0, 450),
    "beschut_werk": (6000, 12000),
    "sociale_activering": (800, 2400),
    "dagbesteding": (2500, 6000),
    "taalles": (900, 2400),
    "leerwerktraject": (1200, 3500),
    "loonkostensubsidie": (0, 0),
    "vrijlating_medisch": (0, 0),
    "studietoeslag": (0, 0),
}
POLICY_START = date(2019, 1, 1)
TREDE = {-1: (3, 5), 0: (3, 5), 1: (2, 4), 2: (2, 4), 3: (1, 3), 4: (1, 2)}


def _weighted(rng: random.Random, options):
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights)[0]


def _target_group(rng: random.Random, months: int) -> int:
    if months <= rules.MAX_MONTHS_GROUP_0:
        return _weighted(rng, [(0, 50), (1, 35), (2, 15)])
    if months <= rules.MAX_MONTHS_GROUP_1_2:
        return _weighted(rng, [(1, 45), (2, 40), (3, 10), (4, 5)])
    return _weighted(rng, [(1, 5), (2, 15), (3, 50), (4, 30)])


def _facts_for(rng: random.Random, group: int) -> dict:
    """Profile answers that fit the group profile of bijlage 1 (with some spread)."""
    pick = rng.choice
    if group <= 0:
        facts = dict(
            motivatie="voldoende",
            kans_arbeidsmarkt="hoog",
            opleiding=pick(["voldoende", "voldoende", "matig"]),
            belemmeringen=pick(["geen", "zeer_beperkt"]),
            coach="",
        )
    elif group == 1:
        facts = dict(
            motivatie=pick(["matig", "voldoende"]),
            kans_arbeidsmarkt="redelijk",
            opleiding=pick(["matig", "voldoende"]),
            belemmeringen=pick(["in_zekere_mate", "zeer_beperkt"]),
            coach="",
        )
    elif group == 2:
        facts = dict(
            motivatie=pick(["matig", "voldoende"]),
            kans_arbeidsmarkt="matig",
            opleiding=pick(["slecht", "matig"]),
            belemmeringen="in_zekere_mate",
            coach="",
        )
    elif group == 3:
        facts = dict(
            motivatie=pick(["matig", "voldoende"]),
            kans_arbeidsmarkt="matig",
            opleiding=pick(["slecht", "matig", "voldoende"]),
            belemmeringen="in_zekere_mate",
            coach=pick(["wijkcoach", "wijkcoach", "zorgcoach", ""]),
        )
    else:
        facts = dict(
            motivatie=pick(["nauwelijks", "matig"]),
            kans_arbeidsmarkt="slecht",
            opleiding=pick(["slecht", "matig", "voldoende"]),
            belemmeringen="fors",
            coach=pick(["wijkcoach", "zorgcoach", "zorgcoach", ""]),
        )
    if facts["belemmeringen"] in ("in_zekere_mate", "fors"):
        k = 1 if facts["belemmeringen"] == "in_zekere_mate" else rng.randint(2, 4)
        facts["belemmering_leefgebieden"] = rng.sample(
            [
                "schulden",
                "gezondheid_fysiek",
                "gezondheid_psychisch",
                "wonen",
                "sociaal_netwerk",
                "taal",
                "verslaving",
                "dagbesteding",
            ],
            k,
        )
    else:
        facts["belemmering_leefgebieden"] = []
    assert set(facts["belemmering_leefgebieden"]) <= set(Leefgebied.values)
    return facts


def load(*, stdout, today: date | None = None) -> None:
    if Profile.objects.exists():
        stdout.write("participation: demodata staat er al; overgeslagen.")
        return
    today = today or timezone.localdate()
    rng = random.Random(2019)
    pol = policy(today)
    lks_values = parameter_values(
        [
            "wml_uur_21",
            "lks_vakantiebijslag_pct",
            "lks_werkgeverslasten_pct",
            "lks_max_pct",
            "lks_zonder_loonwaarde_pct",
            "lks_zonder_loonwaarde_maanden",
        ],
        today,
    )
    fallback = get_user_model().objects.filter(groups__name=Role.BEHEER).order_by("id").first()

    active = (
        Uitkeringsdossier.objects.filter(startdatum__lte=today)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=today))
        .values_list("client_id", flat=True)
    )
    periods = _benefit_periods()
    clients = _clients_with_profile(rng=rng, active=active)
    prevention = _prevention_clients(today=today, active=active)

    assessor = _Assessor(rng=rng, periods=periods, fallback=fallback, review_months=pol.review_months)
    plan = [
        *_plan_clients(assessor=assessor, clients=clients, today=today, review_months=pol.review_months),
        *_plan_prevention(assessor=assessor, prevention=prevention, today=today),
    ]
    profiles = _save_profiles(plan)
    assignments = _save_assignments(plan)
    trajectories = _save_trajectories(rng=rng, plan=plan, today=today, lks_values=lks_values)
    deviating = sum(1 for a in assignments if a.reason)
    stdout.write(
        f"participation: {len(profiles)} profielen, {len(assignments)} groepsindelingen "
        f"({deviating} afwijkend van het voorstel), {len(trajectories)} trajecten."
    )


def _benefit_periods() -> dict[int, list]:
    """Every client's benefit periods (start, end) from the dossiers."""
    periods: dict[int, list] = {}
    for client_id, start, end in Uitkeringsdossier.objects.values_list(
        "client_id", "startdatum", "einddatum"
    ):
        periods.setdefault(client_id, []).append((start, end))
    return periods


def _clients_with_profile(*, rng: random.Random, active) -> list[Client]:
    """A share of the clients with a running benefit gets a profile."""
    clients = list(Client.objects.filter(pk__in=set(active)).select_related("coach").order_by("id"))
    return [c for c in clients if rng.random() < SHARE_WITH_PROFILE]


def _prevention_clients(*, today: date, active) -> list[Client]:
    """Groep -1: former clients who left for (temporary) work in the last nine months and have no benefit now
    (bijlage 1: "mensen die vanuit de bijstand naar tijdelijk werk zijn gegaan en van wie het contract eindigt")."""
    recently_to_work = Uitkeringsdossier.objects.filter(
        eindreden="werk", einddatum__gt=today - timedelta(days=270), einddatum__lte=today
    ).values_list("client_id", flat=True)
    return list(
        Client.objects.filter(pk__in=set(recently_to_work))
        .exclude(pk__in=set(active))
        .select_related("coach")
        .order_by("id")[:80]
    )


class _Assessor:
    """Profiles (with the suggested group) and group decisions as a coach would write them."""

    def __init__(self, *, rng: random.Random, periods: dict[int, list], fallback, review_months):
        self.rng = rng
        self.periods = periods
        self.fallback = fallback
        self.review_months = review_months

    def make_profile(self, client, on: date, group: int, signal: str = "") -> tuple[Profile, int]:
        rng, periods, fallback = self.rng, self.periods, self.fallback
        months = rules.benefit_months(periods.get(client.pk, []), on)
        in_uitkering = any(s <= on and (e is None or e > on) for s, e in periods.get(client.pk, []))
        facts = _facts_for(rng, group)
        suggestion = rules.suggest_group(
            rules.ProfileFacts(
                motivatie=facts["motivatie"],
                kans_arbeidsmarkt=facts["kans_arbeidsmarkt"],
                uitkeringsduur_maanden=months,
                opleiding=facts["opleiding"],
                belemmeringen=facts["belemmeringen"],
                coach=facts["coach"],
                preventiesignaal=signal,
                in_uitkering=in_uitkering,
            )
        )
        low, high = TREDE[group]
        profile = Profile(
            client=client,
            assessed_on=on,
            author=client.coach or fallback,
            trede=rng.randint(low, high),
            uitkeringsduur_maanden=months,
            in_uitkering=in_uitkering,
            preventiesignaal=signal,
            arbeidsbeperking=rng.random() < (0.35 if group in (2, 3) else 0.1),
            startkwalificatie=facts["opleiding"] == "voldoende",
            medisch_urenbeperkt=rng.random() < 0.06,
            suggested_group=suggestion.group,
            suggestion_reasons=suggestion.reasons,
            **facts,
        )
        return profile, suggestion.group

    def decide(self, client, profile: Profile, group: int, on: date) -> GroupAssignment:
        reason = ""
        if group != profile.suggested_group:
            reason = self.rng.choice(
                DEVIATION_REASONS["lower" if group < profile.suggested_group else "higher"]
            )
        return GroupAssignment(
            client=client,
            group=group,
            valid_from=on,
            suggested_group=profile.suggested_group,
            reason=reason,
            review_due=rules.next_review_date(
                group=group, assigned_on=on, months_by_group=self.review_months
            ),
            decided_by=client.coach or self.fallback,
        )


def _plan_clients(*, assessor: _Assessor, clients: list[Client], today: date, review_months) -> list[tuple]:
    """(client, [(profile, assignment)]) per client with a benefit: one or two assessments, in order."""
    rng, periods = assessor.rng, assessor.periods
    plan: list[tuple] = []
    for client in clients:
        current_start = max(s for s, e in periods[client.pk] if e is None or e > today)
        final_group = _target_group(rng, rules.benefit_months(periods[client.pk], today))
        # Groups exist since the Uitvoeringsregeling 2019. The latest decision is mostly still within its
        # review interval; about one in eight is overdue.
        first_on = max(
            current_start + timedelta(days=rng.randint(14, 90)),
            POLICY_START + timedelta(days=rng.randint(0, 365)),
        )
        first_on = min(first_on, today)
        last_on = today - timedelta(days=rng.randint(0, int(review_months[final_group] * 30 * 1.15)))
        if (last_on - first_on).days > 150 and rng.random() < 0.6:
            earlier_group = max(0, min(4, final_group + _weighted(rng, [(1, 60), (-1, 25), (0, 15)])))
            steps = [(first_on, earlier_group), (last_on, final_group)]
        else:
            steps = [(max(first_on, last_on), final_group)]
        chain = []
        for on, group in steps:
            profile, suggested = assessor.make_profile(client, on, group)
            # Mostly the coach follows the suggestion; about one in eight deviates (with a reason).
            decided = suggested
            if rng.random() < 0.12:
                decided = group if group != suggested else max(0, min(4, suggested + rng.choice([-1, 1])))
            chain.append((profile, assessor.decide(client, profile, decided, on)))
        # later steps up the ladder: the second profile has a higher trede when the group went down
        if len(chain) == 2 and chain[1][1].group < chain[0][1].group:
            chain[1][0].trede = min(6, chain[0][0].trede + 1)
        plan.append((client, chain))
    return plan


def _plan_prevention(*, assessor: _Assessor, prevention: list[Client], today: date) -> list[tuple]:
    """(client, [(profile, assignment)]) per former client with a preventiesignaal."""
    rng, periods = assessor.rng, assessor.periods
    plan: list[tuple] = []
    for client in prevention:
        left = max(e for _, e in periods[client.pk] if e is not None)
        on = left + timedelta(days=rng.randint(0, max(0, (today - left).days)))
        profile, suggested = assessor.make_profile(client, on, 0, signal=_weighted(rng, PREVENTIE))
        plan.append((client, [(profile, assessor.decide(client, profile, suggested, on))]))
    return plan


def _save_profiles(plan: list[tuple]) -> list[Profile]:
    profiles: list[Profile] = []
    for _client, chain in plan:
        profiles.extend(p for p, _ in chain)
    Profile.objects.bulk_create(profiles, batch_size=1000)
    return profiles


def _save_assignments(plan: list[tuple]) -> list[GroupAssignment]:
    """The group assignments, each linked to its profile and ended by the next one."""
    assignments: list[GroupAssignment] = []
    for _client, chain in plan:
        for index, (profile, assignment) in enumerate(chain):
            assignment.profile = profile
            if index + 1 < len(chain):
                assignment.valid_to = chain[index + 1][1].valid_from
            assignments.append(assignment)
    GroupAssignment.objects.bulk_create(assignments, batch_size=1000)
    return assignments


def _save_trajectories(*, rng: random.Random, plan: list[tuple], today: date, lks_values) -> list[Trajectory]:
    """Trajectories (instruments) under each client's current assignment."""
    trajectories: list[Trajectory] = []
    for client, chain in plan:
        profile, assignment = chain[-1]
        trajectories.extend(_trajectories(rng, client, profile, assignment, today, lks_values))
    Trajectory.objects.bulk_create(trajectories, batch_size=1000)
    return trajectories


def _trajectories(rng, client, profile, assignment, today, lks_values) -> list[Trajectory]:
    if assignment.group < 0 or rng.random() < 0.25:
        return []
    out: list[Trajectory] = []
    limits = rules.Limits()
    start = assignment.valid_from + timedelta(days=rng.randint(7, 60))
    for _ in range(rng.randint(1, 3)):
        if start > today:
            break
        months = rng.choice([3, 6, 6, 9, 12])
        end = rules.add_months(start, months) - timedelta(days=1)
        hours = Decimal(rng.choice([4, 8, 12, 16, 20, 24]))
        running = tuple(t.instrument for t in out if t.end is None or t.end >= start)
        facts = rules.DeploymentFacts(
            group=assignment.group,
            age=rules.age_on(client.birth_date, start),
            start=start,
            end=end,
            hours_per_week=hours,
            arbeidsbeperking=profile.arbeidsbeperking,
            startkwalificatie=profile.startkwalificatie,
            medisch_urenbeperkt=profile.medisch_urenbeperkt,
            loonwaarde_pct=Decimal(rng.choice([40, 55, 65, 75])),
            active_instruments=running,
        )
        options = [
            i.code
            for i in rules.CATALOGUE
            if i.trajectory
            and assignment.group in i.groups
            and i.code not in ("vrijlating_medisch", "studietoeslag")
            and not rules.deployment_violations(i.code, facts, limits)
        ]
        if not options:
            break
        code = rng.choice(options)
        low, high = COST[code]
        trajectory = Trajectory(
            client=client,
            instrument=code,
            group=assignment.group,
            start=start,
            end=end,
            hours_per_week=hours,
            provider=rng.choice(PROVIDERS[code]),
            cost=money(rng.randint(low, high)),
            created_by=assignment.decided_by,
        )
        if code == "loonkostensubsidie":
            trajectory.hours_per_week = Decimal(rng.choice([24, 32, 36]))
            trajectory.loonwaarde_pct = facts.loonwaarde_pct
            trajectory.monthly_subsidy = rules.loonkostensubsidie(
                wml_maand=rules.wml_for_hours(
                    wml_uur=lks_values["wml_uur_21"], uren_per_week=trajectory.hours_per_week
                ),
                loonwaarde_pct=trajectory.loonwaarde_pct,
                vakantiebijslag_pct=lks_values["lks_vakantiebijslag_pct"],
                werkgeverslasten_pct=lks_values["lks_werkgeverslasten_pct"],
                max_pct=lks_values["lks_max_pct"],
                zonder_loonwaarde_pct=lks_values["lks_zonder_loonwaarde_pct"],
                zonder_loonwaarde_maanden=int(lks_values["lks_zonder_loonwaarde_maanden"]),
            ).bedrag
            trajectory.end = None
        if trajectory.end is not None and trajectory.end < today:
            trajectory.outcome = _weighted(
                rng, [("werk", 20), ("doel_bereikt", 45), ("niet_bereikt", 20), ("voortijdig", 15)]
            )
        out.append(trajectory)
        if trajectory.end is None:
            break
        start = trajectory.end + timedelta(days=rng.randint(1, 90))
    return out
