"""Parameter documentation shared by the Keras estimators, written once.

:func:`fill_doc` replaces a line holding only ``{name}`` in a class
docstring with the section ``name`` of :data:`SECTIONS`.
"""

import textwrap

__all__ = ["fill_doc"]

SECTIONS = {
    "mlp": """\
hidden_layer_sizes : array-like of shape (n_layers - 2,), default=(100,)
    The ith element is the number of units in the ith hidden layer.

activation : str, default='relu'
    Activation of the hidden units: any Keras activation name ('relu',
    'tanh', 'sigmoid', 'elu', 'leaky_relu', ...).

alpha : float, default=0.0001
    Strength of the L2 penalty on the weights, divided by the batch size as
    in scikit-learn (the Keras ``L2`` factor is ``alpha / (2 * batch)``).

batch_size : int, default=200
    Size of the training mini-batches, at most the number of samples (so
    the default behaves as scikit-learn's ``'auto'``). Predictions are
    computed 4,096 rows at a time, whatever this is.

learning_rate_init : float, default=0.001
    The learning rate of the optimiser.

max_iter : int, default=200
    Maximum number of epochs.

tol : float, default=1e-4
    Training stops when the training loss (or with early stopping the
    held-out loss) has not improved by at least ``tol`` for
    ``n_iter_no_change`` epochs.

dropout : float, default=0.0
    Fraction of the hidden units dropped at each training step (Keras's
    inverted dropout; nothing changes at prediction time).""",
    "network": """\
activation : str, default='relu'
    Activation of the hidden units: any Keras activation name ('relu',
    'tanh', 'sigmoid', 'elu', 'leaky_relu', ...).

dropout : float, default=0.0
    Fraction of the hidden units dropped at each training step (Keras's
    inverted dropout; nothing changes at prediction time).""",
    "optimizer": """\
optimizer : {'adam', 'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax', \
'nadam', 'adamw'}, keras Optimizer class or instance, default='adam'
    The weight optimiser. A name or a class is built with the learning
    rate and the routed ``optimizer__*`` parameters (e.g.
    ``optimizer__momentum=0.9``); an instance keeps its own settings and is
    copied afresh for every fit.""",
    "stopping": """\
early_stopping : bool, default=False
    Whether to hold out ``validation_fraction`` of the training data
    (stratified for single-output classification) and stop when its loss
    has not improved for ``n_iter_no_change`` epochs. ``history_`` then
    holds ``val_loss`` (and ``val_`` metrics) per epoch.

validation_fraction : float, default=0.1
    Proportion of the training data held out for early stopping.

n_iter_no_change : int, default=10
    Number of epochs without improvement before stopping.""",
    "common": """\
random_state : int, RandomState instance or None, default=None
    Seeds the weight initialisation, dropout, the early-stopping split and
    the shuffling of the batches, all drawn from one ``check_random_state``
    per fit: an int gives identical models on every fit, a RandomState
    instance a new seed at each fit. No global random state is changed
    beyond the fit.

verbose : int, default=0
    Keras's verbosity: 0 silent, 1 a progress bar, 2 one line per epoch.

metrics : list or None, default=None
    Keras metrics (names such as ``'accuracy'`` or ``'mae'``, or objects)
    recorded per epoch in ``history_`` besides the loss.

callbacks : list of skneural or keras Callback, or None, default=None
    Callbacks run during the fit, of either kind side by side.
    ``skneural.callbacks.Callback`` objects (``EarlyStopping``, the
    learning-rate schedules, ``ModelCheckpoint``, your own) get the hooks
    and logs they get from the NumPy estimators: after every epoch
    ``loss``, ``learning_rate``, the Keras metrics and, with early
    stopping, ``val_loss`` and ``val_score``; any of them can stop the fit.
    They run after the Keras callbacks (instances or classes, routed as in
    SciKeras with ``callbacks__*``).

run_eagerly : bool, default=False
    Run the training steps eagerly instead of tracing them into a
    TensorFlow graph: slower per batch but without the tracing cost of
    each fit, so faster on tiny data (and easier to debug).

warm_start : bool, default=False
    Whether ``fit`` keeps training the model of the previous fit (with a
    fresh ``history_``) instead of building a new one. ``partial_fit``
    always trains the current model for one more epoch.

distribution_strategy : tf.distribute.Strategy or None, default=None
    A TensorFlow distribution strategy (e.g. ``MirroredStrategy()`` for
    several GPUs); the model is built, compiled and trained under its
    scope. Clones share it; a pickled estimator drops it.

**kwargs : dict
    Routed parameters, as in :class:`~skneural.keras.BaseWrapper`:
    ``model__*`` (passed to every hidden ``Dense`` layer, e.g.
    ``model__kernel_regularizer``), ``optimizer__*``, ``compile__*``,
    ``fit__*``, ``predict__*``, ``callbacks__*``.""",
    "attributes": """\
model_ : keras.Model
    The trained Keras model (save it with ``model_.save('name.keras')``).

history_ : dict of list
    Per epoch: ``loss``, the metrics, and with early stopping ``val_loss``
    and the ``val_`` metrics.

n_iter_ : int
    Number of epochs run.

n_features_in_ : int
    Number of features seen during :term:`fit`.

feature_names_in_ : ndarray of shape (`n_features_in_`,)
    Names of features seen during :term:`fit`. Defined only when `X`
    has feature names that are all strings.

n_outputs_ : int
    Number of targets (regression) or label columns (classification).""",
    "classifier_attributes": """\
classes_ : ndarray of shape (n_classes,)
    The class labels.

n_classes_ : int
    Number of classes.""",
    "class_weight": """\
class_weight : dict, 'balanced' or None, default=None
    Weights of the classes, ``{label: weight}``, or 'balanced' for weights
    inversely proportional to the class frequencies; multiplied into
    ``sample_weight``.""",
}


def _indent(text):
    return textwrap.indent(text, "    ", lambda line: line.strip() != "")


def fill_doc(cls):
    """Splice the shared sections into ``cls.__doc__``."""
    doc = cls.__doc__
    for name, text in SECTIONS.items():
        doc = doc.replace(f"    {{{name}}}\n", _indent(text) + "\n")
    cls.__doc__ = doc
    return cls
