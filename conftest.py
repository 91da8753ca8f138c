"""The one real Label Studio server of a test session, for tests/ and bench/tests/.

It boots once (about a minute) on a free loopback port in a temporary data
dir, started by `vner.annotation.server.start_server` exactly as `vner
annotate` starts it, and is stopped when the session ends. Tests that use it
create their own projects (unique titles) so they do not interfere.
"""

import pytest


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
