import gzip
import hashlib
import io
import urllib.error

import numpy as np
import pytest

from skneural.datasets import (
    fetch_california_housing_raw,
    fetch_fashion_mnist,
    fetch_font_colors,
    fetch_mnist,
    get_data_home,
)
from skneural.datasets import _fetch, _loaders

HOUSING_CSV = (
    "longitude,latitude,housing_median_age,total_rooms,total_bedrooms,population,"
    "households,median_income,median_house_value,ocean_proximity\n"
    "-122.23,37.88,41.0,880.0,129.0,322.0,126.0,8.3252,452600.0,NEAR BAY\n"
    "-121.5,38.0,20.0,100.0,,50.0,20.0,2.5,100000.0,INLAND\n"
)


def write_idx(path, array):
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        n.to_bytes(4, "big") for n in array.shape
    )
    with gzip.open(path, "wb") as f:
        f.write(header + array.astype(np.uint8).tobytes())


@pytest.fixture
def home(tmp_path):
    """A data_home with tiny files in the layout of the real one."""
    (tmp_path / "font_colors").mkdir()
    (tmp_path / "font_colors" / "light_dark_font_training_set.csv").write_text(
        "RED,GREEN,BLUE,LIGHT_OR_DARK_FONT_IND\n0,0,0,1\n255,255,255,0\n0,0,128,1\n"
    )
    (tmp_path / "california_housing").mkdir()
    (tmp_path / "california_housing" / "housing.csv").write_text(HOUSING_CSV)
    for folder in ("mnist", "fashion_mnist"):
        (tmp_path / folder).mkdir()
        for prefix, n in (("train", 3), ("t10k", 2)):
            images = np.arange(n * 4).reshape(n, 2, 2) + (100 if prefix == "t10k" else 0)
            write_idx(tmp_path / folder / f"{prefix}-images-idx3-ubyte.gz", images)
            write_idx(tmp_path / folder / f"{prefix}-labels-idx1-ubyte.gz", np.arange(n) + 1)
    return tmp_path


@pytest.fixture
def offline(monkeypatch):
    def refuse(url):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(_fetch.urllib.request, "urlopen", refuse)


def test_font_colors_from_data_home(home):
    bunch = fetch_font_colors(data_home=home)
    np.testing.assert_array_equal(bunch.data, [[0, 0, 0], [255, 255, 255], [0, 0, 128]])
    np.testing.assert_array_equal(bunch.target, [1, 0, 1])
    assert bunch.feature_names == ["RED", "GREEN", "BLUE"]
    assert list(bunch.target_names) == ["dark", "light"]
    assert bunch.frame is None and "Font-colour" in bunch.DESCR


def test_font_colors_as_frame(home):
    pd = pytest.importorskip("pandas")
    bunch = fetch_font_colors(data_home=home, as_frame=True)
    assert isinstance(bunch.data, pd.DataFrame)
    assert list(bunch.frame.columns) == ["RED", "GREEN", "BLUE", "LIGHT_OR_DARK_FONT_IND"]
    X, y = fetch_font_colors(data_home=home, as_frame=True, return_X_y=True)
    assert y.tolist() == [1, 0, 1]


def test_california_housing_raw_keeps_categories_and_missing_values(home):
    pytest.importorskip("pandas")
    X, y = fetch_california_housing_raw(data_home=home, return_X_y=True)
    assert X.shape == (2, 9)
    assert X["total_bedrooms"].isna().tolist() == [False, True]
    assert X["ocean_proximity"].tolist() == ["NEAR BAY", "INLAND"]
    assert y.tolist() == [452600.0, 100000.0]


def test_california_housing_raw_as_array(home):
    bunch = fetch_california_housing_raw(data_home=home, as_frame=False)
    assert bunch.data.dtype == object and bunch.data.shape == (2, 9)
    assert bunch.data[1, 8] == "INLAND" and np.isnan(bunch.data[1, 4])
    assert bunch.feature_names[-1] == "ocean_proximity"


@pytest.mark.parametrize("fetch", [fetch_mnist, fetch_fashion_mnist])
@pytest.mark.parametrize("subset, labels", [("train", [1, 2, 3]), ("test", [1, 2]),
                                            ("all", [1, 2, 3, 1, 2])])
def test_idx_subsets(home, fetch, subset, labels):
    bunch = fetch(subset=subset, data_home=home)
    assert bunch.data.shape == (len(labels), 4)
    assert bunch.images.shape == (len(labels), 2, 2)
    np.testing.assert_array_equal(bunch.target, labels)
    np.testing.assert_array_equal(bunch.data, bunch.images.reshape(len(labels), -1))
    assert bunch.feature_names == ["pixel1", "pixel2", "pixel3", "pixel4"]
    assert len(bunch.target_names) == 10


def test_fashion_names_and_return_X_y(home):
    assert fetch_fashion_mnist(data_home=home).target_names[9] == "Ankle boot"
    X, y = fetch_mnist(subset="test", data_home=home, return_X_y=True)
    assert X[0, 0] == 100 and X.dtype == np.uint8


def test_bad_subset_is_rejected(home):
    with pytest.raises(ValueError, match="subset"):
        fetch_mnist(subset="validation", data_home=home)


def test_data_home_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("SKNEURAL_DATA", str(tmp_path))
    assert get_data_home() == tmp_path
    monkeypatch.delenv("SKNEURAL_DATA")
    assert get_data_home().name == "skneural_data"


def test_reads_data_home_from_the_environment(monkeypatch, home):
    monkeypatch.setenv("SKNEURAL_DATA", str(home))
    assert fetch_font_colors().data.shape == (3, 3)


def test_offline_without_files_says_where_to_put_them(tmp_path, offline):
    with pytest.raises(FileNotFoundError) as error:
        fetch_mnist(data_home=tmp_path)
    message = str(error.value)
    assert str(tmp_path / "mnist") in message
    assert "train-images-idx3-ubyte.gz" in message and "no network" in message
    assert "SKNEURAL_DATA" in message


def test_download_if_missing_false(tmp_path):
    with pytest.raises(FileNotFoundError, match="download_if_missing=False"):
        fetch_font_colors(data_home=tmp_path, download_if_missing=False)


def remote_for(tmp_path, content, sha256=None):
    source = tmp_path / "server" / "file.csv"
    source.parent.mkdir()
    source.write_bytes(content)
    digest = sha256 or hashlib.sha256(content).hexdigest()
    return _fetch.RemoteFile("file.csv", source.as_uri(), digest)


def test_download_from_a_file_url_checks_the_sha256(tmp_path):
    remote = remote_for(tmp_path, b"a,b\n1,2\n")
    (path,) = _fetch.fetch_files("sub", [remote], data_home=tmp_path / "home")
    assert path.read_bytes() == b"a,b\n1,2\n"
    assert [p.name for p in path.parent.iterdir()] == ["file.csv"]


def test_corrupt_download_is_discarded(tmp_path):
    remote = remote_for(tmp_path, b"tampered", sha256="0" * 64)
    with pytest.raises(FileNotFoundError, match="SHA-256") as error:
        _fetch.fetch_files("sub", [remote], data_home=tmp_path / "home")
    assert "expected " + "0" * 64 in str(error.value)
    assert list((tmp_path / "home" / "sub").iterdir()) == []


def test_loader_downloads_the_public_file(tmp_path, monkeypatch, data_home):
    """Serve the real files in place of the network: the checksums must match."""
    served = []

    def serve(url):
        served.append(url)
        name = url.rsplit("/", 1)[1]
        folder = "font_colors" if name.startswith("light") else "california_housing"
        return io.BytesIO((data_home / folder / name).read_bytes())

    monkeypatch.setattr(_fetch.urllib.request, "urlopen", serve)
    assert fetch_font_colors(data_home=tmp_path).data.shape == (1345, 3)
    assert served == [_loaders._FONT_COLORS.url]
    pytest.importorskip("pandas")
    assert fetch_california_housing_raw(data_home=tmp_path).data.shape == (20640, 9)
    assert (tmp_path / "california_housing" / "housing.csv").is_file()


@pytest.mark.slow
def test_real_data(data_home):
    pytest.importorskip("pandas")
    X, y = fetch_mnist(subset="test", data_home=data_home, return_X_y=True)
    assert X.shape == (10000, 784) and X.max() == 255
    np.testing.assert_array_equal(y[:5], [7, 2, 1, 0, 4])
    font = fetch_font_colors(data_home=data_home)
    assert np.bincount(font.target).tolist() == [512, 833]
    housing = fetch_california_housing_raw(data_home=data_home)
    assert housing.data["total_bedrooms"].isna().sum() == 207
    assert sorted(housing.data["ocean_proximity"].unique()) == [
        "<1H OCEAN", "INLAND", "ISLAND", "NEAR BAY", "NEAR OCEAN"]
