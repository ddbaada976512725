from multiprocessing import Process
import time

def run_proc():
    """ 子进程要执行的代码 """
    while True:
        print("----2----")
        time.sleep(1)

if __name__=='__main__':
    p = Process(target=run_proc)
    p.start()
    try:
        while True:
            print("----1----")
            time.sleep(1)
    finally:
        p.join()  # 按下 Ctrl+C 后，先等子进程打印完它的错误回溯，两段回溯才不会交错
