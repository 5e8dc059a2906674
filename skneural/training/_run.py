"""One training run: a fit's state, its loop over epochs, and the hooks around it."""

__all__ = ["CallbackHook", "Hook", "TrainingRun"]


class Hook:
    """One behaviour of a training run (stopping, scoring, rollback...).

    A hook owns its state: it updates it after every epoch and saves and
    restores it itself, so that rolling a run back needs no list of what
    changed. Every method is optional; the defaults do nothing.
    """

    def on_train_begin(self, run):
        """Called once, before the first epoch."""

    def on_epoch_end(self, run):
        """Update after an epoch; return True to stop the run."""
        return False

    def on_interrupt(self, run):
        """Called on Ctrl-C; return True when the interrupt is handled."""
        return False

    def snapshot(self):
        """This hook's state, for :meth:`restore`."""
        return None

    def restore(self, state):
        """Return to the state of a :meth:`snapshot`."""


class TrainingRun:
    """The state of one fit and its loop, epoch by epoch.

    Subclasses train one epoch in :meth:`epoch`; the hooks run after it, in
    order, and all of them run even when one asks to stop.

    Parameters
    ----------
    estimator : estimator instance
        The estimator being fitted.
    trained : list of object
        What the epochs update in place (weights, optimiser, observers), each
        with ``snapshot()`` and ``restore(state)``; None entries are skipped.
    hooks : list of Hook
        The run's behaviours, called in this order.
    t : int, default=0
        The samples seen before this run (earlier fits of a warm start or of
        partial fits).

    Attributes
    ----------
    n_epochs : int
        The epochs finished in this run.
    t : int
        The samples seen, counted on by :meth:`epoch`.
    logs : dict
        What the hooks reported about the last epoch (``loss``, ``val_loss``...).
    """

    def __init__(self, estimator, trained, hooks, t=0):
        self.estimator = estimator
        self._trained = [owner for owner in trained if owner is not None]
        self.hooks = list(hooks)
        self.n_epochs, self.t = 0, t
        self.logs = {}

    def epoch(self):
        """Train one epoch; the hooks read its outcome from the run."""
        raise NotImplementedError

    def train(self, max_epochs):
        """Train until a hook stops the run, Ctrl-C or ``max_epochs`` epochs.

        Returns
        -------
        stopped : bool
            False when the run used up its ``max_epochs``.
        """
        for hook in self.hooks:
            hook.on_train_begin(self)
        for _ in range(max_epochs):
            try:
                self.logs = {}
                self.epoch()
                self.n_epochs += 1
                stop = False
                for hook in self.hooks:
                    stop = bool(hook.on_epoch_end(self)) or stop
            except KeyboardInterrupt:
                if not any(hook.on_interrupt(self) for hook in self.hooks):
                    raise
                return True
            if stop:
                return True
        return False

    def snapshot(self, until=None):
        """The state of the trained arrays, the counters and every hook.

        With ``until`` (one of the hooks), only the hooks before it are saved.
        """
        hooks = self.hooks if until is None else self.hooks[: self.hooks.index(until)]
        return (
            [owner.snapshot() for owner in self._trained],
            (self.n_epochs, self.t),
            [hook.snapshot() for hook in hooks],
        )

    def restore(self, snapshot):
        """Return to the state of a :meth:`snapshot` (of the hooks it saved)."""
        trained, (self.n_epochs, self.t), hooks = snapshot
        for owner, state in zip(self._trained, trained):
            owner.restore(state)
        for hook, state in zip(self.hooks, hooks):
            hook.restore(state)


class CallbackHook(Hook):
    """The user's callbacks, through :class:`~skneural.training.FitCallbacks`.

    Their logs are the run's ``logs``, with the trainer's learning rate after
    ``loss``.
    """

    def __init__(self, callbacks):
        self.callbacks = callbacks

    def on_epoch_end(self, run):
        logs = {"loss": run.logs["loss"], "learning_rate": self.callbacks.trainer.learning_rate}
        logs.update(run.logs)
        return self.callbacks.epoch_end(run.n_epochs, logs)
