"""A real SMTP server for the tests: aiosmtpd (PyPI) on loopback, saving each accepted
message as <dir>/<n>.eml and answering chosen recipients with chosen failures.

    python3 smtp_server.py DIR [--fail-once CODE:ADDRESS ...] [--reject CODE:ADDRESS ...]
                              [--delay SECONDS]

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
    def __init__(self, folder, fail_once, reject, delay):
        self.folder = folder
        self.fail_once = dict(fail_once)
        self.reject = dict(reject)
        self.delay = delay
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
        self.count += 1
        name = os.path.join(self.folder, f"{time.time_ns()}-{self.count}.eml")
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(name + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        os.rename(name + ".tmp", name)
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
    a = p.parse_args()
    handler = Handler(a.folder, pairs(a.fail_once), pairs(a.reject), a.delay)
    # aiosmtpd cannot start on port 0 (it connects to its own port to check it is up):
    # take a free port from the system first.
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
