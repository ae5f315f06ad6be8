"""`archive serve` as a command: what it says when it cannot serve."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from archive.cli import cli


def test_serve_on_a_busy_port_fails_and_names_it(sample_dir, monkeypatch) -> None:
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(sample_dir))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: cannot serve on 127.0.0.1:{port}: Address already in use; "
        f"choose another port with --port (for example --port {port + 1})\n"
    )


def test_serve_help_shows_the_defaults() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host TEXT" in result.output and "[default: 127.0.0.1]" in result.output
    assert "[default: 5000; 1<=x<=65535]" in result.output
