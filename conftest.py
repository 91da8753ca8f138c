"""The one real Label Studio server of a test session, for tests/ and bench/tests/.

It boots once (about a minute) on a free loopback port in a temporary data
dir, started by `vner.annotation.server.start_server` exactly as `vner
annotate` starts it, and is stopped when the session ends. Tests that use it
create their own projects (unique titles) so they do not interfere.
"""

import pytest


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(config, items):
    """For `pytest -n 2 --dist loadgroup` (make test): a module runs on one
    worker, so its module fixtures (trained models, servers) are built once,
    and every module that uses the Label Studio server shares one worker, so
    the server boots once."""
    uses_server = {item.nodeid.split("::")[0] for item in items if "label_studio" in item.fixturenames}
    for item in items:
        module = item.nodeid.split("::")[0]
        item.add_marker(pytest.mark.xdist_group("label-studio" if module in uses_server else module))
    # The longest groups start first, so that no worker is left with one of them at the end while the other idles:
    # the seed model of the challenge floors (13 minutes in CI in session 24) and the Label Studio group.
    first = {"tests/evaluation/test_challenge.py": 0}
    items.sort(key=lambda item: first.get(item.nodeid.split("::")[0], 1 if item.nodeid.split("::")[0] in uses_server else 2))


@pytest.fixture(scope="session")
def label_studio(tmp_path_factory):
    """The running server: `.url`, `.api_key`, `.data_dir`, `.username`, `.password`, `.port`."""
    from vner.annotation.server import free_port, start_server

    data_dir = tmp_path_factory.mktemp("label-studio")
    server = start_server(data_dir, port=free_port(18080))
    try:
        yield server
    finally:
        server.stop()
