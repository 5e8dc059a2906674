"""``clip_predictions`` of the ready-made Keras regressors."""

from ..utils._targets import clip_to_range, target_range

__all__ = ["ClippedPredictionsMixin"]


class ClippedPredictionsMixin:
    """Predictions clipped to the range of the training targets.

    The regressor records ``target_range_`` from the targets it trains on
    (widened by ``partial_fit`` and ``warm_start``) and, when its
    ``clip_predictions`` parameter is True, clips each output of
    :meth:`predict` to it, as :class:`~skneural.NumpyMLPRegressor` does.
    Put it before the regressor base class.
    """

    _parameter_constraints: dict = {"clip_predictions": ["boolean"]}

    def _initialize(self, X, y, rng):
        vars(self).pop("target_range_", None)
        super()._initialize(X, y, rng)

    def _split(self, X, y, sample_weight, validation, rng):
        """Record (or widen) ``target_range_`` from the targets trained on."""
        self.target_range_ = target_range(y, previous=getattr(self, "target_range_", None))
        return super()._split(X, y, sample_weight, validation, rng)

    def predict(self, X, **kwargs):
        """Predict with the trained network.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
            Input samples.
        **kwargs : dict
            Extra arguments of ``keras.Model.predict``.

        Returns
        -------
        y : ndarray of shape (n_samples,) or (n_samples, n_outputs)
            The predictions, within ``target_range_`` when
            ``clip_predictions`` is True.
        """
        y_pred = super().predict(X, **kwargs)
        if self.clip_predictions:
            clip_to_range(y_pred, self.target_range_)
        return y_pred
