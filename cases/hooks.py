"""Hooks owned by cases: how an app above cases takes part in the decision on an aanvraag without cases
importing it (``almelo_sociaal.core.hooks.Hook``; the upper app registers in its ``AppConfig.ready()``).
"""

from __future__ import annotations

from almelo_sociaal.core.hooks import Hook

#: ``(aanvraag=, ingangsdatum=, maandbedrag=, afwijking_reden=, versie=, actor=)`` → the calculated monthly
#: amount (``Decimal``) or None. Called inside ``services.draft_decision``'s transaction for a toekenning, before
#: the amount is checked: a function may record its calculation for the draft ``versie``, refuse a deviating
#: amount without a reason (``ValidationError``), and its amount becomes the draft's when none was given.
#: Registered by ``bijstand`` (recht en hoogte).
draft_amount = Hook("cases.draft_amount")

#: ``(dossier=, aanvraag=, actor=)``: after an approved toekenning opened the uitkeringsdossier, in the same
#: transaction. Registered by ``bijstand`` (links the draft's calculation to the dossier).
dossier_opened = Hook("cases.dossier_opened")
