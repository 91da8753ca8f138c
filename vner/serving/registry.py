"""Model versions of a running backend: which one serves, how each scored.

`registry.json` in the backend's folder lists every version (the model it
started with, then each retraining) with when it was trained, on how many
documents, its scores on the held-out documents and whether it was taken.
It is rewritten atomically, so `vner serve --status` never reads half a file.
"""

import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from vner.core.errors import VnerError
from vner.core.files import write_json_atomic

REGISTRY = "registry.json"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Registry:
    """The versions in `root/registry.json`; `active` names the one serving."""

    root: Path
    versions: list[dict] = field(default_factory=list)
    active: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, root: Path) -> "Registry":
        import json

        root = Path(root)
        path = root / REGISTRY
        if not path.exists():
            return cls(root)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(root, list(data["versions"]), data.get("active"))
        except (ValueError, KeyError, TypeError) as e:
            raise VnerError("Unreadable model registry", f"{path}: {e}", "Restore it, or pass another --output folder.") from None

    def get(self, name: str) -> dict | None:
        return next((v for v in self.versions if v["name"] == name), None)

    def add(self, entry: dict, *, activate: bool = False) -> None:
        with self._lock:
            self.versions.append(entry)
            if activate:
                self.active = entry["name"]
            self.save()

    def save(self) -> None:
        write_json_atomic(self.root / REGISTRY, self.to_dict())

    def to_dict(self) -> dict:
        return {"active": self.active, "versions": list(self.versions)}
