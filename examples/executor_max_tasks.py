import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, wait


def worker_pid(_):
    return os.getpid()


if __name__ == "__main__":
    executor = ProcessPoolExecutor(max_workers=1, max_tasks_per_child=2)
    futures = [executor.submit(worker_pid, i) for i in range(6)]
    done, not_done = wait(futures, timeout=3)
    if not_done:  # Python 3.11、3.12 的 bug（gh-115634）：换新工作进程时卡住
        print("3 秒后还有", len(not_done), "个任务没完成：执行器卡住了")
        os._exit(1)  # 卡住的执行器无法正常退出，只好直接结束进程
    print("6 个任务，用过的工作进程数：", len({f.result() for f in futures}))
    executor.shutdown()
    try:
        ProcessPoolExecutor(max_tasks_per_child=2, mp_context=multiprocessing.get_context("fork"))
    except ValueError as error:
        print("ValueError:", error)
