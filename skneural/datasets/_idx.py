"""Reading the IDX files of MNIST and Fashion-MNIST."""

import gzip
from pathlib import Path

import numpy as np

__all__ = ["read_idx"]

# The third byte of the magic number names the element type.
_IDX_DTYPES = {
    0x08: np.uint8,
    0x09: np.int8,
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}


def read_idx(path):
    """Read an IDX file (optionally gzip-compressed) into an array.

    Parameters
    ----------
    path : str or path-like
        The file, e.g. ``train-images-idx3-ubyte.gz``.

    Returns
    -------
    array : ndarray
        Of the shape and element type stored in the file's header.

    Examples
    --------
    >>> import gzip, tempfile, os
    >>> import numpy as np
    >>> from skneural.datasets import read_idx
    >>> header = bytes([0, 0, 0x08, 2]) + (2).to_bytes(4, "big") + (3).to_bytes(4, "big")
    >>> path = os.path.join(tempfile.mkdtemp(), "tiny-idx2-ubyte.gz")
    >>> with gzip.open(path, "wb") as f:
    ...     _ = f.write(header + bytes(range(6)))
    >>> read_idx(path)
    array([[0, 1, 2],
           [3, 4, 5]], dtype=uint8)
    """
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in _IDX_DTYPES:
        raise ValueError(f"{path} is not an IDX file (bad magic number).")
    dtype = np.dtype(_IDX_DTYPES[data[2]])
    n_dims = data[3]
    header_end = 4 + 4 * n_dims
    shape = tuple(
        int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(n_dims)
    )
    expected = header_end + int(np.prod(shape)) * dtype.itemsize
    if len(data) != expected:
        raise ValueError(
            f"{path} is truncated or corrupt: expected {expected} bytes for shape "
            f"{shape}, found {len(data)}."
        )
    return np.frombuffer(data, dtype=dtype, offset=header_end).reshape(shape).astype(
        dtype.newbyteorder("="), copy=False
    )
