import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def die(code):
    os._exit(code)  # 工作进程直接退出，不返回任何结果


if __name__ == "__main__":
    executor = ProcessPoolExecutor(max_workers=2)
    future = executor.submit(die, 1)
    try:
        future.result(timeout=10)
    except BrokenProcessPool as error:
        print("result() 抛出 BrokenProcessPool：")
        print(error)
        print("原因：", repr(error.__cause__))
    try:
        executor.submit(abs, -1)
    except BrokenProcessPool as error:
        print("再提交也不行：", error)
    executor.shutdown()
