"""Shared fixtures: one real Label Studio server for the whole test session.

The server boots once (about a minute) on a free loopback port in a temporary
data dir, started by `vner.annotation.server.start_server` exactly as
`vner annotate` starts it, and is stopped when the session ends. Tests that
use it create their own projects (unique titles) so they do not interfere.

    def test_x(label_studio, ls_client):
        label_studio.url, label_studio.api_key   # http://127.0.0.1:PORT, token
        ls_client.projects.list()                # label_studio_sdk.LabelStudio
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


@pytest.fixture(scope="session")
def ls_client(label_studio):
    """A `label_studio_sdk.LabelStudio` client logged in as the server's admin."""
    import httpx
    from label_studio_sdk import LabelStudio

    with httpx.Client(timeout=120) as http:
        yield LabelStudio(base_url=label_studio.url, api_key=label_studio.api_key, httpx_client=http, timeout=120)
