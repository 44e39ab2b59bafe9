# demo's program: the seed's 创建并开启进程 without its `if __name__ == "__main__":` guard.
# Started with "spawn", each child runs this file again, as a module of its own, before its
# target; "spawn" is the default on Windows and macOS, and Linux's default from Python 3.14,
# "forkserver", does the same. Argument: how many processes. Prints the exit codes as JSON.
import json
import multiprocessing
import sys


def square_numbers():
    for i in range(1000):
        result = i * i


spawn = multiprocessing.get_context("spawn")
processes = [spawn.Process(target=square_numbers) for _ in range(int(sys.argv[1]))]
for process in processes:
    process.start()
for process in processes:
    process.join()
print(json.dumps({"exitcodes": [process.exitcode for process in processes]}))
