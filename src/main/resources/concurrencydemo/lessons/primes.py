"""demo's gil lesson, the Python half: count the primes below LIMIT by trial division, in one
thread, then split into PARTS (blocks of BLOCK numbers dealt out in turn) run by PARTS threads or
PARTS processes; ROUNDS times, in turn. Prints one line of JSON: each round's counts, wall and CPU
times, the pool's start, and whether the GIL is on.

    python3 primes.py threads|processes PARTS LIMIT ROUNDS
"""
import json
import multiprocessing
import os
import sys
import threading
import time


BLOCK = 1000


def count_primes(part, parts, limit):
    found = 0
    for block in range(part * BLOCK, limit, parts * BLOCK):
        for n in range(block, min(block + BLOCK, limit)):
            if n < 2:
                continue
            d = 2
            while d * d <= n:
                if n % d == 0:
                    break
                d += 1
            else:
                found += 1
    return found


def timed_part(part, parts, limit):
    """One part, with the CPU time this thread spent on it (thread_time: waiting for the GIL is
    not counted)."""
    cpu = time.thread_time()
    found = count_primes(part, parts, limit)
    return found, time.thread_time() - cpu


def in_threads(parts, limit):
    results = [None] * parts

    def work(k):
        results[k] = timed_part(k, parts, limit)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(parts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def sample(run):
    """Times run(): what its parts found, wall and CPU milliseconds."""
    start = time.perf_counter()
    results = run()
    wall = time.perf_counter() - start
    return {"count": sum(r[0] for r in results), "ms": wall * 1000, "cpu_ms": sum(r[1] for r in results) * 1000}


def rounds(mode, parts, limit, n):
    """n rounds of one thread, then the parts, in turn (a moment of load then slows one sample of
    each, not a whole side). Processes come from one pool, started and warmed before the rounds."""
    pool, start_ms = None, 0
    if mode == "processes":
        start = time.perf_counter()
        pool = multiprocessing.Pool(parts)
        pool.starmap(timed_part, [(k, parts, limit // 10) for k in range(parts)])
        start_ms = (time.perf_counter() - start) * 1000
    try:
        samples = []
        for _ in range(n):
            one = sample(lambda: [timed_part(0, 1, limit)])
            if pool is None:
                parallel = sample(lambda: in_threads(parts, limit))
            else:
                parallel = sample(lambda: pool.starmap(timed_part, [(k, parts, limit) for k in range(parts)]))
            samples.append({"one": one, "parallel": parallel})
        return samples, start_ms
    finally:
        if pool is not None:
            pool.terminate()


def exit_with_demo():
    """demo keeps this script's stdin open while it runs: its end means demo has gone. (os.read
    on the descriptor, not sys.stdin: a forked pool worker closes sys.stdin, and would wait
    forever for the lock this thread held on it.)"""
    while os.read(0, 4096):
        pass
    os._exit(1)


def main():
    threading.Thread(target=exit_with_demo, daemon=True).start()
    mode, parts, limit, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    samples, start_ms = rounds(mode, parts, limit, n)
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    print(json.dumps({"rounds": samples, "start_ms": start_ms, "gil": gil, "version": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
