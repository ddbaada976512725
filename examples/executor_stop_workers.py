import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def sleep_long():
    time.sleep(60)


if __name__ == "__main__":
    executor = ProcessPoolExecutor(max_workers=1)
    future = executor.submit(sleep_long)
    time.sleep(0.5)  # 让任务开始运行
    executor.terminate_workers()  # Python 3.14 新增；kill_workers() 用法相同，发的是 SIGKILL
    try:
        future.result(timeout=10)
    except BrokenProcessPool as error:
        print("正在运行的任务：", error)
    try:
        executor.submit(abs, -1)
    except BrokenProcessPool as error:
        print("之后再提交：", error)
