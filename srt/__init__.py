"""SRT (Sociaal Rechercheteam): fraud signals and need-to-know investigations.

A domain app directly above ``cases`` (label ``srt``; its tables keep their ``cases_srt*`` names). Rooms as in
every app: ``rules`` (pure), ``parameters`` (effective-dated legal and
policy amounts), ``selectors`` (reads, scoped to the user in SQL), ``services`` (writes, audited),
``views``/``forms``/``urls`` (browser UI under ``/srt/``), ``api`` (REST, token scope ``srt``), ``exports``
(CSV/Excel of the report) and ``demo`` (the seed's period Nov 2019 – Oct 2020).
"""
