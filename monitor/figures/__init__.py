"""The figures stage: read the figures an article reports (``extract.parse_figures``), group
them into measures (``measures``), decide what is new (``novelty``). ``docs/figures.md`` holds
the definitions."""
