"""A JSON list read one item at a time, in bounded memory.

Label Studio exports run to gigabytes. Each item is parsed by Python's own
`json` (`JSONDecoder.raw_decode` over a megabyte of text at a time), so an
item is exactly what `json.loads` of the whole file gives, and errors name
the line and column. ijson was measured and set aside: its C backend turns
a lone surrogate escape (`\\ud800`) into "?" without a word and refuses
integers of 2**63 and more without saying where.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Iterator

from vner.core.errors import VnerError

EXPECTED = "a Label Studio JSON export: a list of tasks"
READ_SIZE = 1 << 20  # bytes read at a time
_WHITESPACE = " \t\n\r"
_DECODER = json.JSONDecoder()


def json_kind(value) -> str:
    """The JSON name of a parsed value's type, for messages."""
    return "null" if value is None else {str: "string", bool: "boolean", int: "number", float: "number", list: "list", dict: "object"}.get(type(value), type(value).__name__)


def json_list_items(path: Path, title: str = "Not a Label Studio export", expected: str = EXPECTED) -> Iterator:
    """The items of a file holding one JSON list, read as a stream. Anything
    else, or a list broken off, is a VnerError `title` naming the line and
    column, whose fix says what was `expected`."""
    with Path(path).open("rb") as f:
        reader = _JsonStream(f, Path(path), title, expected)
        if reader.next_char() != "[":
            raise VnerError(title, reader.root_description(), f"Expected {expected}.")
        reader.pos += 1
        first = True
        while True:
            char = reader.next_char()
            if char == "]":
                reader.pos += 1
                break
            if not first:
                if char != ",":
                    reader.fail("Expecting ',' delimiter")
                reader.pos += 1
            first = False
            yield reader.value()
        if reader.next_char() is not None:
            reader.fail("Extra data")


class _JsonStream:
    """The text of a JSON file read a megabyte at a time, with the position
    of the next character in it (`buf[pos]`) and in the file (line, column)."""

    def __init__(self, f, path: Path, title: str, expected: str):
        self.f, self.path, self.title, self.expected = f, path, title, expected
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("surrogatepass")  # what json.loads(bytes) accepts
        self.buf, self.pos, self.eof = "", 0, False
        self.line, self.column = 1, 1  # of buf[0] in the file

    def read(self, size: int | None = None) -> None:
        """Drop what has been read, append the next `size` bytes of the file."""
        done = self.buf[:self.pos]
        newlines = done.count("\n")
        self.line += newlines
        self.column = len(done) - done.rfind("\n") if newlines else self.column + len(done)
        data = self.f.read(size or READ_SIZE)
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as e:
            raise VnerError(self.title, f"{self.path} is not UTF-8 text ({e.reason})",
                            f"Expected {self.expected}.") from None
        self.buf, self.pos, self.eof = self.buf[self.pos:] + text, 0, not data

    def next_char(self) -> str | None:
        """The next character that is not whitespace (None at the end of the file)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if self.eof:
                return None
            self.read()

    def value(self):
        """The JSON value at the next non-whitespace character, read further until it is whole."""
        if self.next_char() is None:
            self.fail("Expecting value")
        size = READ_SIZE
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                # Cut off by the end of what is read so far (an unterminated
                # string is reported at its start): read on, unless the file ended.
                if self.eof or not (e.msg.startswith("Unterminated string") or e.pos >= len(self.buf) - 16):
                    self.fail(e.msg, e.pos)
                self.read(size)
                size *= 2  # a task of many megabytes is parsed a few times, not once per megabyte
                continue
            except RecursionError:
                raise VnerError(self.title, f"{self.path}: nesting too deep near {self.where(self.pos)}",
                                f"Expected {self.expected}.") from None
            except ValueError as e:  # a 5,000-digit number
                raise VnerError(self.title, f"{self.path}: {e} near {self.where(self.pos)}",
                                f"Expected {self.expected}.") from None
            if end == len(self.buf) and not self.eof:  # a number may go on in the next part
                self.read(size)
                continue
            self.pos = end
            return obj

    def where(self, pos: int) -> str:
        newlines = self.buf.count("\n", 0, pos)
        line = self.line + newlines
        column = pos - self.buf.rfind("\n", 0, pos) if newlines else self.column + pos
        return f"line {line}, column {column}"

    def fail(self, message: str, pos: int | None = None):
        where = self.where(self.pos if pos is None else pos)
        raise VnerError(self.title, f"{self.path}: invalid JSON at {where} ({message})",
                        f"Expected {self.expected}.")

    def root_description(self) -> str:
        """What the file holds instead of a list (for the error message);
        reads at most 16 MB of it to say so."""
        first = self.next_char()
        if first is None:
            return f"{self.path} is empty"
        while True:
            try:
                obj, _ = _DECODER.raw_decode(self.buf, self.pos)
                break
            except json.JSONDecodeError as e:
                cut = not self.eof and (e.msg.startswith("Unterminated string") or e.pos >= len(self.buf) - 16)
                if not cut:
                    return f"{self.path}: invalid JSON at {self.where(e.pos)} ({e.msg})"
                if len(self.buf) < 16 * READ_SIZE:
                    self.read()
                    continue
                kind = {"{": "object", '"': "string", "t": "boolean", "f": "boolean", "n": "null"}.get(first, "number")
                return f"{self.path} holds a JSON {kind}, not a list"
            except (ValueError, RecursionError) as e:
                return f"{self.path}: {str(e) or type(e).__name__}"
        return f"{self.path} holds a JSON {json_kind(obj)}, not a list"
