"""Threshold logic units with fixed weights, and the logic networks they build.

McCulloch and Pitts (1943) neurons have binary inputs; a neuron fires when
the number (here: weighted sum) of its active excitatory inputs reaches its
threshold, unless an inhibitory input is active, which vetoes firing. Such
units compute AND, OR, NOT and "A AND NOT B"; two layers of them compute
XOR = (A AND NOT B) OR (B AND NOT A), which no single unit can.
"""

import itertools
from numbers import Real

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted, validate_data

from ..engine.perceptron import STEPS
from ..utils._persistence import VersionedStateMixin
from ..utils._sklearn import Interval, StrOptions, _fit_context

__all__ = ["LogicNetwork", "ThresholdLogicUnit", "make_logic_network"]


class ThresholdLogicUnit(VersionedStateMixin, BaseEstimator):
    """A threshold logic unit with fixed weights (a McCulloch-Pitts neuron).

    Computes ``z = w . x - threshold`` and outputs ``step(z)``, except that
    any active (positive) inhibitory input forces the "off" output. Nothing
    is learnt: ``fit`` only checks the inputs and fixes the weights (all
    ones by default, i.e. counting the active inputs).

    Parameters
    ----------
    weights : array-like of shape (n_features,), default=None
        Weights of the inputs; None counts every input with weight 1.

    threshold : float, default=1.0
        The unit fires when ``w . x >= threshold``.

    inhibitory : array-like of int, default=()
        Indices of the inputs that veto firing when active.

    step : {'heaviside', 'sign'}, default='heaviside'
        Output 0/1 ('heaviside') or -1/+1 ('sign'). Either way the unit
        fires at ``z = 0``, i.e. when the threshold is reached exactly.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        The weights used.

    n_features_in_ : int
        Number of inputs seen during :term:`fit`.

    feature_names_in_ : ndarray of shape (`n_features_in_`,)
        Names of features seen during :term:`fit`. Defined only when `X`
        has feature names that are all strings.

    See Also
    --------
    make_logic_network : Networks of such units for the logic gates.
    Perceptron : Threshold units that learn their weights.

    Examples
    --------
    >>> from skneural import ThresholdLogicUnit
    >>> X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    >>> ThresholdLogicUnit(threshold=2).fit(X).predict(X)  # AND
    array([0, 0, 0, 1])
    >>> ThresholdLogicUnit(weights=[1, 0], inhibitory=[1]).fit(X).predict(X)
    array([0, 0, 1, 0])
    """

    _parameter_constraints: dict = {
        "weights": ["array-like", None],
        "threshold": [Interval(Real, None, None, closed="neither")],
        "inhibitory": ["array-like"],
        "step": [StrOptions({"heaviside", "sign"})],
    }

    def __init__(self, weights=None, *, threshold=1.0, inhibitory=(), step="heaviside"):
        self.weights = weights
        self.threshold = threshold
        self.inhibitory = inhibitory
        self.step = step

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y=None):
        """Check the inputs and fix the weights; nothing is learnt.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Inputs (binary for a McCulloch-Pitts neuron).

        y : array-like of shape (n_samples,), default=None
            Not used (nothing is learnt), but checked against ``X`` when
            given, so that mismatched data are caught here as elsewhere.

        Returns
        -------
        self : object
            The unit.
        """
        if y is None:
            X = validate_data(self, X, dtype=np.float64)
        else:
            X, _ = validate_data(self, X, y, dtype=np.float64, y_numeric=True)
        n_features = X.shape[1]
        weights = np.ones(n_features) if self.weights is None else self.weights
        self.coef_ = np.asarray(weights, dtype=np.float64).reshape(-1)
        inhibitory = np.asarray(self.inhibitory, dtype=int).reshape(-1)
        if self.coef_.shape[0] != n_features or np.any(inhibitory >= n_features):
            raise ValueError(
                f"X has {n_features} features, but the unit has "
                f"{self.coef_.shape[0]} weights and inhibitory inputs "
                f"{inhibitory.tolist()}."
            )
        self._inhibitory = inhibitory
        return self

    def decision_function(self, X):
        """The net input ``z = w . x - threshold`` (``-inf`` when vetoed).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Inputs.

        Returns
        -------
        z : ndarray of shape (n_samples,)
            Positive or zero where the unit fires.
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        z = X @ self.coef_ - self.threshold
        vetoed = np.any(X[:, self._inhibitory] > 0, axis=1)
        return np.where(vetoed, -np.inf, z)

    def predict(self, X):
        """The unit's output for each row of X.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Inputs.

        Returns
        -------
        output : ndarray of int of shape (n_samples,)
            1 where the unit fires; 0 ('heaviside') or -1 ('sign') elsewhere.
        """
        fires = STEPS["heaviside"].fires(self.decision_function(X))
        off = 0 if self.step == "heaviside" else -1
        return np.where(fires, 1, off)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.required = False
        return tags


class LogicNetwork:
    """Layers of fixed threshold logic units computing a boolean function.

    Every unit of a layer sees all outputs (0/1) of the layer before; the
    first layer sees the inputs. Not an estimator: nothing is learnt.

    Parameters
    ----------
    layers : list of list of ThresholdLogicUnit
        The units, layer by layer (Heaviside units).
    n_inputs : int
        Number of inputs of the first layer.

    Examples
    --------
    >>> from skneural import LogicNetwork, ThresholdLogicUnit
    >>> net = LogicNetwork([[ThresholdLogicUnit(threshold=2)]], n_inputs=2)
    >>> net.truth_table()
    (array([[0, 0],
           [0, 1],
           [1, 0],
           [1, 1]]), array([0, 0, 0, 1]))
    """

    def __init__(self, layers, n_inputs):
        self.layers = layers
        self.n_inputs = n_inputs
        width = n_inputs
        for layer in layers:
            probe = np.zeros((1, width))
            for unit in layer:
                unit.fit(probe)
            width = len(layer)

    def predict(self, X):
        """Outputs of the last layer.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_inputs)
            Binary inputs.

        Returns
        -------
        output : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            0/1 outputs; 1-D when the last layer has one unit.
        """
        activity = np.asarray(X, dtype=np.float64)
        for layer in self.layers:
            activity = np.column_stack([unit.predict(activity) for unit in layer])
        return activity[:, 0] if activity.shape[1] == 1 else activity

    def truth_table(self):
        """Every binary input, in counting order, and the network's output.

        Returns
        -------
        X : ndarray of shape (2 ** n_inputs, n_inputs)
            The inputs.
        output : ndarray
            The outputs, as from :meth:`predict`.
        """
        X = np.array(list(itertools.product([0, 1], repeat=self.n_inputs)))
        return X, self.predict(X)

    def __repr__(self):
        sizes = [len(layer) for layer in self.layers]
        return f"LogicNetwork(n_inputs={self.n_inputs}, layer_sizes={sizes})"


def _and_not(n_inputs, excite, veto):
    weights = np.zeros(n_inputs)
    weights[excite] = 1
    return ThresholdLogicUnit(weights, threshold=1, inhibitory=[veto])


_GATES = {
    "identity": lambda: ([[ThresholdLogicUnit(threshold=1)]], 1),
    "not": lambda: ([[ThresholdLogicUnit([0], threshold=0, inhibitory=[0])]], 1),
    "and": lambda: ([[ThresholdLogicUnit(threshold=2)]], 2),
    "or": lambda: ([[ThresholdLogicUnit(threshold=1)]], 2),
    "a_and_not_b": lambda: ([[_and_not(2, 0, 1)]], 2),
    "xor": lambda: (
        [[_and_not(2, 0, 1), _and_not(2, 1, 0)], [ThresholdLogicUnit(threshold=1)]],
        2,
    ),
}


def make_logic_network(gate):
    """Build a network of McCulloch-Pitts units computing a logic gate.

    Parameters
    ----------
    gate : {'identity', 'not', 'and', 'or', 'a_and_not_b', 'xor'}
        The function: 'identity' and 'not' take one input, the others two
        (A, B). 'xor' is two layers: ``A AND NOT B`` and ``B AND NOT A``,
        then OR.

    Returns
    -------
    network : LogicNetwork
        The network.

    Examples
    --------
    >>> from skneural import make_logic_network
    >>> X, y = make_logic_network("xor").truth_table()
    >>> y
    array([0, 1, 1, 0])
    """
    if gate not in _GATES:
        raise ValueError(f"gate must be one of {sorted(_GATES)}; got {gate!r}.")
    layers, n_inputs = _GATES[gate]()
    return LogicNetwork(layers, n_inputs)
