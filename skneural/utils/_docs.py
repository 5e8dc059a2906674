"""Docstring pieces written once and spliced where they are needed."""

import textwrap

__all__ = ["insert_docs"]


def insert_docs(**pieces):
    """Decorator replacing every docstring line that holds only ``{name}``
    with ``pieces[name]``, indented like that line.

    Examples
    --------
    >>> from skneural.utils._docs import insert_docs
    >>> @insert_docs(answer="x : int\\n    The answer.")
    ... def f(x):
    ...     '''Parameters
    ...     ----------
    ...     {answer}
    ...     '''
    >>> print(f.__doc__.splitlines()[2:4])
    ['    x : int', '        The answer.']
    """

    def splice(obj):
        lines = []
        for line in obj.__doc__.splitlines(keepends=True):
            key = line.strip()[1:-1] if line.strip().startswith("{") else None
            if key in pieces and line.strip() == "{" + key + "}":
                indent = line[: len(line) - len(line.lstrip())]
                lines.append(textwrap.indent(pieces[key], indent, lambda s: s.strip() != "")
                             + "\n")
            else:
                lines.append(line)
        obj.__doc__ = "".join(lines)
        return obj

    return splice
