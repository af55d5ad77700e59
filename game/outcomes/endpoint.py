"""Which LRS addresses the game talks to, and the credentials file: shared by the operator
settings check (game/operator_check.py) and the sync (sync.py), without loading any
network code.

An LRS is reached over HTTPS. Plain HTTP sends the password and the statements readable by
anyone on the network, so it is refused, except to this machine (localhost, 127.x.x.x,
::1) or when the operator allows it for a school LAN (`--allow-http`, `allow_http: true`).
A URL with a user name or password in it is refused too: credentials come from a file or
a prompt, never from a command line, where other users of the machine can read them.

The credentials file holds one line `user:password` (the password may contain ':'), or
the user name on the first line and the password on the second.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit


def is_local(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def problem(url: str, allow_http: bool = False) -> str:
    """Why the game does not send to this LRS address ('' when it does)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return "is not a valid URL"
    if parts.scheme not in ("https", "http") or not host:
        return "must be an https:// address such as https://lrs.example.org/xAPI/"
    if parts.username is not None or parts.password is not None:
        return "must not contain a user name or password (use a credentials file)"
    if parts.query or parts.fragment:
        return "must not have a ?query or #fragment (give the LRS's xAPI address)"
    if parts.scheme == "http" and not allow_http and not is_local(host):
        return "uses plain http to another machine (use https, or allow http for a school LAN)"
    return ""


def shown(url: str) -> str:
    """The address as it may be printed: scheme, host, port and path only."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}{parts.path}"


def read_credentials(path: Path | str) -> tuple[str, str]:
    """(user, password) from a credentials file. Raises ValueError with a message that never
    contains the file's content."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise ValueError(f"cannot read the credentials file {path}: {why}") from None
    lines = [line.strip("\r") for line in text.split("\n")]
    lines = [line for line in lines if line.strip()]
    if len(lines) == 1 and ":" in lines[0]:
        user, _, password = lines[0].partition(":")
    elif len(lines) == 2:
        user, password = lines
    else:
        raise ValueError(
            f"the credentials file {path} must hold one line user:password "
            "(or the user name and the password on two lines)"
        )
    if not user.strip() or not password:
        raise ValueError(f"the credentials file {path} has an empty user name or password")
    return user.strip(), password


def read_password(path: Path | str) -> str:
    """The password from a password file: its first line, as it is (a trailing newline
    removed). Raises ValueError (never showing the content)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        raise ValueError(f"cannot read the password file {path}: {why}") from None
    password = text.split("\n", 1)[0].rstrip("\r")
    if not password:
        raise ValueError(f"the password file {path} is empty")
    return password


def readable_by_others(path: Path | str) -> bool:
    """Whether other users of this machine may read the file (POSIX permissions)."""
    try:
        return bool(Path(path).stat().st_mode & 0o077)
    except OSError:
        return False
