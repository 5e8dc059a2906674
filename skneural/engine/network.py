"""Forward and backward passes over a stack of dense layers.

The parameters of a network live in one flat vector, weights of every layer
first and biases after them (the order scikit-learn packs them in for
L-BFGS); :class:`Layout` hands out per-layer views into it.  Optimisers and
L-BFGS update the flat vector in a handful of vectorised operations, and the
L2 penalty touches the contiguous block of weights only.

:func:`forward` and :func:`backward` take the parameters and buffers they use
as arguments, so they hold no state and a finite-difference test can check
them directly.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from .activations import get_activation
from .initializers import initialize_layer
from .losses import get_loss, output_delta

__all__ = [
    "ForwardCache",
    "Layout",
    "NetworkSpec",
    "Workspace",
    "backward",
    "forward",
    "initialize_parameters",
    "l2_coefficient",
    "loss_and_gradient",
    "predict",
    "scaled_loss_and_gradient",
]


class Layout:
    """Where each layer's weights and biases sit in a flat parameter vector.

    Parameters
    ----------
    layer_units : sequence of int
        Number of units of every layer, input layer first.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import Layout
    >>> layout = Layout([3, 2, 1])
    >>> layout.coef_shapes, layout.n_coef, layout.size
    ([(3, 2), (2, 1)], 8, 11)
    >>> coefs, intercepts = layout.unpack(np.arange(11.0))
    >>> coefs[1].ravel().tolist(), intercepts[0].tolist()
    ([6.0, 7.0], [8.0, 9.0])
    """

    def __init__(self, layer_units):
        self.layer_units = tuple(int(units) for units in layer_units)
        pairs = list(zip(self.layer_units[:-1], self.layer_units[1:]))
        self.coef_shapes = pairs
        self.n_coef = sum(fan_in * fan_out for fan_in, fan_out in pairs)
        self.size = self.n_coef + sum(self.layer_units[1:])

    def unpack(self, flat):
        """Return lists of weight and bias views into ``flat``."""
        coefs, intercepts, start = [], [], 0
        for fan_in, fan_out in self.coef_shapes:
            end = start + fan_in * fan_out
            coefs.append(flat[start:end].reshape(fan_in, fan_out))
            start = end
        for _, fan_out in self.coef_shapes:
            intercepts.append(flat[start : start + fan_out])
            start += fan_out
        return coefs, intercepts

    def pack(self, coefs, intercepts, dtype):
        """Copy per-layer weights and biases into a new flat vector."""
        flat = np.empty(self.size, dtype=dtype)
        for view, array in zip(sum(self.unpack(flat), []), [*coefs, *intercepts]):
            view[...] = array
        return flat


@dataclass(frozen=True)
class NetworkSpec:
    """What a network computes, apart from its parameters.

    Parameters
    ----------
    hidden_activation : str
        Activation of every hidden unit.
    output_activation : str
        Activation of the output units.
    loss : str
        Name of the loss in ``LOSSES``.
    alpha : float, default=0.0
        Strength of the L2 penalty ``alpha / 2 * ||W||^2`` on the weights,
        divided by the sum of sample weights like the loss.
    dropout : float, default=0.0
        Probability of dropping each hidden unit during training.
    huber_delta : float, default=1.0
        Residual at which the Huber loss turns linear.

    Examples
    --------
    >>> from skneural.engine import NetworkSpec
    >>> spec = NetworkSpec("relu", "softmax", "log_loss", alpha=1e-4)
    >>> spec.loss_function.canonical_link
    'softmax'
    """

    hidden_activation: str
    output_activation: str
    loss: str
    alpha: float = 0.0
    dropout: float = 0.0
    huber_delta: float = 1.0
    hidden: object = field(init=False, repr=False, compare=False)
    output: object = field(init=False, repr=False, compare=False)
    loss_function: object = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        set_ = object.__setattr__
        set_(self, "hidden", get_activation(self.hidden_activation))
        set_(self, "output", get_activation(self.output_activation))
        set_(self, "loss_function", get_loss(self.loss, delta=self.huber_delta))


class Workspace:
    """Buffers reused by every batch of one training run.

    Parameters
    ----------
    layout : Layout
    batch_size : int
        Largest number of samples in one forward pass.
    dtype : numpy dtype

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import Layout, Workspace
    >>> workspace = Workspace(Layout([4, 3, 2]), batch_size=10, dtype=np.float32)
    >>> [A.shape for A in workspace.activations], workspace.grad.shape
    ([(10, 3), (10, 2)], (23,))
    """

    def __init__(self, layout, batch_size, dtype):
        hidden_and_output = layout.layer_units[1:]
        self.activations = [np.empty((batch_size, n), dtype) for n in hidden_and_output]
        self.deltas = [np.empty((batch_size, n), dtype) for n in hidden_and_output]
        hidden = hidden_and_output[:-1]
        self.dropped = [np.empty((batch_size, n), dtype) for n in hidden]
        self.keep = [np.empty((batch_size, n), dtype=bool) for n in hidden]
        self.grad = np.empty(layout.size, dtype=dtype)
        self.scratch = np.empty(layout.n_coef, dtype=dtype)
        # Bias gradients are column sums of the errors: ones @ delta runs in
        # BLAS, several times faster than delta.sum(axis=0) on a batch.
        self.ones = np.ones(batch_size, dtype=dtype)
        self.coef_grads, self.intercept_grads = layout.unpack(self.grad)


def initialize_parameters(layout, method, activation, rng, dtype):
    """Draw a flat parameter vector for ``layout``.

    The draws happen layer by layer, weights before biases, so with
    ``method="glorot_uniform"`` the same ``rng`` gives scikit-learn's MLP
    initial weights.

    Returns
    -------
    params : ndarray of shape (layout.size,)

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import Layout, initialize_parameters
    >>> layout = Layout([4, 3, 2])
    >>> params = initialize_parameters(layout, "glorot_uniform", "relu",
    ...                                np.random.RandomState(0), np.float64)
    >>> params.shape
    (23,)
    """
    layers = [
        initialize_layer(method, fan_in, fan_out, activation, rng, dtype)
        for fan_in, fan_out in layout.coef_shapes
    ]
    coefs, intercepts = zip(*layers)
    return layout.pack(coefs, intercepts, dtype)


def _matmul(A, B, out):
    if sp.issparse(A):
        out[...] = A @ B
        return out
    return np.matmul(A, B, out=out)


class ForwardCache(NamedTuple):
    """What the backward pass needs from the forward pass.

    Attributes
    ----------
    activations : list of ndarray
        The activations of every layer, input first.
    inputs : list of ndarray
        What each layer received: ``activations`` after dropout.
    keep : list of ndarray or None
        Boolean masks of the hidden units kept by dropout, or None.

    Examples
    --------
    With dropout 0.5, each hidden unit is either dropped or doubled:

    >>> import numpy as np
    >>> from skneural.engine import Layout, NetworkSpec, Workspace, forward
    >>> layout = Layout([2, 4, 1])
    >>> spec = NetworkSpec("relu", "identity", "squared_error", dropout=0.5)
    >>> workspace = Workspace(layout, batch_size=3, dtype=np.float64)
    >>> coefs, intercepts = layout.unpack(np.ones(layout.size))
    >>> cache = forward(coefs, intercepts, np.ones((3, 2)), spec, workspace.activations,
    ...                 np.random.RandomState(0), workspace)
    >>> [A.shape for A in cache.activations], cache.keep[0].shape
    ([(3, 2), (3, 4), (3, 1)], (3, 4))
    >>> cache.activations[1][0].tolist(), bool(np.isin(cache.inputs[1], [0, 6]).all())
    ([3.0, 3.0, 3.0, 3.0], True)
    """

    activations: list
    inputs: list
    keep: list | None


def forward(coefs, intercepts, X, spec, buffers, dropout_rng=None, workspace=None):
    """Propagate ``X`` through the network.

    Parameters
    ----------
    coefs, intercepts : list of ndarray
        Weights of shape (fan_in, fan_out) and biases of shape (fan_out,).
    X : {ndarray, sparse matrix} of shape (n_samples, n_features)
    spec : NetworkSpec
    buffers : list of ndarray
        One array of at least ``n_samples`` rows per layer, overwritten with
        the layer's activations.
    dropout_rng : numpy.random.RandomState, default=None
        Draws the dropout masks; no dropout when None or ``spec.dropout`` is 0.
    workspace : Workspace, default=None
        Holds the dropout buffers; needed only with dropout.

    Returns
    -------
    cache : ForwardCache
        The output is ``cache.activations[-1]``.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import NetworkSpec, forward
    >>> coefs, intercepts = [np.ones((2, 3)), np.ones((3, 1))], [np.zeros(3), np.zeros(1)]
    >>> buffers = [np.empty((2, 3)), np.empty((2, 1))]
    >>> spec = NetworkSpec("relu", "identity", "squared_error")
    >>> X = np.array([[1.0, 2.0], [1.0, -2.0]])
    >>> forward(coefs, intercepts, X, spec, buffers).activations[-1].ravel().tolist()
    [9.0, 0.0]
    """
    n_samples = X.shape[0]
    use_dropout = dropout_rng is not None and spec.dropout > 0
    activations, inputs = [X], [X]
    keep = [] if use_dropout else None
    last = len(coefs) - 1
    for i, (coef, intercept) in enumerate(zip(coefs, intercepts)):
        Z = _matmul(inputs[-1], coef, out=buffers[i][:n_samples])
        Z += intercept
        (spec.output if i == last else spec.hidden).forward(Z)
        activations.append(Z)
        if i < last and use_dropout:
            mask = np.greater_equal(
                dropout_rng.random_sample(Z.shape), spec.dropout,
                out=workspace.keep[i][:n_samples],
            )
            Z = _drop(Z, mask, spec.dropout, workspace.dropped[i][:n_samples])
            keep.append(mask)
        inputs.append(Z)
    return ForwardCache(activations, inputs, keep)


def _drop(A, keep, rate, out):
    # Inverted dropout: kept units are scaled by 1 / (1 - rate) so that the
    # expected input of the next layer is the same as at prediction time.
    np.multiply(A, keep, out=out)
    out *= 1.0 / (1.0 - rate)
    return out


def backward(coefs, cache, delta, spec, workspace):
    """Back-propagate the output error and write the gradients.

    Parameters
    ----------
    coefs : list of ndarray
    cache : ForwardCache
        As returned by :func:`forward`.
    delta : ndarray of shape (n_samples, n_outputs)
        ``dL/dZ`` of the output layer (see
        :func:`output_delta`).
    spec : NetworkSpec
    workspace : Workspace
        Receives the gradients in ``coef_grads`` and ``intercept_grads``
        (views of ``workspace.grad``).

    Examples
    --------
    One linear unit ``z = 2 x``, squared error against ``y = 0`` at ``x = 1``:
    the gradient of ``(z - y)^2 / 2`` is ``z x = 2`` for the weight.

    >>> import numpy as np
    >>> from skneural.engine import Layout, NetworkSpec, Workspace, backward, forward
    >>> layout = Layout([1, 1])
    >>> spec = NetworkSpec("identity", "identity", "squared_error")
    >>> workspace = Workspace(layout, batch_size=1, dtype=np.float64)
    >>> coefs, intercepts = [np.array([[2.0]])], [np.array([0.0])]
    >>> cache = forward(coefs, intercepts, np.array([[1.0]]), spec, workspace.activations)
    >>> delta = cache.activations[-1] - np.array([[0.0]])
    >>> backward(coefs, cache, delta, spec, workspace)
    >>> workspace.coef_grads[0].item(), workspace.intercept_grads[0].item()
    (2.0, 2.0)
    """
    n_samples = delta.shape[0]
    for i in range(len(coefs) - 1, -1, -1):
        _matmul(cache.inputs[i].T, delta, out=workspace.coef_grads[i])
        np.matmul(workspace.ones[:n_samples], delta, out=workspace.intercept_grads[i])
        if i == 0:
            break
        previous = np.matmul(delta, coefs[i].T, out=workspace.deltas[i - 1][:n_samples])
        if cache.keep is not None:
            _drop(previous, cache.keep[i - 1], spec.dropout, out=previous)
        spec.hidden.derivative(cache.activations[i], previous)
        delta = previous


def l2_coefficient(alpha, n_samples, sample_weight=None):
    """The coefficient of the L2 penalty ``coefficient / 2 * ||W||^2`` on a batch.

    Like the loss, the penalty is divided by the sum of sample weights.

    Parameters
    ----------
    alpha : float
    n_samples : int
    sample_weight : ndarray of shape (n_samples,) or None

    Returns
    -------
    coefficient : float

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import l2_coefficient
    >>> l2_coefficient(1e-4, 200), l2_coefficient(1.0, 2, np.array([0.5, 1.5]))
    (5e-07, 0.5)
    """
    total_weight = n_samples if sample_weight is None else float(sample_weight.sum())
    return alpha / total_weight


def loss_and_gradient(params, layout, X, y, sample_weight, spec, workspace, rng=None):
    """Loss of the network on a batch and its gradient.

    Parameters
    ----------
    params : ndarray of shape (layout.size,)
        Flat parameter vector.
    layout : Layout
    X : {ndarray, sparse matrix} of shape (n_samples, n_features)
    y : ndarray of shape (n_samples, n_outputs)
    sample_weight : ndarray of shape (n_samples,) or None
    spec : NetworkSpec
    workspace : Workspace
        Its ``grad`` receives the gradient of the loss, L2 penalty included.
    rng : numpy.random.RandomState, default=None
        Draws dropout masks (training); None disables dropout.

    Returns
    -------
    loss : float
        Mean loss plus the L2 penalty.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import (Layout, NetworkSpec, Workspace,
    ...                              initialize_parameters, loss_and_gradient)
    >>> rng = np.random.RandomState(0)
    >>> X, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 1))
    >>> layout = Layout([3, 4, 1])
    >>> spec = NetworkSpec("tanh", "identity", "squared_error")
    >>> params = initialize_parameters(layout, "glorot_uniform", "tanh", rng, np.float64)
    >>> workspace = Workspace(layout, batch_size=5, dtype=np.float64)
    >>> loss = loss_and_gradient(params, layout, X, y, None, spec, workspace)
    >>> loss > 0, workspace.grad.shape == params.shape
    (True, True)
    """
    loss = scaled_loss_and_gradient(params, layout, X, y, sample_weight, spec, workspace, rng)
    if spec.alpha:
        coefficient = l2_coefficient(spec.alpha, X.shape[0], sample_weight)
        penalty = np.multiply(params[: layout.n_coef], coefficient, out=workspace.scratch)
        workspace.grad[: layout.n_coef] += penalty
    return loss


def scaled_loss_and_gradient(
    params, layout, X, y, sample_weight, spec, workspace, rng=None, scale=1.0
):
    """:func:`loss_and_gradient` without the penalty's gradient, divided by ``scale``.

    The loss includes the L2 penalty; the gradient is the loss's alone,
    divided at no cost (through the output error). :class:`TrainingStep`
    leaves the penalty to the optimiser.
    """
    coefs, intercepts = layout.unpack(params)
    cache = forward(coefs, intercepts, X, spec, workspace.activations, rng, workspace)
    output = cache.activations[-1]
    loss = spec.loss_function(y, output, sample_weight)
    delta = workspace.deltas[-1][: X.shape[0]]
    output_delta(spec.loss_function, spec.output_activation, y, output, sample_weight, delta)
    if scale != 1.0:
        delta *= 1.0 / scale
    backward(coefs, cache, delta, spec, workspace)
    if spec.alpha:
        weights = params[: layout.n_coef]
        coefficient = l2_coefficient(spec.alpha, X.shape[0], sample_weight)
        loss += 0.5 * coefficient * float(np.dot(weights, weights))
    return loss


def predict(coefs, intercepts, X, spec):
    """Output of the network for ``X``, without dropout.

    Parameters
    ----------
    coefs, intercepts : list of ndarray
    X : {ndarray, sparse matrix} of shape (n_samples, n_features)
    spec : NetworkSpec

    Returns
    -------
    output : ndarray of shape (n_samples, n_outputs)

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine import NetworkSpec, predict
    >>> spec = NetworkSpec("relu", "logistic", "binary_log_loss")
    >>> coefs, intercepts = [np.array([[1.0], [1.0]])], [np.array([0.0])]
    >>> predict(coefs, intercepts, np.array([[0.0, 0.0]]), spec).item()
    0.5
    """
    dtype = coefs[0].dtype
    buffers = [np.empty((X.shape[0], coef.shape[1]), dtype) for coef in coefs]
    return forward(coefs, intercepts, X, spec, buffers).activations[-1]
