"""Scale data: N clients with realistic shapes, written in bulk (COPY on PostgreSQL, executemany elsewhere).

Shapes (per 1,000,000 clients, roughly): 1.07M uitkeringsdossiers (~26% running), 0.9M aanvragen, 0.3M
leefgebied scores, 1.7M group assignments (history since 2019, one current per client with a running
dossier), ~30k tegenprestatie placements with ~2M weekly hour registrations, ~15k SRT signals and ~9k
investigations, ~0.9M contacts, ~2.5M timeline events, open work items (reviews due, overdue aanvragen),
and one generated coach per ``clients_per_coach`` clients. Deterministic for a given seed.

Not generated (empty for generated clients): participation profiles and trajectories, exemptions and
sanctions, simple-history rows and the access log.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from almelo_sociaal.accounts.roles import Role
from cases.demo import FIRST as DEMO_FIRST
from cases.demo import LAST as DEMO_LAST
from cases.demo import REGELING_WEIGHTS
from cases.models import (
    Aanvraag,
    Client,
    ClientEvent,
    Contact,
    LeefgebiedScore,
    Uitkeringsdossier,
    Wijkteam,
)
from operations.jobs.models import WorkItem
from participation.models import GroupAssignment
from srt.models import SrtInvestigation, SrtSignal
from tegenprestatie.models import Activity, HostOrganisation, HourLog, Placement

from .writer import BulkLoader, TableWriter, is_postgres

BSN_FIRST_PREFIX = 40_000_000  # demo BSNs start at 20,000,000; generated ones live above 400000000
GROUP_START = date(2019, 1, 1)
EPOCH = date(1950, 1, 1).toordinal()  # the date-string table starts here (birth dates)

# The demo's names and regeling weights, widened for a million people.
FIRST = [
    *DEMO_FIRST,
    *(
        "Johan Maria Henk Petra Mustafa Samira Erik Monique Ali Hatice Rob Anouk Youssef Nadia Gert Sandra "
        "Willem Jolanda Ibrahim Ebru Frank Sabine Thijs Marloes Omar Leyla Koen Bianca Sem Mila Luuk Eva Milan "
        "Tess Hamza Amira Stijn Kim Ricardo Priya Tomasz Agnieszka Dmitri Olga"
    ).split(),
]
LAST_BASE = DEMO_LAST
HEADS = (
    "Berg Brink Kamp Hof Ven Wolt Lamm Nij Haver Mul Smit Bos Dijk Veen Horst Hui Eshuis Klein Groot Oost West "
    "Noord Zuid Ten Ter Oude Scholt Weg Beld Hendrik Gerrit Jan Wier Lohuis Meijer Ruiter Timmer Bakker Visser "
    "Kok Ros Post Vos Bruin Wit Lange Kort Hoek Boer"
).split()
TAILS = "man huis ink ers kate er sen link ling stra ma hof kamp beld horst veld broek mate weg ing".split()
REGELINGEN = tuple(REGELING_WEIGHTS)
END_REASONS = (("werk", 45), ("ander_inkomen", 20), ("verhuisd", 15), ("fraude", 5), ("overig", 15))
LEEFGEBIEDEN = (
    "werk inkomen schulden gezondheid_fysiek gezondheid_psychisch wonen sociaal_netwerk taal dagbesteding "
    "verslaving justitie"
).split()
GROUPS = ((-1, 4), (0, 12), (1, 30), (2, 27), (3, 18), (4, 9))
POSTCODE_LETTERS_1, POSTCODE_LETTERS_2 = "ABCDEGHJKL", "ABCDEGHJKLMNPRSTVWXZ"


def valid_bsns(count: int, first_prefix: int = BSN_FIRST_PREFIX) -> list[int]:
    """``count`` valid BSNs from consecutive 8-digit prefixes: the elfproef check digit, vectorised with numpy
    (the same rule as ``cases.rules.bsn_with_check_digit``: sum(d_i * (9..2)) mod 11, valid when <= 9).
    Without numpy (it is only needed for speed at large N) the same rule runs per prefix."""
    n = int(count * 1.12) + 64
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is pinned; small N still works without it
        bsns = [b for p in range(first_prefix, first_prefix + n) if (b := _bsn_int(p)) is not None]
    else:
        prefixes = np.arange(first_prefix, first_prefix + n, dtype=np.int64)
        total = np.zeros(n, dtype=np.int64)
        for position, weight in enumerate(range(9, 1, -1)):
            total += ((prefixes // 10 ** (7 - position)) % 10) * weight
        check = total % 11
        ok = check <= 9
        bsns = (prefixes[ok] * 10 + check[ok]).tolist()
    if len(bsns) < count:
        raise ValueError("te weinig BSN-prefixen")
    return bsns[:count]


def _bsn_int(prefix: int) -> int | None:
    total = sum(int(d) * w for d, w in zip(f"{prefix:08d}", range(9, 1, -1), strict=True))
    return prefix * 10 + total % 11 if total % 11 <= 9 else None


def _weights(options):
    values, weights = zip(*options, strict=True)
    total = sum(weights)
    cum, acc = [], 0
    for w in weights:
        acc += w
        cum.append(acc / total)
    return list(values), cum


@dataclass
class Context:
    today: date
    teams: list[tuple[int, list[str], str]]  # (id, streets, postcode prefix)
    coaches: dict[int, list[int]]  # wijkteam id -> user ids
    intaker_id: int | None
    toetser_ids: list[int]
    srt_id: int | None
    hosts: list[int]
    activities: list[int]
    created_users: list[int] = field(default_factory=list)


def _next_id(model) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(model._meta.db_table)}")
        return cursor.fetchone()[0] + 1


def reset_sequences(models) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def prepare_context(*, clients: int, clients_per_coach: int, today: date, stdout) -> Context:
    """Wijkteams, users, hosts: reuse the demo's (cases.demo) when present, else create 6 teams; add
    coaches so that each has about ``clients_per_coach`` clients."""
    from cases.demo import WIJKTEAMS

    User = get_user_model()
    specs = {code: (streets, prefix) for code, _, prefix, streets in WIJKTEAMS}
    teams = list(Wijkteam.objects.order_by("id"))
    if not teams:
        teams = [Wijkteam.objects.create(code=c, name=n) for c, n, _, _ in WIJKTEAMS]
        stdout.write(f"  {len(teams)} wijkteams aangemaakt")
    team_rows = []
    for i, team in enumerate(teams):
        streets, prefix = specs.get(team.code, (["Grotestraat", "Wierdensestraat"], f"76{i % 10:02d}"))
        team_rows.append((team.pk, streets, prefix))

    groups = {g.name: g for g in Group.objects.filter(name__in=[str(r) for r in Role])}
    coach_group = groups.get(str(Role.COACH)) or Group.objects.create(name=str(Role.COACH))
    coaches: dict[int, list[int]] = {t.pk: [] for t in teams}
    for uid, team_id in User.objects.filter(groups=coach_group, wijkteam__isnull=False).values_list(
        "id", "wijkteam_id"
    ):
        coaches.setdefault(team_id, []).append(uid)

    per_team = max(1, math.ceil(clients / len(teams) / max(1, clients_per_coach)))
    password = make_password(None)  # unusable: generated coaches never log in
    now = timezone.now()
    user_writer = TableWriter(
        User,
        [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "password",
            "wijkteam_id",
            "date_joined",
            "is_active",
        ],
        now=now,
    )
    member_writer = TableWriter(User.groups.through, ["id", "user_id", "group_id"])
    next_user, next_member = _next_id(User), _next_id(User.groups.through)
    users, members, created = [], [], []
    start = next_user
    for team_id, _, _ in team_rows:
        missing = per_team - len(coaches[team_id])
        for _ in range(max(0, missing)):
            uid = next_user
            next_user += 1
            name = f"scale-coach-{uid}"
            users.append(
                (
                    uid,
                    name,
                    "Coach",
                    str(uid),
                    f"{name}@almelo.example",
                    password,
                    team_id,
                    now.isoformat(sep=" "),
                    True,
                )
            )
            members.append((next_member, uid, coach_group.pk))
            next_member += 1
            coaches[team_id].append(uid)
            created.append(uid)
    if users:
        loader = BulkLoader()
        loader.write(user_writer, users)
        loader.write(member_writer, members)
        loader.close()
        reset_sequences([User, User.groups.through])
        stdout.write(f"  {len(users)} coaches aangemaakt (ids {start}–{next_user - 1})")
    empty = [t for t, ids in coaches.items() if not ids]
    if empty:
        raise ValueError(f"wijkteams zonder coach: {empty}")

    def user_id(username):
        return User.objects.filter(username=username).values_list("id", flat=True).first()

    hosts = list(
        HostOrganisation.objects.filter(declaration_signed_on__isnull=False, active=True).values_list(
            "id", flat=True
        )
    )
    if not hosts:
        for i in range(12):
            host = HostOrganisation.objects.create(
                name=f"Gastorganisatie {i + 1} (schaaldata)",
                kind=HostOrganisation.Kind.STICHTING,
                street=f"Grotestraat {i + 1}",
                postcode="7607AB",
                contact_name="Contactpersoon",
                declaration_signed_on=date(2022, 1, 1),
                declaration_signed_by="Directeur",
                wijkteam_id=team_rows[i % len(team_rows)][0],
            )
            hosts.append(host.pk)
    activities = list(
        Activity.objects.filter(active=True, needs_host=True, needs_description=False).values_list(
            "id", flat=True
        )
    )
    if not activities:
        activities = [Activity.objects.create(code="schaal-buurt", name="Buurtonderhoud", kind="opgelegd").pk]
    toetsers = [uid for uid in (user_id("toetser"), user_id("toetser2")) if uid]
    return Context(
        today=today,
        teams=team_rows,
        coaches=coaches,
        intaker_id=user_id("intaker"),
        toetser_ids=toetsers or [None],
        srt_id=user_id("srt"),
        hosts=hosts,
        activities=activities,
        created_users=created,
    )


class Generator:
    """Streams the rows of ``clients`` clients (and everything hanging off them) into the loader."""

    def __init__(self, ctx: Context, *, clients: int, seed: int = 2026, chunk: int = 20_000):
        self.ctx, self.n, self.chunk = ctx, clients, chunk
        self.rng = random.Random(seed)
        self.pg = is_postgres()
        self.tz = "+00" if self.pg else ""
        today = ctx.today
        self.today_o = today.toordinal()
        span = self.today_o - EPOCH + 800
        self.iso = [date.fromordinal(EPOCH + i).isoformat() for i in range(span)]
        self.now = timezone.now()
        first_names = FIRST
        last = list(LAST_BASE) + [("", h + t) for h in HEADS for t in TAILS]
        # Zipf-like: a few very common surnames, a long tail of rare ones
        weights = [1.0 / (i + 1) ** 0.9 for i in range(len(last))]
        self.rng.shuffle(last)
        total = sum(weights)
        self.last, self.last_cum = last, [w / total for w in itertools.accumulate(weights)]
        self.first = first_names
        self.regeling, self.regeling_cum = _weights(REGELINGEN)
        self.reason, self.reason_cum = _weights(END_REASONS)
        self.group, self.group_cum = _weights(GROUPS)
        self.writers = {
            "client": TableWriter(
                Client,
                [
                    "id",
                    "bsn",
                    "voornamen",
                    "tussenvoegsel",
                    "achternaam",
                    "birth_date",
                    "street",
                    "house_number",
                    "postcode",
                    "phone",
                    "leefvorm",
                    "taaleis",
                    "wijkteam_id",
                    "coach_id",
                    "created_at",
                    "updated_at",
                ],
            ),
            "aanvraag": TableWriter(
                Aanvraag,
                [
                    "id",
                    "client_id",
                    "regeling",
                    "aanvraagdatum",
                    "status",
                    "consulent_id",
                    "voorliggende_voorziening",
                    "concept_besluit",
                    "concept_door_id",
                    "concept_ingangsdatum",
                    "concept_op",
                    "besluitdatum",
                    "besluit_reden",
                    "getoetst_door_id",
                    "intrekking_reden",
                    "created_at",
                    "created_by_id",
                ],
            ),
            "leefgebied": TableWriter(LeefgebiedScore, ["id", "aanvraag_id", "leefgebied", "score"]),
            "dossier": TableWriter(
                Uitkeringsdossier,
                [
                    "id",
                    "client_id",
                    "aanvraag_id",
                    "regeling",
                    "startdatum",
                    "einddatum",
                    "eindreden",
                    "maandbedrag",
                    "created_at",
                ],
            ),
            "assignment": TableWriter(
                GroupAssignment,
                [
                    "id",
                    "client_id",
                    "group",
                    "valid_from",
                    "valid_to",
                    "suggested_group",
                    "review_due",
                    "decided_by_id",
                    "created_at",
                ],
            ),
            "placement": TableWriter(
                Placement,
                [
                    "id",
                    "client_id",
                    "host_id",
                    "activity_id",
                    "phase",
                    "agreed_hours",
                    "start_date",
                    "end_date",
                    "status",
                    "end_reason",
                    "created_by_id",
                    "created_at",
                ],
            ),
            "hourlog": TableWriter(
                HourLog,
                [
                    "id",
                    "placement_id",
                    "client_id",
                    "week_start",
                    "iso_year",
                    "iso_week",
                    "month",
                    "hours",
                    "attendance",
                    "registered_by_id",
                ],
            ),
            "signal": TableWriter(
                SrtSignal,
                [
                    "id",
                    "client_id",
                    "dossier_id",
                    "source",
                    "risk_profile",
                    "received_on",
                    "description",
                    "status",
                    "discard_reason",
                    "triaged_by_id",
                    "created_at",
                ],
            ),
            "investigation": TableWriter(
                SrtInvestigation,
                [
                    "id",
                    "reference",
                    "signal_id",
                    "client_id",
                    "dossier_id",
                    "source",
                    "status",
                    "opened_on",
                    "started_on",
                    "closed_on",
                    "duration_days",
                    "outcome",
                    "other_result",
                    "conclusion",
                    "created_at",
                    "updated_at",
                ],
            ),
            "contact": TableWriter(
                Contact, ["id", "client_id", "date", "kind", "summary", "recorded_by_id", "created_at"]
            ),
            "event": TableWriter(ClientEvent, ["id", "client_id", "at", "kind", "text", "actor_id"]),
            "workitem": TableWriter(
                WorkItem,
                [
                    "id",
                    "kind",
                    "subject_key",
                    "assignee_id",
                    "role",
                    "wijkteam_id",
                    "client_id",
                    "url",
                    "message",
                    "due_on",
                    "first_seen",
                    "last_seen",
                ],
            ),
        }
        self.next = {key: _next_id(w.model) for key, w in self.writers.items()}
        self.first_ids = dict(self.next)
        self.bsns = valid_bsns(clients, self._bsn_start())
        self.client_url = reverse("cases:client-detail", args=[999999999]).replace("999999999", "{}")
        self.aanvraag_url = reverse("cases:aanvraag-detail", args=[999999999]).replace("999999999", "{}")
        self.weeks: dict[int, tuple] = {}

    def _bsn_start(self) -> int:
        """First 8-digit prefix above every BSN already in the database from the generated range."""
        highest = (
            Client.objects.filter(bsn__gte=f"{BSN_FIRST_PREFIX}0")
            .order_by("-bsn")
            .values_list("bsn", flat=True)
        ).first()
        return max(BSN_FIRST_PREFIX, int(highest[:8]) + 1) if highest else BSN_FIRST_PREFIX

    # -- helpers -------------------------------------------------------------------------------------------
    def _id(self, key: str) -> int:
        value = self.next[key]
        self.next[key] = value + 1
        return value

    def d(self, ordinal: int) -> str:
        return self.iso[ordinal - EPOCH]

    def ts(self, ordinal: int, hour: int = 10) -> str:
        return f"{self.iso[ordinal - EPOCH]} {hour:02d}:00:00{self.tz}"

    def _pick(self, values, cum) -> object:
        r = self.rng.random()
        for v, c in zip(values, cum, strict=True):
            if r <= c:
                return v
        return values[-1]

    def _week(self, monday: int) -> tuple:
        info = self.weeks.get(monday)
        if info is None:
            day = date.fromordinal(monday)
            iso_year, iso_week, _ = day.isocalendar()
            thursday = day + timedelta(days=3)
            info = (self.d(monday), iso_year, iso_week, thursday.replace(day=1).isoformat())
            self.weeks[monday] = info
        return info

    # -- the rows ------------------------------------------------------------------------------------------
    def run(self, loader: BulkLoader, progress=None) -> None:
        for start in range(0, self.n, self.chunk):
            rows = {key: [] for key in self.writers}
            for i in range(start, min(self.n, start + self.chunk)):
                self._client(i, rows)
            for key, writer in self.writers.items():  # in FK order
                loader.write(writer, rows[key])
            if progress:
                progress(min(self.n, start + self.chunk))
        loader.flush()

    def _client(self, index: int, rows: dict) -> None:  # noqa: C901 - one client's life, top to bottom
        rng, ctx, today_o = self.rng, self.ctx, self.today_o
        rand, randint = rng.random, rng.randint
        cid = self._id("client")
        team_id, streets, prefix = ctx.teams[rng.randrange(len(ctx.teams))]
        coach = rng.choice(ctx.coaches[team_id])
        tussen, achter = self.last[min(len(self.last) - 1, bisect.bisect_left(self.last_cum, rand()))]
        leefvorm = "alleenstaand" if rand() < 0.6 else ("alleenstaande_ouder" if rand() < 0.55 else "gehuwd")
        registered = randint(date(2009, 1, 1).toordinal(), today_o - 14)
        rows["client"].append(
            (
                cid,
                str(self.bsns[index]),
                rng.choice(self.first),
                tussen,
                achter,
                self.d(randint(date(1958, 1, 1).toordinal(), date(2006, 12, 31).toordinal())),
                rng.choice(streets),
                str(randint(1, 180)),
                f"{prefix}{rng.choice(POSTCODE_LETTERS_1)}{rng.choice(POSTCODE_LETTERS_2)}",
                f"06{randint(10_000_000, 99_999_999)}",
                leefvorm,
                "voldaan" if rand() < 0.7 else ("traject" if rand() < 0.4 else "niet_beoordeeld"),
                team_id,
                coach,
                self.ts(registered),
                self.ts(registered),
            )
        )
        events = rows["event"]
        events.append(
            (self._id("event"), cid, self.ts(registered, 9), "intake", "Cliënt geregistreerd", ctx.intaker_id)
        )
        amount = "2002.13" if leefvorm == "gehuwd" else "1401.50"

        # spells of uitkering: most clients one, some return; ~8% only ever had a rejected aanvraag
        spells = []
        if rand() >= 0.08:
            start = registered
            while True:
                duration = int(rng.expovariate(1 / 1500)) + 30
                end = start + duration if start + duration < today_o else None
                regeling = self._pick(self.regeling, self.regeling_cum)
                spells.append((start, end, regeling))
                if end is None or rand() > 0.2:
                    break
                start = end + randint(60, 900)
                if start >= today_o - 30:
                    break
        for start, end, regeling in spells:
            aanvraag_id = None
            if start >= date(2017, 1, 1).toordinal():
                aanvraag_id = self._id("aanvraag")
                aanvraagdatum = start - randint(0, 20)
                rows["aanvraag"].append(
                    (
                        aanvraag_id,
                        cid,
                        regeling,
                        self.d(aanvraagdatum),
                        "toegekend",
                        ctx.intaker_id,
                        "geen",
                        "toekennen",
                        ctx.intaker_id,
                        self.d(start),
                        self.ts(aanvraagdatum + 5),
                        self.d(min(aanvraagdatum + randint(10, 50), today_o)),
                        "Voldoet aan de voorwaarden.",
                        rng.choice(ctx.toetser_ids),
                        "",
                        self.ts(aanvraagdatum),
                        ctx.intaker_id,
                    )
                )
                events.append(
                    (
                        self._id("event"),
                        cid,
                        self.ts(aanvraagdatum, 11),
                        "aanvraag",
                        "Aanvraag gemeld",
                        ctx.intaker_id,
                    )
                )
                if rand() < 0.3:
                    for lg in rng.sample(LEEFGEBIEDEN, 3):
                        rows["leefgebied"].append((self._id("leefgebied"), aanvraag_id, lg, randint(1, 5)))
            dossier_id = self._id("dossier")
            reason = self._pick(self.reason, self.reason_cum) if end else ""
            rows["dossier"].append(
                (
                    dossier_id,
                    cid,
                    aanvraag_id,
                    regeling,
                    self.d(start),
                    self.d(end) if end else None,
                    reason,
                    amount,
                    self.ts(start),
                )
            )
            events.append(
                (
                    self._id("event"),
                    cid,
                    self.ts(start, 12),
                    "besluit",
                    "Uitkeringsdossier gestart",
                    ctx.toetser_ids[0],
                )
            )
            if end:
                events.append(
                    (
                        self._id("event"),
                        cid,
                        self.ts(end, 12),
                        "dossier",
                        "Uitkeringsdossier beëindigd",
                        coach,
                    )
                )
            self._assignments(cid, coach, team_id, start, end, rows)
            if rand() < 0.015:
                self._srt(cid, dossier_id, start, end, rows)

        if rand() < 0.12:  # rejected or withdrawn applications
            day = randint(date(2017, 1, 1).toordinal(), today_o - 70)
            rejected = rand() < 0.7
            rows["aanvraag"].append(
                (
                    self._id("aanvraag"),
                    cid,
                    "bijstand",
                    self.d(day),
                    "afgewezen" if rejected else "ingetrokken",
                    ctx.intaker_id,
                    "ww" if rand() < 0.4 else "geen",
                    "afwijzen" if rejected else "",
                    ctx.intaker_id,
                    None,
                    None,
                    self.d(day + randint(10, 55)) if rejected else None,
                    "Voorliggende voorziening." if rejected else "",
                    ctx.toetser_ids[0] if rejected else None,
                    "" if rejected else "Werk gevonden.",
                    self.ts(day),
                    ctx.intaker_id,
                )
            )
        if rand() < 0.01:  # open work: new and in behandeling, some past the 8-week term
            age = randint(3, 110)
            status = "gemeld" if rand() < 0.5 else "in_behandeling"
            aid = self._id("aanvraag")
            day = today_o - age
            rows["aanvraag"].append(
                (
                    aid,
                    cid,
                    "bijstand",
                    self.d(day),
                    status,
                    ctx.intaker_id,
                    "niet_gecontroleerd",
                    "",
                    None,
                    None,
                    None,
                    None,
                    "",
                    None,
                    "",
                    self.ts(day),
                    ctx.intaker_id,
                )
            )
            if age > 56:
                rows["workitem"].append(
                    (
                        self._id("workitem"),
                        WorkItem.Kind.AANVRAAG_OVERDUE,
                        f"aanvraag:{aid}",
                        ctx.intaker_id,
                        "",
                        team_id,
                        cid,
                        self.aanvraag_url.format(aid),
                        f"{achter}: aanvraag van {self.d(day)} is over de beslistermijn",
                        self.d(day + 56),
                        self.d(today_o),
                        self.d(today_o),
                    )
                )

        # contacts: recent ones for running dossiers, a few during ended ones
        if spells:
            start, end, _ = spells[-1]
            if end is None:
                count, lo = randint(0, 5), max(start, today_o - 540)
                hi = today_o
            else:
                count, lo, hi = randint(0, 2), start, end
            for _ in range(count):
                day = randint(lo, hi)
                rows["contact"].append(
                    (
                        self._id("contact"),
                        cid,
                        self.d(day),
                        rng.choice(("gesprek", "telefoon", "huisbezoek", "mail")),
                        "",
                        coach,
                        self.ts(day, 14),
                    )
                )

    def _assignments(
        self, cid: int, coach: int, team_id: int, start: int, end: int | None, rows: dict
    ) -> None:
        rng, today_o = self.rng, self.today_o
        first = max(start, GROUP_START.toordinal())
        stop = end if end is not None else today_o
        if first >= stop:
            return
        t = first
        while True:
            nxt = t + rng.randint(180, 420)
            last = nxt >= stop
            valid_to = (end if end is not None else None) if last else nxt
            group = self._pick(self.group, self.group_cum)
            suggested = group if rng.random() < 0.85 else self._pick(self.group, self.group_cum)
            aid = self._id("assignment")
            review = t + 365
            rows["assignment"].append(
                (
                    aid,
                    cid,
                    group,
                    self.d(t),
                    self.d(valid_to) if valid_to else None,
                    suggested,
                    self.d(review),
                    coach,
                    self.ts(t),
                )
            )
            if last:
                break
            t = nxt
        if end is None:
            if review <= self.today_o + 30:
                rows["workitem"].append(
                    (
                        self._id("workitem"),
                        WorkItem.Kind.REVIEW_DUE,
                        f"groepsindeling:{aid}",
                        coach,
                        "",
                        team_id,
                        cid,
                        self.client_url.format(cid),
                        f"Herbeoordeling groep {group} uiterlijk {self.d(review)}",
                        self.d(review),
                        self.d(self.today_o),
                        self.d(self.today_o),
                    )
                )
            if group in (1, 2, 3) and rng.random() < 0.12:
                self._placement(cid, coach, start, rows)

    def _placement(self, cid: int, coach: int, spell_start: int, rows: dict) -> None:
        rng, today_o = self.rng, self.today_o
        start = max(spell_start, today_o - rng.randint(30, 1100), date(2021, 1, 4).toordinal())
        ended = rng.random() < 0.3 and start < today_o - 200
        end = min(start + rng.randint(90, 600), today_o - 30) if ended else None
        hours = rng.choice((4, 6, 8, 12))
        pid = self._id("placement")
        rows["placement"].append(
            (
                pid,
                cid,
                rng.choice(self.ctx.hosts),
                rng.choice(self.ctx.activities),
                3 if start >= date(2023, 1, 1).toordinal() else 2,
                f"{hours}.00",
                self.d(start),
                self.d(end) if end else None,
                "beeindigd" if ended else "actief",
                "afgerond" if ended else "",
                coach,
                self.ts(start),
            )
        )
        monday = start + (7 - date.fromordinal(start).weekday()) % 7
        last = (end if end else today_o) - 14  # the current and last week are left open for registration
        per_year: dict[int, int] = {}
        logs = rows["hourlog"]
        while monday <= last:
            if rng.random() < 0.85:
                week_iso, iso_year, iso_week, month = self._week(monday)
                r = rng.random()
                if r < 0.9 and per_year.get(iso_year, 0) < 40:
                    per_year[iso_year] = per_year.get(iso_year, 0) + 1
                    value, attendance = f"{hours}.00", "aanwezig"
                else:
                    value, attendance = "0.00", "afgemeld" if r < 0.97 else "niet_verschenen"
                logs.append(
                    (
                        self._id("hourlog"),
                        pid,
                        cid,
                        week_iso,
                        iso_year,
                        iso_week,
                        month,
                        value,
                        attendance,
                        coach,
                    )
                )
            monday += 7

    def _srt(self, cid: int, dossier_id: int, start: int, end: int | None, rows: dict) -> None:
        rng, today_o = self.rng, self.today_o
        received = rng.randint(start, (end or today_o) - 1) if (end or today_o) - 1 > start else start
        source = rng.choice(("melding", "gegevensmatch", "huisbezoek", "themacontrole", "niet_verschenen"))
        r = rng.random()
        status = "in_onderzoek" if r < 0.6 else ("verworpen" if r < 0.85 else "nieuw")
        sid = self._id("signal")
        rows["signal"].append(
            (
                sid,
                cid,
                dossier_id,
                source,
                "Woonsituatie" if source == "themacontrole" else "",
                self.d(received),
                "Signaal uit de schaaldata.",
                status,
                "Geen aanwijzingen." if status == "verworpen" else "",
                self.ctx.srt_id if status != "nieuw" else None,
                self.ts(received),
            )
        )
        if status != "in_onderzoek":
            return
        iid = self._id("investigation")
        opened = min(received + rng.randint(1, 20), today_o)
        closed = opened + rng.randint(30, 200)
        if opened < today_o - 120 and closed < today_o and rng.random() < 0.9:
            outcome = rng.choice(
                ("uitkering_beeindigd", "ander_resultaat", "ander_resultaat", "aanvraag_afgewezen")
            )
            other = (
                rng.choice(("geen_overtreding", "waarschuwing", "maatregel"))
                if outcome == "ander_resultaat"
                else ""
            )
            values = (
                "afgerond",
                self.d(opened),
                self.d(opened + 3),
                self.d(closed),
                closed - opened,
                outcome,
                other,
                "Afgerond.",
            )
        else:
            values = ("in_onderzoek", self.d(opened), self.d(opened + 3), None, None, "", "", "")
        rows["investigation"].append(
            (
                iid,
                f"SRT-{date.fromordinal(opened).year}-{iid:05d}",  # the one case-number format (srt.rules)
                sid,
                cid,
                dossier_id,
                source,
                *values,
                self.ts(opened),
                self.ts(opened),
            )
        )

    def id_ranges(self) -> dict[str, list[int]]:
        return {
            self.writers[key].model._meta.label: [self.first_ids[key], self.next[key] - 1]
            for key in self.writers
            if self.next[key] > self.first_ids[key]
        }


def now_utc() -> datetime:
    return datetime.now(UTC)
