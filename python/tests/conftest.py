"""Shared helpers of the Python tests (run by scripts/test-python.sh)."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def need(ok: bool, what: str, why: str) -> None:
    """Skip a test that cannot run, saying why; under CI=true fail instead."""
    if ok:
        return
    if under_ci():
        pytest.fail(f"{what} cannot run under CI: {why}")
    sys.stderr.write(f"SKIPPED: {what}: {why}\n")
    pytest.skip(f"{what}: {why}", allow_module_level=True)


def need_module(name: str, what: str):
    """Import a module that a test needs; without it, `need` (skipped, or failed under CI)."""
    try:
        return importlib.import_module(name)
    except ImportError as e:
        need(False, what, f"{name} is not installed ({e})")


def find_rasd() -> str:
    env = os.environ.get("RASD_BIN")
    if env:
        return env
    for p in (ROOT / "target" / "debug" / "rasd", ROOT / "target" / "release" / "rasd"):
        if p.exists():
            return str(p)
    return shutil.which("rasd") or ""


@pytest.fixture(scope="session")
def rasd_bin() -> str:
    b = find_rasd()
    need(bool(b) and Path(b).exists(), "comparison with the rasd binary",
         "no rasd binary: set RASD_BIN or run `cargo build -p rasd`")
    return b


def cli_extract(rasd_bin: str, path: Path, *args: str) -> "tuple[List[str], str, int]":
    """`rasd extract` of a file: its lines, its standard error, its exit status."""
    p = subprocess.run([rasd_bin, "extract", "-j", "2", *args, str(path)],
                       capture_output=True, text=True, encoding="utf-8")
    assert p.returncode in (0, 2), p.stderr
    return p.stdout.splitlines(), p.stderr, p.returncode


def write_jsonl(path: Path, docs) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write((d if isinstance(d, str) else json.dumps(d, ensure_ascii=False)) + "\n")
    return path
