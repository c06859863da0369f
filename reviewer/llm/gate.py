"""The endpoint gate: one request first on an endpoint never seen to answer; none after a stop.

A wrong key, an exhausted quota, a forbidden or unknown model make every request fail alike.
On an endpoint that has not answered before (nothing remembered for its base URL and model),
the first table's request goes alone — the *probe* — and the others wait for its outcome: an
answer of any kind (even a refusal of this table) opens the gate for all; a fatal error closes
it for good, and the waiting tables are never sent. So a run with a wrong key costs one
request. On an endpoint that has answered before the gate starts open, and a fatal error stops
only the requests not yet sent.

The gate is shared by every table of a run and, in a batch, by every file (each reviewed in
its own thread and event loop), so it is guarded by a lock and waited on by polling.
"""

from __future__ import annotations

import asyncio
import threading

_POLL = 0.01  # seconds between looks at a closed gate


class EndpointGate:
    def __init__(self, *, probe: bool) -> None:
        self._lock = threading.Lock()
        self._open = not probe
        self._probing = False
        self._stopped: str | None = None

    @property
    def stopped(self) -> str | None:
        """Why the stage stopped (one Chinese line), or None while it goes on."""
        with self._lock:
            return self._stopped

    async def enter(self) -> bool:
        """Wait for the right to send; False when the stage has stopped."""
        while True:
            with self._lock:
                if self._stopped is not None:
                    return False
                if self._open:
                    return True
                if not self._probing:
                    self._probing = True
                    return True
            await asyncio.sleep(_POLL)

    def open(self) -> None:
        """A request ended without a fatal error: let everyone through."""
        with self._lock:
            self._open, self._probing = True, False

    def stop(self, reason: str) -> None:
        """No request can succeed: the first reason given is kept."""
        with self._lock:
            if self._stopped is None:
                self._stopped = reason
            self._probing = False
