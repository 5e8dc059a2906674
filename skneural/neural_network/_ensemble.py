"""MLPEnsembleRegressor: the spread of independently trained networks as an
uncertainty estimate."""

import copy
import warnings
from contextlib import closing
from numbers import Integral

import numpy as np
from joblib import Parallel, delayed
from sklearn.base import BaseEstimator, MetaEstimatorMixin, RegressorMixin, clone
from sklearn.utils import check_random_state
from sklearn.utils.metaestimators import available_if
from sklearn.utils.validation import check_is_fitted, validate_data

from ..utils._persistence import VersionedStateMixin
from ..utils._sklearn import HasMethods, Interval, _fit_context
from ..utils._state import recording_interruptions, restore_on_failure
from ._regressor import NumpyMLPRegressor

__all__ = ["MLPEnsembleRegressor"]


def _train_member(member, method, X, y, sample_weight):
    """Run ``member.fit`` or ``member.partial_fit``; also say whether Ctrl-C
    ended it early. ``"warm_fit"`` is ``fit`` from the current weights."""
    with recording_interruptions() as interruptions:
        if method == "warm_fit":
            warm_start = member.get_params()["warm_start"]
            member.set_params(warm_start=True).fit(X, y, sample_weight=sample_weight)
            member.set_params(warm_start=warm_start)
        else:
            getattr(member, method)(X, y, sample_weight=sample_weight)
    return member, bool(interruptions)


def _check_warm_start(member):
    if "warm_start" not in member.get_params():
        raise ValueError(
            f"warm_start=True continues the fitted members, but "
            f"{type(member).__name__} has no warm_start parameter; use "
            "warm_start=False or members that have one."
        )


def _template_has_partial_fit(ensemble):
    """``available_if`` check: partial_fit needs members that have it."""
    return hasattr(ensemble._template(), "partial_fit")


class MLPEnsembleRegressor(VersionedStateMixin, MetaEstimatorMixin, RegressorMixin, BaseEstimator):
    """An ensemble of neural networks whose disagreement measures uncertainty.

    Trains ``n_estimators`` copies of ``estimator`` on the same data, each
    from its own random initialisation (and, optionally, with its own hidden
    activation). The prediction is the members' mean; their standard
    deviation, returned by ``predict(X, return_std=True)`` as
    :class:`~sklearn.gaussian_process.GaussianProcessRegressor` does, grows
    where the members disagree, typically away from the training data.
    Mixing activations widens the spread outside the training interval:
    ReLU members extrapolate piecewise linearly, tanh members level off.

    Ctrl-C stops the whole fit after the member being trained, which is
    discarded: the ensemble keeps the members already finished, with a
    warning (members a warm start or :meth:`partial_fit` had not reached yet
    stay as they were). Ctrl-C before any member finished leaves the
    ensemble as it was and raises ``KeyboardInterrupt``.

    Parameters
    ----------
    estimator : regressor or None, default=None
        The member template, cloned for every member. None means
        ``NumpyMLPRegressor()``. Its ``random_state`` is replaced by a seed
        drawn for each member.

    n_estimators : int, default=10
        Number of members.

    activations : str, list of str or None, default=None
        Hidden activations given to the members in turn (the list is
        cycled), e.g. ``("relu", "tanh")`` gives 5 ReLU and 5 tanh members
        out of 10. None keeps the activation of ``estimator``.

    n_jobs : int or None, default=None
        Number of members trained in parallel with joblib. ``None`` means 1
        unless in a :obj:`joblib.parallel_backend` context; ``-1`` uses all
        processors.

    random_state : int, RandomState instance or None, default=None
        Draws the seed of every member. Pass an int for reproducible output
        across multiple calls.

    warm_start : bool, default=False
        When True, :meth:`fit` continues the fitted members from their
        current weights (each member fitted with ``warm_start=True``, so it
        needs that parameter), and adds new members if ``n_estimators``
        grew. When False, every fit trains new members.

    Attributes
    ----------
    estimators_ : list of estimators
        The fitted members: ``n_estimators`` of them, or fewer after a
        Ctrl-C.

    n_features_in_ : int
        Number of features seen during :term:`fit`.

    feature_names_in_ : ndarray of shape (`n_features_in_`,)
        Names of features seen during :term:`fit`. Defined only when `X`
        has feature names that are all strings.

    See Also
    --------
    NumpyMLPRegressor : The default member.
    sklearn.gaussian_process.GaussianProcessRegressor : Another regressor
        with ``predict(X, return_std=True)``.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural import MLPEnsembleRegressor, NumpyMLPRegressor
    >>> X = np.linspace(-1, 1, 40).reshape(-1, 1)
    >>> y = np.sin(3 * X).ravel()
    >>> # Unclipped members, so that they may disagree beyond the training range.
    >>> member = NumpyMLPRegressor(hidden_layer_sizes=(20,), solver="lbfgs",
    ...                            clip_predictions=False)
    >>> ensemble = MLPEnsembleRegressor(member, n_estimators=4,
    ...                                 activations=("relu", "tanh"),
    ...                                 random_state=0).fit(X, y)
    >>> mean, std = ensemble.predict([[0.0], [3.0]], return_std=True)
    >>> bool(std[1] > std[0])
    True
    """

    _parameter_constraints: dict = {
        "estimator": [HasMethods(["fit", "predict"]), None],
        "n_estimators": [Interval(Integral, 1, None, closed="left")],
        "activations": [str, list, tuple, None],
        "n_jobs": [Integral, None],
        "random_state": ["random_state"],
        "warm_start": ["boolean"],
    }

    def __init__(self, estimator=None, *, n_estimators=10, activations=None, n_jobs=None,
                 random_state=None, warm_start=False):
        self.estimator = estimator
        self.n_estimators = n_estimators
        self.activations = activations
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.warm_start = warm_start

    @_fit_context(prefer_skip_nested_validation=False)
    @restore_on_failure
    def fit(self, X, y, sample_weight=None):
        """Fit every member on ``X`` and ``y``.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input data.

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            The target values.

        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights, passed to every member.

        Returns
        -------
        self : object
            The fitted ensemble.
        """
        resume = self.warm_start and hasattr(self, "estimators_")
        X, y = self._validate_training_data(X, y, reset=not resume)
        previous = self._fitted_members("warm_start=True") if resume else []
        for member in previous:
            _check_warm_start(member)
        self.estimators_ = self._train(previous, "fit", X, y, sample_weight)
        return self

    @available_if(_template_has_partial_fit)
    @_fit_context(prefer_skip_nested_validation=False)
    @restore_on_failure
    def partial_fit(self, X, y, sample_weight=None):
        """Update every member with one ``partial_fit`` call on ``X`` and ``y``.

        The first call creates the members (as :meth:`fit` would) and gives
        each its first update; later calls update the same members. Only
        available when the members have ``partial_fit`` (for
        ``NumpyMLPRegressor``, a stochastic solver).

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input data.

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            The target values.

        sample_weight : array-like of shape (n_samples,), default=None
            Sample weights, passed to every member.

        Returns
        -------
        self : object
            The updated ensemble.
        """
        first = not hasattr(self, "estimators_")
        X, y = self._validate_training_data(X, y, reset=first)
        members = [] if first else self._fitted_members("partial_fit")
        self.estimators_ = self._train(members, "partial_fit", X, y, sample_weight)
        return self

    def _validate_training_data(self, X, y, reset):
        return validate_data(self, X, y, accept_sparse=["csr", "csc"], multi_output=True,
                             y_numeric=True, dtype=(np.float64, np.float32), reset=reset)

    def _template(self):
        return NumpyMLPRegressor() if self.estimator is None else self.estimator

    def _fitted_members(self, continuing):
        """The fitted members, to be continued by ``continuing``."""
        if len(self.estimators_) > self.n_estimators:
            raise ValueError(
                f"n_estimators={self.n_estimators} must be at least the number of "
                f"fitted members ({len(self.estimators_)}) to continue them with "
                f"{continuing}; fit anew with warm_start=False to have fewer."
            )
        return list(self.estimators_)

    def _new_members(self, start):
        """Members ``start`` to ``n_estimators - 1``, unfitted, each with its seed."""
        rng = check_random_state(self.random_state)
        seeds = rng.randint(np.iinfo(np.int32).max, size=self.n_estimators)
        members = [clone(self._template()).set_params(random_state=int(seed))
                   for seed in seeds[start:]]
        if self.activations is not None:
            names = [self.activations] if isinstance(self.activations, str) else self.activations
            if len(names) == 0:
                raise ValueError("activations must name at least one activation, got [].")
            for index, member in enumerate(members, start):
                member.set_params(activation=names[index % len(names)])
        return members

    def _train(self, previous, method, X, y, sample_weight):
        """Continue copies of the ``previous`` members, then train new ones up
        to ``n_estimators``, with ``method`` ("fit" or "partial_fit").

        Returns the members to keep: all of them, or after a Ctrl-C those
        finished in this call followed by the previous ones not reached. The
        copies leave the previous members as they were whatever happens.
        """
        continued = "warm_fit" if method == "fit" else method
        todo = [(copy.deepcopy(member), continued) for member in previous]
        todo += [(member, method) for member in self._new_members(len(previous))]
        jobs = (delayed(_train_member)(member, how, X, y, sample_weight) for member, how in todo)
        finished = []
        try:
            with closing(Parallel(n_jobs=self.n_jobs, return_as="generator")(jobs)) as results:
                for member, interrupted in results:
                    if interrupted:
                        break
                    finished.append(member)
        except KeyboardInterrupt:
            pass
        if len(finished) == len(todo):
            return finished
        return self._after_interrupt(finished, previous, len(todo))

    def _after_interrupt(self, finished, previous, n_members):
        kept = finished + previous[len(finished):]
        if not kept:
            raise KeyboardInterrupt
        untouched = len(kept) - len(finished)
        warnings.warn(
            f"Training interrupted by user during member {len(finished) + 1} of "
            f"{n_members}; the ensemble keeps the members already finished "
            f"({len(finished)})" + (f" and, unchanged, those not reached ({untouched})."
                                    if untouched else "."),
            UserWarning,
            stacklevel=6,  # the caller of fit or partial_fit
        )
        return kept

    def predict(self, X, return_std=False):
        """Mean prediction of the members, and optionally their spread.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input data.

        return_std : bool, default=False
            Also return the standard deviation of the members' predictions.

        Returns
        -------
        y_mean : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            Mean of the members' predictions.

        y_std : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            Standard deviation of the members' predictions. Only returned
            when ``return_std`` is True.
        """
        predictions = self.predict_members(X)
        mean = predictions.mean(axis=0)
        if return_std:
            return mean, predictions.std(axis=0)
        return mean

    def predict_members(self, X):
        """The prediction of every member.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            The input data.

        Returns
        -------
        y_members : ndarray of shape (n_estimators, n_samples) or \
(n_estimators, n_samples, n_outputs)
            The predictions, one member per row.
        """
        check_is_fitted(self)
        X = validate_data(self, X, accept_sparse=["csr", "csc"], reset=False,
                          dtype=(np.float64, np.float32))
        return np.stack([member.predict(X) for member in self.estimators_])

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        return tags
