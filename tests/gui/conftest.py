"""Fixtures the GUI tests share."""

import pytest

from explorer_helpers import classic_model_path


@pytest.fixture(scope="session")
def model_path(tmp_path_factory):
    """The mnist-classic model file (bundled, or trained once for the whole session)."""
    return classic_model_path(tmp_path_factory.mktemp("model"))
