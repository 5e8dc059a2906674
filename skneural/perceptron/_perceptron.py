"""Rosenblatt's perceptron and its averaged and voted variants."""

from numbers import Integral, Real

import numpy as np

from ..engine.perceptron import STEPS, Penalty, SurvivalAverage, SurvivalVotes
from ..utils._sklearn import Interval, StrOptions, _check_partial_fit_first_call, _fit_context
from ..utils._state import restore_on_failure
from ._perceptron_base import BasePerceptron, PrimalLayerMixin
from ._perceptron_docs import fill_perceptron_doc

__all__ = ["AveragedPerceptron", "Perceptron", "VotedPerceptron"]


class _OnlineLinearPerceptron(PrimalLayerMixin, BasePerceptron):
    """Primal perceptrons: ``fit`` with initial weights, and ``partial_fit``."""

    _parameter_constraints: dict = {
        **BasePerceptron._parameter_constraints,
        "warm_start": ["boolean"],
    }

    def _can_resume(self, incremental):
        return incremental or self.warm_start

    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    def fit(self, X, y, coef_init=None, intercept_init=None, sample_weight=None):
        """Fit the threshold units with the perceptron rule.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            Training data.

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            Class labels; a 2-D ``y`` (e.g. a multilabel indicator matrix)
            gets its own units for each column.

        coef_init : ndarray of shape (n_units, n_features), default=None
            Initial weights (zeros by default).

        intercept_init : ndarray of shape (n_units,), default=None
            Initial biases (zeros by default).

        sample_weight : array-like of shape (n_samples,), default=None
            Weights multiplying each sample's updates.

        Returns
        -------
        self : object
            The fitted estimator.
        """
        return self._fit(X, y, sample_weight, incremental=False,
                         coef_init=coef_init, intercept_init=intercept_init)

    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    def partial_fit(self, X, y, classes=None, sample_weight=None):
        """Run one epoch of the perceptron rule over the given samples.

        No stopping rule applies (nor early stopping): each call is exactly
        one pass, as in scikit-learn.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            Subset of the training data.

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            Subset of the class labels.

        classes : array-like of shape (n_classes,) or list of arrays, \
default=None
            All the classes across calls (one array per output for a 2-D
            ``y``); required at the first call, ignored afterwards.

        sample_weight : array-like of shape (n_samples,), default=None
            Weights multiplying each sample's updates.

        Returns
        -------
        self : object
            The updated estimator.
        """
        first_call = not hasattr(self, "_coder")
        if first_call and self.class_weight == "balanced":
            raise ValueError(
                "class_weight 'balanced' is not supported for partial_fit: one "
                "batch does not show the class frequencies. Pass "
                "compute_class_weight('balanced', classes=classes, y=y) computed on "
                "the full target as the class_weight parameter instead."
            )
        if first_call and np.ndim(y) == 1:
            _check_partial_fit_first_call(self, classes)
        elif first_call and classes is None:
            raise ValueError("classes must be passed on the first call to partial_fit.")
        return self._fit(X, y, sample_weight, incremental=True,
                         classes=classes if first_call else None)


@fill_perceptron_doc
class Perceptron(_OnlineLinearPerceptron):
    """Rosenblatt's perceptron: a layer of threshold logic units.

    Each unit computes ``z = w . x + b`` and fires when ``z`` is positive;
    the perceptron rule visits the samples one at a time and moves each
    erring unit's weights by ``eta0 * y * x``. Accepts every parameter of
    :class:`sklearn.linear_model.Perceptron` with the same meaning and
    exposes the same fitted attributes, so code switches by changing the
    import. With ``step='sign'`` (the default), ``eta0=1``, zero initial
    weights and ``shuffle=False`` it performs exactly Rosenblatt's updates,
    which are also scikit-learn's; scikit-learn's shuffling draws from
    another generator, so shuffled runs differ from its runs.

    Beyond scikit-learn: a Heaviside ``step``; multilabel and multi-output
    ``y`` (one unit per label, or one-vs-rest units per output; scikit-learn
    raises); a second stopping rule (a unit stops after an epoch without
    mistakes) with ``mistakes_curve_``; and a ``ConvergenceWarning`` saying
    the data may not be linearly separable when ``max_iter`` is reached.
    All units learn together from one pass over the data (scikit-learn fits
    one-vs-rest units one after another with their own shuffles), and each
    unit stops on its own as in scikit-learn.

    Perceptrons give no class probabilities: ``predict_proba`` is absent.

    Parameters
    ----------
    {penalty_parameters}

    {loop_parameters}

    {n_jobs}

    {stopping_parameters}

    {warm_start}

    {step}

    {pocket}

    {callbacks}

    Attributes
    ----------
    coef_ : ndarray of shape (n_units, n_features)
        Weights of the units.

    {attributes}

    See Also
    --------
    AveragedPerceptron : Predicts with the average of all weight vectors.
    VotedPerceptron : Lets every weight vector vote.
    KernelPerceptron : The perceptron in a kernel's feature space.
    sklearn.linear_model.Perceptron : Reference implementation in scikit-learn.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from skneural import Perceptron
    >>> X, y = load_iris(return_X_y=True)
    >>> X = X[:, 2:4]  # petal length and width
    >>> clf = Perceptron(random_state=42).fit(X, y == 0)  # setosa or not
    >>> clf.predict([[2, 0.5], [3, 1]])
    array([ True, False])
    >>> clf.mistakes_curve_[-1]  # separable: the last epoch made no mistake
    0
    """

    _parameter_constraints: dict = {
        **_OnlineLinearPerceptron._parameter_constraints,
        "penalty": [StrOptions({"l2", "l1", "elasticnet"}), None],
        "alpha": [Interval(Real, 0, None, closed="left")],
        "l1_ratio": [Interval(Real, 0, 1, closed="both")],
        "n_jobs": [Integral, None],
        "pocket": ["boolean"],
    }

    def __init__(
        self,
        *,
        penalty=None,
        alpha=0.0001,
        l1_ratio=0.15,
        fit_intercept=True,
        max_iter=1000,
        tol=1e-3,
        shuffle=True,
        verbose=0,
        eta0=1.0,
        n_jobs=None,
        random_state=0,
        early_stopping=False,
        validation_fraction=0.1,
        n_iter_no_change=5,
        class_weight=None,
        warm_start=False,
        step="sign",
        pocket=True,
        callbacks=None,
    ):
        self.penalty = penalty
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.shuffle = shuffle
        self.verbose = verbose
        self.eta0 = eta0
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.class_weight = class_weight
        self.warm_start = warm_start
        self.step = step
        self.pocket = pocket
        self.callbacks = callbacks

    def _keeps_pocket(self):
        return self.pocket

    def _penalty(self, layer):
        if self.penalty is None:
            return None
        l1_ratio = {"l2": 0.0, "l1": 1.0, "elasticnet": self.l1_ratio}[self.penalty]
        return Penalty(self.eta0, self.alpha, l1_ratio, layer.raw.shape)


@fill_perceptron_doc
class AveragedPerceptron(Perceptron):
    """Perceptron predicting with the average of its weight vectors.

    Trains exactly like :class:`Perceptron`, but ``coef_`` and
    ``intercept_`` are the average of the weights over every sample
    processed (each weight vector counts as long as it survived), which
    generalises better on data that are not separable (Freund and Schapire,
    1999; Collins, 2002). Like ``SGDClassifier(loss='perceptron',
    average=True)`` with a constant learning rate.

    Parameters
    ----------
    {penalty_parameters}

    {loop_parameters}

    {n_jobs}

    {stopping_parameters}

    {warm_start}

    {step}

    {pocket}

    {callbacks}

    Attributes
    ----------
    coef_ : ndarray of shape (n_units, n_features)
        The averaged weights of the units.

    {attributes}

    See Also
    --------
    Perceptron : Predicts with the last weights.
    VotedPerceptron : Lets every weight vector vote instead.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from skneural import AveragedPerceptron
    >>> X, y = load_iris(return_X_y=True)
    >>> clf = AveragedPerceptron(random_state=0).fit(X, y)
    >>> round(clf.score(X, y), 2) >= 0.9
    True
    """

    def _new_observer(self, n_units, n_features, dtype):
        return SurvivalAverage(n_units, n_features, dtype)

    def _publish(self, layer, observer):
        super()._publish(layer, observer)
        self.coef_, self.intercept_ = observer.averages(self.t_ - 1, layer)


@fill_perceptron_doc
class VotedPerceptron(_OnlineLinearPerceptron):
    """Freund and Schapire's voted perceptron.

    Trains like :class:`Perceptron` and keeps every weight vector each
    unit held, with the number of samples it scored before being replaced.
    A unit's score is the vote ``sum_k count_k * step(w_k . x + b_k)``
    (steps as -1/+1), divided by the number of samples processed, so it lies
    in [-1, 1]. Voting gives margin-like guarantees on non-separable data
    (Freund and Schapire, 1999, "Large margin classification using the
    perceptron algorithm"). Prediction costs one dot product per kept
    vector.

    Parameters
    ----------
    {step}

    {loop_parameters}

    {stopping_parameters}

    {warm_start}

    {callbacks}

    Attributes
    ----------
    coef_ : ndarray of shape (n_units, n_features)
        The last weights of the units (those of a plain perceptron).

    vote_coefs_ : ndarray of shape (n_vectors, n_features)
        Every weight vector that voted.

    vote_intercepts_ : ndarray of shape (n_vectors,)
        Their biases.

    vote_units_ : ndarray of shape (n_vectors,)
        The unit each vector belongs to.

    vote_counts_ : ndarray of shape (n_vectors,)
        Their votes: the number of samples each scored.

    {attributes}

    See Also
    --------
    Perceptron : Predicts with the last weights.
    AveragedPerceptron : Averages the weight vectors instead.

    Examples
    --------
    >>> from sklearn.datasets import load_iris
    >>> from skneural import VotedPerceptron
    >>> X, y = load_iris(return_X_y=True)
    >>> clf = VotedPerceptron(max_iter=20, random_state=0).fit(X, y)
    >>> round(clf.score(X, y), 2) >= 0.9
    True
    >>> clf.decision_function(X[:1]).round(1)  # vote margins of the 3 units
    array([[ 1. , -0.9, -1. ]])
    """

    def __init__(
        self,
        *,
        step="sign",
        fit_intercept=True,
        max_iter=1000,
        tol=1e-3,
        shuffle=True,
        verbose=0,
        eta0=1.0,
        random_state=0,
        early_stopping=False,
        validation_fraction=0.1,
        n_iter_no_change=5,
        class_weight=None,
        warm_start=False,
        callbacks=None,
    ):
        self.step = step
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol
        self.shuffle = shuffle
        self.verbose = verbose
        self.eta0 = eta0
        self.random_state = random_state
        self.early_stopping = early_stopping
        self.validation_fraction = validation_fraction
        self.n_iter_no_change = n_iter_no_change
        self.class_weight = class_weight
        self.warm_start = warm_start
        self.callbacks = callbacks

    def _new_observer(self, n_units, n_features, dtype):
        return SurvivalVotes(n_units)

    def _publish(self, layer, observer):
        super()._publish(layer, observer)
        (self.vote_coefs_, self.vote_intercepts_, self.vote_units_,
         self.vote_counts_) = observer.vectors(self.t_ - 1, layer)

    def _unit_scores(self, X):
        Z = X @ self.vote_coefs_.T  # an ndarray for CSR input too
        votes = np.where(STEPS[self.step].fires(Z + self.vote_intercepts_), 1.0, -1.0)
        membership = np.zeros((len(self.vote_units_), len(self.intercept_)))
        membership[np.arange(len(self.vote_units_)), self.vote_units_] = self.vote_counts_
        return (votes @ membership) / membership.sum(axis=0)
