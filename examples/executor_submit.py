import os
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x, os.getpid()


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(square, 7)  # 立即返回一个 Future
        value, pid = future.result()  # 等到任务完成，取出返回值
        print("结果：", value)
        print("在工作进程里算的：", pid != os.getpid())
        print("done() =", future.done())
