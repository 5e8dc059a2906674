import io
import pickle
import tarfile
import urllib.error

import numpy as np
import pytest

from skneural.datasets import _cifar, _fetch, fetch_cifar10


def add_member(archive, name, content):
    info = tarfile.TarInfo(f"cifar-10-batches-py/{name}")
    info.size = len(content)
    archive.addfile(info, io.BytesIO(content))


def write_cifar_tarball(path, batches):
    """A tarball in the layout of cifar-10-python.tar.gz: pickled dicts with
    bytes keys, ``data`` (n, 3072) uint8 in channel-major order and a list
    of ``labels``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz") as archive:
        for name, (data, labels) in batches.items():
            batch = {b"batch_label": name.encode(), b"data": data, b"labels": labels}
            add_member(archive, name, pickle.dumps(batch, protocol=2))


def tiny_batch(first_label, n=2):
    """``n`` images whose red, green and blue planes hold 1, 2 and 3 (plus
    the image index times 10) and labels from ``first_label``."""
    planes = np.repeat(np.arange(1, 4), 1024)
    data = np.stack([planes + 10 * i for i in range(n)]).astype(np.uint8)
    return data, list(range(first_label, first_label + n))


@pytest.fixture
def home(tmp_path):
    batches = {f"data_batch_{i}": tiny_batch(i) for i in range(1, 6)}
    batches["test_batch"] = tiny_batch(7, n=3)
    write_cifar_tarball(tmp_path / "cifar10" / "cifar-10-python.tar.gz", batches)
    return tmp_path


@pytest.mark.parametrize("subset, n_samples", [("train", 10), ("test", 3), ("all", 13)])
def test_subsets(home, subset, n_samples):
    bunch = fetch_cifar10(subset=subset, data_home=home)
    assert bunch.images.shape == (n_samples, 32, 32, 3)
    assert bunch.data.shape == (n_samples, 3072) and bunch.data.dtype == np.uint8
    assert len(bunch.feature_names) == 3072 and bunch.feature_names[:2] == [
        "pixel1_R", "pixel1_G"]
    assert bunch.target_names[0] == "airplane" and "CIFAR-10" in bunch.DESCR


def test_channels_last_and_labels_in_order(home):
    X, y = fetch_cifar10(subset="train", data_home=home, return_X_y=True)
    np.testing.assert_array_equal(X[0, :6], [1, 2, 3, 1, 2, 3])  # R, G, B per pixel
    np.testing.assert_array_equal(X[1, :3], [11, 12, 13])
    np.testing.assert_array_equal(y, [1, 2, 2, 3, 3, 4, 4, 5, 5, 6])


def test_download_checks_the_published_sha256(tmp_path, monkeypatch, home):
    tarball = (home / "cifar10" / "cifar-10-python.tar.gz").read_bytes()
    monkeypatch.setattr(_fetch.urllib.request, "urlopen", lambda url: io.BytesIO(tarball))
    with pytest.raises(FileNotFoundError, match=_cifar._CIFAR10.sha256):
        fetch_cifar10(data_home=tmp_path / "empty")
    assert not (tmp_path / "empty" / "cifar10" / "cifar-10-python.tar.gz").exists()


def test_offline_message_names_the_tarball(tmp_path, monkeypatch):
    def refuse(url):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(_fetch.urllib.request, "urlopen", refuse)
    with pytest.raises(FileNotFoundError, match="cifar-10-python.tar.gz"):
        fetch_cifar10(data_home=tmp_path)


def test_pickles_with_other_globals_are_refused(tmp_path):
    path = tmp_path / "cifar10" / "cifar-10-python.tar.gz"
    path.parent.mkdir()
    with tarfile.open(path, "w:gz") as archive:
        add_member(archive, "test_batch", pickle.dumps(print, protocol=2))
    with pytest.raises(pickle.UnpicklingError, match=r"hold no __builtin__\.print"):
        fetch_cifar10(subset="test", data_home=tmp_path)
