from multiprocessing import Event, Process
import time

def run_proc(ready):
    """子进程要执行的代码"""
    try:
        ready.set()  # 告诉父进程：已经进入 try 块了
        time.sleep(10)
        print('子进程工作完成')
    except KeyboardInterrupt:
        print('子进程收到 KeyboardInterrupt，收尾后退出')

if __name__ == '__main__':
    ready = Event()
    p = Process(target=run_proc, args=(ready,))
    p.start()
    ready.wait()
    p.interrupt()  # Python 3.14 新增：向子进程发送 SIGINT，就像在终端里按 Ctrl+C
    p.join()
    print('子进程的退出码: %d' % p.exitcode)
