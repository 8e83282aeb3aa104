"""How many threads the embedded model uses and how they wait (pure; numbers in README).

Measured on the shared 2-core machine (bench/bench_local.py, README "Threads of the
embedded model"), four servers side by side, requests interleaved, load average 12-16:

    threads  poll   prompt tok/s  decode tok/s   (medians of 4)
    2        50     5.3           2.62
    2        0      6.0           2.26
    1        0      4.0           1.12
    1        50     3.7           0.84

When many programs want the cores, the kernel shares time per runnable thread, so a model
with one thread per core gets about twice the share of one with a single thread; leaving
a core "for the others" halves our speed and gives the others little. Busy-wait polling
(llama.cpp's default ``poll`` 50) bought nothing measurable there and burns slices the
user's other programs (and our own HTTP and checks) need, so the threads sleep while they
wait. Decoding is bound by memory bandwidth: past ~8 threads it gains nothing on a laptop
or desktop, so 8 is the cap (reasoned, not measured here: this machine has 2 cores).

That sweep ran every server inside one busy group of programs. Beside ONE other program
that holds a core, the server (a session of its own, so a scheduling group of its own)
gets the other core only, and its two threads take turns on it: 0.4 tokens/s where one
thread decodes at 8 (README, "A program holding a core"). So with two cores or more the
server also keeps a context with one thread fewer (``spare_threads``), used while other
programs hold a core (``contention``, ``router``).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.config import LOCAL_PARALLEL

MAX_THREADS = 8


@dataclass(frozen=True)
class ThreadPlan:
    """Settings for one llama.cpp server; ``poll`` 0 = sleep while waiting (never spin)."""

    threads: int
    threads_batch: int
    poll: int
    slots: int
    spare_threads: int | None = None  # the context for when other programs hold a core


def plan_threads(cores: int, override: int | None = None) -> ThreadPlan:
    """The plan for ``cores`` usable cores; ``override`` (POSTWERK_LOCAL_THREADS) wins and
    then is the only thread count (no spare context)."""
    if override is not None:
        threads = max(1, override)
        return ThreadPlan(threads=threads, threads_batch=threads, poll=0, slots=LOCAL_PARALLEL)
    threads = min(MAX_THREADS, max(1, cores))
    spare = threads - 1 if threads >= 2 else None
    return ThreadPlan(threads=threads, threads_batch=threads, poll=0, slots=LOCAL_PARALLEL,
                      spare_threads=spare)
