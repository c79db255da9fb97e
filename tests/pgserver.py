"""A throwaway PostgreSQL server on 127.0.0.1 for tests: initdb in a temp folder, pg_ctl start.

Debian's server binaries live in /usr/lib/postgresql/<version>/bin. PostgreSQL refuses to run
as root, so when the tests run as root the server runs as the `postgres` system user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def find_bin_dir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    bin_dir: Path
    data_dir: Path
    port: int
    as_user: str | None

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        return subprocess.run(cmd, check=True, capture_output=True, text=True)

    @classmethod
    def start(cls) -> "PostgresServer":
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL server binaries not found; install Debian's `postgresql` (make test does)")
        root = Path(tempfile.mkdtemp(prefix="digest-pg-"))
        as_user = "postgres" if os.geteuid() == 0 else None
        if as_user:
            shutil.chown(root, user=as_user)
            os.chmod(root, 0o700)
        server = cls(bin_dir, root / "data", _free_port(), as_user)
        server._run("initdb", "-D", str(server.data_dir), "-U", "digest", "--auth=trust", "-E", "UTF8", "--no-sync")
        server._run(
            "pg_ctl", "-D", str(server.data_dir), "-w", "-t", "60", "-l", str(root / "log"),
            "-o", f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
            "start",
        )
        return server

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "digest", name)
        return self.url(name)

    def url(self, name: str = "postgres") -> str:
        return f"postgresql+psycopg://digest@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def wait_for(predicate, timeout: float = 10.0, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()
