"""The CIFAR-10 loader: the python tarball of the dataset's authors, read
without extracting it."""

import pickle
import tarfile

import numpy as np

from ..utils._docs import insert_docs
from ..utils._sklearn import StrOptions, validate_params
from . import _descr
from ._fetch import RemoteFile, fetch_files
from ._loaders import _COMMON, _DOCS, _to_bunch

__all__ = ["fetch_cifar10"]

_CIFAR10 = RemoteFile(
    "cifar-10-python.tar.gz",
    "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
    "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
)
_BATCHES = {
    "train": [f"data_batch_{i}" for i in range(1, 6)],
    "test": ["test_batch"],
}
_BATCHES["all"] = _BATCHES["train"] + _BATCHES["test"]
CIFAR10_CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
                   "ship", "truck"]


class _ArrayUnpickler(pickle.Unpickler):
    """Unpickles the batches' dicts of NumPy arrays, lists and bytes, and
    refuses every other global a pickle could ask for."""

    # The authors pickled with NumPy 1 (numpy.core), NumPy 2 says numpy._core;
    # Python 3's protocol 2 writes bytes through _codecs.encode.
    _ALLOWED = {("numpy.core.multiarray", "_reconstruct"),
                ("numpy._core.multiarray", "_reconstruct"),
                ("numpy", "ndarray"), ("numpy", "dtype"), ("_codecs", "encode")}

    def find_class(self, module, name):
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"CIFAR-10 batches hold no {module}.{name}")


def _read_batches(path, names):
    """Images (n, 32, 32, 3) and labels of the batches ``names`` of the tarball."""
    images, labels = [], []
    with tarfile.open(path, "r:gz") as archive:
        for name in names:
            with archive.extractfile(f"cifar-10-batches-py/{name}") as f:
                batch = _ArrayUnpickler(f, encoding="bytes").load()
            images.append(np.asarray(batch[b"data"], dtype=np.uint8).reshape(-1, 3, 32, 32))
            labels.append(np.asarray(batch[b"labels"], dtype=np.int64))
    return np.concatenate(images).transpose(0, 2, 3, 1), np.concatenate(labels)


@validate_params({**_COMMON, "subset": [StrOptions(set(_BATCHES))]},
                 prefer_skip_nested_validation=True)
@insert_docs(**_DOCS)
def fetch_cifar10(*, subset="train", data_home=None, download_if_missing=True,
                  return_X_y=False, as_frame=False):
    """Load CIFAR-10, small colour photographs in 10 classes.

    32x32 RGB images with values in 0..255, flattened (row, column, channel)
    to 3,072 features: 50,000 for training and 10,000 for testing. Read from
    the authors' python tarball ``data_home/cifar10/cifar-10-python.tar.gz``
    (163 MB), downloaded there when missing.

    Parameters
    ----------
    {subset}

    {fetch_parameters}

    {as_frame}

    Returns
    -------
    data : :class:`~sklearn.utils.Bunch`
        ``data`` (n_samples, 3072) of uint8, ``target`` (n_samples,) class
        indices, ``images`` (n_samples, 32, 32, 3), ``feature_names``,
        ``target_names`` (the classes), ``frame`` and ``DESCR``.

    (data, target) : tuple if ``return_X_y`` is True

    See Also
    --------
    fetch_mnist : Grey handwritten digits, 28x28.

    Examples
    --------
    >>> from skneural.datasets import fetch_cifar10
    >>> bunch = fetch_cifar10(subset="test")  # doctest: +SKIP
    >>> bunch.images.shape, bunch.target_names[bunch.target[0]]  # doctest: +SKIP
    ((10000, 32, 32, 3), 'cat')
    """
    (path,) = fetch_files("cifar10", [_CIFAR10], data_home=data_home,
                          download_if_missing=download_if_missing)
    images, target = _read_batches(path, _BATCHES[subset])
    feature_names = [f"pixel{i + 1}_{channel}" for i in range(32 * 32) for channel in "RGB"]
    return _to_bunch(images.reshape(len(images), -1), target, feature_names=feature_names,
                     target_name="class", as_frame=as_frame, return_X_y=return_X_y,
                     target_names=np.array(CIFAR10_CLASSES), images=images,
                     DESCR=_descr.CIFAR10)
