"""An installed wheel carries everything the package reads at run time, not only an editable checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_every_module_the_defaults_and_the_templates(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    (wheel,) = tmp_path.glob("digest-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "digest").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    assert "digest/defaults.toml" in names
    templates = {
        "digest_templates/" + p.relative_to(ROOT / "templates").as_posix()
        for p in (ROOT / "templates").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    }
    assert templates and templates <= names, sorted(templates - names)
