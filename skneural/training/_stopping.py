"""Stopping when training stalls: scikit-learn's ``n_iter_no_change`` and ``tol``."""

import numpy as np

from ._run import Hook

__all__ = ["StallStopping", "UnitStopping"]


class StallStopping(Hook):
    """The MLPs' rule: stop after ``n_iter_no_change`` epochs without progress.

    An epoch makes progress when the training loss falls by ``tol`` below
    the best so far (``best_loss_``), or, with ``monitor``, when the held-out
    score rises by ``tol`` above the best so far.  When the count of epochs
    without progress exceeds ``n_iter_no_change`` the optimiser decides
    (``trigger_stopping``: the adaptive learning rate is divided by 5 and the
    count starts again); the count survives partial fits.

    Parameters
    ----------
    estimator : estimator instance
        Gives ``tol``, ``n_iter_no_change`` and ``verbose``; receives
        ``best_loss_`` and ``_no_improvement_count``.
    optimizer : SGD or Adam
    resume : bool
        Whether this fit continues the previous one (warm start, partial fit).
    monitor : object, default=None
        A held-out scorer with ``score`` (this epoch's) and ``previous_best``.
    """

    def __init__(self, estimator, optimizer, resume, monitor=None):
        self._estimator, self._optimizer, self._monitor = estimator, optimizer, monitor
        previous = getattr(estimator, "best_loss_", None) if resume else None
        if monitor is not None:
            self.best_loss = None
        else:
            self.best_loss = np.inf if previous is None else previous
        self.count = getattr(estimator, "_no_improvement_count", 0) if resume else 0
        self._publish()

    def _publish(self):
        self._estimator.best_loss_ = self.best_loss
        self._estimator._no_improvement_count = self.count

    def reset(self):
        """Count again from zero (revived units deserve a fresh start)."""
        self.count = 0
        self._publish()

    def on_epoch_end(self, run):
        estimator, monitor = self._estimator, self._monitor
        if monitor is not None:
            improved = monitor.score >= monitor.previous_best + estimator.tol
        else:
            loss = run.logs["loss"]
            improved = loss <= self.best_loss - estimator.tol
            self.best_loss = min(self.best_loss, loss)
        self.count = 0 if improved else self.count + 1
        stop = False
        if self.count > estimator.n_iter_no_change:
            stop = self._optimizer.trigger_stopping(self._message(), estimator.verbose)
            if not stop:
                self.count = 0
        self._publish()
        return stop

    def _message(self):
        estimator = self._estimator
        what = "Validation score" if self._monitor is not None else "Training loss"
        return (
            f"{what} did not improve more than tol={estimator.tol:f} for "
            f"{estimator.n_iter_no_change} consecutive epochs."
        )

    def snapshot(self):
        return self.best_loss, self.count

    def restore(self, state):
        self.best_loss, self.count = state
        self._publish()


class UnitStopping(Hook):
    """The perceptrons' rule, kept for every unit separately.

    A unit stops learning when an epoch gives it no mistake (the data it sees
    are separated), or when its summed loss (or, with ``monitor``, its
    held-out accuracy) has not improved by ``tol`` for ``n_iter_no_change``
    epochs in a row. The run stops when every unit has.

    Parameters
    ----------
    n_units : int
    tol : float or None
        None stops a unit only when it makes no mistake.
    n_iter_no_change : int
    n_samples : int
        The training samples (``tol`` is per sample for the summed loss).
    monitor : object, default=None
        A held-out scorer with ``scores``: each unit's accuracy this epoch.

    Attributes
    ----------
    active : ndarray of bool of shape (n_units,)
        The units still learning, updated in place.
    """

    def __init__(self, n_units, tol, n_iter_no_change, n_samples, monitor=None):
        self.tol, self.patience, self.n_samples = tol, n_iter_no_change, n_samples
        self._monitor = monitor
        self.active = np.ones(n_units, dtype=bool)
        self.best = np.full(n_units, np.inf)
        self.waited = np.zeros(n_units, dtype=np.int64)

    def on_epoch_end(self, run):
        self.active &= ~self._stopped(run.result.mistakes, run.result.loss)
        return not self.active.any()

    def _stopped(self, mistakes, loss):
        """Boolean mask of the units that should stop now."""
        converged = mistakes == 0
        if self.tol is None:
            return converged
        if self._monitor is None:
            stalled = loss > self.best - self.tol * self.n_samples
            self.best = np.minimum(self.best, loss)
        else:
            scores = self._monitor.scores
            stalled = -scores > self.best - self.tol
            self.best = np.minimum(self.best, -scores)
        self.waited = np.where(stalled, self.waited + 1, 0)
        return converged | (self.waited >= self.patience)

    def snapshot(self):
        return self.active.copy(), self.best, self.waited

    def restore(self, state):
        active, self.best, self.waited = state
        self.active[:] = active
