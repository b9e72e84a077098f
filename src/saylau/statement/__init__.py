"""The statement of preliminary findings and conclusions, in English, Russian and Kazakh.

Pure layer (no Django): :class:`StatementInputs` holds what the statement is
made from; :func:`compose` builds a :class:`Document` for one language (the
analysts' narrative plus sentences generated from data, every number a
:class:`Figure` with its metric, numerator, denominator and unit);
:func:`render_html` and :func:`render_pdf` render it; :func:`write_statements`
writes HTML and PDF for several languages. :func:`inputs_from_simulation`
fills the inputs from a simulation. The database path is
:func:`saylau.statement.selectors.collect` (Django). See ``docs/statement.md``.
"""

from saylau.statement.core.build import write_statements
from saylau.statement.core.compose import compose
from saylau.statement.core.inputs import StatementInputs
from saylau.statement.core.model import Document, Figure, Section
from saylau.statement.core.narrative import read_narrative, sample_directory
from saylau.statement.core.render import render_html, render_pdf
from saylau.statement.core.simulation import frame_from_submissions, inputs_from_simulation

__all__ = [
    "Document", "Figure", "Section", "StatementInputs", "compose", "frame_from_submissions",
    "inputs_from_simulation", "read_narrative", "render_html", "render_pdf", "sample_directory",
    "write_statements",
]
