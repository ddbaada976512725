from multiprocessing import Process
import os

def run_proc():
    """子进程要执行的代码"""
    print('子进程运行中，进程号=%d...' % os.getpid())  # os.getpid() 返回当前进程的进程号
    print('子进程将要结束...')

if __name__ == '__main__':
    print('主进程的进程号：%d' % os.getpid())
    p = Process(target=run_proc)
    p.start()
