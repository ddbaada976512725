import os
from multiprocessing import Pool


def worker_pid(_):
    return os.getpid()


if __name__ == "__main__":
    with Pool(1, maxtasksperchild=2) as pool:
        pids = pool.map(worker_pid, range(6), chunksize=1)
    print("6 个任务，用过的工作进程数：", len(set(pids)))
    print("每个进程做了几个任务：", [pids.count(pid) for pid in dict.fromkeys(pids)])
