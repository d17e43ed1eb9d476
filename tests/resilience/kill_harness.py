"""Kill -9 trials: run an operation in a child process, SIGKILL it at a random moment, then check what it left.

For each operation a clean run is measured first (the time from the worker's "started" line to its "done" line);
each trial then waits for "started", sleeps a delay drawn from a seeded RNG over 0..1.1× that duration and kills
the worker's whole process group (the export's workbook-writer child dies with it, as on a power cut). The trial
records whether the kill landed during the operation or after it, the state found (kill_operations.py), the files
left under temporary names, and any problem: a failed integrity check, a half-applied package, a lost row, a half
file under a final name, or an application that does not start and repeat the operation cleanly.

PUSKESOS_KILL_TRIALS (total over the four operations) and PUSKESOS_KILL_SEED come from the environment; every
failure message carries the seed, the operation, the trial number and the delay, so one trial can be replayed.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.resilience.kill_operations import Operation
from tests.resilience.kill_workers import DONE, STARTED

REPO = Path(__file__).resolve().parents[2]
DEFAULT_TRIALS, DEFAULT_SEED = 4, 20261123  # CI: one kill per operation (~1 min with the clean runs)
KILL_WINDOW = 1.1  # kill points spread over 0..1.1× the clean duration: most during, some just after
WORKER_TIMEOUT_S = 300


def trial_count() -> int:
    return int(os.environ.get("PUSKESOS_KILL_TRIALS", DEFAULT_TRIALS))


def trial_seed() -> int:
    return int(os.environ.get("PUSKESOS_KILL_SEED", DEFAULT_SEED))


def shares(total: int, operations: int) -> list[int]:
    """`total` trials spread over the operations as evenly as possible (the first ones get the remainder)."""
    return [total // operations + (1 if i < total % operations else 0) for i in range(operations)]


@dataclass
class Trial:
    operation: str
    index: int
    delay_s: float
    landed: str  # "during" the operation, or "after" its "done" line (the kill came too late)
    state: str
    leftovers: int
    problems: list[str] = field(default_factory=list)

    def label(self, seed: int) -> str:
        return (f"PUSKESOS_KILL_SEED={seed} operation={self.operation} trial={self.index} "
                f"delay={self.delay_s:.3f}s landed={self.landed} state={self.state}")


@dataclass
class Summary:
    operation: str
    clean_seconds: float
    trials: list[Trial]
    seconds: float

    def as_json(self) -> dict[str, object]:
        landed = Counter(t.landed for t in self.trials)
        return {"trials": len(self.trials), "landed_mid_operation": landed["during"],
                "landed_after": landed["after"], "outcomes": dict(Counter(t.state for t in self.trials)),
                "trials_with_leftover_temp_files": sum(1 for t in self.trials if t.leftovers),
                "failed": sum(1 for t in self.trials if t.problems),
                "clean_run_s": round(self.clean_seconds, 3), "seconds": round(self.seconds, 1),
                "kills": [{"delay_s": round(t.delay_s, 3), "landed": t.landed, "state": t.state} for t in self.trials]}


class Worker:
    """One worker process in its own session, its stdout read line by line with the time each line came."""

    def __init__(self, args: list[str], folder: Path, extra_env: dict[str, str] | None = None) -> None:
        (folder / "tmp").mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, **(extra_env or {}), PUSKESOS_HOME=str(folder / "home"), TMPDIR=str(folder / "tmp"),
                   QT_QPA_PLATFORM="offscreen",
                   PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests"), os.environ.get("PYTHONPATH", "")]))
        env.pop("PUSKESOS_DB", None)
        self._stderr = (folder / "worker-stderr.txt").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.resilience.kill_workers", *args], cwd=REPO, env=env,
            stdout=subprocess.PIPE, stderr=self._stderr, text=True, start_new_session=True)
        self._guard = threading.Timer(WORKER_TIMEOUT_S, self.kill)  # never let a stuck worker hang the suite
        self._guard.start()
        self.folder = folder

    def wait_for(self, word: str) -> float:
        """Block until the worker prints `word`; the moment it came. Fails if the worker ends without it."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.strip() == word:
                return time.monotonic()
        self.process.wait()
        raise AssertionError(f"worker ended (exit {self.process.returncode}) before {word!r}: {self.stderr()}")

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # already gone: it finished before the kill
            os.killpg(self.process.pid, signal.SIGKILL)

    def finish(self) -> tuple[list[str], int]:
        """The rest of its output and its exit status, once it has ended."""
        assert self.process.stdout is not None
        rest = [line.strip() for line in self.process.stdout]
        code = self.process.wait()
        self._guard.cancel()
        self._stderr.close()
        return rest, code

    def stderr(self) -> str:
        self._stderr.flush()
        return (self.folder / "worker-stderr.txt").read_text(errors="replace")[-2000:]


def clean_run(operation: Operation, folder: Path) -> float:
    """Run the operation to its end; learn what it leaves; the seconds from "started" to "done"."""
    worker = Worker(operation.worker_args(folder), folder, operation.worker_env)
    started = worker.wait_for(STARTED)
    done = worker.wait_for(DONE)
    _, code = worker.finish()
    assert code == 0, f"clean {operation.name} run failed (exit {code}): {worker.stderr()}"
    operation.learn(folder)
    return done - started


def kill_trial(operation: Operation, folder: Path, index: int, delay: float) -> Trial:
    worker = Worker(operation.worker_args(folder), folder, operation.worker_env)
    worker.wait_for(STARTED)
    time.sleep(delay)
    worker.kill()
    rest, _ = worker.finish()
    landed = "after" if DONE in rest else "during"
    try:
        finding = operation.inspect(folder)
        problems = list(finding.problems)
        if not any("integrity_check" in p or "cannot be read" in p for p in problems):
            problems += operation.rerun(folder, finding)
    except Exception as exc:  # the application failing to start again is a finding, not a harness crash
        return Trial(operation.name, index, delay, landed, "error", 0, [f"{type(exc).__name__}: {exc}"])
    return Trial(operation.name, index, delay, landed, finding.state, finding.leftovers, problems)


def run_operation(operation: Operation, count: int, seed: int, folder: Path) -> Summary:
    begun = time.monotonic()
    clean = clean_run(operation, folder / f"{operation.name}-clean")
    trials = []
    for index in range(count):
        delay = random.Random(f"{seed}:{operation.name}:{index}").uniform(0, KILL_WINDOW * clean)
        trials.append(kill_trial(operation, folder / f"{operation.name}-{index}", index, delay))
    return Summary(operation.name, clean, trials, time.monotonic() - begun)


def failures(summary: Summary, seed: int) -> list[str]:
    return [f"{trial.label(seed)}: {'; '.join(trial.problems)}" for trial in summary.trials if trial.problems]
