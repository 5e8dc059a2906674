"""Functions that build the (uncompiled) Keras networks of our estimators.

Every layer gets an explicit seed from ``next_seed``, so building a network
reads no global random state.
"""

import keras
from keras import layers, ops

__all__ = ["ClippedStandardization", "build_mlp", "build_wide_deep"]


@keras.saving.register_keras_serializable(package="skneural")
class ClippedStandardization(layers.Layer):
    """Select columns, clip each to ``[lower, upper]``, then standardise.

    The bounds, means and scales are learnt by the estimator on its training
    data and stored in the layer's config, so a saved ``.keras`` model
    carries its own preprocessing.

    Parameters
    ----------
    columns : list of int
        The input columns to keep, in order.

    lower, upper, mean, scale : list of float
        Per selected column: the clipping range, then the mean and standard
        deviation of the clipped training data.
    """

    def __init__(self, columns, lower, upper, mean, scale, **kwargs):
        super().__init__(**kwargs)
        self.columns = [int(column) for column in columns]
        self.lower, self.upper = list(map(float, lower)), list(map(float, upper))
        self.mean, self.scale = list(map(float, mean)), list(map(float, scale))

    def call(self, inputs):
        selected = inputs
        if self.columns != list(range(inputs.shape[-1])):
            selected = ops.take(inputs, self.columns, axis=1)
        clipped = ops.minimum(ops.maximum(selected, self.lower), self.upper)
        return (clipped - ops.convert_to_tensor(self.mean)) / ops.convert_to_tensor(self.scale)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], len(self.columns))

    def get_config(self):
        return {
            **super().get_config(), "columns": self.columns, "lower": self.lower,
            "upper": self.upper, "mean": self.mean, "scale": self.scale,
        }


def dense_stack(x, hidden_layer_sizes, *, activation, dropout, next_seed, **layer_kwargs):
    """Hidden Dense layers (Glorot-uniform weights), each followed by dropout."""
    for units in hidden_layer_sizes:
        x = layers.Dense(
            units, activation=activation,
            kernel_initializer=keras.initializers.GlorotUniform(seed=next_seed()),
            **layer_kwargs,
        )(x)
        if dropout > 0:
            x = layers.Dropout(dropout, seed=next_seed())(x)
    return x


def output_layer(n_outputs, activation, next_seed, name=None, kernel_regularizer=None):
    """The linear (or sigmoid/softmax) output layer."""
    return layers.Dense(
        n_outputs, activation=activation, name=name,
        kernel_initializer=keras.initializers.GlorotUniform(seed=next_seed()),
        kernel_regularizer=kernel_regularizer,
    )


def build_mlp(n_features, n_outputs, output_activation, *, hidden_layer_sizes,
              activation, dropout, next_seed, **layer_kwargs):
    """A Sequential-style multi-layer perceptron."""
    inputs = keras.Input((n_features,))
    hidden = dense_stack(
        inputs, hidden_layer_sizes, activation=activation, dropout=dropout,
        next_seed=next_seed, **layer_kwargs,
    )
    outputs = output_layer(
        n_outputs, output_activation, next_seed,
        kernel_regularizer=layer_kwargs.get("kernel_regularizer"),
    )(hidden)
    return keras.Model(inputs, outputs)


def build_wide_deep(n_features, n_outputs, output_activation, *, wide, deep,
                    hidden_layer_sizes, activation, dropout, combine, auxiliary,
                    next_seed, **layer_kwargs):
    """Wide & Deep (Cheng et al., 2016) over one input of ``n_features``.

    ``wide`` and ``deep`` are the :class:`ClippedStandardization` layers of
    the two paths. The wide path goes straight to the output; the deep path
    through the hidden layers. ``combine='concat'`` joins both before one
    output layer, ``'sum'`` adds a linear output of each. With
    ``auxiliary=True`` a second output (named ``'aux'``) reads the deep path
    alone.
    """
    inputs = keras.Input((n_features,))
    wide_x = wide(inputs)
    deep_x = dense_stack(
        deep(inputs), hidden_layer_sizes, activation=activation, dropout=dropout,
        next_seed=next_seed, **layer_kwargs,
    )
    if combine == "concat":
        joined = layers.Concatenate()([wide_x, deep_x])
        main = output_layer(n_outputs, output_activation, next_seed, name="main")(joined)
    else:
        summed = layers.Add()([
            output_layer(n_outputs, None, next_seed)(wide_x),
            output_layer(n_outputs, None, next_seed)(deep_x),
        ])
        main = layers.Activation(output_activation or "linear", name="main")(summed)
    if not auxiliary:
        return keras.Model(inputs, main)
    aux = output_layer(n_outputs, output_activation, next_seed, name="aux")(deep_x)
    return keras.Model(inputs, [main, aux])
