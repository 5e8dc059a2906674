"""Parameter routing by prefix, as SciKeras users write it.

A wrapper's parameter named ``<destination>__<name>`` is meant for one
destination only: ``model__n_hidden`` for the model-building function,
``optimizer__momentum`` for the optimizer, ``fit__batch_size`` for
``keras.Model.fit``, ``callbacks__0__patience`` for the first callback, and
so on. :func:`route_params` picks the parameters of one destination;
:func:`build_from_params` instantiates classes (an optimizer class, a list
of callback classes, ...) with the parameters routed to them.
"""

import inspect

__all__ = ["ROUTING_PREFIXES", "accepts_argument", "build_from_params", "route_params"]

ROUTING_PREFIXES = frozenset(
    {"model", "fit", "compile", "predict", "score", "optimizer", "loss", "metrics", "callbacks"}
)


def is_routed(name):
    """Whether ``name`` is a routed parameter such as ``optimizer__momentum``."""
    return "__" in name and name.split("__", 1)[0] in ROUTING_PREFIXES


def route_params(params, destination, pass_filter=frozenset(), strict=False):
    """The parameters meant for ``destination``, with their prefix removed.

    Parameters
    ----------
    params : dict
        Every parameter, as ``get_params(deep=False)`` gives them.
    destination : str
        The prefix, e.g. ``'optimizer'``.
    pass_filter : collection of str or None, default=frozenset()
        Unprefixed parameters that pass as they are (None: all of them).
    strict : bool, default=False
        Drop the parameters routed further down, such as
        ``optimizer__inner__name`` when routing to ``'optimizer'``.

    Returns
    -------
    routed : dict
        The routed parameters; a prefixed one wins over an unprefixed one
        of the same name.
    """
    routed = {
        name: value for name, value in params.items()
        if "__" not in name and (pass_filter is None or name in pass_filter)
    }
    prefix = f"{destination}__"
    for name, value in params.items():
        if name.startswith(prefix):
            rest = name[len(prefix):]
            if not (strict and "__" in rest):
                routed[rest] = value
    return routed


def _own(params):
    return {name: value for name, value in params.items() if "__" not in name}


def _instantiate(cls, params, shared):
    arguments = {**shared, **_own(params)}
    built = {
        name: build_from_params(value, route_params(params, name, pass_filter=set()))
        for name, value in arguments.items()
    }
    positional = sorted((int(name), value) for name, value in built.items() if name.isdigit())
    keywords = {name: value for name, value in built.items() if not name.isdigit()}
    return cls(*(value for _, value in positional), **keywords)


def build_from_params(items, params, shared=None):
    """Instantiate the classes in ``items`` with the parameters routed to them.

    Parameters
    ----------
    items : class, instance, list, tuple or dict
        A class is called with ``params`` (positional ones named ``'0'``,
        ``'1'``, ...); a parameter that is itself a class is built with the
        parameters routed to it. In a list or a dict, the item at index or
        key ``k`` gets the parameters prefixed ``k__`` and every unprefixed
        one. Anything else is returned as it is.
    params : dict
        The parameters routed to ``items`` (prefix already removed).
    shared : dict or None, default=None
        Parameters given to every item of the enclosing list or dict.

    Returns
    -------
    built : object
        ``items`` with its classes instantiated.

    Raises
    ------
    TypeError
        When parameters are routed to something that is not a class.
    """
    shared = shared or {}
    if inspect.isclass(items):
        return _instantiate(items, params, shared)
    if isinstance(items, (list, tuple, dict)):
        keys = items.keys() if isinstance(items, dict) else range(len(items))
        built = {
            key: build_from_params(
                items[key], route_params(params, str(key), pass_filter=set()), _own(params)
            )
            for key in keys
        }
        return built if isinstance(items, dict) else type(items)(built.values())
    unused = {**shared, **_own(params)}
    if unused:
        raise TypeError(
            f"{items!r} of type {type(items).__name__} is not a class, so it cannot "
            f"take the parameters routed to it: {sorted(unused)}. Pass the class "
            "instead of an instance, or drop those parameters."
        )
    return items


def accepts_argument(function, name):
    """Whether ``function`` takes a keyword argument ``name`` (or ``**kwargs``)."""
    for parameter in inspect.signature(function).parameters.values():
        if parameter.kind == parameter.VAR_KEYWORD:
            return True
        if parameter.name == name and parameter.kind in (
            parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY
        ):
            return True
    return False
