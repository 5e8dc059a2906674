"""The callback protocol: what a fit calls, and what a callback may touch."""

from abc import ABC, abstractmethod

__all__ = ["Callback", "Trainer"]


class Trainer(ABC):
    """The handle through which a callback acts on the fit that runs it.

    Every estimator family implements it: the NumPy training run for the
    MLPs and the perceptrons, and an adapter over the Keras model for the
    Keras estimators. A callback receives it through
    :meth:`Callback.set_trainer` before :meth:`Callback.on_fit_begin`, and
    loses it after :meth:`Callback.on_fit_end`.

    Attributes
    ----------
    estimator : estimator instance
        The estimator being fitted.

    Examples
    --------
    >>> from skneural.callbacks import Callback
    >>> class HalveRate(Callback):
    ...     def on_epoch_end(self, estimator, epoch, logs):
    ...         self.trainer.learning_rate = self.trainer.learning_rate / 2
    ...         return False
    """

    estimator = None

    @property
    @abstractmethod
    def learning_rate(self):
        """float: the learning rate the next epoch uses; settable."""

    @learning_rate.setter
    @abstractmethod
    def learning_rate(self, value):
        """Set the learning rate used from the next batch on."""

    @abstractmethod
    def get_weights(self):
        """A copy of every trained array (weights, biases), as a list.

        Returns
        -------
        weights : list of ndarray
            Independent copies: training does not change them.
        """

    @abstractmethod
    def set_weights(self, weights):
        """Put back weights that :meth:`get_weights` returned.

        Parameters
        ----------
        weights : list of ndarray
            What :meth:`get_weights` returned earlier in the same fit.
        """

    @abstractmethod
    def fitted_copy(self):
        """An independent fitted estimator with the weights of this moment.

        It predicts, scores and pickles like the estimator would if the fit
        ended now; :class:`ModelCheckpoint` saves it.

        Returns
        -------
        estimator : estimator instance
            A fitted copy, sharing no array with the ongoing fit.
        """


class Callback:
    """Base class of the training callbacks; every hook does nothing.

    Override the hooks you need. A fit calls, in this order:
    ``set_trainer(trainer)``, ``on_fit_begin(estimator)``, then
    ``on_epoch_end(estimator, epoch, logs)`` after every epoch, and
    ``on_fit_end(estimator)`` once training has stopped (also after an early
    stop, a Ctrl-C or the last epoch), then ``set_trainer(None)``.

    ``logs`` holds at least ``"loss"`` (the epoch's mean training loss) and
    ``"learning_rate"``, plus ``"val_loss"`` and ``"val_score"`` when the fit
    has held-out data (``early_stopping=True`` or ``X_val``/``y_val``).

    Attributes
    ----------
    trainer : Trainer or None
        The running fit's :class:`Trainer`, None outside a fit.

    Examples
    --------
    >>> from skneural.callbacks import Callback
    >>> class LossRatio(Callback):
    ...     def on_epoch_end(self, estimator, epoch, logs):
    ...         if "val_loss" in logs:
    ...             print(f"epoch {epoch}: val/train {logs['val_loss'] / logs['loss']:.2f}")
    ...         return False  # True would stop the fit
    """

    trainer = None

    def set_trainer(self, trainer):
        """Attach the running fit's :class:`Trainer` (None detaches it)."""
        self.trainer = trainer

    def on_fit_begin(self, estimator):
        """Called once before the first epoch; reset per-fit state here."""

    def on_epoch_end(self, estimator, epoch, logs):
        """Called after each epoch.

        Parameters
        ----------
        estimator : estimator instance
            The estimator being fitted.
        epoch : int
            The number of the epoch that just ended, counted from 1 over the
            estimator's whole training (``n_iter_`` after it).
        logs : dict
            Floats: ``loss``, ``learning_rate`` and, with held-out data,
            ``val_loss`` and ``val_score``.

        Returns
        -------
        stop : bool
            True to stop training after this epoch.
        """
        return False

    def on_fit_end(self, estimator):
        """Called once after the last epoch (also after an early stop)."""

    def __getstate__(self):
        # A pickled or cloned callback never carries a fit's trainer.
        state = self.__dict__.copy()
        state.pop("trainer", None)
        return state
