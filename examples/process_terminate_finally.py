from multiprocessing import Event, Process
import atexit
import time

def run_proc(started):
    """子进程要执行的代码"""
    atexit.register(print, '子进程的 atexit 函数执行了')
    try:
        print('子进程开始工作...')
        started.set()  # 告诉主进程：已经进入 try 块了
        time.sleep(10)
        print('子进程工作完成')
    finally:
        print('子进程的 finally 块执行了')

if __name__ == '__main__':
    started = Event()
    p = Process(target=run_proc, args=(started,))
    p.start()
    started.wait()
    p.terminate()
    p.join()
    print('子进程的退出码: %d' % p.exitcode)
