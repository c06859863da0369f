"""Zip packages (.xlsx, .docx), checked before openpyxl or python-docx opens them.

Both libraries read parts whole, trusting the sizes the zip declares; and Python's zipfile,
asked for a whole part, inflates up to 1 GiB in one call before it cuts the output to the
declared size. So the package is checked here first: the declared sizes must fit the limits
(``UnpackBudget``: a zip bomb that declares its size is refused before anything is inflated),
then every part is inflated from its raw bytes in bounded pieces and must come to exactly its
declared size and checksum (a part that lies about its size is refused as damaged). A caller
may watch a part's content as it streams past: the .xlsx reader counts cells that way.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from reviewer.errors import InputError
from reviewer.limits import Limits, UnpackBudget

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_PIECE = 1 << 20


class PartWatcher(Protocol):
    def feed(self, data: bytes) -> None: ...

    def close(self) -> None: ...


Watch = Callable[[str], PartWatcher | None]


class PartDamaged(Exception):
    """A part cannot be read as what it claims to be (raised here, or by a watcher)."""


def damaged_package(path: Path, kind: str) -> InputError:
    return InputError(f"{path.name} 无法作为 {kind} 文件打开：文件已损坏或不完整")


def _raw(fh: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's stored (compressed) bytes, read after its local header."""
    if info.header_offset < 0:
        raise PartDamaged  # the central directory points before the file's start
    fh.seek(info.header_offset)
    head = fh.read(_LOCAL_HEADER.size)
    if len(head) != _LOCAL_HEADER.size:
        raise PartDamaged
    signature, *_, name_len, extra_len = _LOCAL_HEADER.unpack(head)
    if signature != b"PK\x03\x04":
        raise PartDamaged
    fh.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)
    left = info.compress_size
    while left > 0:
        chunk = fh.read(min(left, _PIECE))
        if not chunk:
            raise PartDamaged
        left -= len(chunk)
        yield chunk


def _inflated(fh: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's content, in pieces of at most 1 MiB, however much its data expands."""
    if info.flag_bits & 1:  # encrypted parts are not how Office encrypts (that is OLE2)
        raise PartDamaged
    if info.compress_type == zipfile.ZIP_STORED:
        yield from _raw(fh, info)
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise PartDamaged  # Office writes deflate or stored parts only
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        for chunk in _raw(fh, info):
            data = chunk
            while data:
                yield inflater.decompress(data, _PIECE)
                data = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error as exc:
        raise PartDamaged from exc


def _check_part(fh: BinaryIO, info: zipfile.ZipInfo, watcher: PartWatcher | None) -> None:
    size = crc = 0
    for piece in _inflated(fh, info):
        size += len(piece)
        if size > info.file_size:
            raise PartDamaged  # larger than it says: stop before it goes further
        crc = zlib.crc32(piece, crc)
        if watcher is not None:
            watcher.feed(piece)
    if size != info.file_size or crc != info.CRC:
        raise PartDamaged
    if watcher is not None:
        watcher.close()


def verify_package(path: Path, kind: str, limits: Limits, watch: Watch | None = None) -> None:
    """Check the package at ``path`` (an Excel or Word ``kind``) against ``limits``.

    Raises LimitError for a package too large once unpacked, InputError for a damaged one.
    ``watch(name)`` may return a watcher that is fed the part's content as it is inflated.
    """
    budget = UnpackBudget(path, limits)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            budget.check(sum(info.file_size for info in infos))
            with path.open("rb") as fh:
                for info in infos:
                    _check_part(fh, info, watch(info.filename) if watch else None)
    except (zipfile.BadZipFile, PartDamaged) as exc:
        raise damaged_package(path, kind) from exc
