"""Form families: what each kind of self-evaluation form prints, and how to tell them apart.

``families`` (the registry, as data), ``recognise`` (which family a table is), ``vocabulary``
(matching printed labels), ``script`` (traditional characters and pinyin glosses).
"""

from reviewer.forms.families import DEFAULT, FAMILIES, Family, Scoring, get_family
from reviewer.forms.recognise import Recognition, recognise

__all__ = ["DEFAULT", "FAMILIES", "Family", "Recognition", "Scoring", "get_family", "recognise"]
