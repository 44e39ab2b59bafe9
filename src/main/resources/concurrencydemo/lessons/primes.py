"""demo's gil lesson, the Python half: count the primes below LIMIT by trial division, once in
one thread, then split into PARTS (blocks of BLOCK numbers dealt out in turn) run by PARTS threads
or PARTS processes. Prints one line of JSON: the times, the counts, and whether the GIL is on.

    python3 primes.py threads|processes PARTS LIMIT
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


def in_threads(parts, limit):
    counts = [0] * parts

    def work(k):
        counts[k] = count_primes(k, parts, limit)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(parts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts)


def in_processes(parts, limit):
    # the pool's start-up is timed too, as the Java side times its child JVMs' start
    with multiprocessing.Pool(parts) as pool:
        return sum(pool.starmap(count_primes, [(k, parts, limit) for k in range(parts)]))


def exit_with_demo():
    """demo keeps this script's stdin open while it runs: its end means demo has gone. (os.read
    on the descriptor, not sys.stdin: a forked pool worker closes sys.stdin, and would wait
    forever for the lock this thread held on it.)"""
    while os.read(0, 4096):
        pass
    os._exit(1)


def main():
    threading.Thread(target=exit_with_demo, daemon=True).start()
    mode, parts, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    start = time.perf_counter()
    one = count_primes(0, 1, limit)
    one_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    parallel = in_threads(parts, limit) if mode == "threads" else in_processes(parts, limit)
    parallel_ms = (time.perf_counter() - start) * 1000
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    print(json.dumps({"one": one, "one_ms": round(one_ms), "parallel": parallel,
                      "parallel_ms": round(parallel_ms), "gil": gil,
                      "version": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
