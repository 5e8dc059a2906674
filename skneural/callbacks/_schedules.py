"""Named learning-rate schedules: plain objects that clone and pickle."""

import math

__all__ = ["CosineSchedule", "ExponentialDecay", "Schedule", "StepDecay"]


class Schedule:
    """Base class of the named schedules: a rate per epoch from the base rate.

    A schedule is called as ``schedule(epoch, base_lr)`` with ``epoch`` the
    0-based index of the epoch about to run and ``base_lr`` the rate the
    fit started with. Its ``repr`` lists its parameters, so it reads well
    in a ``GridSearchCV`` result.

    Examples
    --------
    >>> from skneural.callbacks import Schedule
    >>> class Constant(Schedule):
    ...     def __call__(self, epoch, base_lr):
    ...         return base_lr
    >>> Constant()(5, 0.1)
    0.1
    """

    def __repr__(self):
        params = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__name__}({params})"

    def __eq__(self, other):
        return type(self) is type(other) and vars(self) == vars(other)

    def __hash__(self):
        return hash((type(self), tuple(vars(self).items())))


class StepDecay(Schedule):
    """Multiply the rate by ``factor`` every ``step_size`` epochs.

    Parameters
    ----------
    step_size : int
        Epochs between two decays.
    factor : float, default=0.5
        The multiplier applied at each step.

    Examples
    --------
    >>> from skneural.callbacks import StepDecay
    >>> StepDecay(step_size=10)(25, 0.1)
    0.025
    """

    def __init__(self, step_size, factor=0.5):
        self.step_size = step_size
        self.factor = factor

    def __call__(self, epoch, base_lr):
        return base_lr * self.factor ** (epoch // self.step_size)


class ExponentialDecay(Schedule):
    """Multiply the rate by ``gamma`` every epoch.

    Parameters
    ----------
    gamma : float, default=0.95
        The multiplier per epoch.

    Examples
    --------
    >>> from skneural.callbacks import ExponentialDecay
    >>> round(ExponentialDecay(gamma=0.5)(2, 1.0), 3)
    0.25
    """

    def __init__(self, gamma=0.95):
        self.gamma = gamma

    def __call__(self, epoch, base_lr):
        return base_lr * self.gamma**epoch


class CosineSchedule(Schedule):
    """A linear warm-up, then cosine annealing down to ``min_lr``.

    Parameters
    ----------
    total_epochs : int
        The epoch at which the rate reaches ``min_lr`` (it stays there).
    warmup_epochs : int, default=0
        Epochs of linear growth from ``base_lr / warmup_epochs`` to
        ``base_lr``.
    min_lr : float, default=0.0
        The final rate.

    Examples
    --------
    >>> from skneural.callbacks import CosineSchedule
    >>> schedule = CosineSchedule(total_epochs=10, warmup_epochs=2)
    >>> [round(schedule(epoch, 1.0), 2) for epoch in (0, 1, 2, 6, 10)]
    [0.5, 1.0, 1.0, 0.5, 0.0]
    """

    def __init__(self, total_epochs, warmup_epochs=0, min_lr=0.0):
        self.total_epochs = total_epochs
        self.warmup_epochs = warmup_epochs
        self.min_lr = min_lr

    def __call__(self, epoch, base_lr):
        if epoch < self.warmup_epochs:
            return base_lr * (epoch + 1) / self.warmup_epochs
        span = max(self.total_epochs - self.warmup_epochs, 1)
        progress = min((epoch - self.warmup_epochs) / span, 1.0)
        return self.min_lr + (base_lr - self.min_lr) * 0.5 * (1 + math.cos(math.pi * progress))
