"""Watching one logs key for improvement: shared by the monitoring callbacks."""

import numpy as np

__all__ = ["Monitor"]


class Monitor:
    """Tracks the best value of one ``logs`` key and the epochs since it.

    Keys ending in ``score`` are maximised, every other key (``loss``,
    ``val_loss``) is minimised.

    Parameters
    ----------
    key : str
        The ``logs`` key to watch.
    min_delta : float
        The smallest change that counts as an improvement.
    """

    def __init__(self, key, min_delta):
        self.key, self.min_delta = key, min_delta
        self.sign = -1.0 if key.endswith("score") else 1.0
        self.best, self.wait = np.inf, 0

    def update(self, logs, owner):
        """Record this epoch's value; True when it improves on the best."""
        if self.key not in logs:
            raise ValueError(
                f"{owner} monitors {self.key!r}, which is not in the epoch logs "
                f"(keys: {sorted(logs)}). 'val_loss' and 'val_score' need held-out "
                "data: pass X_val and y_val to fit, or set early_stopping=True; "
                "or monitor 'loss'."
            )
        value = self.sign * float(logs[self.key])
        if value < self.best - self.min_delta:
            self.best, self.wait = value, 0
            return True
        self.wait += 1
        return False
