"""The kernel perceptron: the perceptron rule in dual form."""

from numbers import Real

import numpy as np
from sklearn.metrics.pairwise import PAIRWISE_KERNEL_FUNCTIONS, pairwise_kernels

from ..engine.perceptron import DualUnits
from ..utils._sklearn import Interval, StrOptions, _fit_context
from ..utils._state import restore_on_failure
from ._perceptron_base import BasePerceptron
from ._perceptron_docs import fill_perceptron_doc

__all__ = ["KernelPerceptron"]

# Largest training set whose whole Gram matrix is computed up front (about
# 72 MB in float64); larger ones compute the rows of each block as needed.
MAX_PRECOMPUTED_SAMPLES = 3000


class _GramRows:
    """Rows of the kernel matrix of the training samples."""

    def __init__(self, kernel, X):
        self.kernel, self.X = kernel, X
        self.full = kernel(X, X) if X.shape[0] <= MAX_PRECOMPUTED_SAMPLES else None

    def __call__(self, rows):
        if self.full is not None:
            return self.full[rows]
        return self.kernel(self.X[rows], self.X)


@fill_perceptron_doc
class KernelPerceptron(BasePerceptron):
    """Perceptron in the feature space of a kernel (dual form).

    Each unit scores ``z(x) = sum_i a_i K(x_i, x) + b``, a sum over the
    training samples it erred on (its support vectors). The perceptron rule
    adds ``eta0 * y_i`` to ``a_i`` whenever the unit errs on sample ``i``,
    which is :class:`Perceptron` run on the kernel's features. With a
    non-linear kernel it separates data no line can, such as XOR or
    intertwined spirals. The Gram matrix of up to 3000 training samples is
    computed once; beyond that, rows are computed per block as needed.

    Parameters
    ----------
    kernel : {'rbf', 'linear', 'poly', 'sigmoid', 'laplacian', 'chi2', \
'additive_chi2', 'cosine'} or callable, default='rbf'
        The kernel, as in :func:`sklearn.metrics.pairwise.pairwise_kernels`.
        A callable takes two rows and returns a float.

    gamma : float, default=None
        Coefficient of the 'rbf', 'laplacian', 'poly', 'sigmoid' and 'chi2'
        kernels; None means the kernel's default, ``1 / n_features``.

    degree : float, default=3
        Degree of the 'poly' kernel.

    coef0 : float, default=1
        Independent term of the 'poly' and 'sigmoid' kernels.

    kernel_params : dict, default=None
        Keyword arguments of a callable kernel.

    {step}

    {loop_parameters}

    {stopping_parameters}

    {callbacks}

    Attributes
    ----------
    support_ : ndarray of shape (n_SV,)
        Indices (in the data the units were trained on) of the samples with
        a non-zero dual coefficient. With early stopping, they index the
        training part of the split.

    support_vectors_ : {ndarray, sparse matrix} of shape (n_SV, n_features)
        Those samples.

    dual_coef_ : ndarray of shape (n_units, n_SV)
        Their coefficients ``a_i`` in each unit (``eta0`` times the signed
        number of mistakes made on them).

    {attributes}

    See Also
    --------
    Perceptron : The linear (primal) perceptron.
    sklearn.svm.SVC : The maximum-margin kernel classifier.

    Examples
    --------
    >>> from skneural import KernelPerceptron
    >>> from skneural.datasets import make_logic_gate
    >>> X, y = make_logic_gate("xor")
    >>> clf = KernelPerceptron(kernel="rbf", gamma=2.0).fit(X, y)
    >>> clf.predict(X), y
    (array([0, 1, 1, 0]), array([0, 1, 1, 0]))
    """

    _parameter_constraints: dict = {
        **BasePerceptron._parameter_constraints,
        "kernel": [StrOptions(set(PAIRWISE_KERNEL_FUNCTIONS)), callable],
        "gamma": [Interval(Real, 0, None, closed="left"), None],
        "degree": [Interval(Real, 0, None, closed="left")],
        "coef0": [Interval(Real, None, None, closed="neither")],
        "kernel_params": [dict, None],
    }

    def __init__(
        self,
        *,
        kernel="rbf",
        gamma=None,
        degree=3,
        coef0=1,
        kernel_params=None,
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
        callbacks=None,
    ):
        self.kernel = kernel
        self.gamma = gamma
        self.degree = degree
        self.coef0 = coef0
        self.kernel_params = kernel_params
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
        self.callbacks = callbacks

    @_fit_context(prefer_skip_nested_validation=True)
    @restore_on_failure
    def fit(self, X, y, sample_weight=None):
        """Fit the units with the dual perceptron rule.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            Training data.

        y : array-like of shape (n_samples,) or (n_samples, n_outputs)
            Class labels; a 2-D ``y`` gets its own units for each column.

        sample_weight : array-like of shape (n_samples,), default=None
            Weights multiplying each sample's updates.

        Returns
        -------
        self : object
            The fitted estimator.
        """
        return self._fit(X, y, sample_weight, incremental=False)

    def _kernel(self, X, Y):
        if callable(self.kernel):
            params = self.kernel_params or {}
        else:
            params = {"gamma": self.gamma, "degree": self.degree, "coef0": self.coef0}
        return pairwise_kernels(X, Y, metric=self.kernel, filter_params=True, **params)

    def _new_layer(self, X, n_units, coef_init, intercept_init):
        gram = _GramRows(self._kernel, X)
        return DualUnits(gram, X.shape[0], n_units, X.dtype, self.fit_intercept)

    def _publish(self, layer, observer):
        self.support_ = np.flatnonzero(np.any(layer.dual_coef != 0, axis=1))
        self.support_vectors_ = layer.gram.X[self.support_]
        self.dual_coef_ = np.ascontiguousarray(layer.dual_coef[self.support_].T)
        self.intercept_ = layer.intercept.copy()

    def _unit_scores(self, X):
        kernel = self._kernel(X, self.support_vectors_)
        return kernel @ self.dual_coef_.T + self.intercept_
