from multiprocessing import Process
import time

def run_proc():
    """ 子进程要执行的代码 """
    try:
        while True:
            print("----2----")
            time.sleep(1)
    except KeyboardInterrupt:
        print("子进程：收到 Ctrl+C，退出")

if __name__=='__main__':
    p = Process(target=run_proc)
    p.start()
    try:
        while True:
            print("----1----")
            time.sleep(1)
    except KeyboardInterrupt:
        p.join()  # 先等子进程说完它的那一行
        print("主进程：收到 Ctrl+C，退出")
