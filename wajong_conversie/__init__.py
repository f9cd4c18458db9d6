"""wajong-conversie: loondispensatie → loonkostensubsidie in de Wajong, exact doorgerekend.

Data flows one way: case/cohort input → parameters for the date → rules (current, proposed)
→ assessment → outputs. See README.md and docs/regels.md.
"""

__version__ = "0.1.0"
