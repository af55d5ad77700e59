"""An xAPI 1.0.3 client for a Learning Record Store, with the standard library only.

- HTTPS certificates are verified (the system's authorities, or `cafile` for a school's
  own); plain HTTP only where endpoint.problem() allows it.
- Every request has a timeout and the header `X-Experience-API-Version: 1.0.3`; the
  credentials go in a Basic `Authorization` header and nowhere else (never in a message).
- Redirects are not followed blindly: only to the same server (scheme, host and port), at
  most MAX_REDIRECTS, a POST only by 307 or 308 (which keep the method and the body); an
  address seen twice is a loop. Any other redirect is an error.
- An answer longer than MAX_ANSWER bytes is not an LRS's answer.

Errors say what to do next: `Unreachable` (no network, a timeout, the server busy or
failing: try again later), `Refused` (401/403: the credentials), `Unusable` (anything
else: a certificate that does not verify, a redirect loop, an answer that is not xAPI).
"""

from __future__ import annotations

import base64
import http.client
import json
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from . import endpoint

VERSION = "1.0.3"
MAX_REDIRECTS = 5
MAX_ANSWER = 32 << 20
PAGE = 100  # statements asked for per page when reading back
REDIRECTS = (301, 302, 303, 307, 308)


class LrsError(Exception):
    """Something the LRS or the network did; the message says what, for a person."""


class Unreachable(LrsError):
    """No network, no answer in time, or the server busy or failing: try again later."""


class Refused(LrsError):
    """The LRS refused the credentials (401) or their rights (403)."""


class Unusable(LrsError):
    """An answer a client cannot use (garbage, a redirect loop, a certificate that does
    not verify, an unexpected status): retrying will not help."""


@dataclass
class Answer:
    status: int
    body: bytes
    reason: str = ""

    def detail(self, limit: int = 160) -> str:
        """The start of the answer's text, printable, for a message."""
        text = self.body[: limit * 4].decode("utf-8", "replace")
        text = "".join(c if c.isprintable() else " " for c in text).strip()
        return text[:limit] + ("..." if len(text) > limit else "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the client decides (see Client.request)


class Client:
    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        *,
        allow_http: bool = False,
        timeout: float = 30.0,
        cafile: str | None = None,
    ):
        why = endpoint.problem(url, allow_http)
        if why:
            raise ValueError(f"the LRS address {endpoint.shown(url)} {why}")
        self.base = url if url.endswith("/") else url + "/"
        self.statements = urljoin(self.base, "statements")
        self.timeout = timeout
        self._origin = urlsplit(self.base)[:2]
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self._headers = {"Authorization": f"Basic {token}", "X-Experience-API-Version": VERSION}
        context = ssl.create_default_context(cafile=cafile)  # verifies certificate and name
        self._opener = urllib.request.build_opener(
            _NoRedirect, urllib.request.HTTPSHandler(context=context)
        )

    @property
    def shown(self) -> str:
        return endpoint.shown(self.base)

    def request(self, method: str, url: str, body: bytes | None = None) -> Answer:
        """One request, redirects handled as the module says. Raises LrsError."""
        seen: set[str] = set()
        for _hop in range(MAX_REDIRECTS + 1):
            if url in seen:
                raise Unusable(f"the LRS redirects in a loop ({endpoint.shown(url)})")
            seen.add(url)
            if urlsplit(url)[:2] != self._origin:
                raise Unusable(
                    f"the LRS sends the client to another server ({endpoint.shown(url)}); "
                    "not followed: give that address instead"
                )
            answer = self._once(method, url, body)
            if answer.status not in REDIRECTS:
                return answer
            location = answer.reason
            if not location:
                raise Unusable(f"the LRS answered {answer.status} without saying where to go")
            if method == "POST" and answer.status not in (307, 308):
                raise Unusable(
                    f"the LRS answered {answer.status} to a POST (it would lose the "
                    f"statements); give the address it redirects to: {endpoint.shown(location)}"
                )
            url = urljoin(url, location)
        raise Unusable(f"the LRS redirects more than {MAX_REDIRECTS} times")

    def _once(self, method: str, url: str, body: bytes | None) -> Answer:
        headers = dict(self._headers)
        if body is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        where = self.shown
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return Answer(response.status, _read(response))
        except urllib.error.HTTPError as error:
            with error:
                if error.code in REDIRECTS:
                    return Answer(error.code, b"", error.headers.get("Location", ""))
                try:
                    return Answer(error.code, _read(error))
                except (OSError, http.client.HTTPException):
                    return Answer(error.code, b"")  # the status says enough
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, ssl.SSLCertVerificationError):
                raise Unusable(
                    f"the certificate of {where} cannot be verified ({reason.verify_message}); "
                    "a school's own certificate authority can be given with --cafile"
                ) from None
            if isinstance(reason, ssl.SSLError):
                raise Unusable(f"no secure connection to {where}: {reason}") from None
            if isinstance(reason, TimeoutError):
                raise Unreachable(f"{where} did not answer within {self.timeout:g} s") from None
            why = getattr(reason, "strerror", None) or reason
            raise Unreachable(f"cannot reach {where}: {why}") from None
        except TimeoutError:
            raise Unreachable(f"{where} did not answer within {self.timeout:g} s") from None
        except (http.client.HTTPException, ConnectionError) as error:
            raise Unreachable(f"the connection to {where} broke ({error!r})") from None
        except OSError as error:
            raise Unreachable(f"cannot reach {where}: {error.strerror or error}") from None

    # -- the Statements resource --------------------------------------------------------
    def post(self, statements: list[dict]) -> Answer:
        body = json.dumps(statements, ensure_ascii=False, separators=(",", ":")).encode()
        return self.request("POST", self.statements, body)

    def read_all(self, page: int = PAGE) -> Iterator[dict]:
        """Every statement the LRS gives these credentials, page after page (following its
        `more` links). Raises LrsError; a statement that is not an object is skipped."""
        url = f"{self.statements}?limit={page}"
        seen = set()
        while url:
            seen.add(url)
            answer = self.request("GET", url)
            check(answer, self.shown)
            if answer.status != 200:
                raise Unusable(f"the LRS answered {answer.status} to a query: {answer.detail()}")
            result = _json(answer, "a page of statements")
            if not isinstance(result, dict) or not isinstance(result.get("statements"), list):
                raise Unusable("the LRS answered a query with something that is not xAPI")
            for statement in result["statements"]:
                if isinstance(statement, dict):
                    yield statement
            more = result.get("more") or ""
            if not isinstance(more, str):
                raise Unusable("the LRS's `more` link is not an address")
            url = urljoin(self.base, more) if more else ""
            if url in seen:
                raise Unusable("the LRS's `more` links go round in a loop")


def check(answer: Answer, where: str) -> None:
    """Raise for the answers that stop every request: credentials and busy servers."""
    if answer.status in (401, 403):
        what = "user name or password" if answer.status == 401 else "user's rights"
        raise Refused(
            f"the LRS at {where} refused the {what} ({answer.status}): check the user name "
            "and the password file, or the user's rights on the LRS"
        )
    if answer.status >= 500 or answer.status == 429:
        raise Unreachable(f"the LRS answered {answer.status} ({answer.detail(80) or 'busy'})")


def _json(answer: Answer, what: str):
    try:
        return json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Unusable(f"the LRS answered {what} that is not JSON: {answer.detail(80)}") from None


def ids_of(answer: Answer) -> list[str]:
    """The statement ids of a 200 answer to a POST; raises Unusable for anything else."""
    ids = _json(answer, "a POST")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise Unusable(
            f"the LRS answered a POST with something that is not a list of ids: {answer.detail(80)}"
        )
    return ids


def _read(response) -> bytes:
    body = response.read(MAX_ANSWER + 1)
    if len(body) > MAX_ANSWER:
        raise Unusable(f"the LRS answered more than {MAX_ANSWER >> 20} MB")
    return body
