from multiprocessing import Event, Process
import os
from time import sleep

def run_proc(started, name, age, **kwargs):
    started.set()  # 告诉主进程：子进程开始工作了
    for _ in range(10):
        print('子进程运行中，name= %s,age=%d ,pid=%d...' % (name, age, os.getpid()))
        print(kwargs)
        sleep(1)  # 原文为 sleep(0.2)，改为每秒一轮，见下面的说明

if __name__=='__main__':
    started = Event()
    p = Process(target=run_proc, args=(started, 'test', 18), kwargs={"m":20})
    p.start()
    started.wait()  # 等子进程真正开始工作：启动它要多久，每台机器、每次运行都不同
    sleep(1.5)  # 再过1.5秒，立即结束子进程（原文为 sleep(1)，而且没有等子进程启动）
    p.terminate()
    p.join()
    print('子进程的退出码: %d' % p.exitcode)
