"""A real SMTP server for the tests: aiosmtpd (PyPI) on loopback, saving each accepted
message as <dir>/<n>.eml and answering chosen recipients with chosen failures.

    python3 smtp_server.py DIR [--fail-once CODE:ADDRESS ...] [--reject CODE:ADDRESS ...]
                              [--delay SECONDS] [--slow-data SECONDS]
                              [--data-fail-once CODE] [--data-reject CODE] [--port N]

--delay holds each message before storing and answering it; --slow-data stores it, then
answers the end of its data only after SECONDS (a slow content filter: the message is kept
even if the client has given up). --data-fail-once answers the end of the first message's data
with CODE (4xx) without keeping it; --data-reject answers every message so (5xx).

Prints "PORT <n>" once it listens, then serves until killed.
"""

import argparse
import asyncio
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, folder, fail_once, reject, delay, slow_data, data_fail_once, data_reject):
        self.folder = folder
        self.fail_once = dict(fail_once)
        self.reject = dict(reject)
        self.delay = delay
        self.slow_data = slow_data
        self.data_fail_once = data_fail_once
        self.data_reject = data_reject
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return f"{self.reject[address]} 5.1.1 <{address}>: Recipient address rejected"
        if address in self.fail_once:
            code = self.fail_once.pop(address)
            return f"{code} 4.7.1 <{address}>: Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # A marker per message received and not yet answered, for tests that act mid-send.
        self.started = getattr(self, "started", 0) + 1
        open(os.path.join(self.folder, f"{self.started}.data"), "w").close()
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.data_reject:
            return f"{self.data_reject} 5.7.1 Message content rejected"
        if self.data_fail_once:
            code, self.data_fail_once = self.data_fail_once, None
            return f"{code} 4.7.1 Content filter busy, try again later"
        self.count += 1
        name = os.path.join(self.folder, f"{time.time_ns()}-{self.count}.eml")
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(name + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        os.rename(name + ".tmp", name)
        if self.slow_data:
            await asyncio.sleep(self.slow_data)
        return f"250 2.0.0 Ok: queued as {self.count}"


def pairs(values):
    out = []
    for v in values or []:
        code, address = v.split(":", 1)
        out.append((address, code))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--fail-once", action="append")
    p.add_argument("--reject", action="append")
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--slow-data", type=float, default=0)
    p.add_argument("--data-fail-once")
    p.add_argument("--data-reject")
    p.add_argument("--port", type=int, default=0)
    a = p.parse_args()
    handler = Handler(
        a.folder,
        pairs(a.fail_once),
        pairs(a.reject),
        a.delay,
        a.slow_data,
        a.data_fail_once,
        a.data_reject,
    )
    # aiosmtpd cannot start on port 0 (it connects to its own port to check it is up):
    # take a free port from the system first.
    port = a.port
    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"PORT {port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
