"""An iCalendar (RFC 5545) file for one event, so a resident can put a meeting in their phone's calendar.

Plain text: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), text escaped (backslash,
semicolon, comma, new line), times in UTC (…Z), so every calendar shows the meeting at the right local time.
"""

from datetime import UTC, datetime, timedelta

DEFAULT_LENGTH = timedelta(hours=2)  # a meeting without an end time


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """`line` cut into pieces of at most 75 octets, each after the first starting with a space."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not pieces else 74):
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("an event time must be aware")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event(
    *, uid: str, title: str, starts_at: datetime, ends_at: datetime | None, location: str, url: str, stamp: datetime
) -> str:
    """The whole .ics file of one event."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Qatysu//Participatory budget//KK",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{escape(uid)}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(starts_at)}",
        f"DTEND:{utc(ends_at or starts_at + DEFAULT_LENGTH)}",
        f"SUMMARY:{escape(title)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
