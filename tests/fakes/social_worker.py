"""`python -m tests.fakes.social_worker ARGS...`: the `postwerk` CLI with the fake network
installed as "mastodon" (the kill -9 test runs the worker in a subprocess)."""

from __future__ import annotations

import sys

from assistant.cli import main
from tests.fakes.social_server import install

if __name__ == "__main__":
    install("mastodon", timeout=30.0)
    main(sys.argv[1:])
