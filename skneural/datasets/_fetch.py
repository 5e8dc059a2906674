"""Finding data files in ``data_home``, and downloading them with a checksum."""

import hashlib
import os
import shutil
import urllib.request
from pathlib import Path
from typing import NamedTuple

__all__ = ["RemoteFile", "fetch_files", "get_data_home"]


class RemoteFile(NamedTuple):
    """A public data file: its name, where to download it, its SHA-256."""

    filename: str
    url: str
    sha256: str


def get_data_home(data_home=None):
    """The folder where skneural looks for (and downloads) data sets.

    Parameters
    ----------
    data_home : str or path-like, default=None
        The folder. By default the environment variable ``SKNEURAL_DATA``,
        else ``~/skneural_data``.

    Returns
    -------
    data_home : pathlib.Path
        The folder, with ``~`` expanded. It is not created.

    Examples
    --------
    >>> from skneural.datasets import get_data_home
    >>> str(get_data_home("/tmp/my_data"))
    '/tmp/my_data'
    """
    if data_home is None:
        data_home = os.environ.get("SKNEURAL_DATA", Path("~") / "skneural_data")
    return Path(data_home).expanduser()


def fetch_files(subfolder, remote_files, *, data_home=None, download_if_missing=True):
    """Paths of ``remote_files`` in ``data_home/subfolder``, downloading the
    missing ones.

    Files already there are trusted; downloads are checked against their
    SHA-256 before they are moved into place.

    Raises
    ------
    FileNotFoundError
        When a file is missing and cannot be downloaded; the message says
        where to put it.
    """
    folder = get_data_home(data_home) / subfolder
    missing = [remote for remote in remote_files if not (folder / remote.filename).is_file()]
    if missing and not download_if_missing:
        raise FileNotFoundError(
            _where_to_put(folder, missing, "download_if_missing=False")
        )
    for remote in missing:
        try:
            _download(remote, folder)
        except OSError as error:
            reason = f"downloading {remote.url} failed ({error})"
            raise FileNotFoundError(_where_to_put(folder, missing, reason)) from error
    return [folder / remote.filename for remote in remote_files]


def _where_to_put(folder, missing, reason):
    files = "\n".join(f"  {remote.filename}  (from {remote.url})" for remote in missing)
    return (
        f"Data files not found in {folder} and {reason}. Put these files there:\n"
        f"{files}\nor pass data_home= (or set the SKNEURAL_DATA environment variable) "
        "to the folder that holds them."
    )


def _download(remote, folder):
    """Download ``remote`` into ``folder`` after checking its SHA-256."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (remote.filename + ".part")
    try:
        with urllib.request.urlopen(remote.url) as response, open(partial, "wb") as out:
            shutil.copyfileobj(response, out)
        digest = _sha256(partial)
        if digest != remote.sha256:
            raise OSError(
                f"{remote.url} has SHA-256 {digest}, expected {remote.sha256}: the "
                "download is corrupt or the file changed; it was discarded"
            )
        os.replace(partial, folder / remote.filename)
    finally:
        partial.unlink(missing_ok=True)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
