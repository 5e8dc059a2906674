"""Loaders of the real data sets of the classic texts, with scikit-learn's
conventions: ``data_home``, ``download_if_missing``, ``return_X_y``,
``as_frame`` and a :class:`~sklearn.utils.Bunch` with ``DESCR``."""

import csv
import os
from typing import NamedTuple

import numpy as np
from sklearn.utils import Bunch

from ..utils._docs import insert_docs
from ..utils._sklearn import StrOptions, validate_params
from . import _descr
from ._fetch import RemoteFile, fetch_files
from ._idx import read_idx

__all__ = [
    "fetch_california_housing_raw",
    "fetch_fashion_mnist",
    "fetch_font_colors",
    "fetch_mnist",
]

_FONT_COLORS = RemoteFile(
    "light_dark_font_training_set.csv",
    "https://raw.githubusercontent.com/thomasnield/machine-learning-demo-data/master/"
    "classification/light_dark_font_training_set.csv",
    "723f4e252467aa682bf76b6693a9af8cc3bfbcd324e82d3d3256a14f36d9130d",
)
_HOUSING = RemoteFile(
    "housing.csv",
    "https://raw.githubusercontent.com/ageron/handson-ml2/master/datasets/housing/housing.csv",
    "8a3727f4cf54ac1a327f69b1d5b4db54c5834ea81c6e4efc0d163300022a685e",
)


class _IdxDataset(NamedTuple):
    """Where an MNIST-like data set lives, locally and online."""

    subfolder: str
    url: str
    sha256: dict
    class_names: list
    descr: str


_MNIST = _IdxDataset(
    "mnist",
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    {
        "train-images-idx3-ubyte.gz":
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        "train-labels-idx1-ubyte.gz":
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        "t10k-images-idx3-ubyte.gz":
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        "t10k-labels-idx1-ubyte.gz":
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    },
    [str(digit) for digit in range(10)],
    _descr.MNIST,
)
_FASHION_MNIST = _IdxDataset(
    "fashion_mnist",
    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
    {
        "train-images-idx3-ubyte.gz":
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
        "train-labels-idx1-ubyte.gz":
            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
        "t10k-images-idx3-ubyte.gz":
            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
        "t10k-labels-idx1-ubyte.gz":
            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
    },
    ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
     "Bag", "Ankle boot"],
    _descr.FASHION_MNIST,
)
_SUBSETS = {"train": ["train"], "test": ["t10k"], "all": ["train", "t10k"]}

_COMMON = {
    "data_home": [str, os.PathLike, None],
    "download_if_missing": ["boolean"],
    "return_X_y": ["boolean"],
    "as_frame": ["boolean"],
}


_DOCS = {
    "subset": """\
subset : {'train', 'test', 'all'}, default='train'
    The training images, the test images, or both (training first).""",
    "fetch_parameters": """\
data_home : str or path-like, default=None
    Folder of the data sets; by default ``$SKNEURAL_DATA``, else
    ``~/skneural_data``.

download_if_missing : bool, default=True
    Download the files missing from ``data_home``; if False, raise a
    :class:`FileNotFoundError` instead.

return_X_y : bool, default=False
    Return ``(data, target)`` instead of a Bunch.""",
    "as_frame": """\
as_frame : bool, default=False
    Return pandas objects: ``data`` a DataFrame, ``target`` a Series, and
    ``frame`` both together.""",
}


def _to_bunch(data, target, *, feature_names, target_name, as_frame, return_X_y, **fields):
    """Bunch (or ``(X, y)``) from the features (an array, or a dict of
    columns of mixed types) and the target."""
    frame = None
    if as_frame:
        pd = _import_pandas()
        data = pd.DataFrame(data, columns=feature_names)
        target = pd.Series(target, name=target_name)
        frame = pd.concat([data, target], axis=1)
    elif isinstance(data, dict):
        data = np.column_stack([data[name] for name in feature_names])
    if return_X_y:
        return data, target
    return Bunch(data=data, target=target, frame=frame, feature_names=feature_names, **fields)


def _import_pandas():
    try:
        import pandas
    except ImportError as error:
        raise ImportError("as_frame=True needs pandas: pip install pandas") from error
    return pandas


@validate_params(_COMMON, prefer_skip_nested_validation=True)
@insert_docs(**_DOCS)
def fetch_font_colors(*, data_home=None, download_if_missing=True, return_X_y=False,
                      as_frame=False):
    """Load the font-colour data set (binary classification).

    1,345 background colours (RED, GREEN, BLUE in 0..255) labelled 1 when a
    light font reads better on them and 0 for a dark font. Read from
    ``data_home/font_colors/light_dark_font_training_set.csv``, downloaded
    there when missing.

    Parameters
    ----------
    {fetch_parameters}

    {as_frame}

    Returns
    -------
    data : :class:`~sklearn.utils.Bunch`
        ``data`` (1345, 3) colours, ``target`` (1345,) in {0, 1},
        ``feature_names``, ``target_names`` (``["dark", "light"]``),
        ``frame`` and ``DESCR``.

    (data, target) : tuple if ``return_X_y`` is True

    Examples
    --------
    >>> from skneural.datasets import fetch_font_colors
    >>> X, y = fetch_font_colors(return_X_y=True)  # doctest: +SKIP
    >>> X.shape, y.mean().round(3)  # doctest: +SKIP
    ((1345, 3), np.float64(0.619))
    """
    (path,) = fetch_files("font_colors", [_FONT_COLORS], data_home=data_home,
                          download_if_missing=download_if_missing)
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.int64)
    return _to_bunch(table[:, :3], table[:, 3], feature_names=["RED", "GREEN", "BLUE"],
                     target_name="LIGHT_OR_DARK_FONT_IND",
                     as_frame=as_frame, return_X_y=return_X_y,
                     target_names=np.array(["dark", "light"]), DESCR=_descr.FONT_COLORS)


@validate_params(_COMMON, prefer_skip_nested_validation=True)
@insert_docs(**_DOCS)
def fetch_california_housing_raw(*, data_home=None, download_if_missing=True,
                                 return_X_y=False, as_frame=True):
    """Load the raw California housing data set (regression), as in the
    textbooks: block-level totals, the categorical ``ocean_proximity`` and
    the missing values of ``total_bedrooms``.

    Unlike :func:`sklearn.datasets.fetch_california_housing` (per-household
    averages, no missing values, target in units of $100,000) this is the
    CSV to practise a :class:`~sklearn.compose.ColumnTransformer` with an
    imputer and a one-hot encoder on. Read from
    ``data_home/california_housing/housing.csv``, downloaded when missing.

    Parameters
    ----------
    {fetch_parameters}

    as_frame : bool, default=True
        Return pandas objects (the default here, since the columns have
        mixed types). With False, ``data`` is an object array.

    Returns
    -------
    data : :class:`~sklearn.utils.Bunch`
        ``data`` (20640, 9): 8 numeric columns (NaN where
        ``total_bedrooms`` is missing) and ``ocean_proximity``; ``target``
        the median house value in dollars; ``feature_names``,
        ``target_names``, ``frame`` and ``DESCR``.

    (data, target) : tuple if ``return_X_y`` is True

    Examples
    --------
    >>> from skneural.datasets import fetch_california_housing_raw
    >>> X, y = fetch_california_housing_raw(return_X_y=True)  # doctest: +SKIP
    >>> X["total_bedrooms"].isna().sum(), X["ocean_proximity"].nunique()  # doctest: +SKIP
    (np.int64(207), 5)
    """
    columns, target = _read_housing(data_home, download_if_missing)
    return _to_bunch(columns, target, feature_names=list(columns),
                     target_name="median_house_value", as_frame=as_frame,
                     return_X_y=return_X_y, target_names=["median_house_value"],
                     DESCR=_descr.CALIFORNIA_HOUSING_RAW)


def _read_housing(data_home, download_if_missing):
    """The columns of ``housing.csv`` by name (floats, NaN where missing, and
    the ``ocean_proximity`` strings) and the median house values."""
    (path,) = fetch_files("california_housing", [_HOUSING], data_home=data_home,
                          download_if_missing=download_if_missing)
    with open(path, newline="") as f:
        header, *rows = list(csv.reader(f))
    values = dict(zip(header, zip(*rows)))
    target = np.array([float(v) for v in values.pop("median_house_value")])
    categories = np.array(values.pop("ocean_proximity"), dtype=object)
    columns = {name: np.array([float(v or "nan") for v in column])
               for name, column in values.items()}
    columns["ocean_proximity"] = categories
    return columns, target


CALIFORNIA_FEATURES = ["MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population",
                       "AveOccup", "Latitude", "Longitude"]


@validate_params(_COMMON, prefer_skip_nested_validation=True)
@insert_docs(**_DOCS)
def fetch_california_housing(*, data_home=None, download_if_missing=True,
                             return_X_y=False, as_frame=False):
    """Load the California housing data set with scikit-learn's 8 features.

    The per-household averages of :func:`sklearn.datasets.fetch_california_housing`
    (MedInc, HouseAge, AveRooms, AveBedrms, Population, AveOccup, Latitude,
    Longitude; target in units of $100,000), derived from the raw
    ``housing.csv`` of :func:`fetch_california_housing_raw`, so that the
    textbooks' California experiments run offline. ``AveBedrms`` is NaN for
    the 207 block groups whose bedroom count the CSV lacks: impute it (e.g.
    with :class:`~sklearn.impute.SimpleImputer`).

    Parameters
    ----------
    {fetch_parameters}

    {as_frame}

    Returns
    -------
    data : :class:`~sklearn.utils.Bunch`
        ``data`` (20640, 8), ``target`` (20640,), ``feature_names``,
        ``target_names``, ``frame`` and ``DESCR``.

    (data, target) : tuple if ``return_X_y`` is True

    Examples
    --------
    >>> from skneural.datasets import fetch_california_housing
    >>> X, y = fetch_california_housing(return_X_y=True)  # doctest: +SKIP
    >>> X.shape, round(float(y.max()), 5)  # doctest: +SKIP
    ((20640, 8), 5.00001)
    """
    column, target = _read_housing(data_home, download_if_missing)
    households = column["households"]
    X = np.column_stack([
        column["median_income"],
        column["housing_median_age"],
        column["total_rooms"] / households,
        column["total_bedrooms"] / households,
        column["population"],
        column["population"] / households,
        column["latitude"],
        column["longitude"],
    ])
    return _to_bunch(X, target / 100_000, feature_names=CALIFORNIA_FEATURES,
                     target_name="MedHouseVal", as_frame=as_frame, return_X_y=return_X_y,
                     target_names=["MedHouseVal"], DESCR=_descr.CALIFORNIA_HOUSING)


_IDX_PARAMS = {**_COMMON, "subset": [StrOptions(set(_SUBSETS))]}


@validate_params(_IDX_PARAMS, prefer_skip_nested_validation=True)
@insert_docs(**_DOCS)
def fetch_mnist(*, subset="train", data_home=None, download_if_missing=True,
                return_X_y=False, as_frame=False):
    """Load the MNIST handwritten digits (classification, 10 classes).

    28x28 grey images with pixels in 0..255, flattened to 784 features:
    60,000 for training and 10,000 for testing. Read from the four IDX
    ``.gz`` files in ``data_home/mnist``, downloaded there when missing.

    Parameters
    ----------
    {subset}

    {fetch_parameters}

    {as_frame}

    Returns
    -------
    data : :class:`~sklearn.utils.Bunch`
        ``data`` (n_samples, 784) of uint8 (divide by 255 to scale to
        [0, 1]), ``target`` (n_samples,) digits, ``images`` (n_samples, 28,
        28), ``feature_names``, ``target_names``, ``frame`` and ``DESCR``.

    (data, target) : tuple if ``return_X_y`` is True

    See Also
    --------
    fetch_fashion_mnist : The same format with pictures of clothes.

    Examples
    --------
    >>> from skneural.datasets import fetch_mnist
    >>> X, y = fetch_mnist(subset="test", return_X_y=True)  # doctest: +SKIP
    >>> X.shape, X.dtype, y[:5]  # doctest: +SKIP
    ((10000, 784), dtype('uint8'), array([7, 2, 1, 0, 4]))
    """
    return _fetch_idx(_MNIST, subset, data_home, download_if_missing, return_X_y, as_frame)


@validate_params(_IDX_PARAMS, prefer_skip_nested_validation=True)
@insert_docs(**_DOCS)
def fetch_fashion_mnist(*, subset="train", data_home=None, download_if_missing=True,
                        return_X_y=False, as_frame=False):
    """Load Fashion-MNIST, Zalando's pictures of clothes (10 classes).

    A drop-in replacement for MNIST, harder to classify: 28x28 grey images
    with pixels in 0..255, flattened to 784 features, 60,000 for training
    and 10,000 for testing. Read from the four IDX ``.gz`` files in
    ``data_home/fashion_mnist``, downloaded there when missing.

    Parameters
    ----------
    {subset}

    {fetch_parameters}

    {as_frame}

    Returns
    -------
    data : :class:`~sklearn.utils.Bunch`
        ``data`` (n_samples, 784) of uint8, ``target`` (n_samples,) class
        indices, ``images`` (n_samples, 28, 28), ``feature_names``,
        ``target_names`` (the clothes), ``frame`` and ``DESCR``.

    (data, target) : tuple if ``return_X_y`` is True

    See Also
    --------
    fetch_mnist : The handwritten digits.

    Examples
    --------
    >>> from skneural.datasets import fetch_fashion_mnist
    >>> bunch = fetch_fashion_mnist(subset="test")  # doctest: +SKIP
    >>> bunch.target_names[bunch.target[0]]  # doctest: +SKIP
    'Ankle boot'
    """
    return _fetch_idx(_FASHION_MNIST, subset, data_home, download_if_missing, return_X_y,
                      as_frame)


def _fetch_idx(dataset, subset, data_home, download_if_missing, return_X_y, as_frame):
    """Images and labels of an MNIST-like data set in IDX files."""
    names = [f"{prefix}-{kind}" for prefix in _SUBSETS[subset]
             for kind in ("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz")]
    remote = [RemoteFile(name, dataset.url + name, dataset.sha256[name]) for name in names]
    paths = fetch_files(dataset.subfolder, remote, data_home=data_home,
                        download_if_missing=download_if_missing)
    images = np.concatenate([read_idx(path) for path in paths[0::2]])
    target = np.concatenate([read_idx(path) for path in paths[1::2]]).astype(np.int64)
    feature_names = [f"pixel{i + 1}" for i in range(images[0].size)]
    return _to_bunch(images.reshape(len(images), -1), target, feature_names=feature_names,
                     target_name="class", as_frame=as_frame, return_X_y=return_X_y,
                     target_names=np.array(dataset.class_names), images=images,
                     DESCR=dataset.descr)
