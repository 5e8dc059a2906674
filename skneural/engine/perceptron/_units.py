"""The weights of a layer of threshold units: primal and kernel (dual) form.

Both forms score a block of upcoming samples at once (``start_block``), say
how an update on one sample of the block moves the scores of the others
(``shifts``) and apply the updates of a whole block in one product
(``add_block``). An epoch can leave the units that stopped learning out of
these (``start_epoch(order, units)``).
"""

import numpy as np
import scipy.sparse as sp

__all__ = ["DualUnits", "LinearUnits"]

MIN_SCALE = 1e-9
# Dense blocks whose table of similarities (block size squared times the
# inner size) takes at most GRAM_SIZE multiply-adds get it in one product
# (small inputs, as iris: far cheaper than a product per mistake).
GRAM_SIZE = 2**17


def _scaled(products, sizes):
    """``products`` (a new array) with row ``c`` times ``sizes[c]``, in place:
    no copy, and float32 products stay float32."""
    products *= sizes[:, None]
    return products


class LinearUnits:
    """Primal weights of a layer: ``coef = scale * raw`` and ``intercept``.

    Parameters
    ----------
    X : {ndarray, csr_matrix} of shape (n_samples, n_features)
        The training inputs.
    coef : ndarray of shape (n_units, n_features)
        Initial weights (copied).
    intercept : ndarray of shape (n_units,)
        Initial biases (copied).
    fit_intercept : bool
        Whether the biases are learnt.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import LinearUnits
    >>> X = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> layer = LinearUnits(X, np.zeros((1, 2)), np.zeros(1), fit_intercept=True)
    >>> layer.start_epoch(np.array([1, 0]))  # visit sample 1, then sample 0
    >>> layer.update(0, np.array([True]), np.array([0.5]))  # adds 0.5 * X[1]
    >>> layer.coef, layer.intercept
    (array([[1.5, 2. ]]), array([0.5]))
    >>> layer.scores(0, 2)
    array([[13.],
           [ 6.]])
    >>> layer.shrink(0.5)
    >>> layer.coef
    array([[0.75, 1.  ]])

    A block of samples takes its updates together:

    >>> layer.start_block(0, 2)  # units x samples
    array([[6.75, 3.25]])
    >>> layer.shifts(np.array([0]), np.array([0.5]))  # 0.5 (X[1] . x + 1 for the bias)
    array([[13.,  6.]])
    >>> layer.add_block(np.array([[0.0, -1.0]]))  # subtracts X[0]
    >>> layer.coef, layer.intercept
    (array([[-0.25, -1.  ]]), array([-0.5]))
    """

    def __init__(self, X, coef, intercept, fit_intercept):
        self.X = X
        self.sparse = sp.issparse(X)
        self.raw = np.array(coef, dtype=X.dtype, order="C")
        self.intercept = np.array(intercept, dtype=X.dtype)
        self.scale = 1.0
        self.fit_intercept = fit_intercept
        self._order, self._units = None, slice(None)
        self._block = self._inputs = self._columns = self._gram = None
        self._buffers = None

    @property
    def coef(self):
        """The current weights, of shape (n_units, n_features)."""
        return self.raw * self.scale

    @property
    def inner_size(self):
        """Multiply-adds per unit and sample in the block products."""
        return self.X.shape[1] + 1

    def coef_of(self, units):
        """The current weights of ``units`` only (a mask, index or slice)."""
        return self.raw[units] * self.scale

    def start_epoch(self, order, units=None):
        """Visit the samples in ``order`` during the coming epoch; the blocks
        concern the ``units`` only (an index array; None for all)."""
        self._order = order
        self._units = slice(None) if units is None else units

    def scores(self, start, stop):
        """``z`` of the samples at positions ``start:stop`` of the epoch."""
        return self.scale * (self.X[self._order[start:stop]] @ self.raw.T) + self.intercept

    def start_block(self, start, stop):
        """``z`` of the samples at positions ``start:stop`` of the epoch, of
        shape (n_units, block size) (the epoch's units only); they become the
        block that :meth:`shifts`, :meth:`changes` and :meth:`add_block`
        see."""
        rows = self._order[start:stop]
        if self.sparse:
            self._block = self._inputs = self.X[rows]
            self._gram = None
            products = self.raw[self._units] @ self._inputs.T
        else:
            self._fill_block(rows)
            small = len(rows) ** 2 * self.inner_size <= GRAM_SIZE
            self._gram = self._block @ self._columns if small else None
            products = self.raw[self._units] @ self._columns[:self.X.shape[1]]
        if self.scale != 1.0:
            products *= self.scale
        products += self.intercept[self._units, None]
        return products

    def _fill_block(self, rows):
        """Copy the dense inputs ``rows`` into the block, as rows (samples x
        inputs) and as columns (inputs x samples), the bias as a last input
        that is always 1. The columns are the right-hand side of the block's
        products: a C-ordered one multiplies about twice as fast as the
        transposed view of the rows."""
        n_features = self.X.shape[1]
        if self._buffers is None or len(self._buffers[0]) < len(rows):
            width = n_features + self.fit_intercept
            self._buffers = (np.ones((len(rows), width), self.X.dtype),
                             np.ones((width, len(rows)), self.X.dtype))
        # (a new array: taking into the strided buffer is 3 times slower)
        inputs = self.X.take(rows, axis=0)
        self._block = self._buffers[0][:len(rows)]
        self._columns = self._buffers[1][:, :len(rows)]
        self._inputs = self._block[:, :n_features]
        self._inputs[...] = inputs
        self._columns[:n_features] = inputs.T

    def shifts(self, columns, sizes, start=0):
        """How much ``z`` of the block's samples from position ``start`` on
        moves when each of its samples ``columns`` updates the weights by
        ``sizes`` times itself: ``size_c (x_c . x + 1)`` (the 1 for the bias),
        a new array of shape (len(columns), block size - start)."""
        if self.sparse:
            products = (self._block[columns] @ self._block[start:].T).toarray()
            products += float(self.fit_intercept)
            return _scaled(products, sizes)
        # (take: quicker than indexing with an array)
        if self._gram is not None:
            return _scaled(self._gram.take(columns, axis=0)[:, start:], sizes)
        # (scaling the few rows before the product beats scaling its result)
        return _scaled(self._block.take(columns, axis=0), sizes) @ self._columns[:, start:]

    def shift_row(self, column, size, start):
        """:meth:`shifts` of the one sample ``column``, of shape (block size
        - start,)."""
        if self._gram is not None:
            return self._gram[column, start:] * size
        if self.sparse:
            return self.shifts([column], np.array([size]), start)[0]
        return (self._block[column] * size) @ self._columns[:, start:]

    def changes(self, coefficients, positions=None):
        """The weight and bias changes of adding ``coefficients[k, i] * x_i``
        over the samples ``i`` of the block (or the block's samples
        ``positions`` only): (k, n_features) and (k,)."""
        inputs = self._inputs if positions is None else self._inputs[positions]
        if self.sparse:
            coef = np.asarray((inputs.T @ coefficients.T).T)
        else:
            coef = coefficients @ inputs
        bias = coefficients.sum(axis=1) if self.fit_intercept else np.zeros(len(coef))
        return coef, bias

    def updates(self, deltas, positions):
        """The weight changes ``deltas[k] * x`` of updates on the samples
        ``positions`` of the block, of shape (len(positions), n_features)."""
        rows = self._inputs[positions]
        if self.sparse:
            return rows.multiply(deltas[:, None]).toarray()
        return deltas[:, None] * rows

    def add_block(self, deltas):
        """Add ``deltas[j, i] * x_i`` to the weights of the epoch's unit
        ``j``, for every sample ``i`` of the block. Sparse rows without an
        update stay out of the product; a dense block goes in whole (picking
        its updated rows costs more than multiplying the others by zero)."""
        if self.sparse:
            updated = np.flatnonzero(deltas.any(axis=0))
            coef, bias = self.changes(deltas[:, updated], updated)
        else:
            # with an intercept the block's last input is its 1: one product
            changes = deltas @ self._block
            coef, bias = changes[:, :self.X.shape[1]], changes[:, -1]
        if self.scale != 1.0:
            coef /= self.scale
        self.raw[self._units] += coef
        if self.fit_intercept:
            self.intercept[self._units] += bias

    def update(self, position, units, delta):
        """Add ``delta * x`` to the weights of ``units`` (a boolean mask)."""
        index = self._order[position]
        if self.sparse:
            start, stop = self.X.indptr[index], self.X.indptr[index + 1]
            columns = self.X.indices[start:stop]
            self.raw[np.ix_(units, columns)] += np.outer(
                delta / self.scale, self.X.data[start:stop]
            )
        else:
            self.raw[units] += np.outer(delta / self.scale, self.X[index])
        if self.fit_intercept:
            self.intercept[units] += delta

    def shrink(self, factor):
        """Multiply every weight by ``factor`` (L2 decay), in O(1)."""
        self.scale *= factor
        if self.scale < MIN_SCALE:
            self.raw *= self.scale
            self.scale = 1.0

    def set_coef(self, coef):
        """Replace the weights by ``coef``."""
        self.raw[...] = coef
        self.scale = 1.0

    def snapshot(self):
        """A copy of the weights, for :meth:`restore`."""
        return self.raw.copy(), self.intercept.copy(), self.scale

    def restore(self, snapshot):
        """Put back the weights of a :meth:`snapshot`."""
        raw, intercept, self.scale = snapshot
        self.raw[...], self.intercept[...] = raw, intercept

    def get_weights(self):
        """Copies of the weights and biases: ``[coef, intercept]``."""
        return [self.coef, self.intercept.copy()]

    def set_weights(self, weights):
        """Put back what :meth:`get_weights` returned."""
        coef, intercept = weights
        self.set_coef(coef)
        self.intercept[...] = intercept


class DualUnits:
    """Kernel weights of a layer: ``z(x) = sum_i coef[i] K(x_i, x) + b``.

    Parameters
    ----------
    gram : callable
        ``gram(rows)``: the kernel between the training samples ``rows`` and
        all training samples, of shape (len(rows), n_samples).
    n_samples : int
        Number of training samples.
    n_units : int
        Number of threshold units.
    dtype : dtype
        Floating type of the coefficients.
    fit_intercept : bool
        Whether the biases are learnt.

    Examples
    --------
    >>> import numpy as np
    >>> from skneural.engine.perceptron import DualUnits
    >>> X = np.array([[1.0, 2.0], [3.0, 4.0]])
    >>> layer = DualUnits(lambda rows: (X @ X.T)[rows], 2, 1, np.float64, fit_intercept=False)
    >>> layer.start_epoch(np.arange(2))
    >>> layer.start_block(0, 2)  # units x samples
    array([[0., 0.]])
    >>> layer.shifts(np.array([1]), np.array([2.0]))  # linear kernel: 2 X @ X[1]
    array([[22., 50.]])
    >>> layer.add_block(np.array([[0.0, 1.0]]))
    >>> layer.dual_coef.ravel()
    array([0., 1.])
    """

    def __init__(self, gram, n_samples, n_units, dtype, fit_intercept):
        self.gram = gram
        self.dual_coef = np.zeros((n_samples, n_units), dtype=dtype)
        self.intercept = np.zeros(n_units, dtype=dtype)
        self.fit_intercept = fit_intercept
        self._order, self._units = None, slice(None)
        # z of every training sample, kept up to date by add_block; None
        # after the coefficients were put back, until the next epoch
        self._z = None

    @property
    def inner_size(self):
        """Multiply-adds per unit and sample in the block products."""
        return self.dual_coef.shape[0]

    def start_epoch(self, order, units=None):
        """Visit the samples in ``order`` during the coming epoch; the blocks
        concern the ``units`` only (an index array; None for all)."""
        self._order = order
        self._units = slice(None) if units is None else units
        if self._z is None:
            support = np.flatnonzero(self.dual_coef.any(axis=1))
            self._z = np.zeros((len(self.intercept), len(self.dual_coef)), self.dual_coef.dtype)
            if len(support):
                self._z += self.dual_coef[support].T @ self.gram(support)
            self._z += self.intercept[:, None]

    def start_block(self, start, stop):
        """``z`` of the samples at positions ``start:stop`` of the epoch, of
        shape (n_units, block size) (the epoch's units only); they become the
        block that :meth:`shifts` and :meth:`add_block` see."""
        self._rows = self._order[start:stop]
        return self._z[self._units][:, self._rows]

    def shifts(self, columns, sizes, start=0):
        """How much ``z`` of the block's samples from position ``start`` on
        moves when each of its samples ``columns`` adds ``sizes`` to its
        coefficient: ``size_c (K(x_c, x) + 1)`` (the 1 for the bias), a new
        array of shape (len(columns), block size - start)."""
        products = self.gram(self._rows[columns])[:, self._rows[start:]]
        if self.fit_intercept:
            products += 1.0
        return _scaled(products, sizes)

    def shift_row(self, column, size, start):
        """:meth:`shifts` of the one sample ``column``, of shape (block size
        - start,)."""
        return self.shifts([column], np.array([size]), start)[0]

    def add_block(self, deltas):
        """Add ``deltas[j, i]`` to the coefficient of the epoch's unit ``j``
        on every sample ``i`` of the block."""
        units = self._units
        updated = np.flatnonzero(deltas.any(axis=0))
        if len(updated):
            self._z[units] += deltas[:, updated] @ self.gram(self._rows[updated])
        coefficients = self.dual_coef[self._rows]
        coefficients[:, units] += deltas.T
        self.dual_coef[self._rows] = coefficients
        if self.fit_intercept:
            bias = deltas.sum(axis=1)
            self.intercept[units] += bias
            self._z[units] += bias[:, None]

    def snapshot(self):
        """A copy of the coefficients, for :meth:`restore`."""
        return self.dual_coef.copy(), self.intercept.copy()

    def restore(self, snapshot):
        """Put back the coefficients of a :meth:`snapshot`."""
        self.dual_coef[...], self.intercept[...] = snapshot
        self._z = None

    def get_weights(self):
        """Copies of the coefficients and biases: ``[dual_coef, intercept]``."""
        return list(self.snapshot())

    def set_weights(self, weights):
        """Put back what :meth:`get_weights` returned."""
        self.restore(tuple(weights))
