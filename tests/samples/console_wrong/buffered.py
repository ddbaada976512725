import os
import time
from multiprocessing import Process


def child():
    time.sleep(0.2)
    print("子进程", os.getpid())


if __name__ == "__main__":
    p = Process(target=child)
    p.start()
    print("主进程：子进程已启动")
    p.join()
    print("主进程结束")
