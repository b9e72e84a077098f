"""ODK XPath: XPath 1.0 (elementpath's parser) with the ODK XForms functions.

The expressions are those of the XForm that pyxform writes (``${name}``
already made into paths). :func:`compile_xpath` parses once (cached);
:func:`evaluate` runs a compiled expression on an instance document with a
context node and an :class:`Env` (secondary instances, ``current()``, the
form's choices for ``jr:choice-name``, media CSV for ``pulldata``, the clock).

Semantics follow the ODK XForms specification
(https://getodk.github.io/xforms-spec/#xpath-functions) where it departs from
XPath 1.0: a date (``YYYY-MM-DD``) or dateTime converts to a number as days
since 1970-01-01, so date arithmetic and ordering work; ``concat``,
``min``, ``max``, ``join`` accept node-sets; ``position(node)`` is the node's
index among its same-named siblings; ``round`` takes digits; ``if`` evaluates
only the branch it takes. Comparisons and arithmetic follow XPath 1.0 exactly
(an empty answer is "" and compares false with ``= < >``, ``NaN`` in
arithmetic), implemented here rather than by elementpath's XPath 2.0-minded
operators. tests/data/xpath-vectors.json holds the cases the browser engine
must agree on.

The values and comparisons are in :mod:`.xpath_values`, the parser and its
operators in :mod:`.xpath_parser`, the function library in
:mod:`.xpath_functions` (imported here, which registers it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from copy import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree as ET

import elementpath
from elementpath.exceptions import ElementPathError

from saylau.observation.core.xlsform import xpath_functions  # noqa: F401 - registers the functions
from saylau.observation.core.xlsform.xpath_parser import FUNCTIONS, ODKParser
from saylau.observation.core.xlsform.xpath_reads import reads
from saylau.observation.core.xlsform.xpath_values import (
    CURLY,
    NAMESPACES,
    VOLATILE,
    Context,
    Env,
    XPathError,
    is_nodes,
    node_string,
    to_bool,
    to_number,
    to_string,
)

__all__ = ["FUNCTIONS", "VOLATILE", "Compiled", "Env", "XPathError", "compile_xpath", "evaluate",
           "evaluate_on", "is_nodes", "node_string", "node_tree", "to_bool", "to_number", "to_string"]

ODKParser.build()


# ---- compiling and evaluating --------------------------------------------------------

@dataclass(frozen=True)
class Compiled:
    """A parsed expression: its text, elementpath's root token, and the instance
    texts its value depends on (:func:`.xpath_reads.reads`; None: more than those)."""

    text: str
    token: Any
    volatile: bool
    reads: tuple[str, ...] | None = None


@lru_cache(maxsize=8192)
def compile_xpath(text: str) -> Compiled:
    """Parse once (cached); raises XPathError naming the expression."""
    clean = text.translate(CURLY).strip()
    try:
        token = ODKParser(namespaces=NAMESPACES).parse(clean)
    except ElementPathError as error:
        raise XPathError(text, _reason(error)) from None
    except (ValueError, TypeError, KeyError) as error:
        raise XPathError(text, str(error) or type(error).__name__) from None
    return Compiled(text, token, any(name in clean for name in VOLATILE), reads(token))


def _reason(error: Exception) -> str:
    message = getattr(error, "message", "") or str(error)
    return re.sub(r"^\[?err:\w+\]?\s*", "", str(message)).strip()


def node_tree(root: ET.Element) -> tuple[Any, Mapping[ET.Element, Any]]:
    """elementpath's document for an instance, and element -> its node."""
    document = elementpath.get_node_tree(ET.ElementTree(root))
    return document, document.elements


def evaluate(compiled: Compiled | str, document: Any, node: Any = None, env: Env | None = None) -> Any:
    """The raw value (node list, str, float, bool) of an expression with ``node`` as
    the context item (and ``current()`` unless ``env.current`` is set)."""
    if isinstance(compiled, str):
        compiled = compile_xpath(compiled)
    env = env or Env()
    if env.current is None and node is not None:
        env = _with_current(env, node)
    context = Context(document, item=node if node is not None else document)
    context.env = env
    try:
        return compiled.token.evaluate(context)
    except XPathError:
        raise
    except (ElementPathError, ValueError, TypeError, ZeroDivisionError, OverflowError) as error:
        raise XPathError(compiled.text, _reason(error)) from None


def _with_current(env: Env, node: Any) -> Env:
    clone = copy(env)
    clone.current = node
    return clone


def evaluate_on(expression: str, instance: str | ET.Element, context_path: str = "",
                instances: Mapping[str, str | ET.Element] | None = None, **env: Any) -> Any:
    """Evaluate on an instance given as XML (as the shared test vectors do):
    ``context_path`` is an absolute path (``/data/r[2]/x``) of the context node."""
    root = ET.fromstring(instance) if isinstance(instance, str) else instance
    document, _ = node_tree(root)
    node: Any = None
    if context_path:
        found = evaluate(compile_xpath(context_path), document)
        node = found[0] if is_nodes(found) and found else None
    secondary = {k: ET.fromstring(v) if isinstance(v, str) else v for k, v in (instances or {}).items()}
    return evaluate(compile_xpath(expression), document, node, Env(instances=secondary, **env))
