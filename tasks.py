"""Set up and run the archive with nothing but Python 3.11 and pip.

    python3 tasks.py run    # set up, archive the sample corpus, serve the site
    python3 tasks.py test   # set up, lint and run the whole test suite

Each command creates ./.venv on first use and reinstalls when pyproject.toml
changes. Arguments after the command go to the archive or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"


def setup() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet"]
    print("Installing the archive and its test tools ...", flush=True)
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", ".[test]"], check=True, cwd=ROOT)
    STAMP.write_text(wanted)


def run(args: list[str]) -> int:
    env = {
        **os.environ,
        "ARCHIVE_DATA_DIR": os.environ.get("ARCHIVE_DATA_DIR", "archive-data"),
    }
    command = [str(BIN / "archive"), "demo", "--serve", *args]
    return subprocess.call(command, cwd=ROOT, env=env)


def test(args: list[str]) -> int:
    for check in (["ruff", "check", "."], ["ruff", "format", "--check", "."]):
        code = subprocess.call([str(BIN / check[0]), *check[1:]], cwd=ROOT)
        if code:
            return code
    return subprocess.call([str(BIN / "pytest"), *args], cwd=ROOT)


COMMANDS = {"run": run, "test": test}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip())
        return 2
    setup()
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
