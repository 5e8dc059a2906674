"""The pure NumPy engine: activations, losses, initialisers, optimisers and
forward/backward passes over explicit arrays.  It knows nothing of
scikit-learn estimators."""

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS, get_activation
from .initializers import INITIALIZERS, initialize_layer
from .lbfgs import minimize_lbfgs
from .losses import LOSSES, get_loss, output_delta
from .network import (
    ForwardCache,
    Layout,
    NetworkSpec,
    Workspace,
    backward,
    forward,
    initialize_parameters,
    l2_coefficient,
    loss_and_gradient,
    predict,
)
from .optimizers import SGD, Adam, L2Term, flush_denormals, make_optimizer
from .revival import ActivityTracker, revive_dead_units
from .step import TrainingStep, make_network_optimizer

__all__ = [
    "ACTIVATIONS",
    "HIDDEN_ACTIVATIONS",
    "INITIALIZERS",
    "LOSSES",
    "SGD",
    "TrainingStep",
    "ActivityTracker",
    "Adam",
    "ForwardCache",
    "L2Term",
    "Layout",
    "NetworkSpec",
    "Workspace",
    "backward",
    "flush_denormals",
    "forward",
    "get_activation",
    "get_loss",
    "initialize_layer",
    "initialize_parameters",
    "l2_coefficient",
    "loss_and_gradient",
    "make_network_optimizer",
    "make_optimizer",
    "minimize_lbfgs",
    "output_delta",
    "predict",
    "revive_dead_units",
]
