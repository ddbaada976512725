from multiprocessing import Event, Process
from time import sleep

def run_proc(printed):
    """子进程要执行的代码"""
    print('子进程：第 1 行')
    print('子进程：第 2 行')
    printed.set()  # 告诉主进程：两行都打印完了
    sleep(10)      # 还有很多工作要做，但主进程不会等它做完
    print('子进程：工作完成')

if __name__ == '__main__':
    printed = Event()
    p = Process(target=run_proc, args=(printed,))
    p.start()
    printed.wait()
    p.terminate()
    p.join()
    print('主进程：子进程的退出码是 %d' % p.exitcode)
