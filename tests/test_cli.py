"""The command line's own process settings (its options and messages are tested with each command)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_the_command_runs_blas_on_one_thread_unless_the_user_says_otherwise(given, expected) -> None:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    code = ("import os, sys; from resdiff import cli; cli._one_blas_thread(); import numpy; "
            "print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == [expected, "1"]


@pytest.mark.parametrize("command", [["diff", "{old}", "{new}", "-o", "{new}"],
                                     ["diff", "{old}", "{new}", "-o", "{folder}/./old.txt"],
                                     ["parse", "{old}", "-o", "{old}"]])
def test_the_output_never_writes_over_an_input(tmp_path, capsys, command) -> None:  # type: ignore[no-untyped-def]
    """User test: ``resdiff diff old.txt draft.txt -o draft.txt`` replaced the draft with the
    summary and exited 0; it must refuse, leaving the file as it was."""
    from resdiff.cli import main
    from tests.conftest import CORPUS
    from tests.html_fixtures import DRAFT

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(CORPUS.read_bytes())
    new.write_bytes(DRAFT.read_bytes())
    argv = [part.format(old=old, new=new, folder=tmp_path) for part in command]
    assert main(argv) == 2
    assert "would be written over" in capsys.readouterr().err
    assert old.read_bytes() == CORPUS.read_bytes() and new.read_bytes() == DRAFT.read_bytes()
