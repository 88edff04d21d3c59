"""A local stand-in for a map tile server (development and tests: `PB_MAP_TILE_STUB`): every tile is the same
plain square with a faint grid, so maps draw, pan and zoom with no request leaving the machine."""

import functools
import struct
import zlib

from django.http import HttpResponse

SIZE = 256
PAPER, LINE = b"\xf1\xf3\xee", b"\xd5\xdb\xd0"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.cache
def tile_png() -> bytes:
    """A 256 px RGB PNG: paper with a line along its top and left edges (the grid of the tiles)."""
    edge = b"\x00" + LINE * SIZE
    row = b"\x00" + LINE + PAPER * (SIZE - 1)
    pixels = edge + row * (SIZE - 1)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(pixels, 9))
        + _chunk(b"IEND", b"")
    )


def tile_stub(request, z: int, x: int, y: int):
    response = HttpResponse(tile_png(), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response
