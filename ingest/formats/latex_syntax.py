"""LaTeX source to pylatexenc nodes, or a ParseError that names the line.

pylatexenc reads a macro's arguments only when it knows the macro, so the
macros that matter to the reader (notes, links, headings, redactions, counters)
are declared here; ``latex_args`` reads addresses and definitions as written.
"""

from __future__ import annotations

import re

from pylatexenc import latexwalker
from pylatexenc.macrospec import EnvironmentSpec, MacroSpec

from ingest.errors import ParseError
from ingest.formats.latex_args import RawArgs

MAX_DEPTH = 100
_TOKENS = re.compile(r"\\(?:begin|end)\b|\\.|%[^\n]*|[{}\n]", re.DOTALL)


_MACROS = {
    "footnote": "[{",
    "footnotemark": "[",
    "footnotetext": "[{",
    "thanks": "{",
    "part": "*[{",
    "paragraph": "*[{",
    "subparagraph": "*[{",
    "hyperlink": "{{",
    "hypertarget": "{{",
    "hyperref": "[{",
    "autoref": "*{",
    "cref": "*{",
    "Cref": "*{",
    "nameref": "*{",
    "markboth": "{{",
    "markright": "{",
    "setcounter": "{{",
    "addtocounter": "{{",
    "stepcounter": "{",
    "caption": "*[{",
    "bibitem": "[{",
    "index": "{",
    "todo": "[{",
    "textsuperscript": "{",
    "textsubscript": "{",
    "UseVerb": "*{",
    "footcite": "[[{",
    "includeonly": "{",
    "addcontentsline": "{{{",
    "foreignlanguage": "[{{",
    "parbox": "[[[{{",
    "makebox": "[[{",
    "framebox": "[[{",
    "raisebox": "{[[{",
    "resizebox": "*{{{",
    "scalebox": "{[{",
    "rotatebox": "[{{",
    "captionof": "*{[{",
    "addtolength": "{{",
    "hyphenation": "{",
    "institute": "{",
    "inst": "{",
    "affiliation": "[{",
    "address": "[{",
    "bibliographystyle": "{",
    "nocite": "{",
    "glossary": "{",
    "refstepcounter": "{",
    "pageref": "*{",
    "vref": "*{",
    "uline": "{",
    "pagestyle": "{",
    "thispagestyle": "{",
    "pagenumbering": "{",
    "geometry": "{",
    "hypersetup": "{",
    "fancyhf": "[{",
    "fancyhead": "[{",
    "fancyfoot": "[{",
    "urlstyle": "{",
    "newcounter": "{[",
    "numberwithin": "{{",
    "newtheorem": "*{[{[",
    "graphicspath": "{",
    "blackout": "{",
    "xblackout": "{",
    "censor": "{",
    "redacted": "{",
    "redact": "{",
}
# Read as written: addresses, and definitions whose bodies are not text.
_RAW_MACROS = {
    "url": RawArgs("{", address=True),
    "nolinkurl": RawArgs("{", address=True),
    "href": RawArgs("{", then="{", address=True),
    "SaveVerb": RawArgs("[{|"),
    "verb": RawArgs("*|"),
    "newcommand": RawArgs("*{[[{"),
    "renewcommand": RawArgs("*{[[{"),
    "providecommand": RawArgs("*{[[{"),
    "DeclareRobustCommand": RawArgs("*{[[{"),
    "newenvironment": RawArgs("*{[[{{"),
    "renewenvironment": RawArgs("*{[[{{"),
}
_ENVIRONMENTS = {
    "minipage": "[[[{",
    "multicols": "{",
    "wrapfigure": "[{{",
    "thebibliography": "{",
}


def context_db():
    db = latexwalker.get_default_latex_context_db()
    db.add_context_category(
        "ingest",
        prepend=True,
        macros=[MacroSpec(name, spec) for name, spec in _MACROS.items()]
        + [MacroSpec(name, args_parser=parser) for name, parser in _RAW_MACROS.items()],
        environments=[
            EnvironmentSpec(name, spec) for name, spec in _ENVIRONMENTS.items()
        ],
    )
    return db


_DB = context_db()


def parse(name: str, text: str) -> list:
    """The top-level nodes of ``text``, or a ParseError naming the line at fault."""
    check_depth(name, text)
    walker = latexwalker.LatexWalker(text, latex_context=_DB, tolerant_parsing=False)
    try:
        nodes, _, _ = walker.get_latex_nodes()
    except latexwalker.LatexWalkerParseError as error:
        raise ParseError(name, explain(error)) from error
    except IndexError as error:  # pylatexenc reading past the end of the source
        raise ParseError(name, "ends in the middle of a command") from error
    except RecursionError as error:
        raise ParseError(
            name, f"brackets or braces nest too deep to read (over {MAX_DEPTH} levels)"
        ) from error
    return nodes


def check_depth(name: str, text: str) -> None:
    """Refuse sources nested so deep that reading them would not end in bounded time."""
    depth = 0
    line = 1
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in ("{", "\\begin"):
            depth += 1
            if depth > MAX_DEPTH:
                raise ParseError(
                    name,
                    f"braces or environments nest more than {MAX_DEPTH} deep "
                    f"on line {line}",
                )
        elif token in ("}", "\\end"):
            depth -= 1


def explain(error: latexwalker.LatexWalkerParseError) -> str:
    """A pylatexenc parse error in the words of someone fixing the source."""
    message = error.msg
    line = error.lineno
    opened = error.open_contexts[0] if error.open_contexts else None
    if message.startswith("Unexpected mismatching closing brace"):
        return f"a closing brace '}}' on line {line} matches no opening brace"
    if message.startswith("Unexpected closing environment") or message.startswith(
        "Unexpected mismatching closing environment"
    ):
        env = re.search(r"'([^']*)'", message)
        closing = env.group(1) if env else "?"
        if opened and opened[0].startswith("begin environment"):
            return (
                f"\\end{{{closing}}} on line {line} does not close "
                f"{_what(opened[0])} opened on line {opened[2]}"
            )
        if opened:
            return (
                f"{_what(opened[0])} opened on line {opened[2]} is not closed "
                f"before \\end{{{closing}}} on line {line}"
            )
        return f"\\end{{{closing}}} on line {line} ends an environment never begun"
    if message.startswith(("Bad \\begin", "Bad \\end")):
        command = message.split()[1]
        return f"{command} on line {line} names no environment"
    if opened and (
        opened[0].startswith("begin environment") or "Cannot find matching" in message
    ):
        return f"{_what(opened[0])} on line {opened[2]} is never ended"
    if opened and opened[0].startswith("arguments of environment"):
        return (
            f"the arguments of {_what(opened[0])} on line {opened[2]} are never closed"
        )
    if opened:
        return f"{_what(opened[0])} opened on line {opened[2]} is never closed"
    return f"cannot be read as LaTeX on line {line}: {message}"


def _what(context: str) -> str:
    """'arguments of macro "footnote"' -> '\\footnote{', and so on."""
    macro = re.fullmatch(r'arguments of macro "(.+)"', context)
    if macro:
        return f"the \\{macro.group(1)}{{"
    env = re.search(r'environment "(?:\\begin\{)?([^"{}]+)\}?"', context)
    if env:
        return f"\\begin{{{env.group(1)}}}"
    if context == "open brace":
        return "a brace '{'"
    if context.startswith("math mode"):
        return "a formula (math mode)"
    return context
