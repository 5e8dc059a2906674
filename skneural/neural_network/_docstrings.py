"""Parameter and attribute documentation shared by the NumPy MLPs.

Written once here and spliced into both class docstrings by :func:`fill_doc`,
so the classifier and the regressor cannot drift apart.
"""

from ..training import CALLBACKS_DOC
from ..utils._docs import insert_docs

__all__ = ["fill_doc"]

_PARAMETERS = """\
hidden_layer_sizes : array-like of shape (n_layers - 2,), default=(100,)
    The ith element is the number of units in the ith hidden layer.

activation : {'identity', 'logistic', 'tanh', 'relu', 'leaky_relu', \
'softplus', 'elu'}, default='relu'
    Activation of the hidden units. Beyond scikit-learn's four:
    'leaky_relu' (``max(x, 0.01 x)``), 'softplus' (``log(1 + exp(x))``) and
    'elu' (``x`` for ``x > 0``, else ``exp(x) - 1``).

solver : {'lbfgs', 'sgd', 'adam'}, default='adam'
    The weight optimiser: the quasi-Newton L-BFGS-B of scipy (full batch),
    stochastic gradient descent with momentum, or Adam.

alpha : float, default=0.0001
    Strength of the L2 penalty, divided by the number of samples (or the sum
    of sample weights) of each batch, as in scikit-learn.

batch_size : int or 'auto', default='auto'
    Size of the mini-batches of the stochastic solvers; 'auto' means
    ``min(200, n_samples)``. Ignored by 'lbfgs'.

learning_rate : {'constant', 'invscaling', 'adaptive'}, default='constant'
    Learning-rate schedule of ``solver='sgd'``: constant; divided by
    ``t ** power_t`` after ``t`` samples; or divided by 5 whenever the
    training loss (or validation score) stops improving.

learning_rate_init : float, default=0.001
    The initial learning rate of 'sgd' and 'adam'.

power_t : float, default=0.5
    Exponent of the 'invscaling' schedule.

max_iter : int, default=200
    Maximum number of epochs of the stochastic solvers, or of iterations of
    'lbfgs'.

shuffle : bool, default=True
    Whether to shuffle the samples before each epoch.

random_state : int, RandomState instance or None, default=None
    Seeds the weight initialisation, the shuffling, the early-stopping split
    and dropout. Pass an int for reproducible output across multiple calls.
    See :term:`Glossary <random_state>`.

tol : float, default=1e-4
    Training stops when the loss (or the validation score) has not improved
    by at least ``tol`` for ``n_iter_no_change`` consecutive epochs.

verbose : bool, default=False
    Whether to print progress messages to stdout.

warm_start : bool, default=False
    When True, reuse the solution of the previous call to fit as
    initialisation. See :term:`the Glossary <warm_start>`.

momentum : float, default=0.9
    Momentum of the 'sgd' updates, between 0 and 1.

nesterovs_momentum : bool, default=True
    Whether to use Nesterov's momentum with 'sgd'.

early_stopping : bool, default=False
    Whether to hold out ``validation_fraction`` of the training data
    (stratified for single-output classification) and stop when its score
    stops improving. The weights of the best epoch are restored at the end.

validation_fraction : float, default=0.1
    Proportion of the training data held out for early stopping.

beta_1 : float, default=0.9
    Decay rate of Adam's first moment estimates, in [0, 1).

beta_2 : float, default=0.999
    Decay rate of Adam's second moment estimates, in [0, 1).

epsilon : float, default=1e-8
    Numerical-stability constant of Adam.

n_iter_no_change : int, default=10
    Number of epochs without an improvement of ``tol`` before stopping.

max_fun : int, default=15000
    Maximum number of loss evaluations of 'lbfgs'.

dropout : float, default=0.0
    Probability of dropping each hidden unit during training (inverted
    dropout: kept units are scaled by ``1 / (1 - dropout)``, so nothing
    changes at prediction time). Needs a stochastic solver. Not in
    scikit-learn.

weight_init : {'glorot_uniform', 'he_uniform', 'he_normal'}, \
default='glorot_uniform'
    How the weights are drawn. 'glorot_uniform' is scikit-learn's scheme
    (weights and biases from ``U(-b, b)`` with ``b = sqrt(6 / (fan_in +
    fan_out))``, ``sqrt(2 / ...)`` for logistic units), drawn in the same
    order, so the same ``random_state`` gives scikit-learn's initial weights.
    The He schemes (variance ``2 / fan_in``, zero biases) suit deep ReLU
    networks. Not in scikit-learn.

revive_dead_units : bool, default=True
    With ``activation='relu'`` and a stochastic solver, redraw the incoming
    weights (and reset the optimiser state) of every hidden unit that
    output zero for all samples of an epoch. Such a unit gets no gradient
    and stays dead for good; when a whole layer dies the network predicts a
    constant. scikit-learn's MLP never revives units, so on small networks
    trained with large steps it gets stuck on some seeds (e.g. at 62 %
    accuracy on the font-colour task, where we reach 99 % on every seed).
    Set to False for scikit-learn's behaviour. Not in scikit-learn.

weight_percentiles : array-like of float in [0, 100] or None, default=None
    Percentiles of every layer's weights and biases to record after each
    epoch (each iteration for 'lbfgs') into ``weight_stats_``, e.g.
    ``(0, 10, 25, 50, 75, 90, 100)``, to draw with
    :class:`~skneural.inspection.WeightDistributionDisplay`. None records
    nothing and costs nothing. Not in scikit-learn."""

_ATTRIBUTES = """\
loss_ : float
    The loss (including the L2 penalty) at the end of training.

best_loss_ : float or None
    The lowest training loss reached. None when ``early_stopping=True``,
    where ``best_validation_score_`` takes its role. Not set by 'lbfgs'.

loss_curve_ : list of float
    The training loss after each epoch ('sgd', 'adam') or each iteration
    ('lbfgs'; scikit-learn records no curve there).

validation_scores_ : list of float or None
    The score on the held-out data after each epoch, when
    ``early_stopping=True`` or ``X_val`` was given; else None.

validation_loss_curve_ : list of float or None
    The loss (without the L2 penalty) on the held-out data after each
    epoch, when ``early_stopping=True`` or ``X_val`` was given; else None.
    Not in scikit-learn.

best_validation_score_ : float or None
    The best of ``validation_scores_``, or None.

t_ : int
    Number of training samples seen by the stochastic solvers.

coefs_ : list of ndarray of shape (n_fan_in, n_fan_out)
    The ith element holds the weights from layer i to layer i + 1.

intercepts_ : list of ndarray of shape (n_fan_out,)
    The ith element holds the biases of layer i + 1.

n_features_in_ : int
    Number of features seen during :term:`fit`.

feature_names_in_ : ndarray of shape (`n_features_in_`,)
    Names of features seen during :term:`fit`. Defined only when `X`
    has feature names that are all strings.

n_iter_ : int
    Number of epochs (or 'lbfgs' iterations) run by the last call.

n_layers_ : int
    Number of layers, input and output included.

n_outputs_ : int
    Number of output units.

n_units_revived_ : int
    Number of dead ReLU units redrawn by ``revive_dead_units`` (stochastic
    solvers only). Not in scikit-learn.

weight_stats_ : dict or None
    With ``weight_percentiles``: ``"percentiles"``, the recorded
    percentiles, and ``"coefs"`` and ``"intercepts"``, lists with one array
    of shape (n_epochs, n_percentiles) per layer. None otherwise. Not in
    scikit-learn."""


fill_doc = insert_docs(
    parameters=_PARAMETERS, attributes=_ATTRIBUTES, callbacks=CALLBACKS_DOC
)
