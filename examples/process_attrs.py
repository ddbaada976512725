from multiprocessing import Process
import time

def run_proc():
    """子进程要执行的代码"""
    time.sleep(0.5)

if __name__ == '__main__':
    p1 = Process(target=run_proc)                 # 不设定 name
    p2 = Process(target=run_proc, name='下载进程')  # 设定 name
    print('p1.name=%s, p2.name=%s' % (p1.name, p2.name))
    print('start() 之前：pid=%s, is_alive()=%s, exitcode=%s' % (p1.pid, p1.is_alive(), p1.exitcode))
    p1.start()
    p2.start()
    print('start() 之后：pid=%s, is_alive()=%s, exitcode=%s' % (p1.pid, p1.is_alive(), p1.exitcode))
    p1.join()
    p2.join()
    print('join() 之后：pid=%s, is_alive()=%s, exitcode=%s' % (p1.pid, p1.is_alive(), p1.exitcode))
