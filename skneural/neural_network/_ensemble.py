"""MLPEnsembleRegressor: the spread of independently trained networks as an
uncertainty estimate."""

from itertools import cycle, islice
from numbers import Integral

import numpy as np
from joblib import Parallel, delayed
from sklearn.base import BaseEstimator, MetaEstimatorMixin, RegressorMixin, clone
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted, validate_data

from ..utils._persistence import VersionedStateMixin
from ..utils._sklearn import HasMethods, Interval, _fit_context
from ._regressor import NumpyMLPRegressor

__all__ = ["MLPEnsembleRegressor"]


def _fit_member(member, X, y, sample_weight):
    return member.fit(X, y, sample_weight=sample_weight)


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

    Attributes
    ----------
    estimators_ : list of estimators
        The fitted members.

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
    >>> member = NumpyMLPRegressor(hidden_layer_sizes=(20,), solver="lbfgs")
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
    }

    def __init__(self, estimator=None, *, n_estimators=10, activations=None, n_jobs=None,
                 random_state=None):
        self.estimator = estimator
        self.n_estimators = n_estimators
        self.activations = activations
        self.n_jobs = n_jobs
        self.random_state = random_state

    @_fit_context(prefer_skip_nested_validation=False)
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
        X, y = validate_data(self, X, y, accept_sparse=["csr", "csc"], multi_output=True,
                             y_numeric=True, dtype=(np.float64, np.float32))
        members = self._make_members()
        self.estimators_ = Parallel(n_jobs=self.n_jobs)(
            delayed(_fit_member)(member, X, y, sample_weight) for member in members
        )
        return self

    def _make_members(self):
        template = NumpyMLPRegressor() if self.estimator is None else self.estimator
        rng = check_random_state(self.random_state)
        seeds = rng.randint(np.iinfo(np.int32).max, size=self.n_estimators)
        members = [clone(template).set_params(random_state=int(seed)) for seed in seeds]
        if self.activations is not None:
            names = [self.activations] if isinstance(self.activations, str) else self.activations
            if len(names) == 0:
                raise ValueError("activations must name at least one activation, got [].")
            for member, name in zip(members, islice(cycle(names), self.n_estimators)):
                member.set_params(activation=name)
        return members

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
