import os
from multiprocessing import Pool

greeting = None  # 每个工作进程里由 init_worker 设置一次


def init_worker(text):
    global greeting
    greeting = text
    print("工作进程", os.getpid(), "初始化")


def greet(name):
    return f"{greeting}，{name}"


if __name__ == "__main__":
    pool = Pool(2, initializer=init_worker, initargs=("你好",))
    results = pool.map(greet, ["甲", "乙", "丙"])
    pool.close()
    pool.join()  # 等两个工作进程都正常退出，它们的输出才完整
    print(results)
