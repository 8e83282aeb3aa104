"""How much of the machine other programs use right now, for the model server's choice
between its two thread counts (see ``router``).

Why: llama.cpp's threads meet at a barrier after every step of a token and spin there.
When another program holds a core, the kernel gives the model server's group of threads
the remaining core only (Linux shares CPU time fairly between sessions/cgroups first), so
two threads take turns on one core and each spins away its time slice waiting for the
other: decoding fell from 11 to 0.4 tokens/s on the 2-core machine with a one-core busy
loop beside it, where one thread decodes at about 8 (bench/README.md, "A program holding
a core"). So the server keeps a second llama.cpp context with one thread fewer and sends
a request there whenever other programs use at least ``BUSY_CORES`` of a core.

Read from Linux's /proc (the machine's and this process's CPU time); elsewhere no sample
is taken and the server always uses all its threads.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

BUSY_CORES = 0.6  # another program's steady load; a browser at rest or our checks use less
PERIOD = 0.25  # seconds between samples
WINDOW = 4  # samples: the load of the last second decides (a request is routed when it
# arrives and stays where it went, so a program that started a moment ago should count)
SETTLE = 0.5  # seconds: a second look, taken after the request arrived (see wants_spare)
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class CpuSample:
    """CPU seconds used so far, by the whole machine and by this process."""

    at: float  # time.monotonic()
    machine_busy: float
    own_busy: float


def parse_machine_busy(proc_stat: str) -> float:
    """Busy CPU seconds of all cores from /proc/stat's first line (all but idle and
    iowait; guest time is already inside user)."""
    fields = proc_stat.split("\n", 1)[0].split()
    if not fields or fields[0] != "cpu":
        raise ValueError("not a /proc/stat text")
    numbers = [int(value) for value in fields[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = numbers
    return (user + nice + system + irq + softirq + steal) / _TICKS


def parse_own_busy(proc_self_stat: str) -> float:
    """utime + stime of a process from its /proc/<pid>/stat (its name may hold spaces)."""
    fields = proc_self_stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def read_sample(proc: Path = Path("/proc")) -> CpuSample | None:
    """Now's sample, or None where /proc is not Linux's."""
    try:
        machine = parse_machine_busy((proc / "stat").read_text())
        own = parse_own_busy((proc / "self" / "stat").read_text())
    except (OSError, ValueError, IndexError):
        return None
    return CpuSample(time.monotonic(), machine, own)


def others_cores(before: CpuSample, after: CpuSample) -> float:
    """Cores that other programs kept busy between two samples."""
    elapsed = after.at - before.at
    if elapsed <= 0:
        return 0.0
    others = (after.machine_busy - before.machine_busy) - (after.own_busy - before.own_busy)
    return max(0.0, others / elapsed)


def spare_wanted(others: float) -> bool:
    return others >= BUSY_CORES


class ContentionMeter:
    """Samples in a daemon thread; ``others()`` is the cores other programs kept busy in
    the last ``window`` samples."""

    def __init__(self, period: float = PERIOD, window: int = WINDOW) -> None:
        self._period = period
        self._samples: deque[CpuSample] = deque(maxlen=window + 1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="contention", daemon=True)

    def start(self) -> ContentionMeter:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def others(self) -> float:
        samples = list(self._samples)
        return others_cores(samples[0], samples[-1]) if len(samples) > 1 else 0.0

    def wants_spare(self, settle: float = SETTLE) -> bool:
        """Whether a request that arrives now should go to the spare context. The last
        second also holds the CPU that the asking command itself used just before it asked
        (a `postwerk draft` imports for 1-2 s), so a busy second is looked at once more,
        over ``settle`` seconds after the request arrived, while its sender waits."""
        if not spare_wanted(self.others()):
            return False
        first = read_sample()
        self._stop.wait(settle)
        second = read_sample()
        if first is None or second is None:
            return False
        return spare_wanted(others_cores(first, second))

    def _run(self) -> None:
        while not self._stop.is_set():
            sample = read_sample()
            if sample is None:
                return
            self._samples.append(sample)
            self._stop.wait(self._period)
