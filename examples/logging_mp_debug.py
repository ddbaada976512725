import logging
import multiprocessing
from multiprocessing import Process


def work():
    print("子进程：工作中")


if __name__ == "__main__":
    multiprocessing.log_to_stderr(logging.INFO)  # multiprocessing 自己的日志，排查问题时有用
    p = Process(target=work)
    p.start()
    p.join()
    print("主进程：子进程的退出码", p.exitcode)
