"""Class labels <-> the {-1, +1} targets of a layer of threshold units.

A binary output needs one unit, an output with ``k > 2`` classes ``k`` units
(one-vs-rest). A 2-D ``y`` gets the units of all its columns side by side, so
a multilabel indicator matrix gets one unit per label.
"""

import numpy as np
from sklearn.utils.class_weight import compute_class_weight
from sklearn.utils.multiclass import type_of_target, unique_labels

__all__ = ["TargetCoder"]


class _OutputCoder:
    """One output column: its classes and its units."""

    def __init__(self, classes):
        self.classes = np.asarray(classes)
        if len(self.classes) < 2:
            raise ValueError(
                "The number of classes has to be greater than one; got "
                f"{len(self.classes)} class"
            )
        self.n_units = 1 if len(self.classes) == 2 else len(self.classes)

    def encode(self, y):
        positive = self.classes[1:] if self.n_units == 1 else self.classes
        return np.where(y[:, None] == positive[None, :], 1.0, -1.0)

    def unit_weights(self, y, class_weight):
        """Weight of each sample in each unit's update (OvR like sklearn)."""
        weight = dict(zip(self.classes, class_weight))
        per_sample = np.array([weight[label] for label in y])
        if self.n_units == 1:
            return per_sample[:, None]
        is_class = y[:, None] == self.classes[None, :]
        return np.where(is_class, per_sample[:, None], 1.0)

    def decode(self, scores, fires):
        if self.n_units == 1:
            return self.classes[fires(scores[:, 0]).astype(int)]
        return self.classes[np.argmax(scores, axis=1)]

    def check_labels(self, y):
        labels = _labels(y)
        if np.setdiff1d(labels, self.classes).size:
            raise ValueError(
                f"`y` has classes not in `self.classes_`. `self.classes_` has "
                f"{self.classes}. 'y' has {labels}."
            )


def _labels(y):
    """The sorted distinct labels of validated targets; ``unique_labels``
    (which also checks that they are not mixed) only for object arrays,
    since it costs several times ``np.unique`` on every fit."""
    return unique_labels(y) if y.dtype == object else np.unique(y)


class TargetCoder:
    """Maps ``y`` to unit targets and unit scores back to labels.

    Parameters
    ----------
    y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
        Training labels, or None when ``classes`` is given.
    classes : array-like or list of array-like, default=None
        The classes of each output (as for ``partial_fit``).
    """

    def __init__(self, y=None, classes=None):
        nested = y is not None and y.ndim == 2
        if classes is None:
            classes = [_labels(column) for column in ([y] if y.ndim == 1 else y.T)]
        else:
            classes = list(classes) if nested else [classes]
        self.kind = type_of_target(y) if nested else "multiclass"
        self.outputs = [_OutputCoder(labels) for labels in classes]
        self.multi_output = y is not None and y.ndim == 2
        bounds = np.cumsum([0] + [output.n_units for output in self.outputs]).tolist()
        self.bounds = list(zip(bounds[:-1], bounds[1:]))
        self.n_units = bounds[-1]

    @property
    def slices(self):
        """The columns of each output's units in the unit scores."""
        return [slice(start, stop) for start, stop in self.bounds]

    @property
    def classes_(self):
        """sklearn's ``classes_``: like ``MLPClassifier`` for multilabel."""
        if not self.multi_output:
            return self.outputs[0].classes
        if self.kind == "multilabel-indicator":
            return np.arange(len(self.outputs))
        return [output.classes for output in self.outputs]

    @property
    def scores_are_columns(self):
        """Whether decision scores fit one array (one unit per output)."""
        return not self.multi_output or all(o.n_units == 1 for o in self.outputs)

    def _columns(self, y):
        if self.multi_output != (y.ndim == 2) or (
            self.multi_output and y.shape[1] != len(self.outputs)
        ):
            shape = len(self.outputs) if self.multi_output else 1
            raise ValueError(
                f"y has {1 if y.ndim == 1 else y.shape[1]} output(s), but the "
                f"estimator was fitted with {shape}."
            )
        return [y] if y.ndim == 1 else list(y.T)

    def encode(self, y):
        """Targets of shape (n_samples, n_units) in {-1, +1}."""
        columns = self._columns(y)
        for output, column in zip(self.outputs, columns):
            output.check_labels(column)
        return np.hstack([o.encode(c) for o, c in zip(self.outputs, columns)])

    def unit_weights(self, y, class_weight):
        """Per-sample, per-unit update weights from ``class_weight``."""
        columns = self._columns(y)
        if isinstance(class_weight, dict) or class_weight == "balanced":
            class_weight = [class_weight] * len(columns)
        elif not self.multi_output or len(class_weight) != len(columns):
            raise ValueError(
                "class_weight must be a dict or 'balanced', or for a 2-D y a list "
                f"of one dict per output; got {class_weight!r}."
            )
        blocks = []
        for output, column, weights in zip(self.outputs, columns, class_weight):
            per_class = compute_class_weight(weights, classes=output.classes, y=column)
            blocks.append(output.unit_weights(column, per_class))
        return np.hstack(blocks)

    def decode(self, scores, fires):
        """Labels from unit scores of shape (n_samples, n_units)."""
        labels = [
            output.decode(scores[:, part], fires)
            for output, part in zip(self.outputs, self.slices)
        ]
        return labels[0] if not self.multi_output else np.column_stack(labels)

    def decision(self, scores):
        """``decision_function`` output from the unit scores."""
        if not self.multi_output:
            return scores[:, 0] if self.n_units == 1 else scores
        if self.scores_are_columns:
            return scores
        return [
            scores[:, part][:, 0] if output.n_units == 1 else scores[:, part]
            for output, part in zip(self.outputs, self.slices)
        ]
