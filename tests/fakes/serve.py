"""Run the fake OpenAI server with scripted German drafts, for trying the app by hand:

    python -m tests.fakes.serve 8765   # then POSTWERK_LLM_BASE_URL=http://127.0.0.1:8765/v1
    python -m tests.fakes.serve 8765 1.0   # every reply takes 1 s (like a remote endpoint)
    python -m tests.fakes.serve 8765 1.0 vary   # and no two replies have the same text
"""

from __future__ import annotations

import sys
import time

from tests.fakes.drafts import DraftScript, varied
from tests.fakes.llm_server import FakeLLMServer


def main() -> None:
    server = FakeLLMServer(port=int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    server.responder = DraftScript(varied if sys.argv[3:] == ["vary"] else None)
    server.latency = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    server.start()
    print(server.url, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
