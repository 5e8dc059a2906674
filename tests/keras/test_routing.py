"""Parameter routing by prefix (skneural.keras._routing)."""

import pytest

from skneural.keras._routing import (
    accepts_argument, build_from_params, is_routed, route_params,
)


def test_route_params_strips_the_prefix_and_filters():
    params = {"epochs": 3, "verbose": 0, "fit__batch_size": 8, "fit__x__y": 1, "model__n": 2}
    assert route_params(params, "fit", pass_filter={"epochs"}) == {
        "epochs": 3, "batch_size": 8, "x__y": 1,
    }
    assert route_params(params, "fit", pass_filter=set(), strict=True) == {"batch_size": 8}
    assert route_params(params, "model", pass_filter=None) == {"epochs": 3, "verbose": 0, "n": 2}


def test_routed_value_wins_over_the_plain_one():
    assert route_params({"batch_size": 32, "fit__batch_size": 8}, "fit",
                        pass_filter={"batch_size"}) == {"batch_size": 8}


def test_is_routed_knows_the_prefixes():
    assert is_routed("optimizer__momentum") and is_routed("callbacks__0__patience")
    assert not is_routed("hidden_layer_sizes") and not is_routed("estimator__alpha")


class _Thing:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


def test_build_from_params_instantiates_classes_with_nested_routing():
    built = build_from_params(_Thing, {"a": 1, "0": "first", "inner": _Thing, "inner__b": 2})
    assert built.args == ("first",) and built.kwargs["a"] == 1
    assert built.kwargs["inner"].kwargs == {"b": 2}


def test_build_from_params_routes_by_index_and_key_and_shares_plain_ones():
    first, second = build_from_params([_Thing, _Thing], {"shared": 0, "1__own": 5})
    assert first.kwargs == {"shared": 0} and second.kwargs == {"shared": 0, "own": 5}
    built = build_from_params({"out": _Thing}, {"out__x": 1})
    assert built["out"].kwargs == {"x": 1}


def test_parameters_for_an_instance_are_refused():
    with pytest.raises(TypeError, match="not a class"):
        build_from_params(_Thing(), {"a": 1})
    thing = _Thing()
    assert build_from_params(thing, {}) is thing


def test_accepts_argument():
    def build(meta, n_hidden=1):
        pass

    def flexible(**kwargs):
        pass

    assert accepts_argument(build, "meta") and not accepts_argument(build, "params")
    assert accepts_argument(flexible, "anything")
