# demo's program: the seed's 创建并开启进程 with its `if __name__ == "__main__":` guard, started
# with "spawn" (see start_unguarded.py). A child runs this file again as a module named
# __mp_main__, not __main__, so it skips the guarded part and runs only its target.
# Argument: how many processes. Prints the exit codes as JSON.
import json
import multiprocessing
import sys


def square_numbers():
    for i in range(1000):
        result = i * i


if __name__ == "__main__":
    spawn = multiprocessing.get_context("spawn")
    processes = [spawn.Process(target=square_numbers) for _ in range(int(sys.argv[1]))]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    print(json.dumps({"exitcodes": [process.exitcode for process in processes]}))
