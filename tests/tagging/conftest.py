"""Fixtures for the tagging tests: a tiny model trained on the seeds, and a
small corpus of documents the project's authors wrote."""

import json
from pathlib import Path

import pytest



SENTENCES = [
    "Đại tá Trần Minh Quang làm việc với Công an tỉnh Quảng Bình về 12 vụ án.",
    "Thiếu tướng Lê Hữu Phước dẫn đầu đoàn công tác của Bộ Công an.",
    "Tại tỉnh Nghệ An, lực lượng chức năng thu giữ 35 bánh heroin.",
    "Trung úy Hoàng Văn Nam nhận nhiệm vụ mới.",
    "Công an tỉnh Khăm Muộn và Công an tỉnh Hà Tĩnh ký kết biên bản hợp tác.",
    "Trời hôm nay mưa nhẹ.",
]


def write_corpus(path: Path, n: int, bad_line: int | None = None) -> Path:
    """`n` documents of one to three sentences as JSON lines (ids d0000...);
    line `bad_line` (0-based) is not JSON."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3))
            record = {"id": f"d{i:04d}", "text": text, "meta": {"n": i}}
            f.write("{not json\n" if i == bad_line else json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def make_corpus():
    return write_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """60 short documents as JSON lines."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "docs.jsonl", 60)
