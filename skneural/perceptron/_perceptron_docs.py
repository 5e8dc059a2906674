"""Parameter and attribute documentation shared by the perceptrons.

Each entry is written once here; a class docstring asks for it with a line
holding only ``{name}`` (indented like a parameter), and
:func:`fill_perceptron_doc` splices it in.
"""

from ..training import CALLBACKS_DOC
from ..utils._docs import insert_docs

__all__ = ["fill_perceptron_doc"]

_ENTRIES = {
    "penalty": """\
penalty : {'l2', 'l1', 'elasticnet'}, default=None
    Regularisation, applied after every sample as in SGD: L2 shrinks the
    weights by ``1 - eta0 * alpha`` (times ``1 - l1_ratio`` for
    elasticnet), L1 truncates them toward zero (cumulative penalty of
    Tsuruoka et al., 2009). Biases are not penalised. A penalty changes
    the weights after every sample, so training is slower.""",
    "alpha": """\
alpha : float, default=0.0001
    Strength of the penalty.""",
    "l1_ratio": """\
l1_ratio : float, default=0.15
    Share of L1 in the 'elasticnet' penalty, in [0, 1].""",
    "n_jobs": """\
n_jobs : int, default=None
    Accepted for compatibility and unused: all units learn together in
    one vectorised pass, so there is nothing to run in parallel.""",
    "step": """\
step : {'sign', 'heaviside'}, default='sign'
    Step function of the threshold units. 'sign' outputs -1/+1 and the
    rule updates whenever ``y * z <= 0``: Rosenblatt's perceptron, and
    exactly scikit-learn's (which also updates on ``z = 0``). 'heaviside'
    outputs 0/1 with ``H(0) = 1``, the rule ``w <- w + eta0 (y - y_hat) x``
    with ``y`` in {0, 1}: a positive sample scored exactly 0 counts as
    right. Both move an erring unit by ``eta0 * x`` toward the right side;
    they differ only on ties. Not in scikit-learn.""",
    "fit_intercept": """\
fit_intercept : bool, default=True
    Whether to learn a bias; if False the data are assumed centred.""",
    "max_iter": """\
max_iter : int, default=1000
    Maximum number of passes over the training data (epochs).""",
    "tol": """\
tol : float or None, default=1e-3
    A unit stops learning when its summed perceptron loss
    ``max(0, -y z)`` over an epoch exceeds its best so far minus
    ``tol * n_samples`` for ``n_iter_no_change`` epochs in a row (with
    early stopping: when its validation accuracy stops improving by
    ``tol``), as in scikit-learn. Whatever ``tol``, a unit that makes no
    mistake in an epoch has separated its data and stops. With None, only
    that rule (and ``max_iter``) ends training.""",
    "shuffle": """\
shuffle : bool, default=True
    Whether to shuffle the training data before each epoch.""",
    "verbose": """\
verbose : int, default=0
    Print one line per epoch (mistakes, loss, units still learning).""",
    "eta0": """\
eta0 : float, default=1.0
    The learning rate: the size of each update.""",
    "random_state": """\
random_state : int, RandomState instance or None, default=0
    Seeds the shuffling and the early-stopping split; the default 0 is
    scikit-learn's. See :term:`Glossary <random_state>`.""",
    "early_stopping": """\
early_stopping : bool, default=False
    Hold out ``validation_fraction`` of the training data (stratified for
    single-output ``y``) and stop each unit when its accuracy there stops
    improving. With ``pocket=True`` the weights of the epoch with the
    fewest held-out mistakes are kept; with ``pocket=False`` the last, as
    in scikit-learn.""",
    "validation_fraction": """\
validation_fraction : float, default=0.1
    Proportion of the training data held out for early stopping.""",
    "n_iter_no_change": """\
n_iter_no_change : int, default=5
    Number of epochs without improvement before a unit stops.""",
    "class_weight": """\
class_weight : dict, list of dict, 'balanced' or None, default=None
    Weights of the classes, multiplying the updates: ``{label: weight}`` or
    'balanced' (``n_samples / (n_classes * np.bincount(y))``); for a 2-D
    ``y``, 'balanced' or one dict per output. In one-vs-rest, the weight of
    class ``k`` applies to the positive samples of unit ``k``, as in
    scikit-learn.""",
    "warm_start": """\
warm_start : bool, default=False
    Whether to start from the weights of the previous call to fit. See
    :term:`the Glossary <warm_start>`.""",
    "pocket": """\
pocket : bool, default=True
    Keep, of the weights reached at the end of each epoch of ``fit``, those
    whose predictions make the fewest mistakes on the training data (on
    the held-out data with ``early_stopping``): Gallant's pocket algorithm
    (1990). On data that are not linearly separable the perceptron rule
    never settles, and the last weights are wherever the final epoch left
    them. Ties go to the later epoch, so on separable data the last
    weights are kept. Training itself is unchanged (``warm_start``
    continues from the last weights); ``partial_fit`` runs one epoch and
    keeps it. scikit-learn keeps the last weights: set False for its
    behaviour. On 3-class iris (stratified split, mean over 10 seeds) the
    test accuracy rises from 0.842 to 0.913 (scikit-learn: 0.842); see the
    user guide. Not in scikit-learn.""",
    "attributes": """\
classes_ : ndarray of shape (n_classes,) or list of ndarray
    The class labels. For a multilabel indicator ``y``, ``arange(n_labels)``
    (like ``MLPClassifier``); for other 2-D ``y``, one array per output.

intercept_ : ndarray of shape (n_units,)
    Biases of the units: 1 for a binary problem, one per class in
    one-vs-rest, one per label for multilabel ``y``.

n_features_in_ : int
    Number of features seen during :term:`fit`.

feature_names_in_ : ndarray of shape (`n_features_in_`,)
    Names of features seen during :term:`fit`. Defined only when `X`
    has feature names that are all strings.

n_iter_ : int
    Number of epochs run by the last call (the longest-learning unit's).

t_ : int
    Number of samples processed in training, plus one (scikit-learn's
    convention).

mistakes_curve_ : list of int
    Number of updates (unit mistakes) in each epoch. It reaches 0 on
    linearly separable data (the perceptron convergence theorem).""",
}

_ENTRIES["callbacks"] = CALLBACKS_DOC

_GROUPS = {
    "penalty_parameters": ["penalty", "alpha", "l1_ratio"],
    "loop_parameters": ["fit_intercept", "max_iter", "tol", "shuffle", "verbose", "eta0"],
    "stopping_parameters": [
        "random_state", "early_stopping", "validation_fraction", "n_iter_no_change",
        "class_weight",
    ],
}
for _group, _names in _GROUPS.items():
    _ENTRIES[_group] = "\n\n".join(_ENTRIES[name] for name in _names)

fill_perceptron_doc = insert_docs(**_ENTRIES)
