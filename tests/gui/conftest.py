"""Fixtures the GUI tests share."""

import pytest

from explorer_helpers import classic_model_path


@pytest.fixture(scope="session")
def model_path(tmp_path_factory):
    """The mnist-classic model file (bundled, or trained once for the whole session)."""
    return classic_model_path(tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="session", autouse=True)
def user_data_folder(tmp_path_factory):
    """The app's data folder (where my digits live) in a temporary folder, never the user's own."""
    import os

    folder = tmp_path_factory.mktemp("user-data")
    previous = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = previous
